//! `emr_serverless_job`: a PySpark script run on an Amazon EMR Serverless application (no
//! cluster), reading a lake prefix or a catalog's tables and writing under an output prefix of
//! the lakes that list it as an input.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;
use crate::kinds::fields::*;

/// A Spark job on Amazon EMR Serverless: pipelinec creates an EMR Serverless application (Spark,
/// started on demand and stopped when idle, within the capacity limits below), uploads the
/// PySpark script to an assets bucket of the job, creates its log group and runtime role, and
/// outputs the exact `StartJobRun` request that runs it (a job run is not a Terraform resource:
/// a scheduler or a person starts it).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmrServerlessJob {
    /// Ids of what the job reads: `s3_data_lake`s (objects under `input_prefix`) and
    /// `glue_catalog`s (their tables through the Glue Data Catalog, and the tables' data).
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// Key prefix the job reads in the `s3_data_lake`s it takes as inputs, ending in `/`, e.g.
    /// `raw/`. Required with a lake input: the job's role may list and read under it only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub input_prefix: Option<String>,
    /// The PySpark script, a `.py` file relative to the spec file and inside its folder.
    /// pipelinec copies it into the render (`build/<id>.py`) and uploads it to the job's assets
    /// bucket; it reads nothing outside the spec's folder (no absolute paths, no `..`, no
    /// symlink out).
    #[schemars(length(min = 1), regex(pattern = r"\.py$"))]
    pub script: String,
    /// EMR release of the application: the Spark and Python versions the job runs on, e.g.
    /// `emr-7.10.0` (the default: Spark 3.5.5). The 7.x line only (Spark 3.5, Python 3.9+).
    #[serde(default = "default_release_label")]
    #[schemars(regex(pattern = r"^emr-7\.[0-9]{1,2}\.[0-9]{1,2}$"))]
    pub release_label: String,
    /// CPU architecture of the workers: `X86_64` (the default, which any Python wheel the
    /// script imports runs on) or `ARM64` (Graviton, cheaper per vCPU-hour).
    #[serde(default)]
    pub architecture: Architecture,
    /// Most vCPUs the application may use at once, over all its runs (2 to 2000). Default: 16,
    /// a driver and three executors of Spark's default size on EMR Serverless (4 vCPUs each);
    /// it caps what one hour of runs can bill.
    #[serde(default = "default_max_vcpu")]
    #[schemars(range(min = 2, max = 2000))]
    pub max_vcpu: u32,
    /// Most memory, in GB, the application may use at once (4 to 16000). Default: 64. EMR
    /// Serverless workers have 2 to 8 GB per vCPU, so it is between 2 and 8 times `max_vcpu`.
    #[serde(default = "default_max_memory_gb")]
    #[schemars(range(min = 4, max = 16000))]
    pub max_memory_gb: u32,
    /// Minutes without a running job after which the application stops (1 to 10080). Default:
    /// 15, as EMR Serverless's own; a stopped application bills nothing and starts on the
    /// next `StartJobRun`.
    #[serde(default = "default_idle_timeout_minutes")]
    #[schemars(range(min = 1, max = 10080))]
    pub idle_timeout_minutes: u32,
    /// Minutes a run may take before EMR Serverless cancels it (1 to 10080). Default: 60, so
    /// that a stuck run stops within the hour instead of billing EMR Serverless's own default
    /// of 12 hours.
    #[serde(default = "default_execution_timeout_minutes")]
    #[schemars(range(min = 1, max = 10080))]
    pub execution_timeout_minutes: u32,
    /// Extra script arguments, `--key: value`, passed to the script as `entryPointArguments`
    /// (`--key value`, sorted by key; read them with `argparse`). pipelinec passes, for each
    /// lake input `L`, `--L_BUCKET` and `--L_INPUT_PREFIX`; for each catalog input `C`,
    /// `--C_DATABASE`; for each lake `S` it writes into, `--S_BUCKET` and `--S_PREFIX` (ids in
    /// upper case); those keys are refused here.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": "^--[A-Za-z][A-Za-z0-9_.-]*$" }))]
    pub arguments: IndexMap<String, String>,
    /// Spark properties, `spark.key: value`, passed as `--conf key=value` in
    /// `sparkSubmitParameters` (e.g. `spark.executor.cores: "2"`). Values hold no spaces or
    /// quotes. Properties that would load code from outside the job's assets (`spark.jars`,
    /// `spark.submit.pyFiles`, …) and the metastore client pipelinec sets are refused.
    #[serde(default)]
    #[schemars(extend(
        "propertyNames" = { "pattern": "^spark\\.[A-Za-z0-9_.-]+$" },
        "additionalProperties" = { "type": "string", "pattern": "^[^\\s\"'\\\\]+$" }
    ))]
    pub spark_properties: IndexMap<String, String>,
    /// Key prefix the job writes under in the lakes it feeds. Defaults to `<id>/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub output_prefix: Option<String>,
    /// What the script writes under `output_prefix`: `parquet` (the default), `json` (one
    /// object per line) or `csv`. Catalog tables over that prefix are checked against it.
    #[serde(default = "default_output_format")]
    pub output_format: TableFormat,
    /// Compression of the objects the script writes (default `snappy`, Spark's default for
    /// Parquet).
    #[serde(default = "default_output_compression")]
    pub output_compression: Compression,
    /// Date partitions the script writes under `output_prefix` (default `none`).
    #[serde(default = "default_output_partitioning")]
    pub output_partitioning: Partitioning,
    /// Days to keep the job's CloudWatch logs (the driver's and executors' stdout and stderr).
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
}

/// CPU architecture of an EMR Serverless application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Architecture {
    /// x86-64 workers (EMR Serverless's default).
    #[default]
    #[serde(rename = "X86_64")]
    X86_64,
    /// Graviton (arm64) workers.
    #[serde(rename = "ARM64")]
    Arm64,
}

impl Architecture {
    pub fn as_str(self) -> &'static str {
        match self {
            Architecture::X86_64 => "X86_64",
            Architecture::Arm64 => "ARM64",
        }
    }
}

fn default_release_label() -> String {
    "emr-7.10.0".to_string()
}
fn default_max_vcpu() -> u32 {
    16
}
fn default_max_memory_gb() -> u32 {
    64
}
fn default_idle_timeout_minutes() -> u32 {
    15
}
fn default_execution_timeout_minutes() -> u32 {
    60
}
fn default_output_format() -> TableFormat {
    TableFormat::Parquet
}
fn default_output_compression() -> Compression {
    Compression::Snappy
}
fn default_output_partitioning() -> Partitioning {
    Partitioning::None
}

/// GB of memory per vCPU an EMR Serverless worker may have: the least and the most.
pub const MEMORY_PER_VCPU_GB: (u32, u32) = (2, 8);

/// The Spark property that makes Spark SQL use the Glue Data Catalog as its metastore, and its
/// value: set when the job reads a `glue_catalog`.
pub const GLUE_METASTORE: (&str, &str) = (
    "spark.hadoop.hive.metastore.client.factory.class",
    "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory",
);

/// The prefix of the job's log streams in its log group.
pub const LOG_STREAM_PREFIX: &str = "runs";

impl EmrServerlessJob {
    /// The key prefix it writes under in the lakes it feeds: `output_prefix`, or `<id>/`.
    pub fn output_prefix(&self, id: &ComponentId) -> String {
        self.output_prefix
            .clone()
            .unwrap_or_else(|| format!("{}/", id.kebab()))
    }
}

/// The key of the script in the job's assets bucket.
pub fn script_key(id: &ComponentId) -> String {
    format!("scripts/{id}.py")
}

/// The job's log group.
pub fn log_group(base: &str) -> String {
    format!("/aws/emr-serverless/{base}")
}

mod check;
mod iam;
mod render;
