output "dashboard_name" {
  description = "CloudWatch dashboard name."
  value       = var.dashboard_enabled ? aws_cloudwatch_dashboard.this[0].dashboard_name : null
}

output "dashboard_url" {
  description = "CloudWatch console address of the dashboard."
  value       = var.dashboard_enabled ? "https://${var.region}.console.aws.amazon.com/cloudwatch/home?region=${var.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.this[0].dashboard_name}" : null
}

output "topic_arn" {
  description = "ARN of the SNS topic the alarms notify."
  value       = var.alarms_enabled ? aws_sns_topic.alarms[0].arn : null
}

output "alarm_names" {
  description = "Names of the alarms."
  value       = sort([for a in aws_cloudwatch_metric_alarm.this : a.alarm_name])
}
