//! `quicksight`: an Amazon QuickSight Athena data source bound to one workgroup, and data sets
//! over tables of the workgroup's catalogs, shared with the QuickSight users and groups the spec
//! names.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;

/// A QuickSight Athena data source that runs its queries in one `athena` workgroup, and data
/// sets over tables of the workgroup's catalogs. The named QuickSight principals may use the
/// data source and own the data sets. The Athena, Glue and S3 permissions QuickSight needs are a
/// policy derived from the edge (`<project>-<id>-athena`), to attach to the QuickSight service
/// role in place of the much wider `AWSQuicksightAthenaAccess`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuickSight {
    /// The id of the one `athena` workgroup QuickSight queries through.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// Display name of the data source (1 to 128 characters). Default: `<project>-<id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 128))]
    pub name: Option<String>,
    /// QuickSight users or groups that may use the data source and own the data sets, as ARNs:
    /// `arn:aws:quicksight:<identity region>:<account>:group/<namespace>/<name>` (or `user/…`).
    #[schemars(
        length(min = 1, max = 64),
        inner(regex(
            pattern = r"^arn:aws(-cn|-us-gov)?:quicksight:[a-z]{2}(-[a-z]+)+-[0-9]:[0-9]{12}:(user|group)/[A-Za-z0-9._-]{1,64}/[^/\s]{1,256}$"
        ))
    )]
    pub principals: Vec<String>,
    /// Data sets over the workgroup's catalog tables, keyed by data set id (lowercase letters,
    /// digits, underscores).
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub data_sets: IndexMap<String, DataSet>,
}

/// A QuickSight data set over one catalog table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSet {
    /// The table, a table key of one of the workgroup's `glue_catalog` inputs.
    #[schemars(regex(pattern = "^[a-z][a-z0-9_]*$"))]
    pub table: String,
    /// The id of the catalog holding `table`. Optional when the workgroup has one catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub catalog: Option<String>,
    /// Display name of the data set (1 to 128 characters). Default: `<project>-<id>-<key>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 128))]
    pub name: Option<String>,
    /// The table's columns the data set reads, in order (partition columns included). Default:
    /// every column, then the partition columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub columns: Option<Vec<String>>,
    /// How QuickSight reads the table: `direct_query` (default: every visual queries Athena,
    /// always current, billed per query) or `spice` (an in-memory copy QuickSight refreshes,
    /// counted against the account's SPICE capacity).
    #[serde(default)]
    pub import_mode: ImportMode,
}

/// A data set's import mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Query Athena for every visual.
    #[default]
    DirectQuery,
    /// Import into SPICE.
    Spice,
}

impl ImportMode {
    /// The value of the data set's `import_mode`.
    pub fn as_aws(self) -> &'static str {
        match self {
            ImportMode::DirectQuery => "DIRECT_QUERY",
            ImportMode::Spice => "SPICE",
        }
    }
}

/// The QuickSight input column type of a Glue (Hive) column type, or `None` for the types
/// QuickSight cannot read from Athena (binary, arrays, maps, structs).
pub fn input_column_type(hive: &str) -> Option<&'static str> {
    let base = hive
        .split(['(', '<'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    Some(match base.as_str() {
        "string" | "varchar" | "char" => "STRING",
        "int" | "integer" | "bigint" | "smallint" | "tinyint" => "INTEGER",
        "double" | "float" | "decimal" => "DECIMAL",
        "date" | "timestamp" => "DATETIME",
        "boolean" => "BIT",
        _ => return None,
    })
}

/// `<project>-<id>-<key>` with `_` as `-`: a data set's id and default name.
pub fn data_set_id(base: &str, key: &str) -> String {
    format!("{base}-{}", key.replace('_', "-"))
}

/// The identity of a QuickSight component is a policy for the QuickSight service role:
/// `<project>-<id>-athena`.
pub const IDENTITY_SUFFIX: &str = "athena";

mod check;
mod iam;
mod render;

#[cfg(test)]
mod tests {
    use super::input_column_type;

    #[test]
    fn hive_types_map_to_quicksight_input_column_types() {
        for (hive, qs) in [
            ("string", Some("STRING")),
            ("varchar(20)", Some("STRING")),
            ("bigint", Some("INTEGER")),
            ("tinyint", Some("INTEGER")),
            ("decimal(10,2)", Some("DECIMAL")),
            ("double", Some("DECIMAL")),
            ("timestamp", Some("DATETIME")),
            ("date", Some("DATETIME")),
            ("boolean", Some("BIT")),
            ("binary", None),
            ("array<string>", None),
            ("map<string,int>", None),
            ("struct<a:int>", None),
        ] {
            assert_eq!(input_column_type(hive), qs, "{hive}");
        }
    }
}
