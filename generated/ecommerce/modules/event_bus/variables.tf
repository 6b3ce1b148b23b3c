variable "name" {
  description = "Name of the event bus."
  type        = string
}

variable "description" {
  description = "What the bus carries (its rules' description)."
  type        = string
  default     = null
}

variable "dead_letter_queue" {
  description = "Name of the dead-letter queue."
  type        = string
}

variable "dead_letter_retention_seconds" {
  description = "Seconds the dead-letter queue keeps a failed delivery."
  type        = number
}

variable "role_arn" {
  description = "The role EventBridge assumes to deliver to the API destinations (null without rules)."
  type        = string
  default     = null
}

variable "has_dead_letter_policy" {
  description = "Whether dead_letter_policy_json is given (known at plan time, unlike the policy)."
  type        = bool
  default     = false
}

variable "dead_letter_policy_json" {
  description = "The dead-letter queue's policy, admitting EventBridge for the bus's rules (from the root's iam.tf)."
  type        = string
  default     = null
}

variable "rules" {
  description = "The rules: key => name, event source and detail type, target API destination, retries."
  type = map(object({
    name                  = string
    source                = string
    detail_type           = string
    target_arn            = string
    retry_attempts        = number
    max_event_age_seconds = number
  }))
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
