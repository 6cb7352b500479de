//! State the string built-ins keep between calls, so a loop does no per-call setup:
//! where the last `$PIECE` ended (a loop over `j` in `$PIECE(s,d,j)` goes on from there
//! instead of rescanning from the start) and the last `$TRANSLATE` table.
//!
//! Both are keyed by the argument's shared buffer. Values never change their buffer in
//! place, and the cache holds a reference to it, so the same buffer address means the same
//! bytes.

use std::rc::Rc;

use super::func::{piece_start, pieces_end};
use crate::value::Bytes;

#[derive(Default)]
pub(super) struct PieceCache {
    /// The string and delimiter of the last call, piece `n` starts at byte `at`.
    last: Option<(Bytes, Bytes, i64, usize)>,
}

impl PieceCache {
    /// `$PIECE(s,d,from,to)`.
    pub(super) fn piece<'a>(&mut self, s: &'a Bytes, d: &Bytes, from: i64, to: i64) -> &'a [u8] {
        let from = from.max(1);
        if d.is_empty() || to < from {
            return &[];
        }
        let start = match &self.last {
            Some((ls, ld, n, at)) if Rc::ptr_eq(ls, s) && *n <= from && **ld == **d => {
                piece_start(&s[*at..], d, from - n + 1).map(|p| at + p)
            }
            _ => piece_start(s, d, from),
        };
        let Some(start) = start else {
            return &[];
        };
        match &mut self.last {
            Some((ls, ld, n, at)) if Rc::ptr_eq(ls, s) && Rc::ptr_eq(ld, d) => {
                (*n, *at) = (from, start);
            }
            last => *last = Some((s.clone(), d.clone(), from, start)),
        }
        &s[start..pieces_end(s, d, start, from, to)]
    }
}

/// What `$TRANSLATE` does with a byte.
const KEEP: u16 = 256;
const DELETE: u16 = 257;

pub(super) struct TranslateTable {
    /// The `from` and `to` arguments the table was made for.
    key: Option<(Bytes, Bytes)>,
    /// Per byte: its replacement, `KEEP` or `DELETE`.
    map: [u16; 256],
    deletes: bool,
}

impl Default for TranslateTable {
    fn default() -> Self {
        TranslateTable {
            key: None,
            map: [KEEP; 256],
            deletes: false,
        }
    }
}

impl TranslateTable {
    /// `$TRANSLATE(s,from,to)`: the first occurrence of a byte in `from` decides its fate;
    /// bytes of `from` past the end of `to` are deleted.
    pub(super) fn translate(&mut self, s: &[u8], from: &Bytes, to: &Bytes) -> Vec<u8> {
        let same = match &self.key {
            Some((f, t)) => {
                (Rc::ptr_eq(f, from) || **f == **from) && (Rc::ptr_eq(t, to) || **t == **to)
            }
            None => false,
        };
        if !same {
            self.map = [KEEP; 256];
            self.deletes = false;
            for (i, &c) in from.iter().enumerate() {
                if self.map[c as usize] == KEEP {
                    self.map[c as usize] = match to.get(i) {
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
        if !self.deletes {
            return s
                .iter()
                .map(|&c| match self.map[c as usize] {
                    KEEP => c,
                    r => r as u8,
                })
                .collect();
        }
        let mut out = Vec::with_capacity(s.len());
        for &c in s {
            match self.map[c as usize] {
                KEEP => out.push(c),
                DELETE => {}
                r => out.push(r as u8),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> Bytes {
        Rc::from(s.as_bytes())
    }

    #[test]
    fn translate_tables() {
        let mut t = TranslateTable::default();
        assert_eq!(t.translate(b"hello", &b("lo"), &b("L")), b"heLL");
        assert_eq!(t.translate(b"hello", &b("lo"), &b("L")), b"heLL");
        assert_eq!(t.translate(b"hello", &b("ll"), &b("xy")), b"hexxo");
        assert_eq!(t.translate(b"hello", &b("h"), &b("")), b"ello");
    }

    #[test]
    fn pieces_go_on_from_the_last() {
        let mut c = PieceCache::default();
        let (s, d) = (b("a^bb^ccc^^e"), b("^"));
        let got: Vec<Vec<u8>> = (0..8).map(|j| c.piece(&s, &d, j, j).to_vec()).collect();
        let want: [&[u8]; 8] = [b"", b"a", b"bb", b"ccc", b"", b"e", b"", b""];
        assert_eq!(got, want);
        assert_eq!(c.piece(&s, &d, 2, 3), b"bb^ccc");
        assert_eq!(c.piece(&s, &d, 1, 1), b"a");
        assert_eq!(c.piece(&s, &b("^^"), 2, 2), b"e");
        assert_eq!(c.piece(&s, &b("c"), 2, 2), b"");
        assert_eq!(c.piece(&s, &b("c"), 4, 4), b"^^e");
    }
}
