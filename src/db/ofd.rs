//! Open-file-description (OFD) `fcntl` locks on single bytes of a file: the kernel drops
//! them when the file is closed or its process dies (even by `kill -9`), which is how the
//! LOCK table and the writers' gate tell live owners from dead ones.

use std::io::{self, ErrorKind};
use std::os::fd::RawFd;

/// One `fcntl` OFD lock request on byte `at`, retried on EINTR; returns the `flock` after it.
pub(crate) fn byte_fcntl(
    fd: RawFd,
    cmd: libc::c_int,
    kind: libc::c_int,
    at: u64,
) -> io::Result<libc::flock> {
    // SAFETY: `flock` is a plain C struct of integers, for which all zeros is valid.
    let mut request: libc::flock = unsafe { std::mem::zeroed() };
    request.l_type = kind as libc::c_short;
    request.l_whence = libc::SEEK_SET as libc::c_short;
    request.l_start = at as libc::off_t;
    request.l_len = 1;
    loop {
        // SAFETY: `fd` is an open descriptor owned by the caller for the whole call, and
        // `request` is a valid `flock` that the kernel may read and write.
        if unsafe { libc::fcntl(fd, cmd, &mut request) } == 0 {
            return Ok(request);
        }
        let error = io::Error::last_os_error();
        if error.kind() != ErrorKind::Interrupted {
            return Err(error);
        }
    }
}

/// Sets (`F_WRLCK`) or clears (`F_UNLCK`) the lock on byte `at` without waiting. False if
/// another open file description holds it.
pub(crate) fn lock_byte(fd: RawFd, kind: libc::c_int, at: u64) -> io::Result<bool> {
    match byte_fcntl(fd, libc::F_OFD_SETLK, kind, at) {
        Ok(_) => Ok(true),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EAGAIN | libc::EACCES)) => Ok(false),
        Err(e) => Err(e),
    }
}

pub(crate) fn lock_byte_wait(fd: RawFd, at: u64) -> io::Result<()> {
    byte_fcntl(fd, libc::F_OFD_SETLKW, libc::F_WRLCK, at).map(drop)
}

/// Whether another open file description holds a lock on byte `at`.
pub(crate) fn byte_locked(fd: RawFd, at: u64) -> io::Result<bool> {
    let found = byte_fcntl(fd, libc::F_OFD_GETLK, libc::F_WRLCK, at)?;
    Ok(found.l_type != libc::F_UNLCK as libc::c_short)
}
