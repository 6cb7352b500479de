//! M numbers with GT.M 7.0 semantics.
//!
//! GT.M keeps a number as an 18-digit decimal mantissa and a decimal exponent.
//! Every rule below was checked against GT.M itself (see the tests at the bottom,
//! whose expected strings are GT.M's output):
//!
//! * Results keep 18 significant digits and are **truncated** toward zero, never
//!   rounded (`1/6` is `.166666666666666666`, `2/3*3` is `1.99999999999999999`).
//! * Addition and subtraction first cut the smaller operand down to the 18-digit
//!   window of the larger one (so `1E18-1` is `1000000000000000000` and
//!   `123456789012345678-.9` is `123456789012345678`), then add exactly and truncate.
//! * The magnitude range is `1E-43 <= |x| < 1E47`: a leading digit above `10^46`
//!   raises NUMOFLOW, one below `10^-43` gives 0 silently.
//! * `#` is `a - b*floor(a/b)` computed with those same truncating operations
//!   (so `1E20#7` is `1000`, not `2`, exactly as GT.M prints).
//! * `**` with an integer exponent is square-and-multiply with truncating
//!   multiplication; with a fractional exponent GT.M calls C `pow()` on doubles and
//!   converts the double back with its own scaling loop; this module reproduces
//!   that conversion step for step so the printed digits are GT.M's.

use std::cmp::Ordering;
use std::fmt;

/// Errors an arithmetic operation can raise (GT.M error mnemonics in the docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    /// %GTM-E-DIVZERO: `/`, `\`, `#` by zero, or `0**-n`.
    DivZero,
    /// %GTM-E-NUMOFLOW: magnitude of 1E47 or more.
    Overflow,
    /// %GTM-E-NEGFRACPWR: negative base raised to a non-integer power (`(-8)**(1/3)`).
    NegFracPwr,
}

/// An M number: decimal, 18 significant digits, as GT.M. Copy, cheap.
///
/// The value is `mant * 10^exp` with `|mant| < 10^18`. The representation is
/// canonical (so derived equality/hashing are numeric equality):
/// * zero is `(0, 0)`;
/// * an integer with `|v| < 10^18` has `exp == 0` (the fast path);
/// * otherwise `mant` has no trailing zero digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    mant: i64,
    exp: i32,
}

/// The longest canonical form: `-.` then 42 zeros and 18 digits (`-1.23...E-43`).
pub const CANONICAL_MAX: usize = 64;

/// 10^18: mantissas are strictly below this.
const LIMIT: i64 = 1_000_000_000_000_000_000;
/// Number of significant digits GT.M keeps.
const DIGITS: i64 = 18;
/// Highest allowed position of the leading digit (1E46 is fine, 1E47 overflows).
const MAX_LEAD: i64 = 46;
/// Lowest allowed position of the leading digit (1E-43 is kept, 1E-44 becomes 0).
const MIN_LEAD: i64 = -43;

const POW10: [u64; 20] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
    10_000_000_000_000_000_000,
];

/// The digits of `s` from `at` on, appended to `v`: the value and where they stop (the
/// caller keeps them under 19).
#[inline]
fn digits_prefix(s: &[u8], mut at: usize, mut v: i64) -> (i64, usize) {
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

/// `00` to `99`, two bytes each.
static DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// Writes `v` in decimal filling `dst` exactly, zeros in front (`v` must fit): two digits
/// per step, each pair one two-byte copy from the table.
#[inline]
fn write_digits(dst: &mut [u8], mut v: u64) {
    let mut p = dst.len();
    while p >= 2 {
        let r = (v % 100) as usize * 2;
        v /= 100;
        p -= 2;
        dst[p..p + 2].copy_from_slice(&DIGIT_PAIRS[r..r + 2]);
    }
    if p == 1 {
        dst[0] = b'0' + (v % 10) as u8;
    }
}

#[inline]
fn pow10_u128(n: u32) -> u128 {
    10u128.pow(n)
}

/// Number of decimal digits of a nonzero value (1 for 0): the bit length gives it within
/// one (x * 1233 / 4096 is about x * log10(2)), one table look-up settles it.
#[inline]
fn ndigits_u64(v: u64) -> i64 {
    let v = v | 1; // the same count, and 0 counts as 1
    let t = ((64 - v.leading_zeros()) * 1233) >> 12;
    (t + (v >= POW10[t as usize]) as u32) as i64
}

#[inline]
fn ndigits_u128(v: u128) -> i64 {
    match u64::try_from(v) {
        Ok(small) => ndigits_u64(small),
        Err(_) => v.ilog10() as i64 + 1,
    }
}

impl Default for Number {
    fn default() -> Self {
        Number::ZERO
    }
}

// The operator names (add, sub, mul, div, neg, cmp) are the interpreter's API; they
// return `Result` because M arithmetic can raise DIVZERO/NUMOFLOW, so they cannot be
// the std operator traits.
#[allow(clippy::should_implement_trait)]
impl Number {
    pub const ZERO: Number = Number { mant: 0, exp: 0 };
    pub const ONE: Number = Number { mant: 1, exp: 0 };
    /// Largest magnitude GT.M can hold (999999999999999999E29); `parse` saturates to it.
    pub const MAX: Number = Number {
        mant: LIMIT - 1,
        exp: 29,
    };

    /// An integer. Values of 10^18 or more keep only 18 significant digits (truncated).
    #[inline]
    pub fn from_i64(i: i64) -> Number {
        if i > -LIMIT && i < LIMIT {
            Number { mant: i, exp: 0 }
        } else {
            // Cannot overflow: |i| < 10^19.
            Number::build(i < 0, i.unsigned_abs() as u128, 0).unwrap_or(Number::ZERO)
        }
    }

    /// The raw parts: the value is `mantissa * 10^exponent`.
    #[inline]
    pub fn parts(&self) -> (i64, i32) {
        (self.mant, self.exp)
    }

    /// The inverse of `parts` (the parts must come from `parts`).
    #[inline]
    pub(crate) fn from_parts(mant: i64, exp: i32) -> Number {
        Number { mant, exp }
    }

    /// Builds a number from a sign, an exact magnitude and an exponent: truncates to
    /// 18 significant digits, checks GT.M's range and canonicalizes.
    fn build(neg: bool, mag: u128, exp: i64) -> Result<Number, NumError> {
        if mag == 0 {
            return Ok(Number::ZERO);
        }
        // Below 10^18 (the usual case) nothing is cut: no 128-bit division.
        let (m, mut e) = match u64::try_from(mag) {
            Ok(m) if m < LIMIT as u64 => (m, exp),
            _ => {
                let cut = (ndigits_u128(mag) - DIGITS) as u32;
                ((mag / pow10_u128(cut)) as u64, exp + cut as i64)
            }
        };
        let d = ndigits_u64(m);
        let lead = e + d - 1;
        if lead > MAX_LEAD {
            return Err(NumError::Overflow);
        }
        if lead < MIN_LEAD {
            return Ok(Number::ZERO);
        }
        let mut m = m; // < 10^18
        if e < 0 {
            while e < 0 && m.is_multiple_of(10) {
                m /= 10;
                e += 1;
            }
        }
        if e > 0 {
            if d + e <= DIGITS {
                m *= POW10[e as usize];
                e = 0;
            } else {
                while m.is_multiple_of(10) {
                    m /= 10;
                    e += 1;
                }
            }
        }
        let mant = if neg { -(m as i64) } else { m as i64 };
        Ok(Number {
            mant,
            exp: e as i32,
        })
    }

    /// `v * 10^e` for `0 <= v < 10^18` and `-18 < e <= 0`, canonical: the trailing zeros
    /// of the decimals dropped.
    #[inline]
    fn short_decimal(mut v: i64, mut e: i32) -> Number {
        if v == 0 {
            return Number::ZERO;
        }
        while e < 0 && v % 10 == 0 {
            v /= 10;
            e += 1;
        }
        Number { mant: v, exp: e }
    }

    /// Position of the leading digit (value in `[10^lead, 10^(lead+1))`). Nonzero only.
    #[inline]
    fn lead(&self) -> i64 {
        self.exp as i64 + ndigits_u64(self.mant.unsigned_abs()) - 1
    }

    // ----------------------------------------------------------------- parsing

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

    // ------------------------------------------------------------- formatting

    /// Appends the canonical M form: `0`, `12`, `-12`, `.5`, `-.5`, `1.25`; no
    /// trailing zeros, never an exponent (`1E25` → `10000000000000000000000000`).
    pub fn write_canonical(&self, out: &mut Vec<u8>) {
        let mut buf = [0u8; CANONICAL_MAX];
        let n = self.format_canonical(&mut buf);
        out.extend_from_slice(&buf[..n]);
    }

    /// Writes the canonical form (see `write_canonical`) at the start of `out`, without
    /// allocating; returns its length. An integer below 10^18 (most numbers written into
    /// strings) takes a short path of its own, the rest `format_scaled`.
    #[inline]
    pub fn format_canonical(&self, out: &mut [u8; CANONICAL_MAX]) -> usize {
        if self.exp != 0 {
            return self.format_scaled(out);
        }
        let m = self.mant.unsigned_abs();
        let neg = (self.mant < 0) as usize;
        // Overwritten by the first digit when the number is not negative.
        out[0] = b'-';
        let d = ndigits_u64(m) as usize;
        write_digits(&mut out[neg..neg + d], m);
        neg + d
    }

    /// `format_canonical` of a number with an exponent (not an integer below 10^18).
    #[inline(never)]
    fn format_scaled(&self, out: &mut [u8; CANONICAL_MAX]) -> usize {
        let m = self.mant.unsigned_abs();
        let d = ndigits_u64(m) as usize;
        let mut at = 0;
        if self.mant < 0 {
            out[0] = b'-';
            at = 1;
        }
        if self.exp >= 0 {
            // At most 47 digits: the leading one is at most at 10^46.
            write_digits(&mut out[at..at + d], m);
            at += d;
            let zeros = self.exp as usize;
            if zeros > 0 {
                out[at..at + zeros].fill(b'0');
            }
            return at + zeros;
        }
        // At most 60 decimals: the leading digit is at least at 10^-43.
        let f = (-(self.exp as i64)) as usize;
        if d > f {
            let scale = POW10[f];
            write_digits(&mut out[at..at + d - f], m / scale);
            at += d - f;
            out[at] = b'.';
            write_digits(&mut out[at + 1..at + 1 + f], m % scale);
            at + 1 + f
        } else {
            out[at] = b'.';
            write_digits(&mut out[at + 1..at + 1 + f], m);
            at + 1 + f
        }
    }

    /// The canonical form as a new vector.
    pub fn to_canonical(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(20);
        self.write_canonical(&mut v);
        v
    }

    /// `$JUSTIFY(n,0,d)` / `$FNUMBER(n,"",d)`: rounds half away from zero to
    /// `decimals` places and prints exactly that many decimals, with a `0` before
    /// the point when |n|<1 (`$J(.5,0,2)`="0.50", `$J(-.5,0,0)`="-1",
    /// `$J(-0.001,0,2)`="0.00": a result that rounds to zero has no sign).
    ///
    /// `decimals` is capped at 2^20 (GT.M raises MAXSTRLEN beyond about that;
    /// the caller should check the length it wants to allow).
    pub fn format_fixed(&self, decimals: usize) -> Vec<u8> {
        let decimals = decimals.min(1 << 20);
        // Digits of N = round(|v| * 10^decimals).
        let mut digits: Vec<u8> = Vec::with_capacity(24 + decimals);
        let m = self.mant.unsigned_abs();
        let shift = self.exp as i64 + decimals as i64;
        if shift >= 0 {
            if m != 0 {
                Number {
                    mant: m as i64,
                    exp: 0,
                }
                .write_canonical(&mut digits);
                digits.resize(digits.len() + shift as usize, b'0');
            }
        } else {
            let cut = (-shift) as u32;
            let q = if cut > 19 {
                0
            } else {
                let p = pow10_u128(cut);
                let (q, r) = ((m as u128) / p, (m as u128) % p);
                if r * 2 >= p { q + 1 } else { q }
            };
            if q != 0 {
                digits.extend_from_slice(q.to_string().as_bytes());
            }
        }
        let mut out = Vec::with_capacity(digits.len() + 3);
        if digits.is_empty() {
            out.push(b'0');
            if decimals > 0 {
                out.push(b'.');
                out.resize(out.len() + decimals, b'0');
            }
            return out;
        }
        if self.mant < 0 {
            out.push(b'-');
        }
        if digits.len() > decimals {
            let ip = digits.len() - decimals;
            out.extend_from_slice(&digits[..ip]);
            if decimals > 0 {
                out.push(b'.');
                out.extend_from_slice(&digits[ip..]);
            }
        } else {
            out.push(b'0');
            out.push(b'.');
            out.resize(out.len() + decimals - digits.len(), b'0');
            out.extend_from_slice(&digits);
        }
        out
    }

    // ------------------------------------------------------------- arithmetic

    /// `+`. The smaller operand is first truncated to the 18-digit window of the
    /// larger (GT.M: `1E18+9` is `1000000000000000000`).
    #[inline]
    pub fn add(self, o: Number) -> Result<Number, NumError> {
        if self.exp == 0 && o.exp == 0 {
            let s = self.mant + o.mant; // |each| < 10^18: cannot overflow i64
            if s > -LIMIT && s < LIMIT {
                return Ok(Number { mant: s, exp: 0 });
            }
            return Number::build(s < 0, s.unsigned_abs() as u128, 0);
        }
        self.add_slow(o)
    }

    fn add_slow(self, o: Number) -> Result<Number, NumError> {
        if self.mant == 0 {
            return Ok(o);
        }
        if o.mant == 0 {
            return Ok(self);
        }
        if let Some(n) = self.add_aligned(o) {
            return Ok(n);
        }
        self.add_windowed(o)
    }

    /// `+` of two nonzero numbers by GT.M's rule: the smaller cut to the larger's 18-digit
    /// window, then an exact sum truncated.
    fn add_windowed(self, o: Number) -> Result<Number, NumError> {
        let (self_lead, o_lead) = (self.lead(), o.lead());
        let (big, small, big_lead) = if self_lead >= o_lead {
            (self, o, self_lead)
        } else {
            (o, self, o_lead)
        };
        let low = big_lead - (DIGITS - 1);
        let (mut sm, mut se) = (small.mant, small.exp as i64);
        if se < low {
            let cut = low - se;
            if cut > DIGITS {
                return Ok(big);
            }
            sm /= POW10[cut as usize] as i64; // truncates toward zero
            se = low;
            if sm == 0 {
                return Ok(big);
            }
        }
        let be = big.exp as i64;
        let e = be.min(se);
        // Both fit the window [low, lead]: the aligned values stay below 10^18.
        let a = big.mant as i128 * POW10[(be - e) as usize] as i128;
        let b = sm as i128 * POW10[(se - e) as usize] as i128;
        let s = a + b;
        Number::build(s < 0, s.unsigned_abs(), e)
    }

    /// `+` of two numbers with at most 18 decimals whose values, written with the decimals
    /// of the one with more, stay below 10^18 (`12.5+3`): then both lie inside the 18-digit
    /// window, nothing is cut, and the exact sum is the result when it stays below 10^18.
    /// `None` when that does not hold.
    #[inline]
    fn add_aligned(self, o: Number) -> Option<Number> {
        let (ex, ey) = (self.exp, o.exp);
        if !(-(DIGITS as i32)..=0).contains(&ex) || !(-(DIGITS as i32)..=0).contains(&ey) {
            return None;
        }
        let e = ex.min(ey);
        let a = self.mant.checked_mul(POW10[(ex - e) as usize] as i64)?;
        let b = o.mant.checked_mul(POW10[(ey - e) as usize] as i64)?;
        // |a|, |b| < 10^18 means |a + b| < 2*10^18: no overflow.
        if a <= -LIMIT || a >= LIMIT || b <= -LIMIT || b >= LIMIT {
            return None;
        }
        let mut s = a + b;
        if s <= -LIMIT || s >= LIMIT {
            return None;
        }
        if s == 0 {
            return Some(Number::ZERO);
        }
        let mut e = e;
        while e < 0 && s % 10 == 0 {
            s /= 10;
            e += 1;
        }
        Some(Number { mant: s, exp: e })
    }

    /// `-` (binary).
    #[inline]
    pub fn sub(self, o: Number) -> Result<Number, NumError> {
        self.add(o.neg())
    }

    /// `*`: exact product truncated to 18 digits.
    #[inline]
    pub fn mul(self, o: Number) -> Result<Number, NumError> {
        if self.exp == 0
            && o.exp == 0
            && let Some(p) = self.mant.checked_mul(o.mant)
            && p > -LIMIT
            && p < LIMIT
        {
            return Ok(Number { mant: p, exp: 0 });
        }
        if self.mant == 0 || o.mant == 0 {
            return Ok(Number::ZERO);
        }
        let p = self.mant as i128 * o.mant as i128;
        Number::build(p < 0, p.unsigned_abs(), self.exp as i64 + o.exp as i64)
    }

    /// `/`: quotient truncated to 18 digits (`1/3` → `.333333333333333333`,
    /// `2/3` → `.666666666666666666`). DIVZERO for a zero divisor.
    pub fn div(self, o: Number) -> Result<Number, NumError> {
        if o.mant == 0 {
            return Err(NumError::DivZero);
        }
        if self.mant == 0 {
            return Ok(Number::ZERO);
        }
        if self.exp == 0 && o.exp == 0 && self.mant % o.mant == 0 {
            return Number::build(
                (self.mant < 0) != (o.mant < 0),
                (self.mant / o.mant).unsigned_abs() as u128,
                0,
            );
        }
        let a = self.mant.unsigned_abs() as u128;
        let b = o.mant.unsigned_abs() as u128;
        // Scale so the quotient has 18 or 19 digits; a*10^k < 10^36 fits u128.
        let k = DIGITS + ndigits_u128(b) - ndigits_u128(a);
        let q = a * pow10_u128(k as u32) / b;
        Number::build(
            (self.mant < 0) != (o.mant < 0),
            q,
            self.exp as i64 - o.exp as i64 - k,
        )
    }

    /// Truncate toward zero to an integer (no error possible).
    fn trunc(self) -> Number {
        if self.exp >= 0 {
            return self;
        }
        let cut = -(self.exp as i64);
        if cut > DIGITS {
            return Number::ZERO;
        }
        Number {
            mant: self.mant / POW10[cut as usize] as i64,
            exp: 0,
        }
    }

    /// `\`: the 18-digit quotient truncated toward zero (`-7\2` → -3, `7.5\2` → 3).
    pub fn int_div(self, o: Number) -> Result<Number, NumError> {
        if o.mant == 0 {
            return Err(NumError::DivZero);
        }
        if self.exp == 0 && o.exp == 0 {
            return Ok(Number {
                mant: self.mant / o.mant,
                exp: 0,
            });
        }
        Ok(self.div(o)?.trunc())
    }

    /// `#`: result has the sign of the divisor (`-7#3` → 2, `7#-3` → -2,
    /// `-7.5#2` → .5). GT.M computes `a - b*floor(a/b)` with its truncating
    /// operations, which this reproduces (`1E20#7` → 1000, `-1/3#1` →
    /// `.66666666666666667`).
    pub fn modulo(self, o: Number) -> Result<Number, NumError> {
        if o.mant == 0 {
            return Err(NumError::DivZero);
        }
        const SMALL: i64 = 1_000_000_000;
        if self.exp == 0 && o.exp == 0 && self.mant.abs() < SMALL && o.mant.abs() < SMALL {
            // Exact here: the quotient keeps all its digits.
            let mut r = self.mant % o.mant;
            if r != 0 && ((r < 0) != (o.mant < 0)) {
                r += o.mant;
            }
            return Ok(Number { mant: r, exp: 0 });
        }
        let q = self.div(o)?;
        let mut f = q.trunc();
        if q.mant < 0 && f != q {
            f = f.sub(Number::ONE)?;
        }
        self.sub(o.mul(f)?)
    }

    /// Unary minus.
    #[inline]
    pub fn neg(self) -> Number {
        Number {
            mant: -self.mant,
            exp: self.exp,
        }
    }

    /// Absolute value.
    #[inline]
    pub fn abs(self) -> Number {
        Number {
            mant: self.mant.abs(),
            exp: self.exp,
        }
    }

    /// Numeric order.
    #[inline(always)]
    pub fn cmp(&self, o: &Number) -> Ordering {
        if self.exp == 0 && o.exp == 0 {
            return self.mant.cmp(&o.mant);
        }
        self.cmp_slow(o)
    }

    #[inline(never)]
    fn cmp_slow(&self, o: &Number) -> Ordering {
        let (sa, sb) = (self.mant.signum(), o.mant.signum());
        if sa != sb {
            return sa.cmp(&sb);
        }
        if sa == 0 {
            return Ordering::Equal;
        }
        let (la, lb) = (self.lead(), o.lead());
        let mag = if la != lb {
            la.cmp(&lb)
        } else {
            // Same leading position: align both to 18 digits.
            let a = self.mant.unsigned_abs()
                * POW10[(DIGITS - ndigits_u64(self.mant.unsigned_abs())) as usize];
            let b = o.mant.unsigned_abs()
                * POW10[(DIGITS - ndigits_u64(o.mant.unsigned_abs())) as usize];
            a.cmp(&b)
        };
        if sa < 0 { mag.reverse() } else { mag }
    }

    #[inline]
    pub fn is_zero(&self) -> bool {
        self.mant == 0
    }

    #[inline]
    pub fn is_negative(&self) -> bool {
        self.mant < 0
    }

    #[inline]
    pub fn is_integer(&self) -> bool {
        self.exp >= 0
    }

    /// Truncates toward zero to i64, saturating.
    pub fn to_i64(&self) -> i64 {
        if self.exp == 0 {
            return self.mant;
        }
        if self.exp > 0 {
            // 10^19 does not fit an i64: anything that large saturates.
            let p = if self.exp >= 19 {
                None
            } else {
                self.mant.checked_mul(POW10[self.exp as usize] as i64)
            };
            return match p {
                Some(v) => v,
                None if self.mant < 0 => i64::MIN,
                None => i64::MAX,
            };
        }
        self.trunc().mant
    }

    // ------------------------------------------------------------------ power

    /// True for what GT.M stores as an "MV_INT": a multiple of .001 below 10^6 in
    /// magnitude. GT.M's `**` takes its exact integer path only for these.
    fn is_mvint(&self) -> bool {
        if self.mant == 0 {
            return true;
        }
        self.exp >= -3 && self.lead() < 6
    }

    /// `self * 1000` as an integer, for an MV_INT-like value.
    fn mvint_thousandths(&self) -> i64 {
        let e = self.exp as i64 + 3;
        if e >= 0 {
            self.mant * POW10[e as usize] as i64
        } else {
            self.mant / POW10[(-e) as usize] as i64
        }
    }

    /// GT.M's mval2double: builds the double from two 9-digit halves with the
    /// same sequence of floating-point operations, so pow() sees the same input.
    fn gtm_double(self) -> f64 {
        if self.mant == 0 {
            return 0.0;
        }
        if self.is_mvint() {
            return self.mvint_thousandths() as f64 / 1000.0;
        }
        let m = self.mant.unsigned_abs();
        let d = ndigits_u64(m);
        let m18 = m * POW10[(DIGITS - d) as usize];
        let hi = (m18 / 1_000_000_000) as f64;
        let lo = (m18 % 1_000_000_000) as f64;
        let mut e = self.lead() + 1; // digits before the point of 0.m18
        let mut x = hi;
        let mut y = lo / 1e9;
        while e > 9 {
            x *= 1e9;
            y *= 1e9;
            e -= 9;
        }
        while e < 0 {
            x /= 1e9;
            y /= 1e9;
            e += 9;
        }
        let p = POW10[(9 - e) as usize] as f64;
        x /= p;
        y /= p;
        x += y;
        if self.mant < 0 { -x } else { x }
    }

    /// GT.M's conversion of a pow() result back to a number (end of op_exp).
    fn from_f64_gtm(z: f64, neg: bool) -> Result<Number, NumError> {
        const ACCUR: f64 = 0.00000000000000055;
        if z.is_infinite() || z.is_nan() {
            return Err(NumError::Overflow);
        }
        if z <= 0.0 {
            return Ok(Number::ZERO);
        }
        let mut z = z;
        let mut accuracy = z * ACCUR;
        let mut z2 = ACCUR;
        let mut guard = 0;
        while accuracy == 0.0 && guard < 400 {
            z2 *= 10.0;
            accuracy = z * z2;
            guard += 1;
        }
        if z.abs() <= accuracy {
            return Ok(Number::ZERO);
        }
        let sign = |n: Number| if neg { n.neg() } else { n };
        // Integer-ish (3 decimals) check.
        let zi = ((z + 0.0005) * 1000.0).floor();
        if zi < 1e9 {
            let n1 = zi as i64;
            let back = n1 as f64 / 1000.0;
            if (z - back).abs() < accuracy {
                return Ok(sign(Number::build(false, n1 as u128, -3)?));
            }
        }
        let mut n: i64 = 0;
        while 1e16 <= z {
            n += 5;
            z *= 1e-5;
        }
        while 1e1 > z {
            n -= 5;
            z *= 1e5;
        }
        while 1e9 <= z {
            n += 1;
            z *= 0.1;
        }
        while 1e8 > z {
            n -= 1;
            z *= 10.0;
        }
        let z1 = z as i64;
        z -= z1 as f64;
        z *= 1e9;
        let z2r = z as i64;
        if z2r == 0 && (-11..=-3).contains(&n) && z1 % POW10[(-3 - n) as usize] as i64 == 0 {
            // GT.M's "second chance" integer: it drops the sign here.
            return Number::build(false, z1 as u128, n);
        }
        let e = n + 9; // digits before the point
        if e > MAX_LEAD + 1 {
            return Err(NumError::Overflow);
        }
        if e < MIN_LEAD + 1 {
            return Ok(Number::ZERO);
        }
        let mag = z1 as u128 * 1_000_000_000 + z2r as u128;
        Ok(sign(Number::build(false, mag, n - 9)?))
    }

    /// `**`. Integer exponents (GT.M MV_INT: multiples of .001 below 10^6 that are
    /// whole) use square-and-multiply with M multiplication, negative ones start
    /// from `1/base`; anything else goes through C `pow()` on doubles as in GT.M.
    /// `0**0`=1, `0**-1` DIVZERO, `(-8)**(1/3)` NEGFRACPWR, `(-8)**3`=-512.
    pub fn pow(self, o: Number) -> Result<Number, NumError> {
        let mut neg = false;
        if o.is_mvint() {
            if o.mant == 0 {
                return Ok(Number::ONE);
            }
            if self.mant == 0 {
                return if o.mant > 0 {
                    Ok(Number::ZERO)
                } else {
                    Err(NumError::DivZero)
                };
            }
            if o.is_integer() {
                let mut n = o.mant.unsigned_abs(); // < 10^6
                let mut w = if o.mant < 0 {
                    Number::ONE.div(self)?
                } else {
                    self
                };
                let mut z = Number::ONE;
                loop {
                    if n & 1 == 1 {
                        z = z.mul(w)?;
                    }
                    n /= 2;
                    if n == 0 {
                        break;
                    }
                    w = w.mul(w)?;
                }
                return Ok(z);
            }
            if self.mant < 0 {
                return Err(NumError::NegFracPwr);
            }
        } else {
            if self.mant == 0 {
                return if o.mant > 0 {
                    Ok(Number::ZERO)
                } else {
                    Err(NumError::DivZero)
                };
            }
            if self.mant < 0 {
                // A non-MV_INT exponent is either fractional or a large integer.
                if !o.is_integer() {
                    return Err(NumError::NegFracPwr);
                }
                let odd = o.exp == 0 && o.mant % 2 != 0;
                neg = odd;
            }
        }
        let x = self.abs().gtm_double();
        let y = o.gtm_double();
        let z = x.powf(y);
        Number::from_f64_gtm(z, neg)
    }
}

impl PartialOrd for Number {
    #[inline]
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(Ord::cmp(self, other))
    }
}

impl Ord for Number {
    #[inline]
    fn cmp(&self, o: &Number) -> Ordering {
        Number::cmp(self, o)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.to_canonical();
        // Canonical output is always ASCII.
        f.write_str(std::str::from_utf8(&v).unwrap_or("0"))
    }
}

impl std::ops::Neg for Number {
    type Output = Number;
    #[inline]
    fn neg(self) -> Number {
        Number::neg(self)
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Number {
        Number::from_i64(i)
    }
}

#[cfg(test)]
mod tests {
    //! Every expected string below is GT.M 7.0's output for the M expression in the
    //! comment or test name (probe routines were run with the gtm-run oracle).
    use super::*;

    #[test]
    fn digit_counts() {
        let mut v = 1u64;
        loop {
            for x in [v - 1, v, v + 1, v.saturating_mul(5)] {
                let want = x.checked_ilog10().map_or(1, |l| l as i64 + 1);
                assert_eq!(ndigits_u64(x), want, "{x}");
            }
            match v.checked_mul(10) {
                Some(n) => v = n,
                None => break,
            }
        }
        assert_eq!(ndigits_u64(u64::MAX), 20);
        assert_eq!(ndigits_u128(u64::MAX as u128 * 10), 21);
        for shift in 0..64 {
            let x = 1u64 << shift;
            assert_eq!(ndigits_u64(x), x.ilog10() as i64 + 1, "{x}");
            assert_eq!(
                ndigits_u64(x - 1),
                (x - 1).checked_ilog10().map_or(1, |l| l as i64 + 1)
            );
        }
    }

    fn n(s: &str) -> Number {
        match Number::parse_checked(s.as_bytes()) {
            Ok(v) => v,
            Err(e) => panic!("parse {s}: {e:?}"),
        }
    }

    fn c(v: Number) -> String {
        v.to_string()
    }

    fn r(v: Result<Number, NumError>) -> String {
        match v {
            Ok(x) => x.to_string(),
            Err(NumError::DivZero) => "DIVZERO".into(),
            Err(NumError::Overflow) => "NUMOFLOW".into(),
            Err(NumError::NegFracPwr) => "NEGFRACPWR".into(),
        }
    }

    fn op(a: &str, o: &str, b: &str) -> String {
        let (a, b) = (n(a), n(b));
        r(match o {
            "+" => a.add(b),
            "-" => a.sub(b),
            "*" => a.mul(b),
            "/" => a.div(b),
            "\\" => a.int_div(b),
            "#" => a.modulo(b),
            "**" => a.pow(b),
            _ => unreachable!(),
        })
    }

    fn check(cases: &[(&str, &str, &str, &str)]) {
        for &(a, o, b, want) in cases {
            assert_eq!(op(a, o, b), want, "{a} {o} {b}");
        }
    }

    // ------------------------------------------------------------------ parse

    #[test]
    fn parse_prefixes() {
        let cases: &[(&str, &str)] = &[
            ("3abc", "3"),
            ("", "0"),
            ("abc", "0"),
            ("1E3", "1000"),
            ("1e3", "1"), // lower-case e is not an exponent
            (".5", ".5"),
            ("-0", "0"),
            ("+5", "5"),
            ("--5", "5"),
            ("-+-5", "5"), // two minus signs
            ("+-5", "-5"),
            ("---5", "-5"),
            ("-+--5", "-5"),
            ("  5", "0"),
            ("- 5", "0"),
            ("1E", "1"),
            ("1E+", "1"),
            ("1E-", "1"),
            ("1E+2", "100"),
            ("1E-2", ".01"),
            ("1E+-3", "1"),
            ("1E2E3", "100"),
            ("1E2.5", "100"),
            ("1E0003", "1000"),
            ("00012.500", "12.5"),
            (".5E1", "5"),
            ("1.E2", "100"),
            ("-", "0"),
            ("-+", "0"),
            (".", "0"),
            (".E3", "0"),
            ("E5", "0"),
            ("5.", "5"),
            ("-5.", "-5"),
            ("1 2", "1"),
            ("1.2.3", "1.2"),
            ("-.5x", "-.5"),
            ("-.0000", "0"),
            ("-0.0E5", "0"),
            ("0E99", "0"),
            ("0E-99", "0"),
            ("0000000000000000000000000001", "1"),
            // Short decimals (the fast path): trailing zeros dropped, all 17 digits kept.
            ("12.5100", "12.51"),
            ("10.10", "10.1"),
            ("100.", "100"),
            ("0.000", "0"),
            ("1234567.0000000001", "1234567.0000000001"),
            (".00000000000000001", ".00000000000000001"),
            ("99999999999999999.", "99999999999999999"),
        ];
        for &(s, want) in cases {
            assert_eq!(c(Number::parse(s.as_bytes())), want, "{s:?}");
        }
    }

    #[test]
    fn parse_precision_and_range() {
        let cases: &[(&str, &str)] = &[
            ("12345678901234567890", "12345678901234567800"),
            ("12345678901234567899", "12345678901234567800"), // truncated, not rounded
            ("123456789012345678901", "123456789012345678000"),
            ("123456789012345678.5", "123456789012345678"),
            (
                ".00000000000000000012345678901234567899",
                ".000000000000000000123456789012345678",
            ),
            ("1E46", "10000000000000000000000000000000000000000000000"),
            ("10E45", "10000000000000000000000000000000000000000000000"),
            (
                "9.99999999999999999E46",
                "99999999999999999900000000000000000000000000000",
            ),
            (
                "99999999999999999999999999999999999999999999999",
                "99999999999999999900000000000000000000000000000",
            ),
            (
                "1000000000000000000000000000000000000000000000000E-10",
                "100000000000000000000000000000000000000",
            ),
            ("1E-43", ".0000000000000000000000000000000000000000001"),
            ("1.5E-43", ".00000000000000000000000000000000000000000015"),
            ("1E-44", "0"),
            ("5E-44", "0"),
            ("1E-50", "0"),
            ("-1E-50", "0"),
            ("1E-99999999999", "0"),
            ("0.00000000000000000000000000000000000000000000000001", "0"),
            (
                "1.23456789012345678E-40",
                ".000000000000000000000000000000000000000123456789012345678",
            ),
        ];
        for &(s, want) in cases {
            assert_eq!(c(n(s)), want, "{s:?}");
        }
    }

    #[test]
    fn parse_overflow() {
        for s in [
            "1E47",
            "1E48",
            "1E50",
            "-1E50",
            "10E46",
            "0.1E48",
            "999999999999999999999999999999999999999999999999",
            "1E99999999999",
            "1E2147483648",
            "1E4294967297",
        ] {
            assert_eq!(
                Number::parse_checked(s.as_bytes()),
                Err(NumError::Overflow),
                "{s}"
            );
        }
        // The unchecked parse saturates and keeps the sign (truth value stays true,
        // as GT.M's `$select("1E50":1,1:2)` gives 1 without an error).
        assert_eq!(Number::parse(b"1E50"), Number::MAX);
        assert_eq!(Number::parse(b"-1E50"), Number::MAX.neg());
    }

    // -------------------------------------------------------------- canonical

    #[test]
    fn canonical_output() {
        let cases: &[(&str, &str)] = &[
            ("-0", "0"),
            ("-.5", "-.5"),
            ("1.50", "1.5"),
            ("0012", "12"),
            ("1E25", "10000000000000000000000000"),
            ("1E-10", ".0000000001"),
            ("-12", "-12"),
            ("1.25", "1.25"),
            ("-1.25E-3", "-.00125"),
            ("999999999999999999", "999999999999999999"),
            ("1E18", "1000000000000000000"),
            ("99", "99"),
            ("100", "100"),
            ("-7", "-7"),
            (
                "999999999999999999E28",
                &format!("{}{}", "9".repeat(18), "0".repeat(28)),
            ),
            ("-1E46", &format!("-1{}", "0".repeat(46))),
            (
                "-.123456789012345678E-42",
                &format!("-.{}123456789012345678", "0".repeat(42)),
            ),
            ("1E-43", &format!(".{}1", "0".repeat(42))),
        ];
        for &(s, want) in cases {
            assert_eq!(c(n(s)), want, "{s:?}");
        }
        let mut out = b"x=".to_vec();
        Number::from_i64(-42).write_canonical(&mut out);
        assert_eq!(out, b"x=-42");
        assert_eq!(
            Number::from_i64(i64::MIN).to_string(),
            "-9223372036854775800"
        );
        assert_eq!(
            Number::from_i64(i64::MAX).to_string(),
            "9223372036854775800"
        );
        assert_eq!(format!("{}", Number::ONE.neg()), "-1");
    }

    #[test]
    fn is_canonical() {
        for s in [
            "0",
            "12",
            "-3.5",
            ".5",
            "-.5",
            "1.25",
            "100000000000000000000",
            "123456789012345678",
            ".0000000000000000000000000000000000000000001",
            ".00000000000000000000000000000000000000000015",
        ] {
            assert!(Number::is_canonical(s.as_bytes()), "{s}");
        }
        for s in [
            "",
            "012",
            "1.0",
            "+1",
            "-0",
            "1E3",
            "-",
            ".",
            "1.",
            "-.0",
            "00",
            " 1",
            "1 ",
            "abc",
            "1234567890123456789", // 19 significant digits: GT.M sorts it as a string
            "123456789012345678901", // likewise
            "1000000000000000000001",
            "-.00000000000000000000000000000000000000000001", // below 1E-43
            "100000000000000000000000000000000000000000000000",
        ] {
            assert!(!Number::is_canonical(s.as_bytes()), "{s}");
        }
    }

    // ------------------------------------------------------------ add/sub/mul

    #[test]
    fn add_sub() {
        check(&[
            ("123456789012345678", "+", "1", "123456789012345679"),
            (".1", "+", ".2", ".3"),
            ("1E18", "+", "1", "1000000000000000000"),
            ("1E18", "+", "9", "1000000000000000000"),
            ("1E18", "-", "1", "1000000000000000000"),
            ("1E18", "-", ".1", "1000000000000000000"),
            ("1E19", "-", "1", "10000000000000000000"),
            ("1E20", "-", "1", "100000000000000000000"),
            ("123456789012345678", "+", ".9", "123456789012345678"),
            ("123456789012345678", "-", ".9", "123456789012345678"),
            ("-123456789012345678", "-", ".9", "-123456789012345678"),
            ("12345678901234567.8", "+", ".19", "12345678901234567.9"),
            ("12345678901234567.8", "-", ".19", "12345678901234567.7"),
            ("1.00000000000000001", "-", "1", ".00000000000000001"),
            ("1", "-", ".000000000000000001", "1"),
            ("1", "-", ".0000000000000000001", "1"),
            ("999999999999999999", "+", "1", "1000000000000000000"),
            (
                "999999999999999999",
                "+",
                "999999999999999999",
                "1999999999999999990",
            ),
            ("-5", "+", "5", "0"),
            ("2", "-", "3", "-1"),
            ("9E46", "+", "9E46", "NUMOFLOW"),
        ]);
    }

    #[test]
    fn mul() {
        check(&[
            ("99999999999999999999", "*", "9", "899999999999999999000"),
            ("12345678901234567890", "*", "10", "123456789012345678000"),
            ("123456789012345678", "*", "3", "370370367037037034"),
            ("999999999", "*", "999999999", "999999998000000001"),
            (
                "123456789.123456789",
                "*",
                "1000000000",
                "123456789123456789",
            ),
            ("123456789.123456789", "*", "9", "1111111102.1111111"),
            ("1.5", "*", "1.5", "2.25"),
            (
                "123456789012345678",
                "*",
                "123456789012345678",
                "15241578753238836500000000000000000",
            ),
            (".1", "*", ".1", ".01"),
            ("1E-30", "*", "1E-30", "0"),
            (
                "1E-30",
                "*",
                "1E-13",
                ".0000000000000000000000000000000000000000001",
            ),
            ("1E-30", "*", "1E-14", "0"),
            (
                "1E30",
                "*",
                "1E16",
                "10000000000000000000000000000000000000000000000",
            ),
            ("1E30", "*", "1E17", "NUMOFLOW"),
            ("1E46", "*", "10", "NUMOFLOW"),
            ("-9E46", "*", "2", "NUMOFLOW"),
            (
                "1E46",
                "*",
                "9.9",
                "99000000000000000000000000000000000000000000000",
            ),
            ("-3", "*", "4", "-12"),
            ("0", "*", "-4.5", "0"),
        ]);
    }

    // -------------------------------------------------------------------- div

    #[test]
    fn div() {
        check(&[
            ("1", "/", "3", ".333333333333333333"),
            ("2", "/", "3", ".666666666666666666"),
            ("1", "/", "7", ".142857142857142857"),
            ("-1", "/", "3", "-.333333333333333333"),
            ("-2", "/", "3", "-.666666666666666666"),
            ("1", "/", "6", ".166666666666666666"),
            ("5", "/", "9", ".555555555555555555"),
            ("1", "/", "2", ".5"),
            ("7", "/", "49", ".142857142857142857"),
            ("1E46", "/", "1E-10", "NUMOFLOW"),
            ("1", "/", "0", "DIVZERO"),
            ("0", "/", "0", "DIVZERO"),
            ("0", "/", "5", "0"),
            ("12", "/", "-4", "-3"),
        ]);
        // 2/3*3 and 1/3*3 (GT.M)
        let third = n("1").div(n("3")).unwrap_or(Number::ZERO);
        let two_thirds = n("2").div(n("3")).unwrap_or(Number::ZERO);
        assert_eq!(r(two_thirds.mul(n("3"))), "1.99999999999999999");
        assert_eq!(r(third.mul(n("3"))), ".999999999999999999");
    }

    // ------------------------------------------------------- int_div, modulo

    #[test]
    fn int_div() {
        check(&[
            ("-7", "\\", "2", "-3"),
            ("7", "\\", "-2", "-3"),
            ("-7", "\\", "-2", "3"),
            ("7.5", "\\", "2", "3"),
            ("-7.5", "\\", "2", "-3"),
            ("7", "\\", ".5", "14"),
            ("7.9", "\\", "1", "7"),
            ("-7.9", "\\", "1", "-7"),
            ("1E30", "\\", "7", "142857142857142857000000000000"),
            (".333333333333333333", "\\", "1", "0"),
            ("10", "\\", "3", "3"),
            ("1", "\\", "0", "DIVZERO"),
            ("0", "\\", "0", "DIVZERO"),
            ("1E46", "\\", "1E-10", "NUMOFLOW"),
        ]);
    }

    #[test]
    fn modulo() {
        check(&[
            ("-7", "#", "3", "2"),
            ("7", "#", "-3", "-2"),
            ("-7", "#", "-3", "-1"),
            ("7", "#", "3", "1"),
            ("7.5", "#", "2", "1.5"),
            ("-7.5", "#", "2", ".5"),
            ("7.5", "#", "-2", "-.5"),
            ("-7.5", "#", "-2", "-1.5"),
            ("7", "#", "2.5", "2"),
            ("-7", "#", "2.5", ".5"),
            ("7", "#", "-2.5", "-.5"),
            ("5.5", "#", "1.5", "1"),
            ("1E20", "#", "7", "1000"),
            ("100000000000000000001", "#", "7", "1000"),
            ("-1E20", "#", "7", "-1000"),
            ("1E20", "#", "-7", "1000"),
            ("1E40", "#", "3", "100000000000000000000000"),
            ("-1E40", "#", "3", "-100000000000000000000000"),
            ("123456789012345678", "#", "1000", "678"),
            ("1", "#", "3", "1"),
            ("0", "#", "5", "0"),
            ("6", "#", "3", "0"),
            ("-6", "#", "3", "0"),
            ("6", "#", "-3", "0"),
            ("1", "#", ".3", ".1"),
            (".1", "#", ".03", ".01"),
            ("-1", "#", "1E-20", "0"),
            ("1E-20", "#", "1", ".00000000000000000001"),
            ("-1E-20", "#", "1", "1"),
            (".333333333333333333", "#", "1", ".333333333333333333"),
            ("-.333333333333333333", "#", "1", ".66666666666666667"),
            ("-999999999999999999", "#", "999999999999999998", "-1"),
            ("999999999999999999", "#", "-999999999999999998", "1"),
            ("1", "#", "0", "DIVZERO"),
            ("0", "#", "0", "DIVZERO"),
            ("1E46", "#", "1E-10", "NUMOFLOW"),
        ]);
    }

    // -------------------------------------------------------------------- pow

    #[test]
    fn pow_integer_exponent() {
        check(&[
            ("2", "**", "62", "4611686018427387900"),
            ("2", "**", "64", "18446744073709551600"),
            ("2", "**", "70", "1180591620717411300000"),
            ("3", "**", "40", "12157665459056928800"),
            // square-and-multiply with truncation, not the exact power
            (
                "2",
                "**",
                "155",
                "45671926166590715900000000000000000000000000000",
            ),
            (
                "2",
                "**",
                "156",
                "91343852333181431900000000000000000000000000000",
            ),
            ("2", "**", "200", "NUMOFLOW"),
            ("2", "**", "1000", "NUMOFLOW"),
            ("2", "**", "99999", "NUMOFLOW"),
            ("10", "**", "-3", ".001"),
            (
                "10",
                "**",
                "46",
                "10000000000000000000000000000000000000000000000",
            ),
            ("10", "**", "47", "NUMOFLOW"),
            (
                "10",
                "**",
                "-43",
                ".0000000000000000000000000000000000000000001",
            ),
            ("10", "**", "-44", "0"),
            ("10", "**", "-50", "0"),
            (
                "2",
                "**",
                "-100",
                ".000000000000000000000000000000788860905221011792",
            ),
            ("2", "**", "-150", "0"),
            (".5", "**", "1000", "0"),
            (".5", "**", "99999", "0"),
            ("2", "**", "-1", ".5"),
            ("3", "**", "-1", ".333333333333333333"),
            ("7", "**", "-2", ".0204081632653061224"),
            ("1.1", "**", "10", "2.5937424601"),
            ("1.5", "**", "2", "2.25"),
            ("-8", "**", "2", "64"),
            ("-8", "**", "3", "-512"),
            ("-2", "**", "3", "-8"),
            ("-2", "**", "-1", "-.5"),
            ("-2", "**", "-3", "-.125"),
            ("-2", "**", "2.0", "4"),
            ("-2", "**", "100000", "NUMOFLOW"),
            ("-1.5", "**", "1000001", "NUMOFLOW"),
            ("2", "**", "0", "1"),
            ("0", "**", "0", "1"),
            ("0", "**", "1", "0"),
            ("0", "**", "2", "0"),
            ("0", "**", "-1", "DIVZERO"),
            ("1.0000001", "**", "999999", "1.10517080203241873"),
        ]);
    }

    #[test]
    fn pow_fractional_exponent() {
        check(&[
            ("2", "**", ".5", "1.41421356237309515"),
            ("2", "**", ".333333333333333333", "1.25992104989487305"),
            ("3", "**", ".333333333333333333", "1.44224957030740827"),
            ("10", "**", ".5", "3.16227766016837954"),
            ("4", "**", ".5", "2"),
            ("9", "**", ".5", "3"),
            (".25", "**", ".5", ".5"),
            ("8", "**", ".333333333333333333", "2"),
            ("1.5", "**", ".5", "1.22474487139158904"),
            ("3", "**", ".5", "1.73205080756887733"),
            ("7", "**", ".142857142857142857", "1.32046924775612354"),
            ("100", "**", ".25", "3.16227766016837954"),
            ("2", "**", "2.5", "5.65685424949238061"),
            ("2", "**", "10.5", "1448.15468787004947"),
            ("1E40", "**", ".5", "100000000000000059000"),
            // 10^6 is no longer a GT.M "integer": pow() on doubles
            ("1.0000001", "**", "1000000", "1.10517091261432051"),
            ("1.0000001", "**", "999999.999", "1.10517091250380352"),
            ("1.0000001", "**", "1000001", "1.10517102313141196"),
            ("-1", "**", "1000001", "-1"),
            ("-1", "**", "1000000", "1"),
            ("0", "**", ".5", "0"),
            ("-8", "**", ".333333333333333333", "NEGFRACPWR"),
            ("-2", "**", ".5", "NEGFRACPWR"),
            ("-8", "**", ".5", "NEGFRACPWR"),
            ("-1", "**", ".5", "NEGFRACPWR"),
            ("-2", "**", "1.5", "NEGFRACPWR"),
        ]);
    }

    // ----------------------------------------------------------- format_fixed

    #[test]
    fn format_fixed() {
        let cases: &[(&str, usize, &str)] = &[
            (".5", 2, "0.50"),
            ("-.5", 0, "-1"),
            (".5", 0, "1"),
            ("1.5", 0, "2"),
            ("2.5", 0, "3"),
            ("-2.5", 0, "-3"),
            ("1.005", 2, "1.01"),
            ("-0.001", 2, "0.00"),
            ("-0.005", 2, "-0.01"),
            ("0.005", 2, "0.01"),
            ("-.4", 0, "0"),
            ("0", 2, "0.00"),
            ("123.456", 2, "123.46"),
            ("123.455", 2, "123.46"),
            ("-123.455", 2, "-123.46"),
            (".999", 2, "1.00"),
            ("-.999", 2, "-1.00"),
            ("9.999", 2, "10.00"),
            ("1E20", 2, "100000000000000000000.00"),
            (".333333333333333333", 20, "0.33333333333333333300"),
            (".666666666666666666", 20, "0.66666666666666666600"),
            (".666666666666666666", 17, "0.66666666666666667"),
            (".666666666666666666", 18, "0.666666666666666666"),
            ("123456789012345678", 2, "123456789012345678.00"),
            ("12345678901234567.89", 1, "12345678901234567.8"),
            ("99999999999999999.9", 0, "100000000000000000"),
            ("999999999999999999.5", 0, "999999999999999999"),
            ("1E-30", 5, "0.00000"),
            ("5E-30", 29, "0.00000000000000000000000000001"),
            ("5E-30", 30, "0.000000000000000000000000000005"),
            ("-5E-30", 29, "-0.00000000000000000000000000001"),
            ("12", 0, "12"),
            ("-12", 3, "-12.000"),
            ("abc", 2, "0.00"),
            (".05", 1, "0.1"),
            (".04", 1, "0.0"),
            (
                "1E46",
                2,
                "10000000000000000000000000000000000000000000000.00",
            ),
            (
                "9.99999999999999999E46",
                0,
                "99999999999999999900000000000000000000000000000",
            ),
            ("5E-43", 42, "0.000000000000000000000000000000000000000001"),
        ];
        for &(s, d, want) in cases {
            let got = Number::parse(s.as_bytes()).format_fixed(d);
            assert_eq!(String::from_utf8_lossy(&got), want, "$J({s},0,{d})");
        }
        let long = n(".1").format_fixed(100);
        assert_eq!(long.len(), 102);
        assert!(long.starts_with(b"0.1000"));
    }

    // ------------------------------------------------------- compare, misc

    #[test]
    fn compare_and_misc() {
        let mut v: Vec<Number> = [
            "3",
            "-1E20",
            ".5",
            "-.5",
            "1E20",
            "0",
            "-3",
            "1E-40",
            "2.999999999999999999",
        ]
        .iter()
        .map(|s| n(s))
        .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            s,
            [
                "-100000000000000000000",
                "-3",
                "-.5",
                "0",
                ".0000000000000000000000000000000000000001",
                ".5",
                "2.99999999999999999",
                "3",
                "100000000000000000000"
            ]
        );
        assert_eq!(n("1.50"), n("1.5"));
        assert_eq!(n("1E3"), Number::from_i64(1000));
        assert!(n("12").is_integer() && !n("1.2").is_integer());
        assert!(n("-0").is_zero());
        assert_eq!(n("7.9").to_i64(), 7);
        assert_eq!(n("-7.9").to_i64(), -7);
        assert_eq!(n("1E30").to_i64(), i64::MAX);
        assert_eq!(n("-1E30").to_i64(), i64::MIN);
        assert_eq!(n("1E-30").to_i64(), 0);
        assert_eq!(n("12E17").to_i64(), 1_200_000_000_000_000_000);
        assert_eq!(Number::ZERO.neg(), Number::ZERO);
    }

    // -------------------------------------------------------------- no panic

    /// Tiny deterministic generator (xorshift) so the test needs no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn aligned_add_is_the_windowed_add() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut tried = 0;
        for _ in 0..200_000 {
            let mut pick = || {
                let digits = (next() % 19) as u32;
                let m = (next() % 10u64.pow(digits).max(1)) as i64;
                let m = if next() % 2 == 0 { -m } else { m };
                let exp = -((next() % 20) as i64);
                Number::build(m < 0, m.unsigned_abs() as u128, exp).unwrap()
            };
            let (x, y) = (pick(), pick());
            if x.mant == 0 || y.mant == 0 {
                continue;
            }
            if let Some(n) = x.add_aligned(y) {
                tried += 1;
                assert_eq!(Ok(n), x.add_windowed(y), "{x} + {y}");
            }
        }
        assert!(tried > 10_000, "only {tried} pairs took the aligned path");
    }

    #[test]
    fn random_inputs_never_panic() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let alphabet = b"0123456789.-+Ee xX9999000";
        let mut nums = Vec::new();
        for _ in 0..3000 {
            let len = (rng.next() % 30) as usize;
            let s: Vec<u8> = (0..len)
                .map(|_| {
                    if rng.next().is_multiple_of(8) {
                        (rng.next() % 256) as u8
                    } else {
                        alphabet[(rng.next() % alphabet.len() as u64) as usize]
                    }
                })
                .collect();
            let v = Number::parse(&s);
            let _ = Number::parse_checked(&s);
            let _ = Number::is_canonical(&s);
            // Round trip: the canonical form is canonical and parses back.
            let canon = v.to_canonical();
            assert!(
                Number::is_canonical(&canon),
                "{:?}",
                String::from_utf8_lossy(&canon)
            );
            assert_eq!(Number::parse(&canon), v);
            let _ = v.format_fixed((rng.next() % 50) as usize);
            let _ = v.to_i64();
            nums.push(v);
        }
        nums.extend([Number::MAX, Number::MAX.neg(), Number::ZERO, Number::ONE]);
        for i in 0..nums.len() {
            let a = nums[i];
            let b = nums[(rng.next() % nums.len() as u64) as usize];
            for x in [
                a.add(b),
                a.sub(b),
                a.mul(b),
                a.div(b),
                a.int_div(b),
                a.modulo(b),
            ]
            .into_iter()
            .flatten()
            {
                let canon = x.to_canonical();
                assert_eq!(Number::parse(&canon), x);
            }
            let small = Number::from_i64((rng.next() % 64) as i64 - 32);
            let _ = a.pow(small);
            let _ = a.pow(b);
            let _ = a.abs().pow(n(".5"));
            assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        }
    }
}
