output "arn" {
  description = "Function ARN."
  value       = aws_lambda_function.this.arn
}

output "function_name" {
  description = "Function name."
  value       = aws_lambda_function.this.function_name
}

output "failure_queue_url" {
  description = "URL of the failure queue (failure_destination sqs)."
  value       = var.failure_destination == "sqs" ? aws_sqs_queue.failures[0].url : null
}

output "failure_bucket" {
  description = "Name of the bucket created for failed batches, if any."
  value       = length(module.failure_bucket) > 0 ? module.failure_bucket[0].bucket : null
}

output "failure_queue_name" {
  description = "Name of the failure queue (failure_destination sqs)."
  value       = var.failure_destination == "sqs" ? aws_sqs_queue.failures[0].name : null
}

output "async_failure_queue_name" {
  description = "Name of the queue of failed asynchronous invocations, if any."
  value       = var.async_failure_queue == null ? null : aws_sqs_queue.async_failures[0].name
}
