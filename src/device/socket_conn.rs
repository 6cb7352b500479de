//! One socket of a SOCKET device: its settings, its role, and its input and output buffers.

use super::*;

/// Per-socket settings, copied to the sockets a listener accepts.
#[derive(Clone, Debug)]
pub(super) struct Options {
    pub(super) delimiters: Vec<Vec<u8>>,
    pub(super) ioerror_trap: bool,
    pub(super) nodelay: bool,
    pub(super) wrap: bool,
    pub(super) width: u64,
    pub(super) zff: Vec<u8>,
    pub(super) zibfsize: usize,
    /// ZIBFSIZE was given (ZSHOW "D" shows the default only for TCP).
    pub(super) zibfsize_given: bool,
    /// ZBFSIZE and MOREREADTIME: kept for ZSHOW "D" (minim's buffers grow as needed).
    pub(super) zbfsize: i64,
    pub(super) morereadtime: Option<i64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            delimiters: Vec::new(),
            ioerror_trap: false,
            nodelay: false,
            wrap: true,
            width: DEFAULT_WIDTH,
            zff: Vec::new(),
            zibfsize: 131_072,
            zibfsize_given: false,
            zbfsize: 1024,
            morereadtime: None,
        }
    }
}

#[derive(Debug)]
pub(super) enum Role {
    Listener {
        port_or_path: String,
        local_path: Option<String>,
    },
    Stream,
}

/// How a socket came to be (`$ZSOCKET(d,"HOWCREATED",i)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Origin {
    Listen,
    /// Accepted by `/WAIT` from the listener named.
    Accepted,
    Connect,
    /// The principal device of a JOBbed process.
    Principal,
    /// Received by `WRITE /ACCEPT`.
    Passed,
}

#[derive(Debug)]
pub(super) struct Sock {
    pub(super) handle: String,
    pub(super) socket: Socket,
    pub(super) role: Role,
    pub(super) origin: Origin,
    /// The listener's handle, for a socket it accepted.
    pub(super) parent: Option<String>,
    /// Found ready by a `/WAIT` and not yet taken (or READ): listed in `$ZKEY`.
    pub(super) zpending: bool,
    /// The `/WAIT` cycle in which it became pending: the longest pending is taken first.
    pub(super) ready_cycle: u64,
    /// The last READ left data in the buffer.
    pub(super) read_left: bool,
    /// The peer as `$KEY` shows it (`127.0.0.1`, `::ffff:127.0.0.1` or a path).
    pub(super) peer: String,
    pub(super) opts: Options,
    pub(super) input: Vec<u8>,
    pub(super) pos: usize,
    /// The peer closed (or reset) the connection.
    pub(super) eof: bool,
    /// End-of-file READs so far; with IOERROR="T" the second one raises IOEOF.
    pub(super) eof_reads: u32,
    pub(super) out: Vec<u8>,
}

/// The single-descriptor waits forget a socket before it is closed.
impl Drop for Sock {
    fn drop(&mut self) {
        crate::device::wait::forget(self.socket.as_raw_fd());
    }
}

impl Sock {
    pub(super) fn new(
        handle: String,
        socket: Socket,
        role: Role,
        peer: String,
        opts: Options,
    ) -> Sock {
        let origin = match role {
            Role::Listener { .. } => Origin::Listen,
            Role::Stream => Origin::Connect,
        };
        Sock {
            handle,
            socket,
            role,
            origin,
            parent: None,
            zpending: false,
            ready_cycle: 0,
            read_left: false,
            peer,
            opts,
            input: Vec::new(),
            pos: 0,
            eof: false,
            eof_reads: 0,
            out: Vec::new(),
        }
    }

    /// GT.M gives the kernel a ZIBFSIZE that was set as the socket's receive buffer size.
    pub(super) fn apply_zibfsize(&self) {
        if self.opts.zibfsize_given {
            let _ = self.socket.set_recv_buffer_size(self.opts.zibfsize);
        }
    }

    pub(super) fn pending(&self) -> &[u8] {
        &self.input[self.pos..]
    }

    pub(super) fn is_listener(&self) -> bool {
        matches!(self.role, Role::Listener { .. })
    }

    /// Reads what the socket has, waiting until `deadline` (forever when `None`).
    /// Returns false on timeout, CTRLC when Ctrl-C cuts the wait short (direct mode).
    ///
    /// It tries a non-blocking receive first and waits only when nothing has arrived, so a
    /// READ after `/WAIT` reported the socket costs one system call.
    pub(super) fn fill(&mut self, deadline: Option<Instant>) -> MResult<bool> {
        if self.eof {
            return Ok(true);
        }
        loop {
            if self.receive(libc::MSG_DONTWAIT) {
                return Ok(true);
            }
            check_interrupt()?;
            let fd = self.socket.as_raw_fd();
            if wait_fd_after_eagain(fd, Want::READABLE, deadline) == Waited::Timeout {
                return Ok(false);
            }
        }
    }

    /// Takes in, without waiting, whatever more data (or the end of file) has already
    /// arrived. True when that was all the kernel held (less than asked for, or nothing).
    pub(super) fn fill_now(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let before = self.input.len();
        let asked = self.opts.zibfsize.max(4096);
        !self.receive(libc::MSG_DONTWAIT) || self.input.len() - before < asked
    }

    /// Drops the bytes already read once they are all of the buffer, or at least 64 KiB and
    /// half of it: a client streaming requests keeps the server to its unread data, at an
    /// amortized cost linear in the bytes received.
    pub(super) fn compact(&mut self) {
        let read = self.pos;
        if read == self.input.len() || (read >= 64 * 1024 && read * 2 >= self.input.len()) {
            self.input.drain(..read);
            self.pos = 0;
        }
    }

    /// One receive; true when data or the end of file came in.
    pub(super) fn receive(&mut self, flags: i32) -> bool {
        self.compact();
        let want = self.opts.zibfsize.max(4096);
        self.input.reserve(want);
        let spare = self.input.spare_capacity_mut();
        let n = spare.len().min(want);
        match self.socket.recv_with_flags(&mut spare[..n], flags) {
            Ok(0) => self.eof = true,
            Ok(n) => {
                // SAFETY: recv initialised the first n bytes of the spare capacity.
                unsafe { self.input.set_len(self.input.len() + n) };
            }
            Err(e) if e.kind() == IoKind::Interrupted || e.kind() == IoKind::WouldBlock => {
                return false;
            }
            // As in GT.M, a reset or any other receive failure reads as end of file.
            Err(_) => self.eof = true,
        }
        true
    }

    /// Where the first delimiter ends in `input[start..start + end]`, searching from
    /// `start + from`: the first byte (at or after `from`) that completes a delimiter, and
    /// of the delimiters it completes the first in the order given, as GT.M checks them
    /// while characters arrive. Returns the end offset (relative to `start`) and
    /// the delimiter's index. Only the bytes that end some delimiter are examined.
    pub(super) fn find_delimiter(
        &self,
        start: usize,
        from: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let data = &self.input[start..start + end];
        let delims = &self.opts.delimiters;
        let mut lasts: Vec<u8> = Vec::with_capacity(delims.len());
        for d in delims {
            if let Some(&c) = d.last()
                && !lasts.contains(&c)
            {
                lasts.push(c);
            }
        }
        let check = |k: usize| {
            let upto = &data[..=k];
            delims
                .iter()
                .position(|d| !d.is_empty() && upto.ends_with(d))
                .map(|d| (k + 1, d))
        };
        let hay = &data[from..];
        match lasts.as_slice() {
            [] => None,
            [a] => memchr::memchr_iter(*a, hay).find_map(|k| check(from + k)),
            [a, b] => memchr::memchr2_iter(*a, *b, hay).find_map(|k| check(from + k)),
            [a, b, c] => memchr::memchr3_iter(*a, *b, *c, hay).find_map(|k| check(from + k)),
            _ => {
                let mut table = [false; 256];
                for &c in &lasts {
                    table[c as usize] = true;
                }
                hay.iter()
                    .enumerate()
                    .filter(|&(_, &c)| table[c as usize])
                    .find_map(|(k, _)| check(from + k))
            }
        }
    }

    pub(super) fn send_all(&mut self) -> std::io::Result<()> {
        let mut sent = 0;
        while sent < self.out.len() {
            match self.socket.send(&self.out[sent..]) {
                Ok(n) => sent += n,
                Err(e) if e.kind() == IoKind::Interrupted => {}
                Err(e) => {
                    self.out.clear();
                    return Err(e);
                }
            }
        }
        self.out.clear();
        Ok(())
    }
}
