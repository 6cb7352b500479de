//! Reading M numbers from text: the numeric prefix of a string, with and without
//! GT.M's range check, and the canonical-form test.

use super::*;

/// The digits of `s` from `at` on, appended to `v`: the value and where they stop (the
/// caller keeps them under 19).
#[inline]
pub(super) fn digits_prefix(s: &[u8], mut at: usize, mut v: i64) -> (i64, usize) {
    while let Some(&c) = s.get(at) {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = v * 10 + d as i64;
        at += 1;
    }
    (v, at)
}

// See the note on `impl Number` in number.rs: the operators return `Result`.
#[allow(clippy::should_implement_trait)]
impl Number {
    /// M's numeric interpretation of a string: the longest numeric prefix
    /// (`"3abc"`→3, `""`→0, `"1E3"`→1000, `"1e3"`→1 since only upper-case E is an
    /// exponent, `"--5"`→5, `"  5"`→0, `"1E"`→1, `"1E+-3"`→1). Digits past the 18th
    /// are truncated. Magnitudes below 1E-43 give 0. A string that GT.M would
    /// reject with NUMOFLOW (`"1E50"`) saturates to ±[`Number::MAX`] here; use
    /// [`Number::parse_checked`] to get the error.
    pub fn parse(s: &[u8]) -> Number {
        match Number::parse_checked(s) {
            Ok(n) => n,
            Err(_) => {
                // Only overflow is possible; recover the sign.
                let neg = s
                    .iter()
                    .take_while(|&&c| c == b'+' || c == b'-')
                    .filter(|&&c| c == b'-')
                    .count()
                    % 2
                    == 1;
                if neg { Number::MAX.neg() } else { Number::MAX }
            }
        }
    }

    /// Like [`Number::parse`], but reports `Overflow` where GT.M raises NUMOFLOW
    /// (e.g. `"1E47"+0`, `"1E50"+0`).
    pub fn parse_checked(s: &[u8]) -> Result<Number, NumError> {
        // Fast path: a short run of digits, maybe with a point (no sign or exponent); fewer
        // than 18 digits, so nothing is cut and the range holds.
        if !s.is_empty() && s.len() <= 18 {
            let (v, i) = digits_prefix(s, 0, 0);
            if i == s.len() {
                return Ok(Number { mant: v, exp: 0 });
            }
            if s[i] == b'.' {
                let (v, j) = digits_prefix(s, i + 1, v);
                if j == s.len() {
                    // At most 17 digits, at most 17 of them decimals: nothing to cut and
                    // the range holds; only the trailing zeros go.
                    return Ok(Number::short_decimal(v, -((j - i - 1) as i32)));
                }
            }
        }
        let n = s.len();
        let mut i = 0;
        let mut neg = false;
        while i < n && (s[i] == b'+' || s[i] == b'-') {
            if s[i] == b'-' {
                neg = !neg;
            }
            i += 1;
        }
        let mut mant: u64 = 0;
        let mut nd: i64 = 0; // significant digits taken into mant
        let mut exp: i64 = 0;
        while i < n && s[i].is_ascii_digit() {
            let d = (s[i] - b'0') as u64;
            if nd < DIGITS {
                mant = mant * 10 + d;
                if mant != 0 {
                    nd += 1;
                }
            } else {
                exp += 1;
            }
            i += 1;
        }
        if i < n && s[i] == b'.' {
            i += 1;
            while i < n && s[i].is_ascii_digit() {
                let d = (s[i] - b'0') as u64;
                if nd < DIGITS {
                    mant = mant * 10 + d;
                    exp -= 1;
                    if mant != 0 {
                        nd += 1;
                    }
                }
                i += 1;
            }
        }
        if i < n && s[i] == b'E' {
            let mut j = i + 1;
            let mut eneg = false;
            if j < n && (s[j] == b'+' || s[j] == b'-') {
                eneg = s[j] == b'-';
                j += 1;
            }
            let mut ev: i64 = 0;
            while j < n && s[j].is_ascii_digit() {
                // Saturate: anything this large is already out of range.
                ev = (ev * 10 + (s[j] - b'0') as i64).min(1_000_000);
                j += 1;
            }
            exp += if eneg { -ev } else { ev };
        }
        if mant == 0 {
            return Ok(Number::ZERO);
        }
        Number::build(neg, mant as u128, exp)
    }

    /// True when `s` is exactly the canonical form of a number (`"12"`, `"-3.5"`,
    /// `".5"`; not `"012"`, `"1.0"`, `"+1"`, `"-0"`, `"1E3"`, `""`, nor a string of
    /// more than 18 significant digits or out of range). This decides whether a
    /// subscript collates as a number.
    pub fn is_canonical(s: &[u8]) -> bool {
        let n = s.len();
        if n == 0 {
            return false;
        }
        // Fast path: short plain integers.
        if n <= 18 && s.iter().all(|c| c.is_ascii_digit()) {
            return s[0] != b'0' || n == 1;
        }
        let body = if s[0] == b'-' { &s[1..] } else { s };
        if body.is_empty() || body == b"0" {
            return false;
        }
        // Syntax: digits without leading zero, optional '.' + digits without trailing zero.
        let mut i = 0;
        while i < body.len() && body[i].is_ascii_digit() {
            i += 1;
        }
        if i > 0 && body[0] == b'0' {
            return false;
        }
        if i < body.len() {
            if body[i] != b'.' {
                return false;
            }
            let frac = &body[i + 1..];
            if frac.is_empty() || !frac.iter().all(|c| c.is_ascii_digit()) {
                return false;
            }
            if frac[frac.len() - 1] == b'0' {
                return false;
            }
        }
        // Precision and range: it must survive a round trip.
        match Number::parse_checked(s) {
            Ok(v) => {
                let mut out = Vec::with_capacity(n);
                v.write_canonical(&mut out);
                out == s
            }
            Err(_) => false,
        }
    }
}
