//! Direct mode (GT.M's `GTM>` prompt): each line is run as M commands against one symbol
//! table that lives for the whole session. With a terminal, rustyline gives editing and a
//! history file; otherwise lines are read from standard input and only the program's output
//! is written, so direct mode can be scripted.

use std::io::BufRead;
use std::path::PathBuf;

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

use crate::{Interp, Outcome, report};

const PROMPT: &str = "MINIM> ";

/// Runs direct mode until HALT or end of input; returns the exit status.
pub fn run(interp: &mut Interp) -> u8 {
    // SAFETY: isatty only inspects file descriptor 0.
    if unsafe { libc::isatty(0) } == 1 {
        interactive(interp)
    } else {
        scripted(interp)
    }
}

/// Runs one direct-mode line; `Some(status)` when the session must end.
fn run_line(interp: &mut Interp, line: &str) -> Option<u8> {
    match interp.run_direct(line) {
        Outcome::Done => None,
        Outcome::Halt(code) => Some(code as u8),
        Outcome::Error(e) => {
            interp.flush();
            eprint!("{}", report::render(&e, "direct", line));
            None
        }
    }
}

fn scripted(interp: &mut Interp) -> u8 {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().split(b'\n');
    while let Some(Ok(raw)) = lines.next() {
        let text = String::from_utf8_lossy(&raw);
        let line = format!(" {}", text.trim_end_matches('\r'));
        if let Some(code) = run_line(interp, &line) {
            return code;
        }
    }
    interp.flush();
    0
}

fn history_file() -> Option<PathBuf> {
    match std::env::var_os("MINIM_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".minim_history")),
    }
}

fn interactive(interp: &mut Interp) -> u8 {
    let Ok(mut editor) = DefaultEditor::new() else {
        return scripted(interp);
    };
    let history = history_file();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let status = loop {
        match editor.readline(PROMPT) {
            Ok(text) => {
                if !text.trim().is_empty() {
                    let _ = editor.add_history_entry(text.as_str());
                }
                if let Some(code) = run_line(interp, &format!(" {text}")) {
                    break code;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(_) => break 0,
        }
    };
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    status
}
