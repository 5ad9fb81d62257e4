//! Event ids and the number of each one's event, for checking that ids are unique while a file
//! is read and for finding an event by its id afterwards.
//!
//! A large import has a million ids. A map from `String` makes a million small allocations and
//! reads three places in memory per lookup (the table's control byte, its slot, the string);
//! here the ids' text is one string and the table holds, per slot, the high half of an id's hash
//! beside its number, so most lookups read the table once and the text once.

use crate::hash::FastHasher;

/// See the module docs. Invariants: id `k` is `text[starts[k]..starts[k + 1]]` and its event is
/// `events[k]`; a slot is `0` when empty, else `(hash >> 32) << 32 | (k + 1)`; at most half the
/// slots are taken.
#[derive(Debug, Clone)]
pub struct IdIndex {
    text: String,
    starts: Vec<u32>,
    events: Vec<u32>,
    slots: Vec<u64>,
}

impl Default for IdIndex {
    fn default() -> IdIndex {
        IdIndex {
            text: String::new(),
            starts: vec![0],
            events: Vec::new(),
            slots: vec![0; 16],
        }
    }
}

fn hash(id: &str) -> u64 {
    let mut h = FastHasher::default();
    std::hash::Hasher::write(&mut h, id.as_bytes());
    std::hash::Hasher::finish(&h)
}

impl IdIndex {
    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Makes room for `ids` more ids (and their text, at the length of those so far).
    pub fn reserve(&mut self, ids: usize) {
        let per_id = self.text.len().checked_div(self.len()).unwrap_or(8);
        self.text.reserve(ids.saturating_mul(per_id));
        self.starts.reserve(ids);
        self.events.reserve(ids);
        self.grow_to(self.len() + ids);
    }

    fn id(&self, k: usize) -> &str {
        &self.text[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// The slot that holds `id`, or the empty slot where it would go.
    fn slot_of(&self, id: &str, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return slot,
                taken if taken >> 32 == h >> 32 && self.id((taken as u32) as usize - 1) == id => {
                    return slot
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The event of `id`.
    pub fn get(&self, id: &str) -> Option<u32> {
        match self.slots[self.slot_of(id, hash(id))] {
            0 => None,
            taken => Some(self.events[(taken as u32) as usize - 1]),
        }
    }

    /// The id of event `event` when ids were added in the order of their events' numbers, as an
    /// import that claims each event's id adds them.
    pub fn id_of_event(&self, event: usize) -> Option<&str> {
        (self.events.get(event) == Some(&to_u32(event))).then(|| self.id(event))
    }

    /// True when it holds `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds `id` for `event`; when `id` is there already, leaves it and returns its event.
    pub fn insert(&mut self, id: &str, event: u32) -> Option<u32> {
        let h = hash(id);
        let slot = self.slot_of(id, h);
        if let taken @ 1.. = self.slots[slot] {
            return Some(self.events[(taken as u32) as usize - 1]);
        }
        let k = self.events.len();
        self.text.push_str(id);
        self.starts.push(to_u32(self.text.len()));
        self.events.push(event);
        self.slots[slot] = tagged(h, k);
        if 2 * self.len() > self.slots.len() {
            self.grow_to(self.len());
        }
        None
    }

    /// Makes the table large enough for `ids` ids at most half full.
    fn grow_to(&mut self, ids: usize) {
        let wanted = (2 * ids + 1).next_power_of_two().max(16);
        if wanted <= self.slots.len() {
            return;
        }
        self.slots = vec![0; wanted];
        let mask = wanted - 1;
        for k in 0..self.len() {
            let h = hash(self.id(k));
            let mut slot = h as usize & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = tagged(h, k);
        }
    }
}

impl<'a> FromIterator<(&'a str, u32)> for IdIndex {
    /// The index of these ids; an id that repeats keeps its first event.
    fn from_iter<I: IntoIterator<Item = (&'a str, u32)>>(items: I) -> IdIndex {
        let mut index = IdIndex::default();
        for (id, event) in items {
            index.insert(id, event);
        }
        index
    }
}

/// A taken slot: id `k` with the high half of its hash `h`.
fn tagged(h: u64, k: usize) -> u64 {
    (h >> 32) << 32 | u64::from(to_u32(k + 1))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("ids and their text fit in 32 bits")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// It answers as a map from `String` does, through growth, repeats and empty ids.
        #[test]
        fn answers_as_a_map_does(ids in proptest::collection::vec("[a-c]{0,3}|[A-Z0-9]{4,12}", 0..300)) {
            let mut index = IdIndex::default();
            let mut map = std::collections::HashMap::new();
            for (event, id) in ids.iter().enumerate() {
                let before = map.get(id.as_str()).copied();
                prop_assert_eq!(index.insert(id, event as u32), before);
                map.entry(id.clone()).or_insert(event as u32);
            }
            prop_assert_eq!(index.len(), map.len());
            for id in &ids {
                prop_assert_eq!(index.get(id), map.get(id.as_str()).copied());
            }
            for absent in ["zzz", "a-b", "IRQ"] {
                prop_assert_eq!(index.get(absent), map.get(absent).copied());
            }
        }
    }

    #[test]
    fn room_made_ahead_keeps_every_id() {
        let mut index = IdIndex::default();
        index.reserve(1000);
        for k in 0..5000u32 {
            assert_eq!(index.insert(&format!("IRQ{k}"), k), None);
        }
        assert!(index.slots.len() >= 2 * index.len());
        assert!((0..5000).all(|k| index.get(&format!("IRQ{k}")) == Some(k)));
        assert_eq!(index.insert("IRQ7", 9), Some(7), "the first event stays");
    }
}
