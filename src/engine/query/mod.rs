//! The explorer's questions: one filter spec in, everything a view draws out.
//!
//! Filters combine with AND across fields and OR within a field (two types selected means
//! either type). Dates filter by span overlap: an event whose span shares a day with the range
//! passes, so "late December" is found by a range that covers any day of it.
//!
//! Facet counts follow crossfilter semantics: each field's counts consider every *other* filter,
//! so the count beside an option is what a click on it would show. One pass over the rows
//! computes a bit mask of failed filters per row; a row counts toward a field's facet when no
//! bit but that field's is set.

use crate::engine::store::{Store, NONE};
use crate::engine::timeline::{self, Bins, Tick};
use crate::model::edtf::{DaySpan, Precision};
use crate::model::error::Error;

mod card;
mod dictionary;
mod figures;
mod filter;
mod spec;
mod summary;
mod view;

pub use card::{
    details, ActorRole, DraftInfo, EventDetails, LinkInfo, RelationInfo, RuleInfo, SourceInfo,
};
pub use dictionary::{actor_info, document_info, place_info, ActorInfo, DocumentInfo, PlaceInfo};
pub use figures::{FigureGroup, FigureReading};
use filter::{Filter, ACTOR, DATE, DOCUMENT, PLACE, PRECISION, TYPE};
pub use spec::{DayBound, QuerySpec, DEFAULT_LIMIT, SPEC_FIELDS};
pub use summary::{summaries, summaries_json, summary, EventSummary, TITLE_CHARS};
use view::{all_bins, bin_unit, lanes_for, visible_range, Binner};
pub use view::{LANE_GAP, MIN_MARK_WIDTH};

/// Everything a view draws after one interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryResult {
    /// Events passing every filter.
    pub total: u32,
    /// Of those, events without a date.
    pub undated: u32,
    /// Of those, events without a place.
    pub unplaced: u32,
    /// Facet counts per entry of [`Store::types`].
    pub type_counts: Vec<u32>,
    /// Facet counts per actor, in package order.
    pub actor_counts: Vec<u32>,
    /// Facet counts per place, in package order; a place counts the events within it too.
    pub place_counts: Vec<u32>,
    /// Facet counts per document, in package order.
    pub document_counts: Vec<u32>,
    /// Facet counts per entry of [`Precision::ALL`].
    pub precision_counts: Vec<u32>,
    /// Matching events at exactly each place (not its sub-places), for map markers.
    pub place_selected: Vec<u32>,
    /// Matching events at each place or any place within it, for markers that stand for their
    /// sub-places when the map is zoomed out.
    pub place_selected_within: Vec<u32>,
    /// The visible range the bins and ticks cover, when there is one.
    pub view: Option<DaySpan>,
    /// Timeline bins of events passing every filter but the date range.
    pub bins: Option<Bins>,
    /// Axis ticks for the visible range.
    pub ticks: Vec<Tick>,
    /// Rows of all matching events, in date order, when asked for.
    pub rows: Vec<u32>,
    /// The rows of one page of matching events, in date order (see [`summaries`]).
    pub page: Vec<u32>,
    /// The timeline lane of each event of the page, when `lane_width` was given; undated events
    /// get lane 0 and are not drawn.
    pub lanes: Vec<u16>,
    /// The card of the selected event, when one was asked for and exists.
    pub selected: Option<EventDetails>,
    /// With `view_limit`: the first matching events that reach into the visible range, in date
    /// order; the lanes are then theirs.
    pub view_page: Vec<u32>,
    /// With `view_limit`: how many matching events reach into the visible range. More than
    /// `view_page` holds means too many to draw one by one.
    pub view_total: u32,
}

/// Answers one view's questions in one pass over the store.
pub fn run(store: &Store, spec: &QuerySpec) -> Result<QueryResult, Error> {
    let filter = Filter::resolve(store, spec)?;
    let view = visible_range(store, spec, filter.range)?;
    let limit = spec.limit.unwrap_or(DEFAULT_LIMIT) as usize;
    let offset = spec.offset as usize;
    let places = store.package.places.len();
    let mut result = QueryResult {
        total: 0,
        undated: 0,
        unplaced: 0,
        type_counts: vec![0; store.types.len()],
        actor_counts: vec![0; store.package.actors.len()],
        place_counts: vec![0; places],
        document_counts: vec![0; store.package.documents.len()],
        precision_counts: vec![0; Precision::ALL.len()],
        place_selected: vec![0; places],
        place_selected_within: vec![0; places],
        view,
        bins: None,
        ticks: Vec::new(),
        rows: Vec::new(),
        page: Vec::new(),
        lanes: Vec::new(),
        selected: None,
        view_page: Vec::new(),
        view_total: 0,
    };
    let step = bin_unit(spec)?;
    // Only a date range: the rows it can reach lie between two binary searches (plus the few
    // long or open spans), and the bins, which leave the range out, are those of every event.
    if let (true, Some((from, to))) = (filter.date_only(), filter.range) {
        let lower = i64::from(from) - i64::from(store.short_width);
        let lo = store.start.partition_point(|&s| i64::from(s) < lower);
        let hi = store.start.partition_point(|&s| s <= to);
        let long = store
            .long_rows
            .iter()
            .map(|&r| r as usize)
            .take_while(|&r| r < lo);
        // Rows starting within the range all match; before them, a row matches if it reaches in.
        let inside = store
            .start
            .partition_point(|&s| s < from)
            .clamp(lo, hi.max(lo));
        for row in long.chain(lo..inside) {
            if store.start[row] > to || store.end[row] < from {
                continue;
            }
            result.count_match(store, row, spec, (offset, limit), true);
        }
        // With the range inside the visible one, every match reaches into view: the matches in
        // view are all the matches, and the first of them make the marks.
        let in_view = view.is_some_and(|v| v.earliest <= from && to <= v.latest);
        match &store.blocks {
            // The page (and the marks) from the first rows, the rest a block at a time.
            Some(blocks) if spec.view_limit.is_none() || in_view => {
                let first = offset + limit.max(spec.view_limit.unwrap_or(0) as usize);
                let mut row = inside;
                while row < hi && (result.total as usize) < first {
                    result.count_match(store, row, spec, (offset, limit), true);
                    row += 1;
                }
                result.count_range(store, blocks, row, hi);
                if spec.with_rows {
                    result.rows.extend(row as u32..hi as u32);
                }
                if spec.view_limit.is_some() {
                    result.view_total = result.total;
                }
            }
            _ => {
                for row in inside..hi {
                    result.count_match(store, row, spec, (offset, limit), true);
                }
            }
        }
        if let Some(v) = view {
            result.bins = Some(all_bins(store, v, step));
        }
        return Ok(finish(store, spec, result));
    }
    let mut binner = view.map(|v| Binner::new(v, step));
    for row in 0..store.len() {
        let mask = filter.failed(store, row);
        if mask & !DATE == 0 {
            if let Some(b) = binner.as_mut() {
                b.add(store.start[row], store.end[row]);
            }
        }
        if mask & !TYPE == 0 {
            result.type_counts[store.type_code[row] as usize] += 1;
        }
        if mask & !ACTOR == 0 {
            for &a in store.actors_of(row) {
                result.actor_counts[a as usize] += 1;
            }
        }
        if mask & !PLACE == 0 && store.place_code[row] != NONE {
            result.place_counts[store.place_code[row] as usize] += 1;
        }
        if mask & !DOCUMENT == 0 {
            for &d in store.documents_of(row) {
                result.document_counts[d as usize] += 1;
            }
        }
        if mask & !PRECISION == 0 && store.precision[row] != u8::MAX {
            result.precision_counts[store.precision[row] as usize] += 1;
        }
        if mask != 0 {
            continue;
        }
        result.count_match(store, row, spec, (offset, limit), false);
    }
    if let (Some(_), Some(b)) = (view, binner) {
        result.bins = Some(b.finish());
    }
    Ok(finish(store, spec, result))
}

impl QueryResult {
    /// Counts rows `from..to`, which all match, in every facet: the whole blocks among them by
    /// the difference of two running counts, the ends row by row. No page entries.
    fn count_range(
        &mut self,
        store: &Store,
        blocks: &crate::engine::store::Blocks,
        from: usize,
        to: usize,
    ) {
        use crate::engine::store::BLOCK;
        let none = QuerySpec::default();
        let (first, last) = (from.div_ceil(BLOCK), to / BLOCK);
        if first >= last {
            for row in from..to {
                self.count_match(store, row, &none, (0, 0), true);
            }
            return;
        }
        for row in from..first * BLOCK {
            self.count_match(store, row, &none, (0, 0), true);
        }
        let add = |into: &mut [u32], running: &[u32]| {
            let n = into.len();
            let (a, b) = (&running[first * n..][..n], &running[last * n..][..n]);
            for ((x, lo), hi) in into.iter_mut().zip(a).zip(b) {
                *x += hi - lo;
            }
        };
        add(&mut self.type_counts, &blocks.types);
        add(&mut self.actor_counts, &blocks.actors);
        add(&mut self.place_counts, &blocks.places);
        add(&mut self.place_selected, &blocks.places);
        add(&mut self.document_counts, &blocks.documents);
        add(&mut self.precision_counts, &blocks.precisions);
        self.unplaced += blocks.unplaced[last] - blocks.unplaced[first];
        self.total += ((last - first) * BLOCK) as u32;
        for row in last * BLOCK..to {
            self.count_match(store, row, &none, (0, 0), true);
        }
    }

    /// Counts row `row`, which passes every filter; `facets` also counts it in every facet (the
    /// date-only path, where passing the range is all there is to pass).
    fn count_match(
        &mut self,
        store: &Store,
        row: usize,
        spec: &QuerySpec,
        (offset, limit): (usize, usize),
        facets: bool,
    ) {
        if facets {
            self.type_counts[store.type_code[row] as usize] += 1;
            for &a in store.actors_of(row) {
                self.actor_counts[a as usize] += 1;
            }
            if store.place_code[row] != NONE {
                self.place_counts[store.place_code[row] as usize] += 1;
            }
            for &d in store.documents_of(row) {
                self.document_counts[d as usize] += 1;
            }
            if store.precision[row] != u8::MAX {
                self.precision_counts[store.precision[row] as usize] += 1;
            }
        }
        let index = self.total as usize;
        self.total += 1;
        if store.precision[row] == u8::MAX {
            self.undated += 1;
        }
        match store.place_code[row] {
            NONE => self.unplaced += 1,
            p => self.place_selected[p as usize] += 1,
        }
        if spec.with_rows {
            self.rows.push(row as u32);
        }
        if index >= offset && index - offset < limit {
            self.page.push(row as u32);
        }
        if let (Some(most), Some(v)) = (spec.view_limit, self.view) {
            if store.start[row] <= v.latest && store.end[row] >= v.earliest {
                self.view_total += 1;
                if self.view_page.len() < most as usize {
                    self.view_page.push(row as u32);
                }
            }
        }
    }
}

/// The parts every query ends with: places rolled up, lanes, the card, ticks.
fn finish(store: &Store, spec: &QuerySpec, mut result: QueryResult) -> QueryResult {
    // A place's facet count includes the events at the places within it.
    result.place_counts = roll_up(store, &result.place_counts);
    result.place_selected_within = roll_up(store, &result.place_selected);
    if let (Some(width), Some(v)) = (spec.lane_width, result.view) {
        let marks = if spec.view_limit.is_some() {
            &result.view_page
        } else {
            &result.page
        };
        result.lanes = lanes_for(store, marks, v, width);
    }
    if let Some(id) = &spec.selected {
        result.selected = details(store, id).ok();
    }
    if let Some(v) = result.view {
        result.ticks = timeline::ticks(v.earliest, v.latest, spec.max_ticks.unwrap_or(10) as usize);
    }
    result
}

/// Adds each place's count to every place it lies within.
fn roll_up(store: &Store, own: &[u32]) -> Vec<u32> {
    let mut total = own.to_vec();
    for &p in &store.nested_places {
        let count = own[p as usize];
        if count > 0 {
            for ancestor in store.place_and_ancestors(p).skip(1) {
                total[ancestor as usize] += count;
            }
        }
    }
    total
}
