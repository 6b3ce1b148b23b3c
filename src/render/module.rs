//! The render as a child module (`render --as-module`): no provider, backend or region of its
//! own, and every AWS name built from a `name` variable, so that a caller's root can create it
//! several times with `for_each` in one account and region.
//!
//! The kinds and the IAM layer build names from the project's name and region as they always
//! do; in module mode they are given placeholders instead (strings found nowhere in the plain
//! render of the same spec), and the placeholders in the root's files then become
//! `${var.name}`, `${local.name_snake}` and `${local.region}`. So no kind knows about module
//! mode, and a name a kind builds is never missed. Each placeholder is as long as what it stands
//! for: the IAM layout, which measures policies, is the one `validate` checked, and `var.name`
//! may be no longer than the spec's name, so every name and every policy still fits its quota.

use std::path::Path;

use super::{Files, RenderError};
use crate::check::Compiled;
use crate::iam;

/// What stands for the project's name (and its `_` form) and region while rendering a module.
pub(super) struct Placeholders {
    name: String,
    snake: String,
    region: String,
}

impl Placeholders {
    /// Placeholders found nowhere in the root files of `plain`, the standalone render of the
    /// same project: whatever of them the module's root files hold came from a name or the
    /// region. Each is a letter found only at its start, then `-` and digits, so two can
    /// neither overlap nor hold one another.
    pub fn choose(compiled: &Compiled, plain: &Files) -> Placeholders {
        let text: String = plain
            .iter()
            .filter(|(path, _)| is_root_file(path))
            .map(|(_, bytes)| String::from_utf8_lossy(bytes))
            .collect();
        // A one-letter placeholder of a two-letter name would have no `_` form of its own.
        let name = unused('q', compiled.name.len().max(3), |s| {
            text.contains(s) || text.contains(&s.replace('-', "_"))
        });
        let region = unused('y', compiled.region.len(), |s| text.contains(s));
        Placeholders {
            snake: name.replace('-', "_"),
            name,
            region,
        }
    }

    /// `compiled` with the placeholders for its name and region, and its permissions derived
    /// again from them.
    pub fn project(&self, compiled: &Compiled) -> Result<Compiled, RenderError> {
        let mut project = compiled.project.clone();
        project.name = self.name.clone();
        project.region = self.region.clone();
        let policies = iam::policies(&project).map_err(|_| {
            RenderError::Module(format!(
                "the permissions of `{}` do not fit IAM's quotas with a module's longer names; \
                 give the spec a name of three characters or more",
                compiled.name
            ))
        })?;
        let resource_policies = iam::resource_policies(&project)
            .expect("the spec's values passed the wildcard check, and placeholders hold none");
        Ok(Compiled {
            project,
            policies,
            resource_policies,
        })
    }

    /// The module's files from the files rendered with the placeholders: in the root's `.tf`
    /// files each placeholder becomes its expression; every other file (the kinds' modules,
    /// packages, queries) must be what the plain render holds, since nothing in it can vary
    /// per instance.
    pub fn apply(&self, rendered: Files, plain: &Files) -> Result<Files, RenderError> {
        let mut out = Files::new();
        let mut fixed = Vec::new();
        for (path, bytes) in rendered {
            if is_root_file(&path) {
                let text = String::from_utf8(bytes).expect("templates render UTF-8");
                let text = substitute(&text, &self.name, "var.name");
                let text = substitute(&text, &self.snake, "local.name_snake");
                let text = substitute(&text, &self.region, "local.region");
                out.insert(path, text.into_bytes());
            } else {
                if plain.get(&path) != Some(&bytes) {
                    fixed.push(path.display().to_string());
                }
                out.insert(path, bytes);
            }
        }
        if fixed.is_empty() {
            Ok(out)
        } else {
            Err(RenderError::Module(format!(
                "{} hold{} AWS names built from the project's name, which a module's `name` \
                 variable cannot change, so two instances would collide; render it as a root \
                 module instead",
                fixed.join(", "),
                if fixed.len() == 1 { "s" } else { "" }
            )))
        }
    }
}

/// `text` with `placeholder` in HCL strings replaced by the expression `expr`: a string that is
/// only the placeholder becomes the bare expression, as `terraform fmt` writes it, and one
/// that holds more interpolates it. (A quote right after a backslash is part of a string, not
/// its start.)
fn substitute(text: &str, placeholder: &str, expr: &str) -> String {
    let whole = format!("\"{placeholder}\"");
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(&whole) {
        if !text[..at].ends_with('\\') {
            out.push_str(&text[last..at]);
            out.push_str(expr);
            last = at + whole.len();
        }
    }
    out.push_str(&text[last..]);
    out.replace(placeholder, &format!("${{{expr}}}"))
}

/// The first of `<tag>-0…0`, `<tag>-0…1`, … (`len` characters, or more once the digits run
/// out) that is not `taken`.
fn unused(tag: char, len: usize, taken: impl Fn(&str) -> bool) -> String {
    (0u64..)
        .map(|n| {
            let digits = n.to_string();
            let width = len.saturating_sub(2).max(digits.len());
            format!("{tag}-{digits:0>width$}")
        })
        .find(|s| !taken(s))
        .expect("some number is unused")
}

/// A `.tf` file of the root module (the ones rendered from `templates/root/`).
fn is_root_file(path: &Path) -> bool {
    path.parent().is_some_and(|p| p.as_os_str().is_empty())
        && path.extension().is_some_and(|e| e == "tf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_keep_the_length_and_skip_what_is_taken() {
        assert_eq!(unused('q', 13, |_| false), "q-00000000000");
        assert_eq!(unused('q', 3, |s| s == "q-0" || s == "q-1"), "q-2");
        let taken: Vec<String> = (0..10).map(|n| format!("q-{n}")).collect();
        assert_eq!(unused('q', 3, |s| taken.iter().any(|t| t == s)), "q-10");
    }

    #[test]
    fn a_placeholder_becomes_an_expression_or_an_interpolation() {
        let text = "name = \"q-0\"\nrole = \"q-0-fn\"\nsaid = \"\\\"q-0\"\n";
        assert_eq!(
            substitute(text, "q-0", "var.name"),
            "name = var.name\nrole = \"${var.name}-fn\"\nsaid = \"\\\"${var.name}\"\n"
        );
    }

    #[test]
    fn only_the_root_s_tf_files_are_rewritten() {
        assert!(is_root_file(Path::new("main.tf")));
        assert!(!is_root_file(Path::new("modules/lambda/main.tf")));
        assert!(!is_root_file(Path::new("queries/a/q.sql")));
        assert!(!is_root_file(Path::new(".pipelinec-manifest.json")));
    }
}
