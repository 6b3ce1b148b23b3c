resource "aws_dynamodb_table" "this" {
  #checkov:skip=CKV2_AWS_16:capacity is the spec's billing setting; on_demand (the default) scales by itself, and auto scaling of provisioned capacity is not modelled yet
  name                        = var.name
  billing_mode                = var.billing_mode
  read_capacity               = var.billing_mode == "PROVISIONED" ? var.read_capacity : null
  write_capacity              = var.billing_mode == "PROVISIONED" ? var.write_capacity : null
  hash_key                    = var.hash_key
  range_key                   = var.range_key
  deletion_protection_enabled = var.deletion_protection
  stream_enabled              = var.stream
  stream_view_type            = var.stream ? var.stream_view_type : null

  dynamic "attribute" {
    for_each = var.attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_indexes
    content {
      name            = global_secondary_index.value.name
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = global_secondary_index.value.projection_type
      read_capacity   = var.billing_mode == "PROVISIONED" ? var.read_capacity : null
      write_capacity  = var.billing_mode == "PROVISIONED" ? var.write_capacity : null
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  # Always KMS: the AWS-managed aws/dynamodb key when no customer key is given, never the
  # AWS-owned key.
  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == null ? [] : [var.ttl_attribute]
    content {
      enabled        = true
      attribute_name = ttl.value
    }
  }

  tags = var.tags
}
