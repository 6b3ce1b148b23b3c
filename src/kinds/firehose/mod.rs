//! `firehose`: a delivery stream from one Kinesis stream into one lake.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::{ComponentId, ID_PATTERN};
use crate::kinds::fields::*;

/// A Kinesis Data Firehose delivery stream: reads one Kinesis stream, writes one S3 sink.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Firehose {
    /// The id of the one Kinesis stream this delivery stream reads.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
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
    /// Partition by each record's own time instead of its arrival time (Firehose dynamic
    /// partitioning): a reading that arrives late still lands in the partition of the day (or
    /// hour) it was taken, where the table's partition projection finds it. A record without
    /// the field goes to `error_prefix`. Needs `partitioning` daily or hourly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_time: Option<EventTime>,
    /// Convert the records (JSON objects) to Parquet before writing them, with the columns of
    /// a table of a `glue_catalog` of the spec (typically the table over `prefix`). Records
    /// that do not convert go to `error_prefix`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert: Option<Conversion>,
    /// Id of a `lambda` that Firehose calls with each batch of records before writing them, to
    /// enrich, filter or reshape them (it returns each record with `recordId`, `result` and
    /// `data`). Records it fails go to `error_prefix`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub processor: Option<String>,
}

/// Where a record's event time is, and how it is written.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventTime {
    /// The record's field holding its time: a top-level key, or a dotted path (`meta.ts`).
    #[schemars(regex(pattern = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"))]
    pub field: String,
    /// How the time is written. Default: `iso8601` (`2025-06-01T12:34:56Z`, in UTC).
    #[serde(default)]
    pub format: EventTimeFormat,
}

/// Ways a record's time may be written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventTimeFormat {
    /// An ISO-8601 string in UTC, `YYYY-MM-DDThh:mm:ss…`: the partitions are its digits.
    #[default]
    Iso8601,
    /// Seconds since 1970-01-01 UTC, a number.
    EpochSeconds,
    /// Milliseconds since 1970-01-01 UTC, a number.
    EpochMillis,
}

/// Record format conversion.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// The format written: `parquet`.
    #[serde(default)]
    pub to: ConvertTo,
    /// Id of the `glue_catalog` holding the table whose columns are the records' schema.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub catalog: String,
    /// The table's name in that catalog.
    #[schemars(length(min = 1, max = 255))]
    pub table: String,
}

/// Formats Firehose converts records to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConvertTo {
    /// Apache Parquet, compressed with `compression` (gzip, snappy or uncompressed).
    #[default]
    Parquet,
}

/// Firehose's smallest buffer with dynamic partitioning or format conversion, in MiB.
pub const MIN_BUFFER_MB_CONVERTED: u32 = 64;

impl EventTime {
    /// The JQ expression (JQ 1.6, Firehose's inline parser) that extracts the partition keys.
    pub fn metadata_query(&self, partitioning: Partitioning) -> String {
        let f = format!(".{}", self.field);
        let key = |name: &str, fmt: &str| -> String {
            let v = match (self.format, name) {
                (EventTimeFormat::Iso8601, "year") => format!("{f}[0:4]"),
                (EventTimeFormat::Iso8601, "month") => format!("{f}[5:7]"),
                (EventTimeFormat::Iso8601, "day") => format!("{f}[8:10]"),
                (EventTimeFormat::Iso8601, _) => format!("{f}[11:13]"),
                (EventTimeFormat::EpochSeconds, _) => format!("({f}|floor|strftime(\"{fmt}\"))"),
                (EventTimeFormat::EpochMillis, _) => {
                    format!("({f}/1000|floor|strftime(\"{fmt}\"))")
                }
            };
            format!("{name}:{v}")
        };
        let keys: Vec<String> = partitioning
            .keys()
            .iter()
            .map(|(name, _)| {
                let fmt = match *name {
                    "year" => "%Y",
                    "month" => "%m",
                    "day" => "%d",
                    _ => "%H",
                };
                key(name, fmt)
            })
            .collect();
        format!("{{{}}}", keys.join(","))
    }
}

fn default_error_prefix() -> String {
    "errors/".to_string()
}

/// Firehose buffering hints.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Buffering {
    /// Buffer size in MiB (1 to 128). Default: 5, or 64 with `event_time` or `convert`,
    /// the least Firehose allows with dynamic partitioning or format conversion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 128))]
    pub size_mb: Option<u32>,
    /// Buffer interval in seconds (0 to 900).
    #[serde(default = "default_buffer_seconds")]
    #[schemars(range(min = 0, max = 900))]
    pub interval_seconds: u32,
}

impl Default for Buffering {
    fn default() -> Self {
        Buffering {
            size_mb: None,
            interval_seconds: default_buffer_seconds(),
        }
    }
}

/// The buffer size without dynamic partitioning or format conversion.
const DEFAULT_BUFFER_MB: u32 = 5;
fn default_buffer_seconds() -> u32 {
    300
}

impl Firehose {
    /// Whether Firehose needs its larger buffer: dynamic partitioning or format conversion.
    pub fn needs_large_buffer(&self) -> bool {
        self.event_time.is_some() || self.convert.is_some()
    }

    /// The buffer size it renders: the spec's, or the default that fits its features.
    pub fn buffer_mb(&self) -> u32 {
        self.buffering
            .size_mb
            .unwrap_or(if self.needs_large_buffer() {
                MIN_BUFFER_MB_CONVERTED
            } else {
                DEFAULT_BUFFER_MB
            })
    }

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
