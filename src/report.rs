//! Error reports for people: GT.M's message line, the place, and a miette snippet of the
//! source pointing at the column.

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

use crate::error::MError;

/// Renders an error as minim prints it on standard error:
/// `%MINIM-E-UNDEF, Undefined local variable: x`, the place, then the source snippet.
pub fn render(e: &MError, source_name: &str, source: &str) -> String {
    let mut out = format!("{e}\n");
    if !e.place.is_empty() {
        out.push_str(&format!("\tAt M source location {}\n", e.place));
    }
    if let Some(hint) = &e.hint {
        out.push_str(&format!("{hint}\n"));
    }
    if let Some(span) = &e.span
        && span.end <= source.len()
        && !source.is_empty()
    {
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
            out.push_str(&text);
        }
    }
    out
}

fn colour_wanted() -> bool {
    // SAFETY: isatty only inspects file descriptor 2.
    std::env::var_os("NO_COLOR").is_none() && unsafe { libc::isatty(2) == 1 }
}
