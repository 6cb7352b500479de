//! The string built-ins `$EXTRACT`, `$PIECE`, `$LENGTH`, `$ASCII`, `$FIND` and
//! `$TRANSLATE` as handlers of their own, chosen once per call site (`handler`), instead of
//! `eval_func` with its vector of evaluated arguments.
//!
//! A handler is chosen when every argument is *pure*: literals, unsubscripted locals, and
//! operators and these built-ins on pure operands, nothing that can change a variable or do
//! I/O. It evaluates the positions first and then reads the string where it lies (a literal,
//! a local's value, or the extract or piece of one), without copying it or making a value of
//! an inner `$E`/`$P`. Evaluating pure arguments out of M's left-to-right order shows only in
//! which error comes first, so on any error the call is evaluated again, in order, by
//! `eval_func`, which raises the right one.

use super::func::{extract, find};
use super::strcache::StrCaches;
use super::{Here, Interp};
use crate::error::MResult;
use crate::syntax::ast::{BinOp, EvalFn, Expr, ExprKind, Func, Glvn};
use crate::value::Value;

/// The handler of a call of `f` with these arguments, when it has one of its own.
pub(super) fn handler(f: Func, args: &[Expr]) -> Option<EvalFn> {
    if !arity_fits(f, args.len()) || !args.iter().all(pure) {
        return None;
    }
    Some(match f {
        Func::Extract => extract_fn,
        Func::Piece => piece_fn,
        Func::Length => length_fn,
        Func::Ascii => ascii_fn,
        Func::Find => find_fn,
        Func::Translate => translate_fn,
        _ => return None,
    })
}

/// Whether `n` arguments are right for `f` (else `eval_func` raises the error).
fn arity_fits(f: Func, n: usize) -> bool {
    match f {
        Func::Extract => (1..=3).contains(&n),
        Func::Piece => (2..=4).contains(&n),
        Func::Length | Func::Ascii => (1..=2).contains(&n),
        Func::Find | Func::Translate => (2..=3).contains(&n),
        _ => false,
    }
}

/// Whether evaluating `e` can change nothing (see the module comment).
fn pure(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::Var(Glvn::Local(_, subs)) => subs.is_empty(),
        ExprKind::Unary(_, x) => pure(x),
        ExprKind::Binary { lhs, rhs, .. } => pure(lhs) && pure(rhs),
        ExprKind::Func(f, args) => arity_fits(*f, args.len()) && args.iter().all(pure),
        _ => false,
    }
}

fn is_arith(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::IntDiv | BinOp::Mod | BinOp::Pow
    )
}

fn args_of(e: &Expr) -> &[Expr] {
    match &e.kind {
        ExprKind::Func(_, args) => args,
        _ => &[],
    }
}

/// An argument's value: a literal's where it lies, anything else evaluated.
enum Arg<'e> {
    Lit(&'e Value),
    Owned(Value),
}

impl std::ops::Deref for Arg<'_> {
    type Target = Value;
    #[inline]
    fn deref(&self) -> &Value {
        match self {
            Arg::Lit(v) => v,
            Arg::Owned(v) => v,
        }
    }
}

impl Interp {
    /// On an error of a handler here: the call evaluated again in M's order, for the error
    /// that order gives.
    #[cold]
    #[inline(never)]
    fn call_in_order(&mut self, e: &Expr, here: &Here) -> MResult<Value> {
        let ExprKind::Func(f, args) = &e.kind else {
            unreachable!("string handlers are chosen for calls")
        };
        self.eval_func(*f, args, here)
            .map_err(|err| err.at(e.span.clone()))
    }

    #[inline]
    fn arg<'e>(&mut self, e: &'e Expr, here: &Here) -> MResult<Arg<'e>> {
        match &e.kind {
            ExprKind::Lit(v) => Ok(Arg::Lit(v)),
            _ => self.eval(e, here).map(Arg::Owned),
        }
    }

    /// `f` of a literal's or a defined local's value, read where it lies.
    #[inline]
    fn peek<R>(&self, e: &Expr, f: impl FnOnce(&Value) -> R) -> Option<R> {
        match &e.kind {
            ExprKind::Lit(v) => Some(f(v)),
            ExprKind::Var(Glvn::Local(name, _)) => {
                let slot = self.locals.slot(*name)?;
                let node = slot.borrow();
                node.value.as_ref().map(f)
            }
            _ => None,
        }
    }

    /// A position or count argument (M's integer value of it), made without a value when it
    /// is a literal, a local, or arithmetic on those (`j+5`).
    #[inline]
    fn int_arg(&mut self, e: &Expr, here: &Here) -> MResult<i64> {
        let direct = match &e.kind {
            ExprKind::Lit(v) => Some(v.int()),
            ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty() => self.peek(e, Value::int),
            ExprKind::Binary {
                op,
                negated: false,
                lhs,
                rhs,
            } if is_arith(*op) => self
                .peek(lhs, |a| self.peek(rhs, |b| op.arith(a, b).ok()))
                .flatten()
                .flatten()
                .map(|n| n.to_i64()),
            _ => None,
        };
        match direct {
            Some(i) => Ok(i),
            None => self.eval(e, here).map(|v| v.int()),
        }
    }

    /// An optional integer argument, `default` when left out.
    #[inline]
    fn int_or(&mut self, e: Option<&Expr>, here: &Here, default: i64) -> MResult<i64> {
        match e {
            Some(e) => self.int_arg(e, here),
            None => Ok(default),
        }
    }

    /// The positions `from` and `to` of `$E`/`$P` (1 and `from` when left out).
    #[inline]
    fn range(&mut self, args: &[Expr], here: &Here) -> MResult<(i64, i64)> {
        let from = self.int_or(args.first(), here, 1)?;
        let to = self.int_or(args.get(1), here, from)?;
        Ok((from, to))
    }

    /// `f` of the value of `e`, read where it lies when `e` is a literal or a local.
    #[inline]
    fn with_value<R>(
        &mut self,
        e: &Expr,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &Value) -> R,
    ) -> MResult<R> {
        match &e.kind {
            ExprKind::Lit(v) => return Ok(f(&mut self.strs, v)),
            ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => {
                if let Some(slot) = self.locals.slot(*name) {
                    let node = slot.borrow();
                    if let Some(v) = &node.value {
                        return Ok(f(&mut self.strs, v));
                    }
                }
            }
            _ => {}
        }
        let v = self.eval(e, here)?;
        Ok(f(&mut self.strs, &v))
    }

    /// `f` of the bytes of the pure `e`; an inner `$E` or `$P` is cut from its string in
    /// place, not made into a value.
    #[inline]
    fn with_bytes<R>(
        &mut self,
        e: &Expr,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &[u8]) -> R,
    ) -> MResult<R> {
        match &e.kind {
            ExprKind::Func(Func::Extract, args) => {
                let (from, to) = self.range(&args[1..], here)?;
                self.with_value(&args[0], here, |c, s| f(c, extract(s.bytes(), from, to)))
            }
            ExprKind::Func(Func::Piece, args) => {
                let d = self.arg(&args[1], here)?;
                let (from, to) = self.range(&args[2..], here)?;
                self.with_value(&args[0], here, |c, s| {
                    let p = c.pieces.piece(s, &d, from, to);
                    f(c, p)
                })
            }
            _ => self.with_value(e, here, |c, v| f(c, v.bytes())),
        }
    }
}

/// `$EXTRACT(s,from,to)`.
fn extract_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    let r = match me.range(&args[1..], here) {
        Ok((from, to)) => me.with_bytes(&args[0], here, |_, s| {
            Value::from_bytes(extract(s, from, to))
        }),
        Err(err) => Err(err),
    };
    r.or_else(|_| me.call_in_order(e, here))
}

/// `$PIECE(s,d,from,to)`.
fn piece_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let d = me.arg(&args[1], here)?;
        let (from, to) = me.range(&args[2..], here)?;
        me.with_value(&args[0], here, |c, s| {
            Value::from_bytes(c.pieces.piece(s, &d, from, to))
        })
    }
    run(me, args_of(e), here).or_else(|_| me.call_in_order(e, here))
}

/// `$LENGTH(s)` and `$LENGTH(s,d)`, the number of pieces.
fn length_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let n = match args.get(1) {
            None => me.with_bytes(&args[0], here, |_, s| s.len())?,
            Some(d) => {
                let d = me.arg(d, here)?;
                me.with_bytes(&args[0], here, |_, s| super::func::pieces(s, d.bytes()))?
            }
        };
        Ok(Value::from_i64(n as i64))
    }
    run(me, args_of(e), here).or_else(|_| me.call_in_order(e, here))
}

/// `$ASCII(s,at)`.
fn ascii_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let at = me.int_or(args.get(1), here, 1)?;
        let code = me.with_bytes(&args[0], here, |_, s| {
            match usize::try_from(at)
                .ok()
                .and_then(|i| s.get(i.checked_sub(1)?))
            {
                Some(&c) => c as i64,
                None => -1,
            }
        })?;
        Ok(Value::from_i64(code))
    }
    run(me, args_of(e), here).or_else(|_| me.call_in_order(e, here))
}

/// `$FIND(s,sub,start)`.
fn find_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let sub = me.arg(&args[1], here)?;
        let start = me.int_or(args.get(2), here, 1)?;
        let at = me.with_bytes(&args[0], here, |_, s| find(s, sub.bytes(), start))?;
        Ok(Value::from_i64(at))
    }
    run(me, args_of(e), here).or_else(|_| me.call_in_order(e, here))
}

/// `$TRANSLATE(s,from,to)`.
fn translate_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let from = me.arg(&args[1], here)?;
        let to = match args.get(2) {
            Some(t) => me.arg(t, here)?,
            None => Arg::Owned(Value::empty()),
        };
        me.with_bytes(&args[0], here, |c, s| c.tables.translate(s, &from, &to))
    }
    run(me, args_of(e), here).or_else(|_| me.call_in_order(e, here))
}
