//! Name indirection on the canonical text of a reference, read directly instead of by the
//! parser: `^X(1,"a""b")` as `$QUERY`, `$NAME` and `$REFERENCE` write it. A `$QUERY` walk
//! (`set q=$query(@q)`) names a different node every time, so the parsed-name cache never
//! hits and every step would run the full expression parser. Anything else (expressions,
//! `$C(...)` in a subscript, naked or extended references) is left to the parser.

use crate::intern::Sym;
use crate::locals::Key;
use crate::value::Value;

use super::var::LocalKeys;

/// GT.M's longest name and deepest subscript list; longer ones take the parser's path.
const MAX_NAME: usize = 31;
const MAX_SUBSCRIPTS: usize = 31;

/// A reference read from canonical text.
pub(super) struct Canonical {
    pub global: bool,
    pub name: Sym,
    pub keys: LocalKeys,
}

/// Reads `text` when it is a plain name with literal subscripts (canonical numbers or
/// quoted strings of printable characters), else None.
pub(super) fn canonical_ref(text: &[u8]) -> Option<Canonical> {
    let (global, rest) = match text.split_first() {
        Some((b'^', rest)) => (true, rest),
        _ => (false, text),
    };
    let name_len = rest.iter().position(|&b| b == b'(').unwrap_or(rest.len());
    let (name, mut rest) = rest.split_at(name_len);
    if !is_name(name) {
        return None;
    }
    let mut keys = LocalKeys::new();
    if let Some((_, subs)) = rest.split_first() {
        rest = subs;
        loop {
            let (key, after) = subscript(rest)?;
            keys.push(key);
            match after.split_first()? {
                (b',', more) if keys.len() < MAX_SUBSCRIPTS => rest = more,
                (b')', []) => break,
                _ => return None,
            }
        }
    }
    // A name is ASCII (checked above), so it is valid UTF-8.
    let name = Sym::intern(std::str::from_utf8(name).ok()?);
    Some(Canonical { global, name, keys })
}

fn is_name(b: &[u8]) -> bool {
    match b.split_first() {
        Some((&first, rest)) => {
            b.len() <= MAX_NAME
                && (first == b'%' || first.is_ascii_alphabetic())
                && rest.iter().all(u8::is_ascii_alphanumeric)
        }
        None => false,
    }
}

/// One subscript and the text after it.
fn subscript(b: &[u8]) -> Option<(Key, &[u8])> {
    if let Some(body) = b.strip_prefix(b"\"") {
        let mut s = Vec::with_capacity(body.len());
        let mut i = 0;
        loop {
            match *body.get(i)? {
                b'"' if body.get(i + 1) == Some(&b'"') => {
                    s.push(b'"');
                    i += 2;
                }
                b'"' => break,
                c if c < 0x20 || c == 0x7F => return None,
                c => {
                    s.push(c);
                    i += 1;
                }
            }
        }
        return Some((Key::from_value(&Value::from(s)), &body[i + 1..]));
    }
    let len = b
        .iter()
        .position(|&c| !(c.is_ascii_digit() || c == b'.' || c == b'-'))
        .unwrap_or(b.len());
    let v = Value::from_bytes(&b[..len]);
    (len > 0 && v.is_canonical_number()).then(|| (Key::Num(v.num()), &b[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(bool, String, Vec<Value>)> {
        let c = canonical_ref(text.as_bytes())?;
        let keys = c.keys.iter().map(Key::to_value).collect();
        Some((c.global, c.name.as_str().to_string(), keys))
    }

    #[test]
    fn canonical_references() {
        let (global, name, keys) = read("^X(1,\"a\"\"b\",-2.5,\"\")").unwrap();
        assert!(global);
        assert_eq!(name, "X");
        let texts: Vec<Vec<u8>> = keys.iter().map(|v| v.bytes().to_vec()).collect();
        assert_eq!(texts, [&b"1"[..], b"a\"b", b"-2.5", b""]);
        assert_eq!(
            read("%abc").map(|r| (r.0, r.1, r.2.len())),
            Some((false, "%abc".into(), 0))
        );
        // "1" names the same node as 1 (a canonical number).
        assert!(matches!(
            canonical_ref(b"^X(\"1\")").unwrap().keys[0],
            Key::Num(_)
        ));
        assert!(matches!(
            canonical_ref(b"^X(\"01\")").unwrap().keys[0],
            Key::Str(_)
        ));
    }

    #[test]
    fn everything_else_goes_to_the_parser() {
        for text in [
            "^X(01)",
            "^X(1E3)",
            "^X(a)",
            "^X(1",
            "^X(1)x",
            "^X(1,)",
            "^(1)",
            "^|\"g\"|X(1)",
            "^X(\"a\"_1)",
            "^X($C(1))",
            "^X(\"\x01\")",
            "1X",
            "",
            "^X (1)",
            "X(-)",
            "@X",
        ] {
            assert!(canonical_ref(text.as_bytes()).is_none(), "{text:?}");
        }
    }
}
