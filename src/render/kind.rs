//! What a component kind contributes to the render: the values of its module call, the root
//! outputs it offers, and anything built before the templates run (a function's package).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::Value;

use super::values::{expr, obj};
use crate::diagnostic::Diagnostic;
use crate::kinds::Settings;
use crate::model::{Component, Project};
use crate::naming;

/// The render side of a component kind. Its Terraform is `templates/<kind>/`: `call.tf.j2`
/// (the module call, fed by the values set here) and `module/` (copied as it is).
pub trait KindRender {
    /// Sets the values of the component's module call and adds its outputs and files.
    fn render(&self, cx: &mut RenderCx<'_>);

    /// Shared module folders (under `templates/`) its module calls, e.g. `s3_bucket`.
    fn shared_modules(&self) -> &'static [&'static str] {
        &[]
    }

    /// The folder under `templates/` its module call and module come from, when not the
    /// kind's own: a kind whose Terraform differs by what it is wired to keeps each variant in
    /// a subfolder of its folder (`quicksight/redshift`), so that one variant's output never
    /// changes for another's sake. The module is copied to `modules/<folder>` with `/` as `_`.
    fn template_folder(&self, project: &Project, c: &Component) -> Option<&'static str> {
        let _ = (project, c);
        None
    }

    /// Builds what must exist before the templates render (a function's zip), or says every
    /// problem with it. `None`: nothing to build.
    fn package(
        &self,
        project: &Project,
        c: &Component,
        out_dir: &Path,
        options: &crate::package::Options,
    ) -> Option<Result<Vec<u8>, Vec<Diagnostic>>> {
        let _ = (project, c, out_dir, options);
        None
    }

    /// How a schedule starts the component (see `semantic::KindRules::startable`): the
    /// Scheduler target, given the entry the schedule chose (a saved query) and its event as
    /// JSON. `None` for a kind nothing starts.
    fn start_target(&self, c: &Component, entry: Option<&str>, input: &str) -> Option<StartTarget> {
        let _ = (c, entry, input);
        None
    }

    /// How a distribution reaches the component as an origin. `None` for a kind that is none.
    fn origin_target(&self, c: &Component) -> Option<OriginTarget> {
        let _ = c;
        None
    }

    /// The output of its module holding the ARN a consumer's event source mapping reads (a
    /// function reading it as an input): a Kinesis stream's own `arn`, a table's `stream_arn`.
    fn event_source_output(&self) -> &'static str {
        "arn"
    }
}

/// How a distribution reaches an origin (see `semantic::KindRules::origin`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginTarget {
    /// The origin's domain name: an HCL expression pipelinec built.
    pub domain: String,
    /// Whether it is an S3 bucket read through origin access control.
    pub s3: bool,
    /// The paths the distribution sends to it (`/api/*`); `None` for the default origin.
    pub path_pattern: Option<String>,
}

/// A Scheduler target: both fields are HCL expressions pipelinec built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTarget {
    /// The target's ARN: the function, or a universal target
    /// (`arn:<partition>:scheduler:::aws-sdk:<service>:<action>`).
    pub arn: String,
    /// The input Scheduler passes: the function's event, or the API call's parameters.
    pub input: String,
}

impl StartTarget {
    /// A universal target calling `service:action` with `params` (an HCL object expression).
    pub fn sdk(service: &str, action: &str, params: String) -> StartTarget {
        StartTarget {
            arn: format!("\"arn:${{local.partition}}:scheduler:::aws-sdk:{service}:{action}\""),
            input: format!("jsonencode({params})"),
        }
    }
}

/// The render side of a component's kind.
pub fn kind_render(settings: &Settings) -> &dyn KindRender {
    crate::with_kind!(settings, k => k as &dyn KindRender)
}

/// The template folder of a component's module call and module (see
/// [`KindRender::template_folder`]).
pub fn template_folder(project: &Project, c: &Component) -> String {
    if crate::semantic::existing::is_existing(c) {
        // A module without resources (rendered as `modules/<kind>_existing`).
        return format!("{}/existing", c.kind());
    }
    kind_render(&c.settings)
        .template_folder(project, c)
        .unwrap_or(c.kind().as_str())
        .to_string()
}

/// One component being rendered: the values of its module call, and the outputs and files it
/// adds to the root.
pub struct RenderCx<'a> {
    pub project: &'a Project,
    pub c: &'a Component,
    /// `<project>-<id>`: the base of its AWS names.
    pub name: String,
    /// What [`KindRender::package`] built for it.
    pub package: Option<Vec<u8>>,
    pub(super) values: BTreeMap<&'static str, Value>,
    pub(super) outputs: &'a mut Vec<Value>,
    pub(super) files: &'a mut Vec<(PathBuf, Vec<u8>)>,
}

impl RenderCx<'_> {
    /// Sets one value of the module call: plain values are spec data (escaped when printed),
    /// [`expr`] values HCL that pipelinec built.
    pub fn set(&mut self, key: &'static str, value: impl Into<Value>) {
        self.values.insert(key, value.into());
    }

    /// A root output `<id>_<name>` with the value `module.<id>.<attr>`.
    pub fn output(&mut self, name: &str, attr: &str, description: String) {
        let c = &self.c.id;
        self.outputs.push(obj(BTreeMap::from([
            ("name", Value::from(format!("{c}_{name}"))),
            ("value", expr(format!("module.{c}.{attr}"))),
            ("description", Value::from(description)),
        ])));
    }

    /// A file of the render, at `path` under the output folder.
    pub fn file(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.files.push((path, bytes));
    }

    /// The bucket name `<stem>-<account id>-<region code>` as a template string, for a bucket whose stem is
    /// `<project>-<id>[-<role>]`.
    pub fn bucket_name(&self, role: &str) -> Value {
        let stem = naming::bucket_stem(&self.project.name, &self.c.id, role);
        super::values::tmpl(format!(
            "{}{}",
            crate::hcl::template_literal(&stem),
            naming::Suffix::AccountRegion.template()
        ))
    }
}
