//! The debugger of direct mode, as GT.M's: a stop (an error no trap handles, BREAK, a
//! ZBREAK breakpoint, a ZSTEP, Ctrl-C) hands control to a `Debugger` (direct mode's prompt)
//! *inside* the frame where it happened, so `$STACK`, `ZSHOW "S"` and `ZWRITE` show that
//! state. ZCONTINUE goes on (after an error it runs the failing line again, as GT.M), ZSTEP
//! goes on and stops at the next line, QUIT leaves the frame, ZGOTO unwinds, HALT ends.
//!
//! The line-dispatch path pays nothing more: while a breakpoint is set or a ZSTEP is
//! pending, the flag lines test for interrupts is up (`Interp::rearm_debug`).

use std::rc::Rc;

use super::{Flow, HeldFlow, Here, Interp, place};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::syntax::ast::{EntryRef, StepKind, ZBreakArg};

/// Why execution stopped.
pub enum Stop {
    /// An error no trap handled.
    Error(MError),
    /// A BREAK command (in a ZBREAK action: `zbreak` is true).
    Break { zbreak: bool },
    /// A ZSTEP ended at this line.
    Step,
    /// Ctrl-C.
    Interrupt,
}

/// Direct mode at a stop: reads and runs lines (with `Interp::run_direct_line`) until
/// `Interp::stop_is_over`.
pub trait Debugger {
    /// `place` is `label+n^routine`, `line` the source text of that line.
    fn stop(&mut self, interp: &mut Interp, stop: &Stop, place: &str, line: &str);
}

/// How the person at a stop asked to go on.
pub(super) enum Resume {
    Continue,
    Flow(HeldFlow),
}

struct Breakpoint {
    routine: Sym,
    line: usize,
    place: String,
    /// M code to run at the line; `None` is BREAK.
    action: Option<Vec<u8>>,
    /// Passes left before the action runs.
    skip: i64,
}

#[derive(Default)]
pub(super) struct DebugState {
    /// A breakpoint is set or a ZSTEP is pending: lines are checked before they run.
    pub(super) armed: bool,
    breakpoints: Vec<Breakpoint>,
    /// A pending ZSTEP and the stack depth it was given at.
    step: Option<(StepKind, usize)>,
    pub(super) debugger: Option<Box<dyn Debugger>>,
    /// Errors stop too (direct mode); in a routine run only BREAK and ZBREAK stop.
    pub(super) stop_on_error: bool,
    /// Nested stops now open.
    pub(super) stops: usize,
    resume: Option<Resume>,
}

impl DebugState {
    fn rearm(&mut self) {
        self.armed = !self.breakpoints.is_empty() || self.step.is_some();
    }
}

impl Interp {
    /// `DebugState::rearm`, and the flag lines look at: up while a breakpoint or ZSTEP waits
    /// (so that the line loop tests one flag for both), the process's own otherwise.
    fn rearm_debug(&mut self) {
        self.debug.rearm();
        self.attend = match self.restricted || self.debug.armed {
            true => &crate::interrupt::ALWAYS,
            false => &crate::interrupt::ATTENTION,
        };
    }

    /// Direct mode's prompt for stops; `errors`: an unhandled error stops too.
    pub fn set_debugger(&mut self, debugger: Box<dyn Debugger>, errors: bool) {
        self.debug.debugger = Some(debugger);
        self.debug.stop_on_error = errors;
    }

    /// How many stops are open (0 at direct mode's top level).
    pub fn stop_depth(&self) -> usize {
        self.debug.stops
    }

    /// The stack level (`$STACK`) where the prompt runs lines now.
    pub fn stack_level(&self) -> usize {
        self.frames.len() - 1
    }

    /// True once a typed line asked to leave the stop (ZCONTINUE, ZSTEP, QUIT, ZGOTO, HALT).
    pub fn stop_is_over(&self) -> bool {
        self.debug.resume.is_some()
    }

    /// Leaves the stop and ends the process (HALT, or the end of input).
    pub fn stop_with_halt(&mut self, code: i32) {
        self.debug.resume = Some(Resume::Flow(self.hold_flow(Flow::Halt(code))));
    }

    /// A typed line at a stop ended with this flow: QUIT and ZGOTO leave the stop.
    pub(super) fn typed_flow(&mut self, flow: Flow) {
        if self.debug.stops == 0 {
            return;
        }
        if let Flow::Quit | Flow::QuitValue | Flow::ZGoto(_) = flow {
            self.debug.resume = Some(Resume::Flow(self.hold_flow(flow)));
        }
    }

    /// True when an error no trap handled stops at a prompt (direct mode, a debugger).
    pub(super) fn stops_on_error(&self) -> bool {
        self.debug.stop_on_error && self.debug.debugger.is_some()
    }

    /// Hands control to the debugger; `None` when there is none (or for an error, when errors
    /// do not stop).
    pub(super) fn stop(&mut self, stop: Stop, here: &Here) -> Option<Resume> {
        // Ctrl-C reaches the evaluator only where it stops (direct mode, a routine run at a
        // terminal); an error stops only in direct mode.
        if matches!(stop, Stop::Error(_)) && !self.debug.stop_on_error {
            return None;
        }
        let mut debugger = self.debug.debugger.take()?;
        // Lines typed at the stop run in this frame: their `ZSHOW "S"` shows its line.
        self.set_frame_here(here);
        if let Stop::Error(e) = &stop {
            self.record_unhandled(e);
        }
        self.debug.step = None;
        self.rearm_debug();
        let at = self.zpos(here);
        let shown = if here.routine.xecute {
            self.frames
                .iter()
                .rev()
                .find_map(|f| f.here.clone().filter(|h| !h.routine.xecute))
        } else {
            Some(here.clone())
        };
        let line = shown.map_or(Vec::new(), |h| line_source(&h.routine, h.line));
        self.debug.stops += 1;
        debugger.stop(self, &stop, &at, &String::from_utf8_lossy(&line));
        self.debug.stops -= 1;
        self.debug.debugger = Some(debugger);
        Some(self.debug.resume.take().unwrap_or(Resume::Continue))
    }

    /// Before a line runs, when `armed`: a pending ZSTEP or a breakpoint there stops.
    pub(super) fn at_line(&mut self, here: &Here) -> MResult<Option<Flow>> {
        if here.routine.xecute {
            return Ok(None);
        }
        let depth = self.frames.len() - 1;
        let stepped = match self.debug.step {
            Some((StepKind::Into, _)) => true,
            Some((StepKind::Over, d)) => depth <= d,
            Some((StepKind::Outof, d)) => depth < d,
            None => false,
        };
        if stepped {
            let r = self.stop(Stop::Step, here);
            return Ok(r.and_then(|r| self.resumed(r)));
        }
        let name = here.routine.name;
        let Some(bp) = self
            .debug
            .breakpoints
            .iter_mut()
            .find(|b| b.line == here.line && b.routine == name)
        else {
            return Ok(None);
        };
        if bp.skip > 0 {
            bp.skip -= 1;
            return Ok(None);
        }
        match bp.action.clone() {
            None => {
                let r = self.stop(Stop::Break { zbreak: true }, here);
                Ok(r.and_then(|r| self.resumed(r)))
            }
            Some(code) => {
                match self.run_inline(&crate::value::Bytes::from(code.as_slice()), here)? {
                    Flow::Normal | Flow::Quit | Flow::QuitValue => Ok(None),
                    other => Ok(Some(other)),
                }
            }
        }
    }

    /// BREAK: a stop where the debugger is; elsewhere (no prompt) nothing.
    pub(super) fn exec_break(&mut self, here: &Here) -> Flow {
        let zbreak = here.routine.xecute;
        match self.stop(Stop::Break { zbreak }, here) {
            Some(Resume::Flow(f)) => self.release_flow(f),
            _ => Flow::Normal,
        }
    }

    /// ZCONTINUE and ZSTEP: leave the stop (at the top level, ZSTEP arms the next line).
    pub(super) fn exec_zcontinue(&mut self, step: Option<StepKind>) {
        if let Some(kind) = step {
            // The depth of the stopped frame (the typed line adds no level).
            self.debug.step = Some((kind, self.frames.len() - 1));
            self.rearm_debug();
        }
        if self.debug.stops > 0 {
            self.debug.resume = Some(Resume::Continue);
        }
    }

    pub(super) fn exec_zbreak(&mut self, args: &[ZBreakArg], here: &Here) -> MResult<()> {
        for a in args {
            match a {
                ZBreakArg::ClearAll => self.debug.breakpoints.clear(),
                ZBreakArg::Clear(at) => {
                    let (routine, line) = self.break_line(at, here)?;
                    self.debug
                        .breakpoints
                        .retain(|b| !(b.routine == routine && b.line == line));
                }
                ZBreakArg::Set { at, action, count } => {
                    let (routine, line) = self.break_line(at, here)?;
                    let action = match action {
                        Some(e) => Some(self.eval(e, here)?.bytes().to_vec()),
                        None => None,
                    };
                    // GT.M runs the action from the count-th pass on: count-1 passes skipped.
                    let skip = match count {
                        Some(e) => (self.eval(e, here)?.int() - 1).max(0),
                        None => 0,
                    };
                    let r = self.routine(routine)?;
                    let bp = Breakpoint {
                        routine,
                        line,
                        place: place(&r, line),
                        action,
                        skip,
                    };
                    // A second ZBREAK at a line replaces the first, keeping its place.
                    match self
                        .debug
                        .breakpoints
                        .iter_mut()
                        .find(|b| b.routine == routine && b.line == line)
                    {
                        Some(old) => *old = bp,
                        None => self.debug.breakpoints.push(bp),
                    }
                }
            }
        }
        self.rearm_debug();
        Ok(())
    }

    fn break_line(&mut self, at: &EntryRef, here: &Here) -> MResult<(Sym, usize)> {
        let (routine, line) = self.resolve(at, here, kind::LABELMISSING)?;
        if line >= routine.lines.len() {
            return Err(MError::new(kind::ZLINKFILE).detail(format!(
                "no line {} in {}",
                line + 1,
                routine.name
            )));
        }
        Ok((routine.name, line))
    }

    /// ZSHOW "B": `place>action` per breakpoint, in the order they were set.
    pub(super) fn breakpoint_lines(&self) -> Vec<Vec<u8>> {
        self.debug
            .breakpoints
            .iter()
            .map(|b| {
                let mut l = format!("{}>", b.place).into_bytes();
                l.extend_from_slice(b.action.as_deref().unwrap_or(b"B"));
                l
            })
            .collect()
    }

    /// ZPRINT: the lines from `from` to `to` (or the one line, or the whole routine).
    pub(super) fn exec_zprint(
        &mut self,
        range: Option<&(EntryRef, Option<EntryRef>)>,
        here: &Here,
    ) -> MResult<()> {
        // `ZPRINT @x`: argument indirection, x holds the whole argument (`lab+2^rtn`, as
        // `$ZPOSITION` gives it).
        if let Some((from, None)) = range
            && let Some(text) = self.argument_indirection(from, false, here)?
        {
            return self.indirect_cmd("ZPRINT", text.bytes(), here).map(|_| ());
        }
        let (routine, first, last) = match range {
            None => {
                let r = match self.routines.get(&here.routine.name) {
                    Some(r) if !here.routine.xecute => r.clone(),
                    _ => return Ok(()),
                };
                let n = r.lines.len();
                (r, 0, n.saturating_sub(1))
            }
            Some((from, to)) => {
                let (r, a) = self.resolve(from, here, kind::LABELMISSING)?;
                let b = match to {
                    Some(to) => {
                        let inner = Here {
                            routine: r.clone(),
                            line: a,
                            level: 0,
                        };
                        let (_, b) = self.resolve(to, &inner, kind::LABELMISSING)?;
                        b
                    }
                    None => a,
                };
                (r, a, b)
            }
        };
        let lines: Vec<Vec<u8>> = (first..=last.min(routine.lines.len().saturating_sub(1)))
            .filter(|&i| i < routine.lines.len())
            .map(|i| line_source(&routine, i))
            .collect();
        let dev = self.devices.current();
        for l in lines {
            dev.write(&l)?;
            dev.newline()?;
        }
        Ok(())
    }
}

impl Interp {
    /// The flow a stop ended with, made current; `None` to go on.
    fn resumed(&mut self, r: Resume) -> Option<Flow> {
        match r {
            Resume::Continue => None,
            Resume::Flow(f) => Some(self.release_flow(f)),
        }
    }
}

/// A line of a routine as it is in the file.
fn line_source(routine: &Rc<crate::syntax::ast::Routine>, i: usize) -> Vec<u8> {
    let span = routine.lines[i].span.clone();
    routine.source.as_bytes()[span].to_vec()
}
