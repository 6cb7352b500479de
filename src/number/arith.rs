//! The arithmetic operators with GT.M's 18-digit truncation: `+ - * / \ #`, unary minus
//! and the absolute value.

use super::*;

// See the note on `impl Number` in number.rs: the operators return `Result`.
#[allow(clippy::should_implement_trait)]
impl Number {
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

    pub(super) fn add_slow(self, o: Number) -> Result<Number, NumError> {
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
    pub(super) fn add_windowed(self, o: Number) -> Result<Number, NumError> {
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
    pub(super) fn add_aligned(self, o: Number) -> Option<Number> {
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
        // A dividend that fits 64 bits (a divisor of one or two digits) takes the
        // machine's 64-bit division instead of the 128-bit routine.
        let scaled = POW10
            .get(k as usize)
            .and_then(|p| (a as u64).checked_mul(*p));
        let q = match scaled {
            Some(scaled) => (scaled / b as u64) as u128,
            None => a * pow10_u128(k as u32) / b,
        };
        Number::build(
            (self.mant < 0) != (o.mant < 0),
            q,
            self.exp as i64 - o.exp as i64 - k,
        )
    }

    /// Truncate toward zero to an integer (no error possible).
    pub(super) fn trunc(self) -> Number {
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
}
