variable "name" {
  description = "Delivery stream name."
  type        = string
}

variable "role_arn" {
  description = "Role Firehose assumes to read the stream and write the bucket."
  type        = string
}

variable "stream_arn" {
  description = "Source Kinesis stream ARN."
  type        = string
}

variable "bucket_arn" {
  description = "Destination bucket ARN."
  type        = string
}

variable "prefix" {
  description = "Object key prefix, with Firehose timestamp expressions."
  type        = string
}

variable "error_output_prefix" {
  description = "Key prefix for records that could not be delivered."
  type        = string
}

variable "buffering_size_mb" {
  description = "Buffer size in MiB."
  type        = number
}

variable "buffering_interval_seconds" {
  description = "Buffer interval in seconds."
  type        = number
}

variable "compression_format" {
  description = "GZIP, Snappy, HADOOP_SNAPPY, ZIP or UNCOMPRESSED."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep delivery error logs."
  type        = number
}

variable "metadata_query" {
  description = "JQ query extracting the partition keys from each record (dynamic partitioning), or null."
  type        = string
  default     = null
}

variable "append_newline" {
  description = "Whether to end each record with a newline (dynamic partitioning of JSON records)."
  type        = bool
  default     = false
}

variable "processor_arn" {
  description = "ARN of the Lambda function Firehose calls on each batch, or null."
  type        = string
  default     = null
}

variable "conversion" {
  description = "Record conversion to Parquet with a Glue table's schema (database, table, compression), or null."
  type = object({
    database    = string
    table       = string
    compression = string
  })
  default = null
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
