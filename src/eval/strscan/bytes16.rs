//! Sixteen places of a string tested at once (SSE2 on x86-64, which every x86-64 has; a
//! plain loop elsewhere), for the searches of the string built-ins.

use std::mem::MaybeUninit;

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

/// `s` with each byte in `lo..lo + n` (`n < 256`, counted with wrap-around) moved up by
/// `k` (wrapping), the others as they are: a `$TRANSLATE` table that only folds one
/// range of letters onto another.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(in crate::eval) fn shift_range(s: &[u8; 16], lo: u8, n: u8, k: u8) -> [u8; 16] {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_and_si128, _mm_cmplt_epi8, _mm_loadu_si128, _mm_set1_epi8,
        _mm_storeu_si128, _mm_sub_epi8, _mm_xor_si128,
    };
    let mut out = [0u8; 16];
    // SAFETY: SSE2 is part of every x86-64 processor; the unaligned 16-byte load is `s`,
    // the store is `out`. `x - lo < n` unsigned is the signed comparison of both with the
    // high bit flipped.
    unsafe {
        let x = _mm_loadu_si128(s.as_ptr().cast());
        let high = _mm_set1_epi8(i8::MIN);
        let off = _mm_xor_si128(_mm_sub_epi8(x, _mm_set1_epi8(lo as i8)), high);
        let inside = _mm_cmplt_epi8(off, _mm_set1_epi8((n ^ 0x80) as i8));
        let moved = _mm_add_epi8(x, _mm_and_si128(inside, _mm_set1_epi8(k as i8)));
        _mm_storeu_si128(out.as_mut_ptr().cast(), moved);
    }
    out
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub(in crate::eval) fn shift_range(s: &[u8; 16], lo: u8, n: u8, k: u8) -> [u8; 16] {
    s.map(|c| match c.wrapping_sub(lo) < n {
        true => c.wrapping_add(k),
        false => c,
    })
}

/// `s` moved by `shift_range` into `out` (as long as `s`, at least 16 bytes), sixteen at
/// a time; the last block may overlap the one before, written again with the same bytes.
#[inline]
pub(in crate::eval) fn shift_into(s: &[u8], out: &mut [MaybeUninit<u8>], lo: u8, n: u8, k: u8) {
    debug_assert!(s.len() >= 16 && out.len() == s.len());
    let mut i = 0;
    loop {
        let at = i.min(s.len() - 16);
        let moved = shift_range(block16(s, at), lo, n, k);
        for (o, &c) in out[at..at + 16].iter_mut().zip(&moved) {
            o.write(c);
        }
        if at + 16 == s.len() {
            return;
        }
        i += 16;
    }
}

/// How many bytes of `s` are among the bytes of a set, given as each byte sixteen times
/// (`splat`; a set of fewer may repeat one), sixteen places at a time: each place's hits
/// summed in a byte of its own, added up once per 255 blocks, before a byte could overflow.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(in crate::eval) fn count_in_set<const N: usize>(s: &[u8], set: &[[u8; 16]; N]) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cvtsi128_si64, _mm_loadu_si128, _mm_or_si128,
        _mm_sad_epu8, _mm_setzero_si128, _mm_sub_epi8, _mm_unpackhi_epi64,
    };
    if s.len() < 16 {
        return s.iter().filter(|&&c| set.iter().any(|m| m[0] == c)).count();
    }
    // Loaded from `16 - k`: zero in places below `k`, all ones from `k` on.
    const FROM: [u8; 32] = {
        let mut m = [0xffu8; 32];
        let mut i = 0;
        while i < 16 {
            m[i] = 0;
            i += 1;
        }
        m
    };
    // SAFETY: SSE2 is part of every x86-64 processor; every load is of 16 bytes inside
    // its array: `set`'s, `s` from `at` with `at + 16 <= s.len()`, `FROM` from at most 16.
    unsafe {
        let needles = set.map(|n| _mm_loadu_si128(n.as_ptr().cast()));
        let hits_at = |at: usize| -> __m128i {
            let x = _mm_loadu_si128(s.as_ptr().add(at).cast());
            let each = needles.map(|n| _mm_cmpeq_epi8(x, n));
            each.into_iter()
                .fold(_mm_setzero_si128(), |h, e| _mm_or_si128(h, e))
        };
        let sum = |acc: __m128i| -> u64 {
            let halves = _mm_sad_epu8(acc, _mm_setzero_si128());
            (_mm_cvtsi128_si64(halves) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(halves, halves)))
                as u64
        };
        let (mut total, mut acc, mut blocks) = (0u64, _mm_setzero_si128(), 0);
        let mut i = 0;
        while i + 16 <= s.len() {
            // A hit is all ones, -1: subtracted, it counts one.
            acc = _mm_sub_epi8(acc, hits_at(i));
            i += 16;
            blocks += 1;
            if blocks == 255 {
                total += sum(acc);
                (acc, blocks) = (_mm_setzero_si128(), 0);
            }
        }
        if i < s.len() {
            // The last block, moved back to end at the string's end: its places before `i`
            // were counted already.
            let base = s.len() - 16;
            let fresh = _mm_loadu_si128(FROM.as_ptr().add(16 - (i - base)).cast());
            acc = _mm_sub_epi8(acc, _mm_and_si128(hits_at(base), fresh));
        }
        (total + sum(acc)) as usize
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(in crate::eval) fn count_in_set<const N: usize>(s: &[u8], set: &[[u8; 16]; N]) -> usize {
    s.iter().filter(|&&c| set.iter().any(|m| m[0] == c)).count()
}

/// The 16 bytes of `s` from `at` (`at + 16 <= s.len()`).
#[inline(always)]
pub(in crate::eval) fn block16(s: &[u8], at: usize) -> &[u8; 16] {
    crate::bytes::array_at(s, at)
}

/// The 17 bytes of `s` from `at` (`at + 17 <= s.len()`).
#[inline(always)]
pub(in crate::eval) fn block17(s: &[u8], at: usize) -> &[u8; 17] {
    crate::bytes::array_at(s, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_shifted_at_every_byte() {
        let all: Vec<u8> = (0..=255u8).collect();
        for (lo, n, k) in [
            (b'A', 26, 32),
            (b'a', 26, 224),
            (250, 10, 3),
            (0, 1, 1),
            (0x80, 127, 1),
        ] {
            for block in all.chunks(16) {
                let block: &[u8; 16] = block.try_into().unwrap();
                let want = block.map(|c| match c.wrapping_sub(lo) < n {
                    true => c.wrapping_add(k),
                    false => c,
                });
                assert_eq!(shift_range(block, lo, n, k), want, "{lo} {n} {k}");
            }
        }
    }

    #[test]
    fn shifted_and_counted_at_every_length() {
        let text: Vec<u8> = b"The Quick Brown Fox, Jumps Over; The Lazy Dog! \x00\xff".repeat(2);
        for len in 0..text.len() {
            let s = &text[..len];
            let want = s.iter().filter(|c| b",;! \x00".contains(c)).count();
            assert_eq!(
                count_in_set(s, &b",;! \x00".map(|c| [c; 16])),
                want,
                "{len}"
            );
            assert_eq!(
                count_in_set(s, &b",;! \x00,,".map(|c| [c; 16])),
                want,
                "{len}"
            );
            if len >= 16 {
                let mut out = vec![MaybeUninit::new(0u8); len];
                shift_into(s, &mut out, b'A', 26, 32);
                // SAFETY: every byte of `out` was initialised when it was made.
                let got: Vec<u8> = out.iter().map(|b| unsafe { b.assume_init() }).collect();
                assert_eq!(got, s.to_ascii_lowercase(), "{len}");
            }
        }
        // Past 255 blocks the counts of each place are added up before they overflow.
        let long = b",".repeat(16 * 600 + 5);
        assert_eq!(count_in_set(&long, &[[b','; 16], [b';'; 16]]), long.len());
    }

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
