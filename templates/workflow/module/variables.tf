variable "name" {
  description = "State machine name."
  type        = string
}

variable "type" {
  description = "STANDARD or EXPRESS."
  type        = string
}

variable "role_arn" {
  description = "Role the state machine acts with."
  type        = string
}

variable "definition" {
  description = "Amazon States Language definition, as JSON."
  type        = string
}

variable "log_group" {
  description = "Name of the log group executions log to."
  type        = string
}

variable "log_level" {
  description = "ALL, ERROR, FATAL or OFF."
  type        = string
}

variable "include_execution_data" {
  description = "Whether log records carry each event's input and output."
  type        = bool
}

variable "log_retention_days" {
  description = "Days to keep the logs."
  type        = number
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
