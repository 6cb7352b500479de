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
    /// The numeric interpretation; for a value made from a string, filled on first use.
    num: Cell<Option<Number>>,
}

thread_local! {
    static EMPTY: Bytes = Rc::from(&b""[..]);
}

impl Value {
    pub fn empty() -> Value {
        Value::from_rc(EMPTY.with(Rc::clone))
    }

    pub fn from_rc(b: Bytes) -> Value {
        Value {
            text: OnceCell::from(b),
            num: Cell::new(None),
        }
    }

    pub fn from_bytes(b: impl AsRef<[u8]>) -> Value {
        Value::from_rc(Rc::from(b.as_ref()))
    }

    pub fn from_num(n: Number) -> Value {
        Value {
            text: OnceCell::new(),
            num: Cell::new(Some(n)),
        }
    }

    pub fn from_i64(i: i64) -> Value {
        Value::from_num(Number::from_i64(i))
    }

    pub fn from_bool(b: bool) -> Value {
        Value::from_i64(b as i64)
    }

    /// The string form (a number's canonical text).
    pub fn bytes(&self) -> &[u8] {
        self.rc()
    }

    /// The string form as a shared buffer.
    pub fn rc(&self) -> &Bytes {
        self.text.get_or_init(|| {
            let mut out = Vec::with_capacity(20);
            // A value without text always has a number.
            if let Some(n) = self.num.get() {
                n.write_canonical(&mut out);
            }
            Rc::from(out)
        })
    }

    /// The numeric interpretation (`"3abc"` is 3).
    pub fn num(&self) -> Number {
        if let Some(n) = self.num.get() {
            return n;
        }
        let n = Number::parse(self.bytes());
        self.num.set(Some(n));
        n
    }

    /// The numeric interpretation, or NUMOFLOW for a string beyond M's range (`"1E47"`).
    pub fn num_checked(&self) -> Result<Number, crate::number::NumError> {
        if let Some(n) = self.num.get() {
            return Ok(n);
        }
        let n = Number::parse_checked(self.bytes())?;
        self.num.set(Some(n));
        Ok(n)
    }

    /// True when the value is a number whose text is its canonical form, so it collates as a
    /// number in subscripts. A value made from a number always is.
    pub fn is_canonical_number(&self) -> bool {
        match self.text.get() {
            None => true,
            Some(t) => Number::is_canonical(t),
        }
    }

    /// Truth value: the number is not zero (`"1abc"` is true, `"0.0"` false).
    pub fn truth(&self) -> bool {
        !self.num().is_zero()
    }

    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Integer view of the number (truncated), for positions, counts and codes.
    pub fn int(&self) -> i64 {
        self.num().to_i64()
    }

    /// The value as text, for messages and names (lossy for non-UTF-8 bytes).
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
        assert!(!Value::from("0.0").truth());
        assert!(Value::from("1abc").truth());
    }
}
