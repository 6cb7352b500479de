//! Splits routine text into lines and takes off what depends on position in the line: the
//! label (with its formal list), the line-start white space and the dots of a DO block. The
//! rest, the commands, goes to the lexer and parser.

use std::rc::Rc;

use super::ast::{Label, Line, Routine};
use super::parser::parse_commands;
use crate::error::{MError, kind};
use crate::intern::{Sym, SymMap};

/// Parses a whole routine. Syntax errors do not stop the load: as in GT.M, a bad line raises
/// its error when it is executed, and `errors` lists them all for the report at load time.
pub fn parse_routine(name: Sym, source: Rc<str>) -> (Routine, Vec<MError>) {
    let mut lines = Vec::new();
    let mut labels = SymMap::default();
    let mut errors = Vec::new();
    let mut offset = 0;
    for raw in source.split('\n') {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let line = parse_line(text, offset);
        if let Some(e) = &line.error {
            errors.push(e.clone());
        }
        if let Some(label) = &line.label {
            // GT.M: the first definition of a label wins.
            labels.entry(label.name).or_insert(lines.len());
        }
        lines.push(line);
        offset += raw.len() + 1;
    }
    // A file ending in a newline has no extra empty line after it.
    if source.ends_with('\n') {
        lines.pop();
    }
    let routine = Routine {
        name,
        source,
        lines,
        labels,
        xecute: false,
    };
    (routine, errors)
}

/// Parses one line of text that starts at `offset` in its source.
pub fn parse_line(text: &str, offset: usize) -> Line {
    let bytes = text.as_bytes();
    let span = offset..offset + text.len();
    let mut pos = 0;
    let label = match take_label(bytes, &mut pos) {
        Ok(l) => l,
        Err(at) => {
            let err = MError::new(kind::LABELEXPECTED).at(offset + at..offset + at + 1);
            return Line {
                label: None,
                level: 0,
                body: Vec::new(),
                error: Some(err),
                span,
            };
        }
    };
    let ws_start = pos;
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    if pos == ws_start && pos < bytes.len() && bytes[pos] != b';' {
        let err = MError::new(kind::SPOREOL).at(offset + pos..offset + pos + 1);
        return Line {
            label,
            level: 0,
            body: Vec::new(),
            error: Some(err),
            span,
        };
    }
    let mut level = 0;
    while bytes.get(pos) == Some(&b'.') {
        level += 1;
        pos += 1;
        while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
            pos += 1;
        }
    }
    let (body, error) = parse_commands(&text[pos..], offset + pos);
    Line {
        label,
        level,
        body,
        error,
        span,
    }
}

/// A label at the start of the line: a name (`%a`, `abc1`) or digits, and a formal list.
/// Returns `Err(position)` for a malformed formal list.
fn take_label(b: &[u8], pos: &mut usize) -> Result<Option<Label>, usize> {
    let start = *pos;
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() || *c == b'%' => {
            *pos += 1;
            while b.get(*pos).is_some_and(|c| c.is_ascii_alphanumeric()) {
                *pos += 1;
            }
        }
        Some(c) if c.is_ascii_digit() => {
            while b.get(*pos).is_some_and(|c| c.is_ascii_digit()) {
                *pos += 1;
            }
        }
        _ => return Ok(None),
    }
    let name = Sym::intern(std::str::from_utf8(&b[start..*pos]).unwrap_or_default());
    let formals = if b.get(*pos) == Some(&b'(') {
        Some(take_formals(b, pos)?)
    } else {
        None
    };
    Ok(Some(Label {
        name,
        formals,
        called_with_actuals: Default::default(),
    }))
}

fn take_formals(b: &[u8], pos: &mut usize) -> Result<Vec<Sym>, usize> {
    *pos += 1;
    let mut formals = Vec::new();
    if b.get(*pos) == Some(&b')') {
        *pos += 1;
        return Ok(formals);
    }
    loop {
        let start = *pos;
        if b.get(*pos)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'%')
        {
            *pos += 1;
            while b.get(*pos).is_some_and(|c| c.is_ascii_alphanumeric()) {
                *pos += 1;
            }
        } else {
            return Err(*pos);
        }
        formals.push(Sym::intern(
            std::str::from_utf8(&b[start..*pos]).unwrap_or_default(),
        ));
        match b.get(*pos) {
            Some(b',') => *pos += 1,
            Some(b')') => {
                *pos += 1;
                return Ok(formals);
            }
            _ => return Err(*pos),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_dots_and_formals() {
        let l = parse_line("add(a,b) quit a+b", 0);
        let label = l.label.unwrap();
        assert_eq!(label.name.as_str(), "add");
        assert_eq!(label.formals.unwrap().len(), 2);
        let l = parse_line(" . . write 1", 0);
        assert_eq!(l.level, 2);
        assert!(l.error.is_none());
        let l = parse_line("10 w 1", 0);
        assert_eq!(l.label.unwrap().name.as_str(), "10");
        assert!(parse_line(" ; just a comment", 0).body.is_empty());
    }
}
