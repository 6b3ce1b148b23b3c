# A Cognito user pool for a site's customers: sign-in by email address (verified), strong
# passwords, optional or required authenticator-app MFA, recovery by verified email only, and
# one public app client (no secret: it runs in the browser) using SRP, never plain passwords.

data "aws_region" "current" {}

resource "aws_cognito_user_pool" "this" {
  name                     = var.name
  deletion_protection      = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = var.mfa

  dynamic "software_token_mfa_configuration" {
    for_each = var.mfa == "OFF" ? [] : [var.mfa]

    content {
      enabled = true
    }
  }

  password_policy {
    minimum_length                   = var.password_min_length
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = var.password_require_symbols
    temporary_password_validity_days = var.temporary_password_days
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  username_configuration {
    case_sensitive = false
  }

  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }

  tags = var.tags
}

resource "aws_cognito_user_pool_client" "this" {
  name                          = var.name
  user_pool_id                  = aws_cognito_user_pool.this.id
  generate_secret               = false
  explicit_auth_flows           = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true
  access_token_validity         = var.token_minutes
  id_token_validity             = var.token_minutes
  refresh_token_validity        = var.refresh_token_days
  supported_identity_providers  = ["COGNITO"]

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  # Hosted pages: the authorization-code flow (with PKCE in the browser), never implicit.
  allowed_oauth_flows_user_pool_client = var.domain_prefix != null
  allowed_oauth_flows                  = var.domain_prefix == null ? [] : ["code"]
  allowed_oauth_scopes                 = var.domain_prefix == null ? [] : ["openid", "email", "profile"]
  callback_urls                        = var.callback_urls
  logout_urls                          = var.logout_urls
}

resource "aws_cognito_user_pool_domain" "this" {
  count = var.domain_prefix == null ? 0 : 1

  domain       = var.domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}
