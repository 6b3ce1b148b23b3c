//! `quicksight`: an Amazon QuickSight data source over one Athena workgroup, one Redshift
//! Serverless workgroup or one OpenSearch domain, and data sets over its tables, views or
//! indices, shared with the QuickSight users and groups the spec names.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;

/// A QuickSight data source over its one input, and data sets over what the input holds,
/// which the named QuickSight principals may use and own:
///
/// - an `athena` workgroup: an Athena data source running its queries there, data sets over
///   tables of the workgroup's catalogs (`table`). The Athena, Glue and S3 permissions
///   QuickSight needs are a policy derived from the edge (`<project>-<id>-athena`), to attach
///   to the QuickSight service role in place of the much wider `AWSQuicksightAthenaAccess`.
/// - a `redshift_serverless` workgroup: a Redshift data source on the workgroup's endpoint,
///   reached through a QuickSight VPC connection in the workgroup's subnets and security
///   groups (the workgroup is never public), signed in as the admin user with the secret
///   Redshift keeps; data sets over its materialized views (`view`). The connection's role is
///   `<project>-<id>-vpc`; reading the secret is a policy (`<project>-<id>-redshift`) for
///   QuickSight's Secrets Manager role.
/// - an `opensearch_domain`: an OpenSearch data source, data sets over an index (`index`)
///   whose fields the spec lists with their OpenSearch types. Reading the domain is a policy
///   (`<project>-<id>-opensearch`) for the QuickSight service role, which the domain's access
///   policy admits.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuickSight {
    /// The id of the one component QuickSight reads: an `athena` workgroup, a
    /// `redshift_serverless` workgroup or an `opensearch_domain`.
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
    /// Data sets, keyed by data set id (lowercase letters, digits, underscores).
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub data_sets: IndexMap<String, DataSet>,
}

/// A QuickSight data set over one table (Athena), view (Redshift) or index (OpenSearch): the
/// one that fits the data source's input.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSet {
    /// Over Athena: the table, a table key of one of the workgroup's `glue_catalog` inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = "^[a-z][a-z0-9_]*$"))]
    pub table: Option<String>,
    /// Over Athena: the id of the catalog holding `table`. Optional when the workgroup has one
    /// catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub catalog: Option<String>,
    /// Over Redshift: the view, a key of the workgroup's `views`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub view: Option<String>,
    /// Over OpenSearch: the index (lowercase letters, digits, `_`, `-` and `.`, not starting
    /// with `_`, `-` or `.`). Its writers create it at run time, so pipelinec cannot check that
    /// it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 255), regex(pattern = "^[a-z0-9][a-z0-9_.-]*$"))]
    pub index: Option<String>,
    /// Display name of the data set (1 to 128 characters). Default: `<project>-<id>-<key>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 128))]
    pub name: Option<String>,
    /// The columns the data set reads, in order. Over Athena and Redshift, names of the
    /// table's or view's columns, typed from there (default: every column; a table's partition
    /// columns last, a view's arrival time first). Over OpenSearch, required, each a field of
    /// the index with its OpenSearch type (`{ name: total, type: double }`): the mapping is the
    /// index's, which pipelinec cannot read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub columns: Option<Vec<Column>>,
    /// How QuickSight reads the data: `direct_query` (default: every visual queries the
    /// source, always current, billed per query on Athena) or `spice` (an in-memory copy
    /// QuickSight refreshes, counted against the account's SPICE capacity).
    #[serde(default)]
    pub import_mode: ImportMode,
}

/// One column of a data set: a name, or a name with its type where the source cannot type it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Column {
    /// A column of the table or view, typed from there.
    Name(String),
    /// A field of an OpenSearch index with its type.
    Typed(TypedColumn),
}

/// A field of an OpenSearch index and its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TypedColumn {
    /// The field's name (a sub-field as `parent.child`).
    #[schemars(
        length(min = 1, max = 127),
        regex(pattern = "^[A-Za-z_@][A-Za-z0-9_.@-]*$")
    )]
    pub name: String,
    /// Its OpenSearch field type: `keyword`, `text`, `long`, `integer`, `short`, `byte`,
    /// `double`, `float`, `half_float`, `scaled_float`, `date` or `boolean`. QuickSight reads no
    /// other (objects, nested documents, geo and range types are refused).
    #[serde(rename = "type")]
    #[schemars(regex(pattern = "^[a-z_]+$"))]
    pub ty: String,
}

impl Column {
    /// The column's name.
    pub fn name(&self) -> &str {
        match self {
            Column::Name(n) => n,
            Column::Typed(t) => &t.name,
        }
    }
}

/// A data set's import mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Query the source for every visual.
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

/// What a data source reads through: the kind of its one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    AthenaWorkgroup,
    RedshiftWorkgroup,
    SearchDomain,
}

impl Source {
    /// The source a component of kind `kind` (its spec `type`) is, if QuickSight reads it.
    pub fn of(kind: &str) -> Option<Source> {
        match kind {
            "athena" => Some(Source::AthenaWorkgroup),
            "redshift_serverless" => Some(Source::RedshiftWorkgroup),
            "opensearch_domain" => Some(Source::SearchDomain),
            _ => None,
        }
    }

    /// The data set field that names what a data set reads.
    pub fn field(self) -> &'static str {
        match self {
            Source::AthenaWorkgroup => "table",
            Source::RedshiftWorkgroup => "view",
            Source::SearchDomain => "index",
        }
    }

    /// How diagnostics call the input.
    pub fn what(self) -> &'static str {
        match self {
            Source::AthenaWorkgroup => "an Athena workgroup",
            Source::RedshiftWorkgroup => "a Redshift Serverless workgroup",
            Source::SearchDomain => "an OpenSearch domain",
        }
    }

    /// The suffix of the data source's caller policy: the Athena one's name is kept as it was
    /// before the other sources.
    pub fn identity_suffix(self) -> &'static str {
        match self {
            Source::AthenaWorkgroup => "athena",
            Source::RedshiftWorkgroup => "redshift",
            Source::SearchDomain => "opensearch",
        }
    }

    /// The template folder of its module call and module: the Athena data source's are the
    /// kind's own (`None`), the others' a subfolder of it each.
    pub fn template_folder(self) -> Option<&'static str> {
        match self {
            Source::AthenaWorkgroup => None,
            Source::RedshiftWorkgroup => Some("quicksight/redshift"),
            Source::SearchDomain => Some("quicksight/opensearch"),
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

/// The QuickSight input column type of a Redshift column type (as a view's column writes it),
/// or `None` for `super`, which pipelinec does not map: cast the field to a scalar type in the
/// view instead.
pub fn redshift_column_type(ty: &str) -> Option<&'static str> {
    let base = ty.split('(').next().unwrap_or_default().trim();
    Some(match base {
        "varchar" | "char" => "STRING",
        "smallint" | "integer" | "bigint" => "INTEGER",
        "real" | "double precision" | "decimal" => "DECIMAL",
        "date" | "timestamp" | "timestamptz" => "DATETIME",
        "boolean" => "BIT",
        _ => return None,
    })
}

/// The OpenSearch field types QuickSight reads through the SQL plugin, with their QuickSight
/// input column types: the scalar ones. Objects, nested documents, geo, range, binary and
/// vector fields have no column type.
pub const OPENSEARCH_TYPES: [(&str, &str); 12] = [
    ("keyword", "STRING"),
    ("text", "STRING"),
    ("long", "INTEGER"),
    ("integer", "INTEGER"),
    ("short", "INTEGER"),
    ("byte", "INTEGER"),
    ("double", "DECIMAL"),
    ("float", "DECIMAL"),
    ("half_float", "DECIMAL"),
    ("scaled_float", "DECIMAL"),
    ("date", "DATETIME"),
    ("boolean", "BIT"),
];

/// The QuickSight input column type of an OpenSearch field type, if QuickSight reads it.
pub fn opensearch_column_type(ty: &str) -> Option<&'static str> {
    OPENSEARCH_TYPES
        .iter()
        .find(|(t, _)| *t == ty)
        .map(|(_, q)| *q)
}

/// The schema a Redshift data set's views are in: the views are created without one, so in the
/// first schema of Redshift's default search path that exists.
pub const REDSHIFT_SCHEMA: &str = "public";

mod check;
mod iam;
mod render;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redshift_and_opensearch_types_map_to_quicksight_input_column_types() {
        for (rs, qs) in [
            ("varchar(64)", Some("STRING")),
            ("char(2)", Some("STRING")),
            ("bigint", Some("INTEGER")),
            ("double precision", Some("DECIMAL")),
            ("decimal(10,2)", Some("DECIMAL")),
            ("timestamptz", Some("DATETIME")),
            ("boolean", Some("BIT")),
            ("super", None),
        ] {
            assert_eq!(redshift_column_type(rs), qs, "{rs}");
        }
        assert_eq!(opensearch_column_type("keyword"), Some("STRING"));
        assert_eq!(opensearch_column_type("scaled_float"), Some("DECIMAL"));
        for refused in [
            "nested",
            "object",
            "geo_point",
            "binary",
            "integer_range",
            "Keyword",
        ] {
            assert_eq!(opensearch_column_type(refused), None, "{refused}");
        }
    }

    #[test]
    fn only_the_three_inputs_are_sources() {
        assert_eq!(Source::of("athena"), Some(Source::AthenaWorkgroup));
        assert_eq!(
            Source::of("redshift_serverless"),
            Some(Source::RedshiftWorkgroup)
        );
        assert_eq!(Source::of("opensearch_domain"), Some(Source::SearchDomain));
        assert_eq!(Source::of("glue_catalog"), None);
        // The Athena data source keeps the name its policy had before the others existed.
        assert_eq!(Source::AthenaWorkgroup.identity_suffix(), "athena");
        assert_eq!(Source::AthenaWorkgroup.template_folder(), None);
    }

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
