//! Sums of integers that string built-ins return: `n+$ascii(c)+$length($extract(s,j,j+5))`
//! worked out as machine integers, without a value for each call's result or for each
//! partial sum. Only effect-free shapes qualify (literals, bare locals, `$ASCII`, `$FIND`
//! with a literal needle, `$LENGTH`
//! (with a literal delimiter or none) and `$LENGTH($EXTRACT)` of a literal or bare local
//! with such positions), so when a part
//! is not known at once (an undefined local, a number that is not an exact integer, a sum
//! past 10^18) the ordinary evaluation starts again from scratch and raises what GT.M does.

use super::super::expr::eval_binary;
use super::super::strscan::{extract, find, pieces};
use super::super::{Here, Interp};
use super::simple::int_of;
use super::{arity_fits, ascii_at, bare_local, exact_arith};
use crate::error::MResult;
use crate::intern::Sym;
use crate::syntax::ast::{BinOp, EvalFn, Expr, ExprKind, Func, Glvn, TruthFn};
use crate::value::Value;

/// The most operands a sum is taken apart into: a failed quick path sends each inner `+`
/// to the ordinary evaluation, which tries its own quick path again, so the work lost on
/// a fallback grows with the square of this.
const MAX_TERMS: usize = 8;

/// Whether `e` is a `+` or `-` whose operands are all such terms, at least one a call:
/// `eval_int_sum` is its handler.
pub(in crate::eval) fn is_int_sum(e: &Expr) -> bool {
    let mut terms = 0;
    let mut calls = 0;
    sum_shape(e, &mut terms, &mut calls) && calls > 0 && terms <= MAX_TERMS
}

/// The handler of an `is_int_sum` node: a sum with a `$FIND` term has its own copy of
/// `eval_int_sum`, so that the other sums' code holds no call to it.
pub(in crate::eval) fn int_sum_form(e: &Expr) -> EvalFn {
    if has_find(e) {
        eval_int_sum_find
    } else {
        eval_int_sum
    }
}

/// Whether a term of the sum `e` (of `sum_shape`) is a `$FIND`.
fn has_find(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary { lhs, rhs, .. } => has_find(lhs) || has_find(rhs),
        ExprKind::Func(f, _) => *f == Func::Find,
        _ => false,
    }
}

fn eval_int_sum_find(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match me.quick_sum::<true>(e) {
        Some(n) => Ok(Value::from_i64(n)),
        None => fallback(me, e, here),
    }
}

pub(in crate::eval) fn eval_int_sum(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match me.quick_sum::<false>(e) {
        Some(n) => Ok(Value::from_i64(n)),
        None => fallback(me, e, here),
    }
}

/// The truth handler of `sum<lit` or `sum>lit` (maybe negated: `$length(s)'>40`) with
/// `sum` of `is_int_sum` and `lit` an integer literal: the two compared as machine
/// integers, no value made for either side. None when the literal is no integer.
pub(in crate::eval) fn int_order_lit_form(e: &Expr) -> Option<TruthFn> {
    let ExprKind::Binary {
        op: BinOp::Lt | BinOp::Gt,
        lhs,
        rhs,
        ..
    } = &e.kind
    else {
        return None;
    };
    let ExprKind::Lit(v) = &rhs.kind else {
        return None;
    };
    if v.cached_int().is_none() || !is_int_sum(lhs) {
        return None;
    }
    Some(if has_find(lhs) {
        truth_int_order_lit::<true>
    } else {
        truth_int_order_lit::<false>
    })
}

/// See `int_order_lit_form`; a part not known at once sends the whole comparison to the
/// ordinary evaluation, which raises what GT.M does.
pub(in crate::eval) fn truth_int_order_lit<const FIND: bool>(
    me: &mut Interp,
    e: &Expr,
    here: &Here,
) -> MResult<bool> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let ExprKind::Lit(v) = &rhs.kind
        && let Some(y) = v.cached_int()
        && let Some(x) = me.quick_sum::<FIND>(lhs)
    {
        let t = if *op == BinOp::Lt { x < y } else { x > y };
        return Ok(t != *negated);
    }
    Ok(me.eval(e, here)?.truth())
}

#[cold]
#[inline(never)]
fn fallback(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    eval_binary(me, e, here)
}

/// `+`/`-` on terms (see the module note), grouped from the left as M writes them (`a+b+c`
/// is `(a+b)+c`: a right operand is a term); counts the terms and calls.
fn sum_shape(e: &Expr, terms: &mut usize, calls: &mut usize) -> bool {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub,
            negated: false,
            lhs,
            rhs,
        } => {
            !matches!(rhs.kind, ExprKind::Binary { .. })
                && term_shape(rhs, terms, calls)
                && sum_shape(lhs, terms, calls)
        }
        _ => term_shape(e, terms, calls),
    }
}

/// A literal integer, a bare local, or a call of `call_shape`.
fn term_shape(e: &Expr, terms: &mut usize, calls: &mut usize) -> bool {
    *terms += 1;
    if e.changes_locals {
        return false;
    }
    match &e.kind {
        ExprKind::Func(f, args) => {
            *calls += 1;
            call_shape(*f, args)
        }
        ExprKind::Lit(v) => v.cached_int().is_some(),
        _ => bare_local(e),
    }
}

/// `$ASCII(s,at)`, `$FIND(s,"lit",start)`, `$LENGTH(s)` or `$LENGTH($EXTRACT(s,from,to))`
/// with `s` a literal or a bare local and the positions `position_shape`.
fn call_shape(f: Func, args: &[Expr]) -> bool {
    if !arity_fits(f, args.len()) || !at_hand(&args[0]) {
        return match (f, args) {
            (Func::Length, [inner]) => match &inner.kind {
                ExprKind::Func(Func::Extract, inner_args) => call_shape(Func::Extract, inner_args),
                _ => false,
            },
            _ => false,
        };
    }
    match f {
        Func::Ascii | Func::Extract => args[1..].iter().all(position_shape),
        // `$FIND(s,"lit",start)`: the needle a literal, the start a position.
        Func::Find => {
            matches!(args[1].kind, ExprKind::Lit(_)) && args[2..].iter().all(position_shape)
        }
        Func::Length => args.len() == 1 || matches!(args[1].kind, ExprKind::Lit(_)),
        _ => false,
    }
}

fn at_hand(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(_)) || bare_local(e)
}

/// A literal, a bare local, or `+ - * #` on two of those.
fn position_shape(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Mod,
            negated: false,
            lhs,
            rhs,
        } => at_hand(lhs) && at_hand(rhs),
        _ => at_hand(e),
    }
}

impl Interp {
    /// The sum, when every part of it is known at once (see the module note). The terms
    /// are added from the right, going down the left operands; as each is below 10^17 in
    /// magnitude and there are at most `MAX_TERMS`, no partial sum reaches 10^18, where M's
    /// arithmetic would round, so the order does not change the result.
    #[inline(always)]
    fn quick_sum<const FIND: bool>(&self, e: &Expr) -> Option<i64> {
        let mut sum = 0;
        let mut at = e;
        while let ExprKind::Binary { op, lhs, rhs, .. } = &at.kind {
            let t = self.quick_term::<FIND>(rhs)?;
            sum += if *op == BinOp::Sub { -t } else { t };
            at = lhs;
        }
        Some(sum + self.quick_term::<FIND>(at)?)
    }

    /// The integer of a term of `term_shape`, when known and below 10^17 in magnitude.
    #[inline(always)]
    fn quick_term<const FIND: bool>(&self, e: &Expr) -> Option<i64> {
        const LIMIT: i64 = 100_000_000_000_000_000;
        // One match for every shape of term: each match on a node decodes its kind anew.
        let t = match &e.kind {
            ExprKind::Var(Glvn::Local(name, _)) => self.local_value(*name, Value::cached_int)??,
            ExprKind::Func(f, args) => self.quick_call::<FIND>(*f, args)?,
            ExprKind::Lit(v) => v.cached_int()?,
            _ => return None,
        };
        (t.abs() < LIMIT).then_some(t)
    }

    /// The integer a call of `call_shape` returns.
    #[inline(always)]
    /// `FIND`: whether the sum may hold a `$FIND` (`int_sum_form`).
    fn quick_call<const FIND: bool>(&self, f: Func, args: &[Expr]) -> Option<i64> {
        match f {
            Func::Ascii => {
                let at = match args.get(1) {
                    Some(a) => self.position(a)?,
                    None => 1,
                };
                self.peek_int(&args[0], |s| ascii_at(s.bytes(), at))
            }
            Func::Find if FIND => self.quick_find(args),
            Func::Length => match (&args[0].kind, args.get(1).map(|d| &d.kind)) {
                (ExprKind::Func(_, inner), _) => self.extract_len(inner),
                (_, Some(ExprKind::Lit(d))) => {
                    self.peek_int(&args[0], |s| pieces(s.bytes(), d.bytes()) as i64)
                }
                _ => self.peek_int(&args[0], |s| s.len() as i64),
            },
            _ => None,
        }
    }

    /// `$FIND(s,"lit",start)`: out of line, so that the other calls' code stays small.
    #[inline(never)]
    fn quick_find(&self, args: &[Expr]) -> Option<i64> {
        let ExprKind::Lit(sub) = &args[1].kind else {
            return None;
        };
        let start = match args.get(2) {
            Some(a) => self.position(a)?,
            None => 1,
        };
        self.peek_int(&args[0], |s| find(s.bytes(), sub.bytes(), start))
    }

    /// The length of `$EXTRACT(s,from,to)`, worked out from the positions.
    #[inline(always)]
    fn extract_len(&self, args: &[Expr]) -> Option<i64> {
        let from = match args.get(1) {
            Some(a) => self.position(a)?,
            None => 1,
        };
        let to = match args.get(2) {
            Some(a) => self.position(a)?,
            None => from,
        };
        self.peek_int(&args[0], |s| extract(s.bytes(), from, to).len() as i64)
    }

    /// M's integer value of a position of `position_shape` (a literal or local is
    /// truncated, as GT.M takes positions; arithmetic only on exact integers).
    #[inline(always)]
    pub(super) fn position(&self, e: &Expr) -> Option<i64> {
        match &e.kind {
            ExprKind::Var(Glvn::Local(name, _)) => self.local_value(*name, int_of),
            ExprKind::Binary { op, lhs, rhs, .. } => {
                exact_arith(*op, self.known_int(lhs)?, self.known_int(rhs)?)
            }
            ExprKind::Lit(v) => Some(int_of(v)),
            _ => None,
        }
    }

    /// `f` of the value of the local `name`, when defined. Every `f` here only reads the
    /// value into an integer, so the slot's borrow need not be counted.
    #[inline(always)]
    fn local_value<R>(&self, name: Sym, f: impl FnOnce(&Value) -> R) -> Option<R> {
        // SAFETY: `f` reads the value only (a number or a byte of it); nothing runs between.
        unsafe { self.local_unguarded(name) }.map(f)
    }

    /// `f` of a literal or a bare local's value (`peek` for the integer terms above, whose
    /// `f` only reads).
    #[inline(always)]
    fn peek_int<R>(&self, e: &Expr, f: impl FnOnce(&Value) -> R) -> Option<R> {
        match &e.kind {
            ExprKind::Lit(v) => Some(f(v)),
            ExprKind::Var(Glvn::Local(name, _)) => self.local_value(*name, f),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parser::parse_expr;

    fn qualifies(src: &str) -> bool {
        is_int_sum(&parse_expr(src).unwrap())
    }

    #[test]
    fn shapes() {
        assert!(qualifies("n+$ascii(c)+$length($extract(s,j,j+5))"));
        assert!(qualifies("$l(x)-1"));
        assert!(qualifies("$a(s,i#3)+1"));
        // A position of two operators is left to the ordinary evaluation.
        assert!(!qualifies("$a(s,i#3+1)+1"));
        assert!(qualifies("1-$l($e(s,2))"));
        // No call: the ordinary handlers of `+` are as quick.
        assert!(!qualifies("n+1"));
        // Effects, other calls, other operators, subscripts: not taken.
        assert!(!qualifies("n+$a($$f())"));
        assert!(!qualifies("n+$a(x(1))"));
        assert!(!qualifies("n+$p(x,\",\")"));
        assert!(!qualifies("n*$l(x)"));
        assert!(!qualifies("n+$a(x,i/2)"));
        assert!(!qualifies("\"a\"+$l(x)"));
        assert!(qualifies("n+$l(x,\",\")"));
        assert!(qualifies("n+$f(s,\"ab\")+$f(s,\"c\",p+1)"));
        assert!(!qualifies("n+$f(s,d)"));
        assert!(!qualifies("n+$l(x,d)"));
        assert!(!qualifies("a+b+c+d+e+f+g+h+$l(x)"));
        // A right operand that is itself a sum.
        assert!(!qualifies("n+($l(x)+1)"));
    }
}
