resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  name              = "/aws/kinesisfirehose/${var.name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_cloudwatch_log_stream" "delivery" {
  name           = "DestinationDelivery"
  log_group_name = aws_cloudwatch_log_group.this.name
}

resource "aws_kinesis_firehose_delivery_stream" "this" {
  name        = var.name
  destination = "extended_s3"

  kinesis_source_configuration {
    kinesis_stream_arn = var.stream_arn
    role_arn           = var.role_arn
  }

  extended_s3_configuration {
    role_arn            = var.role_arn
    bucket_arn          = var.bucket_arn
    prefix              = var.prefix
    error_output_prefix = var.error_output_prefix
    buffering_size      = var.buffering_size_mb
    buffering_interval  = var.buffering_interval_seconds
    compression_format  = var.compression_format

    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = aws_cloudwatch_log_group.this.name
      log_stream_name = aws_cloudwatch_log_stream.delivery.name
    }

    # Partitions from each record's own time: a late record lands in its event's partition.
    dynamic "dynamic_partitioning_configuration" {
      for_each = var.metadata_query == null ? [] : [1]
      content {
        enabled        = true
        retry_duration = 300
      }
    }

    dynamic "processing_configuration" {
      for_each = var.processor_arn == null && var.metadata_query == null ? [] : [1]
      content {
        enabled = true

        dynamic "processors" {
          for_each = var.processor_arn == null ? [] : [var.processor_arn]
          content {
            type = "Lambda"
            parameters {
              parameter_name  = "LambdaArn"
              parameter_value = processors.value
            }
          }
        }

        dynamic "processors" {
          for_each = var.metadata_query == null ? [] : [var.metadata_query]
          content {
            type = "MetadataExtraction"
            parameters {
              parameter_name  = "MetadataExtractionQuery"
              parameter_value = processors.value
            }
            parameters {
              parameter_name  = "JsonParsingEngine"
              parameter_value = "JQ-1.6"
            }
          }
        }

        dynamic "processors" {
          for_each = var.append_newline ? [1] : []
          content {
            type = "AppendDelimiterToRecord"
          }
        }
      }
    }

    dynamic "data_format_conversion_configuration" {
      for_each = var.conversion == null ? [] : [var.conversion]
      content {
        enabled = true

        # Hive's JSON SerDe, told how records write their times: ISO-8601 in UTC, with or
        # without fractions, or epoch milliseconds.
        input_format_configuration {
          deserializer {
            hive_json_ser_de {
              timestamp_formats = ["yyyy-MM-dd'T'HH:mm:ss.SSSZZ", "yyyy-MM-dd'T'HH:mm:ssZZ", "millis"]
            }
          }
        }

        output_format_configuration {
          serializer {
            parquet_ser_de {
              compression = data_format_conversion_configuration.value.compression
            }
          }
        }

        schema_configuration {
          database_name = data_format_conversion_configuration.value.database
          table_name    = data_format_conversion_configuration.value.table
          role_arn      = var.role_arn
        }
      }
    }
  }

  tags = var.tags
}
