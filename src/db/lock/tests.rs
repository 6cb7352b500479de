use super::file::expected_header;
use super::shm::Wake;
use super::*;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const A: &[u8] = b"^A\0";
const A1: &[u8] = b"^A\0\xBF\x11\0";
const A2: &[u8] = b"^A\0\xBF\x12\0";
const A1X: &[u8] = b"^A\0\xBF\x11\0\xFFx\0";
const AB: &[u8] = b"^AB\0";
const X: &[u8] = b"x\0";

/// A fresh directory for one test's table, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new(test: &str) -> Dir {
        let path = std::env::temp_dir().join(format!("minim-lock-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        Dir(path)
    }

    fn open(&self) -> LockTable {
        LockTable::open(&self.0).expect("open the lock table")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn never() -> bool {
    false
}

/// One try, as `LOCK +name:0`.
fn try_now(table: &mut LockTable, names: &[&[u8]]) -> bool {
    table
        .acquire(names, Some(Instant::now()), &never)
        .expect("acquire")
}

#[test]
fn names_conflict_along_the_tree_only() {
    let dir = Dir::new("tree");
    let mut holder = dir.open();
    let mut other = dir.open();
    assert!(try_now(&mut holder, &[A1]));
    assert!(!try_now(&mut other, &[A1]), "equal name");
    assert!(!try_now(&mut other, &[A]), "ancestor");
    assert!(!try_now(&mut other, &[A1X]), "descendant");
    assert!(try_now(&mut other, &[A2]), "sibling");
    assert!(try_now(&mut other, &[AB]), "^AB is not under ^A");
    assert!(try_now(&mut other, &[X]), "a local");
    assert!(
        try_now(&mut holder, &[A1X, A1]),
        "an owner never blocks itself"
    );
    assert_eq!(holder.held(), vec![(A1.to_vec(), 2), (A1X.to_vec(), 1)]);
}

#[test]
fn levels_rise_and_fall() {
    let dir = Dir::new("levels");
    let mut holder = dir.open();
    let mut other = dir.open();
    assert!(try_now(&mut holder, &[AB]));
    for _ in 0..3 {
        assert!(try_now(&mut holder, &[A1]));
    }
    assert_eq!(holder.held(), vec![(AB.to_vec(), 1), (A1.to_vec(), 3)]);
    holder.release(A1);
    holder.release(A1);
    holder.release(A2);
    assert_eq!(holder.held(), vec![(AB.to_vec(), 1), (A1.to_vec(), 1)]);
    assert!(!try_now(&mut other, &[A1]));
    holder.release(A1);
    assert_eq!(holder.held(), vec![(AB.to_vec(), 1)]);
    assert!(try_now(&mut other, &[A1]));
    holder.release_all();
    assert!(holder.held().is_empty());
    assert!(try_now(&mut other, &[AB]));
}

#[test]
fn all_or_none() {
    let dir = Dir::new("all");
    let mut holder = dir.open();
    let mut other = dir.open();
    let mut third = dir.open();
    assert!(try_now(&mut holder, &[A2]));
    assert!(!try_now(&mut other, &[A1, X, A2]));
    assert!(other.held().is_empty());
    assert!(try_now(&mut third, &[A1, X]), "nothing was left taken");
}

#[test]
fn dropping_the_table_releases_its_locks() {
    let dir = Dir::new("drop");
    let mut other = dir.open();
    let mut holder = dir.open();
    assert!(try_now(&mut holder, &[A, X]));
    drop(holder);
    assert!(try_now(&mut other, &[A1, X]));
}

#[test]
fn process_slots_are_reused() {
    let dir = Dir::new("slots");
    for _ in 0..PROCS + 10 {
        let mut table = dir.open();
        assert!(try_now(&mut table, &[A]));
    }
}

#[test]
fn timeout_returns_false_in_bounded_time() {
    let dir = Dir::new("timeout");
    let mut holder = dir.open();
    let mut other = dir.open();
    assert!(try_now(&mut holder, &[A]));
    let start = Instant::now();
    let taken = other.acquire(&[A1], Some(start + Duration::from_millis(100)), &never);
    let waited = start.elapsed();
    assert!(!taken.expect("acquire"));
    assert!(waited >= Duration::from_millis(100), "{waited:?}");
    assert!(waited < Duration::from_secs(1), "{waited:?}");
}

#[test]
fn an_interrupt_ends_the_wait() {
    let dir = Dir::new("interrupt");
    let mut holder = dir.open();
    let mut other = dir.open();
    assert!(try_now(&mut holder, &[A]));
    let error = other.acquire(&[A], None, &|| true).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Interrupted);
    assert!(other.held().is_empty());
}

#[test]
fn a_waiter_gets_the_lock_soon_after_its_release() {
    let dir = Dir::new("waiter");
    let mut holder = dir.open();
    let mut waiter = dir.open();
    assert!(try_now(&mut holder, &[A1]));
    let (blocked_tx, blocked_rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let blocked = !try_now(&mut waiter, &[A]);
        blocked_tx.send(blocked).expect("send");
        let taken = waiter.acquire(&[A], Some(Instant::now() + Duration::from_secs(10)), &never);
        (taken.expect("acquire"), Instant::now(), waiter.held())
    });
    assert!(
        blocked_rx.recv().expect("receive"),
        "the waiter was not blocked"
    );
    let released = Instant::now();
    holder.release(A1);
    let (taken, at, held) = thread.join().expect("join");
    assert!(taken);
    assert_eq!(held, vec![(A.to_vec(), 1)]);
    let delay = at.duration_since(released);
    assert!(delay < Duration::from_millis(500), "{delay:?}");
}

#[test]
fn bad_requests_are_errors() {
    let dir = Dir::new("bad");
    let mut table = dir.open();
    let long = vec![b'a'; MAX_NAME + 1];
    let no_end: &[u8] = b"^A";
    for name in [&long[..], no_end, b""] {
        let error = table.acquire(&[A, name], None, &never).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
    }
    let mut longest = vec![b'a'; MAX_NAME];
    longest[MAX_NAME - 1] = 0;
    assert!(try_now(&mut table, &[&longest]));
    let many: Vec<Vec<u8>> = (0..ENTRIES)
        .map(|i| format!("n{i}\0").into_bytes())
        .collect();
    let names: Vec<&[u8]> = many.iter().map(|n| &n[..]).collect();
    let full = table.acquire(&names, None, &never).unwrap_err();
    assert!(full.to_string().contains("full"), "{full}");
    assert_eq!(table.held().len(), 1, "nothing more was taken");
    let too_high = vec![A; MAX_LEVEL as usize + 1];
    assert!(table.acquire(&too_high, None, &never).is_err());
    assert!(try_now(&mut table, &too_high[1..]));
    assert_eq!(table.held()[1], (A.to_vec(), MAX_LEVEL));
}

#[test]
fn a_file_of_another_layout_is_refused() {
    let dir = Dir::new("layout");
    std::fs::create_dir_all(&dir.0).expect("mkdir");
    let path = dir.0.join("locks.shm");
    std::fs::write(&path, b"hello").expect("write");
    let error = LockTable::open(&dir.0).err().expect("refused");
    assert!(
        error.to_string().contains("not a minim lock table"),
        "{error}"
    );
    let mut header = expected_header();
    header[8] = 99;
    std::fs::write(&path, header).expect("write");
    let error = LockTable::open(&dir.0).err().expect("refused");
    assert!(error.to_string().contains("another layout"), "{error}");
}

const CHILD: &str = "MINIM_LOCK_TEST_CHILD";
const READY: &str = "MINIM-LOCK-CHILD-READY";

/// The child's part of `a_killed_holder_frees_its_locks`: take ^A(1), say so, wait.
fn hold_until_killed(dir: &Path) {
    let mut table = LockTable::open(dir).expect("open");
    assert!(table.acquire(&[A1], None, &never).expect("acquire"));
    println!("{READY}");
    io::stdout().flush().expect("flush");
    let mut line = String::new();
    let _ = io::stdin().read_line(&mut line);
}

#[test]
fn a_killed_holder_frees_its_locks() {
    if let Some(dir) = std::env::var_os(CHILD) {
        return hold_until_killed(Path::new(&dir));
    }
    let dir = Dir::new("killed");
    let test = module_path!()
        .split_once("::")
        .map_or("", |(_, m)| m)
        .to_string();
    let test = format!("{test}::a_killed_holder_frees_its_locks");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", &test, "--nocapture", "--test-threads=1"])
        .env(CHILD, &dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child");
    let stdout = child.stdout.take().expect("child stdout");
    let (ready_tx, ready_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains(READY));
        let _ = ready_tx.send(ready);
    });
    let ready = ready_rx.recv_timeout(Duration::from_secs(30));
    if ready != Ok(true) {
        let _ = child.kill();
        panic!("the child did not take the lock: {ready:?}");
    }
    let mut table = dir.open();
    assert!(!try_now(&mut table, &[A]), "the child holds ^A(1)");
    child.kill().expect("kill -9 the child");
    let killed = Instant::now();
    let taken = table.acquire(&[A], Some(killed + Duration::from_secs(1)), &never);
    let freed_after = killed.elapsed();
    let _ = child.wait();
    println!("a killed holder's lock was taken {freed_after:?} after kill -9");
    assert!(taken.expect("acquire"), "not freed within 1 s");
}

/// A release wakes an owner sleeping on the release count at once, whether it came
/// before the sleep began (the count differs: no sleep) or during it. Without the wake
/// the sleeper would sleep its whole 30 s pause.
#[cfg(target_os = "linux")]
#[test]
fn a_release_ends_the_sleep_of_a_waiter() {
    let words = std::sync::Arc::new([AtomicU32::new(7), AtomicU32::new(0)]);
    let (about_to_sleep, ready) = mpsc::channel();
    let sleeper = {
        let words = words.clone();
        std::thread::spawn(move || {
            let wake = Wake {
                releases: &words[0],
                sleepers: &words[1],
            };
            let seen = wake.releases();
            about_to_sleep.send(()).expect("send");
            let start = Instant::now();
            wake.sleep(seen, Duration::from_secs(30));
            start.elapsed()
        })
    };
    ready.recv().expect("the sleeper started");
    let wake = Wake {
        releases: &words[0],
        sleepers: &words[1],
    };
    wake.released();
    let slept = sleeper.join().expect("the sleeper ends");
    assert!(slept < Duration::from_secs(20), "slept {slept:?}");
    assert_eq!(wake.releases(), 8);
    assert_eq!(
        words[1].load(Ordering::SeqCst),
        0,
        "no sleeper left counted"
    );
}
