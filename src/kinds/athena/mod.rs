//! `athena`: a workgroup with its results bucket and saved queries over catalogs.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;
use crate::kinds::fields::*;

/// An Athena workgroup with its own results bucket and saved queries.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Athena {
    /// Ids of the Glue catalogs this workgroup queries.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// Workgroup description (up to 1024 characters, as Athena allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub description: Option<String>,
    /// Cancel any query that scans more than this many MiB (at least 10, as Athena requires; at
    /// most 8796093022207, whose bytes still fit the 64-bit integer Athena takes).
    #[serde(default = "default_cutoff_mb")]
    #[schemars(range(min = 10, max = 8_796_093_022_207_u64))]
    pub bytes_scanned_cutoff_mb: u64,
    /// Force the workgroup's settings (results location, encryption, cutoff) on every query.
    #[serde(default = "default_true")]
    pub enforce_workgroup_configuration: bool,
    /// Days to keep query results.
    #[serde(default = "default_results_days")]
    #[schemars(range(min = 1, max = 2147483647))]
    pub results_retention_days: u32,
    /// Let `terraform destroy` delete the results bucket while it still holds results.
    #[serde(default)]
    pub force_destroy: bool,
    /// Saved queries, keyed by query id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub named_queries: IndexMap<String, NamedQuery>,
}

impl Athena {
    /// The bytes-scanned cutoff in bytes, as the workgroup takes it: `None` when it does not
    /// fit the signed 64-bit integer of the Athena API and Terraform.
    pub fn bytes_scanned_cutoff(&self) -> Option<u64> {
        mib_to_bytes(self.bytes_scanned_cutoff_mb)
    }
}

/// MiB to bytes, checked: `None` past `i64::MAX` bytes.
pub fn mib_to_bytes(mib: u64) -> Option<u64> {
    mib.checked_mul(1 << 20)
        .filter(|b| i64::try_from(*b).is_ok())
}

fn default_cutoff_mb() -> u64 {
    10240
}
fn default_results_days() -> u32 {
    30
}

/// A saved Athena query.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedQuery {
    /// What the query answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1024))]
    pub description: Option<String>,
    /// The id of the Glue catalog the query runs in. Optional when the workgroup has one input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<String>,
    /// The SQL text (not blank).
    #[schemars(length(min = 1, max = 262144), regex(pattern = r"\S"))]
    pub query: String,
}

/// The identity of a workgroup is a policy for its callers: `<project>-<id>-query`.
pub const IDENTITY_SUFFIX: &str = "query";

mod check;
mod iam;
mod render;
