output "bucket" {
  description = "Bucket name."
  value       = module.bucket.bucket
}

output "arn" {
  description = "Bucket ARN."
  value       = module.bucket.arn
}

output "regional_domain_name" {
  description = "The bucket's regional domain name: the distribution's origin."
  value       = module.bucket.regional_domain_name
}
