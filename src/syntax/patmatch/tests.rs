//! Unit tests of the pattern matcher: its shortcuts against the general matcher.

use super::Pattern;

fn m(s: &str, p: &str) -> bool {
    Pattern::parse(p.as_bytes()).unwrap().matches(s.as_bytes())
}

/// GT.M gives 1: `.1"aaa"` takes nothing, then `3.4L` takes all four.
#[test]
fn counts_reached_past_the_minimum() {
    assert!(m("aaaa", ".1\"aaa\"3.4L"));
    assert!(m("aaaaaaa", ".1\"aaa\"3.4L"));
    assert!(!m("aaaaaaaa", ".1\"aaa\"3.4L"));
    assert!(m("abababab", "2.4\"ab\""));
    assert!(!m("ababababab", "2.4\"ab\""));
}

/// The one-word path (strings under 64 bytes) agrees with the position-set path on
/// many generated patterns and strings.
#[test]
fn word_path_agrees_with_sets() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let count = |r: &mut dyn FnMut(u64) -> u64| match r(4) {
        0 => format!("{}", r(3)),
        1 => format!(".{}", r(3)),
        2 => format!("{}.", r(3)),
        _ => format!("{}.{}", r(2), 1 + r(3)),
    };
    let mut checked = 0;
    for _ in 0..3000 {
        let mut p = String::new();
        for _ in 0..1 + next(4) {
            p.push_str(&count(&mut next));
            match next(5) {
                0 => p.push('N'),
                1 => p.push_str("AP"),
                2 => p.push('E'),
                3 => p.push_str(["\"a\"", "\"ab\"", "\"\"", "\"-\""][next(4) as usize]),
                _ => p.push_str("(1\"a\",2N,.1\"ab\")"),
            }
        }
        let Ok(pat) = Pattern::parse(p.as_bytes()) else {
            continue;
        };
        for _ in 0..8 {
            let len = next(12) as usize;
            let text: Vec<u8> = (0..len).map(|_| b"ab1-"[next(4) as usize]).collect();
            assert_eq!(
                pat.matches(&text),
                pat.matches_sets(&text),
                "{p} on {:?}",
                String::from_utf8_lossy(&text)
            );
            checked += 1;
        }
    }
    assert!(checked > 10_000);
}

/// The words of class and literal positions agree with a byte by byte test, for every
/// class mask and bytes of both halves.
#[test]
fn class_and_literal_words() {
    use super::super::pattern::in_class;
    let text: Vec<u8> = (0..=255u8).chain(b"az09AZ@[`{/:".iter().copied()).collect();
    for mask in 1..128u8 {
        for start in 0..text.len() {
            let s = &text[start..(start + 63).min(text.len())];
            let want = s
                .iter()
                .enumerate()
                .fold(0u64, |m, (i, &c)| m | (in_class(mask, c) as u64) << i);
            assert_eq!(super::class_word(s, mask), want, "{mask} from {start}");
        }
    }
    for c in [0u8, b'9', b'a', 0x80, 0xff] {
        for start in 0..text.len() {
            let s = &text[start..(start + 63).min(text.len())];
            let want = s
                .iter()
                .enumerate()
                .fold(0u64, |m, (i, &b)| m | ((b == c) as u64) << i);
            assert_eq!(super::literal_word(s, &[c]), want, "{c} from {start}");
        }
    }
}

/// `.E1"lit".E` takes the search (`holds`) and agrees with the position sets, for
/// literals of none to three bytes anywhere in a string, at its ends and past it.
#[test]
fn contains_shape_agrees_with_sets() {
    for p in [".E1\"\".E", ".E1\"b\".E", ".E1\"ab\".E", "0.E1\"aba\".EN"] {
        let pat = Pattern::parse(p.as_bytes()).unwrap();
        assert!(pat.contains, "{p}");
        for text in [
            "", "a", "b", "ab", "ba", "aab", "abab", "xxaba", "abax", "aabba",
        ] {
            let t = text.as_bytes();
            assert_eq!(pat.matches(t), pat.matches_sets(t), "{p} on {text}");
        }
    }
    for p in [
        "1.E1\"b\".E",
        ".E2\"b\".E",
        ".3E1\"b\".E",
        ".N1\"b\".E",
        ".E1\"b\"",
    ] {
        assert!(!Pattern::parse(p.as_bytes()).unwrap().contains, "{p}");
    }
}

#[test]
fn long_strings_use_the_shared_scratch() {
    let s = "x".repeat(5000) + "y" + &"x".repeat(5000);
    assert!(m(&s, ".E1\"y\".E"));
    assert!(m(&s, "1.5000L1\"y\"5000.L"));
    assert!(!m(&s, "1.4999L1\"y\".L"));
    assert!(m(&s, ".(1\"x\",1\"y\")"));
}
