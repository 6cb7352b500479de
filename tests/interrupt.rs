//! `$ZINTERRUPT` in a running process: `minim intrpt PID` (SIGUSR1, as GT.M's `mupip intrpt`)
//! runs it in a minim process and in a GT.M process alike, in the middle of a HANG that then
//! goes on; GT.M's default `$ZINTERRUPT` writes a ZSHOW dump file. Every wait is bounded.

#[allow(dead_code)]
mod common;
use common::proc::exit_code;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::Imp;

fn folder(name: &str, imp: Imp) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "minim-intrpt-{}-{name}-{imp:?}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

fn start(imp: Imp, dir: &Path, name: &str, body: &str) -> Child {
    let path = dir.join(format!("{name}.m"));
    std::fs::write(&path, body).expect("routine");
    common::m_command(imp)
        .arg(&path)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the routine")
}

/// The next line of standard output (the routine bounds its own waits, so this ends).
fn line(out: &mut impl BufRead) -> String {
    let mut l = String::new();
    out.read_line(&mut l).expect("a line");
    l.trim_end().to_string()
}

/// `minim intrpt PID`, and what it printed.
fn intrpt(pid: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_minim"))
        .args(["intrpt", pid])
        .output()
        .expect("minim intrpt");
    assert!(out.status.success(), "minim intrpt {pid} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const HANDLER: &str = "\
hnd ;
 set $zinterrupt=\"set n=$get(n)+1 write \"\"intr in=\"\",$zininterrupt,\"\" test=\"\",$test,! if 0\"
 write \"ready \",$job,!
 set t=$zut if 1 hang 3
 write \"after hang n=\",$get(n),\" test=\",$test,\" full=\",$zut-t>2.9E6,!
 quit
";

fn handler_runs_in_a_hang(imp: Imp) {
    let dir = folder("hnd", imp);
    let mut child = start(imp, &dir, "hnd", HANDLER);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let ready = line(&mut out);
    let pid = ready.strip_prefix("ready ").expect("the pid").to_string();
    assert_eq!(intrpt(&pid), format!("INTRPT issued to process {pid}\n"));
    assert_eq!(line(&mut out), "intr in=1 test=1");
    assert_eq!(line(&mut out), "after hang n=1 test=1 full=1");
    assert_eq!(exit_code(&mut child, Duration::from_secs(30)), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn minim_runs_zinterrupt_on_intrpt_and_the_hang_goes_on() {
    handler_runs_in_a_hang(Imp::Minim);
}

#[test]
fn gtm_does_the_same() {
    if !common::gtm_available() {
        eprintln!("GT.M is not installed: skipped the comparison");
        return;
    }
    let _lock = common::gtm_lock();
    handler_runs_in_a_hang(Imp::Gtm);
}

/// GT.M's default `$ZINTERRUPT` (`IF $ZJOBEXAM()`) leaves a ZSHOW "*" dump named
/// `GTM_JOBEXAM.ZSHOW_DMP_<pid>_1` in the working directory, and the process goes on.
fn default_handler_dumps(imp: Imp) {
    let dir = folder("dump", imp);
    let body = "dump ;\n set a=42 write \"ready \",$job,!\n hang 2\n write \"done\",!\n quit\n";
    let mut child = start(imp, &dir, "dump", body);
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let ready = line(&mut out);
    let pid = ready.strip_prefix("ready ").expect("the pid").to_string();
    intrpt(&pid);
    assert_eq!(line(&mut out), "done");
    assert_eq!(exit_code(&mut child, Duration::from_secs(30)), Some(0));
    let dump = dir.join(format!("GTM_JOBEXAM.ZSHOW_DMP_{pid}_1"));
    let mut text = String::new();
    std::fs::File::open(&dump)
        .unwrap_or_else(|e| panic!("{}: {e}", dump.display()))
        .read_to_string(&mut text)
        .expect("dump text");
    assert!(
        text.starts_with("$DEVICE="),
        "dump starts with ZSHOW \"I\": {text}"
    );
    assert!(text.contains("\na=42\n"), "dump has the variables: {text}");
    assert!(
        text.contains("$ZININTERRUPT=1\n"),
        "taken inside the handler: {text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn minim_default_zinterrupt_writes_a_jobexam_dump() {
    default_handler_dumps(Imp::Minim);
}

#[test]
fn gtm_default_zinterrupt_writes_a_jobexam_dump() {
    if !common::gtm_available() {
        eprintln!("GT.M is not installed: skipped the comparison");
        return;
    }
    let _lock = common::gtm_lock();
    default_handler_dumps(Imp::Gtm);
}

#[test]
fn intrpt_of_no_such_process_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_minim"))
        .args(["intrpt", "999999999"])
        .output()
        .expect("minim intrpt");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("999999999"));
}
