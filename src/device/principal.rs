//! The principal device: standard input and output.
//!
//! Output is buffered and flushed when the program reads, waits, ends or fails. Input is read
//! in blocks into a buffer after a readiness wait (`device::wait`), so `read x:5` returns the
//! moment a line arrives and Ctrl-C or a signal ends any READ at once.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use super::buffer::{DEFAULT_RECORD, LineBuffer};
use super::wait::{Waited, Want, wait_fd};
use super::{DevState, Device, Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult};
use crate::syntax::ast::DeviceKeyword;

const FLUSH_AT: usize = 64 * 1024;

pub struct Principal {
    state: DevState,
    out: Vec<u8>,
    input: LineBuffer,
    at_eof: bool,
    /// GT.M writes `\f\n` for `WRITE #` when standard output is a regular file, `\f` otherwise.
    out_is_file: bool,
    /// The errno of the last failed write of standard output, raised by the next WRITE.
    write_error: Option<i32>,
    /// Output is dropped, input is at its end (a sandbox: `Interp::sandbox`).
    detached: bool,
    /// USE WIDTH=n: lines wrap at n columns (GT.M does not wrap standard output otherwise).
    width: Option<u64>,
}

impl Default for Principal {
    fn default() -> Self {
        Self::new()
    }
}

impl Principal {
    pub fn new() -> Principal {
        Principal {
            state: DevState::default(),
            out: Vec::with_capacity(FLUSH_AT),
            input: LineBuffer::default(),
            at_eof: false,
            out_is_file: fd_is_regular_file(1),
            write_error: None,
            detached: false,
            width: None,
        }
    }

    /// A principal device attached to nothing: output is dropped (a sandbox's).
    pub fn detached() -> Principal {
        Principal {
            detached: true,
            out_is_file: false,
            ..Principal::new()
        }
    }

    /// The name GT.M gives the principal device: `0` unless standard input is a terminal.
    pub fn device_name() -> Vec<u8> {
        if std::io::stdin().is_terminal() {
            // SAFETY: ttyname only inspects file descriptor 0; its result is copied at once.
            unsafe {
                let p = libc::ttyname(0);
                if !p.is_null() {
                    return std::ffi::CStr::from_ptr(p).to_bytes().to_vec();
                }
            }
        }
        b"0".to_vec()
    }

    /// Buffers output; a failed write of standard output (EPIPE when the reader is gone)
    /// is the M error GT.M raises (`%SYSTEM-E-ENO32`), so a writing loop ends.
    fn push(&mut self, bytes: &[u8]) -> MResult<()> {
        self.out.extend_from_slice(bytes);
        if self.out.len() >= FLUSH_AT {
            self.flush();
        }
        match self.write_error.take() {
            Some(errno) => Err(MError::system(&std::io::Error::from_raw_os_error(errno))),
            None => Ok(()),
        }
    }

    /// Reads more input, waiting at most until `deadline`. Returns false on timeout.
    fn fill(&mut self, deadline: Option<Instant>) -> bool {
        self.flush();
        if !wait_readable(0, deadline) {
            return false;
        }
        if crate::interrupt::pending() {
            return true; // Ctrl-C or $ZINTERRUPT: the READ loop acts on it
        }
        let mut chunk = [0u8; 65536];
        // SAFETY: reading into a local buffer of the given length.
        let n = unsafe { libc::read(0, chunk.as_mut_ptr().cast(), chunk.len()) };
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            return true; // a signal: the READ loop looks at INTERRUPT and reads again
        }
        if n <= 0 {
            self.at_eof = true;
        } else {
            self.input.push(&chunk[..n as usize]);
        }
        true
    }

    fn good_read(&mut self, terminator: &[u8]) {
        let s = &mut self.state;
        s.key = terminator.to_vec();
        s.zb = terminator.to_vec();
        s.device = b"0".to_vec();
        s.za = 0;
    }

    /// A READ at end of input: the first one reports it, the next ends the process (GT.M).
    fn eof_read(&mut self) -> Option<()> {
        if self.state.zeof {
            return None;
        }
        let s = &mut self.state;
        s.zeof = true;
        s.device = b"1,Device detected EOF".to_vec();
        s.za = 9;
        s.key.clear();
        s.zb.clear();
        Some(())
    }
}

fn fd_is_regular_file(fd: i32) -> bool {
    // SAFETY: fstat writes into a zeroed stat buffer we own.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFREG
    }
}

/// Waits until `fd` is readable or `deadline` passes (`None`: no deadline); true when
/// readable, or when a signal is to be acted on (the caller stops waiting either way).
pub fn wait_readable(fd: i32, deadline: Option<Instant>) -> bool {
    loop {
        if crate::interrupt::pending() {
            return true;
        }
        match wait_fd(fd, Want::READABLE, deadline) {
            Waited::Ready => return true,
            Waited::Timeout => return false,
            Waited::Interrupted => {}
        }
    }
}

impl Device for Principal {
    fn state(&self) -> &DevState {
        &self.state
    }

    /// `$ZKEY` of the principal device: empty, as GT.M's (probed with standard input and
    /// output redirected).
    fn zkey(&mut self) -> Option<Vec<u8>> {
        Some(Vec::new())
    }

    fn state_mut(&mut self) -> &mut DevState {
        &mut self.state
    }

    fn write(&mut self, mut bytes: &[u8]) -> MResult<()> {
        let Some(width) = self.width else {
            self.push(bytes)?;
            self.state.x += bytes.len() as u64;
            return Ok(());
        };
        while !bytes.is_empty() {
            let (full, n) = super::wrap_step(&mut self.state, width, bytes.len());
            if full {
                self.push(b"\n")?;
            }
            self.push(&bytes[..n])?;
            bytes = &bytes[n..];
        }
        Ok(())
    }

    /// USE WIDTH=n (1 to 1,048,576): where lines wrap.
    fn use_params(&mut self, params: &[Param]) -> MResult<()> {
        for p in params.iter().filter(|p| p.keyword == DeviceKeyword::Width) {
            self.width = Some(super::size_param(p)? as u64);
        }
        Ok(())
    }

    fn newline(&mut self) -> MResult<()> {
        self.push(b"\n")?;
        self.state.line_feed();
        Ok(())
    }

    fn form_feed(&mut self) -> MResult<()> {
        if self.state.x > 0 {
            self.push(b"\n")?;
        }
        self.push(if self.out_is_file { b"\x0c\n" } else { b"\x0c" })?;
        self.state.x = 0;
        self.state.y = 0;
        Ok(())
    }

    fn write_code(&mut self, code: i64) -> MResult<()> {
        match self.width {
            Some(width) if super::wrap_step(&mut self.state, width, 1).0 => self.push(b"\n")?,
            Some(_) => {}
            None => self.state.x += 1,
        }
        if (0..=255).contains(&code) {
            self.push(&[code as u8])?;
        }
        Ok(())
    }

    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        let deadline = spec.timeout.map(|t| Instant::now() + t);
        let max = spec.max.unwrap_or(DEFAULT_RECORD).min(DEFAULT_RECORD);
        loop {
            crate::interrupt::check()?;
            let (data, terminator): (Vec<u8>, &[u8]) = match self.input.take(max) {
                Some((line, true)) => (line, b"\n"),
                Some((part, false)) => (part, b""),
                None if self.at_eof && self.input.pending().is_empty() => {
                    return Ok(match self.eof_read() {
                        Some(()) => ReadOutcome::Data {
                            data: Vec::new(),
                            timed_out: false,
                        },
                        None => ReadOutcome::EndProcess,
                    });
                }
                // A last line without LF.
                None if self.at_eof => (self.input.take_rest(), b""),
                None => {
                    // READ x#n at a terminal returns at the n-th key, not at Enter.
                    let _raw = spec.max.and_then(|_| RawKeys::enter());
                    if self.fill(deadline) {
                        continue;
                    }
                    // Timed out: what arrived of the line is the value.
                    let data = self.input.take_rest();
                    self.good_read(b"");
                    return Ok(ReadOutcome::Data {
                        data,
                        timed_out: true,
                    });
                }
            };
            self.good_read(terminator);
            return Ok(ReadOutcome::Data {
                data,
                timed_out: false,
            });
        }
    }

    fn read_char(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            crate::interrupt::check()?;
            if let Some(c) = self.input.take_byte() {
                self.good_read(b"");
                return Ok(ReadOutcome::Char {
                    code: c as i64,
                    timed_out: false,
                });
            }
            if self.at_eof {
                return Ok(match self.eof_read() {
                    Some(()) => ReadOutcome::Char {
                        code: -1,
                        timed_out: false,
                    },
                    None => ReadOutcome::EndProcess,
                });
            }
            // READ *c at a terminal returns at one key press.
            let _raw = RawKeys::enter();
            if !self.fill(deadline) {
                return Ok(ReadOutcome::Char {
                    code: -1,
                    timed_out: true,
                });
            }
        }
    }

    fn close(&mut self, _params: &[Param]) -> MResult<bool> {
        Ok(false)
    }

    fn at_exit(&mut self) {
        self.finish();
    }

    fn flush(&mut self) {
        if self.detached {
            self.out.clear();
        } else if !self.out.is_empty() {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(&self.out).and_then(|_| stdout.flush()) {
                self.write_error = e.raw_os_error();
            }
            self.out.clear();
        }
    }
}

impl Principal {
    /// At process end GT.M finishes a partial output line with a newline.
    pub fn finish(&mut self) {
        if self.state.x > 0 {
            // At exit a failed write has no one left to report to.
            let _ = self.push(b"\n");
            self.state.x = 0;
        }
        self.flush();
    }
}

/// The terminal on standard input without line editing (no ICANON) while a READ *c or
/// READ x#n waits, so each key press arrives at once as in GT.M; echo and Ctrl-C stay.
/// Dropping it (the READ returned, by data, timeout, Ctrl-C or end of input) restores
/// the terminal as it was.
struct RawKeys(libc::termios);

impl RawKeys {
    fn enter() -> Option<RawKeys> {
        // SAFETY: tcgetattr and tcsetattr read and write a termios struct we own,
        // for file descriptor 0.
        if !std::io::stdin().is_terminal() {
            return None;
        }
        unsafe {
            let mut saved: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut saved) != 0 || saved.c_lflag & libc::ICANON == 0 {
                return None;
            }
            let mut raw = saved;
            raw.c_lflag &= !libc::ICANON;
            raw.c_cc[libc::VMIN] = 1;
            raw.c_cc[libc::VTIME] = 0;
            (libc::tcsetattr(0, libc::TCSANOW, &raw) == 0).then_some(RawKeys(saved))
        }
    }
}

impl Drop for RawKeys {
    fn drop(&mut self) {
        // SAFETY: restores the termios read in `enter` on file descriptor 0.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &self.0);
        }
    }
}
