//! GT.M's SOCKET device: a named set of TCP or Unix-domain sockets with one current.
//!
//! Every behaviour here is GT.M 7.0's, as its own runs show (the socket and wire tests run
//! the same routines under both). Waiting is a readiness wait (`device::wait`) over every
//! socket of the device at once, so `WRITE /WAIT` and timed READs cost no CPU while idle and
//! return as soon as data or a connection arrives.

use std::cell::RefCell;
use std::io::ErrorKind as IoKind;
use std::net::{SocketAddr, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use socket2::{Domain, Protocol, SockAddr, Socket, Type};

use super::wait::{Waited, Want, pause_until, wait_fd_after_eagain};
use super::{DevState, Device, Param, ReadOutcome, ReadSpec};
pub use info::pool_zsocket;
pub use pass::{Handoff, forget_pooled, pooled_handoff};

#[path = "socket_info.rs"]
mod info;
#[path = "socket_pass.rs"]
mod pass;
#[path = "socket_show.rs"]
mod show;
#[path = "socket_wait.rs"]
mod waiting;
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword as Kw;
use crate::value::Value;
use waiting::Ready;

/// GT.M's maximum string length: a longer line is returned in pieces.
const MAX_READ: usize = 1 << 20;
/// GT.M's default device width; a WRITE reaching it wraps.
const DEFAULT_WIDTH: u64 = 255;
/// How often a refused connection or a busy port is tried again within an OPEN timeout.
const RETRY: Duration = Duration::from_millis(100);
const EOF_TEXT: &str = "1,Connection reset by peer";
/// A READ value at least this long is taken with its input buffer rather than copied.
const TAKE_BUFFER: usize = 64 * 1024;

thread_local! {
    /// The socket pool: sockets DETACHed from one device, waiting to be ATTACHed to another,
    /// in the order they came (`$ZSOCKET(,"SOCKETHANDLE",i)`). `None` until the first
    /// socket arrives: GT.M makes its socketpool device then.
    static POOL: RefCell<Option<Vec<Sock>>> = const { RefCell::new(None) };
    static HANDLE_SEQ: RefCell<u64> = const { RefCell::new(0) };
}

/// Per-socket settings, copied to the sockets a listener accepts.
#[derive(Clone, Debug)]
struct Options {
    delimiters: Vec<Vec<u8>>,
    ioerror_trap: bool,
    nodelay: bool,
    wrap: bool,
    width: u64,
    zff: Vec<u8>,
    zibfsize: usize,
    /// ZIBFSIZE was given (ZSHOW "D" shows the default only for TCP).
    zibfsize_given: bool,
    /// ZBFSIZE and MOREREADTIME: kept for ZSHOW "D" (minim's buffers grow as needed).
    zbfsize: i64,
    morereadtime: Option<i64>,
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
enum Role {
    Listener {
        port_or_path: String,
        local_path: Option<String>,
    },
    Stream,
}

/// How a socket came to be (`$ZSOCKET(d,"HOWCREATED",i)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
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
struct Sock {
    handle: String,
    socket: Socket,
    role: Role,
    origin: Origin,
    /// The listener's handle, for a socket it accepted.
    parent: Option<String>,
    /// Found ready by a `/WAIT` and not yet taken (or READ): listed in `$ZKEY`.
    zpending: bool,
    /// The `/WAIT` cycle in which it became pending: the longest pending is taken first.
    ready_cycle: u64,
    /// The last READ left data in the buffer.
    read_left: bool,
    /// The peer as `$KEY` shows it (`127.0.0.1`, `::ffff:127.0.0.1` or a path).
    peer: String,
    opts: Options,
    input: Vec<u8>,
    pos: usize,
    /// The peer closed (or reset) the connection.
    eof: bool,
    /// End-of-file READs so far; with IOERROR="T" the second one raises IOEOF.
    eof_reads: u32,
    out: Vec<u8>,
}

/// The single-descriptor waits forget a socket before it is closed.
impl Drop for Sock {
    fn drop(&mut self) {
        super::wait::forget(self.socket.as_raw_fd());
    }
}

impl Sock {
    fn new(handle: String, socket: Socket, role: Role, peer: String, opts: Options) -> Sock {
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
    fn apply_zibfsize(&self) {
        if self.opts.zibfsize_given {
            let _ = self.socket.set_recv_buffer_size(self.opts.zibfsize);
        }
    }

    fn pending(&self) -> &[u8] {
        &self.input[self.pos..]
    }

    fn is_listener(&self) -> bool {
        matches!(self.role, Role::Listener { .. })
    }

    /// Reads what the socket has, waiting until `deadline` (forever when `None`).
    /// Returns false on timeout, CTRLC when Ctrl-C cuts the wait short (direct mode).
    ///
    /// It tries a non-blocking receive first and waits only when nothing has arrived, so a
    /// READ after `/WAIT` reported the socket costs one system call.
    fn fill(&mut self, deadline: Option<Instant>) -> MResult<bool> {
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
    fn fill_now(&mut self) -> bool {
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
    fn compact(&mut self) {
        let read = self.pos;
        if read == self.input.len() || (read >= 64 * 1024 && read * 2 >= self.input.len()) {
            self.input.drain(..read);
            self.pos = 0;
        }
    }

    /// One receive; true when data or the end of file came in.
    fn receive(&mut self, flags: i32) -> bool {
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
    fn find_delimiter(&self, start: usize, from: usize, end: usize) -> Option<(usize, usize)> {
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

    fn send_all(&mut self) -> std::io::Result<()> {
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

/// One SOCKET device.
#[derive(Default)]
pub struct SocketDevice {
    state: DevState,
    sockets: Vec<Sock>,
    current: Option<usize>,
    /// `/WAIT`s so far: the cycle a socket became ready in orders the sockets.
    wait_cycle: u64,
    exception: Option<Value>,
    /// The waiter of `/WAIT`, made by the first `/WAIT`.
    ready: Option<Ready>,
    /// The principal device of a JOBbed process: a READ after the end of file ends it.
    principal: bool,
    /// Closed with DESTROY: ZSHOW "D" no longer lists it (GT.M lists `dev CLOSED` else).
    destroyed: bool,
}

impl SocketDevice {
    pub fn new() -> SocketDevice {
        SocketDevice::default()
    }

    fn current_sock(&mut self) -> MResult<&mut Sock> {
        match self.current {
            Some(i) if i < self.sockets.len() => Ok(&mut self.sockets[i]),
            _ => Err(MError::new(kind::NOSOCKETINDEV)),
        }
    }

    fn add(&mut self, sock: Sock) -> MResult<()> {
        if let Some(r) = &mut self.ready {
            r.register(sock.socket.as_raw_fd());
        }
        self.sockets.push(sock);
        self.current = Some(self.sockets.len() - 1);
        Ok(())
    }

    fn good_io(&mut self) {
        self.state.device = b"0".to_vec();
        self.state.za = 0;
        self.state.zeof = false;
    }

    /// `$X` after n characters read or written: GT.M wraps the counters at the width.
    fn advance_x(&mut self, n: u64, wrap: bool, width: u64) {
        self.state.x += n;
        if wrap && width > 0 && self.state.x >= width {
            self.state.y += self.state.x / width;
            self.state.x %= width;
        }
    }

    fn write_failed(&mut self, trap: bool, text: &str) -> MResult<()> {
        self.state.device = format!("1,{text}").into_bytes();
        self.state.za = 9;
        if trap {
            return Err(MError::new(kind::SOCKWRITE).detail(text));
        }
        Ok(())
    }

    /// Sends what the current socket has buffered (at the end of each WRITE command).
    fn send(&mut self) -> MResult<()> {
        let Some(i) = self.current.filter(|&i| i < self.sockets.len()) else {
            return Ok(());
        };
        let s = &mut self.sockets[i];
        if s.out.is_empty() {
            return Ok(());
        }
        let trap = s.opts.ioerror_trap;
        if s.is_listener() {
            s.out.clear();
            return self.write_failed(trap, "Broken pipe");
        }
        // GT.M sends to a peer that has only half-closed (its end of file was read) and the
        // peer receives it; only a real send failure is an error.
        match s.send_all() {
            Ok(()) => {
                // GT.M: a good WRITE sets $DEVICE="0" and $ZA=0 but leaves $ZEOF as it was.
                self.state.device = b"0".to_vec();
                self.state.za = 0;
                Ok(())
            }
            Err(e) => {
                // GT.M reports the system's text: "Broken pipe" (EPIPE), or "Connection
                // reset by peer" for the first send after a reset nobody has read yet.
                let text = match e.raw_os_error() {
                    Some(code) => os_text(code),
                    None => e.to_string(),
                };
                self.write_failed(trap, &text)
            }
        }
    }

    /// GT.M sends each WRITE argument by itself. minim sends once per WRITE command, except
    /// after the peer's end of file: then every argument goes out at once as in GT.M, so a
    /// peer that is gone (on 127.0.0.1 its reset arrives during the first send) makes the
    /// same WRITE fail, as it does in GT.M.
    fn send_if_peer_closed(&mut self) -> MResult<()> {
        match self.current {
            Some(i) if i < self.sockets.len() && self.sockets[i].eof => self.send(),
            _ => Ok(()),
        }
    }

    /// Adds bytes to the current socket's output, sending the first delimiter wherever $X
    /// reaches the width (GT.M's WRAP).
    fn put(&mut self, mut bytes: &[u8]) -> MResult<()> {
        let s = self.current_sock()?;
        let (wrap, width) = (s.opts.wrap, s.opts.width);
        let delim = s.opts.delimiters.first().cloned();
        if !wrap || width == 0 {
            s.out.extend_from_slice(bytes);
            self.state.x += bytes.len() as u64;
            return self.send_if_peer_closed();
        }
        while !bytes.is_empty() {
            // GT.M wraps only when one more character is to go past the width: 255
            // characters leave $X=255 and send no delimiter; the 256th starts a new line.
            if self.state.x >= width {
                if let Some(d) = &delim {
                    self.current_sock()?.out.extend_from_slice(d);
                }
                self.state.x = 0;
                self.state.y += 1;
            }
            let n = ((width - self.state.x) as usize).min(bytes.len());
            let s = self.current_sock()?;
            s.out.extend_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            self.state.x += n as u64;
        }
        self.send_if_peer_closed()
    }

    /// OPEN (or a further OPEN of the same device): LISTEN, CONNECT, options.
    pub fn open(&mut self, params: &[Param], timeout: Option<Duration>) -> MResult<bool> {
        let get = |k: Kw| params.iter().find(|p| p.keyword == k);
        let listen = get(Kw::Listen);
        let connect = get(Kw::Connect);
        if listen.is_some() && connect.is_some() {
            return Err(MError::with_args(
                kind::ABNCOMPTINC,
                &["CONNECT", "ZLISTEN", "OPEN"],
            ));
        }
        let mut opts = Options::default();
        apply_options(&mut opts, params, &mut self.exception)?;
        let handle = get(Kw::Attach)
            .and_then(|p| p.value.as_ref())
            .map(Value::to_text);
        let deadline = timeout.map(|t| Instant::now() + t);
        let sock = match (listen, connect) {
            (Some(p), _) => listen_on(&spec_of(p)?, opts, handle, deadline)?,
            (_, Some(p)) => connect_to(&spec_of(p)?, opts, handle, deadline)?,
            _ => return Ok(true),
        };
        let Some(sock) = sock else {
            return Ok(false);
        };
        sock.apply_zibfsize();
        self.state.key = match &sock.role {
            Role::Listener { port_or_path, .. } => {
                format!("LISTENING|{}|{}", sock.handle, port_or_path).into_bytes()
            }
            Role::Stream => format!("ESTABLISHED|{}|{}", sock.handle, sock.peer).into_bytes(),
        };
        if !sock.is_listener() {
            self.state.device = b"0".to_vec();
        }
        self.add(sock)?;
        Ok(true)
    }

    fn read_line(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
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
    fn read_one(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome> {
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
    fn after_read(&mut self, i: Option<usize>) {
        if let Some(s) = i.and_then(|i| self.sockets.get_mut(i)) {
            s.after_read();
        }
    }

    /// Takes `n` bytes (and a `dlen`-byte delimiter) from socket `i` as the READ's value.
    fn finish_read(
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
    fn mark_eof(&mut self, i: usize) -> u32 {
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
    fn eof_read(&mut self, i: usize) -> MResult<ReadOutcome> {
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

    fn use_socket(&mut self, handle: &str) -> MResult<()> {
        let Some(i) = self.sockets.iter().position(|s| s.handle == handle) else {
            return Err(MError::with_args(kind::SOCKNOTFND, &[handle]));
        };
        self.current = Some(i);
        if self.sockets[i].is_listener() {
            // GT.M: choosing a listener accepts a connection waiting on it (CONNECT in $KEY,
            // the new socket current, the listener gone from $ZKEY); with none, $KEY is "".
            self.sockets[i].zpending = false;
            match self.accept(i)? {
                Some(new) => {
                    let event = format!("CONNECT|{}|{}", new.handle, new.peer);
                    self.add(new)?;
                    self.state.key = event.into_bytes();
                }
                None => self.state.key.clear(),
            }
        }
        Ok(())
    }

    fn detach(&mut self, handle: &str) -> MResult<()> {
        let i = self
            .sockets
            .iter()
            .position(|s| s.handle == handle)
            .ok_or_else(|| MError::with_args(kind::SOCKNOTFND, &[handle]))?;
        let sock = self.sockets.remove(i);
        if let Some(r) = &mut self.ready {
            r.deregister(sock.socket.as_raw_fd());
        }
        pool_put(sock);
        self.current = if self.sockets.is_empty() {
            None
        } else {
            Some(0)
        };
        Ok(())
    }

    fn attach(&mut self, handle: &str) -> MResult<()> {
        let sock =
            pool_take(handle).ok_or_else(|| MError::with_args(kind::SOCKNOTFND, &[handle]))?;
        self.add(sock)
    }

    fn close_socket(&mut self, i: usize) {
        let mut s = self.sockets.remove(i);
        if let Some(r) = &mut self.ready {
            r.deregister(s.socket.as_raw_fd());
        }
        let _ = s.send_all();
        if let Role::Listener {
            local_path: Some(path),
            ..
        } = &s.role
        {
            let _ = std::fs::remove_file(path);
        }
        self.current = match self.current {
            _ if self.sockets.is_empty() => None,
            Some(c) if c > i => Some(c - 1),
            Some(c) if c == i => Some(self.sockets.len() - 1),
            other => other,
        };
    }
}

impl Device for SocketDevice {
    fn state(&self) -> &DevState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut DevState {
        &mut self.state
    }

    fn write(&mut self, bytes: &[u8]) -> MResult<()> {
        self.put(bytes)
    }

    fn newline(&mut self) -> MResult<()> {
        let s = self.current_sock()?;
        if let Some(d) = s.opts.delimiters.first().cloned() {
            s.out.extend_from_slice(&d);
        }
        self.state.x = 0;
        self.state.y += 1;
        self.send_if_peer_closed()
    }

    fn form_feed(&mut self) -> MResult<()> {
        let s = self.current_sock()?;
        let zff = s.opts.zff.clone();
        s.out.extend_from_slice(&zff);
        self.state.x = 0;
        self.state.y = 0;
        self.send_if_peer_closed()
    }

    fn write_code(&mut self, code: i64) -> MResult<()> {
        let s = self.current_sock()?;
        if (0..=255).contains(&code) {
            s.out.push(code as u8);
        }
        self.state.x += 1;
        self.send_if_peer_closed()
    }

    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome> {
        let i = self.current;
        let got = self.read_line(spec);
        self.after_read(i);
        got
    }

    fn read_char(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome> {
        let i = self.current;
        let got = self.read_one(timeout);
        self.after_read(i);
        got
    }

    fn control(&mut self, name: &str, args: &[Value]) -> MResult<Option<bool>> {
        match name {
            "WAIT" => {
                let timeout = args.first().map(seconds);
                self.wait(timeout).map(Some)
            }
            "PASS" => self.pass(args),
            "LISTEN" => {
                let backlog = args.first().map_or(5, |v| v.int().clamp(1, 1 << 16)) as i32;
                let s = self.current_sock()?;
                if s.is_listener() {
                    let _ = s.socket.listen(backlog);
                }
                Ok(None)
            }
            other => Err(MError::new(kind::INVCMD).detail(format!(
                "WRITE /{other} is not a SOCKET control mnemonic minim knows"
            ))),
        }
    }

    fn accept_sockets(&mut self, args: &[Value]) -> MResult<Option<Vec<u8>>> {
        self.accept_passed(args)
    }

    fn use_params(&mut self, params: &[Param]) -> MResult<()> {
        if let Some(p) = params.iter().find(|p| p.keyword == Kw::Attach) {
            if params.len() > 1 {
                return Err(MError::with_args(kind::ANCOMPTINC, &["ATTACH", "USE"]));
            }
            let h = p.value.as_ref().map(Value::to_text).unwrap_or_default();
            return self.attach(&h);
        }
        // GT.M: in USE, SOCKET= rejects IOERROR and NODELIMITER (ACOMPTBINC); the EXCEPTION
        // given with them is still taken first, so it handles this very error.
        let selects = params.iter().any(|p| p.keyword == Kw::Socket);
        if selects
            && params.iter().any(|p| {
                matches!(
                    p.keyword,
                    Kw::IoError | Kw::NoDelimiter | Kw::Connect | Kw::Listen | Kw::Detach
                )
            })
        {
            if let Some(e) = params.iter().find(|p| p.keyword == Kw::Exception) {
                self.exception = e.value.clone();
            }
            return Err(MError::with_args(
                kind::ACOMPTBINC,
                &["SOCKET", "DELIMITER", "USE"],
            ));
        }
        for p in params {
            let text = || p.value.as_ref().map(Value::to_text).unwrap_or_default();
            match p.keyword {
                Kw::Socket => self.use_socket(&text())?,
                Kw::Detach => self.detach(&text())?,
                Kw::Exception => self.exception = p.value.clone(),
                _ => {}
            }
        }
        let others: Vec<Param> = params
            .iter()
            .filter(|p| !matches!(p.keyword, Kw::Socket | Kw::Detach | Kw::Exception))
            .cloned()
            .collect();
        if others.is_empty() {
            return Ok(());
        }
        let mut exception = self.exception.clone();
        let s = self.current_sock()?;
        apply_options(&mut s.opts, &others, &mut exception)?;
        if s.opts.nodelay && !s.is_listener() {
            let _ = s.socket.set_tcp_nodelay(true);
        }
        if others.iter().any(|p| p.keyword == Kw::ZIbfSize) {
            s.apply_zibfsize();
        }
        Ok(())
    }

    fn close(&mut self, params: &[Param]) -> MResult<bool> {
        if let Some(p) = params.iter().find(|p| p.keyword == Kw::Socket) {
            let h = p.value.as_ref().map(Value::to_text).unwrap_or_default();
            let i = self
                .sockets
                .iter()
                .position(|s| s.handle == h)
                .ok_or_else(|| MError::with_args(kind::SOCKNOTFND, &[&h]))?;
            self.close_socket(i);
            return Ok(false);
        }
        while !self.sockets.is_empty() {
            self.close_socket(0);
        }
        self.destroyed = params.iter().any(|p| p.keyword == Kw::Destroy);
        Ok(true)
    }

    fn listed_when_closed(&self) -> bool {
        !self.destroyed
    }

    fn flush(&mut self) {
        let _ = self.send();
    }

    fn end_of_write(&mut self) -> MResult<()> {
        self.send()
    }

    fn exception(&self) -> Option<&Value> {
        self.exception.as_ref().filter(|e| !e.is_empty())
    }

    fn zshow_lines(&self) -> Option<Vec<Vec<u8>>> {
        Some(self.shown_lines())
    }

    fn open(&mut self, params: &[Param], timeout: Option<Duration>) -> MResult<bool> {
        SocketDevice::open(self, params, timeout)
    }

    fn zsocket(&self, query: &super::ZsocketQuery) -> Option<MResult<Value>> {
        Some(self.zsocket_answer(query))
    }

    fn zkey(&mut self) -> Option<Vec<u8>> {
        Some(self.zkey_value())
    }
}

/// Seconds as a duration (M timeouts may be fractional; negative means 0).
/// Puts a socket in the pool (making the pool if need be), after the ones already there.
fn pool_put(sock: Sock) {
    POOL.with(|p| p.borrow_mut().get_or_insert_with(Vec::new).push(sock));
}

/// Takes the socket `handle` out of the pool.
fn pool_take(handle: &str) -> Option<Sock> {
    POOL.with(|p| {
        let mut pool = p.borrow_mut();
        let sockets = pool.as_mut()?;
        let i = sockets.iter().position(|s| s.handle == handle)?;
        Some(sockets.remove(i))
    })
}

fn seconds(v: &Value) -> Duration {
    let ms = v
        .num()
        .mul(crate::number::Number::from_i64(1000))
        .map(|n| n.to_i64())
        .unwrap_or(i64::MAX);
    Duration::from_millis(ms.max(0) as u64)
}

/// GT.M's generated socket handles: `h` and 13 digits, from the clock in
/// milliseconds-like steps. Each handle is greater than the one before, so they never
/// repeat, however many sockets a second brings.
fn new_handle() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let n = HANDLE_SEQ.with(|s| {
        let mut last = s.borrow_mut();
        *last = ((secs % 10_000_000_000) * 1000).max(*last + 1);
        *last
    });
    format!("h{:013}", n % 10_000_000_000_000)
}

/// The system's text for an errno value, as GT.M shows it in `$DEVICE` ("Broken pipe").
use crate::error::os_text;

/// CTRLC when Ctrl-C was pressed in direct mode (the SIGINT handler only sets a flag and
/// cuts the current system call short with EINTR).
fn check_interrupt() -> MResult<()> {
    // `$ZINTERRUPT` due: a resumable error, the command runs it and waits again.
    crate::interrupt::check()
}

/// Applies per-socket deviceparameters (OPEN or USE).
fn apply_options(
    opts: &mut Options,
    params: &[Param],
    exception: &mut Option<Value>,
) -> MResult<()> {
    for p in params {
        let v = p.value.as_ref();
        match p.keyword {
            Kw::Delimiter => {
                let text = v.map(|v| v.bytes().to_vec()).unwrap_or_default();
                opts.delimiters = text
                    .split(|&c| c == b':')
                    .filter(|d| !d.is_empty())
                    .map(<[u8]>::to_vec)
                    .collect();
            }
            Kw::NoDelimiter => opts.delimiters.clear(),
            Kw::IoError => {
                opts.ioerror_trap =
                    v.is_some_and(|v| matches!(v.bytes().first(), Some(b'T' | b't')));
            }
            Kw::ZNoDelay => opts.nodelay = true,
            Kw::ZDelay => opts.nodelay = false,
            Kw::Wrap => opts.wrap = true,
            Kw::NoWrap => opts.wrap = false,
            Kw::Width => {
                let w = v.map_or(0, Value::int).max(0) as u64;
                opts.width = w;
                opts.wrap = w > 0;
            }
            Kw::ZFf => opts.zff = v.map(|v| v.bytes().to_vec()).unwrap_or_default(),
            Kw::ZIbfSize | Kw::ZBfSize => {
                let n = v.map_or(0, Value::int);
                if n <= 0 {
                    return Err(MError::with_args(
                        kind::ILLESOCKBFSIZE,
                        &[&format!("0x{:08X}", n.max(0))],
                    ));
                }
                if p.keyword == Kw::ZIbfSize {
                    opts.zibfsize = n as usize;
                    opts.zibfsize_given = true;
                } else {
                    opts.zbfsize = n;
                }
            }
            Kw::Exception => *exception = v.cloned(),
            Kw::MoreReadTime => opts.morereadtime = Some(v.map_or(0, Value::int)),
            _ => {}
        }
    }
    Ok(())
}

/// A parsed `host:port:TCP` or `path:LOCAL` address.
enum Spec {
    Tcp { host: String, port: u16 },
    Local(String),
}

fn spec_of(p: &Param) -> MResult<Spec> {
    let text = p.value.as_ref().map(Value::to_text).unwrap_or_default();
    let (rest, proto) = text.rsplit_once(':').unwrap_or(("", text.as_str()));
    match proto.to_ascii_uppercase().as_str() {
        "TCP" => {}
        "LOCAL" => return Ok(Spec::Local(rest.to_string())),
        _ => return Err(MError::with_args(kind::PROTNOTSUP, &[proto])),
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, p),
        None => ("", rest),
    };
    let port: u16 = port.parse().map_err(|_| MError::new(kind::INVADDRSPEC))?;
    Ok(Spec::Tcp {
        host: host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
    })
}

fn listen_on(
    spec: &Spec,
    opts: Options,
    handle: Option<String>,
    deadline: Option<Instant>,
) -> MResult<Option<Sock>> {
    let (socket, shown, local_path) = loop {
        match bind_listener(spec) {
            Ok(done) => break done,
            // GT.M: a busy port is retried for the whole timeout (forever without one).
            Err(e) if e.kind() == IoKind::AddrInUse => {
                if deadline.is_some_and(|d| Instant::now() + RETRY > d) {
                    pause_until(deadline)?;
                    return Ok(None);
                }
                pause_until(Some(Instant::now() + RETRY))?;
            }
            Err(e) => return Err(MError::new(kind::TEXT).detail(e.to_string())),
        }
    };
    let role = Role::Listener {
        port_or_path: shown,
        local_path,
    };
    Ok(Some(Sock::new(
        handle.unwrap_or_else(new_handle),
        socket,
        role,
        String::new(),
        opts,
    )))
}

/// Binds and listens: TCP on all addresses, dual-stack, or a Unix-domain path.
fn bind_listener(spec: &Spec) -> std::io::Result<(Socket, String, Option<String>)> {
    match spec {
        Spec::Tcp { port, .. } => {
            let socket = Socket::new(Domain::IPV6, Type::STREAM, Some(Protocol::TCP))?;
            socket.set_only_v6(false)?;
            socket.set_reuse_address(true)?;
            let addr: SocketAddr = (std::net::Ipv6Addr::UNSPECIFIED, *port).into();
            socket.bind(&addr.into())?;
            socket.listen(128)?;
            // /WAIT accepts only after a readiness report; a connection that went away in
            // between must not block the accept.
            socket.set_nonblocking(true)?;
            let bound = socket.local_addr()?.as_socket().map_or(*port, |a| a.port());
            Ok((socket, bound.to_string(), None))
        }
        Spec::Local(path) => {
            let socket = Socket::new(Domain::UNIX, Type::STREAM, None)?;
            socket.bind(&SockAddr::unix(path)?)?;
            socket.listen(128)?;
            socket.set_nonblocking(true)?;
            Ok((socket, path.clone(), Some(path.clone())))
        }
    }
}

fn connect_to(
    spec: &Spec,
    opts: Options,
    handle: Option<String>,
    deadline: Option<Instant>,
) -> MResult<Option<Sock>> {
    let (targets, shown_path) = match spec {
        Spec::Tcp { host, port } => {
            let addrs: Vec<SocketAddr> = (host.as_str(), *port)
                .to_socket_addrs()
                .map_err(|_| MError::new(kind::GETADDRINFO).detail("Name or service not known"))?
                .collect();
            (
                addrs.into_iter().map(SockAddr::from).collect::<Vec<_>>(),
                None,
            )
        }
        Spec::Local(path) => (
            vec![SockAddr::unix(path).map_err(|e| MError::new(kind::TEXT).detail(e.to_string()))?],
            Some(path.clone()),
        ),
    };
    loop {
        for addr in &targets {
            let domain = addr.domain();
            let proto = if domain == Domain::UNIX {
                None
            } else {
                Some(Protocol::TCP)
            };
            let Ok(socket) = Socket::new(domain, Type::STREAM, proto) else {
                continue;
            };
            let attempt = match deadline {
                Some(d) => {
                    let left = d
                        .saturating_duration_since(Instant::now())
                        .max(Duration::from_millis(1));
                    socket.connect_timeout(addr, left)
                }
                None => socket.connect(addr),
            };
            // The peer may accept and reset the connection before the wait for the connect
            // ends (socket2 then reports the reset as the connect's error). The connection
            // was made: as in GT.M, OPEN succeeds and the first READ meets the end of file.
            let reset = matches!(
                &attempt,
                Err(e) if matches!(e.raw_os_error(), Some(libc::ECONNRESET | libc::EPIPE))
            );
            if attempt.is_ok() || reset {
                if opts.nodelay && domain != Domain::UNIX {
                    let _ = socket.set_tcp_nodelay(true);
                }
                let peer = match (&shown_path, addr.as_socket()) {
                    (Some(p), _) => p.clone(),
                    (None, Some(a)) => a.ip().to_string(),
                    (None, None) => String::new(),
                };
                let handle = handle.unwrap_or_else(new_handle);
                let mut sock = Sock::new(handle, socket, Role::Stream, peer, opts);
                sock.eof = reset;
                return Ok(Some(sock));
            }
        }
        // GT.M: a refused connection is retried for the whole timeout, then $TEST=0.
        match deadline {
            Some(d) if Instant::now() + RETRY > d => {
                pause_until(Some(d))?;
                return Ok(None);
            }
            _ => pause_until(Some(Instant::now() + RETRY))?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::new_handle;

    #[test]
    fn generated_handles_never_repeat() {
        let handles: Vec<String> = (0..5000).map(|_| new_handle()).collect();
        let distinct: std::collections::HashSet<&String> = handles.iter().collect();
        assert_eq!(distinct.len(), handles.len());
        assert!(handles.iter().all(|h| h.len() == 14
            && h.starts_with('h')
            && h[1..].bytes().all(|b| b.is_ascii_digit())));
    }
}
