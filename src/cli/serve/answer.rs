//! The answers of `dateline serve`, in the JSON the page's engine gives for the same calls: the
//! dictionaries, `query(spec)` (typed arrays as arrays of numbers), `summaries(rows)` and
//! `event(id)`.
//!
//! The engine counts; this file puts the counts in dictionary order, bins the day spans with the
//! timeline's calendar, and makes list entries and cards by reading the few rows they need with
//! Dateline's own ACLED reader, so that they are the page's.

use dateline::engine::places::PlaceEntry;
use dateline::engine::query::{self, EventSummary, PlaceInfo, QuerySpec, DEFAULT_LIMIT};
use dateline::engine::store::TypeEntry;
use dateline::engine::timeline::{self, Bins, Step};
use dateline::json::{Object, ToJson, Value};
use dateline::model::calendar;
use dateline::model::edtf::{DaySpan, Precision};
use dateline::model::event_type::EVENT_TYPES;
use dateline::read::{self, Format, Options};
use dateline::Store;

use super::backend::{self, Backend};
use super::sql::{day, Field, Filters};
use super::tables::{EVENTS, OPTIONAL, REQUIRED};

/// The most rows `withRows` returns: a list of more is paged instead.
pub const MAX_ROWS: u64 = 1_000_000;

/// Why a request failed: an HTTP status and a message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// 400 for a request the server cannot answer, 404 for an unknown event, 500 when the
    /// engine failed.
    pub status: u16,
    /// What went wrong.
    pub message: String,
}

impl Failure {
    /// A request the server cannot answer as asked.
    pub fn bad(message: impl Into<String>) -> Failure {
        Failure {
            status: 400,
            message: message.into(),
        }
    }

    /// The engine's error.
    pub fn engine(message: String) -> Failure {
        Failure {
            status: 500,
            message,
        }
    }
}

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

/// Runs `sql`, turning the engine's error into a [`Failure`].
fn rows(backend: &mut Backend, sql: &str) -> Result<Vec<Value>, Failure> {
    backend.rows(sql).map_err(Failure::engine)
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
        let types = EVENT_TYPES
            .iter()
            .filter(|t| used.iter().any(|u| u == t.id))
            .map(|t| TypeEntry {
                id: t.id.to_string(),
                label: t.label.to_string(),
                family: t.family,
                acled_event_type: t.acled_event_type.map(str::to_string),
                acled_sub_event_type: t.acled_sub_event_type.map(str::to_string),
            })
            .collect();
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
    fn check_ids(&self, filters: &Filters) -> Result<(), Failure> {
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

/// The columns of the events that list entries and cards are made from.
fn event_columns() -> String {
    let mut columns = vec!["seq"];
    columns.extend(REQUIRED.iter().chain(OPTIONAL));
    columns.join(", ")
}

/// The events of `found` (rows with [`event_columns`]) read as the ACLED export they came from,
/// with each event's `seq`.
fn as_store(found: &[Value]) -> (Store, Vec<(String, u32)>) {
    let names: Vec<&str> = REQUIRED.iter().chain(OPTIONAL).copied().collect();
    let mut csv = names.join(",");
    csv.push('\n');
    let mut seqs = Vec::new();
    for row in found {
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                csv.push(',');
            }
            let value = backend::text(row.get(name)).unwrap_or_default();
            if value.contains([',', '"', '\n', '\r']) {
                csv.push('"');
                csv.push_str(&value.replace('"', "\"\""));
                csv.push('"');
            } else {
                csv.push_str(&value);
            }
        }
        csv.push('\n');
        let id = backend::text(row.get("event_id_cnty")).unwrap_or_default();
        let seq = backend::whole(row.get("seq")).unwrap_or(0) as u32;
        seqs.push((id, seq));
    }
    let options = Options {
        format: Some(Format::Acled),
        name: "server".into(),
        ..Options::default()
    };
    (
        Store::new(read::Reading::new(csv.into_bytes(), &options).finish()),
        seqs,
    )
}

/// The list entries of `found`, in its order, with the server's rows and place ids.
fn summaries_of(found: &[Value]) -> Vec<EventSummary> {
    let (store, seqs) = as_store(found);
    seqs.iter()
        .filter_map(|(id, seq)| {
            let row = store.row_of(id)?;
            let mut s = query::summary(&store, row);
            s.row = *seq;
            s.place = s.place_name.clone();
            Some(s)
        })
        .collect()
}

/// The list entries of the events at `seqs`, in that order. `days` (the first and last
/// `earliest` among them, and whether any is undated) lets the engine skip the blocks of other
/// days: the events table is sorted by day.
fn entries(
    backend: &mut Backend,
    seqs: &[u32],
    days: Option<(i64, i64, bool)>,
) -> Result<Vec<EventSummary>, Failure> {
    if seqs.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = seqs.iter().map(u32::to_string).collect();
    let near = match days {
        Some((first, last, false)) => format!("earliest >= {first} AND earliest <= {last} AND "),
        Some((first, last, true)) => {
            format!("(earliest IS NULL OR earliest >= {first} AND earliest <= {last}) AND ")
        }
        None => String::new(),
    };
    let sql = format!(
        "SELECT {} FROM {EVENTS} WHERE {near}seq IN ({})",
        event_columns(),
        list.join(", ")
    );
    let mut made = summaries_of(&rows(backend, &sql)?);
    let at: std::collections::HashMap<u32, usize> =
        seqs.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    made.sort_by_key(|m| at.get(&m.row).copied().unwrap_or(usize::MAX));
    Ok(made)
}

/// The list entries of the events a page query (`seq, earliest` of each) found, in its order.
fn entries_found(backend: &mut Backend, found: &[Value]) -> Result<Vec<EventSummary>, Failure> {
    let mut seqs = Vec::with_capacity(found.len());
    let (mut first, mut last, mut undated) = (i64::MAX, i64::MIN, false);
    for row in found {
        if let Some(seq) = backend::whole(row.get("seq")) {
            seqs.push(seq as u32);
        }
        match backend::whole(row.get("earliest")) {
            Some(day) => (first, last) = (first.min(day), last.max(day)),
            None => undated = true,
        }
    }
    entries(backend, &seqs, Some((first, last, undated)))
}

/// The list entries of the events at `seqs` (as a query's `rows` gives them), in that order.
pub fn summaries(backend: &mut Backend, seqs: &[u32]) -> Result<String, Failure> {
    Ok(entries(backend, seqs, None)?.to_json())
}

/// The card of the event `id`, as the page's `event(id)` gives it.
pub fn card(backend: &mut Backend, id: &str) -> Result<String, Failure> {
    let dialect = backend.dialect();
    let found = rows(
        backend,
        &format!(
            "SELECT {} FROM {EVENTS} WHERE event_id_cnty = {} LIMIT 1",
            event_columns(),
            dialect.quote(id)
        ),
    )?;
    let (store, seqs) = as_store(&found);
    let mut details = query::details(&store, id).map_err(|e| Failure {
        status: 404,
        message: e.to_string(),
    })?;
    details.summary.row = seqs.first().map_or(0, |s| s.1);
    details.summary.place = details.summary.place_name.clone();
    if let Some(place) = &mut details.place_details {
        place.id = place.name.clone();
    }
    for actor in &mut details.actors {
        actor.actor.id = actor.actor.name.clone();
    }
    Ok(details.to_json())
}

/// The visible range: the spec's view, else the filter's range clipped to the data, else the
/// data's extent.
fn visible(
    spec: &QuerySpec,
    filters: &Filters,
    extent: Option<DaySpan>,
) -> Result<Option<DaySpan>, Failure> {
    let bound = |field: &str, b: &Option<query::DayBound>, end| {
        b.as_ref()
            .map(|b| day(field, b, end))
            .transpose()
            .map_err(Failure::bad)
    };
    let (from, to) = (
        bound("viewFrom", &spec.view_from, false)?,
        bound("viewTo", &spec.view_to, true)?,
    );
    let (range_from, range_to) = filters.range.unwrap_or((None, None));
    match (
        from.or(range_from).or(extent.map(|e| e.earliest)),
        to.or(range_to).or(extent.map(|e| e.latest)),
    ) {
        (Some(f), Some(t)) if f <= t => Ok(Some(DaySpan {
            earliest: f,
            latest: t,
        })),
        (Some(_), Some(_)) => Err(Failure::bad(
            "query 'viewTo': the visible range ends before it starts",
        )),
        _ => Ok(None),
    }
}

/// The bin width the spec asks for; `None` leaves it to the visible range.
fn bin_unit(spec: &QuerySpec) -> Result<Option<Step>, Failure> {
    Ok(match spec.bin_unit.as_deref() {
        None => None,
        Some("day") => Some(Step::Day(1)),
        Some("week") => Some(Step::Week),
        Some("month") => Some(Step::Month(1)),
        Some("year") => Some(Step::Year(1)),
        Some(other) => {
            return Err(Failure::bad(format!(
                "query 'binUnit': '{other}' is not a bin unit; use day, week, month or year"
            )))
        }
    })
}

/// The most bins a query may ask for with `binUnit`: a page draws a few hundred, and a day's
/// bins over every representable day would not fit in memory.
pub const MAX_BINS: i64 = 100_000;

/// Refuses a bin width that cuts the visible range into more than [`MAX_BINS`] bins.
fn check_bins(view: Option<DaySpan>, step: Option<Step>) -> Result<(), Failure> {
    let (Some(v), Some(step)) = (view, step) else {
        return Ok(());
    };
    // The shortest each unit can be, so the count is never underestimated.
    let days = match step {
        Step::Day(n) => i64::from(n.max(1)),
        Step::Week => 7,
        Step::Month(n) => 28 * i64::from(n.max(1)),
        Step::Year(n) => 365 * i64::from(n.max(1)),
    };
    let bins = (i64::from(v.latest) - i64::from(v.earliest) + 1) / days;
    if bins > MAX_BINS {
        return Err(Failure::bad(format!(
            "query 'binUnit': about {bins} bins of a {} over the visible range; the most is {MAX_BINS}",
            step.unit()
        )));
    }
    Ok(())
}

/// Bins `spans` (day span and count) over `view`: certain in the bin that holds a whole span,
/// possible in every bin a span reaches otherwise, as the page's engine bins.
fn bins(view: DaySpan, step: Option<Step>, spans: &[(i32, i32, u32)]) -> Bins {
    let step = step.unwrap_or_else(|| timeline::bin_step(view.earliest, view.latest));
    let edges = timeline::bin_edges(step, view.earliest, view.latest);
    let count = edges.len() - 1;
    let mut certain = vec![0u32; count];
    let mut starts = vec![0i64; count + 1];
    let bin_of = |day: i32| {
        edges
            .partition_point(|&e| e <= day)
            .saturating_sub(1)
            .min(count - 1)
    };
    for &(start, end, n) in spans {
        if start > view.latest || end < view.earliest {
            continue;
        }
        let (a, b) = (
            bin_of(start.max(view.earliest)),
            bin_of(end.min(view.latest)),
        );
        if start >= edges[a] && end < edges[a + 1] {
            certain[a] += n;
        } else {
            starts[a] += i64::from(n);
            starts[b + 1] -= i64::from(n);
        }
    }
    let mut running = 0i64;
    let possible = starts[..count]
        .iter()
        .map(|&d| {
            running += d;
            running as u32
        })
        .collect();
    Bins {
        step,
        edges,
        certain,
        possible,
    }
}

/// Lanes for the marks of `page` on a timeline `width` pixels wide showing `view`.
fn lanes(page: &[EventSummary], view: DaySpan, width: f64) -> Vec<u32> {
    let days = f64::from(view.latest) - f64::from(view.earliest) + 1.0;
    let x = |day: i32| (f64::from(day) - f64::from(view.earliest)) / days * width;
    let extents: Vec<(f64, f64)> = page
        .iter()
        .map(|s| match (s.start, s.end) {
            (Some(start), Some(end)) if start <= view.latest && end >= view.earliest => {
                let (left, right) = (
                    x(start.max(view.earliest)),
                    x(end.min(view.latest)) + width / days,
                );
                let middle = (left + right) / 2.0;
                let half = ((right - left).max(query::MIN_MARK_WIDTH)) / 2.0;
                (middle - half, middle + half)
            }
            _ => (f64::NEG_INFINITY, f64::NEG_INFINITY),
        })
        .collect();
    timeline::lanes(&extents, query::LANE_GAP)
        .into_iter()
        .map(u32::from)
        .collect()
}

/// What the span counts say: the matching total, the undated matches, and how many matches
/// reach into `view`.
fn totals(
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

/// The facet counts of a query, in dictionary order.
struct Facets {
    types: Vec<u32>,
    actors: Vec<u32>,
    places: Vec<u32>,
    precision: Vec<u32>,
    place_selected: Vec<u32>,
    unplaced: u32,
}

impl Facets {
    /// One grouped query per facet, each with every filter but its own.
    fn count(
        backend: &mut Backend,
        dict: &Dictionaries,
        filters: &Filters,
    ) -> Result<Facets, Failure> {
        let dialect = backend.dialect();
        let mut facet = |field: Field, keys: &[&str]| -> Result<(Vec<u32>, Vec<Value>), Failure> {
            let counted = rows(backend, &filters.facet(dialect, field))?;
            Ok((ordered(&counted, keys), counted))
        };
        let type_keys: Vec<&str> = dict.types.iter().map(|t| t.id.as_str()).collect();
        let actor_keys: Vec<&str> = dict.actors.iter().map(String::as_str).collect();
        let place_keys: Vec<&str> = dict.places.iter().map(|p| p.0.as_str()).collect();
        let precision_keys: Vec<&str> = Precision::ALL.iter().map(|p| p.as_str()).collect();
        let types = facet(Field::Type, &type_keys)?.0;
        let actors = facet(Field::Actor, &actor_keys)?.0;
        let (places, by_place) = facet(Field::Place, &place_keys)?;
        let precision = facet(Field::Precision, &precision_keys)?.0;
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
            .zip(&places)
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
    let facets = Facets::count(backend, dict, &filters)?;
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
    let mut out = String::new();
    Object::new(&mut out)
        .field("total", &total)
        .field("undated", &undated)
        .field("unplaced", &facets.unplaced)
        .field("typeCounts", &facets.types)
        .field("actorCounts", &facets.actors)
        .field("placeCounts", &facets.places)
        .field("documentCounts", &Vec::<u32>::new())
        .field("precisionCounts", &facets.precision)
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

    #[test]
    fn spans_are_binned_as_the_page_bins_them() {
        // January 2020 in days: one event on the 2nd, one across the month's end.
        let jan = calendar::day_number(2020, 1, 1) as i32;
        let view = DaySpan {
            earliest: jan,
            latest: jan + 59,
        };
        let b = bins(
            view,
            Some(Step::Month(1)),
            &[(jan + 1, jan + 1, 2), (jan + 30, jan + 32, 1)],
        );
        assert_eq!(b.certain, vec![2, 0]);
        assert_eq!(b.possible, vec![1, 1]);
    }
}
