//! The database shared by processes: real minim processes run at once on one database (a
//! fresh folder per test) and the totals must be exact. `$INCREMENT` and SET from several
//! writers; transfers between accounts in transactions, whose sum must never change; a
//! process killed with SIGKILL in the middle of a transaction leaves none of its updates
//! and does not stop the next writer; a LOCK holder killed with SIGKILL frees its lock. Waits
//! are bounded; readiness is read from output. Every scenario runs on the embedded store and
//! again on a PostgreSQL server of the test's own (skipped, saying so, without PostgreSQL).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod common;

use common::pg::PgServer;

const WAIT: Duration = Duration::from_secs(60);

fn routine(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/globals")
        .join(format!("{name}.m"))
}

/// A fresh database: a folder (removed at the end of the test) or a PostgreSQL database.
struct Db {
    location: String,
    folder: Option<PathBuf>,
}

impl Db {
    fn new(test: &str) -> Db {
        let dir = std::env::temp_dir().join(format!("minim-db-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Db {
            location: dir.display().to_string(),
            folder: Some(dir),
        }
    }

    fn on(pg: &PgServer) -> Db {
        Db {
            location: pg.fresh_database(),
            folder: None,
        }
    }

    fn minim(&self, name: &str, args: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_minim"));
        c.env("MINIM_DB", &self.location)
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
        if let Some(dir) = &self.folder {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The lines a child writes, as they come.
fn lines_of(child: &mut Child) -> std::sync::mpsc::Receiver<String> {
    let out = child.stdout.take().expect("stdout");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
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

fn increments_and_sets(db: &Db) {
    let writers: Vec<Child> = (0..4)
        .map(|_| db.minim("incr", "2500").spawn().expect("start writer"))
        .collect();
    for w in writers {
        assert_eq!(finish(w), "done\n");
    }
    assert_eq!(db.run("count", ""), "10000 10000\n");
}

/// SETs outside TP only, then exit: on PostgreSQL they are sent in the background
/// (pipelined), and every one must be on the server when the process has ended.
fn sets_then_exit(db: &Db) {
    let writers: Vec<Child> = (0..3)
        .map(|_| db.minim("sets", "5000").spawn().expect("start writer"))
        .collect();
    for w in writers {
        assert_eq!(finish(w), "done\n");
    }
    assert_eq!(db.run("setcount", ""), "15000 37507500\n");
}

fn transfers(db: &Db) {
    assert_eq!(db.run("bank", "init"), "ready\n");
    let workers: Vec<Child> = (0..4)
        .map(|_| db.minim("bank", "500").spawn().expect("start worker"))
        .collect();
    for w in workers {
        assert_eq!(finish(w), "done\n");
    }
    assert_eq!(db.run("sum", ""), "10000\n");
}

fn killed_transaction(db: &Db) {
    let mut holder = db.minim("midtp", "").spawn().expect("start holder");
    let lines = lines_of(&mut holder);
    assert_eq!(lines.recv_timeout(WAIT).expect("holder ready"), "ready");
    holder.kill().expect("SIGKILL the holder"); // by its PID, through its handle
    let _ = holder.wait();
    let start = Instant::now();
    assert_eq!(db.run("after", ""), "00\nmine\n");
    assert!(start.elapsed() < WAIT);
}

/// `kill -9` of a LOCK holder: a waiter for an ancestor name gets it soon after.
fn killed_lock_holder(db: &Db) {
    let mut holder = db.minim("lockhold", "").spawn().expect("start holder");
    let held = lines_of(&mut holder);
    assert_eq!(held.recv_timeout(WAIT).expect("holder ready"), "ready");
    let mut waiter = db.minim("lockwait", "");
    let mut waiter = waiter.stdin(Stdio::piped()).spawn().expect("start waiter");
    let said = lines_of(&mut waiter);
    assert_eq!(said.recv_timeout(WAIT).expect("first try"), "0");
    assert_eq!(said.recv_timeout(WAIT).expect("go"), "go");
    holder.kill().expect("SIGKILL the holder");
    let _ = holder.wait();
    let killed = Instant::now();
    let mut input = waiter.stdin.take().expect("stdin");
    input.write_all(b"\n").expect("tell the waiter");
    drop(input);
    assert_eq!(said.recv_timeout(WAIT).expect("taken"), "1");
    let freed = killed.elapsed();
    println!("a killed holder's LOCK was taken {freed:?} after kill -9");
    assert!(freed < Duration::from_secs(5), "{freed:?}");
    let _ = waiter.wait();
}

#[test]
fn increments_and_sets_from_four_processes_are_exact() {
    increments_and_sets(&Db::new("incr"));
}

#[test]
fn sets_are_all_there_when_the_writers_have_ended() {
    sets_then_exit(&Db::new("sets"));
}

#[test]
fn transfers_in_transactions_keep_the_sum() {
    transfers(&Db::new("bank"));
}

#[test]
fn a_killed_transaction_leaves_nothing_and_blocks_nobody() {
    killed_transaction(&Db::new("kill"));
}

#[test]
fn a_killed_lock_holder_frees_its_lock() {
    killed_lock_holder(&Db::new("lock"));
}

/// The same scenarios with every process on one PostgreSQL server, as if on several machines.
#[test]
fn postgres_runs_the_same_multi_process_tests() {
    let Some(pg) = PgServer::start("globals") else {
        return;
    };
    increments_and_sets(&Db::on(&pg));
    sets_then_exit(&Db::on(&pg));
    transfers(&Db::on(&pg));
    killed_transaction(&Db::on(&pg));
    killed_lock_holder(&Db::on(&pg));
}

/// A server that goes away mid-run: the next global reference is an M error the routine
/// traps (DBFILERR, as GT.M reports a database it cannot reach), not a hang or a crash. A
/// SET outside TP, sent in the background, fails at the operation after it.
#[test]
fn a_lost_server_is_an_error_the_routine_traps() {
    let Some(pg) = PgServer::start("lost") else {
        return;
    };
    let db = Db::on(&pg);
    let mut child = db
        .minim("lost", "")
        .stdin(Stdio::piped())
        .spawn()
        .expect("start");
    let said = lines_of(&mut child);
    assert_eq!(said.recv_timeout(WAIT).expect("ready"), "ready");
    pg.stop();
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(b"\n").expect("go on");
    drop(input);
    // Every kind of global operation fails as DBFILERR, and each is trapped.
    for _ in 0..12 {
        let start = Instant::now();
        assert_eq!(
            said.recv_timeout(WAIT).expect("trapped"),
            "trapped %GTM-E-DBFILERR"
        );
        assert!(start.elapsed() < WAIT);
    }
    assert_eq!(said.recv_timeout(WAIT).expect("done"), "done");
    let _ = child.wait();
}
