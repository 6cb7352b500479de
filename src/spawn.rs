//! Starting JOBbed processes and reaping them.
//!
//! A JOB starts a fresh minim: this very executable (`std::env::current_exe`), exec'd, never
//! a bare fork of the interpreter. Its standard files are the JOB's INPUT, OUTPUT and ERROR
//! (a file, `/dev/null` or a socket), and what it is to run comes down a pipe whose
//! descriptor number is its argument (`minim --job FD`): the entry reference, the actuals,
//! the local variables of PASSCURLVN, the routine path and the principal socket, in one
//! message of any size and any bytes.
//!
//! Children are reaped as they end: a SIGCHLD handler waits (WNOHANG) for the JOBbed
//! children listed in a lock-free table, and every JOB sweeps the table too, so no child
//! stays a zombie and no status of another kind of child (a PIPE device's) is taken.

use std::ffi::OsString;
use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::Once;
use std::sync::atomic::{AtomicI32, Ordering};

/// What a new process gets.
pub struct Spawn {
    pub dir: Option<PathBuf>,
    pub stdin: OwnedFd,
    pub stdout: OwnedFd,
    pub stderr: OwnedFd,
    /// Variables to set in the child's environment (GBLDIR's database).
    pub env: Vec<(String, OsString)>,
    /// The job's description, read by the child from the descriptor named by its argument.
    pub message: Vec<u8>,
}

/// Starts `minim --job FD` and returns its process id; the child is reaped when it ends.
pub fn spawn(job: Spawn) -> std::io::Result<u32> {
    install_reaper();
    sweep();
    let exe = std::env::current_exe()?;
    let (read_end, mut write_end) = pipe()?;
    // The child's copy of the read end: a duplicate without close-on-exec, made and closed
    // on the interpreter thread, the only one that starts processes.
    // SAFETY: F_DUPFD of a descriptor we own returns a new descriptor or -1.
    let inherit = unsafe { libc::fcntl(read_end.as_raw_fd(), libc::F_DUPFD, 3) };
    if inherit < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: inherit is a new descriptor nothing else owns.
    let inherit = unsafe { OwnedFd::from_raw_fd(inherit) };
    let mut cmd = Command::new(exe);
    cmd.arg("--job")
        .arg(inherit.as_raw_fd().to_string())
        .stdin(Stdio::from(job.stdin))
        .stdout(Stdio::from(job.stdout))
        .stderr(Stdio::from(job.stderr));
    if let Some(d) = &job.dir {
        cmd.current_dir(d);
    }
    for (k, v) in &job.env {
        cmd.env(k, v);
    }
    detach(&mut cmd);
    let child = cmd.spawn();
    drop(inherit);
    drop(read_end);
    let child = child?;
    let pid = child.id() as i32;
    // The Child handle is dropped without waiting: the reaper waits for the pid.
    drop(child);
    watch(pid);
    // A child that dies before reading makes this write fail (EPIPE): nothing to do then,
    // it has ended and is reaped like any other.
    let _ = write_end.write_all(&job.message);
    Ok(pid as u32)
}

/// A JOBbed process runs detached, as GT.M's do: in a session of its own, so a hangup or a
/// signal to the parent's terminal or process group does not reach it.
fn detach(cmd: &mut Command) {
    // SAFETY: the closure only calls setsid(2), which is async-signal-safe after fork; the
    // child was just forked, so it leads no process group and setsid cannot fail.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(cmd, || {
            libc::setsid();
            Ok(())
        });
    }
}

/// A pipe whose ends are closed on exec.
fn pipe() -> std::io::Result<(OwnedFd, std::fs::File)> {
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 fills the two descriptors of a new pipe.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both are new descriptors owned by nothing else.
    unsafe {
        Ok((
            OwnedFd::from_raw_fd(fds[0]),
            std::fs::File::from_raw_fd(fds[1]),
        ))
    }
}

/// Reads the whole job description from descriptor `fd` (the child's side) and closes it.
pub fn receive(fd: i32) -> std::io::Result<Vec<u8>> {
    // SAFETY: fcntl(F_GETFD) only checks that fd is open.
    if fd < 3 || unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    // SAFETY: the parent passed this descriptor to us alone; we take it over.
    let mut f = unsafe { std::fs::File::from_raw_fd(fd) };
    let mut message = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut message)?;
    Ok(message)
}

/// In the child: closes every descriptor but the standard three (a parent's database or
/// lock files, which it may have had open without close-on-exec) and the process's own wake
/// pipe (`interrupt::wake_fds`), which its signal handlers already write to.
pub fn close_inherited() {
    let mut keep = crate::interrupt::wake_fds();
    keep.sort_unstable();
    let mut from = 3u32;
    let mut closed = true;
    for k in keep
        .into_iter()
        .filter_map(|k| u32::try_from(k).ok())
        .filter(|&k| k >= 3)
    {
        if k > from {
            closed &= close_range(from, k - 1);
        }
        from = from.max(k + 1);
    }
    closed &= close_range(from, u32::MAX);
    if !closed {
        // Older kernels: close what /proc lists.
        let fds: Vec<i32> = std::fs::read_dir("/proc/self/fd")
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        for fd in fds.into_iter().filter(|&fd| fd > 2 && !keep.contains(&fd)) {
            // SAFETY: a descriptor this process does not use past this point.
            unsafe { libc::close(fd) };
        }
    }
}

/// close_range(2) of `first..=last`; false when the kernel has no such call.
fn close_range(first: u32, last: u32) -> bool {
    // SAFETY: close_range closes descriptors this process does not use past this point.
    unsafe { libc::syscall(libc::SYS_close_range, first, last, 0u32) == 0 }
}

/// Slots of the children being watched (0: free).
const SLOTS: usize = 4096;
static CHILDREN: [AtomicI32; SLOTS] = [const { AtomicI32::new(0) }; SLOTS];
/// Children beyond the table's room, reaped by the sweeps of later JOBs.
static OVERFLOW: Mutex<Vec<i32>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();

fn watch(pid: i32) {
    for slot in &CHILDREN {
        if slot
            .compare_exchange(0, pid, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            // It may have ended before it was listed, its SIGCHLD unanswered.
            reap_slot(slot);
            return;
        }
    }
    if let Ok(mut more) = OVERFLOW.lock() {
        more.push(pid);
    }
}

fn reap_slot(slot: &AtomicI32) {
    let pid = slot.load(Ordering::Acquire);
    if pid > 0 {
        // SAFETY: waitpid on a child of ours, without waiting; the status is not wanted.
        let r = unsafe { libc::waitpid(pid, std::ptr::null_mut(), libc::WNOHANG) };
        if r == pid || (r < 0 && errno() == libc::ECHILD) {
            let _ = slot.compare_exchange(pid, 0, Ordering::AcqRel, Ordering::Relaxed);
        }
    }
}

/// Reaps every watched child that has ended (at each JOB; the handler does it at once).
pub fn sweep() {
    for slot in &CHILDREN {
        reap_slot(slot);
    }
    if let Ok(mut more) = OVERFLOW.lock() {
        more.retain(|&pid| {
            // SAFETY: as in reap_slot.
            let r = unsafe { libc::waitpid(pid, std::ptr::null_mut(), libc::WNOHANG) };
            r == 0
        });
    }
}

/// How many JOBbed children have not been reaped yet (ended or not).
pub fn watched() -> usize {
    let listed = CHILDREN
        .iter()
        .filter(|s| s.load(Ordering::Relaxed) != 0)
        .count();
    listed + OVERFLOW.lock().map(|v| v.len()).unwrap_or(0)
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

extern "C" fn on_sigchld(_: libc::c_int) {
    // SAFETY: __errno_location gives this thread's errno, saved and put back so that the
    // interrupted code sees its own.
    let saved = unsafe { *libc::__errno_location() };
    for slot in &CHILDREN {
        reap_slot(slot);
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// The SIGCHLD handler: atomics and waitpid only (async-signal-safe). SA_RESTART, so a
/// child's end never cuts a blocking read or write short.
fn install_reaper() {
    INSTALL.call_once(|| {
        // SAFETY: a zeroed sigaction with an async-signal-safe handler.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigchld as *const () as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            action.sa_flags = libc::SA_RESTART | libc::SA_NOCLDSTOP;
            libc::sigaction(libc::SIGCHLD, &action, std::ptr::null_mut());
        }
    });
}
