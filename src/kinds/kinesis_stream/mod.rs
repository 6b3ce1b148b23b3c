//! `kinesis_stream`: a Kinesis data stream, where records enter the system.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A Kinesis data stream.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KinesisStream {
    /// A stream that exists already, by `arn`
    /// (`arn:aws:kinesis:<region>:<account>:stream/<name>`) or `name`, in the spec's region, to
    /// use instead of creating one. pipelinec then creates nothing for it and changes none of
    /// its settings, so `mode`, `shards`, `retention_hours` and `encryption` are its owner's to
    /// set. Its readers and writers get exactly the grants they would get on a stream pipelinec
    /// created, on its ARN; `kms_key` names its customer key, if it has one, and its alarms
    /// watch it as they would a stream of the spec.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<crate::kinds::existing::Existing>,
    /// Capacity mode: `on_demand` scales by itself; `provisioned` uses a fixed `shards` count.
    #[serde(default)]
    pub mode: StreamMode,
    /// Number of shards. Required in `provisioned` mode, not allowed in `on_demand` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 10000))]
    pub shards: Option<u32>,
    /// How long records stay readable, in hours (24 to 8760). Default 168 (a week), so that
    /// a consumer that fails for days loses nothing; hours beyond 24 are billed as extended
    /// retention (per shard hour when provisioned, per GB stored when on demand).
    #[serde(default = "default_retention_hours")]
    #[schemars(range(min = 24, max = 8760))]
    pub retention_hours: u32,
    /// Server-side encryption of records at rest.
    #[serde(default)]
    pub encryption: StreamEncryption,
    /// ARN of a customer-managed KMS key for `kms` encryption. Defaults to the AWS-managed
    /// `alias/aws/kinesis` key. Readers of the stream are granted `kms:Decrypt` on this key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"))]
    pub kms_key: Option<String>,
}

/// A week: records are the only copy until every consumer has them, so a consumer that fails
/// over a weekend must not lose them (Security Hub control Kinesis.3 asks for at least 168).
fn default_retention_hours() -> u32 {
    168
}

/// Kinesis capacity mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StreamMode {
    /// Pay per use; capacity follows traffic.
    #[default]
    OnDemand,
    /// A fixed number of shards.
    Provisioned,
}

/// Kinesis stream encryption.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StreamEncryption {
    /// Encrypt with a KMS key (secure default).
    #[default]
    Kms,
    /// No encryption at rest. Not recommended.
    None,
}

mod check;
mod iam;
mod render;
