output "arn" {
  description = "Function ARN."
  value       = aws_lambda_function.this.arn
}

output "function_name" {
  description = "Function name."
  value       = aws_lambda_function.this.function_name
}

output "failure_queue_url" {
  description = "URL of the failure queue, if any."
  value       = var.failure_queue ? aws_sqs_queue.failures[0].url : null
}
