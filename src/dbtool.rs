//! `minim db ...`: the database tools for people. `extract` and `load` use GT.M's ZWR
//! format (`mupip extract -format=zwr`), so data moves between GT.M and minim both ways;
//! `list` shows each global's node count and size.
//!
//! A ZWR line is read by a small parser of its own (names, string and number literals,
//! `$C(...)` and `_`), never by the interpreter: a file of data cannot run code.

use std::io::{BufRead, Write};

use crate::db::{DbConfig, DbError, Globals};
use crate::eval::{global_bytes, zwrite_string};
use crate::intern::Sym;
use crate::locals::Key;
use crate::value::Value;

/// Runs `minim db ARGS`; returns the exit status.
pub fn run(args: &[String]) -> u8 {
    let mut globals = Globals::new(DbConfig::from_env());
    let result = match args.first().map(String::as_str) {
        Some("extract") => extract(&mut globals, args.get(1).map(String::as_str)),
        Some("load") => match args.get(1) {
            Some(file) => load(&mut globals, file),
            None => Err("db load needs a file (a ZWR extract)".to_string()),
        },
        Some("list") => list(&mut globals),
        Some("path") => {
            println!("{}", globals.config().shown());
            Ok(())
        }
        _ => Err("usage: minim db extract [FILE] | load FILE | list | path".to_string()),
    };
    globals.flush();
    match result {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("minim db: {msg}");
            1
        }
    }
}

fn db_text(e: DbError) -> String {
    match e {
        DbError::Store(s) => s.text,
        other => format!("{other:?}"),
    }
}

/// Writes every node in ZWR format to FILE (or standard output), as it is read (the store
/// reads the database in pages within one snapshot).
fn extract(globals: &mut Globals, file: Option<&str>) -> Result<(), String> {
    let mut out: Box<dyn Write> = match file {
        Some(f) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(f).map_err(|e| format!("cannot create {f}: {e}"))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let failed = |e: std::io::Error| format!("cannot write the extract: {e}");
    // mupip load recognises the format by the second line's last word.
    out.write_all(b"minim DB EXTRACT\nminim ZWR\n")
        .map_err(failed)?;
    let mut count = 0u64;
    let mut write_error = None;
    let mut line = Vec::new();
    globals
        .walk_all(&mut |name, keys, value| {
            line.clear();
            line.extend_from_slice(&global_bytes(Sym::intern(name), &keys));
            line.push(b'=');
            // An extract quotes every value, numbers too (as mupip does).
            line.extend_from_slice(&zwrite_string(value));
            line.push(b'\n');
            count += 1;
            match out.write_all(&line) {
                Ok(()) => true,
                Err(e) => {
                    write_error = Some(e);
                    false
                }
            }
        })
        .map_err(db_text)?;
    if let Some(e) = write_error {
        return Err(failed(e));
    }
    out.flush().map_err(failed)?;
    eprintln!("minim db: extracted {count} nodes");
    Ok(())
}

/// Loads a ZWR extract (GT.M's or minim's), all or nothing: the store streams it (on
/// PostgreSQL with `COPY`), one transaction.
fn load(globals: &mut Globals, file: &str) -> Result<(), String> {
    let f = std::fs::File::open(file).map_err(|e| format!("cannot open {file}: {e}"))?;
    let mut lines = std::io::BufReader::new(f).split(b'\n').enumerate();
    let mut next = || {
        loop {
            let (i, line) = lines.next()?;
            let line = match line {
                Ok(line) => line,
                Err(e) => return Some(Err(format!("cannot read {file}: {e}"))),
            };
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            // Two header lines, then one node per line.
            if i < 2 || line.is_empty() {
                continue;
            }
            return Some(parse_line(line).ok_or_else(|| {
                format!(
                    "{file}:{}: not a ZWR line: {}",
                    i + 1,
                    String::from_utf8_lossy(line)
                )
            }));
        }
    };
    let count = globals.load(&mut next).map_err(db_text)?;
    eprintln!("minim db: loaded {count} nodes");
    Ok(())
}

/// One line per global: its name, node count and bytes of keys and values.
fn list(globals: &mut Globals) -> Result<(), String> {
    let mut rows: Vec<(String, u64, u64)> = Vec::new();
    globals
        .walk_all(&mut |name, keys, value| {
            let size = (name.len() + keys.len() * 4 + value.len()) as u64;
            match rows.last_mut() {
                Some(r) if r.0 == name => {
                    r.1 += 1;
                    r.2 += size;
                }
                _ => rows.push((name.to_string(), 1, size)),
            }
            true
        })
        .map_err(db_text)?;
    println!("{:<32} {:>12} {:>14}", "global", "nodes", "bytes (about)");
    for (name, nodes, bytes) in rows {
        println!("^{name:<31} {nodes:>12} {bytes:>14}");
    }
    Ok(())
}

/// `^NAME(sub,...)=value` into its parts.
fn parse_line(line: &[u8]) -> Option<(String, Vec<Key>, Vec<u8>)> {
    let mut p = Cursor { s: line, i: 0 };
    p.eat(b'^').then_some(())?;
    let name = p.name()?;
    let mut keys = Vec::new();
    if p.eat(b'(') {
        loop {
            keys.push(Key::from_value(&Value::from(p.value()?)));
            if p.eat(b')') {
                break;
            }
            p.eat(b',').then_some(())?;
        }
    }
    p.eat(b'=').then_some(())?;
    let value = p.value()?;
    (p.i == line.len()).then_some((name, keys, value))
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.i += hit as usize;
        hit
    }

    fn name(&mut self) -> Option<String> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || (c == b'%' && self.i == start))
        {
            self.i += 1;
        }
        (self.i > start).then(|| String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }

    /// A ZWR value: terms joined by `_`.
    fn value(&mut self) -> Option<Vec<u8>> {
        let mut out = self.term()?;
        while self.eat(b'_') {
            out.extend(self.term()?);
        }
        Some(out)
    }

    fn term(&mut self) -> Option<Vec<u8>> {
        match self.peek()? {
            b'"' => self.string(),
            b'$' => self.chars(),
            _ => self.number(),
        }
    }

    fn string(&mut self) -> Option<Vec<u8>> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek()?;
            self.i += 1;
            if c == b'"' && !self.eat(b'"') {
                return Some(out);
            }
            out.push(c);
        }
    }

    /// `$C(n,...)` (also `$CHAR`, `$ZCH`, `$ZCHAR`).
    fn chars(&mut self) -> Option<Vec<u8>> {
        self.i += 1;
        let name = self.name()?.to_ascii_uppercase();
        matches!(name.as_str(), "C" | "CHAR" | "ZCH" | "ZCHAR").then_some(())?;
        self.eat(b'(').then_some(())?;
        let mut out = Vec::new();
        loop {
            let n = self.number()?;
            out.push(std::str::from_utf8(&n).ok()?.parse::<u8>().ok()?);
            if self.eat(b')') {
                return Some(out);
            }
            self.eat(b',').then_some(())?;
        }
    }

    fn number(&mut self) -> Option<Vec<u8>> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'-' | b'.' | b'E'))
        {
            self.i += 1;
        }
        (self.i > start).then(|| self.s[start..self.i].to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::global_name;

    #[test]
    fn zwr_lines() {
        let (name, keys, value) = parse_line(b"^A(1,\"b\",-1.5)=\"x\"\"y\"_$C(1,2)").unwrap();
        assert_eq!(name, "A");
        let shown = global_name(Sym::intern(&name), &keys);
        assert_eq!(shown, "^A(1,\"b\",-1.5)");
        assert_eq!(value, b"x\"y\x01\x02");
        let (name, keys, value) = parse_line(b"^%Z=\"\"").unwrap();
        assert_eq!((name.as_str(), keys.len(), value.len()), ("%Z", 0, 0));
        for bad in [
            &b"^A(1)"[..],
            b"^A=1 kill ^B",
            b"A=1",
            b"^A(1=2",
            b"^A=$C(300)",
        ] {
            assert!(
                parse_line(bad).is_none(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
