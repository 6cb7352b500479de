//! Locals with one subscript (`x(i)`), the usual array reference: read, SET, KILL, `$DATA`,
//! `$GET` and `$ORDER` find the child by the subscript's value itself, with no key vector
//! and no key made (`Kids::get_value`). Anything else takes the general path (`var.rs`).

use super::{Here, Interp};
use crate::error::MResult;
use crate::intern::Sym;
use crate::locals::Key;
use crate::syntax::ast::{EvalFn, Expr, ExprKind, Func, Glvn};
use crate::value::Value;

/// The name and the subscript of `x(s)`.
pub(super) fn one_subscript(e: &Expr) -> Option<(Sym, &Expr)> {
    match &e.kind {
        ExprKind::Var(Glvn::Local(name, subs)) => match subs.as_slice() {
            [s] => Some((*name, s)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `e` is `x(s)` with `s` a literal or an unsubscripted local (read where it lies).
pub(super) fn plain_one_subscript(e: &Expr) -> bool {
    one_subscript(e).is_some_and(|(_, s)| matches!(s.kind, ExprKind::Lit(_)) || s.is_plain_local())
}

/// The length of the text of `x(s)` (`plain_one_subscript`), measured where it lies; None
/// when the node or `s` is undefined (the general path raises UNDEF).
pub(super) fn text_len_at(me: &Interp, e: &Expr) -> Option<usize> {
    let (name, sub) = one_subscript(e)?;
    let k = me.value_ref(sub)?;
    let node = me.locals.slot(name)?.borrow();
    Some(node.kids.get_value(&k)?.value.as_ref()?.len())
}

/// `$ORDER`'s direction when it is a literal 1 or -1 (or absent); `None` otherwise.
pub(super) fn literal_direction(args: &[Expr]) -> Option<bool> {
    match args {
        [_] => Some(true),
        [_, d] => match &d.kind {
            ExprKind::Lit(v) if v.bytes() == b"1" => Some(true),
            ExprKind::Lit(v) if v.bytes() == b"-1" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The handler of `x(s)` as an expression.
pub(super) fn read_form(e: &Expr) -> Option<EvalFn> {
    match one_subscript(e) {
        Some(_) => Some(read_fn as EvalFn),
        None => super::localn::read_form(e).or_else(|| super::global1::read_form(e)),
    }
}

/// The handler of `$DATA(x(s))`, `$GET(x(s)[,d])` and `$ORDER(x(s)[,1|-1])`.
pub(super) fn func_form(f: Func, args: &[Expr]) -> Option<EvalFn> {
    if one_subscript(args.first()?).is_none() {
        return super::localn::func_form(f, args).or_else(|| super::global1::func_form(f, args));
    }
    match f {
        Func::Data if args.len() == 1 => Some(data_fn),
        Func::Get if args.len() <= 2 => Some(get_fn),
        Func::Order if literal_direction(args) == Some(true) => Some(next_fn),
        Func::Order if literal_direction(args) == Some(false) => Some(previous_fn),
        _ => None,
    }
}

/// The name, the subscript's value and the function's arguments of a handled node.
fn parts<'e>(
    me: &mut Interp,
    e: &'e Expr,
    here: &Here,
) -> Option<MResult<(Sym, Value, &'e [Expr])>> {
    let (target, args) = match &e.kind {
        ExprKind::Func(_, args) => (args.first()?, args.as_slice()),
        _ => (e, &[][..]),
    };
    let (name, sub) = one_subscript(target)?;
    Some(me.eval(sub, here).map(|v| (name, v, args)))
}

fn read_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    // The subscript a literal or a defined local: read where it lies, no copy of it.
    if let Some((name, sub)) = one_subscript(e)
        && let Some(k) = me.value_ref(sub)
    {
        if let Some(slot) = me.locals.slot(name)
            && let Some(v) = slot
                .borrow()
                .kids
                .get_value(&k)
                .and_then(|n| n.value.as_ref())
        {
            return Ok(v.clone());
        }
        let key = Key::from_value(&k);
        drop(k);
        return me
            .fetch_keys(name, &[key])
            .map_err(|err| err.at(e.span.clone()));
    }
    let Some(p) = parts(me, e, here) else {
        return me.eval_tree(e, here);
    };
    let (name, sub, _) = p.map_err(|err| err.at(e.span.clone()))?;
    if let Some(slot) = me.locals.slot(name)
        && let Some(v) = slot
            .borrow()
            .kids
            .get_value(&sub)
            .and_then(|n| n.value.as_ref())
    {
        return Ok(v.clone());
    }
    me.fetch_keys(name, &[Key::from_value(&sub)])
        .map_err(|err| err.at(e.span.clone()))
}

fn data_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Func(_, args) = &e.kind else {
        return me.eval_tree(e, here);
    };
    match args.first().and_then(|x| data_of(me, x, here)) {
        Some(d) => d
            .map(|d| Value::from_i64(d as i64))
            .map_err(|err| err.at(e.span.clone())),
        None => me.eval_tree(e, here),
    }
}

/// The value of a literal or a defined unsubscripted local (`Interp::local_unguarded`).
///
/// # Safety
/// As `local_unguarded`: the caller only reads the value and runs nothing meanwhile.
#[inline(always)]
unsafe fn at_hand_unguarded<'a>(me: &'a Interp, e: &'a Expr) -> Option<&'a Value> {
    match &e.kind {
        ExprKind::Lit(v) => Some(v),
        // SAFETY: the caller's contract.
        ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => unsafe {
            me.local_unguarded(*name)
        },
        _ => None,
    }
}

/// An expression `r+c`, `r-c+n`, `i*7`...: its integer worked out from known integers
/// (`exact_int`), no value made for it; None for any other expression.
#[inline(always)]
pub(super) fn exact_int_of(me: &Interp, sub: &Expr) -> Option<i64> {
    match &sub.kind {
        ExprKind::Binary {
            op,
            negated: false,
            lhs,
            rhs,
        } => me.exact_int(*op, lhs, rhs),
        _ => None,
    }
}

/// The integer of a subscript known without evaluating it: `r+c` (`exact_int_of`), or a
/// literal or a defined unsubscripted local whose value is a canonical integer with its
/// number already worked out (a FOR's `c`). None for anything else.
///
/// # Safety
/// As `at_hand_unguarded`.
#[inline(always)]
unsafe fn int_at_hand(me: &Interp, sub: &Expr) -> Option<i64> {
    if let Some(i) = exact_int_of(me, sub) {
        return Some(i);
    }
    // SAFETY: the caller's contract.
    let v = unsafe { at_hand_unguarded(me, sub) }?;
    // An integer's cached number alone is not enough: `"01"` is a string subscript.
    let i = v.cached_int()?;
    v.is_canonical_number().then_some(i)
}

/// `$DATA` of `name`'s child at the integer `i`, read in place.
#[inline(always)]
fn data_int(me: &Interp, name: Sym, i: i64) -> u8 {
    let Some(slot) = me.locals.slot(name) else {
        return 0;
    };
    // SAFETY: the node is only read, and nothing runs meanwhile; a slot borrowed mutably
    // now is refused (and taken the guarded way, which reports it).
    match unsafe { slot.try_borrow_unguarded() } {
        Ok(node) => node.kids.get_int(i).map_or(0, |n| n.data()),
        Err(_) => slot.borrow().kids.get_int(i).map_or(0, |n| n.data()),
    }
}

/// `$DATA(x(s))` when `s` is an integer known at hand (`int_at_hand`); None otherwise
/// (`data_of` then answers).
#[inline(always)]
pub(super) fn data_int_at_hand(me: &Interp, target: &Expr) -> Option<u8> {
    let (name, sub) = one_subscript(target)?;
    // SAFETY: the subscript is only read (its number), nothing run meanwhile.
    let i = unsafe { int_at_hand(me, sub) }?;
    Some(data_int(me, name, i))
}

/// `$DATA(x(s))` as a number, without a value made for it (`'$DATA(x(s))` in IF asks only
/// its truth); `None` when `target` is not a one-subscript local.
#[inline]
pub(super) fn data_of(me: &mut Interp, target: &Expr, here: &Here) -> Option<MResult<u8>> {
    let (name, sub) = one_subscript(target)?;
    // An integer subscript (the usual array index): looked up as one, no probe made.
    // SAFETY: the subscript is only read (its number), nothing run meanwhile.
    if let Some(i) = unsafe { int_at_hand(me, sub) } {
        return Some(Ok(data_int(me, name, i)));
    }
    // The subscript a literal or a defined local: read where it lies, no copy of it.
    // SAFETY: the subscript is only read (its number or text), nothing run meanwhile.
    if let Some(k) = unsafe { at_hand_unguarded(me, sub) } {
        let data = me
            .locals
            .slot(name)
            .and_then(|s| s.borrow().kids.get_value(k).map(|n| n.data()))
            .unwrap_or(0);
        return Some(Ok(data));
    }
    let sub = match me.eval(sub, here) {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    let data = me
        .locals
        .slot(name)
        .and_then(|s| s.borrow().kids.get_value(&sub).map(|n| n.data()))
        .unwrap_or(0);
    Some(Ok(data))
}

fn get_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    // The subscript a literal or a defined local: read where it lies, no copy of it.
    if let ExprKind::Func(_, args) = &e.kind
        && let Some((name, sub)) = args.first().and_then(one_subscript)
        && let Some(found) = me.value_ref(sub).map(|k| {
            let slot = me.locals.slot(name)?;
            let node = slot.borrow();
            node.kids.get_value(&k)?.value.clone()
        })
    {
        return got_or_default(me, found, args.get(1), e, here);
    }
    let Some(p) = parts(me, e, here) else {
        return me.eval_tree(e, here);
    };
    let (name, sub, args) = p.map_err(|err| err.at(e.span.clone()))?;
    let found = me.locals.slot(name).and_then(|slot| {
        slot.borrow()
            .kids
            .get_value(&sub)
            .and_then(|n| n.value.clone())
    });
    got_or_default(me, found, args.get(1), e, here)
}

/// `$GET`'s answer from the node's value (`found`) and its default. GT.M evaluates the
/// default after reading the node, even when the node exists (its side effects happen:
/// golden getsecond1); a literal default has none to skip.
pub(super) fn got_or_default(
    me: &mut Interp,
    found: Option<Value>,
    default: Option<&Expr>,
    e: &Expr,
    here: &Here,
) -> MResult<Value> {
    match (found, default) {
        (Some(v), Some(d)) if !matches!(d.kind, ExprKind::Lit(_)) => {
            me.eval(d, here).map_err(|err| err.at(e.span.clone()))?;
            Ok(v)
        }
        (Some(v), _) => Ok(v),
        (None, Some(d)) => me.eval(d, here).map_err(|err| err.at(e.span.clone())),
        (None, None) => Ok(Value::empty()),
    }
}

fn next_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    order(me, e, here, true)
}

fn previous_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    order(me, e, here, false)
}

fn order(me: &mut Interp, e: &Expr, here: &Here, forward: bool) -> MResult<Value> {
    // The subscript a literal or a defined local (a walk's `k`): read where it lies.
    if let ExprKind::Func(_, args) = &e.kind
        && let Some((name, sub)) = args.first().and_then(one_subscript)
        && let Some(k) = me.value_ref(sub)
    {
        let next = me
            .locals
            .slot(name)
            .and_then(|slot| slot.borrow().kids.order_value(&k, forward));
        return Ok(next.unwrap_or_else(Value::empty));
    }
    let Some(p) = parts(me, e, here) else {
        return me.eval_tree(e, here);
    };
    let (name, sub, _) = p.map_err(|err| err.at(e.span.clone()))?;
    let Some(slot) = me.locals.slot(name) else {
        return Ok(Value::empty());
    };
    let next = slot.borrow().kids.order_value(&sub, forward);
    Ok(next.unwrap_or_else(Value::empty))
}

impl Interp {
    /// `SET x(s)=value`: the subscript, then the value (GT.M's order), then the store.
    pub(super) fn set_one_subscript(
        &mut self,
        name: Sym,
        sub: &Expr,
        value: &Expr,
        here: &Here,
    ) -> MResult<()> {
        // The subscript's integer first, as GT.M takes the subscript before the value.
        // SAFETY: the subscript is only read (its number), nothing run meanwhile.
        if let Some(i) = unsafe { int_at_hand(self, sub) } {
            let v = self.eval(value, here)?;
            let mut node = self.locals.slot_mut(name).borrow_mut();
            node.kids.get_or_create_int(i).value = Some(v);
            return Ok(());
        }
        let k = self.eval(sub, here)?;
        let v = self.eval(value, here)?;
        self.locals
            .slot_mut(name)
            .borrow_mut()
            .kids
            .get_or_create_value(&k)
            .value = Some(v);
        Ok(())
    }

    /// `KILL x(s)`: the child and everything below it.
    pub(super) fn kill_one_subscript(&mut self, name: Sym, sub: &Expr, here: &Here) -> MResult<()> {
        // SAFETY: the subscript is only read (its number), nothing run meanwhile.
        if let Some(i) = unsafe { int_at_hand(self, sub) } {
            if let Some(slot) = self.locals.slot(name) {
                slot.borrow_mut().kids.remove_int(i);
            }
            return Ok(());
        }
        let k = self.eval(sub, here)?;
        if let Some(slot) = self.locals.slot(name) {
            slot.borrow_mut().kids.remove_value(&k);
        }
        Ok(())
    }
}
