//! The parser on arbitrary bytes: a whole routine (line splitting, labels, formals, dots,
//! every command), then each line as XECUTE text and as an expression. It must return
//! (an AST or M errors), never panic, and in time linear in the input.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use minim::intern::Sym;
use minim::syntax::{line, parser, source};

fuzz_target!(|data: &[u8]| {
    let text = source::from_bytes(data);
    let (routine, _errors) = line::parse_routine(Sym::intern("FUZZ"), Rc::from(text.as_str()));
    std::hint::black_box(routine);
    for l in text.lines().take(64) {
        std::hint::black_box(parser::parse_commands(l, 0));
        std::hint::black_box(parser::parse_expr(l).ok());
    }
});
