# The project's CloudWatch dashboard and alarms, and the encrypted SNS topic the alarms notify.
# pipelinec derives every widget and alarm from the spec's components and data flows.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  # Exactly this project's alarms: the only sources allowed to publish to the topic and to
  # use its key.
  alarm_arns = [for name in sort(keys(var.alarms)) : "arn:${data.aws_partition.current.partition}:cloudwatch:${var.region}:${local.account_id}:alarm:${name}"]
}

resource "aws_cloudwatch_dashboard" "this" {
  count = var.dashboard_enabled ? 1 : 0

  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [for w in var.widgets : {
      type   = "metric"
      x      = w.x
      y      = w.y
      width  = w.width
      height = w.height
      properties = {
        title   = w.title
        region  = var.region
        view    = "timeSeries"
        stat    = w.stat
        period  = w.period
        metrics = [concat([w.namespace, w.metric_name], flatten([for k, v in w.dimensions : [k, v]]))]
        annotations = {
          horizontal = w.threshold == null ? [] : [{ label = "alarm threshold", value = w.threshold }]
        }
      }
    }]
  })
}

# CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key
# (alias/aws/sns), whose policy cannot be changed to let CloudWatch use it: the topic gets a key
# of its own. https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
resource "aws_kms_key" "alarms" {
  count = var.alarms_enabled ? 1 : 0

  description             = "Encrypts the alarm topic of ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministersThroughIam"
        Effect    = "Allow"
        Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchAlarmsPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
          ArnLike      = { "aws:SourceArn" = local.alarm_arns }
        }
      },
    ]
  })
}

resource "aws_kms_alias" "alarms" {
  count = var.alarms_enabled ? 1 : 0

  name          = "alias/${var.name}-alarms"
  target_key_id = aws_kms_key.alarms[0].key_id
}

resource "aws_sns_topic" "alarms" {
  count = var.alarms_enabled ? 1 : 0

  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.alarms[0].arn
}

resource "aws_sns_topic_policy" "alarms" {
  count = var.alarms_enabled ? 1 : 0

  arn = aws_sns_topic.alarms[0].arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudWatchAlarmsPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alarms[0].arn
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
          ArnLike      = { "aws:SourceArn" = local.alarm_arns }
        }
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each = var.alarms_enabled ? var.subscriptions : {}

  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = each.value.protocol
  endpoint  = each.value.endpoint
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each   = var.alarms_enabled ? var.alarms : {}
  depends_on = [aws_sns_topic_policy.alarms]

  alarm_name          = each.key
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric_name
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  period              = each.value.period
  comparison_operator = each.value.comparison_operator
  threshold           = each.value.threshold
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  treat_missing_data  = each.value.treat_missing_data
  alarm_actions       = [aws_sns_topic.alarms[0].arn]
  ok_actions          = [aws_sns_topic.alarms[0].arn]
}
