output "application_id" {
  description = "EMR Serverless application id."
  value       = aws_emrserverless_application.this.id
}

output "application_arn" {
  description = "EMR Serverless application ARN (what a caller of StartJobRun is granted on)."
  value       = aws_emrserverless_application.this.arn
}

output "start_job_run" {
  description = "The StartJobRun request that runs the job, as JSON (aws emr-serverless start-job-run --cli-input-json)."
  value       = jsonencode(local.start_job_run)
}

output "start_job_run_request" {
  description = "The StartJobRun request as an object, for a schedule's universal target."
  value       = local.start_job_run
}

output "assets_bucket" {
  description = "Name of the bucket holding the script."
  value       = module.assets.bucket
}

output "log_group" {
  description = "Name of the log group of the job's runs."
  value       = aws_cloudwatch_log_group.this.name
}
