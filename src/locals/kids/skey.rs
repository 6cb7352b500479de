//! A stored subscript of the tree (16 bytes: a number as its parts, a short string inline,
//! a longer one behind a pointer) and the probe a look-up compares it with.

use super::*;

/// Longest string subscript kept inline.
pub(super) const SHORT: usize = 14;

/// A stored subscript (16 bytes). An integer below 10^18 in magnitude (a number with
/// exponent 0) is always an `Int`, never a `Num`: a scan for an integer compares the tag
/// and the integer, not the exponent too.
#[derive(Clone)]
pub(super) enum SKey {
    Int(i64),
    Num { exp: i32, mant: i64 },
    Short { len: u8, bytes: [u8; SHORT] },
    Long(Long),
}

/// A string subscript longer than `SHORT` bytes, in one allocation: its length, then its
/// bytes (a shared `Rc<[u8]>` would cost a second pointer word in every key).
pub(super) struct Long(NonNull<u8>);

pub(super) const LEN: usize = std::mem::size_of::<usize>();

impl Long {
    pub(super) fn layout(len: usize) -> Layout {
        // M strings are at most 1 MiB, far below isize::MAX.
        Layout::from_size_align(LEN + len, LEN).expect("a subscript's length fits a layout")
    }

    pub(super) fn new(b: &[u8]) -> Long {
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

    pub(super) fn bytes(&self) -> &[u8] {
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

/// A subscript being looked for. A string comes with its first 16 bytes as a big-endian
/// number, zero-padded (`head`): a short key compares with it in two instructions, not a
/// call of `memcmp` (a search compares a probe with a dozen keys).
#[derive(Clone, Copy)]
pub(super) enum Probe<'a> {
    Num(Number),
    Str(&'a [u8], u128),
}

/// The first 16 bytes of `s` as a big-endian number, zero-padded. Two strings padded alike
/// compare as their heads when these differ; when they are equal, the shorter string is a
/// prefix of the other followed by zero bytes, hence the lesser.
#[inline]
fn head(s: &[u8]) -> u128 {
    let mut b = [0u8; 16];
    let n = s.len().min(16);
    b[..n].copy_from_slice(&s[..n]);
    u128::from_be_bytes(b)
}

/// `head` of a short key's bytes (zero-padded by `of_probe`).
#[inline(always)]
fn short_head(bytes: &[u8; SHORT]) -> u128 {
    let mut b = [0u8; 16];
    b[..SHORT].copy_from_slice(bytes);
    u128::from_be_bytes(b)
}

impl<'a> Probe<'a> {
    pub(super) fn of(k: &'a Key) -> Probe<'a> {
        match k {
            Key::Num(n) => Probe::Num(*n),
            Key::Str(s) => Probe::string(s.bytes()),
        }
    }

    /// The subscript a value makes (as `Key::from_value`, without making the key).
    #[inline]
    pub(super) fn of_value(v: &'a Value) -> Probe<'a> {
        if v.is_canonical_number() {
            Probe::Num(v.num())
        } else {
            Probe::string(v.bytes())
        }
    }

    #[inline]
    pub(super) fn string(s: &'a [u8]) -> Probe<'a> {
        Probe::Str(s, head(s))
    }
}

impl SKey {
    pub(super) fn of_probe(p: Probe) -> SKey {
        match p {
            Probe::Num(n) => match n.parts() {
                (mant, 0) => SKey::Int(mant),
                (mant, exp) => SKey::Num { exp, mant },
            },
            Probe::Str(s, _) if s.len() <= SHORT => {
                let mut bytes = [0; SHORT];
                bytes[..s.len()].copy_from_slice(s);
                SKey::Short {
                    len: s.len() as u8,
                    bytes,
                }
            }
            Probe::Str(s, _) => SKey::Long(Long::new(s)),
        }
    }

    pub(super) fn key(&self) -> Key {
        match self {
            SKey::Int(i) => Key::Num(Number::from_parts(*i, 0)),
            SKey::Num { exp, mant } => Key::Num(Number::from_parts(*mant, *exp)),
            SKey::Short { len, bytes } => Key::string(&bytes[..*len as usize]),
            SKey::Long(s) => Key::string(s.bytes()),
        }
    }

    /// The value of the key (`key().to_value()` without the key).
    pub(super) fn value(&self) -> Value {
        match self {
            SKey::Int(i) => Value::from_num(Number::from_parts(*i, 0)),
            SKey::Num { exp, mant } => Value::from_num(Number::from_parts(*mant, *exp)),
            SKey::Short { len, bytes } => Value::from_noncanonical(&bytes[..*len as usize]),
            SKey::Long(s) => Value::from_noncanonical(s.bytes()),
        }
    }

    /// M collation: numbers first in numeric order, then strings by bytes.
    #[inline(always)]
    pub(super) fn cmp(&self, p: Probe) -> Ordering {
        match p {
            Probe::Num(n) => match self {
                // Integers below 10^18 (exponent 0) compare as plain integers.
                SKey::Int(i) => match n.parts() {
                    (m, 0) => i.cmp(&m),
                    _ => number_cmp(*i, 0, n),
                },
                SKey::Num { exp, mant } => number_cmp(*mant, *exp, n),
                _ => Ordering::Greater,
            },
            Probe::Str(s, head) => match self {
                SKey::Short { len, bytes } => match short_head(bytes).cmp(&head) {
                    Ordering::Equal => (*len as usize).cmp(&s.len()),
                    unequal => unequal,
                },
                SKey::Long(b) => b.bytes().cmp(s),
                _ => Ordering::Less,
            },
        }
    }
}

/// The order of the number `mant * 10^exp` against `n`, when either is not an integer
/// below 10^18 (rare: out of line, so that a search's loop stays small).
#[cold]
#[inline(never)]
fn number_cmp(mant: i64, exp: i32, n: Number) -> Ordering {
    Number::from_parts(mant, exp).cmp(&n)
}
