//! Checks and AWS names of a Glue job: its script, what it reads and writes, its arguments,
//! workers and schedule.

use super::package::{self, Script};
use super::{GlueJob, LOG_GROUPS, log_group_prefix};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{
    BucketFor, Cx, KindRules, Read, Startable, Usage, Use, Writer, error, rules,
};

/// Glue job and trigger names (1 to 255 characters, one line).
const JOB_NAME: Rule = Rule {
    max_len: 255,
    charset: Charset::Printable,
};

/// CloudWatch log group names.
const LOG_GROUP: Rule = Rule {
    max_len: 512,
    charset: Charset::Printable,
};

const GLUE: &str = "reserved by Glue";
const PIPELINEC: &str = "set by pipelinec";
const OUTSIDE: &str = "reads outside the job's grants";

/// Argument keys a spec may not set, each with its label and why: those Glue uses internally
/// and documents as never to be set ("AWS Glue job parameters"), those pipelinec sets, and
/// those that would point the job at code its role may not read.
const RESERVED: [(&str, &str, &str); 15] = [
    ("--conf", GLUE, "Glue uses it internally"),
    ("--debug", GLUE, "Glue uses it internally"),
    ("--mode", GLUE, "Glue uses it internally"),
    (
        "--JOB_NAME",
        GLUE,
        "Glue sets it to the job's name on every run",
    ),
    ("--job-language", PIPELINEC, "the script is Python"),
    (
        "--job-bookmark-option",
        PIPELINEC,
        "it follows `job_bookmarks`",
    ),
    (
        "--TempDir",
        PIPELINEC,
        "it is the `temporary/` prefix of the job's assets bucket, the only one its role may use",
    ),
    (
        "--enable-metrics",
        PIPELINEC,
        "pipelinec turns job metrics on",
    ),
    (
        "--custom-logGroup-prefix",
        PIPELINEC,
        "the job logs into the groups pipelinec creates with `log_retention_days`",
    ),
    (
        "--continuous-log-logGroup",
        PIPELINEC,
        "the job logs into the groups pipelinec creates with `log_retention_days`",
    ),
    (
        "--scriptLocation",
        PIPELINEC,
        "the script is the reviewed `script` file pipelinec uploads",
    ),
    (
        "--extra-py-files",
        OUTSIDE,
        "the job's role reads only its own script; put helper code in the script",
    ),
    (
        "--extra-jars",
        OUTSIDE,
        "the job's role reads only its own script in its assets bucket",
    ),
    (
        "--extra-files",
        OUTSIDE,
        "the job's role reads only its own script in its assets bucket",
    ),
    (
        "--class",
        PIPELINEC,
        "the script is Python; `--class` names a Scala entry point",
    ),
];

/// The settings that describe what the job writes into a lake.
const OUTPUT_SETTINGS: [&str; 4] = [
    "output_prefix",
    "output_format",
    "output_compression",
    "output_partitioning",
];

impl KindRules for GlueJob {
    /// A schedule starts a job run, with the job's own arguments.
    fn startable(&self, _cx: &Cx<'_>) -> Option<Startable> {
        Some(Startable::default())
    }

    /// Failed and completed Spark tasks and the run time, from the job metrics the module turns
    /// on (`--enable-metrics`), over all runs (`JobRunId = ALL`):
    /// <https://docs.aws.amazon.com/glue/latest/dg/monitoring-awsglue-with-cloudwatch-metrics.html>.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let job = |ty: &'static str| {
            vec![
                ("JobName", Dim::of(c.id.as_str(), "job_name")),
                ("JobRunId", Dim::Fixed("ALL")),
                ("Type", Dim::Fixed(ty)),
            ]
        };
        vec![
            Monitor::new(
                "failed_tasks",
                "failed tasks",
                ("Glue", "glue.driver.aggregate.numFailedTasks"),
                job("count"),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "Tasks of the job failed: a run may have failed or written partial output.",
            )),
            Monitor::new(
                "completed_tasks",
                "completed tasks",
                ("Glue", "glue.driver.aggregate.numCompletedTasks"),
                job("count"),
                Statistic::Sum,
            ),
            Monitor::new(
                "elapsed_time",
                "run time (ms)",
                ("Glue", "glue.driver.aggregate.elapsedTime"),
                job("gauge"),
                Statistic::Maximum,
            ),
        ]
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        if let Err(p) = package::resolve(&script(cx.project, cx.c, self)) {
            out.push(p.at(cx.value_at("script")));
        }
        self.check_inputs(cx, out);
        self.check_output(cx, out);
        self.check_arguments(cx, out);
        if let Some(max) = self.worker_type.max_workers()
            && self.number_of_workers > max
        {
            out.push(error(
                "too-many-workers",
                format!(
                    "glue job `{}` asks for {} `{}` workers; Glue allows at most {max}",
                    cx.c.id,
                    self.number_of_workers,
                    self.worker_type.as_str()
                ),
                cx.value_at("number_of_workers"),
                "more than Glue allows",
                &format!(
                    "use at most {max} workers, or a larger `worker_type` (fewer, bigger workers)"
                ),
            ));
        }
        if let Some(schedule) = &self.schedule
            && let Err(e) = crate::schedule::parse(schedule, crate::schedule::Accepts::Cron)
        {
            out.push(error(
                "invalid-schedule",
                format!("the job schedule `{schedule}` is invalid: {}", e.why),
                cx.value_at("schedule"),
                "not a Glue schedule",
                &format!(
                    "e.g. `{}` runs at minute 0 of every hour",
                    crate::schedule::CRON_EXAMPLE
                ),
            ));
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut out = vec![
            AwsName::new("Glue job", base.clone(), JOB_NAME),
            AwsName::new("IAM role", base.clone(), naming::IAM_ROLE),
            AwsName::bucket(naming::bucket_stem(project, id, "assets")),
        ];
        for group in LOG_GROUPS {
            out.push(AwsName::new(
                "CloudWatch log group",
                format!("{}/{group}", log_group_prefix(&base)),
                LOG_GROUP,
            ));
        }
        if self.schedule.is_some() {
            out.push(AwsName::new("Glue trigger", base, JOB_NAME));
        }
        out
    }

    fn kept_fields(&self) -> &'static [&'static str] {
        &["script"]
    }

    fn writes(&self, cx: &Cx<'_>, _bucket: &ComponentId, feeds: bool) -> Vec<Writer> {
        if !feeds {
            return Vec::new();
        }
        vec![Writer::declared_output(
            cx,
            self.output_prefix(&cx.c.id),
            self.output_partitioning,
            self.output_format,
            self.output_compression,
            ", or declare what the script writes with `output_format`",
        )]
    }

    fn reads(&self, cx: &Cx<'_>, _bucket: &ComponentId) -> Vec<Read> {
        self.input_prefix
            .iter()
            .map(|p| Read {
                prefix: p.clone(),
                at: cx.value_at("input_prefix"),
            })
            .collect()
    }

    fn usage(&self) -> Vec<Use> {
        vec![Use::one(Usage::Buckets(BucketFor::JobAssets))]
    }
}

impl GlueJob {
    /// It reads something; a lake it reads needs `input_prefix`, which is only for lakes.
    fn check_inputs(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        if self.inputs.is_empty() {
            out.push(error(
                "job-inputs",
                format!("glue job `{id}` reads nothing: it has no `inputs`"),
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
        match (&self.input_prefix, lakes.first()) {
            (None, Some(lake)) => out.push(error(
                "job-input-prefix",
                format!(
                    "glue job `{id}` reads lake `{}` but names no `input_prefix`",
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
                        "`input_prefix` of glue job `{id}` has no effect: none of its inputs is \
                         an `s3_data_lake`"
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

    /// It writes into a lake of the spec: an ETL job without an output can only fail (its role
    /// may write nowhere) and still bill every run.
    fn check_output(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
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
            format!("glue job `{id}` writes nowhere: no `s3_data_lake` lists `{id}` as an input"),
            at,
            "writes nowhere",
            &format!(
                "add `{id}` to `inputs` of the lake it writes to (which grants it the write under \
                 `output_prefix`)"
            ),
        ));
    }

    /// Argument keys are not Glue's internal ones, nor ones pipelinec sets.
    fn check_arguments(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let injected = injected_arguments(cx.project, cx.c, self);
        for key in self.arguments.keys() {
            let at = cx.doc.key_span(&cx.entry_ptr("arguments", key));
            let reason = if let Some((_, label, why)) = RESERVED.iter().find(|(k, _, _)| k == key) {
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
                    format!("glue job `{id}` may not set the argument `{key}`"),
                    at,
                    label,
                    &format!("remove it: {why}"),
                ));
            }
        }
    }
}

/// The job's script, to resolve against the spec's folder.
pub fn script<'a>(project: &'a Project, c: &'a Component, job: &'a GlueJob) -> Script<'a> {
    Script {
        id: c.id.as_str(),
        path: &job.script,
        base_dir: &project.base_dir,
    }
}

/// Whether the job writes objects into a bucket of the spec (an edge of `write` access).
fn writes_objects(project: &Project, c: &Component) -> bool {
    project
        .graph
        .outgoing(&c.id)
        .any(|e| e.access == Access::Write)
}

/// The arguments pipelinec passes the script about its inputs and outputs, as HCL
/// expressions: for a lake input `L`, `--L_BUCKET` and `--L_INPUT_PREFIX`; for a catalog input
/// `C`, `--C_DATABASE`; for a lake `S` it writes into, `--S_BUCKET` and `--S_PREFIX`. A lake
/// both read and written gets its `--L_BUCKET` once.
pub fn injected_arguments(
    project: &Project,
    c: &Component,
    job: &GlueJob,
) -> Vec<(String, String)> {
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
            if let Some(p) = &job.input_prefix {
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
            crate::hcl::quote(&job.output_prefix(&c.id)),
        );
    }
    out
}
