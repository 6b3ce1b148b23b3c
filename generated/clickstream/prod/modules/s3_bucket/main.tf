# A private bucket with the hardening every pipelinec bucket gets: owner-enforced objects,
# public access blocked, default encryption, TLS-only access and a lifecycle.

resource "aws_s3_bucket" "this" {
  #checkov:skip=CKV_AWS_18:server access logs need a separate log bucket; not modelled yet (CloudTrail data events are the audit trail of choice)
  #checkov:skip=CKV_AWS_144:a single-region pipeline; cross-region replication doubles storage and needs a second region the spec does not name
  #checkov:skip=CKV_AWS_145:SSE-S3 is the default; a spec chooses KMS with encryption sse_kms (and the module then uses it)
  #checkov:skip=CKV2_AWS_62:nothing in the spec consumes bucket event notifications
  bucket        = var.name
  force_destroy = var.force_destroy

  tags = var.tags
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = var.object_ownership
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  count  = var.versioning ? 1 : 0
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    bucket_key_enabled = var.sse_algorithm == "aws:kms"

    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "retention"
    status = "Enabled"

    filter {
      prefix = ""
    }

    dynamic "transition" {
      for_each = var.infrequent_access_after_days == null ? [] : [var.infrequent_access_after_days]
      content {
        days          = transition.value
        storage_class = "STANDARD_IA"
      }
    }

    dynamic "expiration" {
      for_each = var.expire_after_days == null ? [] : [var.expire_after_days]
      content {
        days = expiration.value
      }
    }

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_expire_after_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  # Prefixes with a retention of their own. S3 applies the earliest action of every rule that
  # matches an object, so these can only shorten what the bucket-wide rule keeps.
  dynamic "rule" {
    for_each = var.prefix_rules
    content {
      id     = "prefix:${rule.value.prefix}"
      status = "Enabled"

      filter {
        prefix = rule.value.prefix
      }

      dynamic "transition" {
        for_each = rule.value.infrequent_access_after_days == null ? [] : [rule.value.infrequent_access_after_days]
        content {
          days          = transition.value
          storage_class = "STANDARD_IA"
        }
      }

      dynamic "expiration" {
        for_each = rule.value.expire_after_days == null ? [] : [rule.value.expire_after_days]
        content {
          days = expiration.value
        }
      }

      abort_incomplete_multipart_upload {
        days_after_initiation = 7
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

data "aws_iam_policy_document" "tls_only" {
  # What the bucket's edges admit (a distribution reading a site), from the root's iam.tf.
  source_policy_documents = var.resource_policy_json == null ? [] : [var.resource_policy_json]

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.tls_only.json

  depends_on = [aws_s3_bucket_public_access_block.this]
}
