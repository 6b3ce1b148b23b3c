# An API Gateway HTTP API: one integration per route (a Lambda proxy call, a record put into a
# Kinesis stream or a Step Functions execution started), routes (some behind a JWT
# authorizer over a Cognito user pool), one stage with throttling and JSON access logs. The
# functions' permissions (each held to the routes that call it) are in the root's iam.tf.

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"

  dynamic "cors_configuration" {
    for_each = length(var.cors_origins) > 0 ? [var.cors_origins] : []

    content {
      allow_origins = cors_configuration.value
      allow_methods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
      allow_headers = ["authorization", "content-type"]
      max_age       = 600
    }
  }

  tags = var.tags
}

resource "aws_apigatewayv2_authorizer" "users" {
  count = var.issuer == null ? 0 : 1

  api_id           = aws_apigatewayv2_api.this.id
  name             = "${var.name}-users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.issuer
    audience = var.audience
  }
}

resource "aws_apigatewayv2_integration" "this" {
  for_each = var.integrations

  api_id               = aws_apigatewayv2_api.this.id
  integration_type     = "AWS_PROXY"
  timeout_milliseconds = each.value.timeout_ms

  # A function gets the whole request (payload format 2.0). A stream or a workflow is one of
  # API Gateway's AWS service integrations (format 1.0), called with the API's role: the body
  # becomes the record's data or the execution's input.
  integration_uri        = each.value.function_arn
  integration_subtype    = each.value.stream_name != null ? "Kinesis-PutRecord" : each.value.state_machine_arn != null ? "StepFunctions-StartExecution" : null
  credentials_arn        = each.value.function_arn == null ? var.role_arn : null
  payload_format_version = each.value.function_arn == null ? "1.0" : "2.0"
  request_parameters = (
    each.value.stream_name != null ? tomap({
      StreamName   = each.value.stream_name
      Data         = "$request.body"
      PartitionKey = each.value.partition_key
    }) :
    each.value.state_machine_arn != null ? tomap({
      StateMachineArn = each.value.state_machine_arn
      Input           = "$request.body"
    }) : null
  )
}

resource "aws_apigatewayv2_route" "this" {
  #checkov:skip=CKV_AWS_309:each route is public unless the spec marks it signed_in, which adds the JWT authorizer
  for_each = var.routes

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  target             = "integrations/${aws_apigatewayv2_integration.this[each.key].id}"
  authorization_type = each.value.signed_in ? "JWT" : "NONE"
  authorizer_id      = each.value.signed_in ? aws_apigatewayv2_authorizer.users[0].id : null
}

resource "aws_cloudwatch_log_group" "access" {
  #checkov:skip=CKV_AWS_158:log groups use CloudWatch Logs' own encryption; a customer KMS key is not modelled yet
  #checkov:skip=CKV_AWS_338:access logs are kept for the spec's log_retention_days (30 by default), not a year
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_apigatewayv2_stage" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = var.stage
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.rate_limit
    throttling_burst_limit = var.burst_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      requestTime    = "$context.requestTime"
      routeKey       = "$context.routeKey"
      status         = "$context.status"
      responseLength = "$context.responseLength"
      latency        = "$context.responseLatency"
      error          = "$context.error.message"
      integration    = "$context.integrationErrorMessage"
      user           = "$context.authorizer.claims.sub"
    })
  }

  tags = var.tags
}
