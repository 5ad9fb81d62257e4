//! Where the words naming a speaker begin and end: a person's name before the words that
//! describe them ("…, the commander of …"), an office or a bracket that is no name, and words
//! that cannot name one ("which", "that"). Who says what is read in [`super::frames`].

use super::grammar::{is_be, is_determiner, is_preposition};
use super::lexicon::Target;
use super::reading::SentenceReading;
use super::saying_words::{is_manner, reporting, OFFICES};

/// When the words from `from` describe a person named just before them ("…, the commander of
/// …"), the first word of that person's name.
pub(super) fn appositive_head(s: &SentenceReading, from: usize) -> Option<usize> {
    let clause_end = (from..s.low.len())
        .find(|&k| s.words[k].clause != s.words[from].clause)
        .unwrap_or(s.low.len());
    if from == 0
        || s.words[from].capital
            && !is_determiner(s.low[from])
            && !parenthesis(s, from)
            && !office(s, from, clause_end)
    {
        return None;
    }
    // Back over descriptions and parentheses ("…, head of U.S. Central Command (CENTCOM),
    // said"), to a name that ends a clause.
    let mut at = from;
    for _ in 0..3 {
        // Only an actor is described so: "the Gulf of Aden, the U.S. Central Command said"
        // names a place, then the speaker.
        if let Some(person) = s.mentions.iter().find(|m| {
            m.to == at
                && s.words[m.to - 1].clause + 1 == s.words[at].clause
                && matches!(m.target, Target::Actor(_))
        }) {
            // Not a name behind a preposition ("after shelling by the paramilitary Rapid
            // Support Forces (RSF), a Sudanese doctors' group said": the group speaks).
            let clause = s.words[person.from].clause;
            let governed = (person.from.saturating_sub(4)..person.from)
                .any(|k| s.words[k].clause == clause && is_preposition(s.low[k]));
            return (!governed).then_some(person.from);
        }
        let clause = s.words.get(at.checked_sub(1)?)?.clause;
        let start = (0..at)
            .rev()
            .take_while(|&k| s.words[k].clause == clause)
            .last()?;
        let descriptive = !s.words[start].capital
            || is_determiner(s.low[start])
            || parenthesis(s, start)
            || office(s, start, at);
        if !descriptive || (start..at).any(|k| reporting(s.low[k])) {
            return None;
        }
        at = start;
    }
    None
}

/// Whether words `from..to` name an office with no one in it ("Minister for Africa" in
/// "James Duddridge, Minister for Africa, said"): a description, not a name.
pub(super) fn office(s: &SentenceReading, from: usize, to: usize) -> bool {
    (from..to.min(from + 3)).any(|k| OFFICES.contains(&s.low[k]))
        && !s
            .mentions
            .iter()
            .any(|m| from <= m.from && m.to <= to && matches!(m.target, Target::Actor(_)))
}

/// Whether the word at `k` opens a parenthesis: "(CENTCOM)".
pub(super) fn parenthesis(s: &SentenceReading, k: usize) -> bool {
    k > 0 && s.text[s.words[k - 1].end..s.words[k].start].contains('(')
}

/// The speaker's words `from..to` without what does not name the speaker: a leading "the
/// statement by", quotation marks' neighbours and a trailing preposition.
pub(super) fn trim_speaker(s: &SentenceReading, mut from: usize, mut to: usize) -> (usize, usize) {
    while from < to && matches!(s.low[from], "but" | "and" | "however" | "also") {
        from += 1;
    }
    // What follows a closing quotation mark is the speaker: "… remains high," McKenzie said.
    // A closing mark follows what was said: punctuation right before it ('high,”'), unlike
    // the marks around a nickname (General Kenneth “Frank” McKenzie).
    let closes = |k: usize| {
        let gap = &s.text[s.words[k].end..s.words[k + 1].start];
        gap.contains(",”")
            || gap.contains(".”")
            || gap.contains(",\"")
            || gap.contains(".\"")
            || gap.contains("?”")
            || gap.contains("!”")
    };
    if let Some(k) = (from..to.saturating_sub(1)).rev().find(|&k| closes(k)) {
        if k + 1 < to {
            from = k + 1;
        }
    }
    // "a statement by SDF's internal security forces": the one behind the statement.
    if let Some(k) = (from..to).rev().find(|&k| {
        matches!(s.low[k], "by" | "from")
            && k > from
            && matches!(
                s.low[k - 1],
                "statement" | "report" | "tweet" | "post" | "officials"
            )
    }) {
        from = k + 1;
    }
    // "We are outraged", "the Embassy remains concerned": the speaker before its verb.
    while to > from
        && (is_preposition(s.low[to - 1])
            || is_manner(s.low[to - 1])
            || is_be(s.low[to - 1])
            || matches!(s.low[to - 1], "remain" | "remains" | "remained")
            || matches!(
                s.low[to - 1],
                "will"
                    | "would"
                    | "continue"
                    | "continues"
                    | "have"
                    | "has"
                    | "had"
                    | "to"
                    | "must"
                    | "should"
                    | "can"
                    | "could"
            ))
    {
        to -= 1;
    }
    (from, to)
}

/// Whether the words `from..to` can name a speaker: no question word or relative pronoun
/// ("what we assess", "A Russian missile then struck the café where villagers mourned his
/// death"), and no verb of their own before a pronoun ("X detected and tracked what we").
pub(super) fn can_be_speaker(s: &SentenceReading, from: usize, to: usize) -> bool {
    !(from..to).any(|k| {
        matches!(
            s.low[k],
            "what" | "which" | "who" | "whom" | "whose" | "where" | "that" | "if" | "whether"
        )
    })
}
