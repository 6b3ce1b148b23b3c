resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

# Failed batches, whole (records and metadata), for when the stream's retention has passed.
module "failure_bucket" {
  count  = var.failure_destination == "s3" && var.failure_bucket_arn == null ? 1 : 0
  source = "../s3_bucket"

  name                         = var.failure_bucket_name
  versioning                   = true
  sse_algorithm                = "AES256"
  kms_key_arn                  = null
  expire_after_days            = null
  infrequent_access_after_days = null
  noncurrent_expire_after_days = 30
  force_destroy                = false

  tags = var.tags
}

locals {
  failure_arn = {
    s3   = var.failure_destination == "s3" ? coalesce(var.failure_bucket_arn, try(module.failure_bucket[0].arn, null)) : null
    sqs  = var.failure_destination == "sqs" ? try(aws_sqs_queue.failures[0].arn, null) : null
    none = null
  }[var.failure_destination]
}

resource "aws_sqs_queue" "failures" {
  count = var.failure_destination == "sqs" ? 1 : 0

  name                      = "${var.name}-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true

  tags = var.tags
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_50:X-Ray tracing is the spec's tracing setting (checkov cannot read the variable)
  #checkov:skip=CKV_AWS_115:reserved concurrency is the spec's reserved_concurrency setting (checkov cannot read the variable)
  #checkov:skip=CKV_AWS_116:stream-triggered: failed batches go to the event source mapping's on-failure destination (whole batches in S3 by default); a function DLQ only serves asynchronous invocations
  #checkov:skip=CKV_AWS_117:a function runs in a VPC when the spec gives its subnet_ids (checkov cannot read the variable); one that calls only AWS APIs over TLS needs none
  #checkov:skip=CKV_AWS_173:environment holds no secrets (bucket names, prefixes, thresholds) and Lambda encrypts it at rest with an AWS-managed key
  #checkov:skip=CKV_AWS_272:pipelinec packages the code from the reviewed repository itself; code signing needs a Signer profile outside the spec
  function_name    = var.name
  role             = var.role_arn
  filename         = var.filename
  source_code_hash = filebase64sha256(var.filename)
  runtime          = var.runtime
  handler          = var.handler
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds
  architectures    = [var.architecture]

  reserved_concurrent_executions = var.reserved_concurrency == null ? -1 : var.reserved_concurrency

  dynamic "environment" {
    for_each = length(var.environment) > 0 ? [var.environment] : []
    content {
      variables = environment.value
    }
  }

  tracing_config {
    mode = var.tracing_mode
  }

  dynamic "vpc_config" {
    for_each = length(var.subnet_ids) > 0 ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tags = var.tags
}

# A function a schedule invokes runs asynchronously: an event that still fails after Lambda's
# own retries goes, whole (`requestPayload`), to this queue instead of being dropped.
resource "aws_sqs_queue" "async_failures" {
  count = var.async_failure_queue == null ? 0 : 1

  name                      = var.async_failure_queue
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true

  tags = var.tags
}

resource "aws_lambda_function_event_invoke_config" "this" {
  count = var.async_failure_queue == null ? 0 : 1

  function_name                = aws_lambda_function.this.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.async_failures[0].arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "this" {
  for_each = var.event_sources

  function_name                      = aws_lambda_function.this.arn
  event_source_arn                   = each.value
  starting_position                  = var.starting_position
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.batching_window_seconds
  maximum_retry_attempts             = var.maximum_retry_attempts
  bisect_batch_on_function_error     = var.bisect_batch_on_error

  function_response_types = var.report_batch_item_failures ? ["ReportBatchItemFailures"] : null

  dynamic "destination_config" {
    for_each = local.failure_arn == null ? [] : [local.failure_arn]
    content {
      on_failure {
        destination_arn = destination_config.value
      }
    }
  }

  tags = var.tags
}
