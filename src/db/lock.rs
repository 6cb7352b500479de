//! M's LOCK table, shared by every minim process on one machine.
//!
//! The table is the file `<dir>/locks.shm`, of fixed size, mapped into every process:
//!
//! * a header (magic, layout version and the sizes below, checked at open);
//! * `PROCS` process slots `{pid, in use}`: each owner (one [`LockTable`]) claims one;
//! * `ENTRIES` lock entries `{owner slot + 1 (0 = free), level, name length, name}`.
//!
//! Lock names are opaque byte strings in which every component ends with a 0x00 byte (the
//! key encoding of globals), so two names conflict exactly when one is a prefix of the other.
//!
//! Two kinds of open-file-description (OFD) `fcntl` locks, which the kernel drops when the
//! file is closed or the process dies (even by `kill -9`), keep the table consistent:
//!
//! * the **guard**, byte 0, write-locked only while the table is read or edited;
//! * the **liveness byte** of a process slot (`LIVENESS_AT + slot`), write-locked by its
//!   owner for its whole life. An entry whose owner's byte is unlocked belongs to a dead
//!   process: whoever finds it in the way frees that owner's entries and slot.
//!
//! A waiting owner sleeps on a futex (Linux) on the header's release count, which every
//! release raises, so a lock passes to the next waiter at once rather than at its next try;
//! the tries go on at most 20 ms apart all the same, which is how a dead owner's locks are
//! noticed (a process killed by `kill -9` releases nothing).
//!
//! OFD locks belong to an open file description, so two `LockTable::open` calls in one
//! process are two owners (as two processes would be). The byte-range locks only mark
//! liveness and exclusion; they do not take part in M's conflicts.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use super::ofd::{byte_locked, lock_byte, lock_byte_wait};
use file::{in_file, prepare_file, with_guard};
use shm::{Shm, Table};

mod file;
mod shm;
#[cfg(test)]
mod tests;

/// The longest lock name, in bytes.
pub const MAX_NAME: usize = 1100;
/// GT.M's limit on the level of one lock (its error LOCKINCR2HIGH beyond it).
pub const MAX_LEVEL: u32 = 511;
/// Owners (processes) that can use the table at once.
const PROCS: usize = 1024;
/// Locks that can be held at once, by all owners together.
const ENTRIES: usize = 2048;

const MAGIC: [u8; 8] = *b"MINIMLCK";
const VERSION: u32 = 1;
const HEADER_SIZE: usize = 64;
/// Header words used outside the guard, as atomics: the release count (raised by every
/// release; waiters sleep on it) and how many owners sleep on it (a release with none
/// makes no system call). Files made before them hold zeros there, which is their start.
const RELEASES_AT: usize = 32;
const SLEEPERS_AT: usize = 36;
const PROC_SIZE: usize = 8;
const ENTRY_SIZE: usize = 12 + MAX_NAME;
const PROCS_AT: usize = HEADER_SIZE;
const ENTRIES_AT: usize = PROCS_AT + PROCS * PROC_SIZE;
const FILE_SIZE: usize = ENTRIES_AT + ENTRIES * ENTRY_SIZE;

/// The byte whose lock guards every read and edit of the table.
const GUARD_BYTE: u64 = 0;
/// The liveness byte of process slot `s` is `LIVENESS_AT + s`.
const LIVENESS_AT: u64 = 4096;

/// The LOCK table as one owner (normally one M process) sees it.
pub struct LockTable {
    shm: Shm,
    slot: u32,
    /// What this owner holds, in acquisition order; the table holds the same entries.
    held: Vec<Held>,
}

struct Held {
    name: Vec<u8>,
    level: u32,
    /// Its entry in the table: only this owner changes it while this owner lives.
    entry: usize,
}

impl LockTable {
    /// Opens (creating if needed) the table file `<dir>/locks.shm` and claims a process
    /// slot. Creates `dir` if missing. Fails on a file of another layout or when every
    /// process slot is taken by a live owner.
    pub fn open(dir: &Path) -> io::Result<LockTable> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join("locks.shm");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        let fd = file.as_raw_fd();
        let prepared = with_guard(fd, || {
            let fresh = prepare_file(&file).map_err(|e| in_file(&path, e))?;
            let mut shm = Shm::map(file.try_clone()?)?;
            let slot = shm.with_table(|table| {
                if fresh {
                    table.write_header();
                }
                table.claim_slot()
            })?;
            Ok((shm, slot))
        });
        // `shm` holds a duplicate descriptor of `file`'s open file description, so the
        // liveness lock stays when `file` is closed here.
        let (shm, slot) = prepared?;
        Ok(LockTable {
            shm,
            slot,
            held: Vec::new(),
        })
    }

    /// Incremental LOCK +: takes every name in `names` at once (all or none), raising the
    /// level of names this owner already holds (a name given twice is raised twice). Names
    /// held by this owner never conflict with its own request.
    ///
    /// Waits until `deadline` (`None` = forever) as `locks::wait_for` does (polling, with
    /// `Err(ErrorKind::Interrupted)` when `interrupted()` says so); a deadline already past
    /// means one try. `Ok(true)` when taken, `Ok(false)`
    /// on timeout. Errors: a name that is empty, longer than [`MAX_NAME`] or not ending in
    /// 0x00 (`InvalidInput`), a level above [`MAX_LEVEL`], a full table; nothing is taken.
    pub fn acquire(
        &mut self,
        names: &[&[u8]],
        deadline: Option<Instant>,
        interrupted: &dyn Fn() -> bool,
    ) -> io::Result<bool> {
        names.iter().try_for_each(|name| check_name(name))?;
        let (slot, shm, held) = (self.slot, &mut self.shm, &mut self.held);
        let wake = shm.wake();
        let seen = std::cell::Cell::new(0);
        super::locks::wait_for(
            deadline,
            interrupted,
            || {
                // Read before the try: a release after it makes the sleep return at once.
                seen.set(wake.releases());
                shm.view(|table| try_take(table, slot, held, names))
            },
            |pause| wake.sleep(seen.get(), pause),
        )
    }

    /// LOCK -name: lowers its level by one; at zero the name is released. No-op if not held.
    pub fn release(&mut self, name: &[u8]) {
        let Some(index) = self.held.iter().position(|h| h.name == name) else {
            return;
        };
        let held = &mut self.held[index];
        held.level -= 1;
        let (entry, level) = (held.entry, held.level);
        if level == 0 {
            self.held.remove(index);
        }
        // The guard is taken with a blocking call that retries on EINTR; should it still
        // fail, the entry stays until this owner closes the table.
        let _ = self.shm.view(|table| {
            table.set_entry_level(entry, level);
            Ok(())
        });
        if level == 0 {
            self.shm.wake().released();
        }
    }

    /// Releases everything this owner holds (plain LOCK, HALT, error exit).
    pub fn release_all(&mut self) {
        let entries: Vec<usize> = self.held.drain(..).map(|h| h.entry).collect();
        if entries.is_empty() {
            return;
        }
        let _ = self.shm.view(|table| {
            entries.iter().for_each(|&e| table.set_entry_level(e, 0));
            Ok(())
        });
        self.shm.wake().released();
    }

    /// What this owner holds, with levels, in acquisition order (for ZSHOW "L").
    pub fn held(&self) -> Vec<(Vec<u8>, u32)> {
        self.held
            .iter()
            .map(|h| (h.name.clone(), h.level))
            .collect()
    }
}

impl Drop for LockTable {
    /// Releases everything this owner holds and frees its process slot.
    fn drop(&mut self) {
        let had_locks = !self.held.is_empty();
        self.held.clear();
        let slot = self.slot;
        let _ = self.shm.view(|table| {
            table.free_owner(slot);
            lock_byte(table.fd, libc::F_UNLCK, LIVENESS_AT + u64::from(slot)).map(drop)
        });
        if had_locks {
            self.shm.wake().released();
        }
    }
}

/// One try of `acquire`, with the guard held.
fn try_take(
    table: &mut Table,
    slot: u32,
    held: &mut Vec<Held>,
    names: &[&[u8]],
) -> io::Result<bool> {
    for name in names {
        if table.blocked(slot, name)? {
            return Ok(false);
        }
    }
    let fresh = super::locks::names_to_take(names, |name| {
        held.iter().find(|h| h.name == name).map_or(0, |h| h.level)
    })?;
    let mut free = table.free_entries(fresh.len()).into_iter();
    if free.len() < fresh.len() {
        return Err(io::Error::other(format!(
            "the lock table is full ({ENTRIES} locks held)"
        )));
    }
    for name in names {
        if let Some(h) = held.iter_mut().find(|h| h.name == *name) {
            h.level += 1;
            table.set_entry_level(h.entry, h.level);
        } else if let Some(entry) = free.next() {
            table.write_entry(entry, slot, name);
            let name = name.to_vec();
            held.push(Held {
                name,
                level: 1,
                entry,
            });
        }
    }
    Ok(true)
}

fn check_name(name: &[u8]) -> io::Result<()> {
    let problem = if name.len() > MAX_NAME {
        format!("a lock name is {} bytes, above {MAX_NAME}", name.len())
    } else if name.last() != Some(&0) {
        "a lock name must be non-empty and end with a 0x00 byte".to_string()
    } else {
        return Ok(());
    };
    Err(io::Error::new(ErrorKind::InvalidInput, problem))
}

/// Two names conflict when one is a prefix of the other (each component ends with 0x00).
fn conflicts(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().min(b.len());
    a[..n] == b[..n]
}
