//! The id of LMDB's last committed transaction, read straight from the two meta pages of
//! the data file. Every read outside TP asks it (to see any process's newest commit, as
//! GT.M's reads do); `mdb_env_info` answers the same but fills a whole struct behind a
//! call, about 70 instructions a read against a few here.
//!
//! The pages are mapped read-only and shared, so they are the very pages every process
//! commits into (one page cache). The layout is LMDB 0.9's on a 64-bit machine: a 16-byte
//! page header, then the meta record with the page size at byte 24 and the transaction id
//! at byte 128. It is checked when the view is made (magic number, page size, the id
//! `mdb_env_info` gives); a file that does not match gets no view, and the caller goes on
//! with `mdb_env_info`.

use std::ffi::c_int;
use std::ptr;
use std::sync::atomic::{AtomicU64, Ordering};

const PAGE_HEADER: usize = 16;
const MAGIC: u32 = 0xBEEF_C0DE;
const MAGIC_AT: usize = PAGE_HEADER;
const PAGE_SIZE_AT: usize = PAGE_HEADER + 24;
const TXNID_AT: usize = PAGE_HEADER + 128;

/// The two meta pages, mapped for the process's life.
pub struct MetaView {
    base: *const u8,
    page: usize,
}

// SAFETY: the mapping is read-only and never unmapped; reading it from any thread is sound.
unsafe impl Send for MetaView {}
unsafe impl Sync for MetaView {}

impl MetaView {
    /// Maps the meta pages of the data file open as `fd`; None when the file does not have
    /// the expected layout (checked against `expected`, the last committed id).
    pub fn open(fd: c_int, expected: usize) -> Option<MetaView> {
        let mut size = [0u8; 4];
        // SAFETY: reads 4 bytes into a local buffer from an open descriptor.
        let got = unsafe { libc::pread(fd, size.as_mut_ptr().cast(), 4, PAGE_SIZE_AT as i64) };
        let page = u32::from_ne_bytes(size) as usize;
        if got != 4 || !(512..=65536).contains(&page) || !page.is_power_of_two() {
            return None;
        }
        // SAFETY: a fresh read-only shared mapping of the file's first two pages (LMDB
        // writes both meta pages when it creates the file); checked for failure.
        let base = unsafe {
            libc::mmap(
                ptr::null_mut(),
                2 * page,
                libc::PROT_READ,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return None;
        }
        let view = MetaView {
            base: base as *const u8,
            page,
        };
        let sane = (0..2).all(|i| view.read_u32(i * page + MAGIC_AT) == MAGIC)
            && view.last_txn_id() == expected;
        if !sane {
            // SAFETY: unmaps the mapping made above, which nothing else refers to.
            unsafe { libc::munmap(base, 2 * page) };
            return None;
        }
        Some(view)
    }

    fn read_u32(&self, at: usize) -> u32 {
        // SAFETY: `at` lies within the two mapped pages; a volatile read, since other
        // processes write them.
        unsafe { ptr::read_volatile(self.base.add(at).cast::<u32>()) }
    }

    fn txnid(&self, meta: usize) -> u64 {
        // SAFETY: the id is an aligned 8-byte field within the mapped page `meta`; another
        // process may store to it at any time, so it is read atomically.
        let field = unsafe {
            &*self
                .base
                .add(meta * self.page + TXNID_AT)
                .cast::<AtomicU64>()
        };
        field.load(Ordering::Acquire)
    }

    /// The newer of the two meta pages' ids: what `mdb_env_info` calls the last txnid.
    #[inline]
    pub fn last_txn_id(&self) -> usize {
        self.txnid(0).max(self.txnid(1)) as usize
    }
}
