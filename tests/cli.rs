//! The `minim` command line: help, arguments into `$ZCMDLINE`, `-run` entry references and
//! their exit statuses (GT.M's `mumps -run` exits 253 for a missing routine or label), and
//! direct mode fed from a pipe.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn minim(args: &[&str], input: Option<&str>) -> Output {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli");
    let mut child = Command::new(env!("CARGO_BIN_EXE_minim"))
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
        Some("if 0 write $zcollate(\"a\",0)\nwrite \"on\",!\nwrite $zcollate(\"a\",0)\n"),
    );
    assert_eq!(text(&out.stdout), "on\n");
    let err = text(&out.stderr);
    assert!(err.contains("INVFCN"), "{err}");
    assert!(err.contains("$ZCOLLATE is not supported by minim"), "{err}");
}
