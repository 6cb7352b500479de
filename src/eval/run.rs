//! Running lines: the loop over a block's lines, what happens before a line (interrupts,
//! breakpoints) and after one that does not end normally (errors to trap, GOTO, ZGOTO).

use std::rc::Rc;

use super::{Flow, Frame, Here, Interp, debug};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Line, Routine};

/// What `line_start` found before a line: run it, stand this result in for it, or leave
/// the block with this result.
enum LineStart {
    Run,
    Instead(MResult<Flow>),
    Leave(MResult<Flow>),
}

/// What `after_line` does with one line's result.
enum Outcome {
    /// Goes on with the line now in `here` (`None`) or leaves the block with this.
    Done(Option<MResult<Flow>>),
    /// A TRESTART: run the line now in `here` again from this command.
    Resume(usize),
}

impl Interp {
    /// Runs lines from `here.line` at block level `here.level` until QUIT, the end of the
    /// block or routine, HALT or an error the traps do not handle. The loop itself handles
    /// only a line that ends normally; the rest is out of line (`line_start`, `after_line`).
    pub(super) fn run_block(&mut self, here: Here) -> MResult<Flow> {
        self.run_block_here(here)
    }

    /// `run_block`, inlined where a dot block runs (`do_block`).
    #[inline(always)]
    pub(super) fn run_block_here(&mut self, mut here: Here) -> MResult<Flow> {
        let start = here.line;
        loop {
            let Some(line) = here.routine.lines.get(here.line) else {
                return Ok(Flow::Normal);
            };
            if line.level != here.level {
                if line.level < here.level {
                    return Ok(Flow::Normal);
                }
                here.line += 1;
                continue;
            }
            // One load per line decides: signals, memory limits, the sandbox's step budget,
            // breakpoints and ZSTEP (which point `attend` at a flag always up, see
            // `rearm_debug`) and a label with formals (which a line may not fall into) are
            // rare, and run out of line (a TRESTART's resumption too, in `after_line`).
            let result = if self.attention()
                || (here.level == 0
                    && here.line != start
                    && line.label.as_ref().is_some_and(|l| l.formals.is_some()))
            {
                match self.unusual_line(&mut here, start, 0) {
                    Ok(r) => r,
                    Err(leave) => return leave,
                }
            } else {
                // The usual line, with no syntax error to raise at its end: its commands,
                // and when they end normally on to the next line at this level or above
                // (the dot blocks under this line are not walked over). No result is made
                // for a line that ends normally.
                // Each result is looked at where it is made, so that no slot in memory
                // holds it (a call writing its result there would keep it out of
                // registers, and each line would store and reload it).
                match &line.error {
                    None => match self.run_cmds(&line.body, &here) {
                        Ok(Flow::Normal) => {
                            here.line += 1 + line.deeper;
                            continue;
                        }
                        r => r,
                    },
                    Some(_) => match self.exec_line_body(line, &here) {
                        Ok(Flow::Normal) => {
                            here.line += 1 + line.deeper;
                            continue;
                        }
                        r => r,
                    },
                }
            };
            match result {
                Ok(Flow::Normal) => {
                    here.line += 1;
                    continue;
                }
                Ok(Flow::Quit | Flow::QuitValue) => return result,
                _ => {}
            }
            if let Some(r) = self.after_line(result, &mut here, start) {
                return r;
            }
        }
    }

    /// A line with something to see to first (see `run_block`): runs it and gives its
    /// result, or `Err` with the result to leave the block with.
    #[inline(never)]
    fn unusual_line(
        &mut self,
        here: &mut Here,
        start: usize,
        at: usize,
    ) -> Result<MResult<Flow>, MResult<Flow>> {
        if here.line != start
            && here.level == 0
            && let Some(l) = &here.routine.lines[here.line].label
            && l.formals.is_some()
            && let Some(prev) = fell_from(&here.routine, here.line)
        {
            // GT.M: the error belongs to the line that fell through, in this frame (its
            // trap runs here); a routine top of comments only may fall into it.
            here.line = prev;
            self.set_frame_here(here);
            return Ok(Err(MError::new(kind::FALLINTOFLST)));
        }
        self.set_frame_here(here);
        if self.attention() {
            match self.line_start(here) {
                LineStart::Run => {}
                LineStart::Instead(r) => return Ok(r),
                LineStart::Leave(r) => return Err(r),
            }
        }
        Ok(self.exec_line(here, at))
    }

    /// Before a line, when the attention flag or a breakpoint is up: interrupts, limits,
    /// breakpoints and ZSTEP.
    #[inline(never)]
    fn line_start(&mut self, here: &Here) -> LineStart {
        let mut stopped = None;
        if self.raised() {
            Self::attention_taken();
            if crate::interrupt::pending() {
                match self.service_interrupts(here) {
                    Ok(()) => {}
                    Err(e) if e.kind == kind::CTRLC => {
                        Self::attention_left();
                        let e = self.located(e, here);
                        // SIGTERM (MUPIP STOP) ends the process; only Ctrl-C stops at a prompt.
                        if crate::interrupt::terminated() {
                            return LineStart::Leave(Err(e));
                        }
                        match self.stop(debug::Stop::Interrupt, here) {
                            None => return LineStart::Leave(Err(e)),
                            Some(debug::Resume::Flow(f)) => {
                                return LineStart::Leave(Ok(self.release_flow(f)));
                            }
                            Some(debug::Resume::Continue) => {}
                        }
                    }
                    Err(e) => stopped = Some(Err(e)),
                }
            }
            if stopped.is_none()
                && let Err(e) = self.poll()
            {
                stopped = Some(Err(e));
            }
            Self::attention_left();
        }
        if stopped.is_none() && self.debug.armed {
            match self.at_line(here) {
                Ok(f) => stopped = f.map(Ok),
                Err(e) => return LineStart::Leave(Err(e)),
            }
        }
        match stopped {
            Some(r) => LineStart::Instead(r),
            None => LineStart::Run,
        }
    }

    /// Whether the attention flag itself is up (or a sandbox counts every step): `attend`
    /// is also up while the debugger is armed, which needs no interrupt or limit check.
    #[inline]
    pub(super) fn raised(&self) -> bool {
        self.restricted || crate::interrupt::ATTENTION.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// After a line that did not end normally: its error is trapped, its transfer of
    /// control done. `None` goes on with the line now in `here`; `Some` leaves the block.
    #[inline(never)]
    pub(super) fn after_line(
        &mut self,
        mut result: MResult<Flow>,
        here: &mut Here,
        start: usize,
    ) -> Option<MResult<Flow>> {
        self.set_frame_here(here);
        loop {
            match self.line_outcome(result, here) {
                Outcome::Done(r) => return r,
                // TRESTART: its TSTART line runs again from the TSTART command, and what
                // that line gives is seen to here in turn.
                Outcome::Resume(index) => {
                    result = match self.unusual_line(here, start, index) {
                        Ok(r) => r,
                        Err(leave) => return Some(leave),
                    };
                    match result {
                        Ok(Flow::Normal) => {
                            here.line += 1;
                            return None;
                        }
                        Ok(Flow::Quit | Flow::QuitValue) => return Some(result),
                        _ => {}
                    }
                }
            }
        }
    }

    /// `after_line` for one result: `Done` with what `after_line` gives, or `Resume` at
    /// this command of the line now in `here` (a TRESTART).
    fn line_outcome(&mut self, result: MResult<Flow>, here: &mut Here) -> Outcome {
        let done = Outcome::Done;
        let flow = match result {
            Ok(f) => f,
            Err(e) if e.halt.is_some() => return done(Some(Ok(Flow::Halt(e.halt.unwrap_or(0))))),
            Err(e) if e.unwind => self.unwinding.take().unwrap_or(Flow::Normal),
            Err(e) if e.restart => match self.conflict_restart(e, here) {
                e if !e.restart => {
                    let e = self.located(e, here);
                    match self.trap(e, here) {
                        Ok(f) => f,
                        Err(e) => return done(Some(Err(e))),
                    }
                }
                e => match self.restart_point(here) {
                    Some((at, index)) => {
                        *here = at;
                        return Outcome::Resume(index);
                    }
                    None => return done(Some(Err(e))),
                },
            },
            Err(e) => {
                let e = self.located(e, here);
                match self.trap(e, here) {
                    Ok(flow) => flow,
                    Err(e) if e.halt.is_some() || e.restart || e.kind == kind::CTRLC => {
                        return done(Some(Err(e)));
                    }
                    // Without a prompt to stop at, the error goes up as it is: never
                    // copied per frame (its call chain is as long as the stack, so a copy
                    // per level made a STACKCRIT report quadratic: 10,000 levels, 8 s).
                    Err(e) if !self.stops_on_error() => return done(Some(Err(e))),
                    // Direct mode stops in the failing frame; ZCONTINUE runs the line again.
                    Err(e) => match self.stop(debug::Stop::Error(e.clone()), here) {
                        None => return done(Some(Err(e))),
                        Some(debug::Resume::Continue) => {
                            self.goto_flow(here.routine.clone(), here.line)
                        }
                        Some(debug::Resume::Flow(f)) => self.release_flow(f),
                    },
                }
            }
        };
        match flow {
            Flow::Normal => here.line += 1,
            Flow::Goto => {
                let Some((r, i)) = self.jump.take() else {
                    here.line += 1;
                    return done(None);
                };
                // A GOTO out of XECUTE text leaves the XECUTE frame.
                if here.routine.xecute && !Rc::ptr_eq(&r, &here.routine) {
                    return done(Some(Ok(self.goto_flow(r, i))));
                }
                here.level = r.lines.get(i).map_or(0, |l| l.level);
                here.routine = r;
                here.line = i;
            }
            // ZGOTO to a label out of XECUTE text (`ZGOTO @x`) leaves that text, as GOTO.
            Flow::ZGoto(_) if here.routine.xecute && self.jump.is_some() => {
                return done(Some(Ok(flow)));
            }
            // ZGOTO to this level: go on at the target, or after the line that called.
            Flow::ZGoto(level) if self.frames.len() - 1 <= level as usize => {
                if self.zgoto_bottom && self.frames.len() == 1 {
                    self.zgoto_bottom = false;
                    let base = std::mem::replace(&mut self.frames[0], Frame::base());
                    self.restore_frame(base);
                    if self.jump.is_none() {
                        return done(Some(Ok(Flow::Halt(0))));
                    }
                }
                match self.jump.take() {
                    Some((r, i)) => {
                        here.level = r.lines.get(i).map_or(0, |l| l.level);
                        here.routine = r;
                        here.line = i;
                    }
                    None => here.line += 1,
                }
            }
            other => return done(Some(Ok(other))),
        }
        done(None)
    }

    /// Records in the running frame the line it runs (its `here`). A line that ends
    /// normally is not recorded: the running frame's place is the `here` its loop holds,
    /// and only code that reads the places of the frames needs them, which comes only
    /// after one of these: a frame pushed above (DO, `$$`, a dot block, XECUTE, an
    /// interrupt), XECUTE text or indirection run in the frame (`zpos` and `located` look
    /// for its place in the frames), an error or a GOTO (`after_line`), a stop (`stop`)
    /// or an interrupt (`service_interrupts`). Each of those calls this first.
    pub(super) fn set_frame_here(&mut self, here: &Here) {
        // XECUTE text and trap code keep the place of the line that ran them.
        if here.routine.xecute {
            return;
        }
        if let Some(f) = self.frames.last_mut() {
            match &mut f.here {
                Some(h) if Rc::ptr_eq(&h.routine, &here.routine) => h.line = here.line,
                slot => *slot = Some(here.clone()),
            }
        }
    }

    /// Runs one line from its command `from`: its commands, then its syntax error if it
    /// has one.
    pub(super) fn exec_line(&mut self, here: &Here, from: usize) -> MResult<Flow> {
        let line = &here.routine.lines[here.line];
        let flow = self.exec_cmds(&line.body[from.min(line.body.len())..], here)?;
        self.line_end(line, flow)
    }

    /// `exec_line` given the line (`here.line` of `here.routine`), for `run_block`'s loop
    /// on a line with a syntax error.
    #[inline(never)]
    fn exec_line_body(&mut self, line: &Line, here: &Here) -> MResult<Flow> {
        let flow = self.run_cmds(&line.body, here)?;
        self.line_end(line, flow)
    }

    /// After a line's commands: its syntax error, unless IF or ELSE skipped to the end.
    #[inline(always)]
    fn line_end(&mut self, line: &Line, flow: Flow) -> MResult<Flow> {
        // Only a line with an error has `rest_skipped` set (`CmdOp::IfOnBadLine`): the usual line
        // reads one field here.
        if let Some(e) = &line.error {
            let skipped = std::mem::take(&mut self.rest_skipped);
            if let (Flow::Normal, false) = (&flow, skipped) {
                return Err(e.clone());
            }
        }
        Ok(flow)
    }
}

/// The line at level 0 before `line` that falls into it. GT.M lets a routine whose lines
/// before the label are only comments (no label, no command) start there freely.
pub(super) fn fell_from(routine: &Routine, line: usize) -> Option<usize> {
    let lines = routine.lines.get(..line)?;
    lines
        .iter()
        .rposition(|l| l.label.is_some() || !l.body.is_empty() || l.error.is_some())?;
    lines.iter().rposition(|l| l.level == 0)
}
