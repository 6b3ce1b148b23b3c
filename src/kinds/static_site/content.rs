//! The files of a static site's `content` folder: found inside the spec's folder (as a Lambda's
//! code and a job's script are: nothing outside it is read), walked in a stable order, each with
//! the content type browsers need. `validate` resolves the folder; `render` reads the files and
//! writes them into the render under `site/<id>/`, where the module uploads them.

use std::path::{Path, PathBuf};

use crate::kinds::script::{Problem, escapes};

/// At most this many files: each is one `aws_s3_object`, and a plan of thousands is slow.
/// A larger site is uploaded by its own pipeline (`aws s3 sync`).
pub const MAX_FILES: usize = 2_000;

/// At most this many bytes in all: the files are copied into the render and its state.
pub const MAX_BYTES: u64 = 100 * 1024 * 1024;

/// S3's longest object key, in bytes.
const MAX_KEY: usize = 1024;

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The object key: the path under the folder, `/`-separated.
    pub key: String,
    pub bytes: Vec<u8>,
}

const INSIDE: &str = "`content` is a folder inside the spec file's folder, written relative to \
                      it; pipelinec reads nothing outside that folder";

fn problem(
    code: &'static str,
    message: String,
    label: &'static str,
    help: &'static str,
) -> Problem {
    Problem {
        code,
        message,
        label,
        help,
    }
}

/// The canonical path of the `content` folder `rel` of site `id`, which must be a folder
/// inside `base` (the spec's folder).
pub fn resolve(base: &Path, id: &str, rel: &str) -> Result<PathBuf, Problem> {
    let path = Path::new(rel);
    let outside = |why: String| {
        problem(
            "content-outside-spec",
            why,
            "outside the spec's folder",
            INSIDE,
        )
    };
    if path.is_absolute() || path.has_root() || escapes(path) {
        return Err(outside(format!(
            "the content folder `{rel}` of static site `{id}` is outside the spec's folder"
        )));
    }
    let joined = base.join(path);
    let Ok(found) = joined.canonicalize() else {
        return Err(problem(
            "content-missing",
            format!("the content folder `{rel}` of static site `{id}` does not exist"),
            "no such folder",
            "create the folder (relative to the spec file), or remove `content` and upload the \
             site yourself",
        ));
    };
    let root = base.canonicalize().unwrap_or_else(|_| base.to_path_buf());
    if !found.starts_with(&root) {
        return Err(outside(format!(
            "the content folder `{rel}` of static site `{id}` leads outside the spec's folder \
             through a symlink"
        )));
    }
    if !found.is_dir() {
        return Err(problem(
            "content-not-a-folder",
            format!("the content `{rel}` of static site `{id}` is a file, not a folder"),
            "not a folder",
            "name the folder that holds the site's files",
        ));
    }
    Ok(found)
}

/// Every file under `dir` (hidden ones left out), sorted by key; symlinks, names that are not
/// UTF-8 and the limits above are refused.
pub fn read(dir: &Path, id: &str) -> Result<Vec<Entry>, Problem> {
    let mut out = Vec::new();
    let mut total: u64 = 0;
    walk(dir, "", id, &mut out, &mut total)?;
    out.sort_by(|a, b| a.key.cmp(&b.key));
    if out.is_empty() {
        return Err(problem(
            "content-empty",
            format!("the content folder of static site `{id}` holds no files"),
            "empty folder",
            "put the site's files (index.html, …) in the folder, or remove `content`",
        ));
    }
    Ok(out)
}

fn walk(
    dir: &Path,
    prefix: &str,
    id: &str,
    out: &mut Vec<Entry>,
    total: &mut u64,
) -> Result<(), Problem> {
    let unreadable = |p: &Path, e: std::io::Error| {
        problem(
            "content-unreadable",
            format!("static site `{id}`: cannot read `{}`: {e}", p.display()),
            "unreadable",
            "make the content folder and its files readable",
        )
    };
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| unreadable(dir, e))?;
        names.push(e.file_name());
    }
    names.sort();
    for name in names {
        let Some(name) = name.to_str().map(str::to_string) else {
            return Err(problem(
                "content-name",
                format!("static site `{id}` has a file whose name is not UTF-8 under `{prefix}`"),
                "file name not UTF-8",
                "S3 keys are UTF-8: rename the file",
            ));
        };
        if name.starts_with('.') {
            continue;
        }
        let path = dir.join(&name);
        let key = format!("{prefix}{name}");
        let meta = std::fs::symlink_metadata(&path).map_err(|e| unreadable(&path, e))?;
        if meta.file_type().is_symlink() {
            return Err(problem(
                "content-symlink",
                format!("static site `{id}` has a symlink `{key}` in its content folder"),
                "symlink in the content",
                "copy the file into the folder instead: pipelinec follows no symlink, so \
                 nothing outside the spec's folder is uploaded",
            ));
        }
        if meta.is_dir() {
            walk(&path, &format!("{key}/"), id, out, total)?;
            continue;
        }
        if key.len() > MAX_KEY {
            return Err(problem(
                "content-name",
                format!("static site `{id}` has a file path longer than S3's 1024-byte keys"),
                "path too long",
                "shorten the file's path",
            ));
        }
        *total += meta.len();
        if out.len() >= MAX_FILES || *total > MAX_BYTES {
            return Err(problem(
                "content-too-large",
                format!(
                    "the content folder of static site `{id}` holds more than {MAX_FILES} files \
                     or {} MiB",
                    MAX_BYTES / 1024 / 1024
                ),
                "too large to upload through Terraform",
                "upload a large site with its own pipeline (`aws s3 sync`) and remove `content`",
            ));
        }
        let bytes = std::fs::read(&path).map_err(|e| unreadable(&path, e))?;
        out.push(Entry { key, bytes });
    }
    Ok(())
}

/// The `Content-Type` a browser needs for a file, from its extension; unknown ones are
/// `application/octet-stream` (downloaded, never run as a page or script).
pub fn content_type(key: &str) -> &'static str {
    let ext = key.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/vnd.microsoft.icon",
        Some("woff") => "font/woff",
        Some("woff2") => "font/woff2",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        Some("pdf") => "application/pdf",
        Some("wasm") => "application/wasm",
        Some("webmanifest") => "application/manifest+json",
        Some("mp4") => "video/mp4",
        Some("webm") => "video/webm",
        _ => "application/octet-stream",
    }
}

/// The files as one byte string (what `package` hands to `render`): per file, the key's and
/// the content's lengths (little-endian u64) followed by both.
pub fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        out.extend((e.key.len() as u64).to_le_bytes());
        out.extend(e.key.as_bytes());
        out.extend((e.bytes.len() as u64).to_le_bytes());
        out.extend(&e.bytes);
    }
    out
}

/// The files [`encode`] wrote.
pub fn decode(mut bytes: &[u8]) -> Vec<Entry> {
    let mut out = Vec::new();
    let take = |n: usize, bytes: &mut &[u8]| {
        let (head, rest) = bytes.split_at(n);
        *bytes = rest;
        head.to_vec()
    };
    while !bytes.is_empty() {
        let n = u64::from_le_bytes(take(8, &mut bytes).try_into().expect("8 bytes")) as usize;
        let key = String::from_utf8(take(n, &mut bytes)).expect("keys are UTF-8");
        let n = u64::from_le_bytes(take(8, &mut bytes).try_into().expect("8 bytes")) as usize;
        let content = take(n, &mut bytes);
        out.push(Entry {
            key,
            bytes: content,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        let files = vec![
            Entry {
                key: "index.html".into(),
                bytes: b"<html></html>".to_vec(),
            },
            Entry {
                key: "img/ä.png".into(),
                bytes: vec![0, 1, 2, 255],
            },
        ];
        assert_eq!(decode(&encode(&files)), files);
    }

    #[test]
    fn pages_scripts_and_unknown_files_get_their_types() {
        assert_eq!(content_type("index.HTML"), "text/html; charset=utf-8");
        assert_eq!(content_type("app.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
        assert_eq!(content_type("x.exe"), "application/octet-stream");
    }

    #[test]
    fn the_folder_is_walked_in_order_without_hidden_files() {
        let dir = std::env::temp_dir().join(format!("pipelinec-site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("web/css")).unwrap();
        std::fs::create_dir_all(dir.join("web/.git")).unwrap();
        std::fs::write(dir.join("web/index.html"), "hi").unwrap();
        std::fs::write(dir.join("web/css/site.css"), "b{}").unwrap();
        std::fs::write(dir.join("web/.DS_Store"), "x").unwrap();
        std::fs::write(dir.join("web/.git/HEAD"), "x").unwrap();
        let found = resolve(&dir, "site", "web").unwrap();
        let keys: Vec<String> = read(&found, "site")
            .unwrap()
            .into_iter()
            .map(|e| e.key)
            .collect();
        assert_eq!(keys, ["css/site.css", "index.html"]);
        assert_eq!(
            resolve(&dir, "site", "../x").unwrap_err().code,
            "content-outside-spec"
        );
        assert_eq!(
            resolve(&dir, "site", "nope").unwrap_err().code,
            "content-missing"
        );
        assert_eq!(
            resolve(&dir, "site", "web/index.html").unwrap_err().code,
            "content-not-a-folder"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
