//! The embedded store: LMDB (through heed), one memory-mapped file that every minim process
//! on the machine opens at once. LMDB allows one writer at a time across processes (a robust
//! mutex that survives a writer's death) and never blocks readers; a commit is atomic, so a
//! process killed at any moment loses nothing it committed and leaves nothing half-written.
//!
//! Durability follows GT.M without journaling: no fsync per update (the data is in the
//! operating system's cache the moment a commit returns, so only a machine crash can lose it),
//! a flush every second from a background thread and at exit, and, with
//! `MINIM_DB_SYNC=commit`, an fsync at every transaction commit.

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::time::Duration;

use heed::types::Bytes as Raw;
use heed::{Database, Env, EnvFlags, EnvOpenOptions, RoTxn, RwTxn};

use super::store::{Store, StoreError, StoreResult, Update, Visit};

/// The largest the database may grow; address space only (the file grows as data is added).
const MAP_SIZE: usize = 32 << 30;
const MAX_READERS: u32 = 1022;
const FLUSH_EVERY: Duration = Duration::from_secs(1);

type Table = Database<Raw, Raw>;

/// How many keys a forward seek reads ahead.
const AHEAD: usize = 64;

/// Every key in `[start, last of keys]` as of the commit `txn_id` (to the end of the
/// database when `to_end`): a `$ORDER`/`$QUERY` walk is served from it without searching
/// the tree, for as long as nobody commits.
#[derive(Default)]
struct ReadAhead {
    txn_id: usize,
    start: Vec<u8>,
    keys: Vec<Vec<u8>>,
    to_end: bool,
}

impl ReadAhead {
    /// The first key at or after `from`, if this read-ahead knows it.
    fn seek(&self, txn_id: usize, from: &[u8]) -> Option<Option<Vec<u8>>> {
        if txn_id != self.txn_id || self.keys.is_empty() || from < self.start.as_slice() {
            return None;
        }
        let i = self.keys.partition_point(|k| k.as_slice() < from);
        match self.keys.get(i) {
            Some(k) => Some(Some(k.clone())),
            None if self.to_end => Some(None),
            None => None,
        }
    }
}

pub struct LmdbStore {
    env: &'static Env,
    table: Table,
    /// The write transaction of an M transaction (TSTART..TCOMMIT), held to its end.
    txn: Option<RwTxn<'static>>,
    /// The keys after the last forward seek, read ahead in one cursor walk.
    ahead: ReadAhead,
    sync_each_commit: bool,
    dir: PathBuf,
}

fn fail(e: heed::Error) -> StoreError {
    let text = match &e {
        heed::Error::Mdb(heed::MdbError::MapFull) => {
            "the database is full (its map size is reached)".to_string()
        }
        heed::Error::Mdb(heed::MdbError::Invalid) => {
            "the database file is not an LMDB database of this layout (damaged, or made by an \
             incompatible build)"
                .to_string()
        }
        heed::Error::Mdb(heed::MdbError::VersionMismatch) => {
            "the database was made by an incompatible LMDB version".to_string()
        }
        e => e.to_string(),
    };
    StoreError::new(text)
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
        let mut options = EnvOpenOptions::new();
        options
            .map_size(MAP_SIZE)
            .max_readers(MAX_READERS)
            .max_dbs(4);
        // SAFETY: NO_SYNC and WRITE_MAP trade durability against a machine crash (not a
        // process crash) for commit speed; the flusher thread and `flush` bound the loss.
        unsafe { options.flags(EnvFlags::NO_SYNC | EnvFlags::WRITE_MAP) };
        // SAFETY: every minim process opens the file with the same flags, and the
        // environment is opened once per process (it is kept for the process's life).
        let env = unsafe { options.open(dir) }.map_err(|e| {
            let why = fail(e).text;
            StoreError::new(format!(
                "cannot open the database in {}: {why}",
                dir.display()
            ))
        })?;
        // A reader that died holding a slot pins old pages: free such slots at open.
        let _ = env.clear_stale_readers();
        let env: &'static Env = Box::leak(Box::new(env));
        let mut w = env.write_txn().map_err(fail)?;
        let table: Table = env.create_database(&mut w, Some("globals")).map_err(fail)?;
        w.commit().map_err(fail)?;
        std::thread::Builder::new()
            .name("minim-db-flush".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(FLUSH_EVERY);
                    let _ = env.force_sync();
                }
            })
            .map_err(|e| StoreError::new(format!("cannot start the flush thread: {e}")))?;
        Ok(LmdbStore {
            env,
            table,
            txn: None,
            ahead: ReadAhead::default(),
            sync_each_commit: std::env::var("MINIM_DB_SYNC").is_ok_and(|v| v == "commit"),
            dir: dir.to_path_buf(),
        })
    }

    /// Runs a read in the open M transaction, or in a fresh read snapshot.
    fn read<R>(&self, f: impl FnOnce(&RoTxn, Table) -> heed::Result<R>) -> StoreResult<R> {
        match &self.txn {
            Some(t) => f(t, self.table),
            None => {
                let t = self.env.read_txn().map_err(fail)?;
                f(&t, self.table)
            }
        }
        .map_err(fail)
    }

    /// Runs an update in the open M transaction, or in one committed on its own.
    fn write<R>(&mut self, f: impl FnOnce(&mut RwTxn, Table) -> heed::Result<R>) -> StoreResult<R> {
        let table = self.table;
        match &mut self.txn {
            Some(t) => f(t, table).map_err(fail),
            None => {
                let mut t = self.env.write_txn().map_err(fail)?;
                let r = f(&mut t, table).map_err(fail)?;
                t.commit().map_err(fail)?;
                Ok(r)
            }
        }
    }
}

fn range<'a>(from: &'a [u8], to: &'a [u8]) -> (Bound<&'a [u8]>, Bound<&'a [u8]>) {
    (Bound::Included(from), Bound::Excluded(to))
}

impl Store for LmdbStore {
    fn get(&mut self, key: &[u8]) -> StoreResult<Option<Vec<u8>>> {
        self.read(|t, db| Ok(db.get(t, key)?.map(<[u8]>::to_vec)))
    }

    fn set(&mut self, key: &[u8], value: &[u8]) -> StoreResult<()> {
        self.write(|t, db| db.put(t, key, value))
    }

    fn delete_range(&mut self, from: &[u8], to: &[u8]) -> StoreResult<()> {
        self.write(|t, db| db.delete_range(t, &range(from, to)).map(|_| ()))
    }

    fn delete(&mut self, key: &[u8]) -> StoreResult<()> {
        self.write(|t, db| db.delete(t, key).map(|_| ()))
    }

    fn seek(&mut self, from: &[u8]) -> StoreResult<Option<Vec<u8>>> {
        if self.txn.is_some() {
            return self.read(|t, db| {
                Ok(db
                    .get_greater_than_or_equal_to(t, from)?
                    .map(|(k, _)| k.to_vec()))
            });
        }
        let txn_id = self.env.info().last_txn_id;
        if let Some(found) = self.ahead.seek(txn_id, from) {
            return Ok(found);
        }
        let keys = self.read(|t, db| {
            let range = (Bound::Included(from), Bound::Unbounded);
            let mut keys = Vec::with_capacity(AHEAD);
            for entry in db.range(t, &range)?.take(AHEAD) {
                keys.push(entry?.0.to_vec());
            }
            Ok(keys)
        })?;
        let first = keys.first().cloned();
        self.ahead = ReadAhead {
            txn_id,
            start: from.to_vec(),
            to_end: keys.len() < AHEAD,
            keys,
        };
        Ok(first)
    }

    fn seek_back(&mut self, before: &[u8]) -> StoreResult<Option<Vec<u8>>> {
        self.read(|t, db| Ok(db.get_lower_than(t, before)?.map(|(k, _)| k.to_vec())))
    }

    fn scan(&mut self, from: &[u8], to: &[u8], visit: Visit) -> StoreResult<()> {
        self.read(|t, db| {
            for entry in db.range(t, &range(from, to))? {
                let (k, v) = entry?;
                if !visit(k, v) {
                    break;
                }
            }
            Ok(())
        })
    }

    fn update(&mut self, key: &[u8], update: Update) -> StoreResult<Option<Vec<u8>>> {
        self.write(|t, db| {
            let old = db.get(t, key)?.map(<[u8]>::to_vec);
            match update(old.as_deref()) {
                Some(new) => {
                    db.put(t, key, &new)?;
                    Ok(Some(new))
                }
                None => Ok(old),
            }
        })
    }

    fn begin(&mut self) -> StoreResult<()> {
        if self.txn.is_none() {
            self.txn = Some(self.env.write_txn().map_err(fail)?);
        }
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if let Some(t) = self.txn.take() {
            t.commit().map_err(fail)?;
            if self.sync_each_commit {
                self.env.force_sync().map_err(fail)?;
            }
        }
        Ok(())
    }

    fn rollback(&mut self) {
        if let Some(t) = self.txn.take() {
            t.abort();
        }
    }

    fn flush(&mut self) -> StoreResult<()> {
        self.env.force_sync().map_err(fail)
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }
}

impl Drop for LmdbStore {
    fn drop(&mut self) {
        self.rollback();
        let _ = self.env.force_sync();
    }
}
