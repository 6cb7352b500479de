//! SET's arguments: targets, the value, and what the parser and the evaluator find once
//! about their shape.

use super::{BinOp, Expr, ExprKind, Func, Glvn, Svn};
use crate::error::Span;
use crate::intern::Sym;

#[derive(Debug)]
pub enum SetArg {
    Assign {
        targets: Vec<SetTarget>,
        value: Expr,
        /// The target when it is the only one and an unsubscripted local (the usual SET):
        /// found once here, not by matching `targets` per run.
        local: Option<Sym>,
        /// How the evaluator stores into that local, by the value's shape (found on the
        /// first run, `eval::setlocal`).
        form: SetForm,
        /// `SET x(k)=$GET(x(k))+y`, a total per key: one target, a local with 1 to 31
        /// subscripts, each a literal or a bare local, the same in `$GET`'s argument, and a
        /// `y` that changes no local (`eval::setfast`). Found once here, not per run.
        accumulates: bool,
    },
    Indirect(Expr),
}

impl SetArg {
    pub fn assign(targets: Vec<SetTarget>, value: Expr) -> SetArg {
        let local = match targets.as_slice() {
            [SetTarget::Var(Glvn::Local(name, subs), _)] if subs.is_empty() => Some(*name),
            _ => None,
        };
        let accumulates = accumulates(&targets, &value);
        SetArg::Assign {
            targets,
            value,
            local,
            form: SetForm::default(),
            accumulates,
        }
    }
}

/// See `SetArg::Assign::accumulates`.
fn accumulates(targets: &[SetTarget], value: &Expr) -> bool {
    let [SetTarget::Var(Glvn::Local(name, subs), _)] = targets else {
        return false;
    };
    let ExprKind::Binary {
        op: BinOp::Add,
        negated: false,
        lhs,
        rhs,
    } = &value.kind
    else {
        return false;
    };
    let ExprKind::Func(Func::Get, args) = &lhs.kind else {
        return false;
    };
    let [got] = args.as_slice() else {
        return false;
    };
    matches!(&got.kind, ExprKind::Var(Glvn::Local(got_name, got_subs))
        if got_name == name
            && (1..=31).contains(&subs.len())
            && !rhs.changes_locals
            && same_plain_subscripts(subs, got_subs))
}

/// Whether subscripts `a` and `b` name the same keys, each pair the same literal text or
/// the same unsubscripted local (read where it lies, without effect).
fn same_plain_subscripts(a: &[Expr], b: &[Expr]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (&x.kind, &y.kind) {
            (ExprKind::Lit(v), ExprKind::Lit(w)) => v.bytes() == w.bytes(),
            (ExprKind::Var(Glvn::Local(m, ms)), ExprKind::Var(Glvn::Local(n, ns))) => {
                m == n && ms.is_empty() && ns.is_empty()
            }
            _ => false,
        })
}

/// How the evaluator stores into an unsubscripted local (see `SetArg::Assign`): the value's
/// shape as `eval::setlocal` sorts it on the first run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum SetShape {
    /// Not looked at yet.
    #[default]
    Unknown,
    /// Evaluated, then moved in.
    Evaluated,
    Literal,
    /// `SET s=s_x`.
    AppendOne,
    /// `SET s=s_a_b...`.
    AppendChain,
    /// `SET t=a_b_...`, built in one buffer.
    Concat,
    /// `SET n=n+x`.
    Sum,
    /// `SET c=$EXTRACT(s,i)`, both bare locals.
    ExtractByte,
}

#[derive(Debug, Default)]
pub struct SetForm(pub std::cell::Cell<SetShape>);

#[derive(Debug)]
pub enum SetTarget {
    Var(Glvn, Span),
    Piece {
        var: Glvn,
        delim: Expr,
        from: Option<Expr>,
        to: Option<Expr>,
        span: Span,
    },
    Extract {
        var: Glvn,
        from: Option<Expr>,
        to: Option<Expr>,
        span: Span,
    },
    Svn(Svn, Span),
}
