//! State the string built-ins keep between calls, so a loop does no per-call setup:
//! where the pieces of the last string cut by `$PIECE` start (a loop over `j` in
//! `$PIECE(s,d,j)` finds each piece without a search, as GT.M's piece cache does) and the
//! recent `$TRANSLATE` tables.
//!
//! The piece cache is keyed by the string's shared buffer: a buffer is written in place
//! only by its sole owner (`Value::append`, `Value::splice_in_place`), and the cache holds a
//! reference to it, so the same buffer address and length mean the same bytes. Short
//! strings are cheap to rescan and are not cached.

use std::rc::Rc;

use super::strscan::bytes16::{count_in_set, shift_into, shift_range};
use super::strscan::{bytes_equal, piece_start, pieces_end, word_at};
use crate::value::{INLINE, Value, copy_few};

/// Strings up to this long are scanned again on every call: a few words, cheaper than
/// taking the cache over when a loop reads several such strings in turn (`$TEXT` lines,
/// records).
const CACHED_FROM: usize = 64;

#[derive(Default)]
pub(super) struct PieceCache {
    /// The string whose pieces are known (holding its buffer), with its address and length.
    text: Option<Value>,
    key: (usize, usize),
    /// The one-byte delimiter they were found for.
    delim: u8,
    /// Where each piece starts: `starts[k]` is the offset of piece `k + 1`.
    starts: Vec<u32>,
    /// How far the string was searched for delimiters (all of it when `scanned == len`).
    scanned: usize,
}

impl PieceCache {
    /// `$PIECE(s,d,from,to)`.
    #[inline]
    pub(super) fn piece<'a>(&mut self, s: &'a Value, d: &Value, from: i64, to: i64) -> &'a [u8] {
        self.piece_of_bytes(s, d.bytes(), from, to)
    }

    /// `piece` with the delimiter's bytes.
    #[inline]
    fn piece_of_bytes<'a>(&mut self, s: &'a Value, d: &[u8], from: i64, to: i64) -> &'a [u8] {
        let from = from.max(1);
        if to < from {
            return &[];
        }
        let text = s.bytes();
        match d {
            [] => &[],
            &[c] if text.len() > CACHED_FROM => match s.shared_ptr() {
                Some(ptr) => self.piece_of(s, text, (ptr as usize, text.len()), c, from, to),
                None => cut(text, &[c], from, to),
            },
            delim => cut(text, delim, from, to),
        }
    }

    /// `piece` for the one-byte delimiter `c`: when the cache holds `s` and knows where
    /// piece `to + 1` starts (a loop over the pieces of a record), the pieces are cut
    /// without a search or a call.
    #[inline(always)]
    pub(super) fn piece_byte<'a>(&mut self, s: &'a Value, c: u8, from: i64, to: i64) -> &'a [u8] {
        let text = s.bytes();
        // A short text, which the cache does not hold, is searched in place: a call costs
        // more than its few words.
        if text.len() <= CACHED_FROM {
            return cut_short(text, c, from, to);
        }
        if from >= 1
            && to >= from
            && self.delim == c
            && let Some(ptr) = s.shared_ptr()
            && self.key == (ptr as usize, text.len())
            && let (Some(&start), Some(&next)) = (
                self.starts.get(from as usize - 1),
                self.starts.get(to as usize),
            )
        {
            return &text[start as usize..next as usize - 1];
        }
        self.piece_byte_searched(s, c, from, to)
    }

    /// `piece_byte` when the cache does not know the pieces yet.
    #[inline(never)]
    fn piece_byte_searched<'a>(&mut self, s: &'a Value, c: u8, from: i64, to: i64) -> &'a [u8] {
        self.piece_of_bytes(s, &[c], from, to)
    }

    /// Pieces `from..=to` of `text`, the text of a shared string `s` (at `key`), cut by
    /// the byte `c`.
    #[inline]
    fn piece_of<'a>(
        &mut self,
        s: &Value,
        text: &'a [u8],
        key: (usize, usize),
        c: u8,
        from: i64,
        to: i64,
    ) -> &'a [u8] {
        // The key is never (0, 0) while the cache holds a string (`release`), and a held
        // buffer's address is not 0.
        if self.key != key || self.delim != c {
            self.start_over(s, key, c);
        }
        // Index `to` is the start of the piece after the last one asked for.
        let want = usize::try_from(to).unwrap_or(usize::MAX);
        if self.starts.len() <= want && self.scanned < text.len() {
            self.scan(text, c, want);
        }
        let Some(&start) = self.starts.get(from as usize - 1) else {
            return &[];
        };
        let end = match self.starts.get(want) {
            Some(&next) => next as usize - 1,
            None => text.len(),
        };
        &text[start as usize..end]
    }

    /// SET `$PIECE(s,d,from,to)=v` of `s`, in place (`Value::splice_in_place`), when the
    /// cache holds `s`'s buffer for the one-byte delimiter `d` and its piece `from` is
    /// there; the cache goes on holding the changed string, its piece starts moved, so a
    /// loop setting and reading the pieces of a record searches it once. False, nothing
    /// done (the cache let go of `s`), otherwise. `d` is not empty, `1 <= from <= to`, and
    /// the caller checks the length of the result against MAXSTRLEN (`max_len`).
    pub(super) fn set_held(
        &mut self,
        s: &mut Value,
        d: &[u8],
        from: i64,
        to: i64,
        v: &[u8],
        max_len: usize,
    ) -> bool {
        let Some(ptr) = s.shared_ptr() else {
            return false;
        };
        let len = s.len();
        if self.key != (ptr as usize, len) {
            return false;
        }
        // From here on the cache lets go of `s` unless the change is done, so that `s` can
        // be written in place by its caller and the starts found are not used again.
        let held = self.text.take();
        self.key = (0, 0);
        let &[c] = d else {
            return false;
        };
        if self.delim != c {
            return false;
        }
        let want = usize::try_from(to).unwrap_or(usize::MAX);
        if self.starts.len() <= want && self.scanned < len {
            self.scan(s.bytes(), c, want);
        }
        let Some(&start) = self.starts.get(from as usize - 1) else {
            return false;
        };
        let (start, end) = match self.starts.get(want) {
            Some(&next) => (start as usize, next as usize - 1),
            None => (start as usize, len),
        };
        let new_len = len - (end - start) + v.len();
        drop(held);
        if new_len > max_len || !s.splice_in_place(start, end, v) {
            return false;
        }
        self.moved(start, end, from as usize, v, c);
        self.key = (s.shared_ptr().map_or(0, |p| p as usize), new_len);
        self.text = Some(s.clone());
        true
    }

    /// The piece starts after bytes `start..end`, pieces `from..=to` (`start` is where
    /// piece `from` starts), were replaced by `v`: the same when one piece was replaced by
    /// text without the delimiter `c` and its end is known, found again from `start` on
    /// otherwise.
    fn moved(&mut self, start: usize, end: usize, from: usize, v: &[u8], c: u8) {
        let next = from; // the index of the start of the piece after piece `from`
        let same_count = self
            .starts
            .get(next)
            .is_some_and(|&n| n as usize - 1 == end);
        if same_count && !v.contains(&c) {
            let grow = v.len() as i64 - (end - start) as i64;
            if grow != 0 {
                for p in &mut self.starts[next..] {
                    *p = (*p as i64 + grow) as u32;
                }
                self.scanned = (self.scanned as i64 + grow) as usize;
            }
        } else {
            self.starts.truncate(from);
            self.scanned = start;
        }
    }

    #[cold]
    fn start_over(&mut self, s: &Value, key: (usize, usize), c: u8) {
        self.text = Some(s.clone());
        self.key = key;
        self.delim = c;
        self.starts.clear();
        self.starts.push(0);
        self.scanned = 0;
    }

    /// Finds delimiters on from where the last search stopped, a word at a time, until the
    /// start of piece `want + 1` is known or the string ends.
    fn scan(&mut self, text: &[u8], c: u8, want: usize) {
        let mut i = self.scanned;
        while i + 8 <= text.len() {
            let mut hits = bytes_equal(word_at(text, i), c);
            while hits != 0 {
                let at = i + (hits.trailing_zeros() / 8) as usize;
                self.starts.push(at as u32 + 1);
                hits &= hits - 1;
            }
            i += 8;
            if self.starts.len() > want {
                self.scanned = i;
                return;
            }
        }
        for (j, &b) in text[i..].iter().enumerate() {
            if b == c {
                self.starts.push((i + j) as u32 + 1);
            }
        }
        self.scanned = text.len();
    }

    /// Lets go of `ptr`'s buffer when the cache holds it, so that its owner can write it in
    /// place (the pieces found are then stale).
    #[inline]
    pub(super) fn release(&mut self, ptr: *const u8) {
        if self.key.0 == ptr as usize {
            self.text = None;
            self.key = (0, 0);
        }
    }
}

/// `$PIECE(text,c,from,to)` of a short text, which the cache does not hold: searched.
#[inline]
fn cut_short(text: &[u8], c: u8, from: i64, to: i64) -> &[u8] {
    let from = from.max(1);
    if to < from {
        return &[];
    }
    cut(text, &[c], from, to)
}

/// Pieces `from..=to` of `text` cut by a delimiter that is not empty, found by a search
/// (`from >= 1`).
#[inline]
fn cut<'a>(text: &'a [u8], delim: &[u8], from: i64, to: i64) -> &'a [u8] {
    match piece_start(text, delim, from) {
        Some(start) => &text[start..pieces_end(text, delim, start, from, to)],
        None => &[],
    }
}

/// The caches of the string built-ins, one field of the interpreter so that a handler can
/// use them while it reads a local in place.
#[derive(Default)]
pub(super) struct StrCaches {
    pub(super) pieces: PieceCache,
    pub(super) tables: TranslateTables,
}

/// How many `$TRANSLATE` tables are kept: a loop usually has one or two call sites.
const TABLES: usize = 4;

/// A `$TRANSLATE` table and the `from` and `to` arguments it was made for.
struct Table {
    from: Value,
    to: Option<Value>,
    /// Per byte: its replacement (itself when `from` does not have it).
    map: [u8; 256],
    /// Per byte: 1 when it is kept, 0 when deleted.
    keep: [u8; 256],
    deletes: bool,
    /// `(lo, n, k)` when the table deletes nothing and moves only the bytes `lo..lo + n`,
    /// each by `k` (case folding): translated sixteen bytes at a time.
    shift: Option<(u8, u8, u8)>,
    /// The deleted bytes, when there are at most `FEW_DELETED` (the first repeated to fill
    /// the set): counted sixteen places at a time.
    few_deleted: Option<[[u8; 16]; FEW_DELETED]>,
}

/// Up to this many deleted bytes are counted by comparing each with sixteen places at once.
const FEW_DELETED: usize = 6;

/// `(lo, n, k)` when the bytes `map` moves are one range `lo..lo + n`, each moved by `k`.
fn one_shift(map: &[u8; 256]) -> Option<(u8, u8, u8)> {
    let moved = |c: &usize| map[*c] as usize != *c;
    let lo = (0..256).find(moved)?;
    let hi = (0..256).rev().find(moved)?;
    let k = map[lo].wrapping_sub(lo as u8);
    let same_move = (lo..=hi).all(|c| map[c] == (c as u8).wrapping_add(k));
    (hi - lo < 255 && same_move).then_some((lo as u8, (hi - lo + 1) as u8, k))
}

/// The bytes `keep` deletes, when there are one to `FEW_DELETED` (the first repeated to
/// fill the set).
fn few_deleted(keep: &[u8; 256]) -> Option<[[u8; 16]; FEW_DELETED]> {
    let mut deleted = (0..256).filter(|&c| keep[c] == 0).map(|c| c as u8);
    let first = deleted.next()?;
    let mut set = [first; FEW_DELETED];
    for (i, c) in deleted.enumerate() {
        *set.get_mut(i + 1)? = c;
    }
    Some(set.map(|c| [c; 16]))
}

impl Table {
    /// The first occurrence of a byte in `from` decides its fate; bytes of `from` past the
    /// end of `to` are deleted.
    fn new(from: &Value, to: Option<&Value>) -> Table {
        let mut map: [u8; 256] = std::array::from_fn(|c| c as u8);
        let mut keep = [1u8; 256];
        let mut seen = [false; 256];
        let to_bytes = to.map_or(&[][..], Value::bytes);
        for (i, &c) in from.bytes().iter().enumerate() {
            if !std::mem::replace(&mut seen[c as usize], true) {
                match to_bytes.get(i) {
                    Some(&r) => map[c as usize] = r,
                    None => keep[c as usize] = 0,
                }
            }
        }
        let deletes = keep.contains(&0);
        Table {
            from: from.clone(),
            to: to.cloned(),
            shift: if deletes { None } else { one_shift(&map) },
            few_deleted: few_deleted(&keep),
            map,
            deletes,
            keep,
        }
    }

    /// `s` translated by a table that deletes nothing, written straight into its value.
    #[inline]
    fn mapped(&self, s: &[u8]) -> Value {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            match self.shift {
                Some((lo, n, k)) => {
                    copy_few(&mut buf[..s.len()], s);
                    buf = shift_range(&buf, lo, n, k);
                }
                None => {
                    for (o, &c) in buf.iter_mut().zip(s) {
                        *o = self.map[c as usize];
                    }
                }
            }
            return Value::from_bytes(&buf[..s.len()]);
        }
        let mut rc = Rc::<[u8]>::new_uninit_slice(s.len());
        let buf = Rc::get_mut(&mut rc).expect("a fresh buffer has one owner");
        match self.shift {
            Some((lo, n, k)) => shift_into(s, buf, lo, n, k),
            None => {
                for (o, &c) in buf.iter_mut().zip(s) {
                    o.write(self.map[c as usize]);
                }
            }
        }
        // SAFETY: the buffer has `s.len()` bytes and each was written just above.
        Value::from_rc(unsafe { rc.assume_init() })
    }

    /// How many bytes of `s` the table keeps.
    #[inline]
    fn kept(&self, s: &[u8]) -> usize {
        if !self.deletes {
            return s.len();
        }
        if let Some(set) = &self.few_deleted {
            return s.len() - count_in_set(s, set);
        }
        s.iter().map(|&c| self.keep[c as usize] as usize).sum()
    }

    /// Translates `s` into `out` (at least as long), giving the length of the result.
    #[inline]
    fn apply(&self, s: &[u8], out: &mut [u8]) -> usize {
        let out = &mut out[..s.len()];
        if !self.deletes {
            for (o, &c) in out.iter_mut().zip(s) {
                *o = self.map[c as usize];
            }
            return s.len();
        }
        // Every byte is written; the end moves on only past the kept ones.
        let mut n = 0;
        for &c in s {
            // SAFETY: `n` counts the kept bytes before this one, so `n <= i < s.len()`, and
            // `out` has `s.len()` bytes.
            unsafe { *out.get_unchecked_mut(n) = self.map[c as usize] };
            n += self.keep[c as usize] as usize;
        }
        n
    }
}

/// The tables of the last few `$TRANSLATE` calls, so that a loop with several call sites
/// builds each table once.
#[derive(Default)]
pub(super) struct TranslateTables {
    tables: Vec<Table>,
    /// The table replaced next when all are in use.
    next: usize,
    /// A result with deletions is built here, then copied once into its value.
    out: Vec<u8>,
}

/// The same `to` argument (both left out, or the same text).
#[inline]
fn same_to(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => same(x, y),
        (x, y) => x.is_none() && y.is_none(),
    }
}

/// The same text: the same shared buffer, or equal bytes.
#[inline]
fn same(a: &Value, b: &Value) -> bool {
    match (a.heap(), b.heap()) {
        (Some(x), Some(y)) if Rc::ptr_eq(x, y) => true,
        _ => a.bytes() == b.bytes(),
    }
}

impl TranslateTables {
    /// The table for `from` and `to`, made when it is not among the recent ones.
    #[inline]
    fn table(&mut self, from: &Value, to: Option<&Value>) -> usize {
        match self
            .tables
            .iter()
            .position(|t| same(&t.from, from) && same_to(t.to.as_ref(), to))
        {
            Some(i) => i,
            None => self.add(Table::new(from, to)),
        }
    }

    #[cold]
    fn add(&mut self, t: Table) -> usize {
        if self.tables.len() < TABLES {
            self.tables.push(t);
            return self.tables.len() - 1;
        }
        let i = self.next;
        self.next = (i + 1) % TABLES;
        self.tables[i] = t;
        i
    }

    /// `$TRANSLATE(s,from,to)`.
    pub(super) fn translate(&mut self, s: &[u8], from: &Value, to: Option<&Value>) -> Value {
        let i = self.table(from, to);
        let t = &self.tables[i];
        if !t.deletes {
            return t.mapped(s);
        }
        let mut out = std::mem::take(&mut self.out);
        if out.len() < s.len() {
            out.resize(s.len(), 0);
        }
        let n = t.apply(s, &mut out);
        let v = Value::from_bytes(&out[..n]);
        // Keep the scratch buffer from holding on to a huge string.
        if out.len() <= 1 << 16 {
            self.out = out;
        }
        v
    }

    /// `$LENGTH($TRANSLATE(s,from,to))`, without making the string.
    pub(super) fn kept(&mut self, s: &[u8], from: &Value, to: Option<&Value>) -> usize {
        let i = self.table(from, to);
        self.tables[i].kept(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Value {
        Value::from(s)
    }

    #[test]
    fn translate_tables() {
        let mut t = TranslateTables::default();
        let tr = |t: &mut TranslateTables, s: &str, f: &str, to: &str| {
            assert_eq!(
                t.kept(s.as_bytes(), &v(f), Some(&v(to))),
                t.translate(s.as_bytes(), &v(f), Some(&v(to))).len()
            );
            t.translate(s.as_bytes(), &v(f), Some(&v(to))).to_text()
        };
        assert_eq!(tr(&mut t, "hello", "lo", "L"), "heLL");
        assert_eq!(tr(&mut t, "hello", "lo", "L"), "heLL");
        assert_eq!(tr(&mut t, "hello", "ll", "xy"), "hexxo");
        assert_eq!(tr(&mut t, "hello", "h", ""), "ello");
        let long = "the quick brown fox jumps over the lazy dog";
        let up = "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG";
        let (lo, hi) = (
            v("abcdefghijklmnopqrstuvwxyz"),
            v("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        );
        assert_eq!(t.translate(long.as_bytes(), &lo, Some(&hi)).to_text(), up);
        assert_eq!(t.translate(up.as_bytes(), &hi, Some(&lo)).to_text(), long);
        assert_eq!(
            t.translate(long.as_bytes(), &v("eo "), None).to_text(),
            long.replace(['e', 'o', ' '], "")
        );
        assert_eq!(
            t.kept(long.as_bytes(), &v("eo "), None),
            long.replace(['e', 'o', ' '], "").len()
        );
        // More call sites than tables: each still gets its own translation.
        for round in 0..3 {
            for (i, f) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
                let got = tr(&mut t, "abcdef abcdef abcdef", f, "");
                let want = "abcdef abcdef abcdef".replace(f, "");
                assert_eq!(got, want, "round {round}, table {i}");
            }
        }
        assert_eq!(tr(&mut t, "aAbB", "ab", "ba"), "bAaB");
        assert_eq!(tr(&mut t, "xx", "x", "yz"), "yy");
    }

    /// Every kind of table (a folded range, several moves, deletions, few and many) gives
    /// what translating byte by byte gives, at every length.
    #[test]
    fn tables_translate_as_byte_by_byte() {
        let by_bytes = |s: &[u8], from: &[u8], to: &[u8]| -> Vec<u8> {
            let fate = |c: u8| match from.iter().position(|&f| f == c) {
                Some(i) => to.get(i).copied(),
                None => Some(c),
            };
            s.iter().filter_map(|&c| fate(c)).collect()
        };
        let cases: [(&[u8], &[u8]); 9] = [
            (b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz"),
            (b"abcdefghijklmnopqrstuvwxyz", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            (b"BCD", b"bcd"),
            (b"\xfd\xfe\xff", b"\x00\x01\x02"),
            (b"ab", b"ba"),
            (b"AaBb", b"bbcc"),
            (b",;! ", b""),
            (b",;! \x00abcdefg", b""),
            (b"xyzA", b"XY"),
        ];
        let text: Vec<u8> =
            b"The Quick Brown Fox, Jumps Over; The Lazy Dog! \x00\xfd\xff xyz".repeat(2);
        let mut t = TranslateTables::default();
        for (from, to) in cases {
            let (f, tv) = (Value::from_bytes(from), Value::from_bytes(to));
            for len in 0..text.len() {
                let s = &text[..len];
                let want = by_bytes(s, from, to);
                let got = t.translate(s, &f, Some(&tv));
                assert_eq!(got.bytes(), &want[..], "{from:?} {to:?} {len}");
                assert_eq!(t.kept(s, &f, Some(&tv)), want.len(), "{from:?} {len}");
            }
        }
    }

    #[test]
    fn set_pieces_of_a_held_string() {
        use crate::eval::strscan::set_piece;
        let mut c = PieceCache::default();
        let d = v("^");
        let start: String = (1..=20).map(|j| format!("field{j}^")).collect();
        let mut held = Value::from(start.as_str());
        let mut done = 0;
        let mut plain = held.bytes().to_vec();
        let values: [&[u8]; 6] = [b"x", b"12345", b"", b"a^b", b"longer value here", b"7"];
        for i in 0..200i64 {
            let (from, to) = (i * 7 % 23 + 1, i * 7 % 23 + 1 + i % 3 / 2);
            let v = values[i as usize % values.len()];
            // Read a piece first, so that the cache holds the string.
            let got = c.piece(&held, &d, to, to + 1).to_vec();
            let want = crate::eval::strscan::piece(&plain, b"^", to, to + 1).to_vec();
            assert_eq!(got, want, "read at step {i}");
            if c.set_held(&mut held, b"^", from, to, v, 1 << 20) {
                done += 1;
            } else {
                let new = set_piece(held.bytes(), b"^", from, to, v).unwrap();
                if let Some(p) = held.shared_ptr() {
                    c.release(p);
                }
                held = new;
            }
            plain = set_piece(&plain, b"^", from, to, v)
                .unwrap()
                .bytes()
                .to_vec();
            assert_eq!(held.bytes(), &plain[..], "set at step {i}");
        }
        assert!(done > 50, "{done} of 200 set in place");
    }

    /// The quick path of a one-byte delimiter cuts what `piece` cuts, the cache holding
    /// the string or not, at every position pair.
    #[test]
    fn byte_pieces_as_pieces() {
        let long = format!("a^bb^ccc^^e and a long tail^{}^x^", "y".repeat(80));
        for text in ["a^bb^ccc^^e", long.as_str()] {
            let (s, d) = (v(text), v("^"));
            let (mut quick, mut plain) = (PieceCache::default(), PieceCache::default());
            for from in -1..10 {
                for to in -1..10 {
                    let want = plain.piece(&s, &d, from, to).to_vec();
                    assert_eq!(
                        quick.piece_byte(&s, b'^', from, to),
                        &want[..],
                        "{from} {to}"
                    );
                    assert_eq!(
                        quick.piece_byte(&s, b'b', from, to),
                        plain.piece(&s, &v("b"), from, to)
                    );
                }
            }
        }
    }

    #[test]
    fn pieces_go_on_from_the_last() {
        let mut c = PieceCache::default();
        let long = format!("a^bb^ccc^^e and a long tail{}", "x".repeat(80));
        for text in ["a^bb^ccc^^e", "a^bb^ccc^^e and a long tail", long.as_str()] {
            let (s, d) = (v(text), v("^"));
            let got: Vec<Vec<u8>> = (0..8).map(|j| c.piece(&s, &d, j, j).to_vec()).collect();
            let last: &[u8] = &text.as_bytes()[10..];
            let want: [&[u8]; 8] = [b"", b"a", b"bb", b"ccc", b"", last, b"", b""];
            assert_eq!(got, want);
            assert_eq!(c.piece(&s, &d, 2, 3), b"bb^ccc");
            assert_eq!(c.piece(&s, &d, 1, 1), b"a");
            assert_eq!(c.piece(&s, &v("^^"), 2, 2), last);
            assert_eq!(c.piece(&s, &v("c"), 2, 2), b"");
            assert_eq!(c.piece(&s, &v("c"), 4, 4), &text.as_bytes()[8..]);
        }
    }
}
