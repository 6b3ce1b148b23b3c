# An HTTPS API outside AWS: an EventBridge connection that signs its requests, with the
# credential in the Secrets Manager secret the connection creates and owns, and, when events
# are delivered to it, an API destination.
#
# The credential here is a placeholder: the real one is set out of band (the `set_credential`
# output), and Terraform ignores the connection's credentials from then on, so the secret's
# value never appears in the configuration or the state.

resource "aws_cloudwatch_event_connection" "this" {
  name               = var.name
  description        = var.description
  authorization_type = var.authorization_type

  auth_parameters {
    dynamic "api_key" {
      for_each = var.authorization_type == "API_KEY" ? [1] : []
      content {
        key   = var.header
        value = var.placeholder
      }
    }

    dynamic "basic" {
      for_each = var.authorization_type == "BASIC" ? [1] : []
      content {
        username = var.placeholder
        password = var.placeholder
      }
    }
  }

  lifecycle {
    ignore_changes = [auth_parameters]
  }
}

resource "aws_cloudwatch_event_api_destination" "this" {
  count = var.deliver ? 1 : 0

  name                             = var.name
  description                      = var.description
  connection_arn                   = aws_cloudwatch_event_connection.this.arn
  invocation_endpoint              = "${var.base_url}${var.deliver_path}"
  http_method                      = var.deliver_method
  invocation_rate_limit_per_second = var.rate_limit_per_second
}

locals {
  auth_parameters = {
    API_KEY = "ApiKeyAuthParameters={ApiKeyName=${var.header},ApiKeyValue=$API_KEY}"
    BASIC   = "BasicAuthParameters={Username=$API_USER,Password=$API_PASSWORD}"
  }
}
