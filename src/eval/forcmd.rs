//! FOR: the rest of the line is its body, run once per value of the control variable.

use super::var::VarRef;
use super::{Flow, Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::number::Number;
use crate::syntax::ast::{Cmd, ForArg, ForItem, Glvn};
use crate::value::Value;

impl Interp {
    /// FOR: the rest of the line is its body.
    #[inline(never)]
    pub(super) fn exec_for_cmd(
        &mut self,
        arg: Option<&ForArg>,
        cmd: &Cmd,
        body: &[Cmd],
        here: &Here,
    ) -> MResult<Flow> {
        // GT.M compiles the whole line before its FOR loops: a syntax error later on the
        // line is raised now, not after (or instead of) the loop.
        if let Some(e) = here
            .routine
            .lines
            .get(here.line)
            .and_then(|l| l.error.as_ref())
        {
            return Err(e.clone());
        }
        self.exec_for(arg, body, here)
            .map_err(|e| e.at(cmd.span.clone()))
    }

    /// FOR: the rest of the line is the body; an argumentless QUIT in it ends the FOR, not
    /// the frame (the frame counts its running FOR bodies for that).
    pub(super) fn exec_for(
        &mut self,
        arg: Option<&ForArg>,
        body: &[Cmd],
        here: &Here,
    ) -> MResult<Flow> {
        self.set_for_depth(1);
        let r = self.exec_for_items(arg, body, here);
        self.set_for_depth(-1);
        r
    }

    pub(super) fn exec_for_items(
        &mut self,
        arg: Option<&ForArg>,
        body: &[Cmd],
        here: &Here,
    ) -> MResult<Flow> {
        // Argumentless FOR (`for  set k=$order(x(k)) quit:k=""  do`): the body's command
        // loop inlined, no call per pass.
        let Some(arg) = arg else {
            loop {
                if let Some(end) = self.for_pass_inline(body, here)? {
                    return Ok(end);
                }
            }
        };
        // GT.M evaluates a subscripted or indirect control variable once, before the first
        // item (`for a($$s)=$$v1,$$v2` calls s first, and once; the naked indicator moves
        // in that order too).
        let fixed = match &arg.var {
            Glvn::Local(_, subs) if subs.is_empty() => None,
            var => Some(self.control_ref(var, here)?),
        };
        for item in &arg.items {
            match item {
                ForItem::Value(e) => {
                    let v = self.eval(e, here)?;
                    let plain;
                    let r = match &fixed {
                        Some(r) => r,
                        None => {
                            plain = self.control_ref(&arg.var, here)?;
                            &plain
                        }
                    };
                    self.store(r, v)?;
                    if let Some(end) = self.for_pass(body, here)? {
                        return Ok(end);
                    }
                }
                ForItem::Range { start, step, limit } => {
                    let start = self.eval(start, here)?;
                    let step = self.eval(step, here)?.num();
                    let limit = match limit {
                        Some(l) => Some(self.eval(l, here)?.num()),
                        None => None,
                    };
                    let beyond = |v: &crate::number::Number| match &limit {
                        Some(l) if step.is_negative() => v.cmp(l).is_lt(),
                        Some(l) => v.cmp(l).is_gt(),
                        None => false,
                    };
                    let mut v = start.num();
                    // The usual control variable, an unsubscripted local: read and written
                    // in its slot, no reference built.
                    if let Glvn::Local(name, subs) = &arg.var
                        && subs.is_empty()
                    {
                        let name = *name;
                        // GT.M assigns the start value even when the loop never runs.
                        self.store_local(name, Value::from_num(v));
                        if beyond(&v) {
                            continue;
                        }
                        let ints = int_step_limit(step, limit);
                        loop {
                            if let Some(end) = self.for_pass_inline(body, here)? {
                                return Ok(end);
                            }
                            // GT.M: the variable keeps its last value when the next one is
                            // past the limit; the body may have changed or killed it. Read
                            // and written in one look at its slot.
                            if let Some(slot) = self.locals.slot(name)
                                && let Some(cur) = slot.borrow_mut().value.as_mut()
                            {
                                // Both below 10^18: no overflow, and a sum within the
                                // limit (no limit: 10^18 - 1) is one a `Number` holds with
                                // exponent 0. A sum past it goes the general way below,
                                // which ends the loop or goes on exactly as GT.M.
                                if let Some((s, l)) = ints
                                    && let Some(i) = cur.cached_int()
                                {
                                    let n = i + s;
                                    let within = if s < 0 { n >= l } else { n <= l };
                                    if within {
                                        set_int(cur, n);
                                        continue;
                                    }
                                }
                                let n = cur.num();
                                v = n.add(step).map_err(super::expr::num_error)?;
                                if beyond(&v) {
                                    // GT.M: a loop that ends at its limit leaves the
                                    // variable its number (`set i=i_"x"` in the body).
                                    *cur = Value::from_num(n);
                                    break;
                                }
                                *cur = Value::from_num(v);
                                continue;
                            }
                            let cur = self.local_num(name)?;
                            v = cur.add(step).map_err(super::expr::num_error)?;
                            if beyond(&v) {
                                break;
                            }
                            self.store_local(name, Value::from_num(v));
                        }
                        continue;
                    }
                    let plain;
                    let r = match &fixed {
                        Some(r) => r,
                        None => {
                            plain = self.control_ref(&arg.var, here)?;
                            &plain
                        }
                    };
                    self.store(r, Value::from_num(v))?;
                    if beyond(&v) {
                        continue;
                    }
                    loop {
                        if let Some(end) = self.for_pass(body, here)? {
                            return Ok(end);
                        }
                        let cur = self.fetch_num(r)?;
                        v = cur.add(step).map_err(super::expr::num_error)?;
                        if beyond(&v) {
                            // GT.M leaves a variable still defined its number, as above.
                            if self.lookup(r)?.is_some() {
                                self.store(r, Value::from_num(cur))?;
                            }
                            break;
                        }
                        self.store(r, Value::from_num(v))?;
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    /// The reference of a subscripted or indirect control variable. GT.M takes only a
    /// local there: a global (`FOR ^x(1)=1:1:3`) is VAREXPECTED, raised when the FOR runs
    /// (GT.M compiles the command into that error; what comes before it on the line runs).
    fn control_ref(&mut self, var: &Glvn, here: &Here) -> MResult<VarRef> {
        if matches!(var, Glvn::Global(..) | Glvn::Naked(..) | Glvn::Extended(..)) {
            return Err(MError::new(kind::VAREXPECTED));
        }
        let r = self.var_ref(var, here)?;
        if r.global {
            return Err(MError::new(kind::VAREXPECTED));
        }
        Ok(r)
    }

    /// One pass of a FOR body, then whether the FOR ends: `Some` with the flow to return
    /// (an argumentless QUIT ends only the loop), `None` to go on.
    #[inline]
    pub(super) fn for_pass(&mut self, body: &[Cmd], here: &Here) -> MResult<Option<Flow>> {
        Ok(match self.for_body(body, here)? {
            Flow::Normal => None,
            Flow::Quit => Some(Flow::Normal),
            other => Some(other),
        })
    }

    /// `for_pass` with the body's command loop inlined: the usual FOR (a local stepping
    /// through a range) makes no call per pass to run its body.
    #[inline(always)]
    fn for_pass_inline(&mut self, body: &[Cmd], here: &Here) -> MResult<Option<Flow>> {
        if self.attention() {
            self.attend_for_pass(here)?;
        }
        if body.is_empty() {
            return Ok(None);
        }
        Ok(match self.run_cmds(body, here)? {
            Flow::Normal => None,
            Flow::Quit => Some(Flow::Normal),
            other => Some(other),
        })
    }

    /// One pass of a FOR body.
    #[inline]
    pub(super) fn for_body(&mut self, body: &[Cmd], here: &Here) -> MResult<Flow> {
        if self.attention() {
            self.attend_for_pass(here)?;
        }
        if body.is_empty() {
            return Ok(Flow::Normal);
        }
        self.exec_cmds(body, here)
    }

    /// A FOR pass with the attention flag up: interrupts and limits (`attend_pass`), when
    /// the flag is not up only for the debugger (`Interp::raised`).
    #[cold]
    fn attend_for_pass(&mut self, here: &Here) -> MResult<()> {
        match self.raised() {
            true => self.attend_pass(here),
            false => Ok(()),
        }
    }

    pub(super) fn set_for_depth(&mut self, delta: isize) {
        if let Some(f) = self.frames.last_mut() {
            f.for_depth = f.for_depth.saturating_add_signed(delta as i32);
        }
    }
}

/// The step and limit of a FOR range as integers, when both are integers (a `Number`
/// with exponent 0 is below 10^18); no limit is the largest such integer in the
/// direction of the step.
fn int_step_limit(step: Number, limit: Option<Number>) -> Option<(i64, i64)> {
    const END: i64 = 999_999_999_999_999_999;
    let int = |n: Number| match n.parts() {
        (m, 0) => Some(m),
        _ => None,
    };
    let s = int(step)?;
    match limit {
        Some(l) => Some((s, int(l)?)),
        None if s < 0 => Some((s, -END)),
        None => Some((s, END)),
    }
}

/// Puts the integer `n` in `cur`, a FOR's control variable: in place (a few stores) unless
/// the old value holds a shared buffer, which is then dropped.
#[inline(always)]
fn set_int(cur: &mut Value, n: i64) {
    if !cur.set_small_int(n) {
        *cur = Value::from_num(Number::from_parts(n, 0));
    }
}
