//! The module call of a Lambda function: its package, environment, event sources and
//! failure destination.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::Value;

use super::check::{injected_env, invoked_async};
use super::{Architecture, Lambda, OnFailure, StartingPosition, Tracing, package};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::hcl::template_literal as lit;
use crate::model::{Component, Project};
use crate::render::values::{expr, merged_entries, obj, tmpl};
use crate::render::{KindRender, RenderCx, StartTarget, kind_render};

impl KindRender for Lambda {
    /// A schedule invokes the function with its event.
    fn start_target(
        &self,
        c: &Component,
        _entry: Option<&str>,
        input: &str,
    ) -> Option<StartTarget> {
        Some(StartTarget {
            arn: format!("module.{}.arn", c.id),
            input: crate::hcl::quote(input),
        })
    }

    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let zip = cx
            .package
            .take()
            .expect("render packages every lambda first");
        cx.file(PathBuf::from("build").join(format!("{id}.zip")), zip);
        cx.set("name", cx.name.clone());
        cx.set(
            "filename",
            tmpl(format!("${{path.module}}/build/{}.zip", lit(id.as_str()))),
        );
        cx.set("runtime", self.runtime.as_str());
        cx.set("handler", self.handler.clone());
        cx.set("memory_mb", self.memory_mb);
        cx.set("timeout_seconds", self.timeout_seconds);
        cx.set(
            "architecture",
            match self.architecture {
                Architecture::X86_64 => "x86_64",
                Architecture::Arm64 => "arm64",
            },
        );
        cx.set("environment", self.environment(cx.project, cx.c));
        let sources: Vec<Value> = cx
            .project
            .graph
            .incoming(&id)
            // Its triggers: the streams it reads, not the tables whose items it reads.
            .filter(|e| e.access == Access::Read)
            .map(|e| {
                let from = cx.project.component(&e.from);
                let output = kind_render(&from.settings).event_source_output();
                obj(BTreeMap::from([
                    ("key", Value::from(e.from.as_str())),
                    ("arn", expr(format!("module.{}.{output}", e.from))),
                ]))
            })
            .collect();
        cx.set("event_sources", sources);
        self.stream_settings(cx);
        self.failure_settings(cx);
        cx.set("log_retention_days", self.log_retention_days);
        cx.set(
            "tracing_mode",
            match self.tracing {
                Tracing::Active => "Active",
                Tracing::PassThrough => "PassThrough",
            },
        );
        cx.set(
            "reserved_concurrency",
            Value::from(self.reserved_concurrency),
        );
        cx.set("subnet_ids", self.subnet_ids.clone());
        cx.set("security_group_ids", self.security_group_ids.clone());
        cx.output(
            "function_name",
            "function_name",
            format!("Name of the `{id}` Lambda function"),
        );
        self.failure_outputs(cx);
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }

    fn package(
        &self,
        project: &Project,
        c: &Component,
        out_dir: &Path,
        options: &package::Options,
    ) -> Option<Result<Vec<u8>, Vec<Diagnostic>>> {
        let f = package::Function {
            id: c.id.as_str(),
            lambda: self,
            base_dir: &project.base_dir,
        };
        Some(
            package::package(&f, out_dir, options)
                .map(|p| p.zip)
                .map_err(|problems| problems.into_iter().map(|p| p.diagnostic(c)).collect()),
        )
    }
}

impl Lambda {
    /// The spec's variables and those pipelinec sets, sorted by name.
    fn environment(&self, project: &Project, c: &Component) -> Value {
        merged_entries(&self.environment, injected_env(project, c, self))
    }

    /// How the event source mappings read the streams.
    fn stream_settings(&self, cx: &mut RenderCx<'_>) {
        cx.set("batch_size", self.batch_size);
        cx.set(
            "starting_position",
            match self.starting_position {
                StartingPosition::Latest => "LATEST",
                StartingPosition::TrimHorizon => "TRIM_HORIZON",
            },
        );
        cx.set("batching_window_seconds", self.batching_window_seconds);
        cx.set("maximum_retry_attempts", self.maximum_retry_attempts);
        cx.set("bisect_batch_on_error", self.bisect_batch_on_error);
        cx.set(
            "report_batch_item_failures",
            self.report_batch_item_failures,
        );
    }

    /// Where failed batches go: a lake of the spec, the function's own bucket or queue; and,
    /// for a function a schedule invokes, the queue of its failed asynchronous invocations.
    fn failure_settings(&self, cx: &mut RenderCx<'_>) {
        let async_queue =
            invoked_async(cx.project, &cx.c.id).then(|| super::async_failure_queue(&cx.name));
        if async_queue.is_some() {
            let id = cx.c.id.clone();
            cx.output(
                "async_failure_queue_name",
                "async_failure_queue_name",
                format!("Queue keeping the scheduled events `{id}` failed on every retry"),
            );
        }
        cx.set("async_failure_queue", Value::from(async_queue));
        cx.set(
            "failure_destination",
            match self.on_failure {
                OnFailure::S3 => "s3",
                OnFailure::Sqs => "sqs",
                OnFailure::None => "none",
            },
        );
        cx.set(
            "failure_bucket_arn",
            match self.failure_lake() {
                Some(lake) => expr(format!("module.{lake}.arn")),
                None => Value::from(false),
            },
        );
        let own = if self.owns_failure_bucket() {
            cx.bucket_name("failures")
        } else {
            Value::from(false)
        };
        cx.set("failure_bucket_name", own);
    }

    fn failure_outputs(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        if self.on_failure == OnFailure::Sqs {
            cx.output(
                "failure_queue_url",
                "failure_queue_url",
                format!("SQS queue receiving the metadata of batches `{id}` failed to process"),
            );
        }
        if self.owns_failure_bucket() {
            cx.output(
                "failure_bucket",
                "failure_bucket",
                format!("Bucket keeping the batches `{id}` failed to process"),
            );
        }
    }

    /// Whether pipelinec creates a bucket for the failed batches.
    fn owns_failure_bucket(&self) -> bool {
        self.on_failure == OnFailure::S3 && self.failure_bucket.is_none()
    }
}
