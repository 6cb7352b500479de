//! Writing M numbers: the canonical form (straight into a fixed buffer) and the fixed
//! decimals `$JUSTIFY` and `$FNUMBER` ask for.

use super::*;

/// `00` to `99`, two bytes each.
pub(super) static DIGIT_PAIRS: [u8; 200] = {
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
pub(super) fn write_digits(dst: &mut [u8], mut v: u64) {
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

// See the note on `impl Number` in number.rs: the operators return `Result`.
#[allow(clippy::should_implement_trait)]
impl Number {
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

    /// The canonical form of an integer of at most `N` characters, written at the start of
    /// `out` (zeros after it); None, `out` untouched, for any other number.
    #[inline]
    pub fn format_short_int<const N: usize>(&self, out: &mut [u8; N]) -> Option<usize> {
        if self.exp != 0 {
            return None;
        }
        let m = self.mant.unsigned_abs();
        let neg = (self.mant < 0) as usize;
        let len = neg + ndigits_u64(m) as usize;
        if len > N {
            return None;
        }
        out.fill(0);
        out[0] = b'-';
        write_digits(&mut out[neg..len], m);
        Some(len)
    }

    /// `format_canonical` of a number with an exponent (not an integer below 10^18).
    #[inline(never)]
    pub(super) fn format_scaled(&self, out: &mut [u8; CANONICAL_MAX]) -> usize {
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
}
