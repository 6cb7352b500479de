//! `$TRANSLATE` tables: the byte map of the recent call sites' `from` and `to` arguments,
//! kept so that a loop builds each table once.

use std::mem::MaybeUninit;
use std::rc::Rc;

use super::super::strscan::bytes16::{count_in_set, shift_into, shift_range};
use crate::value::{INLINE, Value, copy_few};

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

    /// Translates `s` into `out`, exactly as long as the result (`kept(s)` bytes).
    #[inline]
    fn write_exact(&self, s: &[u8], out: &mut [u8]) {
        if self.deletes {
            let mut n = 0;
            for &c in s {
                if self.keep[c as usize] != 0 {
                    out[n] = self.map[c as usize];
                    n += 1;
                }
            }
            return;
        }
        match self.shift {
            Some((lo, n, k)) if s.len() >= 16 => {
                // SAFETY: `u8` and `MaybeUninit<u8>` have the same layout, and only bytes
                // are written.
                let out = unsafe { &mut *(out as *mut [u8] as *mut [MaybeUninit<u8>]) };
                shift_into(s, out, lo, n, k);
            }
            _ => {
                for (o, &c) in out.iter_mut().zip(s) {
                    *o = self.map[c as usize];
                }
            }
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
pub(in crate::eval) struct TranslateTables {
    tables: Vec<Table>,
    /// The table replaced next when all are in use.
    next: usize,
    /// A result with deletions is built here, then copied once into its value.
    out: Vec<u8>,
    spares: Spares,
}

/// Results up to this long are written into a spare buffer.
const SPARE_MAX: usize = 1 << 16;

/// The buffers of the last two long results, written again once nothing else holds them:
/// in `SET t=$TRANSLATE(s,...)` in a loop, the result before the last is dropped from `t`
/// by the last SET, so its buffer is free for the next result and nothing is allocated.
#[derive(Default)]
struct Spares {
    vals: [Option<Value>; 2],
    /// The one replaced next when neither is free.
    next: usize,
}

impl Spares {
    /// A string of `len` bytes (more than `INLINE`) that `fill` writes, in a spare buffer
    /// when one is free (a sole owner's buffer is written only by it), else in a new one
    /// kept as a spare.
    #[inline]
    fn fill(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) -> Value {
        if let Some(v) = self.vals.iter_mut().flatten().find(|v| v.owns_buffer()) {
            v.rewrite_long(len, fill);
            return v.clone();
        }
        let v = Value::filled(len, fill);
        self.vals[self.next] = Some(v.clone());
        self.next ^= 1;
        v
    }
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
    pub(in crate::eval) fn translate(
        &mut self,
        s: &[u8],
        from: &Value,
        to: Option<&Value>,
    ) -> Value {
        let i = self.table(from, to);
        let t = &self.tables[i];
        if s.len() > INLINE && s.len() <= SPARE_MAX {
            let len = t.kept(s);
            if len > INLINE {
                return self.spares.fill(len, |dst| t.write_exact(s, dst));
            }
        }
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
    pub(in crate::eval) fn kept(&mut self, s: &[u8], from: &Value, to: Option<&Value>) -> usize {
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
                // A result kept while others are made: its buffer is not written again.
                let kept = t.translate(s, &f, Some(&tv));
                for _ in 0..3 {
                    assert_eq!(t.translate(s, &f, Some(&tv)).bytes(), &want[..]);
                }
                assert_eq!(kept.bytes(), &want[..], "kept {from:?} {len}");
            }
        }
    }
}
