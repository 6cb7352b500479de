//! The routines of `examples/` run under minim and print GT.M's output: `examples/NAME.out`
//! was made by `scripts/gtm-run examples/NAME.m` (standard input from `NAME.in` when there is
//! one). The echo server and client run as a real pair on 127.0.0.1, the server on a port the
//! system picks; in `echoserver.out` that port is written `PORT`. With GT.M installed, each
//! example also runs under GT.M and must still print its `.out` (else that half is skipped,
//! with a message). `globals.m` runs on a fresh database (`scripts/gtm-run --db` under GT.M).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod common;
use common::Imp;
use common::tempdir::TempDir;

const WAIT: Duration = Duration::from_secs(20);

/// The implementations to check: minim, and GT.M when it is installed.
fn implementations() -> Vec<Imp> {
    if common::gtm_available() {
        vec![Imp::Minim, Imp::Gtm]
    } else {
        eprintln!("GT.M is not installed: the examples are checked under minim only");
        vec![Imp::Minim]
    }
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(examples().join(format!("{name}.out"))).expect("NAME.out")
}

/// `imp` running `examples/NAME.m ARGS`, standard input from `NAME.in` (or nothing).
fn start(imp: Imp, name: &str, args: &[&str]) -> Child {
    let input = examples().join(format!("{name}.in"));
    let stdin = match std::fs::File::open(&input) {
        Ok(f) => Stdio::from(f),
        Err(_) => Stdio::null(),
    };
    common::m_command(imp)
        .arg(examples().join(format!("{name}.m")))
        .args(args)
        .env_remove("gtm_etrap")
        .env_remove("ydb_etrap")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start minim")
}

/// Waits at most `WAIT` for the process to end (killing it after that); its status and the
/// rest of its standard output and error.
fn finish(mut child: Child) -> (i32, String, String) {
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > WAIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("a routine ran for more than {WAIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut out = String::new();
    let mut err = String::new();
    if let Some(mut s) = child.stdout.take() {
        s.read_to_string(&mut out).expect("stdout");
    }
    if let Some(mut s) = child.stderr.take() {
        s.read_to_string(&mut err).expect("stderr");
    }
    (status.code().unwrap_or(-1), out, err)
}

fn check(name: &str) {
    for imp in implementations() {
        let (status, out, err) = finish(start(imp, name, &[]));
        assert_eq!(out, expected(name), "{name} under {imp:?}: stderr: {err}");
        assert_eq!(status, 0, "{name} under {imp:?}: stderr: {err}");
    }
}

#[test]
fn hello() {
    check("hello");
}

#[test]
fn wordcount() {
    check("wordcount");
}

#[test]
fn arrays() {
    check("arrays");
}

#[test]
fn errtrap() {
    check("errtrap");
}

/// The globals example on a database of its own: a fresh one made by `gtm-run --db` under
/// GT.M, a fresh `MINIM_DB` folder under minim. It runs twice on the same minim database
/// (it removes what it left): the second run prints the same.
#[test]
fn globals() {
    let expected = expected("globals");
    for imp in implementations() {
        let runs = match imp {
            Imp::Minim => 2,
            Imp::Gtm => 1,
        };
        let db = TempDir::new("examples", "globals");
        for run in 1..=runs {
            let mut command = common::m_command(imp);
            if imp == Imp::Gtm {
                command.arg("--db");
            }
            let child = command
                .arg(examples().join("globals.m"))
                .env("MINIM_DB", db.path().join("db"))
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start the routine");
            let (status, out, err) = finish(child);
            assert_eq!(
                out, expected,
                "globals under {imp:?}, run {run}: stderr: {err}"
            );
            assert_eq!(status, 0, "globals under {imp:?}: stderr: {err}");
        }
    }
}

#[test]
fn echo_server_and_client() {
    for imp in implementations() {
        echo_pair(imp);
    }
}

fn echo_pair(imp: Imp) {
    let mut server = start(imp, "echoserver", &["0"]);
    let mut lines = BufReader::new(server.stdout.take().expect("server stdout"));
    // The first line gives the port; a thread reads it so that the wait is bounded.
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut first = String::new();
        let _ = lines.read_line(&mut first);
        let _ = tx.send(first);
        let mut rest = String::new();
        let _ = lines.read_to_string(&mut rest);
        rest
    });
    let first = match rx.recv_timeout(WAIT) {
        Ok(line) => line,
        Err(_) => {
            let _ = server.kill();
            panic!("the echo server did not say its port within {WAIT:?}");
        }
    };
    let port = first
        .trim_end()
        .strip_prefix("listening on port ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_string();
    let (status, out, err) = finish(start(imp, "echoclient", &[&port]));
    assert_eq!(out, expected("echoclient"), "client stderr: {err}");
    assert_eq!(status, 0);
    let (status, _, err) = finish(server);
    let rest = reader.join().expect("reader thread");
    let log = format!("listening on port PORT\n{rest}");
    assert_eq!(log, expected("echoserver"), "server stderr: {err}");
    assert_eq!(status, 0);
}
