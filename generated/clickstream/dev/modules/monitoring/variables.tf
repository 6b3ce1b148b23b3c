variable "name" {
  description = "Project name: the dashboard's name and the prefix of the topic and key alias."
  type        = string
}

variable "region" {
  description = "Region of the metrics the dashboard shows."
  type        = string
}

variable "dashboard_enabled" {
  description = "Create the CloudWatch dashboard."
  type        = bool
}

variable "alarms_enabled" {
  description = "Create the alarms, their SNS topic and its KMS key."
  type        = bool
}

variable "subscriptions" {
  description = "Subscriptions of the alarm topic, by endpoint."
  type = map(object({
    protocol = string
    endpoint = string
  }))
}

variable "widgets" {
  description = "Dashboard widgets, one per metric, laid out by pipelinec (a row per component)."
  type = list(object({
    title       = string
    x           = number
    y           = number
    width       = number
    height      = number
    namespace   = string
    metric_name = string
    dimensions  = map(string)
    stat        = string
    period      = number
    threshold   = optional(number)
  }))
}

variable "alarms" {
  description = "Metric alarms, by alarm name."
  type = map(object({
    description         = string
    namespace           = string
    metric_name         = string
    dimensions          = map(string)
    statistic           = string
    period              = number
    comparison_operator = string
    threshold           = number
    evaluation_periods  = number
    datapoints_to_alarm = number
    treat_missing_data  = string
  }))
}
