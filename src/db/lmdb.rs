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
//! cursor stays where the last `$ORDER` left it, so a walk moves one step instead of
//! searching the tree again. A write releases it first, and the flush thread releases one no
//! read used for 5-10 ms: an open snapshot pins the pages freed after it, which writers
//! (this process's or others') would otherwise reuse.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use lmdb_master_sys::MDB_dbi;

use super::mdb::{self, Cursor, Env, MdbError, MdbResult, Txn};
use super::store::{Store, StoreError, StoreResult, Update, Visit};

/// The largest the database may grow; address space only (the file grows as data is added).
const MAP_SIZE: usize = 32 << 30;
const MAX_READERS: u32 = 1022;
/// How often the flush thread looks at a live snapshot. Measured: a snapshot pinned for a
/// second or two while another process committed 30,000 SETs grew the file by 800 MB (every
/// commit took fresh pages), so an idle one must go within a few milliseconds. With no live
/// snapshot the thread sleeps until one is taken or a flush is due: an idle process does not
/// wake 200 times a second.
const TICK: Duration = Duration::from_millis(5);
/// Commits are flushed to disk every second.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// How many cursor steps a seek tries before searching the tree.
const STEPS: usize = 4;
/// Every how many flushes the reader slots of dead processes are freed.
const STALE_CHECK_FLUSHES: u32 = 10;

fn fail(e: MdbError) -> StoreError {
    StoreError::new(e.text())
}

/// What the snapshot's cursor is known to stand at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    Unknown,
    /// At a key, and no key lies in `[lo, that key)`.
    At,
    /// No key lies at or after `lo`.
    End,
}

struct Reader {
    // Declared first: closed before its transaction ends.
    cursor: Cursor,
    txn: Txn,
}

/// The read snapshot shared by the reads outside TP (see the module comment).
struct Snapshot {
    reader: Option<Reader>,
    /// The transaction holds a snapshot (it was not reset since it was renewed).
    live: bool,
    /// The snapshot's transaction id.
    id: usize,
    /// A read used it since the flush thread last looked.
    used: bool,
    pos: Pos,
    lo: Vec<u8>,
    /// The key the cursor stands at, when `pos` is `At`.
    cur: Vec<u8>,
    /// Wakes the flush thread when the snapshot goes live, so that it starts watching it.
    taken: Arc<Condvar>,
}

impl Snapshot {
    /// Makes the snapshot current: renewed when anything was committed since it was taken.
    fn fresh(&mut self, env: &Env, dbi: MDB_dbi) -> MdbResult<&mut Reader> {
        self.used = true;
        let current = self.live && self.id == env.last_txn_id();
        if !current {
            self.pos = Pos::Unknown;
            match &mut self.reader {
                None => {
                    let txn = env.read_txn()?;
                    let cursor = txn.cursor(dbi)?;
                    self.reader = Some(Reader { cursor, txn });
                }
                Some(r) => {
                    if self.live {
                        r.txn.reset();
                        self.live = false;
                    }
                    r.txn.renew()?;
                    r.cursor.renew(&r.txn)?;
                }
            }
            self.live = true;
            self.taken.notify_one();
        }
        match &mut self.reader {
            Some(r) => {
                self.id = r.txn.id();
                Ok(r)
            }
            None => Err(MdbError(lmdb_master_sys::MDB_BAD_TXN)),
        }
    }

    /// Gives the snapshot up (its reader slot stays reserved for the next renewal).
    fn release(&mut self) {
        if let Some(r) = &mut self.reader
            && self.live
        {
            r.txn.reset();
        }
        self.live = false;
        self.pos = Pos::Unknown;
    }

    /// The first key at or after `from`, copied to `out`; from where the cursor stands when
    /// it can (the next key of a walk is one step away).
    fn seek(&mut self, env: &Env, dbi: MDB_dbi, from: &[u8], out: &mut Vec<u8>) -> MdbResult<bool> {
        self.fresh(env, dbi)?;
        let known = self.pos != Pos::Unknown && self.lo.as_slice() <= from;
        let Some(r) = self.reader.as_mut() else {
            return Ok(false);
        };
        if known {
            if self.pos == Pos::End {
                return Ok(false);
            }
            if from <= self.cur.as_slice() {
                copy(out, &self.cur);
                return Ok(true);
            }
            // The cursor's key is before `from`: a few steps forward are cheaper than a
            // search from the root when `from` is near (a walk, or the next sibling after
            // a node with a child or two). No key lies between two steps.
            for _ in 0..STEPS {
                match r.cursor.step(mdb::NEXT, &[])? {
                    None => {
                        copy(&mut self.lo, from);
                        self.pos = Pos::End;
                        return Ok(false);
                    }
                    Some((k, _)) if from <= k => {
                        copy(&mut self.cur, k);
                        copy(out, k);
                        copy(&mut self.lo, from);
                        return Ok(true);
                    }
                    Some(_) => {}
                }
            }
        }
        copy(&mut self.lo, from);
        let hit = match r.cursor.step(mdb::SET_RANGE, from)? {
            Some((k, _)) => {
                copy(&mut self.cur, k);
                copy(out, k);
                true
            }
            None => false,
        };
        self.pos = if hit { Pos::At } else { Pos::End };
        Ok(hit)
    }
}

/// The snapshot, even when a panic left its mutex poisoned (its state is still coherent:
/// every change to it is a single assignment or LMDB call).
fn lock(snapshot: &Mutex<Snapshot>) -> MutexGuard<'_, Snapshot> {
    snapshot.lock().unwrap_or_else(|e| e.into_inner())
}

fn copy(out: &mut Vec<u8>, bytes: &[u8]) {
    out.clear();
    out.extend_from_slice(bytes);
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
    txn: Option<Txn>,
    snapshot: Arc<Mutex<Snapshot>>,
    /// The answer of the last read, which the caller borrows.
    out: Vec<u8>,
    sync_each_commit: bool,
    dir: PathBuf,
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
        let env = Env::open(dir, MAP_SIZE, MAX_READERS, 4, flags).map_err(|e| {
            StoreError::new(format!(
                "cannot open the database in {}: {}",
                dir.display(),
                e.text()
            ))
        })?;
        // A reader that died holding a slot pins old pages: free such slots at open.
        env.clear_stale_readers();
        let env: &'static Env = Box::leak(Box::new(env));
        let mut w = env.write_txn().map_err(fail)?;
        let dbi = w.create_db("globals").map_err(fail)?;
        w.commit().map_err(fail)?;
        let taken = Arc::new(Condvar::new());
        let snapshot = Arc::new(Mutex::new(Snapshot {
            reader: None,
            live: false,
            id: 0,
            used: false,
            pos: Pos::Unknown,
            lo: Vec::new(),
            cur: Vec::new(),
            taken: Arc::clone(&taken),
        }));
        let shared = Arc::clone(&snapshot);
        std::thread::Builder::new()
            .name("minim-db-flush".into())
            .spawn(move || flusher(env, &shared, &taken))
            .map_err(|e| StoreError::new(format!("cannot start the flush thread: {e}")))?;
        Ok(LmdbStore {
            env,
            dbi,
            txn: None,
            snapshot,
            out: Vec::new(),
            sync_each_commit: std::env::var("MINIM_DB_SYNC").is_ok_and(|v| v == "commit"),
            dir: dir.to_path_buf(),
        })
    }

    fn snapshot(&self) -> MutexGuard<'_, Snapshot> {
        lock(&self.snapshot)
    }

    /// Runs an update in the open M transaction, or in one committed on its own.
    fn write<R>(&mut self, f: impl FnOnce(&mut Txn, MDB_dbi) -> MdbResult<R>) -> StoreResult<R> {
        let dbi = self.dbi;
        match &mut self.txn {
            Some(t) => f(t, dbi).map_err(fail),
            None => {
                self.release_snapshot();
                let mut t = self.env.write_txn().map_err(fail)?;
                let r = f(&mut t, dbi).map_err(fail)?;
                t.commit().map_err(fail)?;
                Ok(r)
            }
        }
    }

    /// Runs a cursor read in the open M transaction, or in the shared snapshot.
    fn with_cursor<R>(
        &mut self,
        f: impl FnOnce(&mut Cursor, &mut Vec<u8>) -> MdbResult<R>,
    ) -> StoreResult<R> {
        if let Some(t) = &self.txn {
            let mut c = t.cursor(self.dbi).map_err(fail)?;
            return f(&mut c, &mut self.out).map_err(fail);
        }
        let (env, dbi) = (self.env, self.dbi);
        let mut s = lock(&self.snapshot);
        let r = s.fresh(env, dbi).map_err(fail)?;
        let result = f(&mut r.cursor, &mut self.out).map_err(fail);
        s.pos = Pos::Unknown;
        result
    }

    /// Gives the read snapshot up before a write: while it stays open, pages the writes
    /// free cannot be reused (LMDB keeps them for the snapshot), so every commit would take
    /// fresh pages and the file would grow. The next read takes a new one anyway.
    fn release_snapshot(&self) {
        let mut s = self.snapshot();
        if s.live {
            s.release();
        }
    }

    fn answer(&self, hit: bool) -> Option<&[u8]> {
        hit.then_some(self.out.as_slice())
    }
}

/// The flush thread: releases the snapshot when no read used it for a tick, makes commits
/// durable every second, and now and then frees the reader slots of dead processes.
fn flusher(env: &'static Env, snapshot: &Mutex<Snapshot>, taken: &Condvar) {
    let mut last_flush = Instant::now();
    let mut flushes = 0u32;
    let mut s = lock(snapshot);
    loop {
        let wait = match s.live {
            true => TICK,
            false => FLUSH_EVERY.saturating_sub(last_flush.elapsed()),
        };
        s = match taken.wait_timeout(s, wait) {
            Ok((g, _)) => g,
            Err(e) => e.into_inner().0,
        };
        if !s.used && s.live {
            s.release();
        }
        s.used = false;
        if last_flush.elapsed() >= FLUSH_EVERY {
            // Reads go on while the disk is flushed.
            drop(s);
            let _ = env.sync();
            flushes = flushes.wrapping_add(1);
            if flushes.is_multiple_of(STALE_CHECK_FLUSHES) {
                env.clear_stale_readers();
            }
            last_flush = Instant::now();
            s = lock(snapshot);
        }
    }
}

impl Store for LmdbStore {
    fn get(&mut self, key: &[u8]) -> StoreResult<Option<&[u8]>> {
        let hit = match &self.txn {
            Some(t) => match t.get(self.dbi, key).map_err(fail)? {
                Some(v) => {
                    copy(&mut self.out, v);
                    true
                }
                None => false,
            },
            None => {
                let (env, dbi) = (self.env, self.dbi);
                let mut s = lock(&self.snapshot);
                let r = s.fresh(env, dbi).map_err(fail)?;
                match r.txn.get(dbi, key).map_err(fail)? {
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
        self.write(|t, db| t.put(db, key, value))
    }

    fn delete_range(&mut self, from: &[u8], to: &[u8]) -> StoreResult<()> {
        self.write(|t, db| {
            let mut c = t.cursor(db)?;
            let mut more = matches!(c.step(mdb::SET_RANGE, from)?, Some((k, _)) if k < to);
            while more {
                c.delete_current()?;
                more = matches!(c.step(mdb::NEXT, &[])?, Some((k, _)) if k < to);
            }
            Ok(())
        })
    }

    fn delete(&mut self, key: &[u8]) -> StoreResult<()> {
        self.write(|t, db| t.delete(db, key))
    }

    fn seek(&mut self, from: &[u8]) -> StoreResult<Option<&[u8]>> {
        let hit = if self.txn.is_some() {
            self.with_cursor(|c, out| {
                Ok(match c.step(mdb::SET_RANGE, from)? {
                    Some((k, _)) => {
                        copy(out, k);
                        true
                    }
                    None => false,
                })
            })?
        } else {
            let (env, dbi) = (self.env, self.dbi);
            let mut s = lock(&self.snapshot);
            s.seek(env, dbi, from, &mut self.out).map_err(fail)?
        };
        Ok(self.answer(hit))
    }

    fn seek_back(&mut self, before: &[u8]) -> StoreResult<Option<&[u8]>> {
        let hit = self.with_cursor(|c, out| seek_back(c, before, out))?;
        Ok(self.answer(hit))
    }

    fn scan(&mut self, from: &[u8], to: &[u8], visit: Visit) -> StoreResult<()> {
        self.with_cursor(|c, _| scan(c, from, to, visit))
    }

    fn update(&mut self, key: &[u8], update: Update) -> StoreResult<Option<Vec<u8>>> {
        self.write(|t, db| {
            let old = t.get(db, key)?.map(<[u8]>::to_vec);
            match update(old.as_deref()) {
                Some(new) => {
                    t.put(db, key, &new)?;
                    Ok(Some(new))
                }
                None => Ok(old),
            }
        })
    }

    fn begin(&mut self) -> StoreResult<()> {
        if self.txn.is_none() {
            self.release_snapshot();
            self.txn = Some(self.env.write_txn().map_err(fail)?);
        }
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
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
    }

    fn flush(&mut self) -> StoreResult<()> {
        self.snapshot().release();
        self.env.sync().map_err(fail)
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn refresh(&mut self) {
        self.snapshot().pos = Pos::Unknown;
    }
}

impl Drop for LmdbStore {
    fn drop(&mut self) {
        self.rollback();
        self.snapshot().release();
        let _ = self.env.sync();
    }
}
