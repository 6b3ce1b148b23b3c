output "domain_name" {
  description = "Domain name."
  value       = aws_opensearch_domain.this.domain_name
}

output "arn" {
  description = "Domain ARN."
  value       = aws_opensearch_domain.this.arn
}

output "endpoint" {
  description = "Host name of the domain's HTTPS endpoint."
  value       = aws_opensearch_domain.this.endpoint
}

output "account_id" {
  description = "The domain's account: the ClientId dimension of its CloudWatch metrics."
  value       = var.account_id
}
