//! Reading a Dateline package (JSON, format version 1) and checking it.
//!
//! Reading happens in two passes over the JSON tree. The first collects the ids of documents,
//! places, actors and events, finding duplicates, so that the second can check every reference
//! as it decodes an item and report it where it is written.

use super::loaded::{decode_utf8, Loaded};
use crate::json::{self, Kind, LineIndex, Member, Value};
use crate::model::edtf::Edtf;
use crate::model::event_type;
use crate::model::link::checked_url;
use crate::model::problem::{Problem, Severity};
use crate::model::{
    Actor, Document, Draft, Event, EventDate, Figure, Link, Package, Participation, Place,
    PlacePrecision, Qualifier, Relation, RelationKind, Source, FORMAT_VERSION, ROLES,
};
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
const PLACE_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "lat",
    "lon",
    "kind",
    "precision",
    "within",
    "note",
];
const ACTOR_FIELDS: &[&str] = &["id", "name", "aliases", "kind", "affiliation", "note"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "type",
    "date",
    "date_text",
    "date_note",
    "place",
    "place_note",
    "actors",
    "figures",
    "sources",
    "relations",
    "summary",
    "note",
    "tags",
    "links",
    "draft",
];
const DRAFT_FIELDS: &[&str] = &["confidence", "rules", "merged"];
const LINK_FIELDS: &[&str] = &["url", "title"];
const PARTICIPATION_FIELDS: &[&str] = &["actor", "role"];
const FIGURE_FIELDS: &[&str] = &["what", "value", "max", "qualifier", "text", "source"];
const SOURCE_FIELDS: &[&str] = &["document", "quote", "at"];
const RELATION_FIELDS: &[&str] = &["event", "kind", "note"];

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

    fn error(&mut self, path: &str, at: usize, message: impl Into<String>) {
        self.report(Severity::Error, path, at, message);
    }

    fn warn(&mut self, path: &str, at: usize, message: impl Into<String>) {
        self.report(Severity::Warning, path, at, message);
    }

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
                known.texts.insert(d.id.clone(), fold_space(text));
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

    /// Warns about fields that this format version does not define (usually typos).
    fn unknown_fields(&mut self, members: &[Member], path: &str, known: &[&str]) {
        for m in members {
            if !known.contains(&m.key.as_str()) {
                let at = m.value.at;
                let field = join(path, &m.key);
                self.warn(
                    &field,
                    at,
                    format!(
                        "'{}' is not a field here and is ignored; the fields are: {}",
                        m.key,
                        crate::model::text::joined(", ", known.iter().copied())
                    ),
                );
            }
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

    fn array<'v>(&mut self, obj: &'v Value, path: &str, key: &str) -> Option<&'v Value> {
        let v = obj.get(key)?;
        match v.kind {
            Kind::Array(_) => Some(v),
            Kind::Null => None,
            _ => {
                self.error(
                    &join(path, key),
                    v.at,
                    format!("'{key}' is a list, not {}; it is ignored", v.kind_name()),
                );
                None
            }
        }
    }

    /// An optional string field; blank strings count as absent. Wrong types are reported.
    fn text(&mut self, obj: &Value, path: &str, key: &str) -> Option<String> {
        let v = obj.get(key)?;
        match &v.kind {
            Kind::String(s) if s.trim().is_empty() => None,
            Kind::String(s) => Some(s.clone()),
            Kind::Null => None,
            _ => {
                self.error(
                    &join(path, key),
                    v.at,
                    format!("'{key}' is a string, not {}; it is ignored", v.kind_name()),
                );
                None
            }
        }
    }

    /// A required string field; reports its absence with what happens instead.
    fn required_text(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        instead: &str,
    ) -> Option<String> {
        let found = self.text(obj, path, key);
        if found.is_none()
            && !matches!(
                obj.get(key).map(|v| &v.kind),
                Some(Kind::Array(_) | Kind::Object(_) | Kind::Number(_) | Kind::Bool(_))
            )
        {
            self.error(
                &join(path, key),
                obj.get(key).map_or(obj.at, |v| v.at),
                format!("'{key}' is missing or empty; {instead}"),
            );
        }
        found
    }

    fn strings(&mut self, obj: &Value, path: &str, key: &str) -> Vec<String> {
        let Some(list) = self.array(obj, path, key) else {
            return Vec::new();
        };
        let Kind::Array(items) = &list.kind else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, v) in items.iter().enumerate() {
            match v.as_str() {
                Some(s) if !s.trim().is_empty() => out.push(s.to_string()),
                Some(_) => self.warn(
                    &format!("{}[{i}]", join(path, key)),
                    v.at,
                    "an empty string is ignored",
                ),
                None => self.error(
                    &format!("{}[{i}]", join(path, key)),
                    v.at,
                    format!("expected a string, not {}; it is ignored", v.kind_name()),
                ),
            }
        }
        out
    }

    /// A reference to an item of another collection; dangling ones are reported, and so is a
    /// missing one when `required`. `dropped` says what happens then.
    #[allow(clippy::too_many_arguments)]
    fn reference(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        ids: &Ids,
        collection: &str,
        dropped: &str,
        required: bool,
    ) -> Option<String> {
        let Some(id) = self.text(obj, path, key) else {
            if required && obj.get(key).is_none_or(Value::is_null) {
                self.error(path, obj.at, format!("'{key}' is missing; {dropped}"));
            }
            return None;
        };
        if ids.known.contains(&id) {
            return Some(id);
        }
        let at = obj.get(key).map_or(obj.at, |v| v.at);
        self.error(
            &join(path, key),
            at,
            format!("there is no {collection} with the id '{id}'; {dropped}"),
        );
        None
    }

    fn members<'v>(&mut self, v: &'v Value, path: &str, what: &str) -> Option<&'v [Member]> {
        match &v.kind {
            Kind::Object(members) => Some(members),
            _ => {
                self.error(
                    path,
                    v.at,
                    format!("{what} is an object, not {}; it is ignored", v.kind_name()),
                );
                None
            }
        }
    }

    /// The opening every item shares: warns about unknown fields, and returns the item's id
    /// (checked in the first pass) and its required name or title, which falls back to the id.
    fn item_head(
        &mut self,
        v: &Value,
        path: &str,
        what: &str,
        fields: &[&str],
        name_key: &str,
    ) -> (String, String) {
        let members = self.members(v, path, what).unwrap_or_default();
        self.unknown_fields(members, path, fields);
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let instead = format!(
            "{what} is shown by its id",
            what = what
                .strip_prefix("a ")
                .or(what.strip_prefix("an "))
                .unwrap_or(what)
        );
        let name = self
            .required_text(v, path, name_key, &format!("the {instead}"))
            .unwrap_or_else(|| id.clone());
        (id, name)
    }

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

    fn edtf(&mut self, obj: &Value, path: &str, key: &str, instead: &str) -> Option<Edtf> {
        let text = self.text(obj, path, key)?;
        match Edtf::parse(&text) {
            Ok(date) => Some(date),
            Err(e) => {
                let at = obj.get(key).map_or(obj.at, |v| v.at);
                self.error(&join(path, key), at, format!("{e}; {instead}"));
                None
            }
        }
    }

    fn place(&mut self, v: &Value, path: &str, known: &Known) -> Place {
        let (id, name) = self.item_head(v, path, "a place", PLACE_FIELDS, "name");
        let lat = self.coordinate(v, path, "lat", 90.0);
        let lon = self.coordinate(v, path, "lon", 180.0);
        let coordinates = match (lat, lon) {
            (Some(Some(lat)), Some(Some(lon))) => Some((lat, lon)),
            (Some(Some(_)), None) | (None, Some(Some(_))) => {
                self.error(
                    path,
                    v.at,
                    "a place needs both 'lat' and 'lon'; it is listed but not mapped",
                );
                None
            }
            _ => None,
        };
        let precision = self.text(v, path, "precision").and_then(|p| {
            PlacePrecision::from_name(&p).or_else(|| {
                let names = crate::model::text::joined(
                    ", ",
                    PlacePrecision::ALL.iter().map(|p| p.as_str()),
                );
                let at = v.get("precision").map_or(v.at, |x| x.at);
                self.error(
                    &join(path, "precision"),
                    at,
                    format!("'{p}' is not a place precision; use one of: {names}"),
                );
                None
            })
        });
        let mut within = self.reference(
            v,
            path,
            "within",
            &known.places,
            "place",
            "the link to a larger place is dropped",
            false,
        );
        if within.as_deref() == Some(id.as_str()) {
            let at = v.get("within").map_or(v.at, |x| x.at);
            self.error(
                &join(path, "within"),
                at,
                "a place cannot be within itself; the link is dropped",
            );
            within = None;
        }
        Place {
            id,
            name,
            aliases: self.strings(v, path, "aliases"),
            coordinates,
            kind: self.text(v, path, "kind"),
            precision,
            within,
            note: self.text(v, path, "note"),
        }
    }

    /// `None`: absent. `Some(None)`: present but unusable (reported). `Some(Some(x))`: usable.
    fn coordinate(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        limit: f64,
    ) -> Option<Option<f64>> {
        let v = obj.get(key)?;
        let field = join(path, key);
        match &v.kind {
            Kind::Null => None,
            Kind::Number(n) if n.abs() <= limit => Some(Some(*n)),
            Kind::Number(n) => {
                self.error(&field, v.at, format!("{} is out of range (-{limit} to {limit}); the place is listed but not mapped", crate::json::decimal(*n), limit = crate::json::decimal(limit)));
                Some(None)
            }
            Kind::String(s) => {
                let hint = if s.contains(',') {
                    " (use a decimal point, not a comma)"
                } else {
                    ""
                };
                self.error(&field, v.at, format!("'{key}' must be a number, not the string '{s}'{hint}; the place is listed but not mapped"));
                Some(None)
            }
            _ => {
                self.error(
                    &field,
                    v.at,
                    format!(
                        "'{key}' must be a number, not {}; the place is listed but not mapped",
                        v.kind_name()
                    ),
                );
                Some(None)
            }
        }
    }

    /// Drops `within` links that close a loop, so that every chain of larger places ends.
    fn break_cycles(&mut self, places: &mut [Place], array: Option<&Value>) {
        // Of the same type as the store's indexes of ids: the download carries one.
        let index: Map<String, u32> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i as u32))
            .collect();
        for start in 0..places.len() {
            let mut seen = Set::default();
            seen.insert(start);
            let mut at = start;
            while let Some(next) = places[at]
                .within
                .as_ref()
                .and_then(|id| index.get(id))
                .map(|&i| i as usize)
            {
                if !seen.insert(next) {
                    let id = places[at].id.clone();
                    let pos = place_position(array, &id);
                    self.error(
                        &format!("place '{id}'.within"),
                        pos,
                        "the places' 'within' links form a loop; this link is dropped",
                    );
                    places[at].within = None;
                    break;
                }
                at = next;
            }
        }
    }

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

    fn event(&mut self, v: &Value, path: &str, known: &Known) -> Event {
        let (id, title) = self.item_head(v, path, "an event", EVENT_FIELDS, "title");
        let event_type = match self.required_text(
            v,
            path,
            "type",
            "the event's type is set to 'other'",
        ) {
            None => "other".to_string(),
            Some(t) => {
                if event_type::find(&t).is_none() {
                    let at = v.get("type").map_or(v.at, |x| x.at);
                    self.warn(
                        &join(path, "type"),
                        at,
                        format!("'{t}' is not one of Dateline's types; it is kept as its own type in the family 'other' (see docs/format.md for the list)"),
                    );
                }
                t
            }
        };
        let edtf = if v.get("date").is_none() {
            // A draft may wait for its reviewer to set a date the text does not fix.
            if v.get("draft").is_some() {
                self.warn(
                    &join(path, "date"),
                    v.at,
                    "the draft has no date yet; it is listed but not on the timeline",
                );
            } else {
                self.error(
                    &join(path, "date"),
                    v.at,
                    "the event has no date; it is listed but not on the timeline",
                );
            }
            None
        } else {
            self.edtf(
                v,
                path,
                "date",
                "the event is listed but not on the timeline",
            )
        };
        let date = edtf.map(|edtf| EventDate {
            edtf,
            text: self.text(v, path, "date_text"),
            note: self.text(v, path, "date_note"),
        });
        let place = self.reference(
            v,
            path,
            "place",
            &known.places,
            "place",
            "the event is kept without a place",
            false,
        );
        let sources = self.list(v, path, "sources", |r, item, p| r.source(item, p, known));
        if sources.is_empty() {
            self.warn(
                &join(path, "sources"),
                v.get("sources").map_or(v.at, |s| s.at),
                "the event has no sources, so readers cannot trace it",
            );
        }
        let mut relations = self.list(v, path, "relations", |r, item, p| {
            r.relation(item, p, known)
        });
        if let Some(i) = relations.iter().position(|r| r.event == id) {
            self.error(
                &join(path, "relations"),
                v.at,
                "an event cannot relate to itself; the link is dropped",
            );
            relations.remove(i);
        }
        Event {
            title,
            event_type,
            date,
            place,
            place_note: self.text(v, path, "place_note"),
            actors: self.list(v, path, "actors", |r, item, p| {
                r.participation(item, p, known)
            }),
            figures: self.list(v, path, "figures", |r, item, p| r.figure(item, p, known)),
            sources,
            relations,
            summary: self.text(v, path, "summary"),
            note: self.text(v, path, "note"),
            tags: self.strings(v, path, "tags"),
            links: self.list(v, path, "links", |r, item, p| r.link(item, p)),
            draft: v
                .get("draft")
                .and_then(|d| self.draft(d, &join(path, "draft")))
                .map(Box::new),
            id,
        }
    }

    /// The extractor's notes on a drafted event.
    fn draft(&mut self, v: &Value, path: &str) -> Option<Draft> {
        let members = self.members(v, path, "a draft")?;
        self.unknown_fields(members, path, DRAFT_FIELDS);
        let confidence = match v.get("confidence").map(|c| (c.as_f64(), c.at)) {
            None => 0.0,
            Some((Some(c), _)) if (0.0..=1.0).contains(&c) => c,
            Some((_, at)) => {
                self.error(
                    &join(path, "confidence"),
                    at,
                    "'confidence' is a number from 0 to 1; it is set to 0",
                );
                0.0
            }
        };
        let mut rules = Vec::new();
        if let Some(r) = v.get("rules") {
            let rules_path = join(path, "rules");
            if let Some(members) = self.members(r, &rules_path, "the rules") {
                for m in members {
                    match &m.value.kind {
                        Kind::String(s) => rules.push((m.key.clone(), s.clone())),
                        _ => self.error(
                            &join(&rules_path, &m.key),
                            m.value.at,
                            "a rule is a string; it is ignored",
                        ),
                    }
                }
            }
        }
        Some(Draft {
            confidence,
            rules,
            merged: self.strings(v, path, "merged"),
        })
    }

    /// Decodes each item of the list `key` with `one`, which returns `None` to drop an item.
    fn list<T>(
        &mut self,
        v: &Value,
        path: &str,
        key: &str,
        mut one: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        let Some(Value {
            kind: Kind::Array(items),
            ..
        }) = self.array(v, path, key)
        else {
            return Vec::new();
        };
        let base = join(path, key);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| one(self, item, &format!("{base}[{i}]")))
            .collect()
    }

    fn participation(&mut self, v: &Value, path: &str, known: &Known) -> Option<Participation> {
        let members = self.members(v, path, "an actor's part in an event")?;
        self.unknown_fields(members, path, PARTICIPATION_FIELDS);
        let actor = self.reference(
            v,
            path,
            "actor",
            &known.actors,
            "actor",
            "this entry is dropped",
            true,
        )?;
        let role = self
            .text(v, path, "role")
            .unwrap_or_else(|| "participant".to_string());
        if !ROLES.contains(&role.as_str()) {
            let at = v.get("role").map_or(v.at, |x| x.at);
            self.warn(
                &join(path, "role"),
                at,
                format!(
                    "'{role}' is not one of the roles: {}; it is kept as written",
                    crate::model::text::joined(", ", ROLES.iter().copied())
                ),
            );
        }
        Some(Participation { actor, role })
    }

    fn figure(&mut self, v: &Value, path: &str, known: &Known) -> Option<Figure> {
        let members = self.members(v, path, "a figure")?;
        self.unknown_fields(members, path, FIGURE_FIELDS);
        let what = self.required_text(v, path, "what", "the figure is dropped")?;
        let value = self.count(v, path, "value")?;
        let qualifier = match self.text(v, path, "qualifier") {
            None => Qualifier::Exact,
            Some(q) => match Qualifier::from_name(&q) {
                Some(q) => q,
                None => {
                    let names =
                        crate::model::text::joined(", ", Qualifier::ALL.iter().map(|q| q.as_str()));
                    let at = v.get("qualifier").map_or(v.at, |x| x.at);
                    self.error(
                        &join(path, "qualifier"),
                        at,
                        format!(
                            "'{q}' is not a qualifier; use one of: {names}; the figure is dropped"
                        ),
                    );
                    return None;
                }
            },
        };
        let max = if v.get("max").is_some() {
            self.count(v, path, "max")
        } else {
            None
        };
        match (qualifier, max) {
            (Qualifier::Between, None) => {
                self.error(
                    path,
                    v.at,
                    "a 'between' figure needs 'max'; the figure is dropped",
                );
                return None;
            }
            (Qualifier::Between, Some(m)) if m < value => {
                self.error(
                    &join(path, "max"),
                    v.at,
                    "'max' is smaller than 'value'; the figure is dropped",
                );
                return None;
            }
            (q, Some(_)) if q != Qualifier::Between => {
                self.warn(
                    &join(path, "max"),
                    v.at,
                    "'max' only goes with the qualifier 'between'; it is ignored",
                );
            }
            _ => {}
        }
        let max = if qualifier == Qualifier::Between {
            max
        } else {
            None
        };
        let source = self.reference(
            v,
            path,
            "source",
            &known.documents,
            "document",
            "the figure is kept without its source",
            false,
        );
        Some(Figure {
            what,
            value,
            max,
            qualifier,
            text: self.text(v, path, "text"),
            source,
        })
    }

    fn count(&mut self, v: &Value, path: &str, key: &str) -> Option<f64> {
        let field = join(path, key);
        match v.get(key) {
            None => {
                self.error(
                    &field,
                    v.at,
                    format!("'{key}' is missing; the figure is dropped"),
                );
                None
            }
            Some(x) => match x.as_f64() {
                Some(n) if n >= 0.0 => Some(n),
                Some(n) => {
                    self.error(
                        &field,
                        x.at,
                        format!(
                            "a count cannot be negative ({}); the figure is dropped",
                            crate::json::decimal(n)
                        ),
                    );
                    None
                }
                None => {
                    self.error(
                        &field,
                        x.at,
                        format!(
                            "'{key}' is a number, not {}; the figure is dropped",
                            x.kind_name()
                        ),
                    );
                    None
                }
            },
        }
    }

    fn source(&mut self, v: &Value, path: &str, known: &Known) -> Option<Source> {
        let members = self.members(v, path, "a source")?;
        self.unknown_fields(members, path, SOURCE_FIELDS);
        let document = self.reference(
            v,
            path,
            "document",
            &known.documents,
            "document",
            "this source is dropped",
            true,
        )?;
        let quote = self.required_text(
            v,
            path,
            "quote",
            "a source needs the passage it is based on; this source is dropped",
        )?;
        let verified = match known.texts.get(&document) {
            None => false,
            Some(text) => {
                let found = quote_occurs(text, &quote);
                if !found {
                    let at = v.get("quote").map_or(v.at, |x| x.at);
                    self.error(
                        &join(path, "quote"),
                        at,
                        format!("this quote does not occur in the text of document '{document}'; quotes must be verbatim (mark omissions with …)"),
                    );
                }
                found
            }
        };
        let at = match v.get("at") {
            None => None,
            Some(x) => match x.as_f64() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 4e9 => Some(n as usize),
                _ => {
                    self.error(
                        &join(path, "at"),
                        x.at,
                        "'at' is a character offset (a whole number from 0); it is ignored",
                    );
                    None
                }
            },
        };
        Some(Source {
            document,
            quote,
            verified,
            at,
        })
    }

    fn link(&mut self, v: &Value, path: &str) -> Option<Link> {
        let members = self.members(v, path, "a link")?;
        self.unknown_fields(members, path, LINK_FIELDS);
        let url = self.required_text(v, path, "url", "this link is dropped")?;
        let url = self.web_link(v, path, &url)?;
        let title = self.text(v, path, "title").unwrap_or_else(|| url.clone());
        Some(Link { url, title })
    }

    /// `url` (the item's `url` field) when it is an http(s) link; otherwise reported, and `None`.
    fn web_link(&mut self, v: &Value, path: &str, url: &str) -> Option<String> {
        match checked_url(url) {
            Ok(url) => Some(url),
            Err(why) => {
                let at = v.get("url").map_or(v.at, |u| u.at);
                self.error(
                    &join(path, "url"),
                    at,
                    format!("{why}; the link is dropped"),
                );
                None
            }
        }
    }

    fn relation(&mut self, v: &Value, path: &str, known: &Known) -> Option<Relation> {
        let members = self.members(v, path, "a relation")?;
        self.unknown_fields(members, path, RELATION_FIELDS);
        let event = self.reference(
            v,
            path,
            "event",
            &known.events,
            "event",
            "this link is dropped",
            true,
        )?;
        let kind_text = self.required_text(v, path, "kind", "this link is dropped")?;
        let Some(kind) = RelationKind::from_name(&kind_text) else {
            let names =
                crate::model::text::joined(", ", RelationKind::ALL.iter().map(|k| k.as_str()));
            let at = v.get("kind").map_or(v.at, |x| x.at);
            self.error(
                &join(path, "kind"),
                at,
                format!("'{kind_text}' is not a kind of relation; use one of: {names}; this link is dropped"),
            );
            return None;
        };
        Some(Relation {
            event,
            kind,
            note: self.text(v, path, "note"),
        })
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

fn place_position(array: Option<&Value>, id: &str) -> usize {
    let Some(Value {
        kind: Kind::Array(list),
        at,
        ..
    }) = array
    else {
        return 0;
    };
    list.iter()
        .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
        .and_then(|p| p.get("within"))
        .map_or(*at, |w| w.at)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn show(v: &Value) -> String {
    match &v.kind {
        Kind::Number(n) => crate::json::decimal(*n),
        Kind::String(s) => format!("'{s}'"),
        _ => v.kind_name().to_string(),
    }
}

/// Collapses every run of white space to one space, so line breaks do not break quotes.
fn fold_space(text: &str) -> String {
    crate::model::text::joined(" ", text.split_whitespace())
}

/// True when `quote` occurs verbatim in `text` (already space-folded). A quote may leave words
/// out where it says so with `…`, `...` or `[...]`: its pieces must then occur in order.
fn quote_occurs(text: &str, quote: &str) -> bool {
    let quote = fold_space(quote);
    let mut from = 0;
    for piece in between_omissions(&quote)
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match memchr::memmem::find(&text.as_bytes()[from..], piece.as_bytes()) {
            Some(i) => from += i + piece.len(),
            None => return false,
        }
    }
    true
}

/// The pieces of `quote` between its omission marks: `[...]`, `...` and `…`.
fn between_omissions(quote: &str) -> Vec<&str> {
    let bytes = quote.as_bytes();
    let mut pieces = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let rest = &bytes[at..];
        let mark = if rest.starts_with(b"[...]") {
            5
        } else if rest.starts_with(b"...") || rest.starts_with("…".as_bytes()) {
            3
        } else {
            0
        };
        if mark == 0 {
            at += 1;
        } else {
            // Every mark begins with an ASCII byte or a lead byte: `at` is a char boundary.
            pieces.push(&quote[start..at]);
            at += mark;
            start = at;
        }
    }
    pieces.push(&quote[start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_match_across_line_breaks_and_omissions() {
        let text =
            fold_space("The militias  responded\nwith assaults on the U.S. Embassy in Baghdad.");
        assert!(quote_occurs(&text, "responded with assaults"));
        assert!(quote_occurs(&text, "The militias … on the U.S. Embassy"));
        assert!(quote_occurs(&text, "The militias [...] Baghdad."));
        assert!(!quote_occurs(&text, "Baghdad … The militias"));
        assert!(!quote_occurs(&text, "responded with attacks"));
    }

    #[test]
    fn omission_marks_cut_a_quote_into_pieces() {
        assert_eq!(
            between_omissions("a [...] b ... c … d"),
            ["a ", " b ", " c ", " d"]
        );
        assert_eq!(between_omissions("a [... b"), ["a [", " b"]);
        assert_eq!(between_omissions("...."), ["", "."]);
        assert_eq!(between_omissions("no marks"), ["no marks"]);
    }
}
