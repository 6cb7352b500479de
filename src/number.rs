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

mod arith;
mod format;
mod parse;
mod power;
#[cfg(test)]
mod tests;

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

#[inline]
fn pow10_u128(n: u32) -> u128 {
    10u128.pow(n)
}

/// `m * 10^e` (`m` nonzero, under 10^18) with the trailing zeros of its decimals dropped:
/// at most `-e` of them, taken 16, 8, 4, 2 and 1 at a time (a number has at most 17)
/// rather than one division per zero.
#[inline]
fn strip_decimal_zeros(mut m: u64, mut e: i64) -> (u64, i64) {
    if !m.is_multiple_of(10) {
        return (m, e); // the usual case: no zero to drop
    }
    for n in [16, 8, 4, 2, 1] {
        if -e >= n as i64 && m.is_multiple_of(POW10[n]) {
            m /= POW10[n];
            e += n as i64;
        }
    }
    (m, e)
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
            (m, e) = strip_decimal_zeros(m, e);
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
    fn short_decimal(v: i64, e: i32) -> Number {
        if v == 0 {
            return Number::ZERO;
        }
        let (m, e) = strip_decimal_zeros(v.unsigned_abs(), e as i64);
        let mant = if v < 0 { -(m as i64) } else { m as i64 };
        Number {
            mant,
            exp: e as i32,
        }
    }

    /// Position of the leading digit (value in `[10^lead, 10^(lead+1))`). Nonzero only.
    #[inline]
    fn lead(&self) -> i64 {
        self.exp as i64 + ndigits_u64(self.mant.unsigned_abs()) - 1
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
