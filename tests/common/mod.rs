//! What the extraction tests share: the shipped lexicon, read once, and drafts of one text.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::sync::OnceLock;

use dateline::extract::{extract, Article, Lexicon};
use dateline::model::edtf::Edtf;
use dateline::model::{Event, Package, Place};
use dateline::read::read_package;

/// The shipped gazetteer and lexicon, read once for all the tests of a file.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let load = |path: &str| read_package(&std::fs::read(path).unwrap()).package;
        Lexicon::new(
            load("www/data/gazetteer.json").places,
            load("www/data/lexicon.json").actors,
        )
    })
}

/// The drafts of `text` in an article published on `published` (EDTF).
pub fn drafted(text: &str, published: &str) -> Package {
    extract(
        &[Article {
            text: text.into(),
            published: Some(Edtf::parse(published).unwrap()),
            ..Article::default()
        }],
        lexicon(),
    )
}

/// The date of `e` as EDTF, if it has one.
pub fn date(e: &Event) -> Option<String> {
    e.date.as_ref().map(|d| d.edtf.to_string())
}

/// The note that says how the date of `e` was worked out; empty when there is none.
pub fn date_note(e: &Event) -> String {
    e.date
        .as_ref()
        .and_then(|d| d.note.clone())
        .unwrap_or_default()
}

/// The (type, date) of each draft.
pub fn kinds(p: &Package) -> Vec<(String, Option<String>)> {
    p.events
        .iter()
        .map(|e| (e.event_type.clone(), date(e)))
        .collect()
}

/// The type and date of each draft of type `event_type` in `p`.
pub fn kinds_of(p: &Package, event_type: &str) -> Vec<(String, Option<String>)> {
    kinds(p)
        .into_iter()
        .filter(|(t, _)| t == event_type)
        .collect()
}

/// The date of each draft of type `event_type` in `p` that has one.
pub fn days_of(p: &Package, event_type: &str) -> Vec<String> {
    kinds_of(p, event_type)
        .into_iter()
        .filter_map(|(_, d)| d)
        .collect()
}

/// The type and date of each draft in `p` that tells an act, not a statement.
pub fn acts(p: &Package) -> Vec<(String, Option<String>)> {
    kinds(p)
        .into_iter()
        .filter(|(t, _)| t != "statement")
        .collect()
}

/// The first draft of type `event_type` in `p`; the test fails, listing the drafts, without one.
pub fn first_of<'a>(p: &'a Package, event_type: &str) -> &'a Event {
    p.events
        .iter()
        .find(|e| e.event_type == event_type)
        .unwrap_or_else(|| panic!("no {event_type} among {:?}", kinds(p)))
}

/// The first draft in `p` whose first quote starts with `opening`; the test fails, listing the
/// drafts, without one.
pub fn opening_with<'a>(p: &'a Package, opening: &str) -> &'a Event {
    p.events
        .iter()
        .find(|e| e.sources[0].quote.starts_with(opening))
        .unwrap_or_else(|| panic!("no draft opening with {opening:?} among {:?}", kinds(p)))
}

/// Whether `p` holds a draft of type `event_type`.
pub fn has(p: &Package, event_type: &str) -> bool {
    p.events.iter().any(|e| e.event_type == event_type)
}

/// The role of `actor` in `e`, if any.
pub fn role(e: &Event, actor: &str) -> Option<String> {
    e.actors
        .iter()
        .find(|a| a.actor == actor)
        .map(|a| a.role.clone())
}

/// Asserts that each of `texts`, published on `published`, drafts exactly `expected`: (type,
/// date) pairs in order.
pub fn each_drafts(texts: &[&str], published: &str, expected: &[(&str, &str)]) {
    let expected: Vec<(String, Option<String>)> = expected
        .iter()
        .map(|(t, d)| (t.to_string(), Some(d.to_string())))
        .collect();
    for text in texts {
        assert_eq!(kinds(&drafted(text, published)), expected, "{text}");
    }
}

/// The place of draft `e` among the places of `p`; the test fails, naming the place and the
/// actors, without one.
pub fn place_of<'a>(p: &'a Package, e: &Event) -> &'a Place {
    p.places
        .iter()
        .find(|x| Some(&x.id) == e.place.as_ref())
        .unwrap_or_else(|| panic!("no place: {:?} {:?}", e.place, p.actors))
}
