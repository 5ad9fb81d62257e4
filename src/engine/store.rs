//! The event store: a checked package laid out in columns, sorted by date.
//!
//! Queries scan columns of small integers, not event structs. Invariants, set by
//! [`Store::new`] and never changed:
//! - rows are in date order: by earliest day, then latest day, then original order; events
//!   without a date come last, with `start == i32::MAX` and `end == i32::MIN`, a span that overlaps
//!   no range;
//! - `types`, `package.places`, `package.actors` and `package.documents` are dictionaries; a row
//!   stores indices into them (`NONE` for no place);
//! - a row's actors and documents are lists of codes (`CodeLists`), each sorted and without
//!   repeats;
//! - `words` indexes the folded words of each event's title, summary, date words, quotes and tags
//!   (see [`crate::model::text::fold`]) by the event's number, not its row;
//! - the events are held whole, or kept as the rows of their file and made again when asked
//!   for (`FileRows`); either way [`Store::event`] gives them.

use std::borrow::Cow;

use crate::columns::ids::{IdIndex, IdRows};
use crate::Map;

use crate::columns::facts::Facts;
use crate::columns::lists::{date_order, in_row_order, CodeLists};
use crate::columns::word_index::WordIndex;
use crate::engine::timeline::TimeScale;
use crate::model::edtf::{DaySpan, Edtf, Precision};
use crate::model::event_type::{self, Family};
use crate::model::problem::Problem;
use crate::model::text::fold;
use crate::model::{Event, Package};
use crate::read::{KeptRows, Loaded};

pub use crate::columns::facts::NONE;

/// One entry of the store's type dictionary.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeEntry {
    /// The type's id as packages write it.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its legend family.
    pub family: Family,
    /// ACLED `event_type`, when the type maps to one.
    pub acled_event_type: Option<String>,
    /// ACLED `sub_event_type`.
    pub acled_sub_event_type: Option<String>,
}

crate::json_struct!(TypeEntry {
    "id" => id,
    "label" => label,
    "family" => family,
    "acledEventType" => acled_event_type,
    "acledSubEventType" => acled_sub_event_type,
});

/// A package in columns, ready for queries. See the module docs for the invariants.
#[derive(Debug)]
pub struct Store {
    /// The package without its events, which are in `events`.
    pub(crate) package: Package,
    pub(crate) events: Events,
    pub(crate) problems: Vec<Problem>,
    pub(crate) summary: Option<String>,
    pub(crate) types: Vec<TypeEntry>,
    /// Row `r` is event `order[r]` (events are numbered in the package's order).
    pub(crate) order: Vec<u32>,
    pub(crate) start: Vec<i32>,
    pub(crate) end: Vec<i32>,
    pub(crate) type_code: Vec<u16>,
    pub(crate) place_code: Vec<u32>,
    /// Index into [`Precision::ALL`]; `u8::MAX` for undated events.
    pub(crate) precision: Vec<u8>,
    pub(crate) actors: CodeLists,
    pub(crate) documents: CodeLists,
    pub(crate) words: WordIndex,
    /// The place each place is within, or `NONE`.
    pub(crate) place_parent: Vec<u32>,
    /// The places that lie within another, ascending.
    pub(crate) nested_places: Vec<u32>,
    /// Folded names and aliases of actors, places and types, for text search.
    pub(crate) actor_names: Vec<String>,
    pub(crate) place_names: Vec<String>,
    pub(crate) type_names: Vec<String>,
    /// Each event's id, found as the event's row.
    pub(crate) event_index: IdRows,
    pub(crate) place_index: Map<String, u32>,
    pub(crate) actor_index: Map<String, u32>,
    pub(crate) document_index: Map<String, u32>,
    /// For each event (by package index) that others relate to, those links: (event index,
    /// relation index). Most events have none, so only those that do are kept.
    pub(crate) incoming: Map<u32, Vec<(u32, u32)>>,
    /// What `start`, `end` and `extent` count: days, or years for dates beyond days.
    pub(crate) scale: TimeScale,
    /// The first and last day of dated events, open ends left out; `None` without dated events.
    pub(crate) extent: Option<DaySpan>,
    /// The widest span of the rows not in `long_rows`, in days: a date range finds all of them
    /// between two binary searches on `start`.
    pub(crate) short_width: i32,
    /// Dated rows with an open end or a span longer than [`LONG_SPAN`] days, in row order:
    /// checked one by one by date-range queries.
    pub(crate) long_rows: Vec<u32>,
    /// Counts of every block boundary, when the dictionaries are small enough to afford them.
    pub(crate) blocks: Option<Blocks>,
    /// Timeline bins of every event for a recent view: a brush moves, the bins do not.
    pub(crate) bins_cache: std::cell::RefCell<
        Vec<(
            DaySpan,
            Option<crate::engine::timeline::Step>,
            crate::engine::timeline::Bins,
        )>,
    >,
}

/// Spans longer than this many days are kept apart from the binary-searched rows.
pub const LONG_SPAN: i32 = 800;

/// Rows per block of precomputed counts, at the least: a larger store takes larger blocks (see
/// [`block_rows`]).
pub const BLOCK: usize = 1024;

/// Rows per block at the most: past it a store goes without block counts.
const MAX_BLOCK: usize = 1 << 16;

/// The most memory block counts may take: 4 MB, or two and a half bytes an event in a larger
/// store (a million ACLED rows take blocks of 4,096 rows, 2.5 MB, where blocks of 1,024 took
/// 9.9 MB, a tenth of the store; at five and ten million, 4,096 still). A range's ends go to
/// their nearer block boundary, so blocks of 4,096 rows count as few rows one by one as blocks
/// of 2,048 did to the boundary within. Larger dictionaries go without them.
fn block_budget(n: usize) -> usize {
    (4 << 20).max(n.saturating_mul(5) / 2)
}

/// Running counts at every [`BLOCK`]-th row, so a range of whole blocks whose rows all match a
/// query is counted by one subtraction per entry, however long it is. Each field holds
/// `(blocks + 1) × entries`: entry `e` at boundary `k` counts rows `0..k × BLOCK` that have `e`.
#[derive(Debug)]
pub(crate) struct Blocks {
    /// Rows per block.
    pub rows: usize,
    pub types: Vec<u32>,
    pub actors: Vec<u32>,
    pub places: Vec<u32>,
    pub documents: Vec<u32>,
    pub precisions: Vec<u32>,
    pub unplaced: Vec<u32>,
}

/// The per-block counts of `store`, or `None` when they would take more than the budget.
fn blocks(store: &Store) -> Option<Blocks> {
    let n = store.len();
    let (t, a, p, d) = (
        store.types.len(),
        store.package.actors.len(),
        store.package.places.len(),
        store.package.documents.len(),
    );
    let per = t + a + p + d + Precision::ALL.len() + 1;
    let rows = block_rows(n, per, block_budget(n))?;
    let bounds = n.div_ceil(rows) + 1;
    let mut b = Blocks {
        rows,
        types: vec![0; bounds * t],
        actors: vec![0; bounds * a],
        places: vec![0; bounds * p],
        documents: vec![0; bounds * d],
        precisions: vec![0; bounds * Precision::ALL.len()],
        unplaced: vec![0; bounds],
    };
    // Each block's own counts go in at the boundary after it, then the boundaries add up.
    for row in 0..n {
        let k = row / rows + 1;
        b.types[k * t + store.type_code[row] as usize] += 1;
        for &x in store.actors_of(row) {
            b.actors[k * a + x as usize] += 1;
        }
        match store.place_code[row] {
            NONE => b.unplaced[k] += 1,
            x => b.places[k * p + x as usize] += 1,
        }
        for &x in store.documents_of(row) {
            b.documents[k * d + x as usize] += 1;
        }
        if store.precision[row] != u8::MAX {
            b.precisions[k * Precision::ALL.len() + store.precision[row] as usize] += 1;
        }
    }
    let run = |v: &mut [u32], width: usize| {
        for k in 1..bounds {
            let (before, here) = v.split_at_mut(k * width);
            for (x, y) in here[..width].iter_mut().zip(&before[(k - 1) * width..]) {
                *x += y;
            }
        }
    };
    run(&mut b.types, t);
    run(&mut b.actors, a);
    run(&mut b.places, p);
    run(&mut b.documents, d);
    run(&mut b.precisions, Precision::ALL.len());
    run(&mut b.unplaced, 1);
    Some(b)
}

/// Rows per block for `n` rows with `per` counts at each block boundary: the smallest power of
/// two from [`BLOCK`] whose counts take at most `budget` bytes, so five or ten million rows keep
/// their block counts (the ends of a range, counted row by row, grow with the block, a few
/// thousand rows, where the whole range would be millions). `None` for a store too small to
/// need them or a dictionary too large to afford them.
fn block_rows(n: usize, per: usize, budget: usize) -> Option<usize> {
    if n < 2 * BLOCK {
        return None;
    }
    let mut rows = BLOCK;
    while (n.div_ceil(rows) + 1).saturating_mul(per).saturating_mul(4) > budget {
        if rows >= MAX_BLOCK {
            return None;
        }
        rows *= 2;
    }
    Some(rows)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 items")
}

fn index_by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> Map<String, u32> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item).to_string(), to_u32(i)))
        .collect()
}

fn folded_names(name: &str, aliases: &[String]) -> String {
    let mut all = fold(name);
    for alias in aliases {
        all.push('\n');
        all.push_str(&fold(alias));
    }
    all
}

/// The events of a store: held whole, or kept as the rows of the file they were read from and
/// made again, one at a time, when asked for (see `FileRows`).
#[derive(Debug)]
pub(crate) enum Events {
    Owned(Vec<Event>),
    File(Box<dyn KeptRows>),
}

impl Events {
    fn len(&self) -> usize {
        match self {
            Events::Owned(events) => events.len(),
            Events::File(rows) => rows.len(),
        }
    }

    fn get(&self, index: usize) -> Cow<'_, Event> {
        match self {
            Events::Owned(events) => Cow::Borrowed(&events[index]),
            Events::File(rows) => Cow::Owned(rows.event(index)),
        }
    }
}

/// Adds an event of a package to `facts`, with codes from the store's indexes.
fn push_event(facts: &mut Facts, event: &Event, store: &Store) {
    let code = |index: &Map<String, u32>, id: &str| index.get(id).copied();
    let place = event
        .place
        .as_deref()
        .and_then(|p| code(&store.place_index, p))
        .unwrap_or(NONE);
    let mut actors: Vec<u32> = event
        .actors
        .iter()
        .filter_map(|a| code(&store.actor_index, &a.actor))
        .collect();
    let mut documents: Vec<u32> = event
        .sources
        .iter()
        .filter_map(|s| code(&store.document_index, &s.document))
        .collect();
    facts.push(
        event.date.as_ref().map(|d| &d.edtf),
        &event.event_type,
        place,
        &mut actors,
        &mut documents,
        &[],
        event_search_parts(event),
    );
}

/// A store being laid out a number of events at a time, so a page can stay responsive and show
/// how far it got with a large dataset. [`Store::new`] is the same in one go.
pub struct Layout {
    store: Store,
    /// The events' ids by their number, until the rows are known.
    ids: IdIndex,
    facts: Facts,
    next: usize,
}

impl Layout {
    /// Starts laying out what a reader loaded: the indexes of ids.
    pub fn new(loaded: Loaded) -> Layout {
        let Loaded {
            mut package,
            problems,
            summary,
            ids,
            file,
        } = loaded;
        let (events, facts) = match file {
            Some(file) => {
                let (rows, facts) = *file;
                (Events::File(rows), facts)
            }
            None => (
                Events::Owned(std::mem::take(&mut package.events)),
                Facts::new(),
            ),
        };
        // The reader's, when it kept one of every event.
        let ids = match (ids, &events) {
            (Some(ids), _) if ids.len() == events.len() => ids,
            (_, Events::Owned(events)) => events
                .iter()
                .enumerate()
                .map(|(e, event)| (event.id.as_str(), to_u32(e)))
                .collect(),
            (_, Events::File(rows)) => {
                let mut index = IdIndex::default();
                for e in 0..rows.len() {
                    index.insert(&rows.event(e).id, to_u32(e));
                }
                index
            }
        };
        let place_index = index_by_id(&package.places, |p| &p.id);
        let actor_index = index_by_id(&package.actors, |a| &a.id);
        let document_index = index_by_id(&package.documents, |d| &d.id);
        let mut store = Store {
            types: Vec::new(),
            events,
            order: Vec::new(),
            start: Vec::new(),
            end: Vec::new(),
            type_code: Vec::new(),
            place_code: Vec::new(),
            precision: Vec::new(),
            actors: CodeLists::default(),
            documents: CodeLists::default(),
            words: WordIndex::default(),
            place_parent: package
                .places
                .iter()
                .map(|p| {
                    p.within
                        .as_ref()
                        .and_then(|w| place_index.get(w))
                        .copied()
                        .unwrap_or(NONE)
                })
                .collect(),
            nested_places: Vec::new(),
            actor_names: package
                .actors
                .iter()
                .map(|a| folded_names(&a.name, &a.aliases))
                .collect(),
            place_names: package
                .places
                .iter()
                .map(|p| folded_names(&p.name, &p.aliases))
                .collect(),
            type_names: Vec::new(),
            incoming: Map::default(),
            scale: TimeScale::Days,
            extent: None,
            short_width: 0,
            long_rows: Vec::new(),
            blocks: None,
            bins_cache: std::cell::RefCell::new(Vec::new()),
            event_index: IdRows::default(),
            place_index,
            actor_index,
            document_index,
            package,
            problems,
            summary,
        };
        store.nested_places = (0..to_u32(store.place_parent.len()))
            .filter(|&p| store.place_parent[p as usize] != NONE)
            .collect();
        let next = facts.len();
        Layout {
            store,
            ids,
            facts,
            next,
        }
    }

    /// Lays out up to `rows` more events; true when every event is laid out.
    pub fn step(&mut self, rows: usize) -> bool {
        let Layout {
            store, facts, next, ..
        } = self;
        let n = store.events.len();
        let end = next.saturating_add(rows).min(n);
        if let Events::Owned(events) = &store.events {
            for event in &events[*next..end] {
                push_event(facts, event, store);
            }
        }
        *next = end;
        end == n
    }

    /// How many events it lays out.
    pub fn events(&self) -> usize {
        self.store.events.len()
    }

    /// How much is laid out, from 0 to 1.
    pub fn progress(&self) -> f64 {
        match self.store.events.len() {
            0 => 1.0,
            n => self.next as f64 / n as f64,
        }
    }

    /// The store: the rest of the events, then the date order and the indexes over all rows.
    /// The facts' columns of one number an event become the store's, put in row order where
    /// they are; the lists of actors and documents are regrouped, each dropped once done.
    pub fn finish(mut self) -> Store {
        while !self.step(usize::MAX) {}
        let Layout {
            mut store,
            ids,
            facts,
            ..
        } = self;
        let Facts {
            mut earliest,
            mut latest,
            beyond_days,
            mut types,
            type_ids,
            places,
            precision,
            actors,
            documents,
            words,
            ..
        } = facts;
        // The word index first: its builder's tables go before the columns are made.
        store.words = words.finish();
        let n = earliest.len();
        if beyond_days {
            store.scale = in_years(&store, &mut earliest, &mut latest);
        }
        let order = date_order(&earliest, &latest);
        store.event_index = ids.into_rows(&order);
        // Types in legend order, and each first-come code's place in it.
        store.types = type_dictionary(&type_ids);
        let final_code: Vec<u16> = type_ids
            .iter()
            .map(|id| store.types.iter().position(|t| &t.id == id).unwrap_or(0) as u16)
            .collect();
        store.type_names = store
            .types
            .iter()
            .map(|t| folded_names(&t.label, std::slice::from_ref(&t.id)))
            .collect();
        for code in &mut types {
            *code = final_code.get(*code as usize).copied().unwrap_or(0);
        }
        let (mut start, mut end, mut place, mut precision, mut types) = (
            (earliest, None),
            (latest, None),
            (places, None),
            (precision, None),
            (types, None),
        );
        in_row_order(
            &order,
            &mut [&mut start, &mut end, &mut place, &mut precision, &mut types],
        );
        store.start = start.0;
        store.end = end.0;
        store.place_code = place.0;
        store.precision = precision.0;
        store.type_code = types.0;
        store.start.shrink_to_fit();
        store.end.shrink_to_fit();
        store.place_code.shrink_to_fit();
        store.precision.shrink_to_fit();
        store.type_code.shrink_to_fit();
        store.actors = actors.in_order(&order);
        store.documents = documents.in_order(&order);
        store.order = order;
        // Links between events, now that every id is known, in the order of the linking rows.
        if let Events::Owned(events) = &store.events {
            for &e in &store.order {
                for (r, relation) in events[e as usize].relations.iter().enumerate() {
                    if let Some(target) = store.event_of_id(&relation.event) {
                        store
                            .incoming
                            .entry(to_u32(target))
                            .or_insert_with(Vec::new)
                            .push((e, to_u32(r)));
                    }
                }
            }
        }
        store.extent = extent(&store.start, &store.end);
        for row in 0..n {
            let (start, end) = (store.start[row], store.end[row]);
            if start == DaySpan::OPEN_END && end == DaySpan::OPEN_START {
                continue; // undated
            }
            let open = start == DaySpan::OPEN_START || end == DaySpan::OPEN_END;
            if open || i64::from(end) - i64::from(start) > i64::from(LONG_SPAN) {
                store.long_rows.push(to_u32(row));
            } else {
                store.short_width = store.short_width.max(end - start);
            }
        }
        store.blocks = blocks(&store);
        store
    }
}

impl Store {
    /// Lays out what a reader loaded.
    pub fn new(loaded: Loaded) -> Store {
        Layout::new(loaded).finish()
    }

    /// The package as loaded, without its events: its title, description, documents, places
    /// and actors. The events are [`Store::event`], or all of them in [`Store::to_package`].
    pub fn package(&self) -> &Package {
        &self.package
    }

    /// True when the events are kept as the rows of the file they were read from, and made
    /// again when asked for (a large ACLED export read in steps).
    pub fn in_file(&self) -> bool {
        matches!(self.events, Events::File(_))
    }

    /// Makes events kept in their file again from `source` from now on: the same file's bytes
    /// held elsewhere, so the copy they were read from can go (a page keeps the file on disk and
    /// reads a row back when asked). False, and nothing changed, when the events are held whole
    /// or `source` is not as long as the file.
    pub fn read_rows_from(&mut self, source: std::rc::Rc<dyn crate::read::Source>) -> bool {
        match &mut self.events {
            Events::File(rows) => rows.read_from(source),
            Events::Owned(_) => false,
        }
    }

    /// The whole package, events included, in their original order.
    pub fn to_package(&self) -> Package {
        let mut package = self.package.clone();
        package.events = (0..self.len())
            .map(|e| self.event(e).into_owned())
            .collect();
        package
    }

    /// The event numbered `index` in the package's order. Events kept in their file are made
    /// again from their row.
    pub fn event(&self, index: usize) -> Cow<'_, Event> {
        self.events.get(index)
    }

    /// Every problem found while loading.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// For imports, how many rows loaded ("1,203 rows loaded; 4 skipped: line 17, …").
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The types used by the events, in legend order: the dictionary that type codes index.
    pub fn types(&self) -> &[TypeEntry] {
        &self.types
    }

    /// The first and last day of the dated events; open ends do not count.
    pub fn extent(&self) -> Option<DaySpan> {
        self.extent
    }

    /// What the store's time numbers count: days, or years when a date lies beyond days.
    pub fn scale(&self) -> TimeScale {
        self.scale
    }

    /// What a list shows of the event at a row: for an event kept in its file, only its id,
    /// title, type, date, place and sources, which are cheaper to make again; else the event.
    pub(crate) fn brief_at(&self, row: usize) -> Cow<'_, Event> {
        let index = self.order[row] as usize;
        match &self.events {
            Events::File(rows) => Cow::Owned(
                rows.kind_title(index)
                    .and_then(|title| self.brief_from_columns(row, index, title))
                    .unwrap_or_else(|| rows.brief(index)),
            ),
            events => events.get(index),
        }
    }

    /// What a list shows of an imported event, from the columns, the id index and its title,
    /// without reading its row again: its id, title, type, date (a day, a month or a span of
    /// days, as an ACLED import makes them), place, and one source per document, without quotes.
    fn brief_from_columns(&self, row: usize, index: usize, title: &str) -> Option<Event> {
        let id = self.event_index.id_of_event(index)?;
        let date = match self.precision[row] {
            u8::MAX => None,
            p => {
                let (start, end) = (i64::from(self.start[row]), i64::from(self.end[row]));
                let edtf = match Precision::ALL.get(usize::from(p))? {
                    Precision::Day => Edtf::day(start),
                    Precision::Month => Edtf::month_of(start),
                    Precision::Range => Edtf::days(start, end),
                    _ => None,
                }?;
                Some(crate::model::EventDate {
                    edtf,
                    text: None,
                    note: None,
                })
            }
        };
        let place = match self.place_code[row] {
            NONE => None,
            p => Some(self.package.places.get(p as usize)?.id.clone()),
        };
        let sources = self
            .documents_of(row)
            .iter()
            .map(|&d| crate::model::Source {
                document: self.package.documents[d as usize].id.clone(),
                quote: String::new(),
                verified: true,
                at: None,
            })
            .collect();
        Some(Event {
            id,
            title: title.to_string(),
            event_type: self.types.get(usize::from(self.type_code[row]))?.id.clone(),
            date,
            place,
            sources,
            ..Event::default()
        })
    }

    /// The event at a row (rows are in date order).
    pub fn event_at(&self, row: usize) -> Cow<'_, Event> {
        self.event(self.order[row] as usize)
    }

    /// The row of the event with this id.
    pub fn row_of(&self, id: &str) -> Option<usize> {
        self.event_index.row(id, &self.order)
    }

    /// The number of the event with this id.
    pub(crate) fn event_of_id(&self, id: &str) -> Option<usize> {
        self.row_of(id).map(|row| self.order[row] as usize)
    }

    /// The actor codes of a row.
    pub(crate) fn actors_of(&self, row: usize) -> &[u32] {
        self.actors.get(row)
    }

    /// The document codes of a row.
    pub(crate) fn documents_of(&self, row: usize) -> &[u32] {
        self.documents.get(row)
    }

    /// The bytes each part of the store holds on the heap, largest first: its columns, indexes
    /// and block counts. An event held whole counts only its own struct, not the text it
    /// points to; the bytes of a file whose events it keeps as rows are not counted (the page
    /// holds them, or they stay on disk).
    pub fn memory(&self) -> Vec<(&'static str, usize)> {
        use crate::columns::heap_bytes as vec;
        let map = |m: &Map<String, u32>| {
            m.allocation_size() + m.keys().map(String::capacity).sum::<usize>()
        };
        let strings = |v: &Vec<String>| vec(v) + v.iter().map(String::capacity).sum::<usize>();
        let mut parts = vec![
            ("order", vec(&self.order)),
            ("spans", vec(&self.start) + vec(&self.end)),
            ("types", vec(&self.type_code)),
            ("places", vec(&self.place_code)),
            ("precision", vec(&self.precision)),
            ("actors", self.actors.heap_bytes()),
            ("documents", self.documents.heap_bytes()),
            ("long rows", vec(&self.long_rows)),
            ("words", self.words.heap_bytes()),
            ("ids", self.event_index.heap_bytes()),
            (
                "events",
                match &self.events {
                    Events::Owned(events) => vec(events),
                    Events::File(rows) => rows.heap_bytes(),
                },
            ),
            (
                "names",
                strings(&self.actor_names)
                    + strings(&self.place_names)
                    + strings(&self.type_names)
                    + map(&self.place_index)
                    + map(&self.actor_index)
                    + map(&self.document_index),
            ),
            (
                "block counts",
                self.blocks.as_ref().map_or(0, |b| {
                    vec(&b.types)
                        + vec(&b.actors)
                        + vec(&b.places)
                        + vec(&b.documents)
                        + vec(&b.precisions)
                        + vec(&b.unplaced)
                }),
            ),
        ];
        parts.sort_by_key(|&(_, bytes)| std::cmp::Reverse(bytes));
        parts
    }

    /// The place and every place it lies within, innermost first.
    pub(crate) fn place_and_ancestors(&self, place: u32) -> impl Iterator<Item = u32> + '_ {
        // Loading broke every cycle, so the chain ends; the bound guards the invariant anyway.
        std::iter::successors(Some(place), |&p| {
            Some(self.place_parent[p as usize]).filter(|&q| q != NONE)
        })
        .take(self.place_parent.len())
    }
}

/// Every event's span counted in years, written over `earliest` and `latest`, on the years
/// scale that fits them all, which it returns: for a store with a date beyond the days an
/// `i32` holds. Undated events keep the undated marker.
fn in_years(store: &Store, earliest: &mut [i32], latest: &mut [i32]) -> TimeScale {
    let years: Vec<Option<(i64, i64)>> = (0..store.events.len())
        .map(|e| store.events.get(e).date.as_ref().map(|d| d.edtf.years()))
        .collect();
    let farthest = years
        .iter()
        .flatten()
        .flat_map(|&(lo, hi)| [lo, hi])
        .filter(|&y| y != i64::MIN && y != i64::MAX)
        .map(i64::abs)
        .max()
        .unwrap_or(0);
    let scale = TimeScale::for_years(farthest, true);
    for (e, y) in years.into_iter().enumerate() {
        (earliest[e], latest[e]) = match y {
            Some((lo, hi)) => (scale.of_year(lo), scale.of_year(hi)),
            None => (i32::MAX, i32::MIN),
        };
    }
    scale
}

fn extent(start: &[i32], end: &[i32]) -> Option<DaySpan> {
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for (&s, &e) in start.iter().zip(end) {
        if s == i32::MAX {
            continue;
        }
        for day in [s, e] {
            if day != DaySpan::OPEN_START && day != DaySpan::OPEN_END {
                lo = lo.min(day);
                hi = hi.max(day);
            }
        }
    }
    (lo <= hi).then_some(DaySpan {
        earliest: lo,
        latest: hi,
    })
}

/// The types the events use: built-in ones in legend order, then the package's own by name.
pub fn type_dictionary(used: &[String]) -> Vec<TypeEntry> {
    let used: crate::model::text::StrSet = used.iter().map(String::as_str).collect();
    let builtin = event_type::EVENT_TYPES
        .iter()
        .filter(|t| used.contains(t.id))
        .map(|t| TypeEntry {
            id: t.id.to_string(),
            label: t.label.to_string(),
            family: t.family,
            acled_event_type: t.acled_event_type.map(str::to_string),
            acled_sub_event_type: t.acled_sub_event_type.map(str::to_string),
        });
    let custom = used
        .iter()
        .filter(|id| event_type::find(id).is_none())
        .map(|id| TypeEntry {
            id: id.to_string(),
            label: id.to_string(),
            family: Family::Other,
            acled_event_type: None,
            acled_sub_event_type: None,
        });
    builtin.chain(custom).collect()
}

/// The texts a row is found by: title, summary, date words, quotes and tags.
fn event_search_parts(event: &Event) -> impl Iterator<Item = &str> {
    let summary = event.summary.as_deref();
    std::iter::once(event.title.as_str())
        .chain(summary)
        .chain(event.date.iter().filter_map(|d| d.text.as_deref()))
        // A quote that repeats the summary (an ACLED event's notes are both) is indexed once.
        .chain(
            event
                .sources
                .iter()
                .map(|s| s.quote.as_str())
                .filter(move |&q| Some(q) != summary),
        )
        .chain(event.tags.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::{block_budget, block_rows, BLOCK, MAX_BLOCK};

    #[test]
    fn blocks_grow_with_the_store_to_keep_their_counts_within_the_budget() {
        // ACLED-like dictionaries: six types, 500 actors, 2,000 places, a document.
        let per = 6 + 500 + 2000 + 1 + 9;
        let rows = |n: usize| block_rows(n, per, block_budget(n));
        assert_eq!(rows(1000), None, "too small to need them");
        assert_eq!(rows(100_000), Some(BLOCK));
        assert_eq!(rows(500_000), Some(2 * BLOCK), "4 MB");
        assert_eq!(
            rows(1_000_000),
            Some(4 * BLOCK),
            "two and a half bytes an event"
        );
        assert_eq!(rows(5_000_000), Some(4 * BLOCK));
        for n in [1_000_000, 5_000_000, 10_000_000, 50_000_000] {
            let r = rows(n).unwrap();
            assert!(r.is_power_of_two() && r >= BLOCK, "{n}: {r}");
            assert!((n.div_ceil(r) + 1) * per * 4 <= block_budget(n), "{n}: {r}");
            assert!(
                (n.div_ceil(r / 2) + 1) * per * 4 > block_budget(n),
                "{n}: the smallest"
            );
        }
        assert_eq!(
            block_rows(10_000_000, 10_000_000, block_budget(10_000_000)),
            None
        );
        assert!(block_rows(1 << 30, per, block_budget(1 << 30)).is_none_or(|r| r <= MAX_BLOCK));
    }
}
