//! ZSHOW "D" of a SOCKET device, in GT.M's layout (V7.0, probed): a line for the device,
//! then for each socket a line of its state and addresses and a line of its settings, and a
//! line of its delimiters when it has any:
//!
//! ```text
//! dev OPEN SOCKET TOTAL=2 CURRENT=1
//!         SOCKET[0]=lis DESC=3 LISTENING PASSIVE  NOTRAP  PORT=40925
//!                 ZDELAY  ZBFSIZE=1024 ZIBFSIZE=131072 NODELIMITER
//!         SOCKET[1]=h1796131179000 DESC=5 CONNECTED ACTIVE  NOTRAP  REMOTE=::ffff:127.0.0.1@52008 LOCAL=::ffff:127.0.0.1@40925
//!                 ZNODELAY  ZBFSIZE=4096 ZIBFSIZE=2048
//!                 DELIMITER $C(13,10) $C(10) MOREREADTIME=50
//! ```
//!
//! (each line but a MOREREADTIME one ends in a space). A LOCAL socket shows `REMOTE=
//! LOCAL=path` and ZIBFSIZE 0 unless one was given; so does the socket a JOBbed process
//! was given as its principal device, whose device line adds NOWRAP. An empty device is
//! `TOTAL=0 CURRENT=-1`.

use std::os::fd::AsRawFd;

use super::{Role, Sock, SocketDevice};

const SOCKET_INDENT: &[u8] = b"        ";
const SETTINGS_INDENT: &[u8] = b"                ";

impl SocketDevice {
    /// The ZSHOW "D" lines after the device's name.
    pub(super) fn shown_lines(&self) -> Vec<Vec<u8>> {
        let current = self.current.map_or(-1, |c| c as i64);
        let wrap = if self.principal { "NOWRAP " } else { "" };
        let mut lines = vec![
            format!(
                "OPEN SOCKET {wrap}TOTAL={} CURRENT={current} ",
                self.sockets.len()
            )
            .into_bytes(),
        ];
        for (i, s) in self.sockets.iter().enumerate() {
            lines.push(state_line(i, s));
            lines.extend(settings_lines(s, self.principal));
        }
        lines
    }
}

/// `SOCKET[i]=handle DESC=fd LISTENING PASSIVE  NOTRAP  PORT=p `.
fn state_line(i: usize, s: &Sock) -> Vec<u8> {
    let (state, mode) = match s.role {
        Role::Listener { .. } => ("LISTENING", "PASSIVE"),
        Role::Stream => ("CONNECTED", "ACTIVE"),
    };
    let trap = if s.opts.ioerror_trap {
        "TRAP"
    } else {
        "NOTRAP"
    };
    let mut l = SOCKET_INDENT.to_vec();
    l.extend_from_slice(
        format!(
            "SOCKET[{i}]={} DESC={} {state} {mode}  {trap}  {}",
            s.handle,
            s.socket.as_raw_fd(),
            addresses(s)
        )
        .as_bytes(),
    );
    l
}

/// `PORT=p ` for a TCP listener, `REMOTE=a@p LOCAL=a@p ` for a TCP connection, and
/// `REMOTE= LOCAL=path ` for any LOCAL socket.
fn addresses(s: &Sock) -> String {
    if is_local(s) {
        let path = match &s.role {
            Role::Listener { local_path, .. } => local_path.clone().unwrap_or_default(),
            Role::Stream => s.peer.clone(),
        };
        return format!("REMOTE= LOCAL={path} ");
    }
    match &s.role {
        Role::Listener { port_or_path, .. } => format!("PORT={port_or_path} "),
        Role::Stream => {
            let show = |a: Option<std::net::SocketAddr>| {
                a.map(|a| format!("{}@{}", a.ip(), a.port()))
                    .unwrap_or_default()
            };
            let remote = show(s.socket.peer_addr().ok().and_then(|a| a.as_socket()));
            let local = show(s.socket.local_addr().ok().and_then(|a| a.as_socket()));
            format!("REMOTE={remote} LOCAL={local} ")
        }
    }
}

fn is_local(s: &Sock) -> bool {
    s.socket.local_addr().is_ok_and(|a| a.as_socket().is_none())
}

/// `ZDELAY  ZBFSIZE=1024 ZIBFSIZE=131072 ` then `NODELIMITER ` on the same line, or a
/// line `DELIMITER d1 d2 ` (each as `$ZWRITE` shows it); MOREREADTIME ends the last line.
fn settings_lines(s: &Sock, principal: bool) -> Vec<Vec<u8>> {
    let o = &s.opts;
    let delay = if o.nodelay { "ZNODELAY" } else { "ZDELAY" };
    // GT.M shows the default input buffer size of TCP sockets only.
    let zibfsize = if o.zibfsize_given || !(principal || is_local(s)) {
        o.zibfsize
    } else {
        0
    };
    let mut first = SETTINGS_INDENT.to_vec();
    first.extend_from_slice(
        format!("{delay}  ZBFSIZE={} ZIBFSIZE={zibfsize} ", o.zbfsize).as_bytes(),
    );
    let mut lines = vec![first];
    if o.delimiters.is_empty() {
        lines[0].extend_from_slice(b"NODELIMITER ");
    } else {
        let mut l = SETTINGS_INDENT.to_vec();
        l.extend_from_slice(b"DELIMITER ");
        for d in &o.delimiters {
            l.extend_from_slice(&crate::eval::zwrite_string(d));
            l.push(b' ');
        }
        lines.push(l);
    }
    if let Some(t) = o.morereadtime {
        let last = lines.last_mut().expect("a settings line");
        last.extend_from_slice(format!("MOREREADTIME={t}").as_bytes());
    }
    lines
}
