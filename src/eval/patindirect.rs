//! Pattern match expressions (`x?pat`, handled by `eval_match`), and pattern indirection,
//! `x?@p`: the value of `p` is pattern text, compiled once per distinct text (a bounded cache). GT.M lets that text be an indirection again: `p="@^a"` with
//! `^a="1N"` matches digits, `p="@(k)"` takes `k`'s value, and anything after the indirect
//! operand is INDEXTRACHARS (`"@k@(1)"`); a text that names itself ends in STACKCRIT.

use std::rc::Rc;

use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Expr, ExprKind, PatternRef};
use crate::syntax::parser::parse_expr;
use crate::syntax::pattern::Pattern;
use crate::value::Value;

/// How many `@` levels one pattern may go through before STACKCRIT (GT.M's own limit is its
/// stack; a chain this long is a loop in practice).
const MAX_PATTERN_INDIRECTION: usize = 10_000;

/// `x?pat` and `x'?pat`: a literal or defined local matched where it lies, against a
/// pattern of the routine text or one given at run time (the subject evaluated first, as
/// the tree walk does).
pub(super) fn eval_match(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Match {
        negated,
        lhs,
        pattern,
    } = &e.kind
    else {
        return me.eval_tree(e, here);
    };
    let m = match pattern {
        PatternRef::Lit(p) => match me.value_ref(lhs).map(|v| p.matches(v.bytes())) {
            Some(m) => m,
            None => p.matches(me.eval(lhs, here)?.bytes()),
        },
        PatternRef::Indirect(pe) => {
            let v = me.eval(lhs, here)?;
            me.indirect_pattern(pe, here)?.matches(v.bytes())
        }
    };
    Ok(Value::from_bool(m != *negated))
}

impl Interp {
    /// The compiled pattern the indirect operand `pe` names.
    pub(super) fn indirect_pattern(&mut self, pe: &Expr, here: &Here) -> MResult<Rc<Pattern>> {
        let mut text = self.eval(pe, here)?;
        let mut depth = 0;
        while text.bytes().first() == Some(&b'@') {
            depth += 1;
            if depth > MAX_PATTERN_INDIRECTION {
                return Err(MError::new(kind::STACKCRIT).at(pe.span.clone()));
            }
            text = self.pattern_text_behind(&text, here)?;
        }
        if let Some(p) = self.pattern_cache.get(text.bytes(), |_| true) {
            return Ok(p);
        }
        let p = Pattern::parse_run_time(text.bytes()).map_err(|e| e.at(pe.span.clone()))?;
        let p = Rc::new(p);
        self.pattern_cache.insert(text.rc(), p.clone());
        Ok(p)
    }

    /// `@operand` as pattern text: the operand's value. The operand is one expression atom
    /// (a name, a literal, a function, a parenthesised expression; trailing spaces allowed):
    /// GT.M calls anything after it extra (`"@k_1"` is INDEXTRACHARS).
    fn pattern_text_behind(&mut self, text: &Value, here: &Here) -> MResult<Value> {
        let source = text.source_text();
        let operand = source[1..].trim_end_matches(' ');
        match parse_expr(operand) {
            Ok(e) if is_one_atom(&e, operand) => self.eval(&e, here),
            Ok(_) => Err(MError::new(kind::INDEXTRACHARS)),
            Err(e) => Err(extra_text_or(e, operand)),
        }
    }
}

/// Whether the expression parsed from `operand` is a single atom: not an operation, or an
/// operation wholly inside the parentheses the operand begins with.
fn is_one_atom(e: &Expr, operand: &str) -> bool {
    if !matches!(e.kind, ExprKind::Binary { .. } | ExprKind::Match { .. }) {
        return true;
    }
    operand.starts_with('(') && closing_paren(operand) == Some(operand.len() - 1)
}

/// Where the parenthesis opening `text` closes (string literals skipped).
fn closing_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'(' if !quoted => depth += 1,
            b')' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// When a whole expression stands before the place the parse failed, the rest is extra text
/// (INDEXTRACHARS), as in GT.M.
fn extra_text_or(e: MError, operand: &str) -> MError {
    let stop = e.span.as_ref().map_or(0, |s| s.start);
    if stop > 0 && operand.is_char_boundary(stop) && parse_expr(&operand[..stop]).is_ok() {
        MError::new(kind::INDEXTRACHARS)
    } else {
        e
    }
}
