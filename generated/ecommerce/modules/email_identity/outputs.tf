output "arn" {
  description = "Identity ARN."
  value       = aws_sesv2_email_identity.this.arn
}

output "identity" {
  description = "The domain or the email address."
  value       = aws_sesv2_email_identity.this.email_identity
}

output "sender" {
  description = "The address messages are sent from."
  value       = var.sender
}

output "configuration_set_name" {
  description = "Name of the configuration set."
  value       = aws_sesv2_configuration_set.this.configuration_set_name
}

output "configuration_set_arn" {
  description = "ARN of the configuration set."
  value       = aws_sesv2_configuration_set.this.arn
}

output "dkim_tokens" {
  description = "Easy DKIM tokens of a domain identity (one CNAME record each), or an empty list."
  value       = try(aws_sesv2_email_identity.this.dkim_signing_attributes[0].tokens, [])
}
