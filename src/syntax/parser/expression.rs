//! M expressions: atoms, operators (strictly left to right), intrinsic and extrinsic
//! calls, variable names and entry references.

use super::*;

fn lit_value(t: &Tok<'_>) -> Option<Value> {
    match t {
        // In a shared buffer even when short: a literal's copies (subscripts, `$T`/`$P`
        // arguments) then share it instead of each making one.
        Tok::Str(s) => Some(Value::from_rc(std::rc::Rc::from(&unquote(s)[..]))),
        // GT.M: a literal out of range is a compile-time NUMOFLOW.
        Tok::Num(n) => Number::parse_checked(n.as_bytes())
            .ok()
            .map(Value::from_num),
        _ => None,
    }
}

/// An M expression.
pub fn expr<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, Expr, Err<'t, 's>> + Clone {
    recursive(|expr| {
        let atom = atom(expr.clone().boxed());
        let unary = recursive(|unary| {
            unary_op()
                .then(unary)
                .map_with(|(op, e), x| fold_unary(op, e, span_of(x.span())))
                .or(atom.clone())
        })
        .boxed();
        // `>=` and `<=` are `'<` and `'>`; GT.M does not take a `'` before them.
        let not_ge_le = select! {
            Tok::Ge => BinOp::Lt,
            Tok::Le => BinOp::Gt,
        };
        let binop = select! {
            Tok::Underscore => BinOp::Concat,
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            Tok::Star => BinOp::Mul,
            Tok::Slash => BinOp::Div,
            Tok::Backslash => BinOp::IntDiv,
            Tok::Hash => BinOp::Mod,
            Tok::Pow => BinOp::Pow,
            Tok::Eq => BinOp::Eq,
            Tok::Lt => BinOp::Lt,
            Tok::Gt => BinOp::Gt,
            Tok::LBracket => BinOp::Contains,
            Tok::RBracket => BinOp::Follows,
            Tok::SortsAfter => BinOp::SortsAfter,
            Tok::Amp => BinOp::And,
            Tok::Bang => BinOp::Or,
        };
        let pattern = select! { Tok::Question(QMark::Pattern(p)) => p }
            .map_with(|p, x| match &p.no_characters {
                // GT.M raises PATNOTFOUND when the match runs: the pattern becomes text
                // parsed then (any text naming the same codes gives the same error).
                Some(codes) => {
                    let text = [b"1".as_slice(), codes].concat();
                    let lit = Expr::new(ExprKind::Lit(Value::from(text)), span_of(x.span()));
                    PatternRef::Indirect(Box::new(lit))
                }
                None => PatternRef::Lit(p),
            })
            .or(select! { Tok::Question(QMark::Bad(k)) => k }
                .try_map(|k, span| Err(custom(span, k))))
            .or(select! { Tok::Question(QMark::Plain) => () }
                .ignore_then(tok(Tok::At))
                .ignore_then(atom.clone())
                .map(|e| PatternRef::Indirect(Box::new(e))));
        enum Tail {
            Bin(BinOp, Expr),
            Match(PatternRef),
        }
        let ge_le = not_ge_le
            .then(unary.clone())
            .map(|(op, rhs)| (true, Tail::Bin(op, rhs)));
        let tail = tok(Tok::Apos)
            .or_not()
            .map(|n| n.is_some())
            .then(
                binop
                    .then(unary.clone())
                    .map(|(op, rhs)| Tail::Bin(op, rhs))
                    .or(pattern.map(Tail::Match)),
            )
            .or(ge_le)
            .or(tok(Tok::Apos)
                .then(not_ge_le)
                .try_map(|_, span| Err(custom(span, kind::RHMISSING))));
        unary
            .foldl_with(tail.repeated(), |lhs, (negated, t), x| {
                let span = span_of(x.span());
                let kind = match t {
                    Tail::Bin(op, rhs) if !negated => return fold_binary(op, lhs, rhs, span),
                    Tail::Bin(op, rhs) => ExprKind::Binary {
                        op,
                        negated,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    },
                    Tail::Match(pattern) => ExprKind::Match {
                        negated,
                        lhs: Box::new(lhs),
                        pattern,
                    },
                };
                Expr::new(kind, span)
            })
            .try_map(|e, span| {
                if overflowing_constant(&e) {
                    Err(custom(span, kind::NUMOFLOW))
                } else {
                    Ok(e)
                }
            })
            .boxed()
    })
}

/// Constant folding, as GT.M's compiler does: `2*3` becomes `6` once, at parse time. A
/// division by zero is left for run time (GT.M raises it there); an overflow stays unfolded
/// and `overflowing_constant` turns it into GT.M's compile-time NUMOFLOW.
fn fold_binary(op: BinOp, lhs: Expr, rhs: Expr, span: Span) -> Expr {
    if let (ExprKind::Lit(a), ExprKind::Lit(b)) = (&lhs.kind, &rhs.kind) {
        let folded = match op {
            BinOp::Concat => {
                let mut v = a.bytes().to_vec();
                v.extend_from_slice(b.bytes());
                Some(Value::from_rc(v.into()))
            }
            op if op.is_arith() => op.arith(a, b).ok().map(Value::from_num),
            _ => None,
        };
        if let Some(v) = folded {
            return Expr::new(ExprKind::Lit(v), span);
        }
    }
    Expr::new(
        ExprKind::Binary {
            op,
            negated: false,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    )
}

fn fold_unary(op: UnOp, e: Expr, span: Span) -> Expr {
    if let ExprKind::Lit(v) = &e.kind {
        let folded = match op {
            UnOp::Plus => v.num_checked().ok().map(Value::from_num),
            UnOp::Minus => v.num_checked().ok().map(|n| Value::from_num(n.neg())),
            UnOp::Not => Some(Value::from_bool(!v.truth())),
        };
        if let Some(v) = folded {
            return Expr::new(ExprKind::Lit(v), span);
        }
    }
    Expr::new(ExprKind::Unary(op, Box::new(e)), span)
}

/// A constant subexpression that overflows (GT.M: NUMOFLOW when the line is compiled).
fn overflowing_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary { op, lhs, rhs, .. } => {
            let here = match (&lhs.kind, &rhs.kind) {
                (ExprKind::Lit(a), ExprKind::Lit(b)) if op.is_arith() => {
                    op.arith(a, b) == Err(NumError::Overflow)
                }
                _ => false,
            };
            here || overflowing_constant(lhs) || overflowing_constant(rhs)
        }
        ExprKind::Unary(UnOp::Plus | UnOp::Minus, x) => match &x.kind {
            ExprKind::Lit(v) => v.num_checked() == Err(NumError::Overflow),
            _ => overflowing_constant(x),
        },
        _ => false,
    }
}

type BoxedExpr<'t, 's, I> = Boxed<'t, 't, I, Expr, Err<'t, 's>>;

/// A unary operator: `+`, `-`, `'`.
fn unary_op<'t, 's: 't, I: TokIn<'t, 's>>() -> impl Parser<'t, I, UnOp, Err<'t, 's>> + Clone {
    select! {
        Tok::Plus => UnOp::Plus,
        Tok::Minus => UnOp::Minus,
        Tok::Apos => UnOp::Not,
    }
}

/// An expression atom: literal, variable, function, special variable, `$$`, `(expr)`.
pub(super) fn atom<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, Expr, Err<'t, 's>> + Clone {
    recursive(move |atom| {
        let lit = select! { t @ (Tok::Str(_) | Tok::Num(_)) => t }.try_map(|t, span| {
            lit_value(&t)
                .map(ExprKind::Lit)
                .ok_or_else(|| custom(span, kind::NUMOFLOW))
        });
        let paren = expr
            .clone()
            .delimited_by(tok(Tok::LParen), tok(Tok::RParen))
            .map(|e| e.kind);
        // What follows `@` is an atom that may carry unary operators: `@-a`, `@''10` (GT.M).
        let operand = recursive(|operand| {
            unary_op()
                .then(operand)
                .map_with(|(op, e), x| fold_unary(op, e, span_of(x.span())))
                .or(atom.clone())
        })
        .boxed();
        let var = glvn(expr.clone(), operand).map(ExprKind::Var);
        let select_fn = select! { Tok::Dollar(n) if matches!(n.to_ascii_uppercase().as_str(), "S" | "SELECT") => () }
            .ignore_then(parenthesized(
                expr.clone().then_ignore(tok(Tok::Colon)).then(expr.clone()),
            ))
            .map(ExprKind::Select);
        let text_fn = select! { Tok::Dollar(n) if matches!(n.to_ascii_uppercase().as_str(), "T" | "TEXT") => () }
            .ignore_then(
                entryref(expr.clone(), atom.clone().boxed())
                    .delimited_by(tok(Tok::LParen), tok(Tok::RParen)),
            )
            .map(|r| ExprKind::Text(Box::new(r)));
        // $SELECT and $TEXT are parsed above only: were a bad one tried again as a plain
        // function, each nesting level would parse its arguments twice (exponential time).
        let function = select! { Tok::Dollar(n) if !is_select_or_text(n) => n }
            .then(parenthesized(expr.clone()))
            .try_map(|(n, args), span| match func(n) {
                // Argument counts are checked after the parse (see `arity`).
                Some(f) => Ok(ExprKind::Func(f, args)),
                None => Err(custom(span, kind::INVFCN)),
            });
        // `$ZSOCKET(,"NUMBER")`, `$ZSOCKET(d,"STATE",)`: arguments may be left empty.
        let zsocket_fn =
            select! { Tok::Dollar(n) if matches!(func(n), Some(Func::Zsocket(_))) => () }
                .ignore_then(parenthesized(expr.clone().or_not()))
                .try_map(|args, span| zsocket_args(args).ok_or_else(|| custom(span, kind::EXPR)));
        // `$ZJOBEXAM()`: GT.M's one function that takes an empty argument list.
        let empty_args = select! { Tok::Dollar(n) if func(n) == Some(Func::Zjobexam) => () }
            .then_ignore(tok(Tok::LParen))
            .then_ignore(tok(Tok::RParen))
            .map(|()| ExprKind::Func(Func::Zjobexam, Vec::new()));
        let special = select! { Tok::Dollar(n) => n }.try_map(|n, span| match svn(n) {
            Some(s) => Ok(ExprKind::Svn(s)),
            None => Err(custom(span, kind::INVSVN)),
        });
        let extrinsic = tok(Tok::DollarDollar)
            .ignore_then(extrinsic_ref(expr.clone(), atom.clone().boxed()))
            .then(actuals(expr.clone()).or_not())
            .map(|(target, args)| ExprKind::Extrinsic(Box::new(target), args.unwrap_or_default()));
        choice((
            lit, paren, select_fn, text_fn, empty_args, zsocket_fn, function, special, extrinsic,
            var,
        ))
        .map_with(|kind, x| Expr::new(kind, span_of(x.span())))
        .boxed()
    })
}

/// `$ZSOCKET`'s arguments: the keyword (second) must be there (GT.M: EXPR).
fn zsocket_args(args: Vec<Option<Expr>>) -> Option<ExprKind> {
    if args.len() < 2 || args.len() > 8 || args[1].is_none() {
        return None;
    }
    let empty = args
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_none())
        .fold(0u8, |m, (i, _)| m | 1 << i);
    Some(ExprKind::Func(
        Func::Zsocket(empty),
        args.into_iter().flatten().collect(),
    ))
}

fn is_select_or_text(name: &str) -> bool {
    matches!(
        name.to_ascii_uppercase().as_str(),
        "S" | "SELECT" | "T" | "TEXT"
    )
}

fn subscripts<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, Vec<Expr>, Err<'t, 's>> + Clone {
    parenthesized(expr)
}

/// A variable: `x`, `x(1,2)`, `^g(1)`, `@x`, `@x@(1)`.
pub(super) fn glvn<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
    atom: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, Glvn, Err<'t, 's>> + Clone {
    let subs = subscripts(expr.clone())
        .or_not()
        .map(Option::unwrap_or_default);
    let local = name().then(subs.clone()).map(|(n, s)| Glvn::Local(n, s));
    let bars = expr
        .clone()
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .at_most(2)
        .collect::<Vec<_>>()
        .delimited_by(tok(Tok::Bar), tok(Tok::Bar))
        .map(|env| (env, false));
    // GT.M: only expression atoms go between brackets (`^["a"_"b"]x` is EXTGBLDEL).
    let brackets = atom
        .clone()
        .separated_by(tok(Tok::Comma))
        .at_least(1)
        .at_most(2)
        .collect::<Vec<_>>()
        .then(tok(Tok::RBracket).or_not())
        .try_map(|(env, close), span| match close {
            Some(_) => Ok((env, true)),
            None => Err(custom(span, kind::EXTGBLDEL)),
        });
    let extended = choice((bars, tok(Tok::LBracket).ignore_then(brackets)))
        .then(name())
        .then(subs.clone())
        .map(|(((env, bracket), name), subs)| {
            Glvn::Extended(Box::new(ExtGlobal {
                env,
                bracket,
                name,
                subs,
            }))
        });
    let global = tok(Tok::Caret).ignore_then(choice((
        name().then(subs).map(|(n, s)| Glvn::Global(n, s)),
        subscripts(expr.clone()).map(Glvn::Naked),
        extended,
        // GT.M: anything else after `^` is GBLNAME.
        empty().try_map(|_, span| Err(custom(span, kind::GBLNAME))),
    )));
    let indirect = tok(Tok::At)
        .ignore_then(atom)
        .then(
            tok(Tok::At)
                .ignore_then(subscripts(expr))
                .or_not()
                .map(Option::unwrap_or_default),
        )
        .map(|(e, s)| Glvn::Indirect(Box::new(e), s));
    choice((local, global, indirect))
}

/// `label+offset^routine` (each part optional, but not all).
pub(super) fn entryref<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
    atom: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, EntryRef, Err<'t, 's>> + Clone {
    entryref_with(expr, atom, true)
}

/// `label^routine` of an extrinsic: no offset, so `$$ONE+1` is an addition (GT.M).
fn extrinsic_ref<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
    atom: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, EntryRef, Err<'t, 's>> + Clone {
    entryref_with(expr, atom, false)
}

fn entryref_with<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
    atom: BoxedExpr<'t, 's, I>,
    with_offset: bool,
) -> impl Parser<'t, I, EntryRef, Err<'t, 's>> + Clone {
    let label = choice((
        name().map(NameRef::Name),
        select! { Tok::Num(n) if n.bytes().all(|c| c.is_ascii_digit()) => NameRef::Name(Sym::intern(n)) },
        tok(Tok::At)
            .ignore_then(atom.clone())
            .map(|e| NameRef::Indirect(Box::new(e))),
    ));
    let offset = tok(Tok::Plus).ignore_then(expr).or_not().boxed();
    let routine = tok(Tok::Caret).ignore_then(choice((
        name().map(NameRef::Name),
        tok(Tok::At)
            .ignore_then(atom)
            .map(|e| NameRef::Indirect(Box::new(e))),
    )));
    label
        .or_not()
        .then(if with_offset {
            offset
        } else {
            empty().map(|_| None).boxed()
        })
        .then(routine.or_not())
        .try_map(|((label, offset), routine), span: SimpleSpan| {
            if label.is_none() && offset.is_none() && routine.is_none() {
                Err(custom(span, kind::LABELEXPECTED))
            } else {
                Ok(EntryRef {
                    label,
                    offset,
                    routine,
                    span: span.into_range(),
                    resolved: Default::default(),
                })
            }
        })
}

/// Actual parameters: `(1,.x,,"a")`.
pub(super) fn actuals<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, Vec<Actual>, Err<'t, 's>> + Clone {
    let byref = tok(Tok::Dot)
        .ignore_then(name())
        .map_with(|n, x| Actual::ByRef(n, span_of(x.span())));
    let one = choice((byref, expr.map(Actual::Value)))
        .or_not()
        .map(|a| a.unwrap_or(Actual::Empty));
    one.separated_by(tok(Tok::Comma))
        .collect::<Vec<_>>()
        .delimited_by(tok(Tok::LParen), tok(Tok::RParen))
        .map(|mut v| {
            if v.len() == 1 && matches!(v[0], Actual::Empty) {
                v.clear();
            }
            v
        })
}

pub(super) fn postcond<'t, 's: 't, I: TokIn<'t, 's>>(
    expr: BoxedExpr<'t, 's, I>,
) -> impl Parser<'t, I, Option<Expr>, Err<'t, 's>> + Clone {
    tok(Tok::Colon).ignore_then(expr).or_not()
}

pub(super) fn span_of(x: SimpleSpan) -> Span {
    x.into_range()
}
