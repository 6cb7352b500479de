//! Global keys as GT.M lays them out: the name's bytes, `00`, then each subscript's encoding
//! followed by `00`. No encoded subscript contains `00`, so the byte order of keys is M
//! collation and everything under a node is one contiguous range of keys.
//!
//! Subscript encodings (GT.M's own bytes, as its `$ZCOLLATE(gvn,0)` shows them):
//! * zero: `80`;
//! * a positive number `0.d1d2... * 10^E`: the byte `BE+E`, then the digits two per byte as
//!   `(hi<<4 | lo) + 1` (an odd last digit padded with 0);
//! * a negative number: the positive form with every byte complemented, then `FF` (so that
//!   -1.5 sorts after -1.55);
//! * a string: `FF` then its bytes, with `00` written `01 01` and `01` written `01 02`;
//! * the empty string under standard null collation: `01`.

use crate::locals::Key;
use crate::number::Number;

const ZERO: u8 = 0x80;
const STRING: u8 = 0xFF;
const ESCAPE: u8 = 0x01;
const EXP_BIAS: i32 = 0xBE;
/// The byte ending every component of a key.
pub const END: u8 = 0x00;

/// The key of `^name(keys...)`.
pub fn encode(name: &str, keys: &[Key]) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 1 + keys.len() * 4);
    encode_into(&mut out, name, keys);
    out
}

/// `encode` into a buffer the caller reuses (no allocation once it is big enough).
pub fn encode_into(out: &mut Vec<u8>, name: &str, keys: &[Key]) {
    out.clear();
    out.extend_from_slice(name.as_bytes());
    out.push(END);
    for k in keys {
        push_subscript(out, k);
    }
}

/// Appends one subscript's encoding and its terminating `00`.
pub fn push_subscript(out: &mut Vec<u8>, key: &Key) {
    match key {
        Key::Num(n) => push_number(out, n),
        Key::Str(s) if s.is_empty() => out.push(ESCAPE),
        Key::Str(s) => {
            out.push(STRING);
            let s = s.bytes();
            if !s.iter().any(|&b| b <= ESCAPE) {
                out.extend_from_slice(s);
            } else {
                for &b in s.iter() {
                    match b {
                        0 | 1 => out.extend_from_slice(&[ESCAPE, b + 1]),
                        _ => out.push(b),
                    }
                }
            }
        }
    }
    out.push(END);
}

fn push_number(out: &mut Vec<u8>, n: &Number) {
    let (mant, exp) = n.parts();
    if mant == 0 {
        out.push(ZERO);
        return;
    }
    let mut m = mant.unsigned_abs();
    let mut e = exp;
    while m % 10 == 0 {
        m /= 10;
        e += 1;
    }
    let count = m.ilog10() + 1;
    let start = out.len();
    out.push((EXP_BIAS + count as i32 + e) as u8);
    // Two digits a byte from the most significant one, without formatting (a hot path):
    // an odd count pads the last byte's low digit with 0 (m < 10^18, so m * 10 fits).
    if count % 2 == 1 {
        m *= 10;
    }
    // The pairs are made last first into a buffer on the stack (no call to fill the
    // vector), then added in order.
    let pairs = count.div_ceil(2) as usize;
    let mut buf = [0u8; 10];
    for byte in buf[..pairs].iter_mut().rev() {
        let pair = (m % 100) as u8;
        m /= 100;
        *byte = ((pair / 10) << 4 | (pair % 10)) + 1;
    }
    out.reserve(pairs + 2);
    for &b in &buf[..pairs] {
        out.push(b);
    }
    if mant < 0 {
        for b in &mut out[start..] {
            *b = !*b;
        }
        out.push(STRING);
    }
}

/// Decodes one subscript (its bytes without the terminating `00`).
pub fn decode_subscript(b: &[u8]) -> Key {
    match b.first() {
        None | Some(&ESCAPE) => Key::string(b""),
        Some(&ZERO) => Key::Num(Number::ZERO),
        // Most strings have no escaped byte: no buffer to unescape them into.
        Some(&STRING) if !b[1..].contains(&ESCAPE) => Key::string(&b[1..]),
        Some(&STRING) => Key::string(&unescape(&b[1..])),
        Some(&first) if first > ZERO => Key::Num(decode_number(b, false)),
        Some(_) => {
            let body = b.strip_suffix(&[STRING]).unwrap_or(b);
            let positive: Vec<u8> = body.iter().map(|x| !x).collect();
            Key::Num(decode_number(&positive, true))
        }
    }
}

fn unescape(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == ESCAPE && i + 1 < b.len() {
            out.push(b[i + 1] - 1);
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Powers of ten below 10^19.
const POW10: [i64; 19] = {
    let mut t = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

fn decode_number(b: &[u8], negative: bool) -> Number {
    let e = b[0] as i32 - EXP_BIAS;
    let mut digits: u64 = 0;
    let mut count = 0i32;
    for &pair in &b[1..] {
        let p = pair.wrapping_sub(1);
        digits = digits * 100 + (p >> 4) as u64 * 10 + (p & 15) as u64;
        count += 2;
    }
    let sign = if negative { -1 } else { 1 };
    // The common case, an integer below 10^18 (`e` digits): its value directly, once the
    // last pair's padding zero (an odd digit count) is dropped.
    let mut exp = e - count;
    if exp == -1 && digits.is_multiple_of(10) {
        digits /= 10;
        exp = 0;
    }
    if exp >= 0 && e <= 18 {
        return Number::from_i64(sign * digits as i64 * POW10[exp as usize]);
    }
    count = e - exp;
    while digits != 0 && digits.is_multiple_of(10) {
        digits /= 10;
        count -= 1;
    }
    // The value is 0.d1..dk * 10^e = digits * 10^(e - k).
    let exp = e - count;
    // Integers below 10^18 are kept with exponent 0, everything else without trailing zeros
    // (`Number`'s invariant).
    let scaled = (0..=18)
        .contains(&exp)
        .then(|| (digits as i64).checked_mul(10i64.pow(exp as u32)))
        .flatten()
        .filter(|&m| m < 1_000_000_000_000_000_000);
    match scaled {
        Some(m) => Number::from_i64(sign * m),
        None => Number::from_parts(sign * digits as i64, exp),
    }
}

/// The components of a key: the global's name and each subscript's bytes.
pub fn split(key: &[u8]) -> (&[u8], impl Iterator<Item = &[u8]>) {
    let mut parts = key.split(|&b| b == END);
    let name = parts.next().unwrap_or_default();
    // A key ends with `00`, so the last split piece is empty.
    let subs = parts.filter(|p| !p.is_empty());
    (name, subs)
}

/// The subscripts of a key, decoded.
pub fn decode_keys(key: &[u8]) -> Vec<Key> {
    split(key).1.map(decode_subscript).collect()
}

/// The exclusive upper bound of everything under `prefix` (a key ending in `00`): the same
/// bytes with the final `00` raised to `01`.
pub fn subtree_end(prefix: &[u8]) -> Vec<u8> {
    let mut end = prefix.to_vec();
    raise_end(&mut end);
    end
}

/// `subtree_end` into a buffer the caller reuses.
pub fn subtree_end_into(out: &mut Vec<u8>, prefix: &[u8]) {
    out.clear();
    out.extend_from_slice(prefix);
    raise_end(out);
}

/// Turns a key into the bound of its subtree in place: its final `00` becomes `01`.
pub fn raise_end(key: &mut [u8]) {
    if let Some(last) = key.last_mut() {
        *last = 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    fn key(s: &str) -> Key {
        Key::from_value(&Value::from(s))
    }

    fn hex(name: &str, subs: &[&str]) -> String {
        let keys: Vec<Key> = subs.iter().map(|s| key(s)).collect();
        encode(name, &keys)
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// GT.M V7.0's `$ZCOLLATE(gvn,0)` bytes for these references (without GT.M's final `00`).
    #[test]
    fn gtm_bytes() {
        let cases: &[(&[&str], &str)] = &[
            (&["0"], "58 00 80 00"),
            (&["1"], "58 00 BF 11 00"),
            (&["5"], "58 00 BF 51 00"),
            (&["10"], "58 00 C0 11 00"),
            (&["12"], "58 00 C0 13 00"),
            (&["100"], "58 00 C1 11 00"),
            (&[".5"], "58 00 BE 51 00"),
            (&[".01"], "58 00 BD 11 00"),
            (&["12.34"], "58 00 C0 13 35 00"),
            (&["-1"], "58 00 40 EE FF 00"),
            (&["-1.5"], "58 00 40 E9 FF 00"),
            (&["-1.55"], "58 00 40 E9 AE FF 00"),
            (&["-12.34"], "58 00 3F EC CA FF 00"),
            (&["-.0000001"], "58 00 47 EE FF 00"),
            (
                &["123456789012345678"],
                "58 00 D0 13 35 57 79 91 13 35 57 79 00",
            ),
            (
                &["999999999999999999"],
                "58 00 D0 9A 9A 9A 9A 9A 9A 9A 9A 9A 00",
            ),
            (
                &["-123456789012345678"],
                "58 00 2F EC CA A8 86 6E EC CA A8 86 FF 00",
            ),
            (&["abc"], "58 00 FF 61 62 63 00"),
            (&["01"], "58 00 FF 30 31 00"),
            (&[""], "58 00 01 00"),
            (&["1", "name"], "58 00 BF 11 00 FF 6E 61 6D 65 00"),
        ];
        for (subs, want) in cases {
            assert_eq!(hex("X", subs), *want, "^X{subs:?}");
        }
        let big = Key::Num(Number::parse(b"1E21"));
        assert_eq!(encode("X", &[big]), [0x58, 0, 0xD4, 0x11, 0]);
        let nul = Key::string(b"a\0b");
        assert_eq!(encode("X", &[nul]), [0x58, 0, 0xFF, 0x61, 1, 1, 0x62, 0]);
    }

    #[test]
    fn round_trip_and_order() {
        let samples = [
            "",
            "-100000000000000000000",
            "-123.5",
            "-120",
            "-5",
            "-1.55",
            "-1.5",
            "-1",
            "-.001",
            "0",
            ".00000000000000000001",
            ".5",
            "1",
            "9",
            "10",
            "10.5",
            "100",
            "1001",
            "123456789012345678",
            "999999999999999999",
            "1000000000000000000",
            "1200000000000000000",
            "10000000000000000000000000",
            "\x00",
            "\x01",
            "01",
            "1.0",
            "a",
            "ab",
            "b",
            "\u{7f}",
        ];
        let keys: Vec<Key> = samples.iter().map(|s| key(s)).collect();
        let encoded: Vec<Vec<u8>> = keys
            .iter()
            .map(|k| encode("X", std::slice::from_ref(k)))
            .collect();
        for (k, e) in keys.iter().zip(&encoded) {
            assert_eq!(&decode_keys(e), std::slice::from_ref(k));
        }
        for w in encoded.windows(2) {
            assert!(w[0] < w[1], "{:?} < {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn subtree_is_a_range() {
        let parent = encode("X", &[key("1")]);
        let end = subtree_end(&parent);
        let child = encode("X", &[key("1"), key("zz")]);
        let sibling = encode("X", &[key("2")]);
        assert!(parent < child && child < end && end <= sibling);
    }
}
