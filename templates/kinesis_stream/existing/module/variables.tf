variable "arn" {
  description = "ARN of the existing stream, as the spec gives it."
  type        = string
}

variable "name" {
  description = "Name of the existing stream."
  type        = string
}
