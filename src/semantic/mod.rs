//! The checks beyond the schema, from a document the schema accepts to a checked [`Project`]:
//! ids → inputs and edge kinds → cycles → project settings → per-kind rules → AWS names →
//! writers against readers. Every problem is collected, not only the first.
//!
//! Each kind brings its own rules through [`KindRules`]; the checks here are the ones that
//! hold for every kind or span several components.

pub mod existing;
mod flows;
mod inputs;
pub mod jobs;
pub mod monitoring;
mod project;
mod renames;

use std::collections::BTreeMap;
use std::ops::Range;

use indexmap::IndexMap;

use crate::diagnostic::Diagnostic;
use crate::kinds::Settings;
use crate::kinds::fields::Common;
use crate::model::{Component, ComponentId, Project};
use crate::naming::AwsName;
use crate::source::{Document, SourceFile, pointer_segment};
use crate::spec::Spec;

pub use existing::{ExistingRef, Shape};
pub use flows::{Layout, Read, Table, Writer};

/// What a component kind adds to the semantic checks.
pub trait KindRules {
    /// The rules of this kind that the schema cannot express.
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>);

    /// Every AWS name the component creates, each checked against its rule.
    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName>;

    /// The resource the component stands for instead of creating one (its `existing:`), if
    /// it does: it then creates none of the names above and counts against no quota.
    fn existing(&self) -> Option<ExistingRef<'_>> {
        None
    }

    /// Fields whose spans later stages point at (see [`Component::kept`]).
    fn kept_fields(&self) -> &'static [&'static str] {
        &[]
    }

    /// Customer KMS keys the component names, as (field, key ARN): each must be in the spec's
    /// region and partition.
    fn kms_keys(&self) -> Vec<(&'static str, &str)> {
        Vec::new()
    }

    /// Whether components write objects into it (a bucket): its writers are checked against
    /// each other and against the tables over it.
    fn holds_objects(&self) -> bool {
        false
    }

    /// The id of a bucket of the spec the component sends what fails into, outside its edges.
    fn failure_bucket(&self) -> Option<&str> {
        None
    }

    /// The prefixes the component writes into `bucket`: `feeds` when it is one of the bucket's
    /// inputs (otherwise it only sends failures there).
    fn writes(&self, cx: &Cx<'_>, bucket: &ComponentId, feeds: bool) -> Vec<Writer> {
        let _ = (cx, bucket, feeds);
        Vec::new()
    }

    /// The tables the component reads from a bucket it takes as an input.
    fn tables(&self, cx: &Cx<'_>) -> Vec<Table> {
        let _ = cx;
        Vec::new()
    }

    /// The columns of one of its tables as (name, Hive type), partition columns last (all
    /// `string`); `None` when it has no such table (a catalog's tables, read by the kinds that
    /// query them, such as QuickSight data sets).
    fn table_columns(&self, table: &str) -> Option<Vec<(String, String)>> {
        let _ = table;
        None
    }

    /// The views SQL clients read in the component, with their columns (a Redshift workgroup's
    /// materialized views, which QuickSight data sets read).
    fn sql_views(&self) -> Vec<SqlView> {
        Vec::new()
    }

    /// The subnets and security groups of the component's VPC endpoint as the spec lists them
    /// (a Redshift workgroup's), for what reaches it inside the VPC; `None` for a kind with no
    /// VPC endpoint. Empty lists: the spec leaves them to AWS's defaults.
    fn vpc_endpoint(&self) -> Option<VpcEndpoint<'_>> {
        None
    }

    /// The prefixes the component reads directly from `bucket`, one of its inputs (not through
    /// a catalog): checked against what it and others write there, so that data does not flow
    /// in a cycle through the bucket's prefixes.
    fn reads(&self, cx: &Cx<'_>, bucket: &ComponentId) -> Vec<Read> {
        let _ = (cx, bucket);
        Vec::new()
    }

    /// The catalog table whose columns are the fields of the records it reads from its input
    /// stream, as (catalog id, table, the field naming the table): a Firehose converting them
    /// with `convert`. Other readers of the same stream (Redshift views) check the fields they
    /// take against it.
    fn record_schema(&self) -> Option<(&str, &str, &'static str)> {
        None
    }

    /// Components it names outside `inputs` and acts on, as (field, id): a schedule's
    /// `target`, a workflow state's `function` (`states/<name>/function`, the field a JSON
    /// pointer below the component). Each is an edge from this component to that one.
    fn targets(&self) -> Vec<(String, &str)> {
        Vec::new()
    }

    /// How a schedule may start the component (a function invoked, a job run, a saved query
    /// run), or `None` if nothing can start it.
    fn startable(&self, cx: &Cx<'_>) -> Option<Startable> {
        let _ = cx;
        None
    }

    /// Whether an event bus rule may deliver to the component: an external API with an API
    /// destination (`deliver`).
    fn accepts_deliveries(&self) -> bool {
        false
    }

    /// What a CloudFront distribution listing the component in its `inputs` serves from it,
    /// or `None` if it cannot be an origin.
    fn origin(&self) -> Option<Origin> {
        None
    }

    /// Prefixes of a bucket that have a lifecycle of their own, as (prefix, JSON pointer of
    /// its rule): each is checked against what the bucket's writers write.
    fn lifecycle_prefixes(&self, cx: &Cx<'_>) -> Vec<(String, String)> {
        let _ = cx;
        Vec::new()
    }

    /// What the component counts against AWS's account and Region quotas
    /// ([`crate::quotas`]), besides its identity.
    fn usage(&self) -> Vec<Use> {
        Vec::new()
    }

    /// The CloudWatch metrics that matter for this component, each with the alarm it carries
    /// by default ([`crate::monitor`]), derived from its settings and its edges: its dashboard
    /// row, in order. A kind without any has no row and no alarms.
    fn monitors(&self, project: &Project, c: &Component) -> Vec<crate::monitor::Monitor> {
        let _ = (project, c);
        Vec::new()
    }
}

/// A view SQL clients read (see [`KindRules::sql_views`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlView {
    pub name: String,
    /// The view's entry below the component (`views/clicks`), a JSON pointer suffix.
    pub field: String,
    /// Its columns in order.
    pub columns: Vec<SqlColumn>,
}

/// One column of a [`SqlView`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlColumn {
    pub name: String,
    /// Its type in the component's SQL dialect, as the spec writes it (`varchar(64)`).
    pub ty: String,
    /// Where the spec gives its type, below the component; `None` for a column the component
    /// adds itself (a stream record's arrival time).
    pub type_field: Option<String>,
}

/// A VPC endpoint's network (see [`KindRules::vpc_endpoint`]).
#[derive(Debug, Clone, Copy)]
pub struct VpcEndpoint<'a> {
    pub subnet_ids: &'a [String],
    pub security_group_ids: &'a [String],
    /// The fields that list them.
    pub fields: (&'static str, &'static str),
}

/// What a distribution serves from an origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Static files in a bucket, read through origin access control: the default behaviour.
    Files,
    /// An API, under the path patterns the distribution routes to it.
    Api,
}

/// What a schedule may start in a component.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Startable {
    /// Named entry points, one of which a schedule must choose (an Athena workgroup's saved
    /// queries); empty when the component is started as a whole.
    pub entries: Vec<Entry>,
    /// Whether the start takes a JSON payload from the schedule (a function's event).
    pub takes_input: bool,
    /// The field that names an entry (`query`), for messages.
    pub entry_field: &'static str,
}

/// One named entry point of a [`Startable`] component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// JSON pointer of its definition, for a diagnostic that shows both places.
    pub pointer: String,
    /// Characters it adds to the schedule's input (a query's SQL text).
    pub input_chars: usize,
}

/// Something AWS counts against an account or Region quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// S3 general purpose buckets, by what they hold.
    Buckets(BucketFor),
    FirehoseStreams,
    GlueCrawlers,
    GlueDatabases,
    AthenaWorkgroups,
    KinesisShards,
    KinesisOnDemandStreams,
    LambdaReservedConcurrency,
}

/// What a bucket pipelinec creates holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BucketFor {
    DataLake,
    QueryResults,
    FailedBatches,
    /// A job's script (and a Glue job's temporary files).
    JobAssets,
    /// A web site's static files, or a distribution's access logs.
    Site,
}

/// An amount a component uses of a quota, and the field that sets it (if one does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub usage: Usage,
    pub amount: u64,
    pub field: Option<&'static str>,
}

impl Use {
    /// One resource, not set by a field.
    pub fn one(usage: Usage) -> Use {
        Use {
            usage,
            amount: 1,
            field: None,
        }
    }
}

/// The rules of a component's kind.
pub fn rules(settings: &Settings) -> &dyn KindRules {
    crate::with_kind!(settings, k => k as &dyn KindRules)
}

/// One component being checked, with the project and document around it.
pub struct Cx<'a> {
    pub project: &'a Project,
    pub c: &'a Component,
    pub doc: &'a Document,
}

impl Cx<'_> {
    /// The JSON pointer of one of the component's fields (`field` may hold `/`).
    pub fn ptr(&self, field: &str) -> String {
        format!("{}/{field}", self.c.pointer)
    }

    /// The value span of a field.
    pub fn value_at(&self, field: &str) -> Range<usize> {
        self.doc.value_span(&self.ptr(field))
    }

    /// The key span of a field.
    pub fn key_at(&self, field: &str) -> Range<usize> {
        self.doc.key_span(&self.ptr(field))
    }

    /// The component's own key (its id).
    pub fn component_at(&self) -> Range<usize> {
        self.doc.key_span(&self.c.pointer)
    }

    /// The value span of `field` if the spec sets it, else the component's key.
    pub fn field_at(&self, field: &str) -> Range<usize> {
        if self.doc.span(&self.ptr(field)).is_some() {
            self.value_at(field)
        } else {
            self.component_at()
        }
    }

    /// Whether the spec sets `field`.
    pub fn is_set(&self, field: &str) -> bool {
        self.doc.span(&self.ptr(field)).is_some()
    }

    /// Whether one of the component's inputs names no component (reported once, elsewhere).
    pub fn unresolved_inputs(&self) -> bool {
        self.c.settings.inputs().iter().any(|i| {
            !self
                .project
                .components
                .contains_key(&ComponentId::new(i.id().to_string()))
        })
    }

    /// The pointer of a map entry under one of the component's fields: `tables`, `orders`.
    pub fn entry_ptr(&self, field: &str, key: &str) -> String {
        format!("{}/{}", self.ptr(field), pointer_segment(key))
    }

    /// Checks AWS names that depend on the graph, not only on the component's own settings
    /// (which [`KindRules::names`] returns), as those are checked.
    pub fn check_names(&self, names: Vec<AwsName>, out: &mut Vec<Diagnostic>) {
        project::names(self, names, out);
    }
}

/// An error at `at`, labelled, with help: the shape of almost every kind rule.
pub fn error(
    code: &'static str,
    message: String,
    at: Range<usize>,
    label: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::new(code, message)
        .with_label(at, label.to_string())
        .with_help(help.to_string())
}

/// `a`, `b`, `c` in backticks.
pub fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The checks beyond the schema, on a document that passes it. On success the project, with
/// the warnings found; otherwise every diagnostic, warnings included.
pub fn check(
    file: &SourceFile,
    doc: &Document,
    env: Option<&str>,
) -> Result<Project, Vec<Diagnostic>> {
    let spec: Spec = serde_json::from_value(doc.value.clone()).map_err(|e| {
        vec![
            Diagnostic::new("schema", format!("the spec does not match its schema: {e}"))
                .with_label(doc.value_span(""), "here"),
        ]
    })?;
    let mut diags = Vec::new();
    let ids: Vec<&str> = (spec.sources.keys())
        .chain(spec.transforms.keys())
        .chain(spec.sinks.keys())
        .chain(spec.site.keys())
        .map(String::as_str)
        .collect();
    let renames = renames::check(&spec.renames, &ids, doc, &mut diags);
    let components = collect_components(
        Sections {
            sources: spec.sources,
            transforms: spec.transforms,
            sinks: spec.sinks,
            site: spec.site,
        },
        &renames,
        doc,
        &mut diags,
    );
    let (graph, links) = inputs::build_graph(&components, doc, &mut diags);
    inputs::cycles(&components, &links, doc, &mut diags);
    let project = Project {
        stem: file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| spec.name.clone()),
        name: match env {
            Some(env) => format!("{}-{env}", spec.name),
            None => spec.name,
        },
        env: env.map(str::to_string),
        account: spec.account,
        region: spec.region,
        tags: spec.tags,
        permissions_boundary: spec.permissions_boundary,
        backend: spec.backend,
        components,
        graph,
        base_dir: file.base_dir(),
        name_at: doc.value_span("/name"),
        warnings: Vec::new(),
        monitoring: spec.monitoring,
    };
    project::tags(&project, doc, &mut diags);
    project::component_tags(&project, doc, &mut diags);
    project::region_and_keys(&project, doc, &mut diags);
    for c in project.components.values() {
        let cx = Cx {
            project: &project,
            c,
            doc,
        };
        let rules = rules(&c.settings);
        rules.check(&cx, &mut diags);
        match rules.existing() {
            Some(e) => existing::check(&cx, &e, &mut diags),
            None => project::names(&cx, rules.names(&project.name, &c.id), &mut diags),
        }
    }
    flows::check(&project, doc, &mut diags);
    monitoring::check(&project, doc, &mut diags);
    diags.sort_by_key(|d| d.offset());
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let mut project = project;
    project.warnings = diags;
    Ok(project)
}

/// The spec's four component sections.
struct Sections {
    sources: IndexMap<String, Common<crate::kinds::Source>>,
    transforms: IndexMap<String, Common<crate::kinds::Transform>>,
    sinks: IndexMap<String, Common<crate::kinds::Sink>>,
    site: IndexMap<String, Common<crate::kinds::Site>>,
}

/// The components of every section in spec order; a second use of an id is an error.
fn collect_components(
    sections: Sections,
    renames: &std::collections::BTreeMap<String, String>,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> IndexMap<ComponentId, Component> {
    let Sections {
        sources,
        transforms,
        sinks,
        site,
    } = sections;
    let mut out: IndexMap<ComponentId, Component> = IndexMap::new();
    let mut add = |section: &'static str, id: String, settings: Settings, tags| {
        let pointer = format!("/{section}/{}", pointer_segment(&id));
        let cid = match renames.get(&id) {
            Some(old) => ComponentId::renamed_from(id.clone(), old.clone()),
            None => ComponentId::new(id.clone()),
        };
        if let Some(first) = out.get(&cid) {
            diags.push(
                Diagnostic::new("duplicate-id", format!("component id `{id}` is used twice"))
                    .with_label(doc.key_span(&pointer), "second use")
                    .with_related(doc.key_span(&first.pointer), "first use")
                    .with_help("ids are shared by all sections; rename one of them"),
            );
            return;
        }
        let kept: BTreeMap<&'static str, Range<usize>> = rules(&settings)
            .kept_fields()
            .iter()
            .filter_map(|f| {
                let span = doc.span(&format!("{pointer}/{f}"))?;
                Some((*f, span.value.clone()))
            })
            .collect();
        out.insert(
            cid.clone(),
            Component {
                id: cid,
                section,
                settings,
                pointer,
                kept,
                tags,
            },
        );
    };
    for (id, s) in sources {
        add("sources", id, s.kind.into(), s.tags);
    }
    for (id, s) in transforms {
        add("transforms", id, s.kind.into(), s.tags);
    }
    for (id, s) in sinks {
        add("sinks", id, s.kind.into(), s.tags);
    }
    for (id, s) in site {
        add("site", id, s.kind.into(), s.tags);
    }
    out
}
