# The job's own bucket: the script Glue runs and its temporary directory. It holds nothing that
# the render cannot recreate, so destroying the job empties it.
module "assets" {
  source = "../s3_bucket"

  name                         = var.assets_bucket
  versioning                   = true
  sse_algorithm                = "AES256"
  kms_key_arn                  = null
  expire_after_days            = null
  infrequent_access_after_days = null
  noncurrent_expire_after_days = 30
  force_destroy                = true

  tags = var.tags
}

resource "aws_s3_object" "script" {
  bucket = module.assets.bucket
  key    = var.script_key
  source = var.script_file
  etag   = filemd5(var.script_file)

  tags = var.tags
}

# Glue 5 logs into `<prefix>/error` (system, Spark and GlueLogger logs) and `<prefix>/output`
# (the script's stdout and stderr); created here so that they have a retention.
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  for_each = toset(["error", "output"])

  name              = "${var.log_group_prefix}/${each.key}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_glue_job" "this" {
  #checkov:skip=CKV_AWS_195:the buckets the job writes encrypt at rest by default (SSE-S3 or the lake's KMS key), which a security configuration's S3 setting would override; its CloudWatch and bookmark encryption need a customer KMS key pipelinec does not manage yet
  name              = var.name
  description       = var.description
  role_arn          = var.role_arn
  glue_version      = var.glue_version
  worker_type       = var.worker_type
  number_of_workers = var.number_of_workers
  timeout           = var.timeout_minutes
  max_retries       = var.max_retries
  execution_class   = "STANDARD"

  command {
    name            = "glueetl"
    python_version  = "3"
    script_location = "s3://${module.assets.bucket}/${aws_s3_object.script.key}"
  }

  # One run at a time: with job bookmarks, two runs would process the same new data.
  execution_property {
    max_concurrent_runs = 1
  }

  default_arguments = merge(var.arguments, {
    "--job-language"           = "python"
    "--job-bookmark-option"    = var.job_bookmarks ? "job-bookmark-enable" : "job-bookmark-disable"
    "--TempDir"                = "s3://${module.assets.bucket}/${var.temp_prefix}"
    "--enable-metrics"         = "true"
    "--custom-logGroup-prefix" = var.log_group_prefix
  })

  depends_on = [aws_cloudwatch_log_group.this]

  tags = var.tags
}

resource "aws_glue_trigger" "schedule" {
  count = var.schedule == null ? 0 : 1

  name     = var.name
  type     = "SCHEDULED"
  schedule = var.schedule

  actions {
    job_name = aws_glue_job.this.name
  }

  tags = var.tags
}
