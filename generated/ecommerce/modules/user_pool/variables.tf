variable "name" {
  description = "Name of the user pool and its app client."
  type        = string
}

variable "password_min_length" {
  description = "Shortest password."
  type        = number
  default     = 12
}

variable "password_require_symbols" {
  description = "Require a symbol in passwords."
  type        = bool
  default     = true
}

variable "temporary_password_days" {
  description = "Days a temporary password stays valid."
  type        = number
  default     = 3
}

variable "mfa" {
  description = "OPTIONAL, ON or OFF: authenticator-app MFA."
  type        = string
  default     = "OPTIONAL"
}

variable "domain_prefix" {
  description = "Prefix of the hosted sign-in pages' domain, or null for none."
  type        = string
  default     = null
}

variable "callback_urls" {
  description = "Where the hosted pages may send a signed-in user."
  type        = list(string)
  default     = []
}

variable "logout_urls" {
  description = "Where the hosted pages may send a signed-out user."
  type        = list(string)
  default     = []
}

variable "token_minutes" {
  description = "Minutes an access or ID token is valid."
  type        = number
  default     = 60
}

variable "refresh_token_days" {
  description = "Days a refresh token is valid."
  type        = number
  default     = 30
}

variable "deletion_protection" {
  description = "Refuse to delete the pool."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
