//! Errors leaving a line: their place, and error trapping (`$ETRAP`, `$ZTRAP`).

use super::{Flow, FrameKind, Here, Interp, place};
use crate::error::{MError, MResult, kind};
use crate::value::Value;
use std::ops::ControlFlow::{self, Break, Continue};

/// The callers an error's report names at most (`call_chain`).
const CHAIN_SHOWN: usize = 16;

impl Interp {
    /// Adds the place (`label+n^routine`) and the routine to an error leaving a line.
    pub(super) fn located(&self, mut e: MError, here: &Here) -> MError {
        // In XECUTE text the place is that of the line that ran the XECUTE.
        if e.place.is_empty() {
            (e.chain, e.chain_more) = self.call_chain();
        }
        if e.place.is_empty()
            && here.routine.xecute
            && let Some(h) = self
                .frames
                .iter()
                .rev()
                .find_map(|f| f.here.as_ref().filter(|h| !h.routine.xecute))
        {
            e.place = place(&h.routine, h.line);
            e.routine = Some(h.routine.name.as_str().to_string());
            // The span indexed the XECUTE text: point at the line that ran it instead.
            e.span = h
                .routine
                .lines
                .get(h.line)
                .map(|l| l.span.start..l.span.start);
            // The line that ran the XECUTE is the place, not a caller.
            if e.chain.first() == Some(&e.place) {
                e.chain.remove(0);
            }
            return e;
        }
        if e.place.is_empty() {
            e.place = place(&here.routine, here.line);
            e.routine = Some(here.routine.name.as_str().to_string());
            if e.span.is_none() {
                e.span = here.routine.lines.get(here.line).map(|l| l.span.clone());
            }
        }
        e
    }

    /// The places of the frames below the running one that called by DO or `$$`, innermost
    /// first (the frames of XECUTE and of direct mode's typed lines have no place of their
    /// own and are left out): at most `CHAIN_SHOWN`, and how many more there are. Every
    /// error makes one, so it stays small however deep the stack (a trap that fails again
    /// at each level would otherwise keep a chain per level, quadratic in the depth).
    pub(super) fn call_chain(&self) -> (Vec<String>, usize) {
        let below = self.frames.len().saturating_sub(1);
        let mut callers = self.frames[..below]
            .iter()
            .rev()
            .filter(|f| f.kind != FrameKind::Xecute)
            .filter_map(|f| f.here.as_ref())
            .filter(|h| !h.routine.xecute);
        let shown = callers
            .by_ref()
            .take(CHAIN_SHOWN)
            .map(|h| place(&h.routine, h.line))
            .collect();
        (shown, callers.count())
    }

    /// Error trapping: with `$ETRAP` set, record the error in `$ECODE`/`$ZSTATUS`, run the
    /// trap code in this frame, then leave the frame. While `$ECODE` stays set the error goes
    /// on to the caller, whose trap runs in turn (the 1995 standard's unwinding).
    pub(super) fn trap(&mut self, mut e: MError, here: &Here) -> MResult<Flow> {
        // A loop, not recursion: a `$ZTRAP` that keeps failing loops as in GT.M.
        loop {
            match self.trap_once(e, here) {
                ControlFlow::Break(r) => return r,
                ControlFlow::Continue(again) => e = again,
            }
        }
    }

    /// One round of `trap`; `Continue` gives an error to trap again in this frame.
    fn trap_once(&mut self, e: MError, here: &Here) -> ControlFlow<MResult<Flow>, MError> {
        let mut e = self.zinterrupt_error(e);
        if let Some(flow) = self.run_zyerror(&mut e, here) {
            return Break(Ok(flow));
        }
        // Ctrl-C goes straight back to direct mode: no trap handles it. While a trap runs,
        // errors at its level or deeper go to the caller of the trapping frame (GT.M).
        let depth = self.frames.len() - 1;
        if !self.trapping.is_empty() || !self.etrap.is_empty() || !self.ztrap.is_empty() {
            self.max_error_level = self.max_error_level.max(depth);
        }
        // Trap code that cleared `$ECODE` has handled its error: a new one is trapped afresh.
        let ecode_clear = self.ecode.is_empty();
        // A `$ZTRAP` stays armed while its code runs: only an error in the trap text itself
        // (at the trapping level) escapes it; errors in frames the trap calls trap again.
        // `$ETRAP` code that cleared `$ECODE` and calls code that fails: that frame traps
        // again (GT.M), with the same `$ETRAP`.
        let etrap_callee = self
            .trapping
            .last()
            .is_some_and(|&(t, ztrap)| !ztrap && depth > t && !ecode_clear);
        let in_trap = etrap_callee || self.trapping.last().is_some_and(|&(t, _)| depth == t);
        let untrappable = e.kind == kind::CTRLC || e.kind == kind::MEMORY;
        let no_trap = self.etrap.is_empty() && self.ztrap.is_empty();
        if no_trap || untrappable || in_trap || self.in_zyerror() {
            if etrap_callee && !no_trap && !untrappable {
                self.record_callee_error(&mut e);
            }
            return Break(Err(e));
        }
        if self.error_pending_here() {
            return Break(self.unwind_pending(e, depth));
        }
        // GT.M adds the code even when `$ECODE` has it already (one entry per error).
        if !e.recorded && !e.place.is_empty() {
            self.append_ecode(&e.ecode());
            e.recorded = true;
        }
        self.zstatus = e.zstatus();
        if let Some(f) = self.frames.last_mut() {
            let rare = f.rare_mut();
            rare.ecode.clone_from(&self.ecode);
            rare.error_here = Some(here.clone());
        }
        if self.error_stack.is_empty() {
            self.error_stack_ztrap = self.etrap.is_empty();
            self.error_stack = (0..=depth)
                .filter_map(|level| self.level_view(level, here))
                .collect();
        }
        let is_ztrap = self.etrap.is_empty();
        self.trapped_error = (!is_ztrap).then(|| e.clone());
        let code = if is_ztrap { &self.ztrap } else { &self.etrap };
        let code = code.rc().clone();
        // The trap runs once per frame, in that frame (GT.M adds no stack level for it); an
        // error inside it goes to the caller.
        let r = if is_ztrap {
            self.trapping.push((depth, true));
            let r = self.run_inline(&code, here);
            self.trapping.pop();
            r
        } else {
            self.trapping.push((depth, false));
            let r = self.run_inline(&code, here);
            self.trapping.pop();
            r
        };
        // GT.M: at the top level the trap ends the process, with status 0 only when it
        // cleared $ECODE and QUIT; otherwise the error number modulo 256.
        let status = (e.number() % 256) as i32;
        let top = depth == 0;
        let extrinsic = self.frames.last().is_some_and(|f| f.extrinsic);
        let r = match r {
            Ok(flow) => flow,
            // GT.M: an error in the trap code adds itself and ERRWETRAP to $ECODE, and the
            // caller's trap takes over.
            Err(mut e2) => {
                if !e2.recorded {
                    self.append_ecode(&e2.ecode());
                    // SET $ECODE in a trap is deliberate, not an error of the trap.
                    if e2.kind != kind::SETECODE {
                        self.append_ecode(&MError::new(kind::ERRWETRAP).ecode());
                        if !is_ztrap {
                            e2 = errwetrap(e2);
                        }
                    }
                    e2.recorded = true;
                } else if is_ztrap && self.frames.len() == depth + 1 && !is_control(&e2) {
                    // GT.M: an error that the frames the `$ZTRAP` code called passed back
                    // (ERRWETRAP of their `$ETRAP`) is trapped again by this frame's `$ZTRAP`.
                    return Continue(e2);
                }
                return Break(Err(e2));
            }
        };
        Break(match r {
            f @ (Flow::Halt(_) | Flow::ZGoto(_) | Flow::Goto) => Ok(f),
            // GT.M: `$ZTRAP` code that ends without a transfer of control retries the line
            // where the error happened.
            Flow::Normal if is_ztrap => Ok(self.goto_flow(here.routine.clone(), here.line)),
            Flow::Quit | Flow::QuitValue if top && self.ecode.is_empty() => Ok(Flow::Halt(0)),
            Flow::Quit | Flow::QuitValue | Flow::Normal if top => Ok(Flow::Halt(status)),
            f @ (Flow::Quit | Flow::QuitValue) if is_ztrap || self.ecode.is_empty() => Ok(f),
            // $ECODE is still set: the error goes on to the caller's frame and its trap.
            Flow::Quit | Flow::QuitValue => Err(e),
            // A trap that ends without QUIT leaves its frame; an extrinsic returns "".
            Flow::Normal if extrinsic => Ok(self.quit_with(Value::empty())),
            Flow::Normal => Ok(Flow::Quit),
        })
    }

    /// GT.M: an error in a frame that `$ETRAP` code called (whose own `$ETRAP` is that code,
    /// still handling its error) goes to the trapping frame's caller as itself, not as
    /// ERRWETRAP: its code joins `$ECODE` and it becomes `$ZSTATUS` here.
    fn record_callee_error(&mut self, e: &mut MError) {
        if e.recorded || e.place.is_empty() || is_control(e) {
            return;
        }
        self.append_ecode(&e.ecode());
        self.zstatus = e.zstatus();
        e.recorded = true;
    }

    /// `$STACK(level[,what])` as it was at the first error since `$ECODE` was last empty
    /// (GT.M keeps that error's levels while `$ECODE` stays set, also once they are left
    /// and when other calls take their place); `None` for a level it did not have (`$ETRAP`:
    /// the level as it is now).
    pub(super) fn error_stack_entry(&self, level: i64, what: Option<&str>) -> Option<Value> {
        if self.ecode.is_empty() || self.error_stack.is_empty() {
            return None;
        }
        let Some(entry) = self.error_stack.get(usize::try_from(level).ok()?) else {
            // Under `$ZTRAP`, GT.M shows nothing above the error's levels.
            return self.error_stack_ztrap.then(Value::empty);
        };
        Some(entry.answer(what, &self.start_mode))
    }

    /// True when this frame's error is still pending: `$ETRAP` code went on in the frame
    /// (by GOTO) without clearing `$ECODE`.
    pub(super) fn error_pending_here(&self) -> bool {
        !self.etrap.is_empty()
            && !self.ecode.is_empty()
            && self.frames.last().is_some_and(|f| !f.ecode().is_empty())
    }

    /// GT.M: a new error in a frame whose error is pending adds itself to `$ECODE` and leaves
    /// the frame for the caller's trap, so a failing `$ETRAP="GOTO trap"` ends; past the
    /// top level the process ends with the error number modulo 256.
    pub(super) fn unwind_pending(&mut self, mut e: MError, depth: usize) -> MResult<Flow> {
        if !e.recorded {
            self.append_ecode(&e.ecode());
            e.recorded = true;
        }
        self.zstatus = e.zstatus();
        if depth == 0 {
            return Ok(Flow::Halt((e.number() % 256) as i32));
        }
        Err(e)
    }

    /// NEW $ETRAP or NEW $ZTRAP: this frame saves both (once), for QUIT to restore.
    pub(super) fn new_traps(&mut self) {
        let (etrap, ztrap) = (self.etrap.clone(), self.ztrap.clone());
        if let Some(f) = self.frames.last_mut() {
            let rare = f.rare_mut();
            rare.saved_etrap.get_or_insert(etrap);
            rare.saved_ztrap.get_or_insert(ztrap);
        }
    }

    /// Adds `,code,` to `$ECODE` (which keeps one comma between codes), even when it is
    /// there already. GT.M keeps at most 32 errors' codes and 32768 bytes: to make room it
    /// drops the latest errors' codes and puts `Z150379696` before the new one (so past 32
    /// errors the 31st entry is `Z150379696`, the 32nd the latest error's).
    pub(super) fn append_ecode(&mut self, code: &str) {
        let code = code.trim_start_matches(',');
        // A code longer than `$ECODE` can be is not added (GT.M).
        if code.len() >= ECODE_MAX_LEN {
            return;
        }
        if self.ecode.is_empty() {
            self.ecode_ends.clear();
            self.ecode.push(',');
        }
        let full =
            |entries: usize, len: usize| entries > ECODE_MAX || len + code.len() > ECODE_MAX_LEN;
        if full(self.ecode_ends.len() + 1, self.ecode.len()) {
            while !self.ecode_ends.is_empty()
                && full(
                    self.ecode_ends.len() + 2,
                    self.ecode.len() + ECODE_OVERFLOW.len(),
                )
            {
                self.ecode_ends.pop();
                self.ecode
                    .truncate(self.ecode_ends.last().copied().unwrap_or(1));
            }
            self.ecode.push_str(ECODE_OVERFLOW);
            self.ecode_ends.push(self.ecode.len());
        }
        self.ecode.push_str(code);
        self.ecode_ends.push(self.ecode.len());
    }
}

/// The most errors `$ECODE` holds in GT.M, its longest value, and the code that stands for
/// the errors it dropped.
const ECODE_MAX: usize = 32;
const ECODE_MAX_LEN: usize = 32768;
const ECODE_OVERFLOW: &str = "Z150379696,";

/// True for the errors that carry a transfer of control (HALT, a restart, an unwinding
/// ZGOTO, ...) or Ctrl-C rather than an error of the program.
fn is_control(e: &MError) -> bool {
    e.halt.is_some() || e.restart || e.unwind || e.resume || e.kind == kind::CTRLC
}

/// GT.M: an error in `$ETRAP` code reaches the caller's trap as ERRWETRAP, its own text
/// after a dash (`$ZSTATUS` `150379578,r+1^x,%GTM-E-ERRWETRAP, Error while processing
/// $ETRAP,-GTM-E-UNDEF, Undefined local variable: zz`), at the error's place.
fn errwetrap(e: MError) -> MError {
    if is_control(&e) {
        return e;
    }
    let mut w = MError::new(kind::ERRWETRAP);
    w.message.push(',');
    w.message.push_str(&e.gtm_text().replacen('%', "-", 1));
    w.user_ecode = Some(e.ecode());
    w.place.clone_from(&e.place);
    w.routine.clone_from(&e.routine);
    w.span.clone_from(&e.span);
    w.chain.clone_from(&e.chain);
    w.chain_more = e.chain_more;
    w
}
