variable "arn" {
  description = "ARN of the existing user pool, as the spec gives it."
  type        = string
}

variable "user_pool_id" {
  description = "The pool's id (the last part of its ARN)."
  type        = string
}

variable "client_id" {
  description = "The id of its app client whose tokens are accepted."
  type        = string
}

variable "issuer" {
  description = "The tokens' issuer URL."
  type        = string
}
