//! Ctrl-C while M code runs in direct mode, and `$ZINTERRUPT` (SIGUSR1, GT.M's MUPIP INTRPT).
//!
//! The REPL installs a SIGINT handler that only sets [`INTERRUPT`]. The evaluator polls the
//! flag with [`take`] where code can run for long (each line, each FOR iteration) and the
//! devices poll it when a wait is cut short by the signal (`EINTR`); whoever sees it raises
//! GT.M's CTRLC error, which ends the direct-mode line and brings the prompt back.
//!
//! Every handler, after setting its flag, writes one byte to the wake pipe ([`wake_fd`]),
//! which every wait of `device::wait` watches: a wait ends at once on the signal, even one that
//! lands just before the wait begins (which `EINTR` alone would miss). The handlers are
//! installed without `SA_RESTART`, so a blocking `read(2)` of the interpreter thread returns
//! `EINTR` too. A signal that lands on another thread is passed on to the interpreter thread.
//! A second Ctrl-C while the first is still unseen means the program does not look at the
//! flag: the process then ends as it would without a handler.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};

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

/// The write end of the wake pipe, for the handlers (-1 until it exists).
static WAKE_WRITE: AtomicI32 = AtomicI32::new(-1);
/// A byte is in the wake pipe: the handlers write at most one, so the pipe never fills and
/// a handler's write never fails (nor changes `errno`).
static WAKE_SENT: AtomicBool = AtomicBool::new(false);
/// The read end of the wake pipe, made once.
static WAKE_READ: OnceLock<i32> = OnceLock::new();

/// The read end of the wake pipe (non-blocking), which a signal handler makes readable;
/// made by the first call (the install functions make it before any handler runs).
pub fn wake_fd() -> i32 {
    *WAKE_READ.get_or_init(|| {
        let mut fds = [-1; 2];
        // SAFETY: pipe(2) fills the array we own; fcntl on the two new descriptors. A failure
        // leaves -1: the waits then end on EINTR alone, as before the pipe.
        unsafe {
            if libc::pipe(fds.as_mut_ptr()) != 0 {
                return -1;
            }
            for fd in fds {
                libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
                let flags = libc::fcntl(fd, libc::F_GETFL);
                libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
            }
        }
        WAKE_WRITE.store(fds[1], Ordering::Release);
        fds[0]
    })
}

/// Both ends of the wake pipe (-1 when there is none), which a JOBbed child keeps open.
pub fn wake_fds() -> [i32; 2] {
    [wake_fd(), WAKE_WRITE.load(Ordering::Acquire)]
}

/// Ends any wait in progress or about to begin (async-signal-safe: an atomic and write(2)).
fn wake() {
    let fd = WAKE_WRITE.load(Ordering::Acquire);
    if fd >= 0 && !WAKE_SENT.swap(true, Ordering::AcqRel) {
        // SAFETY: one byte from a static to a descriptor that stays open for the process.
        unsafe { libc::write(fd, b"!".as_ptr().cast(), 1) };
    }
}

/// Empties the wake pipe after a wait saw it readable. The flags are looked at afterwards
/// by the waiter's caller, so a signal landing during this is not lost.
pub fn drain_wake() {
    let fd = wake_fd();
    let mut buf = [0u8; 16];
    // SAFETY: reading into a local buffer from the non-blocking pipe we made.
    while fd >= 0 && unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
    WAKE_SENT.store(false, Ordering::Release);
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

/// True when Ctrl-C, SIGTERM, SIGUSR1 or `$ZTIMEOUT` is waiting to be acted on (one load
/// each, no write).
#[inline]
pub fn pending() -> bool {
    INTERRUPT.load(Ordering::Relaxed)
        || ZINTERRUPT.load(Ordering::Relaxed)
        || ZTIMEOUT.load(Ordering::Relaxed)
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
    if ZINTERRUPT.load(Ordering::Relaxed) || ZTIMEOUT.load(Ordering::Relaxed) {
        return Err(resume_error());
    }
    Ok(())
}

/// Set by the `$ZTIMEOUT` timer when it expires; taken by the evaluator, which runs the
/// vector (or raises ZTIMEOUT) where it would run `$ZINTERRUPT`.
static ZTIMEOUT: AtomicBool = AtomicBool::new(false);

/// The `$ZTIMEOUT` timer's deadline (`None`: not armed), watched by a thread of its own.
type Timer = (
    std::sync::Mutex<Option<std::time::Instant>>,
    std::sync::Condvar,
);
static ZTIMEOUT_TIMER: OnceLock<Timer> = OnceLock::new();

/// Arms the `$ZTIMEOUT` timer for `deadline`, or disarms it; an expiry not yet taken is
/// forgotten either way (a new SET replaces the old timer).
pub fn set_ztimeout(deadline: Option<std::time::Instant>) {
    wake_fd();
    let timer = ZTIMEOUT_TIMER.get_or_init(|| {
        std::thread::spawn(ztimeout_thread);
        Default::default()
    });
    let mut slot = timer.0.lock().unwrap_or_else(|p| p.into_inner());
    *slot = deadline;
    ZTIMEOUT.store(false, Ordering::Relaxed);
    timer.1.notify_one();
}

/// Expires the `$ZTIMEOUT` timer now (a SET of no time): acted on at the next interrupt
/// point, a wait in progress included.
pub fn expire_ztimeout() {
    set_ztimeout(None);
    ZTIMEOUT.store(true, Ordering::Relaxed);
    attend();
}

/// Expires the armed `$ZTIMEOUT` timer if its deadline has passed: the interpreter saw the
/// time run out (reading `$ZTIMEOUT`) before the timer's thread woke, as on a loaded machine.
/// GT.M's timer is a signal, acted on at the next interrupt point; so is this.
pub fn ztimeout_passed() {
    let Some(timer) = ZTIMEOUT_TIMER.get() else {
        return;
    };
    let mut slot = timer.0.lock().unwrap_or_else(|p| p.into_inner());
    if slot.is_some_and(|d| d <= std::time::Instant::now()) {
        *slot = None;
        ZTIMEOUT.store(true, Ordering::Relaxed);
        attend();
    }
}

/// True (once) when the `$ZTIMEOUT` timer expired since the last call.
pub fn take_ztimeout() -> bool {
    ZTIMEOUT.load(Ordering::Relaxed) && ZTIMEOUT.swap(false, Ordering::Relaxed)
}

/// Waits for the armed deadline and raises the flags, as a signal handler would.
fn ztimeout_thread() {
    let timer = loop {
        match ZTIMEOUT_TIMER.get() {
            Some(t) => break t,
            None => std::thread::yield_now(),
        }
    };
    let mut slot = timer.0.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        slot = match *slot {
            None => timer.1.wait(slot).unwrap_or_else(|p| p.into_inner()),
            Some(d) if d <= std::time::Instant::now() => {
                *slot = None;
                ZTIMEOUT.store(true, Ordering::Relaxed);
                attend();
                wake();
                slot
            }
            Some(d) => {
                let left = d.saturating_duration_since(std::time::Instant::now());
                timer
                    .1
                    .wait_timeout(slot, left)
                    .unwrap_or_else(|p| p.into_inner())
                    .0
            }
        };
    }
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
    wake_fd();
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
    wake();
}

/// Forgets a Ctrl-C that nothing acted on (one pressed between two direct-mode lines).
pub fn clear() {
    INTERRUPT.store(false, Ordering::Relaxed);
}

/// Installs the SIGINT handler for the calling thread, the one that runs M code.
pub fn install() {
    wake_fd();
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
    wake_fd();
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
    wake();
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
    wake();
}
