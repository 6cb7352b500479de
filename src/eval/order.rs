//! GT.M's order of evaluation where it is not plain left to right (probed under GT.M 7.0 with
//! its defaults, `gtm_boolean` and `gtm_side_effects` 0):
//!
//! - `&` and `!` stop at their left operand when it decides the result: `0&$$f()` does not
//!   call `f`, `0&undef` raises no UNDEF. The `$SELECT`s of the right operand are evaluated
//!   all the same (`0&$SELECT(0:1)` raises SELECTFALSE). GT.M evaluates them before the rest
//!   of that operand also when it is not skipped (`1&($$f+$SELECT(1:$$g))` calls `g` first);
//!   minim keeps plain order there.
//! - A local variable operand is read when the operation that uses it runs, after the
//!   operation's other operands: with `f` setting `x` to 2, `x+$$f()` adds the new `x`, and
//!   `x(j,$INCREMENT(j))` reads `x(2,2)`. This holds for the left operand of an arithmetic or
//!   relational operator (a subscripted one is looked up first, its value read late), for
//!   the subscripts of a reference read in an expression, and for the actual parameters of
//!   DO and extrinsics. It does not hold for concatenation, for the subscripts of a SET
//!   target written out, nor for intrinsic functions' numeric arguments (read in order).
//!
//! Only expressions whose operands may change a local (`Expr::changes_locals`) take these
//! paths; the order is the same for all others.

use super::expr::binary;
use super::var::{LocalKeys, VarRef};
use super::{Here, Interp};
use crate::error::{MResult, Span};
use crate::locals::Key;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Func, Glvn};
use crate::value::Value;

/// `a&b`, `a!b`: `b` only when `a` does not decide the result.
pub(super) fn eval_boolean(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
    else {
        return super::expr::eval_binary(me, e, here);
    };
    let in_place = me.value_ref(lhs).map(|v| v.truth());
    let left = match in_place {
        Some(t) => t,
        None => me.eval(lhs, here)?.truth(),
    };
    let decided = match op {
        BinOp::And => !left,
        _ => left,
    };
    let result = if decided {
        // GT.M still names the skipped operand's globals (`$REFERENCE`): see skipref.rs.
        me.name_skipped(rhs, here)?;
        left
    } else {
        me.eval(rhs, here)?.truth()
    };
    Ok(Value::from_bool(result != *negated))
}

/// `x+$$f()`, `x(1)<$$f()`: the right operand first, then the local's value.
pub(super) fn eval_late_lhs(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Binary {
        op,
        negated,
        lhs,
        rhs,
    } = &e.kind
    else {
        return super::expr::eval_binary(me, e, here);
    };
    let (a, b) = match &lhs.kind {
        ExprKind::Var(Glvn::Local(name, subs)) if !subs.is_empty() => {
            let keys = me.local_keys(subs, here)?;
            let b = me.eval(rhs, here)?;
            let a = me
                .fetch_keys(*name, &keys)
                .map_err(|err| err.at(lhs.span.clone()))?;
            (a, b)
        }
        _ => {
            let b = me.eval(rhs, here)?;
            (me.eval(lhs, here)?, b)
        }
    };
    binary(*op, *negated, &a, &b).map_err(|err| err.at(e.span.clone()))
}

/// Whether `e` is a binary operator whose left operand GT.M reads after its right one.
pub(super) fn reads_lhs_late(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary { op, lhs, rhs, .. } => {
            !matches!(op, BinOp::Concat | BinOp::And | BinOp::Or)
                && rhs.changes_locals
                && matches!(lhs.kind, ExprKind::Var(Glvn::Local(..)))
        }
        _ => false,
    }
}

/// Whether some subscript may change a local another one (a plain local) names.
#[inline]
pub(super) fn subscripts_read_late(subs: &[Expr]) -> bool {
    subs.len() > 1 && subs.iter().any(|s| s.changes_locals) && subs.iter().any(Expr::is_plain_local)
}

/// Whether resolving `g` may change a local.
pub(super) fn glvn_changes_locals(g: &Glvn) -> bool {
    let any = |es: &[Expr]| es.iter().any(|e| e.changes_locals);
    match g {
        Glvn::Local(_, subs) | Glvn::Global(_, subs) | Glvn::Naked(subs) => any(subs),
        Glvn::Indirect(..) => true,
        Glvn::Extended(x) => any(&x.env) || any(&x.subs),
    }
}

impl Interp {
    /// Subscripts with the plain locals among them read last (see the module note).
    pub(super) fn keys_locals_last(
        &mut self,
        subs: &[Expr],
        here: &Here,
        undef_after: impl FnOnce(&Self, &[Key]),
    ) -> MResult<LocalKeys> {
        let mut keys: Vec<Option<Key>> = Vec::with_capacity(subs.len());
        for s in subs {
            keys.push(match s.is_plain_local() {
                true => None,
                false => Some(Key::from_value(&self.eval(s, here)?)),
            });
        }
        for (i, s) in subs.iter().enumerate() {
            if keys[i].is_none() {
                match self.eval(s, here) {
                    Ok(v) => keys[i] = Some(Key::from_value(&v)),
                    Err(e) => {
                        // The keys before this plain local are all made by now.
                        if e.kind == crate::error::kind::UNDEF {
                            let before: Vec<Key> = keys[..i].iter().flatten().cloned().collect();
                            undef_after(self, &before);
                        }
                        return Err(e);
                    }
                }
            }
        }
        Ok(keys.into_iter().flatten().collect())
    }

    /// The keys of subscripts read in order, as GT.M reads a SET target's.
    pub(super) fn keys_in_order(&mut self, subs: &[Expr], here: &Here) -> MResult<LocalKeys> {
        super::var::subscript_count(subs.len())?;
        let mut keys = LocalKeys::with_capacity(subs.len());
        for s in subs {
            keys.push(self.key_of(s, here)?);
        }
        Ok(keys)
    }

    /// A SET target written out (`SET y(j,$INCREMENT(j))=...` sets `y(1,2)`): its
    /// subscripts in order; any other reference as `var_ref` resolves it.
    pub(super) fn target_ref(&mut self, g: &Glvn, span: &Span, here: &Here) -> MResult<VarRef> {
        let (name, subs, global) = match g {
            Glvn::Local(name, subs) if subscripts_read_late(subs) => (*name, subs, false),
            Glvn::Global(name, subs) if subscripts_read_late(subs) => {
                (super::global::stored_name(*name), subs, true)
            }
            _ => {
                let mut r = self.var_ref(g, here)?;
                r.span = span.clone();
                return Ok(r);
            }
        };
        Ok(VarRef {
            name,
            keys: self.keys_in_order(subs, here)?,
            span: span.clone(),
            global,
        })
    }

    /// `@x@(subs)` whose added subscripts may change a local: those first, then the name
    /// `x` gives (GT.M: `@"x(j)"@($INCREMENT(j))` names `x(2,2)`).
    pub(super) fn indirect_extra_first(
        &mut self,
        g: &Glvn,
        extra: &[Expr],
        here: &Here,
    ) -> MResult<VarRef> {
        let added = self.keys(extra, here)?;
        let mut r = self.indirectly(|me| me.var_ref(g, here))?;
        r.keys.extend(added);
        super::var::subscript_count(r.keys.len())?;
        Ok(r)
    }

    /// `$GET(ref,default)`, `$ORDER(ref,direction)`: GT.M evaluates the second argument
    /// after naming the reference, a `$GET` default after reading the node and even when
    /// it exists (a default that kills the node does not change the answer). A global
    /// reference is the naked indicator's base meanwhile, and the naked indicator stays as
    /// the second argument leaves it (probed: `$ORDER(^a(1),^(3))` takes `^a(3)` for its
    /// direction, `$REFERENCE` is `^a(3)` after).
    pub(super) fn with_second_arg(
        &mut self,
        f: Func,
        r: &VarRef,
        second: &Expr,
        here: &Here,
    ) -> MResult<Value> {
        if f == Func::Get {
            let found = self.lookup(r)?;
            let default = self.eval(second, here)?;
            return Ok(found.unwrap_or(default));
        }
        if r.global {
            self.note_global(r);
        }
        let forward = super::func::order_direction(&self.eval(second, here)?)?;
        let naked = r.global.then(|| self.naked.borrow().clone());
        let result = match r.global {
            true => self.gv_order(r, forward),
            false => Ok(self.order(r.name, &r.keys, forward)),
        };
        if let Some(naked) = naked {
            *self.naked.borrow_mut() = naked;
        }
        result
    }

    /// A fresh slot holding the value of `e`, for an actual parameter.
    fn value_slot(&mut self, e: &Expr, here: &Here) -> MResult<crate::locals::Slot> {
        let v = self.eval(e, here)?;
        let slot = self.fresh_slot();
        slot.borrow_mut().value = Some(v);
        Ok(slot)
    }

    /// Actual parameters with the plain locals passed by value evaluated last.
    pub(super) fn bind_actuals_locals_last(
        &mut self,
        actuals: &[crate::syntax::ast::Actual],
        here: &Here,
    ) -> MResult<()> {
        use crate::syntax::ast::Actual;
        let base = self.actuals.len();
        for a in actuals {
            let slot = match a {
                Actual::Value(e) if !e.is_plain_local() => Some(self.value_slot(e, here)?),
                Actual::ByRef(name, _) => Some(self.locals.slot_mut(*name).clone()),
                _ => None,
            };
            self.actuals.push(slot);
        }
        for (i, a) in actuals.iter().enumerate() {
            if let Actual::Value(e) = a
                && e.is_plain_local()
            {
                self.actuals[base + i] = Some(self.value_slot(e, here)?);
            }
        }
        Ok(())
    }
}

/// Whether actual parameters need `bind_actuals_locals_last`.
#[inline]
pub(super) fn actuals_read_late(actuals: &[crate::syntax::ast::Actual]) -> bool {
    use crate::syntax::ast::Actual;
    let value = |a: &Actual, f: fn(&Expr) -> bool| matches!(a, Actual::Value(e) if f(e));
    actuals.len() > 1
        && actuals.iter().any(|a| value(a, |e| e.changes_locals))
        && actuals.iter().any(|a| value(a, Expr::is_plain_local))
}
