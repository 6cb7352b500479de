//! The key of the last global reference, kept encoded together with the subscripts it
//! encodes. The next reference nearly always shares the name and the leading subscripts (a
//! walk's `$ORDER(^X(i,j))` after `$ORDER(^X(i))`, `SET ^X(i,"name")` after `SET ^X(i)`), so
//! only the subscripts that differ are encoded again; a `$ORDER` answer is added as the
//! last subscript, so the walk's next step, which names it, is encoded already.

use super::key::{self, END};
use crate::locals::Key;

#[derive(Default)]
pub struct KeyBuf {
    name: Vec<u8>,
    /// The subscripts `bytes` encodes, in order.
    keys: Vec<Key>,
    /// `ends[i]`: the length of `bytes` through subscript i's final `00`.
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

/// Whether two subscripts have the same encoding: a canonical number is never a string
/// subscript, and `Number`'s parts are canonical.
#[inline]
fn same(a: &Key, b: &Key) -> bool {
    match (a, b) {
        (Key::Num(x), Key::Num(y)) => x == y,
        (Key::Str(x), Key::Str(y)) => x.bytes() == y.bytes(),
        _ => false,
    }
}

impl KeyBuf {
    /// Makes the buffer the key of `^name(keys)`, encoding only what differs from the key
    /// it held.
    pub fn encode(&mut self, name: &str, keys: &[Key]) {
        let common = if self.name == name.as_bytes() {
            self.keys
                .iter()
                .zip(keys)
                .take_while(|(a, b)| same(a, b))
                .count()
        } else {
            self.name.clear();
            self.name.extend_from_slice(name.as_bytes());
            self.bytes.clear();
            0
        };
        if common == self.keys.len() && common == keys.len() && !self.bytes.is_empty() {
            return;
        }
        self.truncate(common);
        for k in &keys[common..] {
            key::push_subscript(&mut self.bytes, k);
            self.keys.push(k.clone());
            self.ends.push(self.bytes.len());
        }
    }

    /// Keeps the name and the first `count` subscripts.
    #[inline]
    fn truncate(&mut self, count: usize) {
        if count == self.keys.len() && !self.bytes.is_empty() {
            return;
        }
        self.keys.truncate(count);
        self.ends.truncate(count);
        let len = self.len_through(count);
        if len == 0 {
            // A fresh buffer (or a new name): the name and its `00`.
            self.bytes.clear();
            self.bytes.extend_from_slice(&self.name);
            self.bytes.push(END);
        } else {
            self.bytes.truncate(len);
        }
    }

    /// The length of the key through its first `count` subscripts (0 when the name itself
    /// is not encoded yet).
    pub fn len_through(&self, count: usize) -> usize {
        match count {
            0 if self.bytes.is_empty() => 0,
            0 => self.name.len() + 1,
            n => self.ends[n - 1],
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The key's bytes, for a bound made in place (the caller restores them).
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }

    /// Replaces the subscripts after the first `count` by one, given encoded (without its
    /// `00`) and decoded: the answer of a `$ORDER`, which the next step names.
    pub fn replace_last(&mut self, count: usize, encoded: &[u8], decoded: &Key) {
        if self.keys.len() != count + 1 || self.bytes.is_empty() {
            self.truncate(count);
            self.bytes.extend_from_slice(encoded);
            self.bytes.push(END);
            self.keys.push(decoded.clone());
            self.ends.push(self.bytes.len());
            return;
        }
        // The usual case, the key `$ORDER` was asked from: its last subscript is replaced
        // where it stands.
        self.bytes.truncate(self.len_through(count));
        self.bytes.extend_from_slice(encoded);
        self.bytes.push(END);
        self.keys[count] = decoded.clone();
        self.ends[count] = self.bytes.len();
    }

    /// Makes the buffer `found`, a key of the global it holds, and answers its subscripts
    /// decoded: the answer of a `$QUERY`, which the walk's next step names.
    pub fn adopt(&mut self, found: &[u8]) -> &[Key] {
        self.bytes.clear();
        self.bytes.extend_from_slice(found);
        self.keys.clear();
        self.ends.clear();
        let mut at = self.name.len() + 1;
        while let Some(len) = found
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| b == END))
        {
            self.keys.push(key::decode_subscript(&found[at..at + len]));
            at += len + 1;
            self.ends.push(at);
        }
        &self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    fn k(s: &str) -> Key {
        Key::from_value(&Value::from(s))
    }

    #[test]
    fn every_key_is_the_plain_encoding_whatever_came_before() {
        let refs: &[(&str, &[&str])] = &[
            ("X", &[]),
            ("X", &["1", "name"]),
            ("X", &["1"]),
            ("X", &["1", "a", "b"]),
            ("X", &["2", "a"]),
            ("X", &[]),
            ("Y", &["2", "a"]),
            ("X", &["2", "a"]),
            ("X", &["-1.5", ""]),
            ("XY", &["-1.5", ""]),
            ("X", &["01", "1"]),
            ("Z", &[]),
            ("X", &[]),
        ];
        let mut buf = KeyBuf::default();
        for (name, subs) in refs {
            let keys: Vec<Key> = subs.iter().map(|s| k(s)).collect();
            buf.encode(name, &keys);
            assert_eq!(buf.bytes(), key::encode(name, &keys), "^{name}{subs:?}");
            if let Some(last) = keys.len().checked_sub(1) {
                let parent_len = buf.len_through(last);
                assert_eq!(&buf.bytes()[..parent_len], key::encode(name, &keys[..last]));
            }
        }
    }

    #[test]
    fn a_query_answer_becomes_the_key() {
        let mut buf = KeyBuf::default();
        buf.encode("X", &[k("1")]);
        let found = key::encode("X", &[k("2"), k("name"), k("-1.5")]);
        let keys = buf.adopt(&found).to_vec();
        assert_eq!(keys, [k("2"), k("name"), k("-1.5")]);
        assert_eq!(buf.bytes(), found);
        assert_eq!(buf.len_through(1), key::encode("X", &[k("2")]).len());
        buf.encode("X", &[k("2"), k("name")]);
        assert_eq!(buf.bytes(), key::encode("X", &[k("2"), k("name")]));
        let top = key::encode("X", &[]);
        assert!(buf.adopt(&top).is_empty());
        buf.encode("X", &[k("3")]);
        assert_eq!(buf.bytes(), key::encode("X", &[k("3")]));
    }

    #[test]
    fn an_order_answer_becomes_the_last_subscript() {
        let mut buf = KeyBuf::default();
        buf.encode("X", &[k("1"), k("")]);
        let name = k("name");
        let mut encoded = Vec::new();
        key::push_subscript(&mut encoded, &name);
        encoded.pop();
        buf.replace_last(1, &encoded, &name);
        assert_eq!(buf.bytes(), key::encode("X", &[k("1"), k("name")]));
        buf.encode("X", &[k("1"), k("name")]);
        assert_eq!(buf.bytes(), key::encode("X", &[k("1"), k("name")]));
        buf.encode("X", &[k("1")]);
        assert_eq!(buf.bytes(), key::encode("X", &[k("1")]));
    }
}
