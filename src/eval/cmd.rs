//! Commands: the dispatch loop over a line's commands and the commands with no file of
//! their own (FOR is in `forcmd`, DO/GOTO/QUIT in `flowcmd`, the device commands in `iocmd`).

use super::lock::LockCmd;
use super::{Flow, Here, Interp, place};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::syntax::ast::*;
use crate::syntax::parser::parse_indirect_args;
use crate::value::Value;

impl Interp {
    /// Runs a list of commands (a line, or the rest of a line after FOR).
    #[inline(never)]
    pub(super) fn exec_cmds(&mut self, cmds: &[Cmd], here: &Here) -> MResult<Flow> {
        self.run_cmds(cmds, here)
    }

    /// `exec_cmds`, inlined into `run_block`'s loop (no call per line). The usual commands
    /// (SET, DO, QUIT, IF, ELSE, FOR) are run here, told apart by `Cmd::op`; the rest out
    /// of line, so that this loop, run once per line and per FOR pass, stays small.
    #[inline(always)]
    pub(super) fn run_cmds(&mut self, cmds: &[Cmd], here: &Here) -> MResult<Flow> {
        let mut i = 0;
        while let Some(cmd) = cmds.get(i) {
            i += 1;
            // A postcondition (`quit:i>n`, `quit:x=""`) read in place where its shape
            // allows (`cond_holds`), no value made.
            if let Some(c) = &cmd.cond
                && !self.cond_holds(c, here)?
            {
                continue;
            }
            match (cmd.op, &cmd.kind) {
                (CmdOp::DoBlock, _) => match self.do_block(here) {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(e) => return Err(e.at(cmd.span.clone())),
                },
                // Argumentless QUIT outside a transaction: nothing to check (`exec_quit`).
                (CmdOp::Quit, _) if self.tstart_frames.is_empty() => return Ok(Flow::Quit),
                (CmdOp::If, CmdKind::If(args)) => {
                    if !self.exec_if(args, here)? {
                        return Ok(Flow::Normal);
                    }
                }
                (CmdOp::Else, _) => {
                    if self.test {
                        return Ok(Flow::Normal);
                    }
                }
                // On a line with a syntax error after them (`CmdOp::on_bad_line`).
                (CmdOp::IfOnBadLine, CmdKind::If(args)) => {
                    self.raise_if_constant_false(args, here)?;
                    if !self.exec_if(args, here)? {
                        self.rest_skipped = true;
                        return Ok(Flow::Normal);
                    }
                }
                (CmdOp::ElseOnBadLine, _) => {
                    if self.test {
                        self.rest_skipped = true;
                        return Ok(Flow::Normal);
                    }
                }
                (CmdOp::For, CmdKind::For(arg)) => {
                    // Looked at before it is returned: the loop this is inlined in keeps
                    // its result in registers (see `run_block_here`).
                    return match self.exec_for_cmd(arg.as_ref(), cmd, &cmds[i..], here) {
                        Ok(Flow::Normal) => Ok(Flow::Normal),
                        r => r,
                    };
                }
                (CmdOp::Set, CmdKind::Set(args)) => {
                    for a in args {
                        // An unsubscripted local, the usual target: here, not in `exec_set`.
                        let r = match a {
                            SetArg::Assign {
                                value,
                                local: Some(name),
                                form,
                                ..
                            } => self.set_local(*name, value, form, here),
                            _ => self.exec_set(a, here),
                        };
                        r.map_err(|e| e.at(cmd.span.clone()))?;
                    }
                }
                (CmdOp::Do, CmdKind::Do(args)) => match self.exec_do(args, here) {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(e) => return Err(e.at(cmd.span.clone())),
                },
                // XECUTE: no check `exec_cmd` makes first concerns it (restricted
                // commands, globals synced before I/O).
                (CmdOp::Xecute, CmdKind::Xecute(args)) => match self.exec_xecute(args, here) {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(e) => return Err(e.at(cmd.span.clone())),
                },
                // NEW of names: each gets a fresh slot (`new_names`), not via `exec_cmd`.
                (CmdOp::NewNames, CmdKind::New(Some(args))) => self.new_names(args),
                // QUIT with a value: checked and evaluated in one call (`quit_value_cmd`).
                (CmdOp::QuitValue, CmdKind::Quit(Some(e))) => {
                    return self
                        .quit_value_cmd(e, here)
                        .map_err(|e| e.at(cmd.span.clone()));
                }
                (CmdOp::Quit | CmdOp::QuitValue, CmdKind::Quit(arg)) => {
                    return self
                        .exec_quit(arg.as_ref(), here)
                        .map_err(|e| e.at(cmd.span.clone()));
                }
                (_, kind) => match self.exec_cmd(kind, cmd, here) {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(e) => return Err(e.at(cmd.span.clone())),
                },
            }
        }
        Ok(Flow::Normal)
    }

    /// An IF on a line with a syntax error after it: GT.M compiles an IF with a constant
    /// false argument (`0`, `""`, `1-1`, `'1`) so that the rest of the line is the error,
    /// raised when the IF is reached, before any other argument is evaluated (probed: `if
    /// $$f(),0` does not call `f`); a constant true argument changes nothing.
    #[inline(never)]
    fn raise_if_constant_false(&mut self, args: &[Expr], here: &Here) -> MResult<()> {
        for arg in args.iter().filter(|a| is_constant(a)) {
            // A constant has no side effects: evaluating it early changes nothing else.
            if !self.eval(arg, here)?.truth()
                && let Some(e) = &here.routine.lines[here.line].error
            {
                return Err(e.clone());
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn exec_cmd(&mut self, kind: &CmdKind, cmd: &Cmd, here: &Here) -> MResult<Flow> {
        if self.restricted {
            self.allowed_cmd(kind)?;
        }
        self.sync_before(kind)?;
        match kind {
            CmdKind::Set(args) => {
                for a in args {
                    self.exec_set(a, here)?;
                }
            }
            CmdKind::Write(args) => {
                // Output goes out once the WRITE command is done (one send per command).
                let mut result = Ok(());
                for a in args {
                    result = self.exec_write(a, here);
                    if result.is_err() {
                        break;
                    }
                }
                let sent = self.devices.current().end_of_write();
                if let Err(e) = result.and(sent)
                    && let Some(flow) = self.device_exception(e, here)?
                {
                    return Ok(flow);
                }
            }
            CmdKind::Read(args) => {
                for a in args {
                    // GT.M: after the device's EXCEPTION code returns, the READ runs again.
                    loop {
                        match self.exec_read(a, here) {
                            Ok(Some(flow)) => return Ok(flow),
                            Ok(None) => break,
                            Err(e) => {
                                if let Some(flow) = self.device_exception(e, here)? {
                                    return Ok(flow);
                                }
                            }
                        }
                    }
                }
            }
            CmdKind::Kill(args) => self.exec_kill(args.as_deref(), here)?,
            CmdKind::New(args) => self.exec_new(args.as_deref(), here)?,
            CmdKind::Do(args) => return self.exec_do(args, here),
            CmdKind::Goto(args) => return self.exec_goto(args, here),
            CmdKind::Quit(arg) => return self.exec_quit(arg.as_ref(), here),
            CmdKind::Halt => return Ok(Flow::Halt(0)),
            CmdKind::ZHalt(arg) => {
                let code = match arg {
                    Some(e) => self.eval(e, here)?.int(),
                    None => 0,
                };
                return Ok(Flow::Halt((code & 0xff) as i32));
            }
            CmdKind::ZSystem(args) => self.exec_zsystem(args.as_deref(), here)?,
            CmdKind::View(args) => {
                for a in args {
                    self.exec_view(a, here)?;
                }
            }
            CmdKind::Hang(args) => {
                for a in args {
                    if let Some(text) = self.plain_indirection(a, here)? {
                        self.indirect_cmd("HANG", text.bytes(), here)?;
                        continue;
                    }
                    let secs = self.eval(a, here)?.num();
                    self.hang(secs, here)?;
                }
            }
            CmdKind::Xecute(args) => return self.exec_xecute(args, here),
            CmdKind::Open(args) => {
                for a in args {
                    if let Some(text) = self.device_indirection(a, here)? {
                        self.indirect_cmd("OPEN", text.bytes(), here)?;
                        continue;
                    }
                    self.exec_open(a, here)?;
                }
            }
            CmdKind::Use(args) => {
                for a in args {
                    if let Some(text) = self.device_indirection(a, here)? {
                        self.indirect_cmd("USE", text.bytes(), here)?;
                        continue;
                    }
                    self.exec_use(a, here)?;
                }
            }
            CmdKind::Close(args) => {
                for a in args {
                    if let Some(text) = self.device_indirection(a, here)? {
                        self.indirect_cmd("CLOSE", text.bytes(), here)?;
                        continue;
                    }
                    self.exec_close(a, here)?;
                }
            }
            CmdKind::Deferred(e) => return Err((**e).clone()),
            CmdKind::Break => return Ok(self.exec_break(here)),
            CmdKind::ZContinue => self.exec_zcontinue(None),
            CmdKind::ZStep(kind) => self.exec_zcontinue(Some(*kind)),
            CmdKind::ZBreak(args) => self.exec_zbreak(args, here)?,
            CmdKind::ZPrint(range) => self.exec_zprint(range.as_ref(), here)?,
            // GT.M itself has no ZATTACH: its own error, as it gives it.
            CmdKind::Unsupported("ZATTACH") => {
                return Err(MError::new(kind::UNIMPLOP).at(cmd.span.clone()));
            }
            CmdKind::Unsupported(name) => {
                return Err(MError::new(kind::INVCMD)
                    .detail(format!("{name} is not supported by minim"))
                    .at(cmd.span.clone()));
            }
            CmdKind::Lock(None) => {
                self.sync_globals()?;
                self.unlock_all()
            }
            CmdKind::ZDeallocate(None) => {
                self.sync_globals()?;
                self.deallocate_all()
            }
            CmdKind::Lock(Some(args))
            | CmdKind::ZDeallocate(Some(args))
            | CmdKind::ZAllocate(args) => {
                let which = match kind {
                    CmdKind::Lock(_) => LockCmd::Lock,
                    CmdKind::ZAllocate(_) => LockCmd::ZAllocate,
                    _ => LockCmd::ZDeallocate,
                };
                for a in args {
                    self.exec_lock_arg(which, a, here)?;
                }
            }
            CmdKind::Tstart(arg) => self.exec_tstart(arg.as_ref(), cmd, here)?,
            CmdKind::Tcommit => self.exec_tcommit()?,
            CmdKind::Trollback(arg) => self.exec_trollback(arg.as_ref(), here)?,
            CmdKind::Trestart => return Err(self.exec_trestart(here)),
            CmdKind::For(_) | CmdKind::If(_) | CmdKind::Else => {}
            other => {
                if let Some(r) = self.exec_zcmd(other, here) {
                    return r;
                }
            }
        }
        Ok(Flow::Normal)
    }

    /// In a sandbox, commands that reach outside the process are RESTRICTEDOP.
    fn allowed_cmd(&self, kind: &CmdKind) -> MResult<()> {
        let what = match kind {
            CmdKind::Open(_) => "OPEN",
            CmdKind::Use(_) => "USE",
            CmdKind::Read(_) => "READ",
            CmdKind::Hang(_) => "HANG",
            CmdKind::Job(_) => "JOB",
            CmdKind::Lock(_) => "LOCK",
            CmdKind::ZAllocate(_) => "ZALLOCATE",
            CmdKind::ZLink(_) => "ZLINK",
            CmdKind::ZSystem(_) => "ZSYSTEM",
            _ => return Ok(()),
        };
        self.allowed(what)
    }

    #[inline(always)]
    fn exec_if(&mut self, args: &[Expr], here: &Here) -> MResult<bool> {
        if args.is_empty() {
            return Ok(self.test);
        }
        for a in args {
            // `IF @x`: x holds IF arguments (`A=B,C`); their IF sets $TEST.
            let t = match &a.kind {
                ExprKind::Var(Glvn::Indirect(inner, subs)) if subs.is_empty() => {
                    let text = self.eval(inner, here)?;
                    self.indirect_cmd("IF", text.bytes(), here)?;
                    self.test
                }
                _ => self.truth_of(a, here)?,
            };
            self.test = t;
            if !t {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn exec_set(&mut self, arg: &SetArg, here: &Here) -> MResult<()> {
        match arg {
            SetArg::Assign {
                targets,
                value,
                local,
                form,
                accumulates,
            } => {
                if let Some(name) = local {
                    return self.set_local(*name, value, form, here);
                }
                if let [t] = targets.as_slice() {
                    // One target (the usual case): no vector, and the value is moved in.
                    // `SET @x=...` naming a plain local: the name first, then the value.
                    if let SetTarget::Var(Glvn::Indirect(e, extra), span) = t
                        && extra.is_empty()
                    {
                        let text = self.eval(e, here)?;
                        let g = self.indirect_name(&text)?;
                        if let Glvn::Naked(subs) = &*g {
                            return self.set_naked(subs, value, span, here);
                        }
                        if let Some(name) = self.indirect_plain_local(&g) {
                            let v = self.eval(value, here)?;
                            self.store_local(name, v);
                            return Ok(());
                        }
                        let mut r = self.indirect_ref(&g, extra, here)?;
                        r.span = span.clone();
                        let v = self.eval(value, here)?;
                        return self.assign_owned(super::var::Target::Var(r), v);
                    }
                    if let SetTarget::Var(Glvn::Local(name, subs), _) = t {
                        // `SET x(k)=$GET(x(k))+y`: the total added to where it lies.
                        if *accumulates
                            && let Some(r) = self.set_accumulate(*name, subs, value, here)
                        {
                            return r;
                        }
                        if let [sub] = subs.as_slice() {
                            return self.set_one_subscript(*name, sub, value, here);
                        }
                        if let Some(r) = self.set_subscripts(*name, subs, value, here) {
                            return r;
                        }
                    }
                    if let SetTarget::Var(Glvn::Naked(subs), span) = t {
                        return self.set_naked(subs, value, span, here);
                    }
                    // `SET $PIECE(x,"^",n)=v` and `SET $EXTRACT(x,n)=v` of a local.
                    if let Some(edit) = super::var::local_edit(t) {
                        return self.set_local_edit(edit, value, here);
                    }
                    let r = self.resolve_target(t, here)?;
                    let v = self.eval(value, here)?;
                    return self.assign_owned(r, v);
                }
                // GT.M: the subscripts of the targets are evaluated before the value.
                let mut resolved = Vec::with_capacity(targets.len());
                for t in targets {
                    resolved.push(self.resolve_target(t, here)?);
                }
                let v = self.eval(value, here)?;
                for t in resolved {
                    self.assign(t, &v)?;
                }
                Ok(())
            }
            SetArg::Indirect(e) => {
                let text = self.eval(e, here)?;
                self.indirect_cmd("SET", text.bytes(), here).map(|_| ())
            }
        }
    }

    /// Argument indirection: runs `CMD text` as if written in the line (GT.M adds no stack
    /// level for it, unlike XECUTE of a variable).
    pub(super) fn indirect_cmd(
        &mut self,
        cmd: &'static str,
        text: &[u8],
        here: &Here,
    ) -> MResult<Flow> {
        // Errors in the text are placed by the frame's line (`located`).
        self.set_frame_here(here);
        let routine = self.indirect_routine(cmd, text, here);
        let inner = Here {
            routine,
            line: 0,
            level: 0,
        };
        // Run as part of the calling line: an error goes to that line's frame and its trap,
        // and is shown on that line (its span in the indirect text means nothing there).
        let flow = self
            .indirectly(|me| me.exec_line(&inner, 0))
            .map_err(|mut e| {
                if e.place.is_empty() {
                    e.span = None;
                }
                e
            })?;
        match flow {
            Flow::Quit | Flow::QuitValue => Ok(Flow::Normal),
            other => Ok(other),
        }
    }

    fn exec_kill(&mut self, args: Option<&[KillArg]>, here: &Here) -> MResult<()> {
        let Some(args) = args else {
            for name in self.locals.all_names() {
                self.kill_name(name);
            }
            return Ok(());
        };
        for a in args {
            match a {
                KillArg::Var(Glvn::Indirect(e, subs), _) if subs.is_empty() => {
                    self.kill_indirect(e, here)?;
                }
                KillArg::Var(Glvn::Local(name, subs), _) if subs.len() == 1 => {
                    self.kill_one_subscript(*name, &subs[0], here)?;
                }
                KillArg::Var(g, _) => {
                    let r = self.var_ref(g, here)?;
                    self.kill_ref(&r)?;
                }
                KillArg::Exclusive(keep) => {
                    for name in self.locals.all_names() {
                        if !keep.contains(&name) {
                            self.kill_name(name);
                        }
                    }
                }
                KillArg::Indirect(e) => self.kill_indirect(e, here)?,
            }
        }
        Ok(())
    }

    /// `KILL @x`: an empty `x` names no variable (GT.M: VAREXPECTED), it is not the
    /// argumentless KILL that `KILL @" "` is.
    fn kill_indirect(&mut self, e: &Expr, here: &Here) -> MResult<()> {
        let text = self.eval(e, here)?;
        if text.bytes().is_empty() {
            return Err(MError::new(kind::VAREXPECTED));
        }
        self.indirect_cmd("KILL", text.bytes(), here).map(|_| ())
    }

    fn kill_name(&mut self, name: Sym) {
        if let Some(slot) = self.locals.slot(name) {
            slot.borrow_mut().kill(&[]);
        }
    }

    fn exec_new(&mut self, args: Option<&[NewArg]>, here: &Here) -> MResult<()> {
        let Some(args) = args else {
            for name in self.locals.all_names() {
                self.new_var(name, None);
            }
            return Ok(());
        };
        for a in args {
            match a {
                NewArg::Name(n) => self.new_var(*n, None),
                NewArg::Exclusive(keep) => {
                    for name in self.locals.all_names() {
                        if !keep.contains(&name) {
                            self.new_var(name, None);
                        }
                    }
                    if let Some(f) = self.frames.last_mut() {
                        f.rare_mut().kept.extend(keep.iter().copied());
                    }
                }
                // GT.M keeps one trap: NEW of either `$ETRAP` or `$ZTRAP` saves both, and
                // QUIT restores both. NEW $ZTRAP empties `$ZTRAP`; NEW $ETRAP keeps `$ETRAP`.
                NewArg::Svn(Svn::Etrap) => self.new_traps(),
                NewArg::Svn(Svn::Ztrap) => {
                    self.new_traps();
                    self.ztrap = Value::empty();
                }
                NewArg::Svn(Svn::Zyerror) => self.new_zyerror(),
                // NEW $ESTACK: $ESTACK counts from this level on.
                NewArg::Svn(Svn::Estack) => {
                    if let Some(f) = self.frames.last_mut() {
                        f.estack_base = true;
                    }
                }
                NewArg::Svn(_) => return Err(MError::new(kind::SVNONEW)),
                NewArg::Indirect(e) => {
                    let text = self.eval(e, here)?.source_text();
                    // NEW's effect belongs to the current frame, so no XECUTE frame here.
                    let cmd = parse_indirect_args("NEW", &text)?;
                    let CmdKind::New(Some(inner)) = &cmd.kind else {
                        return Err(MError::new(kind::VAREXPECTED));
                    };
                    self.indirectly(|me| me.exec_new(Some(inner), here))?;
                }
            }
        }
        Ok(())
    }

    /// The text of `@x` when an argument is nothing but an indirection (argument indirection).
    pub(super) fn plain_indirection(&mut self, e: &Expr, here: &Here) -> MResult<Option<Value>> {
        match &e.kind {
            ExprKind::Var(Glvn::Indirect(inner, subs)) if subs.is_empty() => {
                Ok(Some(self.eval(inner, here)?))
            }
            _ => Ok(None),
        }
    }

    /// The place of the current line, for `$ZPOSITION`.
    pub(super) fn zpos(&self, here: &Here) -> String {
        // In XECUTE text, the place of the line that ran it.
        if here.routine.xecute
            && let Some(h) = self
                .frames
                .iter()
                .rev()
                .find_map(|f| f.here.as_ref().filter(|h| !h.routine.xecute))
        {
            return place(&h.routine, h.line);
        }
        place(&here.routine, here.line)
    }
}

/// An expression GT.M's compiler folds to a constant: literals and operators on them.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::Unary(_, x) => is_constant(x),
        ExprKind::Binary { lhs, rhs, .. } => is_constant(lhs) && is_constant(rhs),
        _ => false,
    }
}
