//! Number parsing and every arithmetic operator. Any bytes read as a number give a value whose
//! canonical form is canonical and reads back as the same value; every operator (binary + - *
//! / \ # **, unary - and +) on two such numbers ends in a number or an M error (NUMOFLOW,
//! DIVZERO, NEGFRACPWR), never a panic, and each result round-trips through its canonical form
//! too. The identities M arithmetic keeps (commutation, `a-b = -(b-a)`, `a+0 = a`, `a*1 = a`,
//! antisymmetric order) must hold.
#![no_main]

use std::cmp::Ordering;

use libfuzzer_sys::fuzz_target;
use minim::number::{NumError, Number};

/// The canonical form is canonical, reads back as the same value and is a fixed point.
fn round_trip(n: Number, what: &str) {
    let canon = n.to_canonical();
    assert!(Number::is_canonical(&canon), "{what}: {canon:?} not canonical");
    let back = Number::parse(&canon);
    assert!(back.cmp(&n).is_eq(), "{what}: {canon:?} reads back as another number");
    assert_eq!(back.to_canonical(), canon, "{what}");
    assert_eq!(Number::parse_checked(&canon).ok(), Some(back), "{what}");
}

/// Two results are the same number or the same error.
fn same(a: Result<Number, NumError>, b: Result<Number, NumError>) -> bool {
    match (a, b) {
        (Ok(x), Ok(y)) => x.cmp(&y).is_eq(),
        (x, y) => x.err() == y.err(),
    }
}

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == b'|').unwrap_or(data.len());
    let (a, b) = (&data[..cut], data.get(cut + 1..).unwrap_or(&[]));
    let x = Number::parse(a);
    let y = Number::parse(b);
    let _ = Number::parse_checked(a);
    for n in [x, y] {
        round_trip(n, "operand");
        round_trip(n.neg(), "unary -");
        round_trip(n.abs(), "abs");
        assert!(same(n.add(Number::ZERO), Ok(n)), "a+0");
        assert!(same(n.mul(Number::ONE), Ok(n)), "a*1");
        assert!(n.sub(n).is_ok_and(|z| z.is_zero()), "a-a");
        assert!(n.neg().neg().cmp(&n).is_eq(), "--a");
    }
    let ops: [(&str, fn(Number, Number) -> Result<Number, NumError>); 7] = [
        ("+", Number::add),
        ("-", Number::sub),
        ("*", Number::mul),
        ("/", Number::div),
        ("\\", Number::int_div),
        ("#", Number::modulo),
        ("**", Number::pow),
    ];
    for (name, op) in ops {
        for (p, q) in [(x, y), (y, x)] {
            if let Ok(r) = op(p, q) {
                round_trip(r, name);
            }
        }
    }
    assert!(same(x.add(y), y.add(x)), "a+b = b+a");
    assert!(same(x.mul(y), y.mul(x)), "a*b = b*a");
    match (x.sub(y), y.sub(x)) {
        (Ok(d), Ok(e)) => assert!(d.cmp(&e.neg()).is_eq(), "a-b = -(b-a)"),
        (d, e) => assert_eq!(d.is_ok(), e.is_ok(), "a-b and b-a"),
    }
    assert_eq!(x.cmp(&y), y.cmp(&x).reverse(), "order");
    assert_eq!(x.cmp(&y) == Ordering::Equal, x.to_canonical() == y.to_canonical(), "equal");
    for d in [0, 1, 2, 7, 18] {
        std::hint::black_box(x.format_fixed(d));
    }
});
