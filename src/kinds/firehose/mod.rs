//! `firehose`: a delivery stream from one Kinesis stream into one lake.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;
use crate::kinds::fields::*;

/// A Kinesis Data Firehose delivery stream: reads one Kinesis stream, writes one S3 sink.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Firehose {
    /// The id of the one Kinesis stream this delivery stream reads.
    #[serde(default)]
    pub inputs: Vec<String>,
    /// Key prefix for delivered objects, ending in `/`. Defaults to `<id>/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub prefix: Option<String>,
    /// Date partitions appended to `prefix`, from each record's arrival time: `daily` gives
    /// `year=YYYY/month=MM/day=DD/`, `hourly` adds `hour=HH/`.
    #[serde(default)]
    pub partitioning: Partitioning,
    /// Key prefix for records Firehose could not deliver, ending in `/`. pipelinec appends the
    /// error type and the date partitions.
    #[serde(default = "default_error_prefix")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub error_prefix: String,
    /// When Firehose flushes a buffer to S3: whichever limit is reached first.
    #[serde(default)]
    pub buffering: Buffering,
    /// Compression of delivered objects.
    #[serde(default)]
    pub compression: Compression,
    /// Days to keep the delivery stream's error logs.
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
}

fn default_error_prefix() -> String {
    "errors/".to_string()
}

/// Firehose buffering hints.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Buffering {
    /// Buffer size in MiB (1 to 128).
    #[serde(default = "default_buffer_mb")]
    #[schemars(range(min = 1, max = 128))]
    pub size_mb: u32,
    /// Buffer interval in seconds (0 to 900).
    #[serde(default = "default_buffer_seconds")]
    #[schemars(range(min = 0, max = 900))]
    pub interval_seconds: u32,
}

impl Default for Buffering {
    fn default() -> Self {
        Buffering {
            size_mb: default_buffer_mb(),
            interval_seconds: default_buffer_seconds(),
        }
    }
}

fn default_buffer_mb() -> u32 {
    5
}
fn default_buffer_seconds() -> u32 {
    300
}

impl Firehose {
    /// The key prefix it delivers under (before its date partitions): `prefix`, or `<id>/`.
    pub fn prefix(&self, id: &ComponentId) -> String {
        self.prefix
            .clone()
            .unwrap_or_else(|| format!("{}/", id.kebab()))
    }
}

mod check;
mod iam;
mod render;
