//! The bytes on the wire: each test is a raw TCP peer (plain `std::net` on 127.0.0.1, ports
//! chosen by the OS) talking to a minim process that runs a small routine from `tests/wire/`.
//! The test pins what minim sends and what its READs return, byte for byte. Where one routine
//! can show a fact, the same routine also runs under GT.M 7.0 with the same peer and both
//! runs must give identical bytes and identical standard output (the GT.M half is skipped,
//! with a note, when GT.M is not installed).
//!
//! Every wait is bounded: socket read timeouts, `recv_timeout` on the channel that carries
//! a routine's output lines, and a time limit on every process. Nothing sleeps to
//! synchronise: when the peer must stall, the routine reports first that it is ready.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

mod common;
use common::proc::{finish, stdout_lines};
use common::{Imp, gtm_available, gtm_lock, m_command, root};

/// The longest any single step may take before the test fails.
const WAIT: Duration = Duration::from_secs(30);

/// Runs `scenario` with minim and, when GT.M is installed, with GT.M too; the two results
/// must be equal. Returns minim's result for the test's own exact assertions.
fn on_both<T: PartialEq + std::fmt::Debug>(name: &str, scenario: impl Fn(Imp) -> T) -> T {
    let minim = scenario(Imp::Minim);
    if gtm_available() {
        let _guard = gtm_lock();
        let gtm = scenario(Imp::Gtm);
        assert_eq!(
            minim, gtm,
            "{name}: minim (left) differs from GT.M (right) with the same peer"
        );
    } else {
        eprintln!("GT.M is not installed: the GT.M half of {name} was skipped");
    }
    minim
}

/// A running M process: its output lines arrive on a channel.
struct M {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
}

fn start_with(imp: Imp, file: PathBuf, args: &[&str], prepare: impl FnOnce(&mut Command)) -> M {
    let mut cmd = m_command(imp);
    cmd.arg(file)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    prepare(&mut cmd);
    let mut child = cmd.spawn().expect("start the M process");
    M {
        stdin: child.stdin.take(),
        lines: stdout_lines(&mut child),
        child,
    }
}

/// Starts `tests/wire/ROUTINE.m` with the given arguments ($ZCMDLINE).
fn start(imp: Imp, routine: &str, args: &[&str]) -> M {
    let file = root().join("tests/wire").join(format!("{routine}.m"));
    start_with(imp, file, args, |_| {})
}

impl M {
    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn line(&self) -> String {
        match self.lines.recv_timeout(WAIT) {
            Ok(l) => l,
            Err(e) => panic!("no output line from the M process within {WAIT:?}: {e:?}"),
        }
    }

    /// Waits `d` and fails if the routine prints anything meanwhile.
    fn quiet_for(&self, d: Duration) {
        match self.lines.recv_timeout(d) {
            Err(RecvTimeoutError::Timeout) => {}
            other => panic!("the M process should be waiting silently, got {other:?}"),
        }
    }

    /// The remaining output lines and the exit status (the process is killed, by its own
    /// handle, if it does not end in time). Standard error, if any, is the last line.
    fn finish(mut self) -> (Vec<String>, i32) {
        drop(self.stdin.take());
        finish(&mut self.child, &self.lines, WAIT)
    }
}

impl Drop for M {
    fn drop(&mut self) {
        // A failing test must not leave its process behind.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The Rust end: listens on 127.0.0.1, port chosen by the OS.
struct Peer {
    listener: TcpListener,
}

impl Peer {
    fn new() -> Peer {
        Peer {
            listener: TcpListener::bind("127.0.0.1:0").expect("listen on 127.0.0.1"),
        }
    }

    fn port(&self) -> String {
        self.listener.local_addr().unwrap().port().to_string()
    }

    /// Accepts the M process's connection, waiting at most `WAIT`.
    fn accept(&self) -> TcpStream {
        assert!(
            readable(self.listener.as_raw_fd(), WAIT),
            "the M process did not connect within {WAIT:?}"
        );
        let (s, _) = self.listener.accept().expect("accept");
        s.set_read_timeout(Some(WAIT)).unwrap();
        s.set_write_timeout(Some(WAIT)).unwrap();
        s.set_nodelay(true).unwrap();
        s
    }
}

fn readable(fd: i32, timeout: Duration) -> bool {
    let mut pfd = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd that we own.
    unsafe { libc::poll(&mut pfd, 1, timeout.as_millis() as i32) > 0 }
}

/// Bytes from the wire. Printed with escapes, runs of one byte shortened (`{w*255}`) and
/// long values cut, so that a failing comparison stays readable.
#[derive(PartialEq)]
struct Bytes(Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = String::new();
        let mut i = 0;
        while i < self.0.len() && text.len() < 600 {
            let b = self.0[i];
            let run = self.0[i..].iter().take_while(|&&c| c == b).count();
            let shown = std::ascii::escape_default(b).to_string();
            if run > 4 {
                text += &format!("{{{shown}*{run}}}");
            } else {
                text += &shown.repeat(run);
            }
            i += run;
        }
        if i < self.0.len() {
            text += "...";
        }
        write!(f, "{} bytes \"{text}\"", self.0.len())
    }
}

/// Everything the stream delivers until the other side's end of file.
fn read_to_eof(s: &mut TcpStream) -> Bytes {
    let mut all = Vec::new();
    s.read_to_end(&mut all)
        .expect("the M side should finish its output within the time limit");
    Bytes(all)
}

/// Reads exactly `n` bytes.
fn read_n(s: &mut TcpStream, n: usize) -> Vec<u8> {
    let mut buf = vec![0; n];
    s.read_exact(&mut buf)
        .expect("bytes from the M side in time");
    buf
}

/// Closes with a reset instead of a FIN (SO_LINGER with a zero time).
fn reset(s: TcpStream) {
    socket2::SockRef::from(&s)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(s);
}

/// What a routine that only writes sends to the peer, and what it prints.
fn capture(imp: Imp, routine: &str) -> (Bytes, Vec<String>, i32) {
    let peer = Peer::new();
    let m = start(imp, routine, &[&peer.port()]);
    let mut s = peer.accept();
    let bytes = read_to_eof(&mut s);
    let (out, status) = m.finish();
    (bytes, out, status)
}

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------- 1. what WRITE sends

#[test]
fn write_newline_formfeed_star_and_tab_bytes() {
    let (bytes, out, status) = on_both("wwrite", |imp| capture(imp, "wwrite"));
    assert_eq!(
        String::from_utf8_lossy(&bytes.0),
        "x\r\n\
         xab\
         x\
         []\
         [\x0c]\
         AB\
         12        |"
    );
    assert_eq!(
        out,
        lines(&[
            "! with $C(13,10):$C(10): $X=0 $Y=1",
            "! with ab:cd: $X=0 $Y=2",
            "! with NODELIMITER: $X=0 $Y=3",
            "# without ZFF: $X=1 $Y=0",
            "# with ZFF=$C(12): $X=1 $Y=0",
            "*65,*66: $X=3 $Y=0",
            "?10 from $X=2: $X=11 $Y=1",
        ])
    );
    assert_eq!(status, 0);
}

#[test]
fn write_wraps_at_255_with_the_delimiter_and_nowrap_does_not() {
    let (bytes, out, status) = on_both("wwrap", |imp| capture(imp, "wwrap"));
    let w = "w".repeat(255) + "\n" + &"w".repeat(45) + "\n";
    // 255 characters fill the line without wrapping: `!` then ends it once.
    let e = "e".repeat(255) + "\n";
    let n = "n".repeat(300) + "\n";
    assert_eq!(String::from_utf8_lossy(&bytes.0), w + &e + &n);
    assert_eq!(
        out,
        lines(&[
            "300 characters, WRAP: $X=45 $Y=1",
            "then !: $X=0 $Y=2",
            "255 characters, WRAP: $X=255 $Y=2",
            "then !: $X=0 $Y=3",
            "300 characters, NOWRAP: $X=300 $Y=3",
            "then !: $X=0 $Y=4",
        ])
    );
    assert_eq!(status, 0);
}

// ---------------------------------------------------------------- 2. reads

/// Runs `wread.m CASE` with a peer conversation, returning the routine's output.
/// The lines the conversation consumed come first in the result.
fn read_case(
    imp: Imp,
    case: &str,
    talk: impl FnOnce(&mut TcpStream, &M) -> Vec<String>,
) -> (Vec<String>, i32) {
    let peer = Peer::new();
    let m = start(imp, "wread", &[&peer.port(), case]);
    let mut s = peer.accept();
    let mut seen = talk(&mut s, &m);
    let (rest, status) = m.finish();
    drop(s);
    seen.extend(rest);
    (seen, status)
}

const STATE_OK: &str = "$DEVICE=0 $ZA=0 $ZEOF=0";

#[test]
fn read_partial_line_times_out_then_completes() {
    let out = on_both("wread partial", |imp| {
        read_case(imp, "partial", |s, m| {
            // The READ reports its timeout before the rest of the line is sent.
            s.write_all(b"part").unwrap();
            let first = m.line();
            s.write_all(b"ial\r\n").unwrap();
            vec![first]
        })
    });
    assert_eq!(
        out,
        (
            lines(&[
                &format!("part, after 1 s: x=\"part\" $TEST=0 $KEY=\"\" $ZB=\"\" {STATE_OK}"),
                &format!("the rest: x=\"ial\" $TEST=1 $KEY=$C(13,10) $ZB=$C(13,10) {STATE_OK}"),
            ]),
            0
        )
    );
}

#[test]
fn read_line_split_over_many_tiny_packets() {
    let out = on_both("wread packets", |imp| {
        read_case(imp, "packets", |s, _| {
            for b in b"hello, world\r\n" {
                s.write_all(&[*b]).unwrap();
                s.flush().unwrap();
            }
            vec![]
        })
    });
    assert_eq!(
        out,
        (
            lines(&[&format!(
                "one byte per packet: x=\"hello, world\" $TEST=1 $KEY=$C(13,10) $ZB=$C(13,10) {STATE_OK}"
            )]),
            0
        )
    );
}

#[test]
fn read_several_lines_merged_in_one_packet() {
    let out = on_both("wread merged", |imp| {
        read_case(imp, "merged", |s, _| {
            s.write_all(b"one\r\ntwo\nthree\r\n").unwrap();
            vec![]
        })
    });
    assert_eq!(
        out,
        (
            lines(&[
                &format!("first: x=\"one\" $TEST=1 $KEY=$C(13,10) $ZB=$C(13,10) {STATE_OK}"),
                &format!("second: x=\"two\" $TEST=1 $KEY=$C(10) $ZB=$C(10) {STATE_OK}"),
                &format!("third: x=\"three\" $TEST=1 $KEY=$C(13,10) $ZB=$C(13,10) {STATE_OK}"),
            ]),
            0
        )
    );
}

#[test]
fn read_fixed_length_across_packets() {
    let out = on_both("wread readn", |imp| {
        read_case(imp, "readn", |s, _| {
            for part in [&b"ab"[..], b"cd", b"efg\n"] {
                s.write_all(part).unwrap();
                s.flush().unwrap();
            }
            vec![]
        })
    });
    assert_eq!(
        out,
        (
            lines(&[
                &format!("x#5: x=\"abcde\" $TEST=1 $KEY=\"\" $ZB=\"\" {STATE_OK}"),
                &format!("the rest: x=\"fg\" $TEST=1 $KEY=$C(10) $ZB=$C(10) {STATE_OK}"),
            ]),
            0
        )
    );
}

#[test]
fn read_star_gives_one_code() {
    let out = on_both("wread star", |imp| {
        read_case(imp, "star", |s, _| {
            s.write_all(b"Q\n").unwrap();
            vec![]
        })
    });
    assert_eq!(
        out,
        (
            lines(&[
                &format!("*x of Q: x=81 $TEST=1 $KEY=\"\" $ZB=\"\" {STATE_OK}"),
                &format!("*x of LF: x=0 $TEST=1 $KEY=$C(10) $ZB=$C(10) {STATE_OK}"),
            ]),
            0
        )
    );
}

#[test]
fn read_delimiter_order_decides_on_cr_lf() {
    let out = on_both("wread order", |imp| {
        read_case(imp, "order", |s, m| {
            // The second line goes out once the first READ has reported.
            s.write_all(b"abc\r\n").unwrap();
            let first = m.line();
            s.write_all(b"abc\r\n").unwrap();
            vec![first]
        })
    });
    assert_eq!(
        out,
        (
            lines(&[
                &format!(
                    "$C(13,10):$C(10): x=\"abc\" $TEST=1 $KEY=$C(13,10) $ZB=$C(13,10) {STATE_OK}"
                ),
                &format!(
                    "$C(10):$C(13,10): x=\"abc\"_$C(13) $TEST=1 $KEY=$C(10) $ZB=$C(10) {STATE_OK}"
                ),
            ]),
            0
        )
    );
}

#[test]
fn every_byte_value_round_trips_unchanged() {
    let mut data: Vec<u8> = (0..=255u8).collect();
    data.extend((0..=255u8).rev());
    for k in 0..64u32 {
        data.extend((0..=255u8).map(|b| b.wrapping_mul(7).wrapping_add(k as u8)));
    }
    let (echo, out) = on_both("wecho", |imp| {
        let peer = Peer::new();
        let m = start(imp, "wecho", &[&peer.port()]);
        let mut s = peer.accept();
        s.write_all(&data).unwrap();
        s.shutdown(Shutdown::Write).unwrap();
        let echo = read_to_eof(&mut s);
        (echo, m.finish())
    });
    assert_eq!(echo.0.len(), data.len());
    assert!(echo.0 == data, "the echo differs from what was sent");
    assert_eq!(out, (lines(&[&format!("echoed {} bytes", data.len())]), 0));
}

#[test]
fn read_of_a_line_over_one_mebibyte_is_split_at_1048576() {
    const N: usize = 1_048_577;
    let line: Vec<u8> = (0..N).map(|i| b'a' + (i % 26) as u8).collect();
    let out = on_both("wread long", |imp| {
        read_case(imp, "long", |s, _| {
            s.write_all(&line).unwrap();
            s.write_all(b"\r\n").unwrap();
            vec![]
        })
    });
    let text = |r: std::ops::Range<usize>| String::from_utf8(line[r].to_vec()).unwrap();
    let (l1, l2) = (N - 1, 1);
    assert_eq!(
        out,
        (
            lines(&[
                &format!(
                    "first READ: $LENGTH={l1} $TEST=1 $KEY=\"\" $ZB=\"\" head={} tail={}",
                    text(0..10),
                    text(l1 - 10..l1)
                ),
                &format!(
                    "second READ: $LENGTH={l2} $TEST=1 $KEY=$C(13,10) $ZB=$C(13,10) head={} tail={}",
                    text(l1..N),
                    text(l1..N)
                ),
            ]),
            0
        )
    );
}

// ---------------------------------------------------------------- 3. end of file

const EOF_STATE: &str =
    "x=\"\" $TEST=1 $KEY=\"\" $ZB=\"\" $DEVICE=\"1,Connection reset by peer\" $ZA=9 $ZEOF=1";

fn eof_case(imp: Imp, case: &str, talk: impl FnOnce(TcpStream)) -> (Vec<String>, i32) {
    let peer = Peer::new();
    let m = start(imp, "weof", &[&peer.port(), case]);
    talk(peer.accept());
    m.finish()
}

#[test]
fn peer_fin_reads_as_end_of_file() {
    let out = on_both("weof eof (FIN)", |imp| eof_case(imp, "eof", drop));
    assert_eq!(
        out,
        (
            lines(&[
                &format!("READ at end of file: {EOF_STATE}"),
                &format!("READ again: {EOF_STATE}"),
                "alive",
            ]),
            0
        )
    );
}

#[test]
fn peer_reset_reads_as_end_of_file() {
    let out = on_both("weof eof (RST)", |imp| eof_case(imp, "eof", reset));
    assert_eq!(
        out,
        (
            lines(&[
                &format!("READ at end of file: {EOF_STATE}"),
                &format!("READ again: {EOF_STATE}"),
                "alive",
            ]),
            0
        )
    );
}

#[test]
fn half_closed_peer_still_receives_the_reply() {
    let (reply, out) = on_both("weof half", |imp| {
        let peer = Peer::new();
        let m = start(imp, "weof", &[&peer.port(), "half"]);
        let mut s = peer.accept();
        s.write_all(b"question\n").unwrap();
        s.shutdown(Shutdown::Write).unwrap();
        let reply = read_to_eof(&mut s);
        (reply, m.finish())
    });
    assert_eq!(String::from_utf8_lossy(&reply.0), "answer to question\r\n");
    assert_eq!(
        out,
        (
            lines(&[
                &format!("request: x=\"question\" $TEST=1 $KEY=$C(10) $ZB=$C(10) {STATE_OK}"),
                &format!("then: {EOF_STATE}"),
                // The WRITE succeeded: $DEVICE=0 and $ZA=0, but $ZEOF stays 1.
                "WRITE after the peer's half-close: x=\"\" $TEST=1 $KEY=\"\" $ZB=\"\" $DEVICE=0 $ZA=0 $ZEOF=1",
                "alive",
            ]),
            0
        )
    );
}

#[test]
fn write_to_a_dead_peer_without_trap_sets_device() {
    let out = on_both("weof notrap", |imp| eof_case(imp, "notrap", drop));
    let dead = "x=\"\" $TEST=1 $KEY=\"\" $ZB=\"\" $DEVICE=\"1,Broken pipe\" $ZA=9 $ZEOF=1";
    assert_eq!(
        out,
        (
            lines(&[
                &format!("READ at end of file: {EOF_STATE}"),
                &format!("WRITE to the closed peer: {dead}"),
                &format!("WRITE again: {dead}"),
                "alive",
            ]),
            0
        )
    );
}

#[test]
fn write_to_a_dead_peer_with_trap_raises_sockwrite() {
    let out = on_both("weof trap", |imp| eof_case(imp, "trap", drop));
    assert_eq!(
        out,
        (
            lines(&[
                &format!("READ at end of file: {EOF_STATE}"),
                "trapped: %GTM-E-SOCKWRITE, Write to a socket failed,%GTM-I-TEXT, Broken pipe",
                "alive",
            ]),
            0
        )
    );
}

// ---------------------------------------------------------------- 4. a silent peer

#[test]
fn silent_peer_timed_read_and_wait_give_up_after_one_second() {
    let (out, times) = on_both("wtime", |imp| {
        let peer = Peer::new();
        let m = start(imp, "wtime", &[&peer.port()]);
        let s = peer.accept();
        let t0 = Instant::now();
        let read = m.line();
        let t1 = Instant::now();
        let wait = m.line();
        let t2 = Instant::now();
        let rest = m.finish();
        drop(s);
        let ok = |d: Duration| d >= Duration::from_millis(900) && d <= Duration::from_secs(3);
        ((read, wait, rest), (ok(t1 - t0), ok(t2 - t1)))
    });
    assert_eq!(times, (true, true), "each wait must take about 1 s");
    assert_eq!(
        out.0,
        format!("read x:1: x=\"\" $TEST=0 $KEY=\"\" $ZB=\"\" {STATE_OK}")
    );
    assert_eq!(
        out.1,
        format!("write /wait(1): x=\"\" $TEST=0 $KEY=\"\" $ZB=\"\" {STATE_OK}")
    );
    assert_eq!(out.2, (vec![], 0));
}

// ---------------------------------------------------------------- 5. many clients

fn raise_nofile_limit() -> u64 {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit with a valid rlimit struct.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim), 0);
        lim.rlim_cur = lim.rlim_max;
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &lim), 0);
    }
    lim.rlim_max
}

/// The soft and hard "Max open files" of a process, from /proc/PID/limits.
fn open_file_limits(pid: u32) -> (String, String) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .expect("a Max open files line");
    let mut f = line["Max open files".len()..].split_whitespace();
    (f.next().unwrap().into(), f.next().unwrap().into())
}

#[test]
fn one_server_device_serves_a_thousand_concurrent_clients() {
    const CLIENTS: usize = 1000;
    let hard = raise_nofile_limit();
    assert!(
        hard >= 2 * CLIENTS as u64 + 100,
        "this test needs an open-file hard limit of at least {} (it is {hard})",
        2 * CLIENTS + 100
    );
    // minim starts with a soft limit far below what it needs: it must raise its own.
    let file = root().join("routines/mserver.m");
    let m = start_with(Imp::Minim, file, &["0", &CLIENTS.to_string()], |cmd| {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe; it runs in the child before exec.
        unsafe {
            cmd.pre_exec(|| {
                let mut lim = libc::rlimit {
                    rlim_cur: 0,
                    rlim_max: 0,
                };
                libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim);
                lim.rlim_cur = 256;
                libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
                Ok(())
            });
        }
    });
    let first = m.line();
    let port = first
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_string();
    let (soft, hard_m) = open_file_limits(m.pid());
    assert_eq!(soft, hard_m, "minim should raise its soft open-file limit");

    let connect = |i: usize| {
        let addr = format!("127.0.0.1:{port}").parse().unwrap();
        let s = TcpStream::connect_timeout(&addr, WAIT)
            .unwrap_or_else(|e| panic!("client {i} could not connect: {e}"));
        s.set_read_timeout(Some(WAIT)).unwrap();
        s.set_write_timeout(Some(WAIT)).unwrap();
        s.set_nodelay(true).unwrap();
        s
    };
    let request = |round: usize, i: usize| {
        format!("round {round} client {i:04} says {}", "xyz".repeat(i % 17))
    };
    let ask = |s: &mut TcpStream, round: usize, i: usize| {
        s.write_all(format!("ECHO {}\r\n", request(round, i)).as_bytes())
            .unwrap();
    };
    let check = |s: &mut TcpStream, round: usize, i: usize| {
        let want = format!("{}\r\n", request(round, i));
        let got = read_n(s, want.len());
        assert_eq!(String::from_utf8_lossy(&got), want, "client {i}");
    };
    // Round 1 opens the connections. mserver asks for a listen backlog of 5
    // (`WRITE /LISTEN(5)`), so at most 4 clients at a time wait to be accepted: a connection
    // opens only once the reply to the one 4 places before it has come back. The kernel would
    // otherwise drop SYNs and the clients would retry after a second.
    const WINDOW: usize = 4;
    let mut clients: Vec<TcpStream> = Vec::with_capacity(CLIENTS);
    for i in 0..CLIENTS {
        if i >= WINDOW {
            check(&mut clients[i - WINDOW], 1, i - WINDOW);
        }
        clients.push(connect(i));
        ask(&mut clients[i], 1, i);
    }
    for (i, s) in clients.iter_mut().enumerate().skip(CLIENTS - WINDOW) {
        check(s, 1, i);
    }
    // Round 2: all 1,000 connections are open; every client sends at once, and the replies
    // are read in the reverse order.
    for (i, s) in clients.iter_mut().enumerate() {
        ask(s, 2, i);
    }
    for (i, s) in clients.iter_mut().enumerate().rev() {
        check(s, 2, i);
    }
    // Nothing else arrives on any connection: QUIT gets exactly "bye" and the close.
    for s in clients.iter_mut() {
        s.write_all(b"QUIT\r\n").unwrap();
    }
    for (i, s) in clients.iter_mut().enumerate() {
        assert_eq!(read_to_eof(s).0, b"bye\r\n", "client {i}");
    }
    drop(clients);
    let (out, status) = m.finish();
    assert_eq!(
        (out, status),
        (
            lines(&[&format!(
                "served {CLIENTS} clients, {} requests",
                3 * CLIENTS
            )]),
            0
        )
    );
}

// ---------------------------------------------------------------- 6. idle cost

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

#[test]
fn waiting_costs_no_cpu() {
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
    let few = (hz / 20).max(3); // 50 ms of CPU in a second of waiting, at most
    let peer = Peer::new();
    let m = start(Imp::Minim, "widle", &[&peer.port()]);
    let mut s = peer.accept();
    assert_eq!(m.line(), "waiting");
    let before = cpu_ticks(m.pid());
    m.quiet_for(Duration::from_millis(1100));
    let during_wait = cpu_ticks(m.pid()) - before;

    s.write_all(b"hal").unwrap();
    let woke = m.line();
    assert!(woke.starts_with("write /wait(30): "), "{woke}");
    assert!(woke.contains("$TEST=1 $KEY=\"READ|"), "{woke}");
    let before = cpu_ticks(m.pid());
    m.quiet_for(Duration::from_millis(1100));
    let during_read = cpu_ticks(m.pid()) - before;

    s.write_all(b"f a line\r\n").unwrap();
    let read = m.line();
    assert!(
        read.starts_with("read x:30: x=\"half a line\" $TEST=1 $KEY=$C(13,10)"),
        "{read}"
    );
    assert_eq!(m.finish(), (vec![], 0));
    assert!(
        during_wait <= few,
        "WRITE /WAIT used {during_wait} ticks of CPU in about 1 s (limit {few}, {hz} per second)"
    );
    assert!(
        during_read <= few,
        "a timed READ with half a line used {during_read} ticks in about 1 s (limit {few})"
    );
}

/// Ctrl-C in direct mode (through a pseudo-terminal) stops every kind of socket wait and
/// brings the prompt back within a few seconds: `/WAIT`, READs with and without a timeout,
/// `READ *`, and the retry loops of an OPEN whose port is busy or whose peer refuses.
#[test]
fn ctrl_c_stops_socket_waits_in_direct_mode() {
    use rexpect::session::spawn_command;

    let peer = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent = peer.local_addr().unwrap().port();
    // A listener on every address holds the port that the OPENs below find busy.
    let holder = TcpListener::bind("[::]:0").unwrap();
    let busy = holder.local_addr().unwrap().port();
    let refused = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minim"));
    cmd.arg("-direct")
        .arg("--history")
        .arg("")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("MINIM_ROUTINES");
    let mut p = spawn_command(cmd, Some(5_000)).expect("minim starts on a pty");
    p.exp_string("MINIM> ").unwrap();
    let lines = [
        r#"open "s":(LISTEN="0:TCP"):1:"SOCKET" use "s" write /wait(60)"#.to_string(),
        r#"use "s" write /wait"#.to_string(),
        format!(r#"open "c":(CONNECT="127.0.0.1:{silent}:TCP"):5:"SOCKET" use "c" read x"#),
        r#"use "c" read x:60"#.to_string(),
        r#"use "c" read *x"#.to_string(),
        r#"use "c" read *x:60"#.to_string(),
        format!(r#"open "b":(LISTEN="{busy}:TCP"):60:"SOCKET""#),
        format!(r#"open "b2":(LISTEN="{busy}:TCP")::"SOCKET""#),
        format!(r#"open "r":(CONNECT="127.0.0.1:{refused}:TCP"):60:"SOCKET""#),
        format!(r#"open "r2":(CONNECT="127.0.0.1:{refused}:TCP")::"SOCKET""#),
    ];
    for line in &lines {
        p.send_line(line).unwrap();
        std::thread::sleep(Duration::from_millis(400));
        let sent = Instant::now();
        p.send_control('c').unwrap();
        p.exp_string("CTRLC")
            .unwrap_or_else(|e| panic!("no CTRLC after {line}: {e}"));
        p.exp_string("MINIM> ").unwrap();
        assert!(sent.elapsed() < Duration::from_secs(3), "{line}");
    }
    p.send_line("write \"still here\",!").unwrap();
    p.exp_string("still here").unwrap();
    p.send_line("halt").unwrap();
    p.exp_eof().unwrap();
}
