//! The reading end of a pipe from the command: a line buffer over a non-blocking descriptor,
//! with GT.M's READ rules for a PIPE (a line, `x#n`, `*x`, timeouts, end of file).

use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use super::set_nonblocking;
use crate::device::buffer::{DEFAULT_RECORD, LineBuffer};
use crate::device::wait::{Waited, Want, WatchedFd, wait_fd};
use crate::device::{DevState, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};

/// The reading end of a pipe from the command, with its line buffer.
pub(super) struct Reader {
    fd: WatchedFd,
    input: LineBuffer,
    at_eof: bool,
}

impl Reader {
    pub(super) fn new(fd: OwnedFd) -> Reader {
        set_nonblocking(&fd);
        Reader {
            fd: WatchedFd::new(fd),
            input: LineBuffer::default(),
            at_eof: false,
        }
    }

    /// Waits for more bytes until `deadline`; false when the deadline passed first.
    fn fill(&mut self, deadline: Option<Instant>) -> MResult<bool> {
        loop {
            crate::interrupt::check()?;
            let mut chunk = [0u8; 65536];
            // SAFETY: reading into a local buffer of its length from a descriptor we own.
            let n =
                unsafe { libc::read(self.fd.as_raw_fd(), chunk.as_mut_ptr().cast(), chunk.len()) };
            if n > 0 {
                self.input.push(&chunk[..n as usize]);
                return Ok(true);
            }
            if n == 0 {
                self.at_eof = true;
                return Ok(true);
            }
            let err = std::io::Error::last_os_error();
            match err.raw_os_error() {
                Some(libc::EAGAIN) | Some(libc::EINTR) => {}
                _ => return Err(MError::system(&err)),
            }
            if wait_fd(self.fd.as_raw_fd(), Want::READABLE, deadline) == Waited::Timeout {
                return Ok(false);
            }
        }
    }

    pub(super) fn read(&mut self, state: &mut DevState, spec: ReadSpec) -> MResult<ReadOutcome> {
        let deadline = spec.timeout.map(|t| Instant::now() + t);
        let max = spec.max.unwrap_or(DEFAULT_RECORD).min(DEFAULT_RECORD);
        loop {
            let (data, terminator): (Vec<u8>, &[u8]) = match self.input.take(max) {
                Some((line, true)) => (line, b"\n"),
                Some((part, false)) => (part, b""),
                None if self.at_eof && self.input.pending().is_empty() => {
                    eof(state)?;
                    return Ok(ReadOutcome::Data {
                        data: Vec::new(),
                        timed_out: false,
                    });
                }
                None if self.at_eof => (self.input.take_rest(), b""),
                None => {
                    if self.fill(deadline)? {
                        continue;
                    }
                    // Timed out: what arrived of the line is the value.
                    good_read(state, b"");
                    return Ok(ReadOutcome::Data {
                        data: self.input.take_rest(),
                        timed_out: true,
                    });
                }
            };
            good_read(state, terminator);
            return Ok(ReadOutcome::Data {
                data,
                timed_out: false,
            });
        }
    }

    pub(super) fn read_char(
        &mut self,
        state: &mut DevState,
        timeout: Option<Duration>,
    ) -> MResult<ReadOutcome> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            if let Some(c) = self.input.take_byte() {
                good_read(state, b"");
                return Ok(ReadOutcome::Char {
                    code: c as i64,
                    timed_out: false,
                });
            }
            if self.at_eof {
                eof(state)?;
                return Ok(ReadOutcome::Char {
                    code: -1,
                    timed_out: false,
                });
            }
            if !self.fill(deadline)? {
                good_read(state, b"");
                return Ok(ReadOutcome::Char {
                    code: -1,
                    timed_out: true,
                });
            }
        }
    }
}

fn good_read(s: &mut DevState, terminator: &[u8]) {
    s.key = terminator.to_vec();
    s.zb = terminator.to_vec();
    s.device = b"0".to_vec();
    s.za = 0;
}

/// End of file: the first READ there reports it, the next is IOEOF.
fn eof(s: &mut DevState) -> MResult<()> {
    if s.zeof {
        return Err(MError::new(kind::IOEOF));
    }
    s.zeof = true;
    s.device = b"1,Device detected EOF".to_vec();
    s.za = 9;
    s.key.clear();
    s.zb.clear();
    Ok(())
}
