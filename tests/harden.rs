//! minim under hostile input, as processes: huge limits, signals and closed pipes. Every wait
//! is bounded, so a hang fails the test instead of stalling the suite.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

#[path = "common/proc.rs"]
mod proc;
#[path = "common/tempdir.rs"]
mod tempdir;
use tempdir::{InDir, TempDir};

/// Writes `body` as routine `name` in a fresh folder.
fn routine(name: &str, body: &str) -> InDir<PathBuf> {
    let dir = TempDir::new("harden", name);
    let path = dir.join(format!("{name}.m"));
    std::fs::write(&path, body).expect("write routine");
    InDir::new(path, dir)
}

fn spawn(path: &PathBuf, stdin: Stdio, stdout: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_minim"))
        .arg(path)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("start minim")
}

/// Waits for `child` at most `limit`; kills it and fails when it is still running.
fn wait_bounded(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("minim still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut s = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut s).ok();
    }
    s
}

#[test]
fn a_huge_tab_writes_gtm_columns_without_allocating_them() {
    // GT.M: `?1E18` pads to column 2^31-1 (2,147,483,647 spaces), then "x", then $X=0.
    let path = routine("tabhuge", "tabhuge ;\n write ?1E18,\"x\",!\n write $x,!\n");
    let mut child = spawn(&path, Stdio::null(), Stdio::piped());
    let mut out = child.stdout.take().expect("stdout");
    let mut buf = vec![0u8; 1 << 16];
    let (mut total, mut tail) = (0u64, Vec::new());
    loop {
        let n = out.read(&mut buf).expect("read");
        if n == 0 {
            break;
        }
        total += n as u64;
        tail.extend_from_slice(&buf[..n]);
        let keep = tail.len().saturating_sub(8);
        tail.drain(..keep);
    }
    let status = wait_bounded(&mut child, Duration::from_secs(60));
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut child));
    assert_eq!(total, 2_147_483_647 + 4);
    assert!(tail.ends_with(b" x\n0\n"), "{tail:?}");
}

#[test]
fn a_closed_standard_output_ends_a_writing_loop_with_exit_1() {
    // GT.M: `yes.m | head -1` stops with %SYSTEM-E-ENO32 (Broken pipe), exit status 1.
    let path = routine("yes", "yes ;\n for  write \"y\",!\n");
    let mut child = spawn(&path, Stdio::null(), Stdio::piped());
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 2];
    out.read_exact(&mut first).expect("first line");
    assert_eq!(&first, b"y\n");
    drop(out);
    let status = wait_bounded(&mut child, Duration::from_secs(20));
    let stderr = stderr_of(&mut child);
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("ENO32"), "{stderr}");
}

#[test]
fn a_read_of_standard_input_gives_at_most_a_record() {
    // GT.M 7.0: a 100,000-byte line comes as records of 32,767 bytes and the rest; READ x#3
    // of "abc" leaves the line end for the next READ, which gives "".
    let path = routine(
        "rdstd",
        "rdstd for i=1:1:5 read x write $length(x),!\n for i=1:1:3 read x#3 write x,\"|\",!\n",
    );
    let mut child = spawn(&path, Stdio::piped(), Stdio::piped());
    let mut input = vec![b'a'; 100_000];
    input.extend_from_slice(b"\nbc\nabc\nd\n");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &input));
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read output");
    let status = wait_bounded(&mut child, Duration::from_secs(20));
    feeder.join().expect("feeder").expect("write input");
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut child));
    assert_eq!(out, "32767\n32767\n32767\n1699\n2\nabc|\n|\nd|\n");
}

#[test]
fn distinct_xecute_and_indirection_texts_keep_memory_bounded() {
    // Each pass XECUTEs a text never seen before and sets through a new indirect name: the
    // parsed forms are cached while in use, in bounded caches (before, every distinct text
    // was kept: 1M XECUTEs grew the process to 2.3 GB).
    let path = routine(
        "xecdistinct",
        "xecdistinct ;\n for i=1:1:100000 xecute \"set x=\"_i_\" kill x\" set y=\"z(\"_i_\")\",@y=i kill z\n write \"done\",!\n read x\n",
    );
    let mut child = spawn(&path, Stdio::piped(), Stdio::piped());
    let lines = proc::stdout_lines(&mut child);
    let done = lines.recv_timeout(Duration::from_secs(60));
    let peak = proc::peak_kib(child.id());
    drop(child.stdin.take());
    let status = wait_bounded(&mut child, Duration::from_secs(20));
    assert_eq!(done.as_deref(), Ok("done"), "{}", stderr_of(&mut child));
    assert_eq!(status.code(), Some(0));
    assert!(peak < 32 * 1024, "peak resident size {peak} KiB");
}

#[test]
fn an_unhandled_stackcrit_ends_at_once() {
    // Endless recursion with no trap: the error leaves 10,000 frames. Found by the eval fuzz
    // target (a 12 s unit): the error and its call chain were copied at every level, so the
    // way up was quadratic (8.5 s; GT.M 0.07 s).
    for (name, body) in [
        (
            "recext",
            "recext ;\n set r=$$f(1) quit\nf(x) set r=$$f(x) quit r\n",
        ),
        ("recdo", "recdo ;\n do f quit\nf do f quit\n"),
    ] {
        let path = routine(name, body);
        let started = Instant::now();
        let mut child = spawn(&path, Stdio::null(), Stdio::null());
        // The report names every frame: drained on a thread so the pipe never fills.
        let mut pipe = child.stderr.take().expect("stderr");
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            pipe.read_to_string(&mut s).ok();
            s
        });
        let status = wait_bounded(&mut child, Duration::from_secs(60));
        let elapsed = started.elapsed();
        let stderr = reader.join().expect("stderr reader");
        assert_eq!(status.code(), Some(1), "{name}");
        assert!(
            stderr.starts_with("%GTM-E-STACKCRIT"),
            "{name}: {stderr:.200}"
        );
        assert!(elapsed < Duration::from_secs(3), "{name}: {elapsed:?}");
    }
}
