//! State the string built-ins keep between calls, so a loop does no per-call setup:
//! where the last `$PIECE` ended (a loop over `j` in `$PIECE(s,d,j)` goes on from there
//! instead of rescanning from the start) and the last `$TRANSLATE` table.
//!
//! The piece cache is keyed by the string's shared buffer: values never change their
//! buffer in place, and the cache holds a reference to it, so the same buffer address means
//! the same bytes. Short (inline) strings are cheap to rescan and are not cached.

use std::rc::Rc;

use super::func::{piece_start, pieces_end};
use crate::value::{Bytes, Value};

#[derive(Default)]
pub(super) struct PieceCache {
    /// The string and delimiter of the last call, piece `n` starts at byte `at`.
    last: Option<(Bytes, Value, i64, usize)>,
}

impl PieceCache {
    /// `$PIECE(s,d,from,to)`.
    pub(super) fn piece<'a>(&mut self, s: &'a Value, d: &Value, from: i64, to: i64) -> &'a [u8] {
        let from = from.max(1);
        let (text, delim) = (s.bytes(), d.bytes());
        if delim.is_empty() || to < from {
            return &[];
        }
        let Some(rc) = s.heap() else {
            return match piece_start(text, delim, from) {
                Some(start) => &text[start..pieces_end(text, delim, start, from, to)],
                None => &[],
            };
        };
        let start = match &self.last {
            Some((ls, ld, n, at)) if Rc::ptr_eq(ls, rc) && *n <= from && ld.bytes() == delim => {
                piece_start(&text[*at..], delim, from - n + 1).map(|p| at + p)
            }
            _ => piece_start(text, delim, from),
        };
        let Some(start) = start else {
            return &[];
        };
        match &mut self.last {
            Some((ls, ld, n, at)) if Rc::ptr_eq(ls, rc) && ld.bytes() == delim => {
                (*n, *at) = (from, start);
            }
            last => *last = Some((rc.clone(), d.clone(), from, start)),
        }
        &text[start..pieces_end(text, delim, start, from, to)]
    }
}

/// What `$TRANSLATE` does with a byte.
const KEEP: u16 = 256;
const DELETE: u16 = 257;

pub(super) struct TranslateTable {
    /// The `from` and `to` arguments the table was made for.
    key: Option<(Value, Value)>,
    /// Per byte: its replacement, `KEEP` or `DELETE`.
    map: [u16; 256],
    deletes: bool,
    /// The result is built here, then copied once into its value.
    out: Vec<u8>,
}

impl Default for TranslateTable {
    fn default() -> Self {
        TranslateTable {
            key: None,
            map: [KEEP; 256],
            deletes: false,
            out: Vec::new(),
        }
    }
}

/// The same text: the same shared buffer, or equal bytes.
fn same(a: &Value, b: &Value) -> bool {
    match (a.heap(), b.heap()) {
        (Some(x), Some(y)) if Rc::ptr_eq(x, y) => true,
        _ => a.bytes() == b.bytes(),
    }
}

impl TranslateTable {
    /// `$TRANSLATE(s,from,to)`: the first occurrence of a byte in `from` decides its fate;
    /// bytes of `from` past the end of `to` are deleted.
    pub(super) fn translate(&mut self, s: &[u8], from: &Value, to: &Value) -> Value {
        if !matches!(&self.key, Some((f, t)) if same(f, from) && same(t, to)) {
            self.map = [KEEP; 256];
            self.deletes = false;
            let to_bytes = to.bytes();
            for (i, &c) in from.bytes().iter().enumerate() {
                if self.map[c as usize] == KEEP {
                    self.map[c as usize] = match to_bytes.get(i) {
                        Some(&r) => r as u16,
                        None => {
                            self.deletes = true;
                            DELETE
                        }
                    };
                }
            }
            self.key = Some((from.clone(), to.clone()));
        }
        let out = &mut self.out;
        out.clear();
        if !self.deletes {
            out.extend(s.iter().map(|&c| match self.map[c as usize] {
                KEEP => c,
                r => r as u8,
            }));
        } else {
            out.reserve(s.len());
            for &c in s {
                match self.map[c as usize] {
                    KEEP => out.push(c),
                    DELETE => {}
                    r => out.push(r as u8),
                }
            }
        }
        let v = Value::from_bytes(&out[..]);
        // Keep the scratch buffer from holding on to a huge string.
        if out.capacity() > 1 << 16 {
            *out = Vec::new();
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
        let mut t = TranslateTable::default();
        let tr = |t: &mut TranslateTable, s: &str, f: &str, to: &str| {
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
