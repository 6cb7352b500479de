//! How many arguments each intrinsic function takes, and the error GT.M gives where a call
//! breaks that (all probed with GT.M 7.0, goldens `fnargs1`, `fnargs2`). GT.M reads a call's
//! arguments left to right and stops at the first that does not fit:
//!
//! - an argument where the function's last one should have ended the call (`$A(x,1,2)`,
//!   `$D(x,)`): RPARENMISSING, at the comma;
//! - a `)` (or the end of the line) before the fewest arguments: COMMA for most functions
//!   (`$P("a")`), EXPR for a few (`$QS(x)`, `$ZCOLLATE(x)`, `$ZSOCKET(x)`);
//! - the end of the line once there are enough: RPARENMISSING (`$P(x,1`); a parenthesis of
//!   an expression or a subscript left open is RPARENMISSING too (`WRITE (1`), the actual
//!   list of an extrinsic COMMAORRPAREXP (`$$f(1`);
//! - a first argument that must be a variable name ($DATA, $GET, $ORDER, $QUERY, $NAME,
//!   $NEXT, $ZPREVIOUS, $ZAHANDLE, and $PIECE or $EXTRACT as SET targets) and starts with no
//!   name: VAREXPECTED (`$D(1)`, `$D((x))`, `SET $P(1,2)=3`); EXPR for $INCREMENT; anything
//!   after the name but `,` or `)` is RPARENMISSING (`$D(x+1)`);
//! - $NEXT of an unsubscripted local: LVORDERARG; $ZAHANDLE of a global: NAMEEXPECTED;
//! - a $SELECT item without its `:`: COLON; a $TEXT argument that cannot start an entry
//!   reference: TEXTARG (`$T(-1)`, `$T("a")`), a `+` with no offset after it EXPR.
//!
//! Every argument left empty is EXPR, found by the parser itself.

use super::ast::{BitOp, Func};
use super::lexer::Tok;
use super::names::func;
use chumsky::span::SimpleSpan;

use crate::error::{ErrorKind, MError, Span, kind};

/// What the first argument of a function must be.
#[derive(Clone, Copy, PartialEq)]
enum First {
    Expr,
    /// A variable name; the error when it does not start with one.
    Glvn(ErrorKind),
}

/// A function's argument counts and the error where there are too few.
#[derive(Clone, Copy)]
pub(super) struct Arity {
    pub min: usize,
    pub max: usize,
    first: First,
    short: ErrorKind,
}

const fn counts(min: usize, max: usize) -> Arity {
    Arity {
        min,
        max,
        first: First::Expr,
        short: kind::COMMA,
    }
}

const fn names_first(min: usize, max: usize, not_a_name: ErrorKind) -> Arity {
    Arity {
        first: First::Glvn(not_a_name),
        ..counts(min, max)
    }
}

/// Most arguments a call may have where GT.M sets no limit of its own.
const MANY: usize = 255;

/// The argument counts of each intrinsic function.
pub(super) fn arity(f: Func) -> Arity {
    use Func::*;
    let short_expr = |a: Arity| Arity {
        short: kind::EXPR,
        ..a
    };
    match f {
        Data | Next | Zprevious | Query | Zahandle | Zqgblmod => {
            names_first(1, 1, kind::VAREXPECTED)
        }
        Get | Order | Name => names_first(1, 2, kind::VAREXPECTED),
        Increment => names_first(1, 2, kind::EXPR),
        Random | Reverse | Qlength | Zmessage | Zwidth | Zsyslog => counts(1, 1),
        Ascii | Length | Zwrite | Stack | Zsearch => counts(1, 2),
        Extract | Translate | Zsubstr => counts(1, 3),
        Find | Fnumber | Justify | Zconvert => counts(2, 3),
        Piece => counts(2, 4),
        Zdate => counts(1, 4),
        Zparse => counts(1, 5),
        Ztrnlnm => counts(1, 6),
        Qsubscript => short_expr(counts(2, 2)),
        Zcollate => short_expr(counts(2, 3)),
        Zatransform => short_expr(counts(2, 4)),
        Zgetjpi | Zsigproc => counts(2, 2),
        Zjobexam => counts(0, 2),
        Zbit(BitOp::Count | BitOp::Len | BitOp::Not) => counts(1, 1),
        Zbit(BitOp::Str) => counts(1, 2),
        Zbit(BitOp::And | BitOp::Or | BitOp::Xor | BitOp::Get) => counts(2, 2),
        Zbit(BitOp::Find) => counts(2, 3),
        Zbit(BitOp::Set) => counts(3, 3),
        Zsocket(_) => short_expr(counts(2, 8)),
        Char | View | Unsupported(_) => counts(1, MANY),
    }
}

/// $PIECE and $EXTRACT as SET targets: their first argument is the variable set.
fn as_set_target(f: Func) -> Option<Arity> {
    match f {
        Func::Piece => Some(names_first(2, 4, kind::VAREXPECTED)),
        Func::Extract => Some(names_first(1, 3, kind::VAREXPECTED)),
        _ => None,
    }
}

/// What a `$name(` call is, for the checks here.
#[derive(Clone, Copy)]
enum Call {
    Intrinsic(Func, Arity),
    Select,
    Text,
}

type Toks<'s> = [(Tok<'s>, SimpleSpan)];

/// What the tokens checked are the arguments of.
#[derive(Clone, Copy, Default)]
pub(super) struct Site {
    /// SET's: `$PIECE(` and `$EXTRACT(` may start a target.
    pub set_targets: bool,
    /// DO's, GOTO's or JOB's: `label(` starts an actual list.
    pub entry_refs: bool,
}

/// The first argument-count error GT.M finds in `toks` (the tokens of a command's argument
/// list, or of an expression), at or before byte `limit` (where the parser found an error,
/// if it did). `glvn_end` gives where the variable name starting a token slice ends (a byte
/// offset), when one does.
pub(super) fn first_error(
    toks: &Toks<'_>,
    end: usize,
    limit: Option<usize>,
    site: Site,
    glvn_end: &dyn Fn(&Toks<'_>) -> Option<usize>,
) -> Option<MError> {
    let targets = if site.set_targets {
        set_target_starts(toks)
    } else {
        Vec::new()
    };
    let mut best: Option<(usize, MError)> = None;
    for i in 0..toks.len() {
        let Some(call) = call_at(toks, i, targets.contains(&i)) else {
            continue;
        };
        let Some(e) = check_call(toks, i, call, end, glvn_end) else {
            continue;
        };
        let at = e.span.as_ref().map_or(end, |s| s.start);
        // The innermost call wins a tie: GT.M finds its error first.
        if best.as_ref().is_none_or(|(b, _)| at <= *b) {
            best = Some((at, e));
        }
    }
    if let Some(e) = unclosed_group(toks, end, site.entry_refs) {
        let at = e.span.as_ref().map_or(end, |s| s.start);
        if best.as_ref().is_none_or(|(b, _)| at < *b) {
            best = Some((at, e));
        }
    }
    best.filter(|(at, _)| limit.is_none_or(|l| *at <= l))
        .map(|(_, e)| e)
}

fn call_at(toks: &Toks<'_>, i: usize, set_target: bool) -> Option<Call> {
    let Tok::Dollar(n) = &toks[i].0 else {
        return None;
    };
    if !matches!(toks.get(i + 1), Some((Tok::LParen, _))) {
        return None;
    }
    match n.to_ascii_uppercase().as_str() {
        "S" | "SELECT" => return Some(Call::Select),
        "T" | "TEXT" => return Some(Call::Text),
        _ => {}
    }
    let f = func(n)?;
    let a = set_target.then(|| as_set_target(f)).flatten();
    Some(Call::Intrinsic(f, a.unwrap_or_else(|| arity(f))))
}

/// The token indexes of the `$` of each possible SET target: at an argument's start, or
/// right inside the parentheses of a target list, before the argument's first `=`.
fn set_target_starts(toks: &Toks<'_>) -> Vec<usize> {
    let mut starts = vec![0];
    let mut depth = 0usize;
    let mut before_eq = true;
    let mut in_group = false;
    for (j, (t, _)) in toks.iter().enumerate() {
        match t {
            Tok::LParen => {
                depth += 1;
                if depth == 1 && before_eq && starts.last() == Some(&j) {
                    in_group = true;
                    starts.push(j + 1);
                }
            }
            Tok::RParen => {
                depth = depth.saturating_sub(1);
                in_group &= depth > 0;
            }
            Tok::Comma if depth == 0 => {
                before_eq = true;
                starts.push(j + 1);
            }
            Tok::Comma if depth == 1 && in_group => starts.push(j + 1),
            Tok::Eq if depth == 0 => before_eq = false,
            _ => {}
        }
    }
    starts
}

/// The index of the `,` or `)` ending the argument that starts at `k` (or `toks.len()`).
fn arg_end(toks: &Toks<'_>, k: usize) -> usize {
    let mut depth = 0usize;
    for (j, (t, _)) in toks.iter().enumerate().skip(k) {
        match t {
            Tok::LParen => depth += 1,
            Tok::RParen if depth == 0 => return j,
            Tok::RParen => depth -= 1,
            Tok::Comma if depth == 0 => return j,
            _ => {}
        }
    }
    toks.len()
}

fn at(toks: &Toks<'_>, j: usize, end: usize) -> Span {
    toks.get(j).map_or(end..end, |(_, s)| s.into_range())
}

/// The error in the call whose `$name` is at `i`, if there is one GT.M finds there.
fn check_call(
    toks: &Toks<'_>,
    i: usize,
    call: Call,
    end: usize,
    glvn_end: &dyn Fn(&Toks<'_>) -> Option<usize>,
) -> Option<MError> {
    let err = |k: ErrorKind, j: usize| Some(MError::new(k).at(at(toks, j, end)));
    let (min, max) = match call {
        Call::Intrinsic(_, a) => (a.min, a.max),
        Call::Select => (1, MANY),
        Call::Text => (1, 1),
    };
    let mut count = 0;
    let mut k = i + 2;
    loop {
        let e = arg_end(toks, k);
        if k == e {
            // An empty argument: EXPR, found by the parser, unless something else must
            // come first.
            if count > 0 {
                return None;
            }
            let closed = toks.get(e).is_some_and(|(t, _)| *t == Tok::RParen);
            return match call {
                Call::Intrinsic(_, a) if a.min == 0 && closed => None,
                Call::Intrinsic(_, a) => match a.first {
                    First::Glvn(not_a_name) => err(not_a_name, e),
                    First::Expr => None,
                },
                Call::Text => err(kind::TEXTARG, e),
                Call::Select => None,
            };
        }
        if count == 0
            && let Some(x) = first_arg_error(toks, k, e, call, end, glvn_end)
        {
            return Some(x);
        }
        if matches!(call, Call::Select) && !has_colon(&toks[k..e]) {
            return err(kind::COLON, e);
        }
        count += 1;
        match toks.get(e).map(|(t, _)| t) {
            Some(Tok::Comma) if count == max => return err(kind::RPARENMISSING, e),
            Some(Tok::Comma) => k = e + 1,
            Some(_) if count < min => return err(short_of(call), e),
            Some(_) => return None,
            // The end of the line inside the call (a group left open inside the argument
            // is `unclosed_group`'s).
            None if !toks[e - 1].0.ends_operand() || opens_more(&toks[k..e]) => return None,
            None if count < min => return err(short_of(call), e),
            None => return err(kind::RPARENMISSING, e),
        }
    }
}

fn opens_more(arg: &Toks<'_>) -> bool {
    let opened = arg.iter().filter(|(t, _)| *t == Tok::LParen).count();
    let closed = arg.iter().filter(|(t, _)| *t == Tok::RParen).count();
    opened > closed
}

fn short_of(call: Call) -> ErrorKind {
    match call {
        Call::Intrinsic(_, a) => a.short,
        _ => kind::COMMA,
    }
}

fn has_colon(arg: &Toks<'_>) -> bool {
    let mut depth = 0usize;
    arg.iter().any(|(t, _)| {
        match t {
            Tok::LParen => depth += 1,
            Tok::RParen => depth = depth.saturating_sub(1),
            _ => {}
        }
        *t == Tok::Colon && depth == 0
    })
}

/// The error in a call's first argument, `toks[k..e]`, as GT.M checks it.
fn first_arg_error(
    toks: &Toks<'_>,
    k: usize,
    e: usize,
    call: Call,
    end: usize,
    glvn_end: &dyn Fn(&Toks<'_>) -> Option<usize>,
) -> Option<MError> {
    let err = |kd: ErrorKind, j: usize| Some(MError::new(kd).at(at(toks, j, end)));
    let arg = &toks[k..e];
    match call {
        Call::Text => {
            if !matches!(
                arg[0].0,
                Tok::Name(_) | Tok::Num(_) | Tok::Plus | Tok::Caret | Tok::At
            ) {
                return err(kind::TEXTARG, k);
            }
            // `$T(+)`, `$T(a+)`: no offset after the `+`.
            let plus = arg.iter().position(|(t, _)| *t == Tok::Plus)?;
            let after = arg.get(plus + 1).map(|(t, _)| t);
            // (Reported at the `+`, where the parser stops too.)
            if after.is_none() {
                return err(kind::EXPR, k + plus);
            }
            None
        }
        Call::Intrinsic(f, a) => {
            let First::Glvn(not_a_name) = a.first else {
                return None;
            };
            if !matches!(arg[0].0, Tok::Name(_) | Tok::Caret | Tok::At) {
                return err(not_a_name, k);
            }
            if f == Func::Next && arg.len() == 1 {
                return err(kind::LVORDERARG, k);
            }
            if f == Func::Zahandle && arg[0].0 == Tok::Caret {
                return err(kind::NAMEEXPECTED, k);
            }
            let name_end = glvn_end(arg)?;
            let rest = arg.iter().position(|(_, s)| s.start >= name_end)?;
            err(kind::RPARENMISSING, k + rest)
        }
        Call::Select => None,
    }
}

/// A `(` left open at the end of the line, after a complete operand: RPARENMISSING, or
/// COMMAORRPAREXP for an actual list (`$$f(1`, `DO f(1`). (Function calls are checked
/// above.)
fn unclosed_group(toks: &Toks<'_>, end: usize, entry_refs: bool) -> Option<MError> {
    if !toks.last()?.0.ends_operand() {
        return None;
    }
    let mut open = Vec::new();
    for (j, (t, _)) in toks.iter().enumerate() {
        match t {
            Tok::LParen => open.push(j),
            Tok::RParen => {
                open.pop();
            }
            _ => {}
        }
    }
    let p = *open.last()?;
    let before = |n: usize| p.checked_sub(n).map(|q| &toks[q].0);
    if matches!(before(1), Some(Tok::Dollar(_))) {
        return None;
    }
    // `$$f(`, `$$^r(`, `$$f^r(`.
    let extrinsic = matches!(
        (before(1), before(2), before(3), before(4)),
        (Some(Tok::Name(_)), Some(Tok::DollarDollar), _, _)
            | (
                Some(Tok::Name(_)),
                Some(Tok::Caret),
                Some(Tok::DollarDollar),
                _
            )
            | (
                Some(Tok::Name(_)),
                Some(Tok::Caret),
                Some(Tok::Name(_)),
                Some(Tok::DollarDollar)
            )
    );
    // `DO f(`, `DO f^r(`, `DO ^r(` at an argument's start.
    let from = toks[..p]
        .iter()
        .rposition(|(t, _)| *t == Tok::Comma)
        .map_or(0, |c| c + 1);
    let actuals = entry_refs
        && p > from
        && open.len() == 1
        && toks[from..p]
            .iter()
            .all(|(t, _)| matches!(t, Tok::Name(_) | Tok::Caret));
    let k = if extrinsic || actuals {
        kind::COMMAORRPAREXP
    } else {
        kind::RPARENMISSING
    };
    Some(MError::new(k).at(end..end))
}

#[cfg(test)]
mod tests {
    use crate::error::kind;
    use crate::syntax::parser::parse_commands;

    /// The error the first bad command of `line` raises, by mnemonic ("" for none).
    fn error_of(line: &str) -> &'static str {
        parse_commands(line, 0).1.map_or("", |e| e.kind.mnemonic)
    }

    #[test]
    fn counts_as_gtm_reads_a_call() {
        assert_eq!(error_of("write $piece(\"a\")"), kind::COMMA.mnemonic);
        assert_eq!(
            error_of("write $length(1,2,3)"),
            kind::RPARENMISSING.mnemonic
        );
        assert_eq!(error_of("write $data(x,)"), kind::RPARENMISSING.mnemonic);
        assert_eq!(error_of("write $qsubscript(x)"), kind::EXPR.mnemonic);
        assert_eq!(error_of("write $piece(x,1"), kind::RPARENMISSING.mnemonic);
        assert_eq!(error_of("write $piece(x"), kind::COMMA.mnemonic);
        assert_eq!(error_of("write $$f(1"), kind::COMMAORRPAREXP.mnemonic);
        assert_eq!(error_of("write $piece(x,1,2,3)_$extract(y,1,2)"), "");
        assert_eq!(error_of("write $zjobexam()"), "");
    }

    #[test]
    fn first_arguments_that_must_be_names() {
        assert_eq!(error_of("write $data(1)"), kind::VAREXPECTED.mnemonic);
        assert_eq!(error_of("write $data((x))"), kind::VAREXPECTED.mnemonic);
        assert_eq!(error_of("write $data(x+1)"), kind::RPARENMISSING.mnemonic);
        assert_eq!(error_of("write $increment(1)"), kind::EXPR.mnemonic);
        assert_eq!(error_of("write $next(x)"), kind::LVORDERARG.mnemonic);
        assert_eq!(error_of("set $piece(1,2)=3"), kind::VAREXPECTED.mnemonic);
        assert_eq!(error_of("set x=$piece(1,2)"), "");
        assert_eq!(error_of("set $piece(x,$extract(1))=3"), "");
        assert_eq!(error_of("write $data(@x@(1)),$get(^|\"g\"|y(1))"), "");
    }

    #[test]
    fn select_and_text() {
        assert_eq!(error_of("write $select(1)"), kind::COLON.mnemonic);
        assert_eq!(error_of("write $select(1:2,3"), kind::COLON.mnemonic);
        assert_eq!(error_of("write $text(-1)"), kind::TEXTARG.mnemonic);
        assert_eq!(error_of("write $text(+1^r),$select(1:2,1:3)"), "");
    }
}
