//! The right operand of `&` or `!` when the left one decides: GT.M does not evaluate it,
//! but still names the globals in it, so `$REFERENCE` and the naked indicator move as if
//! they had been read (probed under GT.M V7.0-005, none of them fetched, so no GVUNDEF):
//! - `0&^X(1)` leaves `$REFERENCE` at `^X(1)`; `0&(^X(1)+^Z(9))` at `^Z(9)`; `0&^(3)` at the
//!   naked expansion;
//! - a global's subscripts are evaluated in full (`0&^X($$f(4))` calls `f`, a `$ORDER`
//!   among them runs), as are indirection (`0&@i` fetches, GVUNDEF) and `$SELECT`;
//! - elsewhere only the globals are named: a local (`0&y(^X(2))`, y undefined: no UNDEF),
//!   a function's or an extrinsic's arguments (`0&$$g(^X(15))` does not call `g`); `$NAME`
//!   names nothing.

use super::{Here, Interp};
use crate::error::MResult;
use crate::syntax::ast::{Actual, Expr, ExprKind, Func, Glvn};

impl Interp {
    /// Names the globals of a skipped operand, as GT.M.
    pub(super) fn name_skipped(&mut self, e: &Expr, here: &Here) -> MResult<()> {
        match &e.kind {
            ExprKind::Lit(_) | ExprKind::Svn(_) | ExprKind::Text(_) => Ok(()),
            ExprKind::Var(Glvn::Local(_, subs)) => self.name_skipped_all(subs, here),
            ExprKind::Var(Glvn::Indirect(..)) | ExprKind::Select(_) => {
                self.eval(e, here).map(|_| ())
            }
            ExprKind::Var(g) => {
                let r = self.var_ref(g, here)?;
                self.note_global(&r);
                Ok(())
            }
            // `$NAME` never names its global, skipped or not.
            ExprKind::Func(Func::Name, _) => Ok(()),
            ExprKind::Func(_, args) => self.name_skipped_all(args, here),
            ExprKind::Extrinsic(_, actuals) => {
                for a in actuals {
                    if let Actual::Value(x) = a {
                        self.name_skipped(x, here)?;
                    }
                }
                Ok(())
            }
            ExprKind::Unary(_, x) => self.name_skipped(x, here),
            ExprKind::Binary { lhs, rhs, .. } => {
                self.name_skipped(lhs, here)?;
                self.name_skipped(rhs, here)
            }
            ExprKind::Match { lhs, .. } => self.name_skipped(lhs, here),
        }
    }

    fn name_skipped_all(&mut self, es: &[Expr], here: &Here) -> MResult<()> {
        es.iter().try_for_each(|x| self.name_skipped(x, here))
    }
}
