variable "name" {
  description = "Application name (and the name of each job run)."
  type        = string
}

variable "role_arn" {
  description = "ARN of the job runtime role the runs act with."
  type        = string
}

variable "assets_bucket" {
  description = "Name of the bucket created for the script."
  type        = string
}

variable "script_file" {
  description = "Path of the PySpark script in the render (build/<id>.py)."
  type        = string
}

variable "script_key" {
  description = "Key of the script in the assets bucket."
  type        = string
}

variable "release_label" {
  description = "EMR release of the application (emr-7.x)."
  type        = string
}

variable "architecture" {
  description = "CPU architecture of the workers: X86_64 or ARM64."
  type        = string
}

variable "max_vcpu" {
  description = "Most vCPUs the application may use at once."
  type        = number
}

variable "max_memory_gb" {
  description = "Most memory, in GB, the application may use at once."
  type        = number
}

variable "idle_timeout_minutes" {
  description = "Minutes without a run after which the application stops."
  type        = number
}

variable "execution_timeout_minutes" {
  description = "Minutes a run may take before EMR Serverless cancels it."
  type        = number
}

variable "log_group" {
  description = "Name of the log group the runs log into."
  type        = string
}

variable "log_stream_prefix" {
  description = "Prefix of the runs' log streams in the log group."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep the job's logs."
  type        = number
}

variable "arguments" {
  description = "Script arguments (--key = value), passed as entryPointArguments sorted by key."
  type        = map(string)
  default     = {}
}

variable "spark_properties" {
  description = "Spark properties, passed as --conf key=value in sparkSubmitParameters."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
