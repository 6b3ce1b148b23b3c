//! Field types several kinds share (partitions, formats, compression, log retention).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `true`, for boolean settings that default to on.
pub fn default_true() -> bool {
    true
}

/// Two weeks of logs, the default of every log group pipelinec creates.
pub fn default_log_retention_days() -> u32 {
    14
}

/// Retention values CloudWatch Logs accepts.
pub const LOG_RETENTION_DAYS: [u32; 22] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

/// Date partitioning of object keys (Hive style, so Athena can prune by date).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Partitioning {
    /// `year=YYYY/month=MM/day=DD/`
    #[default]
    Daily,
    /// `year=YYYY/month=MM/day=DD/hour=HH/`
    Hourly,
    /// No date partitions.
    None,
}

impl Partitioning {
    /// Partition keys in key order, with the Firehose timestamp format of each.
    pub fn keys(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Partitioning::Daily => &[("year", "yyyy"), ("month", "MM"), ("day", "dd")],
            Partitioning::Hourly => &[
                ("year", "yyyy"),
                ("month", "MM"),
                ("day", "dd"),
                ("hour", "HH"),
            ],
            Partitioning::None => &[],
        }
    }
}

/// Compression of objects Firehose writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// GZIP: Athena reads it directly.
    #[default]
    Gzip,
    /// Snappy (framing format).
    Snappy,
    /// Hadoop-compatible Snappy.
    HadoopSnappy,
    /// ZIP.
    Zip,
    /// No compression.
    Uncompressed,
}

/// Table storage formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    /// Newline-delimited JSON (what Firehose writes without format conversion).
    #[default]
    Json,
    /// Apache Parquet.
    Parquet,
    /// Comma-separated values.
    Csv,
}
