//! M pattern match (`x?3N1"-"4N`): parsing of pattern text and matching.
//!
//! Matching (`patmatch.rs`) works on sets of reachable positions rather than by
//! backtracking, so no pattern takes exponential time.

/// A pattern: atoms matched in sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub(super) atoms: Vec<Atom>,
    /// Every atom has a fixed count and no alternation: matched in one pass, no sets.
    pub(super) fixed: bool,
    /// How many position sets of scratch matching needs (at most, nested alternations
    /// included).
    pub(super) need: usize,
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

/// Why a pattern text is not a pattern (GT.M: PATCODE).
#[derive(Debug, PartialEq, Eq)]
pub struct BadPattern;

impl Pattern {
    /// Parses the whole text as a pattern (for `?@x`).
    pub fn parse(text: &[u8]) -> Result<Pattern, BadPattern> {
        let (p, used) = Self::parse_prefix(text)?;
        if used == text.len() {
            Ok(p)
        } else {
            Err(BadPattern)
        }
    }

    /// Parses the longest pattern at the start of `text`; returns it and the bytes used.
    /// A pattern ends where a character cannot start another atom (`,` `)` at top level, an
    /// operator, a space).
    pub fn parse_prefix(text: &[u8]) -> Result<(Pattern, usize), BadPattern> {
        let mut p = Parser { s: text, pos: 0 };
        let pat = p.pattern(false)?;
        Ok((pat, p.pos))
    }

    /// A pattern parsed from routine text: its literals become the source's own bytes
    /// (`source::to_bytes`).
    pub fn with_source_literals(self) -> Pattern {
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
        Pattern::new(atoms)
    }

    /// A pattern of these atoms, with what matching it needs worked out once.
    fn new(atoms: Vec<Atom>) -> Pattern {
        let fixed = atoms
            .iter()
            .all(|a| a.min == a.max && !matches!(a.elem, Elem::Alt(_)));
        let need = 2 + atoms.iter().map(Atom::need).max().unwrap_or(0);
        Pattern { atoms, fixed, need }
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

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn pattern(&mut self, in_alt: bool) -> Result<Pattern, BadPattern> {
        let mut atoms = Vec::new();
        while matches!(self.peek(), Some(b'0'..=b'9' | b'.')) {
            atoms.push(self.atom()?);
        }
        if atoms.is_empty() {
            return Err(BadPattern);
        }
        if !in_alt && self.peek() == Some(b'(') {
            return Err(BadPattern);
        }
        Ok(Pattern::new(atoms))
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

    fn atom(&mut self) -> Result<Atom, BadPattern> {
        let first = self.number();
        let (min, max) = if self.peek() == Some(b'.') {
            self.pos += 1;
            let max = self.number().unwrap_or(usize::MAX);
            (first.unwrap_or(0), max)
        } else {
            let n = first.ok_or(BadPattern)?;
            (n, n)
        };
        if min > max {
            return Err(BadPattern);
        }
        let elem = match self.peek() {
            Some(b'"') => Elem::Lit(self.string()?),
            Some(b'(') => {
                self.pos += 1;
                let mut alts = vec![self.pattern(true)?];
                while self.peek() == Some(b',') {
                    self.pos += 1;
                    alts.push(self.pattern(true)?);
                }
                if self.peek() != Some(b')') {
                    return Err(BadPattern);
                }
                self.pos += 1;
                Elem::Alt(alts)
            }
            _ => {
                let mut mask = 0;
                while let Some(bit) = self.peek().and_then(code_bit) {
                    mask |= bit;
                    self.pos += 1;
                }
                if mask == 0 {
                    return Err(BadPattern);
                }
                Elem::Codes(mask)
            }
        };
        Ok(Atom { min, max, elem })
    }

    fn string(&mut self) -> Result<Vec<u8>, BadPattern> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => return Err(BadPattern),
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
        assert!(Pattern::parse(b"1Q").is_err());
        assert!(Pattern::parse(b"").is_err());
    }
}
