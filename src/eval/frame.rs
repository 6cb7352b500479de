//! Stack frames: pushed by DO, extrinsics, XECUTE and dot blocks, with the bindings NEW and
//! formal parameters replace, put back when the frame QUITs.

use std::rc::Rc;

use super::{Flow, Frame, FrameKind, Here, Interp, MAX_FRAMES};
use crate::error::{ErrorKind, MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::Slot;
use crate::syntax::ast::{Actual, Expr, ExprKind, Label, NewArg, Routine, Svn};
use crate::value::Value;

/// The most actuals a call stages on the machine stack (`enter_with_actuals`); a call with
/// more takes `bind_and_push`.
const STAGED: usize = 4;

/// Whether a call without actuals NEWs the label's formals (GT.M: once the label has been
/// called with an actual list, see `Label::called_with_actuals`).
#[inline]
fn news_formals(label: &Label) -> bool {
    label.formals.is_some() && label.called_with_actuals.get()
}

/// Whether a call with these actuals to this label can take `enter_with_actuals`: the label
/// has formals, no more than the actuals, and no actual changes the locals another reads.
#[inline]
fn fits_formals(label: &Label, actuals: &[Actual]) -> bool {
    label
        .formals
        .as_ref()
        .is_some_and(|f| actuals.len() <= f.len())
        && actuals.len() <= STAGED
        && !super::order::actuals_read_late(actuals)
}

impl Interp {
    /// The frame of a DO or an extrinsic (inlined in the calls; `push_frame_kind`, for the
    /// other frames, is not, so the code around those stays as it was).
    #[inline]
    pub(super) fn push_frame(&mut self, extrinsic: bool, saved_test: Option<bool>) -> MResult<()> {
        let kind = if extrinsic {
            FrameKind::Extrinsic
        } else {
            FrameKind::Do
        };
        self.push_frame_inline(kind, saved_test)
    }

    pub(super) fn push_frame_kind(
        &mut self,
        kind: FrameKind,
        saved_test: Option<bool>,
    ) -> MResult<()> {
        self.push_frame_inline(kind, saved_test)
    }

    /// The frame of a dot block: saves `$TEST`. Its place is recorded when something
    /// needs it (`set_frame_here`).
    #[inline(always)]
    pub(super) fn push_block_frame(&mut self) -> MResult<()> {
        if self.frames.len() + self.indirection >= MAX_FRAMES {
            return Err(stackcrit());
        }
        self.frames
            .push(Frame::new(FrameKind::Do, Some(self.test), self.saves.len()));
        Ok(())
    }

    #[inline(always)]
    fn push_frame_inline(&mut self, kind: FrameKind, saved_test: Option<bool>) -> MResult<()> {
        if self.frames.len() + self.indirection >= MAX_FRAMES {
            return Err(stackcrit());
        }
        self.frames
            .push(Frame::new(kind, saved_test, self.saves.len()));
        Ok(())
    }

    /// Leaves a frame: NEWed variables, `$TEST` and `$ETRAP` come back.
    pub(super) fn pop_frame(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        let Some(f) = self.frames.pop() else {
            return;
        };
        // The usual frame (a dot block, a call without formals or NEW): only `$TEST`.
        if f.rare.is_none() && self.saves.len() <= f.saves_start as usize {
            if let Some(t) = f.saved_test {
                self.test = t;
            }
            return;
        }
        self.restore_frame(f);
    }

    /// `pop_frame` for a frame that NEWed, bound formals or saved `$ETRAP`: its bindings
    /// come back.
    #[inline(never)]
    pub(super) fn restore_frame(&mut self, f: Frame) {
        if let Some(rare) = &f.rare
            && !rare.kept.is_empty()
        {
            self.drop_unkept(&rare.kept);
        }
        self.restore_saves(f.saves_start as usize);
        if let Some(t) = f.saved_test {
            self.test = t;
        }
        if let Some(rare) = f.rare {
            if let Some(e) = rare.saved_etrap {
                self.etrap = e;
            }
            if let Some(z) = rare.saved_ztrap {
                self.ztrap = z;
            }
            if let Some(z) = rare.saved_zyerror {
                self.zvars.insert(Svn::Zyerror, z);
            }
        }
    }

    /// Puts back the bindings saved from `start` on, the last saved first (so a name saved
    /// twice ends with its oldest binding); the slots given up go to the pool.
    #[inline]
    fn restore_saves(&mut self, start: usize) {
        self.restore_saves_here(start);
    }

    /// `restore_saves`, inlined.
    #[inline(always)]
    fn restore_saves_here(&mut self, start: usize) {
        let Interp {
            saves,
            locals,
            slot_pool,
            ..
        } = self;
        while saves.len() > start
            && let Some((name, slot)) = saves.pop()
        {
            recycle_into(slot_pool, locals.replace(name, slot));
        }
    }

    /// A fresh, undefined slot (from the pool when there is one).
    pub(super) fn fresh_slot(&mut self) -> Slot {
        self.slot_pool.pop().unwrap_or_default()
    }

    /// After an exclusive NEW, every name but the kept ones goes: those that existed before come
    /// back from the frame's saves, and those first made inside the scope are undefined again.
    pub(super) fn drop_unkept(&mut self, kept: &[Sym]) {
        for name in self.locals.all_names() {
            if !kept.contains(&name) {
                self.locals.replace(name, None);
            }
        }
    }

    /// Saves a variable's binding in the current frame and gives the name a fresh slot
    /// (NEW, `slot` None: an empty one from the pool when there is one, so that a SET after
    /// the NEW makes none).
    #[inline]
    pub(super) fn new_var(&mut self, name: Sym, slot: Option<Slot>) {
        let slot = slot.or_else(|| self.slot_pool.pop());
        let old = self.locals.replace(name, slot);
        self.saves.push((name, old));
    }

    /// `QUIT value` (`exec_quit` with an argument, its checks and the evaluation in one
    /// call): from an extrinsic the value waits in `quit_value` for the caller.
    #[inline(never)]
    pub(super) fn quit_value_cmd(&mut self, e: &Expr, here: &Here) -> MResult<Flow> {
        self.exec_quit(Some(e), here)
    }

    /// NEW of names only (`CmdOp::NewNames`): `new_var` for each.
    #[inline(never)]
    pub(super) fn new_names(&mut self, args: &[NewArg]) {
        for a in args {
            if let NewArg::Name(name) = a {
                self.new_var(*name, None);
            }
        }
    }

    /// DO or `$$`: binds actual parameters to the label's formals and runs the code there.
    pub(super) fn call(
        &mut self,
        routine: Rc<Routine>,
        line: usize,
        actuals: Option<&[Actual]>,
        extrinsic: bool,
        here: &Here,
    ) -> MResult<Flow> {
        // The caller's frame goes below: its place is recorded (see `set_frame_here`).
        self.set_frame_here(here);
        let target = &routine.lines[line];
        let level = target.level;
        match (actuals, target.label.as_ref()) {
            (Some(a), Some(label)) if fits_formals(label, a) => {
                self.enter_with_actuals(label, a, extrinsic, here)?
            }
            // `DO label` with nothing to NEW: only the frame.
            (None, label) if !extrinsic && label.is_none_or(|l| !news_formals(l)) => {
                self.push_frame(false, None)?
            }
            _ => {
                let base = self.actuals.len();
                let r = self.bind_and_push(&routine, line, actuals, extrinsic, here, base);
                self.actuals.truncate(base);
                r?
            }
        }
        // The block's loop inlined: one call per DO or `$$`, not two.
        let r = self.run_block_here(Here {
            routine,
            line,
            level,
        });
        self.pop_frame_passing_error(r)
    }

    /// `bind_and_push` for the usual call: no more actuals than formals (at most
    /// `STAGED`), none that needs the locals read last. The actuals wait on the machine
    /// stack, not in `self.actuals`.
    #[inline]
    fn enter_with_actuals(
        &mut self,
        label: &Label,
        actuals: &[Actual],
        extrinsic: bool,
        here: &Here,
    ) -> MResult<()> {
        let mut staged: [Option<Slot>; STAGED] = [const { None }; STAGED];
        for (a, to) in actuals.iter().zip(staged.iter_mut()) {
            *to = match a {
                Actual::Empty => None,
                Actual::Value(e) => {
                    let v = self.eval(e, here)?;
                    Some(self.slot_holding(v))
                }
                Actual::ByRef(name, _) => Some(self.locals.slot_mut(*name).clone()),
            };
        }
        // GT.M restores $TEST after an extrinsic, not after DO label(args).
        self.push_frame(extrinsic, extrinsic.then_some(self.test))?;
        label.called_with_actuals.set(true);
        let formals = label.formals.as_deref().unwrap_or_default();
        for (k, &name) in formals.iter().enumerate() {
            let slot = match staged.get_mut(k).and_then(Option::take) {
                Some(slot) => slot,
                None => self.fresh_slot(),
            };
            self.new_var(name, Some(slot));
        }
        // Every staged slot went to a formal (`fits_formals`: no more actuals than
        // formals): nothing is left to drop, so the array's drop loop is skipped.
        debug_assert!(staged.iter().all(Option::is_none));
        std::mem::forget(staged);
        Ok(())
    }

    /// A slot (from the pool when there is one) holding `v`.
    #[inline]
    fn slot_holding(&mut self, v: Value) -> Slot {
        match self.slot_pool.pop() {
            Some(mut slot) => {
                // Pooled slots are empty and held by nothing else (`recycle_into`): written
                // without a borrow flag.
                match Rc::get_mut(&mut slot) {
                    Some(cell) => cell.get_mut().value = Some(v),
                    None => slot.borrow_mut().value = Some(v),
                }
                slot
            }
            None => Rc::new(std::cell::RefCell::new(crate::locals::Node {
                value: Some(v),
                kids: Default::default(),
            })),
        }
    }

    /// `call` up to the run: evaluates the actuals (onto `self.actuals` from `base`), checks
    /// them against the formals, pushes the frame and binds the formals in it.
    pub(super) fn bind_and_push(
        &mut self,
        routine: &Routine,
        line: usize,
        actuals: Option<&[Actual]>,
        extrinsic: bool,
        here: &Here,
        base: usize,
    ) -> MResult<()> {
        let label = routine.lines[line].label.as_ref();
        let formals = label.and_then(|l| l.formals.as_deref());
        if let Some(a) = actuals {
            self.bind_actuals(a, here)?;
        }
        let label_text = || {
            label
                .map(|l| format!("{}^{}", l.name, routine.name))
                .unwrap_or_else(|| routine.name.to_string())
        };
        match (actuals, formals) {
            (Some(_), None) => {
                return Err(MError::with_args(kind::FMLLSTMISSING, &[&label_text()]));
            }
            // GT.M's $ZSTATUS leaves the label out of this one.
            (Some(a), Some(f)) if a.len() > f.len() => {
                return Err(MError::new(kind::ACTLSTTOOLONG));
            }
            (None, None) if extrinsic => {
                return Err(MError::with_args(kind::FMLLSTMISSING, &[&label_text()]));
            }
            _ => {}
        }
        // GT.M restores $TEST after an extrinsic, not after DO label(args).
        self.push_frame(extrinsic, extrinsic.then_some(self.test))?;
        let new_formals = match (label, actuals.is_some()) {
            (Some(l), true) => {
                l.called_with_actuals.set(true);
                true
            }
            (Some(l), false) => l.called_with_actuals.get(),
            (None, _) => false,
        };
        if let (Some(f), true) = (formals, new_formals) {
            for (k, &name) in f.iter().enumerate() {
                let slot = match self.actuals.get_mut(base + k).and_then(Option::take) {
                    Some(slot) => slot,
                    None => self.fresh_slot(),
                };
                self.new_var(name, Some(slot));
            }
        }
        Ok(())
    }

    /// A DO whose call fails as it arrives: the error is raised in the new frame at the
    /// label (its trap runs there), as GT.M does for a call it checks only at run time.
    pub(super) fn fail_on_arrival(
        &mut self,
        routine: Rc<Routine>,
        line: usize,
        err: ErrorKind,
    ) -> MResult<Flow> {
        self.push_frame(false, None)?;
        let level = routine.lines[line].level;
        let at = Here {
            routine,
            line,
            level,
        };
        self.set_frame_here(&at);
        let e = self.located(MError::new(err), &at);
        let r = self.trap(e, &at);
        self.pop_frame_passing_error(r)
    }

    /// Pops the frame that produced `r`. GT.M: a frame whose error is still pending ($ECODE
    /// set, its trap went on by GOTO) passes the error to its caller when it QUITs.
    #[inline]
    pub(super) fn pop_frame_passing_error(&mut self, r: MResult<Flow>) -> MResult<Flow> {
        self.pop_block_frame(r)
    }

    /// `pop_frame_passing_error`, inlined where a dot block ends (once per block).
    #[inline(always)]
    pub(super) fn pop_block_frame(&mut self, r: MResult<Flow>) -> MResult<Flow> {
        // The usual frame (a dot block, a call with formals or NEW but no trapped error,
        // exclusive NEW or NEW of a special variable): no error can be pending in it (that
        // lives in `rare`), and only its bindings and `$TEST` come back.
        let depth = self.frames.len();
        if depth > 1
            && let Some(f) = self.frames.last()
            && f.rare.is_none()
        {
            if self.saves.len() > f.saves_start as usize {
                self.pop_frame_restoring();
                return r;
            }
            if let Some(t) = f.saved_test {
                self.test = t;
            }
            self.frames.truncate(depth - 1);
            return r;
        }
        self.pop_frame_slow(r)
    }

    /// `pop_frame_passing_error` for a frame with bindings and no rare parts (a call with
    /// formals, NEW): they come back, then `$TEST`.
    /// The frame is read and dropped where it lies (not moved out), and the bindings come
    /// back by `restore_saves` inlined here: one call per QUIT.
    #[inline(never)]
    fn pop_frame_restoring(&mut self) {
        let Some(f) = self.frames.last() else {
            return;
        };
        let (start, saved_test) = (f.saves_start as usize, f.saved_test);
        self.restore_saves_here(start);
        if let Some(t) = saved_test {
            self.test = t;
        }
        self.frames.truncate(self.frames.len() - 1);
    }

    /// `pop_frame_passing_error` for a frame with bindings or rare parts.
    #[inline(never)]
    fn pop_frame_slow(&mut self, r: MResult<Flow>) -> MResult<Flow> {
        let had_error = self.frames.last().is_some_and(|f| !f.ecode().is_empty());
        self.pop_frame();
        match r {
            Ok(Flow::Quit | Flow::QuitValue | Flow::Normal)
                if had_error && !self.ecode.is_empty() =>
            {
                match self.trapped_error.clone() {
                    Some(mut e) => {
                        e.recorded = true;
                        Err(e)
                    }
                    None => r,
                }
            }
            r => r,
        }
    }

    /// Evaluates actual parameters onto `self.actuals`, the slots the formals will get: a
    /// new slot holding the value, the caller's own slot for `.name`, nothing for a left-out
    /// parameter.
    pub(super) fn bind_actuals(&mut self, actuals: &[Actual], here: &Here) -> MResult<()> {
        if super::order::actuals_read_late(actuals) {
            return self.bind_actuals_locals_last(actuals, here);
        }
        for a in actuals {
            let slot = match a {
                Actual::Empty => None,
                Actual::Value(e) => {
                    let v = self.eval(e, here)?;
                    let slot = self.fresh_slot();
                    slot.borrow_mut().value = Some(v);
                    Some(slot)
                }
                Actual::ByRef(name, _) => Some(self.locals.slot_mut(*name).clone()),
            };
            self.actuals.push(slot);
        }
        Ok(())
    }
}

/// Keeps a slot no name holds any more for the next call, emptied (its values go now, as
/// they would when freed): a slot nothing else holds (no by-reference alias,
/// no weak reference) goes back to the pool, emptied, while the pool has room.
#[inline(always)]
fn recycle_into(pool: &mut Vec<Slot>, slot: Option<Slot>) {
    const POOL: usize = 64;
    // `Rc::get_mut`: the one check of both counts, and no borrow flag to set and reset.
    if let Some(mut slot) = slot
        && pool.len() < POOL
        && let Some(cell) = Rc::get_mut(&mut slot)
    {
        let node = cell.get_mut();
        node.value = None;
        if !node.kids.is_empty() {
            node.kids.clear();
        }
        pool.push(slot);
    }
}

/// `$$label(...)`: the handler of an extrinsic's node (`form_of`), so that a call does not
/// go through `eval_tree`'s match and its large frame.
pub(super) fn eval_extrinsic(me: &mut Interp, e: &Expr, here: &Here) -> MResult<Value> {
    let ExprKind::Extrinsic(target, args) = &e.kind else {
        return me.eval_tree(e, here);
    };
    let (routine, line) = match super::flowcmd::local_target(target, here) {
        Some(line) => (here.routine.clone(), line),
        None => me
            .resolve(target, here, kind::LABELUNKNOWN)
            .map_err(|err| err.at(e.span.clone()))?,
    };
    match me.call(routine, line, Some(args), true, here) {
        Ok(Flow::QuitValue) => Ok(me.quit_value.take().unwrap_or_else(Value::empty)),
        r => extrinsic_end(me, r, e),
    }
}

/// `eval_extrinsic` for a call that did not end in `QUIT value`.
#[inline(never)]
fn extrinsic_end(me: &mut Interp, r: MResult<Flow>, e: &Expr) -> MResult<Value> {
    match r.map_err(|err| err.at(e.span.clone()))? {
        Flow::QuitValue => Ok(me.quit_value.take().unwrap_or_else(Value::empty)),
        Flow::Halt(status) => Err(MError::halting(status)),
        f @ Flow::ZGoto(_) => {
            me.unwinding = Some(f);
            Err(MError::unwinding())
        }
        _ => Err(MError::new(kind::QUITARGREQD).at(e.span.clone())),
    }
}

#[cold]
fn stackcrit() -> MError {
    MError::new(kind::STACKCRIT)
}
