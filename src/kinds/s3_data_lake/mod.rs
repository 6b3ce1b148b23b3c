//! `s3_data_lake`: a versioned, encrypted, private bucket that writers fill and tables read.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::kinds::fields::*;

/// An S3 data-lake bucket: versioned, encrypted, private, TLS-only.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct S3DataLake {
    /// Ids of the components writing into this bucket (Firehose delivery streams, Lambdas).
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// A bucket that exists already, by `arn` (`arn:aws:s3:::my-bucket`) or `name`, to use
    /// instead of creating one. pipelinec then creates nothing for it and changes none of its
    /// settings: no bucket policy, encryption, versioning or lifecycle, so `versioning`,
    /// `encryption`, `retention` and `force_destroy` are its owner's to set. Its writers and
    /// readers get exactly the grants they would get on a bucket pipelinec created, on its ARN;
    /// `kms_key_arn` names the key its objects are encrypted with, if it is a customer key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<crate::kinds::existing::Existing>,
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
    /// Retention of single prefixes, keyed by prefix (ending in `/`), e.g. raw data kept 90
    /// days while the processed data it became is kept for years. S3 applies the earliest
    /// action of every rule that matches an object, so a prefix keeps its data at most as long
    /// as the whole bucket does; each prefix must be one that a writer of the spec writes.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": PREFIX_PATTERN }))]
    pub prefixes: IndexMap<String, PrefixRetention>,
}

/// A key prefix: what writers write under and tables read.
pub const PREFIX_PATTERN: &str = r"^[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*/$";

/// The lifecycle of one prefix.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrefixRetention {
    /// Days after which objects under the prefix expire. Omit to keep them as long as the
    /// bucket does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 2147483647))]
    pub expire_after_days: Option<u32>,
    /// Days after which objects under the prefix move to S3 Standard-IA (at least 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 30, max = 2147483647))]
    pub infrequent_access_after_days: Option<u32>,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            expire_after_days: None,
            infrequent_access_after_days: None,
            noncurrent_expire_after_days: default_noncurrent_days(),
            prefixes: IndexMap::new(),
        }
    }
}

fn default_noncurrent_days() -> u32 {
    30
}

mod check;
mod iam;
mod render;
