//! One event in full, as its card shows it: every source with its quote, the figures side by
//! side, the actors with their roles, and the links to and from other events.

use serde::Serialize;

use crate::engine::store::{Store, NONE};
use crate::json::{JsonFields, Object};
use crate::model::error::Error;
use crate::model::{Event, Relation};

use super::dictionary::{
    actor_info, document_info, place_info, ActorInfo, DocumentInfo, PlaceInfo,
};
use super::figures::{figure_groups, FigureGroup};
use super::summary::{date_label, summary, EventSummary};

/// One event in full, for its card.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventDetails {
    /// The list fields.
    #[serde(flatten)]
    pub summary: EventSummary,
    /// How the date was worked out, when inferred.
    pub date_note: Option<String>,
    /// The place in full.
    pub place_details: Option<PlaceInfo>,
    /// How the place was worked out, when inferred.
    pub place_note: Option<String>,
    /// The package author's summary.
    pub summary_text: Option<String>,
    /// Notes for readers, such as how accounts were merged.
    pub note: Option<String>,
    /// The ACLED type this event maps to.
    pub acled_event_type: Option<String>,
    /// The ACLED sub-type.
    pub acled_sub_event_type: Option<String>,
    /// Every source with its quote.
    pub sources: Vec<SourceInfo>,
    /// Figures grouped by what they count; disagreeing readings side by side.
    pub figures: Vec<FigureGroup>,
    /// Actors with their roles.
    pub actors: Vec<ActorRole>,
    /// Links to and from other events.
    pub relations: Vec<RelationInfo>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Further links the data gives: `{ url, title }`, http(s) only.
    pub links: Vec<LinkInfo>,
    /// For a draft: how sure the extractor is, and why, field by field.
    pub draft_details: Option<DraftInfo>,
}

/// The extractor's reasons, as a draft's card shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftInfo {
    /// From 0 to 1.
    pub confidence: f64,
    /// `{ field, rule }` for each field the extractor set.
    pub rules: Vec<RuleInfo>,
    /// Why reports were merged into the event.
    pub merged: Vec<String>,
}

/// One field and the rule that set it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleInfo {
    /// The field: type, date, place, actors, figures, relations.
    pub field: String,
    /// The rule, in words.
    pub rule: String,
}

/// A link as a card shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkInfo {
    /// An http(s) URL.
    pub url: String,
    /// Its text.
    pub title: String,
}

/// One source of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceInfo {
    /// The document.
    pub document: DocumentInfo,
    /// The verbatim passage.
    pub quote: String,
    /// True when the quote was found in the document's text.
    pub verified: bool,
}

/// An actor's part in an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorRole {
    /// The actor.
    #[serde(flatten)]
    pub actor: ActorInfo,
    /// The role.
    pub role: String,
    /// Who says so, when the role is attributed ("according to U.S. officials").
    pub according_to: Option<String>,
}

/// A link between the event and another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationInfo {
    /// `out` when this event relates to the other, `in` when the other relates to this one.
    pub direction: &'static str,
    /// The relation kind.
    pub kind: &'static str,
    /// The link in words from this event's side: "In response to", "Answered by".
    pub label: &'static str,
    /// The other event's id.
    pub event: String,
    /// The other event's title.
    pub title: String,
    /// The other event's date in words.
    pub date_label: String,
    /// Why the link is drawn, when it is an inference.
    pub note: Option<String>,
}

impl JsonFields for EventDetails {
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o> {
        self.summary
            .fields(o)
            .field("dateNote", &self.date_note)
            .field("placeDetails", &self.place_details)
            .field("placeNote", &self.place_note)
            .field("summaryText", &self.summary_text)
            .field("note", &self.note)
            .field("acledEventType", &self.acled_event_type)
            .field("acledSubEventType", &self.acled_sub_event_type)
            .field("sources", &self.sources)
            .field("figures", &self.figures)
            .field("actors", &self.actors)
            .field("relations", &self.relations)
            .field("tags", &self.tags)
            .field("links", &self.links)
            .field("draftDetails", &self.draft_details)
    }
}

crate::json_struct!(DraftInfo {
    "confidence" => confidence,
    "rules" => rules,
    "merged" => merged,
});

crate::json_struct!(RuleInfo {
    "field" => field,
    "rule" => rule,
});

crate::json_struct!(LinkInfo {
    "url" => url,
    "title" => title,
});

crate::json_struct!(SourceInfo {
    "document" => document,
    "quote" => quote,
    "verified" => verified,
});

impl JsonFields for ActorRole {
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o> {
        self.actor
            .fields(o)
            .field("role", &self.role)
            .field("accordingTo", &self.according_to)
    }
}

crate::json_struct!(RelationInfo {
    "direction" => direction,
    "kind" => kind,
    "label" => label,
    "event" => event,
    "title" => title,
    "dateLabel" => date_label,
    "note" => note,
});

crate::json_objects!(EventDetails, ActorRole);

/// One event in full, by id.
pub fn details(store: &Store, id: &str) -> Result<EventDetails, Error> {
    let row = store.row_of(id).ok_or_else(|| Error::unknown_event(id))?;
    let event = store.event_at(row);
    let entry = &store.types[store.type_code[row] as usize];
    let figures = figure_groups(store, &event.figures);
    let relations = relations_of(store, row, &event);
    Ok(EventDetails {
        summary: EventSummary {
            title: event.title.clone(),
            ..summary(store, row)
        },
        date_note: event.date.as_ref().and_then(|d| d.note.clone()),
        place_details: match store.place_code[row] {
            NONE => None,
            p => Some(place_info(store, p as usize)),
        },
        place_note: event.place_note.clone(),
        summary_text: event.summary.clone(),
        note: event.note.clone(),
        acled_event_type: entry.acled_event_type.clone(),
        acled_sub_event_type: entry.acled_sub_event_type.clone(),
        sources: event
            .sources
            .iter()
            .map(|s| SourceInfo {
                document: document_info(store, store.document_index[&s.document] as usize),
                quote: s.quote.clone(),
                verified: s.verified,
            })
            .collect(),
        figures,
        actors: event
            .actors
            .iter()
            .map(|p| ActorRole {
                actor: actor_info(store, store.actor_index[&p.actor] as usize),
                role: p.role.clone(),
                according_to: p.according_to.clone(),
            })
            .collect(),
        relations,
        tags: event.tags.clone(),
        links: event
            .links
            .iter()
            .map(|l| LinkInfo {
                url: l.url.clone(),
                title: l.title.clone(),
            })
            .collect(),
        draft_details: event.draft.as_ref().map(|d| DraftInfo {
            confidence: d.confidence,
            rules: d
                .rules
                .iter()
                .map(|(field, rule)| RuleInfo {
                    field: field.clone(),
                    rule: rule.clone(),
                })
                .collect(),
            merged: d.merged.clone(),
        }),
    })
}

/// The event's links to other events: those it makes, then those others make to it.
fn relations_of(store: &Store, row: usize, event: &Event) -> Vec<RelationInfo> {
    let relation = |outgoing: bool, other: &Event, r: &Relation| RelationInfo {
        direction: if outgoing { "out" } else { "in" },
        kind: r.kind.as_str(),
        label: r.kind.label(outgoing),
        event: other.id.clone(),
        title: other.title.clone(),
        date_label: date_label(other),
        note: r.note.clone(),
    };
    let mut relations: Vec<RelationInfo> = event
        .relations
        .iter()
        .filter_map(|r| {
            let other = store.event(store.event_of_id(&r.event)?);
            Some(relation(true, &other, r))
        })
        .collect();
    for &(from, r) in store.incoming.get(&store.order[row]).into_iter().flatten() {
        let other = store.event(from as usize);
        relations.push(relation(false, &other, &other.relations[r as usize]));
    }
    relations
}
