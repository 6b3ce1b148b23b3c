//! The one rule of what pipelinec may touch in an output folder, shared by `render` (what it
//! writes, replaces and deletes) and `render --check` (what it compares).
//!
//! A file is pipelinec's when the folder's manifest (of the same project) lists it. A file that
//! pipelinec renders is also safe to write when the folder lacks it or already holds exactly
//! those bytes. Anything else is the user's: Terraform state and lock file, `.terraform/`,
//! backends, overrides, tfvars, the user's own `.tf` files, a spec or code folder kept there.
//! Those are never read for comparison, replaced or deleted.

use std::io;
use std::path::{Path, PathBuf};

use super::Files;
use super::manifest::{self, Manifest};

/// How one file of ours differs from a fresh render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// The render has it; the folder does not.
    Missing,
    /// The folder has it, listed in the manifest, but the render no longer does.
    Extra,
    /// Both have it, with different bytes.
    Changed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Missing => "missing",
            Change::Extra => "no longer rendered",
            Change::Changed => "changed",
        }
    }
}

/// What the folder held before this render, as far as ownership goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Previous {
    /// No manifest: nothing in the folder is known to be pipelinec's.
    None,
    /// A manifest of this project (or of any project, under `--force`).
    Ours(Manifest),
    /// A manifest of another project: its files are not taken over without `--force`.
    OtherProject(Manifest),
    /// A manifest file that does not parse: treated as a user's file.
    Unreadable(String),
}

impl Previous {
    fn owned(&self) -> Option<&Manifest> {
        match self {
            Previous::Ours(m) => Some(m),
            _ => None,
        }
    }
}

/// An output folder compared with a fresh render, under the ownership rule.
#[derive(Debug)]
pub struct Survey {
    pub previous: Previous,
    /// Every difference in pipelinec's files, in path order.
    pub changes: Vec<(PathBuf, Change)>,
    /// Rendered paths that the folder holds with other content and that no manifest of ours
    /// lists: writing them would overwrite a file pipelinec did not write.
    pub foreign: Vec<PathBuf>,
    /// The on-disk bytes of every changed or extra file (for `--diff`).
    pub on_disk: Files,
}

impl Survey {
    /// Files to write: missing or changed, the manifest last.
    pub fn to_write(&self) -> Vec<&Path> {
        let mut out: Vec<&Path> = self
            .changes
            .iter()
            .filter(|(_, c)| *c != Change::Extra)
            .map(|(p, _)| p.as_path())
            .collect();
        out.sort_by_key(|p| *p == Path::new(manifest::FILE));
        out
    }

    /// Files listed by the previous manifest that the render no longer produces.
    pub fn to_delete(&self) -> Vec<&Path> {
        self.changes
            .iter()
            .filter(|(_, c)| *c == Change::Extra)
            .map(|(p, _)| p.as_path())
            .collect()
    }
}

/// What a path holds on disk, without following a final symlink.
enum OnDisk {
    Absent,
    File(Vec<u8>),
    /// A folder, symlink, FIFO or anything else that is not a regular file.
    Other,
}

fn on_disk(path: &Path) -> io::Result<OnDisk> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(OnDisk::Absent),
        // A parent that is a file (`modules` as a file) means the path cannot exist.
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => Ok(OnDisk::Absent),
        Err(e) => Err(e),
        Ok(m) if m.is_file() => Ok(OnDisk::File(std::fs::read(path)?)),
        Ok(_) => Ok(OnDisk::Other),
    }
}

/// Reads the folder's manifest and classifies it for `project`.
pub fn previous(dir: &Path, project: &str, force: bool) -> io::Result<Previous> {
    let bytes = match on_disk(&dir.join(manifest::FILE))? {
        OnDisk::File(b) => b,
        OnDisk::Absent => return Ok(Previous::None),
        OnDisk::Other => return Ok(Previous::Unreadable("not a regular file".to_string())),
    };
    Ok(match Manifest::parse(&bytes) {
        Err(why) => Previous::Unreadable(why),
        Ok(m) if m.project == project || force => Previous::Ours(m),
        Ok(m) => Previous::OtherProject(m),
    })
}

/// Compares `dir` with a fresh render of `project`. With `force`, a manifest of another project
/// counts as ours (its files may be replaced and its stale files deleted).
pub fn survey(dir: &Path, fresh: &Files, project: &str, force: bool) -> io::Result<Survey> {
    let previous = previous(dir, project, force)?;
    let mut changes = Vec::new();
    let mut foreign = Vec::new();
    let mut disk = Files::new();
    // The manifest is ours when it parses as this project's; it does not list itself.
    let owned = |p: &Path| {
        previous
            .owned()
            .is_some_and(|m| m.lists(p) || p == Path::new(manifest::FILE))
    };
    for (path, bytes) in fresh {
        match on_disk(&dir.join(path))? {
            OnDisk::Absent => changes.push((path.clone(), Change::Missing)),
            OnDisk::File(b) if &b == bytes => {}
            OnDisk::File(b) => {
                if !owned(path) {
                    foreign.push(path.clone());
                }
                changes.push((path.clone(), Change::Changed));
                disk.insert(path.clone(), b);
            }
            OnDisk::Other => {
                foreign.push(path.clone());
                changes.push((path.clone(), Change::Changed));
            }
        }
    }
    if let Some(m) = previous.owned() {
        for path in m.paths().filter(|p| !fresh.contains_key(p)) {
            match on_disk(&dir.join(&path))? {
                OnDisk::File(b) => {
                    disk.insert(path.clone(), b);
                    changes.push((path, Change::Extra));
                }
                // A folder or link where our file was is the user's now; leave it.
                OnDisk::Other | OnDisk::Absent => {}
            }
        }
    }
    changes.sort();
    foreign.sort();
    Ok(Survey {
        previous,
        changes,
        foreign,
        on_disk: disk,
    })
}

/// Reads the files a folder's manifest lists (and the manifest): the render as it stands on
/// disk, without anything of the user's.
pub fn read_rendered(dir: &Path) -> io::Result<Files> {
    let mut out = Files::new();
    let bytes = match on_disk(&dir.join(manifest::FILE))? {
        OnDisk::File(b) => b,
        _ => return Ok(out),
    };
    let m = Manifest::parse(&bytes).map_err(|why| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {why}", dir.join(manifest::FILE).display()),
        )
    })?;
    for path in m.paths() {
        if let OnDisk::File(b) = on_disk(&dir.join(&path))? {
            out.insert(path, b);
        }
    }
    out.insert(PathBuf::from(manifest::FILE), bytes);
    Ok(out)
}
