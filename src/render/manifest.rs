//! The record of what `render` wrote into an output folder: every path with its content hash.
//!
//! Users run `terraform` in the render folder and keep their state, backend, overrides and own
//! files there. The manifest is how pipelinec knows which files are its own: it replaces and
//! deletes only what a manifest lists (see [`super::ownership`]). It is part of the rendered file
//! set, so `render --check` compares it like any other file, and it is written last.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Files;

/// The manifest's file name, in the root of the output folder.
pub const FILE: &str = ".pipelinec-manifest.json";

/// What a manifest says, in its on-disk form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always `pipelinec`; tells a reader what wrote the folder.
    pub generator: String,
    /// The manifest format version.
    pub format: u32,
    /// The spec's `name`: a folder holds the render of one project.
    pub project: String,
    /// Relative path (`/`-separated) → `sha256:<hex>` of the bytes written.
    pub files: BTreeMap<String, String>,
    /// Each component's kind and the AWS names it creates, by id: the next render compares
    /// them to say what a spec change makes Terraform replace (see [`super::replacements`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub components: BTreeMap<String, Inventory>,
}

/// What a render created for one component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inventory {
    pub kind: String,
    /// `<what>: <name>` (`S3 bucket: shop-lake`), without the suffixes added at apply time.
    pub names: Vec<String>,
}

const GENERATOR: &str = "pipelinec";
const FORMAT: u32 = 1;

impl Manifest {
    /// The manifest of a rendered file set (the manifest itself excluded).
    pub fn of(project: &str, files: &Files) -> Manifest {
        Manifest {
            generator: GENERATOR.to_string(),
            format: FORMAT,
            project: project.to_string(),
            files: files
                .iter()
                .filter(|(p, _)| p.as_path() != Path::new(FILE))
                .map(|(p, bytes)| (slash_path(p), hash(bytes)))
                .collect(),
            components: BTreeMap::new(),
        }
    }

    /// Pretty JSON with a trailing newline: stable, and readable in a review diff.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("a manifest serializes");
        out.push(b'\n');
        out
    }

    /// Parses a manifest, refusing any that names a path outside its folder: a manifest is
    /// committed with the render, and one that listed `../x` must not make render delete `x`.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, String> {
        let m: Manifest = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if m.generator != GENERATOR || m.format != FORMAT {
            return Err(format!(
                "written by `{}` format {}, not pipelinec format {FORMAT}",
                m.generator, m.format
            ));
        }
        if let Some(bad) = m.files.keys().find(|p| !is_plain_relative(p)) {
            return Err(format!("lists `{bad}`, which is not a plain relative path"));
        }
        Ok(m)
    }

    /// The listed paths, as paths.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.files.keys().map(PathBuf::from)
    }

    /// Whether the manifest lists `path`.
    pub fn lists(&self, path: &Path) -> bool {
        self.files.contains_key(&slash_path(path))
    }
}

/// `sha256:<hex>` of some bytes.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A relative path with `/` separators, as the manifest stores it on every platform.
pub fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Only normal components: no root, no `..`, no `.`, nothing empty.
fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && path.split('/').all(|s| !s.is_empty())
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_excludes_itself() {
        let mut files = Files::new();
        files.insert(PathBuf::from("main.tf"), b"x".to_vec());
        files.insert(PathBuf::from("modules/a/b.tf"), b"y".to_vec());
        files.insert(PathBuf::from(FILE), b"old".to_vec());
        let m = Manifest::of("demo", &files);
        assert_eq!(
            m.files.keys().collect::<Vec<_>>(),
            ["main.tf", "modules/a/b.tf"]
        );
        assert_eq!(Manifest::parse(&m.to_bytes()).unwrap(), m);
        assert_eq!(
            m.files["main.tf"],
            "sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
        );
    }

    #[test]
    fn refuses_paths_outside_the_folder() {
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "./a",
            "a//b",
            "",
            "a\\..\\b",
        ] {
            let text = format!(
                r#"{{"generator":"pipelinec","format":1,"project":"p","files":{{"{}":"sha256:0"}}}}"#,
                bad.replace('\\', "\\\\")
            );
            let err = Manifest::parse(text.as_bytes()).unwrap_err();
            assert!(err.contains("not a plain relative path"), "{bad}: {err}");
        }
    }

    #[test]
    fn refuses_other_generators() {
        let text = r#"{"generator":"other","format":1,"project":"p","files":{}}"#;
        assert!(Manifest::parse(text.as_bytes()).is_err());
    }
}
