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

/// Sizes a new file (empty, or left without a header by a creator that died), or checks
/// the header of an existing one. True if new.
fn prepare_file(file: &File) -> io::Result<bool> {
    let len = file.metadata()?.len();
    let mut header = [0u8; HEADER_SIZE];
    let read = file.read_at(&mut header, 0)?;
    if len <= FILE_SIZE as u64 && header.iter().all(|&b| b == 0) {
        file.set_len(0)?;
        file.set_len(FILE_SIZE as u64)?;
        return Ok(true);
    }
    check_header(&header[..read])?;
    if len != FILE_SIZE as u64 {
        return Err(incompatible(format!("{len} bytes instead of {FILE_SIZE}")));
    }
    Ok(false)
}

fn expected_header() -> [u8; 24] {
    let mut header = [0u8; 24];
    header[..8].copy_from_slice(&MAGIC);
    let sizes = [VERSION, PROCS as u32, ENTRIES as u32, MAX_NAME as u32];
    for (i, size) in sizes.iter().enumerate() {
        header[8 + 4 * i..12 + 4 * i].copy_from_slice(&size.to_le_bytes());
    }
    header
}

fn check_header(header: &[u8]) -> io::Result<()> {
    let expected = expected_header();
    if header.len() < expected.len() || header[..8] != MAGIC {
        return Err(incompatible("not a minim lock table".to_string()));
    }
    if header[..expected.len()] != expected {
        return Err(incompatible(
            "a lock table of another layout (version or sizes) than this minim's".to_string(),
        ));
    }
    Ok(())
}

fn incompatible(why: String) -> io::Error {
    io::Error::new(ErrorKind::InvalidData, why)
}

fn in_file(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Runs `f` with the guard byte write-locked (waiting for it).
fn with_guard<R>(fd: RawFd, f: impl FnOnce() -> io::Result<R>) -> io::Result<R> {
    lock_byte_wait(fd, GUARD_BYTE)?;
    let result = f();
    let unlocked = lock_byte(fd, libc::F_UNLCK, GUARD_BYTE);
    let value = result?;
    unlocked?;
    Ok(value)
}

/// One `fcntl` OFD lock request on byte `at`, retried on EINTR; returns the `flock` after it.
pub(super) fn byte_fcntl(
    fd: RawFd,
    cmd: libc::c_int,
    kind: libc::c_int,
    at: u64,
) -> io::Result<libc::flock> {
    // SAFETY: `flock` is a plain C struct of integers, for which all zeros is valid.
    let mut request: libc::flock = unsafe { std::mem::zeroed() };
    request.l_type = kind as libc::c_short;
    request.l_whence = libc::SEEK_SET as libc::c_short;
    request.l_start = at as libc::off_t;
    request.l_len = 1;
    loop {
        // SAFETY: `fd` is an open descriptor owned by the caller for the whole call, and
        // `request` is a valid `flock` that the kernel may read and write.
        if unsafe { libc::fcntl(fd, cmd, &mut request) } == 0 {
            return Ok(request);
        }
        let error = io::Error::last_os_error();
        if error.kind() != ErrorKind::Interrupted {
            return Err(error);
        }
    }
}

/// Sets (`F_WRLCK`) or clears (`F_UNLCK`) the lock on byte `at` without waiting. False if
/// another open file description holds it.
pub(super) fn lock_byte(fd: RawFd, kind: libc::c_int, at: u64) -> io::Result<bool> {
    match byte_fcntl(fd, libc::F_OFD_SETLK, kind, at) {
        Ok(_) => Ok(true),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EAGAIN | libc::EACCES)) => Ok(false),
        Err(e) => Err(e),
    }
}

fn lock_byte_wait(fd: RawFd, at: u64) -> io::Result<()> {
    byte_fcntl(fd, libc::F_OFD_SETLKW, libc::F_WRLCK, at).map(drop)
}

/// Whether another open file description holds a lock on byte `at`.
pub(super) fn byte_locked(fd: RawFd, at: u64) -> io::Result<bool> {
    let found = byte_fcntl(fd, libc::F_OFD_GETLK, libc::F_WRLCK, at)?;
    Ok(found.l_type != libc::F_UNLCK as libc::c_short)
}

/// The table file mapped into memory, with its own descriptor (for the fcntl locks).
struct Shm {
    file: File,
    map: NonNull<u8>,
}

// SAFETY: the mapping is owned by `Shm` alone and only touched through `&mut self`.
unsafe impl Send for Shm {}

impl Shm {
    fn map(file: File) -> io::Result<Shm> {
        // SAFETY: a fresh shared mapping of `FILE_SIZE` bytes of a file of that size,
        // which aliases no Rust object; it is unmapped in `drop`.
        let address = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                FILE_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                file.as_raw_fd(),
                0,
            )
        };
        if address == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let map = NonNull::new(address.cast()).ok_or_else(|| io::Error::other("mmap gave 0"))?;
        Ok(Shm { file, map })
    }

    /// The header's wake-up words.
    fn wake(&self) -> Wake {
        // SAFETY: both offsets are 4-aligned (the mapping is page-aligned) and within the
        // header, which lives as long as the mapping.
        let word = |at: usize| unsafe { self.map.as_ptr().add(at).cast::<AtomicU32>() };
        Wake {
            releases: word(RELEASES_AT),
            sleepers: word(SLEEPERS_AT),
        }
    }

    /// Runs `f` on the table with the guard held (so no other owner reads or edits it).
    fn view<R>(&mut self, f: impl FnOnce(&mut Table) -> io::Result<R>) -> io::Result<R> {
        with_guard(self.file.as_raw_fd(), || self.with_table(f))
    }

    /// Runs `f` on the table; the caller holds the guard and the file is `FILE_SIZE` long.
    fn with_table<R>(&mut self, f: impl FnOnce(&mut Table) -> io::Result<R>) -> io::Result<R> {
        // SAFETY: the mapping is `FILE_SIZE` bytes of a file that long (checked at open,
        // and never resized after) and lives as long as `self`. The caller's guard lock
        // excludes every other owner's access (owners touch the table only under it), and
        // `&mut self` excludes this owner's.
        let mem = unsafe { std::slice::from_raw_parts_mut(self.map.as_ptr(), FILE_SIZE) };
        f(&mut Table {
            mem,
            fd: self.file.as_raw_fd(),
        })
    }
}

impl Drop for Shm {
    fn drop(&mut self) {
        // SAFETY: `map` is the mapping made in `Shm::map`, of `FILE_SIZE` bytes, and no
        // slice of it outlives `with_table`.
        unsafe { libc::munmap(self.map.as_ptr().cast(), FILE_SIZE) };
    }
}

/// The two header words by which a release wakes the owners waiting for a lock. They are
/// only ever touched atomically (other processes change them without the guard), and the
/// table code never reads or writes their bytes. Valid while the `Shm` it came from lives.
#[derive(Clone, Copy)]
struct Wake {
    releases: *const AtomicU32,
    sleepers: *const AtomicU32,
}

impl Wake {
    fn words(&self) -> (&AtomicU32, &AtomicU32) {
        // SAFETY: see `Shm::wake`; the mapping outlives every `Wake` (used within the
        // `LockTable` method that made it).
        unsafe { (&*self.releases, &*self.sleepers) }
    }

    fn releases(&self) -> u32 {
        self.words().0.load(Ordering::SeqCst)
    }

    /// After a release: raises the count, and wakes the sleepers if there are any.
    fn released(&self) {
        let (releases, sleepers) = self.words();
        releases.fetch_add(1, Ordering::SeqCst);
        if sleepers.load(Ordering::SeqCst) > 0 {
            futex_wake_all(releases);
        }
    }

    /// Sleeps for up to `pause`, or until the release count is no longer `seen`.
    fn sleep(&self, seen: u32, pause: Duration) {
        let (releases, sleepers) = self.words();
        sleepers.fetch_add(1, Ordering::SeqCst);
        futex_wait(releases, seen, pause);
        sleepers.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Sleeps while `word` holds `seen`, for up to `pause` (a signal or a spurious wake-up ends
/// it early: the caller tries again). The futex is a shared one: the word is in a file
/// mapped by several processes.
#[cfg(target_os = "linux")]
fn futex_wait(word: &AtomicU32, seen: u32, pause: Duration) {
    let timeout = libc::timespec {
        tv_sec: pause.as_secs() as libc::time_t,
        tv_nsec: pause.subsec_nanos() as libc::c_long,
    };
    // SAFETY: `word` is a valid, aligned 32-bit word for the whole call; the kernel only
    // reads it and `timeout`.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT,
            seen,
            &timeout as *const libc::timespec,
        )
    };
}

#[cfg(target_os = "linux")]
fn futex_wake_all(word: &AtomicU32) {
    // SAFETY: `word` is a valid, aligned 32-bit word; FUTEX_WAKE does not touch memory.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, i32::MAX) };
}

/// Elsewhere, no wake-up: the waiter sleeps its pause out.
#[cfg(not(target_os = "linux"))]
fn futex_wait(_word: &AtomicU32, _seen: u32, pause: Duration) {
    std::thread::sleep(pause);
}

#[cfg(not(target_os = "linux"))]
fn futex_wake_all(_word: &AtomicU32) {}

/// The table's bytes, borrowed while the guard is held.
struct Table<'a> {
    mem: &'a mut [u8],
    fd: RawFd,
}

impl Table<'_> {
    fn u32_at(&self, at: usize) -> u32 {
        let mut bytes = [0u8; 4];
        bytes.copy_from_slice(&self.mem[at..at + 4]);
        u32::from_le_bytes(bytes)
    }

    fn set_u32(&mut self, at: usize, value: u32) {
        self.mem[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    fn write_header(&mut self) {
        let header = expected_header();
        self.mem[..header.len()].copy_from_slice(&header);
    }

    fn entry_owner(&self, entry: usize) -> u32 {
        self.u32_at(ENTRIES_AT + entry * ENTRY_SIZE)
    }

    fn entry_name(&self, entry: usize) -> &[u8] {
        let at = ENTRIES_AT + entry * ENTRY_SIZE;
        let len = (self.u32_at(at + 8) as usize).min(MAX_NAME);
        &self.mem[at + 12..at + 12 + len]
    }

    fn write_entry(&mut self, entry: usize, slot: u32, name: &[u8]) {
        let at = ENTRIES_AT + entry * ENTRY_SIZE;
        self.set_u32(at, slot + 1);
        self.set_u32(at + 4, 1);
        self.set_u32(at + 8, name.len() as u32);
        self.mem[at + 12..at + 12 + name.len()].copy_from_slice(name);
    }

    /// Sets the level of an entry; level 0 frees it.
    fn set_entry_level(&mut self, entry: usize, level: u32) {
        let at = ENTRIES_AT + entry * ENTRY_SIZE;
        self.set_u32(at + 4, level);
        if level == 0 {
            self.set_u32(at, 0);
        }
    }

    /// Up to `n` free entries.
    fn free_entries(&self, n: usize) -> Vec<usize> {
        (0..ENTRIES)
            .filter(|&e| self.entry_owner(e) == 0)
            .take(n)
            .collect()
    }

    /// Whether a live owner other than `slot` holds a name conflicting with `name`. Frees
    /// the entries of dead owners found in the way.
    fn blocked(&mut self, slot: u32, name: &[u8]) -> io::Result<bool> {
        for entry in 0..ENTRIES {
            let owner = self.entry_owner(entry);
            if owner == 0 || owner == slot + 1 || !conflicts(self.entry_name(entry), name) {
                continue;
            }
            if self.alive(owner - 1)? {
                return Ok(true);
            }
            self.free_owner(owner - 1);
        }
        Ok(false)
    }

    fn alive(&self, slot: u32) -> io::Result<bool> {
        byte_locked(self.fd, LIVENESS_AT + u64::from(slot))
    }

    /// Frees every entry of owner `slot` and the slot itself.
    fn free_owner(&mut self, slot: u32) {
        for entry in 0..ENTRIES {
            if self.entry_owner(entry) == slot + 1 {
                self.set_entry_level(entry, 0);
            }
        }
        let at = PROCS_AT + slot as usize * PROC_SIZE;
        self.set_u32(at, 0);
        self.set_u32(at + 4, 0);
    }

    /// Claims a free process slot, or else a dead owner's (freeing its entries), and
    /// locks its liveness byte.
    fn claim_slot(&mut self) -> io::Result<u32> {
        for slot in 0..PROCS as u32 {
            if self.u32_at(PROCS_AT + slot as usize * PROC_SIZE + 4) == 0 && self.mark(slot)? {
                return Ok(slot);
            }
        }
        for slot in 0..PROCS as u32 {
            if !self.alive(slot)? {
                self.free_owner(slot);
                if self.mark(slot)? {
                    return Ok(slot);
                }
            }
        }
        Err(io::Error::other(format!(
            "the lock table has no free process slot ({PROCS} owners alive)"
        )))
    }

    fn mark(&mut self, slot: u32) -> io::Result<bool> {
        if !lock_byte(self.fd, libc::F_WRLCK, LIVENESS_AT + u64::from(slot))? {
            return Ok(false);
        }
        let at = PROCS_AT + slot as usize * PROC_SIZE;
        self.set_u32(at, std::process::id());
        self.set_u32(at + 4, 1);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::path::PathBuf;
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    const A: &[u8] = b"^A\0";
    const A1: &[u8] = b"^A\0\xBF\x11\0";
    const A2: &[u8] = b"^A\0\xBF\x12\0";
    const A1X: &[u8] = b"^A\0\xBF\x11\0\xFFx\0";
    const AB: &[u8] = b"^AB\0";
    const X: &[u8] = b"x\0";

    /// A fresh directory for one test's table, removed at the end.
    struct Dir(PathBuf);

    impl Dir {
        fn new(test: &str) -> Dir {
            let path =
                std::env::temp_dir().join(format!("minim-lock-{}-{test}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            Dir(path)
        }

        fn open(&self) -> LockTable {
            LockTable::open(&self.0).expect("open the lock table")
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn never() -> bool {
        false
    }

    /// One try, as `LOCK +name:0`.
    fn try_now(table: &mut LockTable, names: &[&[u8]]) -> bool {
        table
            .acquire(names, Some(Instant::now()), &never)
            .expect("acquire")
    }

    #[test]
    fn names_conflict_along_the_tree_only() {
        let dir = Dir::new("tree");
        let mut holder = dir.open();
        let mut other = dir.open();
        assert!(try_now(&mut holder, &[A1]));
        assert!(!try_now(&mut other, &[A1]), "equal name");
        assert!(!try_now(&mut other, &[A]), "ancestor");
        assert!(!try_now(&mut other, &[A1X]), "descendant");
        assert!(try_now(&mut other, &[A2]), "sibling");
        assert!(try_now(&mut other, &[AB]), "^AB is not under ^A");
        assert!(try_now(&mut other, &[X]), "a local");
        assert!(
            try_now(&mut holder, &[A1X, A1]),
            "an owner never blocks itself"
        );
        assert_eq!(holder.held(), vec![(A1.to_vec(), 2), (A1X.to_vec(), 1)]);
    }

    #[test]
    fn levels_rise_and_fall() {
        let dir = Dir::new("levels");
        let mut holder = dir.open();
        let mut other = dir.open();
        assert!(try_now(&mut holder, &[AB]));
        for _ in 0..3 {
            assert!(try_now(&mut holder, &[A1]));
        }
        assert_eq!(holder.held(), vec![(AB.to_vec(), 1), (A1.to_vec(), 3)]);
        holder.release(A1);
        holder.release(A1);
        holder.release(A2);
        assert_eq!(holder.held(), vec![(AB.to_vec(), 1), (A1.to_vec(), 1)]);
        assert!(!try_now(&mut other, &[A1]));
        holder.release(A1);
        assert_eq!(holder.held(), vec![(AB.to_vec(), 1)]);
        assert!(try_now(&mut other, &[A1]));
        holder.release_all();
        assert!(holder.held().is_empty());
        assert!(try_now(&mut other, &[AB]));
    }

    #[test]
    fn all_or_none() {
        let dir = Dir::new("all");
        let mut holder = dir.open();
        let mut other = dir.open();
        let mut third = dir.open();
        assert!(try_now(&mut holder, &[A2]));
        assert!(!try_now(&mut other, &[A1, X, A2]));
        assert!(other.held().is_empty());
        assert!(try_now(&mut third, &[A1, X]), "nothing was left taken");
    }

    #[test]
    fn dropping_the_table_releases_its_locks() {
        let dir = Dir::new("drop");
        let mut other = dir.open();
        let mut holder = dir.open();
        assert!(try_now(&mut holder, &[A, X]));
        drop(holder);
        assert!(try_now(&mut other, &[A1, X]));
    }

    #[test]
    fn process_slots_are_reused() {
        let dir = Dir::new("slots");
        for _ in 0..PROCS + 10 {
            let mut table = dir.open();
            assert!(try_now(&mut table, &[A]));
        }
    }

    #[test]
    fn timeout_returns_false_in_bounded_time() {
        let dir = Dir::new("timeout");
        let mut holder = dir.open();
        let mut other = dir.open();
        assert!(try_now(&mut holder, &[A]));
        let start = Instant::now();
        let taken = other.acquire(&[A1], Some(start + Duration::from_millis(100)), &never);
        let waited = start.elapsed();
        assert!(!taken.expect("acquire"));
        assert!(waited >= Duration::from_millis(100), "{waited:?}");
        assert!(waited < Duration::from_secs(1), "{waited:?}");
    }

    #[test]
    fn an_interrupt_ends_the_wait() {
        let dir = Dir::new("interrupt");
        let mut holder = dir.open();
        let mut other = dir.open();
        assert!(try_now(&mut holder, &[A]));
        let error = other.acquire(&[A], None, &|| true).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Interrupted);
        assert!(other.held().is_empty());
    }

    #[test]
    fn a_waiter_gets_the_lock_soon_after_its_release() {
        let dir = Dir::new("waiter");
        let mut holder = dir.open();
        let mut waiter = dir.open();
        assert!(try_now(&mut holder, &[A1]));
        let (blocked_tx, blocked_rx) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let blocked = !try_now(&mut waiter, &[A]);
            blocked_tx.send(blocked).expect("send");
            let taken =
                waiter.acquire(&[A], Some(Instant::now() + Duration::from_secs(10)), &never);
            (taken.expect("acquire"), Instant::now(), waiter.held())
        });
        assert!(
            blocked_rx.recv().expect("receive"),
            "the waiter was not blocked"
        );
        let released = Instant::now();
        holder.release(A1);
        let (taken, at, held) = thread.join().expect("join");
        assert!(taken);
        assert_eq!(held, vec![(A.to_vec(), 1)]);
        let delay = at.duration_since(released);
        assert!(delay < Duration::from_millis(500), "{delay:?}");
    }

    #[test]
    fn bad_requests_are_errors() {
        let dir = Dir::new("bad");
        let mut table = dir.open();
        let long = vec![b'a'; MAX_NAME + 1];
        let no_end: &[u8] = b"^A";
        for name in [&long[..], no_end, b""] {
            let error = table.acquire(&[A, name], None, &never).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::InvalidInput);
        }
        let mut longest = vec![b'a'; MAX_NAME];
        longest[MAX_NAME - 1] = 0;
        assert!(try_now(&mut table, &[&longest]));
        let many: Vec<Vec<u8>> = (0..ENTRIES)
            .map(|i| format!("n{i}\0").into_bytes())
            .collect();
        let names: Vec<&[u8]> = many.iter().map(|n| &n[..]).collect();
        let full = table.acquire(&names, None, &never).unwrap_err();
        assert!(full.to_string().contains("full"), "{full}");
        assert_eq!(table.held().len(), 1, "nothing more was taken");
        let too_high = vec![A; MAX_LEVEL as usize + 1];
        assert!(table.acquire(&too_high, None, &never).is_err());
        assert!(try_now(&mut table, &too_high[1..]));
        assert_eq!(table.held()[1], (A.to_vec(), MAX_LEVEL));
    }

    #[test]
    fn a_file_of_another_layout_is_refused() {
        let dir = Dir::new("layout");
        std::fs::create_dir_all(&dir.0).expect("mkdir");
        let path = dir.0.join("locks.shm");
        std::fs::write(&path, b"hello").expect("write");
        let error = LockTable::open(&dir.0).err().expect("refused");
        assert!(
            error.to_string().contains("not a minim lock table"),
            "{error}"
        );
        let mut header = expected_header();
        header[8] = 99;
        std::fs::write(&path, header).expect("write");
        let error = LockTable::open(&dir.0).err().expect("refused");
        assert!(error.to_string().contains("another layout"), "{error}");
    }

    const CHILD: &str = "MINIM_LOCK_TEST_CHILD";
    const READY: &str = "MINIM-LOCK-CHILD-READY";

    /// The child's part of `a_killed_holder_frees_its_locks`: take ^A(1), say so, wait.
    fn hold_until_killed(dir: &Path) {
        let mut table = LockTable::open(dir).expect("open");
        assert!(table.acquire(&[A1], None, &never).expect("acquire"));
        println!("{READY}");
        io::stdout().flush().expect("flush");
        let mut line = String::new();
        let _ = io::stdin().read_line(&mut line);
    }

    #[test]
    fn a_killed_holder_frees_its_locks() {
        if let Some(dir) = std::env::var_os(CHILD) {
            return hold_until_killed(Path::new(&dir));
        }
        let dir = Dir::new("killed");
        let test = module_path!()
            .split_once("::")
            .map_or("", |(_, m)| m)
            .to_string();
        let test = format!("{test}::a_killed_holder_frees_its_locks");
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", &test, "--nocapture", "--test-threads=1"])
            .env(CHILD, &dir.0)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the child");
        let stdout = child.stdout.take().expect("child stdout");
        let (ready_tx, ready_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let ready = BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .any(|line| line.contains(READY));
            let _ = ready_tx.send(ready);
        });
        let ready = ready_rx.recv_timeout(Duration::from_secs(30));
        if ready != Ok(true) {
            let _ = child.kill();
            panic!("the child did not take the lock: {ready:?}");
        }
        let mut table = dir.open();
        assert!(!try_now(&mut table, &[A]), "the child holds ^A(1)");
        child.kill().expect("kill -9 the child");
        let killed = Instant::now();
        let taken = table.acquire(&[A], Some(killed + Duration::from_secs(1)), &never);
        let freed_after = killed.elapsed();
        let _ = child.wait();
        println!("a killed holder's lock was taken {freed_after:?} after kill -9");
        assert!(taken.expect("acquire"), "not freed within 1 s");
    }

    /// A release wakes an owner sleeping on the release count at once, whether it came
    /// before the sleep began (the count differs: no sleep) or during it. Without the wake
    /// the sleeper would sleep its whole 30 s pause.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_release_ends_the_sleep_of_a_waiter() {
        let words = std::sync::Arc::new([AtomicU32::new(7), AtomicU32::new(0)]);
        let (about_to_sleep, ready) = mpsc::channel();
        let sleeper = {
            let words = words.clone();
            std::thread::spawn(move || {
                let wake = Wake {
                    releases: &words[0],
                    sleepers: &words[1],
                };
                let seen = wake.releases();
                about_to_sleep.send(()).expect("send");
                let start = Instant::now();
                wake.sleep(seen, Duration::from_secs(30));
                start.elapsed()
            })
        };
        ready.recv().expect("the sleeper started");
        let wake = Wake {
            releases: &words[0],
            sleepers: &words[1],
        };
        wake.released();
        let slept = sleeper.join().expect("the sleeper ends");
        assert!(slept < Duration::from_secs(20), "slept {slept:?}");
        assert_eq!(wake.releases(), 8);
        assert_eq!(
            words[1].load(Ordering::SeqCst),
            0,
            "no sleeper left counted"
        );
    }
}
