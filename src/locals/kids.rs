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

/// Most entries in a leaf (64 entries of 56 bytes: 3.5 KiB).
const LEAF_MAX: usize = 64;
/// Most children of an inner node.
const INNER_MAX: usize = 64;
/// Deepest tree a path can describe. A level is added only when the root has `INNER_MAX`
/// children, each the result of earlier splits, so reaching it takes about 64^15 SETs.
const MAX_DEPTH: usize = 15;
/// Longest string subscript kept inline.
const SHORT: usize = 14;

/// A stored subscript (16 bytes).
#[derive(Clone)]
enum SKey {
    Num { exp: i32, mant: i64 },
    Short { len: u8, bytes: [u8; SHORT] },
    Long(Long),
}

/// A string subscript longer than `SHORT` bytes, in one allocation: its length, then its
/// bytes (a shared `Rc<[u8]>` would cost a second pointer word in every key).
struct Long(NonNull<u8>);

const LEN: usize = std::mem::size_of::<usize>();

impl Long {
    fn layout(len: usize) -> Layout {
        // M strings are at most 1 MiB, far below isize::MAX.
        Layout::from_size_align(LEN + len, LEN).expect("a subscript's length fits a layout")
    }

    fn new(b: &[u8]) -> Long {
        let layout = Long::layout(b.len());
        // SAFETY: the layout's size is at least LEN, so not zero.
        let p = unsafe { alloc(layout) };
        let Some(p) = NonNull::new(p) else {
            handle_alloc_error(layout)
        };
        // SAFETY: the block holds LEN + b.len() bytes, aligned for a usize at its start.
        unsafe {
            p.as_ptr().cast::<usize>().write(b.len());
            std::ptr::copy_nonoverlapping(b.as_ptr(), p.as_ptr().add(LEN), b.len());
        }
        Long(p)
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: `new` wrote the length and that many bytes after it; the block lives as
        // long as `self`.
        unsafe {
            let len = self.0.as_ptr().cast::<usize>().read();
            std::slice::from_raw_parts(self.0.as_ptr().add(LEN), len)
        }
    }
}

impl Drop for Long {
    fn drop(&mut self) {
        let layout = Long::layout(self.bytes().len());
        // SAFETY: the block was allocated by `new` with this same layout.
        unsafe { dealloc(self.0.as_ptr(), layout) }
    }
}

impl Clone for Long {
    fn clone(&self) -> Long {
        Long::new(self.bytes())
    }
}

/// A subscript being looked for.
#[derive(Clone, Copy)]
enum Probe<'a> {
    Num(Number),
    Str(&'a [u8]),
}

impl<'a> Probe<'a> {
    fn of(k: &'a Key) -> Probe<'a> {
        match k {
            Key::Num(n) => Probe::Num(*n),
            Key::Str(s) => Probe::Str(s.bytes()),
        }
    }

    /// The subscript a value makes (as `Key::from_value`, without making the key).
    #[inline]
    fn of_value(v: &'a Value) -> Probe<'a> {
        if v.is_canonical_number() {
            Probe::Num(v.num())
        } else {
            Probe::Str(v.bytes())
        }
    }
}

impl SKey {
    fn of_probe(p: Probe) -> SKey {
        match p {
            Probe::Num(n) => {
                let (mant, exp) = n.parts();
                SKey::Num { exp, mant }
            }
            Probe::Str(s) if s.len() <= SHORT => {
                let mut bytes = [0; SHORT];
                bytes[..s.len()].copy_from_slice(s);
                SKey::Short {
                    len: s.len() as u8,
                    bytes,
                }
            }
            Probe::Str(s) => SKey::Long(Long::new(s)),
        }
    }

    fn key(&self) -> Key {
        match self {
            SKey::Num { exp, mant } => Key::Num(Number::from_parts(*mant, *exp)),
            SKey::Short { len, bytes } => Key::string(&bytes[..*len as usize]),
            SKey::Long(s) => Key::string(s.bytes()),
        }
    }

    /// The value of the key (`key().to_value()` without the key).
    fn value(&self) -> Value {
        match self {
            SKey::Num { exp, mant } => Value::from_num(Number::from_parts(*mant, *exp)),
            SKey::Short { len, bytes } => Value::from_noncanonical(&bytes[..*len as usize]),
            SKey::Long(s) => Value::from_noncanonical(s.bytes()),
        }
    }

    /// M collation: numbers first in numeric order, then strings by bytes.
    #[inline]
    fn cmp(&self, p: Probe) -> Ordering {
        match (self, p) {
            (SKey::Num { exp, mant }, Probe::Num(n)) => {
                // Integers below 10^18 (exponent 0) compare as plain integers.
                let (m, e) = n.parts();
                if *exp == 0 && e == 0 {
                    mant.cmp(&m)
                } else {
                    Number::from_parts(*mant, *exp).cmp(&n)
                }
            }
            (SKey::Num { .. }, Probe::Str(_)) => Ordering::Less,
            (_, Probe::Num(_)) => Ordering::Greater,
            (SKey::Short { len, bytes }, Probe::Str(s)) => bytes[..*len as usize].cmp(s),
            (SKey::Long(b), Probe::Str(s)) => b.bytes().cmp(s),
        }
    }
}

#[derive(Clone)]
struct Entry {
    key: SKey,
    node: Node,
}

#[derive(Clone)]
enum BNode {
    Leaf(Vec<Entry>),
    Inner(Box<Inner>),
}

/// `keys[i]` is the lowest key that may be in `kids[i + 1]`; all keys of `kids[i]` are below.
#[derive(Clone)]
struct Inner {
    keys: Vec<SKey>,
    kids: Vec<BNode>,
}

/// Where an entry is: the child index at each inner level, then the index in the leaf.
#[derive(Clone, Copy, Default)]
struct Path {
    depth: u8,
    idx: [u8; MAX_DEPTH],
    pos: u8,
}

#[derive(Clone)]
enum Root {
    One(Entry),
    Many {
        tree: BNode,
        /// Where the last `$ORDER` answer was (checked before use).
        hint: Cell<Path>,
    },
}

/// The children of a node, in collation order. Empty costs one pointer.
#[derive(Clone, Default)]
pub struct Kids(Option<Box<Root>>);

/// The capacity a leaf of `n` entries gets when it must grow: a quarter more.
fn grown(n: usize) -> usize {
    (n + n / 4 + 1).min(LEAF_MAX)
}

impl BNode {
    /// The leaf that `path` leads to (None when the path no longer fits the tree).
    fn leaf_at(&self, path: &Path) -> Option<&[Entry]> {
        let mut node = self;
        for &i in &path.idx[..path.depth as usize] {
            match node {
                BNode::Inner(inn) => node = inn.kids.get(i as usize)?,
                BNode::Leaf(_) => return None,
            }
        }
        match node {
            BNode::Leaf(v) => Some(v),
            BNode::Inner(_) => None,
        }
    }

    fn leaf_at_mut(&mut self, path: &Path) -> &mut Vec<Entry> {
        let mut node = self;
        for &i in &path.idx[..path.depth as usize] {
            match node {
                BNode::Inner(inn) => node = &mut inn.kids[i as usize],
                BNode::Leaf(_) => unreachable!("path deeper than the tree"),
            }
        }
        match node {
            BNode::Leaf(v) => v,
            BNode::Inner(_) => unreachable!("path shallower than the tree"),
        }
    }

    /// The inner node at `level` of `path` (its first `level` indices).
    fn inner_at(&self, path: &Path, level: usize) -> &Inner {
        let mut node = self;
        for &i in &path.idx[..level] {
            match node {
                BNode::Inner(inn) => node = &inn.kids[i as usize],
                BNode::Leaf(_) => unreachable!("path deeper than the tree"),
            }
        }
        match node {
            BNode::Inner(inn) => inn,
            BNode::Leaf(_) => unreachable!("path deeper than the tree"),
        }
    }

    /// The entry equal to `p` (Ok) or where it would go (Err; `pos` may be the leaf's length).
    fn locate(&self, p: Probe) -> Result<Path, Path> {
        let mut path = Path::default();
        let mut node = self;
        loop {
            match node {
                BNode::Inner(inn) => {
                    let i = inn.keys.partition_point(|k| k.cmp(p) != Ordering::Greater);
                    path.idx[path.depth as usize] = i as u8;
                    path.depth += 1;
                    node = &inn.kids[i];
                }
                BNode::Leaf(v) => {
                    return match v.binary_search_by(|e| e.key.cmp(p)) {
                        Ok(i) => {
                            path.pos = i as u8;
                            Ok(path)
                        }
                        Err(i) => {
                            path.pos = i as u8;
                            Err(path)
                        }
                    };
                }
            }
        }
    }

    /// The path to the first (or last) entry of the next (or previous) leaf after `path`'s.
    fn step_leaf(&self, mut path: Path, forward: bool) -> Option<Path> {
        let depth = path.depth as usize;
        let level = (0..depth).rev().find(|&l| {
            let i = path.idx[l] as usize;
            if forward {
                i + 1 < self.inner_at(&path, l).kids.len()
            } else {
                i > 0
            }
        })?;
        if forward {
            path.idx[level] += 1;
        } else {
            path.idx[level] -= 1;
        }
        for l in level + 1..depth {
            path.idx[l] = if forward {
                0
            } else {
                self.inner_at(&path, l).kids.len() as u8 - 1
            };
        }
        let leaf = self.leaf_at(&path)?;
        path.pos = if forward { 0 } else { leaf.len() as u8 - 1 };
        Some(path)
    }

    /// Whether `path` leads to the last leaf.
    fn is_last_leaf(&self, path: &Path) -> bool {
        let mut node = self;
        for &i in &path.idx[..path.depth as usize] {
            match node {
                BNode::Inner(inn) if i as usize + 1 == inn.kids.len() => {
                    node = &inn.kids[i as usize]
                }
                _ => return false,
            }
        }
        true
    }

    /// `locate`, trying first the entry at `hint` and the one after it (a walk, a read of
    /// the key just walked to, ascending SETs), then a search from the root.
    fn find(&self, p: Probe, hint: &Cell<Path>) -> Result<Path, Path> {
        let mut h = hint.get();
        if let Some(leaf) = self.leaf_at(&h)
            && let Some(e) = leaf.get(h.pos as usize)
        {
            match e.key.cmp(p) {
                Ordering::Equal => return Ok(h),
                Ordering::Less => {
                    h.pos += 1;
                    match leaf.get(h.pos as usize).map(|e| e.key.cmp(p)) {
                        Some(Ordering::Equal) => {
                            hint.set(h);
                            return Ok(h);
                        }
                        Some(Ordering::Greater) => return Err(h),
                        None if self.is_last_leaf(&h) => return Err(h),
                        _ => {}
                    }
                }
                Ordering::Greater => {}
            }
        }
        let at = self.locate(p);
        if let Ok(path) = at {
            hint.set(path);
        }
        at
    }

    /// `path` itself when it names an entry, else the first entry of a later leaf.
    fn settle_forward(&self, path: Path) -> Option<Path> {
        match self.leaf_at(&path) {
            Some(leaf) if (path.pos as usize) < leaf.len() => Some(path),
            _ => self.step_leaf(path, true),
        }
    }

    fn next(&self, path: Path, forward: bool) -> Option<Path> {
        if forward {
            let mut p = path;
            p.pos += 1;
            self.settle_forward(p)
        } else if path.pos > 0 {
            let mut p = path;
            p.pos -= 1;
            Some(p)
        } else {
            self.step_leaf(path, false)
        }
    }

    fn edge(&self, forward: bool) -> Path {
        let mut path = Path::default();
        let mut node = self;
        loop {
            match node {
                BNode::Inner(inn) => {
                    let i = if forward { 0 } else { inn.kids.len() - 1 };
                    path.idx[path.depth as usize] = i as u8;
                    path.depth += 1;
                    node = &inn.kids[i];
                }
                BNode::Leaf(v) => {
                    path.pos = if forward { 0 } else { v.len() as u8 - 1 };
                    return path;
                }
            }
        }
    }

    /// Inserts `e` at `path` (from `locate`'s Err); a split gives the new right sibling and
    /// its lowest key for the parent.
    fn insert(&mut self, path: &Path, level: usize, e: Entry) -> Option<(SKey, BNode)> {
        match self {
            BNode::Leaf(v) => {
                let pos = path.pos as usize;
                if v.len() < LEAF_MAX {
                    if v.len() == v.capacity() {
                        v.reserve_exact(grown(v.len()) - v.len());
                    }
                    v.insert(pos, e);
                    return None;
                }
                // Full: past the end keeps this leaf full (ascending SETs), before the start
                // moves it whole to the right, otherwise halves.
                let len = v.len();
                let mid = if pos == len {
                    len
                } else if pos == 0 {
                    0
                } else {
                    len / 2
                };
                let mut right = Vec::with_capacity(if mid == len {
                    LEAF_MAX
                } else {
                    grown(len - mid + 1)
                });
                right.extend(v.drain(mid..));
                if pos < mid || (pos == 0 && mid == 0) {
                    v.insert(pos, e);
                } else {
                    right.insert(pos - mid, e);
                }
                if mid != 0 && mid != len {
                    v.shrink_to(grown(v.len()));
                }
                let sep = right[0].key.clone();
                Some((sep, BNode::Leaf(right)))
            }
            BNode::Inner(inn) => {
                let i = path.idx[level] as usize;
                let (sep, kid) = inn.kids[i].insert(path, level + 1, e)?;
                inn.keys.insert(i, sep);
                inn.kids.insert(i + 1, kid);
                if inn.kids.len() <= INNER_MAX {
                    return None;
                }
                // A new last child (ascending SETs) starts a new inner node alone.
                let mid = if i + 2 == inn.kids.len() {
                    inn.kids.len() - 1
                } else {
                    inn.kids.len() / 2
                };
                let kids = inn.kids.split_off(mid);
                let keys = inn.keys.split_off(mid);
                let sep = inn
                    .keys
                    .pop()
                    .expect("an inner node has a key per extra child");
                Some((sep, BNode::Inner(Box::new(Inner { keys, kids }))))
            }
        }
    }

    /// Removes the entry at `path`; a leaf or inner node left empty is removed from its
    /// parent with its separator.
    fn remove(&mut self, path: &Path, level: usize) -> Entry {
        match self {
            BNode::Leaf(v) => {
                let e = v.remove(path.pos as usize);
                // Hand back room once a leaf is under half full.
                if v.capacity() > 8 && v.len() * 2 < v.capacity() {
                    v.shrink_to(grown(v.len()));
                }
                e
            }
            BNode::Inner(inn) => {
                let i = path.idx[level] as usize;
                let e = inn.kids[i].remove(path, level + 1);
                let empty = match &inn.kids[i] {
                    BNode::Leaf(v) => v.is_empty(),
                    BNode::Inner(k) => k.kids.is_empty(),
                };
                if empty {
                    inn.kids.remove(i);
                    if !inn.keys.is_empty() {
                        inn.keys.remove(i.saturating_sub(1));
                    }
                }
                e
            }
        }
    }
}

impl Root {
    fn leaf(&self, path: &Path) -> Option<&[Entry]> {
        match self {
            Root::One(e) => (path.depth == 0).then_some(std::slice::from_ref(e)),
            Root::Many { tree, .. } => tree.leaf_at(path),
        }
    }

    fn entry(&self, path: &Path) -> Option<&Entry> {
        self.leaf(path)?.get(path.pos as usize)
    }

    fn locate(&self, p: Probe) -> Result<Path, Path> {
        match self {
            Root::Many { tree, hint } => tree.find(p, hint),
            Root::One(e) => match e.key.cmp(p) {
                Ordering::Equal => Ok(Path::default()),
                Ordering::Less => Err(Path {
                    pos: 1,
                    ..Path::default()
                }),
                Ordering::Greater => Err(Path::default()),
            },
        }
    }

    fn next(&self, path: Path, forward: bool) -> Option<Path> {
        match self {
            Root::One(_) => None,
            Root::Many { tree, .. } => tree.next(path, forward),
        }
    }

    /// The entry after (or before) the place where `p` is or would be.
    fn beside(&self, p: Probe, forward: bool) -> Option<Path> {
        if let Root::Many { tree, hint } = self {
            // The last answer is usually the key asked about now.
            let next = match tree.find(p, hint) {
                Ok(path) => tree.next(path, forward),
                Err(path) if forward => tree.settle_forward(path),
                Err(path) => tree.next(path, false),
            };
            if let Some(n) = next {
                hint.set(n);
            }
            return next;
        }
        match (self.locate(p), forward) {
            (Err(path), true) if path.pos == 0 => Some(path),
            (Err(path), false) if path.pos == 1 => Some(Path::default()),
            _ => None,
        }
    }

    fn edge(&self, forward: bool) -> Path {
        match self {
            Root::One(_) => Path::default(),
            Root::Many { tree, .. } => tree.edge(forward),
        }
    }
}

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

    fn get_probe(&self, p: Probe) -> Option<&Node> {
        let root = self.0.as_deref()?;
        let path = root.locate(p).ok()?;
        root.entry(&path).map(|e| &e.node)
    }

    pub fn get_mut(&mut self, k: &Key) -> Option<&mut Node> {
        let path = self.0.as_deref()?.locate(Probe::of(k)).ok()?;
        Some(self.node_at_mut(&path))
    }

    fn node_at_mut(&mut self, path: &Path) -> &mut Node {
        match self.0.as_deref_mut() {
            Some(Root::One(e)) => &mut e.node,
            Some(Root::Many { tree, .. }) => &mut tree.leaf_at_mut(path)[path.pos as usize].node,
            None => unreachable!("a path into no children"),
        }
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
                        hint: Cell::default(),
                    },
                ) else {
                    unreachable!("matched One above")
                };
                let pair = if at.pos == 0 { [e, old] } else { [old, e] };
                let mut v = Vec::with_capacity(2);
                v.extend(pair);
                *root = Root::Many {
                    tree: BNode::Leaf(v),
                    hint: Cell::default(),
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
        let path = if from.is_empty_string() {
            root.edge(forward)
        } else {
            root.beside(Probe::of(from), forward)?
        };
        root.entry(&path).map(|e| e.key.key())
    }

    /// `order` with the subscript given as a value, answering with the value of the key
    /// found: no key is made on either side (a `$ORDER` walk).
    pub fn order_value(&self, from: &Value, forward: bool) -> Option<Value> {
        let root = self.0.as_deref()?;
        let path = match Probe::of_value(from) {
            Probe::Str([]) => root.edge(forward),
            p => root.beside(p, forward)?,
        };
        root.entry(&path).map(|e| e.key.value())
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::value::Value;
    use std::collections::BTreeMap;

    fn k(s: &str) -> Key {
        Key::from_value(&Value::from(s))
    }

    /// A pseudo-random key: small and large integers, decimals, short and long strings.
    fn key(r: u64) -> Key {
        let n = r % 1000;
        match (r >> 20) % 5 {
            0 | 1 => k(&n.to_string()),
            2 => k(&format!("-{}.5", n)),
            3 => k(&format!("s{n}")),
            _ => k(&format!("a long subscript past fourteen bytes {n}")),
        }
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 16
        }
    }

    /// Compares every operation with std's BTreeMap (whose order is `Key`'s `Ord`).
    // A string key's `Value` caches its text and number in cells, but its text (all the
    // order looks at) is made with it and never changes: the order of keys is fixed.
    #[allow(clippy::mutable_key_type)]
    fn check_against_model(seed: u64, ops: usize, spread: u64) {
        let mut rng = Rng(seed);
        let mut kids = Kids::default();
        let mut model: BTreeMap<Key, i64> = BTreeMap::new();
        for step in 0..ops {
            let r = rng.next();
            let key = key(r % spread + (((r >> 40) % 5) << 20));
            match rng.next() % 10 {
                0..=5 => {
                    kids.get_or_create(&key).value = Some(Value::from_i64(step as i64));
                    model.insert(key.clone(), step as i64);
                }
                6 | 7 => {
                    kids.remove(&key);
                    model.remove(&key);
                }
                _ => {
                    let fwd = model.range(key.clone()..).find(|(m, _)| **m != key);
                    assert_eq!(kids.order(&key, true), fwd.map(|(m, _)| m.clone()));
                    let back = model.range(..key.clone()).next_back();
                    assert_eq!(kids.order(&key, false), back.map(|(m, _)| m.clone()));
                }
            }
            let got = kids
                .get(&key)
                .and_then(|n| n.value.as_ref())
                .map(|v| v.int());
            assert_eq!(got, model.get(&key).copied(), "step {step}");
            assert_eq!(kids.is_empty(), model.is_empty());
        }
        let all: Vec<Key> = kids.iter().map(|(k, _)| k).collect();
        let want: Vec<Key> = model.keys().cloned().collect();
        assert_eq!(all, want);
        // A walk with $ORDER, forwards and backwards, sees every key once.
        for forward in [true, false] {
            let mut seen = Vec::new();
            let mut at = k("");
            while let Some(n) = kids.order(&at, forward) {
                seen.push(n.clone());
                at = n;
            }
            if !forward {
                seen.reverse();
            }
            assert_eq!(seen, want);
        }
        if let Some(first) = want.first() {
            let after: Vec<Key> = kids.iter_after(first).map(|(k, _)| k).collect();
            assert_eq!(after, want[1..]);
        }
    }

    #[test]
    fn random_operations_match_a_sorted_map() {
        for seed in 0..6 {
            check_against_model(seed, 20_000, 3_000);
        }
        // Few keys: the one-entry root and small leaves, emptied and refilled.
        for seed in 0..20 {
            check_against_model(seed, 400, 3);
        }
    }

    #[test]
    fn ascending_sets_fill_leaves() {
        let mut kids = Kids::default();
        for i in 0..10_000 {
            kids.get_or_create(&Key::Num(Number::from_i64(i))).value = Some(Value::from_i64(i));
        }
        let Some(Root::Many {
            tree: BNode::Inner(inn),
            ..
        }) = kids.0.as_deref()
        else {
            panic!("10,000 entries make a tree");
        };
        // Every leaf but the last is full: 64 entries of 56 bytes.
        let full = inn
            .kids
            .iter()
            .flat_map(|k| match k {
                BNode::Inner(i) => i.kids.iter().collect::<Vec<_>>(),
                leaf => vec![leaf],
            })
            .filter(|l| matches!(l, BNode::Leaf(v) if v.len() == LEAF_MAX))
            .count();
        assert_eq!(full, 10_000 / LEAF_MAX);
    }

    #[test]
    fn order_walk_survives_sets_and_kills_between_steps() {
        let mut kids = Kids::default();
        for i in 0..1000 {
            kids.get_or_create(&Key::Num(Number::from_i64(i * 2))).value = Some(Value::empty());
        }
        // Walk; at each step kill the key just returned's successor and add an odd key.
        let mut at = k("");
        let mut seen = Vec::new();
        while let Some(n) = kids.order(&at, true) {
            let Key::Num(x) = n else {
                panic!("numbers only")
            };
            let x = x.to_i64();
            seen.push(x);
            kids.remove(&Key::Num(Number::from_i64(x + 2)));
            kids.get_or_create(&Key::Num(Number::from_i64(x + 3))).value = Some(Value::empty());
            at = n;
            if seen.len() > 5000 {
                break;
            }
        }
        // 0, then 3 (added; 2 was killed), 4, then 7 (added; 6 was killed), 8, 11...
        assert!(seen.windows(2).all(|w| w[1] > w[0]));
        assert_eq!(&seen[..6], &[0, 3, 4, 7, 8, 11]);
    }

    #[test]
    fn collation_of_stored_keys() {
        let mut kids = Kids::default();
        for s in [
            "b",
            "10",
            "-1",
            "a",
            "2",
            ".5",
            "01",
            "",
            "1E3",
            "a long key of many bytes",
        ] {
            kids.get_or_create(&k(s)).value = Some(Value::empty());
        }
        let shown: Vec<String> = kids.iter().map(|(k, _)| k.to_value().to_text()).collect();
        assert_eq!(
            shown,
            [
                "-1",
                ".5",
                "2",
                "10",
                "",
                "01",
                "1E3",
                "a",
                "a long key of many bytes",
                "b"
            ]
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(std::mem::size_of::<SKey>(), 16);
        assert_eq!(std::mem::size_of::<Kids>(), 8);
        assert_eq!(std::mem::size_of::<Entry>(), 56);
        assert_eq!(std::mem::size_of::<Root>(), 56);
    }
}
