variable "name" {
  description = "Job name (and trigger name)."
  type        = string
}

variable "description" {
  description = "Job description."
  type        = string
  default     = null
}

variable "role_arn" {
  description = "ARN of the role the job runs with."
  type        = string
}

variable "assets_bucket" {
  description = "Name of the bucket created for the script and the temporary directory."
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

variable "temp_prefix" {
  description = "Key prefix of the temporary directory in the assets bucket, ending in /."
  type        = string
}

variable "glue_version" {
  description = "Glue version (5.x)."
  type        = string
}

variable "worker_type" {
  description = "Worker type: G.1X, G.2X, G.4X or G.8X."
  type        = string
}

variable "number_of_workers" {
  description = "Workers per run, driver included."
  type        = number
}

variable "timeout_minutes" {
  description = "Minutes a run may take before Glue stops it."
  type        = number
}

variable "max_retries" {
  description = "Retries of a failed run."
  type        = number
}

variable "job_bookmarks" {
  description = "Process only what earlier runs did not."
  type        = bool
}

variable "schedule" {
  description = "Glue cron expression of a scheduled trigger; null runs on demand only."
  type        = string
  default     = null
}

variable "log_group_prefix" {
  description = "Prefix of the job's log groups (<prefix>/error and <prefix>/output)."
  type        = string
}

variable "log_retention_days" {
  description = "Days to keep the job's logs."
  type        = number
}

variable "arguments" {
  description = "Job arguments besides those the module sets (where to read and write, the spec's own)."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
