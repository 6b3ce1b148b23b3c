//! `static_site`: a private S3 bucket holding a web site's static files, served only through a
//! CloudFront distribution (a `cdn` that lists it in `inputs`) with origin access control.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A web site's static files in a private S3 bucket. Nothing reads the bucket directly: the
/// `cdn` that lists this site in its `inputs` reads it through its origin access control, and
/// the bucket policy admits exactly that distribution.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StaticSite {
    /// A folder inside the spec's folder whose files `render` uploads as the site's objects
    /// (key = path under the folder, content type from the extension, e.g. `web/`). Hidden
    /// files and folders (`.git`, `.DS_Store`) are left out; symlinks are refused. Without it
    /// the bucket starts empty and you upload the site yourself (`aws s3 sync`).
    #[serde(default)]
    #[schemars(length(min = 1, max = 1024))]
    pub content: Option<String>,
    /// Keep every version of every object, so a bad deploy can be rolled back. Default on.
    #[serde(default = "yes")]
    pub versioning: bool,
    /// Days after which replaced versions are removed (with `versioning`). Default 30.
    #[serde(default = "thirty")]
    #[schemars(range(min = 1, max = 3650))]
    pub noncurrent_expire_after_days: u32,
    /// Let `terraform destroy` delete the bucket while it holds objects. Default off.
    #[serde(default)]
    pub force_destroy: bool,
}

fn yes() -> bool {
    true
}

fn thirty() -> u32 {
    30
}

mod check;
pub mod content;
mod iam;
mod render;
