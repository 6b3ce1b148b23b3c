output "distribution_id" {
  description = "Distribution id."
  value       = aws_cloudfront_distribution.this.id
}

output "arn" {
  description = "Distribution ARN."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "The distribution's domain name (*.cloudfront.net)."
  value       = aws_cloudfront_distribution.this.domain_name
}
