//! Local variables: the symbol table and local arrays.
//!
//! Each name has a slot (`Rc<RefCell<Node>>`) indexed by its interned `Sym`. NEW saves the slot
//! and puts a fresh one in its place; QUIT puts the saved one back (O(1) per name, as GT.M).
//! Passing `.x` by reference makes two names share one slot. A node holds an optional value
//! and its children in M collation order (`kids.rs`: a compact B+ tree).

mod kids;

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub use kids::Kids;

use crate::intern::Sym;
use crate::number::Number;
use crate::value::Value;

/// A subscript. Order is M collation: canonical numbers in numeric order, then strings in
/// byte order (`""` first among them). A `Str` is never the canonical form of a number.
/// A string is kept as a `Value`: a short one inline, so making a key from a variable (or a
/// variable from a key) costs no allocation.
#[derive(Clone, Debug)]
pub enum Key {
    Num(Number),
    Str(Value),
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Key {}

impl Key {
    pub fn from_value(v: &Value) -> Key {
        if v.is_canonical_number() {
            Key::Num(v.num())
        } else {
            Key::Str(v.clone())
        }
    }

    /// `from_value` of a value no longer needed: a string is moved in, not copied.
    #[inline]
    pub fn from_owned(v: Value) -> Key {
        if v.is_canonical_number() {
            Key::Num(v.num())
        } else {
            Key::Str(v)
        }
    }

    /// A string subscript (`b` must not be a canonical number).
    pub fn string(b: &[u8]) -> Key {
        debug_assert!(!Number::is_canonical(b));
        Key::Str(Value::from_noncanonical(b))
    }

    pub fn to_value(&self) -> Value {
        match self {
            Key::Num(n) => Value::from_num(*n),
            Key::Str(s) => s.clone(),
        }
    }

    pub fn is_empty_string(&self) -> bool {
        matches!(self, Key::Str(s) if s.is_empty())
    }

    fn rank(&self) -> u8 {
        match self {
            Key::Num(_) => 0,
            Key::Str(_) => 1,
        }
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Key::Num(a), Key::Num(b)) => a.cmp(b),
            (Key::Str(a), Key::Str(b)) => a.bytes().cmp(b.bytes()),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl Key {
    /// The order of `]]`: like subscripts, except that `""` comes before everything.
    pub fn sorts_after(&self, other: &Key) -> bool {
        match (self.is_empty_string(), other.is_empty_string()) {
            (true, _) => false,
            (false, true) => true,
            _ => self > other,
        }
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One node of a local array: its value (if any) and its children.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub value: Option<Value>,
    pub kids: Kids,
}

impl Node {
    pub fn is_undefined(&self) -> bool {
        self.value.is_none() && self.kids.is_empty()
    }

    /// `$DATA`: 1 if it has a value, +10 if it has descendants.
    pub fn data(&self) -> u8 {
        (self.value.is_some() as u8) + 10 * (!self.kids.is_empty() as u8)
    }

    pub fn get(&self, subs: &[Key]) -> Option<&Node> {
        let mut node = self;
        for k in subs {
            node = node.kids.get(k)?;
        }
        Some(node)
    }

    pub fn get_mut_or_create(&mut self, subs: &[Key]) -> &mut Node {
        let mut node = self;
        for k in subs {
            node = node.kids.get_or_create(k);
        }
        node
    }

    /// Removes the node at `subs` and its descendants, pruning parents left empty.
    pub fn kill(&mut self, subs: &[Key]) {
        match subs.split_first() {
            None => {
                self.value = None;
                self.kids.clear();
            }
            Some((k, rest)) => {
                if let Some(kid) = self.kids.get_mut(k) {
                    kid.kill(rest);
                    if kid.is_undefined() {
                        self.kids.remove(k);
                    }
                }
            }
        }
    }

    /// `$ORDER`: the next (dir 1) or previous (dir -1) sibling key after `from` among this
    /// node's children; `""` as `from` starts at the ends.
    pub fn order(&self, from: &Key, forward: bool) -> Option<Key> {
        self.kids.order(from, forward)
    }

    /// `$QUERY`: the path of the first node with a value after `path` in depth-first order.
    ///
    /// With `from_start`, a last subscript `""` means "from the first child" (GT.M treats a
    /// `""` written in `$QUERY(x(""))` so); otherwise `x("")` is the node itself.
    pub fn query(&self, path: &[Key], from_start: bool) -> Option<Vec<Key>> {
        let path = match path.split_last() {
            Some((last, prefix)) if from_start && last.is_empty_string() => prefix,
            _ => path,
        };
        let mut out = Vec::new();
        self.query_from(path, &mut out).then_some(out)
    }

    fn query_from(&self, path: &[Key], out: &mut Vec<Key>) -> bool {
        let Some((k, rest)) = path.split_first() else {
            return self.first_valued_below(out);
        };
        if let Some(kid) = self.kids.get(k) {
            out.push(k.clone());
            if kid.query_from(rest, out) {
                return true;
            }
            out.pop();
        }
        for (k2, kid) in self.kids.iter_after(k) {
            out.push(k2);
            if kid.value.is_some() || kid.first_valued_below(out) {
                return true;
            }
            out.pop();
        }
        false
    }

    fn first_valued_below(&self, out: &mut Vec<Key>) -> bool {
        for (k, kid) in &self.kids {
            out.push(k);
            if kid.value.is_some() || kid.first_valued_below(out) {
                return true;
            }
            out.pop();
        }
        false
    }
}

pub type Slot = Rc<RefCell<Node>>;

/// The symbol table: one slot per interned name.
#[derive(Default)]
pub struct Locals {
    slots: Vec<Option<Slot>>,
}

impl Locals {
    /// The slot of a name, if the name was ever used.
    pub fn slot(&self, name: Sym) -> Option<&Slot> {
        self.slots.get(name.index()).and_then(Option::as_ref)
    }

    /// The slot of a name, created (undefined) when missing.
    #[inline]
    pub fn slot_mut(&mut self, name: Sym) -> &Slot {
        let i = name.index();
        if matches!(self.slots.get(i), Some(Some(_))) {
            return self.slots[i].get_or_insert_with(Slot::default);
        }
        self.new_slot(name)
    }

    /// `slot_mut` for a name without a slot yet.
    #[inline(never)]
    fn new_slot(&mut self, name: Sym) -> &Slot {
        let i = name.index();
        if i >= self.slots.len() {
            self.slots.resize(i + 1, None);
        }
        self.slots[i].get_or_insert_with(Slot::default)
    }

    /// Replaces a name's slot (NEW, by-reference binding) and returns the old one.
    /// (Inlined: NEW and each formal's binding and unbinding take it, once a call or more.)
    #[inline]
    pub fn replace(&mut self, name: Sym, slot: Option<Slot>) -> Option<Slot> {
        match self.slots.get_mut(name.index()) {
            Some(held) => std::mem::replace(held, slot),
            None => self.replace_growing(name, slot),
        }
    }

    /// `replace` for a name past the end of the table.
    #[inline(never)]
    fn replace_growing(&mut self, name: Sym, slot: Option<Slot>) -> Option<Slot> {
        let i = name.index();
        self.slots.resize(i + 1, None);
        std::mem::replace(&mut self.slots[i], slot)
    }

    /// Names that currently have a defined variable, in name order.
    pub fn defined_names(&self) -> Vec<Sym> {
        let mut names: Vec<Sym> = self
            .slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.as_ref().is_some_and(|s| !s.borrow().is_undefined()))
            .map(|(i, _)| Sym::from_index(i))
            .collect();
        names.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        names
    }

    /// All names that have a slot (used by argumentless and exclusive NEW and KILL).
    pub fn all_names(&self) -> Vec<Sym> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_some())
            .map(|(i, _)| Sym::from_index(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        Key::from_value(&Value::from(s))
    }

    #[test]
    fn collation() {
        let mut keys = [
            k("b"),
            k("10"),
            k("-1"),
            k("a"),
            k("2"),
            k(".5"),
            k("01"),
            k(""),
        ];
        keys.sort();
        let shown: Vec<String> = keys.iter().map(|k| k.to_value().to_text()).collect();
        assert_eq!(shown, ["-1", ".5", "2", "10", "", "01", "a", "b"]);
    }

    #[test]
    fn order_query_kill() {
        let mut root = Node::default();
        for p in [
            vec![k("1")],
            vec![k("1"), k("x")],
            vec![k("2")],
            vec![k("a"), k("b")],
        ] {
            root.get_mut_or_create(&p).value = Some(Value::from("v"));
        }
        assert_eq!(root.order(&k(""), true), Some(k("1")));
        assert_eq!(root.order(&k("2"), true), Some(k("a")));
        assert_eq!(root.order(&k(""), false), Some(k("a")));
        assert_eq!(root.query(&[k("1")], false), Some(vec![k("1"), k("x")]));
        assert_eq!(root.query(&[k("2")], false), Some(vec![k("a"), k("b")]));
        root.kill(&[k("a"), k("b")]);
        assert!(root.get(&[k("a")]).is_none());
        assert_eq!(root.get(&[]).map(Node::data), Some(10));
    }
}
