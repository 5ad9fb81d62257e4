//! Reading an ACLED export (CSV, its 31 columns) into a package.
//!
//! Each row becomes an event. What each column becomes, and what is lost, is in `docs/formats.md`;
//! in short: `event_date` + `time_precision` give the EDTF date (a day, the week around the date,
//! or the month), `event_type`/`sub_event_type` map to Dateline's types (the originals are kept
//! as tags), actors and places are deduplicated by name, `fatalities` becomes a figure, and
//! `notes` becomes the event's summary and its quote from the ACLED file itself, with ACLED's
//! own sources named in the event's note.

use std::collections::HashMap;

use super::table::{Columns, Table};
use super::Loaded;
use crate::calendar::{self, day_number, format_day, MONTH_NAMES};
use crate::edtf::Edtf;
use crate::model::{
    Actor, Document, Event, EventDate, Figure, Package, Participation, Place, PlacePrecision,
    Qualifier, Source,
};
use crate::problem::Severity;
use crate::query::format_count;

/// The columns that mark a CSV file as an ACLED export.
pub const SIGNATURE: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
];

/// The id of the one document that stands for the ACLED file.
const DOCUMENT: &str = "acled";

/// Dateline's type for an ACLED (event type, sub-event type) pair.
fn dateline_type(event_type: &str, sub_event_type: &str) -> Option<&'static str> {
    Some(match (event_type, sub_event_type) {
        ("Battles", _) => "armed-clash",
        (_, "Air/drone strike") => "airstrike",
        (_, "Shelling/artillery/missile attack") => "rocket-attack",
        (_, "Remote explosive/landmine/IED" | "Suicide bomb" | "Grenade") => "bombing",
        ("Explosions/Remote violence", _) => "attack",
        ("Violence against civilians", _) => "attack",
        ("Protests", _) => "protest",
        ("Riots", _) => "assault",
        (_, "Agreement") => "agreement",
        (_, "Arrests") => "arrest",
        (_, "Non-violent transfer of territory") => "handover",
        (_, "Headquarters or base established") => "deployment",
        ("Strategic developments", _) => "other",
        _ => return None,
    })
}

/// Reads an ACLED export already split into a table.
pub(super) fn read(table: Table<'_>, loaded: &mut Loaded, source_name: &str) {
    let Table {
        header, records, ..
    } = table;
    let c = Columns::new(&header);
    let mut package = Package {
        title: format!("ACLED events from {source_name}"),
        description: Some("Events imported from an ACLED export. Titles are made from the event type and location; each event quotes ACLED's notes.".into()),
        documents: vec![Document {
            id: DOCUMENT.into(),
            title: format!("ACLED export ({source_name})"),
            publisher: Some("Armed Conflict Location & Event Data (ACLED)".into()),
            note: Some("Each event's quote is ACLED's notes for it; ACLED's own sources are named in the event's note.".into()),
            ..Document::default()
        }],
        ..Package::default()
    };
    let mut places: HashMap<(String, String, String), usize> = HashMap::new();
    let mut actors: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut rows = 0u32;
    let mut skipped: Vec<String> = Vec::new();
    for record in &records {
        let row = c.row(record);
        let line = record.line;
        let mut report = |severity: Severity, column: &str, message: String| {
            let (l, col) = row.position(column).unwrap_or((line, 0));
            loaded.report(severity, format!("line {line}, {column}"), l, col, message);
        };
        let id = row.get("event_id_cnty").trim().to_string();
        if id.is_empty() {
            report(
                Severity::Error,
                "event_id_cnty",
                "the event has no id; the row is skipped".into(),
            );
            skipped.push(format!("line {line}, the event has no id"));
            continue;
        }
        if let Some(first) = ids.get(&id) {
            report(
                Severity::Error,
                "event_id_cnty",
                format!("the id '{id}' was already used on line {first}; this row is skipped"),
            );
            skipped.push(format!("line {line}, the id '{id}' repeats line {first}"));
            continue;
        }
        ids.insert(id.clone(), line);
        let date = match parse_acled_date(row.get("event_date")) {
            Some(day) => {
                let precision = row.get("time_precision").trim();
                let edtf = match precision {
                    "1" | "" => format_day(day),
                    "2" => format!("{}/{}", format_day(day - 3), format_day(day + 3)),
                    "3" => format_day(day)[..7].to_string(),
                    other => {
                        report(
                            Severity::Warning,
                            "time_precision",
                            format!("'{other}' is not 1, 2 or 3; the date is read as an exact day"),
                        );
                        format_day(day)
                    }
                };
                Edtf::parse(&edtf).ok().map(|edtf| EventDate {
                    edtf,
                    // The words as written, when they are not already the ISO date.
                    text: Some(row.get("event_date").trim().to_string())
                        .filter(|t| *t != format_day(day)),
                    note: None,
                })
            }
            None => {
                let value = row.get("event_date");
                report(Severity::Error, "event_date", format!("'{value}' is not a date (2020-01-08 or 8 January 2020); the event is listed but not on the timeline"));
                None
            }
        };
        let (event_type_text, sub_type) = (
            row.get("event_type").trim(),
            row.get("sub_event_type").trim(),
        );
        let event_type = match dateline_type(event_type_text, sub_type) {
            Some(t) => t,
            None => {
                report(Severity::Warning, "event_type", format!("'{event_type_text}' / '{sub_type}' is not an ACLED type Dateline knows; the event's type is 'other'"));
                "other"
            }
        };
        let place = place_of(&row, &mut package.places, &mut places, &mut report);
        let mut participants = Vec::new();
        let against_civilians = event_type_text == "Violence against civilians";
        for (column, role) in [
            ("actor1", "participant"),
            ("assoc_actor_1", "associated"),
            (
                "actor2",
                if against_civilians {
                    "target"
                } else {
                    "participant"
                },
            ),
            ("assoc_actor_2", "associated"),
        ] {
            for name in row
                .get(column)
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
            {
                let index = *actors.entry(name.to_string()).or_insert_with(|| {
                    package.actors.push(Actor {
                        id: format!("actor-{}", package.actors.len() + 1),
                        name: name.to_string(),
                        ..Actor::default()
                    });
                    package.actors.len() - 1
                });
                let actor = package.actors[index].id.clone();
                if !participants
                    .iter()
                    .any(|p: &Participation| p.actor == actor)
                {
                    participants.push(Participation {
                        actor,
                        role: role.to_string(),
                    });
                }
            }
        }
        let mut figures = Vec::new();
        let fatalities = row.get("fatalities").trim();
        if !fatalities.is_empty() {
            match fatalities.parse::<u32>() {
                Ok(n) => figures.push(Figure {
                    what: "killed".into(),
                    value: f64::from(n),
                    max: None,
                    qualifier: Qualifier::Exact,
                    text: Some(format!("fatalities: {n} (ACLED)")),
                    source: Some(DOCUMENT.into()),
                }),
                Err(_) => report(
                    Severity::Error,
                    "fatalities",
                    format!("'{fatalities}' is not a whole number; the figure is dropped"),
                ),
            }
        }
        let notes = row.get("notes").trim().to_string();
        let outlets = row.get("source").trim();
        let location = row.get("location").trim();
        let title = match (sub_type.is_empty(), location.is_empty()) {
            (false, false) => format!("{sub_type} in {location}"),
            (false, true) => sub_type.to_string(),
            (true, false) => format!("{event_type_text} in {location}"),
            (true, true) => format!("ACLED event {id}"),
        };
        let tags = [
            ("event_type", event_type_text),
            ("sub_event_type", sub_type),
            ("disorder_type", row.get("disorder_type").trim()),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("acled {k}: {v}"))
        .chain(
            row.get("tags")
                .split(';')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
        )
        .collect();
        package.events.push(Event {
            id,
            title,
            event_type: event_type.to_string(),
            date,
            place,
            place_note: None,
            actors: participants,
            figures,
            sources: if notes.is_empty() {
                Vec::new()
            } else {
                vec![Source {
                    document: DOCUMENT.into(),
                    quote: notes.clone(),
                    verified: true,
                }]
            },
            relations: Vec::new(),
            summary: (!notes.is_empty()).then_some(notes),
            note: (!outlets.is_empty()).then(|| {
                let scale = row.get("source_scale").trim();
                if scale.is_empty() {
                    format!("ACLED's sources: {outlets}")
                } else {
                    format!("ACLED's sources: {outlets} ({scale})")
                }
            }),
            tags,
        });
        rows += 1;
    }
    let loaded_rows = format!(
        "{} {} loaded",
        format_count(f64::from(rows)),
        if rows == 1 { "row" } else { "rows" }
    );
    loaded.summary = Some(if skipped.is_empty() {
        loaded_rows
    } else {
        format!(
            "{loaded_rows}; {} skipped: {}",
            skipped.len(),
            skipped.join("; ")
        )
    });
    loaded.package = package;
}

/// Finds or adds the place of a row; reports unusable coordinates.
fn place_of(
    row: &super::table::Row<'_>,
    places: &mut Vec<Place>,
    seen: &mut HashMap<(String, String, String), usize>,
    report: &mut impl FnMut(Severity, &str, String),
) -> Option<String> {
    let name = row.get("location").trim();
    let (lat_text, lon_text) = (row.get("latitude").trim(), row.get("longitude").trim());
    if name.is_empty() && lat_text.is_empty() {
        return None;
    }
    let coordinate = |text: &str, limit: f64| {
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && v.abs() <= limit)
    };
    let coordinates = match (coordinate(lat_text, 90.0), coordinate(lon_text, 180.0)) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => {
            let (column, value) = if coordinate(lat_text, 90.0).is_none() {
                ("latitude", lat_text)
            } else {
                ("longitude", lon_text)
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
    let key = (name.to_string(), lat_text.to_string(), lon_text.to_string());
    if let Some(&i) = seen.get(&key) {
        return Some(places[i].id.clone());
    }
    let admin: Vec<&str> = ["admin3", "admin2", "admin1", "country"]
        .iter()
        .map(|c| row.get(c).trim())
        .filter(|v| !v.is_empty())
        .collect();
    let precision = match row.get("geo_precision").trim() {
        "1" => Some(PlacePrecision::City),
        "2" => Some(PlacePrecision::Near),
        "3" => Some(PlacePrecision::Region),
        _ => None,
    };
    places.push(Place {
        id: format!("place-{}", places.len() + 1),
        name: if name.is_empty() {
            format!("{lat_text}, {lon_text}")
        } else {
            name.to_string()
        },
        coordinates,
        kind: Some("location".into()),
        precision,
        note: (!admin.is_empty()).then(|| admin.join(", ")),
        ..Place::default()
    });
    seen.insert(key, places.len() - 1);
    Some(places[places.len() - 1].id.clone())
}

/// Reads ACLED's `event_date`: ISO `2020-01-08`, or `08 January 2020` as older exports write it.
pub(super) fn parse_acled_date(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Some(day) = calendar::parse_day(text) {
        return Some(day);
    }
    let mut parts = text.split_whitespace();
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day: u32 = d.parse().ok()?;
    let month = MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(m) || name[..3].eq_ignore_ascii_case(m))?
        as u32
        + 1;
    let year: i64 = y.parse().ok().filter(|y| (1..=9999).contains(y))?;
    (1..=calendar::days_in_month(year, month))
        .contains(&day)
        .then(|| day_number(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_date_styles() {
        assert_eq!(parse_acled_date("2020-01-08"), Some(day_number(2020, 1, 8)));
        assert_eq!(
            parse_acled_date("08 January 2020"),
            Some(day_number(2020, 1, 8))
        );
        assert_eq!(parse_acled_date("8 Jan 2020"), Some(day_number(2020, 1, 8)));
        assert_eq!(parse_acled_date("30 February 2020"), None);
        assert_eq!(parse_acled_date("2020"), None);
    }

    #[test]
    fn maps_acled_types() {
        assert_eq!(
            dateline_type("Explosions/Remote violence", "Air/drone strike"),
            Some("airstrike")
        );
        assert_eq!(
            dateline_type(
                "Strategic developments",
                "Non-violent transfer of territory"
            ),
            Some("handover")
        );
        assert_eq!(dateline_type("Riots", "Mob violence"), Some("assault"));
        assert_eq!(dateline_type("Parades", "Big"), None);
    }
}
