//! Writers and readers of a data lake, checked against each other at compile time.
//!
//! Terraform applies a Glue table over a prefix that nobody writes, or two writers into one
//! folder, without a word; Athena then reads nothing, or the wrong data. Here every catalog
//! table is matched with the writer of its prefix (a Firehose's `prefix`, a Lambda's
//! `output_prefix`) and must agree with it on partitions, format and compression; and no two
//! components write into overlapping prefixes of one lake. Every diagnostic points at both
//! places in the spec.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::iam::{firehose_prefix, lambda_output_prefix};
use crate::model::{Component, ComponentId, Kind, Project, Settings};
use crate::source::{Document, pointer_segment};
use crate::spec::{self, Compression, Partitioning, TableFormat};

/// The key prefix Lambda writes failed batches under, in an S3 on-failure destination.
pub const LAMBDA_FAILURE_PREFIX: &str = "aws/lambda/";

/// The layout of the objects a writer puts under its prefix.
#[derive(Debug, Clone)]
struct Layout {
    partitioning: Partitioning,
    partitioning_at: Range<usize>,
    format: TableFormat,
    format_at: Range<usize>,
    compression: Compression,
    compression_at: Range<usize>,
}

/// One prefix a component writes into a lake.
#[derive(Debug, Clone)]
struct Writer<'a> {
    id: &'a ComponentId,
    kind: Kind,
    /// What it writes there: "records", "delivery errors", "output", "failed batches".
    role: &'static str,
    prefix: String,
    at: Range<usize>,
    /// The data layout, for prefixes a table may read (not errors or failed batches).
    layout: Option<Layout>,
}

/// The value span of `field` of a component if the spec sets it, else the component's key.
fn field_at(doc: &Document, c: &Component, field: &str) -> Range<usize> {
    let ptr = format!("{}/{field}", c.pointer);
    if doc.span(&ptr).is_some() {
        doc.value_span(&ptr)
    } else {
        doc.key_span(&c.pointer)
    }
}

/// Every prefix written into `lake`, by the components that feed it or send it their failed
/// batches (`failing_into`: indices of the latter), in spec order. Only those components are
/// looked at, so the check costs what the lake's writers cost.
fn writers<'a>(
    project: &'a Project,
    lake: &ComponentId,
    failing_into: &[usize],
    doc: &Document,
) -> Vec<Writer<'a>> {
    let mut feeding: Vec<usize> = project
        .graph
        .incoming(lake)
        .filter_map(|e| project.components.get_index_of(&e.from))
        .collect();
    feeding.sort_unstable();
    let mut candidates: Vec<usize> = feeding.iter().chain(failing_into).copied().collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut out = Vec::new();
    for i in candidates {
        let c = &project.components[i];
        let feeds = feeding.binary_search(&i).is_ok();
        match &c.settings {
            Settings::Firehose(f) if feeds => {
                out.push(Writer {
                    id: &c.id,
                    kind: c.kind(),
                    role: "records",
                    prefix: firehose_prefix(&c.id, f),
                    at: field_at(doc, c, "prefix"),
                    layout: Some(Layout {
                        partitioning: f.partitioning,
                        partitioning_at: field_at(doc, c, "partitioning"),
                        // Without record format conversion, Firehose writes records as sent:
                        // JSON lines in every pipeline pipelinec renders.
                        format: TableFormat::Json,
                        format_at: doc.key_span(&c.pointer),
                        compression: f.compression,
                        compression_at: field_at(doc, c, "compression"),
                    }),
                });
                out.push(Writer {
                    id: &c.id,
                    kind: c.kind(),
                    role: "delivery errors",
                    prefix: f.error_prefix.clone(),
                    at: field_at(doc, c, "error_prefix"),
                    layout: None,
                });
            }
            Settings::Lambda(l) => {
                if feeds {
                    out.push(Writer {
                        id: &c.id,
                        kind: c.kind(),
                        role: "output",
                        prefix: lambda_output_prefix(&c.id, l),
                        at: field_at(doc, c, "output_prefix"),
                        layout: Some(Layout {
                            partitioning: l.output_partitioning,
                            partitioning_at: field_at(doc, c, "output_partitioning"),
                            format: l.output_format,
                            format_at: field_at(doc, c, "output_format"),
                            compression: l.output_compression,
                            compression_at: field_at(doc, c, "output_compression"),
                        }),
                    });
                }
                if l.on_failure == spec::OnFailure::S3
                    && l.failure_bucket.as_deref() == Some(lake.as_str())
                {
                    out.push(Writer {
                        id: &c.id,
                        kind: c.kind(),
                        role: "failed batches",
                        prefix: LAMBDA_FAILURE_PREFIX.to_string(),
                        at: field_at(doc, c, "failure_bucket"),
                        layout: None,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

fn partitioning_name(p: Partitioning) -> &'static str {
    match p {
        Partitioning::Daily => "daily",
        Partitioning::Hourly => "hourly",
        Partitioning::None => "none",
    }
}

fn format_name(f: TableFormat) -> &'static str {
    match f {
        TableFormat::Json => "json",
        TableFormat::Parquet => "parquet",
        TableFormat::Csv => "csv",
    }
}

/// Checks every lake's writers against each other and against the tables over them.
pub fn check(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    // Lambdas whose failed batches go to a bucket of the spec, by that bucket.
    let mut failing_into: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in project.components.values().enumerate() {
        if let Settings::Lambda(l) = &c.settings
            && l.on_failure == spec::OnFailure::S3
            && let Some(bucket) = l.failure_bucket.as_deref()
        {
            failing_into.entry(bucket).or_default().push(i);
        }
    }
    for lake in project
        .components
        .values()
        .filter(|c| c.kind() == Kind::S3DataLake)
    {
        let failing = failing_into
            .get(lake.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let writers = writers(project, &lake.id, failing, doc);
        overlapping_writers(&lake.id, &writers, diags);
        for catalog in project.graph.outgoing(&lake.id) {
            let c = project.component(&catalog.to);
            if let Settings::GlueCatalog(g) = &c.settings {
                for (name, table) in &g.tables {
                    table_against_writers(doc, &lake.id, c, name, table, &writers, diags);
                }
            }
        }
    }
}

/// Two components writing into one prefix, or one inside the other's, is an error at the later.
fn overlapping_writers(lake: &ComponentId, writers: &[Writer], diags: &mut Vec<Diagnostic>) {
    for (i, b) in writers.iter().enumerate() {
        let Some(a) = writers[..i].iter().find(|a| {
            a.id != b.id && (a.prefix.starts_with(&b.prefix) || b.prefix.starts_with(&a.prefix))
        }) else {
            continue;
        };
        let (first, second) = if a.at.start <= b.at.start {
            (a, b)
        } else {
            (b, a)
        };
        diags.push(
            Diagnostic::new(
                "overlapping-writers",
                format!(
                    "{} `{}` writes its {} under `{}`, which overlaps `{}`, where {} `{}` writes \
                     its {} (lake `{lake}`)",
                    second.kind,
                    second.id,
                    second.role,
                    second.prefix,
                    first.prefix,
                    first.kind,
                    first.id,
                    first.role
                ),
            )
            .with_label(second.at.clone(), "overlaps another writer's prefix")
            .with_related(first.at.clone(), format!("`{}` writes here", first.id))
            .with_help(
                "give each writer a prefix of its own: a table, crawler or lifecycle rule over \
                 one would also take the other's objects",
            ),
        );
    }
}

fn table_against_writers(
    doc: &Document,
    lake: &ComponentId,
    catalog: &Component,
    name: &str,
    table: &spec::GlueTable,
    writers: &[Writer],
    diags: &mut Vec<Diagnostic>,
) {
    let readable: Vec<&Writer> = writers.iter().filter(|w| w.layout.is_some()).collect();
    // A lake that nothing in the spec writes is filled from outside: nothing to check against.
    if readable.is_empty() {
        return;
    }
    let tptr = format!("{}/tables/{}", catalog.pointer, pointer_segment(name));
    let table_at = |field: &str| {
        let p = format!("{tptr}/{field}");
        if doc.span(&p).is_some() {
            doc.value_span(&p)
        } else {
            doc.key_span(&tptr)
        }
    };
    let Some(writer) = readable.iter().find(|w| w.prefix == table.prefix) else {
        let closest = readable
            .iter()
            .min_by_key(|w| strsim::levenshtein(&w.prefix, &table.prefix))
            .expect("at least one writer");
        let written: Vec<String> = readable
            .iter()
            .map(|w| format!("`{}` ({} `{}`)", w.prefix, w.kind, w.id))
            .collect();
        let mut d = Diagnostic::new(
            "table-without-writer",
            format!(
                "table `{name}` reads `{}` in lake `{lake}`, where nothing writes",
                table.prefix
            ),
        )
        .with_label(table_at("prefix"), "no writer writes here")
        .with_related(
            closest.at.clone(),
            format!("`{}` writes under `{}`", closest.id, closest.prefix),
        );
        d = d.with_help(format!(
            "Athena would read nothing; `{lake}` is written under {}",
            written.join(", ")
        ));
        diags.push(d);
        return;
    };
    let layout = writer
        .layout
        .as_ref()
        .expect("readable writers have a layout");
    if layout.partitioning != table.partitioning {
        diags.push(
            Diagnostic::new(
                "table-partitioning",
                format!(
                    "table `{name}` expects `{}` partitions under `{}`, but {} `{}` writes `{}`",
                    partitioning_name(table.partitioning),
                    table.prefix,
                    writer.kind,
                    writer.id,
                    partitioning_name(layout.partitioning)
                ),
            )
            .with_label(table_at("partitioning"), "the table's partitions")
            .with_related(layout.partitioning_at.clone(), "what the writer writes")
            .with_help(format!(
                "set `partitioning: {}` on the table, so its partition keys match the object keys",
                partitioning_name(layout.partitioning)
            )),
        );
    }
    if layout.format != table.format {
        diags.push(
            Diagnostic::new(
                "table-format",
                format!(
                    "table `{name}` reads `{}`, but {} `{}` writes `{}` under `{}`",
                    format_name(table.format),
                    writer.kind,
                    writer.id,
                    format_name(layout.format),
                    table.prefix
                ),
            )
            .with_label(table_at("format"), "the table's format")
            .with_related(layout.format_at.clone(), "what the writer writes")
            .with_help(format!(
                "set `format: {}` on the table{}",
                format_name(layout.format),
                if writer.kind == Kind::Firehose {
                    " (Firehose writes records as they are sent: JSON lines)"
                } else {
                    ", or declare what the function writes with `output_format`"
                }
            )),
        );
    }
    if layout.compression == Compression::Zip {
        diags.push(
            Diagnostic::new(
                "unreadable-compression",
                format!(
                    "{} `{}` writes ZIP under `{}`, which Athena cannot read for table `{name}`",
                    writer.kind, writer.id, writer.prefix
                ),
            )
            .with_label(layout.compression_at.clone(), "Athena does not read ZIP")
            .with_related(table_at("prefix"), "read by this table")
            .with_help("use `compression: gzip` (or snappy, hadoop_snappy, uncompressed)"),
        );
    }
}
