//! `pipelinec render SPEC... [-o DIR] [--force] [--check [--diff]] [--as-module]`

use std::path::{Path, PathBuf};

use super::{INVALID, OK, USAGE, report};
use crate::render::ownership::{self, Previous};
use crate::render::{RenderError, WriteError, compare, overrides};

/// What `render` is asked to do with each spec.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    /// Compare instead of writing.
    pub check: bool,
    /// With `check`, print diffs.
    pub diff: bool,
    /// Take over files pipelinec did not write.
    pub force: bool,
    /// With `check`, report override files without failing.
    pub allow_overrides: bool,
    /// Render a child module (see [`crate::render::render_module`]).
    pub as_module: bool,
}

pub fn run(specs: &[PathBuf], out: Option<&Path>, env: Option<&str>, mode: Mode) -> u8 {
    let defaulted;
    let specs = if specs.is_empty() {
        defaulted = match default_specs() {
            Ok(s) => s,
            Err(code) => return code,
        };
        &defaulted
    } else {
        specs
    };
    if out.is_some() && specs.len() > 1 {
        errln!("error: --out takes one spec; render several specs into generated/ instead");
        return USAGE;
    }
    let mut status = OK;
    let mut names = crate::check::ProjectNames::default();
    for spec in specs {
        status = status.max(one(spec, out, env, mode, &mut names));
    }
    status
}

fn one(
    spec: &Path,
    out: Option<&Path>,
    env: Option<&str>,
    mode: Mode,
    names: &mut crate::check::ProjectNames,
) -> u8 {
    let what = if mode.check {
        "not checked"
    } else {
        "not rendered"
    };
    let (file, projects) = match super::load_file(spec, env, what, names) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut status = OK;
    for project in &projects {
        let dir = match (out, &project.env) {
            (Some(out), Some(e)) if env.is_none() => out.join(e),
            (Some(out), _) => out.to_path_buf(),
            (None, Some(e)) => PathBuf::from("generated").join(&project.stem).join(e),
            (None, None) => PathBuf::from("generated").join(&project.stem),
        };
        status = status.max(root(spec, &file, project, &dir, mode));
    }
    status
}

/// Renders (or checks) one root: the spec, or one of its environments.
fn root(
    spec: &Path,
    file: &crate::source::SourceFile,
    project: &crate::check::Compiled,
    dir: &Path,
    mode: Mode,
) -> u8 {
    let what = if mode.check {
        "not checked"
    } else {
        "not rendered"
    };
    let dir = dir.to_path_buf();
    let rendered = if mode.as_module {
        crate::render::render_module(project, &dir)
    } else {
        crate::render::render(project, &dir)
    };
    let files = match rendered {
        Ok(f) => f,
        Err(RenderError::Diagnostics(diags)) => return report(file, &diags, what),
        Err(e) => {
            errln!("error: {e}");
            return USAGE;
        }
    };
    let replaced = replacements(&dir, project, &files);
    if mode.check {
        warn_replacements(&dir, &replaced);
        return check(spec, &dir, &project.name, &files, mode);
    }
    match crate::render::write(&dir, &files, &project.name, mode.force) {
        Ok(w) => {
            outln!(
                "rendered {} into {} ({} written, {} unchanged, {} removed)",
                spec.display(),
                dir.display(),
                w.written,
                w.unchanged,
                w.deleted
            );
            warn_replacements(&dir, &replaced);
            OK
        }
        Err(WriteError::Foreign { dir, paths }) => {
            errln!(
                "error: `{}` holds files that pipelinec did not write and would overwrite:",
                dir.display()
            );
            for p in &paths {
                errln!("  {}", dir.join(p).display());
            }
            errln!(
                "nothing was written; move them away, or pass --force to let pipelinec replace them"
            );
            INVALID
        }
        Err(e @ WriteError::OtherProject { .. }) => {
            errln!("error: {e}");
            errln!(
                "nothing was written; render into another folder, or pass --force to replace that render"
            );
            INVALID
        }
        Err(e @ WriteError::NotAFolder(_)) => {
            errln!("error: {e}");
            USAGE
        }
        Err(e) => {
            errln!("error: {e}");
            USAGE
        }
    }
}

/// What the previous render in `dir` (by its manifest) has that this one destroys or
/// replaces; nothing without a previous render of this project.
fn replacements(
    dir: &Path,
    project: &crate::check::Compiled,
    files: &crate::render::Files,
) -> Vec<String> {
    let Ok(Previous::Ours(previous)) = ownership::previous(dir, &project.name, false) else {
        return Vec::new();
    };
    let fresh = files
        .get(Path::new(crate::render::manifest::FILE))
        .and_then(|bytes| crate::render::manifest::Manifest::parse(bytes).ok());
    match fresh {
        Some(fresh) => crate::render::replacements::report(&previous, &fresh, project),
        None => Vec::new(),
    }
}

fn warn_replacements(dir: &Path, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    errln!(
        "warning: against the previous render in {}, terraform will destroy:",
        dir.display()
    );
    for line in lines {
        errln!("  {line}");
    }
}

/// `render --check`: compares by the same ownership rule that `render` writes by, and names
/// every rendered block that a user's override file changes.
fn check(spec: &Path, dir: &Path, project: &str, files: &crate::render::Files, mode: Mode) -> u8 {
    if dir.exists() && !dir.is_dir() {
        errln!("error: `{}` exists and is not a folder", dir.display());
        return USAGE;
    }
    let read = ownership::survey(dir, files, project, false)
        .and_then(|s| Ok((s, overrides::find(dir, files)?)));
    let (survey, overridden) = match read {
        Ok(r) => r,
        Err(e) => {
            errln!("error: cannot read `{}`: {e}", dir.display());
            return USAGE;
        }
    };
    let mut status = OK;
    if survey.changes.is_empty() {
        outln!("{}: up to date", dir.display());
    } else {
        status = INVALID;
        report_changes(spec, dir, project, files, &survey, mode.diff);
    }
    if !overridden.is_empty() {
        let n = overridden.len();
        outln!(
            "{}: {} of the render {} changed by override files that Terraform merges over it:",
            dir.display(),
            if n == 1 {
                "1 block".to_string()
            } else {
                format!("{n} blocks")
            },
            if n == 1 { "is" } else { "are" },
        );
        for o in &overridden {
            outln!("  {}: {}", dir.join(&o.file).display(), o.block);
        }
        if mode.allow_overrides {
            outln!("(allowed by --allow-overrides)");
        } else {
            outln!("review them with the render; pass --allow-overrides once they are reviewed");
            status = INVALID;
        }
    }
    status
}

fn report_changes(
    spec: &Path,
    dir: &Path,
    project: &str,
    files: &crate::render::Files,
    survey: &ownership::Survey,
    diff: bool,
) {
    let n = survey.changes.len();
    outln!(
        "{}: {} from a fresh render of {}:",
        dir.display(),
        if n == 1 {
            "1 file differs".to_string()
        } else {
            format!("{n} files differ")
        },
        spec.display()
    );
    if let Previous::OtherProject(m) = &survey.previous {
        outln!(
            "  (the folder holds the render of project `{}`, not `{project}`)",
            m.project
        );
    }
    for (path, change) in &survey.changes {
        let note = if survey.foreign.contains(path) {
            ", not written by pipelinec"
        } else {
            ""
        };
        outln!("  {} ({}{note})", dir.join(path).display(), change.as_str());
    }
    if diff {
        for (path, _) in &survey.changes {
            // A query's `.sql` file holds the spec's text as written: its diff is shown with
            // hidden characters escaped, like every other printed spec value.
            out!(
                "{}",
                crate::diagnostic::text::clean_file_text(&compare::unified_diff(
                    &dir.join(path),
                    files.get(path).map(Vec::as_slice),
                    survey.on_disk.get(path).map(Vec::as_slice)
                ))
            );
        }
    }
    outln!("run `pipelinec render {}` to update", spec.display());
}

/// Every `*.yaml` spec in `specs/`, sorted: what `render` and `render --check` do by default.
fn default_specs() -> Result<Vec<PathBuf>, u8> {
    let dir = Path::new("specs");
    let entries = std::fs::read_dir(dir).map_err(|e| {
        errln!("error: no spec given and cannot read `specs/`: {e}");
        USAGE
    })?;
    let mut specs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    specs.sort();
    if specs.is_empty() {
        errln!("error: no spec given and `specs/` holds no *.yaml spec");
        return Err(USAGE);
    }
    Ok(specs)
}
