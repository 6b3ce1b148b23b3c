//! The spec model: what a user writes, as Rust types.
//!
//! These types are the single source of truth for the JSON Schema (`pipelinec schema`), for
//! deserialisation, and for every later stage. Doc comments become schema descriptions, so
//! they are written for the person typing the spec in an editor. The root is here; each
//! component kind's type lives in its own module under [`crate::kinds`], and the field types
//! several kinds share in [`crate::kinds::fields`].

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::id::ID_PATTERN;
use crate::kinds::fields::Common;
use crate::kinds::{Sink, Site, Source, Transform};

mod monitoring;
pub use monitoring::{AlarmSettings, ComponentMonitoring, Monitoring, Subscription};

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
    /// The AWS account the render may be applied to (the provider's `allowed_account_ids`): a
    /// plan with credentials of another account fails before it changes anything. Default: any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub account: Option<String>,
    /// Tags applied to every resource (through the provider's `default_tags`).
    #[serde(default)]
    pub tags: IndexMap<String, String>,
    /// ARN of a managed policy set as the permissions boundary of every role pipelinec
    /// renders (organisations often require one on every role). The render's variable
    /// `permissions_boundary` defaults to it and can override it. One policy, no wildcard.
    /// Default: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(
        pattern = r"^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}|aws):policy/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,128}$"
    ))]
    pub permissions_boundary: Option<String>,
    /// Where data enters the system, keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub sources: IndexMap<String, Common<Source>>,
    /// Components that move or process data, keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub transforms: IndexMap<String, Common<Transform>>,
    /// Where data comes to rest and is queried, keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub sinks: IndexMap<String, Common<Sink>>,
    /// The tiers of a web site that feeds the pipeline: what customers reach (a CloudFront
    /// distribution, a static site, an HTTP API, a user pool) and what its functions keep
    /// (DynamoDB tables), keyed by component id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub site: IndexMap<String, Common<Site>>,
    /// The CloudWatch dashboard and alarms pipelinec derives from the components and their
    /// data flows, and who the alarms notify. Optional: both are on by default.
    #[serde(default)]
    pub monitoring: Monitoring,
    /// Where Terraform keeps the render's state: a bucket that exists already (remote state
    /// is shared and locked; the render never creates the bucket that holds its own state).
    /// pipelinec writes it as `backend.tf`, a file it owns; without it no backend file is
    /// written and a `backend.tf` of your own in the render folder is left alone. Default:
    /// none (local state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backend: Option<Backend>,
    /// Components renamed in the spec: the id now, and the id it had before. A renamed
    /// component keeps its AWS names and data paths (its bucket, stream and role stay as they
    /// are), and the render writes Terraform `moved` blocks (`moved.tf`) from its old
    /// addresses to the new ones, so the next plan moves state instead of destroying and
    /// recreating. Keep an entry as long as any deployment may still have the old addresses.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub renames: IndexMap<String, RenamedFrom>,
    /// Deployments of this spec, keyed by environment name (lowercase letters and digits, up
    /// to 8 characters). Each is a patch of the spec: what it sets replaces the spec's value,
    /// objects merge key by key, and `null` removes a value. Every environment is checked like
    /// a whole spec and rendered into a root of its own (`generated/<spec>/<env>/`); its AWS
    /// names carry the environment (`<name>-<env>-<component>`), so environments can share one
    /// account. Default: none (one deployment, names `<name>-<component>`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ENV_PATTERN }))]
    pub environments: IndexMap<String, Environment>,
}

/// The id a component had before it was renamed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(inline)]
pub struct RenamedFrom(#[schemars(regex(pattern = ID_PATTERN))] pub String);

/// Environment names: short, since every AWS name carries one.
pub const ENV_PATTERN: &str = "^[a-z][a-z0-9]{0,7}$";

/// What one environment changes in the spec. Component settings are checked once merged,
/// against the component's own schema, and errors point at the line here that set them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub struct Environment {
    /// The region this environment deploys into. Default: the spec's `region`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$"))]
    pub region: Option<String>,
    /// The AWS account this environment may be applied to. Default: the spec's `account`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub account: Option<String>,
    /// Tags added to (or replacing) the spec's tags in this environment.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub tags: IndexMap<String, String>,
    /// The permissions boundary of every role in this environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<serde_json::Value>,
    /// Changes to the spec's `backend` (each environment needs a state key of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backend: Option<serde_json::Map<String, serde_json::Value>>,
    /// Changes to the spec's `monitoring` (alarm recipients, thresholds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<serde_json::Map<String, serde_json::Value>>,
    /// Changes to components of `sources`, keyed by component id (sizes, retention).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub sources: IndexMap<String, serde_json::Map<String, serde_json::Value>>,
    /// Changes to components of `transforms`, keyed by component id.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub transforms: IndexMap<String, serde_json::Map<String, serde_json::Value>>,
    /// Changes to components of `sinks`, keyed by component id.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub sinks: IndexMap<String, serde_json::Map<String, serde_json::Value>>,
    /// Changes to components of `site`, keyed by component id.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub site: IndexMap<String, serde_json::Map<String, serde_json::Value>>,
}

/// A Terraform backend (inlined into the schema, like every top-level type: the schema stage
/// checks the top level without the components' definitions).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub struct Backend {
    /// State in an S3 bucket, encrypted, with S3's own lock file (`use_lockfile`, Terraform
    /// 1.10 or later): no DynamoDB lock table.
    pub s3: S3Backend,
}

/// Terraform's `s3` backend.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub struct S3Backend {
    /// The bucket that holds the state (it must exist; versioning on is wise).
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"))]
    pub bucket: String,
    /// The state's key in the bucket. Default: `<name>/terraform.tfstate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z0-9._=-]{1,255}(/[A-Za-z0-9._=-]{1,255}){0,15}$"))]
    pub key: Option<String>,
    /// The bucket's region. Default: the spec's `region`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$"))]
    pub region: Option<String>,
    /// ARN of a customer KMS key the state is encrypted with. Default: the bucket's own
    /// encryption (the state is always encrypted at rest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"))]
    pub kms_key_id: Option<String>,
}
