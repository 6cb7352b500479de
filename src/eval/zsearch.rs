//! `$ZSEARCH(pattern[,stream])`: the files a name (with `*` and `?` in its last part) matches,
//! one per call, in name order; "" when they run out, and the next call starts again. Each
//! stream (0-255) remembers its pattern; a different pattern starts a new search (GT.M).

use std::collections::VecDeque;

use super::Interp;
use super::zparse::resolve_dir;
use crate::error::{MError, MResult, kind};
use crate::value::Value;

/// One stream's search: its pattern and the matches not yet returned.
pub(super) struct Search {
    pattern: String,
    left: VecDeque<String>,
}

impl Interp {
    pub(super) fn zsearch(&mut self, args: &[Value]) -> MResult<Value> {
        self.allowed("$ZSEARCH")?;
        let pattern = args[0].to_text();
        let stream = args.get(1).map_or(0, Value::int);
        if !(0..=255).contains(&stream) {
            return Err(MError::new(kind::ZSRCHSTRMCT));
        }
        let search = match self.zsearch_streams.remove(&stream) {
            Some(s) if s.pattern == pattern => s,
            _ => Search {
                left: matches(&pattern).into(),
                pattern,
            },
        };
        let mut search = search;
        Ok(match search.left.pop_front() {
            Some(found) => {
                self.zsearch_streams.insert(stream, search);
                Value::from(found.as_str())
            }
            None => Value::empty(),
        })
    }
}

/// Every existing file the pattern names, full paths in name order.
fn matches(pattern: &str) -> Vec<String> {
    if pattern.is_empty() {
        return Vec::new();
    }
    let (dir, file) = match pattern.rfind('/') {
        Some(i) => (&pattern[..=i], &pattern[i + 1..]),
        None => ("", pattern),
    };
    let Some(dir) = resolve_dir(dir) else {
        return Vec::new();
    };
    if file.is_empty() {
        return vec![dir.trim_end_matches('/').to_string()]
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect();
    }
    if !file.contains(['*', '?']) {
        let full = format!("{dir}{file}");
        return if std::path::Path::new(&full).exists() {
            vec![full]
        } else {
            Vec::new()
        };
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| wildcard(file.as_bytes(), n.as_bytes()))
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("{dir}{n}")).collect()
}

/// `*` any run of characters, `?` one character, anything else itself.
fn wildcard(p: &[u8], s: &[u8]) -> bool {
    match (p.split_first(), s.split_first()) {
        (None, _) => s.is_empty(),
        (Some((b'*', rest)), _) => (0..=s.len()).any(|i| wildcard(rest, &s[i..])),
        (Some((b'?', rest)), Some((_, srest))) => wildcard(rest, srest),
        (Some((c, rest)), Some((d, srest))) if c == d => wildcard(rest, srest),
        _ => false,
    }
}
