//! `scripts/gtm-run`, the project's GT.M runner: `--db` gives a routine a fresh database and
//! removes it afterwards; an unhandled error prints `$ZSTATUS` on standard error and exits 1.
//! Skipped, with a message, when GT.M is not installed.

use std::process::Output;

#[allow(dead_code)]
mod common;
use common::tempdir::TempDir;

/// Runs `scripts/gtm-run ARGS` with `tmp` as its TMPDIR, or None without GT.M.
fn gtm_run(tmp: &TempDir, args: &[&str]) -> Option<Output> {
    if !common::gtm_available() {
        eprintln!("GT.M is not installed: scripts/gtm-run is not tested");
        return None;
    }
    let out = common::m_command(common::Imp::Gtm)
        .args(args)
        .env("TMPDIR", tmp.path())
        .env_remove("gtm_etrap")
        .output()
        .expect("run scripts/gtm-run");
    Some(out)
}

#[test]
fn db_gives_a_fresh_database_and_removes_it() {
    let tmp = TempDir::new("gtmrun", "db");
    let routine = tmp.path().join("glob.m");
    std::fs::write(
        &routine,
        "glob set ^x=$get(^x)+1 write ^x,! write $zcmdline,!\n",
    )
    .expect("write glob.m");
    let routine = routine.to_str().expect("UTF-8 path");
    let Some(out) = gtm_run(&tmp, &["--db", routine, "a", "b"]) else {
        return;
    };
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\na b\n");
    assert_eq!(out.status.code(), Some(0));
    // Again: a new, empty database, and nothing of the first one is left.
    let again = gtm_run(&tmp, &["--db", routine]).expect("GT.M");
    assert_eq!(String::from_utf8_lossy(&again.stdout), "1\n\n");
    let left: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("read TMPDIR")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains("-db"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn an_unhandled_error_prints_zstatus_and_exits_1() {
    let tmp = TempDir::new("gtmrun", "error");
    let routine = tmp.path().join("oops.m");
    std::fs::write(&routine, "oops write \"a\",!\n write x\n").expect("write oops.m");
    let Some(out) = gtm_run(&tmp, &[routine.to_str().expect("UTF-8 path")]) else {
        return;
    };
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "150373850,oops+1^oops,%GTM-E-UNDEF, Undefined local variable: x\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn db_dir_keeps_the_database_between_runs() {
    let tmp = TempDir::new("gtmrun", "dbdir");
    let routine = tmp.path().join("glob.m");
    std::fs::write(&routine, "glob set ^x=$get(^x)+1 write ^x,!\n").expect("write glob.m");
    let routine = routine.to_str().expect("UTF-8 path");
    let db = tmp.path().join("db");
    let db = db.to_str().expect("UTF-8 path");
    let Some(first) = gtm_run(&tmp, &["--db-dir", db, routine]) else {
        return;
    };
    assert_eq!(String::from_utf8_lossy(&first.stdout), "1\n");
    let second = gtm_run(&tmp, &["--db-dir", db, routine]).expect("GT.M");
    assert_eq!(String::from_utf8_lossy(&second.stdout), "2\n");
    assert!(std::path::Path::new(db).join("minim.dat").exists());
}
