//! Checks and AWS names of a Flink application: its code folder, what it reads and writes, and
//! the KPUs its parallelism needs.

use super::package::{self, Code};
use super::{FlinkApplication, MAX_KPUS, log_group};
use crate::diagnostic::Diagnostic;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, ITERATOR_AGE_MS, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::jobs;
use crate::semantic::{BucketFor, Cx, KindRules, Usage, Use, Writer, error};

/// Managed Service for Apache Flink application names (1 to 128 characters of letters, digits,
/// `_`, `.` and `-`: API reference, `CreateApplication`).
const APPLICATION_NAME: Rule = Rule::new(128, Charset::WordDotDash);

/// CloudWatch log group names.
const LOG_GROUP: Rule = Rule::new(512, Charset::Printable);

impl KindRules for FlinkApplication {
    fn targets(&self) -> Vec<(String, &str)> {
        self.output_stream
            .iter()
            .map(|s| ("output_stream".into(), s.as_str()))
            .collect()
    }

    /// Metrics of "Metrics and dimensions in Managed Service for Apache Flink"
    /// (<https://docs.aws.amazon.com/managed-flink/latest/java/metrics-dimensions.html>),
    /// `AWS/KinesisAnalytics` by `Application`: `downtime` (milliseconds the job has been
    /// failing or restarting), `numberOfFailedCheckpoints` and `lastCheckpointDuration` when it
    /// checkpoints, and the Kinesis connector's `millisBehindLatest` when it reads a stream.
    fn monitors(&self, project: &Project, c: &Component) -> Vec<Monitor> {
        let app = || vec![("Application", Dim::of(c.id.as_str(), "application_name"))];
        let mut out = vec![
            Monitor::new(
                "downtime",
                "downtime (ms)",
                ("AWS/KinesisAnalytics", "downtime"),
                app(),
                Statistic::Maximum,
            )
            .alarm(Alarm::above(
                0.0,
                2,
                2,
                "The application has been failing or restarting for ten minutes: it processes nothing, and its input streams' records age towards their retention; its log group says why.",
            )),
        ];
        if project.graph.incoming(&c.id).next().is_some() {
            out.push(
                Monitor::new(
                    "millis_behind_latest",
                    "behind the streams (ms)",
                    ("AWS/KinesisAnalytics", "millisBehindLatest"),
                    app(),
                    Statistic::Maximum,
                )
                .alarm(Alarm::above(
                    ITERATOR_AGE_MS,
                    3,
                    3,
                    "The application reads records more than 15 minutes after they were written; records expire unread once the lag passes the stream's retention: raise parallelism.",
                )),
            );
        }
        if self.checkpointing {
            out.push(
                Monitor::new(
                    "failed_checkpoints",
                    "failed checkpoints",
                    ("AWS/KinesisAnalytics", "numberOfFailedCheckpoints"),
                    app(),
                    Statistic::Maximum,
                )
                .alarm(Alarm::above(
                    0.0,
                    1,
                    1,
                    "A checkpoint failed: the filesystem sink commits its files only at checkpoints, so aggregates stop reaching the lake, and a restart replays from the last good one.",
                )),
            );
            out.push(Monitor::new(
                "checkpoint_duration",
                "last checkpoint (ms)",
                ("AWS/KinesisAnalytics", "lastCheckpointDuration"),
                app(),
                Statistic::Maximum,
            ));
        }
        out
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        out.extend(package::check(&self.code(cx.project, cx.c)));
        let id = &cx.c.id;
        if cx.c.settings.inputs().is_empty() {
            out.push(error(
                "flink-inputs",
                format!("Flink application `{id}` reads nothing: it has no `inputs`"),
                cx.component_at(),
                "no inputs",
                "list the `kinesis_stream`s it reads under `inputs`",
            ));
        }
        self.check_output_stream(cx, out);
        // Managed Flink installs nothing: a PyFlink job reading or writing Kinesis without the
        // connector in its zip deploys, then fails at start.
        let uses_kinesis = !cx.c.settings.inputs().is_empty() || self.output_stream.is_some();
        if self.start_application && self.jarfile.is_none() && uses_kinesis {
            out.push(
                Diagnostic::warning(
                    "flink-connector-missing",
                    format!(
                        "Flink application `{id}` reads or writes Kinesis but ships no connector \
                         JAR: it deploys, then fails when it starts"
                    ),
                )
                .with_label(cx.component_at(), "no `jarfile`")
                .with_help(
                    "put a JAR with `flink-sql-connector-kinesis` in the code folder and name it \
                     in `jarfile`, or set `start_application: false` until it is there",
                ),
            );
        }
        if !jobs::writes_objects(cx.project, cx.c) && self.output_stream.is_none() {
            out.push(error(
                "flink-without-output",
                format!(
                    "Flink application `{id}` writes nowhere: it names no `output_stream` and no \
                     `s3_data_lake` lists `{id}` as an input"
                ),
                cx.component_at(),
                "writes nowhere",
                &format!(
                    "add `{id}` to `inputs` of the lake it writes to, or name the \
                     `kinesis_stream` it writes into as `output_stream`"
                ),
            ));
        }
        if self.kpus() > MAX_KPUS {
            out.push(
                error(
                    "flink-kpus",
                    format!(
                        "Flink application `{id}` needs {} KPUs for parallelism {} at {} per \
                         KPU; an application may use {MAX_KPUS}",
                        self.kpus(),
                        self.parallelism,
                        self.parallelism_per_kpu
                    ),
                    cx.value_at("parallelism"),
                    "more KPUs than the quota",
                    &format!(
                        "lower `parallelism` to {} or less, raise `parallelism_per_kpu`, or ask \
                         AWS for a higher \"KPUs per application\" quota first",
                        MAX_KPUS * self.parallelism_per_kpu
                    ),
                )
                .with_related(cx.value_at("parallelism_per_kpu"), "tasks per KPU"),
            );
        }
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        vec![
            AwsName::new("Flink application", base.clone(), APPLICATION_NAME),
            AwsName::new("IAM role", base.clone(), naming::IAM_ROLE),
            AwsName::bucket(naming::bucket_stem(project, id, "assets")),
            AwsName::new("CloudWatch log group", log_group(&base), LOG_GROUP),
        ]
    }

    fn kept_fields(&self) -> &'static [&'static str] {
        &["code", "main", "jarfile"]
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
            ", or declare what the code writes with `output_format`",
        )]
    }

    fn usage(&self) -> Vec<Use> {
        vec![Use::one(Usage::Buckets(BucketFor::JobAssets))]
    }
}

impl FlinkApplication {
    /// Its code folder as `package` sees it, with the spans of its fields.
    pub fn code<'a>(&'a self, project: &'a Project, c: &'a Component) -> Code<'a> {
        // `main` may be its default: then the code folder is the place to point at.
        let code_at = c.kept_span("code").unwrap_or_default();
        let at = |f: &str| c.kept_span(f).unwrap_or_else(|| code_at.clone());
        Code {
            id: c.id.as_str(),
            app: self,
            base_dir: &project.base_dir,
            main_at: at("main"),
            jarfile_at: at("jarfile"),
            code_at,
        }
    }

    /// It never writes into a stream it reads: every record it writes would be read again.
    fn check_output_stream(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(target) = &self.output_stream else {
            return;
        };
        let Some(input) = cx
            .project
            .graph
            .incoming(&cx.c.id)
            .find(|e| e.from.as_str() == target)
        else {
            return;
        };
        out.push(
            error(
                "flink-writes-own-input",
                format!(
                    "Flink application `{}` writes into `{target}`, which it also reads",
                    cx.c.id
                ),
                cx.value_at("output_stream"),
                "writes into its own input",
                "every record it writes would be read again, and each window would count its \
                 own results: write into another `kinesis_stream`",
            )
            .with_related(cx.doc.value_span(&input.pointer), "read here"),
        );
    }
}
