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
    // Around 16 keys: reads of a one-leaf tree scan it, a bigger one is searched.
    for seed in 0..20 {
        check_against_model(seed, 2_000, 4);
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

/// The integer paths (`get_int`, `get_or_create_int`, `remove_int`) against a sorted map,
/// in arrays of around `SMALL_LEAF` keys where integers mix with fractions, numbers past
/// 10^18 and strings, and in bigger ones.
#[allow(clippy::mutable_key_type)]
#[test]
fn integer_operations_match_a_sorted_map() {
    for (seed, spread) in (0..40).map(|s| (s, 12 + s % 3 * 4)).chain([(99, 400)]) {
        let mut rng = Rng(seed);
        let mut kids = Kids::default();
        let mut model: BTreeMap<Key, i64> = BTreeMap::new();
        for step in 0..3_000 {
            let r = rng.next();
            let i = (r % spread) as i64 - 3;
            let key = Key::Num(Number::from_i64(i));
            match rng.next() % 12 {
                0..=4 => {
                    kids.get_or_create_int(i).value = Some(Value::from_i64(step));
                    model.insert(key.clone(), step);
                }
                5..=7 => {
                    kids.remove_int(i);
                    model.remove(&key);
                }
                // Others among them, made the general way.
                8 => {
                    let other = match r >> 40 & 3 {
                        0 => k(&format!("{i}.5")),
                        1 => k("1000000000000000000"),
                        2 => k(&format!("s{i}")),
                        _ => k("-2000000000000000000"),
                    };
                    kids.get_or_create(&other).value = Some(Value::from_i64(step));
                    model.insert(other, step);
                }
                _ => {}
            }
            let got = kids
                .get_int(i)
                .and_then(|n| n.value.as_ref())
                .map(|v| v.int());
            assert_eq!(got, model.get(&key).copied(), "seed {seed} step {step}");
            assert_eq!(kids.is_empty(), model.is_empty());
        }
        let all: Vec<Key> = kids.iter().map(|(k, _)| k).collect();
        let want: Vec<Key> = model.keys().cloned().collect();
        assert_eq!(all, want);
    }
}
