//! The LMDB calls the embedded store makes, each behind a small safe method: an environment,
//! transactions and cursors. Every pointer LMDB hands back into the map is turned into a
//! slice that borrows the transaction or cursor it came from, so it cannot outlive it.

use std::ffi::{CStr, CString, c_int, c_uint, c_void};
use std::path::Path;
use std::ptr;

use lmdb_master_sys as ffi;

use super::meta::MetaView;

pub use ffi::{
    MDB_GET_CURRENT as CURRENT, MDB_NEXT as NEXT, MDB_PREV as PREV, MDB_SET_KEY as SET_KEY,
    MDB_SET_RANGE as SET_RANGE,
};
pub use ffi::{MDB_NOSYNC as NO_SYNC, MDB_NOTLS as NO_TLS, MDB_WRITEMAP as WRITE_MAP};

/// An LMDB status code other than success.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MdbError(pub c_int);

pub type MdbResult<T> = Result<T, MdbError>;

impl MdbError {
    pub fn text(self) -> String {
        match self.0 {
            ffi::MDB_MAP_FULL => "the database is full (its map size is reached)".into(),
            ffi::MDB_INVALID => "the database file is not an LMDB database of this layout \
                                 (damaged, or made by an incompatible build)"
                .into(),
            ffi::MDB_VERSION_MISMATCH => {
                "the database was made by an incompatible LMDB version".into()
            }
            code => {
                // SAFETY: mdb_strerror returns a static NUL-terminated string for any code.
                let text = unsafe { CStr::from_ptr(ffi::mdb_strerror(code)) };
                text.to_string_lossy().into_owned()
            }
        }
    }
}

fn check(rc: c_int) -> MdbResult<()> {
    if rc == 0 { Ok(()) } else { Err(MdbError(rc)) }
}

/// `Ok(false)` for MDB_NOTFOUND, so that "no such key" is not an error.
fn found(rc: c_int) -> MdbResult<bool> {
    match rc {
        0 => Ok(true),
        ffi::MDB_NOTFOUND => Ok(false),
        rc => Err(MdbError(rc)),
    }
}

fn val(bytes: &[u8]) -> ffi::MDB_val {
    ffi::MDB_val {
        mv_size: bytes.len(),
        mv_data: bytes.as_ptr() as *mut c_void,
    }
}

const EMPTY: ffi::MDB_val = ffi::MDB_val {
    mv_size: 0,
    mv_data: ptr::null_mut(),
};

/// # Safety
/// `v` must come from LMDB and stay valid for `'a` (its transaction stays open).
unsafe fn bytes<'a>(v: &ffi::MDB_val) -> &'a [u8] {
    if v.mv_size == 0 {
        return &[];
    }
    // SAFETY: LMDB gives a pointer to `mv_size` readable bytes (the caller's contract).
    unsafe { std::slice::from_raw_parts(v.mv_data as *const u8, v.mv_size) }
}

/// An open environment. It is never closed (kept for the process's life), so it is shared
/// as `&'static`; LMDB allows its use from any thread.
pub struct Env {
    ptr: *mut ffi::MDB_env,
    /// The meta pages read directly (see `meta.rs`), when the file has the known layout.
    meta: Option<MetaView>,
}

// SAFETY: an MDB_env may be used by several threads at once (LMDB's own rule); the
// transactions made from it carry their own thread rules.
unsafe impl Send for Env {}
unsafe impl Sync for Env {}

impl Env {
    pub fn open(
        dir: &Path,
        map_size: usize,
        max_readers: u32,
        max_dbs: u32,
        flags: c_uint,
    ) -> MdbResult<Env> {
        let path = CString::new(dir.as_os_str().as_encoded_bytes()).map_err(|_| MdbError(22))?;
        let mut ptr = ptr::null_mut();
        // SAFETY: the calls follow LMDB's order (create, set limits, open); on failure the
        // handle is closed as LMDB requires.
        unsafe {
            check(ffi::mdb_env_create(&mut ptr))?;
            let mut env = Env { ptr, meta: None };
            let opened = check(ffi::mdb_env_set_mapsize(ptr, map_size))
                .and_then(|_| check(ffi::mdb_env_set_maxreaders(ptr, max_readers)))
                .and_then(|_| check(ffi::mdb_env_set_maxdbs(ptr, max_dbs)))
                .and_then(|_| check(ffi::mdb_env_open(ptr, path.as_ptr(), flags, 0o600)));
            if let Err(e) = opened {
                ffi::mdb_env_close(ptr);
                return Err(e);
            }
            let mut fd = -1;
            if ffi::mdb_env_get_fd(ptr, &mut fd) == 0 {
                env.meta = MetaView::open(fd, env.info_txn_id());
            }
            Ok(env)
        }
    }

    /// The id of the last committed transaction, by any process: a cheap look at the
    /// shared meta pages.
    #[inline]
    pub fn last_txn_id(&self) -> usize {
        match &self.meta {
            Some(meta) => meta.last_txn_id(),
            None => self.info_txn_id(),
        }
    }

    fn info_txn_id(&self) -> usize {
        let mut info = std::mem::MaybeUninit::<ffi::MDB_envinfo>::uninit();
        // SAFETY: mdb_env_info fills the struct for an open environment.
        unsafe {
            ffi::mdb_env_info(self.ptr, info.as_mut_ptr());
            info.assume_init().me_last_txnid
        }
    }

    /// The map's size and the number of pages in use (the last page's number + 1), as of
    /// the last commit.
    pub fn pages_used(&self) -> (usize, usize) {
        let mut info = std::mem::MaybeUninit::<ffi::MDB_envinfo>::uninit();
        // SAFETY: mdb_env_info fills the struct for an open environment.
        let info = unsafe {
            ffi::mdb_env_info(self.ptr, info.as_mut_ptr());
            info.assume_init()
        };
        (info.me_mapsize, info.me_last_pgno + 1)
    }

    /// The size of a page.
    pub fn page_size(&self) -> usize {
        let mut stat = std::mem::MaybeUninit::<ffi::MDB_stat>::uninit();
        // SAFETY: mdb_env_stat fills the struct for an open environment.
        let rc = unsafe { ffi::mdb_env_stat(self.ptr, stat.as_mut_ptr()) };
        if rc != 0 {
            return 4096;
        }
        // SAFETY: filled on success.
        unsafe { stat.assume_init() }.ms_psize as usize
    }

    pub fn sync(&self) -> MdbResult<()> {
        // SAFETY: an open environment.
        check(unsafe { ffi::mdb_env_sync(self.ptr, 1) })
    }

    /// Frees the reader slots of dead processes (they pin old pages).
    pub fn clear_stale_readers(&self) {
        let mut dead = 0;
        // SAFETY: an open environment.
        unsafe { ffi::mdb_reader_check(self.ptr, &mut dead) };
    }

    fn begin(&self, flags: c_uint) -> MdbResult<Txn> {
        let mut txn = ptr::null_mut();
        // SAFETY: an open environment; the handle is owned by the returned Txn.
        check(unsafe { ffi::mdb_txn_begin(self.ptr, ptr::null_mut(), flags, &mut txn) })?;
        Ok(Txn { ptr: txn })
    }

    pub fn write_txn(&self) -> MdbResult<Txn> {
        self.begin(0)
    }

    pub fn read_txn(&self) -> MdbResult<Txn> {
        self.begin(ffi::MDB_RDONLY)
    }
}

/// A transaction; aborted when dropped unless committed.
pub struct Txn {
    ptr: *mut ffi::MDB_txn,
}

// SAFETY: the environment is opened with MDB_NOTLS, so a read transaction may move between
// threads when its use is serialised (the store keeps it behind a mutex).
unsafe impl Send for Txn {}

impl Txn {
    /// Opens the named database: creating it when missing (`create`, in a write
    /// transaction), else None when it is missing.
    pub fn open_db(&mut self, name: &str, create: bool) -> MdbResult<Option<ffi::MDB_dbi>> {
        let name = CString::new(name).map_err(|_| MdbError(22))?;
        let flags = if create { ffi::MDB_CREATE } else { 0 };
        let mut dbi = 0;
        // SAFETY: a live transaction (a write transaction when `create`).
        let rc = unsafe { ffi::mdb_dbi_open(self.ptr, name.as_ptr(), flags, &mut dbi) };
        Ok(found(rc)?.then_some(dbi))
    }

    /// The height of a database's tree, as this transaction sees it.
    pub fn depth(&self, dbi: ffi::MDB_dbi) -> MdbResult<usize> {
        let mut stat = std::mem::MaybeUninit::<ffi::MDB_stat>::uninit();
        // SAFETY: a live transaction; the struct is filled on success.
        check(unsafe { ffi::mdb_stat(self.ptr, dbi, stat.as_mut_ptr()) })?;
        Ok(unsafe { stat.assume_init() }.ms_depth as usize)
    }

    pub fn id(&self) -> usize {
        // SAFETY: a live transaction.
        unsafe { ffi::mdb_txn_id(self.ptr) }
    }

    pub fn get(&self, dbi: ffi::MDB_dbi, key: &[u8]) -> MdbResult<Option<&[u8]>> {
        let k = val(key);
        let mut v = EMPTY;
        // SAFETY: a live transaction; the value stays valid while `self` is borrowed.
        unsafe {
            let hit = found(ffi::mdb_get(
                self.ptr,
                dbi,
                &k as *const _ as *mut _,
                &mut v,
            ))?;
            Ok(hit.then(|| bytes(&v)))
        }
    }

    pub fn put(&mut self, dbi: ffi::MDB_dbi, key: &[u8], value: &[u8]) -> MdbResult<()> {
        let (k, mut v) = (val(key), val(value));
        // SAFETY: a live write transaction; LMDB copies key and value.
        check(unsafe { ffi::mdb_put(self.ptr, dbi, &k as *const _ as *mut _, &mut v, 0) })
    }

    pub fn delete(&mut self, dbi: ffi::MDB_dbi, key: &[u8]) -> MdbResult<()> {
        let k = val(key);
        // SAFETY: a live write transaction.
        let rc = unsafe { ffi::mdb_del(self.ptr, dbi, &k as *const _ as *mut _, ptr::null_mut()) };
        found(rc).map(|_| ())
    }

    pub fn cursor(&self, dbi: ffi::MDB_dbi) -> MdbResult<Cursor> {
        let mut c = ptr::null_mut();
        // SAFETY: a live transaction; the cursor is closed before the transaction ends
        // (Cursor borrows nothing, so its owner must keep that order: see `Snapshot`).
        check(unsafe { ffi::mdb_cursor_open(self.ptr, dbi, &mut c) })?;
        Ok(Cursor { ptr: c })
    }

    /// Ends a read transaction's snapshot but keeps its reader slot for `renew`.
    pub fn reset(&mut self) {
        // SAFETY: a live read-only transaction.
        unsafe { ffi::mdb_txn_reset(self.ptr) }
    }

    /// Takes a fresh snapshot in a transaction `reset` ended.
    pub fn renew(&mut self) -> MdbResult<()> {
        // SAFETY: a reset read-only transaction.
        check(unsafe { ffi::mdb_txn_renew(self.ptr) })
    }

    pub fn commit(self) -> MdbResult<()> {
        let ptr = self.ptr;
        std::mem::forget(self);
        // SAFETY: a live transaction, freed by the commit whatever its outcome.
        check(unsafe { ffi::mdb_txn_commit(ptr) })
    }
}

impl Drop for Txn {
    fn drop(&mut self) {
        // SAFETY: a live (or reset) transaction, freed here.
        unsafe { ffi::mdb_txn_abort(self.ptr) }
    }
}

/// A cursor. Its owner closes it before its transaction ends (LMDB's rule for write
/// transactions) and renews it with a renewed read transaction.
pub struct Cursor {
    ptr: *mut ffi::MDB_cursor,
}

// SAFETY: as for `Txn`: used by one thread at a time, behind the store's mutex.
unsafe impl Send for Cursor {}

impl Cursor {
    /// Moves the cursor (`SET_RANGE` to the first key at or after `key`, `NEXT`, `PREV`,
    /// `LAST`) and returns the key and value it reaches, or None past either end.
    pub fn step(
        &mut self,
        op: ffi::MDB_cursor_op,
        key: &[u8],
    ) -> MdbResult<Option<(&[u8], &[u8])>> {
        let (mut k, mut v) = (val(key), EMPTY);
        // SAFETY: a live cursor; the slices stay valid while `self` is borrowed and the
        // transaction is open (the owner's contract).
        unsafe {
            let hit = found(ffi::mdb_cursor_get(self.ptr, &mut k, &mut v, op))?;
            Ok(hit.then(|| (bytes(&k), bytes(&v))))
        }
    }

    /// `step` in the read transaction `txn` (the cursor's own): the key and value it
    /// reaches borrow the transaction, not the cursor, so the cursor may move on while
    /// they are held (a walk compares the key it left with the one it reaches, copying
    /// neither).
    #[inline]
    pub fn step_in<'t>(
        &mut self,
        _txn: &'t Txn,
        op: ffi::MDB_cursor_op,
    ) -> MdbResult<Option<(&'t [u8], &'t [u8])>> {
        let (mut k, mut v) = (EMPTY, EMPTY);
        // SAFETY: a live cursor of the read transaction `txn`. A read transaction's pages
        // are neither changed nor unmapped while it is open, and it stays open (a reset or
        // renewal needs `&mut Txn`) for as long as `'t` borrows it.
        unsafe {
            let hit = found(ffi::mdb_cursor_get(self.ptr, &mut k, &mut v, op))?;
            Ok(hit.then(|| (bytes(&k), bytes(&v))))
        }
    }

    pub fn last(&mut self) -> MdbResult<Option<(&[u8], &[u8])>> {
        self.step(ffi::MDB_LAST, &[])
    }

    /// The key and value the cursor stands at, None when it stands nowhere (never moved,
    /// or past the end).
    pub fn current(&mut self) -> MdbResult<Option<(&[u8], &[u8])>> {
        match self.step(ffi::MDB_GET_CURRENT, &[]) {
            Err(MdbError(libc::EINVAL)) => Ok(None),
            r => r,
        }
    }

    /// The first key at or after `from`: where the cursor stands when that is `from`, a few
    /// steps forward when it stands before (the next kill of a run), else a search.
    pub fn seek_near(&mut self, from: &[u8]) -> MdbResult<Option<(&[u8], &[u8])>> {
        const STEPS: usize = 4;
        let at = match self.current()? {
            Some((k, _)) => k.cmp(from),
            None => std::cmp::Ordering::Greater,
        };
        if at == std::cmp::Ordering::Equal {
            return self.step(ffi::MDB_GET_CURRENT, &[]);
        }
        if at == std::cmp::Ordering::Less {
            for _ in 0..STEPS {
                match self.step(ffi::MDB_NEXT, &[])? {
                    None => return Ok(None),
                    Some((k, _)) if k >= from => return self.step(ffi::MDB_GET_CURRENT, &[]),
                    Some(_) => {}
                }
            }
        }
        self.step(ffi::MDB_SET_RANGE, from)
    }

    /// Replaces the value of the item the cursor stands at (found with `SET_KEY`, or
    /// `current`): no second search of the tree.
    pub fn put_current(&mut self, key: &[u8], value: &[u8]) -> MdbResult<()> {
        let (mut k, mut v) = (val(key), val(value));
        // SAFETY: a live cursor of a write transaction, standing at the item of `key`.
        check(unsafe { ffi::mdb_cursor_put(self.ptr, &mut k, &mut v, ffi::MDB_CURRENT) })
    }

    /// Adds or replaces an item; the cursor stands at it afterwards.
    pub fn put(&mut self, key: &[u8], value: &[u8]) -> MdbResult<()> {
        let (mut k, mut v) = (val(key), val(value));
        // SAFETY: a live cursor of a write transaction; LMDB copies key and value.
        check(unsafe { ffi::mdb_cursor_put(self.ptr, &mut k, &mut v, 0) })
    }

    /// Deletes the item the cursor stands at; `NEXT` then reaches the one after it.
    pub fn delete_current(&mut self) -> MdbResult<()> {
        // SAFETY: a live cursor of a write transaction, standing at an item.
        check(unsafe { ffi::mdb_cursor_del(self.ptr, 0) })
    }

    /// Binds the cursor to a renewed read transaction.
    pub fn renew(&mut self, txn: &Txn) -> MdbResult<()> {
        // SAFETY: both live; the transaction is read-only.
        check(unsafe { ffi::mdb_cursor_renew(txn.ptr, self.ptr) })
    }
}

impl Drop for Cursor {
    fn drop(&mut self) {
        // SAFETY: a live cursor, closed once.
        unsafe { ffi::mdb_cursor_close(self.ptr) }
    }
}

/// A write transaction with one cursor kept open across its updates, so that a
/// read-modify-write or a range delete near the last one starts from where the cursor
/// stands instead of opening a cursor and searching the tree. LMDB keeps the cursors of a
/// write transaction in place as other updates change its pages.
pub struct Writer {
    // Declared first: closed before the transaction ends.
    cursor: Option<Cursor>,
    pub txn: Txn,
}

impl Writer {
    pub fn new(txn: Txn) -> Writer {
        Writer { cursor: None, txn }
    }

    /// The cursor, opened on first use.
    pub fn cursor(&mut self, dbi: ffi::MDB_dbi) -> MdbResult<&mut Cursor> {
        if self.cursor.is_none() {
            self.cursor = Some(self.txn.cursor(dbi)?);
        }
        match &mut self.cursor {
            Some(c) => Ok(c),
            None => Err(MdbError(ffi::MDB_BAD_TXN)),
        }
    }

    pub fn commit(self) -> MdbResult<()> {
        let Writer { cursor, txn } = self;
        drop(cursor);
        txn.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(c: &mut Cursor, from: &[u8]) -> Option<Vec<u8>> {
        c.seek_near(from).expect("seek").map(|(k, _)| k.to_vec())
    }

    #[test]
    fn seek_near_finds_the_first_key_at_or_after_from_wherever_the_cursor_stands() {
        let dir = std::env::temp_dir().join(format!("minim-mdb-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let env = Env::open(&dir, 1 << 20, 8, 2, NO_TLS).expect("env");
        let mut w = Writer::new(env.write_txn().expect("txn"));
        let dbi = w.txn.open_db("t", true).expect("db").expect("created");
        for k in [b"b", b"d", b"f", b"h", b"j", b"l", b"n", b"p"] {
            w.txn.put(dbi, k, b"v").expect("put");
        }
        let c = w.cursor(dbi).expect("cursor");
        // A fresh cursor stands nowhere: a search.
        assert_eq!(keys(c, b"c").as_deref(), Some(&b"d"[..]));
        // Standing at `from` itself: that key, not the next.
        assert_eq!(keys(c, b"d").as_deref(), Some(&b"d"[..]));
        // Before `from`: steps forward, within reach and beyond it.
        assert_eq!(keys(c, b"e").as_deref(), Some(&b"f"[..]));
        assert_eq!(keys(c, b"o").as_deref(), Some(&b"p"[..]));
        // After `from`: a search back.
        assert_eq!(keys(c, b"a").as_deref(), Some(&b"b"[..]));
        assert_eq!(keys(c, b"q"), None);
        // After a delete the cursor stands at the next key; the deleted one is gone.
        assert_eq!(keys(c, b"h").as_deref(), Some(&b"h"[..]));
        c.delete_current().expect("delete");
        assert_eq!(keys(c, b"h").as_deref(), Some(&b"j"[..]));
        assert_eq!(keys(c, b"g").as_deref(), Some(&b"j"[..]));
        drop(w);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_meta_pages_read_directly_give_the_id_lmdb_gives_after_every_commit() {
        let dir = std::env::temp_dir().join(format!("minim-meta-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let env = Env::open(&dir, 1 << 20, 8, 2, NO_TLS | WRITE_MAP).expect("env");
        let meta = env.meta.as_ref().expect("the file has LMDB's known layout");
        let mut w = env.write_txn().expect("txn");
        let dbi = w.open_db("t", true).expect("db").expect("created");
        w.commit().expect("commit");
        // Several commits, so that both meta pages take turns.
        for i in 0..5u8 {
            let before = meta.last_txn_id();
            let mut w = env.write_txn().expect("txn");
            w.put(dbi, &[i], b"v").expect("put");
            w.commit().expect("commit");
            assert_eq!(meta.last_txn_id(), before + 1);
            assert_eq!(meta.last_txn_id(), env.info_txn_id());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
