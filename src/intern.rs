//! Interned names: every variable, label and routine name becomes a `Sym` once (at parse time for
//! names in the source, at run time for names made by indirection), so the evaluator addresses
//! variables by a small integer instead of hashing a string on every access.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// An interned M name (case-sensitive, as M names are).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(u32);

/// A map keyed by `Sym`: a name is already a small dense number, so hashing it is one
/// multiplication (no SipHash on the call path).
pub type SymMap<V> = HashMap<Sym, V, BuildHasherDefault<SymHasher>>;

#[derive(Default)]
pub struct SymHasher(u64);

impl Hasher for SymHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[derive(Default)]
struct Interner {
    ids: HashMap<&'static str, Sym>,
    names: Vec<&'static str>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

impl Sym {
    pub fn intern(name: &str) -> Sym {
        INTERNER.with(|i| {
            let mut i = i.borrow_mut();
            if let Some(&s) = i.ids.get(name) {
                return s;
            }
            // Names live as long as the process: the set is bounded by the program's text
            // plus what indirection creates, so leaking them is the cheap, simple choice.
            let stored: &'static str = Box::leak(name.to_owned().into_boxed_str());
            let sym = Sym(i.names.len() as u32);
            i.names.push(stored);
            i.ids.insert(stored, sym);
            sym
        })
    }

    pub fn as_str(self) -> &'static str {
        INTERNER.with(|i| i.borrow().names[self.0 as usize])
    }

    /// The name with this dense index (the inverse of `index`).
    pub fn from_index(i: usize) -> Sym {
        Sym(i as u32)
    }

    /// A dense index, for tables addressed by name.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Sym;

    #[test]
    fn same_name_same_sym() {
        let a = Sym::intern("abc");
        assert_eq!(a, Sym::intern("abc"));
        assert_ne!(a, Sym::intern("ABC"));
        assert_eq!(a.as_str(), "abc");
    }
}
