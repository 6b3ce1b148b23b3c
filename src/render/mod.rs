//! Terraform rendering: a checked [`Project`] in, a complete file set out.
//!
//! Files are produced in memory, so that `render` can write them safely and `render --check`
//! can compare them, from the minijinja templates under `templates/`: `templates/root/*.j2`
//! make the root module, `templates/<kind>/call.tf.j2` makes each component's module block,
//! and `templates/<kind>/module/*` is that kind's module, copied as is (a kind variant's are
//! in a subfolder, `templates/<kind>/<variant>/`; see `KindRender::template_folder`). The file set ends with
//! the [`manifest`] that records it. Every value a template prints is HCL-escaped unless Rust marked it as an expression.

pub mod compare;
mod context;
mod kind;
pub mod manifest;
mod module;
mod monitoring;
mod moves;
pub mod overrides;
pub mod ownership;
pub mod replacements;
pub mod values;
mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use crate::check::Compiled;
use crate::diagnostic::Diagnostic;
use crate::hcl;
use crate::model::ComponentId;
use crate::package;

pub use kind::{KindRender, OriginTarget, RenderCx, StartTarget, kind_render};
pub use write::{TEMP_PREFIX, WriteError, Written, write};

// Every template file, embedded at build time (see build.rs).
include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// A rendered output: relative path → bytes, in a stable order.
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template `{name}` failed: {source}")]
    Template {
        name: String,
        #[source]
        source: minijinja::Error,
    },
    /// Problems in the spec that only a render finds (Lambda packaging), located like
    /// validation diagnostics.
    #[error("{} problem(s) found while packaging", .0.len())]
    Diagnostics(Vec<Diagnostic>),
    /// A spec that cannot be rendered as a module (`render --as-module`), and why.
    #[error("cannot render as a module: {0}")]
    Module(String),
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Custom("hcl".into()));
    env.set_formatter(|out, _state, value| {
        out.write_str(&to_hcl(value))?;
        Ok(())
    });
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .keep_trailing_newline(true)
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("default delimiters are valid"),
    );
    for (name, text) in TEMPLATES {
        if name.ends_with(".j2") {
            env.add_template(name, text)
                .expect("embedded templates parse");
        }
    }
    env
}

/// Prints a template value as HCL: strings become escaped literals, sequences and maps become
/// HCL collections, and safe strings (expressions built in Rust) are printed as they are.
pub fn to_hcl(value: &Value) -> String {
    use minijinja::value::ValueKind;
    if value.is_safe() {
        return value.as_str().unwrap_or_default().to_string();
    }
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => "null".to_string(),
        ValueKind::Bool => value.is_true().to_string(),
        ValueKind::Number => value.to_string(),
        ValueKind::String => hcl::quote(value.as_str().unwrap_or_default()),
        ValueKind::Seq | ValueKind::Iterable => {
            let items: Vec<String> = value
                .try_iter()
                .map(|it| it.map(|v| to_hcl(&v)).collect())
                .unwrap_or_default();
            format!("[{}]", items.join(", "))
        }
        ValueKind::Map => {
            let mut items = Vec::new();
            if let Ok(keys) = value.try_iter() {
                for k in keys {
                    let v = value.get_item(&k).unwrap_or_default();
                    items.push(format!(
                        "{} = {}",
                        hcl::quote(k.as_str().unwrap_or_default()),
                        to_hcl(&v)
                    ));
                }
            }
            if items.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        }
        _ => hcl::quote(&value.to_string()),
    }
}

/// Renders a project into its Terraform file set, for the output folder `out_dir` (which is
/// not written: a code folder must not contain it). Lambda builds use the cache folder the
/// environment names.
pub fn render(project: &Compiled, out_dir: &Path) -> Result<Files, RenderError> {
    render_with(project, out_dir, &package::Options::from_env())
}

/// [`render`] with explicit packaging options.
pub fn render_with(
    project: &Compiled,
    out_dir: &Path,
    options: &package::Options,
) -> Result<Files, RenderError> {
    let zips = packages(project, out_dir, options)?;
    let files = files(project, zips, None)?;
    Ok(with_manifest(project, files))
}

/// Renders a project as a child module (`render --as-module`, see [`module`]): no provider,
/// backend or region of its own, every AWS name prefixed by its variable `name`.
pub fn render_module(project: &Compiled, out_dir: &Path) -> Result<Files, RenderError> {
    render_module_with(project, out_dir, &package::Options::from_env())
}

/// [`render_module`] with explicit packaging options.
pub fn render_module_with(
    project: &Compiled,
    out_dir: &Path,
    options: &package::Options,
) -> Result<Files, RenderError> {
    let zips = packages(project, out_dir, options)?;
    let plain = files(project, zips.clone(), None)?;
    let placeholders = module::Placeholders::choose(project, &plain);
    let stand_in = placeholders.project(project)?;
    let rendered = files(&stand_in, zips, Some(&project.project))?;
    let files = placeholders.apply(rendered, &plain)?;
    Ok(with_manifest(project, files))
}

/// The file set, without its manifest; `module_of` is the spec's own project when `project`
/// holds a module render's placeholders.
fn files(
    project: &Compiled,
    zips: BTreeMap<ComponentId, Vec<u8>>,
    module_of: Option<&crate::model::Project>,
) -> Result<Files, RenderError> {
    let env = environment();
    let mut files = Files::new();
    let render = |name: &str, ctx: &Value| -> Result<String, RenderError> {
        let t = env
            .get_template(name)
            .map_err(|source| RenderError::Template {
                name: name.to_string(),
                source,
            })?;
        t.render(ctx).map_err(|source| RenderError::Template {
            name: name.to_string(),
            source,
        })
    };

    // Each module call is rendered as soon as its values exist, so that only its text stays.
    let mut render_call = |folder: &str, values: &Value| {
        render(&format!("{folder}/call.tf.j2"), values).map(Value::from_safe_string)
    };
    let ctx = context::project(project, zips, &mut render_call)?;
    // Left to right: the first value of a key wins.
    let root = minijinja::context! {
        ..context::module_root(module_of),
        ..ctx.root,
        ..minijinja::context! { calls => ctx.calls }
    };
    for (name, _) in TEMPLATES
        .iter()
        .filter(|(n, _)| n.starts_with("root/") && n.ends_with(".j2"))
    {
        let out = name
            .trim_start_matches("root/")
            .trim_end_matches(".j2")
            .to_string();
        let text = render(name, &root)?;
        // A root file with nothing to say (`backend.tf` without a backend) is not written.
        if text.trim().is_empty() {
            continue;
        }
        files.insert(
            PathBuf::from(out),
            hcl::align(&tidy_blank_lines(&text)).into_bytes(),
        );
    }
    let text = |name: &str| {
        files
            .get(Path::new(name))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    };
    if let Some(moved) = moves::moved_tf(project, &text("main.tf"), &text("iam.tf")) {
        files.insert(PathBuf::from("moved.tf"), moved.into_bytes());
    }
    for folder in module_folders(project) {
        let prefix = format!("{folder}/module/");
        let module = folder.replace('/', "_");
        for (name, text) in TEMPLATES.iter().filter(|(n, _)| n.starts_with(&prefix)) {
            let rel = Path::new("modules")
                .join(&module)
                .join(&name[prefix.len()..]);
            files.insert(rel, text.as_bytes().to_vec());
        }
    }
    for (path, bytes) in ctx.extra_files {
        files.insert(path, bytes);
    }
    Ok(files)
}

/// `files` with the [`manifest`] that records them.
fn with_manifest(project: &Compiled, mut files: Files) -> Files {
    let mut record = manifest::Manifest::of(&project.name, &files);
    record.components = replacements::inventory(project);
    files.insert(PathBuf::from(manifest::FILE), record.to_bytes());
    files
}

/// What each component's kind builds before the templates run (every function's zip), or
/// every problem of every component.
fn packages(
    project: &Compiled,
    out_dir: &Path,
    options: &package::Options,
) -> Result<BTreeMap<ComponentId, Vec<u8>>, RenderError> {
    let mut built = BTreeMap::new();
    let mut diags = Vec::new();
    for c in project.components.values() {
        match kind_render(&c.settings).package(project, c, out_dir, options) {
            Some(Ok(bytes)) => {
                built.insert(c.id.clone(), bytes);
            }
            Some(Err(problems)) => diags.extend(problems),
            None => {}
        }
    }
    if diags.is_empty() {
        Ok(built)
    } else {
        diags.sort_by_key(Diagnostic::offset);
        Err(RenderError::Diagnostics(diags))
    }
}

/// Template folders whose modules a project needs: one per kind used (its `existing/` folder
/// for components standing for existing resources, rendered as `modules/<kind>_existing`),
/// plus the shared building blocks the kinds' own modules call.
fn module_folders(project: &Compiled) -> Vec<String> {
    let mut out = Vec::new();
    for c in project.components.values() {
        out.push(kind::template_folder(project, c));
        if !crate::semantic::existing::is_existing(c) {
            let shared = kind_render(&c.settings).shared_modules();
            out.extend(shared.iter().map(|s| s.to_string()));
        }
    }
    let m = &project.monitoring;
    if m.dashboard || m.alarms {
        out.push("monitoring".to_string());
    }
    out.sort();
    out.dedup();
    out
}

/// Collapses runs of blank lines and trims blank lines at the end, as `terraform fmt` leaves
/// templates with optional sections.
fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0
            && !out.is_empty()
            && !out.ends_with("{\n")
            && !line.trim_start().starts_with('}')
        {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}
