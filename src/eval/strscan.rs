//! Scanning strings for the string built-ins: searching, counting and skipping delimiters,
//! the positions of `$EXTRACT` and `$PIECE`, and the SET forms of both.

pub(super) mod bytes16;

pub(super) use crate::bytes::u64_at as word_at;
use crate::value::Value;
use bytes16::{block16, block17, byte_mask, pair_mask};

/// `$EXTRACT(s,from,to)` with M's clamping of positions.
pub fn extract(s: &[u8], from: i64, to: i64) -> &[u8] {
    let from = from.max(1);
    let to = to.min(s.len() as i64);
    if to < from {
        return &[];
    }
    &s[from as usize - 1..to as usize]
}

/// `$FIND(s,sub,start)`: the position after the match, or 0.
pub fn find(s: &[u8], sub: &[u8], start: i64) -> i64 {
    // GT.M takes the start as a 32-bit integer, saturated: `$FIND(s,"",1E20)` is 2147483647.
    let start = start.clamp(1, i32::MAX as i64);
    if sub.is_empty() {
        return start;
    }
    let from = start as usize - 1;
    if from > s.len() {
        return 0;
    }
    match search(&s[from..], sub) {
        Some(p) => (from + p + sub.len() + 1) as i64,
        None => 0,
    }
}

/// `find` for a needle of one byte `c`.
#[inline]
pub fn find_byte_from(s: &[u8], c: u8, start: i64) -> i64 {
    let from = (start.max(1) - 1) as usize;
    if from >= s.len() {
        return 0;
    }
    match find_byte(c, &s[from..]) {
        Some(p) => (from + p + 2) as i64,
        None => 0,
    }
}

/// The first occurrence of a non-empty `needle` in `hay`.
#[inline]
pub(crate) fn search(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [c] => find_byte(*c, hay),
        _ if needle.len() <= 8 => search_short(hay, needle),
        _ => search_long(hay, needle),
    }
}

/// `search` for a needle of two to eight bytes in a hay of up to `SHORT_HAY` bytes:
/// candidates where both the first and the second byte of the needle match, sixteen places
/// at a time, the rest compared as one masked word. A longer hay goes to `memmem`.
fn search_short(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    if hay.len() > SHORT_HAY {
        return search_long(hay, needle);
    }
    let last = hay.len().checked_sub(n)?; // the last place a match can start
    let (c0, c1) = (needle[0], needle[1]);
    let mut w = [0u8; 8];
    crate::value::copy_few(&mut w[..n], needle);
    let (word, mask) = (u64::from_le_bytes(w), u64::MAX >> (64 - 8 * n as u32));
    let rest_matches = |at: usize| {
        if at + 8 <= hay.len() {
            return (word_at(hay, at) ^ word) & mask == 0;
        }
        hay[at + 2..at + n]
            .iter()
            .zip(&needle[2..])
            .all(|(a, b)| a == b)
    };
    if hay.len() < 17 {
        return (0..=last).find(|&at| hay[at] == c0 && hay[at + 1] == c1 && rest_matches(at));
    }
    let mut i = 0;
    loop {
        let mut hits = pair_mask(block17(hay, i), c0, c1);
        while hits != 0 {
            let at = i + hits.trailing_zeros() as usize;
            if at > last {
                return None;
            }
            if rest_matches(at) {
                return Some(at);
            }
            hits &= hits - 1;
        }
        if i + 17 == hay.len() {
            return None;
        }
        // The last block may overlap the one before: places found again there were
        // rejected already and are rejected again.
        i = (i + 16).min(hay.len() - 17);
    }
}

/// Hays up to this long are searched by `search_short` itself.
const SHORT_HAY: usize = 256;

/// `search` for a longer needle, out of line: its searcher's setup (and its stack) is not
/// paid by the calls with a short needle.
#[inline(never)]
fn search_long(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The high bit of exactly each byte of `word` equal to `c` (no borrow between bytes, so
/// no false flags above a true one).
#[inline(always)]
pub(super) fn bytes_equal(word: u64, c: u8) -> u64 {
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (ONES * c as u64);
    !(((x & LOWS) + LOWS) | x | LOWS)
}

/// One in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// How many bytes `find_byte` looks at itself before it hands over to `memchr`.
const NEAR: usize = 64;

/// The first `c` in `hay`. Pieces and the gaps between needles are mostly short, where
/// testing sixteen bytes at a time costs less than `memchr`'s setup.
#[inline]
fn find_byte(c: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < 16 {
        return find_byte_short(c, hay);
    }
    let near = hay.len().min(NEAR);
    let mut i = 0;
    loop {
        let found = byte_mask(block16(hay, i), c);
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize);
        }
        if i + 16 == near {
            break;
        }
        // The last block may overlap the one before, which had no `c`.
        i = (i + 16).min(near - 16);
    }
    if hay.len() == near {
        return None;
    }
    find_byte_far(c, &hay[NEAR..]).map(|p| p + NEAR)
}

/// `find_byte` in fewer than 16 bytes: eight at a time, then one by one.
#[inline]
fn find_byte_short(c: u8, hay: &[u8]) -> Option<usize> {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    if hay.len() >= 8 {
        let x = word_at(hay, 0) ^ (ONES * c as u64);
        // The lowest byte flagged here is the first byte equal to `c` (a flag can be wrong
        // only above a true one).
        let found = x.wrapping_sub(ONES) & !x & HIGHS;
        if found != 0 {
            return Some((found.trailing_zeros() / 8) as usize);
        }
        i = 8;
    }
    hay[i..].iter().position(|&b| b == c).map(|p| i + p)
}

/// `memchr` past the first `NEAR` bytes, out of line so that the near scan inlines small.
#[inline(never)]
fn find_byte_far(c: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(c, hay)
}

/// `$LENGTH(s,d)`: the number of pieces, none for an empty delimiter.
pub(super) fn pieces(s: &[u8], d: &[u8]) -> usize {
    if d.is_empty() {
        return 0;
    }
    count(s, d) + 1
}

/// Non-overlapping occurrences of a non-empty delimiter.
fn count(s: &[u8], d: &[u8]) -> usize {
    match d {
        [c] => memchr::memchr_iter(*c, s).count(),
        _ => memchr::memmem::find_iter(s, d).count(),
    }
}

/// The offset just after the `n`th delimiter `d` (not empty) in `s`, or how many there are
/// when fewer than `n`.
#[inline(always)]
fn skip_delims(s: &[u8], d: &[u8], n: u64) -> Result<usize, u64> {
    match d {
        _ if n == 0 => Ok(0),
        [c] => after_nth_byte(*c, s, n),
        _ => after_nth(s, d, n),
    }
}

/// `skip_delims` for a longer delimiter.
fn after_nth(s: &[u8], d: &[u8], n: u64) -> Result<usize, u64> {
    let mut at = 0;
    for found in 0..n {
        match search(&s[at..], d) {
            Some(p) => at += p + d.len(),
            None => return Err(found),
        }
    }
    Ok(at)
}

/// `skip_delims` for a one-byte delimiter: eight bytes at a time, counting the matches.
fn after_nth_byte(c: u8, s: &[u8], mut n: u64) -> Result<usize, u64> {
    let wanted = n;
    if s.len() >= 16 {
        let mut i = 0;
        loop {
            let mut hits = if i + 16 <= s.len() {
                byte_mask(block16(s, i), c)
            } else {
                // The last block, moved back to end at the string's end: its places before
                // `i` were counted already.
                let base = s.len() - 16;
                let seen = i - base;
                i = base;
                byte_mask(block16(s, base), c) >> seen << seen
            };
            let k = hits.count_ones() as u64;
            if k >= n {
                for _ in 1..n {
                    hits &= hits - 1;
                }
                return Ok(i + hits.trailing_zeros() as usize + 1);
            }
            n -= k;
            i += 16;
            if i >= s.len() {
                return Err(wanted - n);
            }
        }
    }
    let mut i = 0;
    if s.len() >= 8 {
        let mut zeros = bytes_equal(word_at(s, 0), c);
        let k = zeros.count_ones() as u64;
        if k >= n {
            for _ in 1..n {
                zeros &= zeros - 1;
            }
            return Ok((zeros.trailing_zeros() / 8) as usize + 1);
        }
        n -= k;
        i = 8;
    }
    for (j, &b) in s[i..].iter().enumerate() {
        if b == c {
            n -= 1;
            if n == 0 {
                return Ok(i + j + 1);
            }
        }
    }
    Err(wanted - n)
}

/// The byte offset where piece `n` (1-based) of `s` starts, or `None` when `s` has fewer
/// pieces; `d` is not empty.
#[inline]
pub(super) fn piece_start(s: &[u8], d: &[u8], n: i64) -> Option<usize> {
    skip_delims(s, d, (n.max(1) - 1) as u64).ok()
}

/// The byte offset of the end of piece `to`, counting from `at`, the start of piece `from`
/// (`to >= from`); the end of `s` when it has fewer pieces.
#[inline]
pub(super) fn pieces_end(s: &[u8], d: &[u8], at: usize, from: i64, to: i64) -> usize {
    let at = match skip_delims(&s[at..], d, (to - from) as u64) {
        Ok(p) => at + p,
        Err(_) => return s.len(),
    };
    search(&s[at..], d).map_or(s.len(), |p| at + p)
}

/// `$PIECE(s,d,from,to)`: pieces from..to with their delimiters (the evaluator goes through
/// `strcache::PieceCache`, which starts from where the last call ended).
#[cfg(test)]
pub fn piece<'a>(s: &'a [u8], d: &[u8], from: i64, to: i64) -> &'a [u8] {
    let from = from.max(1);
    if d.is_empty() || to < from {
        return &[];
    }
    let Some(start) = piece_start(s, d, from) else {
        return &[];
    };
    &s[start..pieces_end(s, d, start, from, to)]
}

/// SET `$PIECE(x,d,from,to)=v`: the new value, or `None` when nothing changes. The caller
/// checks its length against MAXSTRLEN.
pub fn set_piece(old: &[u8], d: &[u8], from: i64, to: i64, v: &[u8]) -> Option<Value> {
    let from = from.max(1);
    if to < from {
        return None;
    }
    if d.is_empty() {
        // The whole string is the only piece; piece 2 and beyond are appended.
        let head = if from > 1 { old } else { &[] };
        return Some(Value::concat(head, v));
    }
    let at = match skip_delims(old, d, (from - 1) as u64) {
        Ok(at) => at,
        Err(found) => {
            // Fewer pieces than `from`: pad with delimiters.
            let pad = (from - 1) as usize - found as usize;
            let mut out = Vec::with_capacity(old.len() + pad * d.len() + v.len());
            out.extend_from_slice(old);
            for _ in 0..pad {
                out.extend_from_slice(d);
            }
            out.extend_from_slice(v);
            return Some(Value::from(out));
        }
    };
    let end = pieces_end(old, d, at, from, to);
    Some(Value::concat_all(&[&old[..at], v, &old[end..]]))
}

/// SET `$EXTRACT(x,from,to)=v`: the new value, or `None` when nothing changes. The caller
/// checks its length against MAXSTRLEN.
pub fn set_extract(old: &[u8], from: i64, to: i64, v: &[u8]) -> Option<Value> {
    let from = from.max(1);
    if to < from {
        return None;
    }
    let start = from as usize - 1;
    if old.len() < start {
        // Past the end: padded with spaces up to `from`.
        let mut out = old.to_vec();
        out.resize(start, b' ');
        out.extend_from_slice(v);
        return Some(Value::from(out));
    }
    let end = (to as usize).min(old.len());
    Some(Value::concat_all(&[&old[..start], v, &old[end..]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_and_extracts() {
        assert_eq!(piece(b"a^b^c", b"^", 2, 2), b"b");
        assert_eq!(piece(b"a^b^c", b"^", 2, 9), b"b^c");
        assert_eq!(piece(b"a^b^c", b"^", 4, 4), b"");
        let set_p = |s: &[u8], d: &[u8], from, to, v: &[u8]| {
            set_piece(s, d, from, to, v).unwrap().bytes().to_vec()
        };
        assert_eq!(set_p(b"a", b"^", 3, 3, b"x"), b"a^^x");
        assert_eq!(set_p(b"a^b^c", b"^", 2, 2, b"X"), b"a^X^c");
        assert_eq!(set_p(b"a^b^c", b"^", 2, 9, b"X"), b"a^X");
        assert_eq!(set_p(b"abc", b"", 2, 2, b"Z"), b"abcZ");
        assert_eq!(set_p(b"abc", b"", 1, 1, b"Z"), b"Z");
        assert!(set_piece(b"abc", b"^", 3, 2, b"Z").is_none());
        assert_eq!(extract(b"hello", 2, 3), b"el");
        assert_eq!(extract(b"hello", 0, 0), b"");
        let set_e =
            |s: &[u8], from, to, v: &[u8]| set_extract(s, from, to, v).unwrap().bytes().to_vec();
        assert_eq!(set_e(b"ab", 5, 5, b"x"), b"ab  x");
        assert_eq!(set_e(b"hello", 2, 3, b"EYY"), b"hEYYlo");
        assert_eq!(set_e(b"hello", 0, 9, b""), b"");
        assert_eq!(set_e(b"ab", 3, 3, b"c"), b"abc");
        assert_eq!(find(b"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q", b"q", 1), 34);
        assert_eq!(find(b"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,qr", b"qr", 20), 35);
        assert_eq!(find(b"abcabc", b"", 10), 10);
        assert_eq!(find(b"abcabc", b"c", 4), 7);
        // One byte: as `find` at every start, before, inside and past the end.
        let s = b"alpha,beta;gamma delta,epsilon;zeta eta,theta;iota kappa,lambda;mu,";
        for start in [
            i64::MIN,
            -1,
            0,
            1,
            2,
            5,
            6,
            7,
            40,
            66,
            67,
            68,
            69,
            70,
            1 << 40,
            i64::MAX,
        ] {
            for c in [b',', b'a', b'm', b'z', b'q'] {
                let want = find(s, &[c], start);
                assert_eq!(find_byte_from(s, c, start), want, "{c} from {start}");
                assert_eq!(
                    find_byte_from(&s[..3], c, start),
                    find(&s[..3], &[c], start)
                );
            }
        }
    }

    /// The block-at-a-time search of short needles finds what a byte-by-byte search finds,
    /// at every offset and length, with matches near the ends, overlapping candidates and
    /// bytes above 127.
    #[test]
    fn short_needles_found_as_by_bytes() {
        let cases: [(&[u8], &[&[u8]]); 2] = [
            (
                b"abaabaab,ab;aabba kappa,mu;mumu,aab",
                &[
                    b"ab",
                    b"aab",
                    b"kappa",
                    b"mu",
                    b"aabba ka",
                    b"b,",
                    b"zz",
                    b",",
                    b"k",
                    b"z",
                ],
            ),
            (
                b"abcabxabcdabcabcabxyzzabc\x80\xffab",
                &[
                    b"ab", b"abc", b"abx", b"bca", b"zza", b"xyzz", b"\xffa", b"cab",
                ],
            ),
        ];
        for (text, needles) in cases {
            let hay = text.repeat(3);
            for start in 0..hay.len() {
                for end in start..=hay.len() {
                    let h = &hay[start..end];
                    for n in needles {
                        let want = h.windows(n.len()).position(|w| w == *n);
                        assert_eq!(search(h, n), want, "{n:?} in {h:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn delimiters_are_counted() {
        let all: Vec<u8> = b"a^bb^^ccc^dddd^e^ff^g^^hh^i".repeat(3);
        // Every length, so that each ends in a different place of the last block.
        for len in 0..=all.len() {
            let s = &all[..len];
            for d in [&b"^"[..], b"^^", b"c"] {
                for n in 0..40u64 {
                    // The slow way: one search per delimiter.
                    let mut at = 0;
                    let mut want = Ok(0);
                    for found in 0..n {
                        match search(&s[at..], d) {
                            Some(p) => {
                                at += p + d.len();
                                want = Ok(at);
                            }
                            None => {
                                want = Err(found);
                                break;
                            }
                        }
                    }
                    assert_eq!(skip_delims(s, d, n), want, "{n} of {d:?} in {len}");
                }
            }
        }
        assert_eq!(
            after_nth_byte(0x80, &[0x80, 0x7f, 0, 0x80, 0x81, 1, 2, 0x80, 0x80], 4),
            Ok(9)
        );
    }

    #[test]
    fn bytes_are_found_at_every_offset() {
        let hay: Vec<u8> = (0..80u8).map(|i| b'a' + i % 20).collect();
        for c in [b'a', b'e', b't', b'z', 0, 255] {
            for from in 0..hay.len() {
                let want = hay[from..].iter().position(|&b| b == c);
                assert_eq!(find_byte(c, &hay[from..]), want, "{c} from {from}");
            }
        }
        // Bytes with the high bit set and just above/below `c` must not be mistaken for it.
        let tricky = [0x80u8, 0x7f, 0x01, 0x00, 0xff, 0x81, 0x02, 0x01];
        assert_eq!(find_byte(0x00, &tricky), Some(3));
        assert_eq!(find_byte(0x01, &tricky), Some(2));
        assert_eq!(find_byte(0x81, &tricky), Some(5));
        assert_eq!(find_byte(0x03, &tricky), None);
    }
}
