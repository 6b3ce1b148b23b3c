variable "data_source_id" {
  description = "QuickSight data source id, also the VPC connection's."
  type        = string
}

variable "display_name" {
  description = "QuickSight data source display name, also the VPC connection's."
  type        = string
}

variable "host" {
  description = "Host name of the Redshift Serverless workgroup's endpoint."
  type        = string
}

variable "port" {
  description = "Port of the workgroup's endpoint."
  type        = number
}

variable "database" {
  description = "Database the views live in."
  type        = string
}

variable "secret_arn" {
  description = "Secrets Manager secret Redshift keeps the admin user's password in."
  type        = string
}

variable "vpc_role_arn" {
  description = "Role QuickSight creates the VPC connection's network interfaces with."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the VPC connection: the workgroup's."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the VPC connection: the workgroup's."
  type        = list(string)
}

variable "principals" {
  description = "QuickSight user or group ARNs that may use the data source and own the data sets."
  type        = list(string)
}

variable "data_sets" {
  description = "Data sets by key: their id, display name, import mode, schema and view, and input columns with their QuickSight types."
  type = map(object({
    id          = string
    name        = string
    import_mode = string
    schema      = string
    table       = string
    columns = list(object({
      name = string
      type = string
    }))
  }))
  default = {}
}

variable "tags" {
  description = "Tags of the component's resources, on top of the provider's default tags."
  type        = map(string)
  default     = {}
}
