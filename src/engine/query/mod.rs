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

use crate::engine::store::Store;
use crate::engine::timeline::TimeScale;
use crate::model::edtf::Precision;
use crate::model::error::Error;

mod card;
mod dictionary;
mod facets;
mod figures;
mod filter;
mod ranked;
mod result;
mod spec;
mod summary;
mod view;

pub use card::{
    details, ActorRole, DraftInfo, EventDetails, LinkInfo, RelationInfo, RuleInfo, SourceInfo,
};
pub use dictionary::{actor_info, document_info, place_info, ActorInfo, DocumentInfo, PlaceInfo};
use facets::roll_up;
pub use figures::{figure_words, FigureGroup, FigureReading};
use filter::Filter;
pub use ranked::{rank, RankedFacet, RankedFacets, DEFAULT_FACET_LIMIT};
pub use result::QueryResult;
pub use spec::{DayBound, FacetLimits, QuerySpec, DEFAULT_LIMIT, SPEC_FIELDS};
pub use summary::{summaries, summaries_json, summary, EventSummary, TITLE_CHARS};
pub use view::{bin_unit, mark_lanes, Binner, LANE_GAP, MIN_MARK_WIDTH};
use view::{lanes_for, visible_range};

/// Answers one view's questions in one pass over the store.
pub fn run(store: &Store, spec: &QuerySpec) -> Result<QueryResult, Error> {
    let filter = Filter::resolve(store, spec)?;
    let view = visible_range(store, spec, filter.range)?;
    let limit = spec.limit.unwrap_or(DEFAULT_LIMIT) as usize;
    let offset = spec.offset as usize;
    let mut result = QueryResult::empty(store, view);
    // Calendar bins mean nothing on a scale of years: it picks round runs of years itself.
    let step = bin_unit(spec)?.filter(|_| store.scale() == TimeScale::Days);
    match (filter.date_only(), filter.range) {
        (true, Some(range)) => result.count_date_range(store, spec, range, step, (offset, limit)),
        _ => result.count_crossfilter(store, spec, &filter, step, (offset, limit)),
    }
    Ok(finish(store, spec, &filter, result))
}

/// The parts every query ends with: places rolled up, lanes, the card, ticks.
fn finish(
    store: &Store,
    spec: &QuerySpec,
    filter: &Filter,
    mut result: QueryResult,
) -> QueryResult {
    // A place's facet count includes the events at the places within it.
    result.place_counts = roll_up(store, &result.place_counts);
    result.place_selected_within = roll_up(store, &result.place_selected);
    result.facets = rank_facets(store, spec, filter, &result);
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
        let most = spec.max_ticks.unwrap_or(10) as usize;
        result.ticks = store.scale().ticks(v.earliest, v.latest, most);
    }
    result
}

/// Ranks the facet counts of `result` for `spec`: each facet's limit from `spec.facet_limits`,
/// the ticked options from its resolved `filter`.
fn rank_facets(
    store: &Store,
    spec: &QuerySpec,
    filter: &Filter,
    result: &QueryResult,
) -> RankedFacets {
    let limits = &spec.facet_limits;
    let limit = |l: Option<u32>| l.unwrap_or(DEFAULT_FACET_LIMIT) as usize;
    let p = &store.package;
    let [types, actors, places, documents, precision] = filter.ticked();
    RankedFacets {
        types: rank(
            &result.type_counts,
            &|i| store.types[i].label.as_str(),
            limit(limits.types),
            &types,
        ),
        actors: rank(
            &result.actor_counts,
            &|i| p.actors[i].name.as_str(),
            limit(limits.actors),
            &actors,
        ),
        places: rank(
            &result.place_counts,
            &|i| p.places[i].name.as_str(),
            limit(limits.places),
            &places,
        ),
        documents: rank(
            &result.document_counts,
            &|i| p.documents[i].title.as_str(),
            limit(limits.documents),
            &documents,
        ),
        precision: rank(
            &result.precision_counts,
            &|i| Precision::ALL[i].label(),
            limit(limits.precision),
            &precision,
        ),
    }
}
