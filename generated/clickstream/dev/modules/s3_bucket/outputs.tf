output "bucket" {
  description = "Bucket name."
  value       = aws_s3_bucket.this.bucket
}

output "arn" {
  description = "Bucket ARN."
  value       = aws_s3_bucket.this.arn
}

output "regional_domain_name" {
  description = "The bucket's regional domain name (a CloudFront origin)."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "domain_name" {
  description = "The bucket's domain name (a CloudFront access-log destination)."
  value       = aws_s3_bucket.this.bucket_domain_name
}
