//! The database shared by processes: real minim processes run at once on one database (a
//! fresh folder per test) and the totals must be exact. `$INCREMENT` and SET from several
//! writers; transfers between accounts in transactions, whose sum must never change; a
//! process killed with SIGKILL in the middle of a transaction leaves none of its updates
//! and does not stop the next writer. Waits are bounded; readiness is read from output.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(60);

fn routine(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/globals")
        .join(format!("{name}.m"))
}

/// A fresh database folder, removed at the end of the test.
struct Db(PathBuf);

impl Db {
    fn new(test: &str) -> Db {
        let dir = std::env::temp_dir().join(format!("minim-db-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Db(dir)
    }

    fn minim(&self, name: &str, args: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_minim"));
        c.env("MINIM_DB", &self.0)
            .arg(routine(name))
            .args(args.split_whitespace())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    /// Runs a routine to its end and returns its output.
    fn run(&self, name: &str, args: &str) -> String {
        let child = self.minim(name, args).spawn().expect("start minim");
        finish(child)
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Waits (bounded) for a process to end; its standard output, which must be a success's.
fn finish(child: Child) -> String {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = rx
        .recv_timeout(WAIT)
        .expect("the process ends in time")
        .expect("process output");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn increments_and_sets_from_four_processes_are_exact() {
    let db = Db::new("incr");
    let writers: Vec<Child> = (0..4)
        .map(|_| db.minim("incr", "2500").spawn().expect("start writer"))
        .collect();
    for w in writers {
        assert_eq!(finish(w), "done\n");
    }
    assert_eq!(db.run("count", ""), "10000 10000\n");
}

#[test]
fn transfers_in_transactions_keep_the_sum() {
    let db = Db::new("bank");
    assert_eq!(db.run("bank", "init"), "ready\n");
    let workers: Vec<Child> = (0..4)
        .map(|_| db.minim("bank", "500").spawn().expect("start worker"))
        .collect();
    for w in workers {
        assert_eq!(finish(w), "done\n");
    }
    assert_eq!(db.run("sum", ""), "10000\n");
}

#[test]
fn a_killed_transaction_leaves_nothing_and_blocks_nobody() {
    let db = Db::new("kill");
    let mut holder = db.minim("midtp", "").spawn().expect("start holder");
    let out = holder.stdout.take().expect("stdout");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    assert_eq!(rx.recv_timeout(WAIT).expect("holder ready"), "ready\n");
    holder.kill().expect("SIGKILL the holder"); // by its PID, through its handle
    let _ = holder.wait();
    let start = Instant::now();
    assert_eq!(db.run("after", ""), "00\nmine\n");
    assert!(start.elapsed() < WAIT);
}
