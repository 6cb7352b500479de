//! SET of an unsubscripted local, the everyday SET: the value's shape is looked at once, on
//! the first run, and the handler chosen for it is kept in the argument (`SetForm`), so a
//! later run goes straight to it (`SET s=s_c` to the append in place, `SET c=$E(s,i)` to the
//! byte written in, `SET x=1` to the literal copied in).

use super::{Here, Interp};
use crate::error::MResult;
use crate::intern::Sym;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Glvn, SetFn, SetForm};
use crate::value::Value;

impl Interp {
    /// `SET name=value` by the handler chosen for the value's shape.
    #[inline(always)]
    pub(super) fn set_local(
        &mut self,
        name: Sym,
        value: &Expr,
        form: &SetForm,
        here: &Here,
    ) -> MResult<()> {
        let f = match form.0.get() {
            Some(f) => f,
            None => {
                let f = set_form_of(name, value);
                form.0.set(Some(f));
                f
            }
        };
        f(self, name, value, here)
    }
}

/// The handler for `SET name=value`. Each one falls back to `set_evaluated` when its quick
/// way does not apply at run time (an undefined local, a result past MAXSTRLEN), so the
/// error and the order of evaluation are the ordinary ones.
fn set_form_of(name: Sym, value: &Expr) -> SetFn {
    match &value.kind {
        ExprKind::Lit(_) => set_literal,
        ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            lhs,
            ..
        } if is_local_named(lhs, name) => set_append_one,
        ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            ..
        } => set_concat,
        ExprKind::Binary {
            op: BinOp::Add,
            negated: false,
            lhs,
            ..
        } if is_local_named(lhs, name) => set_sum,
        _ if super::strfn::is_extract_byte_locals(value) => set_extract_byte,
        _ => set_evaluated,
    }
}

fn is_local_named(e: &Expr, name: Sym) -> bool {
    matches!(&e.kind, ExprKind::Var(Glvn::Local(n, subs)) if *n == name && subs.is_empty())
}

/// Any value: evaluated, then moved in.
fn set_evaluated(me: &mut Interp, name: Sym, value: &Expr, here: &Here) -> MResult<()> {
    let v = me.eval(value, here)?;
    me.store_local(name, v);
    Ok(())
}

fn set_literal(me: &mut Interp, name: Sym, value: &Expr, here: &Here) -> MResult<()> {
    let ExprKind::Lit(v) = &value.kind else {
        return set_evaluated(me, name, value, here);
    };
    me.store_local(name, v.clone());
    Ok(())
}

/// `SET s=s_x`: x appended where s lies.
fn set_append_one(me: &mut Interp, name: Sym, value: &Expr, here: &Here) -> MResult<()> {
    if let ExprKind::Binary { rhs, .. } = &value.kind
        && me.set_append_one(name, rhs)
    {
        return Ok(());
    }
    set_evaluated(me, name, value, here)
}

/// `SET t=a_b_...`: the chain built in t's buffer (`set_concat`).
fn set_concat(me: &mut Interp, name: Sym, value: &Expr, here: &Here) -> MResult<()> {
    if me.set_concat(name, value) {
        return Ok(());
    }
    set_evaluated(me, name, value, here)
}

/// `SET n=n+x`: the sum stored where n lies.
fn set_sum(me: &mut Interp, name: Sym, value: &Expr, here: &Here) -> MResult<()> {
    if let ExprKind::Binary { rhs, .. } = &value.kind
        && me.set_sum(name, rhs)
    {
        return Ok(());
    }
    set_evaluated(me, name, value, here)
}

/// `SET c=$EXTRACT(s,i)`, s and i bare locals: the byte read and stored, no result passed
/// back through the expression evaluator.
fn set_extract_byte(me: &mut Interp, name: Sym, value: &Expr, here: &Here) -> MResult<()> {
    let Some(c) = super::strfn::extract_byte_at_hand(me, value) else {
        return set_evaluated(me, name, value, here);
    };
    let v = match c {
        Some(c) => Value::from_byte(c),
        None => Value::empty(),
    };
    me.store_local(name, v);
    Ok(())
}
