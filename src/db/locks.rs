//! The LOCK table behind one interface: the machine-wide shared-memory table of the embedded
//! database (`lock.rs`) or a table on the PostgreSQL server (`pglock.rs`). Names are byte
//! strings in which every component ends with 0x00, so M's subtree rule (a name conflicts
//! with its ancestors and descendants) is a prefix test.

use std::io::{self, ErrorKind};
use std::time::{Duration, Instant};

use super::DbConfig;
use super::lock::LockTable;
use super::pglock::PgLocks;

/// What one owner (one M process) does with the LOCK table; see `LockTable` for the
/// contract of each operation, which every implementation keeps.
pub trait Locker {
    /// Takes every name at once (all or none), raising the level of names already held;
    /// waits until `deadline` (`None` = forever). `Ok(false)` on timeout,
    /// `Err(ErrorKind::Interrupted)` when `interrupted()` says so.
    fn acquire(
        &mut self,
        names: &[&[u8]],
        deadline: Option<Instant>,
        interrupted: &dyn Fn() -> bool,
    ) -> io::Result<bool>;
    /// Lowers a name's level by one; at zero it is released.
    fn release(&mut self, name: &[u8]);
    fn release_all(&mut self);
    /// What this owner holds, with levels, in acquisition order.
    fn held(&self) -> Vec<(Vec<u8>, u32)>;
}

impl Locker for LockTable {
    fn acquire(
        &mut self,
        names: &[&[u8]],
        deadline: Option<Instant>,
        interrupted: &dyn Fn() -> bool,
    ) -> io::Result<bool> {
        LockTable::acquire(self, names, deadline, interrupted)
    }

    fn release(&mut self, name: &[u8]) {
        LockTable::release(self, name)
    }

    fn release_all(&mut self) {
        LockTable::release_all(self)
    }

    fn held(&self) -> Vec<(Vec<u8>, u32)> {
        LockTable::held(self)
    }
}

/// The names of a LOCK + request not held yet (each once, in order), given the level at
/// which this owner holds each name (0: not held). Errs (GT.M's LOCKINCR2HIGH) when a name
/// would pass [`MAX_LEVEL`](super::lock::MAX_LEVEL); a name given twice is raised twice.
pub fn names_to_take<'a>(
    names: &[&'a [u8]],
    level_of: impl Fn(&[u8]) -> u32,
) -> io::Result<Vec<&'a [u8]>> {
    let max = super::lock::MAX_LEVEL;
    let mut fresh: Vec<&[u8]> = Vec::new();
    for name in names {
        let now = level_of(name);
        let more = names.iter().filter(|n| *n == name).count();
        if u64::from(now) + more as u64 > u64::from(max) {
            return Err(io::Error::other(format!(
                "a lock's level cannot exceed {max} (LOCKINCR2HIGH)"
            )));
        }
        if now == 0 && !fresh.contains(name) {
            fresh.push(name);
        }
    }
    Ok(fresh)
}

/// The pause between two tries of a LOCK that waits: it grows from the first to the longest.
const FIRST_PAUSE: Duration = Duration::from_millis(1);
const LONGEST_PAUSE: Duration = Duration::from_millis(20);

/// The wait of every LOCK table: calls `try_once` until it says taken (`Ok(true)`), with a
/// `pause` between tries that grows from 1 ms to 20 ms (a table that can be woken by a
/// release ends it early), or until `deadline` (`None` = forever) has passed (`Ok(false)`; a
/// deadline already past means one try). Between tries, `interrupted()` saying true ends
/// the wait with `Err(ErrorKind::Interrupted)`; an error of a try ends it too.
pub fn wait_for(
    deadline: Option<Instant>,
    interrupted: &dyn Fn() -> bool,
    mut try_once: impl FnMut() -> io::Result<bool>,
    mut pause_for: impl FnMut(Duration),
) -> io::Result<bool> {
    let mut pause = FIRST_PAUSE;
    loop {
        if try_once()? {
            return Ok(true);
        }
        let now = Instant::now();
        let left = match deadline {
            Some(deadline) if deadline <= now => return Ok(false),
            Some(deadline) => deadline - now,
            None => pause,
        };
        if interrupted() {
            return Err(ErrorKind::Interrupted.into());
        }
        pause_for(pause.min(left));
        pause = (pause * 2).min(LONGEST_PAUSE);
    }
}

/// The LOCK table of the database `config` names.
pub fn open(config: &DbConfig) -> io::Result<Box<dyn Locker>> {
    Ok(match config.postgres_url() {
        Some(url) => Box::new(PgLocks::open(url)?),
        None => Box::new(LockTable::open(&config.location)?),
    })
}
