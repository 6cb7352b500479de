//! The error GT.M gives where a command's argument list has no usable item, or where a
//! complete item is followed by what cannot follow it (all probed with GT.M 7.0, golden
//! `synitem1`):
//!
//! - where an argument should start (first, or after a `,` at the top level) but the token
//!   cannot start one: the command's own error, VAREXPECTED for SET, KILL, NEW, MERGE,
//!   ZWRITE and ZKILL, LKNAMEXPECTED for LOCK, ZALLOCATE and ZDEALLOCATE, RWARG for READ,
//!   EXPR for the others (`WRITE 1,,2`, `SET x=1,,y=2`, `KILL x,1`, `READ ,x`); a `,` that
//!   ends the line is EXPR whatever the command (`SET x=1,`);
//! - the same inside the parentheses of a SET target list, a KILL or NEW exclusive list or a
//!   LOCK group (`KILL (a,^b)`, `NEW ()`, `LOCK +(a,1)`), even at the end of the line;
//! - inside a function's arguments or a subscript list: EXPR (`$E("a",,1)`, `x(,1)`);
//! - right after an argument's first `=`: EXPR (SET, FOR), VAREXPECTED (MERGE);
//! - the end of the line inside a group: RPARENMISSING (`NEW (a`);
//! - a `)` closing nothing after a complete operand: SPOREOL (`WRITE 1)`), but EQUAL in a SET
//!   target (`SET x(1))=2`);
//! - a `^` where a routine name should follow, with none after it: RTNNAME (`DO ^`,
//!   `DO a^(1)`, `$$^`, `$TEXT(^)`, `ZGOTO 1:^`), where elsewhere it is GBLNAME.

use super::lexer::Tok;
use crate::error::{ErrorKind, MError, kind};

/// What a command's argument list holds, for the errors above.
#[derive(Clone, Copy)]
pub(super) struct ArgShape {
    /// The error where an argument is missing.
    pub missing: ErrorKind,
    /// An argument may be a parenthesised group of items (SET targets, KILL and NEW exclusive
    /// lists, LOCK groups).
    pub groups: bool,
    /// The error where nothing usable follows an argument's first `=`.
    pub after_eq: Option<ErrorKind>,
    /// An argument's text before its first `=` is a SET target.
    pub set: bool,
}

impl ArgShape {
    pub const EXPR: ArgShape = ArgShape {
        missing: kind::EXPR,
        groups: false,
        after_eq: None,
        set: false,
    };
}

/// `e`, a generic syntax error (EXPR, SPOREOL, RHMISSING, RPARENMISSING) found in the
/// argument tokens `toks`, as GT.M reports it for a command of this shape.
pub(super) fn refine(
    shape: ArgShape,
    toks: &[(Tok<'_>, std::ops::Range<usize>)],
    e: MError,
) -> MError {
    let generic = [
        kind::EXPR,
        kind::SPOREOL,
        kind::RHMISSING,
        kind::RPARENMISSING,
    ];
    let Some(span) = e.span.clone() else {
        return e;
    };
    if !generic.contains(&e.kind) {
        return e;
    }
    let i = toks.partition_point(|(_, s)| s.start < span.start);
    let at_end = i == toks.len();
    let ctx = Context::before(toks, i);
    let redo = |k: ErrorKind| MError::new(k).at(span.clone());
    if i == ctx.arg_start && ctx.open.is_empty() {
        return if at_end && i > 0 {
            redo(kind::EXPR)
        } else {
            redo(shape.missing)
        };
    }
    if let Some(&p) = ctx.open.last()
        && matches!(toks[i - 1].0, Tok::Comma | Tok::LParen)
    {
        let group = shape.groups
            && ctx.open.len() == 1
            && (p == ctx.arg_start
                || (p == ctx.arg_start + 1
                    && matches!(toks[ctx.arg_start].0, Tok::Plus | Tok::Minus)));
        return redo(if group { shape.missing } else { kind::EXPR });
    }
    if let Some(k) = shape.after_eq
        && ctx.open.is_empty()
        && ctx.first_eq == Some(i - 1)
    {
        return redo(k);
    }
    let after_operand = i > 0 && toks[i - 1].0.ends_operand();
    if at_end && after_operand && shape.groups && ctx.open == [ctx.arg_start] {
        return redo(kind::RPARENMISSING);
    }
    if !at_end && after_operand && toks[i].0 == Tok::RParen && ctx.open.is_empty() {
        let in_target = shape.set && ctx.first_eq.is_none();
        return redo(if in_target {
            kind::EQUAL
        } else {
            kind::SPOREOL
        });
    }
    e
}

/// Where the token at `i` stands in its argument.
struct Context {
    /// Where the argument holding it starts.
    arg_start: usize,
    /// The `(` still open before it, outermost first.
    open: Vec<usize>,
    /// The argument's first `=` outside parentheses, before it.
    first_eq: Option<usize>,
}

impl Context {
    fn before(toks: &[(Tok<'_>, std::ops::Range<usize>)], i: usize) -> Context {
        let mut c = Context {
            arg_start: 0,
            open: Vec::new(),
            first_eq: None,
        };
        for (j, (t, _)) in toks[..i].iter().enumerate() {
            match t {
                Tok::LParen => c.open.push(j),
                Tok::RParen => {
                    c.open.pop();
                }
                Tok::Comma if c.open.is_empty() => {
                    c.arg_start = j + 1;
                    c.first_eq = None;
                }
                Tok::Eq if c.open.is_empty() && c.first_eq.is_none() => c.first_eq = Some(j),
                _ => {}
            }
        }
        c
    }
}

/// Whether the `^` at `c` starts the routine of an entry reference: after `$$`, `$TEXT(`,
/// or at an argument's start (or after ZGOTO's `:`) in a command of entry references
/// (`entry_cmd`), with a label, `@name` or `label+offset` between.
pub(super) fn routine_caret(toks: &[Tok<'_>], c: usize, entry_cmd: bool) -> bool {
    let mut k = c;
    let back = |k: &mut usize, ok: &dyn Fn(&Tok<'_>) -> bool| {
        if *k > 0 && ok(&toks[*k - 1]) {
            *k -= 1;
        }
    };
    back(&mut k, &|t| matches!(t, Tok::Name(_) | Tok::Num(_)));
    if k > 0 && toks[k - 1] == Tok::Plus {
        k -= 1;
        back(&mut k, &|t| matches!(t, Tok::Name(_)));
    }
    back(&mut k, &|t| *t == Tok::At);
    let depth = toks[..k].iter().fold(0i32, |d, t| match t {
        Tok::LParen => d + 1,
        Tok::RParen => d - 1,
        _ => d,
    });
    match k.checked_sub(1).map(|p| &toks[p]) {
        Some(Tok::DollarDollar) => true,
        Some(Tok::LParen) => {
            k >= 2
                && matches!(&toks[k - 2], Tok::Dollar(n) if ["T", "TEXT"].contains(&n.to_ascii_uppercase().as_str()))
        }
        None => entry_cmd,
        Some(Tok::Comma | Tok::Colon) => entry_cmd && depth == 0,
        _ => false,
    }
}
