resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_sqs_queue" "failures" {
  count = var.failure_queue ? 1 : 0

  name                      = "${var.name}-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  role             = var.role_arn
  filename         = var.filename
  source_code_hash = filebase64sha256(var.filename)
  runtime          = var.runtime
  handler          = var.handler
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds
  architectures    = [var.architecture]

  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency

  dynamic "environment" {
    for_each = length(var.environment) > 0 ? [var.environment] : []
    content {
      variables = environment.value
    }
  }

  tracing_config {
    mode = var.tracing_mode
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }
}

resource "aws_lambda_event_source_mapping" "this" {
  for_each = var.event_sources

  function_name                      = aws_lambda_function.this.arn
  event_source_arn                   = each.value
  starting_position                  = var.starting_position
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.batching_window_seconds
  maximum_retry_attempts             = var.maximum_retry_attempts
  bisect_batch_on_function_error     = var.bisect_batch_on_error

  dynamic "destination_config" {
    for_each = var.failure_queue ? [aws_sqs_queue.failures[0].arn] : []
    content {
      on_failure {
        destination_arn = destination_config.value
      }
    }
  }
}
