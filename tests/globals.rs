//! The database shared by processes: real minim processes run at once on one database (a
//! fresh folder per test) and the totals must be exact. `$INCREMENT` and SET from several
//! writers; transfers between accounts in transactions, whose sum must never change; a
//! process killed with SIGKILL in the middle of a transaction leaves none of its updates
//! and does not stop the next writer; a LOCK holder killed with SIGKILL frees its lock;
//! updates batched outside TP are committed at every kind of exit and before a WRITE. Waits
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

    /// `minim db ARGS` on this database: exit status, standard output, standard error.
    fn tool(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_minim"))
            .env("MINIM_DB", &self.location)
            .arg("db")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run minim db");
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        (
            out.status.code().unwrap_or(-1),
            text(&out.stdout),
            text(&out.stderr),
        )
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
/// Starts `routine` with its input on a pipe and waits for its "ready" line.
fn start_ready(db: &Db, routine: &str) -> (Child, std::sync::mpsc::Receiver<String>) {
    let mut child = db
        .minim(routine, "")
        .stdin(Stdio::piped())
        .spawn()
        .expect("start");
    let said = lines_of(&mut child);
    assert_eq!(said.recv_timeout(WAIT).expect("ready"), "ready");
    (child, said)
}

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

/// Waits (bounded) for a process to end; its exit status and output.
fn ended(child: Child) -> std::process::Output {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    rx.recv_timeout(WAIT)
        .expect("the process ends in time")
        .expect("process output")
}

/// Waits (bounded) for a process to end; its standard output, which must be a success's.
fn finish(child: Child) -> String {
    let out = ended(child);
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `n` processes of `routine` at once and gives their outputs, in the order started.
fn concurrently(db: &Db, routine: &str, arg: &str, n: usize) -> Vec<String> {
    let children: Vec<Child> = (0..n)
        .map(|_| db.minim(routine, arg).spawn().expect("start a process"))
        .collect();
    children.into_iter().map(finish).collect()
}

fn increments_and_sets(db: &Db) {
    for out in concurrently(db, "incr", "2500", 4) {
        assert_eq!(out, "done\n");
    }
    assert_eq!(db.run("count", ""), "10000 10000\n");
}

/// SETs outside TP only, then exit: on PostgreSQL they are sent in the background
/// (pipelined), and every one must be on the server when the process has ended.
fn sets_then_exit(db: &Db) {
    for out in concurrently(db, "sets", "5000", 3) {
        assert_eq!(out, "done\n");
    }
    assert_eq!(db.run("setcount", ""), "15000 37507500\n");
}

fn transfers(db: &Db) {
    assert_eq!(db.run("bank", "init"), "ready\n");
    for out in concurrently(db, "bank", "500", 4) {
        assert_eq!(out, "done\n");
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

/// Transactions that keep conflicting on one node: after three restarts the fourth try holds
/// the database (GT.M's final retry), so no transaction needs more than three restarts, and
/// the total is exact.
fn final_retry(db: &Db) {
    let mut finals = 0;
    for out in concurrently(db, "hot", "30", 4) {
        let words: Vec<&str> = out.split_whitespace().collect();
        assert!(words.len() == 3 && words[0] == "done", "{out}");
        let most: u32 = words[1].parse().expect("restarts");
        assert!(most <= 3, "a transaction restarted {most} times: {out}");
        finals += words[2].parse::<u32>().expect("final tries");
    }
    println!("{finals} of 120 transactions ran their final try");
    assert_eq!(db.run("hotsum", ""), "120\n");
}

/// `minim db extract` from `from`, `load` into `to` (all or nothing; a key given twice keeps
/// its last value), and the extract of `to` equals the first.
fn extract_and_load(from: &Db, to: &Db) {
    assert_eq!(from.run("mkdata", ""), "made\n");
    let dir = std::env::temp_dir().join(format!("minim-zwr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for extracts");
    let first = dir.join("first.zwr");
    let first = first.to_str().expect("path");
    let (status, _, said) = from.tool(&["extract", first]);
    assert_eq!(
        (status, said.as_str()),
        (0, "minim db: extracted 6003 nodes\n")
    );
    let (status, _, said) = to.tool(&["load", first]);
    assert_eq!(
        (status, said.as_str()),
        (0, "minim db: loaded 6003 nodes\n")
    );
    let (status, again, _) = to.tool(&["extract"]);
    assert_eq!(status, 0);
    let extract = std::fs::read(first).expect("the extract");
    assert!(again.as_bytes() == extract, "the extracts differ");
    // A bad line: nothing of the file is loaded.
    let bad = dir.join("bad.zwr");
    std::fs::write(&bad, b"h\nZWR\n^D(1)=\"changed\"\nnot a node\n").expect("write");
    let (status, _, said) = to.tool(&["load", bad.to_str().expect("path")]);
    assert_eq!(status, 1, "{said}");
    assert!(said.contains("bad.zwr:4: not a ZWR line"), "{said}");
    let twice = dir.join("twice.zwr");
    std::fs::write(&twice, b"h\nZWR\n^D(2)=\"a\"\n^D(2)=\"b\"\n").expect("write");
    let (status, _, _) = to.tool(&["load", twice.to_str().expect("path")]);
    assert_eq!(status, 0);
    let (_, now, _) = to.tool(&["extract"]);
    assert!(
        now.contains("\n^D(1)=\"1\"\n"),
        "the bad file changed ^D(1)"
    );
    assert!(now.contains("\n^D(2)=\"b\"\n"), "the last value wins");
    let _ = std::fs::remove_dir_all(&dir);
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

/// A reader that keeps its read snapshot and cursor between reads sees what another
/// process committed meanwhile, on its very next read ($GET, $ORDER from where its cursor
/// stood, $DATA, $QUERY), as GT.M's readers do.
fn reads_see_other_commits(db: &Db) {
    let (mut reader, said) = start_ready_after(db, "watch", "a 3 1 ^W(3)");
    assert_eq!(db.run("change", ""), "done\n");
    let mut input = reader.stdin.take().expect("stdin");
    input.write_all(b"\n").expect("tell the reader");
    drop(input);
    assert_eq!(said.recv_timeout(WAIT).expect("reads"), "new 2  0 ^W(2)");
    let _ = finish(reader);
}

/// A batch of updates outside TP may stay uncommitted this long in the tests below: only
/// the points where a process may be observed commit it.
const LONG_BATCH_MS: &str = "60000";

/// The updates of a batch are committed however the process ends: the routine's end, HALT,
/// an M error.
fn batches_end_with_the_process(db: &Db) {
    for how in ["quit", "halt", "error"] {
        let mut c = db.minim("batchset", &format!("3000 {how}"));
        let child = c
            .env("MINIM_DB_BATCH_MS", LONG_BATCH_MS)
            .spawn()
            .expect("start");
        let out = ended(child);
        assert_eq!(out.status.success(), how != "error", "{how}: {out:?}");
    }
    assert_eq!(
        db.run("batchcount", ""),
        "error 3000 halt 3000 quit 3000 \n"
    );
}

/// A batch whose update finds the embedded database full (a 1 MiB map): that SET is a
/// GBLOFLOW the routine traps; the batch's earlier updates are all there (committed before
/// the SET ran alone: LMDB undoes a whole transaction that an update failed in), the
/// failing SET is not, and the next update starts a batch that commits. A new process
/// finds the same nodes.
#[test]
fn a_full_database_keeps_the_updates_before_the_failing_one() {
    let db = Db::new("full");
    let mut c = db.minim("full", "");
    let child = c
        .env("MINIM_DB_MAP_MB", "1")
        .env("MINIM_DB_BATCH_MS", LONG_BATCH_MS)
        .spawn()
        .expect("start");
    let out = finish(child);
    let (first, b) = out.rsplit_once("B ").expect("B line");
    assert_eq!(first, "%GTM-E-GBLOFLOW\nA 1 X 10\nall before\n");
    assert!(b.trim().parse::<u32>().is_ok_and(|n| n > 0), "{out}");
    let mut c = db.minim("full", "check");
    let child = c.env("MINIM_DB_MAP_MB", "1").spawn().expect("start");
    assert_eq!(finish(child), "1 same\n");
}

/// A database filled to its end by small SETs in many batches, then thinned by KILLs: the
/// commits near the map's end take pages of their own (LMDB's list of free pages), so
/// each update there is committed as it is made. The update that finds the database full
/// is GBLOFLOW; every SET and KILL that returned before it is kept, in this process and
/// the next.
#[test]
fn a_full_database_keeps_every_update_that_returned() {
    let db = Db::new("fullmany");
    let run = |mode: &str| {
        let mut c = db.minim("fullmany", mode);
        let child = c
            .env("MINIM_DB_MAP_MB", "1")
            .env("MINIM_DB_BATCH_MS", LONG_BATCH_MS)
            .spawn()
            .expect("start");
        finish(child)
    };
    for mode in ["fill", "kill"] {
        let out = run(mode);
        let (said, count) = out.rsplit_once("all kept\n").expect(&out);
        assert!(
            said == "%GTM-E-GBLOFLOW\n" || said == "no error\n",
            "{mode}: {out}"
        );
        assert!(count.trim().parse::<u32>().is_ok_and(|n| n > 0), "{out}");
        assert_eq!(run("count"), count, "{mode}");
    }
}

/// An update inside TP that finds the database full: GBLOFLOW, which the routine traps;
/// until TROLLBACK every use of the database in the transaction (TCOMMIT, a read, a SET)
/// is GBLOFLOW again and $TLEVEL stays 1; TROLLBACK ends it, none of its updates is there,
/// and globals work again, in and out of TP.
#[test]
fn a_full_database_in_a_transaction_leaves_it_to_trollback() {
    let db = Db::new("tpfull");
    let mut c = db.minim("tpfull", "");
    let child = c.env("MINIM_DB_MAP_MB", "1").spawn().expect("start");
    let refused = "refused %GTM-E-GBLOFLOW 1\ndone\n";
    assert_eq!(
        finish(child),
        format!(
            "trap %GTM-E-GBLOFLOW 1\nsaid\n{}after 0\nA 1 T 0 X 0 Z 0\nB 2\nC 3\n",
            refused.repeat(3)
        )
    );
}

/// A SET followed by a WRITE: once another process has read the WRITE's output, it sees the
/// SET. A SET after the WRITE stays in the writer's batch (`exact`: the embedded store; on
/// PostgreSQL it is sent in the background) until another process waits to write: the
/// batch is then committed, and the waiter gets the write lock while the first process
/// goes on writing.
fn a_write_follows_its_sets(db: &Db, exact: bool) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().expect("port").port().to_string();
    let mut c = db.minim("seewrite", &port);
    let writer = c
        .env("MINIM_DB_BATCH_MS", LONG_BATCH_MS)
        .spawn()
        .expect("start");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(listener.accept());
    });
    let (conn, _) = rx
        .recv_timeout(WAIT)
        .expect("the writer connects in time")
        .expect("accept");
    conn.set_read_timeout(Some(WAIT)).expect("timeout");
    let mut said = BufReader::new(conn).lines();
    let mut next = || said.next().expect("a line").expect("read");
    assert_eq!(next(), "set");
    let seen = db.run("peek", "");
    match exact {
        true => assert_eq!(seen, "1\n"),
        false => assert!(seen == "1\n" || seen == "2\n", "{seen}"),
    }
    let start = Instant::now();
    assert_eq!(db.run("go", ""), "done\n");
    println!("a writer waited {:?} for the batch holder", start.elapsed());
    assert_eq!(next(), "go seen");
    let _ = finish(writer);
    assert_eq!(db.run("peek", ""), "2\n");
}

/// `start_ready` for a routine that writes one line (`first`) before "ready".
fn start_ready_after(
    db: &Db,
    routine: &str,
    first: &str,
) -> (Child, std::sync::mpsc::Receiver<String>) {
    let mut child = db
        .minim(routine, "")
        .stdin(Stdio::piped())
        .spawn()
        .expect("start");
    let said = lines_of(&mut child);
    assert_eq!(said.recv_timeout(WAIT).expect("first reads"), first);
    assert_eq!(said.recv_timeout(WAIT).expect("ready"), "ready");
    (child, said)
}

#[test]
fn reads_see_what_another_process_committed() {
    reads_see_other_commits(&Db::new("watch"));
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
fn batched_updates_are_committed_at_every_kind_of_exit() {
    batches_end_with_the_process(&Db::new("batchexit"));
}

#[test]
fn a_set_is_seen_once_a_write_after_it_has_been_read() {
    a_write_follows_its_sets(&Db::new("seewrite"), true);
}

#[test]
fn transfers_in_transactions_keep_the_sum() {
    transfers(&Db::new("bank"));
}

#[test]
fn a_transaction_needs_at_most_three_restarts() {
    final_retry(&Db::new("hot"));
}

#[test]
fn an_extract_loads_into_another_database() {
    extract_and_load(&Db::new("extract"), &Db::new("load"));
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
    batches_end_with_the_process(&Db::on(&pg));
    a_write_follows_its_sets(&Db::on(&pg), false);
    transfers(&Db::on(&pg));
    final_retry(&Db::on(&pg));
    killed_transaction(&Db::on(&pg));
    killed_lock_holder(&Db::on(&pg));
    // Both ways between the embedded store and PostgreSQL.
    extract_and_load(&Db::new("to-pg"), &Db::on(&pg));
    extract_and_load(&Db::on(&pg), &Db::new("from-pg"));
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
    let (mut child, said) = start_ready(&db, "lost");
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

/// The connection used for LOCK is cut (its server process terminated): the holder's next
/// LOCK is a DBFILERR it traps, its names are released (another process takes them) and no
/// longer shown, and the LOCK after that connects again.
#[test]
fn a_lost_lock_connection_is_an_error_the_routine_traps() {
    let Some(pg) = PgServer::start("lostlock") else {
        return;
    };
    let db = Db::on(&pg);
    let (mut child, said) = start_ready(&db, "lostlock");
    // The lock connection is the session holding an owner token (minim's advisory key,
    // a second key above 0).
    let mut admin = postgres::Client::connect(&db.location, postgres::NoTls).expect("connect");
    let cut = admin
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' \
             AND granted AND objsubid = 2 AND classid::text::bigint = 1296649801 \
             AND objid::text::bigint > 0",
            &[],
        )
        .expect("terminate the lock connection");
    assert_eq!(cut.len(), 1);
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(b"\n").expect("go on");
    assert_eq!(
        said.recv_timeout(WAIT).expect("trapped"),
        "trapped %GTM-E-DBFILERR"
    );
    assert_eq!(said.recv_timeout(WAIT).expect("zshow"), "MLG:1,MLT:0");
    assert_eq!(said.recv_timeout(WAIT).expect("cut"), "cut");
    assert_eq!(db.run("lockfree", ""), "1\n", "^L(1) was released");
    input.write_all(b"\n").expect("go on");
    drop(input);
    for line in ["1", "MLG:2,MLT:0", "LOCK ^L(3) LEVEL=1", "done"] {
        assert_eq!(said.recv_timeout(WAIT).expect("after"), line);
    }
    let _ = child.wait();
}
