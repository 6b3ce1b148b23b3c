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

output "database" {
  description = "Database the views live in."
  value       = aws_redshiftserverless_namespace.this.db_name
}

output "port" {
  description = "Port of the workgroup's endpoint."
  value       = aws_redshiftserverless_workgroup.this.endpoint[0].port
}

output "view_names" {
  description = "View names by the spec's view key, known once each view's statement has run."
  value       = { for name, s in aws_redshiftdata_statement.view : name => name }
}
