//! The SOCKET device's READ: a line up to a delimiter, a fixed length or one character, with
//! GT.M's rules for timeouts, end of file and `$DEVICE`.

use super::*;

impl SocketDevice {
    pub(super) fn read_line(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        self.flush();
        let deadline = spec.timeout.map(|t| Instant::now() + t);
        let max = spec.max.unwrap_or(MAX_READ).min(MAX_READ);
        let i = match self.current {
            Some(i) if i < self.sockets.len() => i,
            _ => return Err(MError::new(kind::NOSOCKETINDEV)),
        };
        if self.sockets[i].is_listener() {
            // GT.M: a READ with the listener current just times out.
            if deadline.is_some() {
                pause_until(deadline)?;
            }
            return Ok(ReadOutcome::Data {
                data: Vec::new(),
                timed_out: true,
            });
        }
        let mut scanned = 0;
        loop {
            let s = &mut self.sockets[i];
            let start = s.pos;
            let avail = s.input.len() - start;
            if s.opts.delimiters.is_empty() {
                // NODELIMITER: whatever has arrived, up to the length asked for; a fixed-length
                // READ (`x#100:1`) waits for all of it, and a timeout with less leaves $TEST 0.
                if avail > 0 && (spec.max.is_none() || avail >= max) {
                    // GT.M looks for more before it returns: an end of file that came with
                    // the data is reported by this READ (below).
                    s.fill_now();
                    let avail = s.pending().len();
                    let n = avail.min(max);
                    let data = self.finish_read(i, n, 0, None, false);
                    if n == avail && self.sockets[i].eof {
                        self.mark_eof(i);
                    }
                    return Ok(data);
                }
            } else {
                let end = avail.min(max);
                if scanned < end {
                    if let Some((at, d)) = s.find_delimiter(start, scanned, end) {
                        let dlen = s.opts.delimiters[d].len();
                        return Ok(self.finish_read(i, at - dlen, dlen, Some(d), false));
                    }
                    scanned = end;
                }
                if scanned >= max {
                    return Ok(self.finish_read(i, max, 0, None, false));
                }
            }
            if s.eof {
                if avail > 0 {
                    // GT.M: the last, unterminated piece comes with the end-of-file state
                    // ($ZEOF=1, $ZA=9, $DEVICE) at once, and this READ is the first one at
                    // end of file (with IOERROR="T" the next READ raises IOEOF).
                    let data = self.finish_read(i, avail.min(max), 0, None, false);
                    if avail <= max {
                        self.mark_eof(i);
                    }
                    return Ok(data);
                }
                return self.eof_read(i);
            }
            if !self.sockets[i].fill(deadline)? {
                let avail = self.sockets[i].pending().len().min(max);
                return Ok(self.finish_read(i, avail, 0, None, true));
            }
        }
    }

    /// `READ *x`.
    pub(super) fn read_one(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome> {
        self.flush();
        let deadline = timeout.map(|t| Instant::now() + t);
        let i = match self.current {
            Some(i) if i < self.sockets.len() => i,
            _ => return Err(MError::new(kind::NOSOCKETINDEV)),
        };
        loop {
            let s = &mut self.sockets[i];
            if let Some(&c) = s.pending().first() {
                s.pos += 1;
                // GT.M: a one-character delimiter read by READ *x gives 0 and sets $KEY.
                let delim = s
                    .opts
                    .delimiters
                    .iter()
                    .find(|d| d.as_slice() == [c])
                    .cloned();
                let code = if delim.is_some() { 0 } else { c as i64 };
                self.state.key = delim.clone().unwrap_or_default();
                self.state.zb = delim.unwrap_or_default();
                self.good_io();
                return Ok(ReadOutcome::Char {
                    code,
                    timed_out: false,
                });
            }
            if s.eof {
                if let ReadOutcome::EndProcess = self.eof_read(i)? {
                    return Ok(ReadOutcome::EndProcess);
                }
                return Ok(ReadOutcome::Char {
                    code: 0,
                    timed_out: false,
                });
            }
            if !s.fill(deadline)? {
                self.state.key.clear();
                self.state.zb.clear();
                return Ok(ReadOutcome::Char {
                    code: -1,
                    timed_out: true,
                });
            }
        }
    }

    /// After a READ of socket `i` (`$ZKEY`'s bookkeeping).
    pub(super) fn after_read(&mut self, i: Option<usize>) {
        if let Some(s) = i.and_then(|i| self.sockets.get_mut(i)) {
            s.after_read();
        }
    }

    /// Takes `n` bytes (and a `dlen`-byte delimiter) from socket `i` as the READ's value.
    pub(super) fn finish_read(
        &mut self,
        i: usize,
        n: usize,
        dlen: usize,
        delim: Option<usize>,
        timed_out: bool,
    ) -> ReadOutcome {
        let s = &mut self.sockets[i];
        let data = if s.pos == 0 && n >= TAKE_BUFFER {
            // A long line at the start of the buffer: hand the buffer itself over as the
            // value instead of copying it; what follows the line moves to a new buffer.
            let rest = s.input.get(n + dlen..).unwrap_or_default();
            let mut next = Vec::with_capacity(s.input.capacity());
            next.extend_from_slice(rest);
            let mut data = std::mem::replace(&mut s.input, next);
            data.truncate(n);
            s.pos = 0;
            data
        } else {
            let data = s.input[s.pos..s.pos + n].to_vec();
            s.pos += n + dlen;
            data
        };
        let terminator = delim
            .map(|d| s.opts.delimiters[d].clone())
            .unwrap_or_default();
        let (wrap, width) = (s.opts.wrap, s.opts.width);
        self.state.key = terminator.clone();
        self.state.zb = terminator;
        self.good_io();
        self.advance_x(data.len() as u64, wrap, width);
        ReadOutcome::Data { data, timed_out }
    }

    /// The state a READ at end of file leaves; returns how many READs have met
    /// the end of file on this socket.
    pub(super) fn mark_eof(&mut self, i: usize) -> u32 {
        let s = &mut self.sockets[i];
        s.eof_reads += 1;
        self.state.key.clear();
        self.state.zb.clear();
        self.state.x = 0;
        self.state.zeof = true;
        self.state.za = 9;
        self.state.device = EOF_TEXT.as_bytes().to_vec();
        s.eof_reads
    }

    /// A READ at end of file.
    pub(super) fn eof_read(&mut self, i: usize) -> MResult<ReadOutcome> {
        let trap = self.sockets[i].opts.ioerror_trap;
        let reads = self.mark_eof(i);
        // GT.M: with IOERROR="T" the second EOF READ fails; with an EXCEPTION too, the
        // first one already does (and the EXCEPTION code runs).
        let has_exception = self.exception.as_ref().is_some_and(|e| !e.is_empty());
        if trap && (reads >= 2 || has_exception) {
            return Err(MError::new(kind::IOEOF).detail("Connection reset by peer"));
        }
        // GT.M: as for any principal device, the READ after the one that met the end of
        // file ends the process.
        if self.principal && reads >= 2 {
            return Ok(ReadOutcome::EndProcess);
        }
        Ok(ReadOutcome::Data {
            data: Vec::new(),
            timed_out: false,
        })
    }
}
