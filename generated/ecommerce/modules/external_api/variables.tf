variable "name" {
  description = "Name of the connection and of the API destination."
  type        = string
}

variable "description" {
  description = "What the connection is for."
  type        = string
  default     = null
}

variable "base_url" {
  description = "The API's https:// base URL, without a trailing slash."
  type        = string
}

variable "authorization_type" {
  description = "API_KEY or BASIC."
  type        = string
}

variable "header" {
  description = "The header an API key is sent in."
  type        = string
}

variable "placeholder" {
  description = "The placeholder credential; the real one is set out of band."
  type        = string
}

variable "deliver" {
  description = "Whether event bus rules deliver to the API (an API destination)."
  type        = bool
}

variable "deliver_path" {
  description = "The path after base_url events are delivered to."
  type        = string
}

variable "deliver_method" {
  description = "The HTTP method of deliveries."
  type        = string
}

variable "rate_limit_per_second" {
  description = "Deliveries per second at most."
  type        = number
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
