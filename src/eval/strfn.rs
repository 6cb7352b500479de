//! The string built-ins `$EXTRACT`, `$PIECE`, `$LENGTH`, `$ASCII`, `$FIND` and
//! `$TRANSLATE` as handlers of their own, chosen once per call site (`handler`), instead of
//! `eval_func` with its vector of evaluated arguments.
//!
//! They take their arguments in GT.M's order, which is not strictly left to right: GT.M
//! passes a string argument that is a bare local variable as the variable itself and reads
//! it only when the function runs, after the other arguments (`$E(a,b)` with both undefined
//! raises UNDEF for `b`; `$E(a,$$f())` sees what `f` stored in `a`). Other string arguments
//! are evaluated in their place, positions converted to integers in theirs. Reading the
//! variable late is also what lets a handler use its value where it lies, without a copy;
//! and an inner `$E`/`$P` in the first place, when nothing but literals follows it, is cut
//! from its string in place instead of being made into a value.

mod ints;
mod simple;

pub(super) use ints::{int_order_lit_form, int_sum_form, is_int_sum};
pub(super) use simple::piece_length_at;
pub(super) use simple::{extract_byte_at_hand, is_extract_byte_locals};

use super::strcache::StrCaches;
use super::strscan::{extract, find, pieces};
use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{BinOp, EvalFn, Expr, ExprKind, Func, Glvn};
use crate::value::Value;

/// The handler of a call of `f` with `n` arguments, when it has one of its own (a wrong
/// number of arguments is left to `eval_func`, which raises the error).
pub(super) fn handler(f: Func, args: &[Expr]) -> Option<EvalFn> {
    if !arity_fits(f, args.len()) {
        return None;
    }
    if let Some(f) = simple::simple_handler(f, args) {
        return Some(f);
    }
    let kind = first_kind(&args[0], &args[1..]);
    let pick = |fns: [EvalFn; 3]| fns[kind as usize];
    Some(match f {
        Func::Extract => pick([extract_fn::<NOW>, extract_fn::<LATER>, extract_fn::<INNER>]),
        Func::Piece => pick([piece_fn::<NOW>, piece_fn::<LATER>, piece_fn::<INNER>]),
        Func::Length => pick([length_fn::<NOW>, length_fn::<LATER>, length_fn::<INNER>]),
        Func::Ascii => pick([ascii_fn::<NOW>, ascii_fn::<LATER>, ascii_fn::<INNER>]),
        Func::Find => pick([find_fn::<NOW>, find_fn::<LATER>, find_fn::<INNER>]),
        // `$JUSTIFY` reads the number of its first argument, so wants it as a value.
        Func::Justify => [justify_fn::<NOW>, justify_fn::<LATER>][(kind == LATER) as usize],
        Func::Translate => pick([
            translate_fn::<NOW>,
            translate_fn::<LATER>,
            translate_fn::<INNER>,
        ]),
        _ => return None,
    })
}

/// `a op b` of two exact integers for `+ - * #`, when the result is exact too.
#[inline(always)]
fn exact_arith(op: BinOp, a: i64, b: i64) -> Option<i64> {
    const LIMIT: i64 = 1_000_000_000_000_000_000;
    const SMALL: i64 = 1_000_000_000;
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a.checked_mul(b)?,
        // M's modulo takes the sign of the divisor; by zero it is an error. Only where
        // `Number::modulo` is exact too (see `int_mul_div`: GT.M's `#` of larger numbers
        // goes through a division that rounds).
        BinOp::Mod if b != 0 && a.abs() < SMALL && b.abs() < SMALL => {
            let r = a % b;
            if r != 0 && (r < 0) != (b < 0) {
                r + b
            } else {
                r
            }
        }
        _ => return None,
    };
    (r.abs() < LIMIT).then_some(r)
}

/// The code of the byte at `at` (from 1), -1 when there is none.
#[inline]
fn ascii_at(s: &[u8], at: i64) -> i64 {
    match usize::try_from(at)
        .ok()
        .and_then(|i| s.get(i.checked_sub(1)?))
    {
        Some(&c) => c as i64,
        None => -1,
    }
}

/// How a handler takes its first (string) argument, chosen with the handler: evaluated in
/// its place (`NOW`), read when the function runs (`LATER`: a literal or a bare local), or
/// cut in place from the string of an inner `$E`/`$P` followed by literals only (`INNER`).
const NOW: u8 = 0;
const LATER: u8 = 1;
const INNER: u8 = 2;

fn first_kind(e: &Expr, rest: &[Expr]) -> u8 {
    match &e.kind {
        ExprKind::Lit(_) => LATER,
        _ if bare_local(e) => LATER,
        ExprKind::Func(f @ (Func::Extract | Func::Piece), args)
            if arity_fits(*f, args.len())
                && rest.iter().all(|a| matches!(a.kind, ExprKind::Lit(_))) =>
        {
            INNER
        }
        _ => NOW,
    }
}

fn arity_fits(f: Func, n: usize) -> bool {
    match f {
        Func::Extract => (1..=3).contains(&n),
        Func::Piece => (2..=4).contains(&n),
        Func::Length | Func::Ascii => (1..=2).contains(&n),
        Func::Find | Func::Translate | Func::Justify => (2..=3).contains(&n),
        _ => false,
    }
}

fn is_arith(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::IntDiv | BinOp::Mod | BinOp::Pow
    )
}

fn bare_local(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty())
}

fn args_of(e: &Expr) -> &[Expr] {
    match &e.kind {
        ExprKind::Func(_, args) => args,
        _ => &[],
    }
}

/// A string argument as GT.M takes it.
enum Str<'e> {
    /// Read when the function runs: a literal, a bare local, or (first argument only) an
    /// inner `$E`/`$P` followed by literals only.
    Later(&'e Expr),
    /// Evaluated in its place.
    Now(Value),
}

/// A string argument's value: a literal's where it lies, or a value.
enum Arg<'e> {
    Lit(&'e Value),
    Owned(Value),
}

impl std::ops::Deref for Arg<'_> {
    type Target = Value;
    #[inline(always)]
    fn deref(&self) -> &Value {
        match self {
            Arg::Lit(v) => v,
            Arg::Owned(v) => v,
        }
    }
}

/// `$E` or `$P` with its arguments after the string taken: what to cut from the string.
enum Cut<'e> {
    Extract(i64, i64),
    Piece(Arg<'e>, i64, i64),
}

impl Interp {
    /// The first string argument of a call, taken as `F` says.
    #[inline(always)]
    fn first_str<'e, const F: u8>(&mut self, e: &'e Expr, here: &Here) -> MResult<Str<'e>> {
        if F == NOW {
            return self.eval(e, here).map(Str::Now);
        }
        Ok(Str::Later(e))
    }

    /// A later string argument (the delimiter of `$P`...) in its place.
    #[inline(always)]
    fn next_str<'e>(&mut self, e: &'e Expr, here: &Here) -> MResult<Str<'e>> {
        if matches!(e.kind, ExprKind::Lit(_)) || bare_local(e) {
            return Ok(Str::Later(e));
        }
        self.eval(e, here).map(Str::Now)
    }

    /// The value of a later string argument when the function runs; `first` is read before
    /// it, so an undefined `first` raises its error first.
    #[inline(always)]
    fn read_str<'e>(&mut self, s: Str<'e>, first: &Str, here: &Here) -> MResult<Arg<'e>> {
        let e = match s {
            Str::Now(v) => return Ok(Arg::Owned(v)),
            Str::Later(e) => e,
        };
        if let ExprKind::Lit(v) = &e.kind {
            return Ok(Arg::Lit(v));
        }
        if let Some(v) = self.peek(e, Value::clone) {
            return Ok(Arg::Owned(v));
        }
        if let Str::Later(f) = first
            && bare_local(f)
        {
            self.eval(f, here)?;
        }
        self.eval(e, here).map(Arg::Owned)
    }

    /// `f` of a literal's or a defined local's value, read where it lies.
    #[inline(always)]
    pub(super) fn peek<R>(&self, e: &Expr, f: impl FnOnce(&Value) -> R) -> Option<R> {
        match &e.kind {
            ExprKind::Lit(v) => Some(f(v)),
            ExprKind::Var(Glvn::Local(name, _)) => {
                let slot = self.locals.slot(*name)?;
                let node = slot.borrow();
                node.value.as_ref().map(f)
            }
            _ => None,
        }
    }

    /// A position or count argument (M's integer value of it), made without a value when it
    /// is a literal, a local, or arithmetic on those (`j+5`).
    #[inline(always)]
    pub(super) fn int_arg(&mut self, e: &Expr, here: &Here) -> MResult<i64> {
        // An integer already known needs no conversion.
        let int = |v: &Value| v.cached_int().unwrap_or_else(|| v.int());
        let direct = match &e.kind {
            ExprKind::Lit(v) => Some(int(v)),
            ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty() => self.peek(e, int),
            ExprKind::Binary {
                op,
                negated: false,
                lhs,
                rhs,
            } if is_arith(*op) => match self.exact_int(*op, lhs, rhs) {
                Some(i) => Some(i),
                None => self
                    .peek(lhs, |a| {
                        self.peek(rhs, |b| match super::expr::int_add_sub(*op, a, b) {
                            Some(n) => Some(crate::number::Number::from_i64(n).to_i64()),
                            None => op.arith(a, b).ok().map(|n| n.to_i64()),
                        })
                    })
                    .flatten()
                    .flatten(),
            },
            _ => None,
        };
        match direct {
            Some(i) => Ok(i),
            None => self.eval(e, here).map(|v| v.int()),
        }
    }

    /// `a op b` when both are integers computed without effects or errors from integers
    /// already known: literals and locals, or `+ - * #` on two of those (`i#20+1`). None
    /// when anything else is in them, or a result leaves the range where M's integers are
    /// exact.
    #[inline(always)]
    pub(in crate::eval) fn exact_int(&self, op: BinOp, a: &Expr, b: &Expr) -> Option<i64> {
        exact_arith(op, self.exact_operand(a)?, self.exact_operand(b)?)
    }

    /// An operand of `exact_int`: a known integer, or `+ - * #` on two.
    #[inline(always)]
    fn exact_operand(&self, e: &Expr) -> Option<i64> {
        match &e.kind {
            ExprKind::Binary {
                op,
                negated: false,
                lhs,
                rhs,
            } => exact_arith(*op, self.known_int(lhs)?, self.known_int(rhs)?),
            _ => self.known_int(e),
        }
    }

    /// The integer of a literal or a local, when its number is already known.
    #[inline(always)]
    fn known_int(&self, e: &Expr) -> Option<i64> {
        match &e.kind {
            ExprKind::Lit(v) => v.cached_int(),
            ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => self
                .locals
                .slot(*name)?
                .borrow()
                .value
                .as_ref()?
                .cached_int(),
            _ => None,
        }
    }

    /// An optional integer argument, `default` when left out.
    #[inline(always)]
    fn int_or(&mut self, e: Option<&Expr>, here: &Here, default: i64) -> MResult<i64> {
        match e {
            Some(e) => self.int_arg(e, here),
            None => Ok(default),
        }
    }

    /// The positions `from` and `to` of `$E`/`$P` (1 and `from` when left out).
    #[inline(always)]
    fn range(&mut self, args: &[Expr], here: &Here) -> MResult<(i64, i64)> {
        let from = self.int_or(args.first(), here, 1)?;
        let to = self.int_or(args.get(1), here, from)?;
        Ok((from, to))
    }

    /// The arguments of `$E`/`$P` after the string (`args` are all of them): the delimiter
    /// read, as GT.M does, after the string.
    #[inline(always)]
    fn cut<'e>(&mut self, f: Func, args: &'e [Expr], s: &Str, here: &Here) -> MResult<Cut<'e>> {
        if f == Func::Extract {
            let (from, to) = self.range(&args[1..], here)?;
            return Ok(Cut::Extract(from, to));
        }
        let d = self.next_str(&args[1], here)?;
        let (from, to) = self.range(&args[2..], here)?;
        let d = self.read_str(d, s, here)?;
        Ok(Cut::Piece(d, from, to))
    }

    /// `f` of the value of `e`, read where it lies when `e` is a literal or a local.
    #[inline(always)]
    fn with_value<R>(
        &mut self,
        e: &Expr,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &Value) -> R,
    ) -> MResult<R> {
        match &e.kind {
            ExprKind::Lit(v) => return Ok(f(&mut self.strs, v)),
            ExprKind::Var(Glvn::Local(name, subs)) if subs.is_empty() => {
                if let Some(slot) = self.locals.slot(*name) {
                    let node = slot.borrow();
                    if let Some(v) = &node.value {
                        return Ok(f(&mut self.strs, v));
                    }
                }
            }
            _ => {}
        }
        let v = self.eval(e, here)?;
        Ok(f(&mut self.strs, &v))
    }

    /// `f` of the value of a string argument.
    #[inline(always)]
    fn with_str<R>(
        &mut self,
        s: &Str,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &Value) -> R,
    ) -> MResult<R> {
        match s {
            Str::Now(v) => Ok(f(&mut self.strs, v)),
            Str::Later(e) => self.with_value(e, here, f),
        }
    }

    /// `f` of the bytes `cut` cuts from the string `s`.
    #[inline(always)]
    fn with_cut<R>(
        &mut self,
        s: &Str,
        cut: &Cut,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &[u8]) -> R,
    ) -> MResult<R> {
        self.with_str(s, here, |c, v| match cut {
            Cut::Extract(from, to) => f(c, extract(v.bytes(), *from, *to)),
            Cut::Piece(d, from, to) => {
                let p = c.pieces.piece(v, d, *from, *to);
                f(c, p)
            }
        })
    }

    /// `f` of the bytes an inner `$E` or `$P` cuts from its string, without making a value.
    #[inline(always)]
    fn with_inner<R>(
        &mut self,
        e: &Expr,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &[u8]) -> R,
    ) -> MResult<R> {
        let ExprKind::Func(inner, args) = &e.kind else {
            unreachable!("INNER is chosen for calls of $E and $P")
        };
        // The inner call's own first argument is taken as a later one (no inner call of its
        // own in place), so that the nesting stops here.
        let s = self.next_str(&args[0], here)?;
        let cut = self.cut(*inner, args, &s, here)?;
        self.with_cut(&s, &cut, here, f)
            .map_err(|err| err.at(e.span.clone()))
    }

    /// `f` of the bytes of a first string argument taken by `first_str::<F>`.
    #[inline(always)]
    fn with_first<const F: u8, R>(
        &mut self,
        s: &Str,
        here: &Here,
        f: impl FnOnce(&mut StrCaches, &[u8]) -> R,
    ) -> MResult<R> {
        match s {
            Str::Now(v) => Ok(f(&mut self.strs, v.bytes())),
            Str::Later(e) if F == INNER => self.with_inner(e, here, f),
            Str::Later(e) => self.with_value(e, here, |c, v| f(c, v.bytes())),
        }
    }
}

/// `$EXTRACT(s,from,to)`.
fn extract_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let s = me.first_str::<F>(&args[0], here)?;
        let (from, to) = me.range(&args[1..], here)?;
        me.with_first::<F, _>(&s, here, |_, s| Value::from_bytes(extract(s, from, to)))
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}

/// `$PIECE(s,d,from,to)`.
fn piece_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let s = me.first_str::<F>(&args[0], here)?;
        let cut = me.cut(Func::Piece, args, &s, here)?;
        me.with_cut(&s, &cut, here, |_, p| Value::from_bytes(p))
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}

/// `$LENGTH(s)` and `$LENGTH(s,d)`, the number of pieces.
fn length_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let s = me.first_str::<F>(&args[0], here)?;
        let n = match args.get(1) {
            None => me.with_first::<F, _>(&s, here, |_, s| s.len())?,
            Some(d) => {
                let d = me.next_str(d, here)?;
                let d = me.read_str(d, &s, here)?;
                me.with_first::<F, _>(&s, here, |_, s| pieces(s, d.bytes()))?
            }
        };
        Ok(Value::from_i64(n as i64))
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}

/// `$ASCII(s,at)`.
fn ascii_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let s = me.first_str::<F>(&args[0], here)?;
        let at = me.int_or(args.get(1), here, 1)?;
        let code = me.with_first::<F, _>(&s, here, |_, s| ascii_at(s, at))?;
        Ok(Value::from_i64(code))
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}

/// `$FIND(s,sub,start)`.
fn find_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let s = me.first_str::<F>(&args[0], here)?;
        let sub = me.next_str(&args[1], here)?;
        let start = me.int_or(args.get(2), here, 1)?;
        let sub = me.read_str(sub, &s, here)?;
        let at = me.with_first::<F, _>(&s, here, |_, s| find(s, sub.bytes(), start))?;
        Ok(Value::from_i64(at))
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}

/// `$TRANSLATE(s,from,to)`.
fn translate_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        let s = me.first_str::<F>(&args[0], here)?;
        let from = me.next_str(&args[1], here)?;
        let to = match args.get(2) {
            Some(t) => Some(me.next_str(t, here)?),
            None => None,
        };
        let from = me.read_str(from, &s, here)?;
        let to = match to {
            Some(t) => me.read_str(t, &s, here)?,
            None => Arg::Owned(Value::empty()),
        };
        me.with_first::<F, _>(&s, here, |c, s| c.tables.translate(s, &from, Some(&to)))
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}

/// `$JUSTIFY(s,width)` and `$JUSTIFY(n,width,decimals)`.
fn justify_fn<const F: u8>(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    fn run<const F: u8>(me: &mut Interp, args: &[Expr], here: &Here) -> MResult<Value> {
        use super::func::{MAX_JUSTIFY_DECIMALS, MAX_STRLEN, decimals, justify};
        let s = me.first_str::<F>(&args[0], here)?;
        let width = me.int_arg(&args[1], here)?.max(0) as usize;
        let places = match args.get(2) {
            Some(d) => Some(me.int_arg(d, here)?),
            None => None,
        };
        // GT.M checks the width before the decimals.
        if width > MAX_STRLEN {
            return Err(MError::new(kind::MAXSTRLEN));
        }
        let places = places
            .map(|d| decimals(d, MAX_JUSTIFY_DECIMALS))
            .transpose()?;
        me.with_str(&s, here, |_, v| match places {
            // Wide enough already: the value itself, not a copy.
            None if v.len() >= width => v.clone(),
            None => Value::from(justify(v.bytes().to_vec(), width)),
            Some(places) => Value::from(justify(v.num().format_fixed(places), width)),
        })
    }
    run::<F>(me, args_of(e), here).map_err(|err| err.at(e.span.clone()))
}
