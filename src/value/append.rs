//! Growing a value's text in place: appending (`SET s=s_x` in a loop) and rewriting a long
//! text in the buffer the value alone owns, so a string built piece by piece is copied a
//! logarithmic number of times.

use std::rc::Rc;

use super::{GROW, HEAP, INLINE, Value, copy_few, put};

impl Value {
    /// The text's buffer when this value is its only owner (nothing else can see a write
    /// past the text's end).
    #[inline]
    pub(super) fn sole_buffer(&mut self) -> Option<&mut [u8]> {
        let state = self.state.get();
        if state != HEAP && state != GROW {
            return None;
        }
        // SAFETY: `HEAP` and `GROW` say the heap field is live.
        Rc::get_mut(unsafe { &mut self.text.get_mut().heap })
    }

    /// Appends `tail` to the text, in place when there is room: in the value while it fits,
    /// else in the value's own buffer when nothing shares it and it is long enough; else
    /// into a new buffer with as much room again, so a string built by appending (`set
    /// s=s_x` in a loop) is copied a logarithmic number of times. The caller checks
    /// MAXSTRLEN first.
    #[inline]
    pub fn append(&mut self, tail: &[u8]) {
        if !self.append_inline(tail) {
            self.append_long(tail);
        }
    }

    /// `append` when the result would be at most `max` bytes long; false, nothing changed,
    /// when it would be longer. A short text grows inline without its length being looked
    /// up (`SET s=s_c` building a field).
    #[inline(always)]
    pub fn append_within(&mut self, tail: &[u8], max: usize) -> bool {
        if self.append_inline(tail) {
            return true;
        }
        if self.len() + tail.len() > max {
            return false;
        }
        self.append_long(tail);
        true
    }

    /// The text's only byte when it is one byte kept in the value (a character taken by
    /// `$EXTRACT`, a one-character literal); None for any other text, and for a number
    /// whose text is not made yet.
    #[inline(always)]
    pub fn only_byte(&self) -> Option<u8> {
        // SAFETY: a state of 1 says the inline field is live, holding one byte.
        (self.state.get() == 1).then(|| unsafe { (*self.text.get()).inline[0] })
    }

    /// `append_within` of one byte (`SET s=s_c` building a field), written straight into
    /// the inline text while it is shorter than `INLINE`.
    #[inline(always)]
    pub fn push_byte_within(&mut self, c: u8, max: usize) -> bool {
        let len = self.state.get() as usize;
        if len >= INLINE {
            // A longer text growing in its own buffer with room: the byte written there.
            if self.state.get() == GROW {
                let len = self.mant.get() as usize;
                if len < max
                    && let Some(buf) = self.sole_buffer()
                    && let Some(at) = buf.get_mut(len)
                {
                    *at = c;
                    self.mant.set(len as i64 + 1);
                    self.forget_num();
                    return true;
                }
            }
            // Full inline text, or a shared buffer, or a number without text.
            return self.append_within(&[c], max);
        }
        self.forget_num();
        // SAFETY: a state below `INLINE` says the inline field is live; `len < INLINE`.
        unsafe { *self.text.get_mut().inline.get_unchecked_mut(len) = c };
        self.state.set(len as u8 + 1);
        true
    }

    /// Appends `tail` inline when the text is inline and the result fits; false otherwise.
    #[inline(always)]
    fn append_inline(&mut self, tail: &[u8]) -> bool {
        let len = self.state.get() as usize;
        if len + tail.len() > INLINE {
            return false;
        }
        // A state up to `INLINE` is the inline text's length (the others are above).
        self.forget_num();
        // SAFETY: a state up to `INLINE` says the inline field is live.
        let inline = unsafe { &mut self.text.get_mut().inline };
        put(inline, len, tail);
        self.state.set((len + tail.len()) as u8);
        true
    }

    /// Whether the text is in a buffer this value alone owns.
    #[inline]
    pub fn owns_buffer(&self) -> bool {
        let state = self.state.get();
        // SAFETY: `HEAP` and `GROW` say the heap field is live.
        (state == HEAP || state == GROW)
            && unsafe {
                let rc = &*(*self.text.get()).heap;
                Rc::strong_count(rc) == 1 && Rc::weak_count(rc) == 0
            }
    }

    /// Replaces the text with `len` bytes (more than `INLINE`) that `fill` writes, in the
    /// value's own buffer when it has the room, else in a new one with as much room again
    /// (a string rebuilt in a loop, `SET t=a_b`, is reallocated only when it outgrows its
    /// buffer). The caller checks MAXSTRLEN first.
    pub fn rewrite_long(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) {
        debug_assert!(len > INLINE);
        self.forget_num();
        match self.sole_buffer() {
            Some(buf) if buf.len() >= len => fill(&mut buf[..len]),
            _ => {
                *self = Value::with_room(&[], 2 * len);
                let buf = self.sole_buffer().expect("a fresh buffer is owned alone");
                fill(&mut buf[..len]);
            }
        }
        self.mant.set(len as i64);
        self.state.set(GROW);
    }

    #[inline(never)]
    fn append_long(&mut self, tail: &[u8]) {
        let len = self.len();
        let new_len = len + tail.len();
        if new_len <= INLINE {
            // Short text in a shared buffer (a literal's) or a number's: now inline.
            *self = Value::concat(self.bytes(), tail);
            return;
        }
        self.forget_num();
        if let Some(buf) = self.sole_buffer()
            && buf.len() >= new_len
        {
            if tail.len() <= INLINE {
                copy_few(&mut buf[len..new_len], tail);
            } else {
                buf[len..new_len].copy_from_slice(tail);
            }
            self.mant.set(new_len as i64);
            self.state.set(GROW);
            return;
        }
        *self = Value::with_room(&[self.bytes(), tail], (2 * new_len).max(2 * INLINE));
    }
}
