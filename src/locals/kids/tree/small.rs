//! The searches of a tree that is one leaf of a few entries (`SMALL_LEAF`): scans, an
//! integer subscript compared as one.

use super::*;

/// The entry equal to `p` in a tree that is one leaf of a few entries (the arrays of a
/// backtracking search, `col(c)`): found by a scan from its start, an integer subscript
/// compared as one (checking the hints first costs more at this size). (Out of line, so
/// that the look-ups of other arrays stay as they were.)
#[inline(never)]
pub(super) fn small_leaf_entry<'a>(v: &'a [Entry], p: Probe) -> Option<&'a Entry> {
    let found = match p {
        Probe::Num(n) if n.parts().1 == 0 => scan_for_integer(v, n.parts().0),
        _ => None,
    };
    v.get(found.unwrap_or_else(|| scan_leaf(v, p)).ok()?)
}

/// `small_leaf_entry` of the integer `m`: a scan comparing integers as they are.
#[inline(always)]
pub(super) fn small_leaf_int(v: &[Entry], m: i64) -> Option<&Entry> {
    for e in v {
        match e.key {
            SKey::Int(k) if k < m => {}
            SKey::Int(k) => return (k == m).then_some(e),
            // A fraction or a number past 10^18 is compared the general way.
            SKey::Num { .. } => return small_leaf_entry(v, int_probe(m)),
            // Strings come after every number.
            _ => return None,
        }
    }
    None
}

/// Where the integer `m` (below 10^18 in magnitude) is (Ok) or would go (Err) in a leaf
/// of a few entries that is the whole tree, for a SET or KILL, by a scan. The scan starts
/// where the last one ended when the key before that place is below `m` (`SET x(i)` after
/// `KILL x(j)`, j<i, in a loop), else at the start. (A read scans from the start: checking
/// the place costs it more than it saves.)
#[inline(always)]
pub(in crate::locals::kids) fn small_leaf_int_pos(
    v: &[Entry],
    m: i64,
    hint: &Hint,
) -> Result<usize, usize> {
    let h = hint.at.get();
    let from = h.pos as usize;
    let mut i = match v.get(from.wrapping_sub(1)) {
        Some(e) if h.depth == 0 && matches!(e.key, SKey::Int(k) if k < m) => from,
        _ => 0,
    };
    let found = loop {
        let Some(e) = v.get(i) else { break Err(i) };
        match e.key {
            SKey::Int(k) if k < m => i += 1,
            SKey::Int(k) if k == m => break Ok(i),
            SKey::Int(_) => break Err(i),
            // A fraction or a number past 10^18 is compared the general way.
            SKey::Num { .. } => break scan_leaf(v, int_probe(m)),
            // Strings come after every number.
            _ => break Err(i),
        }
    };
    let (Ok(at) | Err(at)) = found;
    hint.set(Path {
        pos: at as u8,
        ..Path::default()
    });
    found
}

/// Where the integer `m` (a number with exponent 0) is (Ok) or would go (Err) among the
/// entries; None when a key that is a number with a fraction or exponent comes first.
#[inline(always)]
fn scan_for_integer(v: &[Entry], m: i64) -> Option<Result<usize, usize>> {
    for (i, e) in v.iter().enumerate() {
        match e.key {
            SKey::Int(k) if k < m => {}
            SKey::Int(k) if k == m => return Some(Ok(i)),
            SKey::Int(_) => return Some(Err(i)),
            SKey::Num { .. } => return None,
            // Strings come after every number.
            _ => return Some(Err(i)),
        }
    }
    Some(Err(v.len()))
}

/// The index of the entry equal to `p` (Ok), or where it would go (Err): the first whose
/// key is greater.
#[inline(always)]
fn scan_leaf(v: &[Entry], p: Probe) -> Result<usize, usize> {
    for (i, e) in v.iter().enumerate() {
        match e.key.cmp(p) {
            Ordering::Less => {}
            Ordering::Equal => return Ok(i),
            Ordering::Greater => return Err(i),
        }
    }
    Err(v.len())
}
