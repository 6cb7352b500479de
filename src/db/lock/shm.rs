//! The LOCK table mapped into memory: the mapping, the futex a waiter sleeps on, and the
//! view of the process slots and lock entries while the guard is held.

use super::file::expected_header;
use super::*;

/// The table file mapped into memory, with its own descriptor (for the fcntl locks).
pub(super) struct Shm {
    file: File,
    map: NonNull<u8>,
}

// SAFETY: the mapping is owned by `Shm` alone and only touched through `&mut self`.
unsafe impl Send for Shm {}

impl Shm {
    pub(super) fn map(file: File) -> io::Result<Shm> {
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
    pub(super) fn wake(&self) -> Wake {
        // SAFETY: both offsets are 4-aligned (the mapping is page-aligned) and within the
        // header, which lives as long as the mapping.
        let word = |at: usize| unsafe { self.map.as_ptr().add(at).cast::<AtomicU32>() };
        Wake {
            releases: word(RELEASES_AT),
            sleepers: word(SLEEPERS_AT),
        }
    }

    /// Runs `f` on the table with the guard held (so no other owner reads or edits it).
    pub(super) fn view<R>(&mut self, f: impl FnOnce(&mut Table) -> io::Result<R>) -> io::Result<R> {
        with_guard(self.file.as_raw_fd(), || self.with_table(f))
    }

    /// Runs `f` on the table; the caller holds the guard and the file is `FILE_SIZE` long.
    pub(super) fn with_table<R>(
        &mut self,
        f: impl FnOnce(&mut Table) -> io::Result<R>,
    ) -> io::Result<R> {
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
pub(super) struct Wake {
    pub(super) releases: *const AtomicU32,
    pub(super) sleepers: *const AtomicU32,
}

impl Wake {
    pub(super) fn words(&self) -> (&AtomicU32, &AtomicU32) {
        // SAFETY: see `Shm::wake`; the mapping outlives every `Wake` (used within the
        // `LockTable` method that made it).
        unsafe { (&*self.releases, &*self.sleepers) }
    }

    pub(super) fn releases(&self) -> u32 {
        self.words().0.load(Ordering::SeqCst)
    }

    /// After a release: raises the count, and wakes the sleepers if there are any.
    pub(super) fn released(&self) {
        let (releases, sleepers) = self.words();
        releases.fetch_add(1, Ordering::SeqCst);
        if sleepers.load(Ordering::SeqCst) > 0 {
            futex_wake_all(releases);
        }
    }

    /// Sleeps for up to `pause`, or until the release count is no longer `seen`.
    pub(super) fn sleep(&self, seen: u32, pause: Duration) {
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
pub(super) fn futex_wait(word: &AtomicU32, seen: u32, pause: Duration) {
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
pub(super) fn futex_wake_all(word: &AtomicU32) {
    // SAFETY: `word` is a valid, aligned 32-bit word; FUTEX_WAKE does not touch memory.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, i32::MAX) };
}

/// Elsewhere, no wake-up: the waiter sleeps its pause out.
#[cfg(not(target_os = "linux"))]
pub(super) fn futex_wait(_word: &AtomicU32, _seen: u32, pause: Duration) {
    std::thread::sleep(pause);
}

#[cfg(not(target_os = "linux"))]
pub(super) fn futex_wake_all(_word: &AtomicU32) {}

/// The table's bytes, borrowed while the guard is held.
pub(super) struct Table<'a> {
    mem: &'a mut [u8],
    pub(super) fd: RawFd,
}

impl Table<'_> {
    pub(super) fn u32_at(&self, at: usize) -> u32 {
        let mut bytes = [0u8; 4];
        bytes.copy_from_slice(&self.mem[at..at + 4]);
        u32::from_le_bytes(bytes)
    }

    pub(super) fn set_u32(&mut self, at: usize, value: u32) {
        self.mem[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    pub(super) fn write_header(&mut self) {
        let header = expected_header();
        self.mem[..header.len()].copy_from_slice(&header);
    }

    pub(super) fn entry_owner(&self, entry: usize) -> u32 {
        self.u32_at(ENTRIES_AT + entry * ENTRY_SIZE)
    }

    pub(super) fn entry_name(&self, entry: usize) -> &[u8] {
        let at = ENTRIES_AT + entry * ENTRY_SIZE;
        let len = (self.u32_at(at + 8) as usize).min(MAX_NAME);
        &self.mem[at + 12..at + 12 + len]
    }

    pub(super) fn write_entry(&mut self, entry: usize, slot: u32, name: &[u8]) {
        let at = ENTRIES_AT + entry * ENTRY_SIZE;
        self.set_u32(at, slot + 1);
        self.set_u32(at + 4, 1);
        self.set_u32(at + 8, name.len() as u32);
        self.mem[at + 12..at + 12 + name.len()].copy_from_slice(name);
    }

    /// Sets the level of an entry; level 0 frees it.
    pub(super) fn set_entry_level(&mut self, entry: usize, level: u32) {
        let at = ENTRIES_AT + entry * ENTRY_SIZE;
        self.set_u32(at + 4, level);
        if level == 0 {
            self.set_u32(at, 0);
        }
    }

    /// Up to `n` free entries.
    pub(super) fn free_entries(&self, n: usize) -> Vec<usize> {
        (0..ENTRIES)
            .filter(|&e| self.entry_owner(e) == 0)
            .take(n)
            .collect()
    }

    /// Whether a live owner other than `slot` holds a name conflicting with `name`. Frees
    /// the entries of dead owners found in the way.
    pub(super) fn blocked(&mut self, slot: u32, name: &[u8]) -> io::Result<bool> {
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

    pub(super) fn alive(&self, slot: u32) -> io::Result<bool> {
        byte_locked(self.fd, LIVENESS_AT + u64::from(slot))
    }

    /// Frees every entry of owner `slot` and the slot itself.
    pub(super) fn free_owner(&mut self, slot: u32) {
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
    pub(super) fn claim_slot(&mut self) -> io::Result<u32> {
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

    pub(super) fn mark(&mut self, slot: u32) -> io::Result<bool> {
        if !lock_byte(self.fd, libc::F_WRLCK, LIVENESS_AT + u64::from(slot))? {
            return Ok(false);
        }
        let at = PROCS_AT + slot as usize * PROC_SIZE;
        self.set_u32(at, std::process::id());
        self.set_u32(at + 4, 1);
        Ok(true)
    }
}
