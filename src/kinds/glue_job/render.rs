//! The module call of a Glue job: its script (copied into the render as `build/<id>.py`), its
//! assets bucket, log groups, arguments and schedule.

use std::path::{Path, PathBuf};

use minijinja::Value;

use super::check::script;
use super::{GlueJob, TEMP_PREFIX, log_group_prefix, script_key};
use crate::diagnostic::Diagnostic;
use crate::hcl::template_literal as lit;
use crate::kinds::script as job_script;
use crate::model::{Component, Project};
use crate::render::values::{merged_entries, tmpl};
use crate::render::{KindRender, RenderCx, StartTarget};

impl KindRender for GlueJob {
    /// A schedule starts a run through Scheduler's universal target for `StartJobRun`.
    fn start_target(
        &self,
        c: &Component,
        _entry: Option<&str>,
        _input: &str,
    ) -> Option<StartTarget> {
        Some(StartTarget::sdk(
            "glue",
            "startJobRun",
            format!("{{ JobName = module.{}.job_name }}", c.id),
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
        cx.set("description", Value::from(self.description.clone()));
        cx.set("assets_bucket", cx.bucket_name("assets"));
        cx.set(
            "script_file",
            tmpl(format!("${{path.module}}/build/{}.py", lit(id.as_str()))),
        );
        cx.set("script_key", script_key(&id));
        cx.set("temp_prefix", TEMP_PREFIX);
        cx.set("glue_version", self.glue_version.as_str());
        cx.set("worker_type", self.worker_type.as_str());
        cx.set("number_of_workers", self.number_of_workers);
        cx.set("timeout_minutes", self.timeout_minutes);
        cx.set("max_retries", self.max_retries);
        cx.set("job_bookmarks", self.job_bookmarks);
        cx.set("schedule", Value::from(self.schedule.clone()));
        cx.set("log_group_prefix", log_group_prefix(&cx.name));
        cx.set("log_retention_days", self.log_retention_days);
        cx.set("arguments", self.arguments(cx.project, cx.c));
        cx.output(
            "job_name",
            "job_name",
            format!("Name of the `{id}` Glue job"),
        );
        cx.output(
            "assets_bucket",
            "assets_bucket",
            format!("Bucket holding the `{id}` job's script and temporary files"),
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

impl GlueJob {
    /// The spec's arguments and those pipelinec passes about inputs and outputs, sorted by key.
    fn arguments(&self, project: &Project, c: &Component) -> Value {
        let injected = crate::semantic::jobs::arguments(project, c, &self.job(&c.id));
        merged_entries(&self.arguments, injected)
    }
}
