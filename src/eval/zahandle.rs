//! `$ZAHANDLE(lvn)`: GT.M's identifier of the array a local name is bound to.
//!
//! Probed under GT.M V7.0-005: an unsubscripted name gives the array's address in
//! hexadecimal (12 digits on x86-64), the same for a name passed by reference and after a
//! KILL, another after NEW; a name never set gets one too. A subscripted name is read
//! (UNDEF when the node is undefined) and gives "" (it is no alias container: minim has no
//! `SET *`). A global is NAMEEXPECTED.

use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Expr, ExprKind};
use crate::value::Value;

impl Interp {
    pub(super) fn zahandle_fn(&mut self, args: &[Expr], here: &Here) -> MResult<Value> {
        let Some(ExprKind::Var(g)) = args.first().map(|a| &a.kind) else {
            return Err(MError::new(kind::VAREXPECTED));
        };
        let r = self.var_ref(g, here)?;
        if r.global {
            return Err(MError::new(kind::NAMEEXPECTED));
        }
        if !r.keys.is_empty() {
            self.eval(&args[0], here)?;
            return Ok(Value::empty());
        }
        // The slot is the array a name is bound to: shared by a by-reference formal, kept by
        // KILL, replaced by NEW, as GT.M's array.
        let slot = self.locals.slot_mut(r.name);
        let address = std::rc::Rc::as_ptr(slot) as usize;
        Ok(Value::from(format!("{address:X}").as_str()))
    }
}
