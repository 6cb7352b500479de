//! Sockets that leave the process: to a JOBbed child as its principal device.
//!
//! GT.M (V7.0, probed): a socket named by a JOB's `SOCKET:handle` must be in the socket pool
//! (DETACHed); after the JOB it is gone from the parent (a later ATTACH gives SOCKNOTFND).
//! In the child it is the only socket of the principal SOCKET device `0`, current, under
//! its handle, with `$KEY` `ESTABLISHED|handle|peer` and `$DEVICE` 0; its deviceparameters
//! are not carried over (no delimiters: ZSHOW "D" shows NODELIMITER, so `WRITE !` sends
//! nothing until the child sets DELIMITER).

use std::os::fd::{AsFd, OwnedFd};

use socket2::Socket;

use super::{Options, POOL, Role, Sock, SocketDevice};

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
        let s = pool.get(handle)?;
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
    POOL.with(|p| p.borrow_mut().remove(handle));
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
        let sock = Sock::new(info.handle, socket, role, info.peer, opts);
        dev.sockets.push(sock);
        dev.current = Some(0);
        dev
    }
}
