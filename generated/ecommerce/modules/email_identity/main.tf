# An SES (v2) sending identity and the configuration set every message sent from it goes
# through: TLS to the receiving server required, reputation metrics (bounce and complaint
# rates) published to CloudWatch, sending on.

resource "aws_sesv2_configuration_set" "this" {
  configuration_set_name = var.configuration_set

  delivery_options {
    tls_policy = "REQUIRE"
  }

  reputation_options {
    reputation_metrics_enabled = true
  }

  sending_options {
    sending_enabled = true
  }

  suppression_options {
    suppressed_reasons = var.suppress_bounces_and_complaints ? ["BOUNCE", "COMPLAINT"] : []
  }

  tags = var.tags
}

resource "aws_sesv2_email_identity" "this" {
  email_identity         = var.identity
  configuration_set_name = aws_sesv2_configuration_set.this.configuration_set_name

  # Easy DKIM for a domain: SES generates the keys and gives the tokens of the CNAME records
  # that verify the domain. An address identity signs with its domain's DKIM, if verified.
  dynamic "dkim_signing_attributes" {
    for_each = var.is_domain ? [1] : []
    content {
      next_signing_key_length = var.dkim_key_length
    }
  }

  tags = var.tags
}
