# A web site's static files: a private bucket that only the distribution serving it may read
# (the statement comes from the spec's edges, through resource_policy_json), and the files of
# the spec's content folder as objects with their content types.

module "bucket" {
  source = "../s3_bucket"

  name                         = var.name
  versioning                   = var.versioning
  noncurrent_expire_after_days = var.noncurrent_expire_after_days
  force_destroy                = var.force_destroy
  resource_policy_json         = var.resource_policy_json

  tags = var.tags
}

# The objects wait for the whole bucket module, versioning included, so that a destroy removes
# every object version before versioning is suspended (an object deleted after that leaves a
# delete marker behind, and the bucket's delete then fails as not empty).
resource "aws_s3_object" "content" {
  for_each   = var.objects
  depends_on = [module.bucket]

  bucket       = module.bucket.bucket
  key          = each.key
  source       = each.value.source
  source_hash  = filemd5(each.value.source)
  content_type = each.value.content_type

  tags = var.tags
}
