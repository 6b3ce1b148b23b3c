//! `render --check`: how a fresh render differs from what is on disk, without writing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Files;

/// How one file differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// The render has it; the folder does not.
    Missing,
    /// The folder has it; the render does not.
    Extra,
    /// Both have it, with different bytes.
    Changed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Missing => "missing",
            Change::Extra => "not rendered",
            Change::Changed => "changed",
        }
    }
}

/// Files Terraform itself writes into a root module folder; never ours to compare.
fn terraform_owned(rel: &Path) -> bool {
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    first.as_deref() == Some(".terraform")
        || name == ".terraform.lock.hcl"
        || name.starts_with("terraform.tfstate")
        || name.ends_with("_override.tf")
        || name == "override.tf"
}

/// Reads a rendered folder (what `render` would have written).
pub fn read_dir(dir: &Path) -> std::io::Result<Files> {
    fn walk(root: &Path, dir: &Path, out: &mut Files) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let rel = path
                .strip_prefix(root)
                .expect("walked from root")
                .to_path_buf();
            if terraform_owned(&rel) {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out)?;
            } else {
                out.insert(rel, std::fs::read(&path)?);
            }
        }
        Ok(())
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out)?;
    }
    Ok(out)
}

/// Every difference between a fresh render and a folder's contents, in path order.
pub fn compare(fresh: &Files, on_disk: &Files) -> Vec<(PathBuf, Change)> {
    let mut out = Vec::new();
    for (path, bytes) in fresh {
        match on_disk.get(path) {
            None => out.push((path.clone(), Change::Missing)),
            Some(b) if b != bytes => out.push((path.clone(), Change::Changed)),
            Some(_) => {}
        }
    }
    for path in on_disk.keys().filter(|p| !fresh.contains_key(*p)) {
        out.push((path.clone(), Change::Extra));
    }
    out.sort();
    out
}

/// A unified diff of one file (on disk → fresh), or a note for binary files.
pub fn unified_diff(path: &Path, fresh: Option<&[u8]>, on_disk: Option<&[u8]>) -> String {
    let text = |b: Option<&[u8]>| b.map(|b| std::str::from_utf8(b).map(str::to_string));
    match (text(on_disk), text(fresh)) {
        (Some(Err(_)), _) | (_, Some(Err(_))) => {
            format!("Binary file {} differs\n", path.display())
        }
        (old, new) => {
            let old = old.and_then(Result::ok).unwrap_or_default();
            let new = new.and_then(Result::ok).unwrap_or_default();
            let name = path.display().to_string();
            similar::TextDiff::from_lines(&old, &new)
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string()
        }
    }
}
