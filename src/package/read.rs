//! Reading a file that the walk found to be a regular file, safely even if it changed since:
//! the open neither follows a symlink nor waits on a FIFO, and nothing but a regular file is
//! read, and never more than a limit.

use std::io::{Error, ErrorKind, Read};
use std::path::Path;

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
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
        assert!(read_regular(&fifo, 10).is_err());
        assert!(read_regular(Path::new("/dev/zero"), 10).is_err());
        let link = tmp.path().join("link");
        std::fs::write(tmp.path().join("f"), "hi").unwrap();
        std::os::unix::fs::symlink("f", &link).unwrap();
        assert!(read_regular(&link, 10).is_err());
        assert_eq!(read_regular(&tmp.path().join("f"), 10).unwrap(), b"hi");
        assert!(read_regular(&tmp.path().join("f"), 1).is_err());
    }
}
