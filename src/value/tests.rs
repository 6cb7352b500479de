//! Unit tests of `Value`.

use super::*;

#[test]
fn splice_in_place_only_in_a_sole_buffer_with_room() {
    let mut v = Value::from_bytes("123456789012345678^abc");
    assert_eq!(v.num().to_i64(), 123456789012345678);
    assert!(v.splice_in_place(0, 18, b"999999999999999999"));
    assert_eq!(v.bytes(), b"999999999999999999^abc");
    // The number cached for the old text is gone.
    assert_eq!(v.num().to_i64(), 999999999999999999);
    let shared = v.clone();
    assert!(!v.splice_in_place(19, 22, b"xyz"));
    assert_eq!(shared.bytes(), b"999999999999999999^abc");
    drop(shared);
    // Shorter: the tail moves down and the buffer keeps its room.
    assert!(v.splice_in_place(0, 18, b"1234567890123456"));
    assert_eq!(v.bytes(), b"1234567890123456^abc");
    assert!(v.splice_in_place(17, 20, b"abcde"));
    assert_eq!(v.bytes(), b"1234567890123456^abcde");
    assert!(!v.splice_in_place(17, 22, b"abcdefg"));
    assert!(!v.splice_in_place(0, 22, b"short"));
    assert_eq!(v.bytes(), b"1234567890123456^abcde");
}

#[test]
fn lazy_forms() {
    let v = Value::from("3abc");
    assert_eq!(v.num(), Number::from_i64(3));
    assert!(!v.is_canonical_number());
    let n = Value::from_num(Number::parse(b".50"));
    assert_eq!(n.bytes(), b".5");
    assert!(n.is_canonical_number());
    assert!(Value::from("1").is_canonical_number());
    assert!(!Value::from("01").is_canonical_number());
    assert!(!Value::from("0.0").truth());
    assert!(Value::from("1abc").truth());
}

#[test]
fn sizes() {
    use std::mem::size_of;
    assert_eq!(size_of::<Value>(), 32);
    assert_eq!(size_of::<Option<Value>>(), 32);
    assert_eq!(size_of::<crate::error::MResult<Value>>(), 32);
}

/// Strings on both sides of the inline limit, made every way, keep their bytes.
#[test]
fn inline_heap_boundary() {
    for len in [0, 1, INLINE - 1, INLINE, INLINE + 1, 100] {
        let b: Vec<u8> = (0..len).map(|i| (i * 37 % 256) as u8).collect();
        let made = [
            Value::from_bytes(&b),
            Value::from(b.clone()),
            Value::from_rc(Rc::from(&b[..])),
            Value::concat(&b[..len / 2], &b[len / 2..]),
            Value::concat_all(&[&b[..len / 3], &b[len / 3..len / 2], &b[len / 2..]]),
        ];
        for v in made {
            assert_eq!(v.bytes(), &b[..]);
            assert_eq!(v.len(), len);
            assert_eq!(v.heap().is_some(), len > INLINE || v.state.get() == HEAP);
            let c = v.clone();
            drop(v);
            assert_eq!(c.bytes(), &b[..]);
            assert_eq!(&c.rc()[..], &b[..]);
        }
    }
    assert!(Value::from_bytes([0u8; INLINE]).heap().is_none());
    assert!(Value::from_bytes([0u8; INLINE + 1]).heap().is_some());
}

/// A long text rewritten in the buffer its value owns, or a new one when it is shared
/// or too small.
#[test]
fn rewrite_in_own_buffer() {
    let mut v = Value::from_bytes([b'a'; 20]);
    assert!(v.owns_buffer());
    // Too small: a new buffer with room, then rewritten where it lies.
    v.rewrite_long(30, |b| b.fill(b'b'));
    assert_eq!(v.bytes(), &[b'b'; 30][..]);
    assert_eq!(v.num(), Number::ZERO);
    // Room enough: the same buffer, and the number cached for the old text is gone.
    let p = v.shared_ptr();
    v.rewrite_long(17, |b| b.copy_from_slice(b"12345678901234567"));
    assert_eq!(v.shared_ptr(), p);
    assert_eq!(v.num(), Number::from_i64(12345678901234567));
    v.rewrite_long(25, |b| b.fill(b'7'));
    assert_eq!(v.bytes(), &[b'7'; 25][..]);
    // Shared: not owned, so the caller makes a new value instead.
    let c = v.clone();
    assert!(!v.owns_buffer());
    assert_eq!(c.bytes(), &[b'7'; 25][..]);
    assert!(!Value::from("short").owns_buffer());
}

/// Appending keeps the text of every value sharing the old one, drops the cached number,
/// and grows a sole owner's buffer in place.
#[test]
fn append_in_place_and_shared() {
    let mut v = Value::from_i64(12);
    assert_eq!(v.num(), Number::from_i64(12));
    v.append(b"3");
    assert_eq!(v.bytes(), b"123");
    assert_eq!(v.num(), Number::from_i64(123));
    let mut want = b"123".to_vec();
    let mut kept = Vec::new();
    for i in 0..200u8 {
        let tail = [b'a' + i % 26; 3];
        v.append(&tail[..(i % 4) as usize]);
        want.extend_from_slice(&tail[..(i % 4) as usize]);
        assert_eq!(v.bytes(), &want[..]);
        if i % 37 == 0 {
            kept.push((v.clone(), want.clone()));
        }
    }
    for (k, w) in &kept {
        assert_eq!(k.bytes(), &w[..]);
        assert_eq!(k.clone().bytes(), &w[..]);
    }
    // A buffer with room, written in place: the address stays.
    let p = v.shared_ptr();
    v.append(b"z");
    assert_eq!(v.shared_ptr(), p);
    // Shared: the other owner keeps its text, the appender gets a new buffer.
    let c = v.clone();
    v.append(b"!");
    assert_ne!(v.shared_ptr(), c.shared_ptr());
    assert_eq!(&v.bytes()[..c.len()], c.bytes());
    assert_eq!(v.len(), c.len() + 1);
    assert!(c.heap().is_none() && c.rc()[..] == *c.bytes());
    let mut n = Value::from("5");
    assert!(n.is_canonical_number());
    n.append(b"0");
    assert!(n.is_canonical_number() && n.num() == Number::from_i64(50));
    n.append(b".");
    assert!(!n.is_canonical_number());
    let mut lit = Value::from_rc(Rc::from(&b""[..]));
    lit.append(b"ab");
    assert_eq!(lit.bytes(), b"ab");
    assert!(lit.shared_ptr().is_none());
}

#[test]
fn every_byte() {
    let all: Vec<u8> = (0..=255).collect();
    let v = Value::from_bytes(&all);
    assert_eq!(v.bytes(), &all[..]);
    for c in 0..=255u8 {
        let one = Value::from_bytes([c]);
        assert_eq!(one.bytes(), [c]);
        assert_eq!(Value::concat(one.bytes(), &[255 - c]).bytes(), [c, 255 - c]);
    }
}

/// A number's text is made on first use, inline or (when long) in a buffer, and the
/// number stays as it was.
#[test]
fn numbers_to_text() {
    let big = format!("1{}", "0".repeat(46));
    let cases: &[&str] = &[
        "0",
        "-1",
        "123456789012345",
        "1234567890123456",
        "12345678901234567",
        "-123456789012345678",
        ".000001",
        "-1.5",
        &big,
    ];
    for &t in cases {
        let n = Number::parse(t.as_bytes());
        let v = Value::from_num(n);
        let c = v.clone();
        assert_eq!(v.bytes(), t.as_bytes());
        assert_eq!(v.bytes(), t.as_bytes());
        assert_eq!(v.heap().is_some(), t.len() > INLINE);
        assert_eq!(v.num(), n);
        assert!(v.is_canonical_number());
        assert_eq!(c.to_text(), t);
        assert_eq!(v.clone().bytes(), t.as_bytes());
    }
    assert_eq!(Value::from_i64(i64::MIN).to_text(), "-9223372036854775800");
}

#[test]
fn splice_in_place_or_anew() {
    let text = b"first^second^third^fourth^fifth";
    // A value made from a literal shares nothing here but has no room: a new buffer of the
    // exact size, the old text kept by its other owner.
    let mut v = Value::from_bytes(text);
    let other = v.clone();
    v.splice(6, 12, b"2nd");
    assert_eq!(v.bytes(), b"first^2nd^third^fourth^fifth");
    assert_eq!(other.bytes(), text);
    // A sole owner grows into a buffer with room, then is written in place.
    v.splice(0, 5, b"a much longer first field");
    assert_eq!(
        v.bytes(),
        b"a much longer first field^2nd^third^fourth^fifth"
    );
    let at = v.shared_ptr();
    v.splice(0, 1, b"A");
    v.splice(26, 29, b"second!");
    assert_eq!(
        v.bytes(),
        b"A much longer first field^second!^third^fourth^fifth"
    );
    assert_eq!(v.shared_ptr(), at);
    // Short results are inline.
    v.splice(5, v.len(), b"");
    assert_eq!(v.bytes(), b"A muc");
    assert!(v.shared_ptr().is_none());
    let mut n = Value::from_i64(1234567);
    n.splice(1, 3, b"x");
    assert_eq!(n.bytes(), b"1x4567");
    assert_eq!(n.num().to_i64(), 1);
}

/// One byte at a time (`SET s=s_c`): inline, then in the value's own buffer; a shared
/// buffer is left as it is, and MAXSTRLEN refuses the byte without a change.
#[test]
fn push_byte_grows_in_place_and_never_into_a_shared_buffer() {
    let mut v = Value::from("9");
    assert_eq!(v.num(), Number::from_i64(9));
    let mut want = b"9".to_vec();
    for i in 0..100u8 {
        assert!(v.push_byte_within(b'0' + i % 10, 1000));
        want.push(b'0' + i % 10);
        assert_eq!(v.bytes(), &want[..]);
    }
    assert_eq!(v.num(), Number::parse(&want));
    let c = v.clone();
    assert!(v.push_byte_within(b'x', 1000));
    assert_eq!(c.bytes(), &want[..]);
    want.push(b'x');
    assert_eq!(v.bytes(), &want[..]);
    assert!(!v.push_byte_within(b'y', want.len()));
    assert_eq!(v.bytes(), &want[..]);
}
