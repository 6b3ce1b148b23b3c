resource "aws_kinesis_stream" "this" {
  name             = var.name
  shard_count      = var.mode == "PROVISIONED" ? var.shard_count : null
  retention_period = var.retention_hours
  encryption_type  = var.kms_key_id == null ? "NONE" : "KMS"
  kms_key_id       = var.kms_key_id

  stream_mode_details {
    stream_mode = var.mode
  }

  tags = var.tags
}
