//! `Kids`: the children of a local array node, in M collation order.
//!
//! A node's children live in a B+ tree made for M's access patterns:
//! - one child is a single boxed entry (deep arrays such as `x(k,name,i)` have many of these);
//! - more are sorted leaves of up to `LEAF_MAX` entries under inner nodes of separator keys;
//! - leaves grow by a quarter at a time, so their spare room stays small; a full leaf that
//!   gets a key past its end (ascending SETs, the common case) starts a new leaf and stays
//!   full, otherwise it splits in halves;
//! - a stored key is 16 bytes: numbers as their parts, strings up to 14 bytes inline, longer
//!   ones behind a pointer, so an entry (key, value, children) is 56 bytes;
//! - `$ORDER` remembers where its last answer was (a path of child indices, checked against
//!   the key it is given), so a walk steps to the next entry without a search from the root.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;
use std::ptr::NonNull;

use super::{Key, Node};
use crate::number::Number;
use crate::value::Value;
use skey::{Probe, SKey};
use tree::{
    BNode, Entry, Hint, Inner, Path, Root, SMALL_LEAF, leaf_insert, leaf_remove, small_leaf_int_pos,
};

/// The probe of an integer subscript below 10^18 in magnitude (a canonical number).
#[inline(always)]
fn int_probe<'a>(i: i64) -> Probe<'a> {
    debug_assert!(i.unsigned_abs() < 1_000_000_000_000_000_000);
    Probe::Num(Number::from_i64(i))
}

mod skey;
#[cfg(test)]
mod tests;
mod tree;

/// Most entries in a leaf (64 entries of 56 bytes: 3.5 KiB).
const LEAF_MAX: usize = 64;
/// Most children of an inner node.
const INNER_MAX: usize = 64;
/// Deepest tree a path can describe. A level is added only when the root has `INNER_MAX`
/// children, each the result of earlier splits, and a split leaves at least half of
/// `INNER_MAX` children behind, so a tree this deep holds over 32^9 leaves: far more than
/// memory. (Small, so that a root with its two hints stays the size of an entry.)
const MAX_DEPTH: usize = 10;
/// The children of a node, in collation order. Empty costs one pointer.
#[derive(Clone, Default)]
pub struct Kids(Option<Box<Root>>);

impl Kids {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn clear(&mut self) {
        self.0 = None;
    }

    pub fn get(&self, k: &Key) -> Option<&Node> {
        self.get_probe(Probe::of(k))
    }

    /// The child whose subscript is the value `v` (no key made).
    #[inline]
    pub fn get_value(&self, v: &Value) -> Option<&Node> {
        self.get_probe(Probe::of_value(v))
    }

    /// The child whose subscript is the integer `i` (below 10^18 in magnitude, so a
    /// canonical number): `get_value` of `i`'s value, with no value made.
    #[inline]
    pub fn get_int(&self, i: i64) -> Option<&Node> {
        self.0.as_deref()?.get_int(i).map(|e| &e.node)
    }

    fn get_probe(&self, p: Probe) -> Option<&Node> {
        self.0.as_deref()?.get(p).map(|e| &e.node)
    }

    pub fn get_mut(&mut self, k: &Key) -> Option<&mut Node> {
        self.get_mut_probe(Probe::of(k))
    }

    /// `get_mut` of the child whose subscript is the value `v` (no key made).
    pub fn get_mut_value(&mut self, v: &Value) -> Option<&mut Node> {
        self.get_mut_probe(Probe::of_value(v))
    }

    fn get_mut_probe(&mut self, p: Probe) -> Option<&mut Node> {
        let path = self.0.as_deref()?.locate(p).ok()?;
        Some(self.node_at_mut(&path))
    }

    fn node_at_mut(&mut self, path: &Path) -> &mut Node {
        match self.0.as_deref_mut() {
            Some(Root::One(e)) => &mut e.node,
            Some(Root::Many { tree, .. }) => &mut tree.leaf_at_mut(path)[path.pos as usize].node,
            None => unreachable!("a path into no children"),
        }
    }

    /// `get_or_create` of the integer `i` (as `get_int`).
    #[inline]
    pub fn get_or_create_int(&mut self, i: i64) -> &mut Node {
        // A tree that is one small leaf (`SET col(c)=1`): the entry found or put by a scan,
        // no path made or followed.
        // (Tested before it is borrowed to be changed: a borrow that may be returned would
        // last to the end of the function.)
        if matches!(self.0.as_deref(), Some(Root::Many { tree: BNode::Leaf(v), .. }) if v.len() < SMALL_LEAF)
        {
            let Some(Root::Many {
                tree: BNode::Leaf(v),
                hint,
            }) = self.0.as_deref_mut()
            else {
                unreachable!("tested above")
            };
            let at = match small_leaf_int_pos(v, i, hint) {
                Ok(at) => at,
                Err(at) => {
                    leaf_insert(v, at, SKey::of_probe(int_probe(i)));
                    at
                }
            };
            return &mut v[at].node;
        }
        self.get_or_create_probe(int_probe(i))
    }

    /// The child at `k`, made (undefined) when missing.
    pub fn get_or_create(&mut self, k: &Key) -> &mut Node {
        self.get_or_create_probe(Probe::of(k))
    }

    /// The child whose subscript is the value `v`, made (undefined) when missing.
    #[inline]
    pub fn get_or_create_value(&mut self, v: &Value) -> &mut Node {
        self.get_or_create_probe(Probe::of_value(v))
    }

    fn get_or_create_probe(&mut self, p: Probe) -> &mut Node {
        let Some(root) = self.0.as_deref_mut() else {
            self.0 = Some(Box::new(Root::One(Entry {
                key: SKey::of_probe(p),
                node: Node::default(),
            })));
            return self.node_at_mut(&Path::default());
        };
        let at = match root.locate(p) {
            Ok(path) => return self.node_at_mut(&path),
            Err(at) => at,
        };
        let e = Entry {
            key: SKey::of_probe(p),
            node: Node::default(),
        };
        match root {
            Root::One(_) => {
                let Root::One(old) = std::mem::replace(
                    root,
                    Root::Many {
                        tree: BNode::Leaf(Vec::new()),
                        hint: Hint::default(),
                    },
                ) else {
                    unreachable!("matched One above")
                };
                let pair = if at.pos == 0 { [e, old] } else { [old, e] };
                let mut v = Vec::with_capacity(2);
                v.extend(pair);
                *root = Root::Many {
                    tree: BNode::Leaf(v),
                    hint: Hint::default(),
                };
            }
            Root::Many { tree, hint } => {
                match tree.insert(&at, 0, e) {
                    // Without a split below, the new entry is where it was put.
                    None if tree
                        .leaf_at(&at)
                        .and_then(|l| l.get(at.pos as usize))
                        .is_some_and(|e| e.key.cmp(p) == Ordering::Equal) =>
                    {
                        hint.set(at);
                        return self.node_at_mut(&at);
                    }
                    None => {}
                    Some((sep, right)) => {
                        let left = std::mem::replace(tree, BNode::Leaf(Vec::new()));
                        *tree = BNode::Inner(Box::new(Inner {
                            keys: vec![sep],
                            kids: vec![left, right],
                        }));
                    }
                }
            }
        }
        // After a split, where the new entry went is found again.
        let path = match self.0.as_deref() {
            Some(root) => root.locate(p),
            None => unreachable!("just inserted"),
        };
        match path {
            Ok(path) => self.node_at_mut(&path),
            Err(_) => unreachable!("just inserted"),
        }
    }

    /// Removes the child at `k` (with its descendants).
    pub fn remove(&mut self, k: &Key) {
        self.remove_probe(Probe::of(k))
    }

    /// Removes the child whose subscript is the integer `i` (as `get_int`).
    #[inline]
    pub fn remove_int(&mut self, i: i64) {
        // A tree that is one small leaf (`KILL col(c)`): as in `get_or_create_int`.
        if let Some(Root::Many {
            tree: BNode::Leaf(v),
            hint,
        }) = self.0.as_deref_mut()
            && v.len() <= SMALL_LEAF
        {
            if let Ok(at) = small_leaf_int_pos(v, i, hint) {
                leaf_remove(v, at);
                if v.is_empty() {
                    self.0 = None;
                }
            }
            return;
        }
        self.remove_probe(int_probe(i))
    }

    /// Removes the child whose subscript is the value `v` (with its descendants).
    #[inline]
    pub fn remove_value(&mut self, v: &Value) {
        self.remove_probe(Probe::of_value(v))
    }

    fn remove_probe(&mut self, p: Probe) {
        let Some(root) = self.0.as_deref_mut() else {
            return;
        };
        let Ok(path) = root.locate(p) else {
            return;
        };
        let Root::Many { tree, .. } = root else {
            self.0 = None;
            return;
        };
        tree.remove(&path, 0);
        // A root with one child gives way to it; no entries left means no tree.
        loop {
            match tree {
                BNode::Inner(inn) if inn.kids.len() == 1 => {
                    let only = inn.kids.pop().expect("one child");
                    *tree = only;
                }
                BNode::Inner(inn) if inn.kids.is_empty() => break self.0 = None,
                BNode::Leaf(v) if v.is_empty() => break self.0 = None,
                _ => break,
            }
        }
    }

    /// `$ORDER` among these children: the key after (or before) `from`; `""` starts at the
    /// ends.
    pub fn order(&self, from: &Key, forward: bool) -> Option<Key> {
        let root = self.0.as_deref()?;
        let e = if from.is_empty_string() {
            root.entry(&root.edge(forward))
        } else {
            root.beside(Probe::of(from), forward)
        };
        e.map(|e| e.key.key())
    }

    /// `order` with the subscript given as a value, answering with the value of the key
    /// found: no key is made on either side (a `$ORDER` walk).
    pub fn order_value(&self, from: &Value, forward: bool) -> Option<Value> {
        let root = self.0.as_deref()?;
        let e = match Probe::of_value(from) {
            Probe::Str([], _) => root.entry(&root.edge(forward)),
            p => root.beside(p, forward),
        };
        e.map(|e| e.key.value())
    }

    /// Every child, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            root: self.0.as_deref(),
            at: self.0.as_deref().map(|r| r.edge(true)),
        }
    }

    /// The children after `k`, in order.
    pub fn iter_after(&self, k: &Key) -> Iter<'_> {
        let root = self.0.as_deref();
        let at = root.and_then(|r| match r.locate(Probe::of(k)) {
            Ok(path) => r.next(path, true),
            Err(path) => match r {
                Root::One(_) => (path.pos == 0).then_some(path),
                Root::Many { tree, .. } => tree.settle_forward(path),
            },
        });
        Iter { root, at }
    }

    /// MERGE's `entry(k).or_default()`.
    pub fn entry(&mut self, k: Key) -> KidEntry<'_> {
        KidEntry { kids: self, key: k }
    }
}

/// A child about to be found or made (`Kids::entry`).
pub struct KidEntry<'a> {
    kids: &'a mut Kids,
    key: Key,
}

impl<'a> KidEntry<'a> {
    pub fn or_default(self) -> &'a mut Node {
        self.kids.get_or_create(&self.key)
    }
}

/// The children in collation order, each with its key.
pub struct Iter<'a> {
    root: Option<&'a Root>,
    at: Option<Path>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (Key, &'a Node);

    fn next(&mut self) -> Option<Self::Item> {
        let root = self.root?;
        let path = self.at?;
        let e = root.entry(&path)?;
        self.at = root.next(path, true);
        Some((e.key.key(), &e.node))
    }
}

impl<'a> IntoIterator for &'a Kids {
    type Item = (Key, &'a Node);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Kids {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
