# Amazon Personalize, through CloudFormation (the AWS provider has no Personalize resources):
# the dataset group, the interactions schema and dataset, the solution when asked for, and
# the event tracker, which a function inside the stack creates (CloudFormation has no tracker
# resource either). The template is rendered beside the root, under build/.

resource "aws_cloudformation_stack" "this" {
  #checkov:skip=CKV_AWS_124:stack events go nowhere else; terraform reports a failed create or update itself
  name          = var.name
  template_body = file(var.template_file)
  parameters    = var.role_arn == null ? {} : { TrackerRoleArn = var.role_arn }
  on_failure    = "DELETE"

  timeouts {
    create = "60m"
    update = "60m"
    delete = "60m"
  }

  tags = var.tags
}

data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}
