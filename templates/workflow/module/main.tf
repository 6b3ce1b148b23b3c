# A Step Functions state machine acting with its own role, logging to a log group of its own
# (errors only by default, without the executions' data) and traced with X-Ray.

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  name              = var.log_group
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_sfn_state_machine" "this" {
  #checkov:skip=CKV_AWS_285:execution data stays out of the logs by default because orders carry personal data; the spec's include_execution_data turns it on
  name       = var.name
  type       = var.type
  role_arn   = var.role_arn
  definition = var.definition

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.this.arn}:*"
    level                  = var.log_level
    include_execution_data = var.include_execution_data
  }

  tracing_configuration {
    enabled = true
  }

  tags = var.tags
}
