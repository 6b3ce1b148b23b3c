variable "name" {
  description = "API name (and the access log group's)."
  type        = string
}

variable "stage" {
  description = "Stage name: the first path segment of every URL."
  type        = string
  default     = "api"
}

variable "integrations" {
  description = "One Lambda proxy integration per route: route key => function ARN and timeout."
  type = map(object({
    function_arn = string
    timeout_ms   = number
  }))
}

variable "routes" {
  description = "Route key => whether it needs a signed-in user (its integration has the same key)."
  type = map(object({
    signed_in = bool
  }))
}

variable "issuer" {
  description = "The JWT issuer (a Cognito user pool's), or null for no authorizer."
  type        = string
  default     = null
}

variable "audience" {
  description = "The JWT audiences (the pool's app client)."
  type        = list(string)
  default     = []
}

variable "rate_limit" {
  description = "Requests per second the stage accepts on every route."
  type        = number
  default     = 50
}

variable "burst_limit" {
  description = "Requests accepted at once above the rate."
  type        = number
  default     = 100
}

variable "cors_origins" {
  description = "Browser origins allowed to call the API cross-origin; empty for no CORS."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Days the access logs are kept."
  type        = number
  default     = 30
}
