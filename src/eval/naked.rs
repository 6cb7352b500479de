//! The last global reference (GT.M's naked indicator, the base of `^(...)` and the value of
//! `$REFERENCE`), kept as the encoded key every global operation hands the database: naming
//! a reference encodes only the subscripts that differ from the last one's, and the
//! database reads the key from here.

use crate::db::keybuf::KeyBuf;
use crate::intern::Sym;
use crate::locals::Key;

#[derive(Clone, Default)]
pub(super) struct Naked {
    /// The global's name; None before any reference (or after one GT.M forgets).
    name: Option<Sym>,
    pub(super) key: KeyBuf,
}

impl Naked {
    /// The reference's name and subscripts, if there is one.
    #[inline]
    pub(super) fn get(&self) -> Option<(Sym, &[Key])> {
        self.name.map(|n| (n, self.key.keys()))
    }

    /// Whether the reference is to the global `name`.
    #[inline]
    pub(super) fn same_name(&self, name: Sym) -> bool {
        self.name == Some(name)
    }

    /// Makes `^name` the reference's global, its subscripts kept when the name is the same
    /// (the caller then keeps or replaces them).
    #[inline]
    pub(super) fn name_is(&mut self, name: Sym) {
        if self.name != Some(name) {
            self.key.name_is(name.as_str());
            self.name = Some(name);
        }
    }

    /// Makes `^name(keys)` the last reference.
    #[inline]
    pub(super) fn set(&mut self, name: Sym, keys: &[Key]) {
        self.name_is(name);
        self.key.encode_keys(keys);
    }

    /// No last reference (GT.M after a null subscript error).
    pub(super) fn forget(&mut self) {
        self.name = None;
    }
}
