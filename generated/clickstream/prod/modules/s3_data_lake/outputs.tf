output "bucket" {
  description = "Data-lake bucket name."
  value       = module.bucket.bucket
}

output "arn" {
  description = "Data-lake bucket ARN."
  value       = module.bucket.arn
}
