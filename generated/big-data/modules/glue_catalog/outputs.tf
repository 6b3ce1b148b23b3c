output "database" {
  description = "Glue database name."
  value       = aws_glue_catalog_database.this.name
}

output "tables" {
  description = "Table names."
  value       = [for t in aws_glue_catalog_table.this : t.name]
}
