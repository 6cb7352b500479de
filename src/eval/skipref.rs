//! The right operand of `&` or `!` when the left one decides: GT.M does not evaluate it,
//! but still names the globals in it, so `$REFERENCE` and the naked indicator move as if
//! they had been read (probed under GT.M V7.0-005, none of them fetched, so no GVUNDEF):
//! - `0&^X(1)` leaves `$REFERENCE` at `^X(1)`; `0&(^X(1)+^Z(9))` at `^Z(9)`; `0&^(3)` at the
//!   naked expansion;
//! - a global's subscripts are evaluated in full (`0&^X($$f(4))` calls `f`, a `$ORDER`
//!   among them runs), as are indirection (`0&@i` fetches, GVUNDEF) and `$SELECT`;
//! - elsewhere only the globals are named: a local (`0&y(^X(2))`, y undefined: no UNDEF),
//!   a function's or an extrinsic's arguments (`0&$$g(^X(15))` does not call `g`);
//! - `$NAME` does not name its own global, but names those in its subscripts and the head of
//!   an indirection without fetching them (`0&$NAME(@^B)` leaves `^B`, even undefined;
//!   `0&$NAME(@b@(^B))` names nothing).

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
            ExprKind::Func(Func::Name, args) => self.name_skipped_in_name(args, here),
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

    /// `$NAME(glvn,n)` skipped: see the module's comment.
    fn name_skipped_in_name(&mut self, args: &[Expr], here: &Here) -> MResult<()> {
        let Some((first, rest)) = args.split_first() else {
            return Ok(());
        };
        match &first.kind {
            ExprKind::Var(Glvn::Indirect(head, _)) => self.name_skipped(head, here)?,
            ExprKind::Var(Glvn::Local(_, subs) | Glvn::Global(_, subs) | Glvn::Naked(subs)) => {
                self.name_skipped_all(subs, here)?
            }
            ExprKind::Var(Glvn::Extended(x)) => self.name_skipped_all(&x.subs, here)?,
            _ => self.name_skipped(first, here)?,
        }
        self.name_skipped_all(rest, here)
    }

    fn name_skipped_all(&mut self, es: &[Expr], here: &Here) -> MResult<()> {
        es.iter().try_for_each(|x| self.name_skipped(x, here))
    }
}
