variable "name" {
  description = "Glue database name."
  type        = string
}

variable "description" {
  description = "Database description."
  type        = string
  default     = null
}

variable "tables" {
  description = "Tables over the data lake, keyed by table name."
  type = map(object({
    description      = string
    location         = string
    input_format     = string
    output_format    = string
    serde            = string
    serde_parameters = map(string)
    partition_keys   = list(string)
    parameters       = map(string)
    columns = list(object({
      name    = string
      type    = string
      comment = string
    }))
  }))
}

variable "crawler" {
  description = "Crawler keeping the tables up to date; null for none."
  type = object({
    name            = string
    role_arn        = string
    schedule        = string
    update_behavior = string
    delete_behavior = string
    tables          = list(string)
  })
  default = null
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
