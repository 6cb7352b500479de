//! M's operations on global nodes, in terms of names and subscripts: the evaluator's whole
//! view of the database. Keys are made here (`key.rs`) and handed to the store; the store is
//! opened on first use, so a routine that never touches a global pays nothing.

use super::DbConfig;
use super::key::{self, END};
use super::keybuf::KeyBuf;
use super::lmdb::LmdbStore;
use super::postgres::PgStore;
use super::store::{Store, StoreError};
use crate::locals::Key;
use crate::value::Value;

/// Why a global operation failed; the evaluator names the global in the M error it makes.
#[derive(Debug, Clone)]
pub enum DbError {
    /// `^X("")` in a database that does not allow null subscripts (GT.M's default).
    /// `op` names the operation as GT.M's message does ("Update", "$GET()"...).
    NullSubscript {
        op: &'static str,
        location: String,
    },
    /// The key is longer than the database allows.
    KeyTooLong,
    RecordTooBig {
        size: usize,
        max: usize,
    },
    Store(StoreError),
    /// A sandbox: the database is out of reach.
    Restricted,
}

/// Computes a node's new value from its old one (`None`: leave it unchanged).
pub type NodeUpdate<'a> = dyn FnMut(Option<&[u8]>) -> Option<Vec<u8>> + 'a;

/// Sees one node: the global's name, the subscripts, the value; false stops the walk.
pub type NodeVisit<'a> = dyn FnMut(&str, Vec<Key>, &[u8]) -> bool + 'a;

/// An update at TP level 2 or deeper, for TROLLBACK to a level above 0: the level, the key
/// and the value it replaced.
type Undo = (usize, Vec<u8>, Option<Vec<u8>>);

/// A node to load: the global's name, the subscripts, the value.
pub type Node = (String, Vec<Key>, Vec<u8>);

impl From<StoreError> for DbError {
    fn from(e: StoreError) -> Self {
        DbError::Store(e)
    }
}

pub type DbResult<T> = Result<T, DbError>;

pub struct Globals {
    config: DbConfig,
    store: Option<Box<dyn Store>>,
    restricted: bool,
    /// `$TLEVEL`: nesting of TSTART; the store holds one transaction for all levels.
    tlevel: usize,
    /// The key of an operation named by a name and subscripts (see `keybuf.rs`), a reused
    /// buffer for a bound, and the subscripts of the last `$QUERY` answer.
    key: KeyBuf,
    bound: Vec<u8>,
    answer: Vec<Key>,
    /// For TROLLBACK to a level above 0: each update made at level 2 or deeper, newest last.
    undo: Vec<Undo>,
}

impl Globals {
    pub fn new(config: DbConfig) -> Globals {
        Globals {
            config,
            store: None,
            restricted: false,
            tlevel: 0,
            key: KeyBuf::default(),
            bound: Vec::new(),
            answer: Vec::new(),
            undo: Vec::new(),
        }
    }

    pub fn config(&self) -> &DbConfig {
        &self.config
    }

    /// Keeps the database closed: every operation is `DbError::Restricted` (a sandbox).
    pub fn restrict(&mut self) {
        self.store = None;
        self.restricted = true;
    }

    fn store(&mut self) -> DbResult<&mut dyn Store> {
        Ok(self.parts()?.store)
    }

    /// The store (opened on first use) with the key buffers, borrowed apart.
    #[inline]
    fn parts(&mut self) -> DbResult<Parts<'_>> {
        if self.store.is_none() {
            self.open()?;
        }
        match self.store.as_deref_mut() {
            Some(store) => Ok(Parts {
                store,
                bound: &mut self.bound,
                answer: &mut self.answer,
                undo: &mut self.undo,
                tlevel: self.tlevel,
            }),
            None => Err(DbError::Restricted),
        }
    }

    /// Opens the store (a restricted database stays closed: `restrict` dropped it).
    #[cold]
    fn open(&mut self) -> DbResult<()> {
        if self.restricted {
            return Err(DbError::Restricted);
        }
        let opened: Box<dyn Store> = match self.config.postgres_url() {
            Some(url) => Box::new(PgStore::open(url)?),
            None => Box::new(LmdbStore::open(&self.config.location)?),
        };
        self.store = Some(opened);
        Ok(())
    }

    /// Checks a reference's null subscripts: GT.M refuses a `""` anywhere but last ("Access
    /// or update failed"), and last too for the operations that name the node itself
    /// (`op`); `$ORDER`, `$QUERY` and walks take a last `""` (`op` = None). The first
    /// `count` subscripts of `key` are checked.
    #[inline]
    fn check_nulls(&self, key: &KeyBuf, count: usize, op: Option<&'static str>) -> DbResult<()> {
        if let Some(i) = key.first_null().filter(|&i| i < count) {
            let op = match op {
                _ if i + 1 < count => Some("Access or update"),
                op => op,
            };
            if let Some(op) = op {
                let location = self.config.shown();
                return Err(DbError::NullSubscript { op, location });
            }
        }
        Ok(())
    }

    /// The checks of a node's key: null subscripts (see `check_nulls`), length.
    #[inline]
    fn check_key(&self, key: &KeyBuf, op: Option<&'static str>) -> DbResult<()> {
        self.check_nulls(key, key.keys().len(), op)?;
        self.check_length(key.bytes())
    }

    /// GT.M's measure of a key's length counts its final `00`.
    fn check_length(&self, k: &[u8]) -> DbResult<()> {
        if k.len() + 1 > self.config.max_key {
            return Err(DbError::KeyTooLong);
        }
        Ok(())
    }

    /// The value of the node `key` names.
    pub fn get(&mut self, key: &KeyBuf) -> DbResult<Option<Value>> {
        self.check_key(key, Some("$GET()"))?;
        let p = self.parts()?;
        Ok(p.store.get(key.bytes())?.map(Value::from_bytes))
    }

    pub fn set(&mut self, key: &KeyBuf, value: &[u8]) -> DbResult<()> {
        self.check_record(value.len())?;
        self.check_key(key, Some("Update"))?;
        let mut p = self.parts()?;
        p.remember(key.bytes())?;
        Ok(p.store.set(key.bytes(), value)?)
    }

    fn check_record(&self, size: usize) -> DbResult<()> {
        let max = self.config.max_record;
        if size > max {
            return Err(DbError::RecordTooBig { size, max });
        }
        Ok(())
    }

    /// KILL: the node and everything below it.
    pub fn kill(&mut self, key: &KeyBuf) -> DbResult<()> {
        self.check_key(key, Some("KILL"))?;
        let p = self.parts()?;
        let (k, end) = (key.bytes(), &mut *p.bound);
        key::subtree_end_into(end, k);
        if p.tlevel >= 2 {
            let level = p.tlevel;
            let undo = &mut *p.undo;
            p.store.scan(k, end, &mut |k, v| {
                undo.push((level, k.to_vec(), Some(v.to_vec())));
                true
            })?;
        }
        Ok(p.store.delete_range(k, end)?)
    }

    /// ZKILL: the node's value only.
    pub fn zkill(&mut self, key: &KeyBuf) -> DbResult<()> {
        self.check_key(key, Some("KILL"))?;
        let mut p = self.parts()?;
        p.remember(key.bytes())?;
        Ok(p.store.delete(key.bytes())?)
    }

    /// `$DATA(^name(keys))` (see `data_at`).
    pub fn data(&mut self, name: &str, keys: &[Key]) -> DbResult<u8> {
        let mut own = std::mem::take(&mut self.key);
        own.encode(name, keys);
        let d = self.data_at(&own);
        self.key = own;
        d
    }

    /// `$DATA`: 1 for a value, 10 for descendants. Two seeks, not a read and a seek: the
    /// first key at or after the node is the node itself (a value), else its first
    /// descendant if it has one; only after the node itself is a second seek needed. A
    /// store whose seeks follow a cursor answers a run of `$DATA`s by steps.
    pub fn data_at(&mut self, key: &KeyBuf) -> DbResult<u8> {
        self.check_key(key, Some("$DATA()"))?;
        let p = self.parts()?;
        let k = key.bytes();
        let (value, below) = match p.store.seek(k)? {
            Some(found) if found == k => (true, None),
            found => (false, Some(found.is_some_and(|n| n.starts_with(k)))),
        };
        let below = match below {
            Some(below) => below,
            None => {
                after_into(p.bound, k);
                p.store.seek(p.bound)?.is_some_and(|n| n.starts_with(k))
            }
        };
        Ok(value as u8 + 10 * below as u8)
    }

    /// `$ORDER` of the node `key` names: the next or previous subscript at its last
    /// subscript's level, encoded (without its `00`; `KeyBuf::remember` decodes it).
    pub fn order(&mut self, key: &mut KeyBuf, forward: bool) -> DbResult<Option<&[u8]>> {
        let Some(last) = key.keys().last() else {
            return Ok(None);
        };
        let empty = last.is_empty_string();
        self.check_key(key, None)?;
        let parent_len = key.len_through(key.keys().len() - 1);
        let p = self.parts()?;
        let found = order_seek(p.store, key, parent_len, empty, forward)?;
        Ok(found.and_then(|k| subscript_after(k, &key.bytes()[..parent_len])))
    }

    /// `$QUERY` of the node `key` names: the subscripts of the next node with a value.
    /// With `from_start`, a last subscript `""` means the level's beginning.
    pub fn query(&mut self, key: &KeyBuf, from_start: bool) -> DbResult<Option<&[Key]>> {
        let keys = key.keys();
        let count = match keys.split_last() {
            Some((last, parent)) if from_start && last.is_empty_string() => parent.len(),
            _ => keys.len(),
        };
        self.check_nulls(key, count, None)?;
        let k = &key.bytes()[..key.len_through(count)];
        self.check_length(k)?;
        let name_len = key.len_through(0);
        let p = self.parts()?;
        after_into(p.bound, k);
        let found = p.store.seek(p.bound)?;
        let Some(found) = found.filter(|f| f.get(..name_len) == k.get(..name_len)) else {
            return Ok(None);
        };
        p.answer.clear();
        p.answer
            .extend(key::split(found).1.map(key::decode_subscript));
        Ok(Some(p.answer.as_slice()))
    }

    /// `$ORDER(^name)`: the next or previous global that has data.
    pub fn next_name(&mut self, name: &str, forward: bool) -> DbResult<Option<String>> {
        let p = self.parts()?;
        let from = &mut *p.bound;
        from.clear();
        from.extend_from_slice(name.as_bytes());
        let found = if forward {
            from.push(1);
            p.store.seek(from)?
        } else {
            p.store.seek_back(from)?
        };
        Ok(found.map(|k| {
            let (n, _) = key::split(k);
            String::from_utf8_lossy(n).into_owned()
        }))
    }

    /// Replaces a node's value atomically with what `update` makes of the old one
    /// (`$INCREMENT`); `None` from `update` leaves it unchanged.
    pub fn update(&mut self, key: &KeyBuf, update: &mut NodeUpdate<'_>) -> DbResult<Option<Value>> {
        self.check_key(key, Some("$INCREMENT()"))?;
        let max = self.config.max_record;
        let mut too_big = None;
        let mut checked = |old: Option<&[u8]>| {
            too_big = None;
            let new = update(old)?;
            if new.len() > max {
                too_big = Some(new.len());
                return None;
            }
            Some(new)
        };
        let mut p = self.parts()?;
        p.remember(key.bytes())?;
        let v = p.store.update(key.bytes(), &mut checked)?;
        if let Some(size) = too_big {
            return Err(DbError::RecordTooBig { size, max });
        }
        Ok(v.map(Value::from))
    }

    /// Every node with a value at or below `^name(keys)`, in collation order, as its full
    /// subscripts and value; `visit` returns false to stop.
    pub fn walk(
        &mut self,
        name: &str,
        keys: &[Key],
        visit: &mut dyn FnMut(Vec<Key>, Value) -> bool,
    ) -> DbResult<()> {
        // No null check: ZWRITE ^X("") is refused before it gets here.
        let mut own = std::mem::take(&mut self.key);
        own.encode(name, keys);
        let done = self.walk_at(own.bytes(), visit);
        self.key = own;
        done
    }

    fn walk_at(
        &mut self,
        k: &[u8],
        visit: &mut dyn FnMut(Vec<Key>, Value) -> bool,
    ) -> DbResult<()> {
        self.check_length(k)?;
        let p = self.parts()?;
        key::subtree_end_into(p.bound, k);
        p.store.scan(k, p.bound, &mut |key, value| {
            visit(key::decode_keys(key), Value::from(value.to_vec()))
        })?;
        Ok(())
    }

    /// Every node of every global, in order: the global's name, the subscripts, the value.
    pub fn walk_all(&mut self, visit: &mut NodeVisit<'_>) -> DbResult<()> {
        self.store()?.scan(&[1], &[0xFF], &mut |k, v| {
            let (name, _) = key::split(k);
            visit(&String::from_utf8_lossy(name), key::decode_keys(k), v)
        })?;
        Ok(())
    }

    /// Stores every node `nodes` gives (`minim db load`), all or none; each is checked as a
    /// SET would be (null subscripts, key and record sizes). Returns the count.
    pub fn load(
        &mut self,
        nodes: &mut dyn FnMut() -> Option<Result<Node, String>>,
    ) -> DbResult<u64> {
        let (max_key, max_record) = (self.config.max_key, self.config.max_record);
        let mut rows = || {
            let checked = nodes()?.and_then(|(name, keys, value)| {
                if keys.iter().any(Key::is_empty_string) {
                    return Err("a null subscript (the database does not allow them)".into());
                }
                let k = key::encode(&name, &keys);
                if k.len() + 1 > max_key {
                    return Err(format!("a key longer than {max_key} bytes"));
                }
                if value.len() > max_record {
                    return Err(format!("a value longer than {max_record} bytes"));
                }
                Ok((k, value))
            });
            Some(checked)
        };
        Ok(self.store()?.load(&mut rows)?)
    }

    pub fn tlevel(&self) -> usize {
        self.tlevel
    }

    /// TSTART: the outermost level starts the store's transaction.
    pub fn tstart(&mut self) -> DbResult<()> {
        if self.tlevel == 0 {
            self.store()?.begin()?;
        }
        self.tlevel += 1;
        Ok(())
    }

    /// TSTART of a transaction's final try (after `FINAL_TRY` restarts): the store holds
    /// other writers off, so this try cannot lose a conflict (GT.M's final retry).
    pub fn tstart_final(&mut self) -> DbResult<()> {
        if self.tlevel == 0 {
            self.store()?.begin_final()?;
        }
        self.tlevel += 1;
        Ok(())
    }

    /// TCOMMIT: the outermost level makes the updates visible to everyone at once.
    pub fn tcommit(&mut self) -> DbResult<()> {
        if self.tlevel == 1 {
            self.store()?.commit()?;
        }
        let level = self.tlevel;
        self.tlevel = level.saturating_sub(1);
        // The committed level's updates now belong to the level around it; level 1's are
        // undone only by a whole rollback, which needs no log.
        for entry in &mut self.undo {
            if entry.0 == level {
                entry.0 = level - 1;
            }
        }
        self.undo.retain(|e| e.0 >= 2);
        Ok(())
    }

    /// TROLLBACK to level 0: every update since the outermost TSTART is discarded.
    pub fn trollback(&mut self) {
        if let Some(s) = self.store.as_deref_mut() {
            s.rollback();
        }
        self.tlevel = 0;
        self.undo.clear();
    }

    /// TROLLBACK n (0 < n < `$TLEVEL`): the updates of the levels deeper than n are undone,
    /// newest first; the transaction goes on at level n.
    pub fn trollback_to(&mut self, level: usize) -> DbResult<()> {
        while self.undo.last().is_some_and(|e| e.0 > level) {
            let Some((_, k, old)) = self.undo.pop() else {
                break;
            };
            let store = self.store()?;
            match old {
                Some(v) => store.set(&k, &v)?,
                None => store.delete(&k)?,
            }
        }
        self.tlevel = level;
        Ok(())
    }

    /// This process took a LOCK: reads must see what the previous holder committed.
    pub fn lock_taken(&mut self) {
        if let Some(s) = self.store.as_deref_mut() {
            s.refresh();
        }
    }

    /// Sends what this process wrote but has not sent yet (see `Store::sync`): before a
    /// LOCK command and at exit, so that the next holder of a lock, and every process after
    /// this one ends, sees it. A failure is the failure of those earlier SETs.
    pub fn sync(&mut self) -> DbResult<()> {
        match self.store.as_deref_mut() {
            Some(s) => Ok(s.sync()?),
            None => Ok(()),
        }
    }

    /// Makes every commit durable (at exit).
    pub fn flush(&mut self) {
        if let Some(s) = self.store.as_deref_mut() {
            let _ = s.flush();
        }
    }
}

/// The store and the buffers of `Globals`, borrowed apart (see `Globals::parts`).
struct Parts<'a> {
    store: &'a mut dyn Store,
    bound: &'a mut Vec<u8>,
    answer: &'a mut Vec<Key>,
    undo: &'a mut Vec<Undo>,
    tlevel: usize,
}

impl Parts<'_> {
    /// Logs the key's current value before an update at level 2 or deeper.
    fn remember(&mut self, k: &[u8]) -> DbResult<()> {
        if self.tlevel >= 2 {
            let old = self.store.get(k)?.map(<[u8]>::to_vec);
            self.undo.push((self.tlevel, k.to_vec(), old));
        }
        Ok(())
    }
}

/// The seek of `$ORDER` from the key in `here` (its parent `parent_len` bytes long, its
/// last subscript `""` when `empty`), with the bound made in place and then undone.
/// Forward: the first key after the subtree of `here` (from `""`: after the parent
/// itself); backward: the last key before `here` (from `""`: before the end of the
/// parent's subtree).
fn order_seek<'s>(
    store: &'s mut dyn Store,
    here: &mut KeyBuf,
    parent_len: usize,
    empty: bool,
    forward: bool,
) -> DbResult<Option<&'s [u8]>> {
    let b = here.bytes_mut();
    let len = b.len();
    // The bound's length, and the byte changed for it (restored below).
    let (bound_len, changed) = match (forward, empty) {
        // `parent 01 00` -> `parent 00`.
        (true, true) => (parent_len + 1, Some((parent_len, END))),
        (true, false) => (len, Some((len - 1, 1))),
        (false, true) => (parent_len, Some((parent_len - 1, 1))),
        (false, false) => (len - 1, None),
    };
    let old = changed.map(|(at, byte)| std::mem::replace(&mut b[at], byte));
    let bound = &b[..bound_len];
    let found = if forward {
        store.seek(bound)
    } else {
        store.seek_back(bound)
    };
    if let (Some((at, _)), Some(old)) = (changed, old) {
        b[at] = old;
    }
    Ok(found?)
}

/// The smallest key after `k` (a key ending in `00`) into `out`, so that `seek` skips `k`.
fn after_into(out: &mut Vec<u8>, k: &[u8]) {
    out.clear();
    out.extend_from_slice(k);
    out.push(END);
}

/// The encoded subscript (without its `00`) that follows `prefix` in `key`, if `key` is
/// below `prefix`.
fn subscript_after<'k>(key: &'k [u8], prefix: &[u8]) -> Option<&'k [u8]> {
    let rest = key.strip_prefix(prefix)?;
    let end = rest.iter().position(|&b| b == END)?;
    Some(&rest[..end])
}
