//! Component ids: the spec's keys, as they appear in Terraform and AWS names.

use std::fmt;

/// The pattern of component ids: they become Terraform module names and parts of AWS names.
pub const ID_PATTERN: &str = r"^[a-z][a-z0-9_]*$";

/// A component id, checked against [`ID_PATTERN`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ComponentId(String);

impl ComponentId {
    pub fn new(id: impl Into<String>) -> ComponentId {
        ComponentId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The id as it appears in AWS names: `sensor_stream` → `sensor-stream`.
    pub fn kebab(&self) -> String {
        self.0.replace('_', "-")
    }
    /// The id as an environment-variable stem: `data_lake` → `DATA_LAKE`.
    pub fn upper(&self) -> String {
        self.0.to_ascii_uppercase()
    }
    /// The id in PascalCase, for IAM statement ids: `data_lake` → `DataLake`.
    pub fn pascal(&self) -> String {
        self.0
            .split('_')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                    None => String::new(),
                }
            })
            .collect()
    }
}

impl fmt::Display for ComponentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
