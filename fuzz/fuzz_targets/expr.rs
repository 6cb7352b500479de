//! Evaluation of generated expressions: the bytes drive a small grammar of M expressions
//! (literals, locals, subscripts, every binary and unary operator, pattern match, indirection,
//! the common intrinsic functions) nested up to eight levels, and the expression is evaluated
//! by `write` in the sandbox of the eval target (step budget, nothing outside the process,
//! memory limits armed). It must end in a value or an M error, never a panic, hang or growth.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minim::Interp;

#[global_allocator]
static ALLOCATOR: minim::memory::Counting = minim::memory::Counting;

const LITERALS: [&str; 16] = [
    "0", "1", "-1", ".5", "1E46", "1E-43", "999999999999999999", "\"\"", "\"abc\"", "\"1E3x\"",
    "\"a,b,,c\"", "$C(0,255)", "\"-0.0\"", "3.14159", "\"x\"\"y\"", "1E18",
];
const NAMES: [&str; 6] = ["a", "b", "c(1)", "c(\"k\",2)", "@\"a\"", "@n"];
const BINARY: [&str; 20] = [
    "+", "-", "*", "/", "\\", "#", "**", "_", "=", "<", ">", "[", "]", "]]", "&", "!", "'=",
    "'<", "'[", "'&",
];
const UNARY: [&str; 3] = ["-", "+", "'"];
const PATTERNS: [&str; 6] = ["1N.N", ".E", "1.3A", ".(1N,1\",\")", "0.1\"-\".N", "@p"];
/// (function, number of arguments it takes here)
const FUNCS: [(&str, usize); 20] = [
    ("$E", 3), ("$E", 2), ("$P", 3), ("$P", 4), ("$L", 1), ("$L", 2), ("$J", 2), ("$J", 3),
    ("$FN", 2), ("$FN", 3), ("$S", 0), ("$R", 1), ("$TR", 3), ("$F", 2), ("$A", 2),
    ("$C", 2), ("$G", 1), ("$RE", 1), ("$QL", 1), ("$ZWRITE", 1),
];

struct Gen<'a> {
    data: &'a [u8],
    at: usize,
    out: String,
}

impl Gen<'_> {
    fn byte(&mut self) -> usize {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b as usize
    }

    fn pick<'s>(&mut self, list: &[&'s str]) -> &'s str {
        list[self.byte() % list.len()]
    }

    fn expr(&mut self, depth: usize) {
        if depth >= 8 || self.at >= self.data.len() {
            let lit = self.pick(&LITERALS);
            self.out.push_str(lit);
            return;
        }
        match self.byte() % 8 {
            0 => {
                let lit = self.pick(&LITERALS);
                self.out.push_str(lit);
            }
            1 => {
                let name = self.pick(&NAMES);
                self.out.push_str(name);
            }
            2 | 3 => {
                self.expr(depth + 1);
                let op = self.pick(&BINARY);
                self.out.push_str(op);
                self.atom(depth + 1);
            }
            4 => {
                let op = self.pick(&UNARY);
                self.out.push_str(op);
                self.atom(depth + 1);
            }
            5 => {
                self.atom(depth + 1);
                self.out.push('?');
                let pat = self.pick(&PATTERNS);
                self.out.push_str(pat);
            }
            _ => self.func(depth + 1),
        }
    }

    /// An operand that binds tighter than any operator (M evaluates left to right).
    fn atom(&mut self, depth: usize) {
        self.out.push('(');
        self.expr(depth);
        self.out.push(')');
    }

    fn func(&mut self, depth: usize) {
        let (name, n) = FUNCS[self.byte() % FUNCS.len()];
        self.out.push_str(name);
        self.out.push('(');
        if n == 0 {
            // $SELECT: two pairs, the last always true.
            self.expr(depth);
            self.out.push(':');
            self.expr(depth);
            self.out.push_str(",1:");
            self.expr(depth);
        } else {
            for i in 0..n {
                if i > 0 {
                    self.out.push(',');
                }
                self.expr(depth);
            }
        }
        self.out.push(')');
    }
}

fuzz_target!(|data: &[u8]| {
    let mut g = Gen {
        data,
        at: 0,
        out: String::new(),
    };
    g.expr(0);
    minim::memory::set_hard_limit(512 << 20);
    minim::memory::set_soft_limit(64 << 20);
    let mut interp = Interp::new(Vec::new());
    interp.sandbox(20_000);
    let text = format!(
        " set a=12,b=\"x\",c(1)=-3.5,c(\"k\",2)=\"y\",n=\"c(1)\",p=\"1N\"\n write {},!\n",
        g.out
    );
    let routine = interp.load_text("FUZZ", text.into_bytes());
    std::hint::black_box(interp.run_routine(routine, None));
});
