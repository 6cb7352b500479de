//! `Value`: an M value, a byte string and/or a number, each form made lazily from the other
//! and then cached. M code constantly moves between the two (`set x=x+1` then `write x`);
//! caching both forms means neither is recomputed.
//!
//! Strings of up to `INLINE` bytes (and the text of most numbers) live inside the value
//! itself, so making, copying and dropping them costs no allocation; longer ones share one
//! reference-counted buffer.

use std::cell::{Cell, UnsafeCell};
use std::fmt;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use crate::number::Number;

mod append;
mod build;
mod splice;
pub use build::TextBuf;

/// M strings are bytes (GT.M's M mode): `$CHAR(255)` is one character.
pub type Bytes = Rc<[u8]>;

/// The longest string kept inside a `Value`.
pub const INLINE: usize = 16;

/// `Value::state` for text in a shared buffer (`Text::heap`).
const HEAP: u8 = 0x80;
/// `Value::state` for a value made from a number whose text is not made yet.
const NO_TEXT: u8 = 0x81;
/// `Value::state` for text at the start of a shared buffer with room after it
/// (`Text::heap`, made by `append`): its length is kept in `mant`, and the value caches no
/// number (parsed again when asked). Only a sole owner writes past the length.
const GROW: u8 = 0x82;

/// The text's storage; `Value::state` says which field is live.
#[repr(C)]
union Text {
    inline: [u8; INLINE],
    heap: ManuallyDrop<Bytes>,
}

/// A byte with one valid value, so that `Option<Value>` and `MResult<Value>` use its other
/// 255 values as their tag and are no bigger than `Value`.
#[repr(u8)]
#[derive(Clone, Copy)]
enum Niche {
    Only = 0,
}

pub struct Value {
    /// The string form: `state` bytes of `inline` (0..=`INLINE`), `heap` (`HEAP`), the
    /// first `mant` bytes of `heap` (`GROW`), or nothing yet (`NO_TEXT`, a value made from a number; filled on first use, then never
    /// changed, so a slice handed out by `bytes` stays valid as long as the value).
    text: UnsafeCell<Text>,
    /// The numeric interpretation as `Number`'s parts (`mant * 10^exp`); `exp == NO_NUM`
    /// until it is made from the text.
    mant: Cell<i64>,
    exp: Cell<i32>,
    /// Whether the text is a canonical number (so it collates as a number): `UNKNOWN`,
    /// `CANON` or `NOT_CANON`, cached because every subscript asks.
    canon: Cell<u8>,
    state: Cell<u8>,
    _niche: Niche,
}

/// `Value::exp` when the number has not been computed (no `Number` has such an exponent).
const NO_NUM: i32 = i32::MIN;
const UNKNOWN: u8 = 0;
const CANON: u8 = 1;
const NOT_CANON: u8 = 2;

/// A new shared buffer of `cap` bytes holding `parts` one after the other (`len` bytes, their
/// total, at most `cap`), the room after them zeroed: one allocation, each byte written once.
fn joined_buffer(parts: &[&[u8]], len: usize, cap: usize) -> Rc<[u8]> {
    debug_assert!(len <= cap && len == parts.iter().map(|p| p.len()).sum::<usize>());
    let mut rc = Rc::<[u8]>::new_uninit_slice(cap);
    let Some(buf) = Rc::get_mut(&mut rc) else {
        unreachable!("a buffer just made has one owner");
    };
    let dst = buf.as_mut_ptr().cast::<u8>();
    let mut at = 0;
    // SAFETY: the parts add up to `len <= cap`, the buffer's length; `MaybeUninit<u8>` has
    // the layout of `u8`; a fresh buffer overlaps no part; the room after the text is
    // zeroed, so every byte is initialised before `assume_init`.
    unsafe {
        for p in parts {
            std::ptr::copy_nonoverlapping(p.as_ptr(), dst.add(at), p.len());
            at += p.len();
        }
        std::ptr::write_bytes(dst.add(len), 0, cap - len);
        rc.assume_init()
    }
}

/// Copies `src` into `buf` at `at` (`at + src.len() <= INLINE`) with a few fixed-size moves
/// instead of a call to `memcpy`.
#[inline(always)]
fn put(buf: &mut [u8; INLINE], at: usize, src: &[u8]) {
    copy_few(&mut buf[at..at + src.len()], src);
}

/// Copies `src` (at most 16 bytes) into `dst` of the same length with two overlapping
/// moves of 8, 4 or 1 bytes.
#[inline(always)]
pub(crate) fn copy_few(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n >= 8 {
        dst[..8].copy_from_slice(&src[..8]);
        dst[n - 8..].copy_from_slice(&src[n - 8..]);
    } else if n >= 4 {
        dst[..4].copy_from_slice(&src[..4]);
        dst[n - 4..].copy_from_slice(&src[n - 4..]);
    } else if n > 0 {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

impl Value {
    #[inline]
    fn with_text(text: Text, state: u8) -> Value {
        Value {
            text: UnsafeCell::new(text),
            mant: Cell::new(0),
            exp: Cell::new(NO_NUM),
            canon: Cell::new(UNKNOWN),
            state: Cell::new(state),
            _niche: Niche::Only,
        }
    }

    /// The empty string.
    #[inline]
    pub fn empty() -> Value {
        Value::with_text(
            Text {
                inline: [0; INLINE],
            },
            0,
        )
    }

    /// A value sharing this buffer.
    #[inline]
    pub fn from_rc(b: Bytes) -> Value {
        Value::with_text(
            Text {
                heap: ManuallyDrop::new(b),
            },
            HEAP,
        )
    }

    /// A string already known not to be a canonical number (a string subscript).
    #[inline]
    pub fn from_noncanonical_rc(b: Bytes) -> Value {
        let v = Value::from_rc(b);
        v.canon.set(NOT_CANON);
        v
    }

    /// A string already known not to be a canonical number, inline when short.
    #[inline]
    pub fn from_noncanonical(b: &[u8]) -> Value {
        let v = Value::from_bytes(b);
        v.canon.set(NOT_CANON);
        v
    }

    /// The concatenation of two byte strings, in at most one allocation.
    #[inline]
    pub fn concat(x: &[u8], y: &[u8]) -> Value {
        Value::concat_all(&[x, y])
    }

    /// The concatenation of byte strings (an `a_b_c_d` chain), in at most one allocation.
    #[inline]
    pub fn concat_all(parts: &[&[u8]]) -> Value {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        if len <= INLINE {
            let mut buf = [0u8; INLINE];
            let mut at = 0;
            for p in parts {
                put(&mut buf, at, p);
                at += p.len();
            }
            return Value::with_text(Text { inline: buf }, len as u8);
        }
        Value::from_rc(joined_buffer(parts, len, len))
    }

    /// A value of these bytes: inline when short, else in a new shared buffer.
    #[inline(always)]
    pub fn from_bytes(b: impl AsRef<[u8]>) -> Value {
        let b = b.as_ref();
        if b.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            put(&mut buf, 0, b);
            Value::with_text(Text { inline: buf }, b.len() as u8)
        } else {
            Value::from_long(b)
        }
    }

    #[inline(never)]
    fn from_long(b: &[u8]) -> Value {
        Value::from_rc(Rc::from(b))
    }

    #[inline]
    pub fn from_num(n: Number) -> Value {
        let (mant, exp) = n.parts();
        Value {
            text: UnsafeCell::new(Text {
                inline: [0; INLINE],
            }),
            mant: Cell::new(mant),
            exp: Cell::new(exp),
            canon: Cell::new(CANON),
            state: Cell::new(NO_TEXT),
            _niche: Niche::Only,
        }
    }

    /// A one-byte string (`$EXTRACT(s,i)`), without the general copy.
    #[inline(always)]
    pub fn from_byte(c: u8) -> Value {
        let mut buf = [0u8; INLINE];
        buf[0] = c;
        Value::with_text(Text { inline: buf }, 1)
    }

    #[inline(always)]
    pub fn from_i64(i: i64) -> Value {
        Value::from_num(Number::from_i64(i))
    }

    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        Value::from_num(if b { Number::ONE } else { Number::ZERO })
    }

    /// The string form (a number's canonical text).
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        let mut state = self.state.get();
        if state == NO_TEXT {
            self.make_text();
            state = self.state.get();
        }
        self.text_of_state(state)
    }

    /// `bytes` of a value that has text (its state is not `NO_TEXT`): what `same_text`
    /// compares, inline at its call sites without `bytes`' call to make a number's text.
    #[inline(always)]
    fn text_bytes(&self) -> &[u8] {
        let state = self.state.get();
        debug_assert!(state != NO_TEXT);
        self.text_of_state(state)
    }

    /// The text `state` (not `NO_TEXT`) says is live.
    #[inline(always)]
    fn text_of_state(&self, state: u8) -> &[u8] {
        // SAFETY: `state` says which field of `text` is live; once there is text it is never
        // changed while `self` is borrowed (only `drop` touches it again).
        unsafe {
            let text = &*self.text.get();
            if state == HEAP {
                &text.heap[..]
            } else if state == GROW {
                text.heap.get_unchecked(..self.mant.get() as usize)
            } else {
                text.inline.get_unchecked(..state as usize)
            }
        }
    }

    /// Writes the canonical text of the number into the value (a value without text always
    /// has a number).
    #[inline(never)]
    fn make_text(&self) {
        let n = Number::from_parts(self.mant.get(), self.exp.get());
        // SAFETY: as below. A short integer (the usual number made text) goes straight in.
        if let Some(len) = n.format_short_int(unsafe { &mut (*self.text.get()).inline }) {
            self.state.set(len as u8);
            return;
        }
        let mut buf = [0u8; crate::number::CANONICAL_MAX];
        let len = n.format_canonical(&mut buf);
        // SAFETY: with `NO_TEXT` nothing borrows the text and the inline field is live (an
        // array of bytes, nothing to drop); the state is set after the field is written.
        unsafe {
            let text = &mut *self.text.get();
            if len <= INLINE {
                text.inline.copy_from_slice(&buf[..INLINE]);
                self.state.set(len as u8);
            } else {
                text.heap = ManuallyDrop::new(Rc::from(&buf[..len]));
                self.state.set(HEAP);
            }
        }
    }

    /// The text's shared buffer, when it has one (a long string).
    #[inline]
    pub fn heap(&self) -> Option<&Bytes> {
        // SAFETY: as in `bytes`.
        (self.state.get() == HEAP).then(|| unsafe { &*(*self.text.get()).heap })
    }

    /// Where the text's shared buffer starts, when it has one: two values with the same
    /// address have the same text for as long as both live (a buffer is written only by its
    /// sole owner, so never while a second value holds it).
    #[inline]
    pub fn shared_ptr(&self) -> Option<*const u8> {
        let state = self.state.get();
        // SAFETY: as in `bytes`.
        (state == HEAP || state == GROW).then(|| unsafe { (*self.text.get()).heap.as_ptr() })
    }

    /// The text changes: the number and canonical form cached for the old one go.
    #[inline(always)]
    fn forget_num(&self) {
        self.exp.set(NO_NUM);
        self.canon.set(UNKNOWN);
    }

    /// The string form as a shared buffer (made for a short string).
    #[inline]
    pub fn rc(&self) -> Bytes {
        match self.heap() {
            Some(b) => b.clone(),
            None => Rc::from(self.bytes()),
        }
    }
    /// The number, if it was already computed.
    #[inline]
    fn cached_num(&self) -> Option<Number> {
        let exp = self.exp.get();
        (exp != NO_NUM).then(|| Number::from_parts(self.mant.get(), exp))
    }

    #[inline]
    fn cache_num(&self, n: Number) {
        if self.state.get() == GROW {
            return; // `mant` holds the length
        }
        let (mant, exp) = n.parts();
        self.mant.set(mant);
        self.exp.set(exp);
    }

    /// The number when it was already computed and is an integer below 10^18 in magnitude
    /// (the common case of counters and positions, added without a call).
    #[inline(always)]
    pub fn cached_int(&self) -> Option<i64> {
        (self.exp.get() == 0).then(|| self.mant.get())
    }

    /// Makes this value the integer `n` (as `from_num` of `n` with exponent 0, so below
    /// 10^18) in place, when it holds no shared buffer: a FOR's control variable stepping
    /// writes its number and drops its text, nothing else. False (unchanged) otherwise.
    #[inline(always)]
    pub fn set_small_int(&mut self, n: i64) -> bool {
        let state = self.state.get();
        if state == HEAP || state == GROW {
            return false;
        }
        self.mant.set(n);
        self.exp.set(0);
        self.canon.set(CANON);
        self.state.set(NO_TEXT);
        true
    }

    /// The numeric interpretation (`"3abc"` is 3).
    #[inline]
    pub fn num(&self) -> Number {
        if let Some(n) = self.cached_num() {
            return n;
        }
        let n = Number::parse(self.bytes());
        self.cache_num(n);
        n
    }

    /// The numeric interpretation, or NUMOFLOW for a string beyond M's range (`"1E47"`).
    #[inline]
    pub fn num_checked(&self) -> Result<Number, crate::number::NumError> {
        if let Some(n) = self.cached_num() {
            return Ok(n);
        }
        let n = Number::parse_checked(self.bytes())?;
        self.cache_num(n);
        Ok(n)
    }

    /// True when the value is a number whose text is its canonical form, so it collates as a
    /// number in subscripts. A value made from a number always is.
    #[inline]
    pub fn is_canonical_number(&self) -> bool {
        match self.canon.get() {
            CANON => true,
            NOT_CANON => false,
            _ => {
                let c = self.state.get() == NO_TEXT || Number::is_canonical(self.bytes());
                self.canon.set(if c { CANON } else { NOT_CANON });
                c
            }
        }
    }

    /// Whether the two values have the same text (`=`), without making the text of a value
    /// that is only a number so far: a number's text is its canonical form, which is
    /// unique, so it equals a text only when that text is canonical with the same number
    /// (`k=""` after `set k=$order(a(k))` formats nothing).
    #[inline(always)]
    pub fn same_text(&self, other: &Value) -> bool {
        if self.state.get() != NO_TEXT && other.state.get() != NO_TEXT {
            return short_eq(self.text_bytes(), other.text_bytes());
        }
        self.same_number_text(other)
    }

    /// `same_text`, a one-byte text (`ch=","`, see `eval::truth`) compared in place with
    /// another value's text (a literal's, often in a shared buffer).
    #[inline(always)]
    pub fn same_text_quick(&self, other: &Value) -> bool {
        let theirs = other.state.get();
        if self.state.get() == 1 && theirs != NO_TEXT {
            // SAFETY: a state of 1 says the inline field is live, with one byte.
            let mine = unsafe { (*self.text.get()).inline[0] };
            return matches!(other.text_of_state(theirs), [c] if *c == mine);
        }
        self.same_text_apart(other)
    }

    /// `same_text`, out of line (see `same_text_quick`).
    #[inline(never)]
    fn same_text_apart(&self, other: &Value) -> bool {
        self.same_text(other)
    }

    /// `same_text` when one value or both are only a number so far.
    #[inline(never)]
    fn same_number_text(&self, other: &Value) -> bool {
        match (self.state.get() == NO_TEXT, other.state.get() == NO_TEXT) {
            (false, false) => short_eq(self.bytes(), other.bytes()),
            (true, true) => self.num() == other.num(),
            (true, false) => other.is_canonical_number() && other.num() == self.num(),
            (false, true) => self.is_canonical_number() && self.num() == other.num(),
        }
    }

    /// Truth value: the number is not zero (`"1abc"` is true, `"0.0"` false).
    #[inline]
    pub fn truth(&self) -> bool {
        // A known integer (a flag, a counter) without making the number.
        match self.cached_int() {
            Some(i) => i != 0,
            None => !self.num().is_zero(),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Integer view of the number (truncated), for positions, counts and codes.
    #[inline]
    pub fn int(&self) -> i64 {
        self.num().to_i64()
    }

    /// The value as text, for messages and names (lossy for non-UTF-8 bytes).
    /// The value as routine text for the parser (indirection, XECUTE), every byte kept
    /// (see `syntax::source`).
    pub fn source_text(&self) -> String {
        crate::syntax::source::from_bytes(self.bytes())
    }

    pub fn to_text(&self) -> String {
        String::from_utf8_lossy(self.bytes()).into_owned()
    }
}

/// `a == b`, a one-byte text (`ch=","`, the usual test of a character) compared without a
/// call to `memcmp`.
#[inline(always)]
fn short_eq(a: &[u8], b: &[u8]) -> bool {
    match (a, b) {
        ([x], [y]) => x == y,
        _ => a == b,
    }
}

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        let state = self.state.get();
        if state == HEAP || state == GROW {
            // SAFETY: the state says the heap field is live.
            let b = unsafe { &*(*self.text.get()).heap };
            // One more owner of the buffer: the copy made below.
            std::mem::forget(b.clone());
        }
        // SAFETY: a bitwise copy is a valid value once the shared buffer (if any) counts it as
        // an owner; nothing mutates `self` during the copy (single thread, and `make_text`
        // only runs inside `bytes`).
        unsafe { std::ptr::read(self) }
    }
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        let state = self.state.get();
        if state == HEAP || state == GROW {
            // SAFETY: the state says the buffer is live; it is dropped once, here.
            unsafe { ManuallyDrop::drop(&mut self.text.get_mut().heap) }
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.bytes()))
    }
}

impl PartialEq for Value {
    /// M `=`: string equality.
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::from_bytes(s.as_bytes())
    }
}

impl From<Vec<u8>> for Value {
    #[inline]
    fn from(v: Vec<u8>) -> Value {
        if v.len() <= INLINE {
            Value::from_bytes(v)
        } else {
            Value::from_rc(Rc::from(v))
        }
    }
}

#[cfg(test)]
mod tests;
