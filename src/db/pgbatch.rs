//! The PostgreSQL store's read-ahead: a batch of consecutive keys (with their values when
//! small) read in one round trip, which answers `$ORDER`, `$QUERY`, `$DATA` and `$GET` inside
//! its key range until it is dropped (see `postgres.rs` for when).

use std::time::Instant;

/// Values up to this size come with a batch; larger ones are fetched when read.
pub const SMALL_VALUE: i32 = 2048;

/// Every key in `[lo, hi)` (`hi` None: to the end) with its value when small, as of `at`.
#[derive(Default)]
pub struct Batch {
    pub lo: Vec<u8>,
    pub hi: Option<Vec<u8>>,
    pub rows: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    pub at: Option<Instant>,
}

impl Batch {
    pub fn covers(&self, k: &[u8]) -> bool {
        self.at.is_some() && k >= self.lo.as_slice() && self.hi.as_deref().is_none_or(|h| k < h)
    }

    pub fn find(&self, k: &[u8]) -> Result<usize, usize> {
        self.rows.binary_search_by(|(r, _)| r.as_slice().cmp(k))
    }

    /// The first key at or after `from`, if the batch knows it.
    pub fn seek(&self, from: &[u8]) -> Option<Option<Vec<u8>>> {
        if !self.covers(from) {
            return None;
        }
        let i = self.find(from).unwrap_or_else(|i| i);
        match self.rows.get(i) {
            Some((k, _)) => Some(Some(k.clone())),
            None if self.hi.is_none() => Some(None),
            None => None,
        }
    }

    /// The last key before `before`, if the batch knows it.
    pub fn seek_back(&self, before: &[u8]) -> Option<Option<Vec<u8>>> {
        if self.at.is_none() || self.hi.as_deref().is_some_and(|h| before > h) {
            return None;
        }
        if before < self.lo.as_slice() {
            return None;
        }
        let i = self.find(before).unwrap_or_else(|i| i);
        match i.checked_sub(1).map(|i| &self.rows[i]) {
            Some((k, _)) => Some(Some(k.clone())),
            None if self.lo.is_empty() => Some(None),
            None => None,
        }
    }

    /// A node's value if the batch knows it: `Some(None)` for a key absent from its range.
    pub fn get(&self, k: &[u8]) -> Option<Option<Vec<u8>>> {
        if !self.covers(k) {
            return None;
        }
        match self.find(k) {
            Ok(i) => self.rows[i].1.clone().map(Some),
            Err(_) => Some(None),
        }
    }

    /// Keeps the batch true after this process sets (`Some`) or deletes (`None`) a node.
    pub fn put(&mut self, k: &[u8], v: Option<&[u8]>) {
        if !self.covers(k) {
            return;
        }
        let small = v
            .filter(|v| v.len() <= SMALL_VALUE as usize)
            .map(<[u8]>::to_vec);
        match (self.find(k), v) {
            (Ok(i), Some(_)) => self.rows[i].1 = small,
            (Ok(i), None) => drop(self.rows.remove(i)),
            (Err(i), Some(_)) => self.rows.insert(i, (k.to_vec(), small)),
            (Err(_), None) => {}
        }
    }

    pub fn delete_range(&mut self, from: &[u8], to: &[u8]) {
        self.rows
            .retain(|(k, _)| k.as_slice() < from || k.as_slice() >= to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(lo: &[u8], hi: Option<&[u8]>, keys: &[&[u8]]) -> Batch {
        Batch {
            lo: lo.to_vec(),
            hi: hi.map(<[u8]>::to_vec),
            rows: keys
                .iter()
                .map(|k| (k.to_vec(), Some(b"v".to_vec())))
                .collect(),
            at: Some(Instant::now()),
        }
    }

    #[test]
    fn a_batch_answers_inside_its_range_only() {
        let b = batch(b"b", Some(b"f"), &[b"c", b"e"]);
        assert_eq!(b.seek(b"b"), Some(Some(b"c".to_vec())));
        assert_eq!(b.seek(b"d"), Some(Some(b"e".to_vec())));
        assert_eq!(b.seek(b"e\x01"), None, "past the last key: unknown");
        assert_eq!(b.seek(b"a"), None);
        assert_eq!(b.get(b"d"), Some(None), "absent inside the range");
        assert_eq!(b.get(b"c"), Some(Some(b"v".to_vec())));
        assert_eq!(b.get(b"g"), None);
        assert_eq!(b.seek_back(b"e"), Some(Some(b"c".to_vec())));
        assert_eq!(b.seek_back(b"c"), None, "before the range: unknown");
        let to_end = batch(b"b", None, &[b"c"]);
        assert_eq!(to_end.seek(b"d"), Some(None));
        let from_start = batch(b"", Some(b"c"), &[b"b"]);
        assert_eq!(from_start.seek_back(b"b"), Some(None));
    }

    #[test]
    fn own_writes_keep_a_batch_true() {
        let mut b = batch(b"b", Some(b"f"), &[b"c", b"e"]);
        b.put(b"d", Some(b"x"));
        assert_eq!(b.seek(b"c\x01"), Some(Some(b"d".to_vec())));
        b.put(b"c", None);
        assert_eq!(b.seek(b"b"), Some(Some(b"d".to_vec())));
        b.put(b"d", Some(&vec![b'y'; SMALL_VALUE as usize + 1]));
        assert_eq!(b.get(b"d"), None, "a large value is read from the server");
        b.delete_range(b"a", b"z");
        assert_eq!(b.seek(b"b"), None);
        assert_eq!(b.get(b"c"), Some(None));
    }
}
