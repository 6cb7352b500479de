//! The one way minim waits: for descriptors to be ready, for a deadline, or for a signal.
//!
//! A [`Waiter`] is a mio `Poll` (epoll on Linux, kqueue on macOS and the BSDs) that also
//! watches the read end of the wake pipe of `interrupt.rs`: the Ctrl-C, SIGTERM and SIGUSR1
//! handlers set their flag and then write a byte there (write(2) is async-signal-safe), so
//! a wait ends at once on the signal, even one that lands just before the wait begins. A
//! wait has no timer of its own beyond its deadline: an idle HANG, READ or `WRITE /WAIT`
//! makes no wake-ups at all.
//!
//! Every wait loop looks at the interrupt flags before each wait and after
//! [`Waited::Interrupted`]; the pipe only makes the wait end.
//!
//! mio rather than `polling`: the two cover the same systems, but `polling` on Linux sets a
//! timerfd and re-arms it around every wait (three system calls where mio makes one), which
//! costs a socket server one more microsecond-scale call per READ; and mio is already built
//! into minim (tokio, under the PostgreSQL client, uses it). mio's registrations are
//! edge-triggered; a wait that needs the level (is the descriptor ready now?) re-arms its
//! descriptor first ([`Waiter::arm`]), which makes the kernel check it again.

use std::cell::RefCell;
use std::io::ErrorKind;
use std::os::fd::{AsRawFd, RawFd};
use std::time::Instant;

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};

use crate::error::MResult;

/// The token of the wake pipe; a watched descriptor's token is its number.
const WAKE: Token = Token(usize::MAX);

/// How a wait ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waited {
    /// A watched descriptor is ready (the caller tries its I/O; it may still find nothing).
    Ready,
    /// The deadline passed.
    Timeout,
    /// A signal, or an early return: the caller looks at the interrupt flags and waits again.
    Interrupted,
}

/// Readiness for reading (`Want::READABLE`) or writing (`Want::WRITABLE`).
pub use mio::Interest as Want;

/// A set of watched descriptors, the wake pipe among them.
pub struct Waiter {
    poll: Poll,
    events: Events,
}

impl Waiter {
    /// A waiter that reports up to `capacity` ready descriptors per wait (the rest at the next).
    pub fn new(capacity: usize) -> std::io::Result<Waiter> {
        let poll = Poll::new()?;
        let wake = crate::interrupt::wake_fd();
        if wake >= 0 {
            poll.registry()
                .register(&mut SourceFd(&wake), WAKE, Interest::READABLE)?;
        }
        Ok(Waiter {
            poll,
            events: Events::with_capacity(capacity.max(2)),
        })
    }

    /// Watches `fd` from now on; a descriptor ready already is reported by the next wait.
    pub fn watch(&self, fd: RawFd, want: Interest) -> std::io::Result<()> {
        self.poll
            .registry()
            .register(&mut SourceFd(&fd), token(fd), want)
    }

    /// Makes the kernel look at `fd` again: if it is ready now, the next wait reports it
    /// (edge-triggered registrations otherwise report only what changes).
    pub fn arm(&self, fd: RawFd, want: Interest) -> std::io::Result<()> {
        self.poll
            .registry()
            .reregister(&mut SourceFd(&fd), token(fd), want)
    }

    /// Stops watching `fd` (before it is closed). A descriptor not watched is no error.
    pub fn unwatch(&self, fd: RawFd) {
        let _ = self.poll.registry().deregister(&mut SourceFd(&fd));
    }

    /// One wait until `deadline` (`None`: no deadline). The ready descriptors are then in
    /// [`Waiter::ready`].
    pub fn wait(&mut self, deadline: Option<Instant>) -> Waited {
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        if let Err(e) = self.poll.poll(&mut self.events, timeout) {
            self.events.clear();
            // Only EINTR is expected (the descriptors and buffer are this waiter's own); any
            // other failure degrades to a short sleep rather than a false timeout or a spin.
            return match e.kind() {
                ErrorKind::Interrupted => Waited::Interrupted,
                _ => degraded(deadline),
            };
        }
        // A signal first: the caller looks at the flags (the descriptors found ready are in
        // `ready` all the same).
        if self.events.iter().any(|e| e.token() == WAKE) {
            crate::interrupt::drain_wake();
            return Waited::Interrupted;
        }
        if !self.events.is_empty() {
            return Waited::Ready;
        }
        if deadline.is_none_or(|d| Instant::now() < d) {
            return Waited::Interrupted; // woke early: wait for the rest
        }
        Waited::Timeout
    }

    /// The descriptors the last wait found ready.
    pub fn ready(&self) -> impl Iterator<Item = RawFd> + '_ {
        self.events
            .iter()
            .filter(|e| e.token() != WAKE)
            .map(|e| e.token().0 as RawFd)
    }
}

fn token(fd: RawFd) -> Token {
    Token(fd as usize)
}

/// The waiter of the single-descriptor waits (a READ, a PIPE write, HANG), made at the first,
/// and the descriptor it watches with what for: kept between waits, so a READ loop on one
/// socket does not add and remove it each time.
struct Shared {
    waiter: Waiter,
    watched: Option<(RawFd, Interest)>,
}

thread_local! {
    static SHARED: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

/// Waits until `fd` is ready for `want` (ready now included), or `deadline` passes, or a
/// signal arrives.
pub fn wait_fd(fd: RawFd, want: Interest, deadline: Option<Instant>) -> Waited {
    wait_one(fd, want, deadline, true)
}

/// As [`wait_fd`], right after the descriptor's I/O found nothing to do (EAGAIN): the
/// kernel reports whatever comes from now on, so a descriptor already watched for `want` is
/// not re-armed (one system call fewer per READ; a stale report only costs one more try).
/// The descriptor's owner calls [`forget`] before closing it (`Sock` and [`WatchedFd`] do),
/// so that a new descriptor under the same number is watched anew.
pub fn wait_fd_after_eagain(fd: RawFd, want: Interest, deadline: Option<Instant>) -> Waited {
    wait_one(fd, want, deadline, false)
}

fn wait_one(fd: RawFd, want: Interest, deadline: Option<Instant>, rearm: bool) -> Waited {
    with_shared(|s| {
        if !s.start_watching(fd, want, rearm) {
            return Waited::Ready; // not pollable (a regular file, /dev/null): always ready
        }
        loop {
            match s.waiter.wait(deadline) {
                Waited::Ready if !s.waiter.ready().any(|r| r == fd) => continue,
                other => return other,
            }
        }
    })
    .unwrap_or_else(|| degraded(deadline))
}

impl Shared {
    /// Makes `fd` the watched descriptor, for `want`; false when it cannot be watched.
    fn start_watching(&mut self, fd: RawFd, want: Interest, rearm: bool) -> bool {
        match self.watched {
            Some((old, _)) if old != fd => {
                self.waiter.unwatch(old);
                self.watched = None;
            }
            Some((_, was)) if was == want && !rearm => return true,
            _ => {}
        }
        let done = match self.watched {
            // Fails when `fd` was closed and its number reused since: watched anew.
            Some(_) => self
                .waiter
                .arm(fd, want)
                .or_else(|_| self.waiter.watch(fd, want)),
            // Fails when still watched under this number (closed and reopened): re-armed.
            None => self.waiter.watch(fd, want).or_else(|e| match e.kind() {
                ErrorKind::AlreadyExists => self.waiter.arm(fd, want),
                _ => Err(e),
            }),
        };
        self.watched = done.is_ok().then_some((fd, want));
        done.is_ok()
    }
}

/// A wait without a waiter (the system refused the descriptor a `Poll` needs, at its
/// limit of open files): a short sleep, after which the caller tries again.
fn degraded(deadline: Option<Instant>) -> Waited {
    let slice = std::time::Duration::from_millis(10);
    let left = deadline.map_or(slice, |d| d.saturating_duration_since(Instant::now()));
    if left.is_zero() {
        return Waited::Timeout;
    }
    std::thread::sleep(left.min(slice));
    Waited::Interrupted
}

/// Forgets `fd` before its owner closes it, if the single-descriptor waits watch it.
pub fn forget(fd: RawFd) {
    SHARED.with(|s| {
        if let Some(s) = s.borrow_mut().as_mut()
            && s.watched.is_some_and(|(w, _)| w == fd)
        {
            s.waiter.unwatch(fd);
            s.watched = None;
        }
    });
}

/// Sleeps until `deadline` (`None`: for ever) without waking up in between; CTRLC when
/// Ctrl-C or SIGTERM comes, the resumable error when `$ZINTERRUPT` is due.
pub fn pause_until(deadline: Option<Instant>) -> MResult<()> {
    loop {
        crate::interrupt::check()?;
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(());
        }
        let waited = with_shared(|s| {
            // Only the wake pipe: data for an earlier READ's socket does not wake a HANG.
            if let Some((fd, _)) = s.watched.take() {
                s.waiter.unwatch(fd);
            }
            s.waiter.wait(deadline)
        })
        .unwrap_or_else(|| degraded(deadline));
        if waited == Waited::Timeout {
            return Ok(());
        }
    }
}

/// Makes the waiter of the single-descriptor waits now, on the thread that runs M code, so
/// that the process's descriptors do not change at its first wait.
pub fn prepare() {
    with_shared(|_| ());
}

/// Runs `f` with the shared waiter, made at the first call; None when it cannot be made.
fn with_shared<T>(f: impl FnOnce(&mut Shared) -> T) -> Option<T> {
    SHARED.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            let waiter = Waiter::new(8).ok()?;
            *slot = Some(Shared {
                waiter,
                watched: None,
            });
        }
        slot.as_mut().map(f)
    })
}

/// An owned descriptor that the single-descriptor waits forget when it is closed.
pub struct WatchedFd(std::os::fd::OwnedFd);

impl WatchedFd {
    pub fn new(fd: std::os::fd::OwnedFd) -> WatchedFd {
        WatchedFd(fd)
    }
}

impl AsRawFd for WatchedFd {
    fn as_raw_fd(&self) -> RawFd {
        self.0.as_raw_fd()
    }
}

impl Drop for WatchedFd {
    fn drop(&mut self) {
        forget(self.0.as_raw_fd());
    }
}
