//! List entries and cards: the few rows they need read from the events table, and made by
//! Dateline's own ACLED reader, so that their titles, date labels and figures are the page's.

use dateline::engine::query::{self, EventSummary};
use dateline::json::{ToJson, Value};
use dateline::read::{self, Format, Options};
use dateline::Store;

use super::backend::{self, Backend};
use super::failure::{rows, Failure};
use super::tables::{EVENTS, OPTIONAL, REQUIRED};

/// The columns of the events that list entries, cards and exports are made from.
pub fn event_columns() -> String {
    let mut columns = vec!["seq"];
    columns.extend(REQUIRED.iter().chain(OPTIONAL));
    columns.join(", ")
}

/// The events of `found` (rows with [`event_columns`]) read as the ACLED export they came from,
/// with each event's `seq`.
fn as_store(found: &[Value]) -> (Store, Vec<(String, u32)>) {
    as_named_store(found, "server")
}

/// [`as_store`], with the store's title made from `name` as the ACLED reader makes it from a
/// file's name.
pub fn as_named_store(found: &[Value], name: &str) -> (Store, Vec<(String, u32)>) {
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
        name: name.into(),
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
pub fn entries_found(backend: &mut Backend, found: &[Value]) -> Result<Vec<EventSummary>, Failure> {
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
