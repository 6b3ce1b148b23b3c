output "user_pool_id" {
  description = "User pool id."
  value       = aws_cognito_user_pool.this.id
}

output "arn" {
  description = "User pool ARN."
  value       = aws_cognito_user_pool.this.arn
}

output "client_id" {
  description = "The app client's id (the JWT audience)."
  value       = aws_cognito_user_pool_client.this.id
}

output "issuer" {
  description = "The tokens' issuer URL (a JWT authorizer's issuer)."
  value       = "https://${aws_cognito_user_pool.this.endpoint}"
}

output "hosted_ui_url" {
  description = "The hosted sign-in pages, or null."
  value       = var.domain_prefix == null ? null : "https://${var.domain_prefix}.auth.${data.aws_region.current.name}.amazoncognito.com"
}
