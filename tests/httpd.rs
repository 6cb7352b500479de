//! The web server written in M, `routines/httpd.m`, run by minim and by GT.M: a plain HTTP/1.1
//! client (raw TCP on 127.0.0.1) sends the same requests to both, and the status lines, headers
//! (less Date) and bodies must be the same; every answer is also checked against what it must
//! be, so minim is tested where GT.M is missing. Each server has a fresh folder (its files and
//! its database), listens on a port the system picks (read from its first output line) and is
//! stopped by its PID when the test ends. Waits are bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Barrier, MutexGuard};
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod common;
use common::proc::{port_line, stdout_lines, wait_exit};
use common::{Imp, gtm_available, gtm_lock, gtm_run, root};

const WAIT: Duration = Duration::from_secs(20);

/// A fresh folder per server: `www/` (the files served), `secret.txt` beside it (which must
/// never be served) and `db/` (the database).
struct Site(PathBuf);

const INDEX: &[u8] = b"<!doctype html>\n<title>test</title>\n<p>hello from M</p>\n";

/// 768,000 bytes holding every byte value: more than one 32,768-byte record of the READ loop.
fn binary() -> Vec<u8> {
    (0..768_000u32).map(|i| (i * 7 % 256) as u8).collect()
}

impl Site {
    fn new(name: &str, imp: Imp) -> Site {
        let dir =
            std::env::temp_dir().join(format!("minim-httpd-{}-{name}-{imp:?}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let www = dir.join("www");
        std::fs::create_dir_all(www.join("sub")).expect("make the site's folders");
        std::fs::write(www.join("index.html"), INDEX).expect("write index.html");
        std::fs::write(www.join("bin.dat"), binary()).expect("write bin.dat");
        std::fs::write(www.join("sub/index.html"), b"sub\n").expect("write sub/index.html");
        std::fs::write(www.join("odd name.txt"), b"odd\r\nname\n").expect("write odd name");
        std::fs::write(dir.join("secret.txt"), b"secret\n").expect("write secret.txt");
        Site(dir)
    }

    fn www(&self) -> String {
        self.0.join("www").to_string_lossy().into_owned()
    }

    fn db(&self) -> String {
        self.0.join("db").to_string_lossy().into_owned()
    }

    /// `httpd.m ARGS` under `imp`, on this site's database.
    fn command(&self, imp: Imp, args: &[&str]) -> Command {
        let routine = root().join("routines/httpd.m");
        let mut c = match imp {
            Imp::Minim => {
                let mut c = Command::new(env!("CARGO_BIN_EXE_minim"));
                c.env("MINIM_DB", self.db()).arg(routine);
                c
            }
            Imp::Gtm => {
                let mut c = Command::new(gtm_run());
                c.arg("--db-dir").arg(self.db()).arg(routine);
                c
            }
        };
        c.args(args).stdin(Stdio::null()).stdout(Stdio::piped());
        c
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running listener, killed by its PID when dropped (GT.M's runs one at a time: they share
/// a compile cache).
struct Server {
    child: Child,
    lines: Receiver<String>,
    port: u16,
    imp: Imp,
    site: Site,
    _gtm: Option<MutexGuard<'static, ()>>,
}

impl Server {
    fn start(imp: Imp, name: &str) -> Server {
        let gtm = (imp == Imp::Gtm).then(gtm_lock);
        let site = Site::new(name, imp);
        let mut child = site
            .command(imp, &["0", &site.www()])
            .spawn()
            .expect("start the listener");
        let lines = stdout_lines(&mut child);
        let port = port_line(&lines, "listening on ", WAIT);
        // one request first, so a server that cannot answer fails here, once, and clearly
        let server = Server {
            child,
            lines,
            port,
            imp,
            site,
            _gtm: gtm,
        };
        let mut c = server.connect();
        c.send(b"GET /sub/ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        let mut answer = Vec::new();
        let _ = c.0.read_to_end(&mut answer);
        assert!(
            answer.starts_with(b"HTTP/1.1 200 OK\r\n"),
            "{imp:?}: httpd.m does not answer a first GET: {:?}",
            String::from_utf8_lossy(&answer)
        );
        server
    }

    fn connect(&self) -> Client {
        Client::new(self.port)
    }

    /// `httpd.m stop` on the same database: it says "stopped", and so does the listener as
    /// it ends (status 0).
    fn stop(mut self) {
        let out = self
            .site
            .command(self.imp, &["stop"])
            .output()
            .expect("run stop");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "stopped\n");
        assert_eq!(self.lines.recv_timeout(WAIT).as_deref(), Ok("stopped"));
        let status = wait_exit(&mut self.child, WAIT).expect("the listener ends after stop");
        assert!(status.success(), "{status:?}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One answer: the status code, the status line and headers without Date (one string, as
/// sent), and the body.
#[derive(Debug, PartialEq)]
struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(": ")?;
            n.eq_ignore_ascii_case(name).then_some(v)
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A keep-alive connection.
struct Client(BufReader<TcpStream>);

impl Client {
    fn new(port: u16) -> Client {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connect to the server");
        s.set_read_timeout(Some(WAIT)).expect("read timeout");
        s.set_write_timeout(Some(WAIT)).expect("write timeout");
        Client(BufReader::new(s))
    }

    fn send(&mut self, bytes: &[u8]) {
        self.0.get_mut().write_all(bytes).expect("send a request");
    }

    /// Sends `METHOD PATH HTTP/1.1` with a Host header, `extra` headers and a body (with its
    /// Content-Length when there is one), and reads the answer.
    fn ask(&mut self, method: &str, path: &str, extra: &str, body: &[u8]) -> Response {
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: test\r\n{extra}");
        if !body.is_empty() || method == "POST" || method == "PUT" {
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        self.send(&bytes);
        self.response(method == "HEAD")
    }

    fn get(&mut self, path: &str) -> Response {
        self.ask("GET", path, "", b"")
    }

    /// Reads one answer (a HEAD's has no body), checking its Date header.
    fn response(&mut self, head_only: bool) -> Response {
        let mut head = String::new();
        let mut date = None;
        loop {
            let mut line = String::new();
            self.0.read_line(&mut line).expect("a response line");
            assert!(line.ends_with("\r\n"), "a line ends in CR LF: {line:?}");
            if line == "\r\n" {
                break;
            }
            match line.strip_prefix("Date: ") {
                Some(d) => date = Some(d.to_string()),
                None => head.push_str(&line),
            }
        }
        let status: u16 = head
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .expect("status");
        assert!(head.starts_with("HTTP/1.1 "), "{head}");
        if status != 100 {
            let date = date.expect("a Date header");
            assert!(date.len() == 31 && date.ends_with(" GMT\r\n"), "{date:?}");
        }
        let mut r = Response {
            status,
            head,
            body: Vec::new(),
        };
        if !head_only && status != 100 && status != 204 {
            let n: usize = r
                .header("Content-Length")
                .and_then(|v| v.trim().parse().ok())
                .expect("Content-Length");
            r.body = vec![0; n];
            self.0.read_exact(&mut r.body).expect("the body");
        }
        r
    }

    /// Whether the server closed the connection (end of input within the wait).
    fn closed(&mut self) -> bool {
        let mut b = [0u8; 1];
        matches!(self.0.read(&mut b), Ok(0))
    }
}

/// Runs `f` against the server under minim, and under GT.M when it is installed; the
/// responses must be the same.
fn both(name: &str, f: fn(&Server) -> Vec<Response>) {
    let theirs = if gtm_available() {
        let gtm = Server::start(Imp::Gtm, name);
        let theirs = f(&gtm);
        gtm.stop();
        Some(theirs)
    } else {
        eprintln!("GT.M is not installed: {name} runs under minim only");
        None
    };
    let minim = Server::start(Imp::Minim, name);
    let mine = f(&minim);
    minim.stop();
    let Some(theirs) = theirs else { return };
    assert_eq!(mine.len(), theirs.len());
    for (m, g) in mine.iter().zip(&theirs) {
        assert_eq!(m, g, "minim and GT.M answer differently");
    }
}

fn expect(r: &Response, status: u16, body: &[u8]) {
    assert_eq!(r.status, status, "{}{}", r.head, r.text());
    assert_eq!(r.body, body, "{}", r.head);
}

fn files(s: &Server) -> Vec<Response> {
    let mut c = s.connect();
    let mut out = Vec::new();
    let mut check = |r: Response, status: u16, body: &[u8]| {
        expect(&r, status, body);
        out.push(r);
    };
    let r = c.get("/");
    assert_eq!(r.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.header("Connection"), Some("keep-alive"));
    check(r, 200, INDEX);
    check(c.get("/index.html"), 200, INDEX);
    check(c.get("/bin.dat"), 200, &binary());
    check(c.get("/sub/"), 200, b"sub\n");
    check(c.get("/odd%20name.txt?x=1"), 200, b"odd\r\nname\n");
    let r = c.ask("HEAD", "/bin.dat", "", b"");
    assert_eq!(r.header("Content-Length"), Some("768000"));
    check(r, 200, b"");
    check(c.get("/nope.html"), 404, b"404 Not Found\n");
    check(c.get("/sub"), 404, b"404 Not Found\n");
    check(c.get("/../secret.txt"), 403, b"403 Forbidden\n");
    check(c.get("/sub/%2e%2E/../secret.txt"), 403, b"403 Forbidden\n");
    check(c.get("/bad%zzescape"), 400, b"400 Bad Request\n");
    let r = c.ask("DELETE", "/index.html", "", b"");
    assert_eq!(r.header("Allow"), Some("GET, HEAD"));
    check(r, 405, b"405 Method Not Allowed\n");
    // a GET with a body: the body is read and dropped, the connection goes on
    check(c.ask("GET", "/sub/", "", b"ignored"), 200, b"sub\n");
    // two requests in one packet, then one that ends the connection
    c.send(b"GET /sub/ HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\n\r\n");
    check(c.response(false), 200, b"sub\n");
    check(c.response(false), 404, b"404 Not Found\n");
    let r = c.ask("GET", "/sub/", "Connection: close\r\n", b"");
    assert_eq!(r.header("Connection"), Some("close"));
    check(r, 200, b"sub\n");
    assert!(c.closed());
    // HTTP/1.0 closes unless asked to keep the connection
    let mut c = s.connect();
    c.send(b"GET /sub/ HTTP/1.0\r\n\r\n");
    check(c.response(false), 200, b"sub\n");
    assert!(c.closed());
    out
}

#[test]
fn files_are_served_as_they_are_and_nothing_outside_the_folder() {
    both("files", files);
}

fn api(s: &Server) -> Vec<Response> {
    let mut c = s.connect();
    let mut out = Vec::new();
    let mut check = |r: Response, status: u16, body: &str| {
        expect(&r, status, body.as_bytes());
        out.push(r);
    };
    check(c.get("/api/counter"), 200, r#"{"counter":0}"#);
    for n in 1..=3 {
        check(
            c.ask("POST", "/api/counter", "", b""),
            200,
            &format!(r#"{{"counter":{n}}}"#),
        );
    }
    let r = c.get("/api/counter");
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    check(r, 200, r#"{"counter":3}"#);
    let r = c.ask("PATCH", "/api/counter", "", b"");
    assert_eq!(r.header("Allow"), Some("GET, HEAD, POST"));
    check(r, 405, "405 Method Not Allowed\n");
    let value = b"he said \"hi\"\n\tand \\ left\x01";
    check(
        c.ask("PUT", "/api/kv/greeting", "", value),
        201,
        r#"{"key":"greeting"}"#,
    );
    check(
        c.ask("PUT", "/api/kv/greeting", "", value),
        200,
        r#"{"key":"greeting"}"#,
    );
    check(
        c.get("/api/kv/greeting"),
        200,
        r#"{"key":"greeting","value":"he said \"hi\"\n\tand \\ left\u0001"}"#,
    );
    let long: String = (0..1000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    check(
        c.ask("PUT", "/api/kv/a.long-one_2", "", long.as_bytes()),
        201,
        r#"{"key":"a.long-one_2"}"#,
    );
    check(
        c.get("/api/kv/a.long-one_2"),
        200,
        &format!(r#"{{"key":"a.long-one_2","value":"{long}"}}"#),
    );
    check(
        c.get("/api/kv"),
        200,
        r#"{"keys":["a.long-one_2","greeting"]}"#,
    );
    check(c.ask("DELETE", "/api/kv/greeting", "", b""), 204, "");
    check(
        c.ask("DELETE", "/api/kv/greeting", "", b""),
        404,
        "404 Not Found\n",
    );
    check(c.get("/api/kv/greeting"), 404, "404 Not Found\n");
    check(c.get("/api/kv"), 200, r#"{"keys":["a.long-one_2"]}"#);
    check(
        c.ask("PUT", "/api/kv/bad%20key", "", b"x"),
        400,
        "400 Bad Request\n",
    );
    check(c.get("/api/nothing"), 404, "404 Not Found\n");
    // an upload of any size, read in pieces; once with Expect: 100-continue
    let body: Vec<u8> = (0..3_000_000u32)
        .map(|i| {
            if i % 1000 == 999 {
                b'\n'
            } else {
                (i % 251) as u8
            }
        })
        .collect();
    let lines = body.iter().filter(|&&b| b == b'\n').count();
    let want = format!(r#"{{"bytes":3000000,"lines":{lines}}}"#);
    check(c.ask("POST", "/api/upload", "", &body), 200, &want);
    c.send(b"POST /api/upload HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3000000\r\n\r\n");
    let cont = c.response(false);
    assert_eq!(cont.head, "HTTP/1.1 100 Continue\r\n");
    check(cont, 100, "");
    c.send(&body);
    check(c.response(false), 200, &want);
    check(c.get("/api/counter"), 200, r#"{"counter":3}"#);
    out
}

#[test]
fn the_json_endpoints_keep_a_counter_and_a_store_in_globals() {
    both("api", api);
}

/// Requests the server refuses: the answer, then the connection closes.
fn refused(s: &Server) -> Vec<Response> {
    let cases: &[(&[u8], u16)] = &[
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),
        (b"GET /  HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        (b"get / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        (b"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        (b"GET / HTTP/1.1\r\nHost: a\r\nno colon here\r\n\r\n", 400),
        (
            b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
            400,
        ),
        (b"POST /api/counter HTTP/1.1\r\nHost: a\r\n\r\n", 411),
        (
            b"POST /api/upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n",
            501,
        ),
        (
            b"PUT /api/kv/big HTTP/1.1\r\nHost: a\r\nContent-Length: 70000\r\n\r\n",
            413,
        ),
    ];
    let mut out = Vec::new();
    for (req, status) in cases {
        let mut c = s.connect();
        c.send(req);
        let r = c.response(false);
        assert_eq!(r.status, *status, "{}", String::from_utf8_lossy(req));
        assert_eq!(r.header("Connection"), Some("close"));
        assert!(c.closed(), "closed after {}", String::from_utf8_lossy(req));
        out.push(r);
    }
    // a client that connects and leaves at once costs nothing
    drop(s.connect());
    let mut c = s.connect();
    out.push(c.get("/sub/"));
    expect(&out[out.len() - 1], 200, b"sub\n");
    out
}

#[test]
fn malformed_requests_get_400_and_a_closed_connection() {
    both("refused", refused);
}

/// 50 clients at once, each on its own connection: 5 increments, a file, a key of its own.
fn fifty(s: &Server) -> Vec<Response> {
    let start = Arc::new(Barrier::new(50));
    let port = s.port;
    let workers: Vec<_> = (0..50)
        .map(|i| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait(); // first, so a failing client cannot leave the others waiting
                let mut c = Client::new(port);
                for _ in 0..5 {
                    assert_eq!(c.ask("POST", "/api/counter", "", b"").status, 200);
                }
                expect(&c.get("/"), 200, INDEX);
                let key = format!("client{i:02}");
                assert_eq!(
                    c.ask("PUT", &format!("/api/kv/{key}"), "", key.as_bytes())
                        .status,
                    201
                );
                let r = c.get(&format!("/api/kv/{key}"));
                expect(
                    &r,
                    200,
                    format!(r#"{{"key":"{key}","value":"{key}"}}"#).as_bytes(),
                );
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a client thread");
    }
    let mut c = s.connect();
    let counter = c.get("/api/counter");
    expect(&counter, 200, br#"{"counter":250}"#);
    let keys = c.get("/api/kv");
    let want: Vec<String> = (0..50).map(|i| format!(r#""client{i:02}""#)).collect();
    expect(
        &keys,
        200,
        format!(r#"{{"keys":[{}]}}"#, want.join(",")).as_bytes(),
    );
    vec![counter, keys]
}

#[test]
fn fifty_concurrent_clients_are_all_served() {
    both("fifty", fifty);
}

/// A client that stops after its headers (and one in the middle of them) holds only its own
/// process: twenty other clients are served meanwhile, and the stalled one is answered when
/// its body comes.
fn stalled(s: &Server) -> Vec<Response> {
    let mut body_late = s.connect();
    body_late.send(b"POST /api/upload HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n0123456789");
    let mut headers_late = s.connect();
    headers_late.send(b"GET /sub/ HTTP/1.1\r\nHost: a\r\n");
    let start = Instant::now();
    let mut out = Vec::new();
    for _ in 0..20 {
        let r = s.connect().get("/");
        expect(&r, 200, INDEX);
        out.push(r);
    }
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "{:?}",
        start.elapsed()
    );
    body_late.send(b"abcdefghi\n");
    let r = body_late.response(false);
    expect(&r, 200, br#"{"bytes":20,"lines":1}"#);
    out.push(r);
    headers_late.send(b"\r\n");
    let r = headers_late.response(false);
    expect(&r, 200, b"sub\n");
    out.push(r);
    out
}

#[test]
fn a_stalled_client_does_not_block_the_others() {
    both("stalled", stalled);
}
