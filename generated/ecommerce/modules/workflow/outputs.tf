output "arn" {
  description = "State machine ARN."
  value       = aws_sfn_state_machine.this.arn
}

output "name" {
  description = "State machine name."
  value       = aws_sfn_state_machine.this.name
}

output "log_group_name" {
  description = "Name of the log group executions log to."
  value       = aws_cloudwatch_log_group.this.name
}
