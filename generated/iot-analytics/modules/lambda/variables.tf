variable "name" {
  description = "Function name."
  type        = string
}

variable "role_arn" {
  description = "Execution role ARN."
  type        = string
}

variable "filename" {
  description = "Path of the deployment package (a zip pipelinec built)."
  type        = string
}

variable "runtime" {
  description = "Lambda runtime identifier."
  type        = string
}

variable "handler" {
  description = "Function entry point."
  type        = string
}

variable "memory_mb" {
  description = "Memory in MB."
  type        = number
}

variable "timeout_seconds" {
  description = "Timeout in seconds."
  type        = number
}

variable "architecture" {
  description = "x86_64 or arm64."
  type        = string
}

variable "environment" {
  description = "Environment variables."
  type        = map(string)
  default     = {}
}

variable "event_sources" {
  description = "Stream ARNs that trigger the function (Kinesis streams, DynamoDB table streams), keyed by component id."
  type        = map(string)
  default     = {}
}

variable "batch_size" {
  description = "Records per invocation."
  type        = number
}

variable "starting_position" {
  description = "LATEST or TRIM_HORIZON."
  type        = string
}

variable "batching_window_seconds" {
  description = "Seconds to gather records before invoking."
  type        = number
}

variable "maximum_retry_attempts" {
  description = "Retries of a failed batch."
  type        = number
}

variable "bisect_batch_on_error" {
  description = "Split failing batches to isolate bad records."
  type        = bool
}

variable "failure_destination" {
  description = "Where batches that still fail after the retries go: s3 (whole batches), sqs (metadata only) or none."
  type        = string

  validation {
    condition     = contains(["s3", "sqs", "none"], var.failure_destination)
    error_message = "failure_destination must be s3, sqs or none."
  }
}

variable "failure_bucket_arn" {
  description = "ARN of an existing bucket for failed batches (s3); null creates one named failure_bucket_name."
  type        = string
  default     = null
}

variable "failure_bucket_name" {
  description = "Name of the bucket created for failed batches when failure_bucket_arn is null."
  type        = string
  default     = null
}

variable "report_batch_item_failures" {
  description = "The function reports failed records (batchItemFailures) instead of failing whole batches."
  type        = bool
}

variable "log_retention_days" {
  description = "Days to keep the function's logs."
  type        = number
}

variable "tracing_mode" {
  description = "X-Ray tracing: Active or PassThrough."
  type        = string
  default     = "PassThrough"
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions; null leaves the function unreserved."
  type        = number
  default     = null
}

variable "subnet_ids" {
  description = "Subnets of the VPC the function runs in; empty for no VPC."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups of the function's network interfaces in its VPC."
  type        = list(string)
  default     = []
}

variable "async_failure_queue" {
  description = "Name of the queue keeping asynchronous invocations that failed every retry (functions a schedule invokes), or null."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
