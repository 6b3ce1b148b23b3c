variable "arn" {
  description = "ARN of the existing bucket, as the spec gives it."
  type        = string
}

variable "bucket" {
  description = "Name of the existing bucket."
  type        = string
}
