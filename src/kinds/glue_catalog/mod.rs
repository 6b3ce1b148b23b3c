//! `glue_catalog`: a Glue database whose tables describe one lake's prefixes.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;
use crate::kinds::fields::*;

/// A Glue Data Catalog database whose tables describe data in one S3 data lake.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlueCatalog {
    /// The id of the one S3 data lake these tables live in.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
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

impl GlueCatalog {
    /// The tables its crawler maintains: those without partition projection. Athena reads a
    /// projected table without catalog partitions, so crawling it would only add partitions
    /// Athena ignores, or rewrite the table's projection settings.
    pub fn crawled_tables(&self) -> Vec<(&str, &GlueTable)> {
        self.tables
            .iter()
            .filter(|(_, t)| t.partitioning == Partitioning::None)
            .map(|(n, t)| (n.as_str(), t))
            .collect()
    }
}

/// The Glue database name: `<project_with_underscores>_<id>` (Athena reads only lowercase
/// names with underscores).
pub fn database_name(project: &str, id: &ComponentId) -> String {
    format!("{}_{}", project.replace('-', "_"), id.aws_str())
}

/// The identity of a catalog is its crawler's role: `<project>-<id>-crawler`.
pub const IDENTITY_SUFFIX: &str = "crawler";

mod check;
mod iam;
mod render;
