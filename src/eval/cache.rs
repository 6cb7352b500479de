//! A bounded cache of parsed text (XECUTE strings, argument indirection).
//!
//! Keys are runtime data: a server that XECUTEs what it builds from requests would otherwise
//! keep every distinct text for ever. The cache holds at most `MAX_ENTRIES` texts and
//! `MAX_BYTES` bytes of them; when either would be passed it starts again empty (cheaper
//! than tracking use, and a program reusing a few texts refills it at once).

use std::collections::HashMap;
use std::hash::Hash;

const MAX_ENTRIES: usize = 4096;
const MAX_BYTES: usize = 8 << 20;

pub struct TextCache<K, V> {
    map: HashMap<K, V>,
    bytes: usize,
}

impl<K: Hash + Eq, V: Clone> TextCache<K, V> {
    pub fn new() -> Self {
        TextCache {
            map: HashMap::new(),
            bytes: 0,
        }
    }

    pub fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.map.get(key).cloned()
    }

    /// Keeps `value` under `key`, whose text is `len` bytes long (the value holds about as
    /// much again: the parsed text and its source).
    pub fn insert(&mut self, key: K, len: usize, value: V) {
        if self.map.len() >= MAX_ENTRIES || self.bytes + len > MAX_BYTES {
            self.map = HashMap::new();
            self.bytes = 0;
        }
        self.bytes += len;
        self.map.insert(key, value);
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_never_holds_more_than_its_bound() {
        let mut c = TextCache::new();
        for i in 0..100_000u32 {
            c.insert(i.to_string().into_bytes(), 8, i);
            assert!(c.len() <= MAX_ENTRIES);
        }
        assert_eq!(c.get(b"99999".as_slice()), Some(99_999));
        let mut c = TextCache::new();
        for i in 0..100u32 {
            c.insert(i, 1 << 20, i);
            assert!(c.len() <= MAX_BYTES >> 20);
        }
    }
}
