//! `render --check --diff`: how one file of a fresh render differs from what is on disk.
//! Which files are compared is [`super::ownership`]'s rule, the same one `render` writes by.

use std::path::Path;

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
