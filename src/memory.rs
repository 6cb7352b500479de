//! How much memory the process holds, and GT.M's limits on it.
//!
//! [`Counting`] is the global allocator of the minim binary: the system allocator plus one
//! relaxed atomic add per allocation and per free, so the interpreter always knows how many
//! bytes are live. Two limits are checked against that count:
//!
//! - the soft limit, GT.M's `$ZMALLOCLIM` (initially `$gtm_malloc_limit` or
//!   `$ydb_malloc_limit`; 0 means none): the allocation that crosses it raises GT.M's
//!   MALLOCCRIT once, a warning an error trap can handle; then allocation goes on until
//!   `$ZMALLOCLIM` is set again (GT.M);
//! - the hard limit (`$MINIM_MEMORY_MAX` in bytes, else 90% of the address-space limit of
//!   `ulimit -v`, else none): crossing it is GT.M's fatal MEMORY error, which no trap handles:
//!   the process writes out what it has written so far and ends with GT.M's status 220.
//!
//! The allocator cannot return an M error: it raises a flag that the evaluator polls at each
//! line and each FOR pass ([`pending`]), where the error is raised. A single command between
//! two polls allocates at most a few MAXSTRLEN-sized strings, so the overshoot is small.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering::Relaxed};

/// Bytes the process holds (as counted by [`Counting`]).
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The count past which the allocator looks at the limits (the lower armed limit).
static TRIP: AtomicUsize = AtomicUsize::new(usize::MAX);
/// The soft limit, `$ZMALLOCLIM` (0: none).
static SOFT: AtomicUsize = AtomicUsize::new(0);
/// Whether the soft limit still raises MALLOCCRIT (it does once per setting).
static SOFT_ARMED: AtomicU8 = AtomicU8::new(0);
/// The hard limit (0: none).
static HARD: AtomicUsize = AtomicUsize::new(0);
/// The size of the request that crossed a limit (for the message).
static REQUEST: AtomicUsize = AtomicUsize::new(0);
/// What the evaluator has to raise: [`CRIT`] and/or [`FATAL`].
static PENDING: AtomicU8 = AtomicU8::new(0);
const CRIT: u8 = 1;
const FATAL: u8 = 2;

/// GT.M's smallest `$ZMALLOCLIM` (a smaller positive value is raised to it).
pub const MIN_SOFT_LIMIT: usize = 2_500_000;

/// The system allocator, counting the bytes it hands out.
pub struct Counting;

// SAFETY: every call is passed on to `System` unchanged; only a counter is kept on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's layout contract is System's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[inline(always)]
fn grew(size: usize) {
    let live = LIVE.fetch_add(size, Relaxed).wrapping_add(size);
    if live > TRIP.load(Relaxed) {
        crossed(live, size);
    }
}

#[cold]
fn crossed(live: usize, size: usize) {
    let hard = HARD.load(Relaxed);
    if hard != 0 && live > hard {
        REQUEST.store(size, Relaxed);
        PENDING.fetch_or(FATAL, Relaxed);
        crate::interrupt::attend();
    }
    let soft = SOFT.load(Relaxed);
    if SOFT_ARMED.load(Relaxed) == 1 && soft != 0 && live > soft {
        SOFT_ARMED.store(0, Relaxed);
        REQUEST.store(size, Relaxed);
        PENDING.fetch_or(CRIT, Relaxed);
        crate::interrupt::attend();
        retrip();
    }
}

fn retrip() {
    let soft = match SOFT_ARMED.load(Relaxed) {
        1 => SOFT.load(Relaxed),
        _ => 0,
    };
    let trip = [soft, HARD.load(Relaxed)]
        .into_iter()
        .filter(|&n| n != 0)
        .min()
        .unwrap_or(usize::MAX);
    TRIP.store(trip, Relaxed);
}

/// Bytes held now (0 when the binary does not use [`Counting`]).
pub fn live() -> usize {
    LIVE.load(Relaxed)
}

/// `$ZMALLOCLIM`.
pub fn soft_limit() -> usize {
    SOFT.load(Relaxed)
}

/// `SET $ZMALLOCLIM=n`: 0 for none, a negative number for GT.M's 1073741823, else at least
/// [`MIN_SOFT_LIMIT`]; the new limit raises MALLOCCRIT again when crossed.
pub fn set_soft_limit(n: i64) {
    let n = match n {
        0 => 0,
        ..0 => 1_073_741_823,
        n => (n as u64).clamp(MIN_SOFT_LIMIT as u64, usize::MAX as u64) as usize,
    };
    SOFT.store(n, Relaxed);
    SOFT_ARMED.store(1, Relaxed);
    PENDING.fetch_and(!CRIT, Relaxed);
    retrip();
}

/// The hard limit in bytes (0 for none).
pub fn set_hard_limit(n: usize) {
    HARD.store(n, Relaxed);
    retrip();
}

/// The limits from the environment, as the minim binary starts: `$gtm_malloc_limit` (or
/// `$ydb_malloc_limit`) and `$MINIM_MEMORY_MAX`, else 90% of what `ulimit -v` leaves after
/// the `reserved` bytes (the interpreter's stack).
pub fn limits_from_env(reserved: usize) {
    let number = |name: &str| std::env::var(name).ok()?.trim().parse::<i64>().ok();
    if let Some(n) = number("ydb_malloc_limit").or_else(|| number("gtm_malloc_limit")) {
        set_soft_limit(n);
    }
    let hard = match number("MINIM_MEMORY_MAX") {
        Some(n) => n.max(0) as usize,
        None => address_space_limit().map_or(0, |n| n.saturating_sub(reserved).max(1) / 10 * 9),
    };
    set_hard_limit(hard);
}

/// Bytes the allocator has taken from the operating system (GT.M's `$ZREALSTOR`): glibc's
/// heap arenas and mapped blocks, which grow in large steps; never less than [`live`].
pub fn from_os() -> usize {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 only reads the allocator's statistics into a struct it returns.
        let info = unsafe { libc::mallinfo2() };
        (info.arena + info.hblkhd).max(live())
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        live()
    }
}

fn address_space_limit() -> Option<usize> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one rlimit struct that we own.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) } == 0;
    (ok && lim.rlim_cur != libc::RLIM_INFINITY).then_some(lim.rlim_cur as usize)
}

/// Whether a limit crossed is still to be raised (no change to the state).
pub fn is_pending() -> bool {
    PENDING.load(Relaxed) != 0
}

/// What crossing a limit asks the evaluator to raise, once: `Some(true)` for the fatal
/// MEMORY, `Some(false)` for MALLOCCRIT, with the size of the request that crossed it.
#[inline]
pub fn pending() -> Option<(bool, usize)> {
    if PENDING.load(Relaxed) == 0 {
        return None;
    }
    let p = PENDING.swap(0, Relaxed);
    // A fatal error stays pending while the memory is held: nothing may go on after it.
    let hard = HARD.load(Relaxed);
    if p & FATAL != 0 && hard != 0 && live() > hard {
        PENDING.fetch_or(FATAL, Relaxed);
    }
    (p != 0).then(|| (p & FATAL != 0, REQUEST.load(Relaxed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_soft_limit_has_gtm_s_floor_and_none_is_zero() {
        set_soft_limit(1000);
        assert_eq!(soft_limit(), MIN_SOFT_LIMIT);
        set_soft_limit(-5);
        assert_eq!(soft_limit(), 1_073_741_823);
        set_soft_limit(0);
    }
}
