# The application's own bucket: the code zip it starts from. It holds nothing that the render
# cannot recreate, so destroying the application empties it.
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

resource "aws_s3_object" "code" {
  bucket = module.assets.bucket
  key    = var.code_key
  source = var.code_file
  etag   = filemd5(var.code_file)

  tags = var.tags
}

# The application's logs, created here so that they have a retention; the application writes
# only the one stream it is given.
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  name              = var.log_group
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_cloudwatch_log_stream" "this" {
  name           = var.log_stream
  log_group_name = aws_cloudwatch_log_group.this.name
}

resource "aws_kinesisanalyticsv2_application" "this" {
  name                   = var.name
  runtime_environment    = var.runtime
  service_execution_role = var.role_arn
  start_application      = var.start_application

  application_configuration {
    application_code_configuration {
      code_content_type = "ZIPFILE"

      code_content {
        s3_content_location {
          bucket_arn     = module.assets.arn
          file_key       = aws_s3_object.code.key
          object_version = aws_s3_object.code.version_id
        }
      }
    }

    # Snapshots keep the stream positions and the open windows across a stop, an update or a
    # restart; with them on, every start restores the latest one (the first start has none).
    application_snapshot_configuration {
      snapshots_enabled = var.snapshots
    }

    environment_properties {
      property_group {
        property_group_id = var.run_options_group
        property_map      = var.run_options
      }

      property_group {
        property_group_id = var.property_group
        property_map      = var.properties
      }
    }

    flink_application_configuration {
      checkpoint_configuration {
        configuration_type            = "CUSTOM"
        checkpointing_enabled         = var.checkpointing
        checkpoint_interval           = var.checkpoint_interval_ms
        min_pause_between_checkpoints = var.min_pause_between_checkpoints_ms
      }

      monitoring_configuration {
        configuration_type = "CUSTOM"
        log_level          = var.log_level
        metrics_level      = var.metrics_level
      }

      parallelism_configuration {
        configuration_type   = "CUSTOM"
        auto_scaling_enabled = var.auto_scaling
        parallelism          = var.parallelism
        parallelism_per_kpu  = var.parallelism_per_kpu
      }
    }

    # How a start restores state: given only when Terraform starts the application (AWS takes
    # it with StartApplication).
    dynamic "run_configuration" {
      for_each = var.start_application ? [1] : []
      content {
        application_restore_configuration {
          application_restore_type = var.snapshots ? "RESTORE_FROM_LATEST_SNAPSHOT" : "SKIP_RESTORE_FROM_SNAPSHOT"
        }

        # A snapshot whose state no longer maps onto the job (an operator removed) stops the
        # start instead of dropping that state silently.
        flink_run_configuration {
          allow_non_restored_state = false
        }
      }
    }
  }

  cloudwatch_logging_options {
    log_stream_arn = aws_cloudwatch_log_stream.this.arn
  }

  tags = var.tags
}
