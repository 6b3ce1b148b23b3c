output "namespace_name" {
  description = "Redshift Serverless namespace name."
  value       = aws_redshiftserverless_namespace.this.namespace_name
}

output "workgroup_name" {
  description = "Redshift Serverless workgroup name."
  value       = aws_redshiftserverless_workgroup.this.workgroup_name
}

output "endpoint" {
  description = "Host name of the workgroup's endpoint."
  value       = aws_redshiftserverless_workgroup.this.endpoint[0].address
}

output "admin_password_secret_arn" {
  description = "Secrets Manager secret Redshift keeps the admin user's password in."
  value       = aws_redshiftserverless_namespace.this.admin_password_secret_arn
}
