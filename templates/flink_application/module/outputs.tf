output "application_name" {
  description = "Name of the Flink application (the Application dimension of its metrics)."
  value       = aws_kinesisanalyticsv2_application.this.name
}

output "application_arn" {
  description = "ARN of the Flink application."
  value       = aws_kinesisanalyticsv2_application.this.arn
}

output "assets_bucket" {
  description = "Name of the bucket holding the code zip."
  value       = module.assets.bucket
}

output "log_group" {
  description = "Name of the application's log group."
  value       = aws_cloudwatch_log_group.this.name
}
