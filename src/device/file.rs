//! Sequential files: `OPEN file:(NEWVERSION|READONLY|APPEND)`, READ line by line with `$ZEOF`
//! at the end, WRITE, and `CLOSE file:(DELETE)`, as GT.M does them. `FIXED` files are
//! records of `RECORDSIZE` bytes with no line ends: READ gives the bytes as they are (the only
//! way M reads any file byte for byte), WRITE ! pads the record with spaces.

use std::ffi::OsStr;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::time::Duration;

use super::buffer::{DEFAULT_RECORD, LineBuffer};
use super::{DevState, Device, Param, ReadOutcome, ReadSpec};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword as Kw;

/// Output is written to the file in pieces of this size (and at CLOSE and exit).
const FLUSH_AT: usize = 64 * 1024;

pub struct FileDevice {
    state: DevState,
    path: PathBuf,
    file: File,
    out: Vec<u8>,
    input: LineBuffer,
    at_eof: bool,
    /// FIXED: records of `record` bytes, no line ends.
    fixed: bool,
    /// RECORDSIZE=n; without FIXED it bounds the length of a line READ gives.
    record: Option<usize>,
    /// FIXED: bytes read from the current record, and bytes written since the last one ended.
    read_at: usize,
    written: usize,
    readonly: bool,
    /// USE WIDTH=n: lines wrap at n columns instead of the record size.
    width: Option<usize>,
}

impl FileDevice {
    /// Opens a file: NEWVERSION truncates or creates, READONLY needs the file to exist,
    /// APPEND writes at the end; with none of them the file is opened (created if missing)
    /// for reading and writing from its start.
    /// The file name keeps every byte (M file names are bytes).
    pub fn open(path: &[u8], params: &[Param]) -> MResult<FileDevice> {
        let has = |k: Kw| params.iter().any(|p| p.keyword == k);
        let path = PathBuf::from(OsStr::from_bytes(path));
        let record = match params.iter().find(|p| p.keyword == Kw::RecordSize) {
            Some(p) => Some(super::size_param(p)?),
            None => None,
        };
        // GT.M refuses a folder whatever the mode, before opening it
        if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            let shown = String::from_utf8_lossy(path.as_os_str().as_bytes()).into_owned();
            return Err(MError::with_args(kind::GTMEISDIR, &[&shown]));
        }
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
        let mut file = o.open(&path).map_err(|e| MError::system(&e))?;
        if has(Kw::Append) {
            // `$ZKEY` counts from the end at once (O_APPEND alone moves there at a write).
            let _ = file.seek(SeekFrom::End(0));
        }
        Ok(FileDevice {
            state: DevState::default(),
            path,
            file,
            out: Vec::new(),
            input: LineBuffer::default(),
            at_eof: false,
            fixed: has(Kw::Fixed),
            record,
            read_at: 0,
            written: 0,
            readonly: has(Kw::ReadOnly),
            width: None,
        })
    }

    fn record_len(&self) -> usize {
        self.record.unwrap_or(DEFAULT_RECORD)
    }

    /// FIXED: ends the current record with spaces (nothing when it is complete).
    fn pad_record(&mut self) {
        let rec = self.record_len();
        let pad = (rec - self.written % rec) % rec;
        self.out.resize(self.out.len() + pad, b' ');
        self.written = 0;
    }

    /// FIXED READ: the rest of the current record, at most `max` bytes, LF or not; at the end
    /// of the file what is left.
    fn read_fixed(&mut self, max: usize) -> MResult<ReadOutcome> {
        let rec = self.record_len();
        let want = max.min(rec - self.read_at);
        while self.input.pending().len() < want && !self.at_eof {
            self.fill()?;
        }
        if self.input.pending().is_empty() {
            return self.eof();
        }
        let data = self.input.take_bytes(want);
        self.read_at = (self.read_at + data.len()) % rec;
        self.good_read(b"");
        Ok(ReadOutcome::Data {
            data,
            timed_out: false,
        })
    }

    /// Buffers output, sending it once `FLUSH_AT` bytes wait: a file never costs more memory
    /// than that, whatever its size (it is sent whole at CLOSE, HALT, an error exit or a
    /// READ, WAIT or HANG of the process).
    /// Where a line wraps: USE's WIDTH, else the record size.
    fn width(&self) -> u64 {
        self.width.unwrap_or(self.record_len()) as u64
    }

    fn push(&mut self, bytes: &[u8]) -> MResult<()> {
        // GT.M: a WRITE to a file sets `$DEVICE` to "0" (the principal device's does not).
        if self.state.device.as_slice() != b"0" {
            self.state.device = b"0".to_vec();
        }
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
        self.state.device = b"1,Device detected EOF".to_vec();
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

    /// USE WIDTH=n (1 to 1,048,576): where lines wrap.
    fn use_params(&mut self, params: &[Param]) -> MResult<()> {
        for p in params.iter().filter(|p| p.keyword == Kw::Width) {
            self.width = Some(super::size_param(p)?);
        }
        Ok(())
    }

    fn state_mut(&mut self) -> &mut DevState {
        &mut self.state
    }

    /// A line reaching the record size goes on in a new line, as GT.M wraps at its WIDTH
    /// (the record size, 32767 unless OPEN gives RECORDSIZE): `$Y` counts the new line and
    /// `$X` what is on it.
    fn write(&mut self, mut bytes: &[u8]) -> MResult<()> {
        if self.fixed {
            self.written += bytes.len();
            self.state.x += bytes.len() as u64;
            return self.push(bytes);
        }
        let width = self.width();
        while !bytes.is_empty() {
            let (full, n) = super::wrap_step(&mut self.state, width, bytes.len());
            if full {
                self.out.push(b'\n');
            }
            self.out.extend_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
        }
        self.push(b"")
    }

    /// FIXED: `!` ends the record with spaces; at the start of a record it writes a blank one.
    fn newline(&mut self) -> MResult<()> {
        if !self.fixed {
            self.out.push(b'\n');
        } else if self.written == 0 {
            self.out.resize(self.out.len() + self.record_len(), b' ');
        } else {
            self.pad_record();
        }
        self.state.line_feed();
        self.push(b"")
    }

    /// FIXED: `#` ends the current record, then writes a record holding the form feed.
    fn form_feed(&mut self) -> MResult<()> {
        if self.fixed {
            self.pad_record();
            self.out.push(0x0c);
            self.written = 1;
            self.pad_record();
        } else {
            self.out.push(0x0c);
        }
        self.state.x = 0;
        self.state.y = 0;
        self.push(b"")
    }

    fn write_code(&mut self, code: i64) -> MResult<()> {
        let width = self.width();
        if !self.fixed && super::wrap_step(&mut self.state, width, 1).0 {
            self.out.push(b'\n');
        }
        if self.fixed {
            self.state.x += 1;
        }
        match u8::try_from(code) {
            Ok(b) => {
                self.written += 1;
                self.push(&[b])
            }
            Err(_) => Ok(()),
        }
    }

    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        let mut max = spec.max.unwrap_or(usize::MAX);
        if self.fixed {
            return self.read_fixed(max);
        }
        max = max.min(self.record_len());
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
                if self.fixed {
                    self.read_at = (self.read_at + 1) % self.record_len();
                }
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

    /// CLOSE: GT.M ends a partial last line with a newline (FIXED: pads the last record);
    /// DELETE removes the file.
    fn close(&mut self, params: &[Param]) -> MResult<bool> {
        if self.fixed {
            self.pad_record();
            self.state.x = 0;
        } else if self.state.x > 0 {
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

    /// `$ZKEY` (GT.M): the byte offset where the next READ or WRITE goes; `record,offset`
    /// in that record for a FIXED file.
    fn zkey(&mut self) -> Option<Vec<u8>> {
        let at = (&self.file).stream_position().unwrap_or(0) + self.out.len() as u64;
        let at = at.saturating_sub(self.input.pending().len() as u64);
        Some(match self.fixed {
            true => {
                let rec = self.record_len() as u64;
                format!("{},{}", at / rec, at % rec).into_bytes()
            }
            false => at.to_string().into_bytes(),
        })
    }

    /// ZSHOW "D" (GT.M): `OPEN RMS `, with `READ ` for a READONLY file.
    fn zshow_line(&self) -> Option<Vec<u8>> {
        Some(if self.readonly {
            b"OPEN RMS READ ".to_vec()
        } else {
            b"OPEN RMS ".to_vec()
        })
    }

    /// The process ends (HALT, the end, an error, SIGTERM): as GT.M, a partial last line
    /// gets its newline and everything buffered is written.
    fn at_exit(&mut self) {
        if self.fixed {
            if self.written > 0 {
                self.pad_record();
            }
        } else if self.state.x > 0 {
            self.out.push(b'\n');
            self.state.x = 0;
        }
        let _ = self.send();
    }
}
