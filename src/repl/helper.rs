//! The line editor's helper: Tab completion and colouring of the typed line.
//!
//! Both read the line through minim's own lexer and a small walk over its tokens that knows
//! where M puts commands (at the start, and after the space that ends the previous command's
//! arguments, or after two spaces for an argumentless one); nothing here runs M.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::path::PathBuf;

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::words::{self, Word};
use crate::syntax::lexer::{QMark, Tok, lex};

/// What a piece of the typed line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Command,
    Variable,
    Function,
    SpecialVariable,
    /// `$$label^routine`: the `$$` and the label.
    Extrinsic,
    /// `^routine` after DO, GOTO or `$$`.
    Routine,
    Str,
    Number,
    Pattern,
    Comment,
    /// Operators, parentheses, commas, spaces.
    Plain,
    /// Text the lexer does not recognise.
    Bad,
}

/// Splits a typed line into classified byte ranges, in order and covering the whole line.
pub fn classify(line: &str) -> Vec<(Range<usize>, Class)> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        /// Where a command name is expected.
        Command,
        /// Right after a command name: `:` postconditional, one space, or two spaces.
        AfterCommand,
        /// In the postconditional or the arguments (the flag tells which).
        Expr { args: bool },
    }
    let tokens = lex(line, 0);
    let mut out = Vec::with_capacity(tokens.len());
    let mut state = State::Command;
    let mut after_caret = false;
    let mut after_dollars = false;
    for (i, (tok, span)) in tokens.iter().enumerate() {
        let next_is_paren = matches!(tokens.get(i + 1), Some((Tok::LParen, _)));
        let class = match (state, tok) {
            (_, Tok::Comment) => Class::Comment,
            (State::Command, Tok::Space(_)) => Class::Plain,
            (State::Command, Tok::Name(_)) => {
                state = State::AfterCommand;
                Class::Command
            }
            (State::Command, _) => Class::Bad,
            (State::AfterCommand, Tok::Colon) => {
                state = State::Expr { args: false };
                Class::Plain
            }
            (State::AfterCommand | State::Expr { args: false }, Tok::Space(n)) => {
                state = if *n >= 2 {
                    State::Command
                } else {
                    State::Expr { args: true }
                };
                Class::Plain
            }
            (State::AfterCommand, _) => Class::Bad,
            (State::Expr { .. }, Tok::Space(_)) => {
                state = State::Command;
                Class::Plain
            }
            (State::Expr { .. }, tok) => match tok {
                Tok::Str(_) => Class::Str,
                Tok::Num(_) => Class::Number,
                Tok::Dollar(_) if next_is_paren => Class::Function,
                Tok::Dollar(_) => Class::SpecialVariable,
                Tok::DollarDollar => Class::Extrinsic,
                Tok::Caret => Class::Routine,
                Tok::Name(_) if after_caret => Class::Routine,
                Tok::Name(_) if after_dollars => Class::Extrinsic,
                Tok::Name(_) => Class::Variable,
                Tok::Question(QMark::Pattern(_)) => Class::Pattern,
                Tok::Error => Class::Bad,
                _ => Class::Plain,
            },
        };
        after_caret = matches!(tok, Tok::Caret);
        after_dollars = matches!(tok, Tok::DollarDollar);
        out.push((span.clone(), class));
    }
    out
}

/// The editor helper; the REPL refreshes `locals` before each prompt.
pub struct MHelper {
    colour: bool,
    /// The session's local variable names.
    pub locals: RefCell<Vec<String>>,
    routine_path: Vec<PathBuf>,
}

impl MHelper {
    pub fn new(colour: bool, routine_path: Vec<PathBuf>) -> MHelper {
        MHelper {
            colour,
            locals: RefCell::new(Vec::new()),
            routine_path,
        }
    }

    /// Routine names on the routine path (`_X.m` is `%X`) and in minim's built-in library,
    /// sorted, without repeats.
    fn routines(&self) -> Vec<String> {
        let mut names = Vec::new();
        for dir in &self.routine_path {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let file = entry.file_name();
                let Some(stem) = file.to_str().and_then(|f| f.strip_suffix(".m")) else {
                    continue;
                };
                let name = match stem.strip_prefix('_') {
                    Some(rest) => format!("%{rest}"),
                    None => stem.to_string(),
                };
                if is_routine_name(&name) {
                    names.push(name);
                }
            }
        }
        names.extend(crate::embedded::names().map(String::from));
        names.sort();
        names.dedup();
        names
    }

    /// Candidates for the word `prefix` of class `class`.
    fn candidates(&self, class: Class, prefix: &str) -> Vec<Pair> {
        match class {
            Class::Command => keyword_pairs(words::COMMANDS, prefix, ""),
            Class::Function => keyword_pairs(words::functions(), prefix, "("),
            Class::SpecialVariable => keyword_pairs(words::special_variables(), prefix, ""),
            Class::Routine => plain_pairs(self.routines(), prefix),
            Class::Variable => plain_pairs(self.locals.borrow().clone(), prefix),
            _ => Vec::new(),
        }
    }
}

fn is_routine_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '%' || c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

/// Keywords starting with `prefix` (any case), in the case the user typed, shown with their
/// abbreviation.
fn keyword_pairs(list: &[Word], prefix: &str, suffix: &str) -> Vec<Pair> {
    let up = prefix.to_ascii_uppercase();
    let lower = prefix.is_empty() || prefix.chars().any(|c| c.is_ascii_lowercase());
    list.iter()
        .filter(|(full, _)| full.starts_with(&up))
        .map(|(full, short)| {
            let name = if lower {
                full.to_ascii_lowercase()
            } else {
                full.to_string()
            };
            let display = if full == short {
                name.clone()
            } else if lower {
                format!("{name} ({})", short.to_ascii_lowercase())
            } else {
                format!("{name} ({short})")
            };
            Pair {
                display,
                replacement: format!("{name}{suffix}"),
            }
        })
        .collect()
}

/// Names starting with `prefix` (M names are case-sensitive).
fn plain_pairs(names: Vec<String>, prefix: &str) -> Vec<Pair> {
    names
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .map(|n| Pair {
            display: n.clone(),
            replacement: n,
        })
        .collect()
}

impl Completer for MHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '%'))
            .map_or(0, |i| i + 1);
        let prefix = &before[start..];
        let lead = &before[..start];
        let class = if lead.ends_with("$$") {
            Class::Extrinsic
        } else if lead.ends_with('$') {
            // `$PIE` lexes as a special variable until its `(` is typed.
            let mut c = self.candidates(Class::Function, prefix);
            c.extend(self.candidates(Class::SpecialVariable, prefix));
            return Ok((start, c));
        } else if lead.ends_with('^') {
            Class::Routine
        } else {
            // Classify the line up to the word, with a stand-in letter for an empty word.
            let probe = format!("{lead}{}", if prefix.is_empty() { "x" } else { prefix });
            classify(&probe)
                .last()
                .map_or(Class::Command, |(_, class)| *class)
        };
        Ok((start, self.candidates(class, prefix)))
    }
}

impl Highlighter for MHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.colour || line.is_empty() {
            return Cow::Borrowed(line);
        }
        Cow::Owned(paint(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.colour
    }
}

/// The line with ANSI colours around its pieces.
pub fn paint(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut at = 0;
    for (span, class) in classify(line) {
        out.push_str(&line[at..span.start]);
        let text = &line[span.clone()];
        match colour_of(class) {
            Some(code) => {
                out.push_str(code);
                out.push_str(text);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(text),
        }
        at = span.end;
    }
    out.push_str(&line[at..]);
    out
}

fn colour_of(class: Class) -> Option<&'static str> {
    Some(match class {
        Class::Command => "\x1b[1;34m",
        Class::Function | Class::SpecialVariable => "\x1b[36m",
        Class::Extrinsic | Class::Routine => "\x1b[35m",
        Class::Str | Class::Pattern => "\x1b[32m",
        Class::Number => "\x1b[33m",
        Class::Comment => "\x1b[2m",
        Class::Bad => "\x1b[31m",
        Class::Variable | Class::Plain => return None,
    })
}

impl Hinter for MHelper {
    type Hint = String;
}

impl Validator for MHelper {}

impl Helper for MHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(line: &str) -> Vec<(&str, Class)> {
        classify(line)
            .into_iter()
            .filter(|(_, c)| *c != Class::Plain)
            .map(|(s, c)| (&line[s], c))
            .collect()
    }

    #[test]
    fn commands_arguments_and_postconditionals() {
        use Class::*;
        assert_eq!(
            classes(r#"set:x>1 a="b c",n=12 write $piece(a," ",2),$x  quit ;done"#),
            vec![
                ("set", Command),
                ("x", Variable),
                ("1", Number),
                ("a", Variable),
                ("\"b c\"", Str),
                ("n", Variable),
                ("12", Number),
                ("write", Command),
                ("$piece", Function),
                ("a", Variable),
                ("\" \"", Str),
                ("2", Number),
                ("$x", SpecialVariable),
                ("quit", Command),
                (";done", Comment),
            ]
        );
        assert_eq!(
            classes("d f^R w $$g^R(1)"),
            vec![
                ("d", Command),
                ("f", Variable),
                ("^", Routine),
                ("R", Routine),
                ("w", Command),
                ("$$", Extrinsic),
                ("g", Extrinsic),
                ("^", Routine),
                ("R", Routine),
                ("1", Number),
            ]
        );
    }

    #[test]
    fn colours_wrap_the_pieces_and_keep_the_text() {
        let line = r#"w "hi",1"#;
        let painted = paint(line);
        assert!(painted.contains("\x1b[1;34mw\x1b[0m"));
        assert!(painted.contains("\x1b[32m\"hi\"\x1b[0m"));
        let plain: String = strip_ansi(&painted);
        assert_eq!(plain, line);
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn complete(helper: &MHelper, line: &str) -> Vec<String> {
        let history = rustyline::history::DefaultHistory::new();
        let ctx = Context::new(&history);
        let (_, pairs) = helper.complete(line, line.len(), &ctx).unwrap();
        pairs.into_iter().map(|p| p.replacement).collect()
    }

    #[test]
    fn completes_by_place_in_the_line() {
        let dir = std::env::temp_dir().join(format!("minim-complete-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("hello.m"), "hello ;\n").unwrap();
        std::fs::write(dir.join("_ZU.m"), "ZU ;\n").unwrap();
        let helper = MHelper::new(false, vec![dir.clone()]);
        *helper.locals.borrow_mut() = vec!["count".into(), "total".into()];
        assert_eq!(complete(&helper, "wr"), vec!["write"]);
        assert_eq!(complete(&helper, "S x=1 ZWR"), vec!["ZWRITE"]);
        assert_eq!(complete(&helper, "write $pie"), vec!["piece("]);
        assert_eq!(
            complete(&helper, "write $zst"),
            vec!["zstatus", "zstep", "zstrpllim"]
        );
        assert_eq!(complete(&helper, "write co"), vec!["count"]);
        assert_eq!(complete(&helper, "set x=1+t"), vec!["total"]);
        assert_eq!(complete(&helper, "do ^he"), vec!["hello"]);
        assert_eq!(complete(&helper, "do ^%Z"), vec!["%ZU"]);
        // minim's built-in library routines complete too
        assert_eq!(complete(&helper, "do ^%XC"), vec!["%XCMD"]);
        assert_eq!(complete(&helper, "write 1  h"), vec!["halt", "hang"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
