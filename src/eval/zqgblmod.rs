//! `$ZQGBLMOD(gvn)`: whether a lost transaction may be applied to a global. minim has no
//! replication, and GT.M without it answers 1 for a global that exists and 0 for one never
//! made (probed: `$ZQGBLMOD(^a(3))` is 1 once any `^a` node exists, whichever node is named).
//! The reference is named as `$DATA` names it (`$REFERENCE`, the naked indicator).

use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Expr, ExprKind};
use crate::value::Value;

impl Interp {
    pub(super) fn zqgblmod(&mut self, args: &[Expr], here: &Here) -> MResult<Value> {
        let Some(ExprKind::Var(g)) = args.first().map(|a| &a.kind) else {
            return Err(MError::new(kind::VAREXPECTED));
        };
        let r = self.var_ref(g, here)?;
        if !r.global {
            return Err(MError::new(kind::VAREXPECTED));
        }
        self.note_global(&r);
        let data = self.globals.borrow_mut().data(r.name.as_str(), &[]);
        let data = data.map_err(|e| self.db_error(e, &r))?;
        Ok(Value::from_bool(data != 0))
    }
}
