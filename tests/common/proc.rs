#![allow(dead_code)] // not every test file that shares `common` uses every helper
//! A started M process seen from a test: its standard output as a channel of lines (read on
//! a thread, so every wait is bounded by `recv_timeout`), the port a listener prints first,
//! and the end of the run (remaining lines, standard error, status), killing the process by
//! its own handle if it does not end in time.

use std::io::{BufRead, BufReader, Read};
use std::process::Child;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// Takes `child`'s piped standard output and gives its lines as they come.
pub fn stdout_lines(child: &mut Child) -> Receiver<String> {
    let out = child.stdout.take().expect("stdout is piped");
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    lines
}

/// The port of a listener whose first line is `PREFIX PORT` (a port the system picked).
pub fn port_line(lines: &Receiver<String>, prefix: &str, wait: Duration) -> u16 {
    let first = lines
        .recv_timeout(wait)
        .unwrap_or_else(|e| panic!("no {prefix:?} line within {wait:?}: {e:?}"));
    first
        .strip_prefix(prefix)
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or_else(|| panic!("a {prefix:?} line with a port, not {first:?}"))
}

/// The remaining output lines and the exit status; standard error, if any and piped, is
/// the last line. A process still printing or running after `wait` is killed, and a line
/// says so.
pub fn finish(child: &mut Child, lines: &Receiver<String>, wait: Duration) -> (Vec<String>, i32) {
    let mut out = Vec::new();
    loop {
        match lines.recv_timeout(wait) {
            Ok(l) => out.push(l),
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                out.push("[killed: did not finish in time]".into());
                break;
            }
        }
    }
    let status = child.wait().map(|s| s.code().unwrap_or(-1)).unwrap_or(-1);
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    if !err.is_empty() {
        out.push(format!("[stderr] {}", err.trim_end()));
    }
    (out, status)
}

/// Waits until the process ends, at most `wait`; None (and the process still running) if
/// it does not.
pub fn wait_exit(child: &mut Child, wait: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + wait;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The exit code (None for a death by signal), waiting at most `wait`: past it the process
/// is killed and the test fails.
pub fn exit_code(child: &mut Child, wait: Duration) -> Option<i32> {
    match wait_exit(child, wait) {
        Some(status) => status.code(),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {wait:?}");
        }
    }
}

/// The peak resident size of running process `pid` in KiB (`VmHWM` of /proc).
pub fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    line.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

/// Runs `cmd` to its end with standard input empty and gives its standard output; a failed
/// run fails the test with its standard error.
pub fn output_of_success(cmd: &mut std::process::Command) -> String {
    let out = cmd
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run the command");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
