# A CloudFront distribution in front of a web site: HTTPS only (HTTP redirects), security
# headers on every response, its static files read through origin access control (the site's
# bucket policy admits exactly this distribution), access logs in a bucket of their own.

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = var.name
  description                       = "Signs the requests of ${var.name} to its site's bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_response_headers_policy" "this" {
  #checkov:skip=CKV_AWS_259:HSTS is sent for two years with subdomains; preload asks browsers to hard-code the whole domain, a choice for its owner
  name    = var.name
  comment = "Security headers of every response of ${var.name}"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = false
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    xss_protection {
      protection = true
      mode_block = true
      override   = true
    }

    dynamic "content_security_policy" {
      for_each = var.content_security_policy == null ? [] : [var.content_security_policy]

      content {
        content_security_policy = content_security_policy.value
        override                = true
      }
    }
  }
}

# CloudFront's standard access logs need a bucket with ACLs on: CloudFront grants its log
# delivery account write access through the bucket ACL when the distribution is created.
module "logs" {
  source = "../s3_bucket"
  count  = var.access_logs ? 1 : 0

  name              = var.log_bucket_name
  object_ownership  = "BucketOwnerPreferred"
  versioning        = false
  expire_after_days = var.log_retention_days

  tags = var.tags
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_310:one origin per content type; an origin group needs a second copy of the site in another region
  #checkov:skip=CKV2_AWS_47:the spec names its own WAF web ACL (web_acl_arn) with the rules it needs; pipelinec creates none
  #checkov:skip=CKV_AWS_374:a shop sells where it ships; geo restriction is a business rule the spec does not state
  enabled             = true
  comment             = var.name
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  default_root_object = var.default_root_object
  price_class         = var.price_class
  aliases             = var.aliases
  web_acl_id          = var.web_acl_arn

  dynamic "origin" {
    for_each = var.origins

    content {
      origin_id                = origin.value.id
      domain_name              = origin.value.domain
      origin_access_control_id = origin.value.s3 ? aws_cloudfront_origin_access_control.this.id : null

      dynamic "custom_origin_config" {
        for_each = origin.value.s3 ? [] : [origin.value.id]

        content {
          http_port              = 80
          https_port             = 443
          origin_protocol_policy = "https-only"
          origin_ssl_protocols   = ["TLSv1.2"]
        }
      }
    }
  }

  default_cache_behavior {
    target_origin_id           = var.default_origin
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.caching_optimized
    response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
  }

  # The API answers under its stage's path, uncached, with every method and the viewer's
  # headers, query strings and cookies (but not Host, which API Gateway routes by).
  dynamic "ordered_cache_behavior" {
    for_each = var.api_paths

    content {
      path_pattern               = ordered_cache_behavior.value.path_pattern
      target_origin_id           = ordered_cache_behavior.value.origin
      viewer_protocol_policy     = "https-only"
      allowed_methods            = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = local.caching_disabled
      origin_request_policy_id   = local.all_viewer_except_host_header
      response_headers_policy_id = aws_cloudfront_response_headers_policy.this.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn            = var.certificate_arn
    cloudfront_default_certificate = var.certificate_arn == null
    ssl_support_method             = var.certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = var.certificate_arn == null ? "TLSv1" : "TLSv1.2_2021"
  }

  dynamic "logging_config" {
    for_each = var.access_logs ? [var.log_bucket_name] : []

    content {
      bucket          = module.logs[0].domain_name
      prefix          = "cloudfront/"
      include_cookies = false
    }
  }

  tags = var.tags
}

locals {
  # AWS managed cache policy "Managed-CachingOptimized" (the same id in every account).
  caching_optimized = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  # "Managed-CachingDisabled" and "Managed-AllViewerExceptHostHeader".
  caching_disabled              = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  all_viewer_except_host_header = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
}
