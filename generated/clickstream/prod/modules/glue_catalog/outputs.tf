output "database" {
  description = "Glue database name."
  value       = aws_glue_catalog_database.this.name
}

output "tables" {
  description = "Table names."
  value       = [for t in aws_glue_catalog_table.this : t.name]
}

output "table_names" {
  description = "Table names by the spec's table key."
  value       = { for key, t in aws_glue_catalog_table.this : key => t.name }
}
