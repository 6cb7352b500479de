//! `Value`: an M value, a byte string and/or a number, each form made lazily from the other
//! and then cached. M code constantly moves between the two (`set x=x+1` then `write x`);
//! caching both forms means neither is recomputed.

use std::cell::{Cell, OnceCell};
use std::fmt;
use std::rc::Rc;

use crate::number::Number;

/// M strings are bytes (GT.M's M mode): `$CHAR(255)` is one character.
pub type Bytes = Rc<[u8]>;

#[derive(Clone)]
pub struct Value {
    /// The string form; for a value made from a number, filled on first use.
    text: OnceCell<Bytes>,
    /// The numeric interpretation as `Number`'s parts (`mant * 10^exp`); `exp == NO_NUM`
    /// until it is made from the text. Two cells instead of a `Cell<Option<Number>>` keep
    /// `Value` at 32 bytes.
    mant: Cell<i64>,
    exp: Cell<i32>,
    /// Whether the text is a canonical number (so it collates as a number): `UNKNOWN`,
    /// `CANON` or `NOT_CANON`, cached because every subscript asks.
    canon: Cell<u8>,
}

/// `Value::exp` when the number has not been computed (no `Number` has such an exponent).
const NO_NUM: i32 = i32::MIN;
const UNKNOWN: u8 = 0;
const CANON: u8 = 1;
const NOT_CANON: u8 = 2;

thread_local! {
    static EMPTY: Bytes = Rc::from(&b""[..]);
    static ONE_BYTE: Vec<Bytes> = (0..=255u8).map(|c| Rc::from(&[c][..])).collect();
}

impl Value {
    pub fn empty() -> Value {
        Value::from_rc(EMPTY.with(Rc::clone))
    }

    #[inline]
    pub fn from_rc(b: Bytes) -> Value {
        Value {
            text: OnceCell::from(b),
            mant: Cell::new(0),
            exp: Cell::new(NO_NUM),
            canon: Cell::new(UNKNOWN),
        }
    }

    /// A string already known not to be a canonical number (a string subscript).
    #[inline]
    pub fn from_noncanonical_rc(b: Bytes) -> Value {
        let v = Value::from_rc(b);
        v.canon.set(NOT_CANON);
        v
    }

    /// The concatenation of two byte strings, in one allocation.
    pub fn concat(x: &[u8], y: &[u8]) -> Value {
        let mut rc = Rc::<[u8]>::new_uninit_slice(x.len() + y.len());
        // A fresh Rc is unique.
        let buf = Rc::get_mut(&mut rc).expect("fresh Rc is unique");
        let (head, tail) = buf.split_at_mut(x.len());
        for (dst, src) in [(head, x), (tail, y)] {
            // `MaybeUninit<u8>` has the layout of `u8`; this is `write_copy_of_slice`.
            for (d, s) in dst.iter_mut().zip(src) {
                d.write(*s);
            }
        }
        // SAFETY: every byte of the buffer was written just above (`head` and `tail` cover it).
        Value::from_rc(unsafe { rc.assume_init() })
    }

    /// A value of these bytes; the empty string and one-byte strings (`$E(s,i)`, `$C(n)`)
    /// share buffers made once, so they cost no allocation.
    #[inline]
    pub fn from_bytes(b: impl AsRef<[u8]>) -> Value {
        let b = b.as_ref();
        match b {
            [] => Value::empty(),
            [c] => Value::from_rc(ONE_BYTE.with(|t| t[*c as usize].clone())),
            _ => Value::from_rc(Rc::from(b)),
        }
    }

    #[inline]
    pub fn from_num(n: Number) -> Value {
        let (mant, exp) = n.parts();
        Value {
            text: OnceCell::new(),
            mant: Cell::new(mant),
            exp: Cell::new(exp),
            canon: Cell::new(CANON),
        }
    }

    #[inline]
    pub fn from_i64(i: i64) -> Value {
        Value::from_num(Number::from_i64(i))
    }

    #[inline]
    pub fn from_bool(b: bool) -> Value {
        Value::from_i64(b as i64)
    }

    /// The string form (a number's canonical text).
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        self.rc()
    }

    /// The string form as a shared buffer.
    #[inline]
    pub fn rc(&self) -> &Bytes {
        self.text.get_or_init(|| {
            let mut out = Vec::with_capacity(20);
            // A value without text always has a number.
            if let Some(n) = self.cached_num() {
                n.write_canonical(&mut out);
            }
            Rc::from(out)
        })
    }

    /// The number, if it was already computed.
    #[inline]
    fn cached_num(&self) -> Option<Number> {
        let exp = self.exp.get();
        (exp != NO_NUM).then(|| Number::from_parts(self.mant.get(), exp))
    }

    #[inline]
    fn cache_num(&self, n: Number) {
        let (mant, exp) = n.parts();
        self.mant.set(mant);
        self.exp.set(exp);
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
                let c = match self.text.get() {
                    None => true,
                    Some(t) => Number::is_canonical(t),
                };
                self.canon.set(if c { CANON } else { NOT_CANON });
                c
            }
        }
    }

    /// Truth value: the number is not zero (`"1abc"` is true, `"0.0"` false).
    #[inline]
    pub fn truth(&self) -> bool {
        !self.num().is_zero()
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
    fn from(v: Vec<u8>) -> Value {
        Value::from_rc(Rc::from(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_forms() {
        let v = Value::from("3abc");
        assert_eq!(v.num(), Number::from_i64(3));
        assert!(!v.is_canonical_number());
        let n = Value::from_num(Number::parse(b".50"));
        assert_eq!(n.bytes(), b".5");
        assert!(n.is_canonical_number());
        assert!(Value::from("1").is_canonical_number());
        assert!(!Value::from("01").is_canonical_number());
        assert_eq!(std::mem::size_of::<Value>(), 32);
        assert!(!Value::from("0.0").truth());
        assert!(Value::from("1abc").truth());
    }
}
