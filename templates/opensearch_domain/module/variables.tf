variable "name" {
  description = "Domain name."
  type        = string
}

variable "domain_arn" {
  description = "The domain's ARN, built from its name (the log groups' resource policy names it before the domain exists)."
  type        = string
}

variable "account_id" {
  description = "The account the domain is in (aws:SourceAccount of the log groups' resource policy)."
  type        = string
}

variable "engine_version" {
  description = "OpenSearch version, e.g. OpenSearch_2.19."
  type        = string
}

variable "instance_type" {
  description = "Data node instance type."
  type        = string
}

variable "instance_count" {
  description = "Data nodes."
  type        = number
}

variable "zone_count" {
  description = "Availability Zones the data nodes spread over: 1 (no zone awareness), 2 or 3."
  type        = number
}

variable "dedicated_master_type" {
  description = "Dedicated master instance type, or null for none."
  type        = string
  default     = null
}

variable "dedicated_master_count" {
  description = "Dedicated master nodes (3 or 5), or null for none."
  type        = number
  default     = null
}

variable "volume_size_gb" {
  description = "gp3 EBS volume size per data node, in GiB."
  type        = number
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for encryption at rest; null uses the AWS-managed aws/es key."
  type        = string
  default     = null
}

variable "auto_tune" {
  description = "Auto-Tune on."
  type        = bool
}

variable "auto_software_update" {
  description = "Install service software updates automatically in the off-peak window."
  type        = bool
}

variable "log_retention_days" {
  description = "Days to keep the domain's logs."
  type        = number
}

variable "log_types" {
  description = "Log types to publish, each to its own log group: OpenSearch log type => group name suffix."
  type        = map(string)
}

variable "access_policy" {
  description = "Whether the domain has an access policy (any writer); known at plan time, unlike the document."
  type        = bool
  default     = false
}

variable "access_policy_json" {
  description = "The access policy: each writer's role with exactly what its edge grants it (from the root's iam.tf)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
