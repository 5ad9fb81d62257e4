//! A report: one event as one sentence of an article tells it, with what each stage found for
//! it, before it becomes a draft event of the package.

use super::lexicon::Target;
use crate::model::edtf::Edtf;
use crate::model::Figure;

/// One event a sentence tells: words `from..to`, its type, and the words as written (a
/// statement's speech verb folded).
#[derive(Debug, Clone)]
pub(super) struct Trigger {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) event_type: &'static str,
    pub(super) cue: String,
}

/// One event as a sentence tells it.
#[derive(Debug, Clone)]
pub(super) struct Report {
    pub(super) event_type: &'static str,
    /// The words that told it, as written.
    pub(super) cue: String,
    /// The index of its sentence in the article.
    pub(super) sentence: usize,
    /// The index of its cue's first word in the sentence.
    pub(super) word: usize,
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
    /// The words tell the act as one more of its kind ("called him again", "another
    /// attack"): never the same happening as one told before in the article.
    pub(super) anew: bool,
    /// Later sentences that refer back to this happening ("the attack").
    pub(super) also: Vec<usize>,
    /// Date words the text does not fix.
    pub(super) unfixed: Option<String>,
    /// A statement said by "we" or "I": the article's own voice.
    pub(super) own_voice: bool,
}

/// A report's date: its EDTF, the words it was read from (empty when none), and a note when
/// anything was inferred.
#[derive(Debug, Clone)]
pub(super) struct Dated {
    pub(super) edtf: Edtf,
    pub(super) words: String,
    pub(super) note: Option<String>,
}

/// A report's place: the gazetteer's place, the words that named it, whether the text said
/// "near" it, and the word of a region written after its name ("Katsina State", "Mopti
/// region"), when one was.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub(super) place: usize,
    pub(super) words: String,
    pub(super) near: bool,
    pub(super) region: Option<String>,
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

/// How sure a report is that it tells a happening of its kind: the share of such drafts that
/// matched a happening in the first runs of the second and third frozen test sets, texts the
/// rules had not been tuned on (docs/extract.md, Confidence), by what told them apart there:
/// an act with a date (0.77) or without (0.67), a statement (0.72). Whether the doer or speaker
/// was named, and how many reports were merged, made no steady difference.
pub(super) fn confidence(event_type: &str, date: Option<&Dated>) -> f64 {
    match (event_type == "statement", date.is_some()) {
        (false, true) => 0.77,
        (false, false) => 0.67,
        (true, _) => 0.72,
    }
}
