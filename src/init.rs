//! `pipelinec init`: a starter spec, from the examples in `specs/`, that validates and renders
//! as it is.

use std::path::{Path, PathBuf};

// The example specs, embedded at build time (see build.rs).
include!(concat!(env!("OUT_DIR"), "/specs.rs"));

/// Names of the templates: the example specs.
pub fn templates() -> Vec<&'static str> {
    let mut names: Vec<&str> = SPECS
        .iter()
        .filter_map(|(path, _)| path.strip_suffix(".yaml"))
        .filter(|p| !p.contains('/'))
        .collect();
    names.sort();
    names
}

/// The files `init` writes for a template: the spec, its code folder, and the schema the
/// spec's modeline points at.
pub fn files(template: &str) -> Option<Vec<(PathBuf, String)>> {
    let spec = SPECS
        .iter()
        .find(|(p, _)| *p == format!("{template}.yaml"))?;
    let mut out = vec![(PathBuf::from(spec.0), spec.1.to_string())];
    let folder = format!("{template}/");
    for (path, text) in SPECS.iter().filter(|(p, _)| p.starts_with(&folder)) {
        out.push((PathBuf::from(path), text.to_string()));
    }
    out.push((
        PathBuf::from("pipelinec.schema.json"),
        crate::schema::schema_text(),
    ));
    Some(out)
}

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("unknown template `{0}`; choose one of: {known}", known = templates().join(", "))]
    UnknownTemplate(String),
    #[error("`{}` already exists; use --force to overwrite", .0.display())]
    Exists(PathBuf),
    #[error("cannot write `{}`: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Writes the template into `dir`; checks every target first, so it writes all or nothing
/// (unless `force`).
pub fn init(template: &str, dir: &Path, force: bool) -> Result<Vec<PathBuf>, InitError> {
    let files = files(template).ok_or_else(|| InitError::UnknownTemplate(template.to_string()))?;
    if !force && let Some((path, _)) = files.iter().find(|(p, _)| dir.join(p).exists()) {
        return Err(InitError::Exists(dir.join(path)));
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(&rel);
        let io = |source| InitError::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, text).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}
