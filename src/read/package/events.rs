//! Reading a package's events: type, date, place and the lists of their parts, and the
//! extractor's notes on a draft.

use super::{join, Known, Reader};
use crate::json::{Kind, Value};
use crate::model::event_type;
use crate::model::{Draft, Event, EventDate};

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

impl Reader<'_> {
    /// An event of the package, its references to other items checked.
    pub(super) fn event(&mut self, v: &Value, path: &str, known: &Known) -> Event {
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
    pub(super) fn draft(&mut self, v: &Value, path: &str) -> Option<Draft> {
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
}
