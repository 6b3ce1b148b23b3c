//! What the batch job kinds (a Glue job, an EMR Serverless job) share: a job reads lake prefixes
//! or a catalog's tables, writes under one output prefix of the lakes that list it, and is told
//! where with arguments pipelinec passes it. The checks of those three things, and the
//! arguments, live here once; each kind names itself (`glue job`) in the messages.

use super::{Cx, error, rules};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::model::{Component, Project};

/// One job, as the shared checks see it.
pub struct Job<'a> {
    /// What it is, for messages: `glue job`, `EMR Serverless job`.
    pub what: &'static str,
    pub input_prefix: Option<&'a str>,
    /// The prefix it writes under in the lakes it feeds (its default already applied).
    pub output_prefix: String,
}

/// The settings that describe what a job writes into a lake.
const OUTPUT_SETTINGS: [&str; 4] = [
    "output_prefix",
    "output_format",
    "output_compression",
    "output_partitioning",
];

/// The label of an argument key pipelinec sets.
pub const PIPELINEC: &str = "set by pipelinec";

/// It reads something; a lake it reads needs `input_prefix`, which is only for lakes.
pub fn check_inputs(cx: &Cx<'_>, job: &Job<'_>, out: &mut Vec<Diagnostic>) {
    let (id, what) = (&cx.c.id, job.what);
    if cx.c.settings.inputs().is_empty() {
        out.push(error(
            "job-inputs",
            format!("{what} `{id}` reads nothing: it has no `inputs`"),
            cx.component_at(),
            "no inputs",
            "list the `s3_data_lake` or `glue_catalog` it reads under `inputs`",
        ));
    }
    // The edge table admits lakes and catalogs as inputs; lakes are the ones holding objects.
    let lakes: Vec<_> = cx
        .project
        .graph
        .incoming(id)
        .filter(|e| rules(&cx.project.component(&e.from).settings).holds_objects())
        .collect();
    match (job.input_prefix, lakes.first()) {
        (None, Some(lake)) => out.push(error(
            "job-input-prefix",
            format!(
                "{what} `{id}` reads lake `{}` but names no `input_prefix`",
                lake.from
            ),
            cx.doc.value_span(&lake.pointer),
            "which prefix?",
            "set `input_prefix` to the prefix the job reads (its role may list and read \
             there only), or read the lake's tables through a `glue_catalog` input",
        )),
        (Some(_), None) if !cx.unresolved_inputs() => out.push(
            Diagnostic::warning(
                "unused-setting",
                format!(
                    "`input_prefix` of {what} `{id}` has no effect: none of its inputs is an \
                     `s3_data_lake`"
                ),
            )
            .with_label(cx.value_at("input_prefix"), "not used")
            .with_help(
                "add the lake it reads to `inputs`, or remove `input_prefix` (a catalog's \
                 tables say where their data is)",
            ),
        ),
        _ => {}
    }
}

/// It writes into a lake of the spec: a job without an output can only fail (its role may
/// write nowhere) and still bill every run.
pub fn check_output(cx: &Cx<'_>, job: &Job<'_>, out: &mut Vec<Diagnostic>) {
    let (id, what) = (&cx.c.id, job.what);
    if writes_objects(cx.project, cx.c) {
        return;
    }
    let set: Vec<&str> = OUTPUT_SETTINGS
        .into_iter()
        .filter(|f| cx.is_set(f))
        .collect();
    let at = match set.first() {
        Some(field) => cx.value_at(field),
        None => cx.component_at(),
    };
    out.push(error(
        "job-without-output",
        format!("{what} `{id}` writes nowhere: no `s3_data_lake` lists `{id}` as an input"),
        at,
        "writes nowhere",
        &format!(
            "add `{id}` to `inputs` of the lake it writes to (which grants it the write under \
             `output_prefix`)"
        ),
    ));
}

/// The spec's `arguments` keys are neither in `reserved` (key, label, why) nor among those
/// pipelinec passes about inputs and outputs.
pub fn check_arguments<'k>(
    cx: &Cx<'_>,
    job: &Job<'_>,
    keys: impl Iterator<Item = &'k String>,
    reserved: &[(&str, &'static str, &str)],
    out: &mut Vec<Diagnostic>,
) {
    let injected = arguments(cx.project, cx.c, job);
    for key in keys {
        let at = cx.doc.key_span(&cx.entry_ptr("arguments", key));
        let reason = if let Some((_, label, why)) = reserved.iter().find(|(k, _, _)| k == key) {
            Some((*label, why.to_string()))
        } else if injected.iter().any(|(k, _)| k == key) {
            Some((
                PIPELINEC,
                "pipelinec passes the job where it reads and writes: `--<LAKE>_BUCKET`, \
                 `--<LAKE>_INPUT_PREFIX`, `--<CATALOG>_DATABASE` and `--<SINK>_PREFIX`"
                    .to_string(),
            ))
        } else {
            None
        };
        if let Some((label, why)) = reason {
            out.push(error(
                "reserved-argument",
                format!(
                    "{} `{}` may not set the argument `{key}`",
                    job.what, cx.c.id
                ),
                at,
                label,
                &format!("remove it: {why}"),
            ));
        }
    }
}

/// Whether the job writes objects into a bucket of the spec (an edge of `write` access).
pub fn writes_objects(project: &Project, c: &Component) -> bool {
    project
        .graph
        .outgoing(&c.id)
        .any(|e| e.access == Access::Write)
}

/// The arguments pipelinec passes the script about its inputs and outputs, as HCL
/// expressions: for a lake input `L`, `--L_BUCKET` and `--L_INPUT_PREFIX`; for a catalog input
/// `C`, `--C_DATABASE`; for a lake `S` it writes into, `--S_BUCKET` and `--S_PREFIX`. A lake
/// both read and written gets its `--L_BUCKET` once.
pub fn arguments(project: &Project, c: &Component, job: &Job<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |k: String, v: String| {
        if !out.iter().any(|(seen, _)| *seen == k) {
            out.push((k, v));
        }
    };
    for e in project.graph.incoming(&c.id) {
        let from = e.from.upper();
        // The edge table admits lakes and catalogs as inputs; lakes are the ones holding objects.
        if rules(&project.component(&e.from).settings).holds_objects() {
            add(
                format!("--{from}_BUCKET"),
                format!("module.{}.bucket", e.from),
            );
            if let Some(p) = job.input_prefix {
                add(format!("--{from}_INPUT_PREFIX"), crate::hcl::quote(p));
            }
        } else {
            add(
                format!("--{from}_DATABASE"),
                format!("module.{}.database", e.from),
            );
        }
    }
    for e in project.graph.outgoing(&c.id) {
        if e.access != Access::Write {
            continue;
        }
        let to = e.to.upper();
        add(format!("--{to}_BUCKET"), format!("module.{}.bucket", e.to));
        add(
            format!("--{to}_PREFIX"),
            crate::hcl::quote(&job.output_prefix),
        );
    }
    out
}
