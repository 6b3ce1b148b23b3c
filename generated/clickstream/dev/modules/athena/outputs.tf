output "workgroup" {
  description = "Workgroup name."
  value       = aws_athena_workgroup.this.name
}

output "results_bucket" {
  description = "Query results bucket name."
  value       = module.results.bucket
}

output "named_queries" {
  description = "Saved queries by key: their id, database and SQL text (what a schedule runs)."
  value = {
    for key, q in aws_athena_named_query.this : key => {
      id       = q.id
      database = q.database
      query    = q.query
    }
  }
}
