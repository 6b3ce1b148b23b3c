output "user_pool_id" {
  description = "User pool id."
  value       = var.user_pool_id
}

output "arn" {
  description = "User pool ARN."
  value       = var.arn
}

output "client_id" {
  description = "The app client's id (the JWT audience)."
  value       = var.client_id
}

output "issuer" {
  description = "The tokens' issuer URL (a JWT authorizer's issuer)."
  value       = var.issuer
}
