output "bucket" {
  description = "Data-lake bucket name."
  value       = var.bucket
}

output "arn" {
  description = "Data-lake bucket ARN."
  value       = var.arn
}
