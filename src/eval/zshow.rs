//! ZSHOW: the stack, variables, devices, locks and special variables as lines.

use super::var::VarRef;
use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::locals::Key;
use crate::syntax::ast::ZShowArg;
use crate::value::Value;

impl Interp {
    pub(super) fn exec_zshow(&mut self, args: Option<&[ZShowArg]>, here: &Here) -> MResult<()> {
        let Some(args) = args else {
            let lines = self.stack_lines(here);
            return self.zshow_out(&lines);
        };
        for a in args {
            // `ZSHOW @x`: x holds ZSHOW arguments (`"V":y`).
            if a.target.is_none()
                && let Some(text) = self.plain_indirection(&a.codes, here)?
            {
                self.indirect_cmd("ZSHOW", text.bytes(), here)?;
                continue;
            }
            let codes = self.eval(&a.codes, here)?.to_text().to_ascii_uppercase();
            let target = match &a.target {
                Some(g) => Some(self.var_ref(g, here)?),
                None => None,
            };
            // Each code is shown (or stored) before the next is gathered, as GT.M does:
            // ZSHOW "SV":x lists the x("S",...) nodes under "V".
            // "*" is GT.M's "IVDLGR" (no "S"), less the global statistics and the routine
            // hashes minim does not keep.
            let codes = codes.replace('*', "IVDL");
            for c in codes.chars() {
                if c == 'I' && target.is_none() {
                    self.zshow_svn_out(here)?;
                    continue;
                }
                let lines = self.zshow_lines(c, here)?;
                match &target {
                    None => self.zshow_out(&lines)?,
                    Some(base) => {
                        for (i, l) in lines.into_iter().enumerate() {
                            let mut keys = base.keys.clone();
                            keys.push(Key::string(c.to_string().as_bytes()));
                            // GT.M numbers the lines from 1, except "L", whose counters line is 0.
                            let first = if c == 'L' { 0 } else { 1 };
                            keys.push(Key::Num(crate::number::Number::from_i64(i as i64 + first)));
                            let r = VarRef {
                                name: base.name,
                                keys,
                                span: 0..0,
                                global: base.global,
                            };
                            self.store(&r, Value::from(l))?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// ZSHOW "I" to the device, a line at a time: GT.M reads each variable as its line is
    /// written, so `$Y` and a file's `$ZKEY` count the lines before it.
    fn zshow_svn_out(&mut self, here: &Here) -> MResult<()> {
        self.each_svn_line(here, &mut |me, l| {
            let dev = me.devices.current();
            dev.write(&l)?;
            dev.newline()
        })?;
        self.devices.current().end_of_write()
    }

    /// The lines of one ZSHOW code.
    pub(super) fn zshow_lines(&mut self, code: char, here: &Here) -> MResult<Vec<Vec<u8>>> {
        Ok(match code {
            'V' => self.variable_lines(),
            'S' => self.stack_lines(here),
            'D' => self.device_lines(),
            'L' => self.lock_lines(),
            'I' => self.svn_lines(here)?,
            'B' => self.breakpoint_lines(),
            other => {
                return Err(MError::new(kind::TEXT)
                    .detail(format!("ZSHOW code {other} is not supported by minim")));
            }
        })
    }

    fn variable_lines(&self) -> Vec<Vec<u8>> {
        let mut l = Vec::new();
        for name in self.locals.defined_names() {
            self.zwrite_lines(name, &mut l);
        }
        l
    }

    fn zshow_out(&mut self, lines: &[Vec<u8>]) -> MResult<()> {
        let dev = self.devices.current();
        for l in lines {
            dev.write(l)?;
            dev.newline()?;
        }
        dev.end_of_write()
    }

    /// ZSHOW "D": the open devices in byte order of their names; the principal device as
    /// GT.M shows a non-terminal one (its input and output sides).
    fn device_lines(&self) -> Vec<Vec<u8>> {
        let mut lines = Vec::new();
        let mut names = self.devices.names();
        names.extend(self.devices.closed_names());
        names.sort();
        for name in names {
            if self.devices.get(name).is_none() {
                let mut l = name.to_vec();
                l.extend_from_slice(b" CLOSED ");
                lines.push(l);
                continue;
            }
            let shown = self.devices.get(name).and_then(|d| d.zshow_lines());
            if let Some(shown) = shown {
                for (i, line) in shown.into_iter().enumerate() {
                    let mut l = Vec::new();
                    if i == 0 {
                        l.extend_from_slice(name);
                        l.push(b' ');
                    }
                    l.extend_from_slice(&line);
                    lines.push(l);
                }
            } else if self.devices.is_principal(name) {
                // The terminal or standard files: input and output as GT.M shows them.
                let mut input = name.to_vec();
                input.extend_from_slice(b" OPEN RMS STREAM NOWRAP ");
                let mut output = name.to_vec();
                output.extend_from_slice(b"-out OPEN RMS STREAM NOWRAP ");
                lines.push(input);
                lines.push(output);
            }
        }
        lines
    }
}
