//! Locals with more than one subscript, each a literal or a defined unsubscripted local
//! (`x("z",k,l)`, the reference of a nested `$ORDER` walk): read, `$DATA`, `$GET` and
//! `$ORDER` walk the array by the subscripts' values where they lie, with no key vector
//! and no key made. A subscript that is an undefined local, an undefined node read, and
//! every other shape take the general path (`var.rs`), which reports UNDEF as GT.M does.
//! Reading literals and locals has no effect, so the order of evaluation is GT.M's.
//! SET of such a local (any subscripts that cannot change a local) finds or makes the
//! node by the subscripts' values too.

use super::local1::literal_direction;
use super::{Here, Interp};
use crate::error::MResult;
use crate::intern::Sym;
use crate::locals::Node;
use crate::syntax::ast::{EvalFn, Expr, ExprKind, Func, Glvn};
use crate::value::Value;
use smallvec::SmallVec;

/// Whether every subscript is a literal or an unsubscripted local (read where it lies).
pub(super) fn all_plain(subs: &[Expr]) -> bool {
    subs.iter()
        .all(|s| matches!(s.kind, ExprKind::Lit(_)) || s.is_plain_local())
}

/// The name and subscripts of `x(a,b,...)` whose subscripts are all literals or
/// unsubscripted locals (at most GT.M's 31: more is the general path's error).
fn plain_subscripts(e: &Expr) -> Option<(Sym, &[Expr])> {
    match &e.kind {
        ExprKind::Var(Glvn::Local(name, subs))
            if (2..=31).contains(&subs.len()) && all_plain(subs) =>
        {
            Some((*name, subs))
        }
        _ => None,
    }
}

/// The node `subs` name below an array's root (None inside when there is none), each
/// subscript read where it lies; None when one is an undefined local. Every subscript is
/// read, also past a missing node: an undefined one is UNDEF all the same.
fn node_at<'n>(me: &Interp, root: &'n Node, subs: &[Expr]) -> Option<Option<&'n Node>> {
    let mut node = Some(root);
    for s in subs {
        let v = me.value_ref(s)?;
        node = node.and_then(|n| n.kids.get_value(&v));
    }
    Some(node)
}

/// `node_at` of a name's array; no array is no node.
fn array_node<'n>(me: &Interp, root: Option<&'n Node>, subs: &[Expr]) -> Option<Option<&'n Node>> {
    match root {
        Some(root) => node_at(me, root, subs),
        None => subs
            .iter()
            .all(|s| me.value_ref(s).is_some())
            .then_some(None),
    }
}

/// What `f` makes of the node `target` names (None inside when there is no such node);
/// None when `target` is not of this shape or a subscript is an undefined local.
fn with_node<T>(
    me: &Interp,
    target: &Expr,
    f: impl FnOnce(&Node) -> Option<T>,
) -> Option<Option<T>> {
    let (name, subs) = plain_subscripts(target)?;
    let slot = me.locals.slot(name).map(|s| s.borrow());
    let node = array_node(me, slot.as_deref(), subs)?;
    Some(node.and_then(f))
}

/// `$ORDER` of `target` (None as for `with_node`).
fn order_of(me: &Interp, target: &Expr, forward: bool) -> Option<Option<Value>> {
    let (name, subs) = plain_subscripts(target)?;
    let (last, parent) = subs.split_last()?;
    let slot = me.locals.slot(name).map(|s| s.borrow());
    let node = array_node(me, slot.as_deref(), parent)?;
    let last = me.value_ref(last)?;
    Some(node.and_then(|n| n.kids.order_value(&last, forward)))
}

/// The handler of `x(a,b,...)` as an expression.
pub(super) fn read_form(e: &Expr) -> Option<EvalFn> {
    plain_subscripts(e).map(|_| read_fn as EvalFn)
}

/// The handler of `$DATA`, `$GET` and `$ORDER` (direction 1 or -1 written out, or none)
/// of `x(a,b,...)`.
pub(super) fn func_form(f: Func, args: &[Expr]) -> Option<EvalFn> {
    plain_subscripts(args.first()?)?;
    match f {
        Func::Data if args.len() == 1 => Some(data_fn),
        Func::Get if args.len() <= 2 => Some(get_fn),
        Func::Order if literal_direction(args) == Some(true) => Some(next_fn),
        Func::Order if literal_direction(args) == Some(false) => Some(previous_fn),
        _ => None,
    }
}

fn read_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match with_node(me, e, |n| n.value.clone()) {
        Some(Some(v)) => Ok(v),
        _ => me.eval_tree(e, here),
    }
}

fn data_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let ExprKind::Func(_, args) = &e.kind
        && let Some(d) = with_node(me, &args[0], |n| Some(n.data()))
    {
        return Ok(Value::from_i64(d.unwrap_or(0) as i64));
    }
    me.eval_tree(e, here)
}

fn get_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Func(_, args) = &e.kind else {
        return me.eval_tree(e, here);
    };
    let Some(found) = with_node(me, &args[0], |n| n.value.clone()) else {
        return me.eval_tree(e, here);
    };
    super::local1::got_or_default(me, found, args.get(1), e, here)
}

fn next_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    order(me, e, here, true)
}

fn previous_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    order(me, e, here, false)
}

fn order(me: &mut Interp, e: &Expr, here: &Here, forward: bool) -> MResult<Value> {
    if let ExprKind::Func(_, args) = &e.kind
        && let Some(next) = order_of(me, &args[0], forward)
    {
        return Ok(next.unwrap_or_else(Value::empty));
    }
    me.eval_tree(e, here)
}

impl Interp {
    /// `SET x(a,b,...)=value` with 2 to 31 subscripts, none of which can change a local
    /// (so each is read in its turn, as GT.M reads them): the subscripts evaluated, then
    /// the value, then the node found or made by the subscripts' values (`Kids::
    /// get_or_create_value`), with no key vector made. None, nothing evaluated, for any
    /// other shape (the general path).
    pub(super) fn set_subscripts(
        &mut self,
        name: Sym,
        subs: &[Expr],
        value: &Expr,
        here: &Here,
    ) -> Option<MResult<()>> {
        if !(2..=31).contains(&subs.len()) || subs.iter().any(|s| s.changes_locals) {
            return None;
        }
        Some(self.set_subscripts_now(name, subs, value, here))
    }

    fn set_subscripts_now(
        &mut self,
        name: Sym,
        subs: &[Expr],
        value: &Expr,
        here: &Here,
    ) -> MResult<()> {
        let mut keys: SmallVec<[Value; 4]> = SmallVec::new();
        for s in subs {
            let at_hand = self.value_ref(s).map(|v| v.clone());
            let k = match at_hand {
                Some(v) => v,
                None => self.eval(s, here)?,
            };
            keys.push(k);
        }
        let v = self.eval(value, here)?;
        let mut root = self.locals.slot_mut(name).borrow_mut();
        let mut node: &mut Node = &mut root;
        for k in &keys {
            node = node.kids.get_or_create_value(k);
        }
        node.value = Some(v);
        Ok(())
    }
}
