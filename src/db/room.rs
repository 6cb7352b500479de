//! How much of the embedded store's map a batch of updates outside TP may still use. LMDB
//! undoes a whole write transaction when one update in it finds the map full, and refuses
//! every later use of it; a batch shares one transaction among many updates, so an update
//! that finds the database full would take the batch's earlier updates with it. To keep
//! them, the store bounds what each update may take (pessimistically: a new copy of every
//! page on its path, a split at each level, and the pages of a big value) and commits the
//! batch before an update whose bound does not fit in what is left: that update then runs
//! in a batch of its own, and if the database is full, it alone fails (GBLOFLOW).
//!
//! What is left is the map less the pages in use at the batch's start (free pages inside
//! the file, which LMDB reuses first, are not counted): far from full, the bound never
//! binds; within a few batches' worth of the map's end, updates are committed in smaller
//! batches, down to one each.
//!
//! The commit itself takes pages beyond any update's (LMDB rewrites its list of free pages,
//! more of it the fuller the file is), and a commit that finds the map full loses its
//! batch: updates the routine was told had succeeded. So once what is left is `TIGHT`
//! or less, each update is committed as soon as it is made, and a failure of that commit
//! is the failure of that update alone.

use lmdb_master_sys::MDB_dbi;

use super::mdb::{Env, MdbResult, Txn};

/// Pages kept for the commit itself (the free-page list and the tree's root path).
const COMMIT_RESERVE: usize = 16;
/// What is left when updates are committed one by one (see the module comment).
const TIGHT: usize = 64;

#[derive(Default)]
pub struct Room {
    /// Pages the batch may still take.
    left: usize,
    /// The tree's height at the batch's start, plus one for a new root.
    depth: usize,
    /// log2 of the page size (a power of two).
    page_shift: u32,
    page_size: usize,
}

impl Room {
    /// Measures what is left for a batch that has just begun in `txn`.
    pub fn start(&mut self, env: &Env, txn: &Txn, dbi: MDB_dbi) -> MdbResult<()> {
        if self.page_size == 0 {
            self.page_size = env.page_size().max(512).next_power_of_two();
            self.page_shift = self.page_size.trailing_zeros();
        }
        let (map_size, used) = env.pages_used();
        let pages = map_size / self.page_size;
        self.depth = txn.depth(dbi)? + 1;
        self.left = pages
            .saturating_sub(used)
            .saturating_sub(COMMIT_RESERVE + 2 * self.depth);
        Ok(())
    }

    /// The most pages an update of `bytes` (key and value) can take: a copy of each page
    /// on its path and a split at each level, and the overflow pages of a big value.
    pub fn bound(&self, bytes: usize) -> usize {
        2 * self.depth + (bytes >> self.page_shift) + 1
    }

    /// Whether an update of that bound fits in what the batch leaves.
    pub fn fits(&self, pages: usize) -> bool {
        pages <= self.left
    }

    /// Whether the batch is near the map's end: its update is to be committed at once.
    pub fn tight(&self) -> bool {
        self.left <= TIGHT
    }

    pub fn take(&mut self, pages: usize) {
        self.left = self.left.saturating_sub(pages);
    }
}
