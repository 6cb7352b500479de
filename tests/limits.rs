//! Memory and file output as processes: GT.M's `$ZMALLOCLIM` (MALLOCCRIT, trappable), the hard
//! limit (fatal MEMORY, status 220, output kept), files written through a bounded buffer and
//! finished at every kind of exit (HALT, error, SIGTERM) as GT.M does. Waits are bounded.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "common/tempdir.rs"]
mod tempdir;
use tempdir::TempDir;

/// A fresh folder of the test's own, removed at its end.
fn folder(name: &str) -> TempDir {
    TempDir::new("limits", name)
}

fn routine(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(format!("{name}.m"));
    std::fs::write(&path, body).expect("write routine");
    path
}

fn command(path: &Path, env: &[(&str, &str)]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minim"));
    c.arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("gtm_malloc_limit")
        .env_remove("ydb_malloc_limit")
        .env_remove("MINIM_MEMORY_MAX");
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

/// Runs to the end, at most `limit`.
fn run(path: &Path, env: &[(&str, &str)], limit: Duration) -> Output {
    let mut child = command(path, env).spawn().expect("start minim");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("minim still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// 100 KB strings kept in a local array until the limit is crossed.
const FILL: &str = "fill for i=1:1 set x(i)=$justify(i,100000) if i#100=0 write i,!\n quit\n";

#[test]
fn crossing_zmalloclim_is_a_malloccrit_the_trap_handles_once() {
    let dir = folder("crit");
    let body = format!(
        " set $etrap=\"write $piece($zstatus,\"\",\"\",3,4),! set $ecode=\"\"\"\" quit\"\n write $zmalloclim,!\n do fill\n write \"after\",!\n set $zmalloclim=0 write $zmalloclim,!\n quit\n{FILL}"
    );
    let path = routine(&dir, "crit", &body);
    let out = run(
        &path,
        &[("gtm_malloc_limit", "67108864")],
        Duration::from_secs(60),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "67108864");
    let crit = lines.iter().position(|l| {
        l.starts_with("%GTM-W-MALLOCCRIT, Memory allocation critical due to request for ")
    });
    let crit = crit.unwrap_or_else(|| panic!("no MALLOCCRIT in {stdout}"));
    // Reached near the limit: 64 MiB of 100 KB strings is about 670 of them.
    let before: u32 = lines[crit - 1].parse().expect("a count");
    assert!(
        (300..=700).contains(&before),
        "MALLOCCRIT after {before} strings"
    );
    assert_eq!(&lines[crit + 1..], ["after", "0"]);
}

#[test]
fn the_hard_limit_ends_with_gtm_s_fatal_memory_keeping_the_output() {
    let dir = folder("hard");
    let body = format!(
        " write \"start\",!\n set $etrap=\"write \"\"never\"\",!\"\n do fill\n quit\n{FILL}"
    );
    let path = routine(&dir, "hard", &body);
    let out = run(
        &path,
        &[("MINIM_MEMORY_MAX", "200000000")],
        Duration::from_secs(60),
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(220), "{stderr}");
    assert!(
        stderr.starts_with("%GTM-F-MEMORY, Central memory exhausted during request for "),
        "{stderr}"
    );
    // No trap runs for a fatal error, and every line written before it is there.
    assert!(!stdout.contains("never"));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "start");
    let last: u32 = lines.last().and_then(|l| l.parse().ok()).expect("a count");
    assert!(
        (1000..=2000).contains(&last),
        "stopped after {last} strings"
    );
    assert_eq!(lines.len() as u32, 1 + last / 100);
}

#[test]
fn a_file_is_written_through_a_bounded_buffer() {
    // 200 MB through a file under a 64 MB hard limit: only a bounded buffer gets there.
    let dir = folder("bigfile");
    let file = dir.join("big.txt");
    let body = format!(
        " set f=\"{}\" open f:newversion use f\n set s=$justify(\"\",999)\n for i=1:1:200000 write s,!\n close f\n write \"done\",!\n",
        file.display()
    );
    let path = routine(&dir, "bigfile", &body);
    let out = run(
        &path,
        &[("MINIM_MEMORY_MAX", "64000000")],
        Duration::from_secs(120),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "done\n");
    assert_eq!(std::fs::metadata(&file).expect("file").len(), 200_000_000);
    std::fs::remove_file(&file).ok();
}

/// GT.M finishes a file's partial last line at exit: `partial\n`, whatever the exit.
#[test]
fn files_are_finished_at_halt_and_at_an_error_exit() {
    let dir = folder("exits");
    for (name, end, status) in [("halt", " halt\n", 0), ("error", " write 1/0\n", 1)] {
        let file = dir.join(format!("{name}.txt"));
        let body = format!(
            " set f=\"{}\" open f:newversion use f\n write \"line\",!,\"partial\"\n{end}",
            file.display()
        );
        let out = run(&routine(&dir, name, &body), &[], Duration::from_secs(30));
        assert_eq!(out.status.code(), Some(status), "{}", text(&out.stderr));
        assert_eq!(
            std::fs::read(&file).expect("file"),
            b"line\npartial\n",
            "{name}"
        );
    }
}

#[test]
fn sigterm_keeps_every_line_written_to_a_file() {
    let dir = folder("term");
    let file = dir.join("term.txt");
    let body = format!(
        " set f=\"{}\" open f:newversion use f\n for i=1:1:100 write \"line \",i,!\n write \"partial\"\n use $principal write \"ready\",!\n hang 30\n",
        file.display()
    );
    let path = routine(&dir, "term", &body);
    let mut child: Child = command(&path, &[]).spawn().expect("start minim");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("ready");
    assert_eq!(line, "ready\n");
    // SAFETY: kill(2) on the pid of a child we started and have not reaped.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) },
        0
    );
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().ok();
            child.wait().ok();
            panic!("minim still running after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(241));
    let got = std::fs::read_to_string(&file).expect("file");
    let want: String = (1..=100).map(|i| format!("line {i}\n")).collect::<String>() + "partial\n";
    assert_eq!(got, want);
}

/// The fuzz targets' sandbox: a bounded number of lines and FOR passes, nothing outside.
#[test]
fn a_sandbox_ends_endless_loops_and_refuses_the_outside() {
    // Deep M recursion needs the stack the minim binary gives its interpreter thread.
    let t = std::thread::Builder::new().stack_size(1 << 30);
    t.spawn(sandboxed)
        .expect("thread")
        .join()
        .expect("no panic");
}

fn sandboxed() {
    use minim::{Interp, Outcome};
    let run = |text: &str| {
        let mut interp = Interp::new(Vec::new());
        interp.sandbox(10_000);
        let r = interp.load_text("SANDBOX", text.as_bytes().to_vec());
        interp.run_routine(r, None)
    };
    for endless in [
        " for  set x=1\n",
        "a goto a\n",
        " for i=1:1 quit:i<0\n",
        "a do a\n",
    ] {
        match run(endless) {
            Outcome::Halt(0) | Outcome::Error(_) => {}
            other => panic!("{endless}: {other:?}"),
        }
    }
    for outside in [
        " open \"/tmp/x\"\n",
        " read x\n",
        " hang 5\n",
        " job a\na quit\n",
        " lock ^x\n",
        " set ^x=1\n",
        " set x=$zsigproc($job,15)\n",
        " set @\"y\"=\"open \"\"/tmp/x\"\"\" xecute y\n",
    ] {
        match run(outside) {
            Outcome::Error(e) => assert_eq!(e.kind.mnemonic, "RESTRICTEDOP", "{outside}"),
            other => panic!("{outside}: {other:?}"),
        }
    }
}
