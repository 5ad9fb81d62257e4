//! Building a package from rows of another format: one place per distinct location, one actor
//! per distinct name, unique event ids, and the summary of what loaded and what was skipped.

use crate::hash::FastMap;

use super::Loaded;
use crate::model::{Actor, Event, Package, Place, PlacePrecision, Source};
use crate::problem::Severity;
use crate::query::format_count;

/// An event's quote from the imported file itself: verbatim from that file, so verified; no
/// source when the quote is blank.
pub(super) fn quote_from_file(document: &str, quote: &str) -> Vec<Source> {
    if quote.trim().is_empty() {
        return Vec::new();
    }
    vec![Source {
        document: document.to_string(),
        quote: quote.to_string(),
        verified: true,
        at: None,
    }]
}

/// Collects a package while an importer reads rows.
pub(super) struct Builder {
    pub package: Package,
    places: FastMap<(String, String, String), usize>,
    actors: FastMap<String, usize>,
    ids: FastMap<String, u32>,
    rows: u32,
    skipped: Vec<String>,
}

impl Builder {
    pub fn new(package: Package) -> Builder {
        Builder {
            package,
            places: FastMap::default(),
            actors: FastMap::default(),
            ids: FastMap::default(),
            rows: 0,
            skipped: Vec::new(),
        }
    }

    /// The id of the actor named `name`, added on first use.
    pub fn actor(&mut self, name: &str) -> String {
        let actors = &mut self.package.actors;
        let index = *self.actors.entry(name.to_string()).or_insert_with(|| {
            actors.push(Actor {
                id: format!("actor-{}", actors.len() + 1),
                name: name.to_string(),
                ..Actor::default()
            });
            actors.len() - 1
        });
        actors[index].id.clone()
    }

    /// The id of the place with this name and these coordinates as written, added on first use.
    /// Coordinates that are not numbers in range are reported through `report` and left out.
    pub fn place(
        &mut self,
        name: &str,
        (lat_text, lon_text): (&str, &str),
        (lat_column, lon_column): (&str, &str),
        precision: Option<PlacePrecision>,
        note: Option<String>,
        report: &mut impl FnMut(Severity, &str, String),
    ) -> Option<String> {
        let (name, lat_text, lon_text) = (name.trim(), lat_text.trim(), lon_text.trim());
        if name.is_empty() && lat_text.is_empty() && lon_text.is_empty() {
            return None;
        }
        let key = (name.to_string(), lat_text.to_string(), lon_text.to_string());
        if let Some(&i) = self.places.get(&key) {
            return Some(self.package.places[i].id.clone());
        }
        let coordinate = |text: &str, limit: f64| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= limit)
        };
        let coordinates = match (coordinate(lat_text, 90.0), coordinate(lon_text, 180.0)) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            _ if lat_text.is_empty() && lon_text.is_empty() => None,
            (lat, _) => {
                let (column, value) = if lat.is_none() {
                    (lat_column, lat_text)
                } else {
                    (lon_column, lon_text)
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
        let places = &mut self.package.places;
        places.push(Place {
            id: format!("place-{}", places.len() + 1),
            name: if name.is_empty() {
                format!("{lat_text}, {lon_text}")
            } else {
                name.to_string()
            },
            coordinates,
            precision,
            note,
            ..Place::default()
        });
        self.places.insert(key, places.len() - 1);
        Some(places[places.len() - 1].id.clone())
    }

    /// Claims `id` (from `column`) for the row starting on `line`. An empty or repeated id is
    /// reported through `report`, the row counted as skipped, and `false` returned.
    pub fn claim_id(
        &mut self,
        id: &str,
        line: u32,
        column: &str,
        report: &mut impl FnMut(Severity, &str, String),
    ) -> bool {
        if id.is_empty() {
            report(
                Severity::Error,
                column,
                "the event has no id; the row is skipped".into(),
            );
            self.skipped
                .push(format!("line {line}, the event has no id"));
            return false;
        }
        if let Some(&first) = self.ids.get(id) {
            report(
                Severity::Error,
                column,
                format!("the id '{id}' was already used on line {first}; this row is skipped"),
            );
            self.skipped
                .push(format!("line {line}, the id '{id}' repeats line {first}"));
            return false;
        }
        self.ids.insert(id.to_string(), line);
        true
    }

    /// Makes room for `events` more events (a guess; a wrong one costs only memory or time).
    pub fn reserve(&mut self, events: usize) {
        let _ = self.package.events.try_reserve(events);
        self.ids.reserve(events.min(self.package.events.capacity()));
    }

    /// Adds an event read from a row.
    pub fn push(&mut self, event: Event) {
        self.package.events.push(event);
        self.rows += 1;
    }

    /// Hands the package to `loaded`, with the summary. Relations to events the file does not
    /// have are dropped and reported.
    pub fn finish(mut self, loaded: &mut Loaded) {
        // Most imports have no relations: then there is no need to gather every id.
        let related = self.package.events.iter().any(|e| !e.relations.is_empty());
        let ids: std::collections::HashSet<String> = if related {
            self.package.events.iter().map(|e| e.id.clone()).collect()
        } else {
            Default::default()
        };
        for event in self
            .package
            .events
            .iter_mut()
            .filter(|e| !e.relations.is_empty())
        {
            let before = event.relations.len();
            event.relations.retain(|r| ids.contains(&r.event));
            if event.relations.len() < before {
                let line = self.ids.get(&event.id).copied().unwrap_or(0);
                loaded.report(
                    Severity::Warning,
                    format!("line {line}, relations"),
                    line,
                    0,
                    format!("event '{}' relates to events this file does not have; those links are dropped", event.id),
                );
            }
        }
        let rows = self.rows;
        let loaded_rows = format!(
            "{} {} loaded",
            format_count(f64::from(rows)),
            if rows == 1 { "row" } else { "rows" }
        );
        loaded.summary = Some(if self.skipped.is_empty() {
            loaded_rows
        } else {
            format!(
                "{loaded_rows}; {} skipped: {}",
                self.skipped.len(),
                self.skipped.join("; ")
            )
        });
        loaded.package = self.package;
    }
}
