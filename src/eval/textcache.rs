//! A small bounded cache of things made from run-time text (XECUTE code, indirection,
//! patterns built with `_`), so each distinct text is parsed once while it stays in use.
//!
//! Entries are found by a linear scan, the text's shared buffer compared by address first
//! (an XECUTE of a literal, or a variable read again, hands over the same buffer), then by
//! length and bytes; no hashing. A hit moves one place towards the front, so the texts a
//! loop uses stay near it; a miss, when the cache is full, replaces the last entry. The size
//! is bounded whatever the program does.

use crate::value::Bytes;

pub(super) struct TextCache<T> {
    entries: Vec<(Bytes, T)>,
    cap: usize,
}

impl<T: Clone> TextCache<T> {
    pub(super) fn new(cap: usize) -> TextCache<T> {
        TextCache {
            entries: Vec::new(),
            cap,
        }
    }

    /// The thing made from `text`, if cached and `fits` accepts it.
    #[inline]
    pub(super) fn get(&mut self, text: &[u8], fits: impl Fn(&T) -> bool) -> Option<T> {
        let i = self.entries.iter().position(|(k, v)| {
            k.len() == text.len()
                && (std::ptr::eq(k.as_ptr(), text.as_ptr()) || same_bytes(k, text))
                && fits(v)
        })?;
        if i > 0 {
            self.entries.swap(i, i - 1);
            return Some(self.entries[i - 1].1.clone());
        }
        Some(self.entries[0].1.clone())
    }

    pub(super) fn insert(&mut self, text: Bytes, value: T) {
        if self.entries.len() >= self.cap {
            self.entries.pop();
        }
        self.entries.push((text, value));
    }
}

/// `a == b`, short texts compared as `same_bytes` does.
#[inline(always)]
pub(super) fn same_text(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && same_bytes(a, b)
}

/// `a == b` for slices of the same length. Cached texts are mostly short (names, patterns,
/// a command or two): up to sixteen bytes they are compared as two overlapping words (or
/// two half words, or three bytes) in line, with no call to `memcmp` per entry looked at.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    debug_assert_eq!(n, b.len());
    use crate::bytes::{u32_at as half, u64_at as word};
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn bounded_and_found_by_bytes() {
        let mut c = TextCache::new(3);
        for i in 0..10 {
            c.insert(Rc::from(format!("t{i}").as_bytes()), i);
        }
        assert_eq!(c.entries.len(), 3);
        assert_eq!(c.get(b"t9", |_| true), Some(9));
        // The texts already in use stay; the newest takes the last place.
        assert_eq!(c.get(b"t0", |_| true), Some(0));
        assert_eq!(c.get(b"t8", |_| true), None);
        assert_eq!(c.get(b"t9", |&v| v != 9), None);
    }

    /// The short comparison agrees with `==` at every length up to past its word path, a
    /// difference at every place.
    #[test]
    fn short_texts_compared_in_full() {
        let text: Vec<u8> = (0..24u8).map(|i| b'a' + i).collect();
        for n in 0..=text.len() {
            let a = &text[..n];
            assert!(same_bytes(a, a));
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same_bytes(a, &b), "{n} {at}");
            }
        }
    }
}
