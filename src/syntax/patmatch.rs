//! Matching a parsed `Pattern` against a string, without allocating per match.
//!
//! A pattern whose atoms all have fixed counts and no alternation is checked in one pass.
//! Any other is matched on sets of positions (bit sets, position `i` = after `i` bytes): an
//! atom maps the set of positions where it may start to the set where it may end. A class
//! atom (`1.3N`, `.E`) does that in one sweep over the string; a literal or an alternation
//! repeats one occurrence until the count is reached or no new position can appear. The sets
//! live in one scratch buffer (on the stack for short strings, else a reused thread-local
//! one), sized up front from the pattern's nesting (`Pattern::need`).

use std::cell::RefCell;

use super::pattern::{Atom, Elem, Pattern, in_class};
use crate::bytes::{u32_at, u64_at as word_at};

thread_local! {
    static SCRATCH: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Scratch words kept on the stack (enough for strings under 64 bytes and patterns nested a
/// few alternations deep).
const STACK_WORDS: usize = 24;

impl Pattern {
    pub fn matches(&self, s: &[u8]) -> bool {
        if self.fixed {
            return self.matches_fixed(s);
        }
        if self.tail_run {
            return self.matches_tail_run(s);
        }
        if self.contains
            && let Elem::Lit(lit) = &self.atoms[1].elem
        {
            return holds(s, lit);
        }
        if s.len() < 64 {
            return self.reach_word(s, 1) >> s.len() & 1 != 0;
        }
        self.matches_sets(s)
    }

    /// `reach` for a string under 64 bytes: every position set is one word, so an atom's
    /// step is a mask and a shift, with no scratch buffer and no loop over positions.
    fn reach_word(&self, s: &[u8], start: u64) -> u64 {
        let mut cur = start;
        // The class word made last (mask 0 has no bytes, so the start is right for it).
        let mut made = (0u8, 0u64);
        for atom in &self.atoms {
            cur = atom.reach_word(s, cur, &mut made);
            if cur == 0 {
                break;
            }
        }
        cur
    }

    /// Every atom a fixed count of codes or a literal: a single left-to-right pass.
    fn matches_fixed(&self, s: &[u8]) -> bool {
        let mut pos = 0;
        for a in &self.atoms {
            if let Elem::Alt(_) = a.elem {
                return self.matches_sets(s);
            }
            match fixed_step(a, s, pos) {
                Some(p) => pos = p,
                None => return false,
            }
        }
        pos == s.len()
    }

    /// Every atom but the last fixed, the last a class with a range (`2U1.N`, `3N.E`):
    /// the fixed ones in one pass, then the rest of the text is a run of the class whose
    /// length is in that range.
    fn matches_tail_run(&self, s: &[u8]) -> bool {
        let Some((last, head)) = self.atoms.split_last() else {
            return s.is_empty();
        };
        let Elem::Codes(mask) = last.elem else {
            return self.matches_sets(s);
        };
        let mut pos = 0;
        for a in head {
            if let Elem::Alt(_) = a.elem {
                return self.matches_sets(s);
            }
            match fixed_step(a, s, pos) {
                Some(p) => pos = p,
                None => return false,
            }
        }
        let rest = &s[pos..];
        (last.min..=last.max).contains(&rest.len()) && rest.iter().all(|&c| in_class(mask, c))
    }

    fn matches_sets(&self, s: &[u8]) -> bool {
        let w = s.len() / 64 + 1;
        let total = w * (self.need + 2);
        let run = |buf: &mut [u64]| {
            let (start, rest) = buf.split_at_mut(w);
            let (out, rest) = rest.split_at_mut(w);
            start.fill(0);
            start[0] = 1;
            self.reach(s, start, out, rest, w);
            bit(out, s.len())
        };
        if total <= STACK_WORDS {
            return run(&mut [0u64; STACK_WORDS][..total]);
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buf) => {
                if buf.len() < total {
                    buf.resize(total, 0);
                }
                run(&mut buf[..total])
            }
            Err(_) => run(&mut vec![0; total]),
        })
    }

    /// `out` = the positions where the pattern can end when it starts at one of `start`.
    fn reach(&self, s: &[u8], start: &[u64], out: &mut [u64], scr: &mut [u64], w: usize) {
        if let [atom] = self.atoms.as_slice() {
            return atom.reach(s, start, out, scr, w);
        }
        let (a, rest) = scr.split_at_mut(w);
        let (b, rest) = rest.split_at_mut(w);
        a.copy_from_slice(start);
        let (mut cur, mut next) = (a, b);
        for atom in &self.atoms {
            atom.reach(s, cur, next, rest, w);
            std::mem::swap(&mut cur, &mut next);
            if is_empty(cur) {
                break;
            }
        }
        out.copy_from_slice(cur);
    }
}

impl Atom {
    /// `reach` on one-word position sets (`s` under 64 bytes). `made` is the last class
    /// word made for this string and its mask: a pattern that tests one class twice
    /// (`1.3N1"-"1.4N`) makes it once.
    fn reach_word(&self, s: &[u8], start: u64, made: &mut (u8, u64)) -> u64 {
        match &self.elem {
            Elem::Codes(mask) => {
                if made.0 != *mask {
                    *made = (*mask, class_word(s, *mask));
                }
                let m = made.1;
                if self.max > s.len() {
                    return self.fill_word(start, m);
                }
                self.steps_word(start, m)
            }
            Elem::Lit(lit) => {
                let occ = literal_word(s, lit);
                let n = lit.len() as u32;
                let step = |cur: u64| (cur & occ).checked_shl(n).unwrap_or(0);
                // `1"-"`, the usual literal: one occurrence, no loop.
                if self.min == 1 && self.max == 1 {
                    return step(start);
                }
                self.repeat_word(start, step)
            }
            Elem::Alt(alts) => self.repeat_word(start, |cur| {
                alts.iter().fold(0, |acc, alt| acc | alt.reach_word(s, cur))
            }),
        }
    }

    /// A class atom without an upper bound that counts (`.E`, `1.N`): after `min` steps,
    /// every position on from a start through bytes of the class is reached. Adding the
    /// starts inside runs of `m` carries through each run to its end; the bits the carry
    /// flips are exactly the positions from the run's first start to one past its end.
    fn fill_word(&self, start: u64, m: u64) -> u64 {
        let mut r = start;
        // Each step shifts, so within 64 steps the set is empty: `min` may be large.
        for _ in 0..self.min.min(64) {
            r = (r & m) << 1;
        }
        if self.min > 64 {
            r = 0;
        }
        let a = r & m;
        // `m` covers fewer than 64 bits and `a` is within it: the sum does not overflow.
        r | (m.wrapping_add(a) ^ m)
    }

    /// A class atom with an upper bound within the string (`1.3N`): the positions after
    /// `min..=max` steps through bytes of the class `m`. Each step moves every position one
    /// on, so a set once empty stays empty, and the bound (below 64) ends the loop.
    #[inline]
    fn steps_word(&self, start: u64, m: u64) -> u64 {
        let mut cur = start;
        for _ in 0..self.min {
            cur = (cur & m) << 1;
            if cur == 0 {
                return 0;
            }
        }
        let mut out = cur;
        for _ in self.min..self.max {
            cur = (cur & m) << 1;
            if cur == 0 {
                break;
            }
            out |= cur;
        }
        out
    }

    /// `repeat` on one-word sets: `step` maps the positions before one occurrence to those
    /// after it; the positions after `min..=max` occurrences are gathered.
    #[inline]
    fn repeat_word(&self, start: u64, step: impl Fn(u64) -> u64) -> u64 {
        let mut cur = start;
        let mut out = 0;
        let mut k = 0usize;
        loop {
            if k >= self.min {
                out |= cur;
            }
            if k >= self.max {
                return out;
            }
            let next = step(cur);
            // An occurrence that moves nothing: every later count gives the same set.
            if next == cur {
                return out | cur;
            }
            // Past `min`, no new position now means none later (as in `repeat`).
            if next == 0 || (k >= self.min && next & !out == 0) {
                return out;
            }
            k += 1;
            cur = next;
        }
    }

    fn reach(&self, s: &[u8], start: &[u64], out: &mut [u64], scr: &mut [u64], w: usize) {
        match &self.elem {
            Elem::Codes(mask) => self.sweep(s, *mask, start, out),
            _ => self.repeat(s, start, out, scr, w),
        }
    }

    /// A class atom in one pass: `p` is reachable when some start `i` has
    /// `min <= p - i <= max` and every byte of `s[i..p]` in the class. The latest start at
    /// or before `p - min` is the best candidate, so only it is kept.
    fn sweep(&self, s: &[u8], mask: u8, start: &[u64], out: &mut [u64]) {
        out.fill(0);
        let mut cand: Option<usize> = None;
        // One past the last byte before `p` outside the class: a start must be at or after it.
        let mut clean_from = 0;
        for p in 0..=s.len() {
            if let Some(i) = p.checked_sub(self.min)
                && bit(start, i)
            {
                cand = Some(i);
            }
            if let Some(i) = cand
                && i >= clean_from
                && p - i <= self.max
            {
                set(out, p);
            }
            if p < s.len() && !in_class(mask, s[p]) {
                clean_from = p + 1;
            }
        }
    }

    /// A literal or an alternation, one occurrence at a time.
    fn repeat(&self, s: &[u8], start: &[u64], out: &mut [u64], scr: &mut [u64], w: usize) {
        let (cur, rest) = scr.split_at_mut(w);
        let (next, rest) = rest.split_at_mut(w);
        cur.copy_from_slice(start);
        out.fill(0);
        // `k` occurrences so far; `out` holds the positions after min..=k of them.
        let mut k = 0usize;
        loop {
            if k >= self.min {
                or_into(out, cur);
            }
            if k >= self.max {
                break;
            }
            self.elem.step(s, cur, next, rest, w);
            if *next == *cur {
                // An occurrence that moves nothing (`100000000""`): every later count gives
                // the same set, the count `min` included.
                or_into(out, cur);
                break;
            }
            if is_empty(next) {
                break;
            }
            // Past `min`, when the next count gives no position not already found, no later
            // count can (one occurrence maps a subset to a subset).
            if k >= self.min && is_subset(next, out) {
                break;
            }
            k += 1;
            cur.copy_from_slice(next);
            // Unreachable in theory: below `min` the sets either empty out (occurrences that
            // always advance) or stop changing (ones that can match nothing) within
            // `s.len() + 1` steps, and past `min` `out` grows at every step.
            if k > 2 * s.len() + 4 {
                break;
            }
        }
    }
}

impl Elem {
    /// `next` = the positions after one occurrence from one of `cur`.
    fn step(&self, s: &[u8], cur: &[u64], next: &mut [u64], scr: &mut [u64], w: usize) {
        match self {
            Elem::Codes(mask) => {
                next.fill(0);
                for i in ones(cur) {
                    if i < s.len() && in_class(*mask, s[i]) {
                        set(next, i + 1);
                    }
                }
            }
            Elem::Lit(lit) => {
                next.fill(0);
                for i in ones(cur) {
                    if s[i..].starts_with(lit) {
                        set(next, i + lit.len());
                    }
                }
            }
            Elem::Alt(alts) => {
                let (tmp, rest) = scr.split_at_mut(w);
                next.fill(0);
                for alt in alts {
                    alt.reach(s, cur, tmp, rest, w);
                    or_into(next, tmp);
                }
            }
        }
    }
}

/// Bit `i` set where byte `s[i]` is in the classes of `mask` (`s` under 64 bytes).
#[inline]
fn class_word(s: &[u8], mask: u8) -> u64 {
    let all = (1u64 << s.len()) - 1;
    if mask & super::pattern::CODE_E != 0 {
        return all;
    }
    let mut m = 0;
    let mut i = 0;
    while i + 8 <= s.len() {
        m |= class_bits(word_at(s, i), 8, mask) << i;
        i += 8;
    }
    if i < s.len() {
        m |= class_bits(tail_word(s, i), s.len() - i, mask) << i;
    }
    m
}

/// The fewer than eight bytes of `s` from `at` to its end as a little-endian word, zeros
/// above them: the last eight bytes of `s` shifted down when it has eight, else put
/// together from overlapping loads (no call to copy them).
#[inline(always)]
fn tail_word(s: &[u8], at: usize) -> u64 {
    let n = s.len() - at;
    debug_assert!(n > 0 && n < 8);
    if s.len() >= 8 {
        return word_at(s, s.len() - 8) >> (8 * (8 - n));
    }
    let r = &s[at..];
    let half = |k: usize| u32_at(r, k) as u64;
    match n {
        // Overlapping bytes are the same bytes in the same places.
        4.. => half(0) | half(n - 4) << (8 * (n - 4)),
        _ => r[0] as u64 | (r[n / 2] as u64) << (8 * (n / 2)) | (r[n - 1] as u64) << (8 * (n - 1)),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (all below 0x80) within `lo..=hi` (both below 0x80).
#[inline(always)]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = (x | HIGHS).wrapping_sub(ONES * lo as u64);
    let at_most_hi = (HIGHS | (ONES * hi as u64)).wrapping_sub(x);
    at_least_lo & at_most_hi & HIGHS
}

/// The high bits of a word's bytes gathered into its low eight bits (byte `k` to bit `k`).
#[inline(always)]
fn gather_highs(h: u64) -> u64 {
    (h >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Bit `k` set where byte `k` of `word` (the first `n` of its bytes count) is in the
/// classes of `mask`. Digits and letters of ASCII text are tested eight bytes at once.
#[inline(always)]
fn class_bits(word: u64, n: usize, mask: u8) -> u64 {
    use super::pattern::{CODE_A, CODE_L, CODE_N, CODE_U};
    let valid = (1u64 << n) - 1;
    if word & HIGHS == 0 && mask & !(CODE_A | CODE_L | CODE_N | CODE_U) == 0 {
        // Bytes past `n` are zeros, in none of these classes.
        let mut h = 0;
        if mask & CODE_N != 0 {
            h |= in_range(word, b'0', b'9');
        }
        if mask & (CODE_U | CODE_A) != 0 {
            h |= in_range(word, b'A', b'Z');
        }
        if mask & (CODE_L | CODE_A) != 0 {
            h |= in_range(word, b'a', b'z');
        }
        return gather_highs(h);
    }
    let bytes = word.to_le_bytes();
    (0..n).fold(0, |m, k| m | (in_class(mask, bytes[k]) as u64) << k) & valid
}

/// Bit `i` set where `lit` occurs at `s[i..]` (`s` under 64 bytes).
#[inline]
fn literal_word(s: &[u8], lit: &[u8]) -> u64 {
    if lit.is_empty() {
        // Everywhere, the end included: an occurrence that moves nothing.
        return u64::MAX >> (63 - s.len());
    }
    match lit {
        [c] => {
            let mut m = 0;
            let mut i = 0;
            while i + 8 <= s.len() {
                m |= gather_highs(equal_bytes(word_at(s, i), *c)) << i;
                i += 8;
            }
            if i < s.len() {
                let n = s.len() - i;
                let found = gather_highs(equal_bytes(tail_word(s, i), *c));
                m |= (found & ((1u64 << n) - 1)) << i;
            }
            m
        }
        _ => s
            .windows(lit.len())
            .enumerate()
            .fold(0, |m, (i, w)| m | ((w == lit) as u64) << i),
    }
}

/// The position after atom `a` (a fixed count of codes or of a literal) matched from
/// `pos`, or `None` when it does not match there.
#[inline(always)]
fn fixed_step(a: &Atom, s: &[u8], mut pos: usize) -> Option<usize> {
    match &a.elem {
        Elem::Codes(mask) => {
            let part = s.get(pos..)?.get(..a.min)?;
            if !part.iter().all(|&c| in_class(*mask, c)) {
                return None;
            }
            Some(pos + a.min)
        }
        // `100000000""` matches nothing, once or any number of times.
        Elem::Lit(lit) if lit.is_empty() => Some(pos),
        Elem::Lit(lit) => {
            // Each occurrence moves on, so this runs at most `s.len()` times.
            for _ in 0..a.min {
                if !s[pos..].starts_with(lit) {
                    return None;
                }
                pos += lit.len();
            }
            Some(pos)
        }
        Elem::Alt(_) => None,
    }
}

/// Whether `lit` occurs in `s` (`.E1"lit".E`): a search for its first byte, then the rest
/// compared there.
fn holds(s: &[u8], lit: &[u8]) -> bool {
    let Some((&first, rest)) = lit.split_first() else {
        return true;
    };
    if rest.is_empty() {
        return s.contains(&first);
    }
    let n = lit.len();
    s.iter()
        .take((s.len() + 1).saturating_sub(n))
        .enumerate()
        .any(|(i, &c)| c == first && s[i + 1..i + n] == *rest)
}

/// The high bit of exactly each byte of `word` equal to `c`.
#[inline(always)]
fn equal_bytes(word: u64, c: u8) -> u64 {
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (ONES * c as u64);
    !(((x & LOWS) + LOWS) | x | LOWS)
}

#[inline]
fn bit(set: &[u64], i: usize) -> bool {
    set[i / 64] >> (i % 64) & 1 != 0
}

#[inline]
fn set(set: &mut [u64], i: usize) {
    set[i / 64] |= 1 << (i % 64);
}

fn or_into(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d |= s;
    }
}

fn is_empty(set: &[u64]) -> bool {
    set.iter().all(|&x| x == 0)
}

fn is_subset(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x & !y == 0)
}

/// The positions in a set, in order.
fn ones(set: &[u64]) -> impl Iterator<Item = usize> + '_ {
    set.iter().enumerate().flat_map(|(wi, &word)| {
        let mut x = word;
        std::iter::from_fn(move || {
            (x != 0).then(|| {
                let b = x.trailing_zeros() as usize;
                x &= x - 1;
                wi * 64 + b
            })
        })
    })
}

#[cfg(test)]
mod tests;
