//! The device commands (OPEN, USE, CLOSE, READ, WRITE), HANG, and the waits `$ZINTERRUPT`
//! may cut short.

use std::time::Duration;

use super::{Flow, Here, Interp, place};
use crate::device::{Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::*;
use crate::value::Value;

impl Interp {
    /// A device error: with the device's EXCEPTION deviceparameter set, GT.M runs that code
    /// (with `$ZSTATUS` set) instead of trapping; when it comes back the command goes on.
    /// Returns the flow when the EXCEPTION code leaves by GOTO, ZGOTO or HALT.
    pub(super) fn device_exception(&mut self, e: MError, here: &Here) -> MResult<Option<Flow>> {
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
            Flow::Normal | Flow::Quit | Flow::QuitValue => Ok(None),
            other => Ok(Some(other)),
        }
    }

    pub(super) fn hang(&mut self, secs: crate::number::Number, here: &Here) -> MResult<()> {
        self.devices.flush_all();
        let ms = secs
            .mul(crate::number::Number::from_i64(1000))
            .map(|n| n.to_i64());
        if let Ok(ms) = ms
            && ms > 0
        {
            // A deadline past what Instant holds is forever.
            let deadline = std::time::Instant::now().checked_add(Duration::from_millis(ms as u64));
            // $ZINTERRUPT runs in the middle and the HANG goes on to its deadline (GT.M). The
            // sleep has no wake-up in between; Ctrl-C, SIGTERM and SIGUSR1 end it at once.
            while let Err(e) = crate::device::wait::pause_until(deadline) {
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
    pub(super) fn resumable<T>(
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

    pub(super) fn exec_write(&mut self, arg: &WriteArg, here: &Here) -> MResult<()> {
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
    pub(super) fn write_pieces(&mut self, e: &Expr, here: &Here) -> MResult<()> {
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
    pub(super) fn exec_read(&mut self, arg: &ReadArg, here: &Here) -> MResult<Option<Flow>> {
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

    pub(super) fn device_params(
        &mut self,
        params: &[DeviceParam],
        here: &Here,
    ) -> MResult<Vec<Param>> {
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

    pub(super) fn exec_open(&mut self, arg: &DeviceArg, here: &Here) -> MResult<()> {
        let name = self.eval(&arg.device, here)?;
        let params = self.device_params(&arg.params, here)?;
        let timeout = self.timeout(arg.timeout.as_ref(), here)?;
        let space = match &arg.mnemonic_space {
            Some(e) => Some(self.eval(e, here)?.to_text().to_ascii_uppercase()),
            None => None,
        };
        if params
            .iter()
            .any(|p| matches!(p.keyword, DeviceKeyword::Escape | DeviceKeyword::Length))
        {
            return Err(MError::new(kind::DEVPARINAP));
        }
        if self.devices.is_principal(name.bytes()) {
            return Ok(());
        }
        let opened = self.open_device(name.bytes(), &params, timeout, space.as_deref())?;
        if arg.timeout.is_some() {
            self.test = opened;
        }
        Ok(())
    }

    pub(super) fn exec_use(&mut self, arg: &DeviceArg, here: &Here) -> MResult<()> {
        let name = self.eval(&arg.device, here)?;
        let params = self.device_params(&arg.params, here)?;
        let dev = self
            .devices
            .get_mut(name.bytes())
            .ok_or_else(|| MError::new(kind::IONOTOPEN))?;
        dev.use_params(&params)?;
        dev.state_mut().use_length(&params)?;
        self.devices.set_current(name.bytes());
        Ok(())
    }

    pub(super) fn exec_close(&mut self, arg: &DeviceArg, here: &Here) -> MResult<()> {
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

    /// `OPEN @x` and the like: the device argument is nothing but an indirection.
    pub(super) fn device_indirection(
        &mut self,
        arg: &DeviceArg,
        here: &Here,
    ) -> MResult<Option<Value>> {
        if !arg.params.is_empty() || arg.timeout.is_some() || arg.mnemonic_space.is_some() {
            return Ok(None);
        }
        self.plain_indirection(&arg.device, here)
    }
}
