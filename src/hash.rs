//! The core's own lookup tables (ids, names, words): [`FastMap`], [`FastSet`] and the
//! open-addressed [`Slots`] under them, with the fast hash they use.
//!
//! The standard library's SipHash is built to resist chosen collisions when its keys are secret,
//! but WebAssembly has no secret to key it with, so in the browser it buys nothing for its cost.
//! This is the multiply-and-rotate hash compilers use for their symbol tables, eight bytes at a
//! time: a third of the time of SipHash on short keys.

use std::borrow::Borrow;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

/// A map from keys to values, kept in the order they were put in and found by [`FastHasher`]
/// through [`Slots`]. The core's maps only grow, so this is all they need of the standard
/// library's `HashMap`, whose code was 4 KB of the page's engine gzipped; iterating it is in
/// insertion order, the same on every run.
#[derive(Debug, Clone)]
pub struct FastMap<K, V> {
    entries: Vec<(K, V)>,
    slots: Slots,
}

/// A set, kept in the order its items were put in: a [`FastMap`] to nothing.
#[derive(Debug, Clone)]
pub struct FastSet<T>(FastMap<T, ()>);

impl<T> Default for FastSet<T> {
    fn default() -> Self {
        FastSet(FastMap::default())
    }
}

/// The hash of `bytes` for the tables that keep their own keys ([`Slots`]' owners: ids, words).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FastHasher::default();
    h.write(bytes);
    h.finish()
}

/// The hash of `key` for [`FastMap`]: the same for a `String` and its `&str`.
fn hash_of<Q: Hash + ?Sized>(key: &Q) -> u64 {
    BuildHasherDefault::<FastHasher>::default().hash_one(key)
}

impl<K, V> Default for FastMap<K, V> {
    fn default() -> Self {
        FastMap {
            entries: Vec::new(),
            slots: Slots::with_room(0),
        }
    }
}

impl<K: Hash + Eq, V> FastMap<K, V> {
    /// Where `key`, of hash `h`, is in `entries` (`Ok`), or the empty slot it would take (`Err`).
    fn find<Q: Hash + Eq + ?Sized>(&self, key: &Q, h: u64) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.slots.find(h, |n| self.entries[n].0.borrow() == key)
    }

    /// The value of `key`, if it has one.
    pub fn get<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key, hash_of(key))
            .ok()
            .map(|n| &self.entries[n].1)
    }

    /// True when `key` has a value.
    pub fn contains_key<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key, hash_of(key)).is_ok()
    }

    /// The value of `key`, made by `make` and put in first when it has none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let h = hash_of(&key);
        let n = match self.find(&key, h) {
            Ok(n) => n,
            Err(slot) => self.push(slot, h, key, make()),
        };
        &mut self.entries[n].1
    }

    /// Gives `key` the value `value`; returns the value it had, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let h = hash_of(&key);
        match self.find(&key, h) {
            Ok(n) => Some(std::mem::replace(&mut self.entries[n].1, value)),
            Err(slot) => {
                self.push(slot, h, key, value);
                None
            }
        }
    }

    /// Puts a new entry, of hash `h`, in the empty `slot` that [`FastMap::find`] gave; returns
    /// its number.
    fn push(&mut self, slot: usize, h: u64, key: K, value: V) -> usize {
        let n = self.entries.len();
        self.entries.push((key, value));
        self.slots.put(slot, h, n);
        n
    }
}

impl<K, V> FastMap<K, V> {
    /// How many keys have a value.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The keys and their values, in the order they were put in.
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// The value of a key that has one; panics otherwise, as a slice does out of its bounds.
impl<K: Hash + Eq + Borrow<Q>, Q: Hash + Eq + ?Sized, V> std::ops::Index<&Q> for FastMap<K, V> {
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("the key has no value in this map"),
        }
    }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for FastMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = FastMap::default();
        for (key, value) in items {
            map.insert(key, value);
        }
        map
    }
}

impl<T: Hash + Eq> FastSet<T> {
    /// Puts `item` in; false when it was in already.
    pub fn insert(&mut self, item: T) -> bool {
        self.0.insert(item, ()).is_none()
    }

    /// True when `item` is in.
    pub fn contains<Q: Hash + Eq + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(item)
    }
}

impl<T: Hash + Eq> FromIterator<T> for FastSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = FastSet::default();
        for item in items {
            set.insert(item);
        }
        set
    }
}

/// See the module docs.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Words are put together byte by byte, which compiles to one load where a copy into
        // an array would call `memcpy` in the size-optimised wasm build.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |word, &b| (word << 8) | u64::from(b));
            self.add(word ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // A multiply leaves the high bits strongest, but they owe nothing to the input's high
        // bits; folding the high half into the low one and multiplying again makes every bit
        // count in them. [`Slots`] takes its buckets from the top bits.
        (self.0 ^ (self.0 >> 32)).wrapping_mul(K)
    }
}

/// Open addressing over numbered items (words, ids) whose keys their owner keeps: the table
/// holds, per slot, the high half of an item's hash beside its number, so most misses are told
/// apart without reading the key. A slot is `0` when empty, else `(hash >> 32) << 32 | (n + 1)`.
/// An item's bucket is the top bits of its hash (the table has a power of two slots), so the
/// slot alone places it again when the table grows. At most half the slots are taken, so probes
/// stay short.
#[derive(Debug, Clone)]
pub(crate) struct Slots(Vec<u64>);

impl Slots {
    /// A table with room for `items` items.
    pub fn with_room(items: usize) -> Slots {
        let mut slots = Slots(vec![0; 16]);
        slots.grow_to(items);
        slots
    }

    /// How many slots it has.
    #[cfg(test)]
    pub fn slot_count(&self) -> usize {
        self.0.len()
    }

    /// The first slot to probe for hash `h`: its top bits, as many as the table's size needs.
    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.0.len().trailing_zeros())) as usize
    }

    /// The item with hash `h` for which `same` holds (`Ok`), or the empty slot where it would
    /// go (`Err`).
    pub fn find(&self, h: u64, same: impl Fn(usize) -> bool) -> Result<usize, usize> {
        let mask = self.0.len() - 1;
        let mut slot = self.bucket(h);
        loop {
            match self.0[slot] {
                0 => return Err(slot),
                taken if taken >> 32 == h >> 32 && same((taken as u32) as usize - 1) => {
                    return Ok((taken as u32) as usize - 1)
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Puts item `n`, with hash `h`, in the empty `slot` that [`Slots::find`] gave; then makes
    /// room for `n + 1` items.
    pub fn put(&mut self, slot: usize, h: u64, n: usize) {
        self.0[slot] = tagged(h, n);
        self.grow_to(n + 1);
    }

    /// Makes room for `items` items at most half full, placing again those already in.
    pub fn grow_to(&mut self, items: usize) {
        let wanted = (2 * items + 1).next_power_of_two().max(16);
        if wanted <= self.0.len() {
            return;
        }
        let old = std::mem::replace(&mut self.0, vec![0; wanted]);
        let mask = wanted - 1;
        for taken in old.into_iter().filter(|&s| s != 0) {
            let mut slot = self.bucket(taken);
            while self.0[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.0[slot] = taken;
        }
    }
}

/// A taken slot: item `n` with the high half of its hash `h`.
fn tagged(h: u64, n: usize) -> u64 {
    (h >> 32) << 32 | u64::from(u32::try_from(n + 1).expect("fewer than 2^32 items"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash<T: Hash>(value: &T) -> u64 {
        hash_of(value)
    }

    #[test]
    fn bytes_go_in_eight_at_a_time_little_end_first() {
        // The definition: each full eight bytes as a little-endian word, then the rest padded
        // with zeros and its length in the top byte.
        fn reference(bytes: &[u8]) -> u64 {
            let mut h = FastHasher::default();
            let mut chunks = bytes.chunks_exact(8);
            for chunk in &mut chunks {
                h.add(u64::from_le_bytes(chunk.try_into().unwrap()));
            }
            let rest = chunks.remainder();
            if !rest.is_empty() {
                let mut word = [0u8; 8];
                word[..rest.len()].copy_from_slice(rest);
                h.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
            }
            h.finish()
        }
        let text: Vec<u8> = (1..=40u8).map(|i| i.wrapping_mul(37)).collect();
        for len in 0..=text.len() {
            assert_eq!(
                hash_bytes(&text[..len]),
                reference(&text[..len]),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn different_keys_spread_and_equal_keys_agree() {
        assert_eq!(hash(&"baghdad"), hash(&"baghdad".to_string()));
        assert_ne!(hash(&"a"), hash(&"a\0"));
        assert_ne!(hash(&("ab", "c")), hash(&("a", "bc")));
        // Ten thousand similar keys land in nearly as many of 16,384 buckets (the top 14 bits of
        // the hash, as `Slots` takes them) as random ones would; so do keys of eight bytes that
        // differ in their last byte only, and small numbers.
        let spread = |keys: Vec<u64>| {
            let buckets: std::collections::HashSet<u64> = keys.iter().map(|h| h >> 50).collect();
            buckets.len()
        };
        let similar = spread((0..10_000).map(|i| hash(&format!("IRQ{i}"))).collect());
        assert!(similar > 7_000, "{similar}");
        let last_byte = spread(
            (0..=255u8)
                .map(|b| hash(&[b'e', b'v', b'e', b'n', b't', b'-', b'0', b]))
                .collect(),
        );
        assert!(last_byte > 240, "{last_byte}");
        let numbers = spread((0..10_000usize).map(|n| hash(&n)).collect());
        assert!(numbers > 7_000, "{numbers}");
        let mut map: FastMap<String, usize> = FastMap::default();
        for i in 0..1000 {
            map.insert(format!("word{i}"), i);
        }
        assert_eq!(map.get("word517"), Some(&517));
    }

    #[test]
    fn a_map_keeps_its_keys_in_the_order_they_came() {
        let mut map: FastMap<String, u32> = FastMap::default();
        for word in ["qayyarah", "baghdad", "al-asad", "erbil"] {
            map.insert(word.to_string(), word.len() as u32);
        }
        assert_eq!(map.insert("baghdad".to_string(), 0), Some(7));
        *map.get_or_insert_with("erbil".to_string(), || 99) += 1;
        map.get_or_insert_with("kirkuk".to_string(), || 6);
        let entries: Vec<(&str, u32)> = map.iter().map(|(k, &v)| (k.as_str(), v)).collect();
        assert_eq!(
            entries,
            [
                ("qayyarah", 8),
                ("baghdad", 0),
                ("al-asad", 7),
                ("erbil", 6),
                ("kirkuk", 6)
            ]
        );
        assert_eq!(map["al-asad"], 7);
        assert!(!map.contains_key("mosul"));
    }

    proptest::proptest! {
        #[test]
        fn a_map_answers_as_the_standard_library_does(
            steps in proptest::collection::vec((0u16..400, proptest::prelude::any::<u32>()), 0..2000),
        ) {
            let mut ours: FastMap<u16, u32> = FastMap::default();
            let mut std = std::collections::HashMap::new();
            for &(key, value) in &steps {
                if value % 3 == 0 {
                    proptest::prop_assert_eq!(ours.get(&key), std.get(&key));
                } else {
                    proptest::prop_assert_eq!(ours.insert(key, value), std.insert(key, value));
                }
            }
            proptest::prop_assert_eq!(ours.len(), std.len());
            for key in 0..400 {
                proptest::prop_assert_eq!(ours.get(&key), std.get(&key));
            }
        }
    }
}
