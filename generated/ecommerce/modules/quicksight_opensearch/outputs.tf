output "data_source_arn" {
  description = "QuickSight data source ARN."
  value       = aws_quicksight_data_source.this.arn
}

output "data_set_arns" {
  description = "QuickSight data set ARNs by key."
  value       = { for key, d in aws_quicksight_data_set.this : key => d.arn }
}
