//! Fixed-size loads from byte strings, for the scans that test a word or a 16-byte block
//! at a time (`$FIND`, `$PIECE`, pattern classes, the text caches). The caller keeps
//! `at + N <= s.len()`; a load past the end panics as any slice index would.

/// The `N` bytes of `s` from `at`.
#[inline(always)]
pub fn array_at<const N: usize>(s: &[u8], at: usize) -> &[u8; N] {
    match s[at..at + N].first_chunk::<N>() {
        Some(a) => a,
        // `s[at..at + N]` has exactly N bytes, so its first chunk of N is all of it.
        None => unreachable!("a slice of N bytes has a first chunk of N"),
    }
}

/// Eight bytes of `s` from `at` as a little-endian word.
#[inline(always)]
pub fn u64_at(s: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(*array_at(s, at))
}

/// Four bytes of `s` from `at` as a little-endian word.
#[inline(always)]
pub fn u32_at(s: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(*array_at(s, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_are_little_endian_from_the_offset() {
        let s = b"\x01\x02\x03\x04\x05\x06\x07\x08\x09";
        assert_eq!(u64_at(s, 1), 0x0908_0706_0504_0302);
        assert_eq!(u32_at(s, 0), 0x0403_0201);
        assert_eq!(array_at::<2>(s, 7), b"\x08\x09");
    }
}
