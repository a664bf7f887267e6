//! Writing files that other runs read back (caches), without ever clobbering what the user
//! pointed us at.

use std::io;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that a crash or a concurrent reader never sees half a file: into a
/// temporary file beside it, then renamed over it.
///
/// Only a regular file (or a path that does not exist yet) is replaced that way. Renaming over
/// anything else would replace the thing itself rather than write to it: `--cache /dev/null` run
/// as root would turn the system's null device into a plain file (every later program reading
/// "nothing" from it would read our bytes), and a symlink would be swapped for a copy. Such paths
/// are written in place, through the device or the link.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Ok(_) | Err(_) => return std::fs::write(path, bytes),
    }
    let tmp = temp_beside(path);
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// `dir/.name.<pid>.tmp`: same directory (so the rename stays on one filesystem), hidden, and
/// distinct per process so two runs sharing a cache do not write into each other's file.
fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_regular_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cache.bin");
        write_replacing(&p, b"first").unwrap();
        write_replacing(&p, b"second").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink_instead_of_replacing_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.bin");
        let link = dir.path().join("link.bin");
        std::fs::write(&target, b"old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_replacing(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    /// A FIFO stands in for `/dev/null` (testing on the real device would, if this regressed,
    /// break the machine running the tests). Opened read-write first (Linux allows that on a FIFO)
    /// so neither side blocks, and the file type is checked before reading, so a regression fails
    /// instead of hanging.
    #[cfg(target_os = "linux")]
    #[test]
    fn writes_into_a_fifo_instead_of_replacing_it() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        match std::process::Command::new("mkfifo").arg(&fifo).status() {
            Ok(s) if s.success() => {}
            _ => {
                eprintln!("skipped: mkfifo is not available");
                return;
            }
        }
        let mut pipe = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&fifo)
            .unwrap();
        write_replacing(&fifo, b"through the pipe").unwrap();
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the FIFO was replaced by a {kind:?}");
        let mut got = [0u8; 16];
        pipe.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"through the pipe");
    }
}
