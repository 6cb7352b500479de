//! Expressions: operators (strictly left to right), pattern match, variables, extrinsics.

use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::Key;
use crate::number::NumError;
use crate::syntax::ast::{BinOp, EvalFn, Expr, ExprKind, Func, Glvn, PatternRef, UnOp};
use crate::value::Value;

pub(super) fn num_error(e: NumError) -> MError {
    MError::new(match e {
        NumError::DivZero => kind::DIVZERO,
        NumError::Overflow => kind::NUMOFLOW,
        NumError::NegFracPwr => kind::NEGFRACPWR,
    })
}

/// The value of a literal or of a defined local, where it lies.
pub(super) enum ValueRef<'a> {
    Lit(&'a Value),
    Local(std::cell::Ref<'a, Value>),
}

impl std::ops::Deref for ValueRef<'_> {
    type Target = Value;
    #[inline(always)]
    fn deref(&self) -> &Value {
        match self {
            ValueRef::Lit(v) => v,
            ValueRef::Local(v) => v,
        }
    }
}

impl Interp {
    /// The value of `e` where it lies when it is a literal or a defined unsubscripted local
    /// (reading it has no effect). Hold it only while nothing else runs: evaluating
    /// anything may change the local.
    #[inline(always)]
    pub(super) fn value_ref<'a>(&'a self, e: &'a Expr) -> Option<ValueRef<'a>> {
        match &e.kind {
            ExprKind::Lit(v) => Some(ValueRef::Lit(v)),
            ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => {
                let node = self.locals.slot(*name)?.borrow();
                std::cell::Ref::filter_map(node, |n| n.value.as_ref())
                    .ok()
                    .map(ValueRef::Local)
            }
            _ => None,
        }
    }

    /// The value of a defined unsubscripted local, read without its slot's borrow being
    /// counted (no flag written and restored): for a test or a copy of a byte, hot and
    /// short.
    ///
    /// # Safety
    /// Nothing may borrow the slot mutably while the reference is held: the caller only
    /// reads the value (its own caches aside) and runs nothing else meanwhile.
    #[inline(always)]
    pub(super) unsafe fn local_unguarded(&self, name: Sym) -> Option<&Value> {
        let slot = self.locals.slot(name)?;
        // SAFETY: the caller's contract; a slot borrowed mutably now is refused.
        unsafe { slot.try_borrow_unguarded() }.ok()?.value.as_ref()
    }

    /// Evaluates an expression by the handler chosen for its node on first use (`form_of`).
    #[inline]
    pub(super) fn eval(&mut self, e: &Expr, here: &Here) -> MResult<Value> {
        let f = match e.form.0.get() {
            Some(f) => f,
            None => {
                let f = form_of(e);
                e.form.0.set(Some(f));
                f
            }
        };
        f(self, e, here)
    }

    /// Any expression, by walking its node: the handler of the shapes `form_of` has no
    /// narrower one for.
    pub(super) fn eval_tree(&mut self, e: &Expr, here: &Here) -> MResult<Value> {
        match &e.kind {
            ExprKind::Lit(v) => Ok(v.clone()),
            ExprKind::Binary {
                op: BinOp::Concat,
                negated: false,
                ..
            } => self.eval_concat(e, here),
            ExprKind::Var(g) => self.eval_var(g, here).map_err(|err| err.at(e.span.clone())),
            ExprKind::Binary {
                op,
                negated,
                lhs,
                rhs,
            } => {
                let a = self.eval(lhs, here)?;
                let b = self.eval(rhs, here)?;
                binary(*op, *negated, &a, &b).map_err(|err| err.at(e.span.clone()))
            }
            ExprKind::Unary(op, x) => {
                let v = self.eval(x, here)?;
                let num = || v.num_checked().map_err(|n| num_error(n).at(e.span.clone()));
                Ok(match op {
                    UnOp::Plus => Value::from_num(num()?),
                    UnOp::Minus => Value::from_num(num()?.neg()),
                    UnOp::Not => Value::from_bool(!v.truth()),
                })
            }
            ExprKind::Match {
                negated,
                lhs,
                pattern,
            } => {
                let v = self.eval(lhs, here)?;
                let m = match pattern {
                    PatternRef::Lit(p) => p.matches(v.bytes()),
                    PatternRef::Indirect(pe) => self.indirect_pattern(pe, here)?.matches(v.bytes()),
                };
                Ok(Value::from_bool(m != *negated))
            }
            ExprKind::Func(f, args) => self
                .eval_func(*f, args, here)
                .map_err(|err| err.at(e.span.clone())),
            ExprKind::Select(pairs) => {
                for (cond, value) in pairs {
                    if self.eval(cond, here)?.truth() {
                        return self.eval(value, here);
                    }
                }
                Err(MError::new(kind::SELECTFALSE).at(e.span.clone()))
            }
            ExprKind::Text(target) => self
                .text_of(target, here)
                .map_err(|err| err.at(e.span.clone())),
            ExprKind::Svn(s) => self.get_svn(*s, here).map_err(|err| err.at(e.span.clone())),
            ExprKind::Extrinsic(..) => super::frame::eval_extrinsic(self, e, here),
        }
    }

    fn eval_var(&mut self, g: &Glvn, here: &Here) -> MResult<Value> {
        // Fast path: an unsubscripted local needs no key vector.
        if let Glvn::Local(name, subs) = g
            && subs.is_empty()
        {
            if let Some(slot) = self.locals.slot(*name)
                && let Some(v) = &slot.borrow().value
            {
                return Ok(v.clone());
            }
            if self.noundef {
                return Ok(Value::empty());
            }
            return Err(MError::with_args(kind::UNDEF, &[name.as_str()]));
        }
        // Subscripted local: keys on the stack, no `VarRef`.
        if let Glvn::Local(name, subs) = g {
            let keys = self.local_keys(subs, here)?;
            return self.fetch_keys(*name, &keys);
        }
        // `@x` naming a plain local that has a value: read in place.
        if let Glvn::Indirect(e, extra) = g {
            let text = self.eval(e, here)?;
            let g2 = self.indirect_name(&text)?;
            if extra.is_empty()
                && let Some(name) = self.indirect_plain_local(&g2)
                && let Some(slot) = self.locals.slot(name)
                && let Some(v) = &slot.borrow().value
            {
                return Ok(v.clone());
            }
            let r = self.indirect_ref(&g2, extra, here)?;
            return self.fetch(&r);
        }
        let r = self.var_ref(g, here)?;
        self.fetch(&r)
    }
}

/// The handler for an expression node, chosen once by its shape: the common shapes get a
/// small function of their own (a literal, an unsubscripted local, an operator on those),
/// the others the tree walk.
fn form_of(e: &Expr) -> EvalFn {
    let local = |x: &Expr| matches!(&x.kind, ExprKind::Var(Glvn::Local(_, s)) if s.is_empty());
    match &e.kind {
        ExprKind::Lit(_) => eval_lit,
        ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty() => eval_local,
        ExprKind::Extrinsic(..) => super::frame::eval_extrinsic,
        ExprKind::Var(_) => super::local1::read_form(e).unwrap_or(Interp::eval_tree),
        ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            ..
        } => super::concat::concat_form(e),
        ExprKind::Binary {
            op: BinOp::And | BinOp::Or,
            rhs,
            ..
        } if !matches!(rhs.kind, ExprKind::Lit(_)) => super::order::eval_boolean,
        _ if super::order::reads_lhs_late(e) => super::order::eval_late_lhs,
        ExprKind::Binary {
            op: BinOp::Eq | BinOp::Lt | BinOp::Gt,
            lhs,
            rhs,
            ..
        } if local(lhs) && matches!(rhs.kind, ExprKind::Lit(_)) => eval_local_cmp_lit,
        ExprKind::Binary {
            op: BinOp::Eq | BinOp::Lt | BinOp::Gt,
            rhs,
            ..
        } if matches!(rhs.kind, ExprKind::Lit(_)) => eval_cmp_lit,
        ExprKind::Binary { lhs, rhs, .. } if local(lhs) && matches!(rhs.kind, ExprKind::Lit(_)) => {
            eval_local_op_lit
        }
        ExprKind::Binary { lhs, rhs, .. } if local(lhs) && local(rhs) => eval_local_op_local,
        ExprKind::Binary { .. } if super::strfn::is_int_sum(e) => super::strfn::int_sum_form(e),
        ExprKind::Binary { rhs, .. } if matches!(rhs.kind, ExprKind::Lit(_)) => eval_op_lit,
        ExprKind::Binary { .. } => eval_binary,
        ExprKind::Unary(UnOp::Not, _) => eval_not,
        ExprKind::Match { .. } => super::patindirect::eval_match,
        ExprKind::Func(f, args) => super::local1::func_form(*f, args)
            .or_else(|| super::strfn::handler(*f, args))
            .unwrap_or(Interp::eval_tree),
        _ => Interp::eval_tree,
    }
}

fn eval_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match &e.kind {
        ExprKind::Lit(v) => Ok(v.clone()),
        _ => me.eval_tree(e, here),
    }
}

pub(super) fn eval_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let ExprKind::Var(Glvn::Local(name, _)) = &e.kind
        && let Some(slot) = me.locals.slot(*name)
        && let Some(v) = &slot.borrow().value
    {
        return Ok(v.clone());
    }
    me.eval_tree(e, here)
}

pub(super) fn eval_binary(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
    else {
        return me.eval_tree(e, here);
    };
    let a = match me.eval(lhs, here) {
        Ok(a) => a,
        Err(err) => return Err(gtm_first_error(me, *op, lhs, rhs, err, here)),
    };
    let b = me.eval(rhs, here)?;
    binary(*op, *negated, &a, &b).map_err(|err| err.at(e.span.clone()))
}

/// The error GT.M raises first when the left operand, a plain local, is undefined. GT.M
/// reads such a local when the operator runs, after computing the right operand, so an
/// error there comes first: `a+$L(b)`, `a=-b`, `a+b(c)`, `a+$D(^b(c))` name `b` or `c`.
/// A right operand GT.M does not compute before (a literal, a plain local, `$D`/`$G`/`$O`/
/// `$Q` of a subscripted local), concatenation, `&` and `!` leave the left error first.
/// Reading a local has no effect, so computing the right operand now is GT.M's order.
#[cold]
#[inline(never)]
fn gtm_first_error(
    me: &mut Interp,
    op: BinOp,
    lhs: &Expr,
    rhs: &Expr,
    err: MError,
    here: &Here,
) -> MError {
    let plain_local = matches!(&lhs.kind, ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty());
    let read_late = match &rhs.kind {
        ExprKind::Lit(_) | ExprKind::Svn(_) => true,
        ExprKind::Var(Glvn::Local(_, subs)) => subs.is_empty(),
        ExprKind::Func(Func::Data | Func::Get | Func::Order | Func::Query, args) => {
            matches!(
                args.as_slice(),
                [Expr {
                    kind: ExprKind::Var(Glvn::Local(..)),
                    ..
                }]
            )
        }
        _ => false,
    };
    if !plain_local || read_late || matches!(op, BinOp::Concat | BinOp::And | BinOp::Or) {
        return err;
    }
    match me.eval(rhs, here) {
        Err(first) => first,
        Ok(_) => err,
    }
}

/// `x+1`, `x>5`...: the local read in place, no copy of its value.
fn eval_local_op_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let (ExprKind::Var(Glvn::Local(name, _)), ExprKind::Lit(b)) = (&lhs.kind, &rhs.kind)
        && let Some(slot) = me.locals.slot(*name)
        && let Some(a) = &slot.borrow().value
    {
        return binary(*op, *negated, a, b).map_err(|err| err.at(e.span.clone()));
    }
    // An undefined local: UNDEF (or "" under NOUNDEF) as the tree walk gives it.
    eval_binary(me, e, here)
}

/// `=`, `<` or `>` (`op` is one of them), `negated` for `'=`, `'<`, `'>`.
#[inline(always)]
fn compare(op: BinOp, negated: bool, a: &Value, b: &Value) -> Value {
    Value::from_bool(compare_bool(op, negated, a, b))
}

/// `compare`'s truth.
#[inline(always)]
pub(super) fn compare_bool(op: BinOp, negated: bool, a: &Value, b: &Value) -> bool {
    let t = match op {
        BinOp::Eq => a.same_text(b),
        BinOp::Lt => a.num().cmp(&b.num()).is_lt(),
        _ => a.num().cmp(&b.num()).is_gt(),
    };
    t != negated
}

/// `k=""`, `x>5`...: a comparison of a local with a literal, both read in place.
pub(super) fn eval_local_cmp_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let (ExprKind::Var(Glvn::Local(name, _)), ExprKind::Lit(b)) = (&lhs.kind, &rhs.kind)
        && let Some(slot) = me.locals.slot(*name)
        && let Some(a) = &slot.borrow().value
    {
        return Ok(compare(*op, *negated, a, b));
    }
    // An undefined local: UNDEF (or "" under NOUNDEF) as the tree walk gives it.
    eval_binary(me, e, here)
}

/// `$l(s)>40`, `a(i)=1`...: a comparison with a literal.
pub(super) fn eval_cmp_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let ExprKind::Lit(b) = &rhs.kind
    {
        let a = me.eval(lhs, here)?;
        return Ok(compare(*op, *negated, &a, b));
    }
    eval_binary(me, e, here)
}

/// `f(x)>40`, `a(i)+1`...: the literal used where it lies (no copy of it).
fn eval_op_lit(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
    else {
        return me.eval_tree(e, here);
    };
    let a = me.eval(lhs, here)?;
    let ExprKind::Lit(b) = &rhs.kind else {
        return me.eval_tree(e, here);
    };
    binary(*op, *negated, &a, b).map_err(|err| err.at(e.span.clone()))
}

/// `'x`: the truth of x, negated.
pub(super) fn eval_not(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Unary(UnOp::Not, x) = &e.kind else {
        return me.eval_tree(e, here);
    };
    // `'p` of a defined local: its truth read where it lies, no copy made.
    if let ExprKind::Var(Glvn::Local(name, subs)) = &x.kind
        && subs.is_empty()
        && let Some(slot) = me.locals.slot(*name)
        && let Some(v) = &slot.borrow().value
    {
        return Ok(Value::from_bool(!v.truth()));
    }
    Ok(Value::from_bool(!me.eval(x, here)?.truth()))
}

/// `x+y`, `x<y`...: both locals read in place.
pub(super) fn eval_local_op_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
        && let (ExprKind::Var(Glvn::Local(x, _)), ExprKind::Var(Glvn::Local(y, _))) =
            (&lhs.kind, &rhs.kind)
        && let (Some(sx), Some(sy)) = (me.locals.slot(*x), me.locals.slot(*y))
        && let (Some(a), Some(b)) = (&sx.borrow().value, &sy.borrow().value)
    {
        return binary(*op, *negated, a, b).map_err(|err| err.at(e.span.clone()));
    }
    eval_binary(me, e, here)
}

/// `a+b` or `a-b` of two integers already known (below 10^18 each, so the sum cannot
/// overflow), without the general arithmetic.
#[inline(always)]
pub(super) fn int_add_sub(op: BinOp, a: &Value, b: &Value) -> Option<i64> {
    let (x, y) = (a.cached_int()?, b.cached_int()?);
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        _ => None,
    }
}

/// `a*b`, `a\b` or `a#b` of two integers already known, when the result is exact as a
/// machine integer as in `Number`'s own fast paths; `None` leaves the rest,
/// and the errors, to the general arithmetic. M's `\` truncates toward zero; `#` takes the
/// sign of the divisor.
#[inline]
fn int_mul_div(op: BinOp, a: &Value, b: &Value) -> Option<i64> {
    const LIMIT: i64 = 1_000_000_000_000_000_000;
    const SMALL: i64 = 1_000_000_000;
    let (x, y) = (a.cached_int()?, b.cached_int()?);
    match op {
        BinOp::Mul => x.checked_mul(y).filter(|p| p.abs() < LIMIT),
        BinOp::IntDiv if y != 0 => Some(x / y),
        // Only where `Number::modulo` is exact too: GT.M's `#` of larger numbers goes
        // through a division that rounds (`999999999999999999#-2` is 1).
        BinOp::Mod if y != 0 && x.abs() < SMALL && y.abs() < SMALL => {
            let r = x % y;
            Some(if r != 0 && (r < 0) != (y < 0) {
                r + y
            } else {
                r
            })
        }
        _ => None,
    }
}

/// A binary operator on two values; `negated` applies `'` to the result. Integer
/// arithmetic is done here; the rest out of line, so that this stays a short function
/// (the general one saves many registers on every call).
#[inline]
pub(super) fn binary(op: BinOp, negated: bool, a: &Value, b: &Value) -> MResult<Value> {
    if let Some(n) = int_add_sub(op, a, b) {
        return Ok(Value::from_i64(n));
    }
    if let Some(n) = int_mul_div(op, a, b) {
        return Ok(Value::from_i64(n));
    }
    binary_general(op, negated, a, b)
}

#[inline(never)]
fn binary_general(op: BinOp, negated: bool, a: &Value, b: &Value) -> MResult<Value> {
    let v = match op {
        BinOp::Concat => {
            let (x, y) = (a.bytes(), b.bytes());
            if y.is_empty() {
                return Ok(a.clone());
            }
            if x.is_empty() {
                return Ok(b.clone());
            }
            if x.len() + y.len() > super::func::MAX_STRLEN {
                return Err(MError::new(kind::MAXSTRLEN));
            }
            return Ok(Value::concat(x, y));
        }
        BinOp::Add
        | BinOp::Sub
        | BinOp::Mul
        | BinOp::Div
        | BinOp::IntDiv
        | BinOp::Mod
        | BinOp::Pow => return op.arith(a, b).map(Value::from_num).map_err(num_error),
        BinOp::Eq => a.same_text(b),
        BinOp::Lt => a.num().cmp(&b.num()).is_lt(),
        BinOp::Gt => a.num().cmp(&b.num()).is_gt(),
        BinOp::Contains => contains(a.bytes(), b.bytes()),
        BinOp::Follows => a.bytes() > b.bytes(),
        BinOp::SortsAfter => Key::from_value(a).sorts_after(&Key::from_value(b)),
        BinOp::And => a.truth() && b.truth(),
        BinOp::Or => a.truth() || b.truth(),
    };
    Ok(Value::from_bool(v != negated))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || super::func::search(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(op: BinOp, x: &str, y: &str) -> String {
        binary(op, false, &Value::from(x), &Value::from(y))
            .unwrap()
            .to_text()
    }

    #[test]
    fn operators() {
        assert_eq!(b(BinOp::Add, "3abc", "1"), "4");
        assert_eq!(b(BinOp::Eq, "10", "10.0"), "0");
        assert_eq!(b(BinOp::Lt, "1", "2abc"), "1");
        assert_eq!(b(BinOp::SortsAfter, "a", "10"), "1");
        assert_eq!(b(BinOp::SortsAfter, "-1", "-.5"), "0");
        assert_eq!(b(BinOp::Contains, "abc", ""), "1");
        assert_eq!(b(BinOp::Concat, "a", "1"), "a1");
        assert!(binary(BinOp::Div, false, &Value::from("1"), &Value::from("0")).is_err());
    }
}
