variable "data_source_id" {
  description = "QuickSight data source id."
  type        = string
}

variable "display_name" {
  description = "QuickSight data source display name."
  type        = string
}

variable "domain" {
  description = "Name of the OpenSearch Service domain QuickSight reads."
  type        = string
}

variable "principals" {
  description = "QuickSight user or group ARNs that may use the data source and own the data sets."
  type        = list(string)
}

variable "data_sets" {
  description = "Data sets by key: their id, display name, import mode, index, and the index fields they read with their QuickSight types."
  type = map(object({
    id          = string
    name        = string
    import_mode = string
    index       = string
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
