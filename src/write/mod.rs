//! Writing what a reader filtered: a Dateline package, CSV (ACLED's columns plus Dateline's),
//! GeoJSON, and a plain-text citation list.
//!
//! Every export takes the store and a selection of rows (in date order), so the page exports
//! exactly what it shows. A package export keeps the documents, places (with the places they lie
//! within) and actors the selected events use, and the relations between selected events.

#[cfg(feature = "importers")]
pub mod synth;

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::engine::store::Store;
use crate::json::quote;
use crate::model::csv_columns::CSV_COLUMNS;
use crate::model::text::format_count;
use crate::model::text::StrSet;
use crate::model::{Event, Package, Qualifier, FORMAT_VERSION};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A Dateline package (JSON).
    Package,
    /// CSV with ACLED's 31 columns, then Dateline's own.
    Csv,
    /// A GeoJSON FeatureCollection of the events that have coordinates.
    GeoJson,
    /// Plain text: each event with its date and sources.
    Citations,
}

impl ExportFormat {
    /// Every export format.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Package,
        ExportFormat::Csv,
        ExportFormat::GeoJson,
        ExportFormat::Citations,
    ];

    /// The name used by options and the CLI's `--to`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Package => "package",
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Citations => "citations",
        }
    }

    /// The format named `name`.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Package => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Citations => "txt",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Package => "application/json",
            ExportFormat::Csv => "text/csv",
            ExportFormat::GeoJson => "application/geo+json",
            ExportFormat::Citations => "text/plain",
        }
    }
}

/// Writes the selected rows in `format`.
pub fn export(store: &Store, rows: &[u32], format: ExportFormat) -> String {
    match format {
        ExportFormat::Package => package_json(&selection(store, rows)),
        ExportFormat::Csv => csv(store, rows),
        ExportFormat::GeoJson => geojson(store, rows),
        ExportFormat::Citations => citations(store, rows),
    }
}

/// The package of the selected rows: their events, and the documents, places and actors they use.
pub fn selection(store: &Store, rows: &[u32]) -> Package {
    let package = store.package();
    let events: Vec<Cow<Event>> = rows.iter().map(|&r| store.event_at(r as usize)).collect();
    let ids: StrSet = events.iter().map(|e| e.id.as_str()).collect();
    let mut places: StrSet = events.iter().filter_map(|e| e.place.as_deref()).collect();
    // Keep the chain of containing places, so "within" links stay whole.
    let mut frontier: Vec<&str> = places.iter().collect();
    while let Some(id) = frontier.pop() {
        if let Some(parent) = package
            .places
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.within.as_deref())
        {
            if places.insert(parent) {
                frontier.push(parent);
            }
        }
    }
    let actors: StrSet = events
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.actor.as_str()))
        .collect();
    let documents: StrSet = events
        .iter()
        .flat_map(|e| {
            e.sources
                .iter()
                .map(|s| s.document.as_str())
                .chain(e.figures.iter().filter_map(|f| f.source.as_deref()))
        })
        .collect();
    Package {
        title: package.title.clone(),
        description: package.description.clone(),
        documents: package
            .documents
            .iter()
            .filter(|d| documents.contains(d.id.as_str()))
            .cloned()
            .collect(),
        places: package
            .places
            .iter()
            .filter(|p| places.contains(p.id.as_str()))
            .cloned()
            .collect(),
        actors: package
            .actors
            .iter()
            .filter(|a| actors.contains(a.id.as_str()))
            .cloned()
            .collect(),
        events: events
            .iter()
            .map(|e| {
                let mut e = Event::clone(e);
                e.relations.retain(|r| ids.contains(r.event.as_str()));
                e
            })
            .collect(),
    }
}

/// Writes a package as JSON (format version 1), in the field order of `docs/format.md`.
pub fn package_json(p: &Package) -> String {
    let mut o = Obj::new(0);
    o.num("dateline", f64::from(FORMAT_VERSION));
    o.str("title", &p.title);
    o.opt("description", p.description.as_deref());
    o.list("documents", &p.documents, |o, d| {
        o.str("id", &d.id);
        o.str("title", &d.title);
        o.opt("publisher", d.publisher.as_deref());
        o.opt("url", d.url.as_deref());
        o.opt(
            "published",
            d.published.as_ref().map(ToString::to_string).as_deref(),
        );
        o.opt("published_note", d.published_note.as_deref());
        o.opt("note", d.note.as_deref());
        o.opt("text", d.text.as_deref());
    });
    o.list("places", &p.places, |o, pl| {
        o.str("id", &pl.id);
        o.str("name", &pl.name);
        o.strs("aliases", &pl.aliases);
        if let Some((lat, lon)) = pl.coordinates {
            o.num("lat", lat);
            o.num("lon", lon);
        }
        o.opt("kind", pl.kind.as_deref());
        o.opt("precision", pl.precision.map(|x| x.as_str()));
        o.opt("within", pl.within.as_deref());
        o.opt("note", pl.note.as_deref());
    });
    o.list("actors", &p.actors, |o, a| {
        o.str("id", &a.id);
        o.str("name", &a.name);
        o.strs("aliases", &a.aliases);
        o.opt("kind", a.kind.as_deref());
        o.opt("affiliation", a.affiliation.as_deref());
        o.opt("note", a.note.as_deref());
    });
    o.list("events", &p.events, |o, e| {
        o.str("id", &e.id);
        o.str("title", &e.title);
        o.str("type", &e.event_type);
        if let Some(d) = &e.date {
            o.str("date", &d.edtf.to_string());
            o.opt("date_text", d.text.as_deref());
            o.opt("date_note", d.note.as_deref());
        }
        o.opt("place", e.place.as_deref());
        o.opt("place_note", e.place_note.as_deref());
        o.list("actors", &e.actors, |o, a| {
            o.str("actor", &a.actor);
            o.str("role", &a.role);
        });
        o.list("figures", &e.figures, |o, f| {
            o.str("what", &f.what);
            o.num("value", f.value);
            if let Some(max) = f.max {
                o.num("max", max);
            }
            o.str("qualifier", f.qualifier.as_str());
            o.opt("text", f.text.as_deref());
            o.opt("source", f.source.as_deref());
        });
        o.list("sources", &e.sources, |o, s| {
            o.str("document", &s.document);
            o.str("quote", &s.quote);
            if let Some(at) = s.at {
                o.num("at", at as f64);
            }
        });
        o.list("relations", &e.relations, |o, r| {
            o.str("event", &r.event);
            o.str("kind", r.kind.as_str());
            o.opt("note", r.note.as_deref());
        });
        o.opt("summary", e.summary.as_deref());
        o.opt("note", e.note.as_deref());
        o.strs("tags", &e.tags);
        o.list("links", &e.links, |o, l| {
            o.str("url", &l.url);
            o.str("title", &l.title);
        });
        if let Some(d) = &e.draft {
            o.obj("draft", |o| {
                o.num("confidence", (d.confidence * 100.0).round() / 100.0);
                o.obj("rules", |o| {
                    for (field, rule) in &d.rules {
                        o.str(field, rule);
                    }
                });
                o.strs("merged", &d.merged);
            });
        }
    });
    let mut out = o.finish();
    out.push('\n');
    out
}

/// A small pretty-printing JSON object writer.
struct Obj {
    out: String,
    indent: usize,
    first: bool,
}

impl Obj {
    fn new(indent: usize) -> Obj {
        Obj {
            out: "{".into(),
            indent,
            first: true,
        }
    }

    fn key(&mut self, key: &str) {
        self.out.push_str(if self.first { "\n" } else { ",\n" });
        self.first = false;
        self.out.push_str(&"  ".repeat(self.indent + 1));
        self.out.push_str(&quote(key));
        self.out.push_str(": ");
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.out.push_str(&quote(value));
    }

    fn opt(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    fn num(&mut self, key: &str, value: f64) {
        self.key(key);
        self.out.push_str(&number(value));
    }

    fn strs(&mut self, key: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        self.key(key);
        let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
        self.out.push('[');
        self.out.push_str(&items.join(", "));
        self.out.push(']');
    }

    fn list<T>(&mut self, key: &str, items: &[T], mut each: impl FnMut(&mut Obj, &T)) {
        self.key(key);
        if items.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            self.out.push_str(if i == 0 { "\n" } else { ",\n" });
            self.out.push_str(&"  ".repeat(self.indent + 2));
            let mut o = Obj::new(self.indent + 2);
            each(&mut o, item);
            self.out.push_str(&o.finish());
        }
        self.out.push('\n');
        self.out.push_str(&"  ".repeat(self.indent + 1));
        self.out.push(']');
    }

    fn obj(&mut self, key: &str, each: impl FnOnce(&mut Obj)) {
        self.key(key);
        let mut o = Obj::new(self.indent + 1);
        each(&mut o);
        self.out.push_str(&o.finish());
    }

    fn finish(mut self) -> String {
        if !self.first {
            self.out.push('\n');
            self.out.push_str(&"  ".repeat(self.indent));
        }
        self.out.push('}');
        self.out
    }
}

/// A number as JSON writes it: no needless fraction.
fn number(value: f64) -> String {
    let mut out = String::new();
    crate::json::push_number(&mut out, value);
    out
}

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
    let package = store.package();
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for &r in rows {
        let e = store.event_at(r as usize);
        let entry = store.types().iter().find(|t| t.id == e.event_type);
        let span = e.date.as_ref().map(|d| d.edtf.span());
        let (event_date, precision) = match span {
            Some(s) if s.earliest != i32::MIN && s.latest != i32::MAX => {
                let days = i64::from(s.latest) - i64::from(s.earliest) + 1;
                let mid = i64::from(s.earliest) + (days - 1) / 2;
                match days {
                    1 => (crate::model::calendar::format_day(mid), "1"),
                    2..=7 => (crate::model::calendar::format_day(mid), "2"),
                    _ => (crate::model::calendar::format_day(mid), "3"),
                }
            }
            _ => (String::new(), ""),
        };
        let place = e
            .place
            .as_deref()
            .and_then(|id| package.places.iter().find(|p| p.id == id));
        let actor_name = |id: &str| -> String {
            package
                .actors
                .iter()
                .find(|a| a.id == id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        let by_role = |roles: &[&str]| -> String {
            e.actors
                .iter()
                .filter(|a| roles.contains(&a.role.as_str()))
                .map(|a| actor_name(&a.actor))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mut actor1 = by_role(&[
            "perpetrator",
            "participant",
            "speaker",
            "instigator",
            "suspected",
        ]);
        let mut actor2 = by_role(&["target", "killed", "recipient", "subject"]);
        if actor2.is_empty() {
            if let Some(at) = memchr::memmem::find(actor1.as_bytes(), b"; ") {
                actor2 = actor1[at + 2..].to_string();
                actor1.truncate(at);
            }
        }
        let killed = e.figures.iter().find(|f| {
            f.what == "killed" && matches!(f.qualifier, Qualifier::Exact | Qualifier::About)
        });
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
        let fields: Vec<String> = vec![
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
            by_role(&["associated"]),
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
            place
                .and_then(|p| p.coordinates)
                .map(|c| crate::json::decimal(c.0))
                .unwrap_or_default(),
            place
                .and_then(|p| p.coordinates)
                .map(|c| crate::json::decimal(c.1))
                .unwrap_or_default(),
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
            killed.map(|f| number(f.value)).unwrap_or_default(),
            e.tags.join("; "),
            String::new(),
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
                .map(|a| format!("{}|{}", actor_name(&a.actor), a.role))
                .collect::<Vec<_>>()
                .join("; "),
            e.figures
                .iter()
                .map(|f| {
                    let value = match f.max {
                        Some(max) => format!("{}-{}", number(f.value), number(max)),
                        None => number(f.value),
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
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// GeoJSON: one Point feature per selected event with coordinates; events without them are
/// left out and counted in the collection's `dateline:unmapped` member.
pub fn geojson(store: &Store, rows: &[u32]) -> String {
    let package = store.package();
    let mut features = Vec::new();
    let mut unmapped = Vec::new();
    for &r in rows {
        let e = store.event_at(r as usize);
        let place = e
            .place
            .as_deref()
            .and_then(|id| package.places.iter().find(|p| p.id == id));
        let Some((lat, lon)) = place.and_then(|p| p.coordinates) else {
            unmapped.push(quote(&e.id));
            continue;
        };
        let span = e.date.as_ref().map(|d| d.edtf.span());
        let day = |d: i32| {
            if d == i32::MIN || d == i32::MAX {
                "null".to_string()
            } else {
                quote(&crate::model::calendar::format_day(i64::from(d)))
            }
        };
        let mut props = vec![
            format!("\"id\": {}", quote(&e.id)),
            format!("\"title\": {}", quote(&e.title)),
            format!("\"type\": {}", quote(&e.event_type)),
            format!(
                "\"date\": {}",
                e.date
                    .as_ref()
                    .map_or("null".into(), |d| quote(&d.edtf.to_string()))
            ),
            format!(
                "\"earliest\": {}",
                span.map_or("null".into(), |s| day(s.earliest))
            ),
            format!(
                "\"latest\": {}",
                span.map_or("null".into(), |s| day(s.latest))
            ),
            format!(
                "\"place\": {}",
                quote(&place.map_or(String::new(), |p| p.name.clone()))
            ),
            format!(
                "\"place_precision\": {}",
                place
                    .and_then(|p| p.precision)
                    .map_or("null".into(), |x| quote(x.as_str()))
            ),
            format!("\"sources\": {}", e.sources.len()),
        ];
        if let Some(s) = &e.summary {
            props.push(format!("\"summary\": {}", quote(s)));
        }
        features.push(format!(
            "    {{ \"type\": \"Feature\", \"geometry\": {{ \"type\": \"Point\", \"coordinates\": [{}, {}] }}, \"properties\": {{ {} }} }}",
            number(lon),
            number(lat),
            props.join(", ")
        ));
    }
    format!(
        "{{\n  \"type\": \"FeatureCollection\",\n  \"dateline:unmapped\": [{}],\n  \"features\": [\n{}\n  ]\n}}\n",
        unmapped.join(", "),
        features.join(",\n")
    )
}

/// A plain-text citation list: each event with its date and every source's quote.
pub fn citations(store: &Store, rows: &[u32]) -> String {
    let package = store.package();
    let mut out = format!(
        "{}\n{} events\n",
        package.title,
        format_count(rows.len() as f64)
    );
    for &r in rows {
        let e = store.event_at(r as usize);
        let date = e
            .date
            .as_ref()
            .map_or_else(|| "date unknown".to_string(), |d| d.edtf.describe());
        let _ = write!(out, "\n{} ({date})\n", e.title);
        for s in &e.sources {
            let doc = package.documents.iter().find(|d| d.id == s.document);
            let title = doc.map_or(s.document.as_str(), |d| d.title.as_str());
            let publisher = doc
                .and_then(|d| d.publisher.as_deref())
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            let url = doc
                .and_then(|d| d.url.as_deref())
                .map(|u| format!(", {u}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - “{}” ({title}{publisher}{url})",
                s.quote.replace('\n', " ")
            );
        }
    }
    out
}
