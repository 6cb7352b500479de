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
                && (std::ptr::eq(k.as_ptr(), text.as_ptr()) || **k == *text)
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
}
