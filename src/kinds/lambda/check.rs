//! Checks and AWS names of a Lambda function: its failure destination, environment, package
//! and runtime, and what it writes into the lakes it feeds.

use super::runtimes::{self, Status};
use super::{FAILURE_PREFIX, Lambda, OnFailure, async_failure_queue, package};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::model::{Component, ComponentId, Project};
use crate::monitor::{Alarm, Dim, ITERATOR_AGE_MS, Monitor, Statistic};
use crate::naming::{self, AwsName, Charset, Rule};
use crate::semantic::{BucketFor, Cx, KindRules, Startable, Usage, Use, Writer, error, rules};

/// Lambda function names.
const FUNCTION_NAME: Rule = Rule::new(64, Charset::WordDash);

/// The settings that describe what the function writes into a lake.
const OUTPUT_SETTINGS: [&str; 4] = [
    "output_prefix",
    "output_format",
    "output_compression",
    "output_partitioning",
];

impl KindRules for Lambda {
    /// A schedule invokes it with the event the schedule gives.
    fn startable(&self, _cx: &Cx<'_>) -> Option<Startable> {
        Some(Startable {
            takes_input: true,
            ..Startable::default()
        })
    }

    /// Errors, throttles, how far behind its streams it reads, and its failure destination:
    /// <https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html>.
    /// `DestinationDeliveryFailures` counts failed batches Lambda could not send to the
    /// failure destination: those are lost. An SQS destination's depth alarms; an S3
    /// destination's object count is a daily storage metric, shown only.
    fn monitors(&self, project: &Project, c: &Component) -> Vec<Monitor> {
        let id = c.id.as_str();
        let function = || vec![("FunctionName", Dim::of(id, "function_name"))];
        let mut out = vec![
            Monitor::new(
                "errors",
                "invocation errors",
                ("AWS/Lambda", "Errors"),
                function(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                1,
                1,
                "The function failed; with stream inputs the batch is retried and then sent to the failure destination.",
            )),
            Monitor::new(
                "throttles",
                "throttled invocations",
                ("AWS/Lambda", "Throttles"),
                function(),
                Statistic::Sum,
            )
            .alarm(Alarm::above(
                0.0,
                3,
                3,
                "Invocations have been throttled for 15 minutes: raise the reserved concurrency or the account's limit.",
            )),
        ];
        // Only event source mappings have an iterator age: a table read item by item, or a
        // campaign asked for recommendations, is no stream.
        if project
            .graph
            .incoming(&c.id)
            .any(|e| e.access == Access::Read)
        {
            out.push(
                Monitor::new(
                    "iterator_age",
                    "behind the stream (ms)",
                    ("AWS/Lambda", "IteratorAge"),
                    function(),
                    Statistic::Maximum,
                )
                .alarm(Alarm::above(
                    ITERATOR_AGE_MS,
                    3,
                    3,
                    "The function processes records more than 15 minutes after they were written; records expire unread once the lag passes the retention.",
                )),
            );
        }
        if self.on_failure != OnFailure::None {
            out.push(
                Monitor::new(
                    "failure_delivery",
                    "failed batches not kept",
                    ("AWS/Lambda", "DestinationDeliveryFailures"),
                    function(),
                    Statistic::Sum,
                )
                .alarm(Alarm::above(
                    0.0,
                    1,
                    1,
                    "Lambda could not send failed batches to the failure destination: they are lost.",
                )),
            );
        }
        out.extend(self.failure_monitor(c));
        if invoked_async(project, &c.id) {
            out.push(
                Monitor::failure_queue(
"failed_events",
"scheduled events that failed every retry",
c.id.as_str(),
"async_failure_queue_name",
"An event a schedule sent failed every retry; it waits whole in the function's async-failures queue.",
),
            );
        }
        out
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let f = package::Function {
            id: cx.c.id.as_str(),
            lambda: self,
            base_dir: &cx.project.base_dir,
        };
        let packaging: Vec<Diagnostic> = package::check(&f)
            .into_iter()
            .map(|p| p.diagnostic(cx.c))
            .collect();
        self.failure_destination(cx, out);
        self.environment_names(cx, out);
        self.vpc(cx, out);
        self.managed_policies(cx, out);
        out.extend(packaging);
        out.extend(self.runtime_support(cx));
        out.extend(self.unused_output_settings(cx));
    }

    fn names(&self, project: &str, id: &ComponentId) -> Vec<AwsName> {
        let base = naming::base(project, id);
        let mut out = vec![
            AwsName::new("Lambda function", base.clone(), FUNCTION_NAME),
            AwsName::new("IAM role", base.clone(), naming::IAM_ROLE),
        ];
        match (self.on_failure, &self.failure_bucket) {
            (OnFailure::Sqs, _) => out.push(AwsName::new(
                "SQS queue",
                format!("{base}-failures"),
                naming::SQS_QUEUE,
            )),
            (OnFailure::S3, None) => out.push(AwsName::bucket(naming::bucket_stem(
                project, id, "failures",
            ))),
            _ => {}
        }
        // Only used when a schedule invokes it, but checked always: a name is a name.
        out.push(AwsName::new(
            "SQS queue",
            async_failure_queue(&base),
            naming::SQS_QUEUE,
        ));
        out
    }

    fn kept_fields(&self) -> &'static [&'static str] {
        &["code", "build"]
    }

    fn failure_bucket(&self) -> Option<&str> {
        self.failure_lake()
    }

    fn writes(&self, cx: &Cx<'_>, bucket: &ComponentId, feeds: bool) -> Vec<Writer> {
        let c = cx.c;
        let mut out = Vec::new();
        if feeds {
            out.push(Writer::declared_output(
                cx,
                self.output_prefix(&c.id),
                self.output_partitioning,
                self.output_format,
                self.output_compression,
                ", or declare what the function writes with `output_format`",
            ));
        }
        if self.failure_lake() == Some(bucket.as_str()) {
            out.push(Writer {
                id: c.id.clone(),
                kind: c.kind(),
                role: "failed batches",
                prefix: FAILURE_PREFIX.to_string(),
                at: cx.field_at("failure_bucket"),
                layout: None,
            });
        }
        out
    }

    fn usage(&self) -> Vec<Use> {
        let mut out = Vec::new();
        if let Some(n) = self.reserved_concurrency {
            out.push(Use {
                usage: Usage::LambdaReservedConcurrency,
                amount: u64::from(n),
                field: Some("reserved_concurrency"),
            });
        }
        if self.on_failure == OnFailure::S3 && self.failure_bucket.is_none() {
            out.push(Use::one(Usage::Buckets(BucketFor::FailedBatches)));
        }
        out
    }
}

impl Lambda {
    /// A function in a VPC needs both its subnets and its security groups: Lambda takes the
    /// one only with the other.
    fn vpc(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        let (given, missing) = match (
            self.subnet_ids.is_empty(),
            self.security_group_ids.is_empty(),
        ) {
            (false, true) => ("subnet_ids", "security_group_ids"),
            (true, false) => ("security_group_ids", "subnet_ids"),
            _ => return,
        };
        out.push(error(
            "lambda-vpc",
            format!("function `{id}` has `{given}` but no `{missing}`"),
            cx.key_at(given),
            &format!("needs `{missing}` too"),
            &format!(
                "a function runs in a VPC with both its subnets and its security groups: add \
                 `{missing}`, or remove `{given}`"
            ),
        ));
    }

    /// Each of `managed_policy_arns` once, in the spec's partition.
    fn managed_policies(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let partition = crate::regions::partition(&cx.project.region).unwrap_or("aws");
        for (i, arn) in self.managed_policy_arns.iter().enumerate() {
            let field = format!("managed_policy_arns/{i}");
            if let Some(first) = self.managed_policy_arns[..i].iter().position(|a| a == arn) {
                out.push(
                    error(
                        "duplicate-policy",
                        format!("`{arn}` is attached to `{}` twice", cx.c.id),
                        cx.value_at(&field),
                        "a second time",
                        "list each managed policy once",
                    )
                    .with_related(
                        cx.value_at(&format!("managed_policy_arns/{first}")),
                        "first time",
                    ),
                );
            } else if arn.split(':').nth(1) != Some(partition) {
                out.push(error(
                    "policy-partition",
                    format!(
                        "`{arn}` is not in the partition `{partition}` of the spec's region `{}`",
                        cx.project.region
                    ),
                    cx.value_at(&field),
                    "another partition",
                    &format!("a role can only have policies of its own partition: `arn:{partition}:iam::…`"),
                ));
            }
        }
    }

    /// `failure_bucket` names a bucket of the spec, and only with `on_failure: s3`.
    fn failure_destination(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let id = &cx.c.id;
        match (&self.failure_bucket, self.on_failure) {
            (Some(bucket), OnFailure::S3) => {
                let holds_objects = cx
                    .project
                    .components
                    .get(&ComponentId::new(bucket.clone()))
                    .is_some_and(|t| rules(&t.settings).holds_objects());
                if !holds_objects {
                    out.push(error(
                        "failure-bucket",
                        format!(
                            "`failure_bucket` of lambda `{id}` is `{bucket}`, which is not an \
                             `s3_data_lake` of this spec"
                        ),
                        cx.value_at("failure_bucket"),
                        "not an s3_data_lake",
                        "name an `s3_data_lake` id, or remove `failure_bucket` to let \
                         pipelinec create a bucket for failed batches",
                    ));
                }
            }
            (Some(_), other) => out.push(error(
                "failure-bucket-unused",
                format!(
                    "lambda `{id}` names a `failure_bucket` but sends failures to `{}`",
                    match other {
                        OnFailure::Sqs => "sqs",
                        _ => "none",
                    }
                ),
                cx.key_at("failure_bucket"),
                "used only with `on_failure: s3`",
                "set `on_failure: s3` (it keeps whole batches), or remove `failure_bucket`",
            )),
            (None, _) => {}
        }
        // Failure destinations belong to stream mappings: a function no stream triggers (a
        // Firehose processor, a scheduled function) would get a bucket and grants for nothing.
        let reads_streams = cx
            .project
            .graph
            .incoming(id)
            .any(|e| e.access == Access::Read);
        if !reads_streams && self.on_failure != OnFailure::None && !cx.unresolved_inputs() {
            out.push(error(
                "on-failure-without-stream",
                format!(
                    "lambda `{id}` reads no stream, so `on_failure` has no failed batches to keep"
                ),
                cx.field_at("on_failure"),
                "applies to stream batches only",
                "set `on_failure: none`: a Firehose processor's failed records go to the \
                 firehose's `error_prefix`, and a schedule retries its starts",
            ));
        }
    }

    /// Environment names are valid, not Lambda's own, and not ones pipelinec sets.
    fn environment_names(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let injected = injected_env(cx.project, cx.c, self);
        for name in self.environment.keys() {
            let at = cx.doc.key_span(&cx.entry_ptr("environment", name));
            let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid {
                out.push(error(
                    "invalid-env-name",
                    format!("`{name}` is not a valid environment variable name"),
                    at,
                    "invalid name",
                    "use letters, digits and `_`, starting with a letter",
                ));
            } else if name.starts_with("AWS_") {
                out.push(error(
                    "reserved-env-name",
                    format!("`{name}` is reserved by Lambda"),
                    at,
                    "reserved",
                    "Lambda sets the `AWS_` variables itself; choose another name",
                ));
            } else if injected.iter().any(|(k, _)| k == name) {
                out.push(error(
                    "env-conflict",
                    format!("`{name}` clashes with a variable pipelinec sets for an output"),
                    at,
                    "set by pipelinec",
                    "remove it: pipelinec sets `<SINK>_BUCKET`, `<SINK>_PREFIX`, `<TABLE>_TABLE`, \
                     `<WORKFLOW>_STATE_MACHINE_ARN` and `<DOMAIN>_ENDPOINT` itself",
                ));
            }
        }
    }

    /// A runtime AWS no longer creates functions on is an error (a fresh apply fails); one
    /// past its deprecation date is a warning (it deploys, without security patches).
    fn runtime_support(&self, cx: &Cx<'_>) -> Option<Diagnostic> {
        let support = runtimes::support(self.runtime);
        let at = cx.value_at("runtime");
        let runtime = self.runtime.as_str();
        let source = runtimes::SOURCE;
        match runtimes::status(self.runtime, &runtimes::today()) {
            Status::Supported => None,
            Status::Deprecated => Some(
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
            Status::Blocked => Some(
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

    /// The `output_*` settings describe what the function writes into a lake: set on a
    /// function that no lake lists as an input, they change nothing, which is worth a word
    /// (the lake's `inputs` is the likely omission).
    fn unused_output_settings(&self, cx: &Cx<'_>) -> Vec<Diagnostic> {
        let id = &cx.c.id;
        if writes_objects(cx.project, cx.c) {
            return Vec::new();
        }
        OUTPUT_SETTINGS
            .into_iter()
            .filter(|field| cx.is_set(field))
            .map(|field| {
                Diagnostic::warning(
                    "unused-setting",
                    format!(
                        "`{field}` of lambda `{id}` has no effect: no `s3_data_lake` lists `{id}` \
                         as an input"
                    ),
                )
                .with_label(cx.value_at(field), "not used")
                .with_help(format!(
                    "add `{id}` to `inputs` of the lake it writes to (which grants it the write), \
                     or remove the `output_*` settings"
                ))
            })
            .collect()
    }
}

/// Whether the function writes objects into a bucket of the spec (an edge of `write` access).
fn writes_objects(project: &Project, c: &Component) -> bool {
    project
        .graph
        .outgoing(&c.id)
        .any(|e| e.access == Access::Write)
}

/// A runtime id in backticks; a description of one ("a newer Node.js runtime") as it is.
fn replacement(text: &str) -> String {
    if text.contains(' ') {
        text.to_string()
    } else {
        format!("`{text}`")
    }
}

/// Environment variables pipelinec adds to a function: the bucket and prefix of each lake it
/// writes into, the name of each table it writes items into, the ARN of each workflow it
/// starts and the endpoint of each search domain it indexes into, as HCL expressions.
pub fn injected_env(project: &Project, c: &Component, lambda: &Lambda) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    // A table or workflow the function uses several ways (`access: [write, update]`) is
    // named once.
    let push_once = |out: &mut Vec<(String, String)>, key: String, value: String| {
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, value));
        }
    };
    for e in project.graph.incoming(&c.id) {
        if e.access == Access::Recommend {
            let from = e.from.upper();
            push_once(
                &mut out,
                format!("{from}_CAMPAIGN_ARN"),
                format!("module.{}.campaign_arn", e.from),
            );
        }
        if e.access == Access::ReadItems {
            let from = e.from.upper();
            push_once(
                &mut out,
                format!("{from}_TABLE"),
                format!("module.{}.name", e.from),
            );
        }
    }
    for e in project.graph.outgoing(&c.id) {
        let to = e.to.upper();
        if matches!(
            e.access,
            Access::WriteItems | Access::UpdateItems | Access::DeleteItems
        ) {
            push_once(
                &mut out,
                format!("{to}_TABLE"),
                format!("module.{}.name", e.to),
            );
            continue;
        }
        if matches!(e.access, Access::Trigger | Access::Describe) {
            push_once(
                &mut out,
                format!("{to}_STATE_MACHINE_ARN"),
                format!("module.{}.arn", e.to),
            );
            continue;
        }
        if e.access == Access::Track {
            out.push((
                format!("{to}_TRACKING_ID"),
                format!("module.{}.tracking_id", e.to),
            ));
            continue;
        }
        if e.access == Access::Index {
            out.push((
                format!("{to}_ENDPOINT"),
                format!("module.{}.endpoint", e.to),
            ));
            continue;
        }
        if e.access != Access::Write {
            continue;
        }
        out.push((format!("{to}_BUCKET"), format!("module.{}.bucket", e.to)));
        out.push((
            format!("{to}_PREFIX"),
            crate::hcl::quote(&lambda.output_prefix(&c.id)),
        ));
    }
    out
}

impl Lambda {
    /// What its failure destination holds: an SQS queue's visible messages (alarming on any:
    /// each is a batch that failed), or the objects of the bucket pipelinec creates for failed batches.
    fn failure_monitor(&self, c: &Component) -> Option<Monitor> {
        let id = c.id.as_str();
        match self.on_failure {
            OnFailure::None => None,
            OnFailure::Sqs => Some(Monitor::failure_queue(
                "failed_batches",
                "failed batches waiting in the queue",
                id,
                "failure_queue_name",
                "Batches the function could not process wait in its failure queue: fix the cause, then replay them from the stream.",
            )),
            OnFailure::S3 => {
                // A lake of the spec that keeps failed batches has its own row.
                if self.failure_bucket.is_some() {
                    return None;
                }
                let bucket = Dim::of(id, "failure_bucket");
                Some(
                    Monitor::new(
                        "failed_batches",
                        "objects in the failure bucket (daily)",
                        ("AWS/S3", "NumberOfObjects"),
                        vec![
                            ("BucketName", bucket),
                            ("StorageType", Dim::Fixed("AllStorageTypes")),
                        ],
                        Statistic::Average,
                    )
                    .every(86_400),
                )
            }
        }
    }
}

/// Whether something invokes the function asynchronously (a schedule), so that it needs a
/// queue for the events that fail every retry.
pub fn invoked_async(project: &Project, id: &ComponentId) -> bool {
    project
        .graph
        .referenced_by(id)
        .any(|e| e.access == Access::Start)
}
