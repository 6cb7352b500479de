//! Sixteen places of a string tested at once (SSE2 on x86-64, which every x86-64 has; a
//! plain loop elsewhere), for the searches of the string built-ins.

/// Bit `k` set where `s[k] == c0` and `s[k + 1] == c1`, for `k` in `0..16`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(in crate::eval) fn pair_mask(s: &[u8; 17], c0: u8, c1: u8) -> u32 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    // SAFETY: SSE2 is part of every x86-64 processor; both unaligned 16-byte loads, at 0
    // and at 1, lie inside the 17 bytes of `s`.
    unsafe {
        let a = _mm_loadu_si128(s.as_ptr().cast());
        let b = _mm_loadu_si128(s.as_ptr().add(1).cast());
        let first = _mm_cmpeq_epi8(a, _mm_set1_epi8(c0 as i8));
        let second = _mm_cmpeq_epi8(b, _mm_set1_epi8(c1 as i8));
        _mm_movemask_epi8(_mm_and_si128(first, second)) as u32
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub(in crate::eval) fn pair_mask(s: &[u8; 17], c0: u8, c1: u8) -> u32 {
    (0..16).fold(0, |m, k| m | ((s[k] == c0 && s[k + 1] == c1) as u32) << k)
}

/// Bit `k` set where `s[k] == c`, for `k` in `0..16`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(in crate::eval) fn byte_mask(s: &[u8; 16], c: u8) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    // SAFETY: SSE2 is part of every x86-64 processor; the unaligned 16-byte load is `s`.
    unsafe {
        let a = _mm_loadu_si128(s.as_ptr().cast());
        _mm_movemask_epi8(_mm_cmpeq_epi8(a, _mm_set1_epi8(c as i8))) as u32
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub(in crate::eval) fn byte_mask(s: &[u8; 16], c: u8) -> u32 {
    (0..16).fold(0, |m, k| m | ((s[k] == c) as u32) << k)
}

/// The 16 bytes of `s` from `at` (`at + 16 <= s.len()`).
#[inline(always)]
pub(in crate::eval) fn block16(s: &[u8], at: usize) -> &[u8; 16] {
    s[at..at + 16].try_into().expect("16 bytes")
}

/// The 17 bytes of `s` from `at` (`at + 17 <= s.len()`).
#[inline(always)]
pub(in crate::eval) fn block17(s: &[u8], at: usize) -> &[u8; 17] {
    s[at..at + 17].try_into().expect("17 bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_flagged_at_every_place() {
        let s: Vec<u8> = (0..40u8)
            .map(|i| b"abab\x80\xff"[(i % 6) as usize])
            .collect();
        for at in 0..s.len() - 16 {
            for (c0, c1) in [
                (b'a', b'b'),
                (b'b', b'a'),
                (0x80, 0xff),
                (0xff, b'a'),
                (b'x', b'a'),
            ] {
                let want = (0..16).fold(0u32, |m, k| {
                    m | ((s[at + k] == c0 && s[at + k + 1] == c1) as u32) << k
                });
                assert_eq!(pair_mask(block17(&s, at), c0, c1), want);
            }
            for c in [b'a', 0x80, 0xff, b'x'] {
                let want = (0..16).fold(0u32, |m, k| m | ((s[at + k] == c) as u32) << k);
                assert_eq!(byte_mask(block16(&s, at), c), want);
            }
        }
    }
}
