//! `$ORDER(^X(a,b,...))` with each subscript a literal or a defined unsubscripted local (a
//! global walk's or seek's reference): the subscripts go straight into the naked
//! indicator, where only those that differ from the last reference's are replaced, and
//! the database reads the key from there, with no reference resolved in between. Every
//! other shape, an undefined subscript and a failure take the general path (`var.rs`,
//! `global.rs`), which reports them as GT.M does; `$ORDER` changes nothing, so running
//! it again there is the same as running it once.

use super::local1::literal_direction;
use super::{Here, Interp};
use crate::error::MResult;
use crate::intern::Sym;
use super::global::stored_name;
use crate::db::keybuf::is_subscript;
use crate::syntax::ast::{EvalFn, Expr, ExprKind, Func, Glvn};
use crate::value::Value;

/// The name and subscripts of `^X(a,...)` whose subscripts are literals or plain locals.
fn plain_global(e: &Expr) -> Option<(Sym, &[Expr])> {
    match &e.kind {
        ExprKind::Var(Glvn::Global(name, subs))
            if (1..=31).contains(&subs.len()) && super::localn::all_plain(subs) =>
        {
            Some((*name, subs))
        }
        _ => None,
    }
}

/// The handler of `$ORDER(^X(a,...))` with direction 1 or -1 written out, or none.
pub(super) fn func_form(f: Func, args: &[Expr]) -> Option<EvalFn> {
    plain_global(args.first()?)?;
    match f {
        Func::Order if literal_direction(args) == Some(true) => Some(next_fn),
        Func::Order if literal_direction(args) == Some(false) => Some(previous_fn),
        _ => None,
    }
}

fn next_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    order(me, e, here, true)
}

fn previous_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    order(me, e, here, false)
}

fn order(me: &mut Interp, e: &Expr, here: &Here, forward: bool) -> MResult<Value> {
    // `func_form` chose this handler for plain subscripts: the node is not checked again.
    if let ExprKind::Func(_, args) = &e.kind
        && let ExprKind::Var(Glvn::Global(name, subs)) = &args[0].kind
        && me.name_global(*name, subs)
        && let Some(next) = me.order_named(forward)
    {
        return Ok(next);
    }
    me.eval_tree(e, here)
}

impl Interp {
    /// Makes `^name(subs)` the last global reference (the naked indicator, `$REFERENCE`),
    /// as `note_global` does for a resolved reference; false, nothing changed, when a
    /// subscript is an undefined local. Subscripts equal to the last reference's are kept
    /// encoded (compared value to subscript, nothing made); from the first that differs,
    /// the rest are encoded.
    fn name_global(&self, name: Sym, subs: &[Expr]) -> bool {
        let mut naked = self.naked.borrow_mut();
        // Read-only first: the subscripts the last reference shares, then whether the others
        // are defined (an undefined one changes nothing).
        let kept = naked.same_name(name).then(|| naked.key.keys()).unwrap_or_default();
        let mut same = 0;
        let mut differs = None;
        for (i, s) in subs.iter().enumerate() {
            let Some(v) = self.value_ref(s) else {
                return false;
            };
            match kept.get(i) {
                Some(k) if is_subscript(k, &v) => same += 1,
                _ => {
                    differs = Some(v);
                    break;
                }
            }
        }
        if same == subs.len() {
            naked.key.keep(same);
            return true;
        }
        if !subs[same + 1..].iter().all(|s| self.value_ref(s).is_some()) {
            return false;
        }
        if !naked.same_name(name) {
            naked.name_is(stored_name(name));
        }
        let key = &mut naked.key;
        key.keep(same);
        // Every one is defined (checked above).
        for s in &subs[same..] {
            if let Some(v) = differs.take().or_else(|| self.value_ref(s)) {
                key.push_value(&v);
            }
        }
        true
    }

    /// `$ORDER` of the last global reference, as `gv_order` answers it; None on a failure.
    fn order_named(&self, forward: bool) -> Option<Value> {
        let mut naked = self.naked.borrow_mut();
        let key = &mut naked.key;
        let mut globals = self.globals.borrow_mut();
        let found = globals.order(key, forward).ok()?;
        Some(found.map_or_else(Value::empty, |sub| key.remember(sub)))
    }
}
