//! The checked spec: components with typed ids and kinds, and the graph of their data flows.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use indexmap::IndexMap;

use crate::diagnostic::Diagnostic;
use crate::graph::Graph;
pub use crate::id::ComponentId;
pub use crate::kinds::{Kind, Settings};

/// One component of the checked spec.
#[derive(Debug, Clone)]
pub struct Component {
    pub id: ComponentId,
    /// `sources`, `transforms`, `sinks` or `site`.
    pub section: &'static str,
    pub settings: Settings,
    /// JSON pointer of the component in the spec, for diagnostics.
    pub pointer: String,
    /// Spans of the values that later stages point at, by field: packaging happens at render
    /// time, long after the document is gone, and its problems point at a Lambda's `code:`.
    pub kept: BTreeMap<&'static str, Range<usize>>,
    /// The component's own `tags`, added to the provider's default tags on every resource
    /// its module creates.
    pub tags: IndexMap<String, String>,
}

impl Component {
    pub fn kind(&self) -> Kind {
        self.settings.kind()
    }

    /// The kept span of `field` (see [`Component::kept`]).
    pub fn kept_span(&self, field: &str) -> Option<Range<usize>> {
        self.kept.get(field).cloned()
    }
}

/// A spec that passed every check.
#[derive(Debug, Clone)]
pub struct Project {
    pub name: String,
    pub region: String,
    /// The environment this project is a deployment of (its name is `<spec name>-<env>`).
    pub env: Option<String>,
    /// The account the render may be applied to.
    pub account: Option<String>,
    pub tags: IndexMap<String, String>,
    /// The managed policy every role gets as its permissions boundary, if any.
    pub permissions_boundary: Option<String>,
    /// Where Terraform keeps the render's state, if not locally.
    pub backend: Option<crate::spec::Backend>,
    /// Components in spec order (sources, then transforms, sinks and site tiers).
    pub components: IndexMap<ComponentId, Component>,
    pub graph: Graph,
    /// Directory of the spec file; relative paths in the spec resolve against it.
    pub base_dir: PathBuf,
    /// The spec file's stem, the default output folder name.
    pub stem: String,
    /// Where the spec's `name` value is, for diagnostics about the project as a whole.
    pub name_at: Range<usize>,
    /// What the checks found that does not stop a render (see
    /// [`crate::diagnostic::Severity::Warning`]), in spec order.
    pub warnings: Vec<Diagnostic>,
    /// The spec's `monitoring:` section (defaults filled in).
    pub monitoring: crate::spec::Monitoring,
}

impl Project {
    /// The state's key in the backend bucket: the spec's, or `<name>/terraform.tfstate` (the
    /// name carries the environment, so each environment has a state of its own).
    pub fn backend_key(&self) -> String {
        self.backend
            .as_ref()
            .and_then(|b| b.s3.key.clone())
            .unwrap_or_else(|| format!("{}/terraform.tfstate", self.name))
    }

    pub fn component(&self, id: &ComponentId) -> &Component {
        &self.components[id]
    }
}
