//! Reading any CSV with a header: columns are found by their usual names, or named outright.
//!
//! The roles a column can play, and the names that find it (case, spaces and punctuation
//! ignored), are in [`ROLES`]. A column mapping (`date=Datum,lat=Breite`) overrides the search.
//! Each row becomes an event; the file itself is the document, so the row's description (or
//! title) is its verbatim quote, and a source URL becomes one of the event's links.

use super::builder::{quote_from_file, Builder};
use super::loaded::Loaded;
use super::table::{Columns, Table};
use crate::model::calendar::{self, day_number, MONTH_NAMES};
use crate::model::edtf::Edtf;
use crate::model::link::checked_url;
use crate::model::problem::Severity;
use crate::model::text::fold;
use crate::model::{Document, Event, EventDate, Link, Package, Participation};

const DOCUMENT: &str = "file";

/// The roles of columns, and the header names that find each (folded: lower case, no punctuation).
pub const ROLES: &[(&str, &[&str])] = &[
    ("id", &["id", "event id", "uid", "unique id", "identifier"]),
    (
        "date",
        &[
            "date",
            "event date",
            "start",
            "start date",
            "date start",
            "when",
            "day",
        ],
    ),
    ("end", &["end", "end date", "date end", "until"]),
    ("lat", &["lat", "latitude", "y"]),
    ("lon", &["lon", "lng", "long", "longitude", "x"]),
    (
        "place",
        &[
            "place",
            "location",
            "site",
            "city",
            "town",
            "place name",
            "location name",
        ],
    ),
    (
        "title",
        &["title", "headline", "name", "event", "event title"],
    ),
    ("type", &["type", "category", "event type", "kind", "group"]),
    (
        "description",
        &[
            "description",
            "notes",
            "note",
            "text",
            "details",
            "summary",
            "body",
        ],
    ),
    (
        "source",
        &["source", "url", "link", "source url", "sources"],
    ),
    ("actors", &["actor", "actors", "who"]),
];

/// Reads a date as people write it in spreadsheets: EDTF (`2020-01-08`, `2020-01`, `2020`),
/// `8 January 2020`, `January 8, 2020`, `2020/01/08`. `1/8/2020` is refused: day and month
/// could be either way round.
pub fn parse_loose_date(text: &str) -> Result<Edtf, String> {
    let text = text.trim();
    if let Ok(date) = Edtf::parse(text) {
        return Ok(date);
    }
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let month_of = |w: &str| {
        MONTH_NAMES
            .iter()
            .position(|m| {
                m.eq_ignore_ascii_case(w)
                    || (w.len() >= 3
                        && w.get(..3).is_some_and(|w3| m[..3].eq_ignore_ascii_case(w3)))
            })
            .map(|i| i as u32 + 1)
    };
    let build = |y: &str, m: u32, d: &str| -> Option<Edtf> {
        let (y, d): (i64, u32) = (
            y.parse().ok()?,
            d.trim_end_matches(['.', 's', 't', 'h', 'n', 'r', 'd'])
                .parse()
                .ok()?,
        );
        ((1..=9999).contains(&y) && (1..=calendar::days_in_month(y, m)).contains(&d))
            .then(|| Edtf::parse(&calendar::format_day(day_number(y, m, d))).ok())?
    };
    let found = match words[..] {
        [d, m, y] if month_of(m).is_some() => build(y, month_of(m).unwrap_or(1), d),
        [m, d, y] if month_of(m).is_some() => build(y, month_of(m).unwrap_or(1), d),
        [m, y] if month_of(m).is_some() => y
            .parse::<i64>()
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .and_then(|y| Edtf::parse(&format!("{y:04}-{:02}", month_of(m).unwrap_or(1))).ok()),
        _ => None,
    };
    if let Some(date) = found {
        return Ok(date);
    }
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    if let [y, m, d] = parts[..] {
        if y.len() == 4 {
            if let Some(date) = m
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .and_then(|m| build(y, m, d))
            {
                return Ok(date);
            }
        } else if d.len() == 4 {
            return Err(format!(
                "'{text}' could be day/month or month/day; write it as 2020-01-08"
            ));
        }
    }
    Err(format!("'{text}' is not a date Dateline reads; write it as 2020-01-08 (or 2020-01, 2020, 8 January 2020)"))
}

/// Which column plays each role: the mapping's choice, else the first header that matches.
fn assign(
    header: &[String],
    mapping: &[(String, String)],
    loaded: &mut Loaded,
) -> Vec<(&'static str, String)> {
    let mut roles = Vec::new();
    for &(role, names) in ROLES {
        if let Some((_, column)) = mapping.iter().find(|(r, _)| r == role) {
            if header.iter().any(|h| h.eq_ignore_ascii_case(column)) {
                roles.push((role, column.clone()));
            } else {
                loaded.report(Severity::Error, "header".into(), 1, 1, format!("the mapping names the column '{column}' for {role}, but the header has no such column"));
            }
            continue;
        }
        if let Some(h) = header.iter().find(|h| names.contains(&fold(h).as_str())) {
            roles.push((role, h.clone()));
        }
    }
    for (role, _) in mapping {
        if !ROLES.iter().any(|(r, _)| r == role) {
            let known: Vec<&str> = ROLES.iter().map(|(r, _)| *r).collect();
            loaded.report(
                Severity::Error,
                "columns".into(),
                0,
                0,
                format!(
                    "'{role}' is not a column role; the roles are: {}",
                    known.join(", ")
                ),
            );
        }
    }
    roles
}

/// Reads any CSV with a header.
pub(super) fn read(
    table: &mut Table<'_>,
    loaded: &mut Loaded,
    source_name: &str,
    mapping: &[(String, String)],
) {
    let c = Columns::new(&table.header);
    let roles = assign(&table.header, mapping, loaded);
    let column = |role: &str| {
        roles
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| c.as_str())
    };
    if column("date").is_none() && column("title").is_none() && column("place").is_none() {
        loaded.report(
            Severity::Error,
            "header".into(),
            1,
            1,
            "no column could be recognised as a date, title or place; name them with a column mapping (date=…, title=…)".into(),
        );
    }
    let mut b = Builder::new(Package {
        title: source_name.to_string(),
        description: Some(format!("Events imported from {source_name}.")),
        documents: vec![Document {
            id: DOCUMENT.into(),
            title: source_name.to_string(),
            note: Some("Each event quotes its row of this file.".into()),
            ..Document::default()
        }],
        ..Package::default()
    });
    for record in table.by_ref() {
        let row = c.row(&record);
        let line = record.line;
        let get = |role: &str| column(role).map_or("", |col| row.get(col).trim());
        let mut report = |severity: Severity, role: &str, message: String| {
            row.report(loaded, severity, column(role).unwrap_or(role), message)
        };
        let id = match get("id") {
            "" => format!("row-{line}"),
            id => id.to_string(),
        };
        if !b.claim_id(&id, line, "id", &mut report) {
            continue;
        }
        let date = date_of(get("date"), get("end"), &mut report);
        let written = [get("date"), get("end")]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" – ");
        let place = b.place(
            get("place"),
            (get("lat"), get("lon")),
            ("lat", "lon"),
            None,
            || None,
            &mut report,
        );
        let type_text = get("type");
        let event_type = crate::model::event_type::for_name(type_text);
        let actors = get("actors")
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|name| Participation {
                according_to: None,
                actor: b.actor(name),
                role: "participant".into(),
            })
            .collect();
        let (title, description) = (get("title"), get("description"));
        let (links, note) = source_of(get("source"), &mut report);
        let quote = if description.is_empty() {
            title
        } else {
            description
        };
        b.push(Event {
            id,
            title: if title.is_empty() {
                description.chars().take(80).collect::<String>()
            } else {
                title.to_string()
            },
            event_type,
            date: date.map(|edtf| {
                let text = Some(written.clone()).filter(|w| *w != edtf.to_string());
                EventDate {
                    edtf,
                    text,
                    note: None,
                }
            }),
            place,
            place_note: None,
            actors,
            figures: Vec::new(),
            sources: quote_from_file(DOCUMENT, quote),
            relations: Vec::new(),
            summary: (!description.is_empty() && !title.is_empty())
                .then(|| description.to_string()),
            note,
            tags: Vec::new(),
            links,
            draft: None,
        });
    }
    b.finish(loaded);
}

/// The date of a row: its `start`, or the range from it to its `end`; an end that cannot be
/// read is dropped. `None` when there is no start or it cannot be read.
fn date_of(start: &str, end: &str, report: &mut dyn FnMut(Severity, &str, String)) -> Option<Edtf> {
    if start.is_empty() {
        return None;
    }
    match parse_loose_date(start) {
        Err(why) => {
            report(
                Severity::Error,
                "date",
                format!("{why}; the event is listed but not on the timeline"),
            );
            None
        }
        Ok(s) if end.is_empty() => Some(s),
        Ok(s) => match parse_loose_date(end)
            .and_then(|e| Edtf::parse(&format!("{s}/{e}")).map_err(|e| e.to_string()))
        {
            Ok(range) => Some(range),
            Err(why) => {
                report(Severity::Error, "end", format!("{why}; the end is dropped"));
                Some(s)
            }
        },
    }
}

/// A row's source: an http(s) URL is a link; other text that is not a link at all is kept
/// in the event's note; a link of another scheme is dropped, and reported.
fn source_of(
    source: &str,
    report: &mut dyn FnMut(Severity, &str, String),
) -> (Vec<Link>, Option<String>) {
    let mut links = Vec::new();
    let mut note = None;
    if !source.is_empty() {
        match checked_url(source) {
            Ok(url) => links.push(Link {
                title: url.clone(),
                url,
            }),
            Err(_)
                if source.contains("://")
                    || source.to_ascii_lowercase().starts_with("javascript:") =>
            {
                report(
                    Severity::Error,
                    "source",
                    format!("'{source}' is not an http(s) link; it is dropped"),
                );
            }
            Err(_) => note = Some(format!("Source: {source}")),
        }
    }
    (links, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_dates() {
        let d = |t: &str| parse_loose_date(t).map(|e| e.to_string());
        assert_eq!(d("2020-01-08").unwrap(), "2020-01-08");
        assert_eq!(d("2019-12~").unwrap(), "2019-12~");
        assert_eq!(d("8 January 2020").unwrap(), "2020-01-08");
        assert_eq!(d("January 8, 2020").unwrap(), "2020-01-08");
        assert_eq!(d("Jan 8th, 2020").unwrap(), "2020-01-08");
        assert_eq!(d("2020/01/08").unwrap(), "2020-01-08");
        assert_eq!(d("March 2020").unwrap(), "2020-03");
        assert!(
            d("1/8/2020").unwrap_err().contains("either way")
                || d("1/8/2020").unwrap_err().contains("could be day/month")
        );
        assert!(d("30 February 2020").is_err());
        assert!(d("soon").unwrap_err().contains("not a date"));
    }
}
