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
use crate::locals::Key;
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
        && me.name_global(super::global::stored_name(*name), subs)
        && let Some(next) = me.order_named(forward)
    {
        return Ok(next);
    }
    me.eval_tree(e, here)
}

/// Whether `k` is the subscript `v` makes (`Key::from_value(v) == *k`, no key made).
#[inline]
fn is_subscript(k: &Key, v: &Value) -> bool {
    match k {
        Key::Num(n) => v.is_canonical_number() && v.num() == *n,
        Key::Str(s) => !v.is_canonical_number() && s.bytes() == v.bytes(),
    }
}

impl Interp {
    /// Makes `^name(subs)` the last global reference (the naked indicator, `$REFERENCE`),
    /// as `note_global` does for a resolved reference; false, nothing changed, when a
    /// subscript is an undefined local.
    fn name_global(&self, name: Sym, subs: &[Expr]) -> bool {
        // The first subscript is read before anything changes, and kept: a seek's only one
        // is read once. More are all checked first.
        if subs.len() > 1 && !subs.iter().all(|s| self.value_ref(s).is_some()) {
            return false;
        }
        let Some(first) = subs.first().and_then(|s| self.value_ref(s)) else {
            return false;
        };
        let mut first = Some(first);
        let mut naked = self.naked.borrow_mut();
        let (last, keys) = naked.get_or_insert_with(|| (name, Vec::new()));
        *last = name;
        keys.truncate(subs.len());
        for (i, s) in subs.iter().enumerate() {
            let Some(v) = first.take().or_else(|| self.value_ref(s)) else {
                unreachable!("every subscript was found defined above")
            };
            match keys.get_mut(i) {
                Some(k) if is_subscript(k, &v) => {}
                Some(k) => *k = Key::from_value(&v),
                None => keys.push(Key::from_value(&v)),
            }
        }
        true
    }

    /// `$ORDER` of the last global reference, as `gv_order` answers it; None on a failure.
    fn order_named(&self, forward: bool) -> Option<Value> {
        let naked = self.naked.borrow();
        let (name, keys) = naked.as_ref()?;
        let next = self
            .globals
            .borrow_mut()
            .order(name.as_str(), keys, forward)
            .ok()?;
        Some(match next {
            Some(Key::Num(n)) => Value::from_num(n),
            Some(Key::Str(s)) => s,
            None => Value::empty(),
        })
    }
}
