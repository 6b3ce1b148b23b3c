variable "name" {
  description = "Table name."
  type        = string
}

variable "billing_mode" {
  description = "Capacity mode: PAY_PER_REQUEST or PROVISIONED."
  type        = string
}

variable "read_capacity" {
  description = "Read capacity units of the table and each index, in PROVISIONED mode."
  type        = number
  default     = null
}

variable "write_capacity" {
  description = "Write capacity units of the table and each index, in PROVISIONED mode."
  type        = number
  default     = null
}

variable "hash_key" {
  description = "Partition key attribute."
  type        = string
}

variable "range_key" {
  description = "Sort key attribute, or null."
  type        = string
  default     = null
}

variable "attributes" {
  description = "Key attributes of the table and its indexes, each once: name and type (S, N or B)."
  type = list(object({
    name = string
    type = string
  }))
}

variable "global_indexes" {
  description = "Global secondary indexes."
  type = list(object({
    name            = string
    hash_key        = string
    range_key       = string
    projection_type = string
  }))
  default = []
}

variable "point_in_time_recovery" {
  description = "Continuous backups for point-in-time recovery."
  type        = bool
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key; null uses the AWS-managed aws/dynamodb key."
  type        = string
  default     = null
}

variable "ttl_attribute" {
  description = "Attribute holding each item's expiry time, or null."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Refuse to delete the table."
  type        = bool
}

variable "stream" {
  description = "Enable the table's stream."
  type        = bool
}

variable "stream_view_type" {
  description = "What each stream record holds: NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY."
  type        = string
  default     = "NEW_AND_OLD_IMAGES"
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
