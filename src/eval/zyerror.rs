//! `$ZYERROR`: an entry reference GT.M DOes after an error, before any trap, so that the
//! code there can SET `$ZERROR` (an application's own error text) from `$ZSTATUS`.
//!
//! What GT.M V7.0-005 does, probed (goldens zyerror1, zyerror2):
//! - `$ECODE` and `$ZSTATUS` are set first; the code runs in a frame of its own above the
//!   failing one (`$ZLEVEL` one more), then the trap (`$ETRAP`, `$ZTRAP`) runs as usual;
//! - `$ZYERROR` is implicitly NEWed there (it reads "" inside and comes back after);
//! - an error inside that code, or a label or routine that is not there, is not trapped:
//!   it ends the code, its `$ZSTATUS` text becomes `$ZERROR` and its code is added to
//!   `$ECODE`, while `$ZSTATUS` stays the first error's (LABELMISSING and ZLINKFILE are
//!   placed at the failing line);
//! - `$ZYERROR` empty leaves `$ZERROR` as it was.

use super::{Flow, Here, Interp};
use crate::error::{MError, kind};
use crate::syntax::ast::Svn;
use crate::value::Value;

impl Interp {
    /// Runs `$ZYERROR` for a new error `e` (placed), once: afterwards `e` is recorded in
    /// `$ECODE`. A HALT in that code ends the run (its flow is returned).
    pub(super) fn run_zyerror(&mut self, e: &mut MError, here: &Here) -> Option<Flow> {
        if e.recorded || self.in_zyerror || !zyerror_applies(e) {
            return None;
        }
        let target = self.zvars.get(&Svn::Zyerror)?.clone();
        if target.bytes().is_empty() {
            return None;
        }
        if !e.place.is_empty() {
            self.append_ecode(&e.ecode());
        }
        e.recorded = true;
        self.zstatus = e.zstatus();
        self.in_zyerror = true;
        self.zvars.insert(Svn::Zyerror, Value::empty());
        let r = self.indirect_cmd("DO", target.bytes(), here);
        self.zvars.insert(Svn::Zyerror, target);
        self.in_zyerror = false;
        match r {
            Ok(f @ Flow::Halt(_)) => Some(f),
            Ok(_) => None,
            Err(inner) if inner.halt.is_some() => Some(Flow::Halt(inner.halt.unwrap_or(0))),
            Err(inner) => {
                let inner = self.located(inner, here);
                // GT.M adds the code even when `$ECODE` has it already.
                self.append_ecode(&inner.ecode());
                self.zvars
                    .insert(Svn::Zerror, Value::from(inner.zstatus().as_str()));
                None
            }
        }
    }

    /// NEW $ZYERROR: empty until this frame QUITs (GT.M), then as it was.
    pub(super) fn new_zyerror(&mut self) {
        let now = (self.zvars.get(&Svn::Zyerror).cloned()).unwrap_or_else(Value::empty);
        if let Some(f) = self.frames.last_mut()
            && f.rare.as_ref().is_none_or(|r| r.saved_zyerror.is_none())
        {
            f.rare_mut().saved_zyerror = Some(now);
        }
        self.zvars.insert(Svn::Zyerror, Value::empty());
    }

    /// True while `$ZYERROR`'s code runs: errors there go straight back to `run_zyerror`.
    pub(super) fn in_zyerror(&self) -> bool {
        self.in_zyerror
    }
}

/// Errors `$ZYERROR` is run for: not the control transfers that travel as errors, nor
/// Ctrl-C or a fatal memory error.
fn zyerror_applies(e: &MError) -> bool {
    e.halt.is_none()
        && !e.restart
        && !e.unwind
        && !e.resume
        && e.kind != kind::CTRLC
        && e.kind != kind::MEMORY
}
