# The job's own bucket: the script its runs start from. It holds nothing that the render cannot
# recreate, so destroying the job empties it.
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

# The driver's and executors' stdout and stderr, under `<log_stream_prefix>/…` streams; created
# here so that they have a retention.
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  name              = var.log_group
  retention_in_days = var.log_retention_days

  tags = var.tags
}

# No cluster: workers start with a run (auto start) and stop after `idle_timeout_minutes`
# without one (auto stop), and the application never holds more than its maximum capacity.
# No pre-initialised capacity, so an idle application bills nothing.
resource "aws_emrserverless_application" "this" {
  name          = var.name
  type          = "spark"
  release_label = var.release_label
  architecture  = var.architecture

  auto_start_configuration {
    enabled = true
  }

  auto_stop_configuration {
    enabled              = true
    idle_timeout_minutes = var.idle_timeout_minutes
  }

  maximum_capacity {
    cpu    = "${var.max_vcpu} vCPU"
    memory = "${var.max_memory_gb} GB"
  }

  tags = var.tags
}

locals {
  # `--conf key=value` for each Spark property; the request leaves the field out when there is
  # none (EMR Serverless refuses an empty `sparkSubmitParameters`).
  spark_submit_parameters = {
    for k, v in {
      sparkSubmitParameters = join(" ", [for k in sort(keys(var.spark_properties)) : "--conf ${k}=${var.spark_properties[k]}"])
    } : k => v if length(var.spark_properties) > 0
  }

  # A job run is not a Terraform resource: this is the `StartJobRun` request a scheduler or a
  # person sends to run the job once.
  start_job_run = {
    applicationId           = aws_emrserverless_application.this.id
    executionRoleArn        = var.role_arn
    name                    = var.name
    executionTimeoutMinutes = var.execution_timeout_minutes
    jobDriver = {
      sparkSubmit = merge({
        entryPoint          = "s3://${module.assets.bucket}/${aws_s3_object.script.key}"
        entryPointArguments = flatten([for k in sort(keys(var.arguments)) : [k, var.arguments[k]]])
      }, local.spark_submit_parameters)
    }
    configurationOverrides = {
      monitoringConfiguration = {
        cloudWatchLoggingConfiguration = {
          enabled             = true
          logGroupName        = aws_cloudwatch_log_group.this.name
          logStreamNamePrefix = var.log_stream_prefix
        }
      }
    }
  }
}
