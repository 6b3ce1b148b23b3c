variable "name" {
  description = "Bucket name."
  type        = string
}

variable "force_destroy" {
  description = "Allow destroying the bucket while it holds objects."
  type        = bool
  default     = false
}

variable "versioning" {
  description = "Keep object versions."
  type        = bool
  default     = true
}

variable "sse_algorithm" {
  description = "AES256 or aws:kms."
  type        = string
  default     = "AES256"
}

variable "kms_key_arn" {
  description = "KMS key for aws:kms; null uses the AWS-managed key."
  type        = string
  default     = null
}

variable "expire_after_days" {
  description = "Days after which objects expire; null keeps them."
  type        = number
  default     = null
}

variable "infrequent_access_after_days" {
  description = "Days after which objects move to STANDARD_IA; null keeps them in STANDARD."
  type        = number
  default     = null
}

variable "noncurrent_expire_after_days" {
  description = "Days after which noncurrent versions are removed."
  type        = number
  default     = 30
}

variable "prefix_rules" {
  description = "Lifecycle rules of single prefixes: expiry and Standard-IA transition days (null: none)."
  type = list(object({
    prefix                       = string
    expire_after_days            = number
    infrequent_access_after_days = number
  }))
  default = []
}

variable "object_ownership" {
  description = "BucketOwnerEnforced (ACLs off); BucketOwnerPreferred only for a CloudFront access-log bucket, which needs ACLs."
  type        = string
  default     = "BucketOwnerEnforced"
}

variable "resource_policy_json" {
  description = "Statements the spec's edges put on the bucket (a distribution's read access), merged with the TLS-only rule."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
