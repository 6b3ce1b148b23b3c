//! The module call of an EMR Serverless job: its script (copied into the render as
//! `build/<id>.py`), its assets bucket, log group, application limits, and the arguments and
//! Spark properties of the `StartJobRun` request the module outputs.

use std::path::{Path, PathBuf};

use minijinja::Value;

use super::check::script;
use super::{EmrServerlessJob, GLUE_METASTORE, LOG_STREAM_PREFIX, log_group, script_key};
use crate::diagnostic::Diagnostic;
use crate::hcl::{quote, template_literal as lit};
use crate::kinds::script as job_script;
use crate::model::{Component, Project};
use crate::render::values::{merged_entries, tmpl};
use crate::render::{KindRender, RenderCx, StartTarget};
use crate::semantic::{jobs, rules};

impl KindRender for EmrServerlessJob {
    /// A schedule starts a run through Scheduler's universal target for `StartJobRun`, with
    /// the module's request and, as its idempotency token, Scheduler's execution id: a retry
    /// of one scheduled start cannot start a second run.
    fn start_target(
        &self,
        c: &Component,
        _entry: Option<&str>,
        _input: &str,
    ) -> Option<StartTarget> {
        Some(StartTarget::sdk(
            "emrserverless",
            "startJobRun",
            format!(
                "merge(module.{}.start_job_run_request, {{ clientToken = \"<aws.scheduler.execution-id>\" }})",
                c.id
            ),
        ))
    }

    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let bytes = cx
            .package
            .take()
            .expect("render reads every job's script first");
        cx.file(PathBuf::from("build").join(format!("{id}.py")), bytes);
        cx.set("name", cx.name.clone());
        cx.set("assets_bucket", cx.bucket_name("assets"));
        cx.set(
            "script_file",
            tmpl(format!("${{path.module}}/build/{}.py", lit(id.as_str()))),
        );
        cx.set("script_key", script_key(&id));
        cx.set("release_label", self.release_label.clone());
        cx.set("architecture", self.architecture.as_str());
        cx.set("max_vcpu", self.max_vcpu);
        cx.set("max_memory_gb", self.max_memory_gb);
        cx.set("idle_timeout_minutes", self.idle_timeout_minutes);
        cx.set("execution_timeout_minutes", self.execution_timeout_minutes);
        cx.set("log_group", log_group(&cx.name));
        cx.set("log_stream_prefix", LOG_STREAM_PREFIX);
        cx.set("log_retention_days", self.log_retention_days);
        cx.set("arguments", self.arguments(cx.project, cx.c));
        cx.set("spark_properties", self.spark_properties(cx.project, cx.c));
        cx.output(
            "application_id",
            "application_id",
            format!("Id of the `{id}` EMR Serverless application"),
        );
        cx.output(
            "start_job_run",
            "start_job_run",
            format!(
                "The StartJobRun request that runs `{id}` (JSON): `aws emr-serverless \
                 start-job-run --cli-input-json \"$(terraform output -raw {id}_start_job_run)\"`"
            ),
        );
        cx.output(
            "assets_bucket",
            "assets_bucket",
            format!("Bucket holding the `{id}` job's script"),
        );
    }

    fn shared_modules(&self) -> &'static [&'static str] {
        &["s3_bucket"]
    }

    fn package(
        &self,
        project: &Project,
        c: &Component,
        _out_dir: &Path,
        _options: &crate::package::Options,
    ) -> Option<Result<Vec<u8>, Vec<Diagnostic>>> {
        let at = c.kept_span("script").unwrap_or_default();
        Some(job_script::read(&script(project, c, self)).map_err(|p| vec![p.at(at)]))
    }
}

impl EmrServerlessJob {
    /// The spec's arguments and those pipelinec passes about inputs and outputs, sorted by key.
    fn arguments(&self, project: &Project, c: &Component) -> Value {
        let injected = jobs::arguments(project, c, &self.job(&c.id));
        merged_entries(&self.arguments, injected)
    }

    /// The spec's Spark properties and, when the job reads a catalog, the Glue Data Catalog as
    /// the metastore, sorted by key.
    fn spark_properties(&self, project: &Project, c: &Component) -> Value {
        let reads_catalog = project
            .graph
            .incoming(&c.id)
            .any(|e| !rules(&project.component(&e.from).settings).holds_objects());
        let mut added = Vec::new();
        if reads_catalog {
            added.push((GLUE_METASTORE.0.to_string(), quote(GLUE_METASTORE.1)));
        }
        merged_entries(&self.spark_properties, added)
    }
}
