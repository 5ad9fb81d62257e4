//! The little grammar of news English the stages lean on: which words are auxiliaries,
//! prepositions, determiners, subordinators and verb forms, whether a verb is passive, and
//! where the stretch of words a predicate can take its arguments from begins and ends.
//!
//! No parser: each rule looks at a few words around a position, and says nothing when they do
//! not fit. A stage that cannot establish something from these rules leaves it unknown.

use super::reading::SentenceReading;

/// Forms of "to be" (and "get", which forms passives: "got hit").
pub(super) fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "got" | "get" | "gets"
    )
}

/// Ordinal words that count happenings of a kind apart ("a second strike", "the first attack").
pub(super) fn is_ordinal(w: &str) -> bool {
    matches!(w, "first" | "second" | "third" | "fourth" | "fifth")
}

/// Whether `w`, opening a sentence, tells that a happening of its own follows ("Separately,
/// reports said …", "Meanwhile, officials in Herat confirmed a raid …").
pub(super) fn opens_scene(w: &str) -> bool {
    matches!(w, "separately" | "meanwhile" | "elsewhere")
}

/// Whether the sentence of words `low` opens on a happening apart from those told before:
/// "Separately, …", "Meanwhile, …", "In a separate incident, two soldiers were killed …", "In
/// another attack, …".
pub(super) fn opens_apart(low: &[&str]) -> bool {
    low.first().is_some_and(|w| opens_scene(w))
        || matches!(low, ["in", "a", "separate", ..] | ["in", "another", ..])
}

/// Words that may sit between an auxiliary and its verb ("was reportedly hit", "were also
/// killed").
pub(super) fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "reportedly"
            | "allegedly"
            | "apparently"
            | "then"
            | "later"
            | "subsequently"
            | "quickly"
            | "promptly"
            | "briefly"
            | "first"
            | "originally"
            | "initially"
            | "only"
            | "now"
            | "still"
            | "just"
            | "already"
            | "again"
            | "twice"
            | "successfully"
            | "repeatedly"
            | "routinely"
            | "reported"
            | "not"
            | "never"
            | "all"
            | "both"
            | "each"
            | "fully"
            | "largely"
            | "partly"
            | "badly"
            | "seriously"
            | "fatally"
            | "critically"
            | "mortally"
            | "slightly"
            | "lightly"
            | "previously"
            | "recently"
    )
}

/// Prepositions.
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "near"
            | "against"
            | "by"
            | "from"
            | "with"
            | "to"
            | "for"
            | "of"
            | "into"
            | "onto"
            | "over"
            | "across"
            | "during"
            | "after"
            | "before"
            | "since"
            | "outside"
            | "inside"
            | "between"
            | "toward"
            | "towards"
            | "targeting"
            | "about"
            | "under"
            | "within"
            | "without"
            | "through"
            | "throughout"
            | "around"
            | "behind"
            | "among"
            | "amid"
            | "upon"
            | "via"
            | "like"
            | "following"
            | "including"
            | "housing"
            | "hosting"
    )
}

/// Determiners and possessives that open a noun phrase.
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "that"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "another"
            | "any"
            | "some"
            | "several"
            | "such"
            | "each"
            | "every"
            | "both"
    )
}

/// Words that open a subordinate or relative clause, or join two clauses.
pub(super) fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "while"
            | "as"
            | "because"
            | "although"
            | "though"
            | "if"
            | "unless"
            | "whereas"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "that"
            | "but"
            | "and"
            | "or"
            | "so"
            | "after"
            | "before"
            | "until"
            | "once"
    )
}

/// Modal verbs: what may, can, must or will be, not what was.
pub(super) fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "may" | "might" | "can" | "cannot" | "could" | "will" | "would" | "should" | "must"
    )
}

/// Forms of "have", the perfect's auxiliary ("has killed", "had been").
pub(super) fn is_have(w: &str) -> bool {
    matches!(w, "has" | "have" | "had")
}

/// Personal pronouns that can be a clause's subject.
pub(super) fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "they" | "he" | "she" | "it" | "we" | "i")
}

/// Irregular past participles of the verbs news uses for acts.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "hit",
    "struck",
    "shot",
    "fired",
    "thrown",
    "blown",
    "taken",
    "held",
    "seen",
    "brought",
    "caught",
    "driven",
    "given",
    "made",
    "sent",
    "set",
    "put",
    "beaten",
    "found",
    "overrun",
    "undertaken",
    "stricken",
    "downed",
    "killed",
    "hurt",
    "torn",
    "ridden",
    "known",
];

/// Whether `w` can be a past participle ("attacked", "struck", "hit").
pub(super) fn is_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&w)
}

/// Whether `w` ends as a verb's "-ed" or "-ing" form ("killed", "attacking"), as an act named
/// by a noun ("attack", "strike") does not.
pub(super) fn ends_as_verb(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("ing")
}

/// Whether the verb at word `v` is passive: a form of "be" before it, with at most two
/// adverbs between ("was reportedly hit"), or a participle right after a noun and before "by"
/// ("a base hit by rockets").
pub(super) fn is_passive(s: &SentenceReading, v: usize) -> bool {
    if !is_participle(s.low[v]) {
        return false;
    }
    let mut k = v;
    let mut skipped = 0;
    while k > 0 {
        k -= 1;
        let w = s.low[k];
        // "IS claimed a truck bombing": the group's initials, not "is".
        if is_be(w) && !(w == "is" && s.text.get(s.words[k].start..s.words[k].end) == Some("IS")) {
            return true;
        }
        if is_adverb(w) && skipped < 2 {
            skipped += 1;
            continue;
        }
        break;
    }
    // A reduced relative clause: "the base, hit by rockets", "troops wounded by shrapnel".
    if s.low.get(v + 1) == Some(&"by") && v > 0 && !is_be(s.low[v - 1]) {
        return true;
    }
    counted_then_done(s, v)
}

/// Whether the participle at `v` closes a counted noun phrase that a preposition or "and"
/// opens, with no object after it: "resulted in 7 ISIS operatives killed and 27 ISIS operatives
/// detained" (those counted were killed and detained).
fn counted_then_done(s: &SentenceReading, v: usize) -> bool {
    let counted = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
    let Some(n) = (v.saturating_sub(5)..v).rev().find(|&k| counted(s.low[k])) else {
        return false;
    };
    let opened = n > 0 && (is_preposition(s.low[n - 1]) || s.low[n - 1] == "and");
    let clause = s.words[v].clause;
    let closes = s
        .low
        .get(v + 1)
        .is_none_or(|w| *w == "and" || is_preposition(w) || s.words[v + 1].clause != clause);
    opened
        && closes
        && n + 1 < v
        && (n..=v).all(|k| s.words[k].clause == clause)
        && (n + 1..v).all(|k| !is_be(s.low[k]) && !is_participle(s.low[k]))
}

/// Whether a boundary lies between words `a` and `b` (`a < b`) that arguments do not cross:
/// punctuation that ends a clause, or a word that opens another clause.
pub(super) fn boundary_between(s: &SentenceReading, a: usize, b: usize) -> bool {
    if s.words[a].clause != s.words[b].clause {
        return true;
    }
    (a + 1..b).any(|k| is_subordinator(s.low[k]) && !joins_names(s, k))
}

/// Whether the "and"/"or" at word `k` joins two names ("the United States and Britain"), not
/// two clauses.
fn joins_names(s: &SentenceReading, k: usize) -> bool {
    if !matches!(s.low[k], "and" | "or") {
        return false;
    }
    let named = |i: usize| s.mentions.iter().any(|m| m.from <= i && i < m.to);
    k > 0 && k + 1 < s.low.len() && named(k - 1) && (named(k + 1) || is_determiner(s.low[k + 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participles_regular_and_irregular() {
        for w in ["attacked", "struck", "hit", "killed", "shot"] {
            assert!(is_participle(w), "{w}");
        }
        for w in ["attack", "red", "strikes"] {
            assert!(!is_participle(w), "{w}");
        }
    }
}
