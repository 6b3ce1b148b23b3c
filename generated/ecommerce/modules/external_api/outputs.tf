output "connection_arn" {
  description = "ARN of the connection."
  value       = aws_cloudwatch_event_connection.this.arn
}

output "connection_name" {
  description = "Name of the connection."
  value       = aws_cloudwatch_event_connection.this.name
}

output "secret_arn" {
  description = "ARN of the Secrets Manager secret the connection keeps its credential in."
  value       = aws_cloudwatch_event_connection.this.secret_arn
}

output "base_url" {
  description = "The API's base URL."
  value       = var.base_url
}

output "api_destination_arn" {
  description = "ARN of the API destination, or null without deliveries."
  value       = try(aws_cloudwatch_event_api_destination.this[0].arn, null)
}

output "set_credential" {
  description = "The command that sets the real credential (from $API_KEY, or $API_USER and $API_PASSWORD)."
  value       = "aws events update-connection --name ${aws_cloudwatch_event_connection.this.name} --authorization-type ${var.authorization_type} --auth-parameters \"${local.auth_parameters[var.authorization_type]}\""
}
