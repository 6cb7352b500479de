//! `a_b_c_d`: a chain of concatenations evaluated as one, its result built in one buffer
//! instead of one new string per `_`.

use smallvec::SmallVec;

use super::func::MAX_STRLEN;
use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{BinOp, Expr, ExprKind};
use crate::value::Value;

/// The operands of a `_` node when its left operand is itself a `_` (a chain of three or
/// more operands, `(a_b)_c`).
fn inner_chain(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Binary { lhs, .. } if is_concat(lhs))
}

fn is_concat(e: &Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            ..
        }
    )
}

/// Where a chain's bytes are gathered: on the stack while short.
type Buf = SmallVec<[u8; 128]>;

impl Interp {
    /// A `_` expression (`e` is `Binary { op: Concat, negated: false }`). Operands are
    /// evaluated left to right; the length is checked after each one, so MAXSTRLEN comes at
    /// the same `_` (and before the same later operands) as pairwise evaluation would.
    pub(super) fn eval_concat(&mut self, e: &Expr, here: &Here) -> MResult<Value> {
        let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
            unreachable!("eval_concat is called on `_` nodes")
        };
        if !is_concat(lhs) {
            let a = self.eval(lhs, here)?;
            let b = self.eval(rhs, here)?;
            return concat2(a, b).map_err(|err| err.at(e.span.clone()));
        }
        let mut buf = Buf::new();
        self.concat_into(e, here, &mut buf)?;
        Ok(Value::from_bytes(&buf[..]))
    }

    /// Appends the value of `e` to `buf`, going down a chain of `_` without making the
    /// partial strings.
    fn concat_into(&mut self, e: &Expr, here: &Here, buf: &mut Buf) -> MResult<()> {
        let ExprKind::Binary { lhs, rhs, .. } = &e.kind else {
            unreachable!("concat_into is called on `_` nodes")
        };
        if inner_chain(e) {
            self.concat_into(lhs, here, buf)?;
        } else {
            let a = self.eval(lhs, here)?;
            buf.extend_from_slice(a.bytes());
        }
        let b = self.eval(rhs, here)?;
        if buf.len() + b.len() > MAX_STRLEN {
            return Err(MError::new(kind::MAXSTRLEN).at(e.span.clone()));
        }
        buf.extend_from_slice(b.bytes());
        Ok(())
    }
}

/// `a_b`: an empty side gives the other value as it is.
#[inline]
fn concat2(a: Value, b: Value) -> MResult<Value> {
    let (x, y) = (a.bytes(), b.bytes());
    if y.is_empty() {
        return Ok(a);
    }
    if x.is_empty() {
        return Ok(b);
    }
    if x.len() + y.len() > MAX_STRLEN {
        return Err(MError::new(kind::MAXSTRLEN));
    }
    Ok(Value::concat(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_are_found() {
        let e = crate::syntax::parser::parse_expr("a_b_(c_d)_e").unwrap();
        assert!(is_concat(&e) && inner_chain(&e));
        let ExprKind::Binary { lhs, .. } = &e.kind else {
            panic!("not a binary node")
        };
        let ExprKind::Binary {
            lhs: ab, rhs: cd, ..
        } = &lhs.kind
        else {
            panic!("not a binary node")
        };
        // `a_b` ends the chain; the parenthesised `c_d` is one operand, a chain of its own.
        assert!(is_concat(ab) && !inner_chain(ab));
        assert!(is_concat(cd) && !inner_chain(cd));
    }
}
