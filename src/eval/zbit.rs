//! GT.M's bit strings (`$ZBITSTR` and the other `$ZBIT...` functions).
//!
//! A bit string is one byte giving how many bits of the last byte are padding (0-7), then the
//! bits, most significant first: `$ZBITSTR(3,1)` is `$C(5,224)`. Bit 1 is the first.

use crate::error::{MError, MResult, kind};
use crate::syntax::ast::BitOp;
use crate::value::Value;

/// The most bits GT.M's `$ZBITSTR` makes.
const MAX_BITS: i64 = 253_952;

/// `$ZBIT...` of evaluated arguments (their count is checked by the parser).
pub fn zbit(op: BitOp, v: &[Value]) -> MResult<Value> {
    let int = |i: usize, default: i64| v.get(i).map_or(default, Value::int);
    Ok(match op {
        BitOp::Str => Value::from(make(int(0, 0), v.get(1).is_some_and(Value::truth))?),
        BitOp::Len => Value::from_i64(bit_len(v[0].bytes())? as i64),
        BitOp::Count => {
            let s = v[0].bytes();
            let n = bit_len(s)?;
            Value::from_i64((1..=n).filter(|&i| get(s, i)).count() as i64)
        }
        BitOp::Get => {
            let s = v[0].bytes();
            Value::from_bool(get(s, position(s, int(1, 0))?))
        }
        BitOp::Set => {
            let mut s = v[0].bytes().to_vec();
            let at = position(&s, int(1, 0))?;
            set(&mut s, at, v[2].truth());
            Value::from(s)
        }
        BitOp::Find => Value::from_i64(find(v[0].bytes(), v[1].truth(), int(2, 1))? as i64),
        BitOp::Not => {
            let s = v[0].bytes();
            bit_len(s)?;
            let mut out = vec![s[0]];
            out.extend(s[1..].iter().map(|b| !b));
            Value::from(out)
        }
        BitOp::And => Value::from(combine(v[0].bytes(), v[1].bytes(), false, |a, b| a & b)?),
        BitOp::Or => Value::from(combine(v[0].bytes(), v[1].bytes(), true, |a, b| a | b)?),
        BitOp::Xor => Value::from(combine(v[0].bytes(), v[1].bytes(), false, |a, b| a ^ b)?),
    })
}

/// `$ZBITSTR(n,v)`: n bits, all v.
fn make(bits: i64, on: bool) -> MResult<Vec<u8>> {
    if !(1..=MAX_BITS).contains(&bits) {
        return Err(MError::new(kind::INVBITLEN));
    }
    let bytes = (bits as usize).div_ceil(8);
    let mut s = vec![(bytes * 8 - bits as usize) as u8];
    s.resize(bytes + 1, 0);
    for i in 1..=bits as usize {
        set(&mut s, i, on);
    }
    Ok(s)
}

/// How many bits a bit string holds; INVBITSTR when it is not one.
fn bit_len(s: &[u8]) -> MResult<usize> {
    match s.split_first() {
        Some((&pad, rest)) if pad <= 7 && !rest.is_empty() => Ok(rest.len() * 8 - pad as usize),
        _ => Err(MError::new(kind::INVBITSTR)),
    }
}

/// A bit position argument, checked against the string (INVBITPOS).
fn position(s: &[u8], at: i64) -> MResult<usize> {
    let n = bit_len(s)?;
    if at < 1 || at as usize > n {
        return Err(MError::new(kind::INVBITPOS));
    }
    Ok(at as usize)
}

fn get(s: &[u8], at: usize) -> bool {
    s[1 + (at - 1) / 8] & (0x80 >> ((at - 1) % 8)) != 0
}

fn set(s: &mut [u8], at: usize, on: bool) {
    let mask = 0x80 >> ((at - 1) % 8);
    let byte = &mut s[1 + (at - 1) / 8];
    if on {
        *byte |= mask;
    } else {
        *byte &= !mask;
    }
}

/// `$ZBITFIND(s,v,from)`: the position after the first bit equal to v at or after `from`, or 0.
fn find(s: &[u8], on: bool, from: i64) -> MResult<usize> {
    let n = bit_len(s)?;
    let from = from.max(1) as usize;
    Ok((from..=n).find(|&i| get(s, i) == on).map_or(0, |i| i + 1))
}

/// `$ZBITAND`, `$ZBITOR`, `$ZBITXOR`: bit by bit; GT.M's result is as long as the shorter
/// string, or the longer for OR (the other string's missing bits count as 0).
fn combine(a: &[u8], b: &[u8], longer: bool, f: fn(u8, u8) -> u8) -> MResult<Vec<u8>> {
    let (la, lb) = (bit_len(a)?, bit_len(b)?);
    let bits = if longer { la.max(lb) } else { la.min(lb) };
    let byte = |s: &[u8], i: usize| s.get(1 + i).copied().unwrap_or(0);
    let mut out = make(bits as i64, false)?;
    for i in 0..out.len() - 1 {
        out[1 + i] = f(byte(a, i), byte(b, i));
    }
    // Bits past the end of the result are padding, and padding is 0.
    let pad = out[0];
    if let Some(last) = out.last_mut() {
        *last &= 0xFFu8 << pad;
    }
    Ok(out)
}
