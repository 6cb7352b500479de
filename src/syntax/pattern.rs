//! M pattern match (`x?3N1"-"4N`): parsing of pattern text and matching.
//!
//! Matching (`patmatch.rs`) works on sets of reachable positions rather than by
//! backtracking, so no pattern takes exponential time.

use crate::error::{ErrorKind, MError, kind};

/// A pattern: atoms matched in sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub(super) atoms: Vec<Atom>,
    /// Every atom has a fixed count and no alternation: matched in one pass, no sets.
    pub(super) fixed: bool,
    /// Every atom but the last has a fixed count and no alternation, the last is a class
    /// with a range (`2U1.N`): matched in one pass and a run of the class to the end.
    pub(super) tail_run: bool,
    /// The pattern is `.E1"lit".E`, any text holding the literal: matched by a search for
    /// it (`contains_literal`).
    pub(super) contains: bool,
    /// How many position sets of scratch matching needs (at most, nested alternations
    /// included).
    pub(super) need: usize,
    /// GT.M's PATNOTFOUND, raised when the match runs: the pattern is one atom of codes no
    /// character has (`1Q`, `.BX`, or such an alternative of a one-atom alternation,
    /// `1(1N,1Q)`) that may match one character. Its code letters, upper case, sorted.
    pub no_characters: Option<Box<[u8]>>,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Atom {
    pub(super) min: usize,
    pub(super) max: usize,
    pub(super) elem: Elem,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Elem {
    /// A set of pattern codes, as a bit mask of `CODE_*`.
    Codes(u8),
    Lit(Vec<u8>),
    Alt(Vec<Pattern>),
}

pub(super) const CODE_A: u8 = 1; // alphabetic (U | L)
const CODE_C: u8 = 2;
pub(super) const CODE_E: u8 = 4;
pub(super) const CODE_L: u8 = 8;
pub(super) const CODE_N: u8 = 16;
const CODE_P: u8 = 32;
pub(super) const CODE_U: u8 = 64;

fn code_bit(c: u8) -> Option<u8> {
    Some(match c.to_ascii_uppercase() {
        b'A' => CODE_A,
        b'C' => CODE_C,
        b'E' => CODE_E,
        b'L' => CODE_L,
        b'N' => CODE_N,
        b'P' => CODE_P,
        b'U' => CODE_U,
        _ => return None,
    })
}

/// Whether byte `c` is in the classes of `mask`.
#[inline]
pub(super) fn in_class(mask: u8, c: u8) -> bool {
    mask & CODE_E != 0 || CLASSES[c as usize] & mask != 0
}

/// The pattern classes of every byte.
static CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = class_of(c as u8);
        c += 1;
    }
    t
};

const fn class_of(c: u8) -> u8 {
    match c {
        b'A'..=b'Z' => CODE_U | CODE_A,
        b'a'..=b'z' => CODE_L | CODE_A,
        b'0'..=b'9' => CODE_N,
        0..=31 | 127 => CODE_C,
        b' '..=b'~' => CODE_P,
        // GT.M's M-mode classes for the upper half follow Latin-1, with its own exceptions.
        128..=159 | 255 => CODE_C,
        170 | 186 => CODE_L | CODE_A,
        160..=191 | 208 | 222 | 240 | 254 => CODE_P,
        192..=222 => CODE_U | CODE_A,
        223..=254 => CODE_L | CODE_A,
    }
}

/// Why a pattern text is not a pattern: GT.M's error for it (PATCODE, PATCLASS, PATLIT,
/// PATUPPERLIM or COMMAORRPAREXP).
#[derive(Debug, PartialEq, Eq)]
pub struct BadPattern(pub ErrorKind);

impl Pattern {
    /// Parses the whole text as a pattern (for `?@x`); GT.M: text left over is
    /// INDEXTRACHARS.
    pub fn parse(text: &[u8]) -> Result<Pattern, BadPattern> {
        let (p, used) = Self::parse_prefix(text)?;
        if used == text.len() {
            Ok(p)
        } else {
            Err(BadPattern(kind::INDEXTRACHARS))
        }
    }

    /// Parses pattern text given at run time (`?@x`), with GT.M's error for a bad one
    /// (PATNOTFOUND included: the text is only parsed when the match runs).
    pub fn parse_run_time(text: &[u8]) -> Result<Pattern, MError> {
        let p = Self::parse(text).map_err(|BadPattern(k)| MError::new(k))?;
        match &p.no_characters {
            Some(codes) => Err(MError::with_args(
                kind::PATNOTFOUND,
                &[&String::from_utf8_lossy(codes)],
            )),
            None => Ok(p),
        }
    }

    /// Parses the longest pattern at the start of `text`; returns it and the bytes used.
    /// A pattern ends where a character cannot start another atom (an atom starts with its
    /// count: a digit or `.`).
    pub fn parse_prefix(text: &[u8]) -> Result<(Pattern, usize), BadPattern> {
        let mut p = Parser { s: text, pos: 0 };
        let (mut pat, no_characters) = p.pattern(false)?;
        pat.no_characters = no_characters;
        Ok((pat, p.pos))
    }
    /// A pattern parsed from routine text: its literals become the source's own bytes
    /// (`source::to_bytes`).
    pub fn with_source_literals(self) -> Pattern {
        let no_characters = self.no_characters;
        let atoms = self
            .atoms
            .into_iter()
            .map(|a| Atom {
                elem: match a.elem {
                    Elem::Lit(v) => {
                        Elem::Lit(super::source::to_bytes(&String::from_utf8_lossy(&v)))
                    }
                    Elem::Alt(ps) => {
                        Elem::Alt(ps.into_iter().map(Pattern::with_source_literals).collect())
                    }
                    codes => codes,
                },
                ..a
            })
            .collect();
        Pattern {
            no_characters,
            ..Pattern::new(atoms)
        }
    }

    /// A pattern of these atoms, with what matching it needs worked out once.
    fn new(atoms: Vec<Atom>) -> Pattern {
        let fixed = atoms
            .iter()
            .all(|a| a.min == a.max && !matches!(a.elem, Elem::Alt(_)));
        let need = 2 + atoms.iter().map(Atom::need).max().unwrap_or(0);
        let tail_run = !fixed
            && atoms.split_last().is_some_and(|(last, head)| {
                matches!(last.elem, Elem::Codes(_))
                    && head
                        .iter()
                        .all(|a| a.min == a.max && !matches!(a.elem, Elem::Alt(_)))
            });
        Pattern {
            tail_run,
            contains: contains_literal(&atoms),
            atoms,
            fixed,
            need,
            no_characters: None,
        }
    }
}

/// Whether the atoms are `.E1"lit".E` (`E` may stand with other codes, the counts any
/// from 0 up with no upper bound): the text holds `lit` somewhere.
fn contains_literal(atoms: &[Atom]) -> bool {
    let any = |a: &Atom| matches!(a.elem, Elem::Codes(m) if m & CODE_E != 0) && a.min == 0;
    match atoms {
        [
            a,
            Atom {
                min: 1,
                max: 1,
                elem: Elem::Lit(_),
            },
            b,
        ] => any(a) && any(b) && a.max == usize::MAX && b.max == usize::MAX,
        _ => false,
    }
}

impl Atom {
    /// Scratch position sets this atom's matching uses (see `patmatch`).
    fn need(&self) -> usize {
        match &self.elem {
            Elem::Codes(_) => 0,
            Elem::Lit(_) => 2,
            Elem::Alt(alts) => 3 + alts.iter().map(|p| p.need).max().unwrap_or(0),
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

/// The code letters of an atom (or one-atom pattern) no character matches, as
/// `Pattern::no_characters`.
type NoCharacters = Option<Box<[u8]>>;

fn bad<T>(k: ErrorKind) -> Result<T, BadPattern> {
    Err(BadPattern(k))
}

/// The pattern code letters GT.M knows besides A, C, E, L, N, P and U: with the M pattern
/// table they stand for no character. Y and Z start user-defined codes (PATCLASS here).
fn is_empty_code(c: u8) -> bool {
    c.is_ascii_alphabetic() && !matches!(c.to_ascii_uppercase(), b'Y' | b'Z')
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    /// Atoms up to a byte that cannot start one. GT.M: a pattern (or an alternative)
    /// must start with a count (PATCODE).
    fn pattern(&mut self, in_alt: bool) -> Result<(Pattern, NoCharacters), BadPattern> {
        let mut atoms = Vec::new();
        let mut no_characters = None;
        while matches!(self.peek(), Some(b'0'..=b'9' | b'.')) {
            let (atom, empty) = self.atom()?;
            no_characters = empty.filter(|_| atom.min <= 1 && atom.max >= 1);
            atoms.push(atom);
        }
        if atoms.is_empty() {
            return bad(kind::PATCODE);
        }
        if atoms.len() > 1 {
            no_characters = None;
        }
        // Inside an alternation an alternative ends only at `,` or `)`.
        if in_alt && !matches!(self.peek(), Some(b',' | b')')) {
            return match self.peek() {
                None => bad(kind::COMMAORRPAREXP),
                Some(_) => bad(kind::PATCODE),
            };
        }
        Ok((Pattern::new(atoms), no_characters))
    }

    fn number(&mut self) -> Option<usize> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        if start == self.pos {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.pos])
            .ok()
            .and_then(|t| t.parse().ok())
            .or(Some(usize::MAX))
    }

    /// One count and element. GT.M checks the count first (PATUPPERLIM), then the
    /// element: a bad code or nothing is PATCLASS, an open literal PATLIT.
    fn atom(&mut self) -> Result<(Atom, NoCharacters), BadPattern> {
        let first = self.number();
        let (min, max) = if self.peek() == Some(b'.') {
            self.pos += 1;
            let max = self.number().unwrap_or(usize::MAX);
            (first.unwrap_or(0), max)
        } else {
            let n = first.ok_or(BadPattern(kind::PATCODE))?;
            (n, n)
        };
        if min > max {
            return bad(kind::PATUPPERLIM);
        }
        let (elem, empty) = match self.peek() {
            Some(b'"') => (Elem::Lit(self.string()?), None),
            Some(b'(') => self.alternation()?,
            Some(c) if c.is_ascii_alphabetic() => self.codes()?,
            _ => return bad(kind::PATCLASS),
        };
        Ok((Atom { min, max, elem }, empty))
    }

    /// `(p1,p2,...)`: the first alternative no character matches names the codes.
    fn alternation(&mut self) -> Result<(Elem, NoCharacters), BadPattern> {
        self.pos += 1;
        let mut alts = Vec::new();
        let mut empty = None;
        loop {
            let (alt, e) = self.pattern(true)?;
            alts.push(alt);
            empty = empty.or(e);
            if self.peek() != Some(b',') {
                break;
            }
            self.pos += 1;
        }
        self.pos += 1; // the `)`, checked by `pattern`
        Ok((Elem::Alt(alts), empty))
    }

    /// A run of code letters (`AN`, `1NQ`).
    fn codes(&mut self) -> Result<(Elem, NoCharacters), BadPattern> {
        let mut mask = 0;
        let mut letters = Vec::new();
        while let Some(c) = self.peek().filter(u8::is_ascii_alphabetic) {
            match code_bit(c) {
                Some(bit) => mask |= bit,
                None if is_empty_code(c) => letters.push(c.to_ascii_uppercase()),
                None => return bad(kind::PATCLASS),
            }
            self.pos += 1;
        }
        let empty = (mask == 0).then(|| {
            letters.sort_unstable();
            letters.dedup();
            letters.into_boxed_slice()
        });
        Ok((Elem::Codes(mask), empty))
    }

    fn string(&mut self) -> Result<Vec<u8>, BadPattern> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => return bad(kind::PATLIT),
                Some(b'"') if self.s.get(self.pos + 1) == Some(&b'"') => {
                    out.push(b'"');
                    self.pos += 2;
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    fn m(s: &str, p: &str) -> bool {
        Pattern::parse(p.as_bytes()).unwrap().matches(s.as_bytes())
    }

    #[test]
    fn codes_and_counts() {
        assert!(m("123", "3N"));
        assert!(!m("12", "3N"));
        assert!(m("ab1", "1.3AN"));
        assert!(m("", ".N"));
        assert!(m("555-1234", "3N1\"-\"4N"));
        assert!(m("Ab", "1U1L"));
        assert!(m(" !", "2P"));
    }

    #[test]
    fn alternation_and_backtracking() {
        assert!(m("ab", "1(1\"a\",1\"b\")1\"b\""));
        assert!(m("xxxx", ".E1\"x\""));
        assert!(!m("xxxy", ".E1\"x\""));
        assert!(m("abab", ".(1\"ab\")"));
    }

    /// A huge count on an element that can match nothing takes time bounded by the subject,
    /// not by the count.
    #[test]
    fn huge_counts_on_empty_elements_are_fast() {
        let started = std::time::Instant::now();
        assert!(!m("7", "100000000\"\""));
        assert!(m("", "100000000\"\""));
        assert!(m("abc", "1\"abc\"100000000\"\""));
        assert!(m("aaaa", "2.3(1\"\",1\"aa\")"));
        assert!(m("abab", "1.(1\"ab\",1\"\")"));
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }

    #[test]
    fn prefix_stops_at_non_pattern() {
        let (_, used) = Pattern::parse_prefix(b"1N&1").unwrap();
        assert_eq!(used, 2);
        assert!(Pattern::parse(b"1Q1N").is_ok());
        assert!(Pattern::parse(b"").is_err());
    }

    /// GT.M's error for each kind of bad pattern (probed with GT.M 7.0).
    #[test]
    fn errors_as_gtm() {
        use crate::error::kind;
        let err = |p: &str| Pattern::parse_run_time(p.as_bytes()).unwrap_err().kind;
        for (p, k) in [
            ("N", kind::PATCODE),
            ("1(N,1A)", kind::PATCODE),
            ("1(1N 2A)", kind::PATCODE),
            ("1.", kind::PATCLASS),
            ("1Z", kind::PATCLASS),
            ("1\"a\"1", kind::PATCLASS),
            ("2\"a", kind::PATLIT),
            ("3.2N", kind::PATUPPERLIM),
            ("1(1N,2A", kind::COMMAORRPAREXP),
            ("1QB", kind::PATNOTFOUND),
            ("1(1N,1Q)", kind::PATNOTFOUND),
            ("1N)", kind::INDEXTRACHARS),
        ] {
            assert_eq!(err(p), k, "{p}");
        }
        let e = Pattern::parse_run_time(b"1.(1xb,1N)").unwrap_err();
        assert!(e.message.ends_with("pattern code BX"), "{}", e.message);
        // Codes no character has, beside others or repeated: no error, no match.
        for p in ["2Q", "1Q1N", "1QA", "1N1(1Q)"] {
            assert!(Pattern::parse_run_time(p.as_bytes()).is_ok(), "{p}");
        }
        assert!(!Pattern::parse(b"1N1Q").unwrap().matches(b"1x"));
    }
}
