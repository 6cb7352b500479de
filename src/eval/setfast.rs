//! `SET n=n+x` of an unsubscripted local: an integer total (a counter, a sum of lengths)
//! updated where it lies, with no value made for the result and none dropped. Only what
//! is read without effect or error qualifies (`x` a literal, a bare local, or
//! `$LENGTH($PIECE(r,"c",j))` of bare locals); anything else, or a part not known as a
//! small integer, is left untouched to the ordinary SET, which raises any error as GT.M
//! does.

use super::Interp;
use crate::intern::Sym;
use crate::syntax::ast::{Expr, ExprKind, Glvn};

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
