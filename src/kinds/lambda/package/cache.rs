//! The build cache: a built zip, stored under a hash of everything that went into the build
//! (pipelinec's version, the preset, runtime, architecture and command, and every copied
//! file's path, mode and content hash), so `render --check` in a pre-commit hook does not
//! download the same dependencies on every commit.
//!
//! The cache trusts that the same inputs build the same package, which holds when every
//! dependency is pinned (`requirements.txt` with `==` versions, ideally `--require-hashes`;
//! npm's lockfile). An unpinned requirement stays at the version first installed until the
//! cache entry is deleted: delete the folder at any time, nothing else is stored there.
//!
//! Folder: `$PIPELINEC_CACHE_DIR`, else `$XDG_CACHE_HOME/pipelinec`, else
//! `~/.cache/pipelinec`. Entries are written to a temporary file and renamed into place, so
//! concurrent renders never see half an entry; each starts with the SHA-256 of its zip, and an
//! entry that does not match it is deleted and rebuilt.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// First line of every entry, before the zip's hash.
const MAGIC: &str = "pipelinec-build-cache 1";

/// The cache folder, from the environment; `None` when no home is known.
pub fn default_dir() -> Option<PathBuf> {
    let var = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("PIPELINEC_CACHE_DIR")
        .or_else(|| {
            var("XDG_CACHE_HOME")
                .filter(|p| p.is_absolute())
                .map(|p| p.join("pipelinec"))
        })
        .or_else(|| var("HOME").map(|h| h.join(".cache").join("pipelinec")))
}

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds a cache key from the build's inputs, each length-prefixed so no two input sets
/// write the same stream.
pub struct Key(Sha256);

impl Key {
    pub fn new() -> Key {
        let mut k = Key(Sha256::new());
        k.add("pipelinec");
        k.add(env!("CARGO_PKG_VERSION"));
        k
    }

    pub fn add(&mut self, part: &str) {
        self.0.update((part.len() as u64).to_le_bytes());
        self.0.update(part.as_bytes());
    }

    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

fn entry_path(dir: &Path, key: &str) -> PathBuf {
    dir.join("builds").join(format!("{key}.zip.entry"))
}

/// The cached zip for `key`, if there is an intact one. A damaged entry is removed.
pub fn get(dir: &Path, key: &str) -> Option<Vec<u8>> {
    let path = entry_path(dir, key);
    let bytes = std::fs::read(&path).ok()?;
    match parse(&bytes) {
        Some(zip) => Some(zip.to_vec()),
        None => {
            let _ = std::fs::remove_file(&path);
            None
        }
    }
}

fn parse(bytes: &[u8]) -> Option<&[u8]> {
    let header_len = MAGIC.len() + 1 + 64 + 1;
    let header = std::str::from_utf8(bytes.get(..header_len)?).ok()?;
    let hash = header
        .strip_prefix(MAGIC)?
        .strip_prefix(' ')?
        .strip_suffix('\n')?;
    let zip = &bytes[header_len..];
    (sha256_hex(zip) == hash).then_some(zip)
}

/// Stores `zip` under `key`; best effort (a cache that cannot be written only costs time).
pub fn put(dir: &Path, key: &str, zip: &[u8]) {
    let write = || -> std::io::Result<()> {
        let folder = dir.join("builds");
        std::fs::create_dir_all(&folder)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&folder)?;
        writeln!(tmp, "{MAGIC} {}", sha256_hex(zip))?;
        tmp.write_all(zip)?;
        tmp.as_file().sync_all()?;
        tmp.persist(entry_path(dir, key))?;
        Ok(())
    };
    let _ = write();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(get(tmp.path(), "k"), None);
        put(tmp.path(), "k", b"zip bytes");
        assert_eq!(get(tmp.path(), "k").as_deref(), Some(&b"zip bytes"[..]));
        let path = entry_path(tmp.path(), "k");
        let mut bytes = std::fs::read(&path).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(get(tmp.path(), "k"), None);
        assert!(!path.exists(), "a damaged entry is removed");
        std::fs::write(&path, b"short").unwrap();
        assert_eq!(get(tmp.path(), "k"), None);
    }

    #[test]
    fn keys_are_length_prefixed() {
        let key = |parts: &[&str]| {
            let mut k = Key::new();
            parts.iter().for_each(|p| k.add(p));
            k.finish()
        };
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_eq!(key(&["a"]), key(&["a"]));
    }
}
