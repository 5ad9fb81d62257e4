//! The events of a page as list rows and timeline marks show them: their summaries, as values
//! and as JSON text written straight from the store.

use std::borrow::Cow;

use serde::Serialize;

use crate::engine::store::{Store, TypeEntry, NONE};
use crate::engine::timeline::TimeScale;
use crate::json::Object;
use crate::model::calendar::format_day;
use crate::model::edtf::{DaySpan, Edtf};
use crate::model::{Event, Place};

/// The most characters of a title that lists, marks and labels show; cards show it whole.
pub const TITLE_CHARS: usize = 300;

/// What a list row or a timeline mark needs of one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventSummary {
    /// The event's row in the store (date order).
    pub row: u32,
    /// The event's id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The type id.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The type's label.
    pub type_label: String,
    /// The type's family, for its colour.
    pub family: &'static str,
    /// The EDTF date, `None` when undated.
    pub date: Option<String>,
    /// The date as the sources write it.
    pub date_text: Option<String>,
    /// The date in words ("21–31 December 2019").
    pub date_label: String,
    /// True when the date was inferred rather than stated (it has a note).
    pub date_inferred: bool,
    /// First day of the span as `YYYY-MM-DD`, `None` when open or undated.
    pub earliest: Option<String>,
    /// Last day of the span, `None` when open or undated.
    pub latest: Option<String>,
    /// First day number of the span (`i32::MIN` when open); `None` when undated.
    pub start: Option<i32>,
    /// Last day number of the span (`i32::MAX` when open).
    pub end: Option<i32>,
    /// The date's precision name, `None` when undated.
    pub precision: Option<&'static str>,
    /// True when the date is marked approximate.
    pub approximate: bool,
    /// True when the date is marked uncertain.
    pub uncertain: bool,
    /// The place's id.
    pub place: Option<String>,
    /// The place's name.
    pub place_name: Option<String>,
    /// How many sources tell of it.
    pub source_count: u32,
    /// Ids of the events this one responds to.
    pub response_to: Vec<String>,
    /// True for an extractor's draft not yet reviewed.
    pub draft: bool,
}

crate::json_struct!(EventSummary {
    "row" => row,
    "id" => id,
    "title" => title,
    "type" => event_type,
    "typeLabel" => type_label,
    "family" => family,
    "date" => date,
    "dateText" => date_text,
    "dateLabel" => date_label,
    "dateInferred" => date_inferred,
    "earliest" => earliest,
    "latest" => latest,
    "start" => start,
    "end" => end,
    "precision" => precision,
    "approximate" => approximate,
    "uncertain" => uncertain,
    "place" => place,
    "placeName" => place_name,
    "sourceCount" => source_count,
    "responseTo" => response_to,
    "draft" => draft,
});

/// The first (or with `end` the last) day of time number `n` as `YYYY-MM-DD`; `None` for an
/// open end.
fn day_text(scale: TimeScale, n: i32, end: bool) -> Option<String> {
    (n != DaySpan::OPEN_START && n != DaySpan::OPEN_END).then(|| format_day(scale.day_of(n, end)))
}

/// An event's date in words, or "Date unknown".
pub(super) fn date_label(event: &Event) -> String {
    event
        .date
        .as_ref()
        .map_or_else(|| "Date unknown".to_string(), |d| d.edtf.describe())
}

/// The summaries of the events at `rows` (rows past the end are skipped).
pub fn summaries(store: &Store, rows: &[u32]) -> Vec<EventSummary> {
    rows.iter()
        .filter(|&&r| (r as usize) < store.len())
        .map(|&r| summary(store, r as usize))
        .collect()
}

/// The summaries of the events at `rows` as JSON text: an array of objects with the camelCase
/// names serde gives [`EventSummary`] (rows past the end are skipped). One string crosses into
/// JavaScript instead of a crossing per field, and it is written straight from the store, with
/// no copy of any field: a page of a hundred events is most of a brush step otherwise.
pub fn summaries_json(store: &Store, rows: &[u32]) -> String {
    use crate::json::{push_quoted, ToJson};
    use std::fmt::Write;

    /// A title, cut after [`TITLE_CHARS`] characters with `…`.
    struct Title<'a>(&'a str);
    impl ToJson for Title<'_> {
        fn write_json(&self, out: &mut String) {
            match crate::model::text::shortened(self.0, TITLE_CHARS) {
                Some(head) => {
                    push_quoted(out, head);
                    out.pop();
                    out.push_str("…\"");
                }
                None => push_quoted(out, self.0),
            }
        }
    }
    /// The first day of a time number, or its last, as `YYYY-MM-DD`; `null` for an open end.
    struct Day(i32, TimeScale, bool);
    impl ToJson for Day {
        fn write_json(&self, out: &mut String) {
            if self.0 == DaySpan::OPEN_START || self.0 == DaySpan::OPEN_END {
                out.push_str("null");
            } else {
                out.push('"');
                crate::model::calendar::push_day(out, self.1.day_of(self.0, self.2));
                out.push('"');
            }
        }
    }
    /// EDTF text, which needs no escaping.
    struct EdtfText<'a>(&'a Edtf);
    impl ToJson for EdtfText<'_> {
        fn write_json(&self, out: &mut String) {
            let _ = write!(out, "\"{}\"", self.0);
        }
    }

    let mut out = String::with_capacity(rows.len() * 400 + 2);
    out.push('[');
    for (i, row) in rows
        .iter()
        .map(|&r| r as usize)
        .filter(|&r| r < store.len())
        .enumerate()
    {
        if i > 0 {
            out.push(',');
        }
        let (event, entry, place) = row_parts(store, row);
        let date = event.date.as_ref();
        let span = date.map(|_| (store.start[row], store.end[row]));
        let responses: Vec<&str> = event
            .relations
            .iter()
            .filter(|r| r.kind == crate::model::RelationKind::ResponseTo)
            .map(|r| r.event.as_str())
            .collect();
        Object::new(&mut out)
            .field("row", &(row as u32))
            .field("id", &event.id)
            .field("title", &Title(&event.title))
            .field("type", &entry.id)
            .field("typeLabel", &entry.label)
            .field("family", entry.family.as_str())
            .field("date", &date.map(|d| EdtfText(&d.edtf)))
            .field("dateText", &date.and_then(|d| d.text.as_deref()))
            .field("dateLabel", &date_label(&event))
            .field("dateInferred", &date.is_some_and(|d| d.note.is_some()))
            .field("earliest", &span.map(|s| Day(s.0, store.scale(), false)))
            .field("latest", &span.map(|s| Day(s.1, store.scale(), true)))
            .field("start", &span.map(|s| s.0))
            .field("end", &span.map(|s| s.1))
            .field("precision", &date.map(|d| d.edtf.precision().as_str()))
            .field(
                "approximate",
                &date.is_some_and(|d| d.edtf.is_approximate()),
            )
            .field("uncertain", &date.is_some_and(|d| d.edtf.is_uncertain()))
            .field("place", &place.map(|p| p.id.as_str()))
            .field("placeName", &place.map(|p| p.name.as_str()))
            .field("sourceCount", &(event.sources.len() as u32))
            .field("responseTo", &responses)
            .field("draft", &event.draft.is_some())
            .end();
    }
    out.push(']');
    out
}

/// What a list shows of the event at `row`, its type and its place.
fn row_parts(store: &Store, row: usize) -> (Cow<'_, Event>, &TypeEntry, Option<&Place>) {
    let place = match store.place_code[row] {
        NONE => None,
        p => Some(&store.package.places[p as usize]),
    };
    (
        store.brief_at(row),
        &store.types[store.type_code[row] as usize],
        place,
    )
}

/// The list fields of the event at `row`.
pub fn summary(store: &Store, row: usize) -> EventSummary {
    let (event, entry, place) = row_parts(store, row);
    let dated = event.date.is_some();
    EventSummary {
        row: row as u32,
        id: event.id.clone(),
        title: crate::model::text::shorten(&event.title, TITLE_CHARS),
        event_type: entry.id.clone(),
        type_label: entry.label.clone(),
        family: entry.family.as_str(),
        date: event.date.as_ref().map(|d| d.edtf.to_string()),
        date_text: event.date.as_ref().and_then(|d| d.text.clone()),
        date_label: date_label(&event),
        date_inferred: event.date.as_ref().is_some_and(|d| d.note.is_some()),
        earliest: if dated {
            day_text(store.scale(), store.start[row], false)
        } else {
            None
        },
        latest: if dated {
            day_text(store.scale(), store.end[row], true)
        } else {
            None
        },
        start: dated.then_some(store.start[row]),
        end: dated.then_some(store.end[row]),
        precision: event.date.as_ref().map(|d| d.edtf.precision().as_str()),
        approximate: event.date.as_ref().is_some_and(|d| d.edtf.is_approximate()),
        uncertain: event.date.as_ref().is_some_and(|d| d.edtf.is_uncertain()),
        place: place.map(|p| p.id.clone()),
        place_name: place.map(|p| p.name.clone()),
        source_count: event.sources.len() as u32,
        response_to: event
            .relations
            .iter()
            .filter(|r| r.kind == crate::model::RelationKind::ResponseTo)
            .map(|r| r.event.clone())
            .collect(),
        draft: event.draft.is_some(),
    }
}
