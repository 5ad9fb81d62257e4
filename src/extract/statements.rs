//! Whether a sentence makes a statement: a speaker who takes a stance, says something that is
//! not an act the sentence tells, announces an act on the day of the text or says what will
//! be; never a saying that only reports an act, nor one whose speaker is no one.

use super::cues::Cued;
use super::families::family;
use super::frames::Frame;
use super::grammar;
use super::reading::SentenceReading;
use super::saying_words::{past_date, vehicle, PRESS};
use crate::model::event_type::Family;

/// The reporting verb that makes the sentence a statement, if any: a speaker who takes a stance
/// ("condemned", "warned", "called on"), or who says something that is not an act the sentence
/// tells ("Ryder said the strikes sent a clear message"). A speaker who only reports an act
/// ("Iraq's military said two rockets struck a base") makes no statement: it is the act's
/// reporter. The speaker must be someone: a named actor, the text's "we", or words that name a
/// person or body ("a spokesman", "the ministry"), not "sources" or "witnesses".
pub(super) fn statement(
    s: &SentenceReading,
    chosen: &[Cued],
    anaphors: &[(usize, &'static str)],
    frames: &[Frame],
) -> Option<usize> {
    // An act named in a phrase ("took every step during the Jan. 8 missile attack") is what
    // the saying is about, not what it reports.
    let acts_in = |f: &Frame| {
        chosen.iter().any(|c| {
            f.covers(c.from)
                && family(c.cue.event_type) != Some(Family::Diplomacy)
                && !backgrounded(s, c.from)
        }) || anaphors.iter().any(|(at, ty)| {
            f.covers(*at) && family(ty) != Some(Family::Diplomacy) && !quoted_verdict(s, f, *at)
        })
    };
    // What a speaker reports of violence (a toll, "shot down", "the fighting lasted") is the
    // act's account, not a statement.
    let violence_in = |f: &Frame| {
        s.figures.iter().any(|(k, _)| f.covers(*k))
            || (f.content.0..f.content.1).any(|k| {
                VIOLENCE.contains(&s.low[k])
                    // "The militants briefly took over the base".
                    || s.low[k] == "took" && s.low.get(k + 1) == Some(&"over")
            })
    };
    // "In a statement released on April 7, X said …", "in his written statement", "said in a
    // video statement": said as a statement, news in itself.
    let in_a_statement = [" issued a statement ", " released a statement "]
        .iter()
        .any(|p| s.joined.contains(p))
        || (0..s.low.len())
            .any(|k| s.low[k] == "statement" && (k.saturating_sub(3)..k).any(|j| s.low[j] == "in"));
    frames
        .iter()
        // Those joined in another's stance speak in its statement's sentence, not at their names.
        .filter(|f| !f.joined)
        // "according to", a participle hanging on another saying ("…, insisting that"), and a
        // release's attribution line make no statement of their own.
        .filter(|f| {
            !matches!(
                s.low[f.verb],
                "according"
                    | "attributed"
                    | "attributable"
                    | "insisting"
                    | "adding"
                    | "saying"
                    | "noting"
                    // Confirming tells the facts of a happening, not a stance on it.
                    | "confirmed"
                    | "confirms"
            )
        })
        // "The Taliban issued a statement claiming responsibility for the … attack": a claim,
        // which makes the claimant a suspect of the act, not a statement.
        .filter(|f| {
            !(s.low.get(f.verb + 3) == Some(&"claiming")
                && matches!(s.low.get(f.verb + 4), Some(&("responsibility" | "credit"))))
        })
        // "the Taliban said it was behind Saturday's explosion": a claim of the act, which
        // makes the claimant its suspect, not a statement.
        .filter(|f| !claims_the_act(s, f))
        // "X told VOA that …", "… told reporters": what a source tells the reporter is the
        // account the article is built on, not news in itself.
        .filter(|f| {
            !(s.low[f.verb] == "told" && s.low.get(f.verb + 1).is_some_and(|w| PRESS.contains(w)))
        })
        .find(|f| {
            (f.stance
                || in_a_statement
                || !acts_in(f) && !violence_in(f) && named_here(s, f)
                || announced_today(s, f)
                || vows(s, f))
                && names_someone(s, f)
        })
        .map(|f| f.verb)
}

/// Whether what the speaker of `f` says of the happening told before that the word at `at`
/// points to ("this attack") is a verdict in their own quoted words ("said this attack
/// \"demonstrates the vile nature of Al Shabab\""), not more of its account ("the attack
/// ended in failure", "said the militants attacked the base \"in large numbers\"").
fn quoted_verdict(s: &SentenceReading, f: &Frame, at: usize) -> bool {
    let (from, to) = f.content;
    if !(from < to && from <= at && at > 0) {
        return false;
    }
    // From the end of the word before what is said: a quotation may open it.
    let opened = |end: usize| s.text[s.words[from.max(1) - 1].end..end].contains(['"', '“']);
    // "said, “Horrible and cowardly terrorist attack on innocent … worshipers”": the act
    // named inside the quotation with no article, as an exclamation names it.
    let noun = !grammar::ends_as_verb(s.low[at]);
    let exclaimed =
        noun && opened(s.words[at].start) && !matches!(s.low[at - 1], "the" | "a" | "an");
    (matches!(s.low[at - 1], "this" | "these" | "such") || exclaimed)
        && opened(s.words[to - 1].end)
        && !(from..to).any(|k| VIOLENCE.contains(&s.low[k]))
}

/// Words of violence and its toll: what a speaker says with them reports an act.
const VIOLENCE: &[&str] = &[
    "victims",
    "killed",
    "dead",
    "died",
    "wounded",
    "injured",
    "injuries",
    "wounds",
    "casualties",
    "bodies",
    "fighting",
    "fought",
    "shot",
    "downed",
    "intercepted",
    "destroyed",
    "damaged",
    "damage",
    "seized",
    "captured",
    "overran",
    "targeted",
    "struck",
    "hit",
    "fired",
    "launched",
    "exploded",
    "detonated",
    "shelling",
    "gunfire",
    "clashes",
];

/// Whether the cue at `at` is named inside a prepositional phrase ("during the Jan. 8 missile
/// attack", "after the strikes"): back over its noun phrase, a preposition; not a gerund
/// right after it ("before storming the building").
fn backgrounded(s: &SentenceReading, at: usize) -> bool {
    let mut k = at;
    while k > 0
        && at - k < 6
        && !grammar::is_preposition(s.low[k - 1])
        && s.words[k - 1].clause == s.words[at].clause
        && (grammar::is_determiner(s.low[k - 1])
            || s.low[k - 1] == "s"
            || s.dates
                .iter()
                .any(|d| s.words[k - 1].start >= d.start && s.words[k - 1].end <= d.end)
            || s.mentions.iter().any(|m| m.from < k && k <= m.to)
            || !s.low[k - 1].ends_with("ed"))
    {
        k -= 1;
    }
    // "before storming the building": a gerund right after the word tells an act.
    let gerund = k == at && s.low[at].ends_with("ing");
    k > 0
        && !gerund
        && matches!(
            s.low[k - 1],
            "during" | "after" | "following" | "before" | "since" | "amid" | "over" | "about"
        )
}

/// Words for speakers who are no one in particular: their saying is no statement.
const ANONYMOUS: &[&str] = &[
    "sources",
    "source",
    "witnesses",
    "witness",
    "residents",
    "reports",
    "report",
    "media",
    "statement",
    "images",
    "footage",
    "video",
    "it",
    "they",
    "this",
    "that",
    "which",
    "assessment",
    "assessments",
];

/// Whether what the speaker of `f` says looks ahead ("… and that group will not escape
/// justice"): a vow or a warning, news in itself beside the act it names.
fn vows(s: &SentenceReading, f: &Frame) -> bool {
    (f.content.0..f.content.1).any(|k| s.low[k] == "will")
}

/// Whether a named speaker announces what it tells on the day of the text ("…, Pentagon Press
/// Secretary Peter Cook said today"): the announcement is news of its own, beside the act.
fn announced_today(s: &SentenceReading, f: &Frame) -> bool {
    f.actor.is_some()
        && matches!(s.low[f.verb], "said" | "announced" | "says" | "announces")
        && s.low.get(f.verb + 1) == Some(&"today")
}

/// Whether what the speaker of `f` says is that it did an act: "it was behind …", "they were
/// responsible for …", "it carried out …".
fn claims_the_act(s: &SentenceReading, f: &Frame) -> bool {
    let (from, to) = f.content;
    let mut k = from;
    if s.low.get(k) == Some(&"that") {
        k += 1;
    }
    let words = &s.low[k.min(to)..(k + 4).min(to)];
    matches!(
        words,
        ["it" | "they", "was" | "were", "behind" | "responsible", ..]
            | ["it" | "they", "carried", "out", ..]
            | ["it" | "they", "had", "carried", "out", ..]
    )
}

/// Whether the speaker of `f` is named where it speaks: "we", an actor, a capitalised name past
/// the sentence's first word, a high office ("the minister"), or a header line ("Foreign
/// Secretary Dominic Raab said:"). "He said the militants penetrated the camp", "The official
/// said …", "Police say …": a source the report is built on, whose saying is its account, not
/// news in itself.
fn named_here(s: &SentenceReading, f: &Frame) -> bool {
    let (from, to) = f.speaker;
    f.first_person
        || f.side.is_some()
        || (from..to).any(|k| {
            k > 0 && s.words[k].capital
                // "The minister told parliament …": an office whose word is news.
                || matches!(
                    s.low[k],
                    "minister" | "president" | "secretary" | "ambassador" | "envoy"
                )
        })
        || s.ends_with_colon()
}

/// Whether the speaker of `f` is someone: an actor, "we", a capitalised name, or a person or
/// body by its office.
fn names_someone(s: &SentenceReading, f: &Frame) -> bool {
    let (from, to) = f.speaker;
    // "As I have said before": a saying recalled, not made. "The barbarity of ISIS's actions
    // during this attack reaffirms why …": a thing of someone's, no one who speaks.
    let thing_of = to >= from + 3
        && s.low[from] == "the"
        && s.low[from + 2] == "of"
        && !s.words[from + 1].capital
        && !OFFICE_WORDS.contains(&s.low[from + 1]);
    if from > 0 && s.low[from - 1] == "as" || thing_of {
        return false;
    }
    // "He" and "she" are people, named in the sentences before.
    if f.actor.is_some() || f.first_person || to == from + 1 && matches!(s.low[from], "he" | "she")
    {
        return true;
    }
    if to <= from
        || ANONYMOUS.contains(&s.low[from])
        || (from..to).any(|k| ANONYMOUS.contains(&s.low[k])) && to - from <= 3
        || from > 0 && s.low[from - 1] == "as"
    {
        return false;
    }
    (from..to).any(|k| (s.words[k].capital && k > 0) || OFFICE_WORDS.contains(&s.low[k]))
}

/// Words that name a person or body by its office or kind: someone who can speak.
const OFFICE_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "ministry",
    "governor",
    "president",
    "commander",
    "official",
    "officials",
    "embassy",
    "government",
    "military",
    "army",
    "police",
    "secretary",
    "ambassador",
    "command",
    "department",
    "office",
    "council",
    "group",
    "rebels",
    "insurgents",
    "head",
    "chief",
    "leader",
    "leaders",
    "director",
    "representative",
    "envoy",
    "member",
    "members",
    "delegation",
    "mission",
];

/// Nouns of a statement another speaker made, named in passing with its own date.
const SAYING_NOUNS: &[&str] = &[
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "demand",
];

/// The words of the sentence that name, with a date of their own, a statement made before
/// ("fully support the Co-Chairs statement of yesterday", "recall the G7 Foreign Ministers
/// statement last week", "the statement issued from Paris on October 17", "this Council's
/// demand on the 1 December", "the October 1 joint statement"): each a statement of its
/// own. Not the statement the sentence is said in ("said in a statement on Friday", "a
/// statement Friday said"), nor this one ("this statement", "today's statement").
pub(super) fn dated_sayings(s: &SentenceReading, frames: &[Frame]) -> Vec<usize> {
    let n = s.low.len();
    let date_from = |k: usize| s.dates.iter().find(|d| d.word == k);
    (0..n)
        .filter(|&k| SAYING_NOUNS.contains(&s.low[k]))
        .filter(|&k| {
            // The date: right before the noun, an adjective between at most ("the October 1,
            // 2020 joint statement"), or right after it, behind "of", "on" or "issued … on".
            let dated_before = |k: usize| k >= 1 && past_date(s, k) < k;
            let before = dated_before(k) || k.checked_sub(1).is_some_and(dated_before);
            let after = date_from(k + 1).is_some()
                || matches!(s.low.get(k + 1), Some(&("of" | "on")))
                    && (date_from(k + 2).is_some()
                        || s.low.get(k + 2) == Some(&"the") && date_from(k + 3).is_some())
                || matches!(s.low.get(k + 1), Some(&("issued" | "released" | "adopted")))
                    && (k + 2..(k + 6).min(n)).any(|j| date_from(j).is_some());
            before || after
        })
        .filter(|&k| {
            // Not the vehicle of a saying: "in a statement", nor a speaker ("a statement
            // Friday said").
            let speaking = frames.iter().any(|f| f.speaker.0 <= k && k < f.speaker.1);
            let own = k >= 1
                && (matches!(s.low[k - 1], "this" | "today" | "today's")
                    || k >= 2 && s.low[k - 1] == "s" && s.low[k - 2] == "today");
            !vehicle(s, k) && !speaking && !own
        })
        .collect()
}
