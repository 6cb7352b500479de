//! The B+ tree under `Kids`: leaves of sorted entries, inner nodes of separator keys, paths
//! to an entry, and the search, step, insert and remove on them.

use super::skey::{Probe, SKey};
use super::*;

mod small;

pub(super) use small::small_leaf_int_pos;
use small::{small_leaf_entry, small_leaf_int};

#[derive(Clone)]
pub(super) struct Entry {
    pub(super) key: SKey,
    pub(super) node: Node,
}

#[derive(Clone)]
pub(super) enum BNode {
    Leaf(Vec<Entry>),
    Inner(Box<Inner>),
}

/// `keys[i]` is the lowest key that may be in `kids[i + 1]`; all keys of `kids[i]` are below.
#[derive(Clone)]
pub(super) struct Inner {
    pub(super) keys: Vec<SKey>,
    pub(super) kids: Vec<BNode>,
}

/// Where an entry is: the child index at each inner level, then the index in the leaf.
#[derive(Clone, Copy, Default)]
pub(super) struct Path {
    pub(super) depth: u8,
    pub(super) idx: [u8; MAX_DEPTH],
    pub(super) pos: u8,
}

/// The most entries of a leaf that is the whole tree read by a scan (`small_leaf_entry`).
pub(super) const SMALL_LEAF: usize = 16;

#[derive(Clone)]
pub(super) enum Root {
    One(Entry),
    Many {
        tree: BNode,
        /// Where the last answers were (checked before use).
        hint: Hint,
    },
}

/// Where the last two places looked up were, each checked before use: a walk steps from
/// the last, and a run that alternates between two places of one array (`SET a(i)=...,
/// a("k"_j,i)=...`) finds each where it left it.
#[derive(Clone, Default)]
pub(super) struct Hint {
    at: Cell<Path>,
    before: Cell<Path>,
}

impl Hint {
    /// The last place moved to `p` (a step, an entry put where the last search said).
    pub(super) fn set(&self, p: Path) {
        self.at.set(p);
    }

    /// A new place `p`: the last one is kept as the one before.
    fn moved(&self, p: Path) {
        self.before.set(self.at.get());
        self.at.set(p);
    }
}

/// The capacity a leaf of `n` entries gets when it must grow: a quarter more.
pub(super) fn grown(n: usize) -> usize {
    (n + n / 4 + 1).min(LEAF_MAX)
}

/// Puts `e` at `pos` of a leaf with room for one more entry, growing it when full.
#[inline(always)]
fn leaf_put(v: &mut Vec<Entry>, pos: usize, e: Entry) {
    if v.len() == v.capacity() {
        v.reserve_exact(grown(v.len()) - v.len());
    }
    v.insert(pos, e);
}

/// Puts a new undefined entry of key `key` at `pos` of a leaf that is the whole tree and
/// has room (under `LEAF_MAX` entries).
pub(super) fn leaf_insert(v: &mut Vec<Entry>, pos: usize, key: SKey) {
    debug_assert!(v.len() < LEAF_MAX);
    leaf_put(
        v,
        pos,
        Entry {
            key,
            node: Node::default(),
        },
    );
}

/// Takes the entry at `pos` out of a leaf.
pub(super) fn leaf_remove(v: &mut Vec<Entry>, pos: usize) -> Entry {
    let e = v.remove(pos);
    // Hand back room once a leaf is under half full (a small one keeps its room: the arrays
    // of a backtracking search shrink and grow again all the time).
    if v.capacity() > SMALL_LEAF && v.len() * 2 < v.capacity() {
        v.shrink_to(grown(v.len()));
    }
    e
}

impl BNode {
    /// The leaf that `path` leads to (None when the path no longer fits the tree).
    pub(super) fn leaf_at(&self, path: &Path) -> Option<&[Entry]> {
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

    pub(super) fn leaf_at_mut(&mut self, path: &Path) -> &mut Vec<Entry> {
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
    pub(super) fn inner_at(&self, path: &Path, level: usize) -> &Inner {
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

    /// The entry equal to `p` (Ok), with its leaf, or where it would go (Err; `pos` may be
    /// the leaf's length).
    #[inline(always)]
    pub(super) fn locate_in(&self, p: Probe) -> Result<(Path, &[Entry]), Path> {
        let mut path = Path::default();
        let mut node = self;
        loop {
            match node {
                BNode::Inner(inn) => {
                    let i = upper_bound(&inn.keys, p);
                    path.idx[path.depth as usize] = i as u8;
                    path.depth += 1;
                    node = &inn.kids[i];
                }
                BNode::Leaf(v) => {
                    return match search_leaf(v, p) {
                        Ok(i) => {
                            path.pos = i as u8;
                            Ok((path, v))
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
    pub(super) fn step_leaf(&self, mut path: Path, forward: bool) -> Option<Path> {
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
    pub(super) fn is_last_leaf(&self, path: &Path) -> bool {
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

    /// `locate`, trying first the entries at the hints and the ones after them (a walk, a
    /// read of the key just walked to, ascending SETs), then a search from the root.
    #[inline]
    pub(super) fn find(&self, p: Probe, hint: &Hint) -> Result<Path, Path> {
        self.find_in(p, hint).map(|(path, _)| path)
    }

    /// `find`, answering also the leaf the entry found is in (no second walk to it).
    /// (Out of line, with `locate_in` inside it: inlined into its callers it made them
    /// bigger and slower, a local array SET 2% more instructions.)
    #[inline(never)]
    pub(super) fn find_in(&self, p: Probe, hint: &Hint) -> Result<(Path, &[Entry]), Path> {
        if let Some(found) = self.at_hint(p, hint.at.get()) {
            if let Ok((h, _)) = found {
                hint.set(h);
            }
            return found;
        }
        let found = match self.at_hint(p, hint.before.get()) {
            Some(found) => found,
            None => self.locate_in(p),
        };
        hint.moved(match found {
            Ok((h, _)) | Err(h) => h,
        });
        found
    }

    /// What `find` answers from the entry at `h` and the one after it, when they settle it.
    #[inline(always)]
    fn at_hint(&self, p: Probe, mut h: Path) -> Option<Result<(Path, &[Entry]), Path>> {
        let leaf = self.leaf_at(&h)?;
        match leaf.get(h.pos as usize)?.key.cmp(p) {
            Ordering::Equal => Some(Ok((h, leaf))),
            Ordering::Less => {
                h.pos += 1;
                match leaf.get(h.pos as usize).map(|e| e.key.cmp(p)) {
                    Some(Ordering::Equal) => Some(Ok((h, leaf))),
                    Some(Ordering::Greater) => Some(Err(h)),
                    None if self.is_last_leaf(&h) => Some(Err(h)),
                    _ => None,
                }
            }
            Ordering::Greater => None,
        }
    }

    /// `path` itself when it names an entry, else the first entry of a later leaf.
    pub(super) fn settle_forward(&self, path: Path) -> Option<Path> {
        match self.leaf_at(&path) {
            Some(leaf) if (path.pos as usize) < leaf.len() => Some(path),
            _ => self.step_leaf(path, true),
        }
    }

    pub(super) fn next(&self, path: Path, forward: bool) -> Option<Path> {
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

    pub(super) fn edge(&self, forward: bool) -> Path {
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
    pub(super) fn insert(&mut self, path: &Path, level: usize, e: Entry) -> Option<(SKey, BNode)> {
        match self {
            BNode::Leaf(v) => {
                let pos = path.pos as usize;
                if v.len() < LEAF_MAX {
                    leaf_put(v, pos, e);
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
    pub(super) fn remove(&mut self, path: &Path, level: usize) -> Entry {
        match self {
            BNode::Leaf(v) => leaf_remove(v, path.pos as usize),
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
    pub(super) fn leaf(&self, path: &Path) -> Option<&[Entry]> {
        match self {
            Root::One(e) => (path.depth == 0).then_some(std::slice::from_ref(e)),
            Root::Many { tree, .. } => tree.leaf_at(path),
        }
    }

    pub(super) fn entry(&self, path: &Path) -> Option<&Entry> {
        self.leaf(path)?.get(path.pos as usize)
    }

    pub(super) fn locate(&self, p: Probe) -> Result<Path, Path> {
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

    pub(super) fn next(&self, path: Path, forward: bool) -> Option<Path> {
        match self {
            Root::One(_) => None,
            Root::Many { tree, .. } => tree.next(path, forward),
        }
    }

    /// The entry equal to `p`.
    #[inline]
    pub(super) fn get(&self, p: Probe) -> Option<&Entry> {
        match self {
            Root::Many { tree, hint } => {
                // A read of a small array (`$DATA(col(c))` in a backtracking search) takes
                // the short search; SETs and walks keep `find_in` as it is.
                if let BNode::Leaf(v) = tree
                    && v.len() <= SMALL_LEAF
                {
                    return small_leaf_entry(v, p);
                }
                let (path, leaf) = tree.find_in(p, hint).ok()?;
                leaf.get(path.pos as usize)
            }
            Root::One(e) => (e.key.cmp(p) == Ordering::Equal).then_some(e),
        }
    }

    /// `get` of the integer `m` (below 10^18 in magnitude).
    #[inline(always)]
    pub(super) fn get_int(&self, m: i64) -> Option<&Entry> {
        match self {
            Root::Many {
                tree: BNode::Leaf(v),
                ..
            } if v.len() <= SMALL_LEAF => small_leaf_int(v, m),
            Root::One(e) => match e.key {
                SKey::Int(k) => (k == m).then_some(e),
                _ => None,
            },
            _ => self.get(int_probe(m)),
        }
    }

    /// The entry after (or before) the place where `p` is or would be.
    pub(super) fn beside(&self, p: Probe, forward: bool) -> Option<&Entry> {
        if let Root::Many { tree, hint } = self {
            // The last answer is usually the key asked about now, and the next one is
            // beside it in the same leaf.
            let next = match tree.find_in(p, hint) {
                Ok((mut path, leaf)) => {
                    let pos = path.pos as usize;
                    let beside = if forward {
                        pos + 1
                    } else {
                        pos.wrapping_sub(1)
                    };
                    if let Some(e) = leaf.get(beside) {
                        path.pos = beside as u8;
                        hint.set(path);
                        return Some(e);
                    }
                    tree.next(path, forward)
                }
                Err(path) if forward => tree.settle_forward(path),
                Err(path) => tree.next(path, false),
            };
            let n = next?;
            hint.set(n);
            return tree.leaf_at(&n)?.get(n.pos as usize);
        }
        let path = match (self.locate(p), forward) {
            (Err(path), true) if path.pos == 0 => path,
            (Err(path), false) if path.pos == 1 => Path::default(),
            _ => return None,
        };
        self.entry(&path)
    }

    pub(super) fn edge(&self, forward: bool) -> Path {
        match self {
            Root::One(_) => Path::default(),
            Root::Many { tree, .. } => tree.edge(forward),
        }
    }
}

// The two searches are written out: through `partition_point`/`binary_search_by` the
// compiler left their closures out of line once the key type lived in a module of its own
// (a local array SET took 7% more instructions).

/// The number of separator keys at or below `p` (the child to descend into).
#[inline(always)]
fn upper_bound(keys: &[SKey], p: Probe) -> usize {
    let (mut lo, mut hi) = (0, keys.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if keys[mid].cmp(p) == Ordering::Greater {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// The index of the entry equal to `p` (Ok) or where it would go (Err).
#[inline(always)]
fn search_leaf(entries: &[Entry], p: Probe) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0, entries.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match entries[mid].key.cmp(p) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}
