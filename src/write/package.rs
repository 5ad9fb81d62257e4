//! The package export: the selected events with the documents, places and actors they use,
//! written as Dateline's JSON.

use std::borrow::Cow;

use crate::engine::store::Store;
use crate::json::{number_text, quote};
use crate::model::text::StrSet;
use crate::model::{Event, Package, FORMAT_VERSION};

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
            o.opt("according_to", a.according_to.as_deref());
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
            o.opt("according_to", f.according_to.as_deref());
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
        self.out.push_str(&number_text(value));
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
