//! `$ZINTERRUPT`: M code run when the process gets SIGUSR1 (GT.M's MUPIP INTRPT), and
//! `$ZJOBEXAM`, which GT.M's default `$ZINTERRUPT` calls.
//!
//! What GT.M V7.0 does, pinned with probe routines (tests/golden/zintr*.m, tests/interrupt.rs):
//! - the code runs at the next line, FOR iteration or wait (HANG, READ, WRITE /WAIT), in a
//!   stack level of its own; a wait it cut short goes on afterwards, with its deadline;
//! - inside, `$ZININTERRUPT` is 1 (it cannot be SET: SVNOSET); `$TEST` comes back after it,
//!   `$ZSTATUS` and `$IO` do not; a SIGUSR1 while it runs is dropped;
//! - an error in it is ERRWZINTR (`Error while processing $ZINTERRUPT,-GTM-E-DIVZERO, ...`)
//!   at the interrupted place, with the inner error's `$ECODE`; a trap that clears it
//!   leaves only the interrupt's level, and the interrupted command goes on;
//! - empty `$ZINTERRUPT` ignores the signal; the default, `IF $ZJOBEXAM()`, writes a
//!   ZSHOW "*" dump to `GTM_JOBEXAM.ZSHOW_DMP_<pid>_<n>` in the working directory.

use std::io::Write;

use super::{Flow, FrameKind, Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::Svn;
use crate::value::Value;

/// A `$ZINTERRUPT` that is running: its stack level and the place it interrupted.
pub(super) struct Running {
    depth: usize,
    place: String,
}

impl Interp {
    /// Acts on a pending signal: CTRLC for Ctrl-C (or SIGTERM), `$ZINTERRUPT` for SIGUSR1.
    pub(super) fn service_interrupts(&mut self, here: &Here) -> MResult<()> {
        // `$ZINTERRUPT` and `$ZTIMEOUT` code runs in a frame above this one.
        self.set_frame_here(here);
        if crate::interrupt::take() {
            return Err(MError::new(kind::CTRLC));
        }
        self.service_ztimeout(here)?;
        if !crate::interrupt::take_zinterrupt() || self.zinterrupt_running.is_some() {
            return Ok(());
        }
        let code = self.zinterrupt_code();
        if code.is_empty() {
            return Ok(());
        }
        self.devices.flush_all();
        let routine = self.xecute_routine(&crate::value::Bytes::from(code.as_slice()), here);
        self.push_frame_kind(FrameKind::Xecute, Some(self.test))?;
        self.zinterrupt_running = Some(Running {
            depth: self.frames.len() - 1,
            place: self.zpos(here),
        });
        let r = self.run_block(Here {
            routine,
            line: 0,
            level: 0,
        });
        // The interrupted command may be a wait (READ, HANG): the handler's updates are
        // committed before it goes on.
        let r = r.and_then(|flow| self.sync_globals().map(|()| flow));
        let running = self.zinterrupt_running.take();
        // An error that leaves the handler has unwound the frames above the interrupt's.
        if let Some(run) = &running {
            while self.frames.len() > run.depth {
                self.pop_frame();
            }
        }
        match r {
            Ok(Flow::Halt(status)) => Err(MError::halting(status)),
            Ok(_) => Ok(()),
            Err(e) if e.halt.is_some() || e.kind == kind::CTRLC => Err(e),
            Err(e) => Err(match running {
                Some(run) => wrap(e, &run.place),
                None => e,
            }),
        }
    }

    /// An error raised while `$ZINTERRUPT` runs becomes ERRWZINTR before any trap sees it.
    pub(super) fn zinterrupt_error(&self, e: MError) -> MError {
        match &self.zinterrupt_running {
            Some(run) if self.frames.len() > run.depth => wrap(e, &run.place),
            _ => e,
        }
    }

    pub(super) fn in_zinterrupt(&self) -> bool {
        self.zinterrupt_running.is_some()
    }

    fn zinterrupt_code(&self) -> Vec<u8> {
        match self.zvars.get(&Svn::Zinterrupt) {
            Some(v) => v.bytes().to_vec(),
            None => super::svn::ZINTERRUPT_DEFAULT.as_bytes().to_vec(),
        }
    }

    /// `$ZJOBEXAM([file])`: writes ZSHOW "*" to the file (GT.M's default name when none is
    /// given, numbered per process) and returns the file's full path.
    pub(super) fn zjobexam(&mut self, args: &[Value], here: &Here) -> MResult<Value> {
        self.zjobexam_count += 1;
        let name = match args.first() {
            Some(v) if !v.bytes().is_empty() => v.to_text(),
            _ => format!(
                "GTM_JOBEXAM.ZSHOW_DMP_{}_{}",
                std::process::id(),
                self.zjobexam_count
            ),
        };
        let path = std::env::current_dir()
            .map(|d| d.join(&name))
            .unwrap_or_else(|_| name.clone().into());
        let mut text = Vec::new();
        for code in ['I', 'V', 'D', 'L'] {
            for line in self.zshow_lines(code, here)? {
                text.extend_from_slice(&line);
                text.push(b'\n');
            }
        }
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(&text))
            .map_err(|e| MError::system(&e))?;
        Ok(Value::from(path.to_string_lossy().as_ref()))
    }
}

/// ERRWZINTR carrying the inner error's text and `$ECODE`, at the interrupted place.
fn wrap(e: MError, place: &str) -> MError {
    if e.kind == kind::ERRWZINTR || e.halt.is_some() || e.restart || e.kind == kind::CTRLC {
        return e;
    }
    let inner = e.gtm_text().replacen('%', "-", 1);
    let mut w = MError::with_args(kind::ERRWZINTR, &[&format!(",{inner}")]);
    w.user_ecode = Some(e.ecode());
    w.place = place.to_string();
    w.recorded = e.recorded;
    w
}
