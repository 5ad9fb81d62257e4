//! Whether a cue tells an act done: not one planned, threatened, called on to end or only
//! possible ("would strike", "to further plot and carry out attacks"), not acts of a kind or in
//! general ("attacks like these", "attacks against civilians are prohibited"), not an act that
//! would follow if another happened.

use super::arguments::continued_to;
use super::cues::{self, Cued, IRREALIS};
use super::grammar;
use super::reading::SentenceReading;
use super::saying_words;

/// Whether an indefinite act is the subject of a conditional ("an armed attack on Philippine
/// vessels … would invoke U.S. mutual defense commitments"): what would follow if it
/// happened, not a happening. The subject may run on across dashes and commas; a verb of its
/// own before the "would" ("an attack killed three and could …") tells the act.
pub(super) fn hypothetical(s: &SentenceReading, c: &Cued) -> bool {
    let indefinite =
        (c.from.saturating_sub(2)..c.from).any(|k| matches!(s.low[k], "an" | "a" | "any"));
    let told = |k: usize| {
        grammar::is_be(s.low[k])
            || matches!(
                s.low[k],
                "killed"
                    | "wounded"
                    | "injured"
                    | "hit"
                    | "struck"
                    | "targeted"
                    | "destroyed"
                    | "damaged"
                    | "left"
                    | "took"
                    | "happened"
                    | "occurred"
            )
    };
    indefinite
        && (c.to..(c.to + 30).min(s.low.len()))
            .take_while(|&k| !told(k))
            .any(|k| matches!(s.low[k], "would" | "could"))
}

/// Whether the cue at word `at` tells what is not (yet) done: a word of planning, threat,
/// ability or negation shortly before it in its clause ("would strike", "the ability to
/// conduct future strikes", "from any attack"), or an infinitive of purpose ("to further plot
/// and carry out attacks").
pub(super) fn irrealis(s: &SentenceReading, at: usize) -> bool {
    let clause = s.words[at].clause;
    // "Hamas declared it would retaliate, by launching rocket attacks": a clause of manner
    // opened by "by" goes on with the clause before it.
    let manner = s
        .words
        .iter()
        .position(|w| w.clause == clause)
        .filter(|&first| first > 0 && s.low[first] == "by");
    if manner.is_some_and(|first| {
        (0..first).any(|k| s.words[k].clause + 1 == clause && grammar::is_modal(s.low[k]))
    }) {
        return true;
    }
    let window = (at.saturating_sub(8)..at).filter(|&k| s.words[k].clause == clause);
    let mut near = window.clone().filter(|&k| at - k <= 3);
    if near.any(|k| IRREALIS.contains(&s.low[k]) || grammar::is_modal(s.low[k])) {
        return true;
    }
    // "Claiming to have taken control of the country": what a side claims it did; but a
    // side claiming to have attacked or killed claims responsibility for an act ("claimed to
    // have attacked a military position").
    if at >= 3
        && matches!(s.low[at - 3], "claiming" | "claimed" | "claims" | "claim")
        && s.low[at - 2] == "to"
        && s.low[at - 1] == "have"
        && !matches!(
            s.low[at],
            "attacked" | "killed" | "struck" | "bombed" | "raided" | "shot" | "downed"
        )
    {
        return true;
    }
    // "a statement warning against further attacks": attacks warned against, yet to come.
    if at >= 2 && s.low[at - 1] == "further" && s.low[at - 2] == "against" {
        return true;
    }
    // "He was to travel to Nigeria for a meeting": what was arranged, not done.
    if window.clone().any(|k| {
        matches!(s.low[k], "was" | "were" | "is" | "are")
            && s.low.get(k + 1) == Some(&"to")
            && k + 2 < at
    }) {
        return true;
    }
    // "It's condemnable to attack civilians": a verb in the infinitive tells no act; but
    // "forces continued to attack ISIL terrorists yesterday" tells one, going on.
    if at > 0
        && s.low[at - 1] == "to"
        && matches!(
            s.low[at],
            "attack" | "strike" | "storm" | "raid" | "bomb" | "shell"
        )
        && !continued_to(s, at)
    {
        return true;
    }
    window.clone().any(|k| {
        matches!(
            s.low[k],
            "will"
                | "would"
                | "could"
                | "might"
                | "ability"
                | "capable"
                | "planning"
                | "plans"
                | "threatened"
                | "prevent"
                | "deter"
                | "future"
                | "if"
                | "unless"
                | "until"
        )
    }) || purpose(s, at)
}

/// Verbs of purpose after "to": what they lead to is not (yet) done.
const PURPOSE: &[&str] = &[
    "further",
    "carry",
    "conduct",
    "launch",
    "plot",
    "plan",
    "direct",
    "inspire",
    "stage",
    "prevent",
    "deter",
    "stop",
    "avoid",
    "protect",
    "defend",
    "support",
    "expedite",
    "reach",
    "negotiate",
    "achieve",
    "secure",
];

/// Whether the cue at `at` follows an infinitive of purpose within eight words: in its clause
/// ("to further plot and carry out attacks"), or ending a list of such verbs whose commas part
/// the clause ("to plot, direct and encourage terror attacks abroad").
fn purpose(s: &SentenceReading, at: usize) -> bool {
    // "taken decisive defensive action to protect U.S. personnel abroad by killing Qasem
    // Soleimani": the means, done, by which the purpose was served.
    if at > 0 && s.low[at - 1] == "by" && s.low[at].ends_with("ing") {
        return false;
    }
    // "I authorized US Central Command forces to conduct precision airstrikes tonight": an
    // order told with the day it was carried out.
    let ordered_for_a_day = |k: usize| {
        (k.saturating_sub(5)..k).any(|j| {
            matches!(
                s.low[j],
                "authorized" | "authorised" | "directed" | "ordered"
            )
        }) && !s.dates.is_empty()
    };
    (at.saturating_sub(8)..at).any(|k| {
        s.low[k] == "to"
            && s.low.get(k + 1).is_some_and(|w| PURPOSE.contains(w))
            && !ordered_for_a_day(k)
            // "to support its coup": what a side has, not what is yet to be.
            && !(s.low[k + 1] == "support"
                && matches!(s.low.get(k + 2), Some(&("its" | "their" | "his" | "her"))))
            && (s.words[k].clause == s.words[at].clause
                || (k + 2..at).any(|j| matches!(s.low[j], "and" | "or")))
    })
}

/// Whether a cue names acts in general rather than telling one: a bare plural after a
/// preposition, with no date, number or doer in its clause ("the planning and facilitation of
/// ISIS attacks", "the fight against attacks").
pub(super) fn generic(s: &SentenceReading, c: &Cued) -> bool {
    // "Rocket attacks of this kind", "attacks like these": acts of a kind, none in particular.
    let after: Vec<&str> = s.low[c.to..(c.to + 3).min(s.low.len())].to_vec();
    let of_a_kind = matches!(
        after.as_slice(),
        ["of", "this" | "that" | "such", "kind" | "type" | "sort"]
    ) || matches!(after.as_slice(), ["like", "these" | "this" | "those", ..]);
    // "one of the deadliest assaults on Afghan forces in recent years": the class the act
    // is ranked in, not another act; not a verb told of the ones counted ("one of the
    // hostages killed by Hamas").
    let ranked = c.from >= 3
        && !s.low[c.to - 1].ends_with("ed")
        && (c.from.saturating_sub(5)..c.from - 2)
            .any(|k| s.low[k] == "one" && s.low[k + 1] == "of" && s.low[k + 2] == "the");
    // "described the incident as a \"significant attack from enemy forces\"": what is told
    // before, named.
    let described = (c.from.saturating_sub(4)..c.from).any(|k| {
        s.low[k] == "as"
            && (k.saturating_sub(6)..k).any(|j| {
                matches!(
                    s.low[j],
                    "described" | "describes" | "termed" | "labeled" | "labelled" | "branded"
                )
            })
    });
    let last = s.low[c.to - 1];
    if of_a_kind || ranked || described || acts_in_general(s, c) {
        return true;
    }
    if !last.ends_with('s') || c.cue.specific && c.to - c.from > 1 {
        return false;
    }
    let clause = s.words[c.from].clause;
    // A date in the clause, or in a clause of its own that opens the sentence ("On 27 July,
    // Hizballah launched a series of rockets").
    let opening = |d: &super::dates::Found| {
        s.words[d.word].clause == 0
            && s.date_fills_clause(d, |w| matches!(w, "on" | "in" | "late" | "early" | "by"))
    };
    // A date set off by commas right after the clause ("airstrikes in Somalia, Dec. 2, Cook
    // said").
    let set_off = |d: &super::dates::Found| {
        s.words[d.word].clause == clause + 1 && s.date_fills_clause(d, |_| false)
    };
    let dated = s
        .dates
        .iter()
        .any(|d| s.words[d.word].clause == clause || opening(d) || set_off(d));
    // "A series of rockets", "a barrage of missiles": acts counted out.
    // "a series of retaliatory missile strikes": words of description between.
    // "a number of recent bomb attacks": so many, told.
    let quantified = (c.from.saturating_sub(4)..c.from).any(|k| {
        k >= 1
            && s.low[k] == "of"
            && (cues::QUANTITIES.contains(&s.low[k - 1])
                || k >= 2 && s.low[k - 1] == "number" && s.low[k - 2] == "a")
            && (k + 1..c.from).all(|j| !grammar::is_preposition(s.low[j]))
    });
    let counted = quantified
        || s.figures
            .iter()
            .any(|(k, _)| *k + 4 >= c.from && *k < c.from);
    // The words before the cue back to a preposition: only qualifiers and names.
    let mut k = c.from;
    while k > 0
        && s.words[k - 1].clause == clause
        && !grammar::is_preposition(s.low[k - 1])
        && !grammar::is_determiner(s.low[k - 1])
        && c.from - k < 4
    {
        k -= 1;
    }
    let after_preposition = k > 0
        && matches!(
            s.low[k - 1],
            "of" | "for" | "against" | "from" | "about" | "to"
        );
    // "The Houthis claim their attacks are not intended to harm ship crews": a side's acts in
    // general, with no date or count in the sentence.
    let possessed = k > 0
        && matches!(s.low[k - 1], "their" | "its" | "our")
        && s.figures.is_empty()
        && s.dates.is_empty();
    // "Iraqi forces, backed by coalition airstrikes, have been fighting …": the support a side
    // has, no act told.
    let support = k >= 2
        && s.low[k - 1] == "by"
        && matches!(s.low[k - 2], "backed" | "supported" | "aided" | "assisted");
    // "… for these attacks, as well as previous attacks": acts before, none told.
    let bygone = (k == 0 || !grammar::is_determiner(s.low[k - 1]))
        && (k..c.from).any(|j| matches!(s.low[j], "previous" | "past" | "prior" | "earlier"));
    (after_preposition || possessed || support || bygone) && !dated && !counted
}

/// The words of the `n` after cue `c` that stand in its clause, in order.
pub(super) fn ahead_in_clause<'s>(
    s: &'s SentenceReading,
    c: &Cued,
    n: usize,
) -> impl Iterator<Item = usize> + 's {
    let clause = s.words[c.from].clause;
    (c.to..(c.to + n).min(s.low.len())).take_while(move |&k| s.words[k].clause == clause)
}

/// Whether a bare plural opening its clause is the subject of what holds in general, in the
/// present ("Direct or indiscriminate attacks against civilians are prohibited under
/// international humanitarian law", "attacks on aid workers must stop"), or of how often acts
/// happen ("Attacks … appear to have increased"): no act is told.
fn acts_in_general(s: &SentenceReading, c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    // "… stressed that attacks targeting U.N. peacekeepers may constitute war crimes": a
    // clause said opens after "that".
    let said_that =
        |k: usize| k >= 2 && s.low[k - 1] == "that" && saying_words::reporting(s.low[k - 2]);
    let opens = (c.from.saturating_sub(4)..=c.from).rev().any(|k| {
        (k == 0 || s.words[k - 1].clause != clause || said_that(k))
            && (k..c.from).all(|j| {
                (j == 0 || !s.words[j].capital)
                    && !grammar::is_determiner(s.low[j])
                    && !grammar::is_preposition(s.low[j])
                    && !s.low[j].chars().any(|ch| ch.is_ascii_digit())
                    && cues::number_word(s.low[j]).is_none()
            })
    });
    let verb = ahead_in_clause(s, c, 8)
        .take_while(|&k| !s.low[k].ends_with("ed"))
        .find(|&k| grammar::is_be(s.low[k]) || holds_in_general(s.low[k]));
    // "Attacks in the border area also appear to have increased since the start of Ramadan":
    // how often acts happen, no act told.
    let trend = ahead_in_clause(s, c, 10).any(|k| {
        matches!(
            s.low[k],
            "increased"
                | "intensified"
                | "risen"
                | "rose"
                | "decreased"
                | "declined"
                | "surged"
                | "doubled"
                | "tripled"
                | "grown"
                | "multiplied"
        )
    });
    s.low[c.to - 1].ends_with('s')
        && opens
        && s.dates.is_empty()
        && (trend || verb.is_some_and(|k| s.low[k] == "are" || holds_in_general(s.low[k])))
}

/// Whether verb `w` says what holds of acts in general, or what may or will be of them:
/// "attacks on aid workers must stop", "attacks targeting peacekeepers may constitute war
/// crimes", "attacks on our personnel will not be tolerated".
fn holds_in_general(w: &str) -> bool {
    grammar::is_modal(w) || w == "remain"
}

/// Whether "resolution" names no decision taken: the settling of a conflict ("the hope for a
/// lasting political resolution to the conflict"), or a resolution by its number that the
/// sentence does not say was adopted ("in line with UN Security Council resolution 2254").
pub(super) fn settlement(s: &SentenceReading, c: &Cued) -> bool {
    let numbered = s
        .low
        .get(c.to)
        .is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()))
        && !s.low.iter().any(|w| {
            matches!(
                *w,
                "adopted" | "passed" | "approved" | "voted" | "unanimously" | "adopts" | "passes"
            )
        });
    let hoped = (c.from.saturating_sub(2)..c.from).any(|k| {
        matches!(
            s.low[k],
            "political"
                | "peaceful"
                | "lasting"
                | "diplomatic"
                | "negotiated"
                | "durable"
                | "comprehensive"
                | "just"
                | "sustainable"
        )
    });
    c.cue.words == "resolution" && (numbered || hoped)
}
