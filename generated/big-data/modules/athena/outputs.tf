output "workgroup" {
  description = "Workgroup name."
  value       = aws_athena_workgroup.this.name
}

output "results_bucket" {
  description = "Query results bucket name."
  value       = module.results.bucket
}
