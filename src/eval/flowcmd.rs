//! The commands that move control: DO, GOTO, QUIT, and the entry references they name.

use std::rc::Rc;

use super::{Flow, Here, Interp, too_many_actuals};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::syntax::ast::{DoArg, EntryRef, Expr, GotoArg, NameRef};
use crate::value::Value;

impl Interp {
    pub(super) fn exec_quit(&mut self, arg: Option<&Expr>, here: &Here) -> MResult<Flow> {
        let frame = self.frames.last();
        let extrinsic = frame.is_some_and(|f| f.extrinsic);
        let in_for = frame.is_some_and(|f| f.for_depth > 0);
        if !in_for && self.tstart_frames.contains(&(self.frames.len() - 1)) {
            return Err(MError::new(kind::TPQUIT));
        }
        match arg {
            Some(e) => {
                if !extrinsic {
                    return Err(MError::new(kind::NOTEXTRINSIC));
                }
                let v = self.eval(e, here)?;
                Ok(self.quit_with(v))
            }
            // From an extrinsic this leaves the frame; the caller raises QUITARGREQD at its
            // own line, as GT.M does (a trap there runs once, in the caller's frame).
            None => Ok(Flow::Quit),
        }
    }

    /// Argumentless DO: the dot block below this line, as a frame of its own that saves
    /// `$TEST` (M restores it when the block QUITs) and nothing else.
    #[inline(never)]
    pub(super) fn do_block(&mut self, here: &Here) -> MResult<Flow> {
        self.push_frame_kind(super::FrameKind::Do, Some(self.test))?;
        let r = self.run_block(Here {
            routine: here.routine.clone(),
            line: here.line + 1,
            level: here.level + 1,
        });
        match self.pop_block_frame(r)? {
            f @ (Flow::Halt(_) | Flow::ZGoto(_)) => Ok(f),
            _ => Ok(Flow::Normal),
        }
    }

    pub(super) fn exec_do(&mut self, args: &[DoArg], here: &Here) -> MResult<Flow> {
        if args.is_empty() {
            return self.do_block(here);
        }
        for a in args {
            let DoArg::Call { target, args, cond } = a else {
                continue;
            };
            if let Some(c) = cond
                && !self.eval(c, here)?.truth()
            {
                continue;
            }
            if let Some(text) = self.argument_indirection(target, args.is_some(), here)? {
                if text.bytes().is_empty() {
                    return Err(MError::new(kind::LABELEXPECTED));
                }
                match self.indirect_cmd("DO", text.bytes(), here)? {
                    f @ (Flow::Halt(_) | Flow::ZGoto(_)) => return Ok(f),
                    _ => continue,
                }
            }
            let (routine, line) = self.resolve(target, here, kind::LABELUNKNOWN)?;
            // GT.M checks the actual list of `DO lab^rtn(...)` and of indirect DO only on
            // arrival, in the new frame; `DO lab(...)` fails in the caller.
            let late = here.routine.xecute || target.routine.is_some();
            let flow = match args.as_deref() {
                Some(a) if late && too_many_actuals(&routine, line, a.len()) => {
                    self.fail_on_arrival(routine, line, kind::ACTLSTTOOLONG)
                }
                a => self.call(routine, line, a, false, here),
            };
            match flow? {
                f @ (Flow::Halt(_) | Flow::ZGoto(_)) => return Ok(f),
                Flow::QuitValue => return Err(MError::new(kind::NOTEXTRINSIC)),
                _ => {}
            }
        }
        Ok(Flow::Normal)
    }

    /// `DO @x` / `GOTO @x` with nothing else: the value of x is the whole argument.
    pub(super) fn argument_indirection(
        &mut self,
        target: &EntryRef,
        has_args: bool,
        here: &Here,
    ) -> MResult<Option<Value>> {
        match target {
            EntryRef {
                label: Some(NameRef::Indirect(e)),
                offset: None,
                routine: None,
                ..
            } if !has_args => Ok(Some(self.eval(e, here)?)),
            _ => Ok(None),
        }
    }

    pub(super) fn exec_goto(&mut self, args: &[GotoArg], here: &Here) -> MResult<Flow> {
        for a in args {
            let GotoArg::Jump { target, cond } = a else {
                continue;
            };
            if let Some(c) = cond
                && !self.eval(c, here)?.truth()
            {
                continue;
            }
            if let Some(text) = self.argument_indirection(target, false, here)? {
                if text.bytes().is_empty() {
                    return Err(MError::new(kind::LABELEXPECTED));
                }
                return self.indirect_cmd("GOTO", text.bytes(), here);
            }
            let (routine, line) = self.resolve(target, here, kind::LABELNOTFND)?;
            return Ok(self.goto_flow(routine, line));
        }
        Ok(Flow::Normal)
    }

    /// Finds the line an entry reference names.
    pub(super) fn resolve(
        &mut self,
        target: &EntryRef,
        here: &Here,
        missing: crate::error::ErrorKind,
    ) -> MResult<(Rc<crate::syntax::ast::Routine>, usize)> {
        // Without indirection or offset the target is the same every time (while no routine
        // is replaced): resolved once, then kept in the reference.
        let cacheable = target.offset.is_none()
            && !matches!(target.label, Some(NameRef::Indirect(_)))
            && !matches!(target.routine, Some(NameRef::Indirect(_)));
        if cacheable
            && let Some((generation, routine, line)) = &*target.resolved.0.borrow()
            && *generation == self.routines_gen
            && let Some(routine) = routine.upgrade()
        {
            return Ok((routine, *line));
        }
        let (routine, line) = self.resolve_uncached(target, here, missing)?;
        if cacheable {
            *target.resolved.0.borrow_mut() =
                Some((self.routines_gen, Rc::downgrade(&routine), line));
        }
        Ok((routine, line))
    }

    pub(super) fn resolve_uncached(
        &mut self,
        target: &EntryRef,
        here: &Here,
        missing: crate::error::ErrorKind,
    ) -> MResult<(Rc<crate::syntax::ast::Routine>, usize)> {
        let routine = match &target.routine {
            // In XECUTE text, labels are those of the routine that ran the XECUTE.
            None if here.routine.xecute => match self.routines.get(&here.routine.name) {
                Some(r) => r.clone(),
                None => here.routine.clone(),
            },
            None => here.routine.clone(),
            Some(NameRef::Name(n)) => self.routine(*n)?,
            Some(NameRef::Indirect(e)) => {
                let v = self.eval(e, here)?;
                self.routine(Sym::intern(&v.to_text()))?
            }
        };
        let base = match &target.label {
            None => None,
            Some(NameRef::Name(n)) => Some(*n),
            Some(NameRef::Indirect(e)) => Some(Sym::intern(&self.eval(e, here)?.to_text())),
        };
        let offset = match &target.offset {
            Some(e) => self.eval(e, here)?.int(),
            None => 0,
        };
        let start = match base {
            Some(l) => match routine.labels.get(&l) {
                Some(&i) => i as i64,
                // GT.M: LABELMISSING, naming the label, unless the reference is a plain
                // label in the routine's own code (probed: `DO nolab^self`, `DO @x`, `$$@x`,
                // `ZGOTO 1:nolab` and `DO nolab` in XECUTE text give LABELMISSING).
                // With an offset (`GOTO nolab+1`) too.
                None if missing == kind::LABELMISSING
                    || target.routine.is_some()
                    || target.offset.is_some()
                    || here.routine.xecute
                    || matches!(target.label, Some(NameRef::Indirect(_))) =>
                {
                    return Err(MError::with_args(kind::LABELMISSING, &[l.as_str()]));
                }
                // GT.M compiles `GOTO nolab` into a jump to code after the routine's last
                // line: the error's place is that line.
                None if missing == kind::LABELNOTFND => {
                    let mut e = MError::new(missing);
                    e.place = super::place(&routine, routine.lines.len().saturating_sub(1));
                    return Err(e);
                }
                None => return Err(MError::new(missing)),
            },
            // `^R` starts at the first line; `+n^R` is line n.
            None if target.offset.is_some() => -1,
            None => 0,
        };
        let line = start + offset;
        if line < 0 || line as usize >= routine.lines.len() {
            // GT.M: an offset past the routine is OFFSETINV, naming `label+offset`.
            if target.offset.is_some() && missing != kind::LABELMISSING {
                let label = base.map_or(String::new(), |l| l.as_str().to_string());
                let entry = format!("{label}+{offset}");
                return Err(MError::with_args(kind::OFFSETINV, &[&entry]));
            }
            return Err(MError::new(missing));
        }
        Ok((routine, line as usize))
    }
}
