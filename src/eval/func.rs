//! Intrinsic functions.

use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::Key;
use crate::syntax::ast::{Expr, ExprKind, Func, Glvn};
use crate::value::Value;

use super::strscan::pieces;
pub(crate) use super::strscan::search;
pub use super::strscan::{extract, find, set_extract, set_piece};

/// GT.M's maximum string length.
pub const MAX_STRLEN: usize = 1 << 20;

/// The most decimals GT.M's `$JUSTIFY` and `$FNUMBER` give before MAXSTRLEN (probed: the
/// same for every value).
pub(super) const MAX_JUSTIFY_DECIMALS: i64 = 1_048_500;
const MAX_FNUMBER_DECIMALS: i64 = 1_048_510;

/// The direction argument of `$ORDER`: 1 or -1 (as numbers), else ORDER2.
pub(super) fn order_direction(d: &Value) -> MResult<bool> {
    match d.num() {
        n if n == crate::number::Number::ONE => Ok(true),
        n if n == crate::number::Number::ONE.neg() => Ok(false),
        _ => Err(MError::new(kind::ORDER2)),
    }
}

/// The decimals argument of `$JUSTIFY`/`$FNUMBER`: JUSTFRACT below 0, MAXSTRLEN above `max`.
fn decimals_arg(d: &Value, max: i64) -> MResult<usize> {
    decimals(d.int(), max)
}

/// `decimals_arg` of the integer value of the argument.
pub(super) fn decimals(d: i64, max: i64) -> MResult<usize> {
    match d {
        d if d < 0 => Err(MError::new(kind::JUSTFRACT)),
        d if d > max => Err(MError::new(kind::MAXSTRLEN)),
        d => Ok(d as usize),
    }
}

impl Interp {
    pub(super) fn eval_func(&mut self, f: Func, args: &[Expr], here: &Here) -> MResult<Value> {
        // Functions of a variable reference, and those of `stack.rs`, take their arguments
        // unevaluated or differently; the rest are plain functions of values.
        match f {
            Func::Data | Func::Get | Func::Order | Func::Zprevious | Func::Query => {
                return self.var_func(f, args, here);
            }
            Func::Next => return self.next_fn(args, here),
            Func::Zqgblmod => return self.zqgblmod(args, here),
            Func::Fnumber if (2..=3).contains(&args.len()) => {
                return self.fnumber_fn(args, here);
            }
            Func::Zsocket(empty) => return self.zsocket(empty, args, here),
            Func::Unsupported(name) => {
                return Err(
                    MError::new(kind::INVFCN).detail(format!("{name} is not supported by minim"))
                );
            }
            Func::Name
            | Func::Increment
            | Func::Qlength
            | Func::Qsubscript
            | Func::Stack
            | Func::Ztrnlnm
            | Func::Zdate
            | Func::Zmessage => return self.eval_name_func(f, args, here),
            Func::Zcollate | Func::Zatransform => return self.collate_func(f, args, here),
            Func::Zahandle => return self.zahandle_fn(args, here),
            _ => {}
        }
        let mut v: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::new();
        for a in args {
            v.push(self.eval(a, here)?);
        }
        let arity = |lo: usize, hi: usize| {
            if v.len() < lo || v.len() > hi {
                Err(MError::new(kind::FCHARMAXARGS).detail("wrong number of arguments"))
            } else {
                Ok(())
            }
        };
        let int = |i: usize, default: i64| v.get(i).map_or(default, Value::int);
        Ok(match f {
            Func::Ascii => {
                arity(1, 2)?;
                let pos = int(1, 1);
                let s = v[0].bytes();
                Value::from_i64(if pos >= 1 && (pos as usize) <= s.len() {
                    s[pos as usize - 1] as i64
                } else {
                    -1
                })
            }
            Func::Char => {
                // GT.M in M mode: codes outside 0-255 give nothing, without an error.
                let bytes: Vec<u8> = v
                    .iter()
                    .map(Value::int)
                    .filter(|c| (0..=255).contains(c))
                    .map(|c| c as u8)
                    .collect();
                Value::from(bytes)
            }
            Func::Extract => {
                arity(1, 3)?;
                let from = int(1, 1);
                let to = int(2, from);
                Value::from_bytes(extract(v[0].bytes(), from, to))
            }
            Func::Find => {
                arity(2, 3)?;
                Value::from_i64(find(v[0].bytes(), v[1].bytes(), int(2, 1)))
            }
            Func::Fnumber => {
                arity(2, 3)?;
                Value::from(fnumber(&v[0], v[1].bytes(), v.get(2))?)
            }
            Func::Justify => {
                arity(2, 3)?;
                let width = int(1, 0).max(0) as usize;
                // GT.M checks the width before the decimals.
                if width > MAX_STRLEN {
                    return Err(MError::new(kind::MAXSTRLEN));
                }
                let text = match v.get(2) {
                    Some(d) => v[0]
                        .num()
                        .format_fixed(decimals_arg(d, MAX_JUSTIFY_DECIMALS)?),
                    None => v[0].bytes().to_vec(),
                };
                Value::from(justify(text, width))
            }
            Func::Length => {
                arity(1, 2)?;
                Value::from_i64(match v.get(1) {
                    None => v[0].len(),
                    Some(d) => pieces(v[0].bytes(), d.bytes()),
                } as i64)
            }
            Func::Piece => {
                arity(2, 4)?;
                let from = int(2, 1);
                let to = int(3, from);
                Value::from_bytes(self.strs.pieces.piece(&v[0], &v[1], from, to))
            }
            Func::Random => {
                arity(1, 1)?;
                let n = v[0].int();
                if n < 1 {
                    return Err(MError::new(kind::RANDARGNEG));
                }
                Value::from_i64(self.random(n as u64) as i64)
            }
            Func::Reverse => {
                arity(1, 1)?;
                let mut b = v[0].bytes().to_vec();
                b.reverse();
                Value::from(b)
            }
            Func::Translate => {
                arity(1, 3)?;
                // GT.M: `$TRANSLATE(s)` translates nothing.
                match v.get(1) {
                    Some(from) => self.strs.tables.translate(v[0].bytes(), from, v.get(2)),
                    None => v[0].clone(),
                }
            }
            Func::Zsubstr => {
                arity(1, 3)?;
                let from = int(1, 1).max(1);
                let to = match v.get(2) {
                    Some(len) => from.saturating_add(len.int()).saturating_sub(1),
                    None => i64::MAX,
                };
                Value::from_bytes(extract(v[0].bytes(), from, to))
            }
            Func::Zconvert => {
                arity(2, 3)?;
                Value::from(zconvert(v[0].bytes(), &v[1], v.get(2))?)
            }
            Func::Zwidth => {
                arity(1, 1)?;
                let shown = v[0].bytes().iter().filter(|&&b| b >= 32 && b != 127);
                Value::from_i64(shown.count() as i64)
            }
            Func::Zbit(op) => super::zbit::zbit(op, &v)?,
            Func::Zparse => super::zparse::zparse(&v)?,
            Func::Zsearch => self.zsearch(&v)?,
            Func::Zgetjpi => super::zgetjpi::zgetjpi(&v)?,
            Func::Zsigproc => {
                self.allowed("$ZSIGPROC")?;
                super::zproc::zsigproc(&v)
            }
            Func::Zjobexam => {
                self.allowed("$ZJOBEXAM")?;
                self.zjobexam(&v, here)?
            }
            Func::View => self.view_fn(&v)?,
            Func::Zsyslog => super::zproc::zsyslog(&v),
            Func::Zwrite => {
                arity(1, 2)?;
                if v.get(1).is_some_and(Value::truth) {
                    // `$ZWRITE(text,1)`: the inverse, ZWRITE form back to the value.
                    return self.unzwrite(&v[0], here);
                }
                Value::from(zwrite(&v[0]))
            }
            Func::Data
            | Func::Get
            | Func::Order
            | Func::Zprevious
            | Func::Zqgblmod
            | Func::Query
            | Func::Name
            | Func::Increment
            | Func::Qlength
            | Func::Qsubscript
            | Func::Stack
            | Func::Ztrnlnm
            | Func::Zdate
            | Func::Zmessage
            | Func::Zcollate
            | Func::Zatransform
            | Func::Zahandle
            | Func::Next
            | Func::Zsocket(_)
            | Func::Unsupported(_) => return Err(MError::new(kind::INVFCN)),
        })
    }

    /// Turns ZWRITE form (`"a"_$C(10)`, `12`) back into the value it shows.
    fn unzwrite(&mut self, text: &Value, here: &Here) -> MResult<Value> {
        let e = crate::syntax::parser::parse_expr(&text.source_text())?;
        self.eval(&e, here)
    }

    /// `$DATA`, `$GET`, `$ORDER`, `$QUERY`: their first argument is a variable reference.
    fn var_func(&mut self, f: Func, args: &[Expr], here: &Here) -> MResult<Value> {
        let Some(ExprKind::Var(g)) = args.first().map(|a| &a.kind) else {
            return Err(MError::new(kind::VAREXPECTED));
        };
        if let (Func::Order | Func::Data, [_], Glvn::Local(name, subs)) = (f, args, g)
            && !subs.is_empty()
        {
            let keys = self.local_keys(subs, here)?;
            if f == Func::Data {
                return Ok(Value::from_i64(self.local_data(*name, &keys) as i64));
            }
            return Ok(self.order(*name, &keys, true));
        }
        let r = self.var_ref(g, here)?;
        if let (Func::Get | Func::Order, Some(second)) = (f, args.get(1)) {
            return self.with_second_arg(f, &r, second, here);
        }
        match f {
            Func::Data => Ok(Value::from_i64(self.data_of(&r)? as i64)),
            Func::Get => match self.lookup(&r)? {
                Some(v) => Ok(v),
                None => match args.get(1) {
                    Some(d) => self.eval(d, here),
                    None => Ok(Value::empty()),
                },
            },
            Func::Order | Func::Zprevious => {
                let forward = match args.get(1) {
                    _ if f == Func::Zprevious => false,
                    Some(d) => order_direction(&self.eval(d, here)?)?,
                    None => true,
                };
                if r.global {
                    return self.gv_order(&r, forward);
                }
                Ok(self.order(r.name, &r.keys, forward))
            }
            _ => {
                // `$QUERY(x(""))` with the "" in the source starts from the first node.
                let literal_empty = match g {
                    Glvn::Local(_, subs) | Glvn::Global(_, subs) | Glvn::Naked(subs) => subs
                        .last()
                        .is_some_and(|e| matches!(&e.kind, ExprKind::Lit(v) if v.is_empty())),
                    Glvn::Extended(x) => x
                        .subs
                        .last()
                        .is_some_and(|e| matches!(&e.kind, ExprKind::Lit(v) if v.is_empty())),
                    Glvn::Indirect(..) => false,
                };
                if r.global {
                    return self.gv_query(&r, literal_empty);
                }
                let next = self
                    .locals
                    .slot(r.name)
                    .and_then(|s| s.borrow().query(&r.keys, literal_empty));
                Ok(match next {
                    Some(keys) => Value::from(super::var::name_bytes(r.name, &keys)),
                    None => Value::empty(),
                })
            }
        }
    }

    /// `$NEXT(x(s))`: `$ORDER` where -1 stands for the start and the end (GT.M).
    fn next_fn(&mut self, args: &[Expr], here: &Here) -> MResult<Value> {
        let Some(ExprKind::Var(Glvn::Local(name, subs))) = args.first().map(|a| &a.kind) else {
            // A global or indirection: as for a local, a last subscript of -1 starts the walk
            // and -1 is the answer for none (GT.M).
            let Some(ExprKind::Var(g)) = args.first().map(|a| &a.kind) else {
                return Err(MError::new(kind::VAREXPECTED));
            };
            let mut r = self.var_ref(g, here)?;
            if let Some(last) = r.keys.last_mut()
                && last.to_value().bytes() == b"-1"
            {
                *last = Key::from_value(&Value::empty());
            }
            let next = match r.global {
                true => self.gv_order(&r, true)?,
                false if r.keys.is_empty() => return Err(MError::new(kind::LVORDERARG)),
                false => self.order(r.name, &r.keys, true),
            };
            return Ok(if next.is_empty() {
                Value::from_i64(-1)
            } else {
                next
            });
        };
        if subs.is_empty() {
            return Err(MError::new(kind::LVORDERARG));
        }
        let mut keys = self.local_keys(subs, here)?;
        if let Some(last) = keys.last_mut()
            && last.to_value().bytes() == b"-1"
        {
            *last = Key::from_value(&Value::empty());
        }
        let next = self.order(*name, &keys, true);
        Ok(if next.is_empty() {
            Value::from_i64(-1)
        } else {
            next
        })
    }

    /// `$ZPREVIOUS(x)`: `$ORDER(x,-1)`.
    pub(super) fn order(&self, name: Sym, keys: &[Key], forward: bool) -> Value {
        let Some((last, parent)) = keys.split_last() else {
            // `$ORDER(x)`: the next local variable name.
            let names = self.locals.defined_names();
            let next = if forward {
                names.iter().find(|n| n.as_str() > name.as_str())
            } else {
                names.iter().rev().find(|n| n.as_str() < name.as_str())
            };
            return next.map_or_else(Value::empty, |n| Value::from(n.as_str()));
        };
        let Some(slot) = self.locals.slot(name) else {
            return Value::empty();
        };
        let root = slot.borrow();
        match root.get(parent).and_then(|n| n.order(last, forward)) {
            Some(k) => k.to_value(),
            None => Value::empty(),
        }
    }
}

/// `$ZWRITE(v)`: a canonical number as it is, a string quoted, control characters as
/// `$C(...)` pieces joined with `_` (GT.M's ZWRITE format).
pub fn zwrite(v: &Value) -> Vec<u8> {
    let b = v.bytes();
    if !b.is_empty() && v.is_canonical_number() {
        return b.to_vec();
    }
    zwrite_string(b)
}

/// A string in ZWRITE form (always quoted, never as a number).
pub fn zwrite_string(b: &[u8]) -> Vec<u8> {
    // GT.M in M mode writes Latin-1 letters and signs as they are; control codes
    // (C0, C1, DEL and 255) as $C(...).
    let printable = |c: u8| matches!(c, 32..=126 | 160..=254);
    let mut out = Vec::with_capacity(b.len() + 2);
    let mut i = 0;
    if b.is_empty() {
        return b"\"\"".to_vec();
    }
    while i < b.len() {
        if !out.is_empty() {
            out.push(b'_');
        }
        let start = i;
        if printable(b[i]) {
            out.push(b'"');
            while i < b.len() && printable(b[i]) {
                if b[i] == b'"' {
                    out.push(b'"');
                }
                out.push(b[i]);
                i += 1;
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(b"$C(");
            while i < b.len() && !printable(b[i]) {
                if i > start {
                    out.push(b',');
                }
                out.extend_from_slice(b[i].to_string().as_bytes());
                i += 1;
            }
            out.push(b')');
        }
    }
    out
}

pub(super) fn justify(text: Vec<u8>, width: usize) -> Vec<u8> {
    if text.len() >= width {
        return text;
    }
    let mut out = vec![b' '; width - text.len()];
    out.extend_from_slice(&text);
    out
}

impl Interp {
    /// `$FNUMBER` in GT.M's order: a bare local as the number or the codes is read only when
    /// the function runs, after the other arguments; then undefined codes raise FNUMARG with
    /// empty texts, before an undefined number, which raises UNDEF without a name (probed).
    fn fnumber_fn(&mut self, args: &[Expr], here: &Here) -> MResult<Value> {
        let n = self.eval_unless_bare(&args[0], here)?;
        let codes = self.eval_unless_bare(&args[1], here)?;
        let decimals = match args.get(2) {
            Some(d) => Some(self.eval(d, here)?),
            None => None,
        };
        let codes = match codes {
            Some(v) => v,
            None => self
                .bare_value(&args[1])
                .ok_or_else(|| MError::with_args(kind::FNUMARG, &["", ""]))?,
        };
        let n = match n {
            Some(v) => v,
            None => self
                .bare_value(&args[0])
                .ok_or_else(|| MError::with_args(kind::UNDEF, &[""]))?,
        };
        fnumber(&n, codes.bytes(), decimals.as_ref()).map(Value::from)
    }

    /// `e` evaluated, or None when it is a bare local (read later with `bare_value`).
    fn eval_unless_bare(&mut self, e: &Expr, here: &Here) -> MResult<Option<Value>> {
        match &e.kind {
            ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty() => Ok(None),
            _ => self.eval(e, here).map(Some),
        }
    }

    /// The value of the bare local `e`, None when it is undefined.
    fn bare_value(&self, e: &Expr) -> Option<Value> {
        let ExprKind::Var(Glvn::Local(name, _)) = &e.kind else {
            return None;
        };
        let slot = self.locals.slot(*name)?;
        let node = slot.borrow();
        node.value.clone()
    }
}

/// `$FNUMBER(n,codes,decimals)`.
fn fnumber(n: &Value, codes: &[u8], decimals: Option<&Value>) -> MResult<Vec<u8>> {
    let codes_text = String::from_utf8_lossy(codes).into_owned();
    let mut comma = false;
    let mut plus = false;
    let mut minus = false;
    let mut paren = false;
    let mut trailing = false;
    for &c in codes {
        match c.to_ascii_uppercase() {
            b',' => comma = true,
            b'+' => plus = true,
            b'-' => minus = true,
            b'P' => paren = true,
            b'T' => trailing = true,
            _ => {
                return Err(MError::with_args(
                    kind::FNUMARG,
                    &[&codes_text, &(c as char).to_string()],
                ));
            }
        }
    }
    if paren && (trailing || plus || minus) {
        return Err(MError::with_args(kind::FNARGINC, &[&codes_text]));
    }
    let num = n.num();
    let mut digits = match decimals {
        Some(d) => num.format_fixed(decimals_arg(d, MAX_FNUMBER_DECIMALS)?),
        None => num.to_canonical(),
    };
    let negative = digits.first() == Some(&b'-');
    if negative {
        digits.remove(0);
    }
    if comma {
        digits = with_commas(&digits);
    }
    let positive = !negative && !num.is_zero();
    let mut out = Vec::with_capacity(digits.len() + 3);
    if paren {
        out.push(if negative { b'(' } else { b' ' });
        out.extend_from_slice(&digits);
        out.push(if negative { b')' } else { b' ' });
        return Ok(out);
    }
    let sign: &[u8] = if negative && !minus {
        b"-"
    } else if positive && plus {
        b"+"
    } else {
        b""
    };
    if trailing {
        out.extend_from_slice(&digits);
        out.extend_from_slice(if sign.is_empty() { b" " } else { sign });
    } else {
        out.extend_from_slice(sign);
        out.extend_from_slice(&digits);
    }
    Ok(out)
}

fn with_commas(digits: &[u8]) -> Vec<u8> {
    let int_len = digits
        .iter()
        .position(|&c| c == b'.')
        .unwrap_or(digits.len());
    let mut out = Vec::with_capacity(digits.len() + int_len / 3);
    for (i, &c) in digits[..int_len].iter().enumerate() {
        if i > 0 && (int_len - i) % 3 == 0 {
            out.push(b',');
        }
        out.push(c);
    }
    out.extend_from_slice(&digits[int_len..]);
    out
}

/// `$ZCONVERT(s,"U"|"L"|"T")`: upper, lower or title case (M mode: ASCII letters only).
/// The three-argument form converts between character sets, which minim does not do.
fn zconvert(s: &[u8], code: &Value, to: Option<&Value>) -> MResult<Vec<u8>> {
    if to.is_some() {
        return Err(MError::new(kind::INVFCN)
            .detail("$ZCONVERT between character sets is not supported by minim"));
    }
    Ok(match code.to_text().to_ascii_uppercase().as_str() {
        "U" => s.to_ascii_uppercase(),
        "L" => s.to_ascii_lowercase(),
        "T" => title_case(s),
        _ => return Err(MError::with_args(kind::BADCASECODE, &[&code.to_text()])),
    })
}

/// Upper case after white space and at the start, lower case elsewhere (GT.M: `z-w` gives
/// `Z-w`).
fn title_case(s: &[u8]) -> Vec<u8> {
    let mut start = true;
    s.iter()
        .map(|&b| {
            let c = if start {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            };
            start = b.is_ascii_whitespace();
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnumber_codes() {
        let f = |n: &str, c: &str| {
            String::from_utf8(fnumber(&Value::from(n), c.as_bytes(), None).unwrap()).unwrap()
        };
        assert_eq!(f("1234567", ","), "1,234,567");
        assert_eq!(f("-5", "P"), "(5)");
        assert_eq!(f("5", "+"), "+5");
        assert_eq!(f("-5", "T"), "5-");
    }
}
