//! Sequential files: `OPEN file:(NEWVERSION|READONLY|APPEND)`, READ line by line with `$ZEOF`
//! at the end, WRITE, and `CLOSE file:(DELETE)`, as GT.M does them.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::time::Duration;

use super::buffer::LineBuffer;
use super::{DevState, Device, Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword as Kw;

const FLUSH_AT: usize = 64 * 1024;

pub struct FileDevice {
    state: DevState,
    path: std::path::PathBuf,
    file: File,
    out: Vec<u8>,
    input: LineBuffer,
    at_eof: bool,
}

impl FileDevice {
    /// Opens a file: NEWVERSION truncates or creates, READONLY needs the file to exist,
    /// APPEND writes at the end; with none of them the file is opened (created if missing)
    /// for reading and writing from its start.
    /// Opens the file named by `name`, every byte kept (M file names are bytes).
    pub fn open(name: &[u8], params: &[Param]) -> MResult<FileDevice> {
        let path = std::path::Path::new(
            <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(name),
        );
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
            path: path.to_path_buf(),
            file,
            out: Vec::new(),
            input: LineBuffer::default(),
            at_eof: false,
        })
    }

    /// Buffers output, sending it once `FLUSH_AT` bytes wait: a file never costs more memory
    /// than that, whatever its size (it is sent whole at CLOSE, HALT, an error exit or a
    /// READ, WAIT or HANG of the process).
    fn push(&mut self, bytes: &[u8]) -> MResult<()> {
        self.out.extend_from_slice(bytes);
        if self.out.len() >= FLUSH_AT {
            self.send()?;
        }
        Ok(())
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
        self.state.x += bytes.len() as u64;
        self.push(bytes)
    }

    fn newline(&mut self) -> MResult<()> {
        self.state.x = 0;
        self.state.y += 1;
        self.push(b"\n")
    }

    fn form_feed(&mut self) -> MResult<()> {
        self.state.x = 0;
        self.state.y = 0;
        self.push(&[0x0c])
    }

    fn write_code(&mut self, code: i64) -> MResult<()> {
        self.state.x += 1;
        match u8::try_from(code) {
            Ok(b) => self.push(&[b]),
            Err(_) => Ok(()),
        }
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

    /// The process ends (HALT, the end, an error, SIGTERM): as GT.M, a partial last line
    /// gets its newline and everything buffered is written.
    fn at_exit(&mut self) {
        if self.state.x > 0 {
            self.out.push(b'\n');
            self.state.x = 0;
        }
        let _ = self.send();
    }
}
