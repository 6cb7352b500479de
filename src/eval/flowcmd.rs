//! The commands that move control: DO, GOTO, QUIT, and the entry references they name.

use std::rc::Rc;

use super::{Flow, Here, Interp, too_many_actuals};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::syntax::ast::{Actual, DoArg, EntryRef, Expr, GotoArg, NameRef, Routine};
use crate::value::Value;

impl Interp {
    #[inline]
    pub(super) fn exec_quit(&mut self, arg: Option<&Expr>, here: &Here) -> MResult<Flow> {
        let depth = self.frames.len();
        let (extrinsic, in_for) = self
            .frames
            .last()
            .map_or((false, false), |f| (f.extrinsic, f.for_depth > 0));
        if !in_for && !self.tstart_frames.is_empty() && self.tstart_frames.contains(&(depth - 1)) {
            return Err(MError::new(kind::TPQUIT));
        }
        match arg {
            Some(e) if extrinsic => {
                let v = self.eval(e, here)?;
                Ok(self.quit_with(v))
            }
            Some(_) => Err(MError::new(kind::NOTEXTRINSIC)),
            // From an extrinsic this leaves the frame; the caller raises QUITARGREQD at its
            // own line, as GT.M does (a trap there runs once, in the caller's frame).
            None => Ok(Flow::Quit),
        }
    }

    /// Argumentless DO: the dot block below this line, as a frame of its own that saves
    /// `$TEST` (M restores it when the block QUITs) and nothing else. The frame's push and
    /// pop and the block's lines are one function (`run_block_here`, inlined): one call
    /// per block. The line running the DO is recorded in its frame first (see
    /// `set_frame_here`).
    #[inline(never)]
    pub(super) fn do_block(&mut self, here: &Here) -> MResult<Flow> {
        self.set_frame_here(here);
        // The frame first: the block's `here` is then made where the loop keeps it, not
        // made, kept across the push and copied.
        self.push_block_frame()?;
        let r = self.run_block_here(Here {
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
                && !self.cond_holds(c, here)?
            {
                continue;
            }
            let flow = match local_target(target, here) {
                // `DO lab(...)` in the routine's own code, found before: its actual list is
                // checked in the caller, as `do_call` does for it.
                Some(line) => self.call(here.routine.clone(), line, args.as_deref(), false, here),
                None => self.do_call(target, args.as_deref(), here),
            };
            match flow? {
                f @ (Flow::Halt(_) | Flow::ZGoto(_)) => return Ok(f),
                Flow::QuitValue => return Err(MError::new(kind::NOTEXTRINSIC)),
                _ => {}
            }
        }
        Ok(Flow::Normal)
    }

    /// One argument of DO with a target to look up: argument indirection, another routine,
    /// XECUTE text, or a first call.
    #[inline(never)]
    fn do_call(
        &mut self,
        target: &EntryRef,
        args: Option<&[Actual]>,
        here: &Here,
    ) -> MResult<Flow> {
        if let Some(text) = self.argument_indirection(target, args.is_some(), here)? {
            if text.bytes().is_empty() {
                return Err(MError::new(kind::LABELEXPECTED));
            }
            return match self.indirect_cmd("DO", text.bytes(), here)? {
                f @ (Flow::Halt(_) | Flow::ZGoto(_)) => Ok(f),
                _ => Ok(Flow::Normal),
            };
        }
        let (routine, line) = self.resolve(target, here, kind::LABELUNKNOWN)?;
        // GT.M checks the actual list of `DO lab^rtn(...)` and of indirect DO only on
        // arrival, in the new frame; `DO lab(...)` fails in the caller.
        let late = here.routine.xecute || target.routine.is_some();
        match args {
            Some(a) if late && too_many_actuals(&routine, line, a.len()) => {
                self.set_frame_here(here);
                self.fail_on_arrival(routine, line, kind::ACTLSTTOOLONG)
            }
            a => self.call(routine, line, a, false, here),
        }
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
                && !self.cond_holds(c, here)?
            {
                continue;
            }
            if let Some(text) = self.argument_indirection(target, false, here)? {
                if text.bytes().is_empty() {
                    return Err(MError::new(kind::LABELEXPECTED));
                }
                // `GOTO @a,@b` with a = "lab:0": the text's own postcondition is false, and
                // the next argument is tried (GT.M).
                match self.indirect_cmd("GOTO", text.bytes(), here)? {
                    Flow::Normal => continue,
                    flow => return Ok(flow),
                }
            }
            let (routine, line) = self.resolve(target, here, kind::LABELNOTFND)?;
            return Ok(self.goto_flow(routine, line));
        }
        Ok(Flow::Normal)
    }

    /// Finds the line an entry reference names.
    #[inline]
    pub(super) fn resolve(
        &mut self,
        target: &EntryRef,
        here: &Here,
        missing: crate::error::ErrorKind,
    ) -> MResult<(Rc<Routine>, usize)> {
        match local_target(target, here) {
            Some(line) => Ok((here.routine.clone(), line)),
            None => self.resolve_and_keep(target, here, missing),
        }
    }

    /// `resolve` without a kept answer: looks the target up, and keeps the answer in the
    /// reference when it has neither indirection nor offset.
    #[inline(never)]
    fn resolve_and_keep(
        &mut self,
        target: &EntryRef,
        here: &Here,
        missing: crate::error::ErrorKind,
    ) -> MResult<(Rc<Routine>, usize)> {
        let direct = target.offset.is_none()
            && !matches!(target.label, Some(NameRef::Indirect(_)))
            && !matches!(target.routine, Some(NameRef::Indirect(_)));
        // A plain label outside XECUTE text names a line of the routine running it, whatever
        // routines are loaded since (the same reference in cached indirection text may run in
        // another routine: the answer is kept for one routine).
        let local = direct && target.routine.is_none() && !here.routine.xecute;
        if direct
            && !local
            && let Some((generation, routine, line)) = &*target.resolved.far.borrow()
            && *generation == self.routines_gen
            && let Some(routine) = routine.upgrade()
        {
            return Ok((routine, *line));
        }
        let (routine, line) = self.resolve_uncached(target, here, missing)?;
        if local {
            let _ = target.resolved.local.set((Rc::downgrade(&routine), line));
        } else if direct {
            *target.resolved.far.borrow_mut() =
                Some((self.routines_gen, Rc::downgrade(&routine), line));
        }
        Ok((routine, line))
    }

    pub(super) fn resolve_uncached(
        &mut self,
        target: &EntryRef,
        here: &Here,
        missing: crate::error::ErrorKind,
    ) -> MResult<(Rc<Routine>, usize)> {
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

/// The line of a plain label in the running routine's own code, when the reference found it
/// there before (`ResolvedTarget::local`): a pointer comparison, no count touched.
#[inline(always)]
pub(super) fn local_target(target: &EntryRef, here: &Here) -> Option<usize> {
    let (routine, line) = target.resolved.local.get()?;
    std::ptr::eq(routine.as_ptr(), Rc::as_ptr(&here.routine)).then_some(*line)
}
