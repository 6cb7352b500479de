//! What direct mode (the REPL in `crate::repl`) needs from the interpreter: running one typed
//! line as GT.M's direct mode does, reading the next line from the principal device when
//! input is not a terminal, and a read-only view of the session's variables.

use std::rc::Rc;

use super::{Flow, Here, Interp, Outcome};
use crate::device::{ReadOutcome, ReadSpec};
use crate::error::kind;
use crate::intern::Sym;
use crate::syntax::line::parse_routine;

/// The name GT.M gives the code typed in direct mode; XECUTE there shows `+1^GTM$DMOD` in
/// `$ZSTATUS`.
pub const DIRECT_ROUTINE: &str = "GTM$DMOD";

impl Interp {
    /// Runs one line typed in direct mode (the text after the prompt, commands only).
    ///
    /// As in GT.M: an error raised by the typed line itself is reported without running
    /// `$ETRAP` and leaves `$ECODE` and `$ZSTATUS` alone (its `place` stays empty and its span
    /// points into `text`); an error that leaves a routine or an XECUTE unhandled sets
    /// `$ECODE` and `$ZSTATUS`, and keeps the place and span where it happened. The session's
    /// variables stay as the line left them.
    pub fn run_direct_line(&mut self, text: &str) -> Outcome {
        let source = format!(" {text}");
        let (mut routine, errors) =
            parse_routine(Sym::intern(DIRECT_ROUTINE), Rc::from(source.as_str()));
        // Compiled at run time, like XECUTE text: an XECUTE in it gets a frame of its own.
        routine.xecute = true;
        let here = Here {
            routine: Rc::new(routine),
            line: 0,
            level: 0,
        };
        // GT.M: a typed line is no DO block; its dots are no command (CMD at the first).
        let dotted = here.routine.lines.first().is_some_and(|l| l.level > 0);
        let result = match errors.into_iter().next() {
            _ if dotted => {
                let at = source.find('.').unwrap_or(1);
                Err(crate::error::MError::new(kind::CMD).at(at..at + 1))
            }
            Some(e) => Err(e),
            None => {
                self.set_frame_here(&here);
                self.exec_line(&here, 0)
            }
        };
        let result = match result {
            // GOTO from direct mode runs the routine there, and comes back to the prompt.
            Ok(Flow::Goto) if let Some((routine, line)) = self.jump.take() => {
                let level = routine.lines.get(line).map_or(0, |l| l.level);
                self.run_block(Here {
                    routine,
                    line,
                    level,
                })
            }
            other => other,
        };
        if let Ok(flow) = result {
            self.typed_flow(flow);
        }
        // The prompt waits: the line's updates are committed first.
        let result = match (result, self.sync_globals()) {
            (Err(e), _) | (Ok(_), Err(e)) => Err(e),
            (ok, Ok(())) => ok,
        };
        self.devices.flush_all();
        match result {
            Ok(Flow::Halt(code)) => Outcome::Halt(code),
            Ok(_) => Outcome::Done,
            Err(mut e) => {
                if e.place.is_empty() {
                    // Raised by the typed line: shift the span past the leading space.
                    let span = e.span.take().unwrap_or(1..text.len() + 1);
                    e.span = Some(span.start.saturating_sub(1)..span.end.saturating_sub(1));
                    e.routine = None;
                } else {
                    self.record_unhandled(&e);
                }
                Outcome::Error(e)
            }
        }
    }

    /// An error that left a routine or an XECUTE unhandled sets `$ECODE` and `$ZSTATUS`
    /// (Ctrl-C is no error of the program: they stay as they were).
    pub(super) fn record_unhandled(&mut self, e: &crate::error::MError) {
        if e.kind == kind::CTRLC {
            return;
        }
        if !e.recorded {
            self.append_ecode(&e.ecode());
        }
        self.zstatus = e.zstatus();
    }

    /// Reads the next direct-mode line from the principal device (standard input that is
    /// not a terminal), sharing its buffer with READ commands; `None` at end of input.
    pub fn read_direct_line(&mut self) -> Option<String> {
        let dev = self.devices.principal_mut();
        let was_eof = dev.state().zeof;
        let spec = ReadSpec {
            max: None,
            timeout: None,
        };
        match dev.read(spec) {
            Ok(ReadOutcome::Data { data, .. }) if !(data.is_empty() && dev.state().zeof) => {
                let text = String::from_utf8_lossy(&data);
                Some(text.trim_end_matches('\r').to_string())
            }
            _ => {
                // Reaching the end of the commands is no READ of the program's.
                dev.state_mut().zeof = was_eof;
                None
            }
        }
    }

    /// Before the next prompt: ends a partial output line on the principal device, as GT.M's
    /// direct mode does, so that every line starts at `$X` = 0.
    pub fn fresh_line(&mut self) {
        let dev = self.devices.principal_mut();
        if dev.state().x > 0 {
            let _ = dev.newline();
        }
        dev.flush();
    }

    /// Ends a direct-mode session: the devices finish their output.
    pub fn end_session(&mut self) {
        self.devices.at_exit();
    }

    /// The names of the local variables defined now (with a value or descendants), sorted.
    pub fn local_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .locals
            .defined_names()
            .into_iter()
            .map(|s| s.as_str().to_string())
            .collect();
        names.sort();
        names
    }
}
