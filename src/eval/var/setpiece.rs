//! SET `$PIECE(x,"c",from,to)=v` and SET `$EXTRACT(x,from,to)=v` of a local, the usual
//! shapes (a one-byte literal delimiter), done where the string lies: no `Target` is
//! built, and the piece is replaced in the local's own buffer when it alone owns one with
//! room. Anything else (an undefined or short target, missing pieces, positions below 1,
//! a result past MAXSTRLEN) goes on to the general assignment with the positions and the
//! value already evaluated, so each expression is still evaluated once, in GT.M's order:
//! the subscripts, then the positions, then the value.

use super::{LocalKeys, Target, VarRef};
use crate::error::MResult;
use crate::eval::func::MAX_STRLEN;
use crate::eval::{Here, Interp};
use crate::intern::Sym;
use crate::locals::Key;
use crate::syntax::ast::{Expr, ExprKind, SetTarget};
use crate::value::Value;

/// The parts of a SET target that `set_local_edit` handles: the local's name, its
/// subscripts, the delimiter byte (None for `$EXTRACT`) and the position arguments.
pub(in crate::eval) struct LocalEdit<'a> {
    name: Sym,
    subs: &'a [Expr],
    delim: Option<u8>,
    from: Option<&'a Expr>,
    to: Option<&'a Expr>,
}

/// The `LocalEdit` of a `$PIECE` target of a local with a one-byte literal delimiter, or
/// an `$EXTRACT` target of a local.
#[inline]
pub(in crate::eval) fn local_edit(t: &SetTarget) -> Option<LocalEdit<'_>> {
    use crate::syntax::ast::Glvn::Local;
    match t {
        SetTarget::Piece {
            var: Local(name, subs),
            delim,
            from,
            to,
            ..
        } => match &delim.kind {
            ExprKind::Lit(d) if d.len() == 1 => Some(LocalEdit {
                name: *name,
                subs,
                delim: Some(d.bytes()[0]),
                from: from.as_ref(),
                to: to.as_ref(),
            }),
            _ => None,
        },
        SetTarget::Extract {
            var: Local(name, subs),
            from,
            to,
            ..
        } => Some(LocalEdit {
            name: *name,
            subs,
            delim: None,
            from: from.as_ref(),
            to: to.as_ref(),
        }),
        _ => None,
    }
}

impl Interp {
    /// `SET target=value` for a target `local_edit` found.
    pub(in crate::eval) fn set_local_edit(
        &mut self,
        t: LocalEdit<'_>,
        value: &Expr,
        here: &Here,
    ) -> MResult<()> {
        let keys = match t.subs.is_empty() {
            true => LocalKeys::new(),
            false => self.keys(t.subs, here)?,
        };
        let (from, to) = self.positions(t.from, t.to, here)?;
        let v = self.eval(value, here)?;
        if from >= 1 && to >= from && self.edit_in_place(t.name, &keys, t.delim, from, to, &v) {
            return Ok(());
        }
        let var = VarRef {
            name: t.name,
            keys,
            span: 0..0,
            global: false,
        };
        let target = match t.delim {
            Some(c) => Target::Piece {
                var,
                delim: Value::from_byte(c),
                from,
                to,
            },
            None => Target::Extract { var, from, to },
        };
        self.assign_owned(target, v)
    }

    /// The edit done on the defined local `name(keys)` where it lies (`1 <= from <= to`);
    /// false, nothing done, when it is undefined or the edit is not a plain replacement.
    fn edit_in_place(
        &mut self,
        name: Sym,
        keys: &[Key],
        delim: Option<u8>,
        from: i64,
        to: i64,
        v: &Value,
    ) -> bool {
        let Some(slot) = self.locals.slot(name) else {
            return false;
        };
        let mut root = slot.borrow_mut();
        let mut node = &mut *root;
        for k in keys {
            match node.kids.get_mut(k) {
                Some(n) => node = n,
                None => return false,
            }
        }
        let Some(s) = node.value.as_mut() else {
            return false;
        };
        let (from, to) = (from as usize, to as usize);
        match delim {
            Some(c) => (self.strs.pieces).set_byte(s, c, (from, to), v.bytes(), MAX_STRLEN),
            None => {
                // SET $EXTRACT past the end pads with spaces: left to the general SET.
                let (start, len) = (from - 1, s.len());
                let end = to.min(len);
                if start > len || len - (end - start) + v.len() > MAX_STRLEN {
                    return false;
                }
                // The piece cache must not keep the buffer from being written in place.
                if let Some(p) = s.shared_ptr() {
                    self.strs.pieces.release(p);
                }
                s.splice(start, end, v.bytes());
                true
            }
        }
    }
}
