//! Ctrl-C while M code runs in direct mode, and `$ZINTERRUPT` (SIGUSR1, GT.M's MUPIP INTRPT).
//!
//! The REPL installs a SIGINT handler that only sets [`INTERRUPT`]. The evaluator polls the
//! flag with [`take`] where code can run for long (each line, each FOR iteration) and the
//! devices poll it when a wait is cut short by the signal (`EINTR`); whoever sees it raises
//! GT.M's CTRLC error, which ends the direct-mode line and brings the prompt back.
//!
//! The handler is installed without `SA_RESTART`, so a blocking `read(2)` or `poll(2)` of
//! the interpreter thread returns `EINTR`. A signal that lands on another thread is passed on
//! to the interpreter thread. A second Ctrl-C while the first is still unseen means the
//! program does not look at the flag: the process then ends as it would without a handler.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::error::{MError, MResult, kind};

/// Set by the SIGINT handler; cleared by whoever acts on it.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Set by the SIGUSR1 handler: `$ZINTERRUPT` is due. The evaluator runs it where it would
/// look for Ctrl-C; a device wait cut short by it returns [`resume_error`] so that the
/// command runs the handler and goes back to its wait.
pub static ZINTERRUPT: AtomicBool = AtomicBool::new(false);

/// Raised with every rare event the evaluator must look at between two lines or FOR passes
/// (Ctrl-C, SIGTERM, SIGUSR1, a memory limit crossed): the hot path loads only this flag.
/// Set after the event's own flag; the evaluator clears it before looking at those.
pub static ATTENTION: AtomicBool = AtomicBool::new(false);

/// Always set: what a sandboxed evaluator watches instead of [`ATTENTION`], so that it
/// counts its steps on the slow path at every line and FOR pass.
pub static ALWAYS: AtomicBool = AtomicBool::new(true);

/// Raises [`ATTENTION`] (async-signal-safe: one atomic store).
#[inline]
pub fn attend() {
    ATTENTION.store(true, Ordering::Relaxed);
}

/// Set by the SIGTERM handler of a batch run: the run ends with GT.M's FORCEDHALT.
static TERMINATE: AtomicBool = AtomicBool::new(false);

/// The thread that runs M code (its `pthread_t`), to which a stray SIGINT is forwarded.
static TARGET: AtomicU64 = AtomicU64::new(0);

/// True (once) when Ctrl-C was pressed since the last call: the caller raises CTRLC.
/// A plain load first: the evaluator calls this on every line and FOR iteration, and the
/// atomic swap (a locked instruction) is only needed when the flag is set.
#[inline]
pub fn take() -> bool {
    // A plain load first: the hot path never writes the cache line.
    INTERRUPT.load(Ordering::Relaxed) && INTERRUPT.swap(false, Ordering::Relaxed)
}

/// True when Ctrl-C, SIGTERM or SIGUSR1 is waiting to be acted on (one load each, no write).
#[inline]
pub fn pending() -> bool {
    INTERRUPT.load(Ordering::Relaxed) || ZINTERRUPT.load(Ordering::Relaxed)
}

/// True (once) when SIGUSR1 arrived since the last call: the caller runs `$ZINTERRUPT`.
pub fn take_zinterrupt() -> bool {
    ZINTERRUPT.load(Ordering::Relaxed) && ZINTERRUPT.swap(false, Ordering::Relaxed)
}

/// What a device wait does when a signal cut it short: CTRLC for Ctrl-C (taken), the
/// resumable [`resume_error`] when `$ZINTERRUPT` is due (left for the evaluator to take).
pub fn check() -> MResult<()> {
    if take() {
        return Err(MError::new(kind::CTRLC));
    }
    if ZINTERRUPT.load(Ordering::Relaxed) {
        return Err(resume_error());
    }
    Ok(())
}

/// Not an M error: a wait stopped for `$ZINTERRUPT`; the command runs it and waits again.
pub fn resume_error() -> MError {
    let mut e = MError::new(kind::TEXT);
    e.resume = true;
    e
}

/// Sends SIGUSR1 to `pid`, as GT.M's `mupip intrpt` does (`minim intrpt PID`).
pub fn send(pid: i32) -> std::io::Result<()> {
    // SAFETY: kill(2) with a caller-given pid and a valid signal number.
    if unsafe { libc::kill(pid, libc::SIGUSR1) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Installs the SIGUSR1 handler (every kind of run: a routine, direct mode, a JOBbed child),
/// for the calling thread, the one that runs M code.
pub fn install_zinterrupt() {
    // SAFETY: pthread_self has no preconditions.
    TARGET.store(unsafe { libc::pthread_self() } as u64, Ordering::Relaxed);
    // SAFETY: a handler that only touches atomics and forwards the signal
    // (async-signal-safe); no SA_RESTART, so blocking calls return EINTR.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigusr1 as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = 0;
        libc::sigaction(libc::SIGUSR1, &action, std::ptr::null_mut());
    }
}

extern "C" fn on_sigusr1(_: libc::c_int) {
    let target = TARGET.load(Ordering::Relaxed) as libc::pthread_t;
    // SAFETY: pthread_self and pthread_kill are async-signal-safe.
    unsafe {
        if target != 0 && libc::pthread_self() != target {
            libc::pthread_kill(target, libc::SIGUSR1);
            return;
        }
    }
    ZINTERRUPT.store(true, Ordering::Relaxed);
    attend();
}

/// Forgets a Ctrl-C that nothing acted on (one pressed between two direct-mode lines).
pub fn clear() {
    INTERRUPT.store(false, Ordering::Relaxed);
}

/// Installs the SIGINT handler for the calling thread, the one that runs M code.
pub fn install() {
    // SAFETY: pthread_self has no preconditions.
    TARGET.store(unsafe { libc::pthread_self() } as u64, Ordering::Relaxed);
    // SAFETY: a zeroed sigaction with a handler that is async-signal-safe (atomics,
    // pthread_self, pthread_kill, signal and raise only); no SA_RESTART on purpose.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// A batch run (a routine, not direct mode), as GT.M: SIGINT and SIGHUP are ignored, and
/// SIGTERM (MUPIP STOP) ends the run at the next line or wait with FORCEDHALT, the output
/// written so far kept. The flag is polled where Ctrl-C is.
pub fn install_batch() {
    // SAFETY: pthread_self has no preconditions.
    TARGET.store(unsafe { libc::pthread_self() } as u64, Ordering::Relaxed);
    // SAFETY: SIG_IGN dispositions, and a handler that only touches atomics and forwards
    // the signal (async-signal-safe); no SA_RESTART, so blocking calls return EINTR.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGHUP, libc::SIG_IGN);
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigterm as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = 0;
        libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut());
    }
}

/// True when SIGTERM asked a batch run to stop.
pub fn terminated() -> bool {
    TERMINATE.load(Ordering::Relaxed)
}

extern "C" fn on_sigterm(_: libc::c_int) {
    let target = TARGET.load(Ordering::Relaxed) as libc::pthread_t;
    // SAFETY: pthread_self and pthread_kill are async-signal-safe.
    unsafe {
        if libc::pthread_self() != target {
            libc::pthread_kill(target, libc::SIGTERM);
            return;
        }
    }
    TERMINATE.store(true, Ordering::Relaxed);
    INTERRUPT.store(true, Ordering::Relaxed);
    attend();
}

extern "C" fn on_sigint(_: libc::c_int) {
    let target = TARGET.load(Ordering::Relaxed) as libc::pthread_t;
    // SAFETY: pthread_self, pthread_kill, signal and raise are async-signal-safe.
    unsafe {
        if libc::pthread_self() != target {
            // Wake the interpreter thread out of its system call; its handler sets the flag.
            libc::pthread_kill(target, libc::SIGINT);
            return;
        }
        if INTERRUPT.swap(true, Ordering::Relaxed) {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::raise(libc::SIGINT);
        }
        attend();
    }
}
