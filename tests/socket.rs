//! Socket interoperability: the sample servers and clients in `routines/` run as real processes
//! on 127.0.0.1 (ports chosen by the OS), in every pairing of minim and GT.M. Every process's
//! output and exit status must equal the GT.M-with-GT.M reference. Waits are bounded; the port
//! is taken from the server's first output line, never guessed after a sleep.
//!
//! These tests need GT.M (`.ci/run` installs it); without it they say so and pass vacuously.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

mod common;
use common::proc::{finish, stdout_lines};
use common::{Imp, gtm_available, gtm_lock, m_command, root};

fn serial() -> std::sync::MutexGuard<'static, ()> {
    gtm_lock()
}

fn command(imp: Imp, routine: &str, args: &[&str]) -> Command {
    let mut c = m_command(imp);
    c.arg(root().join("routines").join(routine))
        .args(args)
        .stderr(Stdio::piped());
    c
}

/// A child process whose standard output lines arrive on a channel.
struct Proc {
    child: Child,
    lines: Receiver<String>,
}

fn spawn(mut cmd: Command, input: Option<&Path>) -> Proc {
    let stdin = match input {
        Some(p) => Stdio::from(std::fs::File::open(p).expect("request file")),
        None => Stdio::null(),
    };
    let mut child = cmd
        .stdin(stdin)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start process");
    let lines = stdout_lines(&mut child);
    Proc { child, lines }
}

impl Proc {
    fn next_line(&self) -> String {
        self.lines
            .recv_timeout(WAIT)
            .expect("a line of output within the time limit")
    }

    /// Collects the remaining output and the exit status, killing the process (by its PID,
    /// through its handle) if it does not finish in time.
    fn finish(mut self) -> (Vec<String>, i32) {
        finish(&mut self.child, &self.lines, WAIT)
    }
}

/// Starts a server routine on port 0 and returns it with the port it printed.
fn start_server(imp: Imp, routine: &str, extra: &[&str]) -> (Proc, String) {
    let mut args = vec!["0"];
    args.extend_from_slice(extra);
    let p = spawn(command(imp, routine, &args), None);
    let first = p.next_line();
    let port = first
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("{imp:?} {routine}: unexpected first line {first:?}"))
        .to_string();
    (p, port)
}

/// What one run of a pairing printed: the server's output and each client's.
#[derive(Debug, PartialEq)]
struct Transcript {
    server: (Vec<String>, i32),
    clients: Vec<(Vec<String>, i32)>,
}

fn run_pairing(
    server: Imp,
    client: Imp,
    routine: &str,
    extra: &[&str],
    inputs: &[&str],
) -> Transcript {
    let (srv, port) = start_server(server, routine, extra);
    let clients: Vec<Proc> = inputs
        .iter()
        .map(|input| {
            let file = root().join("tests/socket").join(input);
            spawn(
                command(client, "client.m", &["127.0.0.1", &port]),
                Some(&file),
            )
        })
        .collect();
    let clients = clients.into_iter().map(Proc::finish).collect();
    Transcript {
        server: srv.finish(),
        clients,
    }
}

/// Runs the four pairings and checks each against GT.M with GT.M.
fn check_all_pairings(routine: &str, extra: &[&str], inputs: &[&str]) {
    if !gtm_available() {
        eprintln!("GT.M is not installed: socket interop tests skipped (.ci/run installs it)");
        return;
    }
    let _guard = serial();
    let reference = run_pairing(Imp::Gtm, Imp::Gtm, routine, extra, inputs);
    assert!(
        !reference.clients.is_empty() && reference.server.1 == 0,
        "the GT.M reference run failed: {reference:?}"
    );
    for (server, client) in [
        (Imp::Minim, Imp::Minim),
        (Imp::Minim, Imp::Gtm),
        (Imp::Gtm, Imp::Minim),
    ] {
        let got = run_pairing(server, client, routine, extra, inputs);
        assert_eq!(
            got, reference,
            "{routine}: server {server:?} with client {client:?} differs from GT.M with GT.M"
        );
    }
}

#[test]
fn server_and_client_until_quit() {
    check_all_pairings("server.m", &[], &["quit.txt"]);
}

#[test]
fn server_and_client_until_end_of_input() {
    check_all_pairings("server.m", &[], &["eof.txt"]);
}

#[test]
fn server_echoes_long_lines_unsplit() {
    check_all_pairings("server.m", &[], &["long.txt"]);
}

#[test]
fn multi_connection_server_with_three_clients() {
    check_all_pairings(
        "mserver.m",
        &["3"],
        &["multi1.txt", "multi2.txt", "multi3.txt"],
    );
}

#[test]
fn demo_matches_gtm() {
    let run = |imp: Imp| {
        let p = spawn(command(imp, "demo.m", &[]), None);
        p.finish()
    };
    let minim = run(Imp::Minim);
    assert_eq!(minim.1, 0, "demo failed under minim: {minim:?}");
    assert!(minim.0.iter().any(|l| l.contains("Goodbye.")));
    if gtm_available() {
        let _guard = serial();
        assert_eq!(minim, run(Imp::Gtm));
    } else {
        eprintln!("GT.M is not installed: demo.m was not compared with GT.M");
    }
}

/// `$ZSOCKET()`'s kernel values (TCP keepalive settings, buffer sizes) are the socket's own:
/// minim's agree with the system's settings and with GT.M's on this machine.
#[test]
fn zsocket_kernel_values() {
    let routine = root().join("tests/socket/zsockkernel.m");
    let run = |imp: Imp| {
        let mut c = m_command(imp);
        c.arg(&routine);
        common::proc::output_of_success(&mut c)
    };
    let minim = run(Imp::Minim);
    let value = |name: &str| -> String {
        minim
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name} in {minim:?}"))
            .to_string()
    };
    for (name, sysctl) in [
        ("keepidle", "tcp_keepalive_time"),
        ("keepintvl", "tcp_keepalive_intvl"),
        ("keepcnt", "tcp_keepalive_probes"),
    ] {
        let path = format!("/proc/sys/net/ipv4/{sysctl}");
        if let Ok(system) = std::fs::read_to_string(&path) {
            assert_eq!(value(name), system.trim(), "{name} is not {path}");
        }
    }
    assert_eq!(value("keepalive"), "0");
    assert!(minim.contains("listener port is $KEY's: 1\n"), "{minim}");
    assert!(minim.contains("DESCRIPTOR is ZSHOW's DESC: 1\n"), "{minim}");
    if gtm_available() {
        let _guard = serial();
        assert_eq!(
            minim,
            run(Imp::Gtm),
            "minim's $ZSOCKET values differ from GT.M's"
        );
    }
}
