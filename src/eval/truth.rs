//! The truth of a condition (IF's argument, a postcondition) read where it lies when its
//! shape allows: no value made to be tested. The handler for a node's shape is chosen on
//! its first test and kept on the node (`Expr::truth`), so later tests dispatch on nothing.

use super::expr::compare_bool;
use super::{Here, Interp};
use crate::error::MResult;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Func, Glvn, TruthFn, UnOp};
use crate::value::Value;

impl Interp {
    /// The truth of a postcondition: by the node's truth handler when it reads the
    /// condition in place, by the value otherwise (the expression's own handler, no call
    /// more).
    #[inline(always)]
    pub(super) fn cond_holds(&mut self, c: &Expr, here: &Here) -> MResult<bool> {
        match c.truth.0.get() {
            Some(f) if !std::ptr::fn_addr_eq(f, truth_by_value as TruthFn) => f(self, c, here),
            Some(_) => Ok(self.eval(c, here)?.truth()),
            None => self.first_truth(c, here),
        }
    }

    /// The truth of an IF argument, by the node's truth handler.
    #[inline(always)]
    pub(super) fn truth_of(&mut self, e: &Expr, here: &Here) -> MResult<bool> {
        match e.truth.0.get() {
            Some(f) => f(self, e, here),
            None => self.first_truth(e, here),
        }
    }

    /// The first test of a node: its truth handler chosen, kept, and run.
    #[inline(never)]
    fn first_truth(&mut self, e: &Expr, here: &Here) -> MResult<bool> {
        let f = truth_form(e);
        e.truth.0.set(Some(f));
        f(self, e, here)
    }

    /// The truth of `e` by its value (any other shape, or an undefined local, whose error
    /// the ordinary evaluation raises exactly as elsewhere).
    #[inline(never)]
    fn truth_of_value(&mut self, e: &Expr, here: &Here) -> MResult<bool> {
        Ok(self.eval(e, here)?.truth())
    }
}

/// The truth handler for an expression's shape.
fn truth_form(e: &Expr) -> TruthFn {
    let local = |x: &Expr| x.is_plain_local();
    let lit = |x: &Expr| matches!(x.kind, ExprKind::Lit(_));
    match &e.kind {
        // `ch=","` (the usual test of a character).
        ExprKind::Binary {
            op: BinOp::Eq,
            lhs,
            rhs,
            ..
        } if local(lhs) && matches!(&rhs.kind, ExprKind::Lit(b) if b.len() == 1) => {
            truth_local_eq_lit::<true>
        }
        // `k'=""`.
        ExprKind::Binary {
            op: BinOp::Eq,
            lhs,
            rhs,
            ..
        } if local(lhs) && lit(rhs) => truth_local_eq_lit::<false>,
        // `x>5`.
        ExprKind::Binary {
            op: BinOp::Lt | BinOp::Gt,
            lhs,
            rhs,
            ..
        } if local(lhs) && lit(rhs) => truth_local_order_lit,
        // `x>y`, `a=b`.
        ExprKind::Binary {
            op: BinOp::Eq | BinOp::Lt | BinOp::Gt,
            lhs,
            rhs,
            ..
        } if local(lhs) && local(rhs) => truth_local_cmp_local,
        // `$length(s)>40`: the local's length against the integer.
        ExprKind::Binary {
            op: BinOp::Lt | BinOp::Gt,
            lhs,
            rhs,
            ..
        } if int_lit(rhs) && length_of_local(lhs) => truth_length_order_lit,
        // `$length(s)>40`, `n+$l(x)<80`: integers compared, when the left side is a sum of
        // built-ins' integers and the literal an integer.
        ExprKind::Binary { .. } if let Some(f) = super::strfn::int_order_lit_form(e) => f,
        // `$length(s)>40`: a literal cannot change a local, so the left side is evaluated
        // first as GT.M does.
        ExprKind::Binary {
            op: BinOp::Eq | BinOp::Lt | BinOp::Gt,
            rhs,
            ..
        } if lit(rhs) => truth_cmp_lit,
        // `IF q`: a flag.
        ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty() => truth_local,
        // `quit:'p`: a flag negated.
        ExprKind::Unary(UnOp::Not, x) if local(x) => truth_not_local,
        // `'$data(x(s))`: one handler for the `'` and the `$DATA`.
        ExprKind::Unary(UnOp::Not, x) if matches!(&x.kind, ExprKind::Func(Func::Data, args) if args.len() == 1) => {
            truth_not_data
        }
        // `'$data(x)`: the truth of the operand, negated (no value made).
        ExprKind::Unary(UnOp::Not, _) => truth_not,
        ExprKind::Func(Func::Data, args) if args.len() == 1 => truth_data,
        _ => truth_by_value,
    }
}

/// An integer literal.
fn int_lit(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(v) if v.cached_int().is_some())
}

/// `$LENGTH(s)`, `s` an unsubscripted local.
fn length_of_local(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Func(Func::Length, args) if args.len() == 1 && args[0].is_plain_local())
}

/// `$length(s)>40` (`length_of_local` against `int_lit`, maybe negated): the length of the
/// local's text compared with the integer, no value made for either.
fn truth_length_order_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let ExprKind::Func(_, args) = &lhs.kind
        && let ExprKind::Var(Glvn::Local(name, _)) = &args[0].kind
        && let ExprKind::Lit(v) = &rhs.kind
        && let Some(y) = v.cached_int()
        // SAFETY: only the length read (making a number's text is the value's own cache).
        && let Some(s) = unsafe { me.local_unguarded(*name) }
    {
        let x = s.len() as i64;
        let t = if *op == BinOp::Lt { x < y } else { x > y };
        return Ok(t != *negated);
    }
    me.truth_of_value(e, here)
}

/// Any other shape: by the value.
fn truth_by_value(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    me.truth_of_value(e, here)
}

/// `k=""`, `ch=","`: the local's text (or, for a value that is only a number so far, its
/// canonical text) compared with the literal's bytes, both where they lie. M's `=` is
/// string equality: `x=1` is false when x is "01". `ONE_BYTE` (a one-byte literal)
/// compares a one-byte text as one byte.
fn truth_local_eq_lit<const ONE_BYTE: bool>(
    me: &mut Interp,
    e: &Expr,
    here: &Here,
) -> MResult<bool> {
    if let ExprKind::Binary {
        negated, lhs, rhs, ..
    } = &e.kind
        && let (ExprKind::Var(Glvn::Local(name, _)), ExprKind::Lit(b)) = (&lhs.kind, &rhs.kind)
        // SAFETY: only compared (`same_text` runs nothing that borrows a local).
        && let Some(a) = unsafe { me.local_unguarded(*name) }
    {
        let same = match ONE_BYTE {
            true => a.same_text_quick(b),
            false => a.same_text(b),
        };
        return Ok(same != *negated);
    }
    me.truth_of_value(e, here)
}

/// `x>5`, `i<n`: a local ordered against a literal, both read in place.
fn truth_local_order_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let (ExprKind::Var(Glvn::Local(name, _)), ExprKind::Lit(b)) = (&lhs.kind, &rhs.kind)
        // SAFETY: only compared (`compare_quick` runs nothing that borrows a local).
        && let Some(a) = unsafe { me.local_unguarded(*name) }
    {
        return Ok(compare_quick(*op, a, b) != *negated);
    }
    me.truth_of_value(e, here)
}

/// `x>y`, `a=b`: two locals compared in place.
fn truth_local_cmp_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let (ExprKind::Var(Glvn::Local(x, _)), ExprKind::Var(Glvn::Local(y, _))) =
            (&lhs.kind, &rhs.kind)
        // SAFETY: both only compared (`compare_quick` runs nothing that borrows a local);
        // x and y may be one slot, read twice.
        && let (Some(a), Some(b)) = unsafe { (me.local_unguarded(*x), me.local_unguarded(*y)) }
    {
        return Ok(compare_quick(*op, a, b) != *negated);
    }
    me.truth_of_value(e, here)
}

/// `$length(s)>40`: the left side evaluated, compared with the literal where it lies, no
/// value made for the result.
fn truth_cmp_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let ExprKind::Lit(b) = &rhs.kind
    {
        let a = me.eval(lhs, here)?;
        return Ok(compare_bool(*op, *negated, &a, b));
    }
    me.truth_of_value(e, here)
}

/// `IF q`: the truth of the local's number (cached, or read from its text) in place:
/// "1abc" is true; "0.0", "abc", " 1" and "" are false.
fn truth_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Var(Glvn::Local(name, _)) = &e.kind
        // SAFETY: only its truth read (`truth` runs nothing that borrows a local).
        && let Some(v) = unsafe { me.local_unguarded(*name) }
    {
        return Ok(v.truth());
    }
    me.truth_of_value(e, here)
}

/// `quit:'p`: `truth_local` negated.
fn truth_not_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Unary(_, x) = &e.kind
        && let ExprKind::Var(Glvn::Local(name, _)) = &x.kind
        && let Some(slot) = me.locals.slot(*name)
        && let Some(v) = &slot.borrow().value
    {
        return Ok(!v.truth());
    }
    me.truth_of_value(e, here)
}

/// `'$data(x)`, `'(a&b)`: the operand's truth, negated.
fn truth_not(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Unary(_, x) = &e.kind {
        return Ok(!me.truth_of(x, here)?);
    }
    me.truth_of_value(e, here)
}

/// `'$data(x(s))`: `truth_data` negated, without a handler call for each.
fn truth_not_data(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Unary(_, x) = &e.kind
        && let ExprKind::Func(_, args) = &x.kind
        && let [arg] = &args[..]
    {
        // An integer subscript known at hand (`'$data(col(c))`): here, with no call.
        if let Some(d) = super::local1::data_int_at_hand(me, arg) {
            return Ok(d == 0);
        }
        return truth_not_data_of(me, e, x, arg, here);
    }
    truth_not(me, e, here)
}

/// `truth_not_data` of any other subscript.
#[inline(never)]
fn truth_not_data_of(
    me: &mut Interp,
    e: &Expr,
    x: &Expr,
    arg: &Expr,
    here: &Here,
) -> MResult<bool> {
    if let Some(d) = super::local1::data_of(me, arg, here) {
        return d.map(|d| d == 0).map_err(|err| err.at(x.span.clone()));
    }
    truth_not(me, e, here)
}

/// `$data(x(s))`: a one-subscript local's $DATA without a value made.
fn truth_data(me: &mut Interp, e: &Expr, here: &Here) -> MResult<bool> {
    if let ExprKind::Func(_, args) = &e.kind
        && let [arg] = &args[..]
    {
        if let Some(d) = super::local1::data_int_at_hand(me, arg) {
            return Ok(d != 0);
        }
        if let Some(d) = super::local1::data_of(me, arg, here) {
            return d.map(|d| d != 0).map_err(|err| err.at(e.span.clone()));
        }
    }
    me.truth_of_value(e, here)
}

/// `compare_bool` without `negated`, `<`/`>` of two integers inline, the rest out of line.
#[inline(always)]
fn compare_quick(op: BinOp, a: &Value, b: &Value) -> bool {
    match op {
        BinOp::Eq => a.same_text(b),
        // Two integers (`i>n`, a FOR's variable against its bound) compare as they are.
        _ => match (a.cached_int(), b.cached_int()) {
            (Some(x), Some(y)) if op == BinOp::Lt => x < y,
            (Some(x), Some(y)) => x > y,
            _ => compare_order(op, a, b),
        },
    }
}

#[inline(never)]
fn compare_order(op: BinOp, a: &Value, b: &Value) -> bool {
    compare_bool(op, false, a, b)
}
