//! The reference that name indirection `@x` or `@x@(subs)` names, as a SET target or an
//! argument that needs a `VarRef`. The text's parsed name is looked up in the bounded name
//! cache first (a variable read again hands over the same buffer, found by address); only a
//! text not there is read as canonical text (`refname`) or parsed. A plain name read
//! canonically is cached too, so `@w@(i)` does not intern `w`'s name on every run; a
//! canonical text with subscripts (a `$QUERY` walk names a new node each step) is not, so
//! the walk does not push the names in use out of the cache.

use std::rc::Rc;

use super::refname::canonical_ref;
use super::var::{VarRef, subscript_count};
use super::{Here, Interp, MAX_FRAMES};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Expr, Glvn};
use crate::value::Value;

impl Interp {
    /// `@text@(extra)` (no `extra` for plain `@text`) as a reference.
    pub(super) fn indirect_var_ref(
        &mut self,
        text: &Value,
        extra: &[Expr],
        here: &Here,
    ) -> MResult<VarRef> {
        if let Some(g) = self.name_cache.get(text.bytes(), |_| true) {
            return self.named_ref(&g, extra, here);
        }
        let Some(c) = canonical_ref(text.bytes()) else {
            let g = self.indirect_name(text)?;
            return self.indirect_ref(&g, extra, here);
        };
        if c.keys.is_empty() {
            let g = match c.global {
                true => Glvn::Global(c.name, Vec::new()),
                false => Glvn::Local(c.name, Vec::new()),
            };
            self.name_cache.insert(text.rc(), Rc::new(g));
        }
        let mut r = VarRef {
            name: match c.global {
                true => super::global::stored_name(c.name),
                false => c.name,
            },
            keys: c.keys,
            span: 0..0,
            global: c.global,
        };
        r.keys.extend(self.keys(extra, here)?);
        subscript_count(r.keys.len())?;
        Ok(r)
    }

    /// `indirect_ref` of a cached name; a plain local takes its added subscripts as its
    /// keys, with no reference made and extended (the indirection budget checked as
    /// `indirectly` checks it: resolving a plain name evaluates nothing).
    #[inline]
    fn named_ref(&mut self, g: &Glvn, extra: &[Expr], here: &Here) -> MResult<VarRef> {
        if let Glvn::Local(name, subs) = g
            && subs.is_empty()
            && !extra.iter().any(|x| x.changes_locals)
        {
            if self.frames.len() + self.indirection >= MAX_FRAMES {
                return Err(MError::new(kind::STACKCRIT));
            }
            return Ok(VarRef {
                name: *name,
                keys: self.keys(extra, here)?,
                span: 0..0,
                global: false,
            });
        }
        self.indirect_ref(g, extra, here)
    }
}
