//! Variable references: resolving `x(1,"a")` and `@x@(2)` to a name and keys, reading,
//! storing and killing, and the SET targets `$PIECE`, `$EXTRACT` and special variables.

use std::rc::Rc;

use smallvec::SmallVec;

use super::{Here, Interp};
use crate::error::{MError, MResult, Span, kind};
use crate::intern::Sym;
use crate::locals::Key;
use crate::number::Number;
use crate::syntax::ast::{Expr, Glvn, SetTarget, Svn};
use crate::syntax::parser::parse_indirect_name;
use crate::value::Value;

mod setpiece;
pub(super) use setpiece::local_edit;

/// Evaluated subscripts of a local, inline up to three (a `VarRef` is moved often: more
/// inline keys would cost more in copies than the allocation they save).
pub(super) type LocalKeys = SmallVec<[Key; 3]>;

/// A resolved local variable reference: the name and its evaluated subscripts.
pub(super) struct VarRef {
    pub name: Sym,
    /// Inline up to three: a subscripted reference costs no allocation.
    pub keys: LocalKeys,
    pub span: Span,
    /// `^name`: the node lives in the database.
    pub global: bool,
}

/// A SET target with its subscripts and positions already evaluated.
pub(super) enum Target {
    Var(VarRef),
    Piece {
        var: VarRef,
        delim: Value,
        from: i64,
        to: i64,
    },
    Extract {
        var: VarRef,
        from: i64,
        to: i64,
    },
    Svn(Svn),
}

impl Interp {
    /// Resolves a variable reference (evaluating subscripts and indirection).
    pub(super) fn var_ref(&mut self, g: &Glvn, here: &Here) -> MResult<VarRef> {
        match g {
            Glvn::Local(name, subs) => Ok(VarRef {
                name: *name,
                // An unsubscripted local (SET $PIECE(x,...)): no subscripts to look at.
                keys: match subs.is_empty() {
                    true => LocalKeys::new(),
                    false => self.keys(subs, here)?,
                },
                span: 0..0,
                global: false,
            }),
            Glvn::Global(name, subs) => {
                let name = super::global::stored_name(*name);
                Ok(VarRef {
                    name,
                    keys: self.global_keys(name, subs, here)?,
                    span: 0..0,
                    global: true,
                })
            }
            Glvn::Extended(x) => {
                self.extended_env(&x.env, here)?;
                let name = super::global::stored_name(x.name);
                Ok(VarRef {
                    name,
                    keys: self.global_keys(name, &x.subs, here)?,
                    span: 0..0,
                    global: true,
                })
            }
            Glvn::Naked(subs) => {
                let extra = self.keys_noting(subs, here, |me, before| {
                    if let Ok((name, base)) = me.naked_base() {
                        me.note_partial(name, &base, before);
                    }
                })?;
                let (name, mut keys) = self.naked_base()?;
                keys.extend(extra);
                subscript_count(keys.len())?;
                Ok(VarRef {
                    name,
                    keys: LocalKeys::from_vec(keys),
                    span: 0..0,
                    global: true,
                })
            }
            Glvn::Indirect(e, extra) => {
                let text = self.eval(e, here)?;
                self.indirect_var_ref(&text, extra, here)
            }
        }
    }

    /// The reference `@x@(extra)` names once `x`'s text is parsed into `g`.
    pub(super) fn indirect_ref(
        &mut self,
        g: &Glvn,
        extra: &[Expr],
        here: &Here,
    ) -> MResult<VarRef> {
        if extra.iter().any(|x| x.changes_locals) {
            return self.indirect_extra_first(g, extra, here);
        }
        let mut r = self.indirectly(|me| me.var_ref(g, here))?;
        // `@x` with nothing added (the usual read of `@r`, r="a(3)"): no keys to append.
        if !extra.is_empty() {
            r.keys.extend(self.keys(extra, here)?);
            subscript_count(r.keys.len())?;
        }
        Ok(r)
    }

    /// The unsubscripted local that name indirection `@x` (no subscripts added) names, when
    /// it is one: such a read or SET needs no `VarRef` (nor, being no deeper indirection,
    /// a level of the indirection budget, unless that is used up: then STACKCRIT as usual).
    pub(super) fn indirect_plain_local(&self, g: &Glvn) -> Option<Sym> {
        match g {
            Glvn::Local(name, subs)
                if subs.is_empty() && self.frames.len() + self.indirection < super::MAX_FRAMES =>
            {
                Some(*name)
            }
            _ => None,
        }
    }

    /// The variable named by the text of name indirection, parsed once while cached.
    pub(super) fn indirect_name(&mut self, text: &Value) -> MResult<Rc<Glvn>> {
        if let Some(g) = self.name_cache.get(text.bytes(), |_| true) {
            return Ok(g);
        }
        let g = Rc::new(parse_indirect_name(&text.source_text())?);
        self.name_cache.insert(text.rc(), g.clone());
        Ok(g)
    }

    /// The keys of a local's subscripts, without a heap allocation for up to three.
    pub(super) fn local_keys(&mut self, subs: &[Expr], here: &Here) -> MResult<LocalKeys> {
        subscript_count(subs.len())?;
        if super::order::subscripts_read_late(subs) {
            return self.keys_locals_last(subs, here, |_, _| {});
        }
        let mut keys = LocalKeys::new();
        for s in subs {
            keys.push(self.key_of(s, here)?);
        }
        Ok(keys)
    }

    /// The subscript `s` makes: a literal or a defined local read where it lies, anything
    /// else evaluated and its value moved into the key.
    #[inline]
    pub(super) fn key_of(&mut self, s: &Expr, here: &Here) -> MResult<Key> {
        if let Some(v) = self.value_ref(s) {
            return Ok(Key::from_value(&v));
        }
        Ok(Key::from_owned(self.eval(s, here)?))
    }

    /// The value of `name(keys)`, or UNDEF (as `fetch` reports it for a resolved reference).
    pub(super) fn fetch_keys(&self, name: Sym, keys: &[Key]) -> MResult<Value> {
        match self.lookup_keys(name, keys) {
            Some(v) => Ok(v),
            None if self.noundef => Ok(Value::empty()),
            None => Err(MError::with_args(kind::UNDEF, &[&undef_name(name, keys)])),
        }
    }

    fn lookup_keys(&self, name: Sym, keys: &[Key]) -> Option<Value> {
        let slot = self.locals.slot(name)?;
        let node = slot.borrow();
        node.get(keys)?.value.clone()
    }

    /// The number in a variable, read in place (FOR's control variable), or UNDEF.
    pub(super) fn fetch_num(&self, r: &VarRef) -> MResult<Number> {
        if !r.global
            && let Some(slot) = self.locals.slot(r.name)
            && let Some(v) = slot.borrow().get(&r.keys).and_then(|n| n.value.as_ref())
        {
            return Ok(v.num());
        }
        if !r.global && !self.noundef {
            return Err(undef_at(&undef_name(r.name, &r.keys), &r.span));
        }
        self.fetch(r).map(|v| v.num())
    }

    /// The number in an unsubscripted local (FOR's control variable), or UNDEF.
    #[inline]
    pub(super) fn local_num(&self, name: Sym) -> MResult<Number> {
        if let Some(slot) = self.locals.slot(name)
            && let Some(v) = &slot.borrow().value
        {
            return Ok(v.num());
        }
        self.fetch_keys(name, &[]).map(|v| v.num())
    }

    /// SET of an unsubscripted local.
    #[inline(always)]
    pub(super) fn store_local(&mut self, name: Sym, v: Value) {
        self.locals.slot_mut(name).borrow_mut().value = Some(v);
    }

    pub(super) fn keys(&mut self, subs: &[Expr], here: &Here) -> MResult<LocalKeys> {
        self.keys_noting(subs, here, |_, _| {})
    }

    /// `keys`, telling `undef_after` the keys made before an unsubscripted local among the
    /// subscripts that is undefined (its UNDEF is then the result).
    #[inline(always)]
    fn keys_noting(
        &mut self,
        subs: &[Expr],
        here: &Here,
        undef_after: impl FnOnce(&Self, &[Key]),
    ) -> MResult<LocalKeys> {
        subscript_count(subs.len())?;
        if super::order::subscripts_read_late(subs) {
            return self.keys_locals_last(subs, here, undef_after);
        }
        let mut keys = LocalKeys::with_capacity(subs.len());
        for s in subs {
            match self.key_of(s, here) {
                Ok(k) => keys.push(k),
                Err(e) => {
                    if undefined_local(s, &e) {
                        undef_after(self, &keys);
                    }
                    return Err(e);
                }
            }
        }
        Ok(keys)
    }

    /// The keys of a global's subscripts (after `base`, a naked reference's). GT.M finds an
    /// undefined unsubscripted local among them as it builds the key, after the subscripts
    /// before it went in: the last global reference is then the name with those
    /// (`$GET(^N(i,2,j))`, j undefined, leaves `$REFERENCE` "^N(1,2)"; probed in GT.M 7.0).
    fn global_keys(&mut self, name: Sym, subs: &[Expr], here: &Here) -> MResult<LocalKeys> {
        self.keys_noting(subs, here, |me, before| me.note_partial(name, &[], before))
    }

    /// The value of a variable, or UNDEF.
    pub(super) fn fetch(&self, r: &VarRef) -> MResult<Value> {
        if r.global {
            return self.gv_fetch(r);
        }
        match self.lookup_keys(r.name, &r.keys) {
            Some(v) => Ok(v),
            None if self.noundef => Ok(Value::empty()),
            None => Err(undef_at(&undef_name(r.name, &r.keys), &r.span)),
        }
    }

    pub(super) fn lookup(&self, r: &VarRef) -> MResult<Option<Value>> {
        if r.global {
            return self.gv_get(r);
        }
        Ok(self.lookup_keys(r.name, &r.keys))
    }

    pub(super) fn store(&mut self, r: &VarRef, v: Value) -> MResult<()> {
        if r.global {
            return self.gv_set(r, &v);
        }
        let slot = self.locals.slot_mut(r.name);
        let mut root = slot.borrow_mut();
        if r.keys.is_empty() {
            root.value = Some(v);
        } else {
            root.get_mut_or_create(&r.keys).value = Some(v);
        }
        Ok(())
    }

    pub(super) fn kill_ref(&mut self, r: &VarRef) -> MResult<()> {
        if r.global {
            return self.gv_kill(r);
        }
        if let Some(slot) = self.locals.slot(r.name) {
            slot.borrow_mut().kill(&r.keys);
        }
        Ok(())
    }

    /// `$DATA` of a reference.
    pub(super) fn data_of(&self, r: &VarRef) -> MResult<u8> {
        if r.global {
            return self.gv_data(r);
        }
        Ok(self.local_data(r.name, &r.keys))
    }

    /// `$DATA` of a local node.
    pub(super) fn local_data(&self, name: Sym, keys: &[Key]) -> u8 {
        self.locals
            .slot(name)
            .and_then(|s| s.borrow().get(keys).map(|n| n.data()))
            .unwrap_or(0)
    }

    pub(super) fn resolve_target(&mut self, t: &SetTarget, here: &Here) -> MResult<Target> {
        Ok(match t {
            SetTarget::Var(g, span) => Target::Var(self.target_ref(g, span, here)?),
            SetTarget::Piece {
                var,
                delim,
                from,
                to,
                ..
            } => {
                let var = self.var_ref(var, here)?;
                let delim = self.eval(delim, here)?;
                let (from, to) = self.positions(from.as_ref(), to.as_ref(), here)?;
                Target::Piece {
                    var,
                    delim,
                    from,
                    to,
                }
            }
            SetTarget::Extract { var, from, to, .. } => {
                let var = self.var_ref(var, here)?;
                let (from, to) = self.positions(from.as_ref(), to.as_ref(), here)?;
                Target::Extract { var, from, to }
            }
            SetTarget::Svn(s, _) => Target::Svn(*s),
        })
    }

    /// The `from` and `to` positions of a SET `$PIECE`/`$EXTRACT` target (1 and `from` when
    /// left out).
    fn positions(
        &mut self,
        from: Option<&Expr>,
        to: Option<&Expr>,
        here: &Here,
    ) -> MResult<(i64, i64)> {
        let from = match from {
            Some(e) => self.int_arg(e, here)?,
            None => 1,
        };
        let to = match to {
            Some(e) => self.int_arg(e, here)?,
            None => from,
        };
        Ok((from, to))
    }

    pub(super) fn assign(&mut self, t: Target, v: &Value) -> MResult<()> {
        match t {
            Target::Var(r) => self.store(&r, v.clone()),
            t => self.assign_owned(t, v.clone()),
        }
    }

    /// `SET ^(subs)=value`: GT.M takes the naked indicator when it stores, after the
    /// value's own global references (probed: `SET ^(1)=^Y(0)` after `^X(0)` sets `^Y(1)`).
    pub(super) fn set_naked(
        &mut self,
        subs: &[Expr],
        value: &Expr,
        span: &Span,
        here: &Here,
    ) -> MResult<()> {
        let extra = self.keys(subs, here)?;
        let v = self.eval(value, here)?;
        let (name, mut keys) = self.naked_base()?;
        keys.extend(extra);
        subscript_count(keys.len())?;
        let r = VarRef {
            name,
            keys: LocalKeys::from_vec(keys),
            span: span.clone(),
            global: true,
        };
        self.store(&r, v)
    }

    /// `assign` for the last (or only) target, which can take the value without a copy.
    pub(super) fn assign_owned(&mut self, t: Target, v: Value) -> MResult<()> {
        match t {
            Target::Var(r) => self.store(&r, v),
            Target::Piece {
                var,
                delim,
                from,
                to,
            } => {
                // At least from-1 delimiters precede the new piece.
                let delims = ((from.max(1) - 1) as u64).saturating_mul(delim.len() as u64);
                fits_before_set(from <= to, delims, v.len())?;
                if self.set_piece_in_place(&var, delim.bytes(), from, to, v.bytes()) {
                    return Ok(());
                }
                let old = self.lookup(&var)?.unwrap_or_else(Value::empty);
                let new = super::func::set_piece(old.bytes(), delim.bytes(), from, to, v.bytes());
                match new {
                    Some(n) => self.store(&var, checked_len(n)?),
                    None => Ok(()),
                }
            }
            Target::Extract { var, from, to } => {
                fits_before_set(from <= to, (from.max(1) - 1) as u64, v.len())?;
                let old = self.lookup(&var)?.unwrap_or_else(Value::empty);
                let new = super::func::set_extract(old.bytes(), from, to, v.bytes());
                match new {
                    Some(n) => self.store(&var, checked_len(n)?),
                    None => Ok(()),
                }
            }
            Target::Svn(s) => self.set_svn(s, &v),
        }
    }
}

impl Interp {
    /// SET `$PIECE` of a defined local whose buffer nothing else shares, when the piece is
    /// there and the new text fits in the buffer: the piece replaced where it lies, without
    /// a copy of the rest or an allocation. False, nothing done, otherwise.
    fn set_piece_in_place(&mut self, var: &VarRef, d: &[u8], from: i64, to: i64, v: &[u8]) -> bool {
        let from = from.max(1);
        if var.global || d.is_empty() || to < from {
            return false;
        }
        let Some(slot) = self.locals.slot(var.name) else {
            return false;
        };
        let mut root = slot.borrow_mut();
        let mut node = &mut *root;
        for k in var.keys.iter() {
            match node.kids.get_mut(k) {
                Some(n) => node = n,
                None => return false,
            }
        }
        let Some(value) = node.value.as_mut() else {
            return false;
        };
        if (self.strs.pieces).set_held(value, d, from, to, v, super::func::MAX_STRLEN) {
            return true;
        }
        // The piece cache must not keep the buffer from being written in place.
        if let Some(p) = value.shared_ptr() {
            self.strs.pieces.release(p);
        }
        let text = value.bytes();
        let Some(start) = super::strscan::piece_start(text, d, from) else {
            return false;
        };
        let end = super::strscan::pieces_end(text, d, start, from, to);
        let new_len = text.len() - (end - start) + v.len();
        // GT.M's limit on the result, as `checked_len` applies it to a new string.
        new_len <= super::func::MAX_STRLEN && value.splice_in_place(start, end, v)
    }
}

/// GT.M allows at most 31 subscripts in a reference (MAXNRSUBSCRIPTS).
pub(super) fn subscript_count(n: usize) -> MResult<()> {
    if n > 31 {
        return Err(MError::new(kind::MAXNRSUBSCRIPTS));
    }
    Ok(())
}

/// MAXSTRLEN, raised before building it, when SET `$PIECE`/`$EXTRACT` would make a string
/// of at least `before` bytes followed by `value_len` (`set $extract(x,1E18)="a"`).
fn fits_before_set(changes: bool, before: u64, value_len: usize) -> MResult<()> {
    if changes && before.saturating_add(value_len as u64) > super::func::MAX_STRLEN as u64 {
        return Err(MError::new(kind::MAXSTRLEN));
    }
    Ok(())
}

/// A string made by SET `$PIECE`/`$EXTRACT`, or MAXSTRLEN past GT.M's 1 MiB limit.
fn checked_len(v: Value) -> MResult<Value> {
    if v.len() > super::func::MAX_STRLEN {
        return Err(MError::new(kind::MAXSTRLEN));
    }
    Ok(v)
}

/// `x(1,"a")` as GT.M shows a name in messages, `$QUERY`, `$NAME` and ZWRITE: string
/// subscripts quoted, control characters as `$C(...)`.
pub fn display_name(name: Sym, keys: &[Key]) -> String {
    String::from_utf8_lossy(&name_bytes(name, keys)).into_owned()
}

/// `x(1,a b)` as GT.M names an undefined local in UNDEF: string subscripts bare, as they
/// are (probed: `x("a b")` gives `x(a b)`, `x("a""b")` gives `x(a"b)`).
fn undef_name(name: Sym, keys: &[Key]) -> String {
    String::from_utf8_lossy(&write_name(name, keys, false)).into_owned()
}

/// `display_name` as bytes: every byte of a string subscript kept (ZWRITE, `$QUERY`,
/// `$NAME` and extracts must not change a byte; messages may use `display_name`).
pub fn name_bytes(name: Sym, keys: &[Key]) -> Vec<u8> {
    write_name(name, keys, true)
}

/// `name(keys)`, string subscripts quoted as ZWRITE writes them or, when not `quoted`, as
/// they are (GT.M's UNDEF text for a FOR control variable).
fn write_name(name: Sym, keys: &[Key], quoted: bool) -> Vec<u8> {
    let mut s = name.as_str().as_bytes().to_vec();
    if !keys.is_empty() {
        s.push(b'(');
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                s.push(b',');
            }
            match k {
                Key::Num(n) => n.write_canonical(&mut s),
                Key::Str(b) if quoted => {
                    s.extend_from_slice(&super::func::zwrite_string(b.bytes()))
                }
                Key::Str(b) => s.extend_from_slice(b.bytes()),
            }
        }
        s.push(b')');
    }
    s
}

/// UNDEF for `name` at `span`. A reference made without a place (span `0..0`, which no
/// expression has: column 0 of line 1 is a label) leaves the place to the expression that
/// used it, so that the report shows the line that failed, not the routine's first line.
fn undef_at(name: &str, span: &Span) -> MError {
    let e = MError::with_args(kind::UNDEF, &[name]);
    if *span == (0..0) {
        e
    } else {
        e.at(span.clone())
    }
}

/// Whether `e`, raised by subscript `s`, is an unsubscripted local found undefined.
fn undefined_local(s: &Expr, e: &MError) -> bool {
    e.kind == kind::UNDEF && s.is_plain_local()
}
