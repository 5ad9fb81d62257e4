//! What one query answers: the counts, the page and the view that a view of the explorer draws
//! after one interaction.

use crate::engine::store::Store;
use crate::engine::timeline::{Bins, Tick};
use crate::model::edtf::{DaySpan, Precision};

use super::card::EventDetails;
use super::ranked::RankedFacets;

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
    /// The options of each facet to draw, from the counts above: what crosses to the page.
    pub facets: RankedFacets,
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
    /// The rows of one page of matching events, in date order (see [`summaries`](super::summaries)).
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

impl QueryResult {
    /// Nothing counted yet: a zero for every facet entry of `store`, over the visible range
    /// `view`.
    pub(super) fn empty(store: &Store, view: Option<DaySpan>) -> QueryResult {
        let places = store.package.places.len();
        QueryResult {
            total: 0,
            undated: 0,
            unplaced: 0,
            type_counts: vec![0; store.types.len()],
            actor_counts: vec![0; store.package.actors.len()],
            place_counts: vec![0; places],
            document_counts: vec![0; store.package.documents.len()],
            precision_counts: vec![0; Precision::ALL.len()],
            facets: RankedFacets::default(),
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
        }
    }
}
