//! The `minim` command line: help, arguments into `$ZCMDLINE`, `-run` entry references and
//! their exit statuses (GT.M's `mumps -run` exits 253 for a missing routine or label), direct
//! mode fed from a pipe, one-liners (`%XCMD`, a routine on standard input), the library built
//! into the binary, and a GT.M user's environment (`gtmroutines`, `gtm_etrap`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[allow(dead_code)]
mod common;
use common::tempdir::TempDir;

/// The variables of a user's environment that change how minim runs.
const ENVIRONMENT: &[&str] = &[
    "MINIM_ROUTINES",
    "gtmroutines",
    "ydb_routines",
    "gtm_etrap",
    "ydb_etrap",
];

fn minim(args: &[&str], input: Option<&str>) -> Output {
    minim_with(args, input, &[])
}

/// Runs minim from `tests/cli/` with only the environment variables of `env` set among those
/// of `ENVIRONMENT`.
fn minim_with(args: &[&str], input: Option<&str>, env: &[(&str, &str)]) -> Output {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli");
    run(
        env!("CARGO_BIN_EXE_minim").as_ref(),
        dir.as_ref(),
        args,
        input,
        env,
    )
}

fn run(
    program: &Path,
    dir: &Path,
    args: &[&str],
    input: Option<&str>,
    env: &[(&str, &str)],
) -> Output {
    let mut command = Command::new(program);
    for var in ENVIRONMENT {
        command.env_remove(var);
    }
    let mut child = command
        .envs(env.iter().copied())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start minim");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(input.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("minim ends")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn help_explains_usage() {
    let out = minim(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(help.contains("minim -run ENTRYREF"), "{help}");
    assert!(help.contains("MINIM_ROUTINES"), "{help}");
}

#[test]
fn arguments_become_zcmdline() {
    let out = minim(&["args.m", "one", "two"], None);
    assert_eq!(text(&out.stdout), "[one two]\n");
    assert_eq!(out.status.code(), Some(0));
    let out = minim(&["-run", "args^args", "x"], None);
    assert_eq!(text(&out.stdout), "[x]\n");
}

#[test]
fn exit_statuses_follow_gtm() {
    assert_eq!(minim(&["-run", "halt3^args"], None).status.code(), Some(3));
    let missing_label = minim(&["-run", "nosuch^args"], None);
    assert_eq!(missing_label.status.code(), Some(253));
    assert!(text(&missing_label.stderr).contains("JOBLABOFF"));
    assert_eq!(
        minim(&["-run", "x^nosuchroutine"], None).status.code(),
        Some(253)
    );
    let unknown = minim(&["--bogus"], None);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn direct_mode_from_a_pipe_prints_only_output() {
    let out = minim(&["-direct"], Some("set x=2\nwrite x*3,!\n"));
    assert_eq!(text(&out.stdout), "6\n");
    assert_eq!(out.status.code(), Some(0));
}

// GT.M 7.0 (mumps -run %XCMD ... with gtm_etrap unset) prints the same, with the same status.
#[test]
fn xcmd_executes_its_command_line() {
    let out = minim(&["-run", "%XCMD", "write 1,!"], None);
    assert_eq!(text(&out.stdout), "1\n");
    assert_eq!(out.status.code(), Some(0));
    let out = minim(&["-run", "%XCMD", "set a=1 write $stack,! zwrite a"], None);
    assert_eq!(text(&out.stdout), "1\na=1\n");
    let failed = minim(
        &["-run", "%XCMD", "write \"a\",! write x write \"b\""],
        None,
    );
    assert_eq!(
        text(&failed.stdout),
        "a\n%GTM-E-UNDEF, Undefined local variable: x\n"
    );
    // the low byte of UNDEF's number, 150373850
    assert_eq!(failed.status.code(), Some(218));
}

#[test]
fn a_routine_from_standard_input() {
    let routine =
        " write $zcmdline,! do two\n quit\ntwo write $text(+0),\" \",$$FUNC^%UCASE(\"ok\"),!\n";
    let out = minim(&["-", "a", "b"], Some(routine));
    assert_eq!(
        text(&out.stdout),
        "a b\nSTDIN OK\n",
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    let failed = minim(&["-"], Some(" write x\n"));
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        text(&failed.stderr).contains("+1^STDIN"),
        "{}",
        text(&failed.stderr)
    );
}

#[test]
fn the_library_is_inside_the_binary() {
    let home = TempDir::new("cli", "installed");
    let copy = home.path().join("minim");
    // A hard link, not a copy: a copy is a file open for writing, and a child forked by a
    // test running in parallel would keep it open (exec then fails with "text file busy").
    if std::fs::hard_link(env!("CARGO_BIN_EXE_minim"), &copy).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_minim"), &copy).expect("copy minim");
    }
    let elsewhere = TempDir::new("cli", "elsewhere");
    let args = [
        "-run",
        "%XCMD",
        "write $$FUNC^%UCASE(\"abc\"),\" \",$$CDS^%H(1),!",
    ];
    let out = run(&copy, elsewhere.path(), &args, None, &[]);
    assert_eq!(text(&out.stdout), "ABC 1/1/1841\n", "{}", text(&out.stderr));
    // A routine of the same name on the routine path comes first.
    std::fs::write(
        elsewhere.path().join("_UCASE.m"),
        "%UCASE ;\nFUNC(s) quit \"mine\"\n",
    )
    .expect("write _UCASE.m");
    let out = run(&copy, elsewhere.path(), &args, None, &[]);
    assert_eq!(
        text(&out.stdout),
        "mine 1/1/1841\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn gtmroutines_is_the_routine_path_when_minim_routines_is_unset() {
    let objects = TempDir::new("cli", "objects");
    let sources = TempDir::new("cli", "sources");
    std::fs::write(sources.path().join("greet.m"), "greet write \"hello\",!\n").expect("greet.m");
    let list = format!(
        "{}({}) /nowhere/libgtmutil.so",
        objects.path().display(),
        sources.path().display()
    );
    for var in ["gtmroutines", "ydb_routines"] {
        let out = minim_with(&["-run", "greet"], None, &[(var, &list)]);
        assert_eq!(text(&out.stdout), "hello\n", "{var}: {}", text(&out.stderr));
    }
    // MINIM_ROUTINES wins: greet is not found there.
    let only_objects = objects.path().display().to_string();
    let env = [
        ("gtmroutines", list.as_str()),
        ("MINIM_ROUTINES", &only_objects),
    ];
    let out = minim_with(&["-run", "greet"], None, &env);
    assert_eq!(out.status.code(), Some(253));
}

// GT.M 7.0 prints the same for tests/cli/trap.m with this gtm_etrap.
#[test]
fn gtm_etrap_is_the_initial_etrap() {
    let trap = "write \"T:\",$ecode,! halt";
    for var in ["gtm_etrap", "ydb_etrap"] {
        let out = minim_with(&["trap.m"], None, &[(var, trap)]);
        assert_eq!(text(&out.stdout), "before\nT:,M6,Z150373850,\n", "{var}");
        assert_eq!(out.status.code(), Some(0));
    }
    let out = minim_with(
        &["-run", "%XCMD", "write $etrap,!"],
        None,
        &[("gtm_etrap", trap)],
    );
    assert_eq!(text(&out.stdout), format!("{trap}\n"));
}

#[test]
fn a_missing_routine_names_the_file_and_the_folders() {
    let extra = TempDir::new("cli", "extra");
    let folder = extra.path().display().to_string();
    let out = minim_with(
        &["-"],
        Some(" do ^NOSUCH\n"),
        &[("MINIM_ROUTINES", &folder)],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stderr);
    let cli = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli");
    assert!(report.contains("looked for the file NOSUCH.m"), "{report}");
    assert!(report.contains(&format!("{cli}, {folder}")), "{report}");
    assert!(report.contains("built-in library"), "{report}");
    let out = minim(&["nosuch.m"], None);
    let report = text(&out.stderr);
    assert!(
        report.contains(&format!("routine file nosuch.m in the folder {cli}")),
        "{report}"
    );
}

#[test]
fn version_and_zminim_name_minim_while_zversion_is_gtms() {
    let out = minim(&["--version"], None);
    let version = text(&out.stdout);
    assert!(version.starts_with("minim V"), "{version}");
    let out = minim(&["-direct"], Some("write $zminim,!,$zversion,!\n"));
    assert_eq!(
        text(&out.stdout),
        format!("{}GT.M V7.0-005 Linux x86_64\n", version)
    );
}

#[test]
fn a_gtm_function_minim_lacks_names_itself_only_when_reached() {
    let out = minim(
        &["-direct"],
        Some("if 0 write $zpeek(\"PEEK:0\",0,1)\nwrite \"on\",!\nwrite $zpeek(\"PEEK:0\",0,1)\n"),
    );
    assert_eq!(text(&out.stdout), "on\n");
    let err = text(&out.stderr);
    assert!(err.contains("INVFCN"), "{err}");
    assert!(err.contains("$ZPEEK is not supported by minim"), "{err}");
}

/// The report of an unhandled error, byte for byte: GT.M's two lines, the source line with a
/// caret under the place, and the calls that led there.
#[test]
fn an_error_report_is_gtms_lines_the_source_line_and_the_calls() {
    let out = minim_with(&["chain.m"], None, &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "a\nin deeper\n");
    assert_eq!(
        text(&out.stderr),
        "%GTM-E-UNDEF, Undefined local variable: x\n\
         \t\tAt M source location deeper+1^chain\n\
         \x20 chain.m:9 |  write x+1\n\
         \x20           |        ^\n\
         \x20 called from sub+1^chain\n\
         \x20 called from chain+2^chain\n"
    );
    // The long form adds $ECODE and the source around the line.
    let out = minim_with(&["chain.m"], None, &[("MINIM_ERRORS", "long")]);
    let err = text(&out.stderr);
    assert!(err.contains("  $ECODE=,M6,Z150373850,\n"), "{err}");
    assert!(err.contains("╭─[chain.m:9:8]"), "{err}");
}

/// However deep the error, its report names the sixteen innermost callers and counts the
/// rest (every error keeps its chain: a long one per level of a deep stack would grow with
/// the square of the depth).
#[test]
fn a_deep_error_names_sixteen_callers_and_counts_the_rest() {
    let out = minim_with(&["deep.m"], None, &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(
        err.matches("  called from down+1^deep\n").count(),
        16,
        "{err}"
    );
    assert!(err.ends_with("  ... and 25 more callers\n"), "{err}");
}

/// A syntax error is shown once with its source line, when the routine is loaded; reached,
/// it gives GT.M's two lines only.
#[test]
fn a_syntax_error_shows_its_line_once() {
    let out = minim_with(&["synt.m"], None, &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "start\n");
    assert_eq!(
        text(&out.stderr),
        "\x20 synt.m:3 |  write 1+\n\
         \x20          |          ^\n\
         %GTM-E-RHMISSING, Right-hand side of expression expected\n\
         %GTM-E-RHMISSING, Right-hand side of expression expected\n\
         \t\tAt M source location synt+2^synt\n"
    );
}

/// A missing routine: GT.M's message, then in plain words the file and the folders.
#[test]
fn a_missing_routine_report_in_full() {
    let out = minim(&["-run", "nothere"], None);
    assert_eq!(out.status.code(), Some(253));
    let cli = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli");
    assert_eq!(
        text(&out.stderr),
        format!(
            "%GTM-E-ZLINKFILE, Error while zlinking \"nothere\",%GTM-E-FILENOTFND, File nothere.m not found,\
             %GTM-E-FILENOTFND, File nothere.o not found\n\
             minim found no routine nothere: it looked for the file nothere.m in these folders \
             (the routine path), in order: {cli}; minim's built-in library has no nothere either\n"
        )
    );
}

/// BREAK in a routine run stops at a prompt on standard input (as GT.M's `mumps -run`);
/// the end of input ends the process with status 0.
#[test]
fn break_in_a_routine_run_reads_commands_from_standard_input() {
    let routine = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/repl/brk.m");
    let out = minim(&[routine], Some("write \"a=\",a,!\nzcontinue\n"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "a=1\nafter break\nin sub\nend\n");
    assert!(text(&out.stderr).starts_with("%GTM-I-BREAK, Break instruction encountered\n"));
    let out = minim(&[routine], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn stack_zero_shows_the_entry_reference_as_given() {
    let dir = TempDir::new("cli", "stack0");
    std::fs::write(dir.path().join("st0.m"), "x write $stack(0),!\n").expect("write st0.m");
    for entry in ["st0", "x^st0", "^st0"] {
        let out = run(
            Path::new(env!("CARGO_BIN_EXE_minim")),
            dir.path(),
            &["-run", entry],
            None,
            &[],
        );
        // GT.M's $STACK(0) for `mumps -run ENTRY` is "-run " and the entry as typed.
        assert_eq!(
            text(&out.stdout),
            format!("-run {entry}\n"),
            "{}",
            text(&out.stderr)
        );
    }
}

/// GVUNDEF points at the line and the reference that failed (not at the routine's top).
#[test]
fn an_undefined_global_shows_the_line_that_read_it() {
    let db = std::env::temp_dir().join(format!("minim-cli-gvundef-{}", std::process::id()));
    let db_text = db.to_string_lossy().into_owned();
    let out = minim_with(
        &["gvundef.m"],
        None,
        &[("NO_COLOR", "1"), ("MINIM_DB", db_text.as_str())],
    );
    let _ = std::fs::remove_dir_all(&db);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "1\n");
    assert_eq!(
        text(&out.stderr),
        "%GTM-E-GVUNDEF, Global variable undefined: ^gvundef(1)\n\
         \t\tAt M source location gvundef+3^gvundef\n\
         \x20 gvundef.m:4 |  for i=1:1:2 write i,! set z=^gvundef(i)\n\
         \x20             |                              ^\n"
    );
}
