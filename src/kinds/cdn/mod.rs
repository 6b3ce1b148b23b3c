//! `cdn`: a CloudFront distribution in front of a web site: its static files (a `static_site`
//! read through origin access control) and its APIs (an `http_api` under `/<stage>/*`), HTTPS
//! only, security headers on every response, access logs kept.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A CloudFront distribution serving a web site to its customers over HTTPS.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cdn {
    /// What it serves: one `static_site`, read through the distribution's origin access
    /// control (the site's bucket policy admits exactly this distribution), and any
    /// `http_api`s, each under its stage's path (`/api/*`), never cached.
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// The object served for `/`. Default `index.html`.
    #[serde(default = "index_html")]
    #[schemars(length(min = 1, max = 255))]
    pub default_root_object: String,
    /// Domain names the site answers to (`shop.example.com`); they need `certificate_arn`.
    #[serde(default)]
    #[schemars(
        length(max = 100),
        inner(regex(pattern = r"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"))
    )]
    pub aliases: Vec<String>,
    /// An ACM certificate for the aliases, in `us-east-1` (CloudFront reads certificates
    /// only there). Without it the distribution uses its `*.cloudfront.net` certificate.
    #[serde(default)]
    #[schemars(regex(
        pattern = r"^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/[A-Za-z0-9-]+$"
    ))]
    pub certificate_arn: Option<String>,
    /// A WAF web ACL to put in front of the site: the ARN of a WAFv2 web ACL of scope
    /// `CLOUDFRONT` (`arn:aws:wafv2:us-east-1:…:global/webacl/…`).
    #[serde(default)]
    #[schemars(regex(
        pattern = r"^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global/webacl/[A-Za-z0-9_-]+/[a-f0-9-]+$"
    ))]
    pub web_acl_arn: Option<String>,
    /// Which edge locations serve the site: `price_class_100` (North America and Europe,
    /// cheapest; default), `price_class_200`, or `price_class_all`.
    #[serde(default)]
    pub price_class: PriceClass,
    /// A `Content-Security-Policy` header for every response (`default-src 'self'`). Default
    /// none: a policy must match the site's scripts, which pipelinec cannot see.
    #[serde(default)]
    #[schemars(length(min = 1, max = 1783))]
    pub content_security_policy: Option<String>,
    /// Keep CloudFront's access logs in a bucket of their own. Default on.
    #[serde(default = "yes")]
    pub access_logs: bool,
    /// Days the access logs are kept. Default 90.
    #[serde(default = "ninety")]
    #[schemars(range(min = 1, max = 3650))]
    pub log_retention_days: u32,
}

/// CloudFront's price classes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriceClass {
    /// North America, Europe and Israel.
    #[default]
    PriceClass100,
    /// Also most of Asia, the Middle East and Africa.
    PriceClass200,
    /// Every edge location.
    PriceClassAll,
}

impl PriceClass {
    pub fn aws(self) -> &'static str {
        match self {
            PriceClass::PriceClass100 => "PriceClass_100",
            PriceClass::PriceClass200 => "PriceClass_200",
            PriceClass::PriceClassAll => "PriceClass_All",
        }
    }
}

fn index_html() -> String {
    "index.html".into()
}

fn yes() -> bool {
    true
}

fn ninety() -> u32 {
    90
}

mod check;
mod iam;
mod render;
