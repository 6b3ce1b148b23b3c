//! `lambda`: a function triggered by its input streams (Kinesis streams, DynamoDB tables'
//! streams), writing into lakes, tables and search domains.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;
use crate::kinds::fields::*;

/// A Lambda function. Each input (a Kinesis stream, or a DynamoDB table's stream) becomes an
/// event source mapping.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lambda {
    /// Ids of the streams that trigger this function: Kinesis streams, and DynamoDB tables
    /// (their stream, which must be on: `stream: true`).
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// Folder holding the function's code, relative to the spec file and inside its folder.
    /// pipelinec builds and zips it deterministically into the rendered output, leaving out
    /// what does not belong in a function (VCS folders, caches, virtualenvs, `.env` files) and
    /// whatever a `.pipelinecignore` in the folder lists (gitignore syntax).
    #[schemars(length(min = 1))]
    pub code: String,
    /// Lambda runtime.
    pub runtime: Runtime,
    /// How the package is built before it is zipped, in a temporary copy of `code` (your
    /// folder is never written): `auto` installs `requirements.txt` with pip (Python runtimes)
    /// or `package.json` with `npm ci` (Node.js runtimes); `none` zips the folder as it is;
    /// `{ command: "..." }` runs a shell command at render time.
    #[serde(default, skip_serializing_if = "Build::is_auto")]
    pub build: Build,
    /// Entry point, e.g. `index.handler` (no whitespace, as Lambda requires).
    #[schemars(length(min = 1, max = 128), regex(pattern = r"^[^\s]+$"))]
    pub handler: String,
    /// Memory in MB (128 to 10240).
    #[serde(default = "default_memory_mb")]
    #[schemars(range(min = 128, max = 10240))]
    pub memory_mb: u32,
    /// Timeout in seconds (1 to 900).
    #[serde(default = "default_timeout_seconds")]
    #[schemars(range(min = 1, max = 900))]
    pub timeout_seconds: u32,
    /// Instruction set architecture.
    #[serde(default)]
    pub architecture: Architecture,
    /// Environment variables. pipelinec adds `<SINK_ID>_BUCKET` and `<SINK_ID>_PREFIX` for every
    /// S3 sink this function writes to, `<TABLE_ID>_TABLE` for every DynamoDB table,
    /// `<WORKFLOW_ID>_STATE_MACHINE_ARN` for every workflow it starts and `<DOMAIN_ID>_ENDPOINT`
    /// (the host name) for every OpenSearch domain.
    #[serde(default)]
    pub environment: IndexMap<String, String>,
    /// Records per invocation, per stream (1 to 10000).
    #[serde(default = "default_batch_size")]
    #[schemars(range(min = 1, max = 10000))]
    pub batch_size: u32,
    /// Where a new event source mapping starts reading.
    #[serde(default)]
    pub starting_position: StartingPosition,
    /// Seconds to gather records before invoking (0 to 300).
    #[serde(default)]
    #[schemars(range(min = 0, max = 300))]
    pub batching_window_seconds: u32,
    /// Retries of a failed batch before it is sent to the failure destination (0 to 10000).
    #[serde(default = "default_retry_attempts")]
    #[schemars(range(min = 0, max = 10000))]
    pub maximum_retry_attempts: u32,
    /// Split a failing batch in two and retry each half, to isolate a bad record.
    #[serde(default = "default_true")]
    pub bisect_batch_on_error: bool,
    /// Where batches that still fail after the retries go: `s3` keeps each whole batch in a
    /// bucket (see `failure_bucket`); `sqs` sends only its metadata to an encrypted queue of
    /// this function; `none` drops them.
    #[serde(default)]
    pub on_failure: OnFailure,
    /// With `on_failure: s3`, the id of an `s3_data_lake` of this spec that keeps failed
    /// batches (Lambda writes them under `aws/lambda/`). Default: a bucket pipelinec creates
    /// for this function, `<name>-<id>-failures-<account id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_bucket: Option<String>,
    /// Let the function report which records of a batch failed (`batchItemFailures` in its
    /// response), so that Lambda retries from the first failed record instead of the whole
    /// batch (`ReportBatchItemFailures`).
    #[serde(default)]
    pub report_batch_item_failures: bool,
    /// Key prefix this function writes under in the S3 sinks it feeds. Defaults to `<id>/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub output_prefix: Option<String>,
    /// What the function's code writes under `output_prefix`: `json` (one object per line),
    /// `parquet` or `csv`. Catalog tables over that prefix are checked against it.
    #[serde(default)]
    pub output_format: TableFormat,
    /// Compression of the objects the function writes (default `uncompressed`).
    #[serde(default = "default_output_compression")]
    pub output_compression: Compression,
    /// Date partitions the function writes under `output_prefix` (default `none`).
    #[serde(default = "default_output_partitioning")]
    pub output_partitioning: Partitioning,
    /// Days to keep the function's CloudWatch logs.
    #[serde(default = "default_log_retention_days")]
    #[schemars(extend("enum" = LOG_RETENTION_DAYS))]
    pub log_retention_days: u32,
    /// AWS X-Ray tracing: `active` samples and traces invocations (and grants the two X-Ray
    /// write actions, which AWS cannot scope to a resource); `pass_through` does not.
    #[serde(default)]
    pub tracing: Tracing,
    /// Concurrent executions reserved for (and capping) this function. Omit to share the
    /// account's unreserved pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 10000))]
    pub reserved_concurrency: Option<u32>,
    /// Subnets of an existing VPC to run the function in (up to 16, with
    /// `security_group_ids`), e.g. to reach a database there. Its role may then create and
    /// delete network interfaces in these subnets with these security groups only (and
    /// describe network interfaces and subnets, which AWS cannot scope). The subnets need a
    /// NAT gateway or VPC endpoints for the AWS services the function calls. Default: no VPC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 16), inner(regex(pattern = "^subnet-[0-9a-f]{8,17}$")))]
    pub subnet_ids: Vec<String>,
    /// Security groups of the function's network interfaces in its VPC (up to 5, with
    /// `subnet_ids`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 5), inner(regex(pattern = "^sg-[0-9a-f]{8,17}$")))]
    pub security_group_ids: Vec<String>,
    /// ARNs of managed policies (yours, `arn:aws:iam::<account>:policy/<name>`, or AWS's,
    /// `arn:aws:iam::aws:policy/<name>`) attached to the function's role beside the policies
    /// pipelinec derives from its edges: for what the function does outside the spec (a
    /// database, a third-party service). What they allow is outside pipelinec's least-privilege
    /// derivation: `pipelinec iam` lists them as attached by the spec. They count against
    /// IAM's 10 managed policies per role, and the permissions boundary still applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        length(max = 10),
        inner(regex(
            pattern = r"^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}|aws):policy/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,128}$"
        ))
    )]
    pub managed_policy_arns: Vec<String>,
}

/// How a Lambda package is built.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Build {
    /// Choose from the runtime and the files: `requirements.txt` with a Python runtime is
    /// installed with pip for Lambda's platform; `package.json` with dependencies and a Node.js
    /// runtime with `npm ci --omit=dev`; anything else is zipped as it is.
    #[default]
    Auto,
    /// Zip the folder as it is (dependencies you vendored included).
    None,
    /// Run a shell command (`sh -c`) in a temporary copy of the code folder at render time,
    /// then zip the copy. Review it like code: it runs on every machine that renders the spec.
    Command(
        /// The shell command, e.g. `make lambda`; it runs in the copy, which it may change
        /// freely, and everything the copy then holds is zipped.
        #[schemars(length(min = 1))]
        String,
    ),
}

impl Build {
    pub fn is_auto(&self) -> bool {
        *self == Build::Auto
    }
}

/// Lambda X-Ray tracing mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tracing {
    /// Trace only requests that arrive with a trace header (the AWS default).
    #[default]
    PassThrough,
    /// Sample and trace invocations.
    Active,
}

fn default_memory_mb() -> u32 {
    128
}
fn default_timeout_seconds() -> u32 {
    30
}
fn default_batch_size() -> u32 {
    100
}
fn default_retry_attempts() -> u32 {
    3
}

/// Lambda runtimes pipelinec renders for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Runtime {
    /// Node.js 20
    #[serde(rename = "nodejs20.x")]
    Nodejs20,
    /// Node.js 22
    #[serde(rename = "nodejs22.x")]
    Nodejs22,
    /// Python 3.12
    #[serde(rename = "python3.12")]
    Python312,
    /// Python 3.13
    #[serde(rename = "python3.13")]
    Python313,
    /// Java 21
    #[serde(rename = "java21")]
    Java21,
    /// Amazon Linux 2023 custom runtime (e.g. Rust or Go binaries)
    #[serde(rename = "provided.al2023")]
    ProvidedAl2023,
}

impl Runtime {
    /// The identifier AWS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Runtime::Nodejs20 => "nodejs20.x",
            Runtime::Nodejs22 => "nodejs22.x",
            Runtime::Python312 => "python3.12",
            Runtime::Python313 => "python3.13",
            Runtime::Java21 => "java21",
            Runtime::ProvidedAl2023 => "provided.al2023",
        }
    }
}

/// Lambda instruction set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Architecture {
    /// Intel/AMD 64-bit (the AWS default).
    #[default]
    X86_64,
    /// Graviton (ARM 64-bit): cheaper per GB-second.
    Arm64,
}

/// Where a stream event source mapping starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StartingPosition {
    /// Only records written after the mapping is created: records written while the mapping
    /// is created or updated can be missed.
    Latest,
    /// The oldest record still in the stream (the default: nothing is skipped).
    #[default]
    TrimHorizon,
}

/// Failure destination of a stream event source mapping.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnFailure {
    /// An S3 bucket receives each failed batch whole, records and metadata, under
    /// `aws/lambda/` (the default: nothing is lost when the stream's retention passes).
    #[default]
    S3,
    /// An encrypted SQS queue owned by this function receives a description of each failed
    /// batch: metadata only (shard, sequence numbers), not the records.
    Sqs,
    /// Discard failed batches after the retries.
    None,
}

fn default_output_compression() -> Compression {
    Compression::Uncompressed
}

fn default_output_partitioning() -> Partitioning {
    Partitioning::None
}

/// The key prefix Lambda writes failed batches under, in an S3 on-failure destination.
pub const FAILURE_PREFIX: &str = "aws/lambda/";

impl Lambda {
    /// The key prefix it writes under in the lakes it feeds: `output_prefix`, or `<id>/`.
    pub fn output_prefix(&self, id: &ComponentId) -> String {
        self.output_prefix
            .clone()
            .unwrap_or_else(|| format!("{}/", id.kebab()))
    }

    /// The bucket of the spec that keeps its failed batches, if it names one.
    pub fn failure_lake(&self) -> Option<&str> {
        match self.on_failure {
            OnFailure::S3 => self.failure_bucket.as_deref(),
            _ => None,
        }
    }
}

/// The queue of a function's failed asynchronous invocations: `<project>-<id>-async-failures`.
pub fn async_failure_queue(base: &str) -> String {
    format!("{base}-async-failures")
}

mod check;
mod iam;
pub mod package;
mod render;
pub mod runtimes;
