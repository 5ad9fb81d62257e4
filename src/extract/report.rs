//! A report: one event as one sentence of an article tells it, with what each stage found for
//! it, before it becomes a draft event of the package.

use super::lexicon::Target;
use crate::model::edtf::Edtf;
use crate::model::Figure;

/// One event as a sentence tells it.
#[derive(Debug, Clone)]
pub(super) struct Report {
    pub(super) event_type: &'static str,
    /// The words that told it, as written.
    pub(super) cue: String,
    /// The index of its sentence in the article.
    pub(super) sentence: usize,
    pub(super) date: Option<Dated>,
    /// The date is the sentence's own, not carried from elsewhere.
    pub(super) date_own: bool,
    pub(super) place: Option<Placed>,
    /// Actors with their roles, each actor once.
    pub(super) actors: Vec<Part>,
    /// The subject is the sentence before's, taken on by "they" or "he".
    pub(super) subject_from_pronoun: bool,
    pub(super) figures: Vec<Figure>,
    pub(super) response: Option<Response>,
    pub(super) confidence: f64,
    /// The sentence refers back to a happening it counts from ("six months after …").
    pub(super) back_reference: bool,
    /// Later sentences that refer back to this happening ("the attack").
    pub(super) also: Vec<usize>,
    /// Date words the text does not fix.
    pub(super) unfixed: Option<String>,
}

/// A report's date: its EDTF, the words it was read from (empty when none), and a note when
/// anything was inferred.
#[derive(Debug, Clone)]
pub(super) struct Dated {
    pub(super) edtf: Edtf,
    pub(super) words: String,
    pub(super) note: Option<String>,
    pub(super) inferred: bool,
}

/// A report's place: the gazetteer's place, the words that named it, and whether the text said
/// "near" it.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub(super) place: usize,
    pub(super) words: String,
    pub(super) near: bool,
}

/// What a report answers: the response cue ("in retaliation") and the report it answers, by
/// index among the article's reports, when one is found.
#[derive(Debug, Clone)]
pub(super) struct Response {
    pub(super) cue: String,
    pub(super) answers: Option<usize>,
}

/// An actor's part in a reported event.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Part {
    pub(super) actor: Target,
    pub(super) role: &'static str,
    /// Who says so, in the text's words, when the role is attributed rather than stated.
    pub(super) according_to: Option<String>,
}

impl Part {
    pub(super) fn new(actor: Target, role: &'static str) -> Part {
        Part {
            actor,
            role,
            according_to: None,
        }
    }
}

/// How sure a report is: a specific cue more than a generic one, less for each field missing
/// or inferred.
pub(super) fn confidence(
    specific: bool,
    date: Option<&Dated>,
    has_place: bool,
    has_actors: bool,
) -> f64 {
    let mut confidence: f64 = if specific { 0.8 } else { 0.6 };
    match date {
        None => confidence -= 0.15,
        Some(d) if d.inferred => confidence -= 0.05,
        Some(_) => {}
    }
    if !has_place {
        confidence -= 0.05;
    }
    if !has_actors {
        confidence -= 0.1;
    }
    confidence.clamp(0.1, 1.0)
}
