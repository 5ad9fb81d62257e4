//! Building a package from rows of another format: one place per distinct location, one actor
//! per distinct name, unique event ids, and the summary of what loaded and what was skipped.

use crate::columns::ids::IdIndex;
use crate::Map;

use super::loaded::Loaded;
use crate::model::problem::Severity;
use crate::model::text::trim;
use crate::model::text::{format_count, plural};
use crate::model::{Actor, Event, Package, Place, PlacePrecision, Source};

/// An event's quote from the imported file itself: verbatim from that file, so verified; no
/// source when the quote is blank.
pub(super) fn quote_from_file(document: &str, quote: impl Into<String>) -> Vec<Source> {
    let quote = quote.into();
    if quote.trim().is_empty() {
        return Vec::new();
    }
    vec![Source {
        document: document.to_string(),
        quote,
        verified: true,
        at: None,
    }]
}

/// The line of each claimed event, by index, kept as where a line stops being its index plus
/// the same number as the line before: records of one line each, one after another, make one
/// entry however many they are, where a line number each took four bytes an event.
#[derive(Clone, Default)]
struct Lines {
    len: u32,
    /// From index `k` on, a line is its index plus `n`: `(k, n)`, ascending.
    steps: Vec<(u32, u32)>,
}

impl Lines {
    fn len(&self) -> usize {
        self.len as usize
    }

    /// Adds the line of the next index.
    fn push(&mut self, line: u32) {
        let n = line.wrapping_sub(self.len);
        if self.steps.last().map(|&(_, m)| m) != Some(n) {
            self.steps.push((self.len, n));
        }
        self.len += 1;
    }

    /// The line of index `k`.
    fn get(&self, k: u32) -> u32 {
        let step = self.steps.partition_point(|&(from, _)| from <= k);
        step.checked_sub(1)
            .map_or(0, |s| k.wrapping_add(self.steps[s].1))
    }
}

/// Collects a package while an importer reads rows.
#[derive(Clone)]
pub(super) struct Builder {
    pub package: Package,
    /// Places by name and coordinates as written, in one key (see [`Builder::place`]).
    places: Map<String, usize>,
    /// The key of the place being looked up, reused from row to row.
    key: String,
    actors: Map<String, usize>,
    /// Each claimed id and the index its event takes in `package.events`.
    ids: IdIndex,
    /// The line of each claimed event, by index. As each claim comes just before its event's
    /// push, `ids` indexes every event exactly when there are as many lines as events.
    lines: Lines,
    rows: u32,
    skipped: Vec<String>,
}

impl Builder {
    pub fn new(package: Package) -> Builder {
        Builder {
            package,
            places: Map::default(),
            key: String::new(),
            actors: Map::default(),
            ids: IdIndex::default(),
            lines: Lines::default(),
            rows: 0,
            skipped: Vec::new(),
        }
    }

    /// The id of the actor named `name`, added on first use.
    pub fn actor(&mut self, name: &str) -> String {
        let index = self.actor_index(name);
        self.package.actors[index].id.clone()
    }

    /// The index of the actor named `name`, added on first use.
    pub fn actor_index(&mut self, name: &str) -> usize {
        if let Some(&index) = self.actors.get(name) {
            return index;
        }
        let actors = &mut self.package.actors;
        actors.push(Actor {
            id: format!("actor-{}", actors.len() + 1),
            name: name.to_string(),
            ..Actor::default()
        });
        self.actors.insert(name.to_string(), actors.len() - 1);
        actors.len() - 1
    }

    /// The id of the place with this name and these coordinates as written, added on first use:
    /// see [`Builder::place_index`].
    pub fn place(
        &mut self,
        name: &str,
        coordinates: (&str, &str),
        columns: (&str, &str),
        precision: Option<PlacePrecision>,
        note: impl FnOnce() -> Option<String>,
        report: &mut dyn FnMut(Severity, &str, String),
    ) -> Option<String> {
        let index = self.place_index(name, coordinates, columns, precision, note, report)?;
        Some(self.package.places[index].id.clone())
    }

    /// The index of the place with this name and these coordinates as written, added on first
    /// use; `None` when all three are blank. Coordinates that are not numbers in range are
    /// reported through `report` and left out.
    pub fn place_index(
        &mut self,
        name: &str,
        (lat_text, lon_text): (&str, &str),
        (lat_column, lon_column): (&str, &str),
        precision: Option<PlacePrecision>,
        note: impl FnOnce() -> Option<String>,
        report: &mut dyn FnMut(Severity, &str, String),
    ) -> Option<usize> {
        let (name, lat_text, lon_text) = (trim(name), trim(lat_text), trim(lon_text));
        if name.is_empty() && lat_text.is_empty() && lon_text.is_empty() {
            return None;
        }
        // Each part after its length, so no two triples make one key; built in place, so a
        // place seen before costs no allocation.
        self.key.clear();
        for part in [name, lat_text, lon_text] {
            crate::json::push_int(&mut self.key, part.len() as i64);
            self.key.push(':');
            self.key.push_str(part);
        }
        if let Some(&i) = self.places.get(self.key.as_str()) {
            return Some(i);
        }
        let coordinate = |text: &str, limit: f64| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= limit)
        };
        let coordinates = match (coordinate(lat_text, 90.0), coordinate(lon_text, 180.0)) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            _ if lat_text.is_empty() && lon_text.is_empty() => None,
            (lat, _) => {
                let (column, value) = if lat.is_none() {
                    (lat_column, lat_text)
                } else {
                    (lon_column, lon_text)
                };
                let hint = if value.contains(',') {
                    " (use a decimal point)"
                } else {
                    ""
                };
                report(Severity::Error, column, format!("'{value}' is not a usable coordinate{hint}; the place is listed but not mapped"));
                None
            }
        };
        let places = &mut self.package.places;
        places.push(Place {
            id: format!("place-{}", places.len() + 1),
            name: if name.is_empty() {
                format!("{lat_text}, {lon_text}")
            } else {
                name.to_string()
            },
            coordinates,
            precision,
            note: note(),
            ..Place::default()
        });
        self.places.insert(self.key.clone(), places.len() - 1);
        Some(places.len() - 1)
    }

    /// Claims `id` (from `column`) for the row starting on `line`, whose event is pushed next.
    /// An empty or repeated id is reported through `report`, the row counted as skipped, and
    /// `false` returned.
    pub fn claim_id(
        &mut self,
        id: &str,
        line: u32,
        column: &str,
        report: &mut dyn FnMut(Severity, &str, String),
    ) -> bool {
        if id.is_empty() {
            report(
                Severity::Error,
                column,
                "the event has no id; the row is skipped".into(),
            );
            self.skipped
                .push(format!("line {line}, the event has no id"));
            return false;
        }
        // One lookup for the usual new id; a repeated one puts the first claim back.
        let index = self.lines.len() as u32;
        if let Some(first_index) = self.ids.insert(id, index) {
            let first = self.lines.get(first_index);
            report(
                Severity::Error,
                column,
                format!("the id '{id}' was already used on line {first}; this row is skipped"),
            );
            self.skipped
                .push(format!("line {line}, the id '{id}' repeats line {first}"));
            return false;
        }
        self.lines.push(line);
        true
    }

    /// Makes room for `events` more events (a guess; a wrong one costs only memory or time).
    pub fn reserve(&mut self, events: usize) {
        let _ = self.package.events.try_reserve(events);
        let events = events.min(self.package.events.capacity());
        self.ids.reserve(events);
    }

    /// Counts a row whose event stays in the file (see [`crate::read::FileRows`]): its id was
    /// claimed, and no event is pushed.
    pub fn kept(&mut self) {
        self.rows += 1;
    }

    /// What an import that makes events again from their rows needs: the places and actors
    /// with their indexes, without the events' ids.
    pub fn for_replay(&self) -> Builder {
        Builder {
            package: Package {
                places: self.package.places.clone(),
                actors: self.package.actors.clone(),
                documents: self.package.documents.clone(),
                ..Package::default()
            },
            places: self.places.clone(),
            key: String::new(),
            actors: self.actors.clone(),
            ids: IdIndex::default(),
            lines: Lines::default(),
            rows: 0,
            skipped: Vec::new(),
        }
    }

    /// Makes room for `events` more ids, for events that stay in the file.
    pub fn reserve_ids(&mut self, events: usize) {
        self.ids.reserve(events);
    }

    /// Adds an event read from a row. Its lists are cut to their length first: a list grown
    /// by pushing has room for four, and a large import has a million lists of one or two.
    pub fn push(&mut self, mut event: Event) {
        event.actors.shrink_to_fit();
        event.figures.shrink_to_fit();
        event.sources.shrink_to_fit();
        event.relations.shrink_to_fit();
        event.tags.shrink_to_fit();
        event.links.shrink_to_fit();
        self.package.events.push(event);
        self.rows += 1;
    }

    /// Hands the package to `loaded`, with the summary. Relations to events the file does not
    /// have are dropped and reported.
    pub fn finish(mut self, loaded: &mut Loaded) {
        // Every event claimed its id, or (for formats that make their own unique ids) none did.
        let claimed = self.lines.len() == self.rows as usize;
        // Most imports have no relations: then there is no need to gather every id.
        let related = self.package.events.iter().any(|e| !e.relations.is_empty());
        let unclaimed: std::collections::HashSet<String> = if related && !claimed {
            self.package.events.iter().map(|e| e.id.clone()).collect()
        } else {
            Default::default()
        };
        let known = |id: &str| {
            if claimed {
                self.ids.contains(id)
            } else {
                unclaimed.contains(id)
            }
        };
        for event in self
            .package
            .events
            .iter_mut()
            .filter(|e| !e.relations.is_empty())
        {
            let before = event.relations.len();
            event.relations.retain(|r| known(&r.event));
            if event.relations.len() < before {
                let line = self
                    .ids
                    .get(&event.id)
                    .map_or(0, |index| self.lines.get(index));
                loaded.report(
                    Severity::Warning,
                    format!("line {line}, relations"),
                    line,
                    0,
                    format!("event '{}' relates to events this file does not have; those links are dropped", event.id),
                );
            }
        }
        let rows = self.rows;
        let loaded_rows = format!(
            "{} {} loaded",
            format_count(f64::from(rows)),
            plural(rows as usize, "row", "rows")
        );
        loaded.summary = Some(if self.skipped.is_empty() {
            loaded_rows
        } else {
            format!(
                "{loaded_rows}; {} skipped: {}",
                self.skipped.len(),
                self.skipped.join("; ")
            )
        });
        loaded.package = self.package;
        self.ids.shrink_to_fit();
        loaded.ids = claimed.then_some(self.ids);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_one_after_another_take_one_entry_and_each_is_given_back() {
        // Records of one line from line 2; one of three lines at index 3; a gap at index 6.
        let given = [2, 3, 4, 5, 8, 9, 12, 13, 14];
        let mut lines = Lines::default();
        for line in given {
            lines.push(line);
        }
        assert_eq!(lines.len(), given.len());
        assert_eq!(lines.steps.len(), 3);
        for (k, line) in given.into_iter().enumerate() {
            assert_eq!(lines.get(k as u32), line);
        }
        let mut many = Lines::default();
        (0..1_000_000).for_each(|k| many.push(k + 2));
        assert_eq!((many.steps.len(), many.get(999_999)), (1, 1_000_001));
    }

    #[test]
    fn a_place_is_one_name_at_one_position_and_its_note_is_made_once() {
        let mut b = Builder::new(Package::default());
        let mut notes = 0;
        let mut place = |b: &mut Builder, name: &str, lat: &str, lon: &str| {
            b.place(
                name,
                (lat, lon),
                ("lat", "lon"),
                None,
                || {
                    notes += 1;
                    Some(format!("note {notes}"))
                },
                &mut |_, _, _| {},
            )
        };
        let first = place(&mut b, "Baghdad", "33.3", "44.4");
        assert_eq!(
            place(&mut b, " Baghdad ", "33.3", "44.4"),
            first,
            "the same, trimmed"
        );
        // Parts that run together the same way are still different places.
        let a = place(&mut b, "ab", "1", "2");
        let c = place(&mut b, "a", "b1", "2");
        assert_ne!(a, c);
        assert_ne!(place(&mut b, "Baghdad", "33.3", "44.5"), first);
        assert_eq!(b.package.places.len(), 4);
        assert_eq!(b.package.places[0].note.as_deref(), Some("note 1"));
        assert_eq!(notes, 4, "a note for each new place only");
    }

    fn event(id: &str) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            event_type: "other".into(),
            tags: vec!["a".into()],
            ..Event::default()
        }
    }

    #[test]
    fn the_ids_claimed_index_every_event_and_lists_are_cut_to_length() {
        let mut report = |_: Severity, _: &str, _: String| {};
        let mut b = Builder::new(Package::default());
        for (line, id) in [(2, "a"), (3, "b"), (4, "a"), (5, "c")] {
            if b.claim_id(id, line, "id", &mut report) {
                let mut e = event(id);
                e.tags.push("b".into());
                b.push(e);
            }
        }
        assert!(b.package.events.iter().all(|e| e.tags.capacity() == 2));
        let mut loaded = Loaded::default();
        b.finish(&mut loaded);
        let ids = loaded.ids.expect("every event claimed its id");
        for (i, e) in loaded.package.events.iter().enumerate() {
            assert_eq!(ids.get(&e.id), Some(i as u32));
        }
        assert_eq!(ids.len(), 3);
        assert!(loaded
            .summary
            .unwrap()
            .contains("line 4, the id 'a' repeats line 2"));

        // An event pushed without a claim: the ids no longer index every event.
        let mut b = Builder::new(Package::default());
        assert!(b.claim_id("a", 2, "id", &mut report));
        b.push(event("a"));
        b.push(event("b"));
        assert!(b.claim_id("c", 4, "id", &mut report));
        b.push(event("c"));
        let mut loaded = Loaded::default();
        b.finish(&mut loaded);
        assert!(loaded.ids.is_none());
    }
}
