//! The pattern match `?` against GT.M on many random pattern/string pairs: one routine of
//! `write S?PAT` and `write S?@"PAT"` lines runs under GT.M and minim, and every answer must
//! be the same. Skipped, with a message, when GT.M is not installed.

use std::fmt::Write as _;
use std::path::PathBuf;

#[allow(dead_code)]
mod common;

/// How many pairs; each is matched twice (literal pattern and indirection).
const PAIRS: usize = 1500;

/// xorshift64: the same pairs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

fn count(r: &mut Rng) -> String {
    let n = r.below(4);
    let m = n + r.below(4);
    match r.below(6) {
        0 => ".".into(),
        1 => format!(".{m}"),
        2 => format!("{n}."),
        3 => format!("{n}.{m}"),
        _ => format!("{}", 1 + r.below(3)),
    }
}

fn pattern(r: &mut Rng, depth: u32) -> String {
    let mut p = String::new();
    for _ in 0..1 + r.below(3) {
        p += &count(r);
        match r.below(if depth < 2 { 5 } else { 4 }) {
            0 | 1 => p += r.pick(&["A", "N", "L", "U", "P", "E", "AN", "LN", "UP", "C"]),
            2 | 3 => {
                let lit = r.pick(&["", "a", "ab", "aa", "1", "a1", "b", "-", "aaa"]);
                p += &format!("\"{lit}\"");
            }
            _ => {
                let alts: Vec<String> =
                    (0..1 + r.below(3)).map(|_| pattern(r, depth + 1)).collect();
                p += &format!("({})", alts.join(","));
            }
        }
    }
    p
}

fn subject(r: &mut Rng) -> String {
    let len = r.below(9);
    if r.below(3) == 0 {
        return "a".repeat(len as usize);
    }
    (0..len)
        .map(|_| r.pick(&["a", "a", "b", "A", "1", "2", " ", "-", "aa"]))
        .collect()
}

/// The routine: one line per test, `write` of `0` or `1`.
fn routine() -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::from("patdiff\t; random patterns\n");
    // Known cases first: an early stop must not use positions seen below the minimum count.
    let known = [
        ("aaaa", ".1\"aaa\"3.4L"),
        ("aaaaaaa", ".1\"aaa\"3.4L"),
        ("ab1", "1.3AN"),
    ];
    for i in 0..PAIRS {
        let (p, s) = match known.get(i) {
            Some((s, p)) => (p.to_string(), s.to_string()),
            None => (pattern(&mut r, 0), subject(&mut r)),
        };
        let quoted = p.replace('"', "\"\"");
        writeln!(
            out,
            "\twrite \"{s}\"?{p},\"{s}\"?@\"{quoted}\",! ; {s} ? {p}"
        )
        .unwrap();
    }
    out + "\tquit\n"
}

#[test]
fn random_patterns_match_as_gtm() {
    if !common::gtm_available() {
        eprintln!("GT.M is not installed: the random pattern test is skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("minim-patdiff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file: PathBuf = dir.join("patdiff.m");
    let text = routine();
    std::fs::write(&file, &text).unwrap();
    let gtm = {
        let _lock = common::gtm_lock();
        common::m_command(common::Imp::Gtm)
            .arg(&file)
            .env("TMPDIR", &dir)
            .output()
            .unwrap()
    };
    let minim = common::m_command(common::Imp::Minim)
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        gtm.status.success(),
        "GT.M: {}",
        String::from_utf8_lossy(&gtm.stderr)
    );
    assert!(
        minim.status.success(),
        "minim: {}",
        String::from_utf8_lossy(&minim.stderr)
    );
    let (g, m) = (
        String::from_utf8_lossy(&gtm.stdout),
        String::from_utf8_lossy(&minim.stdout),
    );
    let lines: Vec<&str> = text.lines().skip(1).collect();
    let mut differ = Vec::new();
    for (i, (a, b)) in g.lines().zip(m.lines()).enumerate() {
        if a != b {
            differ.push(format!("GT.M {a}, minim {b}: {}", lines[i].trim()));
        }
    }
    assert_eq!(g.lines().count(), PAIRS, "GT.M's output: {g}");
    assert!(
        differ.is_empty(),
        "{} of {PAIRS} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    assert_eq!(g, m);
}
