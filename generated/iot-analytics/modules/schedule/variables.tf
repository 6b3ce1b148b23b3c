variable "name" {
  description = "Schedule name."
  type        = string
}

variable "description" {
  description = "What the schedule is for."
  type        = string
  default     = null
}

variable "expression" {
  description = "cron(...), rate(...) or at(...) expression."
  type        = string
}

variable "timezone" {
  description = "IANA time zone of cron and at expressions."
  type        = string
}

variable "enabled" {
  description = "Whether the schedule fires."
  type        = bool
}

variable "flexible_window_minutes" {
  description = "Minutes within which the start may happen after the scheduled time; 0 for on time."
  type        = number
}

variable "role_arn" {
  description = "Role Scheduler assumes to start the target."
  type        = string
}

variable "target_arn" {
  description = "ARN of the target: a function, or a universal target (aws-sdk:service:action)."
  type        = string
}

variable "target_input" {
  description = "Input passed to the target: the function's event or the API call's parameters, as JSON."
  type        = string
}

variable "retry_attempts" {
  description = "Retries of a failed start."
  type        = number
}

variable "max_event_age_seconds" {
  description = "Seconds to keep retrying before the start goes to the dead-letter queue."
  type        = number
}

variable "dead_letter_queue" {
  description = "Name of the dead-letter queue."
  type        = string
}

variable "dead_letter_retention_seconds" {
  description = "Seconds the dead-letter queue keeps a failed start."
  type        = number
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
