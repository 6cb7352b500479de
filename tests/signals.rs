//! Signals in a batch run, as GT.M: SIGTERM (MUPIP STOP) ends with FORCEDHALT and status 241,
//! keeping everything written; SIGINT and SIGHUP are ignored; an idle HANG makes no wake-ups
//! yet ends at once on SIGTERM and runs `$ZINTERRUPT` at once. Every wait is bounded.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod common;
use common::proc::{exit_code, stdout_lines};
use common::tempdir::{InDir, TempDir};

/// The bound of every wait for the process.
const WAIT: Duration = Duration::from_secs(10);

/// A minim process running a routine written in a folder of its own (removed with it).
fn start(name: &str, body: &str) -> InDir<Child> {
    let dir = TempDir::new("signals", name);
    let path = dir.join(format!("{name}.m"));
    std::fs::write(&path, body).expect("routine");
    let child = Command::new(env!("CARGO_BIN_EXE_minim"))
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start minim");
    InDir::new(child, dir)
}

/// Reads standard output up to and including the line `last`.
fn lines_until(out: &mut impl BufRead, last: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for line in out.lines() {
        let line = line.expect("a line");
        let done = line == last;
        lines.push(line);
        if done {
            break;
        }
    }
    lines
}

fn signal(child: &Child, sig: libc::c_int) {
    // SAFETY: kill(2) on the pid of a child we started and have not reaped.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, sig) }, 0);
}

#[test]
fn sigterm_is_forcedhalt_241_with_the_output_kept() {
    let mut child = start(
        "term",
        "term ;\n for i=1:1:100 write i,!\n write \"x\" hang 30\n write \"after\",!\n",
    );
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    assert_eq!(lines_until(&mut out, "100").len(), 100);
    signal(&child, libc::SIGTERM);
    assert_eq!(exit_code(&mut child, Duration::from_secs(10)), Some(241));
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("rest");
    // GT.M ends the unfinished line ($X>0) at exit.
    assert_eq!(rest, "x\n");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .ok();
    assert_eq!(err, "%GTM-F-FORCEDHALT, Image HALTed by MUPIP STOP\n");
}

#[test]
fn sigterm_stops_a_busy_loop() {
    let mut child = start(
        "spin",
        "spin ;\n write \"go\",! hang 0\n for i=1:1 set x=i\n",
    );
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    lines_until(&mut out, "go");
    signal(&child, libc::SIGTERM);
    assert_eq!(exit_code(&mut child, Duration::from_secs(10)), Some(241));
}

#[test]
fn sigint_and_sighup_are_ignored_in_a_batch_run() {
    for sig in [libc::SIGINT, libc::SIGHUP] {
        let mut child = start(
            "ign",
            "ign ;\n write \"a\",! hang 0.5\n write \"after\",!\n",
        );
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        lines_until(&mut out, "a");
        signal(&child, sig);
        assert_eq!(exit_code(&mut child, Duration::from_secs(10)), Some(0));
        assert_eq!(lines_until(&mut out, "after"), ["after"]);
    }
}

/// Voluntary context switches of every thread of process `pid` so far: each time one of
/// them went to sleep, which includes each wake-up of a timed sleep.
fn sleeps(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process's threads");
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
                .filter_map(|n| n.trim().parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

/// HANG sleeps without waking up in between (it used to look at the signal flags every
/// 100 ms), and SIGTERM still ends it at once.
#[test]
fn an_idle_hang_makes_no_wake_ups_and_sigterm_ends_it_at_once() {
    let mut child = start(
        "idle",
        "idle ;\n write \"hanging\",!\n hang 1000\n write \"after\",!\n",
    );
    let lines = stdout_lines(&mut child);
    // HANG writes the output first: the line means the sleep is starting.
    assert_eq!(lines.recv_timeout(WAIT).expect("a line"), "hanging");
    let before = sleeps(child.id());
    // A window to count wake-ups in (not a synchronisation: nothing is waited for).
    std::thread::sleep(Duration::from_millis(1000));
    let woke = sleeps(child.id()) - before;
    // Going to sleep is one; the old 100 ms slices made ten in this second.
    assert!(woke <= 2, "{woke} wake-ups in a second of HANG 1000");
    let sent = Instant::now();
    signal(&child, libc::SIGTERM);
    assert_eq!(exit_code(&mut child, WAIT), Some(241));
    let took = sent.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "SIGTERM ended HANG after {took:?}"
    );
    assert!(lines.recv_timeout(WAIT).is_err(), "nothing after the HANG");
}

/// SIGUSR1 (`minim intrpt`) runs `$ZINTERRUPT` at once in the middle of a long HANG; here
/// the handler HALTs, so the process ends at once too.
#[test]
fn zinterrupt_runs_at_once_in_an_idle_hang() {
    let mut child = start(
        "zi",
        "zi ;\n set $zinterrupt=\"write \"\"interrupted\"\",! halt\"\n write \"hanging\",!\n hang 1000\n write \"not reached\",!\n",
    );
    let lines = stdout_lines(&mut child);
    assert_eq!(lines.recv_timeout(WAIT).expect("a line"), "hanging");
    let before = sleeps(child.id());
    std::thread::sleep(Duration::from_millis(500));
    let woke = sleeps(child.id()) - before;
    assert!(woke <= 2, "{woke} wake-ups in half a second of HANG 1000");
    let sent = Instant::now();
    signal(&child, libc::SIGUSR1);
    assert_eq!(
        lines.recv_timeout(WAIT).expect("the handler's line"),
        "interrupted"
    );
    assert_eq!(exit_code(&mut child, WAIT), Some(0));
    let took = sent.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "$ZINTERRUPT ran after {took:?}"
    );
}
