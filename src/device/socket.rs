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

#[path = "socket_conn.rs"]
mod conn;
#[path = "socket_info.rs"]
mod info;
#[path = "socket_open.rs"]
mod opening;
use conn::{Options, Origin, Role, Sock};
#[path = "socket_pass.rs"]
mod pass;
#[path = "socket_read.rs"]
mod read;
#[path = "socket_show.rs"]
mod show;
#[path = "socket_wait.rs"]
mod waiting;
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword as Kw;
use crate::value::Value;
use opening::{apply_options, connect_to, listen_on, spec_of};
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
                self.state.line_feed();
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
        self.state.line_feed();
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
