# One log group per published log type. OpenSearch writes into them under the resource policy
# below; nothing else is granted there.
resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:CloudWatch Logs encrypts log data at rest already; a customer key would need a key policy for the logs service, which pipelinec does not manage yet
  #checkov:skip=CKV_AWS_338:retention is the spec's log_retention_days (operational logs, default 14 days); set 365 or more there where logs are audit evidence
  for_each = var.log_types

  name              = "/aws/opensearch/${var.name}/${each.value}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

# OpenSearch publishes its logs with this account-level CloudWatch Logs resource policy
# (OpenSearch Service developer guide, "createdomain-configure-slow-logs"): the service may
# create streams and put events in exactly this domain's log groups, and only for this domain
# of this account (confused-deputy conditions).
resource "aws_cloudwatch_log_resource_policy" "this" {
  policy_name = "${var.name}-opensearch-logs"
  policy_document = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OpenSearchLogs"
      Effect    = "Allow"
      Principal = { Service = "es.amazonaws.com" }
      Action    = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource  = [for g in aws_cloudwatch_log_group.this : "${g.arn}:*"]
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
        ArnLike      = { "aws:SourceArn" = var.domain_arn }
      }
    }]
  })
}

resource "aws_opensearch_domain" "this" {
  #checkov:skip=CKV_AWS_137:no VPC yet (a later version adds VPCs); the public endpoint answers only requests signed by the roles the access policy names
  #checkov:skip=CKV_AWS_248:no VPC yet, so the domain has no security group at all, default or other; its access policy admits only the writers' roles
  #checkov:skip=CKV_AWS_247:encryption at rest is always on; a customer key is the spec's kms_key_arn setting, the AWS-managed aws/es key otherwise
  #checkov:skip=CKV_AWS_317:audit logs need fine-grained access control, which pipelinec does not set up yet; index, search and error logs are published
  #checkov:skip=CKV_AWS_318:dedicated masters are the spec's dedicated_masters setting (checkov cannot read the variable)
  #checkov:skip=CKV2_AWS_52:fine-grained access control is not set up yet; the IAM access policy admits only the roles of the spec's writers
  #checkov:skip=CKV2_AWS_59:dedicated masters are the spec's dedicated_masters setting (checkov cannot read the variable)
  domain_name    = var.name
  engine_version = var.engine_version

  cluster_config {
    instance_type            = var.instance_type
    instance_count           = var.instance_count
    zone_awareness_enabled   = var.zone_count > 1
    dedicated_master_enabled = var.dedicated_master_count != null
    dedicated_master_type    = var.dedicated_master_type
    dedicated_master_count   = var.dedicated_master_count

    dynamic "zone_awareness_config" {
      for_each = var.zone_count > 1 ? [var.zone_count] : []
      content {
        availability_zone_count = zone_awareness_config.value
      }
    }
  }

  ebs_options {
    ebs_enabled = true
    volume_type = "gp3"
    volume_size = var.volume_size_gb
  }

  # Always encrypted: the AWS-managed aws/es key when no customer key is given.
  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.kms_key_arn
  }

  node_to_node_encryption {
    enabled = true
  }

  # HTTPS only, TLS 1.2 or later with forward-secret ciphers only: the strictest policy the
  # provider offers.
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }

  dynamic "log_publishing_options" {
    for_each = var.log_types
    content {
      log_type                 = log_publishing_options.key
      cloudwatch_log_group_arn = aws_cloudwatch_log_group.this[log_publishing_options.key].arn
      enabled                  = true
    }
  }

  auto_tune_options {
    desired_state       = var.auto_tune ? "ENABLED" : "DISABLED"
    rollback_on_disable = "NO_ROLLBACK"
    use_off_peak_window = true
  }

  off_peak_window_options {
    enabled = true
  }

  software_update_options {
    auto_software_update_enabled = var.auto_software_update
  }

  depends_on = [aws_cloudwatch_log_resource_policy.this]

  tags = var.tags
}

# The access policy: exactly the statements the edges into the domain grant their roles, with
# those roles as principals. No statement admits `*`. Without writers there is none.
resource "aws_opensearch_domain_policy" "this" {
  count = var.access_policy ? 1 : 0

  domain_name     = aws_opensearch_domain.this.domain_name
  access_policies = var.access_policy_json
}
