//! `**`: integer exponents by truncating square-and-multiply, fractional ones through C's
//! `pow()` on doubles converted back as GT.M does it.

use super::*;

// See the note on `impl Number` in number.rs: the operators return `Result`.
#[allow(clippy::should_implement_trait)]
impl Number {
    /// True for what GT.M stores as an "MV_INT": a multiple of .001 below 10^6 in
    /// magnitude. GT.M's `**` takes its exact integer path only for these.
    pub(super) fn is_mvint(&self) -> bool {
        if self.mant == 0 {
            return true;
        }
        self.exp >= -3 && self.lead() < 6
    }

    /// `self * 1000` as an integer, for an MV_INT-like value.
    pub(super) fn mvint_thousandths(&self) -> i64 {
        let e = self.exp as i64 + 3;
        if e >= 0 {
            self.mant * POW10[e as usize] as i64
        } else {
            self.mant / POW10[(-e) as usize] as i64
        }
    }

    /// GT.M's mval2double: builds the double from two 9-digit halves with the
    /// same sequence of floating-point operations, so pow() sees the same input.
    pub(super) fn gtm_double(self) -> f64 {
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
    pub(super) fn from_f64_gtm(z: f64, neg: bool) -> Result<Number, NumError> {
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
