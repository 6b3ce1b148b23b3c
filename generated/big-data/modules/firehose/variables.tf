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
