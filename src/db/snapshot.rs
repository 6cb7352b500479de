//! The read snapshot that the embedded store's reads outside TP share (see `lmdb.rs`): one
//! LMDB read transaction kept open from read to read and renewed as soon as anyone has
//! committed since it was taken, with a cursor that stays where the last `$ORDER` left it.

use std::cmp::Ordering;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use lmdb_master_sys::MDB_dbi;

use super::mdb::{self, Cursor, Env, MdbError, MdbResult, Txn};

/// How many cursor steps a seek tries before searching the tree.
const STEPS: usize = 4;

/// What the snapshot's cursor is known to stand at.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Pos {
    Unknown,
    /// At the key `cur`, and no key lies between `lo` and it.
    At,
    /// No key lies after `lo`.
    End,
}

/// Where the snapshot's cursor stands, as far as the last seeks tell: a seek from a key
/// in the known gap before the cursor is answered without LMDB, one just past it by a
/// step. Kept apart from the snapshot (the flush thread never touches it); a renewed
/// snapshot makes it `Unknown`.
pub(super) struct Walk {
    pub(super) pos: Pos,
    /// The gap's start: excluded when `lo_open` (the key the cursor stood at before its
    /// last step), else included (where the last search began).
    lo: Vec<u8>,
    lo_open: bool,
    /// The key the cursor stands at, when `pos` is `At`: the answer of the last seek.
    pub(super) cur: Vec<u8>,
}

pub(super) struct Reader {
    // Declared first: closed before its transaction ends.
    pub(super) cursor: Cursor,
    pub(super) txn: Txn,
}

/// The read snapshot shared by the reads outside TP (see the module comment).
pub(super) struct Snapshot {
    pub(super) reader: Option<Reader>,
    /// The transaction holds a snapshot (it was not reset since it was renewed).
    pub(super) live: bool,
    /// The snapshot's transaction id.
    pub(super) id: usize,
    /// A read used it since the flush thread last looked.
    pub(super) used: bool,
    /// Wakes the flush thread when the snapshot goes live or a batch of updates begins,
    /// so that it starts watching them.
    pub(super) taken: Arc<Condvar>,
    /// When this process's open batch of updates outside TP began (see `lmdb.rs`): the
    /// flush thread watches its age. Kept here, under the one mutex the thread waits on.
    pub(super) batch_since: Option<Instant>,
}

impl Snapshot {
    /// Makes the snapshot current: renewed when anything was committed since it was taken
    /// (then the second answer is true: its cursor stands nowhere).
    #[inline]
    pub(super) fn fresh(&mut self, env: &Env, dbi: MDB_dbi) -> MdbResult<(&mut Reader, bool)> {
        self.used = true;
        let current = self.live && self.id == env.last_txn_id();
        if !current {
            self.renew(env, dbi)?;
        }
        match &mut self.reader {
            Some(r) => Ok((r, !current)),
            None => Err(MdbError(lmdb_master_sys::MDB_BAD_TXN)),
        }
    }

    #[cold]
    fn renew(&mut self, env: &Env, dbi: MDB_dbi) -> MdbResult<()> {
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
        if let Some(r) = &self.reader {
            self.id = r.txn.id();
        }
        self.taken.notify_one();
        Ok(())
    }

    /// Gives the snapshot up (its reader slot stays reserved for the next renewal).
    pub(super) fn release(&mut self) {
        if let Some(r) = &mut self.reader
            && self.live
        {
            r.txn.reset();
        }
        self.live = false;
    }
}

impl Walk {
    pub(super) fn new() -> Walk {
        Walk {
            pos: Pos::Unknown,
            lo: Vec::new(),
            lo_open: false,
            cur: Vec::new(),
        }
    }

    /// Whether no key lies between `lo` and `from` (`from` excluded).
    #[inline(always)]
    fn known(&self, from: &[u8]) -> bool {
        match self.pos {
            Pos::Unknown => false,
            _ if self.lo_open => key_cmp(&self.lo, from) == Ordering::Less,
            _ => key_cmp(&self.lo, from) != Ordering::Greater,
        }
    }

    /// The value of `key` when where the cursor stands tells it without a search: the
    /// node the cursor stands at (a `$GET` of the node a `$ORDER` just named) or a key in
    /// the gap before it (no value). None: not known. A search is left to the caller, which
    /// makes it without moving the cursor (from the root it costs less than a search that
    /// first looks at the cursor's page, when the key is far).
    #[inline]
    pub(super) fn get_here<'c>(
        &self,
        c: &'c mut Cursor,
        key: &[u8],
    ) -> MdbResult<Option<Option<&'c [u8]>>> {
        if !self.known(key) {
            return Ok(None);
        }
        if self.pos == Pos::End {
            return Ok(Some(None));
        }
        Ok(match key_cmp(key, &self.cur) {
            Ordering::Less => Some(None),
            Ordering::Equal => Some(c.step(mdb::CURRENT, &[])?.map(|(_, v)| v)),
            Ordering::Greater => None,
        })
    }

    /// The last key before `before` into `cur` (false: none): a few steps back from where
    /// the cursor stands when that is at or after `before` (a walk backwards), else a
    /// search. The cursor stays at the answer, with no gap known before it.
    pub(super) fn seek_back(&mut self, c: &mut Cursor, before: &[u8]) -> MdbResult<bool> {
        if self.pos == Pos::At && key_cmp(&self.cur, before) != Ordering::Less {
            for _ in 0..STEPS {
                match c.step(mdb::PREV, &[])? {
                    None => {
                        self.pos = Pos::Unknown;
                        return Ok(false);
                    }
                    Some((k, _)) if key_cmp(k, before) == Ordering::Less => {
                        self.stand_at(k);
                        return Ok(true);
                    }
                    Some(_) => {}
                }
            }
        }
        let found = match c.step(mdb::SET_RANGE, before)? {
            Some(_) => c.step(mdb::PREV, &[])?,
            None => c.last()?,
        };
        match found {
            Some((k, _)) => {
                self.stand_at(k);
                Ok(true)
            }
            None => {
                self.pos = Pos::Unknown;
                Ok(false)
            }
        }
    }

    /// The cursor stands at `k`, and nothing is known of the keys before it.
    fn stand_at(&mut self, k: &[u8]) {
        copy(&mut self.cur, k);
        copy(&mut self.lo, k);
        self.lo_open = false;
        self.pos = Pos::At;
    }

    /// The first key at or after `from` into `cur` (false: none), from where the cursor
    /// of the current snapshot stands when it can: the next key of a walk is a step or two
    /// away, and a key in the gap before the cursor is answered without LMDB.
    #[inline]
    pub(super) fn seek(&mut self, c: &mut Cursor, txn: &Txn, from: &[u8]) -> MdbResult<bool> {
        match self.pos {
            Pos::At => match key_cmp(from, &self.cur) {
                Ordering::Greater => return self.step_to(c, txn, from),
                Ordering::Equal => return Ok(true),
                Ordering::Less if self.known(from) => return Ok(true),
                Ordering::Less => {}
            },
            Pos::End if self.known(from) => return Ok(false),
            _ => {}
        }
        self.search(c, from)
    }

    /// `seek` from a key after the cursor's: a few steps forward are cheaper than a search
    /// from the root when `from` is near (a walk, or the next sibling after a node with a
    /// child or two). The keys stepped over are compared where they lie; only the answer
    /// and the key before it (the start of the gap now known) are copied.
    fn step_to(&mut self, c: &mut Cursor, txn: &Txn, from: &[u8]) -> MdbResult<bool> {
        // The key before the one reached; None: `cur`, where the cursor stood.
        let mut before: Option<&[u8]> = None;
        for _ in 0..STEPS {
            let reached = c.step_in(txn, mdb::NEXT)?;
            match reached {
                Some((k, _)) if key_cmp(from, k) == Ordering::Greater => before = Some(k),
                _ => {
                    match before {
                        Some(b) => copy(&mut self.lo, b),
                        None => std::mem::swap(&mut self.lo, &mut self.cur),
                    }
                    self.lo_open = true;
                    let Some((k, _)) = reached else {
                        self.pos = Pos::End;
                        return Ok(false);
                    };
                    copy(&mut self.cur, k);
                    return Ok(true);
                }
            }
        }
        self.search(c, from)
    }

    /// `seek` by a search from the root.
    fn search(&mut self, c: &mut Cursor, from: &[u8]) -> MdbResult<bool> {
        copy(&mut self.lo, from);
        self.lo_open = false;
        let hit = match c.step(mdb::SET_RANGE, from)? {
            Some((k, _)) => {
                copy(&mut self.cur, k);
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
pub(super) fn lock(snapshot: &Mutex<Snapshot>) -> MutexGuard<'_, Snapshot> {
    snapshot.lock().unwrap_or_else(|e| e.into_inner())
}

/// Byte order of two keys, eight bytes at a time, then four, then one, without a call:
/// keys are short (a name and a few subscripts), and a walk compares several per step.
#[inline]
pub(super) fn key_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let (mut x, mut y) = (a, b);
    while let (Some((p, rest_x)), Some((q, rest_y))) =
        (x.split_first_chunk::<8>(), y.split_first_chunk::<8>())
    {
        if p != q {
            return u64::from_be_bytes(*p).cmp(&u64::from_be_bytes(*q));
        }
        (x, y) = (rest_x, rest_y);
    }
    if let (Some((p, rest_x)), Some((q, rest_y))) =
        (x.split_first_chunk::<4>(), y.split_first_chunk::<4>())
    {
        if p != q {
            return u32::from_be_bytes(*p).cmp(&u32::from_be_bytes(*q));
        }
        (x, y) = (rest_x, rest_y);
    }
    for (p, q) in x.iter().zip(y) {
        if p != q {
            return p.cmp(q);
        }
    }
    x.len().cmp(&y.len())
}

pub(super) fn copy(out: &mut Vec<u8>, bytes: &[u8]) {
    out.clear();
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_cmp_is_byte_order() {
        let keys: [&[u8]; 17] = [
            b"",
            b"X",
            b"X\0",
            b"X\0\xC3",
            b"X\0\xC3\x13",
            b"X\0\xC3\x13\x35\x51\0",
            b"X\0\xC3\x13\x35\x51\x01",
            b"X\0\xC3\x14\0",
            b"X\0\xBF\x11\0",
            b"X\0\xBF\x11\x01",
            b"X\0\xBF\x11\0\xFFname\0",
            b"X\0\xBF\x11\0\xFFnamf\0",
            b"X\0\xBF\x11\0\xFFname\0\x80\0",
            b"X\0\xC0\x11\0",
            b"XY\0\xFFabcdefghijklmnop\0",
            b"XY\0\xFFabcdefghijklmnoq\0",
            b"\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(key_cmp(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}

#[cfg(test)]
mod walk_tests {
    use super::*;
    use crate::db::mdb::NO_TLS;

    /// Every seek (forwards, in the gap before the cursor, backwards, past the end) answers
    /// what a search from the root answers, whatever the walk did before.
    #[test]
    fn a_walk_answers_every_seek_as_a_search_does() {
        let dir = std::env::temp_dir().join(format!("minim-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let env = Env::open(&dir, 1 << 20, 8, 2, NO_TLS).expect("env");
        let mut w = env.write_txn().expect("txn");
        let dbi = w.open_db("t", true).expect("db").expect("created");
        let stored: Vec<Vec<u8>> = (0..40u8).map(|i| vec![b'k', 10 + 3 * i]).collect();
        for k in &stored {
            w.put(dbi, k, b"v").expect("put");
        }
        w.commit().expect("commit");
        let txn = env.read_txn().expect("read");
        let mut cursor = txn.cursor(dbi).expect("cursor");
        let mut walk = Walk::new();
        // From each key, its successor, a key between, far jumps both ways, the ends.
        let mut froms: Vec<Vec<u8>> = Vec::new();
        for i in 0..130u8 {
            froms.push(vec![b'k', i]);
            froms.push(vec![b'k', i.wrapping_mul(37)]);
            froms.push(vec![b'k', i, 1]);
        }
        froms.push(b"a".to_vec());
        froms.push(b"z".to_vec());
        for (n, from) in froms.iter().enumerate() {
            let expected = stored.iter().find(|k| k.as_slice() >= from.as_slice());
            let hit = walk.seek(&mut cursor, &txn, from).expect("seek");
            assert_eq!(
                hit.then_some(&walk.cur),
                expected,
                "seek #{n} from {from:?}"
            );
            if n % 7 == 0 {
                let before = stored.iter().rev().find(|k| k.as_slice() < from.as_slice());
                let hit = walk.seek_back(&mut cursor, from).expect("seek back");
                assert_eq!(hit.then_some(&walk.cur), before, "back #{n} from {from:?}");
            }
        }
        drop(cursor);
        drop(txn);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
