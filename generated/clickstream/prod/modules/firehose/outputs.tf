output "arn" {
  description = "Delivery stream ARN."
  value       = aws_kinesis_firehose_delivery_stream.this.arn
}

output "name" {
  description = "Delivery stream name."
  value       = aws_kinesis_firehose_delivery_stream.this.name
}
