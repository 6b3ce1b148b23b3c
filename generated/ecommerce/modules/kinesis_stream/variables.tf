variable "name" {
  description = "Stream name."
  type        = string
}

variable "mode" {
  description = "Capacity mode: ON_DEMAND or PROVISIONED."
  type        = string
}

variable "shard_count" {
  description = "Shards, in PROVISIONED mode."
  type        = number
  default     = null
}

variable "retention_hours" {
  description = "Hours records stay readable."
  type        = number
}

variable "kms_key_id" {
  description = "KMS key for server-side encryption; null disables encryption."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
