//! Handlers of the simplest calls of the string built-ins: the string a literal or a bare
//! local, the other arguments without effects (literals, locals, arithmetic on those), so
//! the string is read where it lies after the positions, as GT.M reads a bare local last;
//! and `$LENGTH` of such a `$PIECE`, `$EXTRACT` or `$TRANSLATE` without making the string.
//! On an undefined local (or an error in a position) they hand over to the general handlers
//! of `strfn`, which raise the error as GT.M does.

use super::super::strcache::StrCaches;
use super::super::strscan::{extract, find, find_byte_from};
use super::super::{Here, Interp};
use super::{
    INNER, LATER, NOW, args_of, arity_fits, ascii_at, ascii_fn, bare_local, extract_fn, find_fn,
    is_arith, length_fn, piece_fn, translate_fn,
};
use crate::error::MResult;
use crate::syntax::ast::{EvalFn, Expr, ExprKind, Func, Glvn};
use crate::value::Value;

/// The handler of the simplest calls: the string a literal or a bare local, the other
/// arguments literals, bare locals or arithmetic on those (nothing with an effect), so that
/// reading them in any order is reading them in GT.M's.
pub(super) fn simple_handler(f: Func, args: &[Expr]) -> Option<EvalFn> {
    if f == Func::Length
        && let [inner] = args
        && let ExprKind::Func(g, inner_args) = &inner.kind
        && arity_fits(*g, inner_args.len())
    {
        match g {
            Func::Piece if simple_piece(inner_args) => {
                return Some(match one_byte(&inner_args[1]) {
                    true if bare_locals(inner_args) => length_of_piece_byte_locals,
                    true => length_of_piece_byte,
                    false => length_of_piece,
                });
            }
            Func::Translate if simple_translate(inner_args) => return Some(length_of_translate),
            Func::Extract if simple_args(inner_args) => return Some(length_of_extract),
            _ => {}
        }
    }
    if f == Func::Length
        && let [x] = args
        && super::super::local1::plain_one_subscript(x)
    {
        return Some(length_of_local1);
    }
    if !simple_args(args) {
        return None;
    }
    Some(match f {
        Func::Extract if matches!(args, [s, at] if bare_local(s) && bare_local(at)) => {
            extract_byte_locals
        }
        Func::Extract => extract_simple,
        Func::Piece if simple_piece(args) && one_byte(&args[1]) => piece_byte_simple,
        Func::Piece if simple_piece(args) => piece_simple,
        Func::Translate if simple_translate(args) => translate_simple,
        Func::Length if args.len() == 1 => length_simple,
        Func::Ascii => ascii_simple,
        Func::Find => match &args[1].kind {
            ExprKind::Lit(_) if one_byte(&args[1]) && bare_locals(args) => find_byte_locals,
            ExprKind::Lit(_) if one_byte(&args[1]) && bare_local(&args[0]) => find_byte_local,
            ExprKind::Lit(_) if one_byte(&args[1]) => find_byte_simple,
            ExprKind::Lit(_) if bare_local(&args[0]) => find_local,
            ExprKind::Lit(_) => find_simple,
            _ => return None,
        },
        _ => return None,
    })
}

/// The string a literal or a bare local, the other arguments without effects.
fn simple_args(args: &[Expr]) -> bool {
    let first = matches!(args[0].kind, ExprKind::Lit(_)) || bare_local(&args[0]);
    first && args[1..].iter().all(pure_int)
}

/// `f(s,"c",i)`: exactly three arguments, the first and the last bare locals (`$FIND(s,",",p)`,
/// `$PIECE(r,"^",j)`), read by the narrowest handlers.
fn bare_locals(args: &[Expr]) -> bool {
    matches!(args, [s, _, i] if bare_local(s) && bare_local(i))
}

/// `$PIECE(s,"d",...)` of a literal or local.
fn simple_piece(args: &[Expr]) -> bool {
    simple_args(args) && matches!(args[1].kind, ExprKind::Lit(_))
}

/// A literal of one byte (the delimiter of `$PIECE`, the needle of `$FIND`).
fn one_byte(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(v) if v.len() == 1)
}

/// `$TRANSLATE(s,"from","to")` of a literal or local.
fn simple_translate(args: &[Expr]) -> bool {
    simple_args(args) && args[1..].iter().all(|a| matches!(a.kind, ExprKind::Lit(_)))
}

/// A literal, a bare local, or arithmetic on those, two deep (`i#20+1`): no effect when
/// read.
fn pure_int(e: &Expr) -> bool {
    pure_arith(e, 2)
}

fn pure_arith(e: &Expr, depth: u8) -> bool {
    match &e.kind {
        ExprKind::Binary {
            op,
            negated: false,
            lhs,
            rhs,
        } if depth > 0 => is_arith(*op) && pure_arith(lhs, depth - 1) && pure_arith(rhs, depth - 1),
        _ => matches!(e.kind, ExprKind::Lit(_)) || bare_local(e),
    }
}

/// The general handler `f` for a call the quick path could not finish (an undefined
/// local, a position that is not a known integer): out of line, so that the quick path
/// stays small. The arguments have no effects, so evaluating them again is safe, and the
/// general handler raises any error as GT.M does.
#[cold]
#[inline(never)]
fn general(f: EvalFn, me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    f(me, e, here)
}

/// `$EXTRACT(s,from,to)` of a literal or local.
fn extract_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    // One arm per number of arguments, so that no position is an `Option` carried along.
    let at = match args_of(e) {
        [s, at] => me
            .position(at)
            .and_then(|at| me.peek(s, |s| byte_at(s.bytes(), at))),
        [s, from, to] => {
            let v = me.position(from).and_then(|from| {
                let to = me.position(to)?;
                me.peek(s, |s| extract_value(s.bytes(), from, to))
            });
            return v.map_or_else(|| general(extract_fn::<LATER>, me, e, here), Ok);
        }
        [s] => me.peek(s, |s| byte_at(s.bytes(), 1)),
        _ => None,
    };
    // The byte found is made into the value here, in the place of the result, not passed
    // along in an `Option` first.
    match at {
        Some(Some(c)) => Ok(Value::from_byte(c)),
        Some(None) => Ok(Value::empty()),
        None => general(extract_fn::<LATER>, me, e, here),
    }
}

/// The byte `$EXTRACT(s,at)` takes, None when `at` is outside the string.
#[inline(always)]
fn byte_at(s: &[u8], at: i64) -> Option<u8> {
    // A position below 1 wraps to past any string's end.
    s.get((at as usize).wrapping_sub(1)).copied()
}

/// `$EXTRACT(s,from,to)` as a value: one byte (`$E(s,i)` within the string) made without
/// the general copy.
#[inline(always)]
fn extract_value(s: &[u8], from: i64, to: i64) -> Value {
    if from == to
        && let Some(c) = byte_at(s, from)
    {
        return Value::from_byte(c);
    }
    extract_range(s, from, to)
}

#[inline(never)]
fn extract_range(s: &[u8], from: i64, to: i64) -> Value {
    Value::from_bytes(extract(s, from, to))
}

/// `$PIECE(s,"d",from,to)` of a literal or local.
fn piece_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match me.piece_in_place(e, |p| Value::from_bytes(p)) {
        Some(v) => Ok(v),
        None => general(piece_fn::<LATER>, me, e, here),
    }
}

/// `$PIECE(s,"c",from,to)` of a literal or local, the delimiter one byte.
fn piece_byte_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match me.piece_byte_in_place(e, |p| Value::from_bytes(p)) {
        Some(v) => Ok(v),
        None => general(piece_fn::<LATER>, me, e, here),
    }
}

/// `$LENGTH($EXTRACT(s,from,to))` of a literal or local: the length is worked out from the
/// positions.
fn length_of_extract(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(&args_of(e)[0]);
    let n = me
        .quick_range(&args[1..])
        .and_then(|(from, to)| me.in_place(&args[0], |_, s| extract(s.bytes(), from, to).len()));
    match n {
        Some(n) => Ok(Value::from_i64(n as i64)),
        None => general(length_fn::<INNER>, me, e, here),
    }
}

/// `$LENGTH($PIECE(s,"d",from,to))` of a literal or local: the piece is measured where it
/// lies.
fn length_of_piece(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match me.piece_in_place(&args_of(e)[0], |p| p.len()) {
        Some(n) => Ok(Value::from_i64(n as i64)),
        None => general(length_fn::<INNER>, me, e, here),
    }
}

/// `$LENGTH($PIECE(s,"c",from,to))` of a literal or local, the delimiter one byte.
fn length_of_piece_byte(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match me.piece_byte_in_place(&args_of(e)[0], |p| p.len()) {
        Some(n) => Ok(Value::from_i64(n as i64)),
        None => general(length_fn::<INNER>, me, e, here),
    }
}

/// The literal `from` and `to` of a simple `$TRANSLATE` (`to` None when left out).
fn translate_lits(args: &[Expr]) -> Option<(&Value, Option<&Value>)> {
    let ExprKind::Lit(from) = &args[1].kind else {
        return None;
    };
    match args.get(2).map(|a| &a.kind) {
        Some(ExprKind::Lit(to)) => Some((from, Some(to))),
        Some(_) => None,
        None => Some((from, None)),
    }
}

/// `$TRANSLATE(s,"from","to")` of a literal or local, with the table of the recent call
/// sites, written straight into the result.
fn translate_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    let v = translate_lits(args).and_then(|(from, to)| {
        me.in_place(&args[0], |c, s| c.tables.translate(s.bytes(), from, to))
    });
    v.map_or_else(|| translate_fn::<LATER>(me, e, here), Ok)
}

/// `$LENGTH($TRANSLATE(s,"from","to"))` of a literal or local: the bytes kept are counted,
/// no string is made.
fn length_of_translate(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(&args_of(e)[0]);
    let n = translate_lits(args)
        .and_then(|(from, to)| me.in_place(&args[0], |c, s| c.tables.kept(s.bytes(), from, to)));
    match n {
        Some(n) => Ok(Value::from_i64(n as i64)),
        None => length_fn::<NOW>(me, e, here),
    }
}

impl Interp {
    /// `f` of the string caches and a literal's or a defined local's value, read in place;
    /// None when `e` is an undefined local.
    #[inline(always)]
    fn in_place<R>(&mut self, e: &Expr, f: impl FnOnce(&mut StrCaches, &Value) -> R) -> Option<R> {
        match &e.kind {
            ExprKind::Lit(v) => Some(f(&mut self.strs, v)),
            ExprKind::Var(Glvn::Local(name, _)) => {
                let slot = self.locals.slot(*name)?;
                let node = slot.borrow();
                Some(f(&mut self.strs, node.value.as_ref()?))
            }
            _ => None,
        }
    }

    /// `f` of the piece a `$PIECE(s,"d",from,to)` of a literal or local cuts, in place;
    /// None when the quick path cannot finish it (see `general`).
    #[inline(always)]
    fn piece_in_place<R>(&mut self, e: &Expr, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let args = args_of(e);
        let ExprKind::Lit(d) = &args[1].kind else {
            return None;
        };
        let (from, to) = self.quick_range(&args[2..])?;
        self.in_place(&args[0], |c, s| f(c.pieces.piece(s, d, from, to)))
    }

    /// `piece_in_place` for a delimiter of one byte.
    #[inline(always)]
    fn piece_byte_in_place<R>(&mut self, e: &Expr, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let args = args_of(e);
        let ExprKind::Lit(d) = &args[1].kind else {
            return None;
        };
        let c = *d.bytes().first()?;
        let (from, to) = self.quick_range(&args[2..])?;
        self.in_place(&args[0], |cache, s| {
            f(cache.pieces.piece_byte(s, c, from, to))
        })
    }

    /// The start of a simple `$FIND` (1 when left out), when the quick path knows it.
    #[inline(always)]
    fn find_start(&self, args: &[Expr]) -> Option<i64> {
        match args.get(2) {
            Some(a) => self.quick_int(a),
            None => Some(1),
        }
    }

    /// The positions `from` and `to` of a simple `$E`/`$P` (1 and `from` when left out),
    /// when the quick path knows them (`quick_int`).
    #[inline(always)]
    fn quick_range(&self, args: &[Expr]) -> Option<(i64, i64)> {
        let from = match args.first() {
            Some(a) => self.quick_int(a)?,
            None => 1,
        };
        let to = match args.get(1) {
            Some(a) => self.quick_int(a)?,
            None => from,
        };
        Some((from, to))
    }

    /// M's integer value of a position argument of a simple call, read without making a
    /// value: a literal or a defined local, or `+ - * #` on two exact integers of those.
    /// None when a local is undefined or the arithmetic is anything else (see `general`).
    #[inline(always)]
    fn quick_int(&self, e: &Expr) -> Option<i64> {
        match &e.kind {
            // An operand may be arithmetic itself (`i#20+1`).
            ExprKind::Binary { op, lhs, rhs, .. } => self.exact_int(*op, lhs, rhs),
            _ => self.peek(e, int_of),
        }
    }
}

/// M's integer value of `v` (a position: the number truncated), without a conversion when
/// its integer is known.
#[inline(always)]
pub(super) fn int_of(v: &Value) -> i64 {
    match v.cached_int() {
        Some(i) => i,
        None => converted_int(v),
    }
}

#[inline(never)]
fn converted_int(v: &Value) -> i64 {
    v.int()
}

/// `$LENGTH(s)` of a literal or local.
fn length_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let n = me.value_ref(&args_of(e)[0]).map(|s| s.len() as i64);
    n.map_or_else(
        || length_fn::<LATER>(me, e, here),
        |n| Ok(Value::from_i64(n)),
    )
}

/// `$LENGTH(x(s))`, `s` a literal or a bare local (a field's length): the node's text
/// measured where it lies, no copy of it.
fn length_of_local1(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match super::super::local1::text_len_at(me, &args_of(e)[0]) {
        Some(n) => Ok(Value::from_i64(n as i64)),
        None => general(length_fn::<NOW>, me, e, here),
    }
}

/// `$ASCII(s,at)` of a literal or local.
fn ascii_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    let at = match args.get(1) {
        Some(a) => me.quick_int(a),
        None => Some(1),
    };
    let code = at.and_then(|at| me.in_place(&args[0], |_, s| ascii_at(s.bytes(), at)));
    match code {
        Some(c) => Ok(Value::from_i64(c)),
        None => general(ascii_fn::<LATER>, me, e, here),
    }
}

/// `$FIND(s,"lit",start)` of a literal or local.
fn find_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    let ExprKind::Lit(sub) = &args[1].kind else {
        return general(find_fn::<LATER>, me, e, here);
    };
    let at = me
        .find_start(args)
        .and_then(|start| me.in_place(&args[0], |_, s| find(s.bytes(), sub.bytes(), start)));
    match at {
        Some(a) => Ok(Value::from_i64(a)),
        None => general(find_fn::<LATER>, me, e, here),
    }
}

/// `$FIND(s,"c",start)` of a literal or local, the needle one byte.
fn find_byte_simple(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    let (ExprKind::Lit(sub), Some(start)) = (&args[1].kind, me.find_start(args)) else {
        return general(find_fn::<LATER>, me, e, here);
    };
    // Chosen only for a one-byte literal; any other goes the general way.
    let [c] = *sub.bytes() else {
        return general(find_fn::<LATER>, me, e, here);
    };
    match me.in_place(&args[0], |_, s| find_byte_from(s.bytes(), c, start)) {
        Some(a) => Ok(Value::from_i64(a)),
        None => general(find_fn::<LATER>, me, e, here),
    }
}

/// `$FIND(s,"c",start)` of a bare local, the needle one byte (the usual scan for a
/// delimiter): the shapes known, each argument read where it lies with one test.
fn find_byte_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    if let [s, sub, ..] = args
        && let (ExprKind::Var(Glvn::Local(name, _)), ExprKind::Lit(sub)) = (&s.kind, &sub.kind)
        && let [c] = *sub.bytes()
        && let Some(start) = me.find_start(args)
        && let Some(slot) = me.locals.slot(*name)
        && let Some(v) = &slot.borrow().value
    {
        return Ok(Value::from_i64(find_byte_from(v.bytes(), c, start)));
    }
    general(find_fn::<LATER>, me, e, here)
}

/// `$FIND(s,"lit",start)` of a bare local, the needle longer (or empty).
fn find_local(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let args = args_of(e);
    if let [s, sub, ..] = args
        && let (ExprKind::Var(Glvn::Local(name, _)), ExprKind::Lit(sub)) = (&s.kind, &sub.kind)
        && let Some(start) = me.find_start(args)
        && let Some(slot) = me.locals.slot(*name)
        && let Some(v) = &slot.borrow().value
    {
        return Ok(Value::from_i64(find(v.bytes(), sub.bytes(), start)));
    }
    general(find_fn::<LATER>, me, e, here)
}

/// The value of the bare local `e` (`bare_locals` chose the handler), `f` of it read in
/// place without its slot's borrow being counted; None when it is undefined.
///
/// # Safety
/// `f` only reads the value: it borrows no local mutably (see `local_unguarded`).
#[inline(always)]
unsafe fn local_arg<R>(me: &Interp, e: &Expr, f: impl FnOnce(&Value) -> R) -> Option<R> {
    match &e.kind {
        // SAFETY: the caller's contract.
        ExprKind::Var(Glvn::Local(name, _)) => Some(f(unsafe { me.local_unguarded(*name) }?)),
        _ => None,
    }
}

/// `$FIND(s,"c",p)`, `s` and `p` bare locals (the scan for a delimiter from the last one
/// found): both read where they lie, nothing else looked at.
fn find_byte_locals(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let [s, sub, p] = args_of(e)
        && let ExprKind::Lit(sub) = &sub.kind
        && let [c] = *sub.bytes()
        // SAFETY: each value is only read (`int_of`, a scan), nothing run meanwhile.
        && let Some(start) = unsafe { local_arg(me, p, int_of) }
        && let Some(at) = unsafe { local_arg(me, s, |v| find_byte_from(v.bytes(), c, start)) }
    {
        return Ok(Value::from_i64(at));
    }
    general(find_fn::<LATER>, me, e, here)
}

/// `$EXTRACT(s,i)`, `s` and `i` bare locals (a loop over a string's characters): both
/// read where they lie, nothing else looked at.
fn extract_byte_locals(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    if let Some(c) = extract_byte_at_hand(me, e) {
        return Ok(match c {
            Some(c) => Value::from_byte(c),
            None => Value::empty(),
        });
    }
    general(extract_fn::<LATER>, me, e, here)
}

/// Whether `e` is `$EXTRACT(s,i)` with `s` and `i` bare locals (`extract_byte_locals`).
pub(in crate::eval) fn is_extract_byte_locals(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Func(Func::Extract, args)
        if matches!(&args[..], [s, at] if bare_local(s) && bare_local(at)))
}

/// The byte `$EXTRACT(s,i)` gives (None past the string's ends: ""), both locals read
/// where they lie; None when either is undefined (the general path raises the error).
#[inline(always)]
pub(in crate::eval) fn extract_byte_at_hand(me: &Interp, e: &Expr) -> Option<Option<u8>> {
    let [s, at] = args_of(e) else {
        return None;
    };
    // SAFETY: each value is only read (`int_of`, `bytes`), nothing run meanwhile.
    let at = unsafe { local_arg(me, at, int_of) }?;
    unsafe { local_arg(me, s, |v| byte_at(v.bytes(), at)) }
}

/// `$LENGTH($PIECE(r,"c",j))`, `r` and `j` bare locals (a loop over a record's fields):
/// the piece measured where it lies, by the piece cache.
fn length_of_piece_byte_locals(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    match piece_byte_locals_length(me, e) {
        Some(n) => Ok(Value::from_i64(n)),
        None => general(length_fn::<INNER>, me, e, here),
    }
}

/// `length_of_piece_byte_locals`' length; None when a local is undefined.
#[inline(always)]
fn piece_byte_locals_length(me: &mut Interp, e: &Expr) -> Option<i64> {
    let [r, d, j] = args_of(&args_of(e)[0]) else {
        return None;
    };
    let ExprKind::Lit(d) = &d.kind else {
        return None;
    };
    let [c] = *d.bytes() else {
        return None;
    };
    let ExprKind::Var(Glvn::Local(j, _)) = &j.kind else {
        return None;
    };
    let j = int_of(me.locals.slot(*j)?.borrow().value.as_ref()?);
    let ExprKind::Var(Glvn::Local(name, _)) = &r.kind else {
        return None;
    };
    let slot = me.locals.slot(*name)?;
    let v = &slot.borrow().value;
    Some(me.strs.pieces.piece_byte(v.as_ref()?, c, j, j).len() as i64)
}

/// The length `$LENGTH($PIECE(r,"c",j))` gives when `e`'s handler is
/// `length_of_piece_byte_locals` and both locals are defined (`SET n=n+$L($P(r,"^",j))`
/// adds it in place); None otherwise.
pub(in crate::eval) fn piece_length_at(me: &mut Interp, e: &Expr) -> Option<i64> {
    let f = e.form.0.get()?;
    if !std::ptr::fn_addr_eq(f, length_of_piece_byte_locals as EvalFn) {
        return None;
    }
    piece_byte_locals_length(me, e)
}
