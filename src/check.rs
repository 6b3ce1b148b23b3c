//! From spec text to a checked [`Project`], in ordered steps that collect every problem:
//! YAML → schema → ids → inputs → edge kinds → cycles → per-kind rules → AWS names.

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::diagnostic::Diagnostic;
use crate::graph::{Edge, Graph};
use crate::iam::registry;
use crate::model::{Component, ComponentId, Kind, LambdaSpans, Project, Settings};
use crate::naming;
use crate::source::{Document, SourceFile, pointer_segment};
use crate::spec::{self, Spec};
use crate::suggest;

/// Checks a spec file. On success, the project; otherwise every diagnostic found.
pub fn check(file: &SourceFile) -> Result<Project, Vec<Diagnostic>> {
    let doc = file.parse()?;
    let mut diags = crate::schema::validate(&doc);
    if diags.is_empty() {
        return semantic(file, &doc);
    }
    // All problems in one run: the parts the schema accepts are checked as well.
    if let Some(value) = crate::schema::salvage(&doc) {
        match semantic(file, &doc.with_value(value)) {
            Ok(project) => diags.extend(project.warnings),
            Err(more) => diags.extend(more),
        }
        diags.sort_by_key(|d| d.offset());
        diags.dedup();
    }
    Err(diags)
}

/// The checks beyond the schema, on a document that passes it.
fn semantic(file: &SourceFile, doc: &Document) -> Result<Project, Vec<Diagnostic>> {
    let spec: Spec = serde_json::from_value(doc.value.clone()).map_err(|e| {
        vec![
            Diagnostic::new("schema", format!("the spec does not match its schema: {e}"))
                .with_label(doc.value_span(""), "here"),
        ]
    })?;
    let mut diags = Vec::new();
    let components = collect_components(spec.clone(), doc, &mut diags);
    let (graph, links) = build_graph(&components, doc, &mut diags);
    let pairs: Vec<_> = links.iter().map(|(a, b, _)| (a, b)).collect();
    for cycle in crate::graph::cycles(components.keys(), &pairs) {
        diags.push(cycle_diagnostic(&cycle, &links, doc));
    }
    let lambda_spans = lambda_spans(&components, doc);
    let project = Project {
        name: spec.name.clone(),
        region: spec.region.clone(),
        tags: spec.tags.clone(),
        components,
        graph,
        base_dir: file.base_dir(),
        stem: file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| spec.name.clone()),
        policies: Vec::new(),
        lambda_spans,
        warnings: Vec::new(),
    };
    for (key, value) in &project.tags {
        let ptr = format!("/tags/{}", pointer_segment(key));
        if let Some(problem) = tag_problem(key, value) {
            diags.push(
                Diagnostic::new("invalid-tag", format!("tag `{key}` {problem}"))
                    .with_label(doc.key_span(&ptr), "invalid tag")
                    .with_help(
                        "AWS tags allow letters, digits, spaces and `_ . : / = + - @`; keys up to \
                         128 characters, values up to 256, and no `aws:` prefix",
                    ),
            );
        }
    }
    region_and_keys(&project, doc, &mut diags);
    for c in project.components.values() {
        kind_rules(&project, c, doc, &mut diags);
        diags.extend(runtime_support(c, doc));
        diags.extend(unused_output_settings(&project, c, doc));
        for n in naming::names(&project.name, c) {
            if let Some(problem) = n.rule.check(&n.name, n.extra_len) {
                diags.push(
                    Diagnostic::new(
                        "invalid-name",
                        format!("the {} name `{}` {problem}", n.what, n.name),
                    )
                    .with_label(doc.key_span(&c.pointer), "this component's name")
                    .with_related(doc.value_span("/name"), "project name prefix")
                    .with_help("shorten the project `name` or the component id"),
                );
            }
        }
    }
    crate::flows::check(&project, doc, &mut diags);
    if !diags.iter().any(Diagnostic::is_error) {
        let mut project = project;
        match crate::iam::policies(&project) {
            Ok(p) => {
                diags.extend(crate::quotas::account_quotas(&project, &p, doc));
                project.policies = p;
                diags.sort_by_key(|d| d.offset());
                project.warnings = diags;
            }
            Err(errors) => {
                for e in errors {
                    diags.push(match e {
                        crate::iam::PolicyError::TooLarge(t) => too_large(&project, &t, doc),
                        crate::iam::PolicyError::Wildcard(w) => wildcard(&w, doc),
                    });
                }
                diags.sort_by_key(|d| d.offset());
                return Err(diags);
            }
        }
        Ok(project)
    } else {
        diags.sort_by_key(|d| d.offset());
        Err(diags)
    }
}

/// A Lambda runtime AWS no longer creates functions on is an error (a fresh apply fails); one
/// past its deprecation date is a warning (it deploys, without security patches).
fn runtime_support(c: &Component, doc: &Document) -> Option<Diagnostic> {
    let Settings::Lambda(l) = &c.settings else {
        return None;
    };
    let support = crate::runtimes::support(l.runtime);
    let at = doc.value_span(&format!("{}/runtime", c.pointer));
    let runtime = l.runtime.as_str();
    let source = crate::runtimes::SOURCE;
    match crate::runtimes::status(l.runtime, &crate::runtimes::today()) {
        crate::runtimes::Status::Supported => None,
        crate::runtimes::Status::Deprecated => Some(
            Diagnostic::warning(
                "runtime-deprecated",
                format!(
                    "`{runtime}` is deprecated since {}: AWS no longer patches it, and stops \
                     creating functions on it on {}",
                    support.deprecated, support.block_create
                ),
            )
            .with_label(at, "deprecated runtime")
            .with_help(format!(
                "move to {} before {}; dates from the {source}",
                replacement(support.replacement),
                support.block_create
            )),
        ),
        crate::runtimes::Status::Blocked => Some(
            Diagnostic::new(
                "runtime-blocked",
                format!(
                    "AWS stopped creating functions on `{runtime}` on {} (deprecated since {})",
                    support.block_create, support.deprecated
                ),
            )
            .with_label(at, "no longer deployable")
            .with_help(format!(
                "use {}; dates from the {source}",
                replacement(support.replacement)
            )),
        ),
    }
}

/// A Lambda's `output_*` settings describe what it writes into a lake: set on a Lambda that no
/// lake lists as an input, they change nothing, which is worth a word (the lake's `inputs` is
/// the likely omission).
fn unused_output_settings(project: &Project, c: &Component, doc: &Document) -> Vec<Diagnostic> {
    if c.kind() != Kind::Lambda {
        return Vec::new();
    }
    let feeds_lake = project
        .graph
        .outgoing(&c.id)
        .any(|e| project.component(&e.to).kind() == Kind::S3DataLake);
    if feeds_lake {
        return Vec::new();
    }
    [
        "output_prefix",
        "output_format",
        "output_compression",
        "output_partitioning",
    ]
    .into_iter()
    .filter_map(|field| {
        let ptr = format!("{}/{field}", c.pointer);
        doc.span(&ptr)?;
        Some(
            Diagnostic::warning(
                "unused-setting",
                format!(
                    "`{field}` of lambda `{}` has no effect: no `s3_data_lake` lists `{}` as an \
                     input",
                    c.id, c.id
                ),
            )
            .with_label(doc.value_span(&ptr), "not used")
            .with_help(format!(
                "add `{}` to `inputs` of the lake it writes to (which grants it the write), or \
                 remove the `output_*` settings",
                c.id
            )),
        )
    })
    .collect()
}

/// A runtime id in backticks; a description of one ("a newer Node.js runtime") as it is.
fn replacement(text: &str) -> String {
    if text.contains(' ') {
        text.to_string()
    } else {
        format!("`{text}`")
    }
}

/// Where each lambda's `code` and `build` values are, for packaging diagnostics at render time.
fn lambda_spans(
    components: &IndexMap<ComponentId, Component>,
    doc: &Document,
) -> IndexMap<ComponentId, LambdaSpans> {
    components
        .values()
        .filter(|c| c.kind() == Kind::Lambda)
        .map(|c| {
            let spans = LambdaSpans {
                code: doc.value_span(&format!("{}/code", c.pointer)),
                build: doc
                    .span(&format!("{}/build", c.pointer))
                    .map(|s| s.value.clone()),
            };
            (c.id.clone(), spans)
        })
        .collect()
}

fn too_large(project: &Project, t: &crate::iam::layout::TooLarge, doc: &Document) -> Diagnostic {
    let c = project
        .components
        .values()
        .find(|c| naming::role(&project.name, c) == t.name)
        .expect("every identity belongs to a component");
    let largest: Vec<String> = t
        .largest
        .iter()
        .map(|(sid, n)| format!("{sid} ({n} characters)"))
        .collect();
    Diagnostic::new(
        "policy-too-large",
        format!(
            "the permissions of `{}` need {} managed policies; IAM allows {} per role",
            c.id,
            t.needed,
            crate::iam::layout::MANAGED_PER_ROLE
        ),
    )
    .with_label(doc.key_span(&c.pointer), "too many permissions")
    .with_help(format!(
        "split this component's inputs or outputs across several components; \
         largest statements: {}",
        largest.join(", ")
    ))
}

fn wildcard(w: &crate::iam::Wildcard, doc: &Document) -> Diagnostic {
    let dotted = |pointer: &str| {
        pointer
            .trim_start_matches('/')
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect::<Vec<_>>()
            .join(".")
    };
    let (at, what) = match &w.origin {
        Some(o) if o.key => (
            doc.key_span(&o.pointer),
            format!("the name `{}` in `{}`", o.text, dotted(&o.pointer)),
        ),
        Some(o) => (
            doc.value_span(&o.pointer),
            format!("`{}` (`{}`)", dotted(&o.pointer), o.text),
        ),
        None => (doc.value_span(""), format!("the value of `{}`", w.fact)),
    };
    Diagnostic::new(
        "iam-wildcard",
        format!("{what} holds `{}`, which IAM reads as a wildcard", w.found),
    )
    .with_label(at, format!("`{}` would widen an IAM grant", w.found))
    .with_help(format!(
        "this value becomes part of the IAM resource `{}`, where `*` and `?` match any \
         characters, so the grant would reach more than this component needs; remove them",
        w.would_be
    ))
}

fn collect_components(
    spec: Spec,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> IndexMap<ComponentId, Component> {
    let mut out: IndexMap<ComponentId, Component> = IndexMap::new();
    let mut add = |section: &'static str, id: String, settings: Settings| {
        let pointer = format!("/{section}/{}", pointer_segment(&id));
        let cid = ComponentId::new(id.clone());
        if let Some(first) = out.get(&cid) {
            diags.push(
                Diagnostic::new("duplicate-id", format!("component id `{id}` is used twice"))
                    .with_label(doc.key_span(&pointer), "second use")
                    .with_related(doc.key_span(&first.pointer), "first use")
                    .with_help("ids are shared by all sections; rename one of them"),
            );
            return;
        }
        out.insert(
            cid.clone(),
            Component {
                id: cid,
                section,
                settings,
                pointer,
            },
        );
    };
    for (id, s) in spec.sources {
        add("sources", id, s.into());
    }
    for (id, s) in spec.transforms {
        add("transforms", id, s.into());
    }
    for (id, s) in spec.sinks {
        add("sinks", id, s.into());
    }
    out
}

/// Every resolved `inputs` entry, compatible or not: (from, to, pointer). Cycles are looked for
/// among these, so a cycle is reported even where its edges are also of the wrong kinds.
type Links = Vec<(ComponentId, ComponentId, String)>;

fn build_graph(
    components: &IndexMap<ComponentId, Component>,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> (Graph, Links) {
    let mut graph = Graph::new(components.keys());
    let mut links = Links::new();
    for c in components.values() {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, input) in c.settings.inputs().iter().enumerate() {
            let pointer = format!("{}/inputs/{i}", c.pointer);
            let at = doc.value_span(&pointer);
            if let Some(first) = seen.insert(input, i) {
                diags.push(
                    Diagnostic::new(
                        "duplicate-input",
                        format!("`{}` lists input `{input}` twice", c.id),
                    )
                    .with_label(at, "repeated here")
                    .with_related(
                        doc.value_span(&format!("{}/inputs/{first}", c.pointer)),
                        "first listed here",
                    )
                    .with_help("remove the repeated entry"),
                );
                continue;
            }
            let Some(from) = components.get(&ComponentId::new(input.clone())) else {
                let ids = components.keys().map(ComponentId::as_str);
                let help = match suggest::closest(input, ids) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!(
                        "define a component `{input}` under `sources`, `transforms` or `sinks`, \
                         or use one of: {}",
                        list(components.keys().map(ComponentId::as_str))
                    ),
                };
                diags.push(
                    Diagnostic::new(
                        "unknown-input",
                        format!("`{}` has an input `{input}` that is not defined", c.id),
                    )
                    .with_label(at, "no component has this id")
                    .with_help(help),
                );
                continue;
            };
            links.push((from.id.clone(), c.id.clone(), pointer.clone()));
            let Some(rule) = registry::edge(from.kind(), c.kind()) else {
                diags.push(incompatible(from, c, at));
                continue;
            };
            graph.add_edge(Edge {
                from: from.id.clone(),
                to: c.id.clone(),
                access: rule.access,
                pointer,
            });
        }
    }
    (graph, links)
}

fn incompatible(from: &Component, to: &Component, at: std::ops::Range<usize>) -> Diagnostic {
    let accepted: Vec<&str> = registry::EDGES
        .iter()
        .filter(|r| r.to == to.kind())
        .map(|r| r.from.as_str())
        .collect();
    let mut help = match registry::bridge(from.kind(), to.kind()) {
        Some(chain) => {
            let between = chain.iter().map(|k| format!("a `{k}`")).collect::<Vec<_>>();
            format!(
                "put {} between them: {} → {} → {}",
                between.join(" then "),
                from.kind(),
                chain
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" → "),
                to.kind()
            )
        }
        None => format!("`{}` cannot feed `{}` in any chain", from.kind(), to.kind()),
    };
    help.push_str(&if accepted.is_empty() {
        format!("; `{}` takes no inputs", to.kind())
    } else {
        format!(
            "; `{}` accepts inputs of type {}",
            to.kind(),
            list(accepted.into_iter())
        )
    });
    Diagnostic::new(
        "incompatible-input",
        format!(
            "`{}` ({}) cannot take `{}` ({}) as an input",
            to.id,
            to.kind(),
            from.id,
            from.kind()
        ),
    )
    .with_label(at, format!("a {} cannot feed a {}", from.kind(), to.kind()))
    .with_help(help)
}

fn cycle_diagnostic(cycle: &[ComponentId], links: &Links, doc: &Document) -> Diagnostic {
    let mut path: Vec<&str> = cycle.iter().map(ComponentId::as_str).collect();
    path.push(cycle[0].as_str());
    let last = cycle.last().expect("cycles are non-empty");
    let closing = links
        .iter()
        .find(|(from, to, _)| from == last && *to == cycle[0])
        .map(|(_, _, pointer)| doc.value_span(pointer))
        .unwrap_or_else(|| doc.value_span(""));
    Diagnostic::new(
        "cycle",
        format!("data flows in a cycle: {}", path.join(" → ")),
    )
    .with_label(closing, "this input closes the cycle")
    .with_help("data must flow one way; remove one of these inputs")
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rules of one component kind that the schema cannot express.
fn kind_rules(project: &Project, c: &Component, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let ptr = |field: &str| format!("{}/{field}", c.pointer);
    let unresolved = c.settings.inputs().iter().any(|i| {
        !project
            .components
            .contains_key(&ComponentId::new(i.clone()))
    });
    let kinds_in = |kind: Kind| {
        project
            .graph
            .incoming(&c.id)
            .filter(|e| project.component(&e.from).kind() == kind)
            .count()
    };
    let mut err = |code, msg: String, at: std::ops::Range<usize>, label: &str, help: &str| {
        diags.push(
            Diagnostic::new(code, msg)
                .with_label(at, label.to_string())
                .with_help(help.to_string()),
        )
    };
    match &c.settings {
        Settings::KinesisStream(s) => match (s.mode, s.shards) {
            (spec::StreamMode::Provisioned, None) => err(
                "missing-shards",
                format!("stream `{}` is provisioned but has no `shards`", c.id),
                doc.value_span(&ptr("mode")),
                "provisioned needs a shard count",
                "add `shards: 1` (or more), or use `mode: on_demand`",
            ),
            (spec::StreamMode::OnDemand, Some(_)) => err(
                "shards-on-demand",
                format!("stream `{}` sets `shards` in on-demand mode", c.id),
                doc.key_span(&ptr("shards")),
                "on-demand streams size themselves",
                "remove `shards`, or set `mode: provisioned`",
            ),
            _ => {}
        },
        Settings::Firehose(_) => {
            if !unresolved && (c.settings.inputs().len() != 1 || kinds_in(Kind::KinesisStream) != 1)
            {
                err(
                    "firehose-inputs",
                    format!("firehose `{}` must read exactly one Kinesis stream", c.id),
                    doc.key_span(&c.pointer),
                    "one `inputs` entry expected",
                    "list exactly one `kinesis_stream` id under `inputs`",
                );
            }
            let outs = project.graph.outgoing(&c.id).count();
            if outs != 1 {
                err(
                    "firehose-destination",
                    format!(
                        "firehose `{}` must feed exactly one sink, but {outs} list it as an input",
                        c.id
                    ),
                    doc.key_span(&c.pointer),
                    "delivers nowhere or to several places",
                    "list this firehose under `inputs` of exactly one `s3_data_lake`",
                );
            }
        }
        Settings::Lambda(l) => {
            let f = crate::package::Function {
                id: c.id.as_str(),
                lambda: l,
                base_dir: &project.base_dir,
            };
            let spans = &project.lambda_spans[&c.id];
            let packaging: Vec<Diagnostic> = crate::package::check(&f)
                .into_iter()
                .map(|p| p.diagnostic(spans))
                .collect();
            match (&l.failure_bucket, l.on_failure) {
                (Some(id), spec::OnFailure::S3) => {
                    let is_lake = project
                        .components
                        .get(&ComponentId::new(id.clone()))
                        .is_some_and(|t| t.kind() == Kind::S3DataLake);
                    if !is_lake {
                        err(
                            "failure-bucket",
                            format!(
                                "`failure_bucket` of lambda `{}` is `{id}`, which is not an \
                                 `s3_data_lake` of this spec",
                                c.id
                            ),
                            doc.value_span(&ptr("failure_bucket")),
                            "not an s3_data_lake",
                            "name an `s3_data_lake` id, or remove `failure_bucket` to let \
                             pipelinec create a bucket for failed batches",
                        );
                    }
                }
                (Some(_), other) => err(
                    "failure-bucket-unused",
                    format!(
                        "lambda `{}` names a `failure_bucket` but sends failures to `{}`",
                        c.id,
                        match other {
                            spec::OnFailure::Sqs => "sqs",
                            _ => "none",
                        }
                    ),
                    doc.key_span(&ptr("failure_bucket")),
                    "used only with `on_failure: s3`",
                    "set `on_failure: s3` (it keeps whole batches), or remove `failure_bucket`",
                ),
                (None, _) => {}
            }
            for name in l.environment.keys() {
                let at = doc.key_span(&format!("{}/{}", ptr("environment"), pointer_segment(name)));
                let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    err(
                        "invalid-env-name",
                        format!("`{name}` is not a valid environment variable name"),
                        at,
                        "invalid name",
                        "use letters, digits and `_`, starting with a letter",
                    );
                } else if name.starts_with("AWS_") {
                    err(
                        "reserved-env-name",
                        format!("`{name}` is reserved by Lambda"),
                        at,
                        "reserved",
                        "Lambda sets the `AWS_` variables itself; choose another name",
                    );
                } else if injected_env(project, c).iter().any(|(k, _)| k == name) {
                    err(
                        "env-conflict",
                        format!("`{name}` clashes with a variable pipelinec sets for an output"),
                        at,
                        "set by pipelinec",
                        "remove it: pipelinec sets `<SINK>_BUCKET` and `<SINK>_PREFIX` itself",
                    );
                }
            }
            diags.extend(packaging);
        }
        Settings::S3DataLake(s) => {
            if s.kms_key_arn.is_some() && s.encryption != spec::BucketEncryption::SseKms {
                err(
                    "kms-key-unused",
                    format!("data lake `{}` names a KMS key but uses `sse_s3`", c.id),
                    doc.key_span(&ptr("kms_key_arn")),
                    "ignored with sse_s3",
                    "set `encryption: sse_kms`, or remove `kms_key_arn`",
                );
            }
            if let (Some(ia), Some(exp)) = (
                s.retention.infrequent_access_after_days,
                s.retention.expire_after_days,
            ) && exp <= ia
            {
                err(
                    "retention-order",
                    format!(
                        "objects in `{}` expire after {exp} days, before moving to Standard-IA after {ia}",
                        c.id
                    ),
                    doc.value_span(&ptr("retention/expire_after_days")),
                    "expires too early",
                    "make `expire_after_days` larger than `infrequent_access_after_days`",
                );
            }
        }
        Settings::GlueCatalog(g) => {
            if !unresolved && (c.settings.inputs().len() != 1 || kinds_in(Kind::S3DataLake) != 1) {
                err(
                    "catalog-inputs",
                    format!(
                        "glue catalog `{}` must have exactly one `s3_data_lake` input",
                        c.id
                    ),
                    doc.key_span(&c.pointer),
                    "one data lake expected",
                    "list the data lake its tables live in under `inputs`",
                );
            }
            if let Some(schedule) = g.crawler.as_ref().and_then(|c| c.schedule.as_ref()) {
                let at = format!("{}/schedule", ptr("crawler"));
                if let Err(e) = crate::schedule::parse(schedule, crate::schedule::Accepts::Cron) {
                    err(
                        "invalid-schedule",
                        format!("the crawler schedule `{schedule}` is invalid: {}", e.why),
                        doc.value_span(&at),
                        "not a Glue schedule",
                        &format!(
                            "e.g. `{}` runs at minute 0 of every hour",
                            crate::schedule::CRON_EXAMPLE
                        ),
                    );
                }
            }
            if g.crawler.is_some() && crawled_tables(g).is_empty() {
                err(
                    "crawler-without-tables",
                    format!(
                        "the crawler of glue catalog `{}` has no table to crawl: every table \
                         uses partition projection",
                        c.id
                    ),
                    doc.key_span(&ptr("crawler")),
                    "nothing to crawl",
                    "Athena reads projected tables without catalog partitions, and a crawler \
                     could only rewrite them; remove `crawler`, or add a table with \
                     `partitioning: none` for it to keep up to date",
                );
            }
            for (name, t) in &g.tables {
                let tptr = format!("{}/{}", ptr("tables"), pointer_segment(name));
                for (i, col) in t.columns.iter().enumerate() {
                    let cptr = format!("{tptr}/columns/{i}");
                    if let Err(why) = crate::hive_type::parse(&col.ty) {
                        err(
                            "invalid-column-type",
                            format!("`{}` is not a Glue column type: {why}", col.ty),
                            doc.value_span(&format!("{cptr}/type")),
                            "not a column type",
                            "use string, int, bigint, double, float, boolean, date, timestamp, \
                             decimal(p,s), array<…>, map<…> or struct<…>",
                        );
                    }
                    if t.partitioning.keys().iter().any(|(k, _)| *k == col.name) {
                        err(
                            "column-is-partition",
                            format!("column `{}` clashes with a partition key", col.name),
                            doc.value_span(&format!("{cptr}/name")),
                            "also a partition key",
                            "rename the column; partition keys come from the object keys",
                        );
                    }
                }
                if t.projection_last_year < t.projection_first_year {
                    err(
                        "projection-years",
                        format!("table `{name}` projects years backwards"),
                        doc.value_span(&format!("{tptr}/projection_last_year")),
                        "before the first year",
                        "make `projection_last_year` at least `projection_first_year`",
                    );
                }
            }
        }
        Settings::Athena(a) => {
            let catalogs: Vec<&ComponentId> =
                project.graph.incoming(&c.id).map(|e| &e.from).collect();
            for (q, nq) in &a.named_queries {
                let qptr = format!("{}/{}", ptr("named_queries"), pointer_segment(q));
                match &nq.catalog {
                    Some(cat) if !catalogs.iter().any(|c| c.as_str() == cat) => err(
                        "query-catalog",
                        format!(
                            "query `{q}` runs in `{cat}`, which is not an input of `{}`",
                            c.id
                        ),
                        doc.value_span(&format!("{qptr}/catalog")),
                        "not an input",
                        &format!(
                            "use one of the workgroup's inputs: {}",
                            list(catalogs.iter().map(|c| c.as_str()))
                        ),
                    ),
                    None if catalogs.len() != 1 => err(
                        "query-catalog",
                        format!("query `{q}` must say which catalog it runs in"),
                        doc.key_span(&qptr),
                        "no `catalog`",
                        "the workgroup has several (or no) catalog inputs; add `catalog: <id>`",
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// Environment variables pipelinec adds to a Lambda: bucket and prefix of each S3 sink it feeds.
/// Values are HCL expressions.
/// The tables a catalog's crawler maintains: those without partition projection. Athena reads
/// a projected table without catalog partitions, so crawling it would only add partitions
/// Athena ignores, or rewrite the table's projection settings.
pub fn crawled_tables(g: &spec::GlueCatalog) -> Vec<(&str, &spec::GlueTable)> {
    g.tables
        .iter()
        .filter(|(_, t)| t.partitioning == spec::Partitioning::None)
        .map(|(n, t)| (n.as_str(), t))
        .collect()
}

pub fn injected_env(project: &Project, c: &Component) -> Vec<(String, String)> {
    let Settings::Lambda(l) = &c.settings else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in project.graph.outgoing(&c.id) {
        let to = project.component(&e.to);
        if to.kind() == Kind::S3DataLake {
            out.push((
                format!("{}_BUCKET", to.id.upper()),
                format!("module.{}.bucket", to.id),
            ));
            out.push((
                format!("{}_PREFIX", to.id.upper()),
                crate::hcl::quote(&crate::iam::lambda_output_prefix(&c.id, l)),
            ));
        }
    }
    out
}

/// The spec's region is one AWS has, and every KMS key it names lives in that region and its
/// partition: a key elsewhere cannot encrypt a stream or bucket here.
fn region_and_keys(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let Some(partition) = crate::regions::partition(&project.region) else {
        let mut d = Diagnostic::new(
            "unknown-region",
            format!("`{}` is not an AWS region", project.region),
        )
        .with_label(doc.value_span("/region"), "unknown region");
        d = d.with_help(match crate::regions::closest(&project.region) {
            Some(r) => format!("did you mean `{r}`?"),
            None => format!(
                "pipelinec knows the regions AWS listed on {}; see src/regions.rs",
                crate::regions::SOURCE_DATE
            ),
        });
        diags.push(d);
        return;
    };
    for c in project.components.values() {
        let (field, key) = match &c.settings {
            Settings::KinesisStream(s) => ("kms_key", &s.kms_key),
            Settings::S3DataLake(s) => ("kms_key_arn", &s.kms_key_arn),
            _ => continue,
        };
        let Some(key) = key else { continue };
        let parts: Vec<&str> = key.splitn(6, ':').collect();
        let (key_partition, key_region) = match parts.as_slice() {
            [_, p, _, r, ..] => (*p, *r),
            _ => continue,
        };
        if key_partition != partition || key_region != project.region {
            diags.push(
                Diagnostic::new(
                    "kms-key-region",
                    format!(
                        "the KMS key of `{}` is in `{key_partition}`/`{key_region}`, but the spec \
                         deploys to `{partition}`/`{}`",
                        c.id, project.region
                    ),
                )
                .with_label(
                    doc.value_span(&format!("{}/{field}", c.pointer)),
                    "a key in another region or partition",
                )
                .with_related(doc.value_span("/region"), "the spec's region")
                .with_help(
                    "KMS keys are regional: use a key of this region (a multi-Region replica key \
                     has an ARN in each region)",
                ),
            );
        }
    }
}

/// What AWS would reject about a tag, in words. AWS allows letters, numbers, `_.:/=+-@` and
/// Unicode spaces in both. A key is a name: blank keys and spaces other than U+0020 are
/// refused, since they cannot be told apart on screen. A value is free text: any space is kept
/// (and rendered escaped, so it stays visible).
fn tag_problem(key: &str, value: &str) -> Option<String> {
    let name_char = |c: char| c.is_alphanumeric() || c == ' ' || "_.:/=+-@".contains(c);
    let text_char = |c: char| {
        name_char(c)
            || matches!(
                c as u32,
                0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
            )
    };
    if key.chars().count() > 128 {
        return Some("must have a key of 1 to 128 characters".into());
    }
    if key.trim().is_empty() {
        return Some("has a blank key".into());
    }
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Some("uses the reserved `aws:` prefix".into());
    }
    if value.chars().count() > 256 {
        return Some("has a value longer than 256 characters".into());
    }
    if let Some(bad) = key.chars().find(|c| !name_char(*c)) {
        return Some(format!(
            "contains `{bad}` in its key, which AWS tag keys here do not allow"
        ));
    }
    if let Some(bad) = value.chars().find(|c| !text_char(*c)) {
        return Some(format!("contains `{bad}`, which AWS tags do not allow"));
    }
    None
}

/// Project names already seen in one run over several specs: two specs with one `name` would
/// create the same AWS names in one account, each destroying the other's resources on apply.
#[derive(Debug, Default)]
pub struct ProjectNames {
    seen: HashMap<String, (std::path::PathBuf, usize)>,
}

impl ProjectNames {
    /// Records a checked project; a diagnostic at its `name` if another spec had it first.
    pub fn clash(&mut self, file: &SourceFile, project: &Project) -> Option<Diagnostic> {
        let doc = file.parse().ok()?;
        let at = doc.value_span("/name");
        let line = file.line_col(at.start).0;
        match self.seen.get(&project.name) {
            Some((other, other_line)) => Some(
                Diagnostic::new(
                    "duplicate-project-name",
                    format!(
                        "project `{}` is also the name of {}:{other_line}",
                        project.name,
                        other.display()
                    ),
                )
                .with_label(at, "used by another spec")
                .with_help(
                    "both specs would create the same AWS names (roles, streams, buckets) in \
                     one account; give each spec its own `name`",
                ),
            ),
            None => {
                self.seen
                    .insert(project.name.clone(), (file.path.clone(), line));
                None
            }
        }
    }
}
