//! What never goes into a package, as gitignore rules matched by the `ignore` crate (the
//! matcher ripgrep uses), so the built-in defaults and a user's `.pipelinecignore` mean
//! exactly what they would mean to git.

use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::problem::Problem;

/// The file in a code folder whose gitignore-syntax lines add to [`BUILT_IN`].
pub const IGNORE_FILE: &str = ".pipelinecignore";

/// The render manifest pipelinec writes into every output folder: a folder holding it is
/// pipelinec's own output, never part of a function.
pub const MANIFEST: &str = ".pipelinec-manifest.json";

/// Never part of a function. Names without a trailing `/` match files, folders and symlinks
/// alike (a `.git` file marks a worktree; `.venv` is often a symlink). A user's
/// `.pipelinecignore` comes after these, so its `!pattern` lines can bring one back.
pub const BUILT_IN: &str = "\
# version control
.git
.hg
.svn
# Python caches and virtualenvs (a folder holding pyvenv.cfg is one too, whatever its name)
__pycache__
*.pyc
.venv
# secrets (.envrc: direnv's, which exports them)
.env
.env.*
.envrc
# Terraform's working folder
.terraform
# OS junk
.DS_Store
Thumbs.db
# pipelinec's own rules
.pipelinecignore
";

/// Marker files of folders that are never packaged, whatever they are called.
const FOREIGN_DIR_MARKERS: [&str; 2] = ["pyvenv.cfg", MANIFEST];

/// The exclusion rules of one tree.
pub struct Rules {
    matcher: Gitignore,
}

impl Rules {
    /// The built-in rules, then `extra` (preset rules such as npm's `/node_modules`), then the
    /// user's `.pipelinecignore` text, if any.
    pub fn new(root: &Path, extra: &[&str], user: Option<&str>) -> Result<Rules, Problem> {
        let mut b = GitignoreBuilder::new(root);
        for line in BUILT_IN.lines().chain(extra.iter().copied()) {
            b.add_line(None, line)
                .expect("built-in ignore rules are valid globs");
        }
        for (n, line) in user.unwrap_or_default().lines().enumerate() {
            if let Err(e) = b.add_line(None, line) {
                return Err(Problem::new(
                    "invalid-ignore-rule",
                    format!("line {} of `{IGNORE_FILE}` is not a valid rule: {e}", n + 1),
                    "its .pipelinecignore has an invalid rule",
                    "`.pipelinecignore` uses gitignore syntax (`*.csv`, `/data/`, `!keep.csv`)",
                ));
            }
        }
        let matcher = b.build().map_err(|e| {
            Problem::new(
                "invalid-ignore-rule",
                format!("`{IGNORE_FILE}` cannot be used: {e}"),
                "its .pipelinecignore has an invalid rule",
                "`.pipelinecignore` uses gitignore syntax (`*.csv`, `/data/`, `!keep.csv`)",
            )
        })?;
        Ok(Rules { matcher })
    }

    /// Whether the entry at `rel` (relative to the tree's root) stays out. Its parents are
    /// not consulted: the walk never enters an excluded folder.
    pub fn excluded(&self, rel: &Path, is_dir: bool) -> bool {
        self.matcher.matched(rel, is_dir).is_ignore()
    }
}

/// Whether a folder is a virtualenv or a pipelinec output folder, by its marker file; looked up
/// without following symlinks or opening anything.
pub fn is_foreign_dir(dir: &Path) -> bool {
    FOREIGN_DIR_MARKERS
        .iter()
        .any(|m| std::fs::symlink_metadata(dir.join(m)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(user: &str) -> Rules {
        Rules::new(Path::new("/code"), &["/node_modules"], Some(user)).unwrap()
    }

    #[test]
    fn built_in_rules_match_anywhere() {
        let r = rules("");
        for (path, dir) in [
            (".git", true),
            (".git", false),
            ("lib/__pycache__", true),
            ("a/b.pyc", false),
            (".env", false),
            (".env.production", false),
            (".envrc", false),
            ("sub/.venv", true),
            (".terraform", true),
            ("x/.DS_Store", false),
            ("Thumbs.db", false),
            (".pipelinecignore", false),
            ("node_modules", true),
        ] {
            assert!(r.excluded(Path::new(path), dir), "{path}");
        }
        for path in ["index.js", "lib/x.py", "env", "sub/node_modules", "a.env"] {
            assert!(!r.excluded(Path::new(path), false), "{path}");
        }
    }

    #[test]
    fn user_rules_add_and_negate() {
        let r = rules("*.csv\n!keep.csv\n/data/\n!.env.example\n");
        assert!(r.excluded(Path::new("a/b.csv"), false));
        assert!(!r.excluded(Path::new("keep.csv"), false));
        assert!(r.excluded(Path::new("data"), true));
        assert!(!r.excluded(Path::new("data"), false));
        assert!(!r.excluded(Path::new("sub/data"), true));
        assert!(!r.excluded(Path::new(".env.example"), false));
    }

    #[test]
    fn invalid_user_rules_name_their_line() {
        let err = Rules::new(Path::new("/code"), &[], Some("ok\n[z-a\n"))
            .err()
            .unwrap();
        assert!(
            err.message.starts_with("line 2 of `.pipelinecignore`"),
            "{}",
            err.message
        );
    }
}
