//! `a_b_c_d`: a chain of concatenations evaluated as one, its result built in one buffer
//! sized once, instead of one new string per `_`.

use smallvec::SmallVec;

use super::func::MAX_STRLEN;
use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{BinOp, Expr, ExprKind};
use crate::value::Value;

/// The operands of the `_` operators along a left-nested chain: `((a_b)_c)_d` gives the
/// nodes `[_d, _c, _b]` (outermost first) and the leftmost operand `a`.
fn chain(e: &Expr) -> (SmallVec<[&Expr; 8]>, &Expr) {
    let mut nodes = SmallVec::new();
    let mut cur = e;
    while let ExprKind::Binary {
        op: BinOp::Concat,
        negated: false,
        lhs,
        ..
    } = &cur.kind
    {
        nodes.push(cur);
        cur = lhs;
    }
    (nodes, cur)
}

impl Interp {
    /// A `_` expression (`e` is `Binary { op: Concat, negated: false }`). Operands are
    /// evaluated left to right; the length is checked after each one, so MAXSTRLEN comes at
    /// the same `_` (and before the same later operands) as pairwise evaluation would.
    pub(super) fn eval_concat(&mut self, e: &Expr, here: &Here) -> MResult<Value> {
        let (nodes, first) = chain(e);
        let mut vals: SmallVec<[Value; 8]> = SmallVec::new();
        vals.push(self.eval(first, here)?);
        let mut len = vals[0].len();
        for node in nodes.iter().rev() {
            let ExprKind::Binary { rhs, .. } = &node.kind else {
                unreachable!("chain() collects only binary nodes")
            };
            let v = self.eval(rhs, here)?;
            len += v.len();
            if len > MAX_STRLEN {
                return Err(MError::new(kind::MAXSTRLEN).at(node.span.clone()));
            }
            if !v.is_empty() {
                vals.push(v);
            }
        }
        if vals.len() == 1 {
            return Ok(vals.pop().expect("one value"));
        }
        if vals[0].is_empty() && vals.len() == 2 {
            return Ok(vals.pop().expect("two values"));
        }
        let parts: SmallVec<[&[u8]; 8]> = vals.iter().map(Value::bytes).collect();
        Ok(Value::concat_all(&parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_flatten_left_to_right() {
        let e = crate::syntax::parser::parse_expr("a_b_(c_d)_e").unwrap();
        let (nodes, first) = chain(&e);
        assert_eq!(nodes.len(), 3);
        assert!(matches!(&first.kind, ExprKind::Var(_)));
        // The parenthesised `c_d` is one operand, a chain of its own.
        let ExprKind::Binary { rhs, .. } = &nodes[1].kind else {
            panic!("not a binary node")
        };
        assert_eq!(chain(rhs).0.len(), 1);
    }
}
