//! The `minim` command: runs a routine file, an entry reference, or direct mode.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use minim::error::{MError, kind};
use minim::intern::Sym;
use minim::syntax::ast::Routine;
use minim::{Interp, Outcome, report};

const HELP: &str = "\
minim: an M (MUMPS) interpreter with GT.M's SOCKET device

USAGE:
    minim [--db DIR] FILE.m [ARGS...] run a routine file from its first line
    minim - [ARGS...]                 run the routine text read from standard input (routine
                                      name STDIN; its READs then find end-of-file)
    minim -run ENTRYREF [ARGS...]     run label^routine (or ^routine) from the routine path
    minim -direct [--history FILE]    direct mode: M commands line by line (also: minim)
    minim -run %XCMD 'write 1,!'      a one-liner: XECUTE the command line
    minim db extract [FILE]|load FILE|list|path
                                      the database: ZWR extract and load (GT.M's format),
                                      globals and their sizes, where it is
    minim intrpt PID...               run $ZINTERRUPT in a running process (SIGUSR1), as
                                      GT.M's mupip intrpt
    minim --help | --version

ARGS are joined with spaces into $ZCMDLINE. `--run` and `--direct` are accepted too.

ROUTINE PATH: where DO ^NAME and $$f^NAME find NAME.m (a %NAME routine lives in _NAME.m):
    1. the folder of FILE.m (or the current folder for -, -run and -direct)
    2. the folders in $MINIM_ROUTINES (separated by spaces or colons); when it is unset, the
       source folders of $ydb_routines or $gtmroutines, in GT.M's syntax
       (`objdir(srcdir1 srcdir2) dir lib.so`)
    3. minim's own library of M routines (built into the binary)

GT.M ENVIRONMENT: $gtm_etrap (or $ydb_etrap) is the initial $ETRAP, as in GT.M.

DATABASE: globals (^NAME) live in the folder named by --db DIR or $MINIM_DB, else in
$XDG_DATA_HOME/minim/db (~/.local/share/minim/db); it is created on first use and shared
by every minim process. $MINIM_DB_SYNC=commit makes every TCOMMIT wait for the disk.
A URL instead of a folder (--db postgres://user@host:port/dbname) keeps globals and LOCKs
on that PostgreSQL server, shared by minim processes on many machines.

DIRECT MODE keeps its line history in FILE, else in $MINIM_HISTORY, else in ~/.minim_history
(an empty name keeps none). Ctrl-C stops the running line; Ctrl-D or HALT ends the session.

An error no trap handles is reported on standard error as GT.M reports it (the message and
`At M source location label+n^routine`), then the source line with a caret under the place
and the DO/extrinsic calls that led there; minim exits with status 1. MINIM_ERRORS=long adds
$ECODE and the source around the line. HALT exits 0; ZHALT n exits n.
";

/// Interpreter threads get a large stack: deep M recursion must end in STACKCRIT, never in
/// a Rust stack overflow.
const STACK_BYTES: usize = 1 << 30;

/// Counts live bytes, for `$ZMALLOCLIM` and the hard memory limit (`minim::memory`).
#[global_allocator]
static ALLOCATOR: minim::memory::Counting = minim::memory::Counting;

fn main() -> ExitCode {
    minim::memory::limits_from_env(STACK_BYTES);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || run(args));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        Err(e) => {
            // Only an address-space limit (`ulimit -v`) below the stack gets here.
            eprintln!(
                "%GTM-F-MEMORY, Central memory exhausted during request for {STACK_BYTES} bytes (the interpreter's stack): {e}"
            );
            ExitCode::from(MEMORY_STATUS)
        }
        _ => ExitCode::from(70),
    }
}

fn run(mut args: Vec<String>) -> u8 {
    ignore_sigpipe();
    minim::interrupt::install_zinterrupt();
    raise_open_file_limit();
    report::set_long(report::long_from_env());
    if let Err(msg) = take_db_option(&mut args) {
        return usage_error(&msg);
    }
    let first = args.first().map(String::as_str);
    match first {
        Some("--help" | "-h" | "-help") => {
            print!("{HELP}");
            0
        }
        Some("--version" | "-version") => {
            println!("{}", minim::eval::svn::ZMINIM);
            0
        }
        None | Some("-direct" | "--direct" | "-history" | "--history") => direct(&args),
        Some(flag) if flag.starts_with("--history=") => direct(&args),
        // A JOBbed process (not for people): its work comes on descriptor FD.
        Some("--job") => job_child(args.get(1).map(String::as_str)),
        Some("db") => minim::dbtool::run(&args[1..]),
        Some("intrpt") => intrpt(&args[1..]),
        Some("-run" | "--run") => match args.get(1) {
            Some(entry) => run_entry(entry, &args[2..]),
            None => usage_error("-run needs an entry reference, such as start^server"),
        },
        Some("-") => run_stdin(&args[1..]),
        Some(file) if file.starts_with('-') => usage_error(&format!("unknown option {file}")),
        Some(file) => run_file(Path::new(file), &args[1..]),
    }
}

/// `minim intrpt PID...`: sends each process SIGUSR1, which runs its `$ZINTERRUPT`, as
/// GT.M's `mupip intrpt` does.
fn intrpt(pids: &[String]) -> u8 {
    if pids.is_empty() {
        return usage_error("intrpt needs the process id of a minim (or GT.M) process");
    }
    let mut status = 0;
    for p in pids {
        let sent = match p.parse::<i32>() {
            Ok(pid) if pid > 0 => minim::interrupt::send(pid).map_err(|e| e.to_string()),
            _ => Err("not a process id".to_string()),
        };
        match sent {
            Ok(()) => println!("INTRPT issued to process {p}"),
            Err(e) => {
                eprintln!("minim intrpt: {p}: {e}");
                status = 1;
            }
        }
    }
    status
}

/// `--db DIR` (or `--db=DIR`) before everything else names the database; it is passed on
/// as `MINIM_DB`, so JOBbed processes use the same one.
fn take_db_option(args: &mut Vec<String>) -> Result<(), String> {
    let dir = match args.first().map(String::as_str) {
        Some("--db") if args.len() > 1 => {
            let dir = args.remove(1);
            args.remove(0);
            dir
        }
        Some("--db") => return Err("--db needs a folder or a postgres:// URL".to_string()),
        Some(a) if a.starts_with("--db=") => args.remove(0)["--db=".len()..].to_string(),
        _ => return Ok(()),
    };
    // SAFETY: the process has one thread that reads the environment (this one) so far;
    // the interpreter reads MINIM_DB later, on this thread.
    unsafe { std::env::set_var("MINIM_DB", dir) };
    Ok(())
}

/// A process started by JOB: reads what to run from the pipe the parent gave it, closes
/// every other descriptor it may have inherited, and runs.
fn job_child(fd: Option<&str>) -> u8 {
    minim::interrupt::install_batch();
    let message = fd
        .and_then(|f| f.parse().ok())
        .and_then(|fd| minim::spawn::receive(fd).ok())
        .and_then(|m| minim::eval::job::JobMessage::decode(&m));
    let Some(job) = message else {
        eprintln!("minim: --job is for processes started by the JOB command");
        return 2;
    };
    minim::spawn::close_inherited();
    minim::device::wait::prepare();
    let mut interp = Interp::new(job.path.clone());
    if let Some(trap) = minim::env::initial_etrap() {
        interp.set_etrap(&trap);
    }
    interp.on_load_error(Box::new(report_load_error));
    match interp.run_job(job) {
        Outcome::Done => 0,
        Outcome::Halt(code) => code as u8,
        Outcome::Error(e) => report_and_fail(&mut interp, &e, None),
    }
}

fn direct(args: &[String]) -> u8 {
    match minim::repl::Options::parse(args) {
        Ok(options) => {
            let mut interp = new_interp(std::env::current_dir().ok());
            minim::repl::run(&mut interp, &options)
        }
        Err(msg) => usage_error(&msg),
    }
}

fn usage_error(msg: &str) -> u8 {
    eprintln!("minim: {msg}\n\n{HELP}");
    2
}

fn new_interp(first_dir: Option<PathBuf>) -> Interp {
    let mut path: Vec<PathBuf> = first_dir.into_iter().collect();
    path.extend(minim::env::routine_folders());
    let mut interp = Interp::new(path);
    if let Some(trap) = minim::env::initial_etrap() {
        interp.set_etrap(&trap);
    }
    interp.on_load_error(Box::new(report_load_error));
    interp
}

fn report_load_error(e: &MError, routine: &Routine) {
    let name = format!("{}.m", routine.name);
    eprint!("{}", report::render_load(e, &name, &routine.source));
}

/// A routine run ignores Ctrl-C, as GT.M does when its principal device is not a terminal;
/// at a terminal, Ctrl-C stops the run at a direct-mode prompt (GT.M's CTRLC), as BREAK does.
fn install_run_signals() {
    minim::interrupt::install_batch();
    if std::io::stdin().is_terminal() {
        minim::interrupt::install();
    }
    minim::device::wait::prepare();
}

fn run_file(file: &Path, args: &[String]) -> u8 {
    install_run_signals();
    let dir = file
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .map(Path::to_path_buf);
    let mut interp = new_interp(dir);
    interp.set_cmdline(&args.join(" "));
    minim::repl::install_for_run(&mut interp);
    let routine = match interp.load_file(file) {
        Ok(r) => r,
        Err(e) => return report_and_fail(&mut interp, &e, None),
    };
    finish(&mut interp, routine.clone(), None)
}

/// `minim -`: the routine is standard input, named STDIN, run from its first line.
fn run_stdin(args: &[String]) -> u8 {
    let mut text = Vec::new();
    if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut text) {
        eprintln!("minim: cannot read the routine from standard input: {e}");
        return 2;
    }
    let mut interp = new_interp(std::env::current_dir().ok());
    interp.set_cmdline(&args.join(" "));
    minim::repl::install_for_run(&mut interp);
    let routine = interp.load_text("STDIN", text);
    finish(&mut interp, routine, None)
}

fn run_entry(entry: &str, args: &[String]) -> u8 {
    install_run_signals();
    let mut interp = new_interp(std::env::current_dir().ok());
    interp.set_cmdline(&args.join(" "));
    interp.set_run_entry(entry);
    minim::repl::install_for_run(&mut interp);
    let (label, routine) = match entry.split_once('^') {
        Some((l, r)) => (Some(l).filter(|l| !l.is_empty()), r),
        None => (None, entry),
    };
    // GT.M's `mumps -run` exits with 253 when the routine or the label is missing.
    const ENTRY_MISSING: u8 = 253;
    let routine = match interp.routine(Sym::intern(routine)) {
        Ok(r) => r,
        Err(e) => {
            report_and_fail(&mut interp, &e, None);
            return ENTRY_MISSING;
        }
    };
    let label = label.map(Sym::intern);
    if let Some(l) = label
        && !routine.labels.contains_key(&l)
    {
        report_and_fail(&mut interp, &MError::new(kind::JOBLABOFF), None);
        return ENTRY_MISSING;
    }
    finish(&mut interp, routine, label)
}

fn finish(interp: &mut Interp, routine: Rc<Routine>, label: Option<Sym>) -> u8 {
    match interp.run_routine(routine.clone(), label) {
        Outcome::Done => 0,
        Outcome::Halt(code) => code as u8,
        Outcome::Error(e) => report_and_fail(interp, &e, Some(&routine)),
    }
}

/// GT.M's exit status after MUPIP STOP (SIGTERM).
const FORCEDHALT_STATUS: u8 = 241;

/// GT.M's exit status after its fatal MEMORY error.
const MEMORY_STATUS: u8 = 220;

fn report_and_fail(interp: &mut Interp, e: &MError, main: Option<&Rc<Routine>>) -> u8 {
    interp.flush();
    if minim::interrupt::terminated() {
        eprintln!("%GTM-F-FORCEDHALT, Image HALTed by MUPIP STOP");
        return FORCEDHALT_STATUS;
    }
    if e.kind == kind::MEMORY {
        // GT.M's fatal MEMORY: the message only (no source to show), status 220.
        eprintln!("{}", e.gtm_text());
        return MEMORY_STATUS;
    }
    let source = e
        .routine
        .as_deref()
        .and_then(|name| interp.routine(Sym::intern(name)).ok())
        .or_else(|| main.cloned());
    match source {
        Some(r) => eprint!("{}", report::render(e, &format!("{}.m", r.name), &r.source)),
        None => eprint!("{}", report::render(e, "", "")),
    }
    1
}

/// A SOCKET device has no limit of its own on its sockets (GT.M stops at 64): let the
/// process open as many descriptors as its hard limit allows.
fn raise_open_file_limit() {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit read and write one rlimit struct that we own.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < lim.rlim_max {
            lim.rlim_cur = lim.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
    }
}

fn ignore_sigpipe() {
    // A write to a dead socket peer must become $DEVICE or an M error, never a signal.
    // SAFETY: setting a signal disposition to SIG_IGN has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}
