//! The extractor's bindings: [`Drafts`], a package under review.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::to_js;
use crate::model::edtf::Edtf;
use crate::read;

/// Draft events from articles, reviewed one by one: the "Add article" panel's engine.
#[wasm_bindgen]
pub struct Drafts {
    bench: crate::extract::workbench::Workbench,
}

#[wasm_bindgen]
impl Drafts {
    /// Starts a review over `base` (a package's bytes; none for a new package), drafting with
    /// the places of `gazetteer` and the actors of `lexicon` (both packages' bytes).
    #[wasm_bindgen(constructor)]
    pub fn new(gazetteer: &[u8], lexicon: &[u8], base: Option<Vec<u8>>) -> Drafts {
        let places = read::read_package(gazetteer).package.places;
        let actors = read::read_package(lexicon).package.actors;
        let base = base
            .map(|b| read::read_package(&b).package)
            .unwrap_or_default();
        Drafts {
            bench: crate::extract::workbench::Workbench::new(
                crate::extract::Lexicon::new(places, actors),
                base,
            ),
        }
    }

    /// Drafts an article (plain text) into the package: `{ document, drafted, merged }`.
    /// `published` is EDTF; `url` must be http(s). Throws, naming the field, when either is not.
    #[wasm_bindgen(js_name = addArticle)]
    pub fn add_article(
        &mut self,
        text: String,
        title: Option<String>,
        publisher: Option<String>,
        url: Option<String>,
        published: Option<String>,
    ) -> Result<JsValue, JsError> {
        let blank = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        let published = match blank(published) {
            Some(p) => Some(
                Edtf::parse(p.trim())
                    .map_err(|e| JsError::new(&format!("Published: '{}': {e}", p.trim())))?,
            ),
            None => None,
        };
        let url = match blank(url) {
            Some(u) => Some(
                crate::model::link::checked_url(&u)
                    .map_err(|e| JsError::new(&format!("URL: {e}")))?,
            ),
            None => None,
        };
        if text.trim().is_empty() {
            return Err(JsError::new("Text: paste the article's text first"));
        }
        let article = crate::extract::Article {
            text,
            title: blank(title),
            publisher: blank(publisher),
            url,
            published,
        };
        to_js(&self.bench.add(&article))
    }

    /// The drafts still to review.
    pub fn drafts(&self) -> Result<JsValue, JsError> {
        to_js(&self.bench.drafts())
    }

    /// The documents: `[{ id, title }]`.
    pub fn documents(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Doc<'a> {
            id: &'a str,
            title: &'a str,
        }
        let docs: Vec<Doc> = self
            .bench
            .package()
            .documents
            .iter()
            .filter(|d| d.text.is_some())
            .map(|d| Doc {
                id: &d.id,
                title: &d.title,
            })
            .collect();
        to_js(&docs)
    }

    /// A document's text in pieces, each with the events whose sentence covers it.
    pub fn segments(&self, document: &str) -> Result<JsValue, JsError> {
        let segments = self
            .bench
            .segments(document)
            .map_err(|e| JsError::new(&e))?;
        to_js(&segments)
    }

    /// Accepts a draft.
    pub fn accept(&mut self, id: &str) -> Result<(), JsError> {
        self.bench.accept(id).map_err(|e| JsError::new(&e))
    }

    /// Rejects a draft: it leaves the package.
    pub fn reject(&mut self, id: &str) -> Result<(), JsError> {
        self.bench.reject(id).map_err(|e| JsError::new(&e))
    }

    /// Sets `title`, `type`, `date` (EDTF) or `place` (a place id) of an event.
    pub fn edit(&mut self, id: &str, field: &str, value: &str) -> Result<(), JsError> {
        self.bench
            .edit(id, field, value)
            .map_err(|e| JsError::new(&e))
    }

    /// The package as JSON bytes, for an explorer to show or a reader to download.
    #[wasm_bindgen(js_name = packageBytes)]
    pub fn package_bytes(&self) -> Vec<u8> {
        self.bench.json().into_bytes()
    }
}

/// What an edit can choose from.
#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    label: &'a str,
}

#[wasm_bindgen]
impl Drafts {
    /// Dateline's event types: `{ id, label }`.
    pub fn types() -> Result<JsValue, JsError> {
        let all: Vec<Choice> = crate::model::event_type::EVENT_TYPES
            .iter()
            .map(|t| Choice {
                id: t.id,
                label: t.label,
            })
            .collect();
        to_js(&all)
    }

    /// The package's places: `{ id, label }`, label being the name.
    pub fn places(&self) -> Result<JsValue, JsError> {
        let all: Vec<Choice> = self
            .bench
            .package()
            .places
            .iter()
            .map(|p| Choice {
                id: &p.id,
                label: &p.name,
            })
            .collect();
        to_js(&all)
    }
}
