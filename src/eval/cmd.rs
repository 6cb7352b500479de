//! Commands.

use std::rc::Rc;
use std::time::Duration;

use super::lock::LockCmd;
use super::{Flow, Here, Interp, place, too_many_actuals};
use crate::device::{Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::syntax::ast::*;
use crate::syntax::parser::parse_indirect_args;
use crate::value::Value;

impl Interp {
    /// Runs a list of commands (a line, or the rest of a line after FOR). The usual
    /// commands (SET, DO, QUIT, IF, ELSE) are run here; the rest out of line, so that this
    /// loop, run once per line and per FOR pass, stays small.
    pub(super) fn exec_cmds(&mut self, cmds: &[Cmd], here: &Here) -> MResult<Flow> {
        let mut i = 0;
        while let Some(cmd) = cmds.get(i) {
            i += 1;
            if let Some(c) = &cmd.cond
                && !self.eval(c, here)?.truth()
            {
                continue;
            }
            match &cmd.kind {
                CmdKind::Set(args) => {
                    for a in args {
                        self.exec_set(a, here).map_err(|e| e.at(cmd.span.clone()))?;
                    }
                }
                CmdKind::Do(args) => match self.exec_do(args, here) {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(e) => return Err(e.at(cmd.span.clone())),
                },
                CmdKind::Quit(arg) => {
                    return self
                        .exec_quit(arg.as_ref(), here)
                        .map_err(|e| e.at(cmd.span.clone()));
                }
                CmdKind::For(arg) => return self.exec_for_cmd(arg.as_ref(), cmd, &cmds[i..], here),
                CmdKind::If(args) => {
                    if !self.exec_if(args, here)? {
                        self.skip_rest_after_if(args, here);
                        return Ok(Flow::Normal);
                    }
                }
                CmdKind::Else => {
                    if self.test {
                        self.rest_skipped = true;
                        return Ok(Flow::Normal);
                    }
                }
                kind => match self.exec_cmd(kind, cmd, here) {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(e) => return Err(e.at(cmd.span.clone())),
                },
            }
        }
        Ok(Flow::Normal)
    }

    /// FOR: the rest of the line is its body.
    #[inline(never)]
    fn exec_for_cmd(
        &mut self,
        arg: Option<&ForArg>,
        cmd: &Cmd,
        body: &[Cmd],
        here: &Here,
    ) -> MResult<Flow> {
        // GT.M compiles the whole line before its FOR loops: a syntax error later on the
        // line is raised now, not after (or instead of) the loop.
        if let Some(e) = here
            .routine
            .lines
            .get(here.line)
            .and_then(|l| l.error.as_ref())
        {
            return Err(e.clone());
        }
        self.exec_for(arg, body, here)
            .map_err(|e| e.at(cmd.span.clone()))
    }

    /// After a false IF: GT.M compiles an IF with a constant argument so that a syntax
    /// error later on its line is raised even when the IF is false. Only a line with an
    /// error asks (no walk of the arguments per run).
    fn skip_rest_after_if(&mut self, args: &[Expr], here: &Here) {
        self.rest_skipped = here
            .routine
            .lines
            .get(here.line)
            .is_some_and(|l| l.error.is_some())
            && !args.iter().any(is_constant);
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
            CmdKind::Xecute(args) => {
                for a in args {
                    // `XECUTE @x`: x holds XECUTE arguments (`"w 1":c,"w 2"`).
                    if a.cond.is_none()
                        && let Some(text) = self.plain_indirection(&a.expr, here)?
                    {
                        match self.indirect_cmd("XECUTE", text.bytes(), here)? {
                            Flow::Normal => continue,
                            other => return Ok(other),
                        }
                    }
                    if let Some(c) = &a.cond
                        && !self.eval(c, here)?.truth()
                    {
                        continue;
                    }
                    if a.cond.is_none()
                        && let Some(text) = self.plain_indirection(&a.expr, here)?
                    {
                        match self.indirect_cmd("XECUTE", text.bytes(), here)? {
                            Flow::Normal => continue,
                            other => return Ok(other),
                        }
                    }
                    // GT.M compiles the XECUTE of a literal inline (no stack level of its
                    // own) unless its code needs a frame: NEW, QUIT, GOTO, FOR, indirection.
                    let flow = match &a.expr.kind {
                        ExprKind::Lit(code) => self.xecute_literal(a, code.bytes(), here)?,
                        _ => {
                            let code = self.eval(&a.expr, here)?;
                            self.xecute(code.bytes(), here)?
                        }
                    };
                    match flow {
                        Flow::Normal => {}
                        other => return Ok(other),
                    }
                }
            }
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

    /// A device error: with the device's EXCEPTION deviceparameter set, GT.M runs that code
    /// (with `$ZSTATUS` set) instead of trapping; when it comes back the command goes on.
    /// Returns the flow when the EXCEPTION code leaves by GOTO, ZGOTO or HALT.
    fn device_exception(&mut self, e: MError, here: &Here) -> MResult<Option<Flow>> {
        let Some(code) = self.devices.current_ref().exception().cloned() else {
            return Err(e);
        };
        if e.kind == kind::CTRLC || self.frames.len() >= super::MAX_FRAMES - 1 {
            return Err(e);
        }
        let mut e = e;
        e.place = place(&here.routine, here.line);
        self.zstatus = e.zstatus();
        match self.xecute_in_frame(code.bytes(), here, false)? {
            Flow::Normal | Flow::Quit(_) => Ok(None),
            other => Ok(Some(other)),
        }
    }

    fn exec_if(&mut self, args: &[Expr], here: &Here) -> MResult<bool> {
        if args.is_empty() {
            return Ok(self.test);
        }
        for a in args {
            // `IF @x`: x holds IF arguments (`A=B,C`); their IF sets $TEST.
            let t = match self.plain_indirection(a, here)? {
                Some(text) => {
                    self.indirect_cmd("IF", text.bytes(), here)?;
                    self.test
                }
                None => self.eval(a, here)?.truth(),
            };
            self.test = t;
            if !t {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn hang(&mut self, secs: crate::number::Number, here: &Here) -> MResult<()> {
        self.devices.flush_all();
        let ms = secs
            .mul(crate::number::Number::from_i64(1000))
            .map(|n| n.to_i64());
        if let Ok(ms) = ms
            && ms > 0
        {
            // A deadline past what Instant holds is forever.
            let deadline = std::time::Instant::now().checked_add(Duration::from_millis(ms as u64));
            // $ZINTERRUPT runs in the middle and the HANG goes on to its deadline (GT.M).
            while let Err(e) = sleep_until(deadline) {
                if !e.resume {
                    return Err(e);
                }
                self.service_interrupts(here)?;
            }
        }
        Ok(())
    }

    /// Runs a device wait again after `$ZINTERRUPT` cut it short (`resume` errors), with
    /// the time left of its timeout.
    fn resumable<T>(
        &mut self,
        timeout: Option<Duration>,
        here: &Here,
        mut wait: impl FnMut(&mut Self, Option<Duration>) -> MResult<T>,
    ) -> MResult<T> {
        let deadline = timeout.map(|t| std::time::Instant::now().checked_add(t));
        loop {
            let left = match deadline {
                None => None,
                Some(None) => timeout,
                Some(Some(d)) => Some(d.saturating_duration_since(std::time::Instant::now())),
            };
            match wait(self, left) {
                Err(e) if e.resume => self.service_interrupts(here)?,
                r => return r,
            }
        }
    }

    fn exec_set(&mut self, arg: &SetArg, here: &Here) -> MResult<()> {
        match arg {
            SetArg::Assign { targets, value } => {
                if let [t] = targets.as_slice() {
                    // One target (the usual case): no vector, and the value is moved in.
                    if let SetTarget::Var(Glvn::Local(name, subs), _) = t
                        && subs.is_empty()
                    {
                        let v = self.eval(value, here)?;
                        self.store_local(*name, v);
                        return Ok(());
                    }
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
                    if let SetTarget::Var(Glvn::Naked(subs), span) = t {
                        return self.set_naked(subs, value, span, here);
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
            Flow::Quit(_) => Ok(Flow::Normal),
            other => Ok(other),
        }
    }

    fn exec_write(&mut self, arg: &WriteArg, here: &Here) -> MResult<()> {
        match arg {
            WriteArg::NewLine => self.devices.current().newline(),
            WriteArg::FormFeed => self.devices.current().form_feed(),
            WriteArg::Tab(e) => {
                let col = self.eval(e, here)?.int().max(0) as u64;
                self.devices.current().tab(col)
            }
            WriteArg::Char(e) => {
                let code = self.eval(e, here)?.int();
                self.devices.current().write_code(code)
            }
            WriteArg::Expr(e) => {
                // `WRITE @x` is argument indirection: x may hold `"a",!,y`.
                if let Some(text) = self.plain_indirection(e, here)? {
                    return self.indirect_cmd("WRITE", text.bytes(), here).map(|_| ());
                }
                let v = self.eval(e, here)?;
                self.devices.current().write(v.bytes())
            }
            WriteArg::Pieces(e) => self.write_pieces(e, here),
            WriteArg::Control(name, args, span) => {
                let mut vals = Vec::with_capacity(args.len());
                let mut target = None;
                for a in args {
                    vals.push(match a {
                        Actual::Value(e) => self.eval(e, here)?,
                        Actual::Empty => Value::empty(),
                        Actual::ByRef(n, _) => {
                            target = Some(*n);
                            Value::empty()
                        }
                    });
                }
                // A control such as /WAIT may block: what the program wrote so far goes out.
                self.devices.flush_all();
                if name.as_str() == "ACCEPT" {
                    // `/ACCEPT(.var,pid,timeout,handles...)`: var gets the new handles.
                    let got = self
                        .devices
                        .current()
                        .accept_sockets(vals.get(1..).unwrap_or_default())
                        .map_err(|e| e.at(span.clone()))?;
                    self.test = got.is_some();
                    if let (Some(handles), Some(n)) = (got, target) {
                        self.store_local(n, Value::from_bytes(handles));
                    }
                    return Ok(());
                }
                let t = self
                    .resumable(None, here, |me, _| {
                        me.devices.current().control(name.as_str(), &vals)
                    })
                    .map_err(|e| e.at(span.clone()))?;
                if let Some(t) = t {
                    self.test = t;
                }
                Ok(())
            }
            WriteArg::Indirect(e) => {
                let text = self.eval(e, here)?;
                self.indirect_cmd("WRITE", text.bytes(), here).map(|_| ())
            }
        }
    }

    /// The operands of a concatenation written one by one, as GT.M does (`WRITE a_b` with
    /// `b` undefined writes `a` before raising UNDEF); nested concatenations are flattened.
    fn write_pieces(&mut self, e: &Expr, here: &Here) -> MResult<()> {
        if let ExprKind::Binary {
            op: BinOp::Concat,
            negated: false,
            lhs,
            rhs,
        } = &e.kind
        {
            self.write_pieces(lhs, here)?;
            return self.write_pieces(rhs, here);
        }
        let v = self.eval(e, here)?;
        self.devices.current().write(v.bytes())
    }

    pub(super) fn timeout(&mut self, e: Option<&Expr>, here: &Here) -> MResult<Option<Duration>> {
        let Some(e) = e else { return Ok(None) };
        let n = self.eval(e, here)?.num();
        let ms = n
            .mul(crate::number::Number::from_i64(1000))
            .map(|m| m.to_i64())
            .unwrap_or(i64::MAX);
        Ok(Some(Duration::from_millis(ms.max(0) as u64)))
    }

    /// READ; returns a flow when the process must end (READ past end of file).
    fn exec_read(&mut self, arg: &ReadArg, here: &Here) -> MResult<Option<Flow>> {
        match arg {
            ReadArg::NewLine => self.devices.current().newline()?,
            ReadArg::FormFeed => self.devices.current().form_feed()?,
            ReadArg::Tab(e) => {
                let col = self.eval(e, here)?.int().max(0) as u64;
                self.devices.current().tab(col)?;
            }
            ReadArg::Prompt(v) => self.devices.current().write(v.bytes())?,
            ReadArg::Var {
                target: Glvn::Indirect(e, subs),
                len: None,
                timeout: None,
                ..
            } if subs.is_empty() => {
                let text = self.eval(e, here)?;
                return self.indirect_cmd("READ", text.bytes(), here).map(Some);
            }
            ReadArg::Var {
                target,
                len,
                timeout,
                ..
            } => {
                let dest = self.var_ref(target, here)?;
                let max = match len {
                    Some(e) => {
                        let n = self.eval(e, here)?.int();
                        Some(n.max(1) as usize)
                    }
                    None => None,
                };
                let timeout_d = self.timeout(timeout.as_ref(), here)?;
                self.devices.flush_all();
                let outcome = self.resumable(timeout_d, here, |me, timeout| {
                    me.devices.current().read(ReadSpec { max, timeout })
                })?;
                match outcome {
                    ReadOutcome::Data { data, timed_out } => {
                        if timeout.is_some() {
                            self.test = !timed_out;
                        }
                        self.store(&dest, Value::from(data))?;
                    }
                    ReadOutcome::Char { .. } => {}
                    ReadOutcome::EndProcess => return Ok(Some(Flow::Halt(0))),
                }
            }
            ReadArg::Char {
                target, timeout, ..
            } => {
                let dest = self.var_ref(target, here)?;
                let timeout_d = self.timeout(timeout.as_ref(), here)?;
                self.devices.flush_all();
                let outcome = self.resumable(timeout_d, here, |me, timeout| {
                    me.devices.current().read_char(timeout)
                })?;
                match outcome {
                    ReadOutcome::Char { code, timed_out } => {
                        if timeout.is_some() {
                            self.test = !timed_out;
                        }
                        self.store(&dest, Value::from_i64(code))?;
                    }
                    ReadOutcome::Data { .. } => {}
                    ReadOutcome::EndProcess => return Ok(Some(Flow::Halt(0))),
                }
            }
            ReadArg::Indirect(e) => {
                let text = self.eval(e, here)?;
                return self.indirect_cmd("READ", text.bytes(), here).map(Some);
            }
        }
        Ok(None)
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
                    let text = self.eval(e, here)?;
                    self.indirect_cmd("KILL", text.bytes(), here)?;
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
                KillArg::Indirect(e) => {
                    let text = self.eval(e, here)?;
                    self.indirect_cmd("KILL", text.bytes(), here)?;
                }
            }
        }
        Ok(())
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
                NewArg::Svn(Svn::Etrap) => {
                    if let Some(f) = self.frames.last_mut()
                        && f.rare.as_ref().is_none_or(|r| r.saved_etrap.is_none())
                    {
                        f.rare_mut().saved_etrap = Some(self.etrap.clone());
                    }
                }
                NewArg::Svn(Svn::Ztrap) => {
                    if let Some(f) = self.frames.last_mut()
                        && f.rare.as_ref().is_none_or(|r| r.saved_ztrap.is_none())
                    {
                        f.rare_mut().saved_ztrap = Some(self.ztrap.clone());
                    }
                }
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

    fn exec_quit(&mut self, arg: Option<&Expr>, here: &Here) -> MResult<Flow> {
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
                Ok(Flow::Quit(Some(v)))
            }
            None if extrinsic && here.level == 0 && !in_for => Err(MError::new(kind::QUITARGREQD)),
            None => Ok(Flow::Quit(None)),
        }
    }

    fn exec_do(&mut self, args: &[DoArg], here: &Here) -> MResult<Flow> {
        if args.is_empty() {
            // Argumentless DO: the dot block below this line, as a frame of its own.
            self.push_frame(false, Some(self.test))?;
            let r = self.run_block(Here {
                routine: here.routine.clone(),
                line: here.line + 1,
                level: here.level + 1,
            });
            return match self.pop_frame_passing_error(r)? {
                f @ (Flow::Halt(_) | Flow::ZGoto { .. }) => Ok(f),
                _ => Ok(Flow::Normal),
            };
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
                    f @ (Flow::Halt(_) | Flow::ZGoto { .. }) => return Ok(f),
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
                f @ (Flow::Halt(_) | Flow::ZGoto { .. }) => return Ok(f),
                Flow::Quit(Some(_)) => return Err(MError::new(kind::NOTEXTRINSIC)),
                _ => {}
            }
        }
        Ok(Flow::Normal)
    }

    /// `OPEN @x` and the like: the device argument is nothing but an indirection.
    fn device_indirection(&mut self, arg: &DeviceArg, here: &Here) -> MResult<Option<Value>> {
        if !arg.params.is_empty() || arg.timeout.is_some() || arg.mnemonic_space.is_some() {
            return Ok(None);
        }
        self.plain_indirection(&arg.device, here)
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

    fn exec_goto(&mut self, args: &[GotoArg], here: &Here) -> MResult<Flow> {
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
            return Ok(Flow::Goto(routine, line));
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

    fn resolve_uncached(
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
                None => return Err(MError::new(missing)),
            },
            // `^R` starts at the first line; `+n^R` is line n.
            None if target.offset.is_some() => -1,
            None => 0,
        };
        let line = start + offset;
        if line < 0 || line as usize >= routine.lines.len() {
            return Err(MError::new(missing));
        }
        Ok((routine, line as usize))
    }

    /// FOR: the rest of the line is the body; an argumentless QUIT in it ends the FOR, not
    /// the frame (the frame counts its running FOR bodies for that).
    fn exec_for(&mut self, arg: Option<&ForArg>, body: &[Cmd], here: &Here) -> MResult<Flow> {
        self.set_for_depth(1);
        let r = self.exec_for_items(arg, body, here);
        self.set_for_depth(-1);
        r
    }

    fn exec_for_items(&mut self, arg: Option<&ForArg>, body: &[Cmd], here: &Here) -> MResult<Flow> {
        let Some(arg) = arg else {
            loop {
                if let Some(end) = self.for_pass(body, here)? {
                    return Ok(end);
                }
            }
        };
        for item in &arg.items {
            match item {
                ForItem::Value(e) => {
                    let v = self.eval(e, here)?;
                    let r = self.var_ref(&arg.var, here)?;
                    self.store(&r, v)?;
                    if let Some(end) = self.for_pass(body, here)? {
                        return Ok(end);
                    }
                }
                ForItem::Range { start, step, limit } => {
                    let start = self.eval(start, here)?;
                    let step = self.eval(step, here)?.num();
                    let limit = match limit {
                        Some(l) => Some(self.eval(l, here)?.num()),
                        None => None,
                    };
                    let beyond = |v: &crate::number::Number| match &limit {
                        Some(l) if step.is_negative() => v.cmp(l).is_lt(),
                        Some(l) => v.cmp(l).is_gt(),
                        None => false,
                    };
                    let mut v = start.num();
                    // The usual control variable, an unsubscripted local: read and written
                    // in its slot, no reference built.
                    if let Glvn::Local(name, subs) = &arg.var
                        && subs.is_empty()
                    {
                        let name = *name;
                        // GT.M assigns the start value even when the loop never runs.
                        self.store_local(name, Value::from_num(v));
                        if beyond(&v) {
                            continue;
                        }
                        loop {
                            if let Some(end) = self.for_pass(body, here)? {
                                return Ok(end);
                            }
                            // GT.M: the variable keeps its last value when the next one is
                            // past the limit; the body may have changed or killed it. Read
                            // and written in one look at its slot.
                            if let Some(slot) = self.locals.slot(name)
                                && let Some(cur) = slot.borrow_mut().value.as_mut()
                            {
                                v = cur.num().add(step).map_err(super::expr::num_error)?;
                                if beyond(&v) {
                                    break;
                                }
                                *cur = Value::from_num(v);
                                continue;
                            }
                            let cur = self.local_num(name)?;
                            v = cur.add(step).map_err(super::expr::num_error)?;
                            if beyond(&v) {
                                break;
                            }
                            self.store_local(name, Value::from_num(v));
                        }
                        continue;
                    }
                    let r = self.var_ref(&arg.var, here)?;
                    self.store(&r, Value::from_num(v))?;
                    if beyond(&v) {
                        continue;
                    }
                    loop {
                        if let Some(end) = self.for_pass(body, here)? {
                            return Ok(end);
                        }
                        let cur = self.fetch_num(&r)?;
                        v = cur.add(step).map_err(super::expr::num_error)?;
                        if beyond(&v) {
                            break;
                        }
                        self.store(&r, Value::from_num(v))?;
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    /// One pass of a FOR body, then whether the FOR ends: `Some` with the flow to return
    /// (an argumentless QUIT ends only the loop), `None` to go on.
    #[inline]
    fn for_pass(&mut self, body: &[Cmd], here: &Here) -> MResult<Option<Flow>> {
        Ok(match self.for_body(body, here)? {
            Flow::Normal => None,
            Flow::Quit(None) => Some(Flow::Normal),
            other => Some(other),
        })
    }

    /// One pass of a FOR body.
    #[inline]
    fn for_body(&mut self, body: &[Cmd], here: &Here) -> MResult<Flow> {
        if self.attention() {
            self.attend_pass(here)?;
        }
        if body.is_empty() {
            return Ok(Flow::Normal);
        }
        self.exec_cmds(body, here)
    }

    fn set_for_depth(&mut self, delta: isize) {
        if let Some(f) = self.frames.last_mut() {
            f.for_depth = f.for_depth.saturating_add_signed(delta as i32);
        }
    }

    fn device_params(&mut self, params: &[DeviceParam], here: &Here) -> MResult<Vec<Param>> {
        let mut out = Vec::with_capacity(params.len());
        for p in params {
            let value = match &p.value {
                Some(e) => Some(self.eval(e, here)?),
                None => None,
            };
            out.push(Param {
                keyword: p.keyword,
                value,
            });
        }
        Ok(out)
    }

    fn exec_open(&mut self, arg: &DeviceArg, here: &Here) -> MResult<()> {
        let name = self.eval(&arg.device, here)?;
        let params = self.device_params(&arg.params, here)?;
        let timeout = self.timeout(arg.timeout.as_ref(), here)?;
        let space = match &arg.mnemonic_space {
            Some(e) => Some(self.eval(e, here)?.to_text().to_ascii_uppercase()),
            None => None,
        };
        if self.devices.is_principal(name.bytes()) {
            return Ok(());
        }
        let opened = self.open_device(name.bytes(), &params, timeout, space.as_deref())?;
        if arg.timeout.is_some() {
            self.test = opened;
        }
        Ok(())
    }

    fn exec_use(&mut self, arg: &DeviceArg, here: &Here) -> MResult<()> {
        let name = self.eval(&arg.device, here)?;
        let params = self.device_params(&arg.params, here)?;
        let dev = self
            .devices
            .get_mut(name.bytes())
            .ok_or_else(|| MError::new(kind::IONOTOPEN))?;
        dev.use_params(&params)?;
        self.devices.set_current(name.bytes());
        Ok(())
    }

    fn exec_close(&mut self, arg: &DeviceArg, here: &Here) -> MResult<()> {
        let name = self.eval(&arg.device, here)?;
        let params = self.device_params(&arg.params, here)?;
        let Some(dev) = self.devices.get_mut(name.bytes()) else {
            return Ok(());
        };
        if dev.close(&params)? {
            // A PIPE's STDERR device goes with it.
            if let Some(companion) = dev.companion().map(<[u8]>::to_vec) {
                self.devices.remove(&companion);
            }
            self.devices.remove(name.bytes());
        } else if !self.devices.is_principal(name.bytes()) && self.devices.io() == name.bytes() {
            self.devices.use_principal();
        }
        Ok(())
    }

    /// The place of the current line, for `$ZPOSITION`.
    pub(super) fn zpos(&self, here: &Here) -> String {
        // In XECUTE text, the place of the line that ran it.
        if here.routine.xecute
            && let Some(h) = self.frames.iter().rev().find_map(|f| f.here.as_ref())
        {
            return place(&h.routine, h.line);
        }
        place(&here.routine, here.line)
    }
}

/// Sleeps until `deadline` (`None`: for ever), but gives up with CTRLC when Ctrl-C is
/// pressed, or with a `resume` error when `$ZINTERRUPT` is due (the signal handlers
/// interrupt nanosleep with EINTR).
fn sleep_until(deadline: Option<std::time::Instant>) -> MResult<()> {
    // A signal that lands just before nanosleep is no EINTR: sleep in short slices and look
    // at the flags between them.
    const SLICE: Duration = Duration::from_millis(100);
    loop {
        crate::interrupt::check()?;
        let left = match deadline {
            Some(t) => t.saturating_duration_since(std::time::Instant::now()),
            None => SLICE,
        };
        if left.is_zero() {
            return Ok(());
        }
        let step = left.min(SLICE);
        let ts = libc::timespec {
            tv_sec: step.as_secs() as libc::time_t,
            tv_nsec: step.subsec_nanos() as libc::c_long,
        };
        // SAFETY: a valid timespec owned by this frame; the remainder is not wanted.
        unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
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
