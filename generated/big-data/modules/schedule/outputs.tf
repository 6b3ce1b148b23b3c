output "arn" {
  description = "Schedule ARN."
  value       = aws_scheduler_schedule.this.arn
}

output "name" {
  description = "Schedule name."
  value       = aws_scheduler_schedule.this.name
}

output "dead_letter_queue_url" {
  description = "URL of the queue holding starts that failed every retry."
  value       = aws_sqs_queue.dead_letters.url
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue."
  value       = aws_sqs_queue.dead_letters.arn
}

output "dead_letter_queue_name" {
  description = "Name of the dead-letter queue."
  value       = aws_sqs_queue.dead_letters.name
}
