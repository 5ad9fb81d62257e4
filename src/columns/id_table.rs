//! The id index's hash table: a number for each id (the id's own, or its event's row), found by
//! the id's hash and compared by a function the caller gives, as hashbrown's `HashTable` does.
//!
//! hashbrown's tables have a power of two slots, at most seven eighths full: a million ids take
//! 2^21 slots of five bytes (10.5 MB), where they need 1.2 million. Here a table has as many
//! slots as its numbers need at most four fifths full, whatever that count is, and grows by
//! half: a slot is the four bytes of a number and a byte of its hash, found by linear probing
//! from the slot the hash's low 32 bits map to. The measured reason is in docs/architecture.md.

/// See the module docs. Invariants: `tags` and `values` are as long, the count of slots; a
/// slot is empty when its tag is 0, else its tag is `0x80` and the top seven bits of its
/// number's hash; from the home slot of a number's hash ([`home`]) to the slot holding it, in
/// slot order wrapping at the end, no slot is empty; `len` slots are full, at most
/// [`most`] of them.
#[derive(Debug, Clone, Default)]
pub struct IdTable {
    tags: Vec<u8>,
    values: Vec<u32>,
    len: usize,
}

/// The most numbers `slots` slots hold: four fifths of them.
fn most(slots: usize) -> usize {
    slots / 5 * 4 + slots % 5 * 4 / 5
}

/// The slot of `slots` where a search for `hash` starts.
fn home(hash: u64, slots: usize) -> usize {
    ((u128::from(hash & 0xffff_ffff) * slots as u128) >> 32) as usize
}

/// The tag of a full slot whose number has `hash`.
fn tag(hash: u64) -> u8 {
    0x80 | (hash >> 57) as u8
}

impl IdTable {
    /// The bytes its slots take on the heap.
    pub fn allocation_size(&self) -> usize {
        self.tags.capacity() + super::heap_bytes(&self.values)
    }

    /// How many numbers it can hold without growing.
    #[cfg(test)]
    pub fn capacity(&self) -> usize {
        most(self.tags.len())
    }

    /// The slot holding a number with `hash` for which `eq` is true, or the empty slot where
    /// the search for one ends; `None` in a table without slots.
    fn slot(&self, hash: u64, mut eq: impl FnMut(u32) -> bool) -> Option<Result<usize, usize>> {
        let slots = self.tags.len();
        if slots == 0 {
            return None;
        }
        let want = tag(hash);
        let mut at = home(hash, slots);
        // Never full: `most` leaves a fifth of the slots empty, so the search ends.
        loop {
            match self.tags[at] {
                0 => return Some(Err(at)),
                t if t == want && eq(self.values[at]) => return Some(Ok(at)),
                _ => at = if at + 1 == slots { 0 } else { at + 1 },
            }
        }
    }

    /// The number with `hash` for which `eq` is true.
    pub fn find(&self, hash: u64, eq: impl FnMut(u32) -> bool) -> Option<u32> {
        match self.slot(hash, eq)? {
            Ok(at) => Some(self.values[at]),
            Err(_) => None,
        }
    }

    /// The number with `hash` for which `eq` is true, or `None` after adding `value` with
    /// `hash`; `rehash` gives the hash of a number held, for growing.
    pub fn find_or_insert(
        &mut self,
        hash: u64,
        value: u32,
        eq: impl FnMut(u32) -> bool,
        rehash: impl Fn(u32) -> u64,
    ) -> Option<u32> {
        if let Some(Ok(at)) = self.slot(hash, eq) {
            return Some(self.values[at]);
        }
        self.reserve(1, rehash);
        self.place(hash, value);
        None
    }

    /// Puts `value` in the first empty slot from its hash's home; there is one.
    fn place(&mut self, hash: u64, value: u32) {
        let slots = self.tags.len();
        let mut at = home(hash, slots);
        while self.tags[at] != 0 {
            at = if at + 1 == slots { 0 } else { at + 1 };
        }
        self.tags[at] = tag(hash);
        self.values[at] = value;
        self.len += 1;
    }

    /// Makes room for `more` numbers more; when it grows, at least by half, so that numbers
    /// added one by one are moved a few times, not once each.
    pub fn reserve(&mut self, more: usize, rehash: impl Fn(u32) -> u64) {
        let need = self.len.saturating_add(more);
        if need <= most(self.tags.len()) {
            return;
        }
        let least = need.saturating_add(need / 4).saturating_add(1);
        let slots = least.max(self.tags.len().saturating_add(self.tags.len() / 2));
        let tags = std::mem::replace(&mut self.tags, vec![0; slots]);
        let values = std::mem::replace(&mut self.values, vec![0; slots]);
        self.len = 0;
        for (&t, &value) in tags.iter().zip(&values) {
            if t != 0 {
                self.place(rehash(value), value);
            }
        }
    }

    /// Replaces each number held by `f` of it; `f` must keep each number's hash.
    pub fn replace_each(&mut self, mut f: impl FnMut(u32) -> u32) {
        for (&t, value) in self.tags.iter().zip(&mut self.values) {
            if t != 0 {
                *value = f(*value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A hash with few bits set apart, so that numbers collide and search past each other.
    fn crowded(value: u32) -> u64 {
        (u64::from(value % 7) << 58) | (u64::from(value % 13) << 28)
    }

    proptest! {
        /// It finds and adds as a set of the same numbers does, through growth, whatever the
        /// room made ahead and however the hashes collide.
        #[test]
        fn answers_as_a_set_does(
            values in proptest::collection::vec(0..400u32, 0..500),
            ahead in 0..100usize,
            crowd in any::<bool>(),
        ) {
            let hash = |v: u32| if crowd { crowded(v) } else { crate::hash_bytes(&v.to_le_bytes()) };
            let mut table = IdTable::default();
            table.reserve(ahead, hash);
            let mut set = std::collections::HashSet::new();
            for &v in &values {
                let found = table.find_or_insert(hash(v), v, |x| x == v, hash);
                prop_assert_eq!(found, (!set.insert(v)).then_some(v));
                prop_assert!(table.len <= table.capacity());
            }
            for v in 0..400 {
                prop_assert_eq!(table.find(hash(v), |x| x == v), set.contains(&v).then_some(v));
            }
            table.replace_each(|v| v + 1000);
            for &v in &set {
                let moved = table.find(hash(v), |x| x == v + 1000);
                prop_assert_eq!(moved, Some(v + 1000));
            }
        }
    }

    #[test]
    fn a_million_numbers_take_a_quarter_more_slots() {
        let mut table = IdTable::default();
        let hash = |v: u32| crate::hash_bytes(&v.to_le_bytes());
        table.reserve(1_000_000, hash);
        for v in 0..1_000_000 {
            assert_eq!(table.find_or_insert(hash(v), v, |x| x == v, hash), None);
        }
        assert_eq!(table.tags.len(), 1_250_001);
        assert_eq!(table.allocation_size(), 1_250_001 * 5);
        assert_eq!(most(5), 4);
        assert_eq!(most(1_250_001), 1_000_000);
    }
}
