//! Sequential files: `OPEN file:(NEWVERSION|READONLY|APPEND)`, READ line by line with `$ZEOF`
//! at the end, WRITE, and `CLOSE file:(DELETE)`, as GT.M does them.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::time::Duration;

use super::buffer::LineBuffer;
use super::{DevState, Device, Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword as Kw;

pub struct FileDevice {
    state: DevState,
    path: String,
    file: File,
    out: Vec<u8>,
    input: LineBuffer,
    at_eof: bool,
    readonly: bool,
}

impl FileDevice {
    /// Opens a file: NEWVERSION truncates or creates, READONLY needs the file to exist,
    /// APPEND writes at the end; with none of them the file is opened (created if missing)
    /// for reading and writing from its start.
    pub fn open(path: &str, params: &[Param]) -> MResult<FileDevice> {
        let has = |k: Kw| params.iter().any(|p| p.keyword == k);
        let mut o = OpenOptions::new();
        if has(Kw::ReadOnly) {
            o.read(true);
        } else if has(Kw::NewVersion) {
            o.read(true).write(true).create(true).truncate(true);
        } else if has(Kw::Append) {
            o.read(true).append(true).create(true);
        } else {
            o.read(true).write(true).create(true);
        }
        let file = o.open(path).map_err(|e| MError::system(&e))?;
        Ok(FileDevice {
            state: DevState::default(),
            path: path.to_string(),
            file,
            out: Vec::new(),
            input: LineBuffer::default(),
            at_eof: false,
            readonly: has(Kw::ReadOnly),
        })
    }

    fn send(&mut self) -> MResult<()> {
        if !self.out.is_empty() {
            self.file
                .write_all(&self.out)
                .map_err(|e| MError::system(&e))?;
            self.out.clear();
        }
        Ok(())
    }

    fn fill(&mut self) -> MResult<()> {
        self.send()?;
        let mut chunk = vec![0u8; 65536];
        let n = self.file.read(&mut chunk).map_err(|e| MError::system(&e))?;
        if n == 0 {
            self.at_eof = true;
        }
        self.input.push(&chunk[..n]);
        Ok(())
    }

    fn good_read(&mut self, terminator: &[u8]) {
        self.state.key = terminator.to_vec();
        self.state.zb = terminator.to_vec();
        self.state.device = b"0".to_vec();
    }

    /// End of file: the first READ there sets `$ZEOF`; the next is GT.M's IOEOF.
    fn eof(&mut self) -> MResult<ReadOutcome> {
        if self.state.zeof {
            return Err(MError::new(kind::IOEOF));
        }
        self.state.zeof = true;
        self.state.key.clear();
        self.state.zb.clear();
        Ok(ReadOutcome::Data {
            data: Vec::new(),
            timed_out: false,
        })
    }
}

impl Device for FileDevice {
    fn state(&self) -> &DevState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut DevState {
        &mut self.state
    }

    fn write(&mut self, bytes: &[u8]) -> MResult<()> {
        self.out.extend_from_slice(bytes);
        self.state.x += bytes.len() as u64;
        Ok(())
    }

    fn newline(&mut self) -> MResult<()> {
        self.out.push(b'\n');
        self.state.x = 0;
        self.state.y += 1;
        Ok(())
    }

    fn form_feed(&mut self) -> MResult<()> {
        self.out.push(0x0c);
        self.state.x = 0;
        self.state.y = 0;
        Ok(())
    }

    fn write_code(&mut self, code: i64) -> MResult<()> {
        if (0..=255).contains(&code) {
            self.out.push(code as u8);
        }
        self.state.x += 1;
        Ok(())
    }

    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        let max = spec.max.unwrap_or(usize::MAX);
        loop {
            let (data, terminator): (Vec<u8>, &[u8]) = match self.input.take(max) {
                Some((line, true)) => (line, b"\n"),
                Some((part, false)) => (part, b""),
                None if self.at_eof && self.input.pending().is_empty() => return self.eof(),
                None if self.at_eof => (self.input.take_rest(), b""),
                None => {
                    self.fill()?;
                    continue;
                }
            };
            self.good_read(terminator);
            return Ok(ReadOutcome::Data {
                data,
                timed_out: false,
            });
        }
    }

    fn read_char(&mut self, _timeout: Option<Duration>) -> MResult<ReadOutcome> {
        loop {
            if let Some(c) = self.input.take_byte() {
                self.good_read(b"");
                return Ok(ReadOutcome::Char {
                    code: c as i64,
                    timed_out: false,
                });
            }
            if self.at_eof {
                self.eof()?;
                return Ok(ReadOutcome::Char {
                    code: -1,
                    timed_out: false,
                });
            }
            self.fill()?;
        }
    }

    /// CLOSE: GT.M ends a partial last line with a newline; DELETE removes the file.
    fn close(&mut self, params: &[Param]) -> MResult<bool> {
        if self.state.x > 0 {
            self.out.push(b'\n');
            self.state.x = 0;
        }
        self.send()?;
        if params.iter().any(|p| p.keyword == Kw::Delete) {
            std::fs::remove_file(&self.path).map_err(|e| MError::system(&e))?;
        }
        Ok(true)
    }

    fn flush(&mut self) {
        let _ = self.send();
    }

    /// ZSHOW "D" (GT.M): `OPEN RMS `, with `READ ` for a READONLY file.
    fn zshow_line(&self) -> Option<Vec<u8>> {
        Some(if self.readonly {
            b"OPEN RMS READ ".to_vec()
        } else {
            b"OPEN RMS ".to_vec()
        })
    }
}
