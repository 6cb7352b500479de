//! The truth of a condition (IF's argument, a postcondition) read where it lies when its
//! shape allows: no value made to be tested.

use super::expr::{
    compare_bool, eval_cmp_lit, eval_local, eval_local_cmp_lit, eval_local_op_local, eval_not,
};
use super::{Here, Interp};
use crate::error::MResult;
use crate::syntax::ast::{BinOp, EvalFn, Expr, ExprKind, Func, Glvn, UnOp};
use crate::value::Value;

impl Interp {
    /// The truth of a postcondition: by `truth_of` for the shapes it reads in place (a
    /// local compared with something, a local, a negated local), by the value otherwise
    /// (the expression's own handler, no call more).
    #[inline(always)]
    pub(super) fn cond_holds(&mut self, c: &Expr, here: &Here) -> MResult<bool> {
        match c.form.0.get() {
            Some(f) if reads_in_place(f) => self.truth_of(c, here),
            Some(f) if std::ptr::fn_addr_eq(f, eval_cmp_lit as EvalFn) => {
                self.truth_of_cmp_lit(c, here)
            }
            _ => Ok(self.eval(c, here)?.truth()),
        }
    }

    /// `eval_cmp_lit`'s truth (`set:$length(s)>40`): the left side evaluated, compared with
    /// the literal where it lies, no value made for the result.
    #[inline(never)]
    fn truth_of_cmp_lit(&mut self, e: &Expr, here: &Here) -> MResult<bool> {
        if let ExprKind::Binary {
            op,
            negated,
            lhs,
            rhs,
        } = &e.kind
            && let ExprKind::Lit(b) = &rhs.kind
        {
            let a = self.eval(lhs, here)?;
            return Ok(compare_bool(*op, *negated, &a, b));
        }
        self.truth_of_value(e, here)
    }

    /// The truth of an IF argument. A plain local, or a local compared with a literal or a
    /// local, is read where it lies: no value is made to be tested. Out of line, so that
    /// the command loop, inlined in two places, stays small; one match on the node, and
    /// every other shape out of line again, so that these save and restore little.
    #[inline(never)]
    pub(super) fn truth_of(&mut self, e: &Expr, here: &Here) -> MResult<bool> {
        match &e.kind {
            // `ch=","` (the usual test of a character), `x>y`.
            ExprKind::Binary {
                op: op @ (BinOp::Eq | BinOp::Lt | BinOp::Gt),
                negated,
                lhs,
                rhs,
            } => {
                if let ExprKind::Var(Glvn::Local(name, subs)) = &lhs.kind
                    && subs.is_empty()
                    && let Some(slot) = self.locals.slot(*name)
                    && let Some(a) = &slot.borrow().value
                {
                    match &rhs.kind {
                        ExprKind::Lit(b) => return Ok(compare_quick(*op, a, b) != *negated),
                        ExprKind::Var(Glvn::Local(y, ys)) if ys.is_empty() => {
                            if let Some(sy) = self.locals.slot(*y)
                                && let Some(b) = &sy.borrow().value
                            {
                                return Ok(compare_quick(*op, a, b) != *negated);
                            }
                        }
                        _ => {}
                    }
                }
            }
            // `IF q`: a flag.
            ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => {
                if let Some(slot) = self.locals.slot(*name)
                    && let Some(v) = &slot.borrow().value
                {
                    return Ok(v.truth());
                }
            }
            // `quit:'p`: a flag negated; `'$data(x)`: the truth of the operand, negated (no
            // value made for either).
            ExprKind::Unary(UnOp::Not, x) => {
                if let ExprKind::Var(Glvn::Local(name, subs)) = &x.kind
                    && subs.is_empty()
                    && let Some(slot) = self.locals.slot(*name)
                    && let Some(v) = &slot.borrow().value
                {
                    return Ok(!v.truth());
                }
                return Ok(!self.truth_of(x, here)?);
            }
            ExprKind::Func(Func::Data, args) if args.len() == 1 => {
                return self.truth_of_data(e, &args[0], here);
            }
            _ => {}
        }
        self.truth_of_value(e, here)
    }

    /// `'$data(x(s))`: a one-subscript local's $DATA without a value made. Out of line, so
    /// that `truth_of` itself saves and restores little.
    #[inline(never)]
    fn truth_of_data(&mut self, e: &Expr, arg: &Expr, here: &Here) -> MResult<bool> {
        if let Some(d) = super::local1::data_of(self, arg, here) {
            return d.map(|d| d != 0).map_err(|err| err.at(e.span.clone()));
        }
        self.truth_of_value(e, here)
    }

    /// `truth_of` by the value of `e` (any other shape, or an undefined local, whose error
    /// the ordinary evaluation raises).
    #[inline(never)]
    fn truth_of_value(&mut self, e: &Expr, here: &Here) -> MResult<bool> {
        Ok(self.eval(e, here)?.truth())
    }
}

/// Whether `truth_of` reads an expression with handler `f` in place (see `cond_holds`):
/// told by the handler chosen for it (one load and a few compares, where a match on the
/// node costs more). A guess only: `truth_of` gives the right answer for any expression.
#[inline(always)]
fn reads_in_place(f: EvalFn) -> bool {
    let is = |g: EvalFn| std::ptr::fn_addr_eq(f, g);
    is(eval_local_cmp_lit) || is(eval_local_op_local) || is(eval_not) || is(eval_local)
}

/// `compare_bool` without `negated`, `=` inline and `<`/`>` out of line (see `truth_of`).
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
