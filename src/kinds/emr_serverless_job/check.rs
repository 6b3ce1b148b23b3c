//! Checks and AWS names of an EMR Serverless job: its script, what it reads and writes, its
//! arguments and Spark properties, and its capacity limits.

use super::{EmrServerlessJob, GLUE_METASTORE, MEMORY_PER_VCPU_GB, log_group};
use crate::diagnostic::Diagnostic;
use crate::kinds::script::{self, Script};
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::jobs::{self, Job, PIPELINEC};
use crate::semantic::{BucketFor, Cx, KindRules, Read, Startable, Usage, Use, Writer, error};

/// What the messages call it.
const WHAT: &str = "EMR Serverless job";

/// EMR Serverless application names (1 to 64 characters; API reference, `CreateApplication`),
/// kept to letters, digits, `_`, `.` and `-`.
const APPLICATION_NAME: Rule = Rule::new(64, Charset::WordDotDash);

/// CloudWatch log group names.
const LOG_GROUP: Rule = Rule::new(512, Charset::Printable);

const OUTSIDE: &str = "loads code outside the job's grants";

/// Spark properties a spec may not set, each with its label and why: those that would load
/// code the role may not read (or fetch it from the internet, which the application cannot
/// reach), and the metastore client pipelinec sets for a catalog input.
const RESERVED_PROPERTIES: [(&str, &str, &str); 6] = [
    (
        "spark.jars",
        OUTSIDE,
        "the job's role reads only its own script in its assets bucket",
    ),
    (
        "spark.jars.packages",
        OUTSIDE,
        "the application has no network access to fetch packages; put the code in the script",
    ),
    (
        "spark.submit.pyFiles",
        OUTSIDE,
        "the job's role reads only its own script; put helper code in the script",
    ),
    (
        "spark.files",
        OUTSIDE,
        "the job's role reads only its own script in its assets bucket",
    ),
    (
        "spark.archives",
        OUTSIDE,
        "the job's role reads only its own script in its assets bucket",
    ),
    (
        GLUE_METASTORE.0,
        PIPELINEC,
        "pipelinec makes the Glue Data Catalog the metastore when the job reads a `glue_catalog`",
    ),
];

impl KindRules for EmrServerlessJob {
    /// A schedule starts a job run with the module's StartJobRun request.
    fn startable(&self, _cx: &Cx<'_>) -> Option<Startable> {
        Some(Startable::default())
    }

    /// Failed job runs of its application, from EMR Serverless's job metrics
    /// (`AWS/EMRServerless`, `FailedJobs` by `ApplicationId`: EMR Serverless user guide,
    /// "Monitoring EMR Serverless applications and jobs"), and the runs that succeeded.
    fn monitors(&self, _project: &Project, c: &Component) -> Vec<Monitor> {
        let app = || vec![("ApplicationId", Dim::of(c.id.as_str(), "application_id"))];
        vec![
            Monitor::new(
                "failed_runs",
                "failed job runs",
                ("AWS/EMRServerless", "FailedJobs"),
                app(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "A run of the job failed: its output may be missing or partial; the driver's log in the job's log group says why.",
            )),
            Monitor::new(
                "succeeded_runs",
                "succeeded job runs",
                ("AWS/EMRServerless", "SuccessJobs"),
                app(),
                Statistic::Sum,
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
        jobs::check_arguments(cx, &job, self.arguments.keys(), &[], out);
        self.check_spark_properties(cx, out);
        self.check_capacity(cx, out);
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new("EMR Serverless application", base.clone(), APPLICATION_NAME),
            AwsName::new("IAM role", base.clone(), naming::IAM_ROLE),
            AwsName::bucket(naming::bucket_stem(project, id, "assets")),
            AwsName::new("CloudWatch log group", log_group(&base), LOG_GROUP),
        ]
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

impl EmrServerlessJob {
    /// The job as the shared checks of `semantic::jobs` see it.
    pub fn job(&self, id: &ComponentId) -> Job<'_> {
        Job {
            what: WHAT,
            input_prefix: self.input_prefix.as_deref(),
            output_prefix: self.output_prefix(id),
        }
    }

    /// No Spark property loads code from elsewhere or replaces the metastore pipelinec sets.
    fn check_spark_properties(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for key in self.spark_properties.keys() {
            if let Some((_, label, why)) = RESERVED_PROPERTIES.iter().find(|(k, _, _)| k == key) {
                out.push(error(
                    "reserved-spark-property",
                    format!(
                        "{WHAT} `{}` may not set the Spark property `{key}`",
                        cx.c.id
                    ),
                    cx.doc.key_span(&cx.entry_ptr("spark_properties", key)),
                    label,
                    &format!("remove it: {why}"),
                ));
            }
        }
    }

    /// The memory limit fits the vCPU limit: EMR Serverless workers have 2 to 8 GB per vCPU,
    /// so memory beyond 8 GB per vCPU is never used, and below 2 GB per vCPU the vCPUs are not.
    fn check_capacity(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (least, most) = MEMORY_PER_VCPU_GB;
        let (cpu, mem) = (self.max_vcpu, self.max_memory_gb);
        let (low, high) = (cpu.saturating_mul(least), cpu.saturating_mul(most));
        if (low..=high).contains(&mem) {
            return;
        }
        let (label, unused) = if mem < low {
            ("too little memory for `max_vcpu`", "vCPUs")
        } else {
            ("more memory than `max_vcpu` can use", "memory")
        };
        let mut d = error(
            "emr-capacity",
            format!(
                "{WHAT} `{}` may use {mem} GB of memory with {cpu} vCPUs; EMR Serverless \
                 workers have {least} to {most} GB per vCPU, so some {unused} could never be \
                 used",
                cx.c.id
            ),
            // The limit the spec sets (the other one is its default).
            cx.value_at(if cx.is_set("max_memory_gb") {
                "max_memory_gb"
            } else {
                "max_vcpu"
            }),
            label,
            &format!(
                "set `max_memory_gb` between {low} and {high}, or change `max_vcpu` (its \
                 default is 16)"
            ),
        );
        if cx.is_set("max_vcpu") && cx.is_set("max_memory_gb") {
            d = d.with_related(cx.value_at("max_vcpu"), "the vCPU limit");
        }
        out.push(d);
    }
}

/// The job's script, to resolve against the spec's folder.
pub fn script<'a>(project: &'a Project, c: &'a Component, job: &'a EmrServerlessJob) -> Script<'a> {
    Script {
        what: WHAT,
        id: c.id.as_str(),
        path: &job.script,
        base_dir: &project.base_dir,
    }
}
