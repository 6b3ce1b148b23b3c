output "arn" {
  description = "Stream ARN."
  value       = var.arn
}

output "name" {
  description = "Stream name."
  value       = var.name
}
