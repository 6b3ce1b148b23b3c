//! Writing a render into a folder the user shares with Terraform.
//!
//! Only pipelinec's own files are created, replaced or deleted (the rule is
//! [`super::ownership`]). Everything is prepared before the first file is replaced: each new
//! file is staged as a temporary file beside its target, and a failure while staging (disk full,
//! a write error) removes the staged files and leaves the folder as it was. Then:
//!
//! 1. an *intent* manifest lists the previous files and the new ones, so that a render killed
//!    from here on leaves every file it may have written listed as pipelinec's, for the next
//!    render to replace or clean up;
//! 2. each staged file is renamed over its target (atomic per file);
//! 3. files the previous manifest listed that this render no longer makes are deleted, with the
//!    folders that this empties;
//! 4. the final manifest is renamed into place, last.
//!
//! Concurrent renders into one folder take turns through an exclusive lock on the folder.
//! Temporary files are named `.pipelinec-tmp-*`; a render removes any that a killed one left.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use tempfile::NamedTempFile;

use super::Files;
use super::manifest::{self, Manifest};
use super::ownership::{self, Previous, Survey};

/// Prefix of every temporary file pipelinec creates in an output folder.
pub const TEMP_PREFIX: &str = ".pipelinec-tmp-";

/// What a successful write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files created or replaced.
    pub written: usize,
    /// Files that already held the rendered bytes (left untouched).
    pub unchanged: usize,
    /// Files of an earlier render that this one no longer makes, deleted.
    pub deleted: usize,
}

/// Why a write was refused or failed. In every case nothing of the previous render changed,
/// except for [`WriteError::Io`] after staging (see the module docs for how that is repaired).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("`{0}` exists and is not a folder; give `-o` a folder")]
    NotAFolder(PathBuf),
    #[error("`{dir}` holds files that pipelinec did not write and would overwrite")]
    Foreign { dir: PathBuf, paths: Vec<PathBuf> },
    #[error("`{dir}` holds the render of project `{project}`, not of `{wanted}`")]
    OtherProject {
        dir: PathBuf,
        project: String,
        wanted: String,
    },
    #[error("cannot write `{}`: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the rendered `files` of `project` into `dir`. Refuses a folder holding files that
/// pipelinec would overwrite and did not write, or another project's render, unless `force`.
pub fn write(dir: &Path, files: &Files, project: &str, force: bool) -> Result<Written, WriteError> {
    match fs::metadata(dir) {
        Ok(m) if !m.is_dir() => return Err(WriteError::NotAFolder(dir.to_path_buf())),
        _ => {}
    }
    let created_root = !dir.exists();
    fs::create_dir_all(dir).map_err(io_at(dir))?;
    let result = locked(dir, |dir| write_locked(dir, files, project, force));
    if result.is_err() && created_root {
        // Only removes the folder if the failed render left it empty.
        let _ = fs::remove_dir(dir);
    }
    result
}

/// Runs `f` holding an exclusive lock on the folder, so concurrent renders take turns.
fn locked<T>(dir: &Path, f: impl FnOnce(&Path) -> Result<T, WriteError>) -> Result<T, WriteError> {
    let handle = fs::File::open(dir).map_err(io_at(dir))?;
    match handle.lock() {
        Ok(()) => {}
        // A file system without locks: render alone, as before locks existed.
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {}
        Err(e) => return Err(io_at(dir)(e)),
    }
    f(dir)
    // The lock goes with the handle.
}

fn write_locked(
    dir: &Path,
    files: &Files,
    project: &str,
    force: bool,
) -> Result<Written, WriteError> {
    let survey = ownership::survey(dir, files, project, force).map_err(io_at(dir))?;
    if !force {
        if let Previous::OtherProject(m) = &survey.previous {
            return Err(WriteError::OtherProject {
                dir: dir.to_path_buf(),
                project: m.project.clone(),
                wanted: project.to_string(),
            });
        }
        if !survey.foreign.is_empty() {
            return Err(WriteError::Foreign {
                dir: dir.to_path_buf(),
                paths: survey.foreign.clone(),
            });
        }
    }
    remove_stray_temps(dir, files, &survey);

    let to_write = survey.to_write();
    let mut created = Vec::new();
    let staged = match stage(dir, files, &to_write, &mut created) {
        Ok(s) => s,
        Err(e) => {
            remove_created(&created);
            return Err(e);
        }
    };
    let (manifest_file, others): (Vec<_>, Vec<_>) = staged
        .into_iter()
        .partition(|(p, _)| p == Path::new(manifest::FILE));
    let to_delete = survey.to_delete();
    if !others.is_empty() || !to_delete.is_empty() {
        write_intent(dir, files, project, &survey)?;
    }
    let written = others.len() + manifest_file.len();
    for (path, temp) in others {
        let target = dir.join(&path);
        temp.persist(&target).map_err(|e| io_at(&target)(e.error))?;
    }
    for path in &to_delete {
        let target = dir.join(path);
        match fs::remove_file(&target) {
            Ok(()) => remove_emptied_folders(dir, path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_at(&target)(e)),
        }
    }
    for (path, temp) in manifest_file {
        let target = dir.join(&path);
        temp.persist(&target).map_err(|e| io_at(&target)(e.error))?;
    }
    Ok(Written {
        written,
        unchanged: files.len() - written,
        deleted: to_delete.len(),
    })
}

/// Stages every file to write as a temporary file beside its target. Dropping the returned
/// temporaries (on any error) deletes them.
fn stage(
    dir: &Path,
    files: &Files,
    to_write: &[&Path],
    created: &mut Vec<PathBuf>,
) -> Result<Vec<(PathBuf, NamedTempFile)>, WriteError> {
    let mut staged = Vec::with_capacity(to_write.len());
    for path in to_write {
        let target = dir.join(path);
        if fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
            return Err(io_at(&target)(io::Error::new(
                io::ErrorKind::IsADirectory,
                "a folder stands where pipelinec writes a file; move it away",
            )));
        }
        let parent = ensure_folders(dir, path, created)?;
        let mut temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&parent)
            .map_err(io_at(&parent))?;
        temp.write_all(&files[*path])
            .and_then(|()| temp.as_file().sync_data())
            .map_err(io_at(&target))?;
        set_readable(&temp).map_err(io_at(&target))?;
        staged.push((path.to_path_buf(), temp));
    }
    Ok(staged)
}

/// Creates the folders leading to `path` inside `dir`, recording the ones it made. A link or a
/// file where a folder should be is an error: pipelinec never writes through a link out of the
/// output folder.
fn ensure_folders(
    dir: &Path,
    path: &Path,
    created: &mut Vec<PathBuf>,
) -> Result<PathBuf, WriteError> {
    let mut at = dir.to_path_buf();
    let parents: Vec<_> = path
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .collect();
    for c in parents {
        let Component::Normal(name) = c else {
            unreachable!("rendered paths are plain relative paths")
        };
        at.push(name);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(io_at(&at)(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    "pipelinec writes files below this path, but it is a file or a link, not a folder",
                )));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir(&at).map_err(io_at(&at))?;
                created.push(at.clone());
            }
            Err(e) => return Err(io_at(&at)(e)),
        }
    }
    Ok(at)
}

/// Rendered files are readable by everyone, as any file a user would create (temporary files
/// start private).
fn set_readable(temp: &NamedTempFile) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = temp;
    Ok(())
}

/// Removes folders a failed render created, deepest first, if they are still empty.
fn remove_created(created: &[PathBuf]) {
    for folder in created.iter().rev() {
        let _ = fs::remove_dir(folder);
    }
}

/// After deleting `path`, removes its parent folders that are now empty, up to `dir`.
fn remove_emptied_folders(dir: &Path, path: &Path) {
    let mut parent = path.parent();
    while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
        if fs::remove_dir(dir.join(p)).is_err() {
            break;
        }
        parent = p.parent();
    }
}

/// The manifest of every file this render may leave behind if it is killed: the previous
/// render's files and the new ones.
fn write_intent(
    dir: &Path,
    files: &Files,
    project: &str,
    survey: &Survey,
) -> Result<(), WriteError> {
    let mut intent = Manifest::of(project, files);
    // The rendered manifest's inventory, so that an intent left in place (the final manifest
    // is not rewritten when it is unchanged) still says what the render created.
    if let Some(Ok(fresh)) = files
        .get(Path::new(manifest::FILE))
        .map(|b| Manifest::parse(b))
    {
        intent.components = fresh.components;
    }
    if let Previous::Ours(prev) = &survey.previous {
        let mut union: BTreeMap<String, String> = prev.files.clone();
        union.extend(intent.files);
        intent.files = union;
    }
    let target = dir.join(manifest::FILE);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(io_at(dir))?;
    temp.write_all(&intent.to_bytes())
        .and_then(|()| temp.as_file().sync_data())
        .and_then(|()| set_readable(&temp))
        .map_err(io_at(&target))?;
    temp.persist(&target).map_err(|e| io_at(&target)(e.error))?;
    Ok(())
}

/// Deletes the temporary files a killed render left in the folders pipelinec writes to.
fn remove_stray_temps(dir: &Path, files: &Files, survey: &Survey) {
    let mut folders: Vec<PathBuf> = vec![dir.to_path_buf()];
    let listed = match &survey.previous {
        Previous::Ours(m) => m.paths().collect(),
        _ => Vec::new(),
    };
    for path in files.keys().chain(listed.iter()) {
        if let Some(p) = path.parent() {
            folders.push(dir.join(p));
        }
    }
    folders.sort();
    folders.dedup();
    for folder in folders {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let is_temp = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX);
            if is_temp && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
