//! Direct-mode tests.
//!
//! Transcripts: each `tests/repl/NAME.txt` holds cases run through `minim -direct` with the
//! input on a pipe (the non-terminal path: no prompt, program output only), from the folder
//! `tests/repl/` so that its routines are on the routine path. A case is
//!
//! ```text
//! === what the case shows
//! # comments on the case
//! input lines
//! --- stdout
//! expected standard output
//! --- stderr
//! lines that must appear in standard error, in this order
//! --- status
//! expected exit status (0 when absent)
//! ```
//!
//! The expected standard output is GT.M's: `MINIM_GTM_CHECK=1 cargo test --test repl` also
//! pipes every case into GT.M's direct mode (`scripts/gtm-run -direct`;
//! skipped, with a message, when GT.M is not installed), takes its
//! prompts off, and compares. A case whose title ends in `[minim]` differs from GT.M on
//! purpose (its comment says why) and is not compared.
//!
//! Terminal tests (`tty_*`) drive `minim` through a pseudo-terminal with rexpect.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[allow(dead_code)]
mod common;

fn minim() -> &'static str {
    env!("CARGO_BIN_EXE_minim")
}

fn transcripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl")
}

#[derive(Debug, Default)]
struct Case {
    title: String,
    input: String,
    stdout: String,
    stderr: Vec<String>,
    status: i32,
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut section = "";
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("=== ") {
            cases.push(Case {
                title: title.to_string(),
                ..Case::default()
            });
            section = "input";
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue; // the file's own comments, before the first case
        };
        match line {
            "--- stdout" | "--- stderr" | "--- status" => {
                section = &line[4..];
                continue;
            }
            _ => {}
        }
        match section {
            "input" if line.starts_with('#') => {} // a comment on the case
            "input" => {
                case.input.push_str(line);
                case.input.push('\n');
            }
            "stdout" => {
                case.stdout.push_str(line);
                case.stdout.push('\n');
            }
            "stderr" => case.stderr.push(line.to_string()),
            "status" => case.status = line.trim().parse().expect("a status number"),
            _ => {}
        }
    }
    cases
}

/// Runs `program` with `input` on standard input from `tests/repl/`.
fn pipe(program: &str, args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(transcripts())
        .env_remove("MINIM_ROUTINES")
        .env_remove("gtmroutines")
        .env_remove("ydb_routines")
        .env_remove("gtm_etrap")
        .env_remove("ydb_etrap")
        .env("MINIM_HISTORY", "")
        .env("NO_COLOR", "1")
        .env("GTM_RUN_PATH", transcripts())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("program starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("program ends");
    writer.join().expect("writer");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// GT.M's direct-mode output with its prompts taken off; a line's partial output ends with
/// a newline, as GT.M's next prompt (and minim) put it.
fn gtm_program_output(raw: &str) -> String {
    raw.split("\nGTM>\n")
        .map(|chunk| {
            if chunk.is_empty() || chunk.ends_with('\n') {
                chunk.to_string()
            } else {
                format!("{chunk}\n")
            }
        })
        .collect()
}

fn check_file(name: &str) {
    let path = transcripts().join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).expect("transcript file");
    let cases = parse_cases(&text);
    assert!(!cases.is_empty(), "{name}.txt has no cases");
    let gtm = common::gtm_run();
    let with_gtm = std::env::var_os("MINIM_GTM_CHECK").is_some_and(|v| v == "1")
        && (common::gtm_available() || {
            eprintln!("GT.M is not installed: {name}.txt is not compared with GT.M");
            false
        });
    let mut failures = Vec::new();
    for case in &cases {
        let (stdout, stderr, status) = pipe(minim(), &["-direct"], &case.input);
        let mut problems = Vec::new();
        if stdout != case.stdout {
            problems.push(format!(
                "stdout:\n--- expected\n{}--- got\n{stdout}",
                case.stdout
            ));
        }
        let mut rest = stderr.as_str();
        for want in &case.stderr {
            match rest.find(want.as_str()) {
                Some(i) => rest = &rest[i + want.len()..],
                None => problems.push(format!("stderr lacks (in order) {want:?}:\n{stderr}")),
            }
        }
        if case.stderr.is_empty() && !stderr.is_empty() {
            problems.push(format!("unexpected stderr:\n{stderr}"));
        }
        if status != case.status {
            problems.push(format!("status {status}, expected {}", case.status));
        }
        if with_gtm && !case.title.ends_with("[minim]") {
            let gtm = gtm.to_str().expect("path");
            let (raw, _, _) = pipe(gtm, &["-direct"], &case.input);
            let theirs = gtm_program_output(&raw);
            if theirs != case.stdout {
                problems.push(format!(
                    "GT.M prints otherwise:\n--- expected\n{}--- GT.M\n{theirs}",
                    case.stdout
                ));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{name}.txt, {}:\n{}",
                case.title,
                problems.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// One test per transcript file; `every_transcript_is_run` keeps this list complete.
macro_rules! transcripts {
    ($($name:ident),* $(,)?) => {
        $(#[test]
        fn $name() {
            check_file(stringify!($name));
        })*
        const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

transcripts!(basics, errors, routines, flow, input, zwrite, debug);

#[test]
fn every_transcript_is_run() {
    for entry in std::fs::read_dir(transcripts()).expect("tests/repl") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let stem = path.file_stem().and_then(|s| s.to_str()).expect("name");
            assert!(
                NAMES.contains(&stem),
                "tests/repl/{stem}.txt is not in the transcripts! list"
            );
        }
    }
}

#[test]
fn gtm_prompts_come_off() {
    let raw = "\nGTM>\n\nGTM>\n6\n\nGTM>\n12\nGTM>\n0\nGTM>\n";
    assert_eq!(gtm_program_output(raw), "6\n12\n0\n");
}

#[test]
fn bad_options_are_usage_errors() {
    let (_, stderr, status) = pipe(minim(), &["-direct", "--bogus"], "");
    assert_eq!(status, 2);
    assert!(stderr.contains("unknown direct-mode option --bogus"));
    let (stdout, _, status) = pipe(minim(), &["--history", ""], "write 7,!\n");
    assert_eq!((stdout.as_str(), status), ("7\n", 0));
}

mod tty {
    //! Through a pseudo-terminal: what a person at a terminal sees.

    use std::path::PathBuf;
    use std::process::Command;

    use super::common::tempdir::{InDir, TempDir};
    use rexpect::session::{PtySession, spawn_command};

    /// The bound on each wait for output: generous, for a machine under load.
    const WAIT_MS: u64 = 30_000;

    /// A history file's path in a fresh folder, removed with it.
    fn temp_history(tag: &str) -> InDir<PathBuf> {
        let dir = TempDir::new("repl", tag);
        InDir::new(dir.join("history"), dir)
    }

    fn start(history: &PathBuf) -> PtySession {
        let mut cmd = Command::new(super::minim());
        cmd.arg("-direct")
            .arg("--history")
            .arg(history)
            .current_dir(super::transcripts())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env_remove("MINIM_ROUTINES");
        let mut p = spawn_command(cmd, Some(WAIT_MS)).expect("minim starts on a pty");
        p.exp_string("MINIM> ").expect("first prompt");
        p
    }

    #[test]
    fn tty_runs_lines_reports_errors_recalls_history_and_saves_it() {
        let history = temp_history("basic");
        let _ = std::fs::remove_file(&*history);
        let mut p = start(&history);

        p.send_line("set x=6*7 write \"x=\",x,!").unwrap();
        p.exp_string("x=42").unwrap();
        p.exp_string("MINIM> ").unwrap();

        // A syntax error is reported against the typed line; the session goes on.
        p.send_line("write (1").unwrap();
        p.exp_string("%GTM-E-").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("write \"still \",x,!").unwrap();
        p.exp_string("still 42").unwrap();
        p.exp_string("MINIM> ").unwrap();

        // Up-arrow brings back the previous line; Enter runs it again.
        p.send("\x1b[A").unwrap();
        p.flush().unwrap();
        p.exp_string("write \"still \",x,!").unwrap();
        p.send_line("").unwrap();
        p.exp_string("still 42").unwrap();
        p.exp_string("MINIM> ").unwrap();

        // Ctrl-C at the prompt drops the typed text; Ctrl-D ends the session.
        p.send("write \"never\"").unwrap();
        p.send_control('c').unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("write \"after\",!").unwrap();
        p.exp_string("after").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_control('d').unwrap();
        p.exp_eof().unwrap();

        let saved = std::fs::read_to_string(&*history).expect("history file written");
        assert!(saved.contains("set x=6*7 write \"x=\",x,!"), "{saved}");
        assert!(saved.contains("write \"after\",!"), "{saved}");
        assert!(!saved.contains("never"), "{saved}");

        // The next session starts with that history.
        let mut p = start(&history);
        p.send("\x1b[A").unwrap();
        p.flush().unwrap();
        p.exp_string("write \"after\",!").unwrap();
        p.send_line("").unwrap();
        p.exp_string("after").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }

    #[test]
    fn tty_ctrl_c_stops_a_running_line_and_keeps_the_variables() {
        let history = temp_history("ctrlc");
        let mut p = start(&history);
        p.send_line("set y=5").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("for  set x=1").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("CTRLC").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("write \"y=\",y,\" x=\",x,!").unwrap();
        p.exp_string("y=5 x=1").unwrap();
        p.exp_string("MINIM> ").unwrap();

        // A READ waiting for the terminal is stopped the same way.
        p.send_line("read z write \"got \",z,!").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("CTRLC").unwrap();
        p.exp_string("MINIM> ").unwrap();

        // And a HANG, which sleeps without waking up in between.
        p.send_line("hang 1000 write \"not reached\",!").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("CTRLC").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }

    #[test]
    fn tty_tab_completes_commands_functions_and_variables() {
        let history = temp_history("tab");
        let mut p = start(&history);
        p.send_line("set total=3").unwrap();
        p.exp_string("MINIM> ").unwrap();
        // `wri<Tab> $le<Tab>to<Tab>)` becomes `write $length(total)`.
        p.send("wri\t").unwrap();
        p.flush().unwrap();
        p.exp_string("write").unwrap();
        p.send(" $le\t").unwrap();
        p.flush().unwrap();
        p.exp_string("$length(").unwrap();
        p.send("to\t").unwrap();
        p.flush().unwrap();
        p.exp_string("total").unwrap();
        p.send_line("),!").unwrap();
        p.exp_string("\r\n1\r\n").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }

    #[test]
    fn tty_a_pasted_block_and_lines_typed_ahead_all_run_in_order() {
        let history = temp_history("paste");
        let mut p = start(&history);
        // A bracketed paste of three lines, then Enter: each line runs, in order.
        p.send("\x1b[200~write \"one\",!\nwrite \"two\",!\nwrite \"three\",!\x1b[201~")
            .unwrap();
        p.send_line("").unwrap();
        p.exp_string("one").unwrap();
        p.exp_string("two").unwrap();
        p.exp_string("three").unwrap();
        p.exp_string("MINIM> ").unwrap();
        // Typed ahead while a line runs (HANG): none is lost.
        p.send("hang 0.5 write \"a\",!\rwrite \"b\",!\rwrite \"c\",!\r")
            .unwrap();
        p.flush().unwrap();
        p.exp_string("a").unwrap();
        p.exp_string("b").unwrap();
        p.exp_string("c").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }

    #[test]
    fn tty_read_star_and_read_hash_one_return_at_one_key() {
        // A key is typed only once the line's own output (a product the echo of the typed
        // line does not contain) shows the line editor has returned: a key sent while it
        // still reads would stay in its read-ahead buffer, and the READ would wait forever.
        let history = temp_history("readkey");
        let mut p = start(&history);
        p.send_line(
            "write 6*7,\"=\" read *c write \" code=\",c,! write 7*8,\"=\" read x#1 write \" x=\",x,!",
        )
        .unwrap();
        p.exp_string("42=").unwrap();
        // One key, no Enter.
        p.send("A").unwrap();
        p.flush().unwrap();
        p.exp_string("code=65").unwrap();
        p.exp_string("56=").unwrap();
        p.send("z").unwrap();
        p.flush().unwrap();
        p.exp_string("x=z").unwrap();
        p.exp_string("MINIM> ").unwrap();
        // The terminal is back to lines: a READ x waits for Enter.
        p.send_line("write 8*9,\"=\",! read y write \"[\",y,\"]\",!")
            .unwrap();
        p.exp_string("72=").unwrap();
        p.send_line("hello").unwrap();
        p.exp_string("[hello]").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }

    /// The terminal settings as `stty -g` prints them, written to `file` by a shell that then
    /// runs `command` (on the same pseudo-terminal) and prints them again to `file.after`.
    fn settings_around(command: &str, dir: &std::path::Path) -> PtySession {
        let script = format!(
            "trap true INT; stty -g > {0}/before; {command}; stty -g > {0}/after; echo settings-saved",
            dir.display()
        );
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(script)
            .current_dir(super::transcripts())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env_remove("MINIM_ROUTINES");
        spawn_command(cmd, Some(WAIT_MS)).expect("sh starts on a pty")
    }

    fn assert_same_settings(dir: &std::path::Path) {
        let before = std::fs::read_to_string(dir.join("before")).expect("settings before");
        let after = std::fs::read_to_string(dir.join("after")).expect("settings after");
        assert!(!before.trim().is_empty());
        assert_eq!(before, after, "the terminal is not restored");
    }

    #[test]
    fn tty_a_read_of_one_key_gives_the_terminal_back_as_it_was() {
        let minim = super::minim();
        let routine = "write 6*7,! read *c write \"code=\",c,! read x#1 write \" x=\",x,!";
        // A run that ends after its one-key READs: the terminal is as before the run.
        let dir = temp_history("restore-exit");
        let dir = dir.parent().expect("temp dir");
        let mut p = settings_around(&format!("{minim} -run %XCMD '{routine}'"), dir);
        p.exp_string("42").unwrap();
        p.send("A").unwrap();
        p.flush().unwrap();
        p.exp_string("code=65").unwrap();
        p.send("q").unwrap();
        p.flush().unwrap();
        p.exp_string("x=q").unwrap();
        p.exp_string("settings-saved").unwrap();
        p.exp_eof().unwrap();
        assert_same_settings(dir);

        // Ctrl-C while READ *c waits ends the run with CTRLC; the terminal is restored too.
        let dir = temp_history("restore-ctrlc");
        let dir = dir.parent().expect("temp dir");
        let mut p = settings_around(&format!("{minim} -run %XCMD '{routine}'"), dir);
        p.exp_string("42").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("CTRLC").unwrap();
        p.exp_string("settings-saved").unwrap();
        p.exp_eof().unwrap();
        assert_same_settings(dir);

        // In direct mode, Ctrl-C in READ *c brings the prompt back and READ waits for lines.
        let history = temp_history("restore-direct");
        let mut p = start(&history);
        p.send_line("write 6*7,\"=\" read *c write \"code=\",c,!")
            .unwrap();
        p.exp_string("42=").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("CTRLC").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("write 8*9,\"=\",! read y write \"[\",y,\"]\",!")
            .unwrap();
        p.exp_string("72=").unwrap();
        p.send_line("two keys").unwrap();
        p.exp_string("[two keys]").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }

    /// GT.M, checked on a terminal: Ctrl-C in a routine run (`mumps -run`) gives CTRLC and a
    /// direct-mode prompt in the running routine; ZCONTINUE goes on from there.
    #[test]
    fn tty_ctrl_c_in_a_routine_run_stops_at_a_prompt() {
        let mut cmd = Command::new(super::minim());
        cmd.arg("spin.m")
            .current_dir(super::transcripts())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("MINIM_HISTORY", "")
            .env_remove("MINIM_ROUTINES");
        let mut p = spawn_command(cmd, Some(WAIT_MS)).expect("minim starts on a pty");
        std::thread::sleep(std::time::Duration::from_millis(300));
        p.send_control('c').unwrap();
        p.exp_string("%GTM-I-CTRLC, CTRL_C encountered").unwrap();
        p.exp_string("MINIM 0> ").unwrap();
        p.send_line("write \"i>0:\",i>0,!").unwrap();
        p.exp_string("i>0:1").unwrap();
        p.send_line("set stop=1").unwrap();
        p.exp_string("MINIM 0> ").unwrap();
        p.send_line("zcontinue").unwrap();
        p.exp_string("stopped after 1").unwrap();
        p.exp_eof().unwrap();
    }

    #[test]
    fn tty_an_error_stops_in_its_frame_with_the_level_in_the_prompt() {
        let history = temp_history("stop");
        let mut p = start(&history);
        p.send_line("do ^dbg").unwrap();
        p.exp_string("%GTM-E-UNDEF").unwrap();
        p.exp_string("MINIM 3> ").unwrap();
        p.send_line("write n,!").unwrap();
        p.exp_string("3").unwrap();
        p.exp_string("MINIM 3> ").unwrap();
        p.send_line("zgoto").unwrap();
        p.exp_string("MINIM> ").unwrap();
        p.send_line("halt").unwrap();
        p.exp_eof().unwrap();
    }
}
