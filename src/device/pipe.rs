//! GT.M's PIPE device: `OPEN p:(COMMAND="...":SHELL=:READONLY:WRITEONLY:STDERR=:INDEPENDENT)::"PIPE"`
//! runs the command under a shell, with its standard input and output (and its standard error,
//! unless STDERR= names a device of its own) as the device's two directions.
//!
//! What GT.M V7.0 does, pinned with probe routines (tests/golden/pipe*.m):
//! - the shell is SHELL=, else `$SHELL`, else /bin/sh, run as `shell -c command`; without
//!   STDERR= the command's standard error goes into the same pipe as its output;
//! - READ takes a line (`$KEY` = LF), `x#n` at most n bytes, `*x` one byte; a timed-out READ
//!   returns what arrived of the line (consumed) with `$TEST` 0; the first READ at end of file
//!   gives "" with `$TEST` 1, `$ZEOF` 1, `$DEVICE` "1,Device detected EOF", `$ZA` 9, the next
//!   IOEOF; READ of a WRITEONLY pipe is DEVICEWRITEONLY, WRITE to a READONLY one
//!   DEVICEREADONLY; WRITE to a command that has ended is `%SYSTEM-E-ENO32, Broken pipe`;
//! - `WRITE /EOF` ends the command's input; CLOSE ends it too and waits up to 2 seconds for
//!   the command: `$ZCLOSE` is its exit status, minus the signal that killed it, or -99 when
//!   it is still running (it is left to run); an INDEPENDENT pipe's CLOSE does not wait and
//!   leaves `$ZCLOSE` alone. Every child is reaped (a thread waits for the late ones).
//! - ZSHOW "D": `p OPEN PIPE SHELL="..." COMMAND="..." STDERR="e" INDEPENDENT READ `; the
//!   STDERR device is not listed, and closes with its pipe.

use std::ffi::OsStr;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use super::wait::{Want, WatchedFd, wait_fd};
use super::{DevState, Device, Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword as Kw;
use crate::value::Value;

/// `$ZCLOSE`: the status of the last PIPE CLOSE.
static LAST_CLOSE: AtomicI64 = AtomicI64::new(0);

/// How long CLOSE waits for the command to end (GT.M: 2 seconds, then `$ZCLOSE` = -99).
const CLOSE_WAIT: Duration = Duration::from_secs(2);

mod reader;

use reader::Reader;

pub fn last_close_status() -> i64 {
    LAST_CLOSE.load(Ordering::Relaxed)
}

pub struct PipeDevice {
    state: DevState,
    /// What ZSHOW "D" shows after the name.
    shown: Vec<u8>,
    stderr_name: Option<Vec<u8>>,
    readonly: bool,
    writeonly: bool,
    independent: bool,
    child: Option<Child>,
    stdin: Option<WatchedFd>,
    reader: Option<Reader>,
    out: Vec<u8>,
}

/// The STDERR= device of a pipe, with its name.
pub type Companion = (Vec<u8>, PipeStderr);

/// The STDERR= device of a pipe: the command's standard error, read only.
pub struct PipeStderr {
    state: DevState,
    reader: Reader,
}

impl PipeDevice {
    /// Starts the command. Returns the device and, with STDERR=, the device of its errors.
    pub fn open(name: &[u8], params: &[Param]) -> MResult<(PipeDevice, Option<Companion>)> {
        let get = |k: Kw| {
            params
                .iter()
                .find(|p| p.keyword == k)
                .map(|p| p.value.clone().unwrap_or_else(Value::empty))
        };
        let has = |k: Kw| params.iter().any(|p| p.keyword == k);
        let fail = |text: &str| {
            MError::with_args(kind::DEVOPENFAIL, &[&String::from_utf8_lossy(name)]).detail(text)
        };
        let command = match get(Kw::Command) {
            Some(c) if !c.bytes().is_empty() => c.bytes().to_vec(),
            _ => return Err(fail("Missing command string")),
        };
        let shell_param = get(Kw::Shell).map(|v| v.bytes().to_vec());
        let stderr_name = get(Kw::Stderr).map(|v| v.bytes().to_vec());
        let (readonly, writeonly, independent) =
            (has(Kw::ReadOnly), has(Kw::WriteOnly), has(Kw::Independent));
        let shell = match &shell_param {
            Some(s) => s.clone(),
            None => std::env::var_os("SHELL")
                .filter(|s| !s.is_empty())
                .map(|s| s.as_bytes().to_vec())
                .unwrap_or_else(|| b"/bin/sh".to_vec()),
        };
        let mut cmd = Command::new(OsStr::from_bytes(&shell));
        // GT.M runs the shell by its base name (`$0` is "sh").
        let base = shell.rsplit(|&b| b == b'/').next().unwrap_or(&shell);
        std::os::unix::process::CommandExt::arg0(&mut cmd, OsStr::from_bytes(base));
        cmd.arg("-c").arg(OsStr::from_bytes(&command));
        let io_err = |e: std::io::Error| fail(&MError::system(&e).message);
        let (stdin, child_in) = if readonly {
            (None, Stdio::null())
        } else {
            let (r, w) = pipe().map_err(io_err)?;
            (Some(w), Stdio::from(r))
        };
        let mut reader = None;
        let mut err_reader = None;
        if writeonly {
            cmd.stdout(Stdio::inherit());
        } else {
            let (r, w) = pipe().map_err(io_err)?;
            if stderr_name.is_none() {
                cmd.stderr(Stdio::from(w.try_clone().map_err(io_err)?));
            }
            cmd.stdout(Stdio::from(w));
            reader = Some(Reader::new(r));
        }
        if stderr_name.is_some() {
            let (r, w) = pipe().map_err(io_err)?;
            cmd.stderr(Stdio::from(w));
            err_reader = Some(Reader::new(r));
        }
        cmd.stdin(child_in);
        keep_sigpipe_ignored(&mut cmd);
        let child = cmd.spawn().map_err(io_err)?;
        // The child holds its ends now; ours of them went with `cmd`.
        drop(cmd);
        let mut shown = b"OPEN PIPE ".to_vec();
        if let Some(s) = &shell_param {
            push_quoted(&mut shown, b"SHELL=", s);
        }
        push_quoted(&mut shown, b"COMMAND=", &command);
        if let Some(e) = &stderr_name {
            push_quoted(&mut shown, b"STDERR=", e);
        }
        if independent {
            shown.extend_from_slice(b"INDEPENDENT ");
        }
        if readonly {
            shown.extend_from_slice(b"READ ");
        }
        let companion = match (&stderr_name, err_reader) {
            (Some(n), Some(reader)) => Some((
                n.clone(),
                PipeStderr {
                    state: DevState::default(),
                    reader,
                },
            )),
            _ => None,
        };
        let dev = PipeDevice {
            state: DevState::default(),
            shown,
            stderr_name,
            readonly,
            writeonly,
            independent,
            child: Some(child),
            stdin: stdin.map(WatchedFd::new),
            reader,
            out: Vec::new(),
        };
        Ok((dev, companion))
    }

    /// Sends buffered output to the command, waiting while its pipe is full (Ctrl-C or
    /// SIGTERM end the wait).
    fn send(&mut self) -> MResult<()> {
        if self.out.is_empty() {
            return Ok(());
        }
        let Some(fd) = &self.stdin else {
            self.out.clear();
            return Ok(());
        };
        let mut done = 0;
        while done < self.out.len() {
            let rest = &self.out[done..];
            // SAFETY: writing bytes we own to a descriptor we own.
            let n = unsafe { libc::write(fd.as_raw_fd(), rest.as_ptr().cast(), rest.len()) };
            if n >= 0 {
                done += n as usize;
                continue;
            }
            let err = std::io::Error::last_os_error();
            match err.raw_os_error() {
                Some(libc::EAGAIN) | Some(libc::EINTR) => {
                    if crate::interrupt::take() {
                        self.out.clear();
                        return Err(MError::new(kind::CTRLC));
                    }
                    wait_fd(fd.as_raw_fd(), Want::WRITABLE, None);
                }
                _ => {
                    self.out.clear();
                    return Err(MError::system(&err));
                }
            }
        }
        self.out.clear();
        Ok(())
    }

    fn writable(&self) -> MResult<()> {
        if self.readonly {
            return Err(MError::new(kind::DEVICEREADONLY));
        }
        Ok(())
    }

    /// Before a READ: output goes out first; a WRITEONLY pipe cannot be read.
    fn readable(&mut self) -> MResult<()> {
        if self.writeonly || self.reader.is_none() {
            return Err(MError::new(kind::DEVICEWRITEONLY));
        }
        self.send()
    }

    /// Ends the command's input and collects its exit status (GT.M's `$ZCLOSE`).
    fn finish(&mut self) {
        self.stdin = None;
        self.reader = None;
        let Some(mut child) = self.child.take() else {
            return;
        };
        if self.independent {
            reap_later(child);
            return;
        }
        let status = match wait_exit(&mut child, Instant::now() + CLOSE_WAIT) {
            Ok(Some(st)) => status_value(st),
            Ok(None) => {
                reap_later(child);
                -99
            }
            Err(_) => -98,
        };
        LAST_CLOSE.store(status, Ordering::Relaxed);
    }
}

/// Waits until `child` ends (its status) or `deadline` passes (`None`). On Linux the wait is
/// on the child's pidfd, which its exit makes readable; elsewhere, a look every 5 ms.
fn wait_exit(
    child: &mut Child,
    deadline: Instant,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    let pidfd = pidfd_of(child);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        match &pidfd {
            Some(fd) => drop(wait_fd(fd.as_raw_fd(), Want::READABLE, Some(deadline))),
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// A descriptor that becomes readable when `child` ends (Linux 5.3 and later).
#[cfg(target_os = "linux")]
fn pidfd_of(child: &Child) -> Option<WatchedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, child.id() as libc::pid_t, 0) };
    // SAFETY: a non-negative result is a descriptor this process now owns alone.
    (fd >= 0).then(|| WatchedFd::new(unsafe { OwnedFd::from_raw_fd(fd as i32) }))
}

#[cfg(not(target_os = "linux"))]
fn pidfd_of(_child: &Child) -> Option<WatchedFd> {
    None
}

impl Device for PipeDevice {
    fn state(&self) -> &DevState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut DevState {
        &mut self.state
    }

    fn write(&mut self, bytes: &[u8]) -> MResult<()> {
        self.writable()?;
        self.out.extend_from_slice(bytes);
        self.state.x += bytes.len() as u64;
        Ok(())
    }

    fn newline(&mut self) -> MResult<()> {
        self.writable()?;
        self.out.push(b'\n');
        self.state.line_feed();
        Ok(())
    }

    fn form_feed(&mut self) -> MResult<()> {
        self.writable()?;
        self.out.push(0x0c);
        self.state.x = 0;
        self.state.y = 0;
        Ok(())
    }

    fn write_code(&mut self, code: i64) -> MResult<()> {
        self.writable()?;
        if (0..=255).contains(&code) {
            self.out.push(code as u8);
        }
        self.state.x += 1;
        Ok(())
    }

    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        self.readable()?;
        match &mut self.reader {
            Some(r) => r.read(&mut self.state, spec),
            None => Err(MError::new(kind::DEVICEWRITEONLY)),
        }
    }

    fn read_char(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome> {
        self.readable()?;
        match &mut self.reader {
            Some(r) => r.read_char(&mut self.state, timeout),
            None => Err(MError::new(kind::DEVICEWRITEONLY)),
        }
    }

    /// `WRITE /EOF`: the command's input ends (it sees end of file).
    fn control(&mut self, name: &str, _args: &[Value]) -> MResult<Option<bool>> {
        if name.eq_ignore_ascii_case("EOF") {
            self.send()?;
            self.stdin = None;
        }
        Ok(None)
    }

    fn end_of_write(&mut self) -> MResult<()> {
        self.send()
    }

    fn close(&mut self, _params: &[Param]) -> MResult<bool> {
        let sent = self.send();
        self.finish();
        sent.map(|()| true)
    }

    fn flush(&mut self) {
        let _ = self.send();
    }

    fn at_exit(&mut self) {
        let _ = self.send();
        self.stdin = None;
        if let Some(child) = self.child.take() {
            reap_later(child);
        }
    }

    fn zshow_line(&self) -> Option<Vec<u8>> {
        Some(self.shown.clone())
    }

    fn companion(&self) -> Option<&[u8]> {
        self.stderr_name.as_deref()
    }
}

impl Device for PipeStderr {
    fn state(&self) -> &DevState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut DevState {
        &mut self.state
    }

    fn write(&mut self, _bytes: &[u8]) -> MResult<()> {
        Err(MError::new(kind::DEVICEREADONLY))
    }

    fn newline(&mut self) -> MResult<()> {
        Err(MError::new(kind::DEVICEREADONLY))
    }

    fn form_feed(&mut self) -> MResult<()> {
        Err(MError::new(kind::DEVICEREADONLY))
    }

    fn write_code(&mut self, _code: i64) -> MResult<()> {
        Err(MError::new(kind::DEVICEREADONLY))
    }

    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        self.reader.read(&mut self.state, spec)
    }

    fn read_char(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome> {
        self.reader.read_char(&mut self.state, timeout)
    }

    fn close(&mut self, _params: &[Param]) -> MResult<bool> {
        Ok(true)
    }
}

/// `NAME="value" ` with the quotes in the value doubled, as ZSHOW "D" shows it.
fn push_quoted(out: &mut Vec<u8>, keyword: &[u8], value: &[u8]) {
    out.extend_from_slice(keyword);
    out.push(b'"');
    for &b in value {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.extend_from_slice(b"\" ");
}

/// GT.M's `$ZCLOSE` of an exit status: the code, or minus the signal that ended it.
fn status_value(st: std::process::ExitStatus) -> i64 {
    use std::os::unix::process::ExitStatusExt;
    match (st.code(), st.signal()) {
        (Some(c), _) => c as i64,
        (None, Some(sig)) => -(sig as i64),
        _ => -98,
    }
}

/// A child that has not ended yet: a thread waits for it, so it never stays a zombie.
fn reap_later(mut child: Child) {
    if let Ok(Some(_)) = child.try_wait() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("pipe-reaper".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            let _ = child.wait();
        });
    drop(spawned);
}

/// GT.M's children inherit its ignored SIGPIPE: a command writing to a closed pipe gets EPIPE
/// and ends by itself (`yes` exits 1, `$ZCLOSE`=1), where Rust's default would kill it.
pub fn keep_sigpipe_ignored(cmd: &mut Command) {
    // SAFETY: the closure only calls signal(2), which is async-signal-safe after fork.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(cmd, || {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
            Ok(())
        });
    }
}

/// A pipe whose both ends close on exec (the child gets its end through Stdio).
fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills the two descriptors of the array we own.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just opened and belong to nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

pub(super) fn set_nonblocking(fd: &OwnedFd) {
    // SAFETY: fcntl on a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
}
