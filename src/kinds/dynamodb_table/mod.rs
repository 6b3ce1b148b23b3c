//! `dynamodb_table`: a DynamoDB table that functions write items into (an orders table), and
//! whose stream functions read.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::kinds::fields::*;

/// A DynamoDB table: encrypted with KMS, point-in-time recovery on, protected from deletion.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DynamodbTable {
    /// Ids of the components writing items into this table (Lambda functions).
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// The partition (hash) key of every item.
    pub partition_key: KeyAttribute,
    /// The sort (range) key, if items sharing a partition key are told apart by a second one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<KeyAttribute>,
    /// Global secondary indexes by name (3 to 255 of `a-z A-Z 0-9 _ . -`, up to 20): other
    /// keys to look items up by.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(length(max = 20))]
    pub global_indexes: IndexMap<String, GlobalIndex>,
    /// Capacity mode: `on_demand` (default) is billed per request and never throttles below
    /// the account's limits; `provisioned` needs `read_capacity` and `write_capacity`.
    #[serde(default)]
    pub billing: Billing,
    /// Read capacity units of the table and of each index. Required in `provisioned` mode,
    /// not allowed in `on_demand` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 40000))]
    pub read_capacity: Option<u32>,
    /// Write capacity units of the table and of each index. Required in `provisioned` mode,
    /// not allowed in `on_demand` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 40000))]
    pub write_capacity: Option<u32>,
    /// Continuous backups: restore the table to any second of the last 35 days. Default on, so
    /// that a bad deploy or a buggy writer loses nothing.
    #[serde(default = "default_true")]
    pub point_in_time_recovery: bool,
    /// ARN of a customer-managed KMS key to encrypt the table with. Defaults to the
    /// AWS-managed `aws/dynamodb` KMS key (whose use CloudTrail logs), never the AWS-owned key.
    /// Writers get `kms:Decrypt` on a customer key, through DynamoDB only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"))]
    pub kms_key_arn: Option<String>,
    /// Name of a Number attribute holding an epoch time in seconds after which DynamoDB
    /// deletes the item (time to live). Default: items never expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 255))]
    pub ttl_attribute: Option<String>,
    /// Refuse to delete the table (also through `terraform destroy`) until this is turned
    /// off. Default on: the table is the only copy of its items.
    #[serde(default = "default_true")]
    pub deletion_protection: bool,
    /// A DynamoDB stream of every change (kept 24 hours), which functions listing this table
    /// in their `inputs` read. Default off; a function reading the table needs it on.
    #[serde(default)]
    pub stream: bool,
    /// What each stream record holds: `new_and_old_images` (default: an indexer sees what an
    /// item became, and a removed item's last image, so it can delete the document),
    /// `new_image`, `old_image` or `keys_only`. Used only with `stream: true`.
    #[serde(default)]
    pub stream_view: StreamView,
}

/// What a DynamoDB stream record holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StreamView {
    /// The item after and before the change.
    #[default]
    NewAndOldImages,
    /// The item after the change (nothing for a removal but its keys).
    NewImage,
    /// The item before the change.
    OldImage,
    /// The key attributes only.
    KeysOnly,
}

impl StreamView {
    /// DynamoDB's `StreamViewType`.
    pub fn as_aws(self) -> &'static str {
        match self {
            StreamView::NewAndOldImages => "NEW_AND_OLD_IMAGES",
            StreamView::NewImage => "NEW_IMAGE",
            StreamView::OldImage => "OLD_IMAGE",
            StreamView::KeysOnly => "KEYS_ONLY",
        }
    }
}

/// A key attribute: its name and its scalar type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyAttribute {
    /// Attribute name (1 to 255 bytes).
    #[schemars(length(min = 1, max = 255))]
    pub name: String,
    /// Attribute type: `string`, `number` or `binary`.
    #[serde(rename = "type")]
    pub kind: KeyType,
}

/// The scalar types a key attribute may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KeyType {
    String,
    Number,
    Binary,
}

impl KeyType {
    /// The spec's word for the type.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::String => "string",
            KeyType::Number => "number",
            KeyType::Binary => "binary",
        }
    }

    /// DynamoDB's attribute type letter.
    pub fn letter(self) -> &'static str {
        match self {
            KeyType::String => "S",
            KeyType::Number => "N",
            KeyType::Binary => "B",
        }
    }
}

/// A global secondary index.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlobalIndex {
    /// The index's partition key.
    pub partition_key: KeyAttribute,
    /// The index's sort key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<KeyAttribute>,
    /// Which attributes the index copies: `all` (default) or `keys_only`.
    #[serde(default)]
    pub projection: Projection,
}

/// The attributes an index holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Projection {
    /// Every attribute of the item.
    #[default]
    All,
    /// The table's and the index's keys only.
    KeysOnly,
}

/// DynamoDB capacity mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Billing {
    /// Pay per request.
    #[default]
    OnDemand,
    /// Fixed read and write capacity units.
    Provisioned,
}

impl DynamodbTable {
    /// Every key attribute of the table and its indexes, in order of appearance (the table's
    /// keys first): the index declaring it (`None`: the table), the field, the attribute.
    pub fn key_attributes(&self) -> Vec<(Option<&str>, &'static str, &KeyAttribute)> {
        let mut out = vec![(None, "partition_key", &self.partition_key)];
        if let Some(k) = &self.sort_key {
            out.push((None, "sort_key", k));
        }
        for (name, index) in &self.global_indexes {
            out.push((Some(name.as_str()), "partition_key", &index.partition_key));
            if let Some(k) = &index.sort_key {
                out.push((Some(name.as_str()), "sort_key", k));
            }
        }
        out
    }

    /// The attribute definitions: each key attribute once, in order of first appearance.
    pub fn attribute_definitions(&self) -> Vec<(&str, KeyType)> {
        let mut out: Vec<(&str, KeyType)> = Vec::new();
        for (_, _, k) in self.key_attributes() {
            if !out.iter().any(|(n, _)| *n == k.name) {
                out.push((k.name.as_str(), k.kind));
            }
        }
        out
    }
}

mod check;
mod iam;
mod render;
