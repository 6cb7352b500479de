//! Every expected string below is GT.M 7.0's output for the M expression in the
//! comment or test name (probe routines were run with the gtm-run oracle).
use super::*;

mod arith;

#[test]
fn digit_counts() {
    let mut v = 1u64;
    loop {
        for x in [v - 1, v, v + 1, v.saturating_mul(5)] {
            let want = x.checked_ilog10().map_or(1, |l| l as i64 + 1);
            assert_eq!(ndigits_u64(x), want, "{x}");
        }
        match v.checked_mul(10) {
            Some(n) => v = n,
            None => break,
        }
    }
    assert_eq!(ndigits_u64(u64::MAX), 20);
    assert_eq!(ndigits_u128(u64::MAX as u128 * 10), 21);
    for shift in 0..64 {
        let x = 1u64 << shift;
        assert_eq!(ndigits_u64(x), x.ilog10() as i64 + 1, "{x}");
        assert_eq!(
            ndigits_u64(x - 1),
            (x - 1).checked_ilog10().map_or(1, |l| l as i64 + 1)
        );
    }
}

fn n(s: &str) -> Number {
    match Number::parse_checked(s.as_bytes()) {
        Ok(v) => v,
        Err(e) => panic!("parse {s}: {e:?}"),
    }
}

fn c(v: Number) -> String {
    v.to_string()
}

fn r(v: Result<Number, NumError>) -> String {
    match v {
        Ok(x) => x.to_string(),
        Err(NumError::DivZero) => "DIVZERO".into(),
        Err(NumError::Overflow) => "NUMOFLOW".into(),
        Err(NumError::NegFracPwr) => "NEGFRACPWR".into(),
    }
}

fn op(a: &str, o: &str, b: &str) -> String {
    let (a, b) = (n(a), n(b));
    r(match o {
        "+" => a.add(b),
        "-" => a.sub(b),
        "*" => a.mul(b),
        "/" => a.div(b),
        "\\" => a.int_div(b),
        "#" => a.modulo(b),
        "**" => a.pow(b),
        _ => unreachable!(),
    })
}

fn check(cases: &[(&str, &str, &str, &str)]) {
    for &(a, o, b, want) in cases {
        assert_eq!(op(a, o, b), want, "{a} {o} {b}");
    }
}

// ------------------------------------------------------------------ parse

#[test]
fn parse_prefixes() {
    let cases: &[(&str, &str)] = &[
        ("3abc", "3"),
        ("", "0"),
        ("abc", "0"),
        ("1E3", "1000"),
        ("1e3", "1"), // lower-case e is not an exponent
        (".5", ".5"),
        ("-0", "0"),
        ("+5", "5"),
        ("--5", "5"),
        ("-+-5", "5"), // two minus signs
        ("+-5", "-5"),
        ("---5", "-5"),
        ("-+--5", "-5"),
        ("  5", "0"),
        ("- 5", "0"),
        ("1E", "1"),
        ("1E+", "1"),
        ("1E-", "1"),
        ("1E+2", "100"),
        ("1E-2", ".01"),
        ("1E+-3", "1"),
        ("1E2E3", "100"),
        ("1E2.5", "100"),
        ("1E0003", "1000"),
        ("00012.500", "12.5"),
        (".5E1", "5"),
        ("1.E2", "100"),
        ("-", "0"),
        ("-+", "0"),
        (".", "0"),
        (".E3", "0"),
        ("E5", "0"),
        ("5.", "5"),
        ("-5.", "-5"),
        ("1 2", "1"),
        ("1.2.3", "1.2"),
        ("-.5x", "-.5"),
        ("-.0000", "0"),
        ("-0.0E5", "0"),
        ("0E99", "0"),
        ("0E-99", "0"),
        ("0000000000000000000000000001", "1"),
        // Short decimals (the fast path): trailing zeros dropped, all 17 digits kept.
        ("12.5100", "12.51"),
        ("10.10", "10.1"),
        ("100.", "100"),
        ("0.000", "0"),
        ("1234567.0000000001", "1234567.0000000001"),
        (".00000000000000001", ".00000000000000001"),
        ("99999999999999999.", "99999999999999999"),
    ];
    for &(s, want) in cases {
        assert_eq!(c(Number::parse(s.as_bytes())), want, "{s:?}");
    }
}

#[test]
fn parse_precision_and_range() {
    let cases: &[(&str, &str)] = &[
        ("12345678901234567890", "12345678901234567800"),
        ("12345678901234567899", "12345678901234567800"), // truncated, not rounded
        ("123456789012345678901", "123456789012345678000"),
        ("123456789012345678.5", "123456789012345678"),
        (
            ".00000000000000000012345678901234567899",
            ".000000000000000000123456789012345678",
        ),
        ("1E46", "10000000000000000000000000000000000000000000000"),
        ("10E45", "10000000000000000000000000000000000000000000000"),
        (
            "9.99999999999999999E46",
            "99999999999999999900000000000000000000000000000",
        ),
        (
            "99999999999999999999999999999999999999999999999",
            "99999999999999999900000000000000000000000000000",
        ),
        (
            "1000000000000000000000000000000000000000000000000E-10",
            "100000000000000000000000000000000000000",
        ),
        ("1E-43", ".0000000000000000000000000000000000000000001"),
        ("1.5E-43", ".00000000000000000000000000000000000000000015"),
        ("1E-44", "0"),
        ("5E-44", "0"),
        ("1E-50", "0"),
        ("-1E-50", "0"),
        ("1E-99999999999", "0"),
        ("0.00000000000000000000000000000000000000000000000001", "0"),
        (
            "1.23456789012345678E-40",
            ".000000000000000000000000000000000000000123456789012345678",
        ),
    ];
    for &(s, want) in cases {
        assert_eq!(c(n(s)), want, "{s:?}");
    }
}

#[test]
fn parse_overflow() {
    for s in [
        "1E47",
        "1E48",
        "1E50",
        "-1E50",
        "10E46",
        "0.1E48",
        "999999999999999999999999999999999999999999999999",
        "1E99999999999",
        "1E2147483648",
        "1E4294967297",
    ] {
        assert_eq!(
            Number::parse_checked(s.as_bytes()),
            Err(NumError::Overflow),
            "{s}"
        );
    }
    // The unchecked parse saturates and keeps the sign (truth value stays true,
    // as GT.M's `$select("1E50":1,1:2)` gives 1 without an error).
    assert_eq!(Number::parse(b"1E50"), Number::MAX);
    assert_eq!(Number::parse(b"-1E50"), Number::MAX.neg());
}

// -------------------------------------------------------------- canonical

#[test]
fn canonical_output() {
    let cases: &[(&str, &str)] = &[
        ("-0", "0"),
        ("-.5", "-.5"),
        ("1.50", "1.5"),
        ("0012", "12"),
        ("1E25", "10000000000000000000000000"),
        ("1E-10", ".0000000001"),
        ("-12", "-12"),
        ("1.25", "1.25"),
        ("-1.25E-3", "-.00125"),
        ("999999999999999999", "999999999999999999"),
        ("1E18", "1000000000000000000"),
        ("99", "99"),
        ("100", "100"),
        ("-7", "-7"),
        (
            "999999999999999999E28",
            &format!("{}{}", "9".repeat(18), "0".repeat(28)),
        ),
        ("-1E46", &format!("-1{}", "0".repeat(46))),
        (
            "-.123456789012345678E-42",
            &format!("-.{}123456789012345678", "0".repeat(42)),
        ),
        ("1E-43", &format!(".{}1", "0".repeat(42))),
    ];
    for &(s, want) in cases {
        assert_eq!(c(n(s)), want, "{s:?}");
    }
    let mut out = b"x=".to_vec();
    Number::from_i64(-42).write_canonical(&mut out);
    assert_eq!(out, b"x=-42");
    assert_eq!(
        Number::from_i64(i64::MIN).to_string(),
        "-9223372036854775800"
    );
    assert_eq!(
        Number::from_i64(i64::MAX).to_string(),
        "9223372036854775800"
    );
    assert_eq!(format!("{}", Number::ONE.neg()), "-1");
}

#[test]
fn is_canonical() {
    for s in [
        "0",
        "12",
        "-3.5",
        ".5",
        "-.5",
        "1.25",
        "100000000000000000000",
        "123456789012345678",
        ".0000000000000000000000000000000000000000001",
        ".00000000000000000000000000000000000000000015",
    ] {
        assert!(Number::is_canonical(s.as_bytes()), "{s}");
    }
    for s in [
        "",
        "012",
        "1.0",
        "+1",
        "-0",
        "1E3",
        "-",
        ".",
        "1.",
        "-.0",
        "00",
        " 1",
        "1 ",
        "abc",
        "1234567890123456789", // 19 significant digits: GT.M sorts it as a string
        "123456789012345678901", // likewise
        "1000000000000000000001",
        "-.00000000000000000000000000000000000000000001", // below 1E-43
        "100000000000000000000000000000000000000000000000",
    ] {
        assert!(!Number::is_canonical(s.as_bytes()), "{s}");
    }
}

// ------------------------------------------------------- compare, misc

#[test]
fn compare_and_misc() {
    let mut v: Vec<Number> = [
        "3",
        "-1E20",
        ".5",
        "-.5",
        "1E20",
        "0",
        "-3",
        "1E-40",
        "2.999999999999999999",
    ]
    .iter()
    .map(|s| n(s))
    .collect();
    v.sort();
    let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    assert_eq!(
        s,
        [
            "-100000000000000000000",
            "-3",
            "-.5",
            "0",
            ".0000000000000000000000000000000000000001",
            ".5",
            "2.99999999999999999",
            "3",
            "100000000000000000000"
        ]
    );
    assert_eq!(n("1.50"), n("1.5"));
    assert_eq!(n("1E3"), Number::from_i64(1000));
    assert!(n("12").is_integer() && !n("1.2").is_integer());
    assert!(n("-0").is_zero());
    assert_eq!(n("7.9").to_i64(), 7);
    assert_eq!(n("-7.9").to_i64(), -7);
    assert_eq!(n("1E30").to_i64(), i64::MAX);
    assert_eq!(n("-1E30").to_i64(), i64::MIN);
    assert_eq!(n("1E-30").to_i64(), 0);
    assert_eq!(n("12E17").to_i64(), 1_200_000_000_000_000_000);
    assert_eq!(Number::ZERO.neg(), Number::ZERO);
}

// -------------------------------------------------------------- no panic

/// Tiny deterministic generator (xorshift) so the test needs no crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn aligned_add_is_the_windowed_add() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut tried = 0;
    for _ in 0..200_000 {
        let mut pick = || {
            let digits = (next() % 19) as u32;
            let m = (next() % 10u64.pow(digits).max(1)) as i64;
            let m = if next() % 2 == 0 { -m } else { m };
            let exp = -((next() % 20) as i64);
            Number::build(m < 0, m.unsigned_abs() as u128, exp).unwrap()
        };
        let (x, y) = (pick(), pick());
        if x.mant == 0 || y.mant == 0 {
            continue;
        }
        if let Some(n) = x.add_aligned(y) {
            tried += 1;
            assert_eq!(Ok(n), x.add_windowed(y), "{x} + {y}");
        }
    }
    assert!(tried > 10_000, "only {tried} pairs took the aligned path");
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"0123456789.-+Ee xX9999000";
    let mut nums = Vec::new();
    for _ in 0..3000 {
        let len = (rng.next() % 30) as usize;
        let s: Vec<u8> = (0..len)
            .map(|_| {
                if rng.next().is_multiple_of(8) {
                    (rng.next() % 256) as u8
                } else {
                    alphabet[(rng.next() % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        let v = Number::parse(&s);
        let _ = Number::parse_checked(&s);
        let _ = Number::is_canonical(&s);
        // Round trip: the canonical form is canonical and parses back.
        let canon = v.to_canonical();
        assert!(
            Number::is_canonical(&canon),
            "{:?}",
            String::from_utf8_lossy(&canon)
        );
        assert_eq!(Number::parse(&canon), v);
        let _ = v.format_fixed((rng.next() % 50) as usize);
        let _ = v.to_i64();
        nums.push(v);
    }
    nums.extend([Number::MAX, Number::MAX.neg(), Number::ZERO, Number::ONE]);
    for i in 0..nums.len() {
        let a = nums[i];
        let b = nums[(rng.next() % nums.len() as u64) as usize];
        for x in [
            a.add(b),
            a.sub(b),
            a.mul(b),
            a.div(b),
            a.int_div(b),
            a.modulo(b),
        ]
        .into_iter()
        .flatten()
        {
            let canon = x.to_canonical();
            assert_eq!(Number::parse(&canon), x);
        }
        let small = Number::from_i64((rng.next() % 64) as i64 - 32);
        let _ = a.pow(small);
        let _ = a.pow(b);
        let _ = a.abs().pow(n(".5"));
        assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
    }
}

#[test]
fn short_ints_format_as_canonical() {
    let mut values = vec![
        0i64,
        1,
        -1,
        9,
        -9,
        10,
        99,
        -100,
        999_999_999_999_999,
        -999_999_999_999_999,
    ];
    values.extend([
        9_999_999_999_999_999,
        1_000_000_000_000_000,
        -99_999_999_999_999_999,
    ]);
    for v in values {
        let n = Number::from_i64(v);
        let mut full = [0u8; CANONICAL_MAX];
        let len = n.format_canonical(&mut full);
        let mut short = [7u8; 16];
        match n.format_short_int(&mut short) {
            Some(k) => {
                assert_eq!(&short[..k], &full[..len], "{v}");
                assert!(short[k..].iter().all(|&b| b == 0), "{v}");
            }
            None => assert!(len > 16, "{v}"),
        }
    }
    let mut short = [7u8; 16];
    assert_eq!(Number::parse(b"1.5").format_short_int(&mut short), None);
    assert_eq!(short, [7u8; 16]);
}
