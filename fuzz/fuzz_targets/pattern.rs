//! Pattern match (`?`): the bytes before the first NUL are the pattern, the rest the subject.
//! Parsing either fails (PATCODE) or gives a pattern; matching ends in time bounded by the
//! subject's length (no backtracking blow-up, no dependence on repeat counts).
#![no_main]

use libfuzzer_sys::fuzz_target;
use minim::syntax::pattern::Pattern;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (pat, subject) = (&data[..cut], data.get(cut + 1..).unwrap_or(&[]));
    if let Ok(p) = Pattern::parse(pat) {
        std::hint::black_box(p.matches(subject));
    }
});
