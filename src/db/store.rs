//! The one interface between the interpreter's globals and a storage engine: an ordered map of
//! byte keys (see `key.rs`) to byte values, with M's transactions on top. Every engine (the
//! embedded LMDB store, PostgreSQL) implements it; nothing above it knows which one runs.

use std::fmt;

/// A storage failure, described for a person (the caller turns it into an M error).
#[derive(Debug, Clone)]
pub struct StoreError {
    pub text: String,
    /// The open transaction lost a conflict with another process (a serialisation failure)
    /// and has been rolled back by the engine: M restarts it, as GT.M's optimistic TP does.
    pub conflict: bool,
    /// The database is full (GT.M's GBLOFLOW).
    pub full: bool,
}

impl StoreError {
    pub fn new(text: impl Into<String>) -> StoreError {
        StoreError {
            text: text.into(),
            conflict: false,
            full: false,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// What a read-modify-write (`$INCREMENT`) makes of the old value: the new value, or `None`
/// to leave the node as it was.
pub type Update<'a> = &'a mut dyn FnMut(Option<&[u8]>) -> Option<Vec<u8>>;

/// A visitor of stored nodes in key order; it returns false to stop.
pub type Visit<'a> = &'a mut dyn FnMut(&[u8], &[u8]) -> bool;

/// A source of nodes to load: the next key and value, None at the end; an error (a line
/// that is not a node) cancels the load.
pub type Rows<'a> = &'a mut dyn FnMut() -> Option<Result<(Vec<u8>, Vec<u8>), String>>;

/// An ordered key-value store shared by every process using the same database.
///
/// Outside a transaction each call is atomic on its own and sees every commit made before it.
/// Between `begin` and `commit`/`rollback`, calls see the transaction's own updates and
/// nobody else sees them until `commit`.
///
/// Reads answer with bytes the store keeps until its next call, so a read copies nothing
/// it does not have to.
pub trait Store {
    fn get(&mut self, key: &[u8]) -> StoreResult<Option<&[u8]>>;
    fn set(&mut self, key: &[u8], value: &[u8]) -> StoreResult<()>;
    /// Removes every key in `[from, to)`.
    fn delete_range(&mut self, from: &[u8], to: &[u8]) -> StoreResult<()>;
    fn delete(&mut self, key: &[u8]) -> StoreResult<()>;
    /// The first key at or after `from`.
    fn seek(&mut self, from: &[u8]) -> StoreResult<Option<&[u8]>>;
    /// The last key before `before`.
    fn seek_back(&mut self, before: &[u8]) -> StoreResult<Option<&[u8]>>;
    /// Visits the nodes in `[from, to)` in order, in one consistent view.
    fn scan(&mut self, from: &[u8], to: &[u8], visit: Visit) -> StoreResult<()>;
    /// Atomically replaces a node's value with what `update` makes of it; returns the value
    /// stored (or the old one when `update` declines).
    fn update(&mut self, key: &[u8], update: Update) -> StoreResult<Option<Vec<u8>>>;
    fn begin(&mut self) -> StoreResult<()>;
    /// `begin` for a transaction that must not lose a conflict: GT.M's final retry (the
    /// fourth try, after three restarts), which holds the database exclusively. An engine
    /// whose transactions never conflict has nothing more to do.
    fn begin_final(&mut self) -> StoreResult<()> {
        self.begin()
    }
    fn commit(&mut self) -> StoreResult<()>;
    fn rollback(&mut self);
    /// Stores every node `rows` gives, all or nothing (one transaction, outside any other);
    /// a key given twice keeps its last value. Returns how many nodes were given.
    fn load(&mut self, rows: Rows) -> StoreResult<u64> {
        self.begin()?;
        let mut count = 0;
        while let Some(row) = rows() {
            let stored = row
                .map_err(StoreError::new)
                .and_then(|(k, v)| self.set(&k, &v));
            if let Err(e) = stored {
                self.rollback();
                return Err(e);
            }
            count += 1;
        }
        self.commit()?;
        Ok(count)
    }

    /// Makes every commit so far durable on disk.
    fn flush(&mut self) -> StoreResult<()>;
    /// Commits or sends what this process has written but not yet made visible (the
    /// embedded store's batch, SETs outside TP that PostgreSQL pipelines), so that other
    /// processes see it; reports its failure. The interpreter calls it wherever this process
    /// may wait or be observed: LOCK, JOB, ZSYSTEM, TSTART, device commands, HANG, the
    /// direct-mode prompt, exit, and when the embedded store's batch is due.
    fn sync(&mut self) -> StoreResult<()> {
        Ok(())
    }
    /// Where the data lives, for messages.
    fn location(&self) -> String;
    /// Forgets whatever was read ahead, so the next read sees every commit made so far
    /// (called when this process takes a LOCK: what the last holder wrote must be seen).
    fn refresh(&mut self) {}
}
