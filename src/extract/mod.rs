//! From article to draft events: rules, a gazetteer and a lexicon, no model and no network.
//!
//! An article is read once (`reading`): sentences, clauses and words with their offsets
//! ([`words`]), date expressions ([`dates`]), names of places and actors (`names`) and figures
//! (`figures`). Then it is told sentence by sentence (`story`): the cues of a sentence
//! ([`cues`]), read in their clause (`cue_sense`; whether one tells an act done,
//! `cue_scope`), give its events (`triggers`; a saying makes a statement by `statements`), and
//! each event becomes a report with its date
//! (`dating`), its place (`placing`), its actors and their roles (`roles`), its figures,
//! and what it answers (`responses`); a sentence that refers back to a happening already told
//! adds to its report (`references`). The reports become draft events (`drafts`), each with
//! the sentence as its verbatim source and the rule behind each field, with a confidence.
//! Reports of one happening, within an article and across articles, are then merged
//! ([`reconcile`]), keeping each source's figures.

mod apart;
mod arguments;
mod article;
mod cue_craft;
mod cue_objects;
mod cue_scope;
mod cue_sense;
pub mod cues;
pub mod dates;
mod dating;
mod drafts;
mod families;
mod figures;
mod frames;
pub mod gazetteer;
mod grammar;
mod lexicon;
mod name_words;
mod names;
mod placing;
mod pledges;
mod pointing;
mod reading;
pub mod reconcile;
mod references;
mod report;
mod responses;
mod roles;
mod saying_words;
pub mod score;
mod speaker_words;
mod statements;
mod story;
mod triggers;
pub mod words;
pub mod workbench;

pub use article::Article;
pub use lexicon::Lexicon;

use crate::model::Package;

/// Extracts every article and merges what they report into one package.
pub fn extract(articles: &[Article], lexicon: &Lexicon) -> Package {
    let mut package = Package {
        title: "Draft events".into(),
        description: Some(
            "Drafted by Dateline's extractor from the articles below; to be reviewed.".into(),
        ),
        ..Package::default()
    };
    for article in articles {
        add_article(&mut package, article, lexicon);
    }
    package
}

/// Extracts `article` into `package`: a new document, and its drafts merged with the events
/// already there when they report the same happening.
pub fn add_article(package: &mut Package, article: &Article, lexicon: &Lexicon) {
    let doc_id = drafts::add_document(package, article);
    let reading = reading::Reading::new(article);
    let story = story::tell(&reading, lexicon);
    let events = drafts::events(package, lexicon, &reading, &story, &doc_id);
    reconcile::merge_into(package, events);
}
