//! The module call of a Flink application: its code zip (written into the render as
//! `build/<id>.zip`), its assets bucket, log group and stream, its Flink settings and the
//! runtime properties that tell the code where it reads and writes.

use std::path::{Path, PathBuf};

use minijinja::Value;

use super::{FlinkApplication, LOG_STREAM, PROPERTY_GROUP, RUN_OPTIONS, code_key, log_group};
use crate::diagnostic::Diagnostic;
use crate::edges::Access;
use crate::hcl::{quote, template_literal as lit};
use crate::model::{Component, Project};
use crate::render::values::{merged_entries, tmpl};
use crate::render::{KindRender, RenderCx};

impl KindRender for FlinkApplication {
    fn render(&self, cx: &mut RenderCx<'_>) {
        let id = cx.c.id.clone();
        let bytes = cx
            .package
            .take()
            .expect("render zips every Flink application's code first");
        cx.file(PathBuf::from("build").join(format!("{id}.zip")), bytes);
        cx.set("name", cx.name.clone());
        cx.set("assets_bucket", cx.bucket_name("assets"));
        cx.set(
            "code_file",
            tmpl(format!("${{path.module}}/build/{}.zip", lit(id.as_str()))),
        );
        cx.set("code_key", code_key(&id));
        cx.set("runtime", self.runtime.as_str());
        cx.set("parallelism", self.parallelism);
        cx.set("parallelism_per_kpu", self.parallelism_per_kpu);
        cx.set("auto_scaling", self.auto_scaling);
        cx.set("checkpointing", self.checkpointing);
        cx.set("checkpoint_interval_ms", self.checkpoint_interval_ms);
        cx.set(
            "min_pause_between_checkpoints_ms",
            self.min_pause_between_checkpoints_ms,
        );
        cx.set("snapshots", self.snapshots);
        cx.set("log_level", self.log_level.as_str());
        cx.set("metrics_level", self.metrics_level.as_str());
        cx.set("log_group", log_group(&cx.name));
        cx.set("log_stream", LOG_STREAM);
        cx.set("log_retention_days", self.log_retention_days);
        cx.set("start_application", self.start_application);
        cx.set("property_group", PROPERTY_GROUP);
        cx.set("run_options_group", RUN_OPTIONS);
        cx.set("run_options", self.run_options());
        cx.set("properties", self.properties(cx.project, cx.c));
        cx.output(
            "application_name",
            "application_name",
            format!("Name of the `{id}` Flink application"),
        );
        cx.output(
            "assets_bucket",
            "assets_bucket",
            format!("Bucket holding the `{id}` Flink application's code"),
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
        Some(super::package::zip(&self.code(project, c)))
    }
}

impl FlinkApplication {
    /// The run options: the entry point and, if any, the connectors' JAR, relative to the zip.
    fn run_options(&self) -> Value {
        let mut added = vec![("python".to_string(), quote(&self.main))];
        if let Some(j) = &self.jarfile {
            added.push(("jarfile".to_string(), quote(j)));
        }
        merged_entries(&Default::default(), added)
    }

    /// What the code is told, sorted by key: the region and the start position; for each input
    /// stream `S`, `S_STREAM_NAME` and `S_STREAM_ARN`; for each lake `L` it writes into,
    /// `L_BUCKET` and `L_PREFIX`; for the output stream, `OUTPUT_STREAM_NAME` and
    /// `OUTPUT_STREAM_ARN` (ids in upper case).
    fn properties(&self, project: &Project, c: &Component) -> Value {
        let mut added = vec![
            ("AWS_REGION".to_string(), "local.region".to_string()),
            (
                "STREAM_INITIAL_POSITION".to_string(),
                quote(self.start_position.as_str()),
            ),
        ];
        for e in project.graph.incoming(&c.id) {
            let s = e.from.upper();
            added.push((
                format!("{s}_STREAM_NAME"),
                format!("module.{}.name", e.from),
            ));
            added.push((format!("{s}_STREAM_ARN"), format!("module.{}.arn", e.from)));
        }
        for e in project.graph.outgoing(&c.id) {
            match e.access {
                Access::Write => {
                    let l = e.to.upper();
                    added.push((format!("{l}_BUCKET"), format!("module.{}.bucket", e.to)));
                    added.push((format!("{l}_PREFIX"), quote(&self.output_prefix(&c.id))));
                }
                Access::Produce => {
                    added.push(("OUTPUT_STREAM_NAME".into(), format!("module.{}.name", e.to)));
                    added.push(("OUTPUT_STREAM_ARN".into(), format!("module.{}.arn", e.to)));
                }
                _ => {}
            }
        }
        merged_entries(&Default::default(), added)
    }
}
