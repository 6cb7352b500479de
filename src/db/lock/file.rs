//! The LOCK table's file: sizing a new one, checking the header of an existing one, and the
//! guard byte held while the table is read or edited.

use super::*;

/// Sizes a new file (empty, or left without a header by a creator that died), or checks
/// the header of an existing one. True if new.
pub(super) fn prepare_file(file: &File) -> io::Result<bool> {
    let len = file.metadata()?.len();
    let mut header = [0u8; HEADER_SIZE];
    let read = file.read_at(&mut header, 0)?;
    if len <= FILE_SIZE as u64 && header.iter().all(|&b| b == 0) {
        file.set_len(0)?;
        file.set_len(FILE_SIZE as u64)?;
        return Ok(true);
    }
    check_header(&header[..read])?;
    if len != FILE_SIZE as u64 {
        return Err(incompatible(format!("{len} bytes instead of {FILE_SIZE}")));
    }
    Ok(false)
}

pub(super) fn expected_header() -> [u8; 24] {
    let mut header = [0u8; 24];
    header[..8].copy_from_slice(&MAGIC);
    let sizes = [VERSION, PROCS as u32, ENTRIES as u32, MAX_NAME as u32];
    for (i, size) in sizes.iter().enumerate() {
        header[8 + 4 * i..12 + 4 * i].copy_from_slice(&size.to_le_bytes());
    }
    header
}

pub(super) fn check_header(header: &[u8]) -> io::Result<()> {
    let expected = expected_header();
    if header.len() < expected.len() || header[..8] != MAGIC {
        return Err(incompatible("not a minim lock table".to_string()));
    }
    if header[..expected.len()] != expected {
        return Err(incompatible(
            "a lock table of another layout (version or sizes) than this minim's".to_string(),
        ));
    }
    Ok(())
}

pub(super) fn incompatible(why: String) -> io::Error {
    io::Error::new(ErrorKind::InvalidData, why)
}

pub(super) fn in_file(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Runs `f` with the guard byte write-locked (waiting for it).
pub(super) fn with_guard<R>(fd: RawFd, f: impl FnOnce() -> io::Result<R>) -> io::Result<R> {
    lock_byte_wait(fd, GUARD_BYTE)?;
    let result = f();
    let unlocked = lock_byte(fd, libc::F_UNLCK, GUARD_BYTE);
    let value = result?;
    unlocked?;
    Ok(value)
}
