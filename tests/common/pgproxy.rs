#![allow(dead_code)] // not every test file that shares `common` uses a proxy
//! A TCP forwarder between minim and a PostgreSQL server, on a loopback port of its own. It
//! counts the round trips the clients ask for (the protocol's Sync and simple Query
//! messages: each one is answered by a ReadyForQuery the client waits for) and can cut every
//! connection at once, as a server that goes away looks to its clients, while accepting new
//! connections afterwards (the server is back).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The startup packet's protocol number (3.0); other untyped first packets (SSL or GSS
/// encryption requests) come before it.
const PROTOCOL_3: u32 = 196_608;

#[derive(Default)]
struct Shared {
    round_trips: AtomicUsize,
    stopped: AtomicBool,
    /// Every socket of every forwarded connection, so that `cut` can close them.
    open: Mutex<Vec<TcpStream>>,
}

pub struct PgProxy {
    pub port: u16,
    shared: Arc<Shared>,
}

impl PgProxy {
    /// Forwards 127.0.0.1:(a free port) to the server on `server_port`.
    pub fn start(server_port: u16) -> PgProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a proxy port");
        let port = listener.local_addr().expect("its address").port();
        let shared = Arc::new(Shared::default());
        let accepting = shared.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if accepting.stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", server_port)) else {
                    continue;
                };
                forward(client, server, &accepting);
            }
        });
        PgProxy { port, shared }
    }

    /// `url` (a URL of the server's) with the proxy's port instead of the server's.
    pub fn url(&self, url: &str, server_port: u16) -> String {
        url.replace(&format!(":{server_port}/"), &format!(":{}/", self.port))
    }

    /// The round trips the clients have asked for so far.
    pub fn round_trips(&self) -> usize {
        self.shared.round_trips.load(Ordering::SeqCst)
    }

    /// Closes every connection open now; later ones are forwarded as before.
    pub fn cut(&self) {
        let open = std::mem::take(&mut *self.shared.open.lock().expect("the connections"));
        for s in open {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
}

impl Drop for PgProxy {
    fn drop(&mut self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then ends.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        self.cut();
    }
}

fn forward(client: TcpStream, server: TcpStream, shared: &Arc<Shared>) {
    let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    {
        let mut open = shared.open.lock().expect("the connections");
        for s in [&client, &server] {
            if let Ok(s) = s.try_clone() {
                open.push(s);
            }
        }
    }
    let counting = shared.clone();
    std::thread::spawn(move || pump(client, server, Some(&counting)));
    std::thread::spawn(move || pump(s2, c2, None));
}

/// Copies `from` to `to` until either ends; with `count`, reads the client's messages.
fn pump(mut from: TcpStream, mut to: TcpStream, count: Option<&Shared>) {
    let mut reader = Messages::default();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(shared) = count {
            let trips = reader.feed(&buf[..n]);
            shared.round_trips.fetch_add(trips, Ordering::SeqCst);
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}

/// Splits the client's byte stream into protocol messages.
#[derive(Default)]
struct Messages {
    pending: Vec<u8>,
    started: bool,
}

impl Messages {
    /// Takes more bytes; gives how many Sync ('S') and Query ('Q') messages they completed.
    fn feed(&mut self, bytes: &[u8]) -> usize {
        self.pending.extend_from_slice(bytes);
        let mut trips = 0;
        loop {
            // Untyped packets (startup, encryption requests): a length, then a code.
            let head = if self.started { 1 } else { 0 };
            let Some(len) = self.pending.get(head..head + 4) else {
                break;
            };
            let len = u32::from_be_bytes(len.try_into().expect("4 bytes")) as usize;
            let total = head + len;
            if self.pending.len() < total || len < 4 {
                break;
            }
            if self.started {
                trips += usize::from(matches!(self.pending[0], b'S' | b'Q'));
            } else if let Some(code) = self.pending.get(4..8) {
                self.started = u32::from_be_bytes(code.try_into().expect("4 bytes")) == PROTOCOL_3;
            }
            self.pending.drain(..total);
        }
        trips
    }
}
