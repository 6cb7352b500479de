//! Golden routine tests: every `tests/golden/NAME.m` runs under minim with standard input from
//! `NAME.in` (or nothing); its standard output must equal `NAME.out` byte for byte and its exit
//! status `NAME.status` (0 when absent). Every `.out` is GT.M's real output.
//!
//! `NAME.err`, when present, pins minim's standard error byte for byte: the report of the
//! error that ends the run. Its GT.M part (the message and `At M source location PLACE`) is
//! checked against GT.M at regeneration (from the `$ZSTATUS` that `scripts/gtm-run` prints);
//! the rest (the source line with its caret, the calls) is minim's own.
//!
//! `cargo test --test golden [FILTER...]` runs the routines whose names contain a filter.
//! `MINIM_REGENERATE=1 cargo test --test golden [FILTER...]` rewrites the expected files by
//! running GT.M (`scripts/gtm-run`) instead of checking minim.
//!
//! Globals: a routine that may reference a global (see `uses_globals`) is regenerated with
//! `scripts/gtm-run --db` (a fresh, empty database), and minim runs it with `MINIM_DB` set to a
//! fresh temporary folder of its own, removed afterwards.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[allow(dead_code)]
mod common;

const TIMEOUT: Duration = Duration::from_secs(60);

fn main() {
    check_uses_globals();
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
    if regenerate && !common::gtm_available() {
        eprintln!("golden: GT.M is not installed; regenerating needs it (apt-get install fis-gtm)");
        std::process::exit(2);
    }
    let failures = Arc::new(Mutex::new(Vec::new()));
    run_all(&dir, names.clone(), regenerate, None, &failures);
    let mut count = names.len();
    // The routines that use globals again, each on a fresh database of a PostgreSQL server
    // of this test's own (stopped when `pg` is dropped, before any exit).
    if !regenerate && let Some(pg) = common::pg::PgServer::start("golden") {
        let with_globals: Vec<String> = names
            .iter()
            .filter(|n| needs_db(&dir, n))
            .cloned()
            .collect();
        count += with_globals.len();
        println!(
            "golden: {} routines again on PostgreSQL",
            with_globals.len()
        );
        run_all(&dir, with_globals, false, Some(Arc::new(pg)), &failures);
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    for (name, msg) in &failures {
        println!("FAIL {name}\n{msg}\n");
    }
    println!(
        "golden: {} runs, {} passed, {} failed",
        count,
        count - failures.len(),
        failures.len()
    );
    if !failures.is_empty() {
        std::process::exit(1);
    }
}

type Failures = Arc<Mutex<Vec<(String, String)>>>;

/// Checks (or regenerates) `names` on four threads; on PostgreSQL when `pg` is given.
fn run_all(
    dir: &Path,
    names: Vec<String>,
    regenerate: bool,
    pg: Option<Arc<common::pg::PgServer>>,
    failures: &Failures,
) {
    let queue = Arc::new(Mutex::new(names));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (queue, failures, dir) = (queue.clone(), failures.clone(), dir.to_path_buf());
            let pg = pg.clone();
            std::thread::spawn(move || {
                while let Some(name) = queue.lock().map(|mut q| q.pop()).ok().flatten() {
                    let result = if regenerate {
                        regenerate_one(&dir, &name)
                    } else {
                        check_one(&dir, &name, pg.as_deref())
                    };
                    if let Err(msg) = result {
                        let name = match pg {
                            Some(_) => format!("{name} (on PostgreSQL)"),
                            None => name,
                        };
                        failures.lock().unwrap().push((name, msg));
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread");
    }
}

struct Run {
    stdout: Vec<u8>,
    stderr: String,
    status: i32,
}

/// Runs a program with the routine's input, standard output to a file (as GT.M's goldens were
/// made: GT.M writes `WRITE #` differently to a file and to a pipe) and a bounded wait.
fn run(
    dir: &Path,
    name: &str,
    program: &Path,
    pre_args: &[&str],
    db: Option<&Path>,
) -> Result<Run, String> {
    let input = dir.join(format!("{name}.in"));
    let stdin = if input.exists() {
        Stdio::from(File::open(&input).map_err(|e| e.to_string())?)
    } else {
        Stdio::null()
    };
    let tmp = std::env::temp_dir().join(format!("minim-golden-{}-{name}", std::process::id()));
    let out_path = tmp.with_extension("out");
    let err_path = tmp.with_extension("err");
    let mut command = Command::new(program);
    for var in GTM_ENV {
        command.env_remove(var);
    }
    if let Some(db) = db {
        // GT.M's default database limits, as `gtm-run --db` creates it.
        command
            .env("MINIM_DB", db)
            .env("MINIM_DB_KEY_SIZE", "64")
            .env("MINIM_DB_RECORD_SIZE", "256");
    }
    let mut child = command
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

/// What a user's GT.M or minim environment could change in a run: the goldens run without it.
const GTM_ENV: &[&str] = &[
    "MINIM_ROUTINES",
    "gtmroutines",
    "ydb_routines",
    "gtm_etrap",
    "ydb_etrap",
];

/// A fresh, empty folder for one routine's database, removed when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> Result<TempDb, String> {
        let path =
            std::env::temp_dir().join(format!("minim-golden-db-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(TempDb(path))
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Whether a routine may reference a global, so that it needs a database. Generous on
/// purpose (a routine run with a database it does not use prints the same): outside string
/// literals and comments, a `^` followed by a letter, `%` or `(` is a global unless it names a
/// routine: after a name character (`label^R`, `$$f^R`, `+2^R`), after `$$`, in `$TEXT(`,
/// or in the arguments (outside parentheses) of DO, GOTO, JOB, ZGOTO or ZLINK. A string
/// literal that starts with `^` and a name (`@"^G(1)"`) counts as a global too.
fn uses_globals(source: &str) -> bool {
    source
        .lines()
        .any(|line| global_in_string(line) || global_in_code(&code_of(line)))
}

fn global_in_string(line: &str) -> bool {
    line.split("\"^")
        .skip(1)
        .any(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '%'))
}

fn global_in_code(code: &str) -> bool {
    code.char_indices().any(|(i, c)| {
        c == '^'
            && code[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '%' || n == '(')
            && !names_routine(&code[..i])
    })
}

/// The heuristic on the forms it must tell apart (checked before every run).
fn check_uses_globals() {
    for global in [
        " set ^x=1",
        " write $get(^a(1))",
        " kill ^(2)",
        " do f(^g)",
        " set r=\"^g(1)\" write @r",
        " if $data(^x) do ^y",
    ] {
        assert!(uses_globals(global), "a global: {global}");
    }
    for routine in [
        " do ^x",
        " d a,^b:c",
        " goto l^r",
        " write $$^f,$$g^h(1),$text(+1^x)",
        " write $piece(s,\"^\",2) ; ^comment",
        " job ^w",
    ] {
        assert!(!uses_globals(routine), "no global: {routine}");
    }
}

/// A line with its comment taken off and each string literal replaced by `0`.
fn code_of(line: &str) -> String {
    let mut code = String::new();
    let mut in_string = false;
    for c in line.chars() {
        match (in_string, c) {
            (true, '"') => in_string = false,
            (true, _) => {}
            (false, '"') => {
                in_string = true;
                code.push('0');
            }
            (false, ';') => break,
            (false, c) => code.push(c),
        }
    }
    code
}

/// Whether a `^` after `before` (the code before it on its line) names a routine.
fn names_routine(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    if lower.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '%')
        || lower.ends_with("$$")
        || lower.ends_with("$t(")
        || lower.ends_with("$text(")
    {
        return true;
    }
    // The command whose arguments the `^` is in: the word before the last space.
    let Some((head, args)) = lower.rsplit_once(' ') else {
        return false;
    };
    let head = head.trim_end();
    let word = head.rsplit([' ', '.']).next().unwrap_or("");
    let command = word.split(':').next().unwrap_or("");
    !args.contains('(')
        && matches!(
            command,
            "d" | "do" | "g" | "goto" | "j" | "job" | "zg" | "zgoto" | "zl" | "zlink"
        )
}

fn check_one(dir: &Path, name: &str, pg: Option<&common::pg::PgServer>) -> Result<(), String> {
    let expected = fs::read(dir.join(format!("{name}.out")))
        .map_err(|_| format!("{name}.out is missing: run with MINIM_REGENERATE=1"))?;
    // minim always gets a fresh database of its own (never the user's default one).
    let minim = Path::new(env!("CARGO_BIN_EXE_minim"));
    let got = match pg {
        Some(pg) => {
            let url = pg.fresh_database();
            run(dir, name, minim, &[], Some(Path::new(&url)))?
        }
        None => {
            let db = TempDb::new(name)?;
            run(dir, name, minim, &[], Some(&db.0))?
        }
    };
    let want_status = expected_status(dir, name);
    let mut msg = String::new();
    if got.stdout != expected {
        msg.push_str(&diff(&expected, &got.stdout));
    }
    if let Ok(report) = fs::read_to_string(dir.join(format!("{name}.err")))
        && got.stderr != report
    {
        msg.push_str(&format!(
            "stderr differs from {name}.err:\n--- expected\n{report}--- minim\n{}",
            got.stderr
        ));
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

fn needs_db(dir: &Path, name: &str) -> bool {
    fs::read(dir.join(format!("{name}.m")))
        .is_ok_and(|text| uses_globals(&String::from_utf8_lossy(&text)))
}

fn regenerate_one(dir: &Path, name: &str) -> Result<(), String> {
    let flags: &[&str] = if needs_db(dir, name) { &["--db"] } else { &[] };
    let got = run(dir, name, &common::gtm_run(), flags, None)?;
    check_report_against_gtm(dir, name, &got.stderr)?;
    fs::write(dir.join(format!("{name}.out")), &got.stdout).map_err(|e| e.to_string())?;
    let status = dir.join(format!("{name}.status"));
    if got.status == 0 {
        let _ = fs::remove_file(status);
    } else {
        fs::write(status, format!("{}\n", got.status)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// For a routine with a `NAME.err`: GT.M's `$ZSTATUS` (`number,place,text`, what
/// `scripts/gtm-run` prints for an unhandled error) must appear in it as GT.M's own two
/// lines, `text` then `\t\tAt M source location place`.
fn check_report_against_gtm(dir: &Path, name: &str, gtm_stderr: &str) -> Result<(), String> {
    let Ok(report) = fs::read_to_string(dir.join(format!("{name}.err"))) else {
        return Ok(());
    };
    // The last `number,place,text` line: GT.M's compile listing of a syntax error may come
    // after it on standard error.
    let zstatus = gtm_stderr
        .lines()
        .rev()
        .find(|l| {
            l.split(',')
                .next()
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .unwrap_or("");
    let mut parts = zstatus.splitn(3, ',');
    let (_, place, text) = (parts.next(), parts.next(), parts.next());
    let (Some(place), Some(text)) = (place, text) else {
        return Err(format!("{name}: GT.M reported no error ({gtm_stderr:?})"));
    };
    let lines = format!("{text}\n\t\tAt M source location {place}\n");
    if report.contains(&lines) {
        Ok(())
    } else {
        Err(format!("{name}.err lacks GT.M's lines:\n{lines}"))
    }
}
