variable "name" {
  description = "Workgroup name."
  type        = string
}

variable "description" {
  description = "Workgroup description."
  type        = string
  default     = null
}

variable "results_bucket" {
  description = "Name of the bucket created for query results."
  type        = string
}

variable "results_retention_days" {
  description = "Days to keep query results."
  type        = number
}

variable "bytes_scanned_cutoff" {
  description = "Bytes a query may scan before it is cancelled."
  type        = number
}

variable "enforce" {
  description = "Force the workgroup's settings on every query."
  type        = bool
}

variable "force_destroy" {
  description = "Allow destroying the workgroup and bucket while they hold queries and results."
  type        = bool
  default     = false
}

variable "named_queries" {
  description = "Saved queries, keyed by query id; `file` holds the SQL."
  type = map(object({
    name        = string
    description = string
    database    = string
    file        = string
  }))
  default = {}
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
