//! The spec model: what a user writes, as Rust types.
//!
//! These types are the single source of truth for the JSON Schema (`pipelinec schema`), for
//! deserialisation, and for every later stage. Doc comments become schema descriptions, so
//! they are written for the person typing the spec in an editor.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A pipelinec spec: one streaming-analytics system, compiled to Terraform.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "pipelinec spec")]
pub struct Spec {
    /// Spec format version. Only `1` exists.
    #[schemars(extend("const" = 1))]
    pub version: u32,
    /// Project name. Prefixes every AWS resource name, so keep it short: lowercase letters,
    /// digits and hyphens, starting with a letter.
    #[schemars(
        regex(pattern = r"^[a-z][a-z0-9-]*[a-z0-9]$"),
        length(min = 2, max = 40)
    )]
    pub name: String,
    /// AWS region to deploy into, e.g. `us-east-1`.
    #[schemars(regex(pattern = r"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$"))]
    pub region: String,
    /// Tags applied to every resource (through the provider's `default_tags`).
    #[serde(default)]
    pub tags: IndexMap<String, String>,
    /// Where data enters the system, keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub sources: IndexMap<String, Source>,
    /// Components that move or process data, keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub transforms: IndexMap<String, Transform>,
    /// Where data comes to rest and is queried, keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub sinks: IndexMap<String, Sink>,
}

/// Component ids: they become Terraform module names and parts of AWS names.
pub const ID_PATTERN: &str = r"^[a-z][a-z0-9_]*$";

/// A source component.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Source {
    /// A Kinesis data stream.
    KinesisStream(KinesisStream),
}

/// A transform component.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Transform {
    /// A Lambda function triggered by its input streams.
    Lambda(Lambda),
    /// A Kinesis Data Firehose delivery stream reading one Kinesis stream.
    Firehose(Firehose),
}

/// A sink component.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Sink {
    /// An S3 data-lake bucket.
    S3DataLake(S3DataLake),
    /// A Glue Data Catalog database with tables over a data lake.
    GlueCatalog(GlueCatalog),
    /// An Athena workgroup querying Glue catalogs.
    Athena(Athena),
}

/// A Kinesis data stream.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KinesisStream {
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
fn default_output_compression() -> Compression {
    Compression::Uncompressed
}

fn default_output_partitioning() -> Partitioning {
    Partitioning::None
}

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

/// A Lambda function. Each Kinesis input becomes an event source mapping.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lambda {
    /// Ids of the Kinesis streams that trigger this function.
    #[serde(default)]
    pub inputs: Vec<String>,
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
    /// S3 sink this function writes to.
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
fn default_true() -> bool {
    true
}
fn default_log_retention_days() -> u32 {
    14
}

/// Retention values CloudWatch Logs accepts.
pub const LOG_RETENTION_DAYS: [u32; 22] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

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

/// An S3 data-lake bucket: versioned, encrypted, private, TLS-only.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct S3DataLake {
    /// Ids of the components writing into this bucket (Firehose delivery streams, Lambdas).
    #[serde(default)]
    pub inputs: Vec<String>,
    /// Keep every version of every object (recommended for a data lake).
    #[serde(default = "default_true")]
    pub versioning: bool,
    /// Default encryption of objects at rest.
    #[serde(default)]
    pub encryption: BucketEncryption,
    /// ARN of a customer-managed KMS key for `sse_kms`. Defaults to the AWS-managed `aws/s3`
    /// key. Writers get `kms:GenerateDataKey` and `kms:Decrypt` on it, readers `kms:Decrypt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"))]
    pub kms_key_arn: Option<String>,
    /// Data retention: when objects expire.
    #[serde(default)]
    pub retention: Retention,
    /// Let `terraform destroy` delete a bucket that still holds objects.
    #[serde(default)]
    pub force_destroy: bool,
}

/// S3 default encryption.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BucketEncryption {
    /// S3-managed keys (AES-256).
    #[default]
    SseS3,
    /// KMS keys, with S3 Bucket Keys on to cut KMS requests.
    SseKms,
}

/// Object lifecycle of a bucket.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// Days after which current objects expire. Omit to keep data forever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 2147483647))]
    pub expire_after_days: Option<u32>,
    /// Days after which objects move to S3 Standard-IA (at least 30). Omit to stay in Standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 30, max = 2147483647))]
    pub infrequent_access_after_days: Option<u32>,
    /// Days after which replaced or deleted object versions are removed.
    #[serde(default = "default_noncurrent_days")]
    #[schemars(range(min = 1, max = 2147483647))]
    pub noncurrent_expire_after_days: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            expire_after_days: None,
            infrequent_access_after_days: None,
            noncurrent_expire_after_days: default_noncurrent_days(),
        }
    }
}

fn default_noncurrent_days() -> u32 {
    30
}

/// A Glue Data Catalog database whose tables describe data in one S3 data lake.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlueCatalog {
    /// The id of the one S3 data lake these tables live in.
    #[serde(default)]
    pub inputs: Vec<String>,
    /// Database description (up to 2048 characters, as Glue allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 2048))]
    pub description: Option<String>,
    /// Tables, keyed by table name (lowercase letters, digits, underscores).
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z][a-z0-9_]*$" }), extend("minProperties" = 1))]
    pub tables: IndexMap<String, GlueTable>,
    /// A crawler that keeps the tables' schemas and partitions up to date. Optional: partition
    /// projection already makes new data queryable without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crawler: Option<Crawler>,
}

/// A table over a prefix of the data lake.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlueTable {
    /// Table description (up to 2048 characters, as Glue allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 2048))]
    pub description: Option<String>,
    /// Key prefix of the table's data in the lake, ending in `/`, e.g. `sensor-data/`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$"))]
    pub prefix: String,
    /// Storage format of the objects.
    #[serde(default)]
    pub format: TableFormat,
    /// Data columns, in order.
    #[schemars(length(min = 1))]
    pub columns: Vec<Column>,
    /// Date partitions under `prefix`, matching the writer's layout. Partition projection is
    /// enabled, so Athena finds new partitions without a crawler run.
    #[serde(default)]
    pub partitioning: Partitioning,
    /// First year partition projection covers.
    #[serde(default = "default_first_year")]
    #[schemars(range(min = 2000, max = 2100))]
    pub projection_first_year: u32,
    /// Last year partition projection covers.
    #[serde(default = "default_last_year")]
    #[schemars(range(min = 2000, max = 2200))]
    pub projection_last_year: u32,
}

fn default_first_year() -> u32 {
    2025
}
fn default_last_year() -> u32 {
    2035
}

/// A table column.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Column name (lowercase letters, digits, underscores).
    #[schemars(regex(pattern = r"^[a-z_][a-z0-9_]*$"), length(max = 255))]
    pub name: String,
    /// Hive type: `string`, `int`, `bigint`, `double`, `float`, `boolean`, `date`, `timestamp`,
    /// `decimal(p,s)`, `array<…>`, `map<…>` or `struct<…>`.
    #[serde(rename = "type")]
    #[schemars(length(min = 1))]
    pub ty: String,
    /// Column comment (up to 255 characters, as Glue allows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 255))]
    pub comment: Option<String>,
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

/// Glue crawler settings.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Crawler {
    /// When to run, as a Glue cron expression, e.g. `cron(0 * * * ? *)` (six fields:
    /// Minutes Hours Day-of-month Month Day-of-week Year; one day field is `?`). Omit to run
    /// on demand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// What the crawler does when it finds a changed schema.
    #[serde(default)]
    pub update_behavior: UpdateBehavior,
    /// What the crawler does when data for a table or partition is gone. Crawlers over
    /// catalog tables may only log it.
    #[serde(default)]
    pub delete_behavior: DeleteBehavior,
}

/// Crawler reaction to a schema change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UpdateBehavior {
    /// Update the table definition.
    #[default]
    UpdateInDatabase,
    /// Only log the change.
    Log,
}

/// Crawler reaction to deleted data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeleteBehavior {
    /// Only log the deletion.
    #[default]
    Log,
}

/// An Athena workgroup with its own results bucket and saved queries.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Athena {
    /// Ids of the Glue catalogs this workgroup queries.
    #[serde(default)]
    pub inputs: Vec<String>,
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
