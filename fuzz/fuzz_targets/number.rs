//! Number parsing and arithmetic: any bytes read as a number give a value whose canonical
//! form reads back as the same value and is canonical; every operator on two numbers ends in
//! a number or an M error (NUMOFLOW, DIVZERO), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minim::number::Number;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == b'|').unwrap_or(data.len());
    let (a, b) = (&data[..cut], data.get(cut + 1..).unwrap_or(&[]));
    let x = Number::parse(a);
    let y = Number::parse(b);
    for n in [x, y] {
        let canon = n.to_canonical();
        assert!(Number::is_canonical(&canon), "{canon:?} not canonical");
        let back = Number::parse(&canon);
        assert!(back.cmp(&n).is_eq(), "{canon:?} reads back as another number");
        assert_eq!(back.to_canonical(), canon);
    }
    let _ = x.add(y);
    let _ = x.sub(y);
    let _ = x.mul(y);
    let _ = x.div(y);
    let _ = x.int_div(y);
    let _ = x.modulo(y);
    let _ = x.cmp(&y);
    for d in [0, 1, 2, 7, 18] {
        std::hint::black_box(x.format_fixed(d));
    }
});
