//! Tokens of the command part of an M line (logos).
//!
//! The label, line-start white space and dots are taken off by the line splitter
//! (`syntax::line`) first; this lexer sees only the commands. Spaces are tokens, since M's
//! command separators are spaces. A `?` directly after an operand starts a pattern, which is
//! lexed here in one piece (pattern text has its own lexical rules: `3N1"-"4N`); a `?` anywhere
//! else is the tab format of WRITE and READ.

use std::rc::Rc;

use logos::{Lexer, Logos};

use super::pattern::{BadPattern, Pattern};
use crate::error::{ErrorKind, Span};

#[derive(Default)]
pub struct LexState {
    /// The previous token ended an operand, so a `?` here is the pattern-match operator.
    after_operand: bool,
    /// The line has a ZWRITE: a `?` elsewhere may start a name or subscript pattern
    /// (`ZWRITE ?1A`, `ZWRITE x(?1N,*)`).
    zwrite: bool,
}

/// What a `?` turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum QMark {
    /// WRITE/READ `?n`, or `?@x` (indirect pattern: the parser decides from context).
    Plain,
    Pattern(Rc<Pattern>),
    /// A pattern GT.M does not compile, with its error (PATCODE, PATCLASS, ...).
    Bad(ErrorKind),
}

#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(extras = LexState)]
pub enum Tok<'s> {
    #[regex("[ \t]+", |lex| lex.slice().len())]
    Space(usize),
    #[regex(";[^\n]*", allow_greedy = true)]
    Comment,
    /// A string literal with its quotes; `""` inside stands for one quote.
    #[regex(r#""([^"]|"")*""#)]
    Str(&'s str),
    #[regex(r"[0-9]+(\.[0-9]*)?(E[+-]?[0-9]+)?")]
    #[regex(r"\.[0-9]+(E[+-]?[0-9]+)?")]
    Num(&'s str),
    #[regex("%[A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*")]
    Name(&'s str),
    /// `$NAME`: an intrinsic function or special variable (text without the `$`).
    #[regex(r"\$%?[A-Za-z][A-Za-z0-9]*", |lex| &lex.slice()[1..])]
    Dollar(&'s str),
    #[token("$$")]
    DollarDollar,
    #[token("^")]
    Caret,
    /// `|`: around the environment of an extended global reference (`^|"g.gld"|x`).
    #[token("|")]
    Bar,
    #[token("@")]
    At,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token("=")]
    Eq,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    /// `>=`: GT.M 7.0 reads it as `'<`.
    #[token(">=")]
    Ge,
    /// `<=`: GT.M 7.0 reads it as `'>`.
    #[token("<=")]
    Le,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    Pow,
    #[token("/")]
    Slash,
    #[token("\\")]
    Backslash,
    #[token("#")]
    Hash,
    #[token("_")]
    Underscore,
    #[token("&")]
    Amp,
    #[token("!")]
    Bang,
    #[token("'")]
    Apos,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("]]")]
    SortsAfter,
    #[token(".")]
    Dot,
    #[token("?", question)]
    Question(QMark),
    /// Anything the lexer does not recognise; the parser reports it.
    Error,
}

fn question<'s>(lex: &mut Lexer<'s, Tok<'s>>) -> Option<QMark> {
    let rest = lex.remainder().as_bytes();
    if rest.first() == Some(&b'@') {
        return Some(QMark::Plain);
    }
    if !lex.extras.after_operand {
        // Only a whole pattern ending where a ZWRITE name or subscript ends counts; `?5` and
        // `?x` stay WRITE's tab.
        let ends = |used: usize| matches!(rest.get(used), None | Some(b',' | b')' | b'(' | b' '));
        let whole = |text: &[u8]| {
            Pattern::parse_prefix(text)
                .ok()
                .filter(|&(_, used)| used > 0 && ends(used))
        };
        // `ZWRITE ?1A(2)`: the `(` may open subscripts rather than an alternation.
        let zw = lex
            .extras
            .zwrite
            .then(|| whole(rest).or_else(|| whole(&rest[..paren_outside_quotes(rest)?])))
            .flatten();
        return Some(match zw {
            Some((pattern, used)) => {
                lex.bump(used);
                QMark::Pattern(Rc::new(pattern.with_source_literals()))
            }
            None => QMark::Plain,
        });
    }
    match Pattern::parse_prefix(rest) {
        Ok((pattern, used)) => {
            lex.bump(used);
            Some(QMark::Pattern(Rc::new(pattern.with_source_literals())))
        }
        // The rest of the text lexes on its own: the parser stops at this token.
        Err(BadPattern(k)) => Some(QMark::Bad(k)),
    }
}

/// Where the first `(` outside a string literal is.
fn paren_outside_quotes(text: &[u8]) -> Option<usize> {
    let mut quoted = false;
    text.iter().position(|&c| {
        if c == b'"' {
            quoted = !quoted;
        }
        !quoted && c == b'('
    })
}

impl Tok<'_> {
    /// Whether the token can end an operand (so a `?` after it is a pattern match, a `-`
    /// after it a binary operator).
    pub fn ends_operand(&self) -> bool {
        matches!(
            self,
            Tok::Num(_)
                | Tok::Str(_)
                | Tok::Name(_)
                | Tok::Dollar(_)
                | Tok::RParen
                | Tok::Question(QMark::Pattern(_))
        )
    }
}

/// Lexes the command part of a line; spans are offsets into the routine source
/// (`offset` is where `body` starts there).
pub fn lex(body: &str, offset: usize) -> Vec<(Tok<'_>, Span)> {
    let mut lexer = Tok::lexer(body);
    lexer.extras.zwrite = body
        .as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"ZWR"));
    let mut out = Vec::new();
    while let Some(result) = lexer.next() {
        let span = lexer.span();
        let tok = result.unwrap_or(Tok::Error);
        // A `'` keeps the operand state: in `x'?1N` the pattern follows `'`.
        if tok != Tok::Apos {
            lexer.extras.after_operand = tok.ends_operand();
        }
        out.push((tok, span.start + offset..span.end + offset));
    }
    out
}

/// The bytes of a string literal token, with `""` turned into `"` (the source's own bytes:
/// `source::to_bytes`).
pub fn unquote(lit: &str) -> Vec<u8> {
    let raw = super::source::to_bytes(lit);
    let inner = &raw[1..raw.len() - 1];
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        out.push(inner[i]);
        i += if inner[i] == b'"' { 2 } else { 1 };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Tok<'_>> {
        lex(s, 0).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn pattern_after_operand_tab_elsewhere() {
        let t = kinds("w x?1N,?5");
        assert!(matches!(t[2], Tok::Name("x")));
        assert!(matches!(t[3], Tok::Question(QMark::Pattern(_))));
        assert_eq!(t[4], Tok::Comma);
        assert_eq!(t[5], Tok::Question(QMark::Plain));
        assert_eq!(t[6], Tok::Num("5"));
        let t = kinds("x'?3N");
        assert!(matches!(t[2], Tok::Question(QMark::Pattern(_))));
    }

    #[test]
    fn strings_numbers_names() {
        let t = kinds(r#"s %a=$$f^R("a""b",1.5E3)"#);
        assert_eq!(t[2], Tok::Name("%a"));
        assert_eq!(t[4], Tok::DollarDollar);
        assert_eq!(t[9], Tok::Str(r#""a""b""#));
        assert_eq!(unquote(r#""a""b""#), b"a\"b");
        assert_eq!(t[11], Tok::Num("1.5E3"));
        assert_eq!(kinds("  ;c"), vec![Tok::Space(2), Tok::Comment]);
        assert_eq!(kinds("a]]b")[1], Tok::SortsAfter);
    }
}
