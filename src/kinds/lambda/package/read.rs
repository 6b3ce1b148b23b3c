//! Reading a file that the walk found to be a regular file, safely even if the folder changed
//! since: the open neither follows a symlink nor waits on a FIFO, the file opened must be the
//! one the walk examined (same device and inode, so a folder swapped for a symlink on the way
//! is caught), nothing but a regular file is read, and never more than a limit.

use std::fs::Metadata;
use std::io::{Error, ErrorKind, Read};
use std::path::Path;

/// A file's identity: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId(u64, u64);

impl FileId {
    /// The identity of the file `meta` describes (none off unix).
    pub fn of(meta: &Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them; when `expected` is given,
/// only if `path` is still that file.
pub fn read_regular(path: &Path, limit: u64, expected: Option<FileId>) -> std::io::Result<Vec<u8>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
    }
    if expected.is_some() && FileId::of(&meta) != expected {
        return Err(Error::other(
            "it changed while pipelinec was reading the folder",
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(
            ErrorKind::FileTooLarge,
            "larger than a Lambda package may be",
        ));
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_fifos_devices_and_symlinks_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert!(read_regular(&fifo, 10, None).is_err());
        assert!(read_regular(Path::new("/dev/zero"), 10, None).is_err());
        let link = tmp.path().join("link");
        std::fs::write(tmp.path().join("f"), "hi").unwrap();
        std::os::unix::fs::symlink("f", &link).unwrap();
        assert!(read_regular(&link, 10, None).is_err());
        let f = tmp.path().join("f");
        assert_eq!(read_regular(&f, 10, None).unwrap(), b"hi");
        assert!(read_regular(&f, 1, None).is_err());
        // Another file at the same path is not the file that was examined.
        let examined = FileId::of(&std::fs::metadata(&f).unwrap());
        assert!(read_regular(&f, 10, examined).is_ok());
        std::fs::write(tmp.path().join("g"), "other").unwrap();
        std::fs::rename(tmp.path().join("g"), &f).unwrap();
        assert!(read_regular(&f, 10, examined).is_err());
    }
}
