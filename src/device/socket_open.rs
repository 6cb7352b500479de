//! The SOCKET device's OPEN: deviceparameters, listening and connecting (TCP and Unix
//! domain), with GT.M's retry within an OPEN timeout.

use super::*;

/// Applies per-socket deviceparameters (OPEN or USE).
pub(super) fn apply_options(
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
pub(super) enum Spec {
    Tcp { host: String, port: u16 },
    Local(String),
}

pub(super) fn spec_of(p: &Param) -> MResult<Spec> {
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

pub(super) fn listen_on(
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
pub(super) fn bind_listener(spec: &Spec) -> std::io::Result<(Socket, String, Option<String>)> {
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

pub(super) fn connect_to(
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
