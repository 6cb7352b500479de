//! State the string built-ins keep between calls, so a loop does no per-call setup:
//! where the pieces of the last string cut by `$PIECE` start (a loop over `j` in
//! `$PIECE(s,d,j)` finds each piece without a search, as GT.M's piece cache does) and the
//! recent `$TRANSLATE` tables.
//!
//! The piece cache is keyed by the string's shared buffer: a buffer is written in place
//! only by its sole owner (`Value::append`, `Value::splice_in_place`), and the cache holds a
//! reference to it, so the same buffer address and length mean the same bytes. Short
//! strings are cheap to rescan and are not cached.

use super::strscan::{bytes_equal, piece_start, pieces_end, word_at};
use crate::value::Value;

mod tables;
pub(super) use tables::TranslateTables;

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

    /// SET `$PIECE(s,c,from,to)=v` for the one-byte delimiter `c` (`1 <= from <= to`) when
    /// `s` has a piece `from` and the result is at most `max_len` bytes long: the pieces
    /// found with the cache when it holds `s` (which it goes on holding, its piece starts
    /// moved), else by a search; then replaced in place when `s` alone owns a buffer with
    /// room (`Value::splice`). False, nothing done, otherwise: the general SET pads the
    /// missing pieces or raises MAXSTRLEN.
    #[inline]
    pub(super) fn set_byte(
        &mut self,
        s: &mut Value,
        c: u8,
        (from, to): (usize, usize),
        v: &[u8],
        max_len: usize,
    ) -> bool {
        let len = s.len();
        let held = s
            .shared_ptr()
            .is_some_and(|p| self.key == (p as usize, len) && self.delim == c);
        let (start, end) = match held {
            true => match self.held_pieces(s.bytes(), c, from, to) {
                Some(range) => range,
                None => return false,
            },
            false => {
                let text = s.bytes();
                let Some(start) = piece_start(text, &[c], from as i64) else {
                    return false;
                };
                (start, pieces_end(text, &[c], start, from as i64, to as i64))
            }
        };
        if len - (end - start) + v.len() > max_len {
            return false;
        }
        if !held {
            // The cache may hold the buffer for another delimiter: let go of it, so that
            // `s` can be written in place.
            if let Some(p) = s.shared_ptr() {
                self.release(p);
            }
            s.splice(start, end, v);
            return true;
        }
        // Let go of the buffer while it changes, so that `s` can be its sole owner.
        self.text = None;
        s.splice(start, end, v);
        self.moved(start, end, from, v, c);
        match s.shared_ptr() {
            Some(p) => {
                self.key = (p as usize, s.len());
                self.text = Some(s.clone());
            }
            None => self.key = (0, 0),
        }
        true
    }

    /// Where pieces `from..=to` of the held text lie (`start..end`), or None when it has
    /// fewer than `from` pieces.
    #[inline]
    fn held_pieces(
        &mut self,
        text: &[u8],
        c: u8,
        from: usize,
        to: usize,
    ) -> Option<(usize, usize)> {
        if self.starts.len() <= to && self.scanned < text.len() {
            self.scan(text, c, to);
        }
        let start = *self.starts.get(from - 1)? as usize;
        let end = self.starts.get(to).map_or(text.len(), |&n| n as usize - 1);
        Some((start, end))
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
        // A short value (the usual field) is searched in a loop, not by a call to memchr.
        let has_delim = match v.len() <= 16 {
            true => v.iter().fold(false, |hit, &b| hit | (b == c)),
            false => v.contains(&c),
        };
        if same_count && !has_delim {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Value {
        Value::from(s)
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

    /// SET `$PIECE` with a one-byte delimiter gives what `set_piece` gives, the cache
    /// holding the string or not, and the pieces read afterwards are right.
    #[test]
    fn set_byte_as_set_piece() {
        use crate::eval::strscan::set_piece;
        let mut c = PieceCache::default();
        let start: String = (1..=20).map(|j| format!("field{j}^")).collect();
        let mut s = Value::from(start.as_str());
        let mut plain = s.bytes().to_vec();
        let values: [&[u8]; 6] = [b"x", b"12345", b"", b"a^b", b"longer value here", b"7"];
        for i in 0..300usize {
            let (from, to) = (i * 7 % 25 + 1, i * 7 % 25 + 1 + i % 3 / 2);
            let new = values[i % values.len()];
            if i % 4 == 0 {
                let want = crate::eval::strscan::piece(&plain, b"^", 3, 3).to_vec();
                assert_eq!(c.piece(&s, &v("^"), 3, 3), &want[..], "read at step {i}");
            }
            let done = c.set_byte(&mut s, b'^', (from, to), new, 1 << 20);
            let want = set_piece(&plain, b"^", from as i64, to as i64, new).unwrap();
            // Not done only when piece `from` is missing (the general SET pads).
            let missing = crate::eval::strscan::piece_start(&plain, b"^", from as i64).is_none();
            assert_eq!(done, !missing, "step {i}");
            if !done {
                s = want.clone();
            }
            plain = want.bytes().to_vec();
            assert_eq!(s.bytes(), &plain[..], "set at step {i}");
        }
        let long = Value::from(start.as_str());
        assert!(!c.set_byte(&mut long.clone(), b'^', (2, 2), &[b'x'; 40], 150));
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
