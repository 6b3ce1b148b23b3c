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
  description = "One integration per route: a Lambda proxy call (function_arn), a record put into a stream (stream_name, partition_key) or a workflow started (state_machine_arn)."
  type = map(object({
    function_arn      = optional(string)
    stream_name       = optional(string)
    partition_key     = optional(string)
    state_machine_arn = optional(string)
    timeout_ms        = number
  }))
}

variable "role_arn" {
  description = "The role API Gateway calls Kinesis and Step Functions with (null when every route calls a function)."
  type        = string
  default     = null
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

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
