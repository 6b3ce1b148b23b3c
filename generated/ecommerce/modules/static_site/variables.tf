variable "name" {
  description = "Bucket name."
  type        = string
}

variable "versioning" {
  description = "Keep object versions, so a bad deploy can be rolled back."
  type        = bool
  default     = true
}

variable "noncurrent_expire_after_days" {
  description = "Days after which replaced versions are removed."
  type        = number
  default     = 30
}

variable "force_destroy" {
  description = "Allow destroying the bucket while it holds objects."
  type        = bool
  default     = false
}

variable "resource_policy_json" {
  description = "The statements admitting the distribution that serves the site (from the root's iam.tf)."
  type        = string
  default     = null
}

variable "objects" {
  description = "The site's files: object key => local file and content type."
  type = map(object({
    source       = string
    content_type = string
  }))
  default = {}
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
