//! The parser (chumsky) for the command part of a line: commands, their arguments and M
//! expressions. M has no operator precedence: binary operators apply strictly left to right.
//! Here: the entry points and the runner of a parser over a token slice (with its error
//! refinements); `command` parses one command, `cmd_args` each command's arguments,
//! `expression` M expressions.

use chumsky::error::RichReason;
use chumsky::input::ValueInput;
use chumsky::prelude::*;

use super::arity::Site;
use super::ast::*;
use super::lexer::{QMark, Tok, lex, unquote};
use super::missing::ArgShape;
use super::names::{Word, func, word};
pub use super::names::{svn, svn_full_name};
use super::unterminated::CmdShape;
use crate::error::{ErrorKind, MError, Span, kind};
use crate::intern::Sym;
use crate::number::{NumError, Number};
use crate::value::Value;

mod cmd_args;
mod command;
mod expression;

use cmd_args::*;
use command::*;
use expression::*;

type Err<'t, 's> = extra::Err<Rich<'t, Tok<'s>, SimpleSpan>>;

/// Token input of the parsers below.
pub trait TokIn<'t, 's: 't>: ValueInput<'t, Token = Tok<'s>, Span = SimpleSpan> {}
impl<'t, 's: 't, I: ValueInput<'t, Token = Tok<'s>, Span = SimpleSpan>> TokIn<'t, 's> for I {}

type Toks<'s> = [(Tok<'s>, SimpleSpan)];

/// Runs a parser over a slice of tokens that must be used up entirely (an expression, or
/// arguments of no command with calls of its own kind: see `arity::Site`).
fn run<'t, 's: 't, O>(
    toks: &'t Toks<'s>,
    end: usize,
    parser: impl Parser<'t, TokSlice<'t, 's>, O, Err<'t, 's>>,
) -> Result<O, MError> {
    run_at(toks, end, parser, Site::default())
}

/// `run`, then the first error in the argument counts of calls (see `arity`) where that
/// comes before any the parser found.
fn run_at<'t, 's: 't, O>(
    toks: &'t Toks<'s>,
    end: usize,
    parser: impl Parser<'t, TokSlice<'t, 's>, O, Err<'t, 's>>,
    site: Site,
) -> Result<O, MError> {
    let parsed = run_parser(toks, end, parser);
    let limit = match &parsed {
        Ok(_) => None,
        Err(e) => Some(e.span.as_ref().map_or(end, |s| s.start)),
    };
    match super::arity::first_error(toks, end, limit, site, &glvn_end) {
        Some(e) => Err(e),
        None => parsed,
    }
}

/// Where the variable name that starts `toks` ends (a byte offset), if one does.
fn glvn_end(toks: &Toks<'_>) -> Option<usize> {
    let end = toks.last()?.1.end;
    let name = atom(expr().boxed())
        .try_map(|e, span: SimpleSpan| match e.kind {
            ExprKind::Var(_) => Ok(span.end),
            _ => Err(custom(span, kind::VAREXPECTED)),
        })
        .then_ignore(any().repeated());
    run_parser(toks, end, name).ok()
}

/// Runs a parser over a slice of tokens that must be used up entirely.
fn run_parser<'t, 's: 't, O>(
    toks: &'t Toks<'s>,
    end: usize,
    parser: impl Parser<'t, TokSlice<'t, 's>, O, Err<'t, 's>>,
) -> Result<O, MError> {
    let eoi: SimpleSpan = (end..end).into();
    let input: TokSlice<'t, 's> = toks.map(eoi, split as fn(_) -> _);
    parser
        .then_ignore(end_of_input())
        .parse(input)
        .into_result()
        .map_err(|errs| {
            let e = to_merror(&errs[0], end);
            // GT.M: nothing usable after a binary operator (and any `'` after it) is
            // RHMISSING (`1+,2`, `1*?`, `1_'`); an unterminated string there is not (probed).
            let at = errs[0].span().start;
            // A `+` or `-` with no operand before it is unary: EXPR (`WRITE -)`).
            let after_operator = toks
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, (_, s))| s.end <= at)
                .find(|(_, (t, _))| *t != Tok::Apos)
                .is_some_and(|(k, (t, _))| {
                    is_binary_operator(t)
                        && (!matches!(t, Tok::Plus | Tok::Minus)
                            || k > 0 && toks[k - 1].0.ends_operand())
                });
            let unterminated_string = matches!(errs[0].found(), Some(Tok::Error));
            // `'>=` and `'<=`: GT.M reads `'>` (or `'<`) and then finds `=` where the
            // right-hand side should be.
            if let Some(i) = toks.iter().position(|(_, s)| s.start == at)
                && matches!(toks[i].0, Tok::Ge | Tok::Le)
                && i > 0
                && toks[i - 1].0 == Tok::Apos
            {
                return MError::new(kind::RHMISSING).at(at + 1..toks[i].1.end);
            }
            if after_operator
                && !unterminated_string
                && (e.kind == kind::EXPR || e.kind == kind::SPOREOL)
            {
                MError::new(kind::RHMISSING).at(e.span.clone().unwrap_or(at..at))
            } else {
                e
            }
        })
}

fn is_binary_operator(t: &Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Underscore
            | Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Pow
            | Tok::Slash
            | Tok::Backslash
            | Tok::Hash
            | Tok::Eq
            | Tok::Lt
            | Tok::Gt
            | Tok::Ge
            | Tok::Le
            | Tok::LBracket
            | Tok::RBracket
            | Tok::SortsAfter
            | Tok::Amp
            | Tok::Bang
    )
}

/// The input every parser here runs on: a slice of spanned tokens.
type TokSlice<'t, 's> = chumsky::input::MappedInput<'t, Tok<'s>, SimpleSpan, &'t Toks<'s>>;

fn split<'t, 's>(x: &'t (Tok<'s>, SimpleSpan)) -> (&'t Tok<'s>, &'t SimpleSpan) {
    (&x.0, &x.1)
}

/// Parses the commands of one line (`body` starts at `offset` in the routine source).
/// Returns the commands before the first syntax error, and that error.
pub fn parse_commands(body: &str, offset: usize) -> (Vec<Cmd>, Option<MError>) {
    let toks: Vec<(Tok<'_>, SimpleSpan)> = lex(body, offset)
        .into_iter()
        .map(|(t, s)| (t, s.into()))
        .collect();
    let line_end = offset + body.len();
    let mut cmds = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].0 == Tok::Comment {
            break;
        }
        let first = i;
        match one_command(&toks, &mut i, line_end) {
            Ok(cmd) => cmds.push(cmd),
            // GT.M finds constant overflow while generating code for the whole line, so none
            // of that line runs; other errors (bad patterns too) stop at the bad command.
            Err(e) if e.kind == kind::NUMOFLOW => {
                return (Vec::new(), Some(e));
            }
            Err(e) => return bad_line(cmds, unterminated(&toks[first..], body, offset, e)),
        }
        match toks.get(i) {
            None | Some((Tok::Comment, _)) => break,
            Some((Tok::Space(_), _)) => i += 1,
            Some((_, span)) => {
                let e = MError::new(kind::SPOREOL).at(span.into_range());
                return bad_line(cmds, unterminated(&toks[first..], body, offset, e));
            }
        }
    }
    (cmds, None)
}

/// The commands of a line before its syntax error `e`, their IF and ELSE marked as such
/// (`CmdOp::on_bad_line`).
fn bad_line(mut cmds: Vec<Cmd>, e: MError) -> (Vec<Cmd>, Option<MError>) {
    for c in &mut cmds {
        c.op = c.op.on_bad_line();
    }
    (cmds, Some(e))
}

/// Parses argument indirection: `text` holds the arguments of one `cmd` (`SET @x` with
/// x="a=1,b=2"), and nothing after them but spaces and a comment. GT.M compiles the whole
/// text first and raises INDEXTRACHARS for anything more (x="a=1 WRITE 2"), running none of it.
pub fn parse_indirect_args(cmd: &str, text: &str) -> Result<Cmd, MError> {
    let text = without_final_nul(text);
    let body = format!("{cmd} {text}");
    let toks: Vec<(Tok<'_>, SimpleSpan)> = lex(&body, 0)
        .into_iter()
        .map(|(t, s)| (t, s.into()))
        .collect();
    let mut i = 0;
    let cmd = one_command(&toks, &mut i, body.len())?;
    let rest = toks[i..].iter().map(|(t, _)| t);
    let ends = rest
        .skip_while(|t| matches!(t, Tok::Space(_)))
        .all(|t| *t == Tok::Comment);
    if !ends {
        return Err(MError::new(kind::INDEXTRACHARS));
    }
    Ok(cmd)
}

/// Indirection text without one final NUL byte, which GT.M takes as the end of the text
/// (probed: `@("a"_$C(0))` is `a`; a NUL before other text is INDEXTRACHARS).
fn without_final_nul(text: &str) -> &str {
    text.strip_suffix('\0').unwrap_or(text)
}

/// Parses the text of name indirection (`@x` where a variable goes): a variable and nothing
/// after it. GT.M: a variable followed by more (x="a WRITE 2") is INDEXTRACHARS, anything
/// else that is not a variable VAREXPECTED.
pub fn parse_indirect_name(text: &str) -> Result<Glvn, MError> {
    let text = without_final_nul(text);
    // GT.M: `@"^"`, `@"^1"`: no global name after the caret.
    if let Some(rest) = text.strip_prefix('^')
        && !rest.starts_with(|c: char| c.is_ascii_alphabetic() || "%(|[".contains(c))
    {
        return Err(MError::new(kind::GBLNAME));
    }
    let mut toks: Vec<(Tok<'_>, SimpleSpan)> = lex(text, 0)
        .into_iter()
        .map(|(t, s)| (t, s.into()))
        .collect();
    // Trailing spaces are allowed (GT.M).
    if matches!(toks.last(), Some((Tok::Space(_), _))) {
        toks.pop();
    }
    let var = || {
        expr().try_map(|e, span| match e.kind {
            ExprKind::Var(g) => Ok(g),
            _ => Err(custom(span, kind::VAREXPECTED)),
        })
    };
    if let Ok(g) = run(&toks, text.len(), var()) {
        return Ok(g);
    }
    let trailing = any().repeated().at_least(1).ignored();
    match run(&toks, text.len(), var().then_ignore(trailing)) {
        Ok(_) => Err(MError::new(kind::INDEXTRACHARS)),
        Err(_) => Err(MError::new(kind::VAREXPECTED)),
    }
}

/// Parses one expression (for indirection and other run-time text).
pub fn parse_expr(text: &str) -> Result<Expr, MError> {
    let text = without_final_nul(text);
    let toks: Vec<(Tok<'_>, SimpleSpan)> = lex(text, 0)
        .into_iter()
        .map(|(t, s)| (t, s.into()))
        .collect();
    run(&toks, text.len(), expr())
}

fn end_of_input<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, (), Err<'t, 's>> + Clone {
    end()
}

/// Custom parse errors carry the GT.M mnemonic as their message.
fn custom(span: SimpleSpan, k: ErrorKind) -> Rich<'static, Tok<'static>, SimpleSpan> {
    Rich::custom(span, k.mnemonic)
}

fn to_merror(e: &Rich<'_, Tok<'_>, SimpleSpan>, end: usize) -> MError {
    let span = e.span().into_range();
    let span: Span = if span.start >= end { end..end } else { span };
    let k = match e.reason() {
        RichReason::Custom(m) => by_mnemonic(m),
        _ if e.found().is_none() => kind::EXPR,
        _ if matches!(e.found(), Some(Tok::RParen)) => kind::EXPR,
        _ if e
            .expected()
            .any(|p| matches!(p, chumsky::error::RichPattern::Token(t) if **t == Tok::RParen)) =>
        {
            kind::RPARENMISSING
        }
        _ => match e.found() {
            Some(Tok::Space(_)) | Some(Tok::Comment) => kind::EXPR,
            _ => kind::SPOREOL,
        },
    };
    MError::new(k).at(span)
}

fn by_mnemonic(m: &str) -> ErrorKind {
    [
        kind::INVCMD,
        kind::INVFCN,
        kind::INVSVN,
        kind::DEVPARUNK,
        kind::PATCODE,
        kind::PATCLASS,
        kind::PATLIT,
        kind::PATUPPERLIM,
        kind::COMMAORRPAREXP,
        kind::LABELEXPECTED,
        kind::NUMOFLOW,
        kind::RPARENMISSING,
        kind::RHMISSING,
    ]
    .into_iter()
    .find(|k| k.mnemonic == m)
    .unwrap_or(kind::EXPR)
}

fn tok<'t, 's: 't, I: TokIn<'t, 's>>(
    t: Tok<'s>,
) -> impl Parser<'t, I, Tok<'s>, Err<'t, 's>> + Clone {
    just(t)
}

fn name<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, Sym, Err<'t, 's>> + Clone {
    select! { Tok::Name(n) => Sym::intern(n) }
}

fn comma_list<'t, 's: 't, I, O, P>(p: P) -> impl Parser<'t, I, Vec<O>, Err<'t, 's>> + Clone
where
    I: TokIn<'t, 's>,
    P: Parser<'t, I, O, Err<'t, 's>> + Clone,
{
    p.separated_by(tok(Tok::Comma)).at_least(1).collect()
}

fn parenthesized<'t, 's: 't, I, O, P>(p: P) -> impl Parser<'t, I, Vec<O>, Err<'t, 's>> + Clone
where
    I: TokIn<'t, 's>,
    P: Parser<'t, I, O, Err<'t, 's>> + Clone,
{
    comma_list(p).delimited_by(tok(Tok::LParen), tok(Tok::RParen))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmds(s: &str) -> Vec<Cmd> {
        let (c, e) = parse_commands(s, 0);
        assert!(e.is_none(), "{s}: {e:?}");
        c
    }

    #[test]
    fn splits_commands_and_arguments() {
        let c = cmds("set x=1,y=2 write x,!  quit:x>3  do a^b(1,.y)");
        assert_eq!(c.len(), 4);
        assert!(matches!(&c[0].kind, CmdKind::Set(a) if a.len() == 2));
        assert!(matches!(&c[2].kind, CmdKind::Quit(None)));
        assert!(c[2].cond.is_some());
        assert!(matches!(&c[3].kind, CmdKind::Do(a) if a.len() == 1));
    }

    /// Parsing time stays linear in nesting, closed or not (a bad `$SELECT(` retried as a
    /// plain function once made it exponential: 22 levels took 12 s). Depths grow step by
    /// step so that a regression fails on a bound instead of hanging.
    #[test]
    fn nesting_parses_in_linear_time() {
        let openers = [
            "$select(",
            "$select(1:",
            "$text(",
            "$$f(",
            "(",
            "$length(",
            "x(1,",
            "@x@(",
        ];
        for open in openers {
            for depth in (8..=200).step_by(16) {
                let line = format!("write {}1", open.repeat(depth));
                let closed = format!("{line}{},!", ")".repeat(depth));
                let started = std::time::Instant::now();
                let _ = parse_commands(&line, 0);
                let _ = parse_commands(&closed, 0);
                let took = started.elapsed();
                assert!(
                    took < std::time::Duration::from_millis(500),
                    "{open} nested {depth} deep took {took:?}"
                );
            }
        }
    }

    #[test]
    fn strict_left_to_right() {
        let e = parse_expr("a+b*c").unwrap();
        match e.kind {
            ExprKind::Binary { op: BinOp::Mul, .. } => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn constants_fold_left_to_right() {
        match parse_expr("2+3*4").unwrap().kind {
            ExprKind::Lit(v) => assert_eq!(v.bytes(), b"20"),
            other => panic!("{other:?}"),
        }
        assert!(parse_expr(r#""1E47"+0"#).is_err());
        assert!(matches!(
            parse_expr("1/0").unwrap().kind,
            ExprKind::Binary { .. }
        ));
    }

    #[test]
    fn errors_stop_at_the_bad_command() {
        let (c, e) = parse_commands("write 1 foo 2", 0);
        assert_eq!(c.len(), 1);
        assert_eq!(e.unwrap().kind, kind::INVCMD);
        let (_, e) = parse_commands("set x=(1+", 0);
        assert!(e.is_some());
        // An unknown deviceparameter, function or special variable fails when its command
        // runs, as in GT.M: the line has no syntax error of its own.
        for text in ["open d:(FOOBAR=1)", "open d:(:1)", "w $zzz(1)", "w $zzz"] {
            let (c, e) = parse_commands(text, 0);
            assert!(e.is_none(), "{text}");
            assert!(matches!(&c[0].kind, CmdKind::Deferred(_)), "{text}");
        }
        let (c, _) = parse_commands("open d:(FOOBAR=1)", 0);
        assert!(matches!(&c[0].kind, CmdKind::Deferred(e) if e.kind == kind::DEVPARUNK));
    }

    #[test]
    fn patterns_and_formats() {
        let c = cmds(r#"w !!?5,x?3N1"-"4N,*65 r "p: ",y#3:5,*z"#);
        assert!(matches!(&c[0].kind, CmdKind::Write(a) if a.len() == 5));
        assert!(matches!(&c[1].kind, CmdKind::Read(a) if a.len() == 3));
    }
}
