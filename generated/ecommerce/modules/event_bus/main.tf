# An EventBridge event bus of its own. Each rule matches events by source and detail type and
# delivers them to an external API's destination with the bus's role; a delivery that still
# fails after its retries is kept in the dead-letter queue (14 days), whose policy admits
# EventBridge for exactly these rules.

resource "aws_cloudwatch_event_bus" "this" {
  name = var.name

  tags = var.tags
}

resource "aws_sqs_queue" "dead_letters" {
  name                      = var.dead_letter_queue
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true

  tags = var.tags
}

resource "aws_sqs_queue_policy" "dead_letters" {
  count = var.has_dead_letter_policy ? 1 : 0

  queue_url = aws_sqs_queue.dead_letters.id
  policy    = var.dead_letter_policy_json
}

resource "aws_cloudwatch_event_rule" "this" {
  for_each = var.rules

  name           = each.value.name
  description    = var.description
  event_bus_name = aws_cloudwatch_event_bus.this.name
  event_pattern = jsonencode({
    source        = [each.value.source]
    "detail-type" = [each.value.detail_type]
  })

  tags = var.tags
}

resource "aws_cloudwatch_event_target" "this" {
  for_each = var.rules

  rule           = aws_cloudwatch_event_rule.this[each.key].name
  event_bus_name = aws_cloudwatch_event_bus.this.name
  target_id      = "deliver"
  arn            = each.value.target_arn
  role_arn       = var.role_arn

  retry_policy {
    maximum_retry_attempts       = each.value.retry_attempts
    maximum_event_age_in_seconds = each.value.max_event_age_seconds
  }

  dead_letter_config {
    arn = aws_sqs_queue.dead_letters.arn
  }
}
