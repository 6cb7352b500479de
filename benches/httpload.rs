//! HTTP load generator for routines/httpd.m (benches/httpd.sh). Std only.
//!
//!   httpload keepalive PORT CLIENTS SECS PATH   CLIENTS connections, each sending GET PATH
//!                                               and waiting for the answer, for SECS
//!   httpload connect   PORT CLIENTS SECS PATH   the same, one new connection per request
//!                                               (Connection: close): a process per request
//!   httpload counter   PORT CLIENTS SECS        keep-alive POST /api/counter; at the end the
//!                                               counter must equal the answers counted
//!
//! Every answer must be a 200 whose body has the length of the first one (for counter: the
//! JSON holds a number); anything else, a timeout (10 s) or a closed connection is an error.
//! Output: one line, `requests=N rps=R p50=… p90=… p99=… max=… errors=E` (latencies in ms);
//! exit status 1 when there was any error.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

struct Conn(BufReader<TcpStream>);

impl Conn {
    fn open(port: u16) -> std::io::Result<Conn> {
        let s = TcpStream::connect(("127.0.0.1", port))?;
        s.set_read_timeout(Some(TIMEOUT))?;
        s.set_write_timeout(Some(TIMEOUT))?;
        s.set_nodelay(true)?;
        Ok(Conn(BufReader::new(s)))
    }

    /// Sends one request and reads its answer: (status, body).
    fn ask(&mut self, request: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
        self.0.get_mut().write_all(request)?;
        let mut status = 0;
        let mut length = 0;
        let mut line = String::new();
        loop {
            line.clear();
            if self.0.read_line(&mut line)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            if status == 0 {
                status = line.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(1);
            } else if line == "\r\n" {
                break;
            } else if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        self.0.read_exact(&mut body)?;
        Ok((status, body))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    KeepAlive,
    Connect,
    Counter,
}

/// One client's loop: latencies of the good answers (µs), and the number of errors.
fn client(port: u16, mode: Mode, path: &str, until: Instant) -> (Vec<u64>, u64) {
    let request = match mode {
        Mode::KeepAlive => format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n"),
        Mode::Connect => format!("GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"),
        Mode::Counter => {
            "POST /api/counter HTTP/1.1\r\nHost: bench\r\nContent-Length: 0\r\n\r\n".to_string()
        }
    };
    let mut lat = Vec::new();
    let mut errors = 0;
    let mut want_len = None;
    let mut conn: Option<Conn> = None;
    while Instant::now() < until {
        let start = Instant::now();
        if conn.is_none() {
            match Conn::open(port) {
                Ok(c) => conn = Some(c),
                Err(_) => {
                    errors += 1;
                    continue;
                }
            }
        }
        let answer = conn.as_mut().map(|c| c.ask(request.as_bytes()));
        let good = match answer {
            Some(Ok((200, body))) if mode == Mode::Counter => body.starts_with(b"{\"counter\":"),
            Some(Ok((200, body))) => *want_len.get_or_insert(body.len()) == body.len(),
            _ => false,
        };
        if good {
            lat.push(start.elapsed().as_micros() as u64);
        } else {
            errors += 1;
            conn = None;
        }
        if mode == Mode::Connect {
            conn = None;
        }
    }
    (lat, errors)
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i] as f64 / 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = || -> ! {
        eprintln!(
            "usage: httpload keepalive|connect PORT CLIENTS SECS PATH | counter PORT CLIENTS SECS"
        );
        std::process::exit(2)
    };
    let mode = match args.get(1).map(String::as_str) {
        Some("keepalive") => Mode::KeepAlive,
        Some("connect") => Mode::Connect,
        Some("counter") => Mode::Counter,
        _ => usage(),
    };
    let num = |i: usize| -> u64 {
        args.get(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| usage())
    };
    let port = num(2) as u16;
    let clients = num(3) as usize;
    let secs = num(4);
    let path = match mode {
        Mode::Counter => "/api/counter".to_string(),
        _ => args.get(5).cloned().unwrap_or_else(|| usage()),
    };
    let before = match mode {
        Mode::Counter => counter(port),
        _ => 0,
    };
    let ready = Arc::new(Barrier::new(clients + 1));
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let ready = Arc::clone(&ready);
            let path = path.clone();
            std::thread::spawn(move || {
                ready.wait();
                client(
                    port,
                    mode,
                    &path,
                    Instant::now() + Duration::from_secs(secs),
                )
            })
        })
        .collect();
    ready.wait();
    let start = Instant::now();
    let mut lat = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (l, e) = w.join().expect("a client thread");
        lat.extend(l);
        errors += e;
    }
    let elapsed = start.elapsed().as_secs_f64();
    if mode == Mode::Counter {
        // every increment answered must be in the counter, and no more
        let after = counter(port);
        if after - before != lat.len() as u64 {
            eprintln!(
                "counter moved by {} for {} answers",
                after - before,
                lat.len()
            );
            errors += 1;
        }
    }
    lat.sort_unstable();
    println!(
        "requests={} rps={:.0} p50={:.2} p90={:.2} p99={:.2} max={:.2} errors={}",
        lat.len(),
        lat.len() as f64 / elapsed,
        percentile(&lat, 0.50),
        percentile(&lat, 0.90),
        percentile(&lat, 0.99),
        percentile(&lat, 1.0),
        errors
    );
    if errors > 0 {
        std::process::exit(1);
    }
}

/// The value of /api/counter.
fn counter(port: u16) -> u64 {
    let mut c = Conn::open(port).expect("connect for /api/counter");
    let (status, body) = c
        .ask(b"GET /api/counter HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        .expect("GET /api/counter");
    let text = String::from_utf8_lossy(&body);
    let n = text
        .trim_start_matches("{\"counter\":")
        .trim_end_matches('}');
    match (status, n.parse()) {
        (200, Ok(n)) => n,
        _ => panic!("GET /api/counter: {status} {text}"),
    }
}
