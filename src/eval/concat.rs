//! `a_b_c_d`: a chain of concatenations evaluated as one, its result built in one buffer
//! instead of one new string per `_`.

use super::func::MAX_STRLEN;
use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::number::Number;
use crate::syntax::ast::{BinOp, EvalFn, Expr, ExprKind, Glvn, SetShape};
use crate::value::{INLINE, TextBuf, Value};

/// The operands of a `_` node when its left operand is itself a `_` (a chain of three or
/// more operands, `(a_b)_c`).
fn inner_chain(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Binary { lhs, .. } if is_concat(lhs))
}

fn is_concat(e: &Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            ..
        }
    )
}

type Buf = TextBuf;

/// Whether `e` is the unsubscripted local `name`.
fn is_empty_lit(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(v) if v.is_empty())
}

/// A literal or an unsubscripted local: what `value_ref` reads in place (when defined).
fn at_hand_shape(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::Var(Glvn::Local(_, subs)) => subs.is_empty(),
        _ => false,
    }
}

fn is_local_named(e: &Expr, name: Sym) -> bool {
    matches!(&e.kind, ExprKind::Var(Glvn::Local(n, subs)) if *n == name && subs.is_empty())
}

/// The handler of a `_` node (`Binary { op: Concat, negated: false }`): a chain of three or
/// more operands is built in one buffer, a pair reads its literal and local operands where
/// they lie.
pub(super) fn concat_form(e: &Expr) -> EvalFn {
    if is_concat(e) && inner_chain(e) {
        concat_chain_fn
    } else {
        concat_pair_fn
    }
}

/// `a_b`. Operands that are literals or defined locals are read in place (no copy of their
/// value); reading both in place is the same as reading them in order, as nothing runs
/// between the two reads.
fn concat_pair_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
        return me.eval_concat(e, here);
    };
    if let Some(a) = me.value_ref(lhs)
        && let Some(b) = me.value_ref(rhs)
    {
        return concat_refs(&a, &b).map_err(|err| err.at(e.span.clone()));
    }
    let a = me.eval(lhs, here)?;
    let in_place = me.value_ref(rhs).map(|b| concat_refs(&a, &b));
    let r = match in_place {
        Some(r) => r,
        None => {
            let b = me.eval(rhs, here)?;
            concat2(a, b)
        }
    };
    r.map_err(|err| err.at(e.span.clone()))
}

/// `a_b_c...`: one buffer for the whole chain.
fn concat_chain_fn(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let mut buf = Buf::new();
    me.concat_into(e, here, &mut buf)?;
    Ok(buf.to_value())
}

impl Interp {
    /// A `_` expression (`e` is `Binary { op: Concat, negated: false }`). Operands are
    /// evaluated left to right; the length is checked after each one, so MAXSTRLEN comes at
    /// the same `_` (and before the same later operands) as pairwise evaluation would.
    pub(super) fn eval_concat(&mut self, e: &Expr, here: &Here) -> MResult<Value> {
        let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
            unreachable!("eval_concat is called on `_` nodes")
        };
        if !is_concat(lhs) {
            let a = self.eval(lhs, here)?;
            let b = self.eval(rhs, here)?;
            return concat2(a, b).map_err(|err| err.at(e.span.clone()));
        }
        let mut buf = Buf::new();
        self.concat_into(e, here, &mut buf)?;
        Ok(buf.to_value())
    }

    /// Appends the value of `e` to `buf`, going down a chain of `_` without making the
    /// partial strings.
    fn concat_into(&mut self, e: &Expr, here: &Here, buf: &mut Buf) -> MResult<()> {
        let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
            unreachable!("concat_into is called on `_` nodes")
        };
        if inner_chain(e) {
            self.concat_into(lhs, here, buf)?;
        } else {
            self.append_operand(lhs, here, buf)?;
        }
        if !self.append_operand(rhs, here, buf)? {
            return Err(MError::new(kind::MAXSTRLEN).at(e.span.clone()));
        }
        Ok(())
    }

    /// Appends the value of one operand of a chain (a literal's or a defined local's bytes
    /// where they lie, else the value made); false, appending nothing, when the result
    /// would pass MAXSTRLEN.
    #[inline]
    fn append_operand(&mut self, x: &Expr, here: &Here, buf: &mut Buf) -> MResult<bool> {
        if let Some(v) = self.value_ref(x) {
            return Ok(buf.push(v.bytes(), MAX_STRLEN));
        }
        // `(i*7)`: an integer worked out from known integers, written in without a value.
        if let Some(n) = super::local1::exact_int_of(self, x) {
            return Ok(buf.push_number(Number::from_i64(n), MAX_STRLEN));
        }
        let v = self.eval(x, here)?;
        Ok(buf.push_value(&v, MAX_STRLEN))
    }
}

/// How `SET name=a_b_...` is stored (`eval::setlocal` asks once per argument): appended to
/// `name` when the chain starts with it (`SET s=s_x`, `SET s=s_a_b`), built in one buffer when
/// the first operand is at hand, else evaluated (a first operand that must be evaluated,
/// `SET s=(i*7)_"."_x`, sends the chain to the ordinary evaluation before any operand is read).
/// The appends and the build read their operands first: reading has no effect, so that
/// changes nothing; an undefined operand or a result past MAXSTRLEN is left to the ordinary
/// evaluation, which raises the error.
pub(super) fn chain_shape(name: Sym, value: &Expr) -> SetShape {
    if let ExprKind::Binary { lhs, .. } = &value.kind
        && is_local_named(lhs, name)
    {
        return SetShape::AppendOne;
    }
    let mut first = value;
    while let ExprKind::Binary { lhs, .. } = &first.kind
        && is_concat(first)
    {
        first = lhs;
    }
    if is_local_named(first, name) {
        SetShape::AppendChain
    } else if at_hand_shape(first) {
        SetShape::Concat
    } else {
        SetShape::Evaluated
    }
}

impl Interp {
    /// `SET s=s_x`: x appended where it lies; a one-byte x (a character) copied in first,
    /// so x may be s itself.
    #[inline(always)]
    pub(super) fn set_append_one(&mut self, name: Sym, rhs: &Expr) -> bool {
        if let Some(c) = self.only_byte_at_hand(rhs) {
            return self.push_byte_to(name, c);
        }
        let (Some(slot), Some(tail)) = (self.locals.slot(name), self.value_ref(rhs)) else {
            return false;
        };
        append_to_slot(slot, tail.bytes())
    }

    /// The byte of a one-byte literal, or of a defined local holding one byte inline
    /// (`only_byte`); None otherwise.
    #[inline(always)]
    fn only_byte_at_hand(&self, e: &Expr) -> Option<u8> {
        match &e.kind {
            // A literal's text is in a shared buffer (see the parser's `lit_value`).
            ExprKind::Lit(v) => match v.bytes() {
                [c] => Some(*c),
                _ => None,
            },
            // SAFETY: the byte is copied out at once, nothing run meanwhile.
            ExprKind::Var(Glvn::Local(t, subs)) if subs.is_empty() => {
                unsafe { self.local_unguarded(*t) }?.only_byte()
            }
            _ => None,
        }
    }

    /// Appends `c` to the local `name` where it lies; false, nothing done, when it is
    /// undefined or the result would pass MAXSTRLEN (the ordinary evaluation raises the
    /// error).
    #[inline(always)]
    fn push_byte_to(&mut self, name: Sym, c: u8) -> bool {
        let Some(Ok(mut node)) = self.locals.slot(name).map(|s| s.try_borrow_mut()) else {
            return false;
        };
        node.value
            .as_mut()
            .is_some_and(|v| v.push_byte_within(c, MAX_STRLEN))
    }

    /// `SET t=a_b...` (t not the first operand) with every operand a literal or a defined
    /// local: the operands gathered in one walk, then written into t's own buffer when it
    /// has one (a loop that rebuilds t allocates only when it outgrows it), else stored as
    /// a new value; true when done. The operands are all read before t changes, so t may be
    /// one of them. An operand not at hand, or a result past MAXSTRLEN, is left to the
    /// ordinary evaluation (false, nothing done), which raises the error.
    #[inline(never)]
    pub(super) fn set_concat_built(&mut self, name: Sym, value: &Expr) -> bool {
        if let ExprKind::Binary { lhs, rhs, .. } = &value.kind
            && is_empty_lit(rhs)
        {
            return self.set_with_empty_tail(name, lhs);
        }
        let mut buf = Buf::new();
        if !self.gather(value, &mut buf) {
            return false;
        }
        let slot = self.locals.slot_mut(name);
        let mut node = slot.borrow_mut();
        let len = buf.len();
        match &mut node.value {
            Some(v) if len > INLINE && v.owns_buffer() => {
                v.rewrite_long(len, |dst| dst.copy_from_slice(buf.bytes()));
            }
            old => *old = Some(buf.to_value()),
        }
        true
    }

    /// `SET t=a_""` with `a` at hand: `a` as it is, its number kept (M's `SET s=i_""`
    /// idiom; a later `n+s` then reads no text); false when `a` is not at hand.
    #[inline(never)]
    fn set_with_empty_tail(&mut self, name: Sym, lhs: &Expr) -> bool {
        let Some(v) = self.value_ref(lhs).map(|v| v.clone()) else {
            return false;
        };
        self.store_local(name, v);
        true
    }

    /// Appends the operands of a chain of `_` to `buf`; false when one is not at hand
    /// (`value_ref`) or the result would pass MAXSTRLEN.
    fn gather(&self, e: &Expr, buf: &mut Buf) -> bool {
        if let ExprKind::Binary { lhs, rhs, .. } = &e.kind
            && is_concat(e)
        {
            // The operands are usually single ones: pushed here, no call for them (a chain
            // on the left goes back to `gather`).
            return self.gather_operand(lhs, buf) && self.gather_operand(rhs, buf);
        }
        self.gather_operand(e, buf)
    }

    /// `gather` of an operand: a literal's or a defined local's bytes appended, a chain
    /// gathered.
    #[inline(always)]
    fn gather_operand(&self, e: &Expr, buf: &mut Buf) -> bool {
        let v = match &e.kind {
            ExprKind::Lit(v) => v,
            // SAFETY: the bytes are copied out at once (making a number's text is the
            // value's own cache), nothing run meanwhile.
            ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => {
                match unsafe { self.local_unguarded(*name) } {
                    Some(v) => v,
                    None => return false,
                }
            }
            _ if is_concat(e) => return self.gather(e, buf),
            _ => return false,
        };
        buf.push(v.bytes(), MAX_STRLEN)
    }

    #[inline(never)]
    pub(super) fn set_append_chain(&mut self, name: Sym, value: &Expr) -> bool {
        let mut tail = Buf::new();
        if !self.append_tail(name, value, &mut tail) {
            return false;
        }
        let Some(slot) = self.locals.slot(name) else {
            return false;
        };
        append_to_slot(slot, tail.bytes())
    }

    /// Gathers the operands of a chain after its first, which must be the local `name`;
    /// false when the chain is not of that shape or an operand is not at hand.
    fn append_tail(&self, name: Sym, e: &Expr, tail: &mut Buf) -> bool {
        let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
            return false;
        };
        let first_ok = if is_concat(lhs) {
            self.append_tail(name, lhs, tail)
        } else {
            is_local_named(lhs, name)
        };
        first_ok
            && self
                .value_ref(rhs)
                .is_some_and(|v| tail.push(v.bytes(), MAX_STRLEN))
    }
}

/// `a_b` of two values read in place.
#[inline]
fn concat_refs(a: &Value, b: &Value) -> MResult<Value> {
    let (x, y) = (a.bytes(), b.bytes());
    if y.is_empty() {
        return Ok(a.clone());
    }
    if x.is_empty() {
        return Ok(b.clone());
    }
    if x.len() + y.len() > MAX_STRLEN {
        return Err(MError::new(kind::MAXSTRLEN));
    }
    Ok(Value::concat(x, y))
}

/// `a_b`: an empty side gives the other value as it is.
#[inline]
fn concat2(a: Value, b: Value) -> MResult<Value> {
    let (x, y) = (a.bytes(), b.bytes());
    if y.is_empty() {
        return Ok(a);
    }
    if x.is_empty() {
        return Ok(b);
    }
    if x.len() + y.len() > MAX_STRLEN {
        return Err(MError::new(kind::MAXSTRLEN));
    }
    Ok(Value::concat(x, y))
}

/// Appends `tail` to the value in `slot` where it lies; false when the variable is
/// undefined, the result would pass MAXSTRLEN, or the slot is borrowed already (`x` in
/// `SET s=s_x` is `s` itself or another name for it): the ordinary evaluation does those.
fn append_to_slot(slot: &crate::locals::Slot, tail: &[u8]) -> bool {
    let Ok(mut node) = slot.try_borrow_mut() else {
        return false;
    };
    match &mut node.value {
        Some(v) => v.append_within(tail, MAX_STRLEN),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_are_found() {
        let e = crate::syntax::parser::parse_expr("a_b_(c_d)_e").unwrap();
        assert!(is_concat(&e) && inner_chain(&e));
        let ExprKind::Binary { lhs, .. } = &e.kind else {
            panic!("not a binary node")
        };
        let ExprKind::Binary {
            lhs: ab, rhs: cd, ..
        } = &lhs.kind
        else {
            panic!("not a binary node")
        };
        // `a_b` ends the chain; the parenthesised `c_d` is one operand, a chain of its own.
        assert!(is_concat(ab) && !inner_chain(ab));
        assert!(is_concat(cd) && !inner_chain(cd));
    }
}
