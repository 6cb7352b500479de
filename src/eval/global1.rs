//! `$ORDER(^X(a,b,...))`, `$GET(^X(a,...))`, `$DATA(^X(a,...))` and a read of `^X(a,...)`,
//! with each subscript a literal or a defined unsubscripted local (a global walk's, seek's
//! or lookup's reference): the subscripts go straight into the naked indicator, where only
//! those that differ from the last reference's are replaced, and the database reads the
//! key from there, with no reference resolved in between. Every other shape, an undefined
//! subscript or node and a failure take the general path (`var.rs`, `global.rs`), which
//! reports them as GT.M does; these reads change nothing, so running one again there is
//! the same as running it once.

use super::global::stored_name;
use super::local1::literal_direction;
use super::{Here, Interp};
use crate::db::DbError;
use crate::db::keybuf::is_subscript;
use crate::error::MResult;
use crate::intern::Sym;
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

/// The handler of `$ORDER(^X(a,...))` with direction 1 or -1 written out, of
/// `$GET(^X(a,...))` and of `$DATA(^X(a,...))`, or none.
pub(super) fn func_form(f: Func, args: &[Expr]) -> Option<EvalFn> {
    plain_global(args.first()?)?;
    match f {
        Func::Order if literal_direction(args) == Some(true) => Some(next_fn),
        Func::Order if literal_direction(args) == Some(false) => Some(previous_fn),
        Func::Get if args.len() == 1 => Some(get_fn),
        Func::Data if args.len() == 1 => Some(data_fn),
        _ => None,
    }
}

/// The handler of a read of `^X(a,...)`, or none.
pub(super) fn read_form(e: &Expr) -> Option<EvalFn> {
    plain_global(e).map(|_| read_fn as EvalFn)
}

/// The name and subscripts of the global reference `e` or of `e`'s first argument.
#[inline]
fn target(e: &Expr) -> Option<(Sym, &[Expr])> {
    let e = match &e.kind {
        ExprKind::Func(_, args) => args.first()?,
        _ => e,
    };
    match &e.kind {
        ExprKind::Var(Glvn::Global(name, subs)) => Some((*name, subs)),
        _ => None,
    }
}

fn get_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let Some((name, subs)) = target(e)
        && me.name_global(name, subs)
        && let Some(found) = me.get_named().map_err(|err| err.at(e.span.clone()))?
    {
        return Ok(found.unwrap_or_else(Value::empty));
    }
    general(me, e, here)
}

fn read_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    // A node without a value takes the general path, which raises GVUNDEF.
    if let Some((name, subs)) = target(e)
        && me.name_global(name, subs)
        && let Some(Some(found)) = me.get_named().map_err(|err| err.at(e.span.clone()))?
    {
        return Ok(found);
    }
    general(me, e, here)
}

fn data_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let Some((name, subs)) = target(e)
        && me.name_global(name, subs)
        && let Some(d) = me.data_named().map_err(|err| err.at(e.span.clone()))?
    {
        return Ok(Value::from_i64(d as i64));
    }
    general(me, e, here)
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
        && let Some(next) = me
            .order_named(forward)
            .map_err(|err| err.at(e.span.clone()))?
    {
        return Ok(next);
    }
    general(me, e, here)
}

/// The general path (see the module comment), out of the fast path's way.
#[cold]
#[inline(never)]
fn general(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
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
        let kept: &[_] = if naked.same_name(name) {
            naked.key.keys()
        } else {
            &[]
        };
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

    /// The value of the last global reference's node, as `gv_get` reads it (see
    /// `settled`).
    fn get_named(&self) -> MResult<Option<Option<Value>>> {
        let naked = self.naked.borrow();
        let found = self.globals.borrow_mut().get(&naked.key);
        self.settled(found)
    }

    /// `$DATA` of the last global reference, as `gv_data` answers it (see `settled`).
    fn data_named(&self) -> MResult<Option<u8>> {
        let naked = self.naked.borrow();
        let found = self.globals.borrow_mut().data_at(&naked.key);
        self.settled(found)
    }

    /// `$ORDER` of the last global reference, as `gv_order` answers it (see `settled`).
    fn order_named(&self, forward: bool) -> MResult<Option<Value>> {
        let mut naked = self.naked.borrow_mut();
        let key = &mut naked.key;
        let mut globals = self.globals.borrow_mut();
        let found = match globals.order(key, forward) {
            Ok(found) => Ok(found.map_or_else(Value::empty, |sub| key.remember(sub))),
            Err(e) => Err(e),
        };
        drop(globals);
        drop(naked);
        self.settled(found)
    }

    /// A fast path's answer: None for a failure the general path reports (it names the
    /// reference as GT.M does, and running the read again there changes nothing); a
    /// storage failure is reported here, since it is not to be run again: a conflict has
    /// rolled the transaction back (the error restarts it), a failed one stays failed.
    #[inline]
    fn settled<T>(&self, found: Result<T, DbError>) -> MResult<Option<T>> {
        match found {
            Ok(v) => Ok(Some(v)),
            Err(e @ (DbError::Store(_) | DbError::Restricted)) => Err(self.db_failure(e)),
            Err(_) => Ok(None),
        }
    }
}
