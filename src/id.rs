//! Component ids: the spec's keys, as they appear in Terraform and AWS names.

use std::fmt;

/// The pattern of component ids: they become Terraform module names and parts of AWS names.
pub const ID_PATTERN: &str = r"^[a-z][a-z0-9_]*$";

/// A component id, checked against [`ID_PATTERN`]. A renamed component (the spec's `renames`)
/// keeps its old id in its AWS names and data paths, so that renaming it in the spec replaces
/// nothing in AWS; its Terraform addresses take the new id (and the render moves them).
/// Equality, hashing and order are the id's alone.
#[derive(Debug, Clone)]
pub struct ComponentId(String, Option<String>);

impl PartialEq for ComponentId {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for ComponentId {}
impl std::hash::Hash for ComponentId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}
impl PartialOrd for ComponentId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ComponentId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl ComponentId {
    pub fn new(id: impl Into<String>) -> ComponentId {
        ComponentId(id.into(), None)
    }
    /// The id of a component renamed from `old`.
    pub fn renamed_from(id: impl Into<String>, old: impl Into<String>) -> ComponentId {
        ComponentId(id.into(), Some(old.into()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The id before a rename, if the component was renamed.
    pub fn old(&self) -> Option<&str> {
        self.1.as_deref()
    }
    /// The id AWS names carry: the old one of a renamed component.
    pub fn aws_str(&self) -> &str {
        self.1.as_deref().unwrap_or(&self.0)
    }
    /// The id as it appears in AWS names: `sensor_stream` → `sensor-stream`.
    pub fn kebab(&self) -> String {
        self.aws_str().replace('_', "-")
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
