//! `$ZCOLLATE` and `$ZATRANSFORM`: GT.M's database key bytes for a global name or one
//! subscript, and back. The bytes are those of minim's own key encoding (`db::key`), which
//! is GT.M's; only collation 0 (M standard) exists, as in a GT.M without collation
//! libraries (COLLATIONUNDEF otherwise).
//!
//! Probed under GT.M V7.0-005:
//! - `$ZCOLLATE("^a(1,""x"")",0)` is the key: the name, `00`, each subscript and `00`, and a
//!   final `00`; a local name is taken as a global one, an extended reference's environment
//!   is dropped; subscripts are canonic numbers or strings (quoted, `$C(...)`, joined by
//!   `_`), anything else NOCANONICNAME. `$ZCOLLATE(key,0,1)` is `^name(subs)` again, string
//!   subscripts quoted with their bytes as they are; bytes that end before the final `00`
//!   give `$C(0)`.
//! - `$ZATRANSFORM(x,0)` is x's subscript bytes and `00` ("" gives ""); a nonzero fourth
//!   argument takes a number as a string. `$ZATRANSFORM(bytes,0,1)` is the value of the
//!   first subscript in them; a third argument of 2 or -2 is the byte after or before x's
//!   first one ("" when there is none).

use super::{Here, Interp};
use crate::db::key::{END, decode_subscript, push_subscript};
use crate::error::{MError, MResult, kind};
use crate::locals::Key;
use crate::syntax::ast::{Expr, Func};
use crate::value::Value;

impl Interp {
    /// `$ZCOLLATE(gvn,coll[,dir])` and `$ZATRANSFORM(expr,coll[,dir[,force]])`.
    pub(super) fn collate_func(&mut self, f: Func, args: &[Expr], here: &Here) -> MResult<Value> {
        let mut v = Vec::with_capacity(args.len());
        for a in args {
            v.push(self.eval(a, here)?);
        }
        let (Some(x), Some(coll)) = (v.first(), v.get(1)) else {
            return Err(MError::new(kind::EXPR));
        };
        let coll = coll.int();
        if coll != 0 {
            return Err(MError::with_args(
                kind::COLLATIONUNDEF,
                &[&(coll as u32).to_string()],
            ));
        }
        let dir = v.get(2).map_or(0, Value::int);
        if f == Func::Zcollate {
            return match dir {
                0 => Ok(Value::from(name_key(x)?)),
                _ => Ok(Value::from(key_name(x.bytes()))),
            };
        }
        let force_string = v.get(3).is_some_and(|s| s.int() != 0);
        Ok(match dir {
            0 => Value::from(subscript_bytes(x, force_string)),
            2 | -2 => next_byte(x.bytes(), dir > 0),
            _ => subscript_value(x.bytes()),
        })
    }
}

/// `$ZATRANSFORM(x,0)`: the subscript's key bytes and `00`; GT.M gives "" for "".
fn subscript_bytes(x: &Value, force_string: bool) -> Vec<u8> {
    if x.is_empty() {
        return Vec::new();
    }
    let key = match force_string {
        true => Key::string(x.bytes()),
        false => Key::from_value(x),
    };
    let mut out = Vec::with_capacity(x.len() + 2);
    push_subscript(&mut out, &key);
    out
}

/// `$ZATRANSFORM(x,0,2)`: the byte after x's first (`-2`: before), "" past either end.
fn next_byte(b: &[u8], up: bool) -> Value {
    let next = b.first().and_then(|&c| {
        if up {
            c.checked_add(1)
        } else {
            c.checked_sub(1)
        }
    });
    next.map_or_else(Value::empty, |c| Value::from(vec![c]))
}

/// `$ZATRANSFORM(bytes,0,1)`: the first subscript in the bytes, "" when they hold none.
fn subscript_value(b: &[u8]) -> Value {
    let first = b.split(|&c| c == END).next().unwrap_or(b);
    valid_subscript(first).map_or_else(Value::empty, |k| k.to_value())
}

/// The key of a global name with canonic subscripts, and its final `00`.
fn name_key(name: &Value) -> MResult<Vec<u8>> {
    let not_canonic = || {
        let shown = crate::syntax::source::from_bytes(&super::func::zwrite_string(name.bytes()));
        MError::with_args(kind::NOCANONICNAME, &[&shown])
    };
    let (global, subs) = parse_name(name.bytes()).ok_or_else(not_canonic)?;
    let mut out = global.to_vec();
    out.push(END);
    for s in &subs {
        push_subscript(&mut out, s);
    }
    out.push(END);
    Ok(out)
}

/// Reads `[^][|env|]name[(sub,...)]` with canonic subscripts: the name and the keys.
fn parse_name(text: &[u8]) -> Option<(&[u8], Vec<Key>)> {
    let mut rest = text.strip_prefix(b"^").unwrap_or(text);
    if let Some(env) = rest.strip_prefix(b"|") {
        let end = skip_string_aware(env, b'|')?;
        rest = &env[end + 1..];
    }
    let name_len = rest.iter().position(|&b| b == b'(').unwrap_or(rest.len());
    let (name, mut rest) = rest.split_at(name_len);
    let name_ok = name.split_first().is_some_and(|(&c, tail)| {
        (c == b'%' || c.is_ascii_alphabetic()) && tail.iter().all(u8::is_ascii_alphanumeric)
    });
    if !name_ok {
        return None;
    }
    let mut keys = Vec::new();
    if rest.is_empty() {
        return Some((name, keys));
    }
    rest = &rest[1..];
    loop {
        let (key, after) = canonic_subscript(rest)?;
        keys.push(key);
        match after.split_first()? {
            (b',', more) => rest = more,
            (b')', []) => return Some((name, keys)),
            _ => return None,
        }
    }
}

/// The index of the first `stop` byte outside a quoted string.
fn skip_string_aware(b: &[u8], stop: u8) -> Option<usize> {
    let mut quoted = false;
    b.iter().position(|&c| {
        if c == b'"' {
            quoted = !quoted;
        }
        !quoted && c == stop
    })
}

/// One canonic subscript: a canonic number, or string terms (`"..."`, `$C(n,...)`) joined
/// by `_`; and the text after it.
fn canonic_subscript(b: &[u8]) -> Option<(Key, &[u8])> {
    if b.first()
        .is_some_and(|&c| c == b'-' || c == b'.' || c.is_ascii_digit())
    {
        let len = b
            .iter()
            .position(|&c| !(c.is_ascii_digit() || c == b'.' || c == b'-'))
            .unwrap_or(b.len());
        let v = Value::from_bytes(&b[..len]);
        return v
            .is_canonical_number()
            .then(|| (Key::Num(v.num()), &b[len..]));
    }
    let mut s = Vec::new();
    let mut rest = b;
    loop {
        rest = string_term(rest, &mut s)?;
        match rest.strip_prefix(b"_") {
            Some(more) => rest = more,
            None => return Some((Key::string(&s), rest)),
        }
    }
}

/// Appends one quoted string or `$C(...)` to `out`; the text after it.
fn string_term<'a>(b: &'a [u8], out: &mut Vec<u8>) -> Option<&'a [u8]> {
    if let Some(body) = b.strip_prefix(b"\"") {
        let mut i = 0;
        loop {
            match *body.get(i)? {
                b'"' if body.get(i + 1) == Some(&b'"') => {
                    out.push(b'"');
                    i += 2;
                }
                b'"' => return Some(&body[i + 1..]),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }
    let open = b.iter().position(|&c| c == b'(')?;
    let func = b[..open].to_ascii_uppercase();
    if !matches!(&func[..], b"$C" | b"$CHAR" | b"$ZCH" | b"$ZCHAR") {
        return None;
    }
    let close = open + b[open..].iter().position(|&c| c == b')')?;
    for code in b[open + 1..close].split(|&c| c == b',') {
        let n: u8 = std::str::from_utf8(code).ok()?.parse().ok()?;
        out.push(n);
    }
    Some(&b[close + 1..])
}

/// `$ZCOLLATE(key,0,1)`: `^name(subs)` from key bytes; GT.M gives `$C(0)` for bytes that
/// are not a whole key.
fn key_name(b: &[u8]) -> Vec<u8> {
    let bad = || vec![0u8];
    // GT.M takes more `00` bytes after the final one as part of the end.
    let mut body = b;
    while let Some(shorter) = body.strip_suffix(&[END]) {
        if !shorter.ends_with(&[END, END]) {
            break;
        }
        body = shorter;
    }
    let Some(body) = body.strip_suffix(&[END, END]) else {
        return bad();
    };
    let mut parts = body.split(|&c| c == END);
    let name = parts.next().unwrap_or_default();
    let mut out = Vec::with_capacity(b.len() + 8);
    out.push(b'^');
    out.extend_from_slice(name);
    let mut first = true;
    for part in parts {
        let Some(key) = valid_subscript(part) else {
            return bad();
        };
        out.push(if first { b'(' } else { b',' });
        first = false;
        match key {
            Key::Num(_) => out.extend_from_slice(key.to_value().bytes()),
            Key::Str(s) => {
                out.push(b'"');
                for &c in s.bytes() {
                    out.extend_from_slice(if c == b'"' {
                        b"\"\""
                    } else {
                        std::slice::from_ref(&c)
                    });
                }
                out.push(b'"');
            }
        }
    }
    if !first {
        out.push(b')');
    }
    out
}

/// The subscript whose key bytes (without their `00`) are `b`, when they are ones the
/// encoding makes: decoded, then encoded again to the same bytes. Numbers take at most ten
/// bytes (18 digits, the exponent and a negative's end byte), checked before decoding.
fn valid_subscript(b: &[u8]) -> Option<Key> {
    const MAX_NUMBER: usize = 11;
    let is_string = matches!(b.first(), Some(0x01 | 0xFF));
    if b.is_empty() || (!is_string && b.len() > MAX_NUMBER) {
        return None;
    }
    let key = decode_subscript(b);
    let mut again = Vec::with_capacity(b.len() + 1);
    push_subscript(&mut again, &key);
    (again.strip_suffix(&[END]) == Some(b)).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_to_keys_and_back() {
        let k = name_key(&Value::from("^a(1,\"x\")")).unwrap();
        assert_eq!(k, [97, 0, 191, 17, 0, 255, 120, 0, 0]);
        assert_eq!(key_name(&k), b"^a(1,\"x\")");
        assert_eq!(name_key(&Value::from("a")).unwrap(), [97, 0, 0]);
        assert_eq!(
            name_key(&Value::from("^a(\"b\"_$c(1,0)_\"x\")")).unwrap(),
            [97, 0, 255, 98, 1, 2, 1, 1, 120, 0, 0]
        );
        assert!(name_key(&Value::from("^a(1+1)")).is_err());
        assert!(name_key(&Value::from("^a(-0)")).is_err());
        assert_eq!(key_name(&[97, 0, 191, 17, 0]), [0]);
    }

    #[test]
    fn subscripts_to_bytes_and_back() {
        assert_eq!(
            subscript_bytes(&Value::from("-1.5"), false),
            [64, 233, 255, 0]
        );
        assert_eq!(subscript_bytes(&Value::from("5"), true), [255, 53, 0]);
        assert!(subscript_bytes(&Value::empty(), false).is_empty());
        assert_eq!(subscript_value(&[64, 233, 255, 0]).bytes(), b"-1.5");
        assert_eq!(subscript_value(&[255, 1, 1, 1, 2, 0]).bytes(), [0, 1]);
        assert_eq!(next_byte(b"abc", true).bytes(), b"b");
        assert!(next_byte(&[255], true).is_empty());
    }
}
