//! The answers of `dateline serve`, in the JSON the page's engine gives for the same calls: the
//! dictionaries, `query(spec)` (typed arrays as arrays of numbers), `summaries(rows)` and
//! `event(id)`.
//!
//! The engine counts; this file puts the counts in dictionary order and the answer together,
//! with the timeline's bins and lanes from `view.rs` and the list entries and cards from
//! `entries.rs`.

use dateline::engine::places::PlaceEntry;
use dateline::engine::query::{
    rank, EventSummary, FacetLimits, PlaceInfo, QuerySpec, RankedFacet, DEFAULT_FACET_LIMIT,
    DEFAULT_LIMIT,
};
use dateline::engine::store::type_dictionary;
use dateline::engine::store::TypeEntry;
use dateline::engine::timeline;
use dateline::json::{Object, ToJson, Value};
use dateline::model::calendar;
use dateline::model::edtf::{DaySpan, Precision};

use super::backend::{self, Backend};
use super::entries::{card, entries_found};
use super::failure::{rows, Failure};
use super::sql::{Field, Filters};
use super::tables::EVENTS;
use super::view::{bin_unit, bins, check_bins, lanes, visible};

/// The most rows `withRows` returns: a list of more is paged instead.
pub const MAX_ROWS: u64 = 1_000_000;

/// The dictionaries of the data, read once: what the facet counts are in the order of.
pub struct Dictionaries {
    /// The types the events use, in legend order.
    pub types: Vec<TypeEntry>,
    /// Places by name (their id), with a latitude and longitude.
    pub places: Vec<(String, Option<f64>, Option<f64>)>,
    /// Actors by name (their id).
    pub actors: Vec<String>,
    /// The first and last day of the dated events.
    pub extent: Option<DaySpan>,
}

/// Counts `(k, n)` rows into the order of `keys`; rows whose key is not there are left out.
fn ordered(counted: &[Value], keys: &[&str]) -> Vec<u32> {
    let by_key: std::collections::HashMap<String, u32> = counted
        .iter()
        .filter_map(|r| {
            let n = backend::whole(r.get("n")).unwrap_or(0) as u32;
            Some((backend::text(r.get("k"))?, n))
        })
        .collect();
    keys.iter()
        .map(|k| by_key.get(*k).copied().unwrap_or(0))
        .collect()
}

impl Dictionaries {
    /// Reads the dictionaries from the built tables.
    pub fn read(backend: &mut Backend) -> Result<Dictionaries, Failure> {
        let used: Vec<String> = rows(backend, &format!("SELECT DISTINCT type AS k FROM {EVENTS}"))?
            .iter()
            .filter_map(|r| backend::text(r.get("k")))
            .collect();
        let types = type_dictionary(&used);
        let mut places: Vec<(String, Option<f64>, Option<f64>)> = rows(
            backend,
            &format!(
                "SELECT place AS k, min(latitude) AS lat, min(longitude) AS lon FROM {EVENTS} \
                 WHERE place IS NOT NULL GROUP BY place"
            ),
        )?
        .iter()
        .filter_map(|r| {
            let name = backend::text(r.get("k"))?;
            Some((
                name,
                backend::decimal(r.get("lat")),
                backend::decimal(r.get("lon")),
            ))
        })
        .collect();
        places.sort_by(|a, b| a.0.cmp(&b.0));
        let mut actors: Vec<String> = rows(
            backend,
            &format!("SELECT DISTINCT actor AS k FROM {}", super::tables::ACTORS),
        )?
        .iter()
        .filter_map(|r| backend::text(r.get("k")))
        .collect();
        actors.sort();
        let extent = rows(
            backend,
            &format!("SELECT min(earliest) AS a, max(latest) AS b FROM {EVENTS}"),
        )?
        .first()
        .and_then(|r| {
            Some(DaySpan {
                earliest: backend::whole(r.get("a"))? as i32,
                latest: backend::whole(r.get("b"))? as i32,
            })
        });
        Ok(Dictionaries {
            types,
            places,
            actors,
            extent,
        })
    }

    /// The place dictionary as the page's `places()` gives it.
    pub fn places_json(&self) -> String {
        let entries: Vec<PlaceEntry> = self
            .places
            .iter()
            .map(|(name, lat, lon)| PlaceEntry {
                info: PlaceInfo {
                    id: name.clone(),
                    name: name.clone(),
                    aliases: Vec::new(),
                    kind: None,
                    lat: *lat,
                    lon: *lon,
                    precision: None,
                    precision_label: None,
                    within: None,
                    note: None,
                },
                parent: None,
                depth: 0,
            })
            .collect();
        entries.to_json()
    }

    /// The actor dictionary as the page's `actors()` gives it.
    pub fn actors_json(&self) -> String {
        let mut out = String::from("[");
        for (i, name) in self.actors.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            Object::new(&mut out)
                .field("id", name)
                .field("name", name)
                .field("aliases", &Vec::<String>::new())
                .field("kind", &None::<String>)
                .field("affiliation", &None::<String>)
                .field("note", &None::<String>)
                .end();
        }
        out.push(']');
        out
    }

    /// `{ from, to, fromDay, toDay }` of `span`, or `null`.
    pub fn span_json(span: Option<DaySpan>) -> String {
        let mut out = String::new();
        match span {
            Some(s) => Object::new(&mut out)
                .field("from", &calendar::format_day(i64::from(s.earliest)))
                .field("to", &calendar::format_day(i64::from(s.latest)))
                .field("fromDay", &s.earliest)
                .field("toDay", &s.latest)
                .end(),
            None => out.push_str("null"),
        }
        out
    }

    /// Checks that every id of the spec names an entry, as the page's engine does.
    pub fn check_ids(&self, filters: &Filters) -> Result<(), Failure> {
        let known = |field: &str, ids: &[String], has: &dyn Fn(&str) -> bool, what: &str| match ids
            .iter()
            .find(|id| !has(id))
        {
            Some(id) => Err(Failure::bad(format!(
                "query '{field}': there is no {what} with the id '{id}'"
            ))),
            None => Ok(()),
        };
        known(
            "types",
            &filters.types,
            &|id| self.types.iter().any(|t| t.id == id),
            "type in this data",
        )?;
        known(
            "actors",
            &filters.actors,
            &|id| self.actors.binary_search_by(|a| a.as_str().cmp(id)).is_ok(),
            "actor",
        )?;
        known(
            "places",
            &filters.places,
            &|id| {
                self.places
                    .binary_search_by(|p| p.0.as_str().cmp(id))
                    .is_ok()
            },
            "place",
        )
    }
}

/// What the span counts say: the matching total, the undated matches, and how many matches
/// reach into `view`.
pub(super) fn totals(
    filters: &Filters,
    spans: &[Value],
    view: Option<DaySpan>,
) -> (Vec<(i32, i32, u32)>, u32, u32, u32) {
    let (from, to) = filters.range.unwrap_or((None, None));
    let (mut total, mut undated, mut in_view) = (0u32, 0u32, 0u32);
    let mut dated = Vec::with_capacity(spans.len());
    for row in spans {
        let n = backend::whole(row.get("n")).unwrap_or(0) as u32;
        match (backend::whole(row.get("a")), backend::whole(row.get("b"))) {
            (Some(a), Some(b)) => {
                let (a, b) = (a as i32, b as i32);
                dated.push((a, b, n));
                if from.is_some_and(|f| b < f) || to.is_some_and(|t| a > t) {
                    continue;
                }
                total += n;
                if view.is_some_and(|v| b >= v.earliest && a <= v.latest) {
                    in_view += n;
                }
            }
            _ if filters.range.is_none() => {
                total += n;
                undated += n;
            }
            _ => {}
        }
    }
    (dated, total, undated, in_view)
}

/// The options of a query's facets to draw (see [`RankedFacet`]), and the counts of the map.
struct Facets {
    types: RankedFacet,
    actors: RankedFacet,
    places: RankedFacet,
    precision: RankedFacet,
    place_selected: Vec<u32>,
    unplaced: u32,
}

/// The dictionary indices of the ids `ids`, by `index`.
fn indices(ids: &[String], index: impl Fn(&str) -> Option<usize>) -> Vec<usize> {
    ids.iter().filter_map(|id| index(id)).collect()
}

impl Facets {
    /// One grouped query per facet, each with every filter but its own. The actors are ranked
    /// and cut by the engine; the places are all read, as the map needs the count of each; the
    /// types and precisions are few, and their labels are not their ids.
    fn count(
        backend: &mut Backend,
        dict: &Dictionaries,
        filters: &Filters,
        limits: &FacetLimits,
    ) -> Result<Facets, Failure> {
        let dialect = backend.dialect();
        let limit = |l: Option<u32>| l.unwrap_or(DEFAULT_FACET_LIMIT);
        let mut facet = |field: Field, keys: &[&str]| -> Result<(Vec<u32>, Vec<Value>), Failure> {
            let counted = rows(backend, &filters.facet(dialect, field))?;
            Ok((ordered(&counted, keys), counted))
        };
        let type_keys: Vec<&str> = dict.types.iter().map(|t| t.id.as_str()).collect();
        let place_keys: Vec<&str> = dict.places.iter().map(|p| p.0.as_str()).collect();
        let precision_keys: Vec<&str> = Precision::ALL.iter().map(|p| p.as_str()).collect();
        let type_counts = facet(Field::Type, &type_keys)?.0;
        let (place_counts, by_place) = facet(Field::Place, &place_keys)?;
        let precision_counts = facet(Field::Precision, &precision_keys)?.0;
        let place_index = |id: &str| dict.places.binary_search_by(|p| p.0.as_str().cmp(id)).ok();
        let actor_index = |id: &str| dict.actors.binary_search_by(|a| a.as_str().cmp(id)).ok();
        let types = rank(
            &type_counts,
            &|i| dict.types[i].label.as_str(),
            limit(limits.types) as usize,
            &indices(&filters.types, |id| type_keys.iter().position(|k| *k == id)),
        );
        let places = rank(
            &place_counts,
            &|i| dict.places[i].0.as_str(),
            limit(limits.places) as usize,
            &indices(&filters.places, place_index),
        );
        let precision = rank(
            &precision_counts,
            &|i| Precision::ALL[i].label(),
            limit(limits.precision) as usize,
            &indices(&filters.precision, |id| {
                Precision::from_name(id).map(|p| p as usize)
            }),
        );
        let sql = filters.ranked_facet(
            dialect,
            Field::Actor,
            u64::from(limit(limits.actors)),
            &filters.actors,
        );
        let found = rows(backend, &sql)?;
        // The options the engine kept, at their counts: the ranking of these is the ranking
        // of all, as the cut keeps the top and the ticked.
        let mut actor_counts = vec![0u32; dict.actors.len()];
        for r in &found {
            if let Some(i) = backend::text(r.get("k")).and_then(|k| actor_index(&k)) {
                actor_counts[i] = backend::whole(r.get("n")).unwrap_or(0) as u32;
            }
        }
        let mut actors = rank(
            &actor_counts,
            &|i| dict.actors[i].as_str(),
            limit(limits.actors) as usize,
            &indices(&filters.actors, actor_index),
        );
        actors.total = found
            .first()
            .and_then(|r| backend::whole(r.get("m")))
            .unwrap_or(0) as u32;
        // Without a place filter the place counts have every filter, so their NULL key is the
        // matches without a place; with one, no match is without a place.
        let unplaced = if filters.places.is_empty() {
            by_place
                .iter()
                .filter(|r| r.get("k").is_none_or(Value::is_null))
                .map(|r| backend::whole(r.get("n")).unwrap_or(0) as u32)
                .sum()
        } else {
            0
        };
        // ACLED's places lie within none, so the matches at a place are its facet count when
        // it passes the place filter.
        let place_selected = place_keys
            .iter()
            .zip(&place_counts)
            .map(|(k, &n)| {
                let on = filters.places.is_empty() || filters.places.iter().any(|p| p == k);
                if on {
                    n
                } else {
                    0
                }
            })
            .collect();
        Ok(Facets {
            types,
            actors,
            places,
            precision,
            place_selected,
            unplaced,
        })
    }
}

/// The events a query lists: the page, the marks in view, every row when asked for.
struct Listed {
    page: Vec<EventSummary>,
    view_page: Vec<EventSummary>,
    rows: Vec<u32>,
}

/// The first and last day on which the first `need` matches start (those reaching into `view`
/// when it is given), from the span counts of the events passing every filter but the date
/// range; `None` when fewer match, as undated events may then be in the page.
fn page_days(
    dated: &[(i32, i32, u32)],
    filters: &Filters,
    view: Option<(i32, i32)>,
    need: u64,
) -> Option<(i32, i32)> {
    let (from, to) = filters.range.unwrap_or((None, None));
    let mut starts: Vec<(i32, u32)> = dated
        .iter()
        .filter(|&&(a, b, _)| from.is_none_or(|f| b >= f) && to.is_none_or(|t| a <= t))
        .filter(|&&(a, b, _)| view.is_none_or(|(f, t)| b >= f && a <= t))
        .map(|&(a, _, n)| (a, n))
        .collect();
    starts.sort_unstable();
    let first = starts.first()?.0;
    let mut counted = 0u64;
    starts.into_iter().find_map(|(a, n)| {
        counted += u64::from(n);
        (counted >= need).then_some((first, a))
    })
}

impl Listed {
    fn read(
        backend: &mut Backend,
        spec: &QuerySpec,
        filters: &Filters,
        (total, view_total, view): (u32, u32, Option<DaySpan>),
        dated: &[(i32, i32, u32)],
    ) -> Result<Listed, Failure> {
        let dialect = backend.dialect();
        let limit = u64::from(spec.limit.unwrap_or(DEFAULT_LIMIT));
        // The page's rows first, from the narrow columns; then their text, from the blocks of
        // their days only.
        let columns = "seq, earliest";
        let offset = u64::from(spec.offset);
        let days = page_days(dated, filters, None, offset + limit);
        let sql = filters.page(dialect, columns, (offset, limit), None, days);
        let found = rows(backend, &sql)?;
        let page = entries_found(backend, &found)?;
        // More in view than the limit: the page draws a histogram, so no marks are listed.
        let view_page = match (spec.view_limit, view) {
            (Some(most), Some(v)) if view_total > 0 && view_total <= most => {
                let range = Some((v.earliest, v.latest));
                let days = page_days(dated, filters, range, u64::from(view_total));
                let sql = filters.page(dialect, columns, (0, u64::from(most)), range, days);
                let found = rows(backend, &sql)?;
                entries_found(backend, &found)?
            }
            _ => Vec::new(),
        };
        let rows = if spec.with_rows {
            if u64::from(total) > MAX_ROWS {
                return Err(Failure::bad(format!(
                    "query 'withRows': {total} events match; the server lists at most {MAX_ROWS}: narrow the filters or page with offset and limit"
                )));
            }
            let sql = filters.page(dialect, "seq", (0, u64::from(total)), None, None);
            rows(backend, &sql)?
                .iter()
                .filter_map(|r| backend::whole(r.get("seq")).map(|s| s as u32))
                .collect()
        } else {
            Vec::new()
        };
        Ok(Listed {
            page,
            view_page,
            rows,
        })
    }
}

/// The last few day-span counts read. A brush changes only the date range, which the span
/// counts leave out, so each step of a brush asks for the same counts; the tables do not change
/// while the server runs.
#[derive(Default)]
pub struct SpanCache {
    recent: Vec<(String, Vec<Value>)>,
}

impl SpanCache {
    /// The rows of `sql`, from the cache or the engine.
    fn rows(&mut self, backend: &mut Backend, sql: String) -> Result<&[Value], Failure> {
        let at = match self.recent.iter().position(|(s, _)| *s == sql) {
            Some(i) => i,
            None => {
                let found = rows(backend, &sql)?;
                if self.recent.len() >= 8 {
                    self.recent.remove(0);
                }
                self.recent.push((sql, found));
                self.recent.len() - 1
            }
        };
        Ok(&self.recent[at].1)
    }
}

/// Answers one view's spec, as the page's `query(spec)`.
pub fn answer(
    backend: &mut Backend,
    dict: &Dictionaries,
    cache: &mut SpanCache,
    spec: &QuerySpec,
) -> Result<String, Failure> {
    let filters = Filters::of(spec).map_err(Failure::bad)?;
    dict.check_ids(&filters)?;
    let view = visible(spec, &filters, dict.extent)?;
    let step = bin_unit(spec)?;
    check_bins(view, step)?;
    let facets = Facets::count(backend, dict, &filters, &spec.facet_limits)?;
    let spans = cache.rows(backend, filters.spans(backend.dialect()))?;
    let (dated, total, undated, in_view) = totals(&filters, spans, view);
    // Counted only for a timeline that asks, as the page's engine does.
    let view_total = if spec.view_limit.is_some() {
        in_view
    } else {
        0
    };
    let listed = Listed::read(backend, spec, &filters, (total, view_total, view), &dated)?;
    let marks = if spec.view_limit.is_some() {
        &listed.view_page
    } else {
        &listed.page
    };
    let lanes = match (spec.lane_width, view) {
        (Some(width), Some(v)) => lanes(marks, v, width),
        _ => Vec::new(),
    };
    let selected = match &spec.selected {
        Some(id) => card(backend, id).ok(),
        None => None,
    };
    let bins_json = view.map(|v| {
        let b = bins(v, step, &dated);
        let mut o = String::new();
        Object::new(&mut o)
            .field("unit", b.step.unit())
            .field("edges", &b.edges)
            .field("certain", &b.certain)
            .field("possible", &b.possible)
            .end();
        o
    });
    let ticks = view.map_or_else(Vec::new, |v| {
        timeline::ticks(v.earliest, v.latest, spec.max_ticks.unwrap_or(10) as usize)
    });
    let mut facets_json = String::new();
    Object::new(&mut facets_json)
        .field("types", &facets.types)
        .field("actors", &facets.actors)
        .field("places", &facets.places)
        .field("documents", &RankedFacet::default())
        .field("precision", &facets.precision)
        .end();
    let mut out = String::new();
    Object::new(&mut out)
        .field("total", &total)
        .field("undated", &undated)
        .field("unplaced", &facets.unplaced)
        .field("facets", &Raw(&facets_json))
        .field("placeSelected", &facets.place_selected)
        .field("placeSelectedWithin", &facets.place_selected)
        .field("lanes", &lanes)
        .field("selected", &Raw(selected.as_deref().unwrap_or("null")))
        .field("rows", &listed.rows)
        .field("view", &Raw(&Dictionaries::span_json(view)))
        .field("bins", &Raw(bins_json.as_deref().unwrap_or("null")))
        .field("ticks", &ticks)
        .field("page", &listed.page)
        .field("viewPage", &listed.view_page)
        .field("viewTotal", &view_total)
        .end();
    Ok(out)
}

/// JSON text already written, put in place as it is.
struct Raw<'t>(&'t str);

impl ToJson for Raw<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_starts_on_the_days_its_span_counts_give() {
        let spans = [(10, 10, 2), (5, 40, 1), (20, 21, 5), (30, 30, 4)];
        let all = Filters::default();
        assert_eq!(page_days(&spans, &all, None, 3), Some((5, 10)));
        assert_eq!(page_days(&spans, &all, None, 4), Some((5, 20)));
        assert_eq!(page_days(&spans, &all, None, 13), None);
        let late = Filters {
            range: Some((Some(15), None)),
            ..Filters::default()
        };
        assert_eq!(page_days(&spans, &late, None, 2), Some((5, 20)));
        assert_eq!(page_days(&spans, &all, Some((25, 35)), 2), Some((5, 30)));
    }
}
