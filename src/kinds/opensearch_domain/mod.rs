//! `opensearch_domain`: an Amazon OpenSearch Service domain that functions index documents
//! into (a product search index fed by an orders table's stream).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::kinds::fields::*;

/// An OpenSearch Service domain: encrypted at rest and between nodes, HTTPS only with TLS 1.2
/// and forward secrecy, its logs in CloudWatch, and an access policy that admits exactly the
/// roles of the functions listed in `inputs`. It has a public endpoint (no VPC yet): the access
/// policy is what protects it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpensearchDomain {
    /// Ids of the Lambda functions that index documents into this domain. Each gets
    /// `es:ESHttpPost` and `es:ESHttpPut` on the domain's indices, the domain's access policy
    /// admits its role, and its environment holds `<DOMAIN_ID>_ENDPOINT`.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// The OpenSearch version.
    #[serde(default)]
    pub engine_version: EngineVersion,
    /// Data node instance type, e.g. `m7g.large.search` (default). T2 and T3 types do not
    /// support Auto-Tune: with one, set `auto_tune: false`.
    #[serde(default = "default_instance_type")]
    #[schemars(regex(pattern = r"^[a-z][a-z0-9-]*\.[a-z0-9]+\.search$"))]
    pub instance_type: String,
    /// Data nodes (1 to 80). With more than one, the domain spreads them over Availability
    /// Zones (zone awareness): three zones for a multiple of three, two for any other even
    /// count; an odd count that is not a multiple of three cannot be spread evenly and is an
    /// error. Default 2: each index's replica survives the loss of a zone.
    #[serde(default = "default_instance_count")]
    #[schemars(range(min = 1, max = 80))]
    pub instance_count: u32,
    /// Dedicated master nodes, which keep the cluster's state apart from the data nodes.
    /// Default none; AWS recommends three for production domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dedicated_masters: Option<DedicatedMasters>,
    /// Size of each data node's gp3 EBS volume in GiB (10 to 16384; the largest size depends
    /// on the instance type). Default 20.
    #[serde(default = "default_volume_size_gb")]
    #[schemars(range(min = 10, max = 16384))]
    pub volume_size_gb: u32,
    /// ARN of a customer-managed KMS key to encrypt the domain's data at rest with. Default:
    /// the AWS-managed `aws/es` key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"))]
    pub kms_key_arn: Option<String>,
    /// Auto-Tune: OpenSearch adjusts JVM and queue settings to the load (default on; not
    /// available on T2 and T3 instance types).
    #[serde(default = "default_true")]
    pub auto_tune: bool,
    /// Install service software updates (security patches among them) automatically in the
    /// domain's off-peak window. Default on.
    #[serde(default = "default_true")]
    pub auto_software_update: bool,
    /// Days to keep the domain's logs (index and search slow logs, error logs) in CloudWatch.
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
}

/// Dedicated master nodes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DedicatedMasters {
    /// Instance type of the master nodes, e.g. `m7g.large.search`.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9-]*\.[a-z0-9]+\.search$"))]
    pub instance_type: String,
    /// How many: 3 (default) or 5, an odd number so that a majority can always be elected.
    #[serde(default = "default_master_count")]
    #[schemars(extend("enum" = [3, 5]))]
    pub count: u32,
}

/// OpenSearch versions pipelinec renders for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum EngineVersion {
    /// OpenSearch 2.19 (the default: the latest 2.x).
    #[default]
    #[serde(rename = "OpenSearch_2.19")]
    OpenSearch219,
    /// OpenSearch 2.17.
    #[serde(rename = "OpenSearch_2.17")]
    OpenSearch217,
    /// OpenSearch 2.15.
    #[serde(rename = "OpenSearch_2.15")]
    OpenSearch215,
    /// OpenSearch 2.13.
    #[serde(rename = "OpenSearch_2.13")]
    OpenSearch213,
    /// OpenSearch 2.11.
    #[serde(rename = "OpenSearch_2.11")]
    OpenSearch211,
}

impl EngineVersion {
    /// The `EngineVersion` AWS takes.
    pub fn as_str(self) -> &'static str {
        match self {
            EngineVersion::OpenSearch219 => "OpenSearch_2.19",
            EngineVersion::OpenSearch217 => "OpenSearch_2.17",
            EngineVersion::OpenSearch215 => "OpenSearch_2.15",
            EngineVersion::OpenSearch213 => "OpenSearch_2.13",
            EngineVersion::OpenSearch211 => "OpenSearch_2.11",
        }
    }
}

fn default_instance_type() -> String {
    "m7g.large.search".to_string()
}
fn default_instance_count() -> u32 {
    2
}
fn default_volume_size_gb() -> u32 {
    20
}
fn default_master_count() -> u32 {
    3
}

impl OpensearchDomain {
    /// The Availability Zones the data nodes spread over: none for a single node, three for a
    /// multiple of three, two for another even count, `None` for a count that cannot be spread
    /// evenly.
    pub fn zones(&self) -> Option<u32> {
        match self.instance_count {
            1 => Some(1),
            n if n % 3 == 0 => Some(3),
            n if n % 2 == 0 => Some(2),
            _ => None,
        }
    }

    /// Whether the data nodes' instance type lacks Auto-Tune (T2 and T3 types).
    pub fn burstable(&self) -> bool {
        self.instance_type.starts_with("t2.") || self.instance_type.starts_with("t3.")
    }
}

/// The kinds of log the domain publishes, as (OpenSearch log type, log group suffix). Audit
/// logs need fine-grained access control, which pipelinec does not set up yet.
pub const LOG_TYPES: [(&str, &str); 3] = [
    ("INDEX_SLOW_LOGS", "index-slow"),
    ("SEARCH_SLOW_LOGS", "search-slow"),
    ("ES_APPLICATION_LOGS", "error"),
];

mod check;
mod iam;
mod render;
