//! State the string built-ins keep between calls, so a loop does no per-call setup:
//! where the last `$PIECE` ended (a loop over `j` in `$PIECE(s,d,j)` goes on from there
//! instead of rescanning from the start) and the recent `$TRANSLATE` tables.
//!
//! The piece cache is keyed by the string's shared buffer: a buffer is written in place
//! only by its sole owner (`Value::append`, `Value::splice_in_place`), and the cache holds a reference to it, so the
//! same buffer address means the same bytes. Short (inline) strings are cheap to rescan and are not cached.

use std::rc::Rc;

use super::strscan::{piece_start, pieces_end};
use crate::value::Value;

#[derive(Default)]
pub(super) struct PieceCache {
    /// The string and delimiter of the last call, piece `n` starts at byte `at`: the piece
    /// after the last one asked for when it has one, so that a loop over the pieces finds
    /// each start without a search.
    last: Option<(Value, Value, i64, usize)>,
}

/// The same delimiter (mostly one byte, compared without a call to `memcmp`).
#[inline]
fn same_delim(a: &[u8], b: &[u8]) -> bool {
    match (a, b) {
        ([x], [y]) => x == y,
        _ => a == b,
    }
}

impl PieceCache {
    /// `$PIECE(s,d,from,to)`.
    pub(super) fn piece<'a>(&mut self, s: &'a Value, d: &Value, from: i64, to: i64) -> &'a [u8] {
        let from = from.max(1);
        let (text, delim) = (s.bytes(), d.bytes());
        if delim.is_empty() || to < from {
            return &[];
        }
        let Some(ptr) = s.shared_ptr() else {
            return match piece_start(text, delim, from) {
                Some(start) => &text[start..pieces_end(text, delim, start, from, to)],
                None => &[],
            };
        };
        let hit = matches!(&self.last,
            Some((ls, ld, n, _)) if ls.shared_ptr() == Some(ptr) && *n <= from && same_delim(ld.bytes(), delim));
        let start = match &self.last {
            Some((_, _, n, at)) if hit => {
                piece_start(&text[*at..], delim, from - n + 1).map(|p| at + p)
            }
            _ => piece_start(text, delim, from),
        };
        let Some(start) = start else {
            return &[];
        };
        let end = pieces_end(text, delim, start, from, to);
        // Remember the next piece's start, or this one's when it is the last.
        let (n, at) = if end < text.len() {
            (to + 1, end + delim.len())
        } else {
            (from, start)
        };
        match &mut self.last {
            Some((_, _, ln, lat)) if hit => (*ln, *lat) = (n, at),
            last => *last = Some((s.clone(), d.clone(), n, at)),
        }
        &text[start..end]
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
    to: Value,
    /// Per byte: its replacement (itself when `from` does not have it).
    map: [u8; 256],
    /// Per byte: 1 when it is kept, 0 when deleted.
    keep: [u8; 256],
    deletes: bool,
}

impl Table {
    /// The first occurrence of a byte in `from` decides its fate; bytes of `from` past the
    /// end of `to` are deleted.
    fn new(from: &Value, to: &Value) -> Table {
        let mut map: [u8; 256] = std::array::from_fn(|c| c as u8);
        let mut keep = [1u8; 256];
        let mut seen = [false; 256];
        let to_bytes = to.bytes();
        for (i, &c) in from.bytes().iter().enumerate() {
            if !std::mem::replace(&mut seen[c as usize], true) {
                match to_bytes.get(i) {
                    Some(&r) => map[c as usize] = r,
                    None => keep[c as usize] = 0,
                }
            }
        }
        Table {
            from: from.clone(),
            to: to.clone(),
            map,
            deletes: keep.contains(&0),
            keep,
        }
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
    /// The result is built here, then copied once into its value.
    out: Vec<u8>,
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
    fn table(&mut self, from: &Value, to: &Value) -> &Table {
        let i = match self
            .tables
            .iter()
            .position(|t| same(&t.from, from) && same(&t.to, to))
        {
            Some(i) => i,
            None => self.add(Table::new(from, to)),
        };
        &self.tables[i]
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
    pub(super) fn translate(&mut self, s: &[u8], from: &Value, to: &Value) -> Value {
        let mut out = std::mem::take(&mut self.out);
        if out.len() < s.len() {
            out.resize(s.len(), 0);
        }
        let n = self.table(from, to).apply(s, &mut out);
        let v = Value::from_bytes(&out[..n]);
        // Keep the scratch buffer from holding on to a huge string.
        if out.len() <= 1 << 16 {
            self.out = out;
        }
        v
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
            t.translate(s.as_bytes(), &v(f), &v(to)).to_text()
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
        assert_eq!(t.translate(long.as_bytes(), &lo, &hi).to_text(), up);
        assert_eq!(t.translate(up.as_bytes(), &hi, &lo).to_text(), long);
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

    #[test]
    fn pieces_go_on_from_the_last() {
        let mut c = PieceCache::default();
        for text in ["a^bb^ccc^^e", "a^bb^ccc^^e and a long tail"] {
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
