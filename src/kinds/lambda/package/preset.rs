//! Which build a lambda gets: `build: auto` picks a preset from the runtime and the files in
//! the code folder, the way a developer would build it by hand for Lambda.

use std::path::Path;

use super::Function;
use super::problem::Problem;
use super::read::read_regular;
use super::walk::{self, Resolved, Tree};
use crate::kinds::lambda::{Architecture, Build, Runtime};

/// How a package is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Zip the (filtered) folder as it is.
    AsIs,
    /// `pip install --target` the `requirements.txt`, for Lambda's Python and platform.
    Pip {
        python_version: &'static str,
        platform: &'static str,
    },
    /// `npm ci --omit=dev` from the lockfile.
    Npm,
    /// The spec's own shell command.
    Command(String),
}

impl Plan {
    /// The plan of a lambda, reading only `requirements.txt` or `package.json`, and only when
    /// the runtime could use them.
    pub fn choose(f: &Function, root: &Path, place: &str) -> Result<Plan, Problem> {
        match &f.lambda.build {
            Build::None => Ok(Plan::AsIs),
            Build::Command(c) => Ok(Plan::Command(c.clone())),
            Build::Auto => {
                if let Some(python_version) = python_version(f.lambda.runtime) {
                    let wanted = match read_root_file(root, "requirements.txt", place)? {
                        Some(text) => has_requirements(&text),
                        None => false,
                    };
                    return Ok(if wanted {
                        Plan::Pip {
                            python_version,
                            platform: match f.lambda.architecture {
                                Architecture::X86_64 => "manylinux2014_x86_64",
                                Architecture::Arm64 => "manylinux2014_aarch64",
                            },
                        }
                    } else {
                        Plan::AsIs
                    });
                }
                if is_node(f.lambda.runtime)
                    && let Some(text) = read_root_file(root, "package.json", place)?
                {
                    return Ok(if has_dependencies(&text, place)? {
                        Plan::Npm
                    } else {
                        Plan::AsIs
                    });
                }
                Ok(Plan::AsIs)
            }
        }
    }

    /// Whether this plan runs a build (in a copy).
    pub fn builds(&self) -> bool {
        !matches!(self, Plan::AsIs)
    }

    /// Rules added to the folder's while copying it: what the build installs afresh.
    pub fn exclusions(&self) -> &'static [&'static str] {
        match self {
            Plan::Npm => &["/node_modules"],
            _ => &[],
        }
    }

    /// A stable name, for messages and the build cache key.
    pub fn name(&self) -> &'static str {
        match self {
            Plan::AsIs => "none",
            Plan::Pip { .. } => "pip",
            Plan::Npm => "npm",
            Plan::Command(_) => "command",
        }
    }
}

/// What a plan needs in the folder before any build runs: checked by `validate` too.
pub fn requirements(f: &Function, plan: &Plan, tree: &Tree) -> Vec<Problem> {
    let mut out = Vec::new();
    if *plan == Plan::Npm
        && !tree.files.contains_key("package-lock.json")
        && !tree.files.contains_key("npm-shrinkwrap.json")
    {
        out.push(Problem::new(
            "missing-lockfile",
            format!(
                "lambda `{}` has dependencies in `package.json` but no `package-lock.json`",
                f.id
            ),
            "no package-lock.json in this folder",
            "run `npm install` in the code folder to create one, and commit it: pipelinec \
             installs with `npm ci`, exactly the versions the lockfile pins",
        ));
    }
    if !matches!(plan, Plan::Command(_)) {
        out.extend(bootstrap(f, tree, ""));
    }
    out
}

/// For `provided.*` runtimes: the prebuilt executable `bootstrap` Lambda starts.
pub fn bootstrap(f: &Function, tree: &Tree, after: &str) -> Option<Problem> {
    if f.lambda.runtime != Runtime::ProvidedAl2023 {
        return None;
    }
    let runtime = f.lambda.runtime.as_str();
    match tree.files.get("bootstrap") {
        None => Some(Problem::new(
            "missing-bootstrap",
            format!(
                "lambda `{}` uses `{runtime}` but its code folder{after} has no `bootstrap`",
                f.id
            ),
            "no bootstrap executable here",
            "build the function into an executable named `bootstrap` at the top of the code \
             folder (e.g. `cargo lambda build` or `GOOS=linux go build -o bootstrap`), or let \
             `build: { command: ... }` build it",
        )),
        Some(e) if !e.executable => Some(Problem::new(
            "missing-bootstrap",
            format!(
                "the `bootstrap` of lambda `{}`{after} is not executable",
                f.id
            ),
            "bootstrap is not executable",
            "`chmod +x bootstrap`: Lambda runs it as a program",
        )),
        Some(_) => None,
    }
}

fn python_version(runtime: Runtime) -> Option<&'static str> {
    match runtime {
        Runtime::Python312 => Some("3.12"),
        Runtime::Python313 => Some("3.13"),
        _ => None,
    }
}

fn is_node(runtime: Runtime) -> bool {
    matches!(runtime, Runtime::Nodejs20 | Runtime::Nodejs22)
}

/// A file at the top of the code folder, read only if it is a regular file inside the folder.
fn read_root_file(root: &Path, name: &str, place: &str) -> Result<Option<String>, Problem> {
    match walk::resolve(root, Path::new(name), place)? {
        Some(Resolved::File(entry)) => {
            let bytes = read_regular(&entry.real, 16 * 1024 * 1024, entry.id).map_err(|e| {
                Problem::new(
                    "unreadable-code",
                    format!("cannot read `{name}` in {place}: {e}"),
                    "cannot be read",
                    "make the file readable",
                )
            })?;
            Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
        }
        _ => Ok(None),
    }
}

/// Whether a requirements file names anything (an empty one needs no pip).
fn has_requirements(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with('#')
    })
}

/// Whether a `package.json` has runtime dependencies (`"type": "module"` alone needs no npm).
fn has_dependencies(text: &str, place: &str) -> Result<bool, Problem> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        Problem::new(
            "invalid-package-json",
            format!("`package.json` in {place} is not valid JSON: {e}"),
            "invalid package.json",
            "fix the file: npm cannot read it either",
        )
    })?;
    Ok(json
        .get("dependencies")
        .and_then(|d| d.as_object())
        .is_some_and(|d| !d.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_requirements_need_no_pip() {
        assert!(!has_requirements("# nothing\n\n   \n"));
        assert!(has_requirements("# pinned\nsix==1.16.0\n"));
    }

    #[test]
    fn package_json_without_dependencies_needs_no_npm() {
        assert!(!has_dependencies(r#"{"type":"module"}"#, "x").unwrap());
        assert!(!has_dependencies(r#"{"dependencies":{}}"#, "x").unwrap());
        assert!(has_dependencies(r#"{"dependencies":{"is-number":"7.0.0"}}"#, "x").unwrap());
        assert!(has_dependencies("{", "x").is_err());
    }
}
