//! The application's code: a folder inside the spec's folder (as a Lambda's `code` is: nothing
//! outside it is read, neither through `..` nor an absolute path nor a symlink), zipped
//! deterministically (entries sorted by path, every timestamp 1980-01-01, mode 0644), so that
//! the same folder always gives the same bytes and the same S3 object. `validate` resolves the
//! folder and its entry point; `render` zips it into `build/<id>.zip`.

use std::io::{Cursor, Write};
use std::ops::Range;
use std::path::{Component as PathPart, Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::FlinkApplication;
use crate::diagnostic::Diagnostic;
use crate::kinds::script::escapes;

/// Largest code zip pipelinec uploads (50 MB): past that the folder holds more than code.
pub const MAX_ZIP_BYTES: usize = 50 * 1024 * 1024;

/// What the messages call it.
const WHAT: &str = "Flink application";

const KEEP_INSIDE: &str = "`code` is a folder inside the spec file's folder, written relative \
                           to it; pipelinec reads nothing outside that folder";

/// One application's code to find.
pub struct Code<'a> {
    pub id: &'a str,
    pub app: &'a FlinkApplication,
    /// The spec file's folder.
    pub base_dir: &'a Path,
    /// Where `code`, `main` and `jarfile` are in the spec (for the labels).
    pub code_at: Range<usize>,
    pub main_at: Range<usize>,
    pub jarfile_at: Range<usize>,
}

fn problem(
    code: &'static str,
    message: String,
    at: Range<usize>,
    label: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::new(code, message)
        .with_label(at, label)
        .with_help(help)
}

/// The canonical code folder, inside the spec's folder.
/// Errors are boxed: a `Diagnostic` is large, and these are rare.
fn folder(c: &Code) -> Result<PathBuf, Box<Diagnostic>> {
    let rel = Path::new(&c.app.code);
    let outside = |why: &str, label: &str| {
        Box::new(problem(
            "code-outside-spec",
            format!("the code `{}` of {WHAT} `{}` {why}", c.app.code, c.id),
            c.code_at.clone(),
            label,
            KEEP_INSIDE,
        ))
    };
    if rel.is_absolute() || rel.has_root() {
        return Err(outside("is an absolute path", "absolute path"));
    }
    if escapes(rel) {
        return Err(outside(
            "is outside the spec's folder",
            "`..` leaves the spec's folder",
        ));
    }
    let missing = || {
        Box::new(problem(
            "missing-code",
            format!(
                "the code folder `{}` of {WHAT} `{}` does not exist",
                c.base_dir.join(rel).display(),
                c.id
            ),
            c.code_at.clone(),
            "not found",
            "`code` is a folder relative to the spec file, holding the application's `main`",
        ))
    };
    let base = std::fs::canonicalize(c.base_dir).map_err(|_| missing())?;
    let dir = std::fs::canonicalize(c.base_dir.join(rel)).map_err(|_| missing())?;
    if !dir.starts_with(&base) {
        return Err(outside(
            "resolves outside the spec's folder",
            "a symlink out of the spec's folder",
        ));
    }
    if !dir.is_dir() {
        return Err(missing());
    }
    Ok(dir)
}

/// Every file to zip under `dir`, by its `/`-separated path relative to it, sorted; hidden
/// entries and `__pycache__` folders left out, a symlink or a special file refused.
fn files(c: &Code, dir: &Path) -> Result<Vec<(String, PathBuf)>, Box<Diagnostic>> {
    fn walk(
        c: &Code,
        dir: &Path,
        rel: &str,
        out: &mut Vec<(String, PathBuf)>,
    ) -> Result<(), Box<Diagnostic>> {
        let unreadable = |e: std::io::Error| {
            Box::new(problem(
                "missing-code",
                format!("the code of {WHAT} `{}` cannot be read: {e}", c.id),
                c.code_at.clone(),
                "unreadable",
                "make the folder readable",
            ))
        };
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(unreadable)?
            .collect::<Result<_, _>>()
            .map_err(unreadable)?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "__pycache__" {
                continue;
            }
            let path = e.path();
            let shown = format!("{rel}{name}");
            let ft = e.file_type().map_err(unreadable)?;
            if ft.is_dir() {
                walk(c, &path, &format!("{shown}/"), out)?;
            } else if ft.is_file() {
                out.push((shown, path));
            } else {
                return Err(Box::new(problem(
                    "code-special-file",
                    format!(
                        "the code of {WHAT} `{}` holds `{shown}`, a symlink or special file",
                        c.id
                    ),
                    c.code_at.clone(),
                    "holds a symlink",
                    "copy the file it points at into the folder: pipelinec follows no link, so \
                     that the zip holds exactly what the folder shows",
                )));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(c, dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

/// The checks `validate` runs: the folder resolves, and `main` (and `jarfile`) are files in it.
pub fn check(c: &Code) -> Vec<Diagnostic> {
    let dir = match folder(c) {
        Ok(d) => d,
        Err(d) => return vec![*d],
    };
    let listed = match files(c, &dir) {
        Ok(f) => f,
        Err(d) => return vec![*d],
    };
    let mut out = Vec::new();
    let mut need = |field: &str, value: &str, at: Range<usize>| {
        let clean = Path::new(value)
            .components()
            .filter(|p| !matches!(p, PathPart::CurDir))
            .map(|p| p.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if !listed.iter().any(|(rel, _)| *rel == clean) {
            out.push(problem(
                "missing-code",
                format!(
                    "the `{field}` `{value}` of {WHAT} `{}` is not a file of its code folder `{}`",
                    c.id, c.app.code
                ),
                at,
                "not in the code folder",
                &format!("`{field}` is a path relative to `code`, of a file the zip will hold"),
            ));
        }
    };
    need("main", &c.app.main, c.main_at.clone());
    if let Some(j) = &c.app.jarfile {
        need("jarfile", j, c.jarfile_at.clone());
    }
    out
}

/// The code zip, for the render.
pub fn zip(c: &Code) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let problems = check(c);
    if !problems.is_empty() {
        return Err(problems);
    }
    let dir = folder(c).map_err(|d| vec![*d])?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let failed = |e: String| {
        vec![problem(
            "missing-code",
            format!("the code of {WHAT} `{}` cannot be zipped: {e}", c.id),
            c.code_at.clone(),
            "unreadable",
            "make the folder's files readable",
        )]
    };
    for (rel, path) in files(c, &dir).map_err(|d| vec![*d])? {
        let bytes = std::fs::read(&path).map_err(|e| failed(e.to_string()))?;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644)
            .large_file(bytes.len() as u64 >= u32::MAX as u64);
        zip.start_file(rel, options)
            .map_err(|e| failed(e.to_string()))?;
        zip.write_all(&bytes).map_err(|e| failed(e.to_string()))?;
    }
    let bytes = zip
        .finish()
        .map_err(|e| failed(e.to_string()))?
        .into_inner();
    if bytes.len() > MAX_ZIP_BYTES {
        return Err(vec![problem(
            "code-too-large",
            format!(
                "the code of {WHAT} `{}` zips to {} bytes, over {MAX_ZIP_BYTES}",
                c.id,
                bytes.len()
            ),
            c.code_at.clone(),
            "too large",
            "keep only the application, its helpers and the connector JAR in the folder",
        )]);
    }
    Ok(bytes)
}
