//! The checked spec: components with typed ids and kinds, ready for the graph and the renderer.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use indexmap::IndexMap;

use crate::graph::Graph;
use crate::spec;

/// A component id, checked against [`spec::ID_PATTERN`].
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

/// Every component type pipelinec knows. Adding a service adds a variant here, a spec type,
/// a registry row set and a template folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    KinesisStream,
    Lambda,
    Firehose,
    S3DataLake,
    GlueCatalog,
    Athena,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::KinesisStream,
        Kind::Lambda,
        Kind::Firehose,
        Kind::S3DataLake,
        Kind::GlueCatalog,
        Kind::Athena,
    ];

    /// The `type:` value in a spec, and the template folder name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::KinesisStream => "kinesis_stream",
            Kind::Lambda => "lambda",
            Kind::Firehose => "firehose",
            Kind::S3DataLake => "s3_data_lake",
            Kind::GlueCatalog => "glue_catalog",
            Kind::Athena => "athena",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A component's settings, as the user wrote them (defaults filled in).
#[derive(Debug, Clone)]
pub enum Settings {
    KinesisStream(spec::KinesisStream),
    Lambda(spec::Lambda),
    Firehose(spec::Firehose),
    S3DataLake(spec::S3DataLake),
    GlueCatalog(spec::GlueCatalog),
    Athena(spec::Athena),
}

impl Settings {
    pub fn kind(&self) -> Kind {
        match self {
            Settings::KinesisStream(_) => Kind::KinesisStream,
            Settings::Lambda(_) => Kind::Lambda,
            Settings::Firehose(_) => Kind::Firehose,
            Settings::S3DataLake(_) => Kind::S3DataLake,
            Settings::GlueCatalog(_) => Kind::GlueCatalog,
            Settings::Athena(_) => Kind::Athena,
        }
    }

    /// The ids this component lists under `inputs`.
    pub fn inputs(&self) -> &[String] {
        match self {
            Settings::KinesisStream(_) => &[],
            Settings::Lambda(s) => &s.inputs,
            Settings::Firehose(s) => &s.inputs,
            Settings::S3DataLake(s) => &s.inputs,
            Settings::GlueCatalog(s) => &s.inputs,
            Settings::Athena(s) => &s.inputs,
        }
    }
}

impl From<spec::Source> for Settings {
    fn from(s: spec::Source) -> Settings {
        match s {
            spec::Source::KinesisStream(x) => Settings::KinesisStream(x),
        }
    }
}

impl From<spec::Transform> for Settings {
    fn from(s: spec::Transform) -> Settings {
        match s {
            spec::Transform::Lambda(x) => Settings::Lambda(x),
            spec::Transform::Firehose(x) => Settings::Firehose(x),
        }
    }
}

impl From<spec::Sink> for Settings {
    fn from(s: spec::Sink) -> Settings {
        match s {
            spec::Sink::S3DataLake(x) => Settings::S3DataLake(x),
            spec::Sink::GlueCatalog(x) => Settings::GlueCatalog(x),
            spec::Sink::Athena(x) => Settings::Athena(x),
        }
    }
}

/// One component of the checked spec.
#[derive(Debug, Clone)]
pub struct Component {
    pub id: ComponentId,
    /// `sources`, `transforms` or `sinks`.
    pub section: &'static str,
    pub settings: Settings,
    /// JSON pointer of the component in the spec, for diagnostics.
    pub pointer: String,
}

impl Component {
    pub fn kind(&self) -> Kind {
        self.settings.kind()
    }
}

/// A spec that passed every check.
#[derive(Debug, Clone)]
pub struct Project {
    pub name: String,
    pub region: String,
    pub tags: IndexMap<String, String>,
    /// Components in spec order (sources, then transforms, then sinks).
    pub components: IndexMap<ComponentId, Component>,
    pub graph: Graph,
    /// Directory of the spec file; relative paths in the spec resolve against it.
    pub base_dir: PathBuf,
    /// The spec file's stem, the default output folder name.
    pub stem: String,
    /// The IAM identities derived from the graph, laid out within IAM quotas.
    pub policies: Vec<crate::iam::RolePolicy>,
    /// Where each Lambda's `code` and `build` values are in the spec: packaging happens at
    /// render time, long after the document is gone, and its problems point there.
    pub lambda_spans: IndexMap<ComponentId, LambdaSpans>,
    /// What the checks found that does not stop a render (see
    /// [`crate::diagnostic::Severity::Warning`]), in spec order.
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

/// Spans of the spec values that packaging diagnostics point at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LambdaSpans {
    /// The `code:` value.
    pub code: Range<usize>,
    /// The `build:` value, when the spec sets one.
    pub build: Option<Range<usize>>,
}

impl Project {
    pub fn component(&self, id: &ComponentId) -> &Component {
        &self.components[id]
    }
}
