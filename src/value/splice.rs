//! Edits of a value's text: bytes replaced where they lie when the value alone owns a
//! buffer with room (SET `$PIECE`/`$EXTRACT` in a loop), else a new string made in one
//! allocation, with room to grow when the old one was being edited already.

use std::mem::ManuallyDrop;

use super::{GROW, HEAP, INLINE, Text, Value, copy_few};

impl Value {
    /// Replaces bytes `start..end` of the text (`start <= end <= len`) with `new` where it
    /// lies, when this value alone owns a buffer with room for the result; false, nothing
    /// changed, otherwise (SET `$PIECE` of a field of the same width). The caller checks
    /// MAXSTRLEN first.
    #[inline]
    pub fn splice_in_place(&mut self, start: usize, end: usize, new: &[u8]) -> bool {
        let len = self.len();
        let new_len = len - (end - start) + new.len();
        let was_heap = self.state.get() == HEAP;
        if new_len <= INLINE {
            return false;
        }
        let Some(buf) = self.sole_buffer() else {
            return false;
        };
        if buf.len() < new_len {
            return false;
        }
        if new.len() != end - start {
            buf.copy_within(end..len, start + new.len());
        }
        if new.len() <= INLINE {
            copy_few(&mut buf[start..start + new.len()], new);
        } else {
            buf[start..start + new.len()].copy_from_slice(new);
        }
        self.forget_num();
        if !(was_heap && new_len == len) {
            self.mant.set(new_len as i64);
            self.state.set(GROW);
        }
        true
    }

    /// Replaces bytes `start..end` of the text (`start <= end <= len`) with `new`: in place
    /// when it can (`splice_in_place`), else the value becomes a new string. A value that
    /// alone owned its buffer (edited before, or built by appending) gets a new one with as
    /// much room again, so that a loop that widens a field reallocates a logarithmic number
    /// of times; any other gets a buffer of the exact size (or none, when short). The
    /// caller checks MAXSTRLEN first.
    pub fn splice(&mut self, start: usize, end: usize, new: &[u8]) {
        if self.splice_in_place(start, end, new) {
            return;
        }
        let old = self.bytes();
        let parts = [&old[..start], new, &old[end..]];
        let new_len = old.len() - (end - start) + new.len();
        *self = if new_len > INLINE && self.owns_buffer() {
            Value::with_room(&parts, 2 * new_len)
        } else {
            Value::concat_all(&parts)
        };
    }

    /// A new string of `len` bytes (more than `INLINE`) that `fill` writes, in a buffer of
    /// its own of that size.
    pub fn filled(len: usize, fill: impl FnOnce(&mut [u8])) -> Value {
        let mut v = Value::with_room(&[], len);
        v.rewrite_long(len, fill);
        v
    }

    /// `parts` one after the other at the start of a new buffer of `cap` bytes (a `GROW`
    /// value).
    #[inline(never)]
    pub(super) fn with_room(parts: &[&[u8]], cap: usize) -> Value {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let rc = super::joined_buffer(parts, len, cap);
        let v = Value::with_text(
            Text {
                heap: ManuallyDrop::new(rc),
            },
            GROW,
        );
        v.mant.set(len as i64);
        v
    }
}
