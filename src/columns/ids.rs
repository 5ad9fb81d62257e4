//! Event ids and the number of each one's event, for checking that ids are unique while a file
//! is read and for finding an event by its id afterwards.
//!
//! A large import has a million ids. A map from `String` makes a million small allocations; here
//! the ids' text is one string, and a hash table ([`IdTable`]) holds each id's number (four
//! bytes and a byte of its hash a slot), found by the id's hash and compared with its text.
//!
//! Ids in a file mostly share their start with the id before them (`IRQ1234`, `IRQ1235`), so
//! each is kept as how much of the one before it shares and the rest: at a million synthetic
//! ids (`SYN0` to `SYN999999`) the text and where each id starts took 13 MB as plain text and
//! four bytes an id, and take 3.4 MB so.
//!
//! Once a store has put its events in date order, [`IdIndex::into_rows`] makes the table hold
//! the row of each id's event instead of the id's number ([`IdRows`]): a card finds its row in
//! one lookup without a list of every event's row (4 MB at a million events).

use super::id_table::IdTable;

use crate::hash_bytes;

/// Ids are front-coded in runs of this many: the first of a run is whole, so id `k` is read
/// from the start of its run, at most this many entries.
const RUN: usize = 16;

/// See the module docs. Invariants: id `k` is entry `k % RUN` of run `k / RUN`, which starts at
/// `text[runs[k / RUN]]`; an entry is the number of bytes it shares with the id before it (none
/// for a run's first), the number of bytes that follow, both in seven-bit groups (see
/// [`push_number`]), and those bytes. Id `k`'s event is `events[k]`, or `k` while `events` is
/// `None` (an import adds its ids in the order of its events); `table` holds every `k`, placed
/// by the hash of id `k`.
#[derive(Debug, Clone, Default)]
pub struct IdIndex {
    text: Vec<u8>,
    runs: Vec<u32>,
    /// The last id added, whole, which the next one is coded against.
    last: String,
    len: u32,
    events: Option<Vec<u32>>,
    table: IdTable,
}

/// Appends `n` in seven-bit groups, low first, the high bit set on all but the last.
fn push_number(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The number at `text[*at..]` (see [`push_number`]), moving `at` past it.
#[inline]
fn number(text: &[u8], at: &mut usize) -> usize {
    let mut n = 0;
    let mut shift = 0;
    while let Some(&b) = text.get(*at) {
        *at += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

/// Calls `f` with the entries of run `k / RUN` up to id `k`'s, each as (bytes shared, the
/// rest). A loop, not an iterator: the engine built for size inlines it.
#[inline]
fn each_entry<'a>(text: &'a [u8], runs: &[u32], k: u32, mut f: impl FnMut(usize, &'a [u8])) {
    let k = k as usize;
    let mut at = runs[k / RUN] as usize;
    for _ in 0..=k % RUN {
        let shared = number(text, &mut at);
        let rest = number(text, &mut at);
        let end = (at + rest).min(text.len());
        f(shared, &text[at..end]);
        at = end;
    }
}

/// Id `k`, made whole into `out`.
fn id_into(text: &[u8], runs: &[u32], k: u32, out: &mut Vec<u8>) {
    out.clear();
    each_entry(text, runs, k, |shared, rest| {
        out.truncate(shared);
        out.extend_from_slice(rest);
    });
}

/// True when id `k` is `id`, found without making id `k` whole: while reading the run, it
/// keeps how many of its first bytes the id at hand shares with `id`.
fn id_is(text: &[u8], runs: &[u32], k: u32, id: &str) -> bool {
    let id = id.as_bytes();
    let (mut matched, mut len) = (0, 0);
    each_entry(text, runs, k, |shared, rest| {
        // Bytes past `matched` that it keeps from the id before already differ from `id`'s.
        if shared <= matched {
            let tail = id.get(shared..).unwrap_or_default();
            let mut same = 0;
            while same < tail.len() && same < rest.len() && tail[same] == rest[same] {
                same += 1;
            }
            matched = shared + same;
        }
        len = shared + rest.len();
    });
    matched == id.len() && len == id.len()
}

/// The hash of id `k`.
fn hash_of(text: &[u8], runs: &[u32], k: u32) -> u64 {
    let mut id = Vec::new();
    id_into(text, runs, k, &mut id);
    hash_bytes(&id)
}

impl IdIndex {
    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    #[cfg(any(feature = "importers", test))]
    /// Makes room for `ids` more ids (and their text, at the length of those so far).
    pub fn reserve(&mut self, ids: usize) {
        // A byte more than the ids so far took: later ids are as long or longer, and a text
        // that outgrew its room would be moved whole to twice its size.
        let per_id = self.text.len().checked_div(self.len()).unwrap_or(4) + 1;
        self.text.reserve(ids.saturating_mul(per_id));
        self.runs.reserve(ids / RUN + 1);
        if let Some(events) = &mut self.events {
            events.reserve(ids);
        }
        let (text, runs) = (&self.text, &self.runs);
        self.table.reserve(ids, |k| hash_of(text, runs, k));
    }

    #[cfg(feature = "importers")]
    /// Gives back the room made for ids that did not come.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.runs.shrink_to_fit();
    }

    #[cfg(any(feature = "importers", test))]
    /// The event of `id`.
    pub fn get(&self, id: &str) -> Option<u32> {
        let (text, runs) = (&self.text, &self.runs);
        let k = self
            .table
            .find(hash_bytes(id.as_bytes()), |k| id_is(text, runs, k, id))?;
        Some(self.event_of(k))
    }

    fn event_of(&self, k: u32) -> u32 {
        self.events.as_ref().map_or(k, |events| events[k as usize])
    }

    /// The same ids, found as rows: event `order[r]` is at row `r`, and each event has at
    /// most one id. The row of each event is listed only while the table's numbers are
    /// replaced, as large as the list a store kept before and gone when this returns.
    pub fn into_rows(self, order: &[u32]) -> IdRows {
        let IdIndex {
            text,
            runs,
            len,
            events,
            mut table,
            ..
        } = self;
        let mut row_of = vec![NO_ID; order.len()];
        for (row, &e) in order.iter().enumerate() {
            if let Some(slot) = row_of.get_mut(e as usize) {
                *slot = to_u32(row);
            }
        }
        table.replace_each(|k| {
            let event = events.as_ref().map_or(k, |events| events[k as usize]);
            row_of.get(event as usize).copied().unwrap_or(NO_ID)
        });
        drop(row_of);
        let numbers = events.map(|events| {
            let mut numbers = vec![NO_ID; order.len()];
            for (k, &e) in events.iter().enumerate() {
                if let Some(slot) = numbers.get_mut(e as usize) {
                    *slot = to_u32(k);
                }
            }
            numbers
        });
        IdRows {
            text,
            runs,
            len,
            numbers,
            table,
        }
    }

    #[cfg(feature = "importers")]
    /// True when it holds `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds `id` for `event`; when `id` is there already, leaves it and returns its event.
    pub fn insert(&mut self, id: &str, event: u32) -> Option<u32> {
        let (text, runs) = (&self.text, &self.runs);
        let k = self.len;
        let found = self.table.find_or_insert(
            hash_bytes(id.as_bytes()),
            k,
            |k| id_is(text, runs, k, id),
            |k| hash_of(text, runs, k),
        );
        match found {
            Some(k) => Some(self.event_of(k)),
            None => {
                let shared = if (k as usize).is_multiple_of(RUN) {
                    self.runs.push(to_u32(self.text.len()));
                    0
                } else {
                    let (a, b) = (self.last.as_bytes(), id.as_bytes());
                    a.iter().zip(b).take_while(|(x, y)| x == y).count()
                };
                push_number(&mut self.text, shared);
                push_number(&mut self.text, id.len() - shared);
                self.text.extend_from_slice(&id.as_bytes()[shared..]);
                self.last.clear();
                self.last.push_str(id);
                if event != k && self.events.is_none() {
                    self.events = Some((0..k).collect());
                }
                if let Some(events) = &mut self.events {
                    events.push(event);
                }
                self.len = k + 1;
                None
            }
        }
    }
}

/// An id number or row that is none: an event without an id, or an id whose event has no row.
const NO_ID: u32 = u32::MAX;

/// The ids of a store's events, each found as the row of its event (see
/// [`IdIndex::into_rows`]). Invariants: `text` and `runs` as an [`IdIndex`]'s; event `e` has
/// id `e` (when `e < len`), or id `numbers[e]` when `numbers` is `Some` (`NO_ID` for none);
/// `table` holds the row of each id's event, placed by the hash of the id.
#[derive(Debug, Clone, Default)]
pub struct IdRows {
    text: Vec<u8>,
    runs: Vec<u32>,
    len: u32,
    numbers: Option<Vec<u32>>,
    table: IdTable,
}

impl IdRows {
    /// The bytes it holds on the heap: the ids' text, where each run starts, the events' id
    /// numbers when they are listed, and the table.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + super::heap_bytes(&self.runs)
            + self.numbers.as_ref().map_or(0, super::heap_bytes)
            + self.table.allocation_size()
    }

    /// The id number of event `event`.
    fn number_of(&self, event: u32) -> Option<u32> {
        match &self.numbers {
            None => (event < self.len).then_some(event),
            Some(numbers) => numbers.get(event as usize).copied().filter(|&k| k != NO_ID),
        }
    }

    /// The row of the event of `id`, where the store's row `r` is event `order[r]`.
    pub fn row(&self, id: &str, order: &[u32]) -> Option<usize> {
        let (text, runs) = (&self.text, &self.runs);
        let row = self.table.find(hash_bytes(id.as_bytes()), |row| {
            order
                .get(row as usize)
                .and_then(|&e| self.number_of(e))
                .is_some_and(|k| id_is(text, runs, k, id))
        })?;
        Some(row as usize)
    }

    /// The id of event `event`.
    pub fn id_of_event(&self, event: usize) -> Option<String> {
        let k = self.number_of(u32::try_from(event).ok()?)?;
        let mut id = Vec::new();
        id_into(&self.text, &self.runs, k, &mut id);
        // Every id came in as a `str` and is cut only where one shares bytes with another.
        Some(String::from_utf8_lossy(&id).into_owned())
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
        fn answers_as_a_map_does(ids in proptest::collection::vec("[a-céè]{0,3}|[A-Z0-9]{4,12}", 0..300)) {
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

    proptest! {
        /// Found as rows, each id gives its event's row and each event its id, as a map from
        /// `String` and the rows' order say, with ids in event order or not.
        #[test]
        fn rows_answer_as_a_map_and_the_order_do(
            ids in proptest::collection::vec("[a-c]{0,2}|[A-Z0-9]{4,8}", 0..200),
            shift in 0..3u32,
            seed in any::<u64>(),
        ) {
            let mut index = IdIndex::default();
            let mut map = std::collections::HashMap::new();
            // A shift numbers the events apart from the ids, as ids added out of order do.
            for (k, id) in ids.iter().enumerate() {
                let event = k as u32 + shift;
                index.insert(id, event);
                map.entry(id.clone()).or_insert(event);
            }
            let n = ids.len() + shift as usize;
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.sort_by_key(|&e| (u64::from(e) ^ seed).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            let rows = index.into_rows(&order);
            for (id, &event) in &map {
                let row = rows.row(id, &order);
                prop_assert_eq!(row.map(|r| order[r]), Some(event));
                prop_assert_eq!(rows.id_of_event(event as usize), Some(id.clone()));
            }
            for event in 0..n + 2 {
                let id = map.iter().find(|&(_, &e)| e as usize == event).map(|(id, _)| id.clone());
                prop_assert_eq!(rows.id_of_event(event), id);
            }
            for absent in ["zzz", "a-b", "IRQ"] {
                let row = rows.row(absent, &order).map(|r| order[r]);
                prop_assert_eq!(row, map.get(absent).copied());
            }
        }
    }

    #[test]
    fn each_event_gives_back_its_id_across_runs_and_cut_characters() {
        // "é" and "è" share their first byte: an entry may start inside a character.
        let ids: Vec<String> = (0..50)
            .map(|k| format!("{}{k}", if k % 3 == 0 { "cé" } else { "cè" }))
            .chain(["".to_string(), "c".to_string()])
            .collect();
        let index: IdIndex = ids
            .iter()
            .enumerate()
            .map(|(e, id)| (id.as_str(), e as u32))
            .collect();
        assert!(index.events.is_none(), "events in id order need no list");
        // Rows in reverse: row `r` is event `n - 1 - r`.
        let order: Vec<u32> = (0..ids.len() as u32).rev().collect();
        let rows = index.clone().into_rows(&order);
        assert!(rows.numbers.is_none(), "nor do their rows");
        for (e, id) in ids.iter().enumerate() {
            assert_eq!(rows.id_of_event(e).as_deref(), Some(id.as_str()));
            assert_eq!(rows.row(id, &order), Some(ids.len() - 1 - e));
        }
        assert_eq!(rows.id_of_event(ids.len()), None);
        // An id added for another event lists every event's id number.
        let mut moved = index;
        assert_eq!(moved.insert("late", 53), None);
        let order: Vec<u32> = (0..54).collect();
        let rows = moved.into_rows(&order);
        assert_eq!(rows.row("late", &order), Some(53));
        assert_eq!(rows.id_of_event(53).as_deref(), Some("late"));
        assert_eq!(rows.id_of_event(52), None, "event 52 has no id");
        assert_eq!(rows.row("cé3", &order), Some(3));
    }
}
