//! Each event's facts as the store keeps them, gathered one event at a time in file order.

use crate::columns::lists::CodeLists;
use crate::columns::word_index::WordIndexBuilder;
use crate::model::edtf::{Edtf, Precision};
use crate::Map;

pub use crate::columns::lists::NONE;

/// What the columns are made of, gathered one event at a time in the package's order: each
/// event's span, type, place, precision, actors, documents and words. The layout sorts them into
/// date order at the end. An importer that keeps its events in the file gathers them itself.
#[derive(Clone)]
pub(crate) struct Facts {
    /// Each event's first and last day: `i32::MAX` and `i32::MIN` when undated.
    pub(crate) earliest: Vec<i32>,
    pub(crate) latest: Vec<i32>,
    /// True once an event's date lies beyond the days an `i32` holds: its span saturates, and
    /// the layout counts every span in years instead.
    pub(crate) beyond_days: bool,
    /// Codes into `type_ids`, numbered as the types first occur.
    pub(crate) types: Vec<u16>,
    pub(crate) type_ids: Vec<String>,
    pub(crate) type_of: Map<String, u16>,
    pub(crate) places: Vec<u32>,
    pub(crate) precision: Vec<u8>,
    pub(crate) actors: CodeLists,
    pub(crate) documents: CodeLists,
    pub(crate) words: WordIndexBuilder,
}

impl std::fmt::Debug for Facts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Facts")
            .field("events", &self.len())
            .finish()
    }
}

impl Facts {
    pub fn new() -> Facts {
        Facts {
            earliest: Vec::new(),
            latest: Vec::new(),
            beyond_days: false,
            types: Vec::new(),
            type_ids: Vec::new(),
            type_of: Map::default(),
            places: Vec::new(),
            precision: Vec::new(),
            actors: CodeLists::default(),
            documents: CodeLists::default(),
            words: WordIndexBuilder::new(),
        }
    }

    /// How many events it has.
    pub fn len(&self) -> usize {
        self.earliest.len()
    }

    #[cfg(feature = "importers")]
    /// Makes room for `events` more events.
    pub fn reserve(&mut self, events: usize) {
        self.earliest.reserve(events);
        self.latest.reserve(events);
        self.types.reserve(events);
        self.places.reserve(events);
        self.precision.reserve(events);
        // Most imported events have an actor or two and one document.
        self.actors.reserve(events, 2);
        self.documents.reserve(events, 1);
        self.words.expect(events);
    }

    #[cfg(feature = "importers")]
    /// The ids of the words of `parts`, appended to `out`, for [`Facts::push`]'s `known`: an
    /// importer that knows which texts repeat finds their words once.
    pub fn words_of<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>, out: &mut Vec<u32>) {
        self.words.words_of(parts, out);
    }

    /// Adds the next event: its date (`None` when undated), type id, place code (or [`NONE`]),
    /// actor and document codes (sorted here, repeats left out), and what it is found by: the words `known`
    /// (from [`Facts::words_of`]) and those of the texts `words`.
    #[allow(clippy::too_many_arguments)]
    pub fn push<'a>(
        &mut self,
        date: Option<&Edtf>,
        event_type: &str,
        place: u32,
        actors: &mut [u32],
        documents: &mut [u32],
        known: &[u32],
        words: impl IntoIterator<Item = &'a str>,
    ) {
        let (earliest, latest) = match date {
            Some(d) => {
                self.beyond_days |= d.is_beyond_days();
                let s = d.span();
                (s.earliest, s.latest)
            }
            None => (i32::MAX, i32::MIN),
        };
        self.earliest.push(earliest);
        self.latest.push(latest);
        let code = match self.type_of.get(event_type) {
            Some(&code) => code,
            None => {
                let code = u16::try_from(self.type_ids.len()).unwrap_or(u16::MAX);
                if code < u16::MAX {
                    self.type_ids.push(event_type.to_string());
                    self.type_of.insert(event_type.to_string(), code);
                }
                code
            }
        };
        self.types.push(code);
        self.places.push(place);
        self.precision.push(match date {
            Some(d) => Precision::ALL
                .iter()
                .position(|&p| p == d.precision())
                .unwrap_or(0) as u8,
            None => u8::MAX,
        });
        self.actors.push(actors);
        self.documents.push(documents);
        self.words.add_row_with(known, words);
    }
}
