//! Writing a rendered file set so that a failure never leaves a half-written folder: everything
//! goes into a temporary folder beside the target, which then replaces the target in one rename.

use std::path::Path;

use super::Files;

/// Writes `files` into `dir`, replacing whatever `dir` held.
pub fn write_atomic(dir: &Path, files: &Files) -> std::io::Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let staging = tempfile::Builder::new()
        .prefix(".pipelinec-render-")
        .tempdir_in(&parent)?;
    for (rel, bytes) in files {
        let path = staging.path().join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(&path, bytes)?;
    }
    // Keep Terraform's working state (providers, lock file) across re-renders.
    for keep in [".terraform", ".terraform.lock.hcl"] {
        let old = dir.join(keep);
        if old.exists() {
            std::fs::rename(&old, staging.path().join(keep))?;
        }
    }
    let staged = staging.keep();
    if dir.exists() {
        let old = tempfile::Builder::new()
            .prefix(".pipelinec-old-")
            .tempdir_in(&parent)?
            .keep();
        std::fs::rename(dir, old.join("out"))?;
        std::fs::rename(&staged, dir)?;
        std::fs::remove_dir_all(&old)?;
    } else {
        std::fs::rename(&staged, dir)?;
    }
    Ok(())
}
