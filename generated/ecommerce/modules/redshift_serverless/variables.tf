variable "name" {
  description = "Name of the namespace and of the workgroup."
  type        = string
}

variable "role_arn" {
  description = "Role Redshift assumes to read the input streams (the namespace's default role)."
  type        = string
}

variable "base_capacity" {
  description = "Base capacity of the workgroup, in Redshift Processing Units."
  type        = number
}

variable "database" {
  description = "Database the namespace creates; the views live in it."
  type        = string
}

variable "admin_username" {
  description = "Admin user name; Redshift keeps its generated password in Secrets Manager."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer KMS key encrypting the namespace; null for the key AWS owns for Redshift."
  type        = string
  default     = null
}

variable "external_schema" {
  description = "Name of the external schema over Kinesis the views read from."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the workgroup's endpoint; empty for the default VPC's."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups of the workgroup's endpoint; empty for the VPC's default group."
  type        = list(string)
  default     = []
}

variable "views" {
  description = "CREATE MATERIALIZED VIEW statement of each view, by view name."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
