//! A long-running reader of a socket stream stays the size of its unread data: the receive
//! buffer drops what was read as it goes (before, 1 GB of traffic grew the process to 1 GB).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "common/proc.rs"]
mod proc;
use proc::peak_kib;

const ROUTINE: &str = "sread ;\n \
 set p=+$zcmdline,n=0\n \
 open \"s\":(CONNECT=\"127.0.0.1:\"_p_\":TCP\":DELIMITER=$char(10)):5:\"SOCKET\"\n \
 use \"s\"\n \
 for  read x:10 quit:$zeof  set n=n+1\n \
 use $principal write \"lines \",n,! read x\n";

#[test]
fn a_streamed_socket_keeps_memory_bounded() {
    let dir = std::env::temp_dir().join(format!("minim-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join("sread.m");
    std::fs::write(&path, ROUTINE).expect("routine");
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().expect("address").port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_minim"))
        .arg(&path)
        .arg(port.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start minim");
    let (mut peer, _) = listener.accept().expect("accept");
    peer.set_write_timeout(Some(Duration::from_secs(30))).ok();
    // 10,000 requests of 9,999 bytes and an LF, sent in 64 KiB pieces that cut requests in
    // two, so the receive buffer is never empty after a READ: 100 MB in all.
    let mut request = vec![b'r'; 9_999];
    request.push(b'\n');
    let all: Vec<u8> = request.repeat(100);
    let started = Instant::now();
    for _ in 0..100 {
        for piece in all.chunks(65_536) {
            peer.write_all(piece).expect("send");
        }
    }
    drop(peer);
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("count");
    assert_eq!(line.trim(), "lines 10000");
    assert!(started.elapsed() < Duration::from_secs(60));
    let peak = peak_kib(child.id());
    drop(child.stdin.take());
    child.wait().ok();
    assert!(
        peak < 64 * 1024,
        "peak resident size {peak} KiB after 100 MB"
    );
}
