//! Splits routine text into lines and takes off what depends on position in the line: the
//! label (with its formal list), the line-start white space and the dots of a DO block. The
//! rest, the commands, goes to the lexer and parser.

use std::rc::Rc;

use super::ast::{Label, Line, Routine};
use super::parser::parse_commands;
use crate::error::{ErrorKind, MError, kind};
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
    count_deeper(&mut lines);
    let routine = Routine {
        name,
        source,
        lines,
        labels,
        xecute: false,
    };
    (routine, errors)
}

/// Sets each line's `deeper`: the lines after it at a deeper level, counted from the end
/// (a line's count ends where the next line at its level or above starts).
fn count_deeper(lines: &mut [Line]) {
    for i in (0..lines.len()).rev() {
        let level = lines[i].level;
        let mut next = i + 1;
        while let Some(l) = lines.get(next)
            && l.level > level
        {
            next += 1 + l.deeper;
        }
        lines[i].deeper = next - i - 1;
    }
}

/// Parses one line of text that starts at `offset` in its source.
pub fn parse_line(text: &str, offset: usize) -> Line {
    let bytes = text.as_bytes();
    let span = offset..offset + text.len();
    let mut pos = 0;
    let label = match take_label(bytes, &mut pos) {
        Ok(l) => l,
        Err((at, error, label)) => {
            let err = MError::new(error).at(offset + at..offset + at + 1);
            return Line {
                label,
                level: 0,
                deeper: 0,
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
            deeper: 0,
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
    let end = pos + nul_in_string(&bytes[pos..]).unwrap_or(bytes.len() - pos);
    let (body, error) = parse_commands(&text[pos..end], offset + pos);
    Line {
        label,
        level,
        deeper: 0,
        body,
        error,
        span,
    }
}

/// Where a NUL byte inside a string literal is in a routine line's commands: GT.M ends the
/// string there unterminated (probed: the same errors as a missing closing quote), while
/// XECUTE text may hold one.
fn nul_in_string(body: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &c) in body.iter().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b';' if !quoted => return None,
            0 if quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Where the line start (the white space after the label) is in a line's text: `$TEXT`
/// shows its tabs as spaces, and only those (GT.M).
pub fn line_start(text: &str) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    if take_label(bytes, &mut pos).is_err() {
        return 0..0;
    }
    let start = pos;
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    start..pos
}

/// A label at the start of the line: a name (`%a`, `abc1`) or digits, and a formal list;
/// GT.M also takes a colon after a label without a formal list (`MYLABEL:`), which must be
/// followed by the line start, a comment or the end of the line (else LSEXPECTED, as after
/// `lab(x):`). Returns the position and kind of the error for a malformed label, and the
/// label if its name and formals were whole (GT.M: DO of it raises the line's error).
fn take_label(b: &[u8], pos: &mut usize) -> Result<Option<Label>, LabelError> {
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
        let formals = take_formals(b, pos).map_err(|at| (at, kind::LABELEXPECTED, None))?;
        Some(formals)
    } else {
        None
    };
    let label = Label {
        name,
        formals,
        called_with_actuals: Default::default(),
    };
    if b.get(*pos) == Some(&b':') {
        if label.formals.is_some() {
            return Err((*pos, kind::LSEXPECTED, Some(label)));
        }
        *pos += 1;
        if !matches!(b.get(*pos), None | Some(b' ' | b'\t' | b';')) {
            return Err((*pos, kind::LSEXPECTED, Some(label)));
        }
    }
    Ok(Some(label))
}

/// A malformed label: where, which error, and the label when its name and formals were whole.
type LabelError = (usize, ErrorKind, Option<Label>);

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

    #[test]
    fn a_label_may_end_in_a_colon_before_the_line_start() {
        let l = parse_line("MYLABEL:", 0);
        assert_eq!(l.label.unwrap().name.as_str(), "MYLABEL");
        assert!(l.error.is_none());
        let l = parse_line("d:\tw 1", 0);
        assert_eq!((l.body.len(), l.error.is_none()), (1, true));
        for text in ["b(x): w 1", "c:w 1"] {
            let l = parse_line(text, 0);
            assert_eq!(l.error.unwrap().kind, kind::LSEXPECTED, "{text}");
            assert!(l.label.is_some(), "{text}: the label is still there to DO");
            assert_eq!(line_start(text), 0..0, "{text}");
        }
        assert_eq!(line_start("d:\t\t;x\ty"), 2..4);
        assert_eq!(line_start("f;\t; z"), 1..1);
        assert_eq!(line_start("\t.\tw 1"), 0..1);
    }

    #[test]
    fn each_line_counts_the_deeper_lines_after_it() {
        let text = "a do\n . do\n . . w 1\n . . w 2\n . w 3\n w 4\n . w 5\n";
        let (r, _) = parse_routine(Sym::intern("t"), Rc::from(text));
        let deeper: Vec<usize> = r.lines.iter().map(|l| l.deeper).collect();
        assert_eq!(deeper, [4, 2, 0, 0, 0, 1, 0]);
    }
}
