output "arn" {
  description = "Job ARN."
  value       = aws_glue_job.this.arn
}

output "job_name" {
  description = "Job name."
  value       = aws_glue_job.this.name
}

output "assets_bucket" {
  description = "Name of the bucket holding the script and the temporary directory."
  value       = module.assets.bucket
}
