//! The package's places, actors and documents as the explorer's lists, cards and tooltips show
//! them, by their index in the package (the code the store's columns hold).

use serde::Serialize;

use crate::engine::store::Store;
use crate::model::edtf::Edtf;

/// A place as a card or a tooltip shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlaceInfo {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// What it is.
    pub kind: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Precision name.
    pub precision: Option<&'static str>,
    /// Precision in words ("exact site").
    pub precision_label: Option<&'static str>,
    /// The id of the place it lies within.
    pub within: Option<String>,
    /// Provenance of the coordinates, or other notes.
    pub note: Option<String>,
}

crate::json_struct!(PlaceInfo {
    "id" => id,
    "name" => name,
    "aliases" => aliases,
    "kind" => kind,
    "lat" => lat,
    "lon" => lon,
    "precision" => precision,
    "precisionLabel" => precision_label,
    "within" => within,
    "note" => note,
});

/// The place with package index `index`, as cards and tooltips show it.
pub fn place_info(store: &Store, index: usize) -> PlaceInfo {
    let p = &store.package.places[index];
    PlaceInfo {
        id: p.id.clone(),
        name: p.name.clone(),
        aliases: p.aliases.clone(),
        kind: p.kind.clone(),
        lat: p.coordinates.map(|c| c.0),
        lon: p.coordinates.map(|c| c.1),
        precision: p.precision.map(|x| x.as_str()),
        precision_label: p.precision.map(|x| x.label()),
        within: p.within.clone(),
        note: p.note.clone(),
    }
}

/// An actor as lists and cards show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActorInfo {
    /// The actor's id.
    pub id: String,
    /// The name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// The kind of actor.
    pub kind: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Notes, such as why two names are one actor.
    pub note: Option<String>,
}

crate::json_struct!(ActorInfo {
    "id" => id,
    "name" => name,
    "aliases" => aliases,
    "kind" => kind,
    "affiliation" => affiliation,
    "note" => note,
});

/// The actor with package index `index`.
pub fn actor_info(store: &Store, index: usize) -> ActorInfo {
    let a = &store.package.actors[index];
    ActorInfo {
        id: a.id.clone(),
        name: a.name.clone(),
        aliases: a.aliases.clone(),
        kind: a.kind.clone(),
        affiliation: a.affiliation.clone(),
        note: a.note.clone(),
    }
}

/// A document as a card shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInfo {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The publisher.
    pub publisher: Option<String>,
    /// An http(s) link.
    pub url: Option<String>,
    /// The publication date as EDTF.
    pub published: Option<String>,
    /// The publication date in words.
    pub published_label: Option<String>,
    /// How the publication date was found.
    pub published_note: Option<String>,
    /// Notes.
    pub note: Option<String>,
    /// True when the package carries the document's full text.
    pub has_text: bool,
}

crate::json_struct!(DocumentInfo {
    "id" => id,
    "title" => title,
    "publisher" => publisher,
    "url" => url,
    "published" => published,
    "publishedLabel" => published_label,
    "publishedNote" => published_note,
    "note" => note,
    "hasText" => has_text,
});

/// The document with package index `index`, as cards show it.
pub fn document_info(store: &Store, index: usize) -> DocumentInfo {
    let d = &store.package.documents[index];
    DocumentInfo {
        id: d.id.clone(),
        title: d.title.clone(),
        publisher: d.publisher.clone(),
        url: d.url.clone(),
        published: d.published.as_ref().map(ToString::to_string),
        published_label: d.published.as_ref().map(Edtf::describe),
        published_note: d.published_note.clone(),
        note: d.note.clone(),
        has_text: d.text.is_some(),
    }
}
