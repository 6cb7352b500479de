//! Golden routine tests: every `tests/golden/NAME.m` runs under minim with standard input from
//! `NAME.in` (or nothing); its standard output must equal `NAME.out` byte for byte and its exit
//! status `NAME.status` (0 when absent). Every `.out` is GT.M's real output.
//!
//! `cargo test --test golden [FILTER...]` runs the routines whose names contain a filter.
//! `MINIM_REGENERATE=1 cargo test --test golden [FILTER...]` rewrites the expected files by
//! running GT.M (`../shared/oracle/gtm-run`) instead of checking minim.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let p = e.path();
            (p.extension()? == "m").then(|| p.file_stem()?.to_str().map(String::from))?
        })
        .filter(|n| filters.is_empty() || filters.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    let regenerate = std::env::var_os("MINIM_REGENERATE").is_some_and(|v| v == "1");
    let queue = Arc::new(Mutex::new(names.clone()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (queue, failures, dir) = (queue.clone(), failures.clone(), dir.clone());
            std::thread::spawn(move || {
                while let Some(name) = queue.lock().map(|mut q| q.pop()).ok().flatten() {
                    let result = if regenerate {
                        regenerate_one(&dir, &name)
                    } else {
                        check_one(&dir, &name)
                    };
                    if let Err(msg) = result {
                        failures.lock().unwrap().push((name, msg));
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread");
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    for (name, msg) in &failures {
        println!("FAIL {name}\n{msg}\n");
    }
    println!(
        "golden: {} routines, {} passed, {} failed",
        names.len(),
        names.len() - failures.len(),
        failures.len()
    );
    if !failures.is_empty() {
        std::process::exit(1);
    }
}

struct Run {
    stdout: Vec<u8>,
    stderr: String,
    status: i32,
}

/// Runs a program with the routine's input, standard output to a file (as GT.M's goldens were
/// made: GT.M writes `WRITE #` differently to a file and to a pipe) and a bounded wait.
fn run(dir: &Path, name: &str, program: &Path, pre_args: &[&str]) -> Result<Run, String> {
    let input = dir.join(format!("{name}.in"));
    let stdin = if input.exists() {
        Stdio::from(File::open(&input).map_err(|e| e.to_string())?)
    } else {
        Stdio::null()
    };
    let tmp = std::env::temp_dir().join(format!("minim-golden-{}-{name}", std::process::id()));
    let out_path = tmp.with_extension("out");
    let err_path = tmp.with_extension("err");
    // Every routine gets a fresh, empty database, with the limits of GT.M's default one.
    let db = tmp.with_extension("db");
    let mut child = Command::new(program)
        .env("MINIM_DB", &db)
        .env("MINIM_DB_KEY_SIZE", "64")
        .env("MINIM_DB_RECORD_SIZE", "256")
        .args(pre_args)
        .arg(format!("{name}.m"))
        .current_dir(dir)
        .stdin(stdin)
        .stdout(File::create(&out_path).map_err(|e| e.to_string())?)
        .stderr(File::create(&err_path).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = fs::read(&out_path).unwrap_or_default();
    let stderr = String::from_utf8_lossy(&fs::read(&err_path).unwrap_or_default()).into_owned();
    let _ = fs::remove_file(&out_path);
    let _ = fs::remove_file(&err_path);
    let _ = fs::remove_dir_all(&db);
    Ok(Run {
        stdout,
        stderr,
        status: status.code().unwrap_or(-1),
    })
}

fn expected_status(dir: &Path, name: &str) -> i32 {
    fs::read_to_string(dir.join(format!("{name}.status")))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

fn check_one(dir: &Path, name: &str) -> Result<(), String> {
    let expected = fs::read(dir.join(format!("{name}.out")))
        .map_err(|_| format!("{name}.out is missing: run with MINIM_REGENERATE=1"))?;
    let got = run(dir, name, Path::new(env!("CARGO_BIN_EXE_minim")), &[])?;
    let want_status = expected_status(dir, name);
    let mut msg = String::new();
    if got.stdout != expected {
        msg.push_str(&diff(&expected, &got.stdout));
    }
    if got.status != want_status {
        msg.push_str(&format!(
            "exit status {} (GT.M: {want_status})\n",
            got.status
        ));
    }
    if msg.is_empty() {
        Ok(())
    } else {
        if !got.stderr.is_empty() {
            msg.push_str("stderr:\n");
            msg.push_str(&got.stderr.lines().take(12).collect::<Vec<_>>().join("\n"));
        }
        Err(msg)
    }
}

/// The first differing line of expected and actual output, with a little context.
fn diff(expected: &[u8], got: &[u8]) -> String {
    let e: Vec<&[u8]> = expected.split(|&c| c == b'\n').collect();
    let g: Vec<&[u8]> = got.split(|&c| c == b'\n').collect();
    let i = (0..e.len().max(g.len()))
        .find(|&i| e.get(i) != g.get(i))
        .unwrap_or(0);
    let show = |v: &[&[u8]]| {
        v.iter()
            .skip(i.saturating_sub(1))
            .take(3)
            .map(|l| format!("    {:?}", String::from_utf8_lossy(l)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "stdout differs at line {}:\n  GT.M:\n{}\n  minim:\n{}\n",
        i + 1,
        show(&e),
        show(&g)
    )
}

fn oracle() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/oracle/gtm-run")
}

fn regenerate_one(dir: &Path, name: &str) -> Result<(), String> {
    let got = run(dir, name, &oracle(), &["--db"])?;
    fs::write(dir.join(format!("{name}.out")), &got.stdout).map_err(|e| e.to_string())?;
    let status = dir.join(format!("{name}.status"));
    if got.status == 0 {
        let _ = fs::remove_file(status);
    } else {
        fs::write(status, format!("{}\n", got.status)).map_err(|e| e.to_string())?;
    }
    Ok(())
}
