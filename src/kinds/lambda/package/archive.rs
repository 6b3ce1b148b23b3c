//! Deterministic zips: entries sorted by name, every timestamp 1980-01-01 00:00 (the zip
//! format's epoch), and modes normalized to 0644, or 0755 for files executable by anyone in
//! the source. Lambda runs code as a user that owns none of the files, so a 0600 file in the
//! folder must still arrive readable; the same inputs always give the same bytes, and so the
//! same `source_code_hash`.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Builds a zip in memory; callers add entries in name order.
pub struct Archive {
    zip: ZipWriter<Cursor<Vec<u8>>>,
}

impl Archive {
    pub fn new() -> Archive {
        Archive {
            zip: ZipWriter::new(Cursor::new(Vec::new())),
        }
    }

    pub fn add(&mut self, name: &str, executable: bool, bytes: &[u8]) -> std::io::Result<()> {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default())
            .unix_permissions(if executable { 0o755 } else { 0o644 })
            .large_file(bytes.len() as u64 >= u32::MAX as u64);
        self.zip
            .start_file(name, options)
            .map_err(std::io::Error::other)?;
        self.zip.write_all(bytes)
    }

    pub fn finish(self) -> std::io::Result<Vec<u8>> {
        Ok(self
            .zip
            .finish()
            .map_err(std::io::Error::other)?
            .into_inner())
    }
}

/// Sum of the uncompressed sizes of a zip's entries (what Lambda calls "unzipped").
pub fn unzipped_size(zip: &[u8]) -> zip::result::ZipResult<u64> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip))?;
    let mut total = 0;
    for i in 0..archive.len() {
        total += archive.by_index_raw(i)?.size();
    }
    Ok(total)
}
