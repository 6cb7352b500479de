//! The argument of each command (SET targets, WRITE formats, READ, KILL, LOCK, FOR, DO,
//! device parameters, ZWRITE, ZBREAK, JOB ...).

use super::*;

fn dollar_func<'t, 's: 't, I: TokIn<'t, 's>>(
    f: Func,
) -> impl Parser<'t, I, (), Err<'t, 's>> + Clone {
    select! { Tok::Dollar(n) if func(n) == Some(f) => () }
}

/// A SET target: variable, `$PIECE(...)`, `$EXTRACT(...)` or special variable.
fn set_target<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, SetTarget, Err<'t, 's>> + Clone
{
    let e = expr().boxed();
    let a = atom(e.clone()).boxed();
    let var = glvn(e.clone(), a.clone());
    let comma_e = tok(Tok::Comma).ignore_then(e.clone());
    // `$ZPIECE` and `$ZEXTRACT` too: in M mode they are the same functions.
    let piece = dollar_func(Func::Piece)
        .ignore_then(
            var.clone()
                .then(comma_e.clone())
                .then(comma_e.clone().or_not())
                .then(comma_e.clone().or_not())
                .delimited_by(tok(Tok::LParen), tok(Tok::RParen)),
        )
        .map_with(|(((var, delim), from), to), x| SetTarget::Piece {
            var,
            delim,
            from,
            to,
            span: span_of(x.span()),
        });
    let extract = dollar_func(Func::Extract)
        .ignore_then(
            var.clone()
                .then(comma_e.clone().or_not())
                .then(comma_e.or_not())
                .delimited_by(tok(Tok::LParen), tok(Tok::RParen)),
        )
        .map_with(|((var, from), to), x| SetTarget::Extract {
            var,
            from,
            to,
            span: span_of(x.span()),
        });
    let special = select! { Tok::Dollar(n) => n }.try_map(|n, span: SimpleSpan| match svn(n) {
        Some(s) => Ok(SetTarget::Svn(s, span_of(span))),
        None => Err(custom(span, kind::INVSVN)),
    });
    let plain = var.map_with(|v, x| SetTarget::Var(v, span_of(x.span())));
    choice((piece, extract, special, plain))
}

pub(super) fn set_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, SetArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let targets = choice((parenthesized(set_target()), set_target().map(|t| vec![t])));
    let assign = targets
        .then_ignore(tok(Tok::Eq))
        .then(e.clone())
        .map(|(targets, value)| SetArg::assign(targets, value));
    let indirect = tok(Tok::At).ignore_then(atom(e)).map(SetArg::Indirect);
    choice((assign, indirect))
}

/// A format item of WRITE and READ: `!`, `#`, `?n`.
enum Format {
    NewLine,
    FormFeed,
    Tab(Expr),
}

/// `!`, `#` and `?n`, which may follow each other without commas (`!!?5`).
fn formats<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, Vec<Format>, Err<'t, 's>> + Clone {
    choice((
        tok(Tok::Bang).map(|_| Format::NewLine),
        tok(Tok::Hash).map(|_| Format::FormFeed),
        select! { Tok::Question(QMark::Plain) => () }
            .ignore_then(expr())
            .map(Format::Tab),
    ))
    .repeated()
    .at_least(1)
    .collect()
}

pub(super) fn write_args<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, Vec<WriteArg>, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let star = tok(Tok::Star)
        .ignore_then(e.clone())
        .map(|x| vec![WriteArg::Char(x)]);
    let control = tok(Tok::Slash)
        .ignore_then(name())
        .then(actuals(e.clone()).or_not())
        .map_with(|(n, args), x| {
            let upper = Sym::intern(&n.as_str().to_ascii_uppercase());
            vec![WriteArg::Control(
                upper,
                args.unwrap_or_default(),
                span_of(x.span()),
            )]
        });
    let fmt = formats().map(|v| {
        v.into_iter()
            .map(|f| match f {
                Format::NewLine => WriteArg::NewLine,
                Format::FormFeed => WriteArg::FormFeed,
                Format::Tab(x) => WriteArg::Tab(x),
            })
            .collect::<Vec<_>>()
    });
    // GT.M writes the operands of a concatenation one by one, as they are evaluated (an
    // error in a later one comes after the earlier ones are out), unless the argument
    // starts with a parenthesis (probed: `(a_b)_c` is written whole).
    let value = tok(Tok::LParen)
        .rewind()
        .or_not()
        .then(e.clone())
        .map(|(paren, x)| {
            let split = paren.is_none()
                && matches!(
                    x.kind,
                    ExprKind::Binary {
                        op: BinOp::Concat,
                        negated: false,
                        ..
                    }
                );
            vec![if split {
                WriteArg::Pieces(x)
            } else {
                WriteArg::Expr(x)
            }]
        });
    let one = choice((fmt, star, control, value));
    comma_list(one).map(|v| v.into_iter().flatten().collect())
}

pub(super) fn read_args<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, Vec<ReadArg>, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let a = atom(e.clone()).boxed();
    let timeout = tok(Tok::Colon).ignore_then(e.clone()).or_not();
    let fmt = formats().map(|v| {
        v.into_iter()
            .map(|f| match f {
                Format::NewLine => ReadArg::NewLine,
                Format::FormFeed => ReadArg::FormFeed,
                Format::Tab(x) => ReadArg::Tab(x),
            })
            .collect::<Vec<_>>()
    });
    let prompt =
        select! { Tok::Str(s) => ReadArg::Prompt(Value::from_bytes(unquote(s))) }.map(|p| vec![p]);
    let star = tok(Tok::Star)
        .ignore_then(glvn(e.clone(), a.clone()).map_with(|g, x| (g, span_of(x.span()))))
        .then(timeout.clone())
        .map(|((target, span), timeout)| {
            vec![ReadArg::Char {
                target,
                span,
                timeout,
            }]
        });
    let var = glvn(e.clone(), a)
        .map_with(|g, x| (g, span_of(x.span())))
        .then(tok(Tok::Hash).ignore_then(e).or_not())
        .then(timeout)
        .map(|(((target, span), len), timeout)| {
            vec![ReadArg::Var {
                target,
                span,
                len,
                timeout,
            }]
        });
    comma_list(choice((fmt, prompt, star, var))).map(|v| v.into_iter().flatten().collect())
}

fn name_list<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, Vec<Sym>, Err<'t, 's>> + Clone {
    parenthesized(name())
}

pub(super) fn kill_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, KillArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    choice((
        name_list().map(KillArg::Exclusive),
        glvn(e.clone(), atom(e).boxed()).map_with(|g, x| KillArg::Var(g, span_of(x.span()))),
    ))
}

/// `LOCK [+|-]name[:timeout]` or `LOCK [+|-](name,...)[:timeout]`; `LOCK @x` is an
/// indirect name here, taken as argument indirection when it stands alone.
pub(super) fn lock_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, LockArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let op = choice((
        tok(Tok::Plus).to(LockOp::Add),
        tok(Tok::Minus).to(LockOp::Remove),
    ))
    .or_not()
    .map(|o| o.unwrap_or(LockOp::Replace));
    let one = glvn(e.clone(), atom(e.clone()).boxed());
    let names = choice((parenthesized(one.clone()), one.map(|g| vec![g])));
    let timeout = tok(Tok::Colon).ignore_then(e).or_not();
    op.then(names)
        .then(timeout)
        .map(|((op, names), timeout)| LockArg { op, names, timeout })
}

/// `TSTART [restore][:params]`: `*`, `()`, `(a,b)` or `a` name the locals a restart puts
/// back; the transaction parameters (SERIAL, TRANSACTIONID=...) are accepted and ignored.
pub(super) fn tstart_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, TstartArg, Err<'t, 's>> + Clone {
    let restore = choice((
        tok(Tok::Star).to(TpRestore::All),
        tok(Tok::LParen)
            .then(tok(Tok::RParen))
            .to(TpRestore::Names(Vec::new())),
        name_list().map(TpRestore::Names),
        name().map(|n| TpRestore::Names(vec![n])),
    ));
    let param = name()
        .then(tok(Tok::Eq).ignore_then(expr()).or_not())
        .ignored();
    let params = choice((
        param
            .clone()
            .separated_by(tok(Tok::Colon))
            .at_least(1)
            .delimited_by(tok(Tok::LParen), tok(Tok::RParen)),
        param,
    ));
    restore
        .or_not()
        .then_ignore(tok(Tok::Colon).ignore_then(params).or_not())
        .map(|restore| TstartArg { restore })
}

pub(super) fn new_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, NewArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let special = select! { Tok::Dollar(n) => n }.try_map(|n, span| match svn(n) {
        Some(s) => Ok(NewArg::Svn(s)),
        None => Err(custom(span, kind::INVSVN)),
    });
    choice((
        name_list().map(NewArg::Exclusive),
        name().map(NewArg::Name),
        special,
        tok(Tok::At).ignore_then(atom(e)).map(NewArg::Indirect),
    ))
}

pub(super) fn for_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ForArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let colon_e = tok(Tok::Colon).ignore_then(e.clone());
    let item = e
        .clone()
        .then(colon_e.clone().then(colon_e.or_not()).or_not())
        .map(|(start, rest)| match rest {
            None => ForItem::Value(start),
            Some((step, limit)) => ForItem::Range { start, step, limit },
        });
    glvn(e.clone(), atom(e).boxed())
        .then_ignore(tok(Tok::Eq))
        .then(comma_list(item))
        .map(|(var, items)| ForArg { var, items })
}

pub(super) fn do_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, DoArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    entryref(e.clone(), atom(e.clone()).boxed())
        .then(actuals(e.clone()).or_not())
        .then(postcond(e))
        .map(|((target, args), cond)| DoArg::Call { target, args, cond })
}

pub(super) fn goto_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, GotoArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    entryref(e.clone(), atom(e.clone()).boxed())
        .then(postcond(e))
        .map(|(target, cond)| GotoArg::Jump { target, cond })
}

pub(super) fn conditional<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, Conditional, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    e.clone().then(postcond(e)).map(|(expr, cond)| Conditional {
        expr,
        cond,
        compiled: Default::default(),
    })
}

/// `VIEW keyword[:param...]`.
pub(super) fn view_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ViewArg, Err<'t, 's>> + Clone {
    expr_and_colon_list().map(|(keyword, params)| ViewArg { keyword, params })
}

/// `expr[:expr...]`: the shape of VIEW's and ZMESSAGE's arguments.
fn expr_and_colon_list<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, (Expr, Vec<Expr>), Err<'t, 's>> + Clone {
    let e = expr().boxed();
    e.clone().then(
        tok(Tok::Colon)
            .ignore_then(e)
            .repeated()
            .collect::<Vec<_>>(),
    )
}

/// `dev:(params):timeout:mnemonicspace` for OPEN, USE and CLOSE.
pub(super) fn device_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, DeviceArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let param = select! { Tok::Name(n) => n }
        .try_map(|n, span| DeviceKeyword::from_name(n).ok_or_else(|| custom(span, kind::DEVPARUNK)))
        .then(tok(Tok::Eq).ignore_then(e.clone()).or_not())
        .map(|(keyword, value)| DeviceParam { keyword, value });
    // GT.M: anything but a keyword where a deviceparameter goes (`(:PORT:"ACT")`, another
    // vendor's positional form) is DEVPARUNK too.
    let not_keyword = any()
        .filter(|t: &Tok<'_>| !matches!(t, Tok::Name(_) | Tok::RParen))
        .try_map(|_, span| Err(custom(span, kind::DEVPARUNK)));
    let param = param.or(not_keyword);
    let params = choice((
        param
            .clone()
            .separated_by(tok(Tok::Colon))
            .collect::<Vec<_>>()
            .delimited_by(tok(Tok::LParen), tok(Tok::RParen)),
        param.map(|p| vec![p]),
    ));
    let colon = tok(Tok::Colon);
    e.clone()
        .then(
            colon
                .clone()
                .ignore_then(params.or_not().map(Option::unwrap_or_default))
                .then(
                    colon
                        .clone()
                        .ignore_then(e.clone().or_not())
                        .then(colon.ignore_then(e).or_not())
                        .or_not(),
                )
                .or_not(),
        )
        .map_with(|(device, rest), x| {
            let (params, more) = rest.unwrap_or_default();
            let (timeout, mnemonic_space) = more.unwrap_or((None, None));
            DeviceArg {
                device,
                params,
                timeout,
                mnemonic_space,
                span: span_of(x.span()),
            }
        })
}

/// A ZWRITE subscript: `expr`, `lo:hi` or `*`.
fn zw_sub<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, ZwSub, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let range = e
        .clone()
        .or_not()
        .then_ignore(tok(Tok::Colon))
        .then(e.clone().or_not())
        .map(|(lo, hi)| ZwSub::Range(lo, hi));
    choice((
        tok(Tok::Star).map(|_| ZwSub::Star),
        select! { Tok::Question(QMark::Pattern(p)) => ZwSub::Pattern(p) },
        range,
        e.map(ZwSub::Expr),
    ))
}

pub(super) fn zw_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ZwArg, Err<'t, 's>> + Clone {
    let sub = zw_sub();
    let name_or_pattern = name()
        .map(|n| (n, None))
        .or(select! { Tok::Question(QMark::Pattern(p)) => p }.map(|p| (Sym::intern(""), Some(p))));
    tok(Tok::Caret)
        .or_not()
        .then(name_or_pattern)
        .then(parenthesized(sub).or_not())
        .try_map(|((caret, (name, name_pattern)), subs), span: SimpleSpan| {
            let subs = subs.unwrap_or_default();
            // GT.M: `*` may only be the last subscript.
            let star_inside = subs.iter().rev().skip(1).any(|s| matches!(s, ZwSub::Star));
            if star_inside {
                return Err(Rich::custom(span, "RPARENMISSING"));
            }
            Ok(ZwArg {
                indirect: None,
                svn: None,
                global: caret.is_some(),
                name,
                name_pattern,
                subs,
                span: span_of(span),
            })
        })
        .or(tok(Tok::At)
            .ignore_then(atom(expr().boxed()))
            .then(
                tok(Tok::At)
                    .ignore_then(parenthesized(zw_sub()))
                    .or_not()
                    .map(Option::unwrap_or_default),
            )
            .map_with(|(e, subs), x| ZwArg {
                indirect: Some(e),
                svn: None,
                global: false,
                name: Sym::intern(""),
                name_pattern: None,
                subs,
                span: span_of(x.span()),
            }))
        .or(
            select! { Tok::Dollar(n) => n }.try_map(|n, span: SimpleSpan| match svn(n) {
                Some(s) => Ok(ZwArg {
                    indirect: None,
                    svn: Some(s),
                    global: false,
                    name: Sym::intern(""),
                    name_pattern: None,
                    subs: Vec::new(),
                    span: span_of(span),
                }),
                None => Err(custom(span, kind::INVSVN)),
            }),
        )
}

/// `ZMESSAGE code[:detail...]`.
pub(super) fn zmessage_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ZMessageArg, Err<'t, 's>> + Clone {
    expr_and_colon_list().map(|(code, details)| ZMessageArg { code, details })
}

pub(super) fn zgoto_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ZGotoArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    e.clone()
        .then(
            tok(Tok::Colon)
                .ignore_then(entryref(e.clone(), atom(e).boxed()))
                .or_not(),
        )
        .map(|(level, target)| ZGotoArg { level, target })
}

pub(super) fn zbreak_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ZBreakArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let at = entryref(e.clone(), atom(e.clone()).boxed()).boxed();
    choice((
        tok(Tok::Minus)
            .then(tok(Tok::Star))
            .map(|_| ZBreakArg::ClearAll),
        tok(Tok::Minus)
            .ignore_then(at.clone())
            .map(ZBreakArg::Clear),
        at.then(tok(Tok::Colon).ignore_then(e.clone().or_not()).or_not())
            .then(tok(Tok::Colon).ignore_then(e).or_not())
            .map(|((at, action), count)| ZBreakArg::Set {
                at,
                action: action.flatten(),
                count,
            }),
    ))
}

pub(super) fn step_kind<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, StepKind, Err<'t, 's>> + Clone {
    name().try_map(|n, span| match n.as_str().to_ascii_uppercase().as_str() {
        "I" | "INTO" => Ok(StepKind::Into),
        "OV" | "OVER" => Ok(StepKind::Over),
        "OU" | "OUTOF" => Ok(StepKind::Outof),
        _ => Err(custom(span, kind::INVCMD)),
    })
}

/// `ZPRINT from[:to]`: `to` is a label and offset in the routine of `from`.
pub(super) fn zprint_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, (EntryRef, Option<EntryRef>), Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let at = entryref(e.clone(), atom(e).boxed()).boxed();
    at.clone().then(tok(Tok::Colon).ignore_then(at).or_not())
}

pub(super) fn merge_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, MergeArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let g = glvn(e.clone(), atom(e.clone()).boxed());
    let copy = g
        .clone()
        .then_ignore(tok(Tok::Eq))
        .then(g)
        .map(|(a, b)| MergeArg::Copy(a, b));
    let indirect = tok(Tok::At).ignore_then(atom(e)).map(MergeArg::Indirect);
    choice((copy, indirect))
}

pub(super) fn zshow_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, ZShowArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    e.clone()
        .then(
            tok(Tok::Colon)
                .ignore_then(glvn(e.clone(), atom(e).boxed()))
                .or_not(),
        )
        .map(|(codes, target)| ZShowArg { codes, target })
}

pub(super) fn job_arg<'t, 's: 't, I: TokIn<'t, 's>>()
-> impl Parser<'t, I, JobArg, Err<'t, 's>> + Clone {
    let e = expr().boxed();
    let param = select! { Tok::Name(n) => n.to_ascii_uppercase() }
        .then(tok(Tok::Eq).ignore_then(e.clone()).or_not());
    let params = choice((
        param
            .clone()
            .separated_by(tok(Tok::Colon))
            .collect::<Vec<_>>()
            .delimited_by(tok(Tok::LParen), tok(Tok::RParen)),
        param.map(|p| vec![p]),
    ));
    entryref(e.clone(), atom(e.clone()).boxed())
        .then(actuals(e.clone()).or_not())
        .then(
            tok(Tok::Colon)
                .ignore_then(params.or_not().map(Option::unwrap_or_default))
                .then(tok(Tok::Colon).ignore_then(e).or_not())
                .or_not(),
        )
        .map(|((target, args), rest)| {
            let (params, timeout) = rest.unwrap_or_default();
            JobArg {
                target,
                args: args.unwrap_or_default(),
                params,
                timeout,
            }
        })
}
