//! `redshift_serverless`: an Amazon Redshift Serverless namespace and workgroup that ingests
//! Kinesis streams into auto-refreshing materialized views (streaming ingestion), with the SQL
//! that sets them up run through the Redshift Data API.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ID_PATTERN;

/// A Redshift Serverless namespace (the database, encrypted, its admin password kept by
/// Redshift in Secrets Manager) and workgroup (never publicly accessible) that reads its input
/// streams through streaming ingestion: one external schema over Kinesis and one materialized
/// view per entry of `views`, whose columns are taken from each JSON record. Redshift reads the
/// streams with a role of its own (`<project>-<id>`) that may read exactly those streams.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RedshiftServerless {
    /// Ids of the `kinesis_stream`s its views ingest.
    #[serde(default)]
    pub inputs: Vec<crate::kinds::fields::Input>,
    /// Base capacity of the workgroup in Redshift Processing Units (8 to 1024, in steps of 8).
    /// Default 8, the least Redshift Serverless allows: billed per RPU-hour only while it works.
    #[serde(default = "default_base_capacity")]
    #[schemars(range(min = 8, max = 1024), extend("multipleOf" = 8))]
    pub base_capacity: u32,
    /// Name of the database the namespace creates and the views live in (lowercase letters,
    /// digits and underscores, up to 64 characters). Default: `analytics`.
    #[serde(default = "default_database")]
    #[schemars(regex(pattern = "^[a-z_][a-z0-9_]{0,63}$"))]
    pub database: String,
    /// The admin user's name (lowercase letters, digits and underscores, up to 64 characters).
    /// Its password is never in the spec or the Terraform state: Redshift generates it and
    /// keeps it in Secrets Manager (`manage_admin_password`), and the Data API statements run
    /// with that secret. Default: `admin`.
    #[serde(default = "default_admin_username")]
    #[schemars(regex(pattern = "^[a-z][a-z0-9_]{0,63}$"))]
    pub admin_username: String,
    /// ARN of a customer-managed KMS key that encrypts the namespace's data. Default: the key
    /// AWS owns for Redshift (encryption at rest is always on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"))]
    pub kms_key_arn: Option<String>,
    /// Subnets of the workgroup's VPC endpoint (at least three, in different Availability
    /// Zones, as Redshift Serverless asks). Default: none given, so Redshift uses the default
    /// VPC's subnets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = "^subnet-[0-9a-f]{8,17}$")))]
    pub subnet_ids: Vec<String>,
    /// Security groups of the workgroup's VPC endpoint. Default: none given, so Redshift uses
    /// the VPC's default security group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = "^sg-[0-9a-f]{8,17}$")))]
    pub security_group_ids: Vec<String>,
    /// Materialized views over the input streams, keyed by view name (lowercase letters,
    /// digits, underscores).
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }), extend("minProperties" = 1))]
    pub views: IndexMap<String, View>,
}

/// A streaming-ingestion materialized view over one input stream.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct View {
    /// The id of the input stream it reads.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub stream: String,
    /// The fields of each JSON record it keeps, in order, each as a column of the given
    /// Redshift type. When a Firehose converts the stream's records with a catalog table
    /// (`convert`), every name must be a column of that table.
    #[schemars(length(min = 1, max = 1600))]
    pub columns: Vec<ViewColumn>,
    /// Refresh the view from the stream automatically (`AUTO REFRESH YES`). Default: true;
    /// false leaves it to `REFRESH MATERIALIZED VIEW`.
    #[serde(default = "default_true")]
    pub auto_refresh: bool,
}

/// A column of a view: a top-level field of the stream's JSON records.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ViewColumn {
    /// The record's field, and the column's name: lowercase letters, digits and underscores,
    /// not starting with a digit.
    #[schemars(length(min = 1, max = 127))]
    pub name: String,
    /// Redshift type the field is cast to: `varchar(n)`, `char(n)`, `smallint`, `integer`,
    /// `bigint`, `real`, `double precision`, `decimal(p,s)`, `boolean`, `date`, `timestamp`,
    /// `timestamptz` or `super`.
    #[serde(rename = "type")]
    #[schemars(regex(pattern = COLUMN_TYPE))]
    pub ty: String,
}

/// The Redshift types a view's column may have: they are printed into the SQL as written.
pub const COLUMN_TYPE: &str = r"^(smallint|integer|bigint|real|double precision|boolean|date|timestamp|timestamptz|super|varchar\([1-9][0-9]{0,4}\)|char\([1-9][0-9]{0,3}\)|decimal\([1-9][0-9]?,[0-9][0-9]?\))$";

fn default_base_capacity() -> u32 {
    8
}
fn default_database() -> String {
    "analytics".into()
}
fn default_admin_username() -> String {
    "admin".into()
}
fn default_true() -> bool {
    true
}

/// The external schema every view reads its stream through.
pub const EXTERNAL_SCHEMA: &str = "kinesis";

/// The column every view starts with, besides the spec's: when Kinesis received the record,
/// as (name, Redshift type).
pub const ARRIVAL_COLUMN: (&str, &str) = ("approximate_arrival_timestamp", "timestamp");

/// Whether a name can be printed in SQL as a double-quoted identifier with no escaping and
/// read the same by Redshift (which folds identifiers to lower case): lowercase ASCII letters,
/// digits and underscores, not starting with a digit.
pub fn is_plain_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `"name"`: a plain identifier quoted for SQL. Panics on anything else: the checks refuse
/// every name that is not plain before anything is rendered.
fn ident(name: &str) -> String {
    assert!(
        is_plain_identifier(name),
        "not a plain identifier: {name:?}"
    );
    format!("\"{name}\"")
}

/// The statement that creates a view: each column extracted from the record's JSON text
/// (`JSON_EXTRACT_PATH_TEXT`, null when the record is not JSON) and cast to its type, as the
/// spec writes it; only records that parse as JSON. `stream` is the stream's AWS name, which holds `-` and so is
/// quoted too.
pub fn view_sql(view: &str, stream: &str, v: &View) -> String {
    assert!(
        stream
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
        "stream names are lowercase letters, digits, `-` and `_`: {stream:?}"
    );
    let columns: Vec<String> = v
        .columns
        .iter()
        .map(|c| {
            assert!(
                regex_lite_type(&c.ty),
                "the schema allows only known types: {:?}",
                c.ty
            );
            format!(
                "  CAST(JSON_EXTRACT_PATH_TEXT(FROM_VARBYTE(kinesis_data, 'utf-8'), '{}', true) AS {}) AS {}",
                c.name,
                c.ty,
                ident(&c.name)
            )
        })
        .collect();
    format!(
        "CREATE MATERIALIZED VIEW {} AUTO REFRESH {} AS\nSELECT\n  {},\n{}\nFROM {}.\"{stream}\"\nWHERE CAN_JSON_PARSE(kinesis_data)",
        ident(view),
        if v.auto_refresh { "YES" } else { "NO" },
        ARRIVAL_COLUMN.0,
        columns.join(",\n"),
        ident(EXTERNAL_SCHEMA),
    )
}

/// The type grammar of [`COLUMN_TYPE`], checked again where the SQL is written: a type is
/// letters, digits, spaces, parentheses and commas only, so it cannot end the statement.
fn regex_lite_type(ty: &str) -> bool {
    !ty.is_empty()
        && ty
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || " (),".contains(c))
}

mod check;
mod iam;
mod render;

#[cfg(test)]
mod tests {
    use super::*;

    fn view(columns: &[(&str, &str)]) -> View {
        View {
            stream: "clickstream".into(),
            columns: columns
                .iter()
                .map(|(n, t)| ViewColumn {
                    name: n.to_string(),
                    ty: t.to_string(),
                })
                .collect(),
            auto_refresh: true,
        }
    }

    #[test]
    fn view_sql_quotes_every_identifier_and_casts_each_field() {
        let v = view(&[("session_id", "varchar(64)"), ("event_time", "timestamp")]);
        assert_eq!(
            view_sql("clicks", "shop-clickstream", &v),
            "CREATE MATERIALIZED VIEW \"clicks\" AUTO REFRESH YES AS\n\
             SELECT\n  approximate_arrival_timestamp,\n  \
             CAST(JSON_EXTRACT_PATH_TEXT(FROM_VARBYTE(kinesis_data, 'utf-8'), 'session_id', true) AS varchar(64)) AS \"session_id\",\n  \
             CAST(JSON_EXTRACT_PATH_TEXT(FROM_VARBYTE(kinesis_data, 'utf-8'), 'event_time', true) AS timestamp) AS \"event_time\"\n\
             FROM \"kinesis\".\"shop-clickstream\"\n\
             WHERE CAN_JSON_PARSE(kinesis_data)"
        );
        let manual = View {
            auto_refresh: false,
            ..v
        };
        assert!(view_sql("clicks", "s", &manual).contains("AUTO REFRESH NO AS"));
    }

    #[test]
    fn only_plain_names_are_identifiers() {
        for ok in ["a", "_a", "session_id", "c2"] {
            assert!(is_plain_identifier(ok), "{ok}");
        }
        for bad in ["", "2c", "A", "a\"b", "a;b", "a b", "a-b", "é", "a'b"] {
            assert!(!is_plain_identifier(bad), "{bad}");
        }
    }

    #[test]
    #[should_panic(expected = "not a plain identifier")]
    fn a_name_with_a_quote_never_reaches_the_sql() {
        view_sql("clicks", "s", &view(&[("a\"; DROP TABLE x; --", "bigint")]));
    }

    #[test]
    fn column_types_are_the_schema_pattern() {
        let schema = serde_json::json!({ "type": "string", "pattern": COLUMN_TYPE });
        let matches = |t: &str| jsonschema::is_valid(&schema, &serde_json::json!(t));
        for ok in [
            "varchar(64)",
            "decimal(10,2)",
            "double precision",
            "super",
            "timestamptz",
        ] {
            assert!(matches(ok) && regex_lite_type(ok), "{ok}");
        }
        for bad in ["varchar", "text; drop", "int)", "VARCHAR(1)", "varchar(0)"] {
            assert!(!matches(bad), "{bad}");
        }
    }
}
