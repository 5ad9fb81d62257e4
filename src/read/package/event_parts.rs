//! Reading the parts of an event: actors with their roles, figures, sources with their quotes,
//! links and relations to other events. Each returns `None` to drop a part that cannot be used.

use super::quotes::quote_occurs;
use super::{join, Known, Reader};
use crate::json::Value;
use crate::model::{Figure, Link, Participation, Qualifier, Relation, RelationKind, Source, ROLES};

const LINK_FIELDS: &[&str] = &["url", "title"];
const PARTICIPATION_FIELDS: &[&str] = &["actor", "role", "according_to"];
const FIGURE_FIELDS: &[&str] = &[
    "what",
    "value",
    "max",
    "qualifier",
    "text",
    "source",
    "according_to",
];
const SOURCE_FIELDS: &[&str] = &["document", "quote", "at"];
const RELATION_FIELDS: &[&str] = &["event", "kind", "note"];

impl Reader<'_> {
    /// An actor's part in an event: the actor, and its role.
    pub(super) fn participation(
        &mut self,
        v: &Value,
        path: &str,
        known: &Known,
    ) -> Option<Participation> {
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
        Some(Participation {
            actor,
            role,
            according_to: self.text(v, path, "according_to"),
        })
    }

    /// A figure of an event: a count with its qualifier, and the document it comes from.
    pub(super) fn figure(&mut self, v: &Value, path: &str, known: &Known) -> Option<Figure> {
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
            according_to: self.text(v, path, "according_to"),
        })
    }

    /// A count of a figure: a number from 0; otherwise reported, and `None`.
    pub(super) fn count(&mut self, v: &Value, path: &str, key: &str) -> Option<f64> {
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

    /// A source of an event: a document and its quote, checked against the document's text
    /// when the package has it.
    pub(super) fn source(&mut self, v: &Value, path: &str, known: &Known) -> Option<Source> {
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

    /// A link of an event: an http(s) URL and its title.
    pub(super) fn link(&mut self, v: &Value, path: &str) -> Option<Link> {
        let members = self.members(v, path, "a link")?;
        self.unknown_fields(members, path, LINK_FIELDS);
        let url = self.required_text(v, path, "url", "this link is dropped")?;
        let url = self.web_link(v, path, &url)?;
        let title = self.text(v, path, "title").unwrap_or_else(|| url.clone());
        Some(Link { url, title })
    }

    /// A relation of an event to another event of the package.
    pub(super) fn relation(&mut self, v: &Value, path: &str, known: &Known) -> Option<Relation> {
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
