//! Direct mode (GT.M's `GTM>` prompt, minim's `MINIM>`): each line runs as M commands
//! against one symbol table that lives for the whole session.
//!
//! On a terminal, rustyline gives line editing, a history file, Tab completion and colour
//! (`helper`). Otherwise lines are read from standard input through the principal device
//! (so a READ in one line reads the next input line, as in GT.M) and only the program's
//! output is written: direct mode can be scripted. The M itself is all the evaluator's
//! (`Interp::run_direct_line`); this module only reads lines and shows errors.

mod helper;
mod words;

use std::path::PathBuf;

use rustyline::Editor;
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;

use crate::error::{MError, kind};
use crate::eval::session::DIRECT_ROUTINE;
use crate::intern::Sym;
use crate::{Interp, Outcome, interrupt, report};

pub use helper::{Class, classify, paint};

const PROMPT: &str = "MINIM> ";

/// Direct mode's command-line options.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// `--history FILE`: where the history lives (an empty FILE keeps none).
    pub history: Option<PathBuf>,
}

impl Options {
    /// Parses the arguments after `-direct` (or all of them for a plain `minim --history F`).
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-direct" | "--direct" => {}
                "--history" | "-history" => match args.next() {
                    Some(file) => options.history = Some(PathBuf::from(file)),
                    None => return Err("--history needs a file name".into()),
                },
                other => match other.strip_prefix("--history=") {
                    Some(file) => options.history = Some(PathBuf::from(file)),
                    None => return Err(format!("unknown direct-mode option {other}")),
                },
            }
        }
        Ok(options)
    }

    /// The history file: `--history`, else `$MINIM_HISTORY`, else `~/.minim_history`; an
    /// empty name means no history file.
    fn history_file(&self) -> Option<PathBuf> {
        let chosen = match (&self.history, std::env::var_os("MINIM_HISTORY")) {
            (Some(file), _) => file.clone(),
            (None, Some(file)) => PathBuf::from(file),
            (None, None) => PathBuf::from(std::env::var_os("HOME")?).join(".minim_history"),
        };
        (!chosen.as_os_str().is_empty()).then_some(chosen)
    }
}

/// Runs direct mode until HALT or end of input; returns the exit status.
pub fn run(interp: &mut Interp, options: &Options) -> u8 {
    let status = if is_terminal(0) {
        interactive(interp, options)
    } else {
        scripted(interp)
    };
    interp.end_session();
    status
}

fn is_terminal(fd: i32) -> bool {
    // SAFETY: isatty only inspects the file descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// Colour for the typed line: standard output is a terminal that has colour, and `NO_COLOR`
/// is not set.
fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
        && is_terminal(1)
}

/// Runs one typed line; `Some(status)` when the session must end.
fn run_line(interp: &mut Interp, line: &str) -> Option<u8> {
    interrupt::clear();
    let outcome = interp.run_direct_line(line);
    match outcome {
        Outcome::Done => None,
        Outcome::Halt(code) => Some(code as u8),
        Outcome::Error(e) => {
            show_error(interp, &e, line);
            None
        }
    }
}

/// Shows an error on standard error, with a snippet of the typed line, or of the routine
/// line where it happened.
fn show_error(interp: &mut Interp, e: &MError, line: &str) {
    interp.flush();
    if e.kind == kind::CTRLC {
        let mut text = format!("%MINIM-I-CTRLC, {}\n", e.message);
        if !e.place.is_empty() {
            text.push_str(&format!("\tAt M source location {}\n", e.place));
        }
        eprint!("{text}");
        return;
    }
    let text = match e.routine.as_deref() {
        // The space after the line gives a mark at its end (a missing `)`) a place to show.
        None => report::render(e, "direct", &format!("{line} ")),
        // In XECUTE'd text: the place, without a snippet.
        Some(DIRECT_ROUTINE) => report::render(e, "", ""),
        Some(name) => match interp.routine(Sym::intern(name)) {
            Ok(r) => report::render(e, &format!("{}.m", r.name), &r.source),
            Err(_) => report::render(e, "", ""),
        },
    };
    eprint!("{text}");
}

/// Standard input is not a terminal: no prompt, no colour, only the program's output.
fn scripted(interp: &mut Interp) -> u8 {
    while let Some(line) = interp.read_direct_line() {
        if let Some(code) = run_line(interp, &line) {
            return code;
        }
        interp.fresh_line();
    }
    0
}

fn interactive(interp: &mut Interp, options: &Options) -> u8 {
    let colour = colour_wanted();
    let config = Config::builder()
        .max_history_size(10_000)
        .and_then(|b| b.history_ignore_dups(true))
        .map(|b| {
            b.auto_add_history(false)
                .completion_type(CompletionType::List)
                .color_mode(if colour {
                    ColorMode::Enabled
                } else {
                    ColorMode::Disabled
                })
                .build()
        });
    let editor = config.and_then(Editor::<helper::MHelper, DefaultHistory>::with_config);
    let Ok(mut editor) = editor else {
        return scripted(interp);
    };
    editor.set_helper(Some(helper::MHelper::new(
        colour,
        interp.routine_path().to_vec(),
    )));
    let history = options.history_file();
    if let Some(file) = &history {
        let _ = editor.load_history(file);
    }
    interrupt::install();
    loop {
        interp.fresh_line();
        if let Some(h) = editor.helper() {
            *h.locals.borrow_mut() = interp.local_names();
        }
        match editor.readline(PROMPT) {
            Ok(text) => {
                // Each line goes to the file at once: a session that dies keeps it.
                if !text.trim().is_empty()
                    && editor.add_history_entry(text.as_str()).is_ok()
                    && let Some(file) = &history
                {
                    let _ = editor.append_history(file);
                }
                if let Some(code) = run_line(interp, &text) {
                    break code;
                }
            }
            // Ctrl-C at the prompt: the line is dropped, the session goes on.
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break 0,
            Err(e) => {
                eprintln!("minim: cannot read the terminal: {e}");
                break 1;
            }
        }
    }
}
