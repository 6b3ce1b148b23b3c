//! `glue_job`: an AWS Glue ETL job (Spark) running a PySpark script from the spec's folder,
//! reading a lake prefix or a catalog's tables and writing into lakes under its output prefix.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;
use crate::kinds::fields::*;

/// An AWS Glue ETL job: a PySpark script that Glue runs on Spark workers, reading what its
/// inputs hold and writing into the data lakes that list it as an input. pipelinec uploads the
/// script to an assets bucket of the job, creates its log groups, and passes it where to read
/// and write as job arguments.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlueJob {
    /// Ids of what the job reads: `s3_data_lake`s (objects under `input_prefix`) and
    /// `glue_catalog`s (their tables, and the tables' data in the catalog's lake).
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
    /// Job description (up to 2048 characters, as Glue allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 2048))]
    pub description: Option<String>,
    /// Glue version: the Spark, Python and library versions the job runs on. Default: `5.1`,
    /// the newest AWS offers for Spark jobs (Spark 3.5, Python 3.11).
    #[serde(default)]
    pub glue_version: GlueVersion,
    /// Worker type: the size of each Spark worker (`G.1X`: 1 DPU, 4 vCPUs and 16 GB of memory;
    /// `G.2X` twice that, and so on). Glue bills DPU-hours.
    #[serde(default)]
    pub worker_type: WorkerType,
    /// Workers per run, driver included (2 to 299; at most 149 of `G.2X`, as Glue allows).
    /// Default: 2, the smallest Spark job.
    #[serde(default = "default_workers")]
    #[schemars(range(min = 2, max = 299))]
    pub number_of_workers: u32,
    /// Minutes a run may take before Glue stops it (1 to 2880). Default: 60, so that a stuck
    /// run stops within the hour instead of billing Glue's own default of 48 hours.
    #[serde(default = "default_timeout_minutes")]
    #[schemars(range(min = 1, max = 2880))]
    pub timeout_minutes: u32,
    /// Retries of a failed run (0 to 10). Default: 0: a run that failed halfway may have
    /// written part of its output, and a retry would write it again.
    #[serde(default)]
    #[schemars(range(min = 0, max = 10))]
    pub max_retries: u32,
    /// Job bookmarks: each run processes only what earlier runs did not (the script's sources
    /// and sinks need a `transformation_ctx`, and the script calls `job.commit()`). Default: on.
    #[serde(default = "default_true")]
    pub job_bookmarks: bool,
    /// When to run, as a Glue cron expression, e.g. `cron(15 2 * * ? *)` (six fields: Minutes
    /// Hours Day-of-month Month Day-of-week Year; one day field is `?`). Omit to run on demand
    /// (`aws glue start-job-run`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// Extra job arguments, `--key: value`, which the script reads with `getResolvedOptions`.
    /// pipelinec sets the arguments Glue needs (`--TempDir`, `--job-bookmark-option`, logging
    /// and metrics) and, for each lake input `L`, `--L_BUCKET` and `--L_INPUT_PREFIX`; for each
    /// catalog input `C`, `--C_DATABASE`; for each lake `S` it writes into, `--S_BUCKET` and
    /// `--S_PREFIX` (ids in upper case); those keys, and the ones Glue reserves, are refused here.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": "^--[A-Za-z][A-Za-z0-9_.-]*$" }))]
    pub arguments: IndexMap<String, String>,
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
    /// Days to keep the job's CloudWatch logs (its `error` and `output` log groups).
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
}

/// Glue versions pipelinec renders for: the 5.x line, whose logging (a log group prefix per
/// job) the module sets up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum GlueVersion {
    /// Glue 5.1: Spark 3.5.6, Python 3.11 (the newest).
    #[default]
    #[serde(rename = "5.1")]
    V5_1,
    /// Glue 5.0: Spark 3.5.4, Python 3.11.
    #[serde(rename = "5.0")]
    V5_0,
}

impl GlueVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            GlueVersion::V5_1 => "5.1",
            GlueVersion::V5_0 => "5.0",
        }
    }
}

/// Glue worker types for Spark jobs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum WorkerType {
    /// 1 DPU: 4 vCPUs, 16 GB of memory.
    #[default]
    #[serde(rename = "G.1X")]
    G1X,
    /// 2 DPUs: 8 vCPUs, 32 GB of memory.
    #[serde(rename = "G.2X")]
    G2X,
    /// 4 DPUs: 16 vCPUs, 64 GB of memory.
    #[serde(rename = "G.4X")]
    G4X,
    /// 8 DPUs: 32 vCPUs, 128 GB of memory.
    #[serde(rename = "G.8X")]
    G8X,
}

impl WorkerType {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkerType::G1X => "G.1X",
            WorkerType::G2X => "G.2X",
            WorkerType::G4X => "G.4X",
            WorkerType::G8X => "G.8X",
        }
    }

    /// The most workers of this type a job may have, where Glue documents one.
    pub fn max_workers(self) -> Option<u32> {
        match self {
            WorkerType::G1X => Some(299),
            WorkerType::G2X => Some(149),
            WorkerType::G4X | WorkerType::G8X => None,
        }
    }
}

fn default_workers() -> u32 {
    2
}
fn default_timeout_minutes() -> u32 {
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

/// The key prefix of the job's temporary directory (`--TempDir`) in its assets bucket.
pub const TEMP_PREFIX: &str = "temporary/";

impl GlueJob {
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

/// The prefix of the job's log groups (`--custom-logGroup-prefix`): Glue 5 writes its system
/// and Spark logs to `<prefix>/error` and the script's stdout and stderr to `<prefix>/output`.
pub fn log_group_prefix(base: &str) -> String {
    format!("/aws-glue/jobs/{base}")
}

/// The two log groups under the prefix.
pub const LOG_GROUPS: [&str; 2] = ["error", "output"];

mod check;
mod iam;
mod render;
