//! The CSV export: ACLED's columns, then Dateline's own (`model::csv_columns`).

use crate::engine::store::Store;
use crate::json::number_text;
use crate::model::calendar::format_day;
use crate::model::csv_columns::CSV_COLUMNS;
use crate::model::text::StrSet;
use crate::model::{Event, Package, Place, Qualifier};

/// A CSV field: quoted when it must be, and kept from running as a spreadsheet formula.
fn csv_field(value: &str) -> String {
    // Spreadsheets run a cell that starts with = + @ (or - before a non-digit) as a formula; a
    // leading apostrophe keeps it text. Negative numbers and years stay as they are.
    let formula = value.starts_with(['=', '+', '@'])
        || (value.starts_with('-')
            && !value[1..].starts_with(|c: char| c.is_ascii_digit())
            && value.len() > 1);
    let value = if formula {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// CSV: ACLED's columns where they apply (so ACLED tools read it), then Dateline's own, so that
/// reading it back keeps the date, type, title, roles, figures and quotes.
pub fn csv(store: &Store, rows: &[u32]) -> String {
    let mut out = csv_header();
    csv_lines(store, rows, &mut out);
    out
}

/// The CSV export's header line, with its line break: what [`csv`] writes first.
pub fn csv_header() -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    out
}

/// Appends the lines [`csv`] writes after its header for `rows`, one an event. A line says
/// nothing of the other events, so a file written in parts (the header once, then the lines of
/// each part) holds the bytes of the whole written at once.
pub fn csv_lines(store: &Store, rows: &[u32], out: &mut String) {
    let package = store.package();
    for &r in rows {
        let e = store.event_at(r as usize);
        let place = e
            .place
            .as_deref()
            .and_then(|id| package.places.iter().find(|p| p.id == id));
        let mut fields = acled_fields(store, &e, place);
        fields.extend(own_fields(package, &e, place));
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
}

/// ACLED's `event_date` and `time_precision` for an event: the middle day of its span, and
/// whether the span is a day (1), at most a week (2) or longer (3). Empty for an open or
/// unknown date.
fn acled_date(e: &Event) -> (String, &'static str) {
    match e.date.as_ref().map(|d| d.edtf.span()) {
        Some(s) if s.earliest != i32::MIN && s.latest != i32::MAX => {
            let days = i64::from(s.latest) - i64::from(s.earliest) + 1;
            let mid = i64::from(s.earliest) + (days - 1) / 2;
            match days {
                1 => (format_day(mid), "1"),
                2..=7 => (format_day(mid), "2"),
                _ => (format_day(mid), "3"),
            }
        }
        _ => (String::new(), ""),
    }
}

/// The name of actor `id`, or the id itself when the package has no such actor.
fn actor_name(package: &Package, id: &str) -> String {
    package
        .actors
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// The names of an event's actors in any of `roles`, joined by "; ".
fn actors_in(package: &Package, e: &Event, roles: &[&str]) -> String {
    e.actors
        .iter()
        .filter(|a| roles.contains(&a.role.as_str()))
        .map(|a| actor_name(package, &a.actor))
        .collect::<Vec<_>>()
        .join("; ")
}

/// ACLED's 31 columns of an event, in ACLED's order.
fn acled_fields(store: &Store, e: &Event, place: Option<&Place>) -> Vec<String> {
    let package = store.package();
    let entry = store.types().iter().find(|t| t.id == e.event_type);
    let (event_date, precision) = acled_date(e);
    let mut actor1 = actors_in(
        package,
        e,
        &[
            "perpetrator",
            "participant",
            "speaker",
            "instigator",
            "suspected",
        ],
    );
    let mut actor2 = actors_in(package, e, &["target", "killed", "recipient", "subject"]);
    if actor2.is_empty() {
        if let Some(at) = memchr::memmem::find(actor1.as_bytes(), b"; ") {
            actor2 = actor1[at + 2..].to_string();
            actor1.truncate(at);
        }
    }
    let killed = e
        .figures
        .iter()
        .find(|f| f.what == "killed" && matches!(f.qualifier, Qualifier::Exact | Qualifier::About));
    let documents: Vec<&str> = e
        .sources
        .iter()
        .filter_map(|s| package.documents.iter().find(|d| d.id == s.document))
        .map(|d| d.title.as_str())
        .collect::<StrSet>()
        .iter()
        .collect();
    let notes = e
        .summary
        .clone()
        .or_else(|| e.sources.first().map(|s| s.quote.clone()))
        .unwrap_or_default();
    let coordinate = |pick: fn((f64, f64)) -> f64| {
        place
            .and_then(|p| p.coordinates)
            .map(|c| crate::json::decimal(pick(c)))
            .unwrap_or_default()
    };
    vec![
        e.id.clone(),
        event_date.clone(),
        event_date.get(..4).unwrap_or("").to_string(),
        precision.to_string(),
        String::new(),
        entry
            .and_then(|t| t.acled_event_type.clone())
            .unwrap_or_default(),
        entry
            .and_then(|t| t.acled_sub_event_type.clone())
            .unwrap_or_default(),
        actor1,
        actors_in(package, e, &["associated"]),
        String::new(),
        actor2,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        place.map(|p| p.name.clone()).unwrap_or_default(),
        coordinate(|c| c.0),
        coordinate(|c| c.1),
        place
            .and_then(|p| p.precision)
            .map(|x| match x.as_str() {
                "site" | "city" => "1",
                "near" | "area" => "2",
                _ => "3",
            })
            .unwrap_or("")
            .to_string(),
        documents.join("; "),
        String::new(),
        notes,
        killed.map(|f| number_text(f.value)).unwrap_or_default(),
        e.tags.join("; "),
        String::new(),
    ]
}

/// Dateline's own columns of an event ([`crate::model::csv_columns::OWN_COLUMNS`]).
fn own_fields(package: &Package, e: &Event, place: Option<&Place>) -> [String; 11] {
    [
        e.title.clone(),
        e.event_type.clone(),
        e.date
            .as_ref()
            .map(|d| d.edtf.to_string())
            .unwrap_or_default(),
        e.date
            .as_ref()
            .and_then(|d| d.text.clone())
            .unwrap_or_default(),
        e.date
            .as_ref()
            .and_then(|d| d.note.clone())
            .unwrap_or_default(),
        place
            .and_then(|p| p.precision)
            .map(|x| x.as_str().to_string())
            .unwrap_or_default(),
        e.actors
            .iter()
            .map(|a| format!("{}|{}", actor_name(package, &a.actor), a.role))
            .collect::<Vec<_>>()
            .join("; "),
        e.figures
            .iter()
            .map(|f| {
                let value = match f.max {
                    Some(max) => format!("{}-{}", number_text(f.value), number_text(max)),
                    None => number_text(f.value),
                };
                format!(
                    "{}|{}|{}|{}",
                    f.what,
                    f.qualifier.as_str(),
                    value,
                    f.source.as_deref().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        e.sources
            .iter()
            .map(|s| format!("{}|{}", s.document, s.quote.replace('\n', " ")))
            .collect::<Vec<_>>()
            .join(" || "),
        e.links
            .iter()
            .map(|l| l.url.clone())
            .collect::<Vec<_>>()
            .join(" "),
        e.relations
            .iter()
            .map(|r| format!("{}|{}", r.kind.as_str(), r.event))
            .collect::<Vec<_>>()
            .join("; "),
    ]
}
