//! Error reports for people, read in one glance: GT.M's own two lines (the message, then
//! `At M source location label+n^routine`, exactly as GT.M prints them on standard error),
//! the source line with a caret under the column, then the DO/extrinsic chain that led there.
//!
//! `MINIM_ERRORS=long` adds `$ECODE` and a miette rendering of the source around the line.

use std::sync::atomic::{AtomicBool, Ordering};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

use crate::error::MError;

static LONG: AtomicBool = AtomicBool::new(false);

/// Chooses the long form of reports (`MINIM_ERRORS=long`).
pub fn set_long(on: bool) {
    LONG.store(on, Ordering::Relaxed);
}

/// True when `MINIM_ERRORS` asks for long reports.
pub fn long_from_env() -> bool {
    std::env::var("MINIM_ERRORS").is_ok_and(|v| v.eq_ignore_ascii_case("long"))
}

/// Renders an error as minim prints it on standard error. `source_name` names the text that
/// `e.span` indexes (`demo.m`); an empty `source` gives no snippet.
///
/// ```text
/// %GTM-E-UNDEF, Undefined local variable: x
///         At M source location deeper+1^demo   (two tabs before "At")
///   demo.m:9 |  write x+1
///            |        ^
///   called from sub+1^demo
///   called from demo+2^demo
/// ```
pub fn render(e: &MError, source_name: &str, source: &str) -> String {
    let mut out = format!("{}\n", e.gtm_text());
    if !e.place.is_empty() {
        out.push_str(&format!("\t\tAt M source location {}\n", e.place));
    }
    if !e.shown_at_load
        && let Some(span) = &e.span
    {
        out.push_str(&snippet(source_name, source, span.start));
    }
    for caller in &e.chain {
        out.push_str(&format!("  called from {caller}\n"));
    }
    if e.chain_more > 0 {
        out.push_str(&format!("  ... and {} more callers\n", e.chain_more));
    }
    if let Some(hint) = &e.hint {
        out.push_str(&format!("{hint}\n"));
    }
    if LONG.load(Ordering::Relaxed) {
        out.push_str(&format!("  $ECODE={}\n", e.ecode()));
        out.push_str(&long_snippet(e, source_name, source));
    }
    out
}

/// A syntax error found when a routine is loaded: the line, a caret under the column, and
/// the message with the line and column, like GT.M's compiler.
pub fn render_load(e: &MError, source_name: &str, source: &str) -> String {
    let mut out = String::new();
    if let Some(span) = &e.span {
        out.push_str(&snippet(source_name, source, span.start));
    }
    out.push_str(&format!("{}\n", e.gtm_text()));
    out
}

/// `  name:LINE | text` (a tab and the text for a typed line, `source_name` empty) and a
/// caret line under the byte at `at` (tabs before it kept, so
/// the caret lines up on any terminal).
fn snippet(source_name: &str, source: &str, at: usize) -> String {
    if source.is_empty() || at > source.len() || !source.is_char_boundary(at) {
        return String::new();
    }
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    let text = source[start..end].trim_end_matches('\r');
    let number = source[..start].matches('\n').count() + 1;
    let pad: String = source[start..at.min(start + text.len())]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    // A line typed in direct mode: under it, as GT.M shows its own syntax errors there.
    if source_name.is_empty() {
        return format!("\t{text}\n\t{pad}^\n");
    }
    let head = format!("  {source_name}:{number} | ");
    let gutter = format!("{}| ", " ".repeat(head.len() - 2));
    format!("{head}{text}\n{gutter}{pad}^\n")
}

fn long_snippet(e: &MError, source_name: &str, source: &str) -> String {
    let Some(span) = &e.span else {
        return String::new();
    };
    if span.end > source.len() || source.is_empty() {
        return String::new();
    }
    let diag = MietteDiagnostic::new(e.message.clone())
        .with_code(format!("{} {}", e.mnemonic(), e.ecode()))
        .with_label(LabeledSpan::at(span.clone(), e.mnemonic()));
    let handler = if colour_wanted() {
        GraphicalReportHandler::new()
    } else {
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
    };
    let report = miette::Report::new(diag)
        .with_source_code(NamedSource::new(source_name, source.to_string()));
    let mut text = String::new();
    if handler.render_report(&mut text, report.as_ref()).is_ok() {
        text
    } else {
        String::new()
    }
}

fn colour_wanted() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::kind;

    #[test]
    fn one_glance_report() {
        let source = "demo ; x\n\tset a=1 write x+1\n";
        let mut e = MError::with_args(kind::UNDEF, &["x"]);
        e.place = "demo+1^demo".into();
        e.span = Some(24..25);
        e.chain = vec!["top+2^caller".into()];
        assert_eq!(
            render(&e, "demo.m", source),
            "%GTM-E-UNDEF, Undefined local variable: x\n\
             \t\tAt M source location demo+1^demo\n\
             \x20 demo.m:2 | \tset a=1 write x+1\n\
             \x20          | \t              ^\n\
             \x20 called from top+2^caller\n"
        );
    }

    #[test]
    fn shown_at_load_has_no_snippet() {
        let mut e = MError::new(kind::EXPR);
        e.place = "a+1^a".into();
        e.span = Some(3..4);
        e.shown_at_load = true;
        assert_eq!(
            render(&e, "a.m", "a\n w\n"),
            "%GTM-E-EXPR, Expression expected but not found\n\t\tAt M source location a+1^a\n"
        );
    }
}
