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

use std::cell::RefCell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;

use rustyline::Editor;
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;

use crate::error::{MError, kind};
use crate::eval::debug::{Debugger, Stop};
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
    let console = Rc::new(RefCell::new(Console::open(interp, options)));
    interp.set_debugger(Box::new(Prompt(console.clone())), true);
    if console.borrow().editor.is_some() {
        interrupt::install();
    }
    let status = top_level(interp, &console);
    interp.end_session();
    status
}

/// A routine run (`minim FILE.m`, `-run`): BREAK and ZBREAK stop at a direct-mode prompt on
/// standard input, as in GT.M; errors still end the run.
pub fn install_for_run(interp: &mut Interp) {
    interp.set_debugger(Box::new(FirstStop(None)), false);
}

/// The prompt of a routine run, opened (terminal, history) only when it first stops.
struct FirstStop(Option<Prompt>);

impl Debugger for FirstStop {
    fn stop(&mut self, interp: &mut Interp, stop: &Stop, place: &str, line: &str) {
        let prompt = self.0.get_or_insert_with(|| {
            Prompt(Rc::new(RefCell::new(Console::open(
                interp,
                &Options::default(),
            ))))
        });
        prompt.stop(interp, stop, place, line);
    }
}

/// Where typed lines come from: a terminal with line editing, or standard input.
struct Console {
    editor: Option<Editor<helper::MHelper, DefaultHistory>>,
    history: Option<PathBuf>,
    /// The lines after the first of a multi-line paste, to run in order.
    pasted: std::collections::VecDeque<String>,
}

impl Console {
    fn open(interp: &Interp, options: &Options) -> Console {
        let editor = if std::io::stdin().is_terminal() {
            new_editor(interp)
        } else {
            None
        };
        let history = options.history_file();
        let mut console = Console {
            editor,
            history,
            pasted: Default::default(),
        };
        if let (Some(editor), Some(file)) = (console.editor.as_mut(), &console.history) {
            let _ = editor.load_history(file);
        }
        console
    }

    /// The next line; `None` at the end of input (Ctrl-D). Ctrl-C at the prompt gives an
    /// empty line.
    fn read(&mut self, interp: &mut Interp, prompt: &str) -> Result<Option<String>, String> {
        interp.fresh_line();
        let Some(editor) = self.editor.as_mut() else {
            return Ok(interp.read_direct_line());
        };
        if let Some(line) = self.pasted.pop_front() {
            return Ok(Some(line));
        }
        if let Some(h) = editor.helper() {
            *h.locals.borrow_mut() = interp.local_names();
        }
        match editor.readline(prompt) {
            Ok(text) => {
                // A bracketed paste of several lines comes as one text: each line runs, in
                // order, and each goes to the history.
                let mut lines = text.split('\n').map(str::to_string);
                let first = lines.next().unwrap_or_default();
                self.pasted.extend(lines.filter(|l| !l.trim().is_empty()));
                for line in std::iter::once(&first).chain(self.pasted.iter()) {
                    // Each line goes to the file at once: a session that dies keeps it.
                    if !line.trim().is_empty()
                        && editor.add_history_entry(line.as_str()).is_ok()
                        && let Some(file) = &self.history
                    {
                        let _ = editor.append_history(file);
                    }
                }
                Ok(Some(first))
            }
            Err(ReadlineError::Interrupted) => Ok(Some(String::new())),
            Err(ReadlineError::Eof) => Ok(None),
            Err(e) => Err(format!("minim: cannot read the terminal: {e}")),
        }
    }
}

fn top_level(interp: &mut Interp, console: &Rc<RefCell<Console>>) -> u8 {
    loop {
        let line = console.borrow_mut().read(interp, PROMPT);
        match line {
            Ok(Some(text)) => {
                if let Some(code) = run_line(interp, &text) {
                    break code;
                }
            }
            Ok(None) => break 0,
            Err(msg) => {
                eprintln!("{msg}");
                break 1;
            }
        }
    }
}

/// The prompt at a stop: it shows the stack level (`MINIM 3> `).
struct Prompt(Rc<RefCell<Console>>);

impl Debugger for Prompt {
    fn stop(&mut self, interp: &mut Interp, stop: &Stop, place: &str, line: &str) {
        interp.flush();
        match stop {
            Stop::Error(e) => show_error(interp, e, ""),
            Stop::Break { zbreak } => {
                let text = if *zbreak {
                    "%GTM-I-BREAKZBA, Break instruction encountered during ZBREAK action"
                } else {
                    "%GTM-I-BREAK, Break instruction encountered"
                };
                show_stop(text, place, line);
            }
            Stop::Step => show_stop(
                "%GTM-I-BREAKZST, Break instruction encountered during ZSTEP action",
                place,
                line,
            ),
            Stop::Interrupt => show_stop("%GTM-I-CTRLC, CTRL_C encountered", place, line),
        }
        loop {
            let prompt = format!("MINIM {}> ", interp.stack_level());
            let line = self.0.borrow_mut().read(interp, &prompt);
            match line {
                Ok(Some(text)) => {
                    if let Some(code) = run_line(interp, &text) {
                        interp.stop_with_halt(code as i32);
                    }
                }
                Ok(None) => interp.stop_with_halt(0),
                Err(msg) => {
                    eprintln!("{msg}");
                    interp.stop_with_halt(1);
                }
            }
            if interp.stop_is_over() {
                return;
            }
        }
    }
}

/// A stop's message, its place as GT.M shows it, and the line's source.
fn show_stop(text: &str, place: &str, line: &str) {
    eprint!("{text}\n\t\tAt M source location {place}\n  {place} | {line}\n");
}

/// Colour for the typed line: standard output is a terminal that has colour, and `NO_COLOR`
/// is not set.
fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
        && std::io::stdout().is_terminal()
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
        let mut text = format!("%GTM-I-CTRLC, {}\n", e.message);
        if !e.place.is_empty() {
            text.push_str(&format!("\t\tAt M source location {}\n", e.place));
        }
        eprint!("{text}");
        return;
    }
    let text = match e.routine.as_deref() {
        // The space after the line gives a mark at its end (a missing `)`) a place to show.
        None => report::render(e, "", line),
        // In XECUTE'd text: the place, without a snippet.
        Some(DIRECT_ROUTINE) => report::render(e, "", ""),
        Some(name) => match interp.routine(Sym::intern(name)) {
            Ok(r) => report::render(e, &format!("{}.m", r.name), &r.source),
            Err(_) => report::render(e, "", ""),
        },
    };
    eprint!("{text}");
}

fn new_editor(interp: &Interp) -> Option<Editor<helper::MHelper, DefaultHistory>> {
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
    let mut editor = config
        .and_then(Editor::<helper::MHelper, DefaultHistory>::with_config)
        .ok()?;
    editor.set_helper(Some(helper::MHelper::new(
        colour,
        interp.routine_path().to_vec(),
    )));
    Some(editor)
}
