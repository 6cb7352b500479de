//! The error of a string literal with no closing quote. GT.M has no error of its own for it:
//! it reports what the construct the string stands in expected, so the code depends on where
//! the string is (all probed with GT.M 7.0, `tests/golden/strunterm*.m`):
//!
//! - right after SET's or FOR's `=`, or as the first subscript of a SET target: EQUAL
//!   (later subscripts of a SET target: RPARENMISSING);
//! - after a unary operator, `@` in an expression, `(` of a parenthesised expression or of an
//!   intrinsic function: EXPR (RHMISSING when that `(` follows a binary operator;
//!   VAREXPECTED for `$GET(` and `$DATA(`, and for `@` where SET or KILL wants a variable);
//! - after a `,` in an intrinsic function's arguments: COMMA while a required argument is
//!   missing (`$PIECE(x,"...`), else RPARENMISSING; after `$SELECT`'s `:`: COLON;
//! - in subscripts inside a function's arguments: RPARENMISSING;
//! - after the `,` of DO's or an extrinsic's actual list: COMMAORRPAREXP;
//! - anywhere else (WRITE's argument, after a binary operator, an expression's subscripts, the
//!   first actual): SPOREOL.
//!
//! A byte M has no use for (`$C(255)`, `~`) is alike: EXPR where an expression should start
//! (RHMISSING after a binary operator), VAREXPECTED where SET or KILL wants a variable,
//! SPOREOL after an operand.

use super::lexer::Tok;
use crate::error::{ErrorKind, Span, kind};

/// What the command is, for the rules that depend on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CmdShape {
    Set,
    For,
    Kill,
    Do,
    Other,
}

/// An open parenthesis and what it opened.
enum Open {
    Group {
        after_binop: bool,
    },
    Func {
        name: String,
        index: usize,
        after_colon: bool,
    },
    Subs {
        set_target: bool,
        index: usize,
        in_func: bool,
    },
    Actuals {
        index: usize,
    },
}

/// The index of the token where a string with no closing quote starts in `toks` (one
/// command's tokens, the command word first), if there is one. `"abc""` lexes as the string
/// `"abc"` then a lone quote: the string starts at the first.
pub(super) fn unterminated_at(
    toks: &[(Tok<'_>, Span)],
    source: &str,
    offset: usize,
) -> Option<usize> {
    let q = toks.iter().position(|(t, s)| {
        *t == Tok::Error && source.as_bytes().get(s.start - offset) == Some(&b'"')
    })?;
    match q.checked_sub(1).map(|p| &toks[p]) {
        Some((Tok::Str(_), s)) if s.end == toks[q].1.start => Some(q - 1),
        _ => Some(q),
    }
}

/// The index of the first token the lexer could not read (a string with no closing quote or
/// a stray byte), and whether it is a quote.
pub(super) fn bad_token_at(
    toks: &[(Tok<'_>, Span)],
    source: &str,
    offset: usize,
) -> Option<(usize, bool)> {
    if let Some(q) = unterminated_at(toks, source, offset) {
        return Some((q, true));
    }
    toks.iter()
        .position(|(t, _)| *t == Tok::Error)
        .map(|i| (i, false))
}

/// GT.M's error for the stray byte at `toks[q]` (`toks[0]` is the command word).
pub(super) fn stray_kind(
    toks: &[(Tok<'_>, Span)],
    q: usize,
    shape: CmdShape,
    is_binary_operator: fn(&Tok<'_>) -> bool,
) -> ErrorKind {
    let prev = &toks[q - 1].0;
    let at_depth_zero = toks[1..q].iter().fold(0i32, |d, (t, _)| match t {
        Tok::LParen => d + 1,
        Tok::RParen => d - 1,
        _ => d,
    }) == 0;
    let in_args = toks[1..q].iter().any(|(t, _)| matches!(t, Tok::Space(_)));
    let assigned = toks[1..q]
        .iter()
        .rev()
        .take_while(|(t, _)| *t != Tok::Comma)
        .any(|(t, _)| *t == Tok::Eq);
    let wants_variable = at_depth_zero
        && in_args
        && matches!(prev, Tok::Space(_) | Tok::Comma)
        && (shape == CmdShape::Kill || (shape == CmdShape::Set && !assigned));
    if wants_variable {
        kind::VAREXPECTED
    } else if ends_operand(prev) {
        kind::SPOREOL
    } else if is_binary_operator(prev)
        && q >= 2
        && ends_operand(&toks[q - 2].0)
        && !(shape == CmdShape::Set && *prev == Tok::Eq)
    {
        kind::RHMISSING
    } else {
        kind::EXPR
    }
}

/// GT.M's error for the unterminated string at `toks[q]` (`toks[0]` is the command word).
pub(super) fn error_kind(
    toks: &[(Tok<'_>, Span)],
    q: usize,
    shape: CmdShape,
    is_binary_operator: fn(&Tok<'_>) -> bool,
) -> ErrorKind {
    let mut stack: Vec<Open> = Vec::new();
    let mut in_args = false;
    // The token index of the `=` of the SET or FOR argument being read.
    let mut assign_eq: Option<usize> = None;
    for k in 1..q {
        match &toks[k].0 {
            Tok::Space(_) if stack.is_empty() => in_args = true,
            Tok::LParen => {
                let open = opened(
                    toks,
                    k,
                    &stack,
                    shape,
                    in_args,
                    assign_eq,
                    is_binary_operator,
                );
                stack.push(open);
            }
            Tok::RParen => {
                stack.pop();
            }
            Tok::Comma => match stack.last_mut() {
                Some(Open::Func {
                    index, after_colon, ..
                }) => {
                    *index += 1;
                    *after_colon = false;
                }
                Some(Open::Subs { index, .. } | Open::Actuals { index }) => *index += 1,
                Some(Open::Group { .. }) => {}
                // A new SET argument; FOR's commas separate its values.
                None if shape == CmdShape::Set => assign_eq = None,
                None => {}
            },
            Tok::Colon => {
                if let Some(Open::Func { after_colon, .. }) = stack.last_mut() {
                    *after_colon = true;
                }
            }
            Tok::Eq
                if stack.is_empty()
                    && in_args
                    && assign_eq.is_none()
                    && matches!(shape, CmdShape::Set | CmdShape::For) =>
            {
                assign_eq = Some(k);
            }
            _ => {}
        }
    }
    let prev = &toks[q - 1].0;
    let before_prev = q.checked_sub(2).map(|i| &toks[i].0);
    let unary = matches!(prev, Tok::Minus | Tok::Plus | Tok::Apos)
        && !before_prev.is_some_and(ends_operand);
    if *prev == Tok::At {
        let wants_variable = stack.is_empty()
            && in_args
            && ((shape == CmdShape::Set && assign_eq.is_none()) || shape == CmdShape::Kill);
        return if wants_variable {
            kind::VAREXPECTED
        } else {
            kind::EXPR
        };
    }
    if unary {
        return kind::EXPR;
    }
    match stack.last() {
        None if assign_eq == Some(q - 1) => kind::EQUAL,
        None => kind::SPOREOL,
        Some(Open::Group { after_binop }) => match prev {
            Tok::LParen if *after_binop => kind::RHMISSING,
            Tok::LParen => kind::EXPR,
            _ => kind::SPOREOL,
        },
        Some(Open::Func {
            name,
            index,
            after_colon,
        }) => match prev {
            Tok::LParen if matches!(name.as_str(), "G" | "GET" | "D" | "DATA") => kind::VAREXPECTED,
            Tok::LParen => kind::EXPR,
            Tok::Comma if *index < required_arguments(name) => kind::COMMA,
            Tok::Comma => kind::RPARENMISSING,
            Tok::Colon if *after_colon => kind::COLON,
            _ => kind::SPOREOL,
        },
        Some(Open::Subs {
            set_target,
            index,
            in_func,
        }) => match prev {
            Tok::LParen | Tok::Comma if *set_target && *index == 0 => kind::EQUAL,
            Tok::LParen | Tok::Comma if *set_target || *in_func => kind::RPARENMISSING,
            _ => kind::SPOREOL,
        },
        Some(Open::Actuals { .. }) => match prev {
            Tok::Comma => kind::COMMAORRPAREXP,
            _ => kind::SPOREOL,
        },
    }
}

/// What the `(` at `toks[k]` opens.
fn opened(
    toks: &[(Tok<'_>, Span)],
    k: usize,
    stack: &[Open],
    shape: CmdShape,
    in_args: bool,
    assign_eq: Option<usize>,
    is_binary_operator: fn(&Tok<'_>) -> bool,
) -> Open {
    let in_func = stack.iter().any(|o| matches!(o, Open::Func { .. }));
    match &toks[k - 1].0 {
        Tok::Dollar(n) => Open::Func {
            name: n.to_ascii_uppercase(),
            index: 0,
            after_colon: false,
        },
        Tok::Name(_) => {
            // Back over `label^routine` (or `^name`) to what comes before the reference.
            let mut start = k - 1;
            while start > 0 && matches!(toks[start - 1].0, Tok::Name(_) | Tok::Caret) {
                start -= 1;
            }
            let extrinsic = start > 0 && toks[start - 1].0 == Tok::DollarDollar;
            if extrinsic || (shape == CmdShape::Do && stack.is_empty()) {
                Open::Actuals { index: 0 }
            } else {
                Open::Subs {
                    set_target: stack.is_empty()
                        && in_args
                        && shape == CmdShape::Set
                        && assign_eq.is_none(),
                    index: 0,
                    in_func,
                }
            }
        }
        t => Open::Group {
            after_binop: is_binary_operator(t) && assign_eq != Some(k - 1),
        },
    }
}

/// The arguments an intrinsic function cannot do without, for those that need more than one
/// (GT.M says COMMA when the second is missing).
fn required_arguments(name: &str) -> usize {
    match name {
        "F" | "FIND" | "P" | "PIECE" | "J" | "JUSTIFY" => 2,
        _ => 1,
    }
}

fn ends_operand(t: &Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Num(_) | Tok::Str(_) | Tok::Name(_) | Tok::Dollar(_) | Tok::RParen
    )
}

#[cfg(test)]
mod tests {
    use crate::syntax::parser::parse_commands;

    /// Each line's error as GT.M 7.0 reports it (probed: the line in a routine, run).
    const PROBED: &[(&str, &str)] = &[
        (r#"s x="abc"#, "EQUAL"),
        (r#"w "abc"#, "SPOREOL"),
        (r#"w 1,"abc"#, "SPOREOL"),
        (r#"s x=1 w x="abc"#, "SPOREOL"),
        (r#"i "abc"#, "SPOREOL"),
        (r#"d:"abc x"#, "SPOREOL"),
        (r#"s x("abc)=1"#, "EQUAL"),
        (r#"x "abc"#, "SPOREOL"),
        (r#"w $l("abc)"#, "EXPR"),
        (r#"w $l("abc"#, "EXPR"),
        (r#"s x=$c(1)_"abc"#, "SPOREOL"),
        (r#"q:"abc"#, "SPOREOL"),
        (r#"h "abc"#, "SPOREOL"),
        (r#"f i=1:1:"abc"#, "SPOREOL"),
        (r#"s @"abc"#, "VAREXPECTED"),
        (r#"k x("abc"#, "SPOREOL"),
        (r#"n "abc"#, "SPOREOL"),
        (r#"r "abc"#, "SPOREOL"),
        (r#"o "abc"#, "SPOREOL"),
        (r#"w:"abc 1"#, "SPOREOL"),
        (r#"s x=1,y="abc"#, "EQUAL"),
        (r#"s $p(x,"abc)=1"#, "COMMA"),
        (r#"s x=("abc"#, "EXPR"),
        (r#"w ("abc"#, "EXPR"),
        (r#"w x("abc"#, "SPOREOL"),
        (r#"i x="abc"#, "SPOREOL"),
        (r#"w -"abc"#, "EXPR"),
        (r#"s x=-"abc"#, "EXPR"),
        (r#"d x("abc"#, "SPOREOL"),
        (r#"w $$f("abc"#, "SPOREOL"),
        (r#"s x(1,"abc)=1"#, "RPARENMISSING"),
        (r#"s (x,y)="abc"#, "EQUAL"),
        (r#"s x=$l("abc"#, "EXPR"),
        (r#"w $p(x,"abc"#, "COMMA"),
        (r#"s x=@"abc"#, "EXPR"),
        (r#"w @"abc"#, "EXPR"),
        (r#"k @"abc"#, "VAREXPECTED"),
        (r#"s x="abc" s y="def"#, "EQUAL"),
        (r#"w 1,2,"abc"#, "SPOREOL"),
        (r#"s x="a"_"abc"#, "SPOREOL"),
        (r#"s x="abc"_"def"#, "SPOREOL"),
        (r#"s x(1)="abc"#, "EQUAL"),
        (r#"s x=y("abc"#, "SPOREOL"),
        (r#"s ^x("abc)=1"#, "EQUAL"),
        (r#"w ^x("abc"#, "SPOREOL"),
        (r#"s x=$$f("abc"#, "SPOREOL"),
        (r#"s x=$c("abc"#, "EXPR"),
        (r#"s x="abc"""#, "EQUAL"),
        (r#"s x=""#, "EQUAL"),
        (r#"w ""#, "SPOREOL"),
        (r#"s x=1 s x="abc"#, "EQUAL"),
        (r#"j "abc"#, "SPOREOL"),
        (r#"l "abc"#, "SPOREOL"),
        (r#"l +x("abc"#, "SPOREOL"),
        (r#"zwr x("abc"#, "SPOREOL"),
        (r#"w $s("abc"#, "EXPR"),
        (r#"w $s(1:"abc"#, "COLON"),
        (r#"s x=$s(1:"abc"#, "COLON"),
        (r#"s x=1+"abc"#, "SPOREOL"),
        (r#"s x=1="abc"#, "SPOREOL"),
        (r#"w $e("abc"#, "EXPR"),
        (r#"w $e(x,"abc"#, "RPARENMISSING"),
        (r#"w $l(x,"abc"#, "RPARENMISSING"),
        (r#"w $f(x,"abc"#, "COMMA"),
        (r#"w $p("abc"#, "EXPR"),
        (r#"w $p(x,1,"abc"#, "RPARENMISSING"),
        (r#"w $e(x,1,"abc"#, "RPARENMISSING"),
        (r#"w $s(1:2,"abc"#, "RPARENMISSING"),
        (r#"w $g("abc"#, "VAREXPECTED"),
        (r#"w $d("abc"#, "VAREXPECTED"),
        (r#"w $o(x("abc"#, "RPARENMISSING"),
        (r#"w $tr(x,"abc"#, "RPARENMISSING"),
        (r#"w $j("abc"#, "EXPR"),
        (r#"w $j(x,"abc"#, "COMMA"),
        (r#"w x_("abc"#, "RHMISSING"),
        (r#"w 1+("abc"#, "RHMISSING"),
        (r#"w '"abc"#, "EXPR"),
        (r#"w +"abc"#, "EXPR"),
        (r#"s x=+"abc"#, "EXPR"),
        (r#"s x='"abc"#, "EXPR"),
        (r#"s x=x("abc"#, "SPOREOL"),
        (r#"s x(1)=1,y(2,"abc)=1"#, "RPARENMISSING"),
        (r#"s x=1,y("abc)=1"#, "EQUAL"),
        (r#"s $e(x,"abc)=1"#, "RPARENMISSING"),
        (r#"s $e(x)="abc"#, "EQUAL"),
        (r#"i 1,"abc"#, "SPOREOL"),
        (r#"i -"abc"#, "EXPR"),
        (r#"w:-"abc 1"#, "EXPR"),
        (r#"f x="abc"#, "EQUAL"),
        (r#"f x=1,"abc"#, "SPOREOL"),
        (r#"f x=1:"abc"#, "SPOREOL"),
        (r#"q "abc"#, "SPOREOL"),
        (r#"s x=$$f(1,"abc"#, "COMMAORRPAREXP"),
        (r#"d f("abc"#, "SPOREOL"),
        (r#"d f(1,"abc"#, "COMMAORRPAREXP"),
        // A byte M has no use for.
        ("write ~", "EXPR"),
        ("write 1,~", "EXPR"),
        ("set y=~", "EXPR"),
        ("write `", "EXPR"),
    ];

    #[test]
    fn each_place_gives_gtms_error() {
        let mut wrong = Vec::new();
        for (line, want) in PROBED {
            let (_, err) = parse_commands(line, 0);
            let got = err.map(|e| e.kind.mnemonic).unwrap_or("no error");
            if got != *want {
                wrong.push(format!("{line}: {got}, GT.M {want}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
