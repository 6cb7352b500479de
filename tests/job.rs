//! JOB with a socket: `tests/job/jobecho.m` listens on a port the OS picks and JOBs one
//! child per connection, the connection passed as the child's principal device. A client
//! here talks to the children. The same routine runs under GT.M (when installed) and must
//! give the same transcript. The many-children test (`tests/job/jobmany.m`, 10,000 JOBs in a
//! row) checks that the listener ends with the descriptors it started with and that no
//! child stays a zombie.
//!
//! Waits are bounded; the port is read from the listener's first output line.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

mod common;
use common::proc::{exit_code, output_of_success, port_line, stdout_lines};
use common::{Imp, gtm_available, gtm_lock, m_command, root};

const WAIT: Duration = Duration::from_secs(30);

struct Listener {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    port: u16,
}

impl Listener {
    fn start(imp: Imp, connections: usize) -> Listener {
        Listener::run(imp, "jobecho.m", &connections.to_string())
    }

    fn run(imp: Imp, routine: &str, arg: &str) -> Listener {
        let mut cmd = m_command(imp);
        cmd.arg(root().join("tests/job").join(routine))
            .arg(arg)
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().expect("start the listener");
        let stdin = child.stdin.take();
        let lines = stdout_lines(&mut child);
        let port = port_line(&lines, "port ", WAIT);
        Listener {
            child,
            stdin,
            lines,
            port,
        }
    }

    fn line(&self) -> String {
        self.lines
            .recv_timeout(WAIT)
            .expect("a listener line in time")
    }

    /// Lets the listener end (its last READ sees end of file) and waits for it.
    fn finish(mut self) -> i32 {
        drop(self.stdin.take());
        exit_code(&mut self.child, WAIT).unwrap_or(-1)
    }
}

/// One conversation with a JOBbed child; returns everything it sent.
fn converse(port: u16) -> String {
    let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(WAIT)).expect("timeout");
    let mut r = BufReader::new(s.try_clone().expect("clone"));
    let mut w = s;
    let mut got = String::new();
    let mut line = String::new();
    r.read_line(&mut line).expect("hello line");
    got.push_str(&line);
    w.write_all(b"one\n").expect("send");
    for _ in 0..2 {
        line.clear();
        r.read_line(&mut line).expect("a reply line");
        got.push_str(&line);
    }
    w.write_all(b"two\npart").expect("send");
    w.shutdown(Shutdown::Write).expect("half-close");
    // The end of file comes only when every copy of the socket is closed: the child's
    // when it ends, and the parent's, which JOB closes.
    r.read_to_string(&mut got)
        .expect("the rest, to end of file");
    got
}

const TRANSCRIPT: &str = "\
no delimiter: hello key=ESTABLISHED device=0 zeof=0 io=0 principal=0 \
zshow=[0 OPEN SOCKET NOWRAP TOTAL=1 CURRENT=0 ][                ZDELAY  ZBFSIZE=1024 ZIBFSIZE=0 NODELIMITER ]0
wait 1 READ
echo [one] $test=1 $key=10 $zeof=0 $device=0
echo [two] $test=1 $key=10 $zeof=0 $device=0
echo [part] $test=1 $key=-1 $zeof=1 $device=0
bye
";

fn socket_job(imp: Imp) {
    let l = Listener::start(imp, 2);
    for i in 1..=2 {
        assert_eq!(converse(l.port), TRANSCRIPT, "{imp:?} connection {i}");
        assert_eq!(l.line(), format!("jobbed {i} 1"), "{imp:?}");
    }
    assert_eq!(l.line(), "served 2");
    assert_eq!(l.finish(), 0, "{imp:?} listener exit status");
}

#[test]
fn a_jobbed_child_serves_the_passed_socket_as_gtm_does() {
    socket_job(Imp::Minim);
    if gtm_available() {
        let _g = gtm_lock();
        socket_job(Imp::Gtm);
    } else {
        eprintln!("GT.M is not installed: only minim was checked");
    }
}

fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("the listener's descriptors")
        .count()
}

/// The children of `pid` by state (the letter in /proc/N/stat): (zombies, all).
fn children(pid: u32) -> (usize, usize) {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return (0, 0);
    };
    let states: Vec<char> = dir
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter_map(|stat| {
            // pid (comm) state ppid ...: comm may hold spaces, so split after its ')'.
            let rest = stat.rsplit_once(") ")?.1.to_owned();
            let mut f = rest.split(' ');
            let state = f.next()?.chars().next()?;
            let ppid = f.next()?.parse::<u32>().ok()?;
            (ppid == pid).then_some(state)
        })
        .collect();
    (states.iter().filter(|&&c| c == 'Z').count(), states.len())
}

/// One client of `jobmany.m`: connects `count` times in a row; each connection's JOBbed
/// child writes one line and ends, which the client sees as its end of file.
fn light_clients(port: u16, count: usize) -> usize {
    let mut served = 0;
    for _ in 0..count {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(WAIT)).expect("timeout");
        let mut got = String::new();
        s.read_to_string(&mut got).expect("to end of file");
        served += usize::from(got.starts_with("child ") && got.ends_with('\n'));
    }
    served
}

/// The issue's own figure: a listener JOBs 10,000 children in a row, each given its
/// connection. Four clients keep it busy (the listener still JOBs one child at a time).
#[test]
fn ten_thousand_jobs_leave_no_descriptor_and_no_zombie() {
    const N: usize = 10_000;
    const CLIENTS: usize = 4;
    let l = Listener::run(Imp::Minim, "jobmany.m", &N.to_string());
    let pid = l.child.id();
    let before = open_fds(pid);
    let started = Instant::now();
    let port = l.port;
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| std::thread::spawn(move || light_clients(port, N / CLIENTS)))
        .collect();
    let served: usize = clients
        .into_iter()
        .map(|c| c.join().expect("a client thread"))
        .sum();
    assert_eq!(served, N, "connections answered by their child");
    assert_eq!(l.line(), format!("served {N} failed 0"));
    let elapsed = started.elapsed();
    // Every child ends (its client saw the end of file) and the reaper answers its
    // SIGCHLD: wait until the listener has no child at all. Counting only zombies could
    // pass at once while the last child still runs, then catch it in the instant between
    // its exit and the reaper's waitpid.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut left = children(pid);
    while left.1 > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        left = children(pid);
    }
    assert_eq!(left, (0, 0), "children left (zombies, all)");
    assert_eq!(
        open_fds(pid),
        before,
        "descriptors before and after {N} JOBs"
    );
    assert_eq!(l.finish(), 0);
    eprintln!(
        "{N} JOBbed connections in {:.2}s ({:.0}/s)",
        elapsed.as_secs_f64(),
        N as f64 / elapsed.as_secs_f64()
    );
}

#[test]
fn a_job_that_cannot_start_leaves_no_child_behind() {
    // JOBFAIL for a label that is not there: no process is started at all.
    let dir = std::env::temp_dir().join(format!("minim-job-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("folder");
    let src = dir.join("jobnone.m");
    std::fs::write(
        &src,
        "jobnone set $etrap=\"write $piece($zstatus,\"\",\"\",3),! set $ecode=\"\"\"\" quit\"\n do x\n write $zjob,!\n quit\nx job nolabel:(output=\"/dev/null\":error=\"/dev/null\") quit\n",
    )
    .expect("routine");
    let out = Command::new(env!("CARGO_BIN_EXE_minim"))
        .arg(&src)
        .output()
        .expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "%GTM-E-JOBFAIL\n0\n");
}

const PASS_CLIENT: &str = "worker accepted 1 ESTABLISHED\necho [ping]\n";
const PASS_DISPATCHER: &[&str] = &[
    "worker connected: CONNECT",
    "client: CONNECT",
    "not in the pool: %GTM-E-SOCKNOTFND",
    "wrong pid: %GTM-E-PEERPIDMISMATCH",
    "passed: 1",
    "after the pass: %GTM-E-SOCKNOTFND",
    "worker ended: 1",
];

fn pass_to_worker(imp: Imp) {
    let path = std::env::temp_dir().join(format!("minim-jobpass-{}-{imp:?}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let l = Listener::run(imp, "jobpass.m", path.to_str().expect("path"));
    let s = TcpStream::connect(("127.0.0.1", l.port)).expect("connect");
    s.set_read_timeout(Some(WAIT)).expect("timeout");
    let mut r = BufReader::new(s.try_clone().expect("clone"));
    let mut got = String::new();
    r.read_line(&mut got).expect("the worker's first line");
    (&s).write_all(b"ping\n").expect("send");
    r.read_to_string(&mut got)
        .expect("the rest, to end of file");
    assert_eq!(got, PASS_CLIENT, "{imp:?}");
    for want in PASS_DISPATCHER {
        assert_eq!(l.line(), *want, "{imp:?}");
    }
    assert_eq!(l.finish(), 0, "{imp:?}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn write_pass_hands_a_connection_to_a_running_worker_as_gtm_does() {
    pass_to_worker(Imp::Minim);
    if gtm_available() {
        let _g = gtm_lock();
        pass_to_worker(Imp::Gtm);
    } else {
        eprintln!("GT.M is not installed: only minim was checked");
    }
}

/// `minim` with its database at `db` (a folder), standard output as text.
fn on_database(db: &std::path::Path, args: &[&str]) -> String {
    output_of_success(
        Command::new(env!("CARGO_BIN_EXE_minim"))
            .env("MINIM_DB", db)
            .env("JOBGBL_PROBE", "from the parent")
            .args(args)
            .current_dir(std::env::temp_dir()),
    )
}

/// GBLDIR names the child's database (minim's database is a folder or a URL, MINIM_DB);
/// without it the child uses its parent's. Either way it has the parent's environment.
#[test]
fn gbldir_gives_the_child_another_database() {
    let dir = std::env::temp_dir().join(format!("minim-jobgbl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (mine, other) = (dir.join("parent"), dir.join("other"));
    for d in [&mine, &other] {
        std::fs::create_dir_all(d).expect("a database folder");
    }
    let routine = root().join("tests/job/jobgbl.m");
    let said = on_database(
        &mine,
        &[
            routine.to_str().expect("path"),
            other.to_str().expect("path"),
        ],
    );
    assert_eq!(
        said,
        "same database: the child saw ^P=parent and JOBGBL_PROBE=from the parent\nother database: [none]\n"
    );
    let there = on_database(
        &other,
        &["-run", "%XCMD", "write $get(^C),\"/\",$data(^P),!"],
    );
    assert_eq!(
        there,
        "the child saw ^P=[none] and JOBGBL_PROBE=from the parent/0\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
