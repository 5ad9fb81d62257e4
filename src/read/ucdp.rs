//! Reading a UCDP Georeferenced Event Dataset (GED) export (CSV).
//!
//! Each row becomes an event: `date_start`/`date_end` give the date (one day, or the days
//! between), `where_prec` the place's precision, `best`, `low` and `high` the death figures (the
//! best estimate, and the range between low and high), `side_a`/`side_b` the actors. The row's
//! `source_headline` is its quote from the UCDP file, and UCDP's sources are named in its note.

use super::builder::{quote_from_file, Builder};
use super::loaded::Loaded;
use super::table::{Columns, Row, Table};
use crate::model::calendar::{format_day, parse_day};
use crate::model::edtf::Edtf;
use crate::model::problem::Severity;
use crate::model::{
    Document, Event, EventDate, Figure, Package, Participation, PlacePrecision, Qualifier,
};

const DOCUMENT: &str = "ucdp";

/// A UCDP date: `2020-01-08` or `2020-01-08 00:00:00.000`.
fn day_of(text: &str) -> Option<i64> {
    parse_day(text.trim().get(..10)?)
}

/// The date of a row: its start day, or the days from its start to its end.
fn date_of(row: &Row<'_>, report: &mut dyn FnMut(Severity, &str, String)) -> Option<Edtf> {
    let (start, end) = (day_of(row.get("date_start")), day_of(row.get("date_end")));
    match (start, end) {
        (Some(s), Some(e)) if s < e => {
            Edtf::parse(&format!("{}/{}", format_day(s), format_day(e))).ok()
        }
        (Some(s), Some(e)) if s > e => {
            report(
                Severity::Error,
                "date_end",
                "the event ends before it starts; only the start is kept".into(),
            );
            Edtf::parse(&format_day(s)).ok()
        }
        (Some(s), _) => Edtf::parse(&format_day(s)).ok(),
        (None, _) => {
            let value = row.get("date_start");
            report(
                Severity::Error,
                "date_start",
                format!("'{value}' is not a date; the event is listed but not on the timeline"),
            );
            None
        }
    }
}

/// The place's precision for UCDP's `where_prec`.
fn precision_of(where_prec: &str) -> Option<PlacePrecision> {
    match where_prec.trim() {
        "1" => Some(PlacePrecision::Site),
        "2" => Some(PlacePrecision::Near),
        "3" | "5" => Some(PlacePrecision::Area),
        "4" | "7" => Some(PlacePrecision::Region),
        "6" => Some(PlacePrecision::Country),
        _ => None,
    }
}

/// The death figures of a row: the best estimate, and the range from low to high when it says
/// more than the best estimate.
fn figures_of(row: &Row<'_>, report: &mut dyn FnMut(Severity, &str, String)) -> Vec<Figure> {
    let count = |column: &str, report: &mut dyn FnMut(Severity, &str, String)| -> Option<u32> {
        let text = row.get(column).trim();
        if text.is_empty() {
            return None;
        }
        let n = text.parse::<u32>().ok();
        if n.is_none() {
            report(
                Severity::Error,
                column,
                format!("'{text}' is not a whole number; the figure is dropped"),
            );
        }
        n
    };
    let mut figures = Vec::new();
    let (best, low, high) = (
        count("best", report),
        count("low", report),
        count("high", report),
    );
    let figure = |value: u32, max: Option<u32>, qualifier: Qualifier, text: String| Figure {
        according_to: None,
        what: "killed".into(),
        value: f64::from(value),
        max: max.map(f64::from),
        qualifier,
        text: Some(text),
        source: Some(DOCUMENT.into()),
    };
    if let Some(best) = best {
        figures.push(figure(
            best,
            None,
            Qualifier::About,
            format!("best estimate: {best}"),
        ));
    }
    if let (Some(low), Some(high)) = (low, high) {
        let same_as_best = low == high && Some(low) == best;
        if low <= high && !same_as_best {
            figures.push(figure(
                low,
                Some(high),
                Qualifier::Between,
                format!("low and high estimates: {low}–{high}"),
            ));
        }
    }
    figures
}

/// Reads a UCDP GED export already split into a table.
pub(super) fn read(table: &mut Table<'_>, loaded: &mut Loaded, source_name: &str) {
    let c = Columns::new(&table.header);
    let mut b = Builder::new(Package {
        title: format!("UCDP events from {source_name}"),
        description: Some("Events imported from a UCDP Georeferenced Event Dataset export.".into()),
        documents: vec![Document {
            id: DOCUMENT.into(),
            title: format!("UCDP GED export ({source_name})"),
            publisher: Some("Uppsala Conflict Data Program (UCDP)".into()),
            note: Some("Each event quotes UCDP's headline for it; UCDP's sources are named in the event's note.".into()),
            ..Document::default()
        }],
        ..Package::default()
    });
    for record in table.by_ref() {
        let row = c.row(&record);
        let line = record.line;
        let mut report = |severity: Severity, column: &str, message: String| {
            row.report(loaded, severity, column, message)
        };
        let id = row.get("id").trim().to_string();
        if !b.claim_id(&id, line, "id", &mut report) {
            continue;
        }
        let date = date_of(&row, &mut report);
        let one_sided = row.get("type_of_violence").trim() == "3";
        let event_type = match row.get("type_of_violence").trim() {
            "1" | "2" => "armed-clash",
            "3" => "killing",
            _ => "attack",
        };
        let precision = precision_of(row.get("where_prec"));
        let admin: Vec<&str> = ["adm_2", "adm_1", "country"]
            .iter()
            .map(|c| row.get(c).trim())
            .filter(|v| !v.is_empty())
            .collect();
        let where_ = row.get("where_coordinates").trim();
        let place = b.place(
            where_,
            (row.get("latitude"), row.get("longitude")),
            ("latitude", "longitude"),
            precision,
            || (!admin.is_empty()).then(|| admin.join(", ")),
            &mut report,
        );
        let mut actors = Vec::new();
        for (column, role) in [
            ("side_a", "participant"),
            ("side_b", if one_sided { "target" } else { "participant" }),
        ] {
            let name = row.get(column).trim();
            if !name.is_empty() {
                actors.push(Participation {
                    according_to: None,
                    actor: b.actor(name),
                    role: role.into(),
                });
            }
        }
        let figures = figures_of(&row, &mut report);
        let headline = row.get("source_headline").trim();
        let articles = row.get("source_article").trim();
        let dyad = row.get("dyad_name").trim();
        let title = match (dyad.is_empty(), where_.is_empty()) {
            (false, false) => format!("{dyad}: {where_}"),
            (false, true) => dyad.to_string(),
            (true, false) => format!("Violence at {where_}"),
            (true, true) => format!("UCDP event {id}"),
        };
        let conflict = row.get("conflict_name").trim();
        b.push(Event {
            id,
            title,
            event_type: event_type.into(),
            date: date.map(|edtf| EventDate {
                edtf,
                text: None,
                note: None,
            }),
            place,
            place_note: None,
            actors,
            figures,
            sources: quote_from_file(DOCUMENT, headline),
            relations: Vec::new(),
            summary: None,
            note: (!articles.is_empty()).then(|| format!("UCDP's sources: {articles}")),
            tags: if conflict.is_empty() {
                Vec::new()
            } else {
                vec![format!("conflict: {conflict}")]
            },
            links: Vec::new(),
            draft: None,
        });
    }
    b.finish(loaded);
}
