//! Reading a Dateline package (JSON, format version 1) and checking it.
//!
//! Reading happens in two passes over the JSON tree. The first collects the ids of documents,
//! places, actors and events, finding duplicates, so that the second can check every reference
//! as it decodes an item and report it where it is written. The readers of fields shared by all
//! items are in `fields.rs`; places in `places.rs`; events in `events.rs`, and their parts
//! (actors' roles, figures, sources, links, relations) in `event_parts.rs`; quotes are checked
//! against their documents' texts in `quotes.rs`.

mod event_parts;
mod events;
mod fields;
mod places;
mod quotes;

use super::loaded::{decode_utf8, Loaded};
use crate::json::{self, Kind, LineIndex, Value};
use crate::model::problem::{Problem, Severity};
use crate::model::{Actor, Document, Package, Place, FORMAT_VERSION};
use crate::{Map, Set};

const TOP_FIELDS: &[&str] = &[
    "dateline",
    "title",
    "description",
    "documents",
    "places",
    "actors",
    "events",
    "$schema",
];
const DOCUMENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "publisher",
    "url",
    "published",
    "published_note",
    "note",
    "text",
];
const ACTOR_FIELDS: &[&str] = &["id", "name", "aliases", "kind", "affiliation", "note"];

/// Reads a package from the bytes of a JSON file. Never panics; see [`Loaded`].
pub fn read_package(bytes: &[u8]) -> Loaded {
    let mut problems = Vec::new();
    let text = decode_utf8(bytes, &mut problems);
    let parsed = json::parse(&text);
    let lines = LineIndex::new(&text);
    for p in &parsed.problems {
        let (line, column) = lines.position(p.at);
        problems.push(Problem {
            severity: Severity::Error,
            path: String::new(),
            line,
            column,
            message: p.message.clone(),
        });
    }
    let mut reader = Reader { lines, problems };
    let package = match &parsed.root {
        Some(root) => reader.package(root),
        None => Package::default(),
    };
    let mut problems = reader.problems;
    crate::model::problem::in_file_order(&mut problems);
    Loaded {
        package,
        problems,
        summary: None,
        ids: None,
        file: None,
    }
}

/// The second pass's state: where each byte of the file is, and the problems found.
struct Reader<'t> {
    lines: LineIndex<'t>,
    problems: Vec<Problem>,
}

/// The ids of one collection: which are usable, and which items to skip.
#[derive(Default)]
struct Ids {
    known: Set<String>,
    skip: Set<usize>,
}

/// Everything an item may refer to.
struct Known {
    documents: Ids,
    places: Ids,
    actors: Ids,
    events: Ids,
    /// Document texts with whitespace folded, for checking quotes.
    texts: Map<String, String>,
}

impl Reader<'_> {
    /// Records a problem at byte `at` of the file, under the JSON path `path`.
    fn report(&mut self, severity: Severity, path: &str, at: usize, message: impl Into<String>) {
        let (line, column) = self.lines.position(at);
        self.problems.push(Problem {
            severity,
            path: path.to_string(),
            line,
            column,
            message: message.into(),
        });
    }

    /// Records an error (see [`Reader::report`]).
    fn error(&mut self, path: &str, at: usize, message: impl Into<String>) {
        self.report(Severity::Error, path, at, message);
    }

    /// Records a warning (see [`Reader::report`]).
    fn warn(&mut self, path: &str, at: usize, message: impl Into<String>) {
        self.report(Severity::Warning, path, at, message);
    }

    /// Second pass: the package, each item decoded and its references checked.
    fn package(&mut self, root: &Value) -> Package {
        let Kind::Object(members) = &root.kind else {
            self.error(
                "",
                root.at,
                format!(
                    "a Dateline package is a JSON object, but this file holds {}",
                    root.kind_name()
                ),
            );
            return Package::default();
        };
        self.unknown_fields(members, "", TOP_FIELDS);
        match root.get("dateline") {
            None => self.error(
                "dateline",
                root.at,
                "the format version is missing; a Dateline package starts with \"dateline\": 1",
            ),
            Some(v) if v.as_f64() == Some(f64::from(FORMAT_VERSION)) => {}
            Some(v) => self.error(
                "dateline",
                v.at,
                format!("this file is for format version {}; this Dateline reads version {FORMAT_VERSION}", show(v)),
            ),
        }
        let title = self.text(root, "", "title").unwrap_or_else(|| {
            self.warn(
                "title",
                root.at,
                "the package has no title; it is shown as \"Untitled\"",
            );
            "Untitled".to_string()
        });
        let description = self.text(root, "", "description");
        let documents_value = self.array(root, "", "documents");
        let places_value = self.array(root, "", "places");
        let actors_value = self.array(root, "", "actors");
        let events_value = self.array(root, "", "events");
        let mut known = Known {
            documents: self.ids(documents_value, "documents"),
            places: self.ids(places_value, "places"),
            actors: self.ids(actors_value, "actors"),
            events: self.ids(events_value, "events"),
            texts: Map::default(),
        };
        let documents: Vec<Document> = items(documents_value, &known.documents.skip)
            .map(|(i, v)| self.document(v, &format!("documents[{i}]")))
            .collect();
        for d in &documents {
            if let Some(text) = &d.text {
                known.texts.insert(d.id.clone(), quotes::fold_space(text));
            }
        }
        let mut places: Vec<Place> = items(places_value, &known.places.skip)
            .map(|(i, v)| self.place(v, &format!("places[{i}]"), &known))
            .collect();
        self.break_cycles(&mut places, places_value);
        let actors = items(actors_value, &known.actors.skip)
            .map(|(i, v)| self.actor(v, &format!("actors[{i}]")))
            .collect();
        let events = items(events_value, &known.events.skip)
            .map(|(i, v)| self.event(v, &format!("events[{i}]"), &known))
            .collect();
        Package {
            title,
            description,
            documents,
            places,
            actors,
            events,
        }
    }

    /// First pass: the ids of one collection, with duplicates and unusable items marked to skip.
    fn ids(&mut self, array: Option<&Value>, name: &str) -> Ids {
        let mut ids = Ids::default();
        let Some(Value {
            kind: Kind::Array(list),
            ..
        }) = array
        else {
            return ids;
        };
        for (i, item) in list.iter().enumerate() {
            let path = format!("{name}[{i}]");
            if !item.complete {
                self.error(
                    &path,
                    item.at,
                    "the file breaks off inside this item, so it is skipped",
                );
                ids.skip.insert(i);
                continue;
            }
            if !matches!(item.kind, Kind::Object(_)) {
                self.error(
                    &path,
                    item.at,
                    format!(
                        "an item of {name} is an object, but this is {}; it is skipped",
                        item.kind_name()
                    ),
                );
                ids.skip.insert(i);
                continue;
            }
            let id = match item.get("id") {
                None => {
                    self.error(
                        &path,
                        item.at,
                        "this item has no id, so nothing can refer to it; it is skipped",
                    );
                    None
                }
                Some(v) => match v.as_str().map(str::trim) {
                    Some(id)
                        if !id.is_empty()
                            && id == v.as_str().unwrap_or_default()
                            && !id.chars().any(char::is_control) =>
                    {
                        Some(id.to_string())
                    }
                    Some(_) => {
                        self.error(
                            &format!("{path}.id"),
                            v.at,
                            "an id must be a non-empty string without spaces around it or control characters; the item is skipped",
                        );
                        None
                    }
                    None => {
                        self.error(
                            &format!("{path}.id"),
                            v.at,
                            format!(
                                "an id is a string, not {}; the item is skipped",
                                v.kind_name()
                            ),
                        );
                        None
                    }
                },
            };
            match id {
                Some(id) if ids.known.contains(&id) => {
                    let at = item.get("id").map_or(item.at, |v| v.at);
                    self.error(&format!("{path}.id"), at, format!("the id '{id}' is already used by an earlier item of {name}; this one is skipped"));
                    ids.skip.insert(i);
                }
                Some(id) => {
                    ids.known.insert(id);
                }
                None => {
                    ids.skip.insert(i);
                }
            }
        }
        ids
    }

    /// A document of the package.
    fn document(&mut self, v: &Value, path: &str) -> Document {
        let (id, title) = self.item_head(v, path, "a document", DOCUMENT_FIELDS, "title");
        let url = self
            .text(v, path, "url")
            .and_then(|url| self.web_link(v, path, &url));
        let published = self.edtf(v, path, "published", "the publication date is left unknown");
        Document {
            id,
            title,
            publisher: self.text(v, path, "publisher"),
            url,
            published,
            published_note: self.text(v, path, "published_note"),
            note: self.text(v, path, "note"),
            text: self.text(v, path, "text"),
        }
    }

    /// An actor of the package.
    fn actor(&mut self, v: &Value, path: &str) -> Actor {
        let (id, name) = self.item_head(v, path, "an actor", ACTOR_FIELDS, "name");
        Actor {
            id,
            name,
            aliases: self.strings(v, path, "aliases"),
            kind: self.text(v, path, "kind"),
            affiliation: self.text(v, path, "affiliation"),
            note: self.text(v, path, "note"),
        }
    }
}

/// The items of an optional array, with their indices, leaving out those marked to skip.
fn items<'v>(
    array: Option<&'v Value>,
    skip: &'v Set<usize>,
) -> impl Iterator<Item = (usize, &'v Value)> {
    let list: &[Value] = match array {
        Some(Value {
            kind: Kind::Array(list),
            ..
        }) => list,
        _ => &[],
    };
    list.iter()
        .enumerate()
        .filter(move |(i, _)| !skip.contains(i))
}

/// The path of `key` in the object at `path`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A value as a message shows it: a number or a quoted string, else its kind.
fn show(v: &Value) -> String {
    match &v.kind {
        Kind::Number(n) => crate::json::decimal(*n),
        Kind::String(s) => format!("'{s}'"),
        _ => v.kind_name().to_string(),
    }
}
