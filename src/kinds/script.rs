//! Where a Spark job's script is (a Glue job's, an EMR Serverless job's), and the rule that it
//! stays inside the spec's folder (as a Lambda's `code` does): a spec is reviewed with the folder
//! it lives in, so nothing outside it is read, neither through `..` nor an absolute path nor a
//! symlink. `validate` resolves the script; `render` reads it into `build/<id>.py`. Shared by the
//! job kinds, so it knows no kind and builds diagnostics only from spans.

use std::path::{Component as PathPart, Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// One job's script to find.
#[derive(Debug, Clone, Copy)]
pub struct Script<'a> {
    /// What the job is, for messages: `glue job`, `EMR Serverless job`.
    pub what: &'static str,
    pub id: &'a str,
    /// The `script:` value, as the spec has it.
    pub path: &'a str,
    /// The spec file's folder: the script resolves against it and must stay inside it.
    pub base_dir: &'a Path,
}

/// A problem with the script, before it knows where in the spec it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
    pub label: &'static str,
    pub help: &'static str,
}

impl Problem {
    /// The diagnostic, labelled at `at` (the `script:` value).
    pub fn at(self, at: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic::new(self.code, self.message)
            .with_label(at, self.label)
            .with_help(self.help)
    }
}

const KEEP_INSIDE: &str = "`script` is a `.py` file inside the spec file's folder, written \
                           relative to it; pipelinec reads nothing outside that folder, so move \
                           the script (or the spec) so that the spec's folder holds it";

const RELATIVE: &str = "`script` is a `.py` file relative to the spec file";

/// Resolves `script:` against the spec's folder: the canonical path of a regular file inside it.
pub fn resolve(s: &Script) -> Result<PathBuf, Problem> {
    let rel = Path::new(s.path);
    let outside = |why: &str, label: &'static str| Problem {
        code: "script-outside-spec",
        message: format!("the script `{}` of {} `{}` {why}", s.path, s.what, s.id),
        label,
        help: KEEP_INSIDE,
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
    let joined = s.base_dir.join(rel);
    let missing = |what: &str, label: &'static str| Problem {
        code: "missing-script",
        message: format!(
            "the script `{}` of {} `{}` {what}",
            joined.display(),
            s.what,
            s.id
        ),
        label,
        help: RELATIVE,
    };
    let base =
        std::fs::canonicalize(s.base_dir).map_err(|_| missing("does not exist", "not found"))?;
    let file =
        std::fs::canonicalize(&joined).map_err(|_| missing("does not exist", "not found"))?;
    if !file.starts_with(&base) {
        return Err(Problem {
            message: format!(
                "the script `{}` of {} `{}` resolves to `{}`, outside the spec's folder",
                s.path,
                s.what,
                s.id,
                file.display()
            ),
            ..outside("", "a symlink out of the spec's folder")
        });
    }
    if !file.is_file() {
        return Err(missing("is not a file", "not a file"));
    }
    Ok(file)
}

/// The script's bytes, for the render.
pub fn read(s: &Script) -> Result<Vec<u8>, Problem> {
    let file = resolve(s)?;
    std::fs::read(&file).map_err(|e| Problem {
        code: "missing-script",
        message: format!(
            "the script `{}` of {} `{}` cannot be read: {e}",
            s.path, s.what, s.id
        ),
        label: "unreadable",
        help: RELATIVE,
    })
}

/// Whether a relative path climbs above its start with `..`, read lexically: the one test of
/// every kind that reads files from the spec's folder (scripts, code folders).
pub fn escapes(path: &Path) -> bool {
    let mut depth: i64 = 0;
    for c in path.components() {
        match c {
            PathPart::ParentDir => depth -= 1,
            PathPart::Normal(_) => depth += 1,
            PathPart::CurDir => {}
            PathPart::RootDir | PathPart::Prefix(_) => return true,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script<'a>(base: &'a Path, path: &'a str) -> Script<'a> {
        Script {
            what: "glue job",
            id: "clean",
            path,
            base_dir: base,
        }
    }

    #[test]
    fn a_script_inside_the_folder_resolves_and_reads() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("jobs")).unwrap();
        std::fs::write(tmp.path().join("jobs/clean.py"), "print(1)\n").unwrap();
        let s = script(tmp.path(), "jobs/../jobs/./clean.py");
        assert_eq!(read(&s).unwrap(), b"print(1)\n");
    }

    #[test]
    fn paths_out_of_the_folder_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let spec = tmp.path().join("spec");
        std::fs::create_dir(&spec).unwrap();
        std::fs::write(tmp.path().join("outside.py"), "x").unwrap();
        for path in ["../outside.py", "/etc/passwd.py", "a/../../outside.py"] {
            let p = resolve(&script(&spec, path)).unwrap_err();
            assert_eq!(p.code, "script-outside-spec", "{path}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("outside.py"), spec.join("link.py"))
                .unwrap();
            let p = resolve(&script(&spec, "link.py")).unwrap_err();
            assert_eq!(
                (p.code, p.label),
                ("script-outside-spec", "a symlink out of the spec's folder")
            );
        }
    }

    #[test]
    fn a_missing_script_or_a_folder_is_missing() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("dir.py")).unwrap();
        assert_eq!(
            resolve(&script(tmp.path(), "nope.py")).unwrap_err().label,
            "not found"
        );
        assert_eq!(
            resolve(&script(tmp.path(), "dir.py")).unwrap_err().label,
            "not a file"
        );
    }
}
