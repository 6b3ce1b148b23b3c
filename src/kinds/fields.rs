//! Field types several kinds share (partitions, formats, compression, log retention).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `true`, for boolean settings that default to on.
pub fn default_true() -> bool {
    true
}

/// Two weeks of logs, the default of every log group pipelinec creates.
pub fn default_log_retention_days() -> u32 {
    14
}

/// Retention values CloudWatch Logs accepts.
pub const LOG_RETENTION_DAYS: [u32; 22] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

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

/// One entry of a component's `inputs`: the id of the component the data comes from, alone
/// (the edge means what the two kinds can only mean, or the pair's default access), or with
/// the access the edge grants where the two kinds allow several (a function reading a table:
/// its stream, or its items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Input {
    /// The id of a component of the spec.
    Id(String),
    /// The id with the access this edge grants.
    With(InputWith),
}

/// An `inputs` entry that says what the edge may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputWith {
    /// The id of a component of the spec.
    pub from: String,
    /// What the edge may do, one word each, where the two kinds allow more than one thing.
    /// A table read by a function: `stream` (its stream triggers the function; default) or
    /// `read` (`GetItem`, `BatchGetItem`, `Query` on the table and its indexes). A function
    /// writing a table: `write` (`PutItem`; default), `update` (`UpdateItem`), `delete`
    /// (`DeleteItem`). A function and a workflow: `start` (default), `describe`
    /// (`DescribeExecution` of its executions). `pipelinec iam` shows each word beside the
    /// statements it grants.
    #[schemars(length(min = 1, max = 8))]
    pub access: Vec<String>,
}

impl Input {
    /// The id this entry names.
    pub fn id(&self) -> &str {
        match self {
            Input::Id(id) => id,
            Input::With(w) => &w.from,
        }
    }

    /// The access words the entry gives; empty for the plain form.
    pub fn access(&self) -> &[String] {
        match self {
            Input::Id(_) => &[],
            Input::With(w) => &w.access,
        }
    }

    /// The JSON pointer suffix of the id within the entry (`""` or `/from`).
    pub fn id_pointer(&self) -> &'static str {
        match self {
            Input::Id(_) => "",
            Input::With(_) => "/from",
        }
    }
}

/// A component as the spec writes it: its kind's own settings (`kind`, one of the section
/// enums such as [`crate::kinds::Source`]) and the fields every kind has.
///
/// The common fields cannot be a struct flattened into each kind: serde does not support
/// `flatten` together with the kinds' `deny_unknown_fields`, and schemars would leave a
/// flattened field out of each variant's `additionalProperties: false` object, so editors and
/// the schema stage would call it unknown. Instead this type takes the common fields out of the
/// component's object before the kind reads the rest, and its schema is the kind's with the
/// common fields added to every variant.
#[derive(Debug, Clone)]
pub struct Common<T> {
    pub kind: T,
    /// The component's `tags`.
    pub tags: indexmap::IndexMap<String, String>,
}

/// The description of a component's `tags` in the schema.
const TAGS_DOC: &str = "Tags added to every AWS resource this component creates, on top of the \
    spec's `tags` (a key set in both takes the component's value). Same rules as the spec's \
    `tags`. Not allowed on a component that stands for an `existing` resource.";

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Common<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        let tags = match map.remove("tags") {
            Some(v) => serde_json::from_value(v).map_err(D::Error::custom)?,
            None => indexmap::IndexMap::new(),
        };
        let kind = T::deserialize(serde_json::Value::Object(map)).map_err(D::Error::custom)?;
        Ok(Common { kind, tags })
    }
}

impl<T: Serialize> Serialize for Common<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        let mut value = serde_json::to_value(&self.kind).map_err(S::Error::custom)?;
        if let (Some(map), false) = (value.as_object_mut(), self.tags.is_empty()) {
            let tags = serde_json::to_value(&self.tags).map_err(S::Error::custom)?;
            map.insert("tags".into(), tags);
        }
        value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Common<T> {
    // The kind's own name: only the wrapped enum is ever referenced, so `definitions` keeps the
    // section names (`Source`, `Sink`) the schema stage looks up.
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = T::json_schema(generator);
        let mut tags = generator
            .subschema_for::<indexmap::IndexMap<String, String>>()
            .to_value();
        if let Some(t) = tags.as_object_mut() {
            t.insert("description".into(), TAGS_DOC.into());
        }
        // Every variant of the section's enum.
        let variants: Vec<&mut serde_json::Value> = match schema.get_mut("oneOf") {
            Some(serde_json::Value::Array(branches)) => branches.iter_mut().collect(),
            _ => Vec::new(),
        };
        for v in variants {
            if let Some(serde_json::Value::Object(props)) = v.get_mut("properties") {
                props.insert("tags".into(), tags.clone());
            }
        }
        schema
    }
}
