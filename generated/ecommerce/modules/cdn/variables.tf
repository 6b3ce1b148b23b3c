variable "name" {
  description = "Name of the origin access control and the response headers policy; the distribution's comment."
  type        = string
}

variable "origins" {
  description = "The origins: id, domain name, and whether it is a bucket read through origin access control."
  type = list(object({
    id     = string
    domain = string
    s3     = bool
  }))
}

variable "api_paths" {
  description = "Path patterns sent, uncached, to an API origin: pattern and origin id."
  type = list(object({
    path_pattern = string
    origin       = string
  }))
  default = []
}

variable "default_origin" {
  description = "The origin id every path goes to by default (the static site)."
  type        = string
}

variable "default_root_object" {
  description = "The object served for /."
  type        = string
  default     = "index.html"
}

variable "aliases" {
  description = "Domain names the distribution answers to."
  type        = list(string)
  default     = []
}

variable "certificate_arn" {
  description = "ACM certificate (us-east-1) for the aliases; null uses the *.cloudfront.net certificate."
  type        = string
  default     = null
}

variable "web_acl_arn" {
  description = "WAFv2 web ACL (scope CLOUDFRONT) in front of the distribution, or null."
  type        = string
  default     = null
}

variable "price_class" {
  description = "PriceClass_100, PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"
}

variable "content_security_policy" {
  description = "Content-Security-Policy header of every response, or null for none."
  type        = string
  default     = null
}

variable "access_logs" {
  description = "Keep access logs in a bucket of their own."
  type        = bool
  default     = true
}

variable "log_bucket_name" {
  description = "Name of the access-log bucket."
  type        = string
}

variable "log_retention_days" {
  description = "Days the access logs are kept."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
