# An EventBridge Scheduler schedule in the account's default group, starting one target with
# the schedule's own role. A start that still fails after its retries is kept in the
# dead-letter queue (14 days) instead of being dropped.

resource "aws_sqs_queue" "dead_letters" {
  name                      = var.dead_letter_queue
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true

  tags = var.tags
}

resource "aws_scheduler_schedule" "this" {
  #checkov:skip=CKV_AWS_297:a schedule holds only its target and input (names, a saved query), encrypted at rest with an AWS owned key; a customer key is not modelled yet
  name                         = var.name
  group_name                   = "default"
  description                  = var.description
  schedule_expression          = var.expression
  schedule_expression_timezone = var.timezone
  state                        = var.enabled ? "ENABLED" : "DISABLED"

  flexible_time_window {
    mode                      = var.flexible_window_minutes > 0 ? "FLEXIBLE" : "OFF"
    maximum_window_in_minutes = var.flexible_window_minutes > 0 ? var.flexible_window_minutes : null
  }

  target {
    arn      = var.target_arn
    role_arn = var.role_arn
    input    = var.target_input

    retry_policy {
      maximum_retry_attempts       = var.retry_attempts
      maximum_event_age_in_seconds = var.max_event_age_seconds
    }

    dead_letter_config {
      arn = aws_sqs_queue.dead_letters.arn
    }
  }
}
