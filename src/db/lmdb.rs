//! The embedded store: LMDB, one memory-mapped file that every minim process on the machine
//! opens at once. LMDB allows one writer at a time across processes (a robust mutex that
//! survives a writer's death) and never blocks readers; a commit is atomic, so a process
//! killed at any moment loses nothing it committed and leaves nothing half-written.
//!
//! Durability follows GT.M without journaling: no fsync per update (the data is in the
//! operating system's cache the moment a commit returns, so only a machine crash can lose it),
//! a flush every second from a background thread and at exit, and, with
//! `MINIM_DB_SYNC=commit`, an fsync at every transaction commit.
//!
//! Reads outside TP share one read snapshot (`Snapshot`), kept open from read to read and
//! renewed as soon as anyone (this process or another) has committed since it was taken:
//! each read first compares the snapshot's transaction id with the last committed one in
//! the shared meta page, so it sees every commit made before it, as GT.M's reads do. Its
//! cursor stays where the last `$ORDER` left it, so a walk (forwards or backwards) moves
//! a step instead of searching the tree again, and a `$GET` of the node a `$ORDER` just named reads it where
//! the cursor stands. A write releases it first, and the flush thread releases one no
//! read used for 5-10 ms: an open snapshot pins the pages freed after it, which writers
//! (this process's or others') would otherwise reuse.
//!
//! Updates outside TP are batched: SET, KILL and `$INCREMENT` join one write transaction
//! that stays open across a run of updates (reads in the meantime go through it and see
//! them), and is committed at the first of: `MAX_AGE` after it began, `MAX_UPDATES`
//! updates, another process waiting for the write lock (`gate.rs`), or a point where
//! this process may wait or be observed, which the interpreter signals with `Store::sync`
//! (LOCK, JOB, HANG, READ, WRITE, OPEN, USE, CLOSE, TSTART, ZSYSTEM, a direct-mode prompt,
//! exit). An update is committed, and seen by every other process, once its batch is:
//! at most a few milliseconds after it was made, and before this process does anything
//! another process could observe. `kill -9` loses the updates of an uncommitted batch
//! (GT.M without journaling loses what it had not written out), never part of one. An
//! update that might not fit in what the batch leaves of the map runs in a batch of its own
//! (`room.rs`), so a full database fails that update alone; another failure of the engine
//! within a batch loses the batch with it, and says so.
//! Batching turns a commit per update (~3 µs) into one per batch, and lets `$INCREMENT`
//! read and write inside the held write lock, as GT.M's updates run under its critical
//! section.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use lmdb_master_sys::MDB_dbi;

use super::gate::Gate;
use super::mdb::{self, Cursor, Env, MdbError, MdbResult, Txn, Writer};
use super::room::Room;
use super::snapshot::{Pos, Snapshot, Walk, copy, lock};
use super::store::{Store, StoreError, StoreResult, Update, Visit};

mod flusher;
use flusher::{Watched, flusher};

/// The largest the database may grow, by default (`MINIM_DB_MAP_MB` in MiB); address
/// space only (the file grows as data is added).
const MAP_SIZE: usize = 32 << 30;
const MAX_READERS: u32 = 1022;
/// The longest a batch of updates outside TP stays uncommitted, by default
/// (`MINIM_DB_BATCH_MS`; 0 commits every update on its own).
const MAX_AGE: Duration = Duration::from_millis(2);
/// The most updates in one batch (bounds the pages one commit writes).
const MAX_UPDATES: usize = 10_000;
fn fail(e: MdbError) -> StoreError {
    let mut error = StoreError::new(e.text());
    error.full = e.0 == lmdb_master_sys::MDB_MAP_FULL;
    error
}

/// The failure of a batch (an update in it, or its commit): LMDB has undone the whole
/// write transaction, so the updates made before it in the batch are lost too. The error
/// says how many, so that none is lost without a word (see the module comment).
fn batch_failed(e: MdbError, lost: usize, at_commit: bool) -> StoreError {
    let mut error = fail(e);
    error.text = match (lost, at_commit) {
        (0, _) => error.text,
        (n, false) => format!(
            "{}; the {n} earlier update(s) outside TP not yet committed were lost with it",
            error.text
        ),
        (n, true) => format!(
            "{}; the last {n} update(s) outside TP could not be committed and are lost",
            error.text
        ),
    };
    error
}

/// The last key before `before`, copied to `out`.
fn seek_back(c: &mut Cursor, before: &[u8], out: &mut Vec<u8>) -> MdbResult<bool> {
    let found = match c.step(mdb::SET_RANGE, before)? {
        Some(_) => c.step(mdb::PREV, &[])?,
        None => c.last()?,
    };
    Ok(match found {
        Some((k, _)) => {
            copy(out, k);
            true
        }
        None => false,
    })
}

/// Visits the nodes in `[from, to)` in order.
fn scan(c: &mut Cursor, from: &[u8], to: &[u8], visit: Visit) -> MdbResult<()> {
    let mut at = c.step(mdb::SET_RANGE, from)?;
    while let Some((k, v)) = at {
        if k >= to || !visit(k, v) {
            break;
        }
        at = c.step(mdb::NEXT, &[])?;
    }
    Ok(())
}

pub struct LmdbStore {
    env: &'static Env,
    dbi: MDB_dbi,
    /// The write transaction of an M transaction (TSTART..TCOMMIT), held to its end.
    txn: Option<Writer>,
    /// The write transaction of the open batch of updates outside TP, and how many
    /// updates it holds (see the module comment).
    batch: Option<Writer>,
    updates: usize,
    /// What the batch may still take of the map (see `room.rs`).
    room: Room,
    /// Why the M transaction cannot go on: an update in it failed, LMDB dropped its
    /// transaction, and only TROLLBACK ends it (every other use is this error again).
    failed: Option<StoreError>,
    /// `MAX_AGE` or what `MINIM_DB_BATCH_MS` says.
    max_age: Duration,
    signal: Arc<BatchSignal>,
    gate: Arc<Gate>,
    snapshot: Arc<Mutex<Snapshot>>,
    /// Where the snapshot's cursor stands (its `seek`s answer from `cur`).
    walk: Walk,
    /// The answer of the last read, which the caller borrows.
    out: Vec<u8>,
    sync_each_commit: bool,
    dir: PathBuf,
}

/// What the flush thread tells the store about its open batch.
#[derive(Default)]
struct BatchSignal {
    /// The batch is to be committed now: it is old, or another process waits.
    due: AtomicBool,
    /// Another process waits for the write lock: after the commit, let it in first.
    handoff: AtomicBool,
}

impl LmdbStore {
    /// Opens the database in `dir`, creating the folder and the database when missing.
    pub fn open(dir: &Path) -> StoreResult<LmdbStore> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::new(format!(
                "cannot create the database folder {}: {e}",
                dir.display()
            ))
        })?;
        // NO_SYNC and WRITE_MAP trade durability against a machine crash (not a process
        // crash) for commit speed; the flusher thread and `flush` bound the loss. NO_TLS ties
        // a reader slot to the snapshot, not the thread, so the flusher may release it.
        let flags = mdb::NO_SYNC | mdb::WRITE_MAP | mdb::NO_TLS;
        let map_size = std::env::var("MINIM_DB_MAP_MB")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .map_or(MAP_SIZE, |mb| mb.max(1) << 20);
        let env = Env::open(dir, map_size, MAX_READERS, 4, flags).map_err(|e| {
            StoreError::new(format!(
                "cannot open the database in {}: {}",
                dir.display(),
                e.text()
            ))
        })?;
        let gate = Gate::open(dir).map_err(|e| {
            StoreError::new(format!(
                "cannot open the writers' gate in {}: {e}",
                dir.display()
            ))
        })?;
        let gate = Arc::new(gate);
        // A reader that died holding a slot pins old pages: free such slots at open.
        env.clear_stale_readers();
        let env: &'static Env = Box::leak(Box::new(env));
        let dbi = open_globals(env, &gate).map_err(fail)?;
        let taken = Arc::new(Condvar::new());
        let snapshot = Arc::new(Mutex::new(Snapshot {
            reader: None,
            live: false,
            id: 0,
            used: false,
            taken: Arc::clone(&taken),
            batch_since: None,
        }));
        let signal = Arc::new(BatchSignal::default());
        let max_age = std::env::var("MINIM_DB_BATCH_MS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .map_or(MAX_AGE, Duration::from_millis);
        let watched = Watched {
            env,
            max_age,
            snapshot: Arc::clone(&snapshot),
            taken,
            signal: Arc::clone(&signal),
            gate: Arc::clone(&gate),
        };
        std::thread::Builder::new()
            .name("minim-db-flush".into())
            .spawn(move || flusher(&watched))
            .map_err(|e| StoreError::new(format!("cannot start the flush thread: {e}")))?;
        Ok(LmdbStore {
            env,
            dbi,
            txn: None,
            batch: None,
            updates: 0,
            room: Room::default(),
            failed: None,
            max_age,
            signal,
            gate,
            snapshot,
            walk: Walk::new(),
            out: Vec::new(),
            sync_each_commit: std::env::var("MINIM_DB_SYNC").is_ok_and(|v| v == "commit"),
            dir: dir.to_path_buf(),
        })
    }

    fn snapshot(&self) -> MutexGuard<'_, Snapshot> {
        lock(&self.snapshot)
    }

    /// Runs an update of `bytes` (key and value) in the open M transaction, or in the batch
    /// (begun when none is open, committed first when it is due or when the update might
    /// not fit in what it leaves of the map: see `room.rs`).
    fn write<R>(
        &mut self,
        bytes: usize,
        f: impl FnOnce(&mut Writer, MDB_dbi) -> MdbResult<R>,
    ) -> StoreResult<R> {
        let dbi = self.dbi;
        if let Some(t) = &mut self.txn {
            return f(t, dbi).map_err(|e| self.transaction_failed(e));
        }
        if self.updates >= MAX_UPDATES {
            self.end_batch()?;
        } else {
            self.settle()?;
        }
        let pages = self.room.bound(bytes);
        if self.batch.is_some() && !self.room.fits(pages) {
            self.end_batch()?;
        }
        self.updates += 1;
        if self.batch.is_none() {
            self.start_batch()?;
        }
        // Measured again: a new batch has measured the tree anew.
        let pages = self.room.bound(bytes);
        self.room.take(pages);
        let Some(t) = self.batch.as_mut() else {
            return Err(StoreError::new("no write transaction"));
        };
        let r = match f(t, dbi) {
            Ok(r) => r,
            Err(e) => {
                // LMDB refuses every later use of a transaction an update failed in.
                let lost = self.updates - 1;
                self.abandon_batch();
                return Err(batch_failed(e, lost, false));
            }
        };
        // Near the map's end, a commit may find it full: the update's own commit, not a
        // later one, reports that (see `room.rs`).
        if self.max_age.is_zero() || self.room.tight() {
            self.end_batch()?;
        }
        Ok(r)
    }

    /// Begins a batch: the read snapshot goes (see `release_snapshot`) and the flush thread
    /// starts watching the batch's age.
    fn start_batch(&mut self) -> StoreResult<&mut Writer> {
        {
            let mut s = self.snapshot();
            if s.live {
                s.release();
            }
        }
        let t = self.gate.write_txn(self.env).map_err(fail)?;
        self.room.start(self.env, &t, self.dbi).map_err(fail)?;
        let mut s = lock(&self.snapshot);
        s.batch_since = Some(Instant::now());
        s.taken.notify_one();
        drop(s);
        Ok(self.batch.insert(Writer::new(t)))
    }

    /// Commits the open batch, if any; when another process was seen waiting for the write
    /// lock, waits until it has had it.
    fn end_batch(&mut self) -> StoreResult<()> {
        let Some(t) = self.batch.take() else {
            return Ok(());
        };
        let updates = self.updates;
        self.abandon_batch();
        let committed = t.commit().map_err(|e| batch_failed(e, updates, true));
        if self.signal.handoff.swap(false, Ordering::Relaxed) {
            self.gate.let_waiters_in();
        }
        committed
    }

    /// Forgets the open batch (dropped, it is aborted) and stops the flush thread's watch
    /// of it.
    fn abandon_batch(&mut self) {
        self.batch = None;
        self.updates = 0;
        // The flush thread marks a batch due only while `batch_since` is set.
        lock(&self.snapshot).batch_since = None;
        self.signal.due.store(false, Ordering::Relaxed);
    }

    /// An update of the M transaction failed: LMDB refuses every later use of its
    /// transaction, so it ends now (freeing the write lock for other processes), and every
    /// use of the database until TROLLBACK is this error again; TCOMMIT too, since the
    /// transaction's updates are gone (GT.M: errors roll nothing back by themselves).
    fn transaction_failed(&mut self, e: MdbError) -> StoreError {
        self.txn = None;
        let mut error = fail(e);
        error.text = format!(
            "{}; the transaction's updates are lost and only TROLLBACK ends it",
            error.text
        );
        self.failed = Some(error.clone());
        error
    }

    /// Commits the batch when the flush thread says it is due (one load otherwise); in a
    /// transaction that failed (see `transaction_failed`), its error.
    #[inline]
    fn settle(&mut self) -> StoreResult<()> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        if self.signal.due.load(Ordering::Relaxed) {
            self.end_batch()?;
        }
        Ok(())
    }

    /// The write transaction reads go through (TP's or the batch's), if one is open.
    fn writing(&mut self) -> Option<&mut Writer> {
        self.txn.as_mut().or(self.batch.as_mut())
    }

    /// Runs a cursor read in the open write transaction, or in the shared snapshot.
    fn with_cursor<R>(
        &mut self,
        f: impl FnOnce(&mut Cursor, &mut Vec<u8>) -> MdbResult<R>,
    ) -> StoreResult<R> {
        self.settle()?;
        let dbi = self.dbi;
        if let Some(w) = self.txn.as_mut().or(self.batch.as_mut()) {
            let c = w.cursor(dbi).map_err(fail)?;
            return f(c, &mut self.out).map_err(fail);
        }
        let (env, dbi) = (self.env, self.dbi);
        let mut s = lock(&self.snapshot);
        let (r, _) = s.fresh(env, dbi).map_err(fail)?;
        self.walk.pos = Pos::Unknown;
        f(&mut r.cursor, &mut self.out).map_err(fail)
    }

    fn answer(&self, hit: bool) -> Option<&[u8]> {
        hit.then_some(self.out.as_slice())
    }

    /// A seek outside a write transaction: `step` moves the walk's cursor in the shared
    /// snapshot (renewed if someone has committed since, which makes the walk's position
    /// unknown); the key it lands on, if any.
    #[inline(always)]
    fn walk_snapshot(
        &mut self,
        step: impl FnOnce(&mut Walk, &mut Cursor, &Txn) -> MdbResult<bool>,
    ) -> StoreResult<Option<&[u8]>> {
        let (env, dbi) = (self.env, self.dbi);
        let mut s = lock(&self.snapshot);
        let (r, renewed) = s.fresh(env, dbi).map_err(fail)?;
        if renewed {
            self.walk.pos = Pos::Unknown;
        }
        let hit = step(&mut self.walk, &mut r.cursor, &r.txn).map_err(fail)?;
        drop(s);
        Ok(hit.then_some(self.walk.cur.as_slice()))
    }
}

/// The database of globals: opened in a read transaction when it exists (a process that
/// starts does not wait for the write lock), else created.
fn open_globals(env: &Env, gate: &Gate) -> MdbResult<MDB_dbi> {
    let mut r = env.read_txn()?;
    if let Some(dbi) = r.open_db("globals", false)? {
        // Committing the read transaction keeps the handle for the process's life.
        r.commit()?;
        return Ok(dbi);
    }
    drop(r);
    let mut w = gate.write_txn(env)?;
    let dbi = w
        .open_db("globals", true)?
        .ok_or(MdbError(lmdb_master_sys::MDB_NOTFOUND))?;
    w.commit()?;
    Ok(dbi)
}

impl Store for LmdbStore {
    fn get(&mut self, key: &[u8]) -> StoreResult<Option<&[u8]>> {
        self.settle()?;
        let hit = match self.txn.as_ref().or(self.batch.as_ref()) {
            Some(w) => match w.txn.get(self.dbi, key).map_err(fail)? {
                Some(v) => {
                    copy(&mut self.out, v);
                    true
                }
                None => false,
            },
            None => {
                let (env, dbi) = (self.env, self.dbi);
                let mut s = lock(&self.snapshot);
                let (r, renewed) = s.fresh(env, dbi).map_err(fail)?;
                if renewed {
                    self.walk.pos = Pos::Unknown;
                }
                let here = self.walk.get_here(&mut r.cursor, key).map_err(fail)?;
                let value = match here {
                    Some(known) => known,
                    None => r.txn.get(dbi, key).map_err(fail)?,
                };
                match value {
                    Some(v) => {
                        copy(&mut self.out, v);
                        true
                    }
                    None => false,
                }
            }
        };
        Ok(self.answer(hit))
    }

    fn set(&mut self, key: &[u8], value: &[u8]) -> StoreResult<()> {
        self.write(key.len() + value.len(), |w, db| w.txn.put(db, key, value))
    }

    fn delete_range(&mut self, from: &[u8], to: &[u8]) -> StoreResult<()> {
        self.write(from.len(), |w, db| {
            let c = w.cursor(db)?;
            let mut more = matches!(c.seek_near(from)?, Some((k, _)) if k < to);
            while more {
                c.delete_current()?;
                more = matches!(c.step(mdb::NEXT, &[])?, Some((k, _)) if k < to);
            }
            Ok(())
        })
    }

    fn delete(&mut self, key: &[u8]) -> StoreResult<()> {
        self.write(key.len(), |w, db| w.txn.delete(db, key))
    }

    fn seek(&mut self, from: &[u8]) -> StoreResult<Option<&[u8]>> {
        self.settle()?;
        if self.writing().is_some() {
            let hit = self.with_cursor(|c, out| {
                Ok(match c.step(mdb::SET_RANGE, from)? {
                    Some((k, _)) => {
                        copy(out, k);
                        true
                    }
                    None => false,
                })
            })?;
            return Ok(self.answer(hit));
        }
        self.walk_snapshot(|walk, cursor, txn| walk.seek(cursor, txn, from))
    }

    fn seek_back(&mut self, before: &[u8]) -> StoreResult<Option<&[u8]>> {
        self.settle()?;
        if self.writing().is_some() {
            let hit = self.with_cursor(|c, out| seek_back(c, before, out))?;
            return Ok(self.answer(hit));
        }
        self.walk_snapshot(|walk, cursor, _| walk.seek_back(cursor, before))
    }

    fn scan(&mut self, from: &[u8], to: &[u8], visit: Visit) -> StoreResult<()> {
        self.with_cursor(|c, _| scan(c, from, to, visit))
    }

    fn update(&mut self, key: &[u8], update: Update) -> StoreResult<Option<Vec<u8>>> {
        // The cursor stays at the node, so a run of `$INCREMENT`s of one counter finds it
        // without a search, and the new value replaces the old one where it stands.
        // The bound counts the largest value `$INCREMENT` makes (a number's text).
        self.write(key.len() + 64, |w, db| {
            let c = w.cursor(db)?;
            let at = match c.current()? {
                Some((k, v)) if k == key => Some(v),
                _ => c.step(mdb::SET_KEY, key)?.map(|(_, v)| v),
            };
            let here = at.is_some();
            let old = at.map(<[u8]>::to_vec);
            match update(old.as_deref()) {
                Some(new) if here => c.put_current(key, &new).map(|()| Some(new)),
                Some(new) => c.put(key, &new).map(|()| Some(new)),
                None => Ok(old),
            }
        })
    }

    /// TSTART: the batch is committed first (a TROLLBACK must not take it back).
    fn begin(&mut self) -> StoreResult<()> {
        self.end_batch()?;
        if self.txn.is_none() {
            self.snapshot().release();
            self.txn = Some(Writer::new(self.gate.write_txn(self.env).map_err(fail)?));
        }
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        if let Some(t) = self.txn.take() {
            t.commit().map_err(fail)?;
            if self.sync_each_commit {
                self.env.sync().map_err(fail)?;
            }
        }
        Ok(())
    }

    fn rollback(&mut self) {
        self.txn = None;
        self.failed = None;
    }

    fn flush(&mut self) -> StoreResult<()> {
        self.end_batch()?;
        self.snapshot().release();
        self.env.sync().map_err(fail)
    }

    /// Commits the batch: the interpreter is at a point where this process may wait or be
    /// observed (see the module comment).
    fn sync(&mut self) -> StoreResult<()> {
        self.end_batch()
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn refresh(&mut self) {
        self.walk.pos = Pos::Unknown;
    }
}

impl Drop for LmdbStore {
    fn drop(&mut self) {
        self.rollback();
        // The updates outside TP are kept, as at any exit (the interpreter has committed
        // them already unless the process ends some other way).
        let _ = self.end_batch();
        self.snapshot().release();
        let _ = self.env.sync();
    }
}
