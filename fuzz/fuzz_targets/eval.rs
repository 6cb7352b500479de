//! The evaluator on arbitrary routines, in a sandbox: at most 20,000 lines and FOR passes,
//! nothing outside the process reachable (OPEN, READ, HANG, JOB, LOCK, the database... are
//! RESTRICTEDOP), output dropped, and the memory limits of `minim::memory` armed (a soft
//! `$ZMALLOCLIM` at 64 MB, a hard limit at 512 MB), so a case can neither hang nor grow.
//! The first byte picks an error trap (none, `$ETRAP` that goes on, `$ZTRAP`), so that the
//! trap machinery is fuzzed too. A run must end in an `Outcome`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minim::Interp;

#[global_allocator]
static ALLOCATOR: minim::memory::Counting = minim::memory::Counting;

const TRAPS: [&str; 4] = [
    "",
    "set $ecode=\"\" quit",
    "write $zstatus,! set $ecode=\"\"",
    "goto ^FUZZ",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    minim::memory::set_hard_limit(512 << 20);
    minim::memory::set_soft_limit(64 << 20);
    let mut interp = Interp::new(Vec::new());
    interp.sandbox(20_000);
    match pick % 5 {
        4 => interp.set_ztrap("write $zstatus,!"),
        n => interp.set_etrap(TRAPS[n as usize]),
    }
    let routine = interp.load_text("FUZZ", text.to_vec());
    std::hint::black_box(interp.run_routine(routine, None));
});
