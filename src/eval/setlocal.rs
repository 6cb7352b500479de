//! SET of an unsubscripted local, the everyday SET: the value's shape is sorted once, on the
//! first run, and kept in the argument (`SetForm`), so a later run goes straight to its way
//! of storing (`SET s=s_c` to the append in place, `SET c=$E(s,i)` to the byte written in,
//! `SET x=1` to the literal copied in, anything else evaluated and moved in).

use super::{Here, Interp};
use crate::error::MResult;
use crate::intern::Sym;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Glvn, SetForm, SetShape};
use crate::value::Value;

impl Interp {
    /// `SET name=value` by the value's shape. Each quick way falls back to the ordinary
    /// evaluation when it does not apply at run time (an undefined local, a result past
    /// MAXSTRLEN), so the error and the order of evaluation are the ordinary ones.
    #[inline(always)]
    pub(super) fn set_local(
        &mut self,
        name: Sym,
        value: &Expr,
        form: &SetForm,
        here: &Here,
    ) -> MResult<()> {
        let done = match form.0.get() {
            SetShape::Evaluated => false,
            SetShape::Literal => {
                if let ExprKind::Lit(v) = &value.kind {
                    self.store_local(name, v.clone());
                    return Ok(());
                }
                false
            }
            SetShape::AppendOne => self.set_append_one_of(name, value),
            SetShape::AppendChain => self.set_append_chain(name, value),
            SetShape::Concat => self.set_concat_built(name, value),
            SetShape::Sum => self.set_sum_of(name, value),
            SetShape::ExtractByte => self.set_extract_byte(name, value),
            SetShape::Unknown => {
                form.0.set(shape_of(name, value));
                return self.set_local(name, value, form, here);
            }
        };
        if done {
            return Ok(());
        }
        let v = self.eval(value, here)?;
        self.store_local(name, v);
        Ok(())
    }

    /// `SET s=s_x`: x appended where s lies.
    fn set_append_one_of(&mut self, name: Sym, value: &Expr) -> bool {
        let ExprKind::Binary { rhs, .. } = &value.kind else {
            return false;
        };
        self.set_append_one(name, rhs)
    }

    /// `SET n=n+x`: the sum stored where n lies.
    #[inline(always)]
    fn set_sum_of(&mut self, name: Sym, value: &Expr) -> bool {
        let ExprKind::Binary { rhs, .. } = &value.kind else {
            return false;
        };
        self.set_sum(name, rhs)
    }

    /// `SET c=$EXTRACT(s,i)`, s and i bare locals: the byte read and stored, no result
    /// passed back through the expression evaluator.
    fn set_extract_byte(&mut self, name: Sym, value: &Expr) -> bool {
        let Some(c) = super::strfn::extract_byte_at_hand(self, value) else {
            return false;
        };
        let v = match c {
            Some(c) => Value::from_byte(c),
            None => Value::empty(),
        };
        self.store_local(name, v);
        true
    }
}

/// The shape of `SET name=value`.
fn shape_of(name: Sym, value: &Expr) -> SetShape {
    match &value.kind {
        ExprKind::Lit(_) => SetShape::Literal,
        ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            ..
        } => super::concat::chain_shape(name, value),
        ExprKind::Binary {
            op: BinOp::Add,
            negated: false,
            lhs,
            ..
        } if is_local_named(lhs, name) => SetShape::Sum,
        _ if super::strfn::is_extract_byte_locals(value) => SetShape::ExtractByte,
        _ => SetShape::Evaluated,
    }
}

fn is_local_named(e: &Expr, name: Sym) -> bool {
    matches!(&e.kind, ExprKind::Var(Glvn::Local(n, subs)) if *n == name && subs.is_empty())
}
