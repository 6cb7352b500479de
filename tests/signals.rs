//! Signals in a batch run, as GT.M: SIGTERM (MUPIP STOP) ends with FORCEDHALT and status 241,
//! keeping everything written; SIGINT and SIGHUP are ignored. Every wait is bounded.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

#[allow(dead_code)]
mod common;
use common::proc::exit_code;

fn start(name: &str, body: &str) -> Child {
    let dir = std::env::temp_dir().join(format!("minim-signals-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join(format!("{name}.m"));
    std::fs::write(&path, body).expect("routine");
    Command::new(env!("CARGO_BIN_EXE_minim"))
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start minim")
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
