module "results" {
  source = "../s3_bucket"

  name                         = var.results_bucket
  versioning                   = false
  expire_after_days            = var.results_retention_days
  noncurrent_expire_after_days = 1
  force_destroy                = var.force_destroy

  tags = var.tags
}

resource "aws_athena_workgroup" "this" {
  name          = var.name
  description   = var.description
  force_destroy = var.force_destroy

  configuration {
    enforce_workgroup_configuration    = var.enforce
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.bytes_scanned_cutoff

    result_configuration {
      output_location = "s3://${module.results.bucket}/results/"

      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }

  tags = var.tags
}

resource "aws_athena_named_query" "this" {
  for_each = var.named_queries

  name        = each.value.name
  description = each.value.description
  workgroup   = aws_athena_workgroup.this.id
  database    = each.value.database
  query       = file(each.value.file)
}
