//! Dateline's own columns of a Dateline CSV export (`model::csv_columns::OWN_COLUMNS`): the
//! lists it writes in one field each (actors with roles, figures, quotes, links, relations),
//! read back.

use crate::model::{
    Document, Figure, Link, Participation, Qualifier, Relation, RelationKind, Source,
};
use crate::read::builder::Builder;

/// The actors of a Dateline CSV export's `dateline_actors` (`name|role; …`), added to the
/// package by name.
pub(super) fn actors(b: &mut Builder, list: &str) -> Vec<Participation> {
    list.split("; ")
        .filter_map(|item| item.rsplit_once('|'))
        .map(|(name, role)| {
            let a = b.actor_index(name.trim());
            Participation {
                according_to: None,
                actor: b.package.actors[a].id.clone(),
                role: role.trim().to_string(),
            }
        })
        .collect()
}

/// The sources of a Dateline CSV export's `quotes` (`document|quote || …`); a document the
/// package lacks is added, titled with its id.
pub(super) fn sources(b: &mut Builder, list: &str) -> Vec<Source> {
    let mut sources = Vec::new();
    for (doc, quote) in list.split(" || ").filter_map(|item| item.split_once('|')) {
        if !b.package.documents.iter().any(|d| d.id == doc) {
            b.package.documents.push(Document {
                id: doc.to_string(),
                title: doc.to_string(),
                ..Document::default()
            });
        }
        sources.push(Source {
            document: doc.to_string(),
            quote: quote.to_string(),
            verified: false,
            at: None,
        });
    }
    sources
}

/// The links of a Dateline CSV export's `links` (space-separated), http(s) only.
pub(super) fn links(list: &str) -> Vec<Link> {
    list.split(' ')
        .filter_map(|u| crate::model::link::checked_url(u).ok())
        .map(|url| Link {
            title: url.clone(),
            url,
        })
        .collect()
}

/// The relations of a Dateline CSV export's `relations` (`kind|event; …`), of known kinds.
pub(super) fn relations(list: &str) -> Vec<Relation> {
    list.split("; ")
        .filter_map(|item| item.split_once('|'))
        .filter_map(|(kind, event)| {
            RelationKind::from_name(kind).map(|kind| Relation {
                event: event.to_string(),
                kind,
                note: None,
            })
        })
        .collect()
}

/// The figures of a Dateline CSV export's `figures` (`what|qualifier|value[-max]|document; …`);
/// one that cannot be read is left out.
pub(super) fn figures(list: &str) -> Vec<Figure> {
    list.split("; ").filter_map(figure).collect()
}

/// One figure of a Dateline CSV export: `what|qualifier|value[-max]|document`.
fn figure(item: &str) -> Option<Figure> {
    let mut parts = item.split('|');
    let (what, qualifier, value, source) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let qualifier = Qualifier::from_name(qualifier)?;
    let (value, max) = match value.split_once('-') {
        Some((v, m)) if !v.is_empty() => (v.parse().ok()?, Some(m.parse().ok()?)),
        _ => (value.parse().ok()?, None),
    };
    Some(Figure {
        according_to: None,
        what: what.to_string(),
        value,
        max,
        qualifier,
        text: None,
        source: Some(source.to_string()).filter(|s| !s.is_empty()),
    })
}
