//! `WRITE /WAIT` and `$ZKEY`: which socket of a device is ready, in GT.M 7.0's order.
//!
//! GT.M (probed with `$ZKEY` after each step of two clients writing to one server): each
//! `/WAIT` is a new cycle. A socket becomes *pending* in the cycle it is first found ready
//! (a connection waiting, data or the end of file, in the kernel or already read into its
//! buffer) and keeps that cycle while it stays pending. `/WAIT` takes a pending listener
//! first, else a pending connected socket, the one pending longest and, among equals, the
//! lowest index. The socket taken is no longer pending, unless it had been waiting since an
//! earlier `/WAIT`: that one stays listed in `$ZKEY` (a connected one until a READ). A READ ends a socket's
//! pending state, but data it leaves in the buffer makes the socket pending again.
//! `$ZKEY` lists the pending sockets, in index order.
//!
//! The kernel is asked through a [`Waiter`] with every socket of the device watched
//! (edge-triggered), so a wait costs the kernel work of the ready sockets only. A socket taken
//! is re-armed: the next wait reports it again if it is still ready, as GT.M's poll would.

use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use super::{Origin, Role, Sock, SocketDevice, check_interrupt, new_handle, os_text};
use crate::device::Device;
use crate::device::wait::{Waited, Waiter, Want};
use crate::error::{MError, MResult, kind};

/// What `/WAIT` waits with: the waiter, and where each descriptor's socket is.
pub(super) struct Ready {
    waiter: Waiter,
    /// File descriptor -> index in `sockets` + 1 (0: none); rebuilt when `stale`.
    index: Vec<u32>,
    stale: bool,
}

/// How many ready sockets one wait takes in (the others come with the next).
const READY_BATCH: usize = 256;

impl Ready {
    fn new(sockets: &[Sock]) -> MResult<Ready> {
        let waiter = Waiter::new(READY_BATCH)
            .map_err(|e| MError::new(kind::TEXT).detail(os_text(e.raw_os_error().unwrap_or(0))))?;
        let mut ready = Ready {
            waiter,
            index: Vec::new(),
            stale: true,
        };
        for s in sockets {
            ready.register(s.socket.as_raw_fd());
        }
        Ok(ready)
    }

    pub(super) fn register(&mut self, fd: i32) {
        // A failure (a socket that is already gone) leaves the set as it should be then.
        let _ = self.waiter.watch(fd, Want::READABLE);
        self.stale = true;
    }

    pub(super) fn deregister(&mut self, fd: i32) {
        self.waiter.unwatch(fd);
        self.stale = true;
    }

    /// The index in `sockets` of the socket with descriptor `fd`.
    fn lookup(&mut self, fd: i32, sockets: &[Sock]) -> Option<usize> {
        if self.stale {
            self.index.clear();
            for (i, s) in sockets.iter().enumerate() {
                let f = s.socket.as_raw_fd() as usize;
                if self.index.len() <= f {
                    self.index.resize(f + 1, 0);
                }
                self.index[f] = i as u32 + 1;
            }
            self.stale = false;
        }
        let i = (*self.index.get(usize::try_from(fd).ok()?)? as usize).checked_sub(1)?;
        (i < sockets.len() && sockets[i].socket.as_raw_fd() == fd).then_some(i)
    }
}

impl Sock {
    /// Found ready in `cycle`: pending from then on, unless it is already.
    fn mark_pending(&mut self, cycle: u64) {
        if !self.zpending {
            self.zpending = true;
            self.ready_cycle = cycle;
        }
    }

    /// A connected socket with something for a READ already in its buffer.
    fn has_input(&self) -> bool {
        !self.is_listener() && (!self.pending().is_empty() || self.eof)
    }

    /// A READ on this socket: no longer pending; what it left in the buffer shows in `$ZKEY`.
    pub(super) fn after_read(&mut self) {
        self.zpending = false;
        self.read_left = !self.pending().is_empty();
    }
}

impl SocketDevice {
    /// `WRITE /WAIT(t)`: the next CONNECT or READ event, or `$TEST=0` after t seconds.
    pub(super) fn wait(&mut self, timeout: Option<Duration>) -> MResult<bool> {
        if self.sockets.is_empty() {
            return Err(MError::new(kind::NOSOCKETINDEV));
        }
        self.flush();
        let deadline = timeout.map(|t| Instant::now() + t);
        self.wait_cycle += 1;
        loop {
            let Some(i) = self.next_ready(deadline)? else {
                self.state.key.clear();
                return Ok(false);
            };
            if self.sockets[i].is_listener() {
                if let Some(new) = self.accept(i)? {
                    let event = format!("CONNECT|{}|{}", new.handle, new.peer);
                    self.add(new)?;
                    self.state.key = event.into_bytes();
                    return Ok(true);
                }
                // No connection after all (gone, or taken before): no longer pending. GT.M
                // keeps such a listener pending and tries it again for ever (a /WAIT with a
                // timeout never returns, probed).
                self.sockets[i].zpending = false;
                continue;
            }
            self.current = Some(i);
            let s = &self.sockets[i];
            self.state.key = format!("READ|{}|{}", s.handle, s.peer).into_bytes();
            return Ok(true);
        }
    }

    /// The socket `/WAIT` takes: marks what is ready now as pending (asking the kernel
    /// without waiting when something is ready already), then takes one. None after the
    /// deadline.
    fn next_ready(&mut self, deadline: Option<Instant>) -> MResult<Option<usize>> {
        if self.ready.is_none() {
            self.ready = Some(Ready::new(&self.sockets)?);
        }
        let cycle = self.wait_cycle;
        loop {
            let mut any = false;
            for s in &mut self.sockets {
                if s.has_input() {
                    s.mark_pending(cycle);
                }
                any |= s.zpending;
            }
            check_interrupt()?;
            let waited = self.ask_kernel(if any { Some(Instant::now()) } else { deadline });
            if let Some(i) = self.take_pending() {
                return Ok(Some(i));
            }
            let past = deadline.is_some_and(|d| Instant::now() >= d);
            if waited == Waited::Timeout && past {
                return Ok(None);
            }
        }
    }

    /// One wait on the kernel until `until`; the sockets it finds ready become pending.
    /// A connected socket counts only if data or the end of file is there (taken in now).
    fn ask_kernel(&mut self, until: Option<Instant>) -> Waited {
        let cycle = self.wait_cycle;
        let Some(ready) = self.ready.as_mut() else {
            return Waited::Timeout;
        };
        let waited = ready.waiter.wait(until);
        let fds: Vec<i32> = ready.waiter.ready().collect();
        for fd in fds {
            let Some(i) = ready.lookup(fd, &self.sockets) else {
                continue; // closed or detached since
            };
            let s = &mut self.sockets[i];
            if !s.is_listener() && s.pending().is_empty() {
                s.fill_now();
            }
            if s.is_listener() || s.has_input() {
                s.mark_pending(cycle);
            }
        }
        waited
    }

    /// Takes the pending socket GT.M takes: listeners first, then the one pending longest,
    /// then the lowest index. It is re-armed, so a next wait sees it again if still ready.
    fn take_pending(&mut self) -> Option<usize> {
        let (i, s) = self
            .sockets
            .iter_mut()
            .enumerate()
            .filter(|(_, s)| s.zpending)
            .min_by_key(|(i, s)| (!s.is_listener(), s.ready_cycle, *i))?;
        // One pending since an earlier /WAIT stays in $ZKEY (until a READ), a listener too.
        s.zpending = s.ready_cycle < self.wait_cycle;
        let fd = s.socket.as_raw_fd();
        if let Some(r) = &self.ready
            && !s.eof
        {
            let _ = r.waiter.arm(fd, Want::READABLE);
        }
        Some(i)
    }

    pub(super) fn accept(&mut self, i: usize) -> MResult<Option<Sock>> {
        let listener = &self.sockets[i];
        let (socket, addr) = match listener.socket.accept() {
            Ok(pair) => pair,
            Err(_) => return Ok(None),
        };
        let opts = listener.opts.clone();
        let peer = match addr.as_socket() {
            Some(a) => a.ip().to_string(),
            None => match &listener.role {
                Role::Listener { port_or_path, .. } => port_or_path.clone(),
                Role::Stream => String::new(),
            },
        };
        if opts.nodelay && addr.as_socket().is_some() {
            let _ = socket.set_tcp_nodelay(true);
        }
        let mut sock = Sock::new(new_handle(), socket, Role::Stream, peer, opts);
        sock.origin = Origin::Accepted;
        sock.parent = Some(listener.handle.clone());
        Ok(Some(sock))
    }

    /// `$ZKEY`: `READ|handle|peer` for each pending connected socket and
    /// `LISTENING|handle|port` for each pending listener, in index order, `;` between.
    /// Data a READ left in a buffer makes its socket pending (as GT.M's `$ZKEY` does).
    pub(super) fn zkey_value(&mut self) -> Vec<u8> {
        let cycle = self.wait_cycle;
        let mut out = Vec::new();
        for s in &mut self.sockets {
            if s.read_left && !s.pending().is_empty() {
                s.mark_pending(cycle);
            }
            if !s.zpending {
                continue;
            }
            if !out.is_empty() {
                out.push(b';');
            }
            let entry = match &s.role {
                Role::Listener { port_or_path, .. } => {
                    format!("LISTENING|{}|{}", s.handle, port_or_path)
                }
                Role::Stream => format!("READ|{}|{}", s.handle, s.peer),
            };
            out.extend_from_slice(entry.as_bytes());
        }
        out
    }
}
