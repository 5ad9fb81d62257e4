//! Event ids and the number of each one's event, for checking that ids are unique while a file
//! is read and for finding an event by its id afterwards.
//!
//! A large import has a million ids. A map from `String` makes a million small allocations; here
//! the ids' text is one string, and a hashbrown table holds each id's number (four bytes and a
//! control byte a slot), found by the id's hash and compared with its text.

use hashbrown::HashTable;

use crate::hash_bytes;

/// See the module docs. Invariants: id `k` is `text[starts[k]..starts[k + 1]]` and its event is
/// `events[k]`; `table` holds every `k`, placed by the hash of id `k`.
#[derive(Debug, Clone)]
pub struct IdIndex {
    text: String,
    starts: Vec<u32>,
    events: Vec<u32>,
    table: HashTable<u32>,
}

impl Default for IdIndex {
    fn default() -> IdIndex {
        IdIndex {
            text: String::new(),
            starts: vec![0],
            events: Vec::new(),
            table: HashTable::new(),
        }
    }
}

impl IdIndex {
    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    #[cfg(any(feature = "importers", test))]
    /// Makes room for `ids` more ids (and their text, at the length of those so far).
    pub fn reserve(&mut self, ids: usize) {
        let per_id = self.text.len().checked_div(self.len()).unwrap_or(8);
        self.text.reserve(ids.saturating_mul(per_id));
        self.starts.reserve(ids);
        self.events.reserve(ids);
        let (text, starts) = (&self.text, &self.starts);
        self.table
            .reserve(ids, |&k| hash_bytes(id_in(text, starts, k).as_bytes()));
    }

    /// The bytes it holds on the heap: the ids' text, where each starts, their events and the
    /// table.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + super::heap_bytes(&self.starts)
            + super::heap_bytes(&self.events)
            + self.table.allocation_size()
    }

    /// The event of `id`.
    pub fn get(&self, id: &str) -> Option<u32> {
        let (text, starts) = (&self.text, &self.starts);
        let &k = self
            .table
            .find(hash_bytes(id.as_bytes()), |&k| id_in(text, starts, k) == id)?;
        Some(self.events[k as usize])
    }

    /// The id of event `event` when ids were added in the order of their events' numbers, as an
    /// import that claims each event's id adds them.
    pub fn id_of_event(&self, event: usize) -> Option<&str> {
        (self.events.get(event) == Some(&to_u32(event)))
            .then(|| id_in(&self.text, &self.starts, to_u32(event)))
    }

    #[cfg(feature = "importers")]
    /// True when it holds `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds `id` for `event`; when `id` is there already, leaves it and returns its event.
    pub fn insert(&mut self, id: &str, event: u32) -> Option<u32> {
        let (text, starts) = (&self.text, &self.starts);
        let entry = self.table.entry(
            hash_bytes(id.as_bytes()),
            |&k| id_in(text, starts, k) == id,
            |&k| hash_bytes(id_in(text, starts, k).as_bytes()),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(found) => {
                Some(self.events[*found.get() as usize])
            }
            hashbrown::hash_table::Entry::Vacant(slot) => {
                let k = to_u32(self.events.len());
                slot.insert(k);
                self.text.push_str(id);
                self.starts.push(to_u32(self.text.len()));
                self.events.push(event);
                None
            }
        }
    }
}

/// Id `k` of the text of ids and where each starts.
fn id_in<'a>(text: &'a str, starts: &[u32], k: u32) -> &'a str {
    let k = k as usize;
    &text[starts[k] as usize..starts[k + 1] as usize]
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
        assert!(index.table.capacity() >= index.len());
        assert!((0..5000).all(|k| index.get(&format!("IRQ{k}")) == Some(k)));
        assert_eq!(index.insert("IRQ7", 9), Some(7), "the first event stays");
    }
}
