variable "name" {
  description = "Application name."
  type        = string
}

variable "role_arn" {
  description = "ARN of the service execution role the application acts with."
  type        = string
}

variable "assets_bucket" {
  description = "Name of the bucket created for the code zip."
  type        = string
}

variable "code_file" {
  description = "Path of the code zip in the render (build/<id>.zip)."
  type        = string
}

variable "code_key" {
  description = "Key of the code zip in the assets bucket."
  type        = string
}

variable "runtime" {
  description = "Flink runtime (FLINK-1_19 or FLINK-1_20)."
  type        = string
}

variable "parallelism" {
  description = "Parallel tasks at start (the floor of auto scaling)."
  type        = number
}

variable "parallelism_per_kpu" {
  description = "Parallel tasks per KPU."
  type        = number
}

variable "auto_scaling" {
  description = "Whether the service scales parallelism with CPU use."
  type        = bool
}

variable "checkpointing" {
  description = "Whether Flink checkpoints its state."
  type        = bool
}

variable "checkpoint_interval_ms" {
  description = "Milliseconds between checkpoints."
  type        = number
}

variable "min_pause_between_checkpoints_ms" {
  description = "Least milliseconds between two checkpoints."
  type        = number
}

variable "snapshots" {
  description = "Whether snapshots are taken on stop and update, and restored on start."
  type        = bool
}

variable "log_level" {
  description = "Level of the application's CloudWatch logs."
  type        = string
}

variable "metrics_level" {
  description = "Detail of the application's CloudWatch metrics."
  type        = string
}

variable "log_group" {
  description = "Name of the application's log group."
  type        = string
}

variable "log_stream" {
  description = "Name of the log stream the application writes."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep the application's logs."
  type        = number
}

variable "start_application" {
  description = "Whether Terraform starts the application."
  type        = bool
}

variable "run_options_group" {
  description = "Id of the run-options property group (kinesis.analytics.flink.run.options)."
  type        = string
}

variable "run_options" {
  description = "The run options: python (the entry point) and jarfile (the connectors), relative to the zip."
  type        = map(string)
}

variable "property_group" {
  description = "Id of the property group telling the code where it reads and writes."
  type        = string
}

variable "properties" {
  description = "Where the application reads and writes: stream names and ARNs, buckets and prefixes, the region and the start position."
  type        = map(string)
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
