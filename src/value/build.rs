//! `TextBuf`: the bytes of a new value gathered piece by piece (an `a_b_c` chain), on the
//! stack while short, with numbers formatted straight into it, and made into a value with
//! one copy (none into a new buffer when the result fits inside the value).

use std::mem::MaybeUninit;

use super::{INLINE, NO_TEXT, Text, Value, copy_few, put};
use crate::number::{CANONICAL_MAX, Number};

/// Bytes kept on the stack before the buffer moves to the heap.
const SMALL: usize = 128;

pub struct TextBuf {
    /// Bytes in `small` (when `big` is not in use).
    len: usize,
    small: MaybeUninit<[u8; SMALL]>,
    /// All the bytes, once they passed `SMALL`.
    big: Option<Vec<u8>>,
}

impl Default for TextBuf {
    fn default() -> Self {
        TextBuf::new()
    }
}

impl TextBuf {
    #[inline]
    pub fn new() -> TextBuf {
        TextBuf {
            len: 0,
            small: MaybeUninit::uninit(),
            big: None,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        match &self.big {
            None => self.len,
            Some(v) => v.len(),
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn small_mut(&mut self) -> &mut [u8; SMALL] {
        // SAFETY: a byte array has no invalid values; only bytes below `len` are ever read,
        // and those were written.
        unsafe { self.small.assume_init_mut() }
    }

    /// Appends `b` unless the result would be longer than `limit` (then false, nothing
    /// appended).
    #[inline]
    pub fn push(&mut self, b: &[u8], limit: usize) -> bool {
        let n = self.len + b.len();
        if self.big.is_none() && n <= SMALL && n <= limit {
            let at = self.len;
            copy_short(&mut self.small_mut()[at..n], b);
            self.len = n;
            return true;
        }
        self.push_big(b, limit)
    }

    #[inline(never)]
    fn push_big(&mut self, b: &[u8], limit: usize) -> bool {
        if self.len() + b.len() > limit {
            return false;
        }
        let len = self.len;
        let small = self.small_mut()[..len].to_vec();
        let big = self.big.get_or_insert(small);
        big.extend_from_slice(b);
        true
    }

    /// Appends the text of `v` unless the result would be longer than `limit`; a value that
    /// is only a number so far is formatted straight into the buffer.
    #[inline]
    pub fn push_value(&mut self, v: &Value, limit: usize) -> bool {
        if v.state.get() == NO_TEXT {
            return self.push_number(Number::from_parts(v.mant.get(), v.exp.get()), limit);
        }
        self.push(v.bytes(), limit)
    }

    /// Appends the canonical text of `n` unless the result would be longer than `limit`:
    /// formatted straight into the buffer while it is on the stack.
    #[inline]
    pub fn push_number(&mut self, n: Number, limit: usize) -> bool {
        if self.big.is_none() && self.len + CANONICAL_MAX <= SMALL {
            let at = self.len;
            let dst: &mut [u8; CANONICAL_MAX] = (&mut self.small_mut()[at..at + CANONICAL_MAX])
                .try_into()
                .expect("CANONICAL_MAX bytes");
            let k = n.format_canonical(dst);
            // The canonical form is at most CANONICAL_MAX bytes, far below any limit
            // passed in, but the limit is the caller's.
            if at + k > limit {
                return false;
            }
            self.len = at + k;
            return true;
        }
        let mut text = [0u8; CANONICAL_MAX];
        let k = n.format_canonical(&mut text);
        self.push(&text[..k], limit)
    }

    /// The bytes gathered.
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        match &self.big {
            // SAFETY: as in `small_mut`.
            None => unsafe { &self.small.assume_init_ref()[..self.len] },
            Some(v) => v,
        }
    }

    /// The value of the bytes gathered (by reference: moving the buffer, stack part and
    /// all, would cost a copy of it).
    #[inline]
    pub fn to_value(&self) -> Value {
        if self.big.is_none() && self.len <= INLINE {
            let mut buf = [0u8; INLINE];
            put(&mut buf, 0, self.bytes());
            return Value::with_text(Text { inline: buf }, self.len as u8);
        }
        Value::from_bytes(self.bytes())
    }
}

/// Copies `src` into `dst` (the same length): a few fixed-size moves up to 16 bytes, else
/// `memcpy`.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    if src.len() > 16 {
        dst.copy_from_slice(src);
    } else {
        copy_few(dst, src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathers_across_the_stack_limit() {
        let mut b = TextBuf::new();
        let mut want = Vec::new();
        for i in 0..100u8 {
            let part: Vec<u8> = (0..i % 23).map(|k| k.wrapping_mul(i)).collect();
            assert!(b.push(&part, 1 << 20));
            want.extend_from_slice(&part);
            assert_eq!(b.bytes(), &want[..]);
            assert_eq!(b.len(), want.len());
        }
        assert!(!b.push(b"x", want.len()));
        assert_eq!(b.to_value().bytes(), &want[..]);
    }

    #[test]
    fn numbers_and_limits() {
        let mut b = TextBuf::new();
        assert!(b.push_value(&Value::from_num(Number::parse(b"-12.50")), 100));
        assert!(b.push_value(&Value::from("x"), 100));
        assert!(b.push_value(&Value::from_i64(7), 100));
        assert!(!b.push_value(&Value::from_i64(123), 8));
        assert!(b.push_number(Number::from_i64(-40), 100));
        assert!(!b.push_number(Number::from_i64(5), 9));
        assert_eq!(b.bytes(), b"-12.5x7-40");
        let mut b = TextBuf::new();
        assert!(b.push(&[b'a'; 120], 1000));
        assert!(b.push_number(Number::parse(b"-1.25"), 1000));
        assert_eq!(&b.bytes()[120..], b"-1.25");
        let mut b = TextBuf::new();
        assert!(b.push_value(&Value::from("-12.5x7"), 100));
        assert_eq!(b.bytes(), b"-12.5x7");
        let v = b.to_value();
        assert_eq!(v.bytes(), b"-12.5x7");
        assert!(v.heap().is_none());
        let mut b = TextBuf::new();
        assert!(b.push(&[b'a'; 17], 100));
        assert_eq!(b.to_value().bytes(), &[b'a'; 17]);
    }
}
