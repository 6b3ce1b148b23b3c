variable "name" {
  description = "Stack name, and the name of the dataset group, the solution and the campaign."
  type        = string
}

variable "template_file" {
  description = "Path of the stack's CloudFormation template."
  type        = string
}

variable "role_arn" {
  description = "Role of the function that creates the event tracker (null: no tracker)."
  type        = string
  default     = null
}

variable "solution" {
  description = "Whether the stack has a solution."
  type        = bool
}

variable "campaign" {
  description = "Whether functions may ask the campaign <name> for recommendations."
  type        = bool
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
