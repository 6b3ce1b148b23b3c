//! Where a lambda's code folder is, and the rule that it stays inside the spec's folder: a
//! spec is reviewed with the folder it lives in, so packaging reads nothing outside that
//! folder, neither through `..` nor an absolute path nor a symlink.

use std::path::{Component, Path, PathBuf};

use super::Function;
use super::problem::Problem;
use crate::kinds::script::escapes;

/// The code folder, resolved: every symlink on the way followed, checked to be inside the
/// spec's folder.
#[derive(Debug, Clone)]
pub struct CodeDir {
    /// The canonical path of the folder.
    pub root: PathBuf,
}

/// Resolves `code:` against the spec's folder.
pub fn resolve(f: &Function) -> Result<CodeDir, Problem> {
    let code = Path::new(&f.lambda.code);
    let keep_inside = "`code` is a folder inside the spec file's folder, written relative to \
                       it; pipelinec reads nothing outside that folder, so move the code (or the \
                       spec) so that the spec's folder holds it";
    if code.is_absolute() || code.has_root() {
        return Err(Problem::new(
            "code-outside-spec",
            format!(
                "the code folder `{}` of lambda `{}` is an absolute path",
                f.lambda.code, f.id
            ),
            "absolute path",
            keep_inside,
        ));
    }
    if escapes(code) {
        return Err(Problem::new(
            "code-outside-spec",
            format!(
                "the code folder `{}` of lambda `{}` is outside the spec's folder",
                f.lambda.code, f.id
            ),
            "`..` leaves the spec's folder",
            keep_inside,
        ));
    }
    let joined = f.base_dir.join(code);
    let missing = || {
        Problem::new(
            "missing-code",
            format!(
                "the code directory `{}` of lambda `{}` does not exist",
                joined.display(),
                f.id
            ),
            "not found",
            "`code` is a directory relative to the spec file",
        )
    };
    let base = std::fs::canonicalize(f.base_dir).map_err(|_| missing())?;
    let root = std::fs::canonicalize(&joined).map_err(|_| missing())?;
    if !root.starts_with(&base) {
        return Err(Problem::new(
            "code-outside-spec",
            format!(
                "the code folder `{}` of lambda `{}` resolves to `{}`, outside the spec's folder",
                f.lambda.code,
                f.id,
                root.display()
            ),
            "a symlink out of the spec's folder",
            keep_inside,
        ));
    }
    if !root.is_dir() {
        return Err(Problem::new(
            "missing-code",
            format!(
                "the code directory `{}` of lambda `{}` is not a directory",
                joined.display(),
                f.id
            ),
            "not a directory",
            "`code` is a directory relative to the spec file",
        ));
    }
    Ok(CodeDir { root })
}

/// `path` made absolute without requiring it to exist: its longest existing ancestor is
/// canonicalized and the rest appended with `.` and `..` applied, so a render folder that is
/// about to be created can be compared with a code folder.
pub fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let parts: Vec<Component> = path.components().collect();
    for i in (1..=parts.len()).rev() {
        let prefix: PathBuf = parts[..i].iter().collect();
        if let Ok(mut out) = std::fs::canonicalize(&prefix) {
            for part in &parts[i..] {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return Ok(out);
        }
    }
    Ok(path)
}

/// The problem when the render folder lies inside the code folder: each render would package
/// the previous one.
pub fn contains_output(f: &Function, code: &CodeDir, out_dir: &Path) -> Option<Problem> {
    let out = absolute(out_dir).ok()?;
    out.starts_with(&code.root).then(|| {
        Problem::new(
            "code-contains-output",
            format!(
                "the code folder `{}` of lambda `{}` contains the render output folder `{}`",
                f.lambda.code,
                f.id,
                out_dir.display()
            ),
            "holds the render output",
            "render somewhere outside the code folder (`pipelinec render -o DIR`), or point \
             `code` at a folder that holds only the function",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_lexical() {
        assert!(escapes(Path::new("..")));
        assert!(escapes(Path::new("../x")));
        assert!(escapes(Path::new("a/../../x")));
        assert!(!escapes(Path::new("a/../b")));
        assert!(!escapes(Path::new("./a/./b")));
        assert!(escapes(Path::new("/etc")));
    }

    #[test]
    fn absolute_resolves_missing_tails() {
        let tmp = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(tmp.path()).unwrap();
        assert_eq!(
            absolute(&tmp.path().join("a/b/../c")).unwrap(),
            real.join("a/c")
        );
        assert_eq!(absolute(tmp.path()).unwrap(), real);
    }
}
