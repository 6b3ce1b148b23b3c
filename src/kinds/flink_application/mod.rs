//! `flink_application`: an Amazon Managed Service for Apache Flink application (formerly Kinesis
//! Data Analytics for Apache Flink) running PyFlink code from a folder of the spec, reading
//! Kinesis streams continuously and writing under an output prefix of the lakes that list it
//! and, if named, into one Kinesis stream.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;
use crate::kinds::fields::*;

/// A streaming application on Amazon Managed Service for Apache Flink: pipelinec zips the code
/// folder deterministically, uploads it to an assets bucket of the application, creates its log
/// group and stream (with retention) and its role, and starts it. Checkpoints and snapshots are
/// on, so a restart resumes where it stopped instead of losing or replaying the window state.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlinkApplication {
    /// Ids of the `kinesis_stream`s the application reads. Their names and ARNs are passed to
    /// the code as runtime properties (group `pipelinec`, keys `<ID>_STREAM_NAME` and
    /// `<ID>_STREAM_ARN`, ids in upper case).
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// The folder holding the application, relative to the spec file and inside its folder.
    /// Every regular file under it is zipped (sorted, fixed timestamps: the same folder gives
    /// the same bytes), leaving out hidden files and `__pycache__` folders; a symlink in it is
    /// refused.
    #[schemars(length(min = 1))]
    pub code: String,
    /// The PyFlink entry point, a `.py` file inside `code`, relative to it (default `main.py`).
    #[serde(default = "default_main")]
    #[schemars(length(min = 1), regex(pattern = r"^[A-Za-z0-9_./-]+\.py$"))]
    pub main: String,
    /// A JAR inside `code` (relative to it) holding the Java connectors the code uses, e.g.
    /// `lib/pyflink-dependencies.jar` with `flink-sql-connector-kinesis` and
    /// `flink-s3-fs-hadoop` for Flink 1.20. Managed Service for Apache Flink installs nothing
    /// (no pip, no Maven): a PyFlink job that reads Kinesis must ship the connector in its zip
    /// and name it here (the run option `jarfile`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1), regex(pattern = r"^[A-Za-z0-9_./-]+\.jar$"))]
    pub jarfile: Option<String>,
    /// The Flink runtime (default `FLINK-1_20`, the newest that runs PyFlink on Managed
    /// Service for Apache Flink).
    #[serde(default)]
    pub runtime: FlinkRuntime,
    /// Tasks the application runs in parallel at start (1 to 512: 64 KPUs, the default quota,
    /// of 8 tasks; default 1). With `auto_scaling` on, Managed Service for Apache Flink raises
    /// it under load and lowers it back, never below this value.
    #[serde(default = "default_one")]
    #[schemars(range(min = 1, max = 512))]
    pub parallelism: u32,
    /// Parallel tasks per Kinesis Processing Unit (1 vCPU, 4 GB; 1 to 8, default 1): above 1
    /// packs tasks that mostly wait on I/O into fewer, cheaper KPUs. The application uses
    /// `parallelism / parallelism_per_kpu` KPUs, at most 64 (the default quota).
    #[serde(default = "default_one")]
    #[schemars(range(min = 1, max = 8))]
    pub parallelism_per_kpu: u32,
    /// Whether Managed Service for Apache Flink scales parallelism with CPU use (default on).
    #[serde(default = "default_true")]
    pub auto_scaling: bool,
    /// Whether Flink checkpoints its state (default on, as Managed Service for Apache Flink's
    /// default): without checkpoints a restart loses the open windows and the stream positions.
    #[serde(default = "default_true")]
    pub checkpointing: bool,
    /// Milliseconds between checkpoints (1000 to 3600000; default 60000, the service's default).
    /// The filesystem sink commits its files at checkpoints, so this is also how long the
    /// aggregates wait before they appear in the lake.
    #[serde(default = "default_checkpoint_interval_ms")]
    #[schemars(range(min = 1000, max = 3_600_000))]
    pub checkpoint_interval_ms: u32,
    /// Least milliseconds between the end of a checkpoint and the start of the next (0 to
    /// 3600000; default 5000, the service's default).
    #[serde(default = "default_min_pause_ms")]
    #[schemars(range(min = 0, max = 3_600_000))]
    pub min_pause_between_checkpoints_ms: u32,
    /// Whether the application takes a snapshot when it stops or is updated and restores from
    /// the latest one when it starts (default on): stream positions and window state survive a
    /// deploy.
    #[serde(default = "default_true")]
    pub snapshots: bool,
    /// Level of the application's CloudWatch logs (default `INFO`).
    #[serde(default)]
    pub log_level: FlinkLogLevel,
    /// Detail of the metrics the application publishes (default `APPLICATION`: the
    /// application-wide metrics the dashboard and alarms use, at the lowest cost).
    #[serde(default)]
    pub metrics_level: FlinkMetricsLevel,
    /// Days to keep the application's CloudWatch logs.
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
    /// Whether Terraform starts the application after creating it (default on).
    #[serde(default = "default_true")]
    pub start_application: bool,
    /// Where the application starts reading a stream when it has no snapshot or checkpoint to
    /// resume from: `TRIM_HORIZON` (the default: the oldest record the stream retains, so
    /// nothing written before the first start is skipped) or `LATEST`. Passed to the code as the
    /// runtime property `STREAM_INITIAL_POSITION`.
    #[serde(default)]
    pub start_position: StartPosition,
    /// The `kinesis_stream` the application writes its results into, if any: its role may put
    /// records there, and its name and ARN are passed as `OUTPUT_STREAM_NAME` and
    /// `OUTPUT_STREAM_ARN`. Never one of its inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_stream: Option<String>,
    /// Key prefix the application writes under in the lakes it feeds. Defaults to `<id>/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub output_prefix: Option<String>,
    /// What the code writes under `output_prefix` (default `json`, one object per line, what
    /// Flink's filesystem sink writes with the `json` format). Catalog tables over that prefix
    /// are checked against it.
    #[serde(default = "default_output_format")]
    pub output_format: TableFormat,
    /// Compression of the objects the code writes (default `uncompressed`: the filesystem
    /// sink's JSON files are not compressed).
    #[serde(default = "default_output_compression")]
    pub output_compression: Compression,
    /// Date partitions the code writes under `output_prefix` (default `none`).
    #[serde(default = "default_output_partitioning")]
    pub output_partitioning: Partitioning,
}

/// A Managed Service for Apache Flink runtime that runs PyFlink.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum FlinkRuntime {
    /// Apache Flink 1.19 (Python 3.11).
    #[serde(rename = "FLINK-1_19")]
    Flink119,
    /// Apache Flink 1.20 (Python 3.11).
    #[default]
    #[serde(rename = "FLINK-1_20")]
    Flink120,
}

impl FlinkRuntime {
    pub fn as_str(self) -> &'static str {
        match self {
            FlinkRuntime::Flink119 => "FLINK-1_19",
            FlinkRuntime::Flink120 => "FLINK-1_20",
        }
    }
}

/// Level of a Flink application's CloudWatch logs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlinkLogLevel {
    Debug,
    #[default]
    Info,
    Warn,
    Error,
}

impl FlinkLogLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            FlinkLogLevel::Debug => "DEBUG",
            FlinkLogLevel::Info => "INFO",
            FlinkLogLevel::Warn => "WARN",
            FlinkLogLevel::Error => "ERROR",
        }
    }
}

/// Detail of a Flink application's CloudWatch metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlinkMetricsLevel {
    #[default]
    Application,
    Task,
    Operator,
    Parallelism,
}

impl FlinkMetricsLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            FlinkMetricsLevel::Application => "APPLICATION",
            FlinkMetricsLevel::Task => "TASK",
            FlinkMetricsLevel::Operator => "OPERATOR",
            FlinkMetricsLevel::Parallelism => "PARALLELISM",
        }
    }
}

/// Where a stream consumer starts without a position to resume from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum StartPosition {
    /// The oldest record the stream retains.
    #[default]
    #[serde(rename = "TRIM_HORIZON")]
    TrimHorizon,
    /// Only records written after the start.
    #[serde(rename = "LATEST")]
    Latest,
}

impl StartPosition {
    pub fn as_str(self) -> &'static str {
        match self {
            StartPosition::TrimHorizon => "TRIM_HORIZON",
            StartPosition::Latest => "LATEST",
        }
    }
}

fn default_main() -> String {
    "main.py".to_string()
}
fn default_one() -> u32 {
    1
}
fn default_checkpoint_interval_ms() -> u32 {
    60_000
}
fn default_min_pause_ms() -> u32 {
    5_000
}
fn default_output_format() -> TableFormat {
    TableFormat::Json
}
fn default_output_compression() -> Compression {
    Compression::Uncompressed
}
fn default_output_partitioning() -> Partitioning {
    Partitioning::None
}

/// KPUs one application may use under the default quota ("Managed Service for Apache Flink
/// quotas": 64 KPUs per application, adjustable).
pub const MAX_KPUS: u32 = 64;

/// The runtime-property group pipelinec fills with where the application reads and writes.
pub const PROPERTY_GROUP: &str = "pipelinec";

/// The run-options group Managed Service for Apache Flink reads a Python application's entry
/// point and JAR from ("Create your Managed Service for Apache Flink Python application").
pub const RUN_OPTIONS: &str = "kinesis.analytics.flink.run.options";

/// The log stream pipelinec creates in the application's log group.
pub const LOG_STREAM: &str = "application";

impl FlinkApplication {
    /// The key prefix it writes under in the lakes it feeds: `output_prefix`, or `<id>/`.
    pub fn output_prefix(&self, id: &ComponentId) -> String {
        self.output_prefix
            .clone()
            .unwrap_or_else(|| format!("{}/", id.kebab()))
    }

    /// KPUs it starts with: parallelism divided by tasks per KPU, rounded up.
    pub fn kpus(&self) -> u32 {
        self.parallelism.div_ceil(self.parallelism_per_kpu.max(1))
    }
}

/// The key of the code zip in the application's assets bucket.
pub fn code_key(id: &ComponentId) -> String {
    format!("code/{id}.zip")
}

/// The application's log group.
pub fn log_group(base: &str) -> String {
    format!("/aws/kinesis-analytics/{base}")
}

mod check;
mod iam;
pub mod package;
mod render;
