//! `$ZSOCKET(device,keyword[,index[,item]])`: what GT.M 7.0 tells of a SOCKET device and its
//! sockets (probed: listener, accepted and connecting TCP sockets, LOCAL sockets, the socket
//! pool).
//!
//! GT.M takes the keywords by their full names only, in any case (`"NUM"` is ZSOCKETATTR).
//! CURRENTINDEX and NUMBER are of the device; INDEX looks a handle up; every other keyword
//! is of one socket, chosen by the index: left out gives "", skipped (`$ZSOCKET(d,"STATE",)`)
//! the current socket, and an index that is not one of a socket gives "".
//!
//! The settings minim has are given back as they were set. The kernel's own values
//! (KEEPALIVE, KEEPCNT, KEEPIDLE, KEEPINTVL, SNDBUF, a ZIBFSIZE given) come from the socket
//! itself, as in GT.M. minim's sockets never use TLS, never have OPTIONS and always block on
//! WRITE: TLS and OPTIONS are "" and BLOCKING 1, GT.M's answers for such sockets.

use std::net::SocketAddr;
use std::os::fd::AsRawFd;

use super::{Origin, POOL, Role, Sock, SocketDevice};
use crate::device::{ZsocketIndex, ZsocketQuery};
use crate::error::{MError, MResult, kind};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keyword {
    Blocking,
    CurrentIndex,
    Delimiter,
    Descriptor,
    HowCreated,
    Index,
    IoError,
    KeepAlive,
    KeepCnt,
    KeepIdle,
    KeepIntvl,
    LocalAddress,
    LocalPort,
    MoreReadTime,
    Number,
    Options,
    Parent,
    Protocol,
    RemoteAddress,
    RemotePort,
    SndBuf,
    SocketHandle,
    State,
    Tls,
    ZBfSize,
    ZDelay,
    ZFf,
    ZIbfSize,
}

const KEYWORDS: &[(&str, Keyword)] = &[
    ("BLOCKING", Keyword::Blocking),
    ("CURRENTINDEX", Keyword::CurrentIndex),
    ("DELIMITER", Keyword::Delimiter),
    ("DESCRIPTOR", Keyword::Descriptor),
    ("HOWCREATED", Keyword::HowCreated),
    ("INDEX", Keyword::Index),
    ("IOERROR", Keyword::IoError),
    ("KEEPALIVE", Keyword::KeepAlive),
    ("KEEPCNT", Keyword::KeepCnt),
    ("KEEPIDLE", Keyword::KeepIdle),
    ("KEEPINTVL", Keyword::KeepIntvl),
    ("LOCALADDRESS", Keyword::LocalAddress),
    ("LOCALPORT", Keyword::LocalPort),
    ("MOREREADTIME", Keyword::MoreReadTime),
    ("NUMBER", Keyword::Number),
    ("OPTIONS", Keyword::Options),
    ("PARENT", Keyword::Parent),
    ("PROTOCOL", Keyword::Protocol),
    ("REMOTEADDRESS", Keyword::RemoteAddress),
    ("REMOTEPORT", Keyword::RemotePort),
    ("SNDBUF", Keyword::SndBuf),
    ("SOCKETHANDLE", Keyword::SocketHandle),
    ("STATE", Keyword::State),
    ("TLS", Keyword::Tls),
    ("ZBFSIZE", Keyword::ZBfSize),
    ("ZDELAY", Keyword::ZDelay),
    ("ZFF", Keyword::ZFf),
    ("ZIBFSIZE", Keyword::ZIbfSize),
];

/// The keyword named, or GT.M's ZSOCKETATTR naming it as given.
fn keyword(name: &[u8]) -> MResult<Keyword> {
    KEYWORDS
        .iter()
        .find(|(k, _)| k.as_bytes().eq_ignore_ascii_case(name))
        .map(|&(_, kw)| kw)
        .ok_or_else(|| MError::with_args(kind::ZSOCKETATTR, &[&String::from_utf8_lossy(name)]))
}

impl SocketDevice {
    /// `$ZSOCKET()` of this device.
    pub(super) fn zsocket_answer(&self, query: &ZsocketQuery) -> MResult<Value> {
        answer(&self.sockets, self.current, query)
    }
}

/// `$ZSOCKET(,keyword,...)`: the socket pool; "" before anything was ever put in it (GT.M
/// has no pool device until then, and looks no further, not even at the keyword).
pub fn pool_zsocket(query: &ZsocketQuery) -> MResult<Value> {
    POOL.with(|p| match p.borrow().as_deref() {
        // The pool's current socket is the last one put in.
        Some(sockets) => answer(sockets, sockets.len().checked_sub(1), query),
        None => Ok(Value::empty()),
    })
}

fn answer(sockets: &[Sock], current: Option<usize>, query: &ZsocketQuery) -> MResult<Value> {
    let kw = keyword(query.keyword)?;
    let current_index = || Value::from_i64(current.map_or(-1, |c| c as i64));
    match kw {
        Keyword::Number => return Ok(Value::from_i64(sockets.len() as i64)),
        Keyword::CurrentIndex => return Ok(current_index()),
        Keyword::Index => {
            return Ok(match query.index {
                ZsocketIndex::Skipped if current.is_some() => current_index(),
                ZsocketIndex::Given(h) if !h.is_empty() => sockets
                    .iter()
                    .position(|s| s.handle.as_bytes() == h.bytes())
                    .map_or_else(Value::empty, |i| Value::from_i64(i as i64)),
                _ => Value::empty(),
            });
        }
        _ => {}
    }
    let chosen = match query.index {
        ZsocketIndex::Absent => None,
        ZsocketIndex::Skipped => current,
        ZsocketIndex::Given(v) => usize::try_from(v.int()).ok(),
    };
    match chosen.and_then(|i| sockets.get(i)) {
        Some(s) => Ok(of_socket(s, kw, query.item)),
        None => Ok(Value::empty()),
    }
}

/// A per-socket keyword's value.
fn of_socket(s: &Sock, kw: Keyword, item: Option<&Value>) -> Value {
    let o = &s.opts;
    let flag = |b: bool| Value::from_i64(b as i64);
    let text = |t: &str| Value::from_bytes(t.as_bytes());
    let number = |n: i64| Value::from_i64(n);
    let listener = s.is_listener();
    let local = is_local(s);
    match kw {
        Keyword::Blocking => flag(true),
        Keyword::Delimiter => match item {
            None => number(o.delimiters.len() as i64),
            Some(k) => usize::try_from(k.int())
                .ok()
                .and_then(|k| o.delimiters.get(k))
                .map_or_else(Value::empty, Value::from_bytes),
        },
        Keyword::Descriptor => number(s.socket.as_raw_fd() as i64),
        Keyword::HowCreated => text(match s.origin {
            Origin::Listen => "LISTEN",
            Origin::Accepted => "ACCEPTED",
            Origin::Connect => "CONNECT",
            Origin::Principal => "PRINCIPAL",
            Origin::Passed => "PASSED",
        }),
        Keyword::IoError => flag(o.ioerror_trap),
        Keyword::KeepAlive => number(sockopt(s, libc::SOL_SOCKET, libc::SO_KEEPALIVE)),
        Keyword::KeepCnt => number(sockopt(s, libc::IPPROTO_TCP, libc::TCP_KEEPCNT)),
        Keyword::KeepIdle => number(sockopt(s, libc::IPPROTO_TCP, libc::TCP_KEEPIDLE)),
        Keyword::KeepIntvl => number(sockopt(s, libc::IPPROTO_TCP, libc::TCP_KEEPINTVL)),
        Keyword::SndBuf => number(sockopt(s, libc::SOL_SOCKET, libc::SO_SNDBUF)),
        // GT.M: a TCP listener has no local address of its own, a LOCAL socket its path.
        Keyword::LocalAddress if local => text(&local_path(s)),
        Keyword::LocalAddress if listener => Value::empty(),
        Keyword::LocalAddress => ip_of(s.socket.local_addr().ok().and_then(|a| a.as_socket())),
        Keyword::LocalPort if local => number(0),
        Keyword::LocalPort => s
            .socket
            .local_addr()
            .ok()
            .and_then(|a| a.as_socket())
            .map_or_else(Value::empty, |a| number(a.port() as i64)),
        Keyword::RemoteAddress if listener => Value::empty(),
        Keyword::RemoteAddress => text(&s.peer),
        Keyword::RemotePort if listener => Value::empty(),
        Keyword::RemotePort if local => number(0),
        Keyword::RemotePort => s
            .socket
            .peer_addr()
            .ok()
            .and_then(|a| a.as_socket())
            .map_or_else(Value::empty, |a| number(a.port() as i64)),
        Keyword::MoreReadTime => o.morereadtime.map_or_else(Value::empty, number),
        Keyword::Options | Keyword::Tls => Value::empty(),
        Keyword::Parent => s.parent.as_deref().map_or_else(Value::empty, text),
        Keyword::Protocol => text(protocol(s)),
        Keyword::SocketHandle => text(&s.handle),
        Keyword::State => text(if listener { "LISTENING" } else { "CONNECTED" }),
        Keyword::ZBfSize => number(o.zbfsize),
        Keyword::ZDelay => flag(!o.nodelay),
        Keyword::ZFf => Value::from_bytes(&o.zff),
        Keyword::ZIbfSize => zibfsize(s, local),
        Keyword::Number | Keyword::CurrentIndex | Keyword::Index => Value::empty(),
    }
}

/// ZIBFSIZE: as given, then the kernel's receive buffer (`2048;4096`: GT.M sets the
/// buffer and the kernel doubles it); else GT.M's default, which for a LOCAL socket is the
/// kernel's.
fn zibfsize(s: &Sock, local: bool) -> Value {
    let kernel = || sockopt(s, libc::SOL_SOCKET, libc::SO_RCVBUF);
    if s.opts.zibfsize_given {
        Value::from(format!("{};{}", s.opts.zibfsize, kernel()).into_bytes())
    } else if local {
        Value::from_i64(kernel())
    } else {
        Value::from_i64(s.opts.zibfsize as i64)
    }
}

/// TCP or TCP6 by the socket's address family (a listener is dual-stack IPv6), or LOCAL.
fn protocol(s: &Sock) -> &'static str {
    match s.socket.local_addr().ok().and_then(|a| a.as_socket()) {
        None => "LOCAL",
        Some(SocketAddr::V4(_)) => "TCP",
        Some(SocketAddr::V6(_)) => "TCP6",
    }
}

fn ip_of(addr: Option<SocketAddr>) -> Value {
    addr.map_or_else(Value::empty, |a| {
        Value::from(a.ip().to_string().into_bytes())
    })
}

fn is_local(s: &Sock) -> bool {
    s.socket.local_addr().is_ok_and(|a| a.as_socket().is_none())
}

/// A LOCAL socket's path: the listener's own, or the one it was reached by.
fn local_path(s: &Sock) -> String {
    match &s.role {
        Role::Listener { local_path, .. } => local_path.clone().unwrap_or_default(),
        Role::Stream => s.peer.clone(),
    }
}

/// An integer socket option; 0 when the socket has no such option (GT.M shows 0 for the
/// TCP keepalive settings of a LOCAL socket).
fn sockopt(s: &Sock, level: i32, name: i32) -> i64 {
    let mut value: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: value and len are valid for writing one c_int, as getsockopt is told.
    let rc = unsafe {
        libc::getsockopt(
            s.socket.as_raw_fd(),
            level,
            name,
            (&mut value as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if rc == 0 { value as i64 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::{Keyword, keyword};

    #[test]
    fn keywords_are_full_names_in_any_case() {
        assert_eq!(keyword(b"number").ok(), Some(Keyword::Number));
        assert_eq!(keyword(b"ZiBfSiZe").ok(), Some(Keyword::ZIbfSize));
        for bad in [&b"NUM"[..], b"CURR", b"", b"NUMBERS"] {
            let e = keyword(bad).expect_err("not a keyword");
            assert_eq!(e.kind.mnemonic, "ZSOCKETATTR");
        }
    }
}
