module "bucket" {
  source = "../s3_bucket"

  name                         = var.name
  versioning                   = var.versioning
  sse_algorithm                = var.sse_algorithm
  kms_key_arn                  = var.kms_key_arn
  expire_after_days            = var.expire_after_days
  infrequent_access_after_days = var.infrequent_access_after_days
  noncurrent_expire_after_days = var.noncurrent_expire_after_days
  force_destroy                = var.force_destroy
  prefix_rules                 = var.prefix_rules

  tags = var.tags
}
