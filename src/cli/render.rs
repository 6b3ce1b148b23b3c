//! `pipelinec render SPEC... [-o DIR] [--check [--diff]]`

use std::path::{Path, PathBuf};

use super::{INVALID, OK, USAGE, load_file, report};
use crate::render::{RenderError, compare};

pub fn run(specs: &[PathBuf], out: Option<&Path>, check: bool, diff: bool) -> u8 {
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
        eprintln!("error: --out takes one spec; render several specs into generated/ instead");
        return USAGE;
    }
    let mut status = OK;
    for spec in specs {
        status = status.max(one(spec, out, check, diff));
    }
    status
}

fn one(spec: &Path, out: Option<&Path>, check: bool, diff: bool) -> u8 {
    let what = if check { "not checked" } else { "not rendered" };
    let (file, project) = match load_file(spec, what) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let dir = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("generated").join(&project.stem));
    let files = match crate::render::render(&project, &dir) {
        Ok(f) => f,
        Err(RenderError::Diagnostics(diags)) => return report(&file, &diags, what),
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    if check {
        let on_disk = match compare::read_dir(&dir) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", dir.display());
                return USAGE;
            }
        };
        let changes = compare::compare(&files, &on_disk);
        if changes.is_empty() {
            outln!("{}: up to date", dir.display());
            return OK;
        }
        outln!(
            "{}: {} from a fresh render of {}:",
            dir.display(),
            if changes.len() == 1 {
                "1 file differs".to_string()
            } else {
                format!("{} files differ", changes.len())
            },
            spec.display()
        );
        for (path, change) in &changes {
            outln!("  {} ({})", dir.join(path).display(), change.as_str());
        }
        if diff {
            for (path, _) in &changes {
                out!(
                    "{}",
                    compare::unified_diff(
                        &dir.join(path),
                        files.get(path).map(Vec::as_slice),
                        on_disk.get(path).map(Vec::as_slice)
                    )
                );
            }
        }
        outln!("run `pipelinec render {}` to update", spec.display());
        return INVALID;
    }
    if let Err(e) = crate::render::write_atomic(&dir, &files) {
        eprintln!("error: cannot write `{}`: {e}", dir.display());
        return USAGE;
    }
    outln!("rendered {} files into {}", files.len(), dir.display());
    OK
}

/// Every `*.yaml` spec in `specs/`, sorted: what `render` and `render --check` do by default.
fn default_specs() -> Result<Vec<PathBuf>, u8> {
    let dir = Path::new("specs");
    let entries = std::fs::read_dir(dir).map_err(|e| {
        eprintln!("error: no spec given and cannot read `specs/`: {e}");
        USAGE
    })?;
    let mut specs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    specs.sort();
    if specs.is_empty() {
        eprintln!("error: no spec given and `specs/` holds no *.yaml spec");
        return Err(USAGE);
    }
    Ok(specs)
}
