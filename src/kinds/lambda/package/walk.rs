//! Walking a code folder (or a build's copy of it) without ever reading outside it: entries
//! are looked at with `symlink_metadata`, which opens nothing; a symlink is followed only when
//! its target resolves inside the folder; FIFOs, sockets and devices are refused, never
//! opened; names that are not UTF-8 are refused (a zip entry name is text).

use std::collections::BTreeMap;
use std::fs::{FileType, Metadata};
use std::path::{Path, PathBuf};

use super::problem::{Problem, shown};
use super::read::FileId;
use super::rules::{self, Rules};

/// A file to package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where its bytes are: the file itself, or a symlink's resolved target.
    pub real: PathBuf,
    pub size: u64,
    pub executable: bool,
    /// Which file the walk examined: only that file is read later.
    pub id: Option<FileId>,
}

/// The files of a tree, keyed by their zip entry name (relative, `/`-separated), sorted.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub files: BTreeMap<String, Entry>,
}

impl Tree {
    /// Total size of the files, as Lambda counts "unzipped".
    pub fn size(&self) -> u64 {
        self.files.values().map(|e| e.size).sum()
    }
}

/// Every file under `root` (canonical) that `rules` keep, or every problem found. `place`
/// names the tree in messages, e.g. "the code folder of lambda `f`".
pub fn walk(root: &Path, rules: &Rules, place: &str) -> Result<Tree, Vec<Problem>> {
    let mut w = Walker {
        root,
        rules,
        place,
        tree: Tree::default(),
        problems: Vec::new(),
        stack: vec![root.to_path_buf()],
    };
    w.dir(root, Path::new(""));
    if w.problems.is_empty() {
        Ok(w.tree)
    } else {
        Err(w.problems)
    }
}

/// What one path inside the tree is, following a symlink only to inside the tree.
pub enum Resolved {
    File(Entry),
    Dir(PathBuf),
}

/// Resolves one entry, for the few files a preset reads before the walk (`package.json`):
/// `None` when it does not exist.
pub fn resolve(root: &Path, rel: &Path, place: &str) -> Result<Option<Resolved>, Problem> {
    let path = root.join(rel);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    classify(root, &path, rel, meta, place).map(Some)
}

fn classify(
    root: &Path,
    path: &Path,
    rel: &Path,
    meta: Metadata,
    place: &str,
) -> Result<Resolved, Problem> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Ok(Resolved::Dir(path.to_path_buf()));
    }
    if ft.is_file() {
        return Ok(Resolved::File(entry(path, &meta)));
    }
    if !ft.is_symlink() {
        return Err(special(rel, &ft, place, None));
    }
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let shown_rel = shown(rel);
    let Ok(real) = std::fs::canonicalize(path) else {
        return Err(Problem::new(
            "broken-symlink",
            format!("`{shown_rel}` in {place} is a symlink to `{target}`, which does not exist"),
            "holds a broken symlink",
            "remove the symlink, fix its target, or list it in `.pipelinecignore`",
        ));
    };
    if !real.starts_with(root) {
        return Err(Problem::new(
            "symlink-outside",
            format!("`{shown_rel}` in {place} is a symlink to `{target}`, outside that folder"),
            "holds a symlink out of the folder",
            "pipelinec never follows a symlink out of the code folder: copy what the function \
             needs into the folder, or list the symlink in `.pipelinecignore`",
        ));
    }
    // `metadata` on the resolved path: a stat, which opens nothing.
    let meta = std::fs::metadata(&real).map_err(|e| io_problem(rel, place, &e))?;
    let ft = meta.file_type();
    if ft.is_dir() {
        Ok(Resolved::Dir(real))
    } else if ft.is_file() {
        Ok(Resolved::File(entry(&real, &meta)))
    } else {
        Err(special(rel, &ft, place, Some(&target)))
    }
}

fn entry(real: &Path, meta: &Metadata) -> Entry {
    Entry {
        real: real.to_path_buf(),
        size: meta.len(),
        executable: executable(meta),
        id: FileId::of(meta),
    }
}

#[cfg(unix)]
fn executable(meta: &Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn executable(_: &Metadata) -> bool {
    false
}

#[cfg(unix)]
fn special_kind(ft: &FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a FIFO (named pipe)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() {
        "a block device"
    } else if ft.is_char_device() {
        "a character device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &FileType) -> &'static str {
    "not a regular file"
}

fn special(rel: &Path, ft: &FileType, place: &str, via: Option<&str>) -> Problem {
    let what = special_kind(ft);
    let message = match via {
        Some(target) => format!(
            "`{}` in {place} is a symlink to `{target}`, which is {what}",
            shown(rel)
        ),
        None => format!("`{}` in {place} is {what}", shown(rel)),
    };
    Problem::new(
        "special-file",
        message,
        "holds a file that is not a regular file",
        "a package holds regular files only: remove it or list it in `.pipelinecignore` \
         (pipelinec never opens it)",
    )
}

fn io_problem(rel: &Path, place: &str, e: &std::io::Error) -> Problem {
    Problem::new(
        "unreadable-code",
        format!("cannot read `{}` in {place}: {e}", shown(rel)),
        "cannot be read",
        "make the file readable, or list it in `.pipelinecignore`",
    )
}

struct Walker<'a> {
    root: &'a Path,
    rules: &'a Rules,
    place: &'a str,
    tree: Tree,
    problems: Vec<Problem>,
    /// Real paths of the folders being walked, from the root down: a symlink to one of them
    /// would loop.
    stack: Vec<PathBuf>,
}

impl Walker<'_> {
    fn dir(&mut self, real: &Path, rel: &Path) {
        let names = match std::fs::read_dir(real) {
            Ok(entries) => {
                let mut names: Vec<_> = entries
                    .filter_map(|e| e.ok().map(|e| e.file_name()))
                    .collect();
                names.sort();
                names
            }
            Err(e) => {
                self.problems.push(io_problem(rel, self.place, &e));
                return;
            }
        };
        for name in names {
            let path = real.join(&name);
            let rel = rel.join(&name);
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    self.problems.push(io_problem(&rel, self.place, &e));
                    continue;
                }
            };
            if self.rules.excluded(&rel, meta.is_dir()) {
                continue;
            }
            match classify(self.root, &path, &rel, meta, self.place) {
                Err(p) => self.problems.push(p),
                Ok(Resolved::Dir(real)) => {
                    if rules::is_foreign_dir(&real) {
                        continue;
                    }
                    if self.stack.contains(&real) {
                        self.problems.push(Problem::new(
                            "symlink-loop",
                            format!(
                                "`{}` in {} is a symlink to a folder that contains it",
                                shown(&rel),
                                self.place
                            ),
                            "holds a symlink loop",
                            "remove the symlink, or list it in `.pipelinecignore`",
                        ));
                        continue;
                    }
                    self.stack.push(real.clone());
                    self.dir(&real, &rel);
                    self.stack.pop();
                }
                Ok(Resolved::File(entry)) => match rel.to_str() {
                    Some(text) => {
                        let name = text.replace(std::path::MAIN_SEPARATOR, "/");
                        self.tree.files.insert(name, entry);
                    }
                    None => self.problems.push(Problem::new(
                        "non-utf8-name",
                        format!(
                            "`{}` in {} has a name that is not UTF-8",
                            shown(&rel),
                            self.place
                        ),
                        "holds a file name that is not UTF-8",
                        "rename the file (zip entry names are text), or list it in \
                         `.pipelinecignore`",
                    )),
                },
            }
        }
    }
}
