//! What only the PostgreSQL backend has, on a server of the test's own (skipped, saying so,
//! without PostgreSQL): how many round trips SETs and walks cost (counted by a forwarding
//! proxy: a walk of N nodes must not cost N round trips), a transaction cut off in its
//! middle (nothing of it applied), a serialisation failure that restarts a transaction, and
//! `--db URL` on the command line. Waits are bounded; readiness is read from output.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

#[allow(dead_code)]
mod common;
use common::pg::PgServer;
use common::pgproxy::PgProxy;
use common::proc::{exit_code, output_of_success};

const WAIT: Duration = Duration::from_secs(60);

fn routine(name: &str) -> PathBuf {
    common::root()
        .join("tests/globals")
        .join(format!("{name}.m"))
}

/// A minim process on `url`, its input and output lines at hand.
struct Run {
    child: Child,
    input: Option<ChildStdin>,
    lines: Receiver<String>,
}

impl Run {
    fn start(url: &str, name: &str, args: &[&str]) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_minim"))
            .env("MINIM_DB", url)
            .arg(routine(name))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start minim");
        let input = child.stdin.take();
        let out = child.stdout.take().expect("stdout");
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Run {
            child,
            input,
            lines,
        }
    }

    fn line(&self) -> String {
        self.lines.recv_timeout(WAIT).expect("a line in time")
    }

    fn go_on(&mut self) {
        let input = self.input.as_mut().expect("stdin");
        input.write_all(b"\n").expect("tell the routine to go on");
    }

    fn finish(mut self) -> i32 {
        drop(self.input.take());
        exit_code(&mut self.child, WAIT).unwrap_or(-1)
    }
}

/// Each phase of `trips.m` and the round trips it cost.
#[test]
fn sets_and_walks_cost_few_round_trips() {
    const N: usize = 20_000;
    let Some(pg) = PgServer::start("trips") else {
        return;
    };
    let proxy = PgProxy::start(pg.port);
    let url = proxy.url(&pg.fresh_database(), pg.port);
    let mut run = Run::start(&url, "trips", &[&N.to_string()]);
    let mut before = 0;
    for (phase, said) in [
        ("set", "set".to_string()),
        ("order", format!("order {N}")),
        ("back", format!("back {N}")),
        ("query", format!("query {N}")),
    ] {
        assert_eq!(run.line(), said);
        let now = proxy.round_trips();
        let cost = now - before;
        println!("{phase}: {N} nodes in {cost} round trips");
        // The connections' setup (prepared statements) is in the first phase's count.
        assert!(cost > 0, "{phase}: the proxy saw no round trip");
        assert!(cost < N / 100, "{phase}: {cost} round trips for {N} nodes");
        before = now;
        run.go_on();
    }
    assert_eq!(run.finish(), 0);
}

/// The connections are cut while a transaction has updates in flight: the routine traps a
/// DBFILERR, the next reference connects again, and none of the transaction is there.
#[test]
fn a_transaction_cut_off_in_its_middle_leaves_nothing() {
    let Some(pg) = PgServer::start("midcut") else {
        return;
    };
    let proxy = PgProxy::start(pg.port);
    let url = proxy.url(&pg.fresh_database(), pg.port);
    let mut run = Run::start(&url, "midcut", &[]);
    assert_eq!(run.line(), "ready");
    proxy.cut();
    run.go_on();
    let trapped = run.line();
    assert!(trapped.starts_with("trapped %GTM-E-DBFILERR"), "{trapped}");
    assert_eq!(run.line(), "after: 100");
    assert_eq!(run.finish(), 0);
}

/// Another process changes what a transaction read: its update or its commit fails to
/// serialise, and the transaction runs again ($TRESTART 1) on the new value.
#[test]
fn a_serialisation_failure_restarts_the_transaction() {
    let Some(pg) = PgServer::start("restart") else {
        return;
    };
    let url = pg.fresh_database();
    let mut run = Run::start(&url, "restart", &[]);
    assert_eq!(run.line(), "read 1");
    let other = Command::new(env!("CARGO_BIN_EXE_minim"))
        .env("MINIM_DB", &url)
        .args(["-run", "%XCMD", "set ^R=10"])
        .status()
        .expect("run the other process");
    assert!(other.success());
    run.go_on();
    assert_eq!(run.line(), "tries 2 $trestart 1 ^R=11");
    assert_eq!(run.finish(), 0);
}

/// `--db URL` selects the server as MINIM_DB does (and wins over MINIM_DB).
#[test]
fn db_option_takes_a_url() {
    let Some(pg) = PgServer::start("dboption") else {
        return;
    };
    let url = pg.fresh_database();
    let minim = |args: &[&str]| {
        output_of_success(
            Command::new(env!("CARGO_BIN_EXE_minim"))
                .env("MINIM_DB", std::env::temp_dir().join("minim-not-this-one"))
                .args(args),
        )
    };
    minim(&["--db", &url, "-run", "%XCMD", "set ^U(1)=\"on the server\""]);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let rows = client
        .query("SELECT count(*) FROM minim_globals", &[])
        .expect("the table minim made");
    assert_eq!(rows[0].get::<_, i64>(0), 1);
    assert_eq!(
        minim(&["--db", &url, "-run", "%XCMD", "write ^U(1),!"]),
        "on the server\n"
    );
    let (_, shown) = url.split_at(url.find('@').expect("a user in the URL"));
    assert!(minim(&["--db", &url, "db", "path"]).contains(shown));
}

/// A JOBbed child's GBLDIR may name a server: the child's globals go there, its parent's
/// stay in the parent's folder (`tests/job/jobgbl.m`).
#[test]
fn a_jobbed_child_may_use_a_server_by_gbldir() {
    let Some(pg) = PgServer::start("gbldir") else {
        return;
    };
    let url = pg.fresh_database();
    let folder = std::env::temp_dir().join(format!("minim-pg-gbldir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("the parent's database folder");
    let out = Command::new(env!("CARGO_BIN_EXE_minim"))
        .env("MINIM_DB", &folder)
        .env_remove("JOBGBL_PROBE")
        .arg(common::root().join("tests/job/jobgbl.m"))
        .arg(&url)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run jobgbl.m");
    let _ = std::fs::remove_dir_all(&folder);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "same database: the child saw ^P=parent and JOBGBL_PROBE=\nother database: [none]\n"
    );
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let rows = client
        .query("SELECT count(*) FROM minim_globals", &[])
        .expect("the table the child made");
    assert_eq!(rows[0].get::<_, i64>(0), 1, "the child's ^C only");
}
