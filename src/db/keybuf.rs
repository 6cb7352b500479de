//! The key of a global reference, kept encoded together with the subscripts it encodes: the
//! naked indicator's (see `eval/naked.rs`), which every global operation names, and the
//! database's own for the operations named by a name and subscripts. The next reference
//! nearly always shares the name and the leading subscripts (a walk's `$ORDER(^X(i,j))`
//! after `$ORDER(^X(i))`, `SET ^X(i,"name")` after `SET ^X(i)`), so only the subscripts that
//! differ are encoded again; the last subscript decoded from the store (a `$ORDER` answer)
//! is kept with its encoding, so the walk's next step, which names it, encodes nothing.

use super::key::{self, END};
use crate::locals::Key;
use crate::value::Value;

#[derive(Clone)]
pub struct KeyBuf {
    name: Vec<u8>,
    /// The subscripts `bytes` encodes, in order.
    keys: Vec<Key>,
    /// `ends[i]`: the length of `bytes` through subscript i's final `00`.
    ends: Vec<usize>,
    /// The key: the name, `00`, each subscript's encoding and `00` (empty before a name).
    bytes: Vec<u8>,
    /// The last subscript decoded from the store and its encoding (without its `00`).
    memo: Option<Key>,
    memo_bytes: Vec<u8>,
    /// The index of the first subscript `""`, if any (`NONE`).
    first_null: usize,
}

const NONE: usize = usize::MAX;

impl Default for KeyBuf {
    fn default() -> KeyBuf {
        KeyBuf {
            name: Vec::new(),
            keys: Vec::new(),
            ends: Vec::new(),
            bytes: Vec::new(),
            memo: None,
            memo_bytes: Vec::new(),
            first_null: NONE,
        }
    }
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

/// Whether `k` is the subscript `v` makes (`Key::from_value(v) == *k`, no key made). A
/// string subscript's text is not a canonical number, so neither is a value with the same
/// text.
#[inline(always)]
pub fn is_subscript(k: &Key, v: &Value) -> bool {
    match k {
        Key::Num(n) => v.is_canonical_number() && v.num() == *n,
        Key::Str(s) => s.same_text(v),
    }
}

impl KeyBuf {
    /// Makes the buffer a key of the global `name`: its subscripts are kept when it held
    /// that name already, else it is the name alone.
    #[inline]
    pub fn name_is(&mut self, name: &str) {
        if self.name != name.as_bytes() || self.bytes.is_empty() {
            self.name.clear();
            self.name.extend_from_slice(name.as_bytes());
            self.keys.clear();
            self.ends.clear();
            self.first_null = NONE;
            self.bytes.clear();
            self.bytes.extend_from_slice(name.as_bytes());
            self.bytes.push(END);
        }
    }

    /// Makes the buffer the key of `^name(keys)`, encoding only what differs from the key
    /// it held.
    pub fn encode(&mut self, name: &str, keys: &[Key]) {
        self.name_is(name);
        self.encode_keys(keys);
    }

    /// Makes the buffer's subscripts `keys` (after `name_is`), encoding only those that
    /// differ from the ones it held.
    pub fn encode_keys(&mut self, keys: &[Key]) {
        let common = self
            .keys
            .iter()
            .zip(keys)
            .take_while(|(a, b)| same(a, b))
            .count();
        self.keep(common);
        for k in &keys[common..] {
            self.push(k.clone());
        }
    }

    /// Keeps the name and the first `count` subscripts (all of them when there are fewer).
    #[inline]
    pub fn keep(&mut self, count: usize) {
        if count < self.keys.len() {
            self.bytes.truncate(self.len_through(count));
            self.keys.truncate(count);
            self.ends.truncate(count);
            if self.first_null >= count {
                self.first_null = NONE;
            }
        }
    }

    /// Adds a subscript (after `name_is`).
    pub fn push(&mut self, k: Key) {
        match &self.memo {
            Some(m) if same(m, &k) => {
                self.bytes.extend_from_slice(&self.memo_bytes);
                self.bytes.push(END);
            }
            _ => key::push_subscript(&mut self.bytes, &k),
        }
        if self.first_null == NONE && k.is_empty_string() {
            self.first_null = self.keys.len();
        }
        self.keys.push(k);
        self.ends.push(self.bytes.len());
    }

    /// Adds the subscript `v` makes (after `name_is`).
    #[inline]
    pub fn push_value(&mut self, v: &Value) {
        match &self.memo {
            Some(m) if is_subscript(m, v) => {
                self.bytes.extend_from_slice(&self.memo_bytes);
                self.bytes.push(END);
                self.keys.push(m.clone());
                self.ends.push(self.bytes.len());
            }
            _ => self.push(Key::from_value(v)),
        }
    }

    /// Decodes a subscript read from the store (its bytes without the final `00`) and
    /// keeps it with its encoding for the reference that names it next; its value.
    pub fn remember(&mut self, encoded: &[u8]) -> Value {
        let k = key::decode_subscript(encoded);
        let v = k.to_value();
        self.memo_bytes.clear();
        self.memo_bytes.extend_from_slice(encoded);
        self.memo = Some(k);
        v
    }

    /// The index of the first subscript `""`, if any.
    #[inline]
    pub fn first_null(&self) -> Option<usize> {
        (self.first_null != NONE).then_some(self.first_null)
    }

    /// The subscripts, in order.
    #[inline]
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    /// The length of the key through its first `count` subscripts (0 when the name itself
    /// is not encoded yet).
    #[inline]
    pub fn len_through(&self, count: usize) -> usize {
        match count {
            0 if self.bytes.is_empty() => 0,
            0 => self.name.len() + 1,
            n => self.ends[n - 1],
        }
    }

    #[inline]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The key's bytes, for a bound made in place (the caller restores them).
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(buf.keys(), keys.as_slice());
            if let Some(last) = keys.len().checked_sub(1) {
                let parent_len = buf.len_through(last);
                assert_eq!(&buf.bytes()[..parent_len], key::encode(name, &keys[..last]));
            }
        }
    }

    #[test]
    fn a_remembered_answer_is_named_without_encoding_it_again() {
        let mut buf = KeyBuf::default();
        buf.name_is("X");
        buf.push_value(&Value::from("1"));
        buf.push_value(&Value::from(""));
        for answer in ["name", "-1.5", "7", ""] {
            let mut encoded = Vec::new();
            key::push_subscript(&mut encoded, &k(answer));
            encoded.pop();
            let v = buf.remember(&encoded);
            assert_eq!(v.bytes(), answer.as_bytes());
            buf.keep(1);
            buf.push_value(&v);
            assert_eq!(buf.bytes(), key::encode("X", &[k("1"), k(answer)]));
            // A value that only looks the same is another subscript.
            buf.keep(1);
            buf.push_value(&Value::from(format!("{answer} ").as_str()));
            assert_eq!(
                buf.bytes(),
                key::encode("X", &[k("1"), k(&format!("{answer} "))])
            );
        }
        buf.name_is("Y");
        assert_eq!(buf.bytes(), key::encode("Y", &[]));
        assert!(buf.keys().is_empty());
    }
}
