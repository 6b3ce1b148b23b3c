//! Writers and readers of a data lake, checked against each other at compile time.
//!
//! Terraform applies a Glue table over a prefix that nobody writes, or two writers into one
//! folder, without a word; Athena then reads nothing, or the wrong data. Here every catalog
//! table is matched with the writer of its prefix (a Firehose's `prefix`, a Lambda's or a Glue
//! job's `output_prefix`) and must agree with it on partitions, format and compression; no two
//! components write into overlapping prefixes of one lake; and no component reads, directly
//! or through others, a prefix it writes (a Glue job reading `raw/` and writing `raw/clean/`
//! would read its own output on every run). Every diagnostic points at both places in the spec.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::ops::Range;

use super::{Cx, rules};
use crate::diagnostic::Diagnostic;
use crate::kinds::Kind;
use crate::kinds::fields::{Compression, Partitioning, TableFormat};
use crate::model::{ComponentId, Project};
use crate::source::Document;

/// The layout of the objects a writer puts under its prefix.
#[derive(Debug, Clone)]
pub struct Layout {
    pub partitioning: Partitioning,
    pub partitioning_at: Range<usize>,
    pub format: TableFormat,
    pub format_at: Range<usize>,
    /// How to change what the writer writes, for a table that expects another format.
    pub format_help: &'static str,
    pub compression: Compression,
    pub compression_at: Range<usize>,
}

/// One prefix a component writes into a bucket.
#[derive(Debug, Clone)]
pub struct Writer {
    pub id: ComponentId,
    pub kind: Kind,
    /// What it writes there: "records", "delivery errors", "output", "failed batches".
    pub role: &'static str,
    pub prefix: String,
    pub at: Range<usize>,
    /// The data layout, for prefixes a table may read (not errors or failed batches).
    pub layout: Option<Layout>,
}

impl Writer {
    /// The output a compute kind declares with `output_prefix`, `output_format`,
    /// `output_compression` and `output_partitioning`; `format_help` says how to change it.
    pub fn declared_output(
        cx: &Cx<'_>,
        prefix: String,
        partitioning: Partitioning,
        format: TableFormat,
        compression: Compression,
        format_help: &'static str,
    ) -> Writer {
        Writer {
            id: cx.c.id.clone(),
            kind: cx.c.kind(),
            role: "output",
            prefix,
            at: cx.field_at("output_prefix"),
            layout: Some(Layout {
                partitioning,
                partitioning_at: cx.field_at("output_partitioning"),
                format,
                format_at: cx.field_at("output_format"),
                format_help,
                compression,
                compression_at: cx.field_at("output_compression"),
            }),
        }
    }
}

/// One prefix a component reads directly from a bucket it takes as an input.
#[derive(Debug, Clone)]
pub struct Read {
    pub prefix: String,
    /// Where the spec sets the prefix.
    pub at: Range<usize>,
}

/// One table over a prefix of a bucket, as its reader declares it.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub prefix: String,
    pub partitioning: Partitioning,
    pub format: TableFormat,
    /// The table's entry in the spec, for its fields' spans.
    pub pointer: String,
}

/// Every prefix written into `bucket`, by the components that feed it or send it their
/// failures (`failing_into`: indices of the latter), in spec order. Only those components are
/// looked at, so the check costs what the bucket's writers cost.
fn writers(
    project: &Project,
    bucket: &ComponentId,
    failing_into: &[usize],
    doc: &Document,
) -> Vec<Writer> {
    let mut feeding: Vec<usize> = project
        .graph
        .incoming(bucket)
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
        let cx = Cx { project, c, doc };
        out.extend(rules(&c.settings).writes(&cx, bucket, feeds));
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

/// Checks every bucket's writers against each other and against the tables over it.
pub fn check(project: &Project, doc: &Document, diags: &mut Vec<Diagnostic>) {
    // Components whose failures go to a bucket of the spec, by that bucket.
    let mut failing_into: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in project.components.values().enumerate() {
        if let Some(bucket) = rules(&c.settings).failure_bucket() {
            failing_into.entry(bucket).or_default().push(i);
        }
    }
    let mut flows: Vec<Flow> = Vec::new();
    for bucket in project
        .components
        .values()
        .filter(|c| rules(&c.settings).holds_objects())
    {
        let failing = failing_into
            .get(bucket.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let writers = writers(project, &bucket.id, failing, doc);
        overlapping_writers(&bucket.id, &writers, diags);
        let bucket_cx = Cx {
            project,
            c: bucket,
            doc,
        };
        for (prefix, pointer) in rules(&bucket.settings).lifecycle_prefixes(&bucket_cx) {
            retention_against_writers(doc, &bucket.id, &prefix, &pointer, &writers, diags);
        }
        // An existing bucket is written from outside the spec too: a table may read what
        // its owner's writers write there.
        let outside = rules(&bucket.settings).existing().is_some();
        for reader in project.graph.outgoing(&bucket.id) {
            let c = project.component(&reader.to);
            let cx = Cx { project, c, doc };
            for table in rules(&c.settings).tables(&cx) {
                table_against_writers(doc, &bucket.id, &table, &writers, outside, diags);
            }
            for read in rules(&c.settings).reads(&cx, &bucket.id) {
                for w in writers.iter().filter(|w| overlap(&w.prefix, &read.prefix)) {
                    flows.push(Flow {
                        lake: bucket.id.clone(),
                        writer: w.clone(),
                        reader: c.id.clone(),
                        read: read.clone(),
                    });
                }
            }
        }
    }
    prefix_cycles(project, &flows, diags);
}

/// Whether one prefix holds the other (or they are equal).
fn overlap(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Data going from a writer's prefix to a reader of an overlapping prefix, in one lake.
struct Flow {
    lake: ComponentId,
    writer: Writer,
    reader: ComponentId,
    read: Read,
}

/// A cycle of flows through lake prefixes: each component in it would read what it wrote (or
/// what it made another write) on every run. An error at the read that closes it.
fn prefix_cycles(project: &Project, flows: &[Flow], diags: &mut Vec<Diagnostic>) {
    let pairs: Vec<(&ComponentId, &ComponentId)> =
        flows.iter().map(|f| (&f.writer.id, &f.reader)).collect();
    for cycle in crate::graph::cycles(project.components.keys(), &pairs) {
        let last = cycle.last().expect("cycles are non-empty");
        let Some(f) = flows
            .iter()
            .find(|f| &f.writer.id == last && f.reader == cycle[0])
        else {
            continue;
        };
        let w = &f.writer;
        let d = if cycle.len() == 1 {
            Diagnostic::new(
                "reads-own-output",
                format!(
                    "{} `{}` reads `{}` in lake `{}`, where it writes its {} under `{}`: every run \
                     would read what the runs before it wrote",
                    w.kind, w.id, f.read.prefix, f.lake, w.role, w.prefix
                ),
            )
            .with_label(f.read.at.clone(), "reads its own output")
            .with_related(w.at.clone(), "written here")
            .with_help("give the output a prefix outside the one it reads, e.g. beside it")
        } else {
            let mut path: Vec<&str> = cycle.iter().map(ComponentId::as_str).collect();
            path.push(cycle[0].as_str());
            Diagnostic::new(
                "prefix-cycle",
                format!(
                    "data flows in a cycle through lake prefixes: {} (`{}` reads `{}` in lake \
                     `{}`, where `{}` writes under `{}`)",
                    path.join(" → "),
                    f.reader,
                    f.read.prefix,
                    f.lake,
                    w.id,
                    w.prefix
                ),
            )
            .with_label(f.read.at.clone(), "this read closes the cycle")
            .with_related(w.at.clone(), format!("`{}` writes here", w.id))
            .with_help("data must flow one way: move one of these prefixes")
        };
        diags.push(d);
    }
}

/// Two components writing into one prefix, or one inside the other's, is an error at the later.
fn overlapping_writers(lake: &ComponentId, writers: &[Writer], diags: &mut Vec<Diagnostic>) {
    // The earlier writers by prefix. Every prefix ends in `/`, so a prefix of another is one
    // of its `/`-ended heads: finding an overlap costs a few lookups, not a scan of the lake's
    // writers (a lake fed by thousands of writers stays linear).
    let mut seen: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, b) in writers.iter().enumerate() {
        let other = |list: &Vec<usize>| list.iter().copied().find(|&j| writers[j].id != b.id);
        let heads = b
            .prefix
            .match_indices('/')
            .filter_map(|(at, _)| seen.get(&b.prefix[..=at]).and_then(other));
        let under = seen
            .range::<str, _>((Bound::Included(b.prefix.as_str()), Bound::Unbounded))
            .take_while(|(p, _)| p.starts_with(&b.prefix))
            .filter_map(|(_, list)| other(list));
        let first = heads.chain(under).min();
        seen.entry(&b.prefix).or_default().push(i);
        let Some(a) = first.map(|j| &writers[j]) else {
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

/// A prefix with a lifecycle of its own holds, or lies under, what a writer writes: a rule
/// over a prefix nobody writes expires nothing, and usually means a typo.
fn retention_against_writers(
    doc: &Document,
    lake: &ComponentId,
    prefix: &str,
    pointer: &str,
    writers: &[Writer],
    diags: &mut Vec<Diagnostic>,
) {
    // A lake that nothing in the spec writes is filled from outside: nothing to check against.
    if writers.is_empty() || writers.iter().any(|w| overlap(&w.prefix, prefix)) {
        return;
    }
    let closest = writers
        .iter()
        .min_by_key(|w| strsim::levenshtein(&w.prefix, prefix))
        .expect("at least one writer");
    let written: Vec<String> = writers
        .iter()
        .map(|w| format!("`{}` ({} `{}`)", w.prefix, w.kind, w.id))
        .collect();
    diags.push(
        Diagnostic::new(
            "retention-without-writer",
            format!("lake `{lake}` has a retention rule for `{prefix}`, where nothing writes"),
        )
        .with_label(doc.key_span(pointer), "no writer writes here")
        .with_related(
            closest.at.clone(),
            format!("`{}` writes under `{}`", closest.id, closest.prefix),
        )
        .with_help(format!(
            "use a prefix a writer writes: {}",
            written.join(", ")
        )),
    );
}

fn table_against_writers(
    doc: &Document,
    lake: &ComponentId,
    table: &Table,
    writers: &[Writer],
    outside: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let name = &table.name;
    let readable: Vec<&Writer> = writers.iter().filter(|w| w.layout.is_some()).collect();
    // A lake that nothing in the spec writes is filled from outside: nothing to check against.
    if readable.is_empty() {
        return;
    }
    let tptr = &table.pointer;
    let table_at = |field: &str| {
        let p = format!("{tptr}/{field}");
        if doc.span(&p).is_some() {
            doc.value_span(&p)
        } else {
            doc.key_span(tptr)
        }
    };
    let Some(writer) = readable.iter().find(|w| w.prefix == table.prefix) else {
        if outside {
            return;
        }
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
                layout.format_help
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefix lookups find, for every writer, the same earlier writer as comparing it with
    /// each earlier one would.
    #[test]
    fn overlaps_match_a_scan_of_every_earlier_writer() {
        let parts = ["a/", "b/", "a/b/", "ab/", "a/a/"];
        let mut seed = 7u64;
        for _ in 0..200 {
            let writers: Vec<Writer> = (0..12)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let depth = 1 + (seed >> 60) as usize % 3;
                    let prefix: String = (0..depth)
                        .map(|d| parts[((seed >> (8 * d)) % parts.len() as u64) as usize])
                        .collect();
                    Writer {
                        id: ComponentId::new(format!("w{}", (seed >> 40) % 5)),
                        kind: Kind::ALL[0],
                        role: "output",
                        prefix,
                        at: i * 10..i * 10 + 5,
                        layout: None,
                    }
                })
                .collect();
            let mut fast = Vec::new();
            overlapping_writers(&ComponentId::new("lake"), &writers, &mut fast);
            let slow: Vec<(usize, usize)> = writers
                .iter()
                .enumerate()
                .filter_map(|(i, b)| {
                    let a = writers[..i].iter().find(|a| {
                        a.id != b.id
                            && (a.prefix.starts_with(&b.prefix) || b.prefix.starts_with(&a.prefix))
                    })?;
                    Some((a.at.start, b.at.start))
                })
                .collect();
            let found: Vec<(usize, usize)> = fast
                .iter()
                .map(|d| (d.related[0].0.start, d.offset()))
                .collect();
            assert_eq!(found, slow);
        }
    }
}
