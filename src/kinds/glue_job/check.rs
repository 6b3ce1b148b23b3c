//! Checks and AWS names of a Glue job: its script, what it reads and writes, its arguments,
//! workers and schedule.

use super::{GlueJob, LOG_GROUPS, log_group_prefix};
use crate::diagnostic::Diagnostic;
use crate::kinds::script::{self, Script};
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::jobs::{self, Job, PIPELINEC};
use crate::semantic::{BucketFor, Cx, KindRules, Read, Startable, Usage, Use, Writer, error};

/// What the messages call it.
const WHAT: &str = "glue job";

/// Glue job and trigger names (1 to 255 characters, one line).
const JOB_NAME: Rule = Rule::new(255, Charset::Printable);

/// CloudWatch log group names.
const LOG_GROUP: Rule = Rule::new(512, Charset::Printable);

const GLUE: &str = "reserved by Glue";
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
        if let Err(p) = script::resolve(&script(cx.project, cx.c, self)) {
            out.push(p.at(cx.value_at("script")));
        }
        let job = self.job(&cx.c.id);
        jobs::check_inputs(cx, &job, out);
        jobs::check_output(cx, &job, out);
        jobs::check_arguments(cx, &job, self.arguments.keys(), &RESERVED, out);
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
    /// The job as the shared checks of `semantic::jobs` see it.
    pub fn job(&self, id: &ComponentId) -> Job<'_> {
        Job {
            what: WHAT,
            input_prefix: self.input_prefix.as_deref(),
            output_prefix: self.output_prefix(id),
        }
    }
}

/// The job's script, to resolve against the spec's folder.
pub fn script<'a>(project: &'a Project, c: &'a Component, job: &'a GlueJob) -> Script<'a> {
    Script {
        what: WHAT,
        id: c.id.as_str(),
        path: &job.script,
        base_dir: &project.base_dir,
    }
}
