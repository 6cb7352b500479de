//! Sockets that leave the process: to a JOBbed child as its principal device, or to
//! another process over a LOCAL connection (`WRITE /PASS` and `WRITE /ACCEPT`, SCM_RIGHTS).
//!
//! GT.M (V7.0, probed): a socket named by a JOB's `SOCKET:handle` must be in the socket pool
//! (DETACHed); after the JOB it is gone from the parent (a later ATTACH gives SOCKNOTFND).
//! In the child it is the only socket of the principal SOCKET device `0`, current, under
//! its handle, with `$KEY` `ESTABLISHED|handle|peer` and `$DEVICE` 0; its deviceparameters
//! are not carried over (no delimiters: ZSHOW "D" shows NODELIMITER, so `WRITE !` sends
//! nothing until the child sets DELIMITER).
//!
//! `/PASS(pid,timeout,handle...)` takes the sockets from the pool (SOCKNOTFND when one is
//! not there, even if it is in a device) and they are gone from the sender; `/ACCEPT`
//! puts them in the receiver's pool under their own handles, $TEST=1 and $KEY unchanged.
//! A pid that is not the peer's is PEERPIDMISMATCH, at once. minim's message is its own:
//! a minim passes to a minim.

use std::io::ErrorKind as IoKind;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::time::Instant;

use socket2::Socket;

use super::{
    Options, Origin, POOL, Role, Sock, SocketDevice, check_interrupt, pool_put, pool_take, seconds,
};
use crate::device::wait::{Waited, Want, wait_fd as wait_ready};
use crate::error::{MError, MResult, kind};
use crate::value::Value;

/// What the child needs to know of the socket it is given.
#[derive(Clone, Debug, Default)]
pub struct Handoff {
    pub handle: String,
    /// The peer as `$KEY` shows it.
    pub peer: String,
    /// A listening socket: the port (or path) shown in `$KEY`, and a LOCAL socket's path.
    pub listener: Option<(String, Option<String>)>,
}

/// A duplicate of the pooled socket `handle`'s descriptor (for a child), and what it is.
pub fn pooled_handoff(handle: &str) -> Option<(OwnedFd, Handoff)> {
    POOL.with(|p| {
        let pool = p.borrow();
        let s = pool.as_ref()?.iter().find(|s| s.handle == handle)?;
        let fd = s.socket.as_fd().try_clone_to_owned().ok()?;
        let listener = match &s.role {
            Role::Listener {
                port_or_path,
                local_path,
            } => Some((port_or_path.clone(), local_path.clone())),
            Role::Stream => None,
        };
        Some((
            fd,
            Handoff {
                handle: s.handle.clone(),
                peer: s.peer.clone(),
                listener,
            },
        ))
    })
}

/// Closes the parent's copy of a socket handed to a child: it leaves the pool. Output
/// still buffered is not sent (it was the child's to send). A LOCAL listener's file stays,
/// the child listens on it.
pub fn forget_pooled(handle: &str) {
    pool_take(handle);
}

impl SocketDevice {
    /// The principal device of a JOBbed process: the socket the parent passed.
    pub fn principal(fd: OwnedFd, info: Handoff) -> SocketDevice {
        let socket = Socket::from(fd);
        let (role, key) = match info.listener {
            Some((shown, local_path)) => {
                let key = format!("LISTENING|{}|{}", info.handle, shown);
                (
                    Role::Listener {
                        port_or_path: shown,
                        local_path,
                    },
                    key,
                )
            }
            None => (
                Role::Stream,
                format!("ESTABLISHED|{}|{}", info.handle, info.peer),
            ),
        };
        let mut dev = SocketDevice::new();
        dev.principal = true;
        dev.state.key = key.into_bytes();
        dev.state.device = b"0".to_vec();
        // GT.M shows the device NOWRAP.
        let opts = Options {
            wrap: false,
            ..Options::default()
        };
        let mut sock = Sock::new(info.handle, socket, role, info.peer, opts);
        sock.origin = Origin::Principal;
        dev.sockets.push(sock);
        dev.current = Some(0);
        dev
    }
}

/// Marks a message of passed sockets on a LOCAL connection.
const PASS_MAGIC: &[u8; 4] = b"MPAS";
/// The most sockets one `/PASS` hands over.
const MAX_PASS: usize = 64;

fn put(b: &mut Vec<u8>, s: &str) {
    b.extend_from_slice(&(s.len() as u32).to_le_bytes());
    b.extend_from_slice(s.as_bytes());
}

fn take(b: &mut &[u8]) -> Option<String> {
    let (len, rest) = b.split_first_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    if len > rest.len() {
        return None;
    }
    let (s, rest) = rest.split_at(len);
    *b = rest;
    String::from_utf8(s.to_vec()).ok()
}

fn encode(h: &Handoff, b: &mut Vec<u8>) {
    put(b, &h.handle);
    put(b, &h.peer);
    let (shown, path) = h.listener.clone().unwrap_or_default();
    put(b, if h.listener.is_some() { "L" } else { "S" });
    put(b, &shown);
    put(b, path.as_deref().unwrap_or(""));
}

fn decode(b: &mut &[u8]) -> Option<Handoff> {
    let handle = take(b)?;
    let peer = take(b)?;
    let listening = take(b)? == "L";
    let shown = take(b)?;
    let path = take(b)?;
    let listener = listening.then(|| (shown, (!path.is_empty()).then_some(path)));
    Some(Handoff {
        handle,
        peer,
        listener,
    })
}

fn io_error(e: std::io::Error) -> MError {
    MError::system(&e)
}

/// The process at the other end of a LOCAL connection.
fn peer_pid(fd: i32) -> Option<i32> {
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: getsockopt writes one ucred into the buffer we own.
    let r = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    (r == 0).then_some(cred.pid)
}

/// GT.M: a pid given to /PASS or /ACCEPT must be the peer's (PEERPIDMISMATCH).
fn check_peer(fd: i32, pid: Option<&Value>) -> MResult<()> {
    let Some(want) = pid.filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    let peer = peer_pid(fd).unwrap_or(0);
    if i64::from(peer) != want.int() {
        return Err(MError::with_args(
            kind::PEERPIDMISMATCH,
            &[&peer.to_string(), &want.int().to_string()],
        ));
    }
    Ok(())
}

/// Waits until `fd` is ready for `want`, until the deadline; false on timeout.
fn wait_fd(fd: i32, want: Want, deadline: Option<Instant>) -> MResult<bool> {
    loop {
        check_interrupt()?;
        match wait_ready(fd, want, deadline) {
            Waited::Ready => return Ok(true),
            Waited::Timeout => return Ok(false),
            Waited::Interrupted => {}
        }
    }
}

impl SocketDevice {
    /// The current socket, which must be a connected LOCAL one, and its descriptor.
    fn local_stream(&mut self) -> MResult<i32> {
        let s = self.current_sock()?;
        let local = s.socket.domain().is_ok_and(|d| d == socket2::Domain::UNIX);
        if s.is_listener() || !local {
            return Err(MError::new(kind::TEXT)
                .detail("WRITE /PASS and /ACCEPT need a connected LOCAL socket current"));
        }
        Ok(s.socket.as_raw_fd())
    }

    /// `WRITE /PASS(pid,timeout,handle...)`: hands the pooled sockets to the process at the
    /// other end of the current LOCAL socket; they leave this process. $TEST=0 when the
    /// timeout passes first (the sockets stay in the pool).
    pub(super) fn pass(&mut self, args: &[Value]) -> MResult<Option<bool>> {
        let fd = self.local_stream()?;
        check_peer(fd, args.first())?;
        let deadline = args
            .get(1)
            .filter(|v| !v.is_empty())
            .map(|t| Instant::now() + seconds(t));
        let handles: Vec<String> = args.iter().skip(2).map(Value::to_text).collect();
        if handles.len() > MAX_PASS {
            return Err(MError::new(kind::TEXT).detail("WRITE /PASS of more than 64 sockets"));
        }
        let mut fds = Vec::with_capacity(handles.len());
        let mut payload = Vec::new();
        for h in &handles {
            let (dup, info) =
                pooled_handoff(h).ok_or_else(|| MError::with_args(kind::SOCKNOTFND, &[h]))?;
            encode(&info, &mut payload);
            fds.push(dup);
        }
        if !wait_fd(fd, Want::WRITABLE, deadline)? {
            return Ok(Some(false));
        }
        let mut msg = Vec::with_capacity(12 + payload.len());
        msg.extend_from_slice(PASS_MAGIC);
        msg.extend_from_slice(&(handles.len() as u32).to_le_bytes());
        msg.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        msg.extend_from_slice(&payload);
        send_with_fds(fd, &msg, &fds).map_err(io_error)?;
        for h in &handles {
            forget_pooled(h);
        }
        self.good_io();
        Ok(Some(true))
    }

    /// `WRITE /ACCEPT(.var,pid,timeout,handle...)` (the arguments after `.var`): receives
    /// sockets from the other end of the current LOCAL socket into the socket pool, as GT.M
    /// does (ATTACH takes them from there), under the handles given or their own; returns
    /// their handles, separated by commas.
    pub(super) fn accept_passed(&mut self, args: &[Value]) -> MResult<Option<Vec<u8>>> {
        let fd = self.local_stream()?;
        check_peer(fd, args.first())?;
        let deadline = args
            .get(1)
            .filter(|v| !v.is_empty())
            .map(|t| Instant::now() + seconds(t));
        if !wait_fd(fd, Want::READABLE, deadline)? {
            return Ok(None);
        }
        let (head, fds) = recv_with_fds(fd, 12).map_err(io_error)?;
        let bad = || MError::new(kind::TEXT).detail("WRITE /ACCEPT: the peer did not /PASS");
        if head.len() < 12 || &head[..4] != PASS_MAGIC {
            return Err(bad());
        }
        let count = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
        let len = u32::from_le_bytes([head[8], head[9], head[10], head[11]]) as usize;
        let mut payload = vec![0u8; len];
        recv_exact(fd, &mut payload).map_err(io_error)?;
        if fds.len() != count {
            return Err(bad());
        }
        let mut rest = payload.as_slice();
        let mut names: Vec<String> = Vec::new();
        for (k, fd) in fds.into_iter().enumerate() {
            let mut info = decode(&mut rest).ok_or_else(bad)?;
            if let Some(h) = args.get(2 + k).filter(|v| !v.is_empty()) {
                info.handle = h.to_text();
            }
            let dev = SocketDevice::principal(fd, info);
            if let Some(mut sock) = dev.sockets.into_iter().next() {
                // Options as a fresh socket's (the principal device's NOWRAP aside).
                sock.opts = Options::default();
                sock.origin = Origin::Passed;
                names.push(sock.handle.clone());
                pool_put(sock);
            }
        }
        Ok(Some(names.join(",").into_bytes()))
    }
}

/// One sendmsg of `data` with `fds` attached (SCM_RIGHTS), then the rest of `data`.
fn send_with_fds(fd: i32, data: &[u8], fds: &[OwnedFd]) -> std::io::Result<()> {
    let raw: Vec<i32> = fds.iter().map(|f| f.as_raw_fd()).collect();
    let payload = std::mem::size_of_val(raw.as_slice()) as u32;
    // SAFETY: CMSG_SPACE only computes a size.
    let space = unsafe { libc::CMSG_SPACE(payload) } as usize;
    let mut control = vec![0u8; space.max(1)];
    let mut iov = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    // SAFETY: a zeroed msghdr filled with pointers to buffers that live through the call;
    // the control message is written inside `control`, which CMSG_SPACE sized.
    let sent = unsafe {
        let mut msg: libc::msghdr = std::mem::zeroed();
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        if !raw.is_empty() {
            msg.msg_control = control.as_mut_ptr().cast();
            msg.msg_controllen = space;
            let c = libc::CMSG_FIRSTHDR(&msg);
            (*c).cmsg_level = libc::SOL_SOCKET;
            (*c).cmsg_type = libc::SCM_RIGHTS;
            (*c).cmsg_len = libc::CMSG_LEN(payload) as usize;
            std::ptr::copy_nonoverlapping(raw.as_ptr(), libc::CMSG_DATA(c).cast(), raw.len());
        }
        syscall(|| libc::sendmsg(fd, &msg, libc::MSG_NOSIGNAL))?
    };
    let mut done = sent;
    while done < data.len() {
        // SAFETY: sending from a live slice.
        done += syscall(|| unsafe {
            libc::send(
                fd,
                data[done..].as_ptr().cast(),
                data.len() - done,
                libc::MSG_NOSIGNAL,
            )
        })?;
    }
    Ok(())
}

/// Receives exactly `n` bytes, and the descriptors that came with them.
fn recv_with_fds(fd: i32, n: usize) -> std::io::Result<(Vec<u8>, Vec<OwnedFd>)> {
    let mut data = vec![0u8; n];
    // SAFETY: CMSG_SPACE only computes a size.
    let space = unsafe { libc::CMSG_SPACE((MAX_PASS * std::mem::size_of::<i32>()) as u32) };
    let mut control = vec![0u8; space as usize];
    let mut iov = libc::iovec {
        iov_base: data.as_mut_ptr().cast(),
        iov_len: n,
    };
    let mut fds = Vec::new();
    // SAFETY: a zeroed msghdr pointing at buffers that live through the call; the control
    // messages are read within `control` as the kernel wrote them.
    let got = unsafe {
        let mut msg: libc::msghdr = std::mem::zeroed();
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = control.len();
        let r = syscall(|| libc::recvmsg(fd, &mut msg, libc::MSG_CMSG_CLOEXEC | libc::MSG_WAITALL));
        if r.is_ok() {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() {
                if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_RIGHTS {
                    let bytes = (*c).cmsg_len as usize - libc::CMSG_LEN(0) as usize;
                    let p = libc::CMSG_DATA(c) as *const i32;
                    for k in 0..bytes / std::mem::size_of::<i32>() {
                        let raw = std::ptr::read_unaligned(p.add(k));
                        fds.push(<OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(raw));
                    }
                }
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
        r
    };
    let have = got?;
    if have < n {
        recv_exact(fd, &mut data[have..])?;
    }
    Ok((data, fds))
}

fn recv_exact(fd: i32, buf: &mut [u8]) -> std::io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        // SAFETY: receiving into a live slice.
        let r = syscall(|| unsafe {
            libc::recv(
                fd,
                buf[done..].as_mut_ptr().cast(),
                buf.len() - done,
                libc::MSG_WAITALL,
            )
        })?;
        if r == 0 {
            return Err(std::io::Error::from(IoKind::UnexpectedEof));
        }
        done += r;
    }
    Ok(())
}

/// Runs a socket call that returns a byte count or -1 with errno, again while a signal
/// interrupts it (EINTR), and gives the count or the error.
fn syscall(mut call: impl FnMut() -> isize) -> std::io::Result<usize> {
    loop {
        let r = call();
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != IoKind::Interrupted {
            return Err(e);
        }
    }
}
