//! `SET n=n+x` of an unsubscripted local: an integer total (a counter, a sum of lengths)
//! updated where it lies, with no value made for the result and none dropped. Only what
//! is read without effect or error qualifies (`x` a literal, a bare local, or
//! `$LENGTH($PIECE(r,"c",j))` of bare locals); anything else, or a part not known as a
//! small integer, is left untouched to the ordinary SET, which raises any error as GT.M
//! does. And `SET x(k)=$GET(x(k))+y`, a total per key: the node found once, not twice.

use super::expr::binary;
use super::{Here, Interp};
use crate::error::MResult;
use crate::intern::Sym;
use crate::locals::Node;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Glvn};
use crate::value::Value;
use smallvec::SmallVec;

/// The node below `node` that `keys` name, when it exists (none is made).
fn node_mut<'n>(mut node: &'n mut Node, keys: &[Value]) -> Option<&'n mut Node> {
    for k in keys {
        node = node.kids.get_mut_value(k)?;
    }
    Some(node)
}

/// The magnitude below which an integer is kept exactly as a machine integer (`Number`'s
/// own limit for integers made from `i64`).
const INT_LIMIT: i64 = 1_000_000_000_000_000_000;

impl Interp {
    /// `SET name=name+rhs`: done in place when its shape allows (true); false, nothing
    /// read or changed that matters, for the ordinary SET.
    #[inline(never)]
    pub(super) fn set_sum(&mut self, name: Sym, rhs: &Expr) -> bool {
        let y = match &rhs.kind {
            ExprKind::Lit(v) => v.cached_int(),
            ExprKind::Var(Glvn::Local(t, subs)) if subs.is_empty() => self
                .locals
                .slot(*t)
                .and_then(|s| s.try_borrow().ok()?.value.as_ref()?.cached_int()),
            ExprKind::Func(..) => super::strfn::piece_length_at(self, rhs),
            _ => None,
        };
        y.is_some_and(|y| self.add_in_place(name, y))
    }

    /// `n` made `n+y` in place when `n` is a known integer and the result one too; false
    /// (nothing changed) otherwise.
    #[inline(always)]
    fn add_in_place(&mut self, name: Sym, y: i64) -> bool {
        let Some(slot) = self.locals.slot(name) else {
            return false;
        };
        let Ok(mut node) = slot.try_borrow_mut() else {
            return false;
        };
        let Some(v) = node.value.as_mut() else {
            return false;
        };
        let Some(x) = v.cached_int() else {
            return false;
        };
        let s = x + y;
        s > -INT_LIMIT && s < INT_LIMIT && v.set_small_int(s)
    }
}

impl Interp {
    /// `SET x(a,...)=$GET(x(a,...))+y`, the accumulating idiom (a total per key), with the
    /// same subscripts on both sides, each a literal or an unsubscripted local, and `y`
    /// unable to change a local: the keys read, then `y`, then the node's value and `y`
    /// added where the node lies, found once instead of twice. Reading the keys and the
    /// node has no effect, so reading them around `y` is reading them in GT.M's order.
    /// Called only for that shape (`SetArg::Assign::accumulates`); None, nothing evaluated,
    /// for an undefined subscript (the general path then raises UNDEF).
    #[inline(never)]
    pub(super) fn set_accumulate(
        &mut self,
        name: Sym,
        subs: &[Expr],
        value: &Expr,
        here: &Here,
    ) -> Option<MResult<()>> {
        let ExprKind::Binary { rhs, .. } = &value.kind else {
            return None;
        };
        let mut keys: SmallVec<[Value; 4]> = SmallVec::new();
        for s in subs {
            let k = self.value_ref(s)?;
            // Whether it collates as a number, worked out where it lies: the copy carries
            // the answer, and a literal subscript (`x(k,"len")`) is looked at once, not on
            // every run.
            if k.is_canonical_number() {
                k.num();
            }
            keys.push(k.clone());
        }
        let y = match self.addend_in_place(rhs) {
            Some(y) => Ok(y),
            None => self.eval(rhs, here),
        };
        let added = y
            .and_then(|y| self.add_at(name, &keys, &y))
            .map_err(|err| err.at(value.span.clone()));
        Some(added)
    }

    /// The addend `y(s)` of `SET x(k)=$GET(x(k))+y(s)` (a field of a record added to a
    /// total), `s` a literal or a defined local: the node's number, made where the value lies
    /// and so kept there for the next read (a copy's would be lost with the copy). None for
    /// another shape or an undefined node (evaluated as usual, which raises UNDEF); a value
    /// past M's range is copied, for `+` to raise NUMOFLOW as usual.
    fn addend_in_place(&self, rhs: &Expr) -> Option<Value> {
        let (name, sub) = super::local1::one_subscript(rhs)?;
        let k = self.value_ref(sub)?;
        let slot = self.locals.slot(name)?;
        let node = slot.borrow();
        let v = node.kids.get_value(&k)?.value.as_ref()?;
        Some(match v.num_checked() {
            Ok(n) => Value::from_num(n),
            Err(_) => v.clone(),
        })
    }

    /// `name(keys)` made its value (`""` when it has none) plus `y`, as `+` does; on an
    /// error (NUMOFLOW) nothing is changed or made.
    fn add_at(&mut self, name: Sym, keys: &[Value], y: &Value) -> MResult<()> {
        let empty = Value::empty();
        let mut root = self.locals.slot_mut(name).borrow_mut();
        // The node there already (every time after the first): its value replaced in place.
        if let Some(node) = node_mut(&mut root, keys) {
            let sum = binary(BinOp::Add, false, node.value.as_ref().unwrap_or(&empty), y)?;
            node.value = Some(sum);
            return Ok(());
        }
        let sum = binary(BinOp::Add, false, &empty, y)?;
        let mut node: &mut Node = &mut root;
        for k in keys {
            node = node.kids.get_or_create_value(k);
        }
        node.value = Some(sum);
        Ok(())
    }
}
