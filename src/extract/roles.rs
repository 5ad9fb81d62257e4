//! The actors of an event and their roles, from the clause that tells it, never from word order
//! alone:
//! - an act told by a verb: its subject did it, its object was hit; in the passive ("was killed
//!   by", "were carried out by") the subject was hit and the actor after "by" did it;
//! - an act told by a noun: the actor after "by" ("an attack by X"), the actor that qualifies
//!   it ("Russian airstrikes", "X's attack", "X-claimed attacks"), or the subject of the verb
//!   that carries it ("X conducted strikes", "X claimed responsibility for the attack") did it;
//!   the actor after "on", "against" or "targeting", or the object of the verb it is the subject
//!   of ("the strikes hit five depots of X"), was hit;
//! - what a speaker says ([`super::frames`]) is the speaker's account: the doer it names is
//!   `suspected`, according to the speaker, unless the speaker speaks for the doer or of itself;
//!   "blamed X", "accused X" and claims of responsibility make X `suspected`; hedges
//!   ("reportedly", "apparently") make the doer `suspected` too;
//! - the speaker who reports an act is its `reporter`.
//!
//! When none of these establishes a role, the actor is only `mentioned`: never a guess.

use super::arguments::{
    actor_mentions, by_agent, carrying_verb, head_of, noun_doers, noun_patients, objects_after,
    said_it, subject_of, subjects_before, Found, Head, DONE_BY,
};
use super::families::family;
use super::frames::Frame;
use super::grammar::is_passive;
use super::lexicon::{Lexicon, Target};
use super::names::{nearest_actor, Mention};
use super::reading::SentenceReading;
use super::report::{Part, Trigger};
use super::words::Word;
use crate::model::event_type::Family;

/// Words that hedge who did it: the doer is suspected, not stated.
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "suspected",
    "reported",
    "believed",
    "likely",
    "probably",
    "possibly",
    "presumably",
];

/// The actors of event `e` of sentence `s`, each once with its role.
pub(super) fn actors_of(
    s: &SentenceReading,
    lexicon: &Lexicon,
    e: &Trigger,
    frames: &[Frame],
) -> Vec<Part> {
    let mut parts: Vec<Part> = match family(e.event_type) {
        _ if e.event_type == "statement" => statement_parts(s, lexicon, e, frames),
        Some(Family::Diplomacy) | Some(Family::Posture) => diplomacy_parts(s, e),
        // Aid dropped from the air is given, not inflicted: those who drop it take part; so do
        // those who cancel or cut short a trip, evacuate people, sign a law, summon an envoy or
        // answer an attack.
        _ if matches!(
            s.low[e.from],
            "airdrop"
                | "airdrops"
                | "canceled"
                | "cancelled"
                | "cut"
                | "evacuated"
                | "evacuating"
                | "into"
                | "summoned"
                | "response"
                | "responded"
        ) && e.event_type == "other" =>
        {
            diplomacy_parts(s, e)
        }
        _ => act_parts(s, lexicon, e, frames),
    };
    // Others named in the event's clause are mentioned.
    let clause = s.words[e.from].clause;
    for m in actor_mentions(s) {
        if s.words[m.from].clause == clause && !parts.iter().any(|p| p.actor == m.target) {
            parts.push(Part::new(m.target, "mentioned"));
        }
    }
    parts
}

/// A statement: its speaker, and those it is about.
fn statement_parts(
    s: &SentenceReading,
    lexicon: &Lexicon,
    e: &Trigger,
    frames: &[Frame],
) -> Vec<Part> {
    let mut parts = Vec::new();
    let frame = frames.iter().find(|f| f.verb == e.from);
    let speaker = match frame {
        Some(f) => f.actor,
        None => nearest_actor(&s.mentions, e.from, lexicon),
    };
    if let Some(a) = speaker {
        parts.push(Part::new(a, "speaker"));
    }
    // The body a named speaker speaks for speaks too ("Pentagon Press Secretary Pat Ryder"); an
    // unnamed one ("a U.S. official") does not make the body a speaker.
    if let Some(side) = frame.filter(|f| f.actor.is_some()).and_then(|f| f.side) {
        if !parts.iter().any(|p| p.actor == side) {
            parts.push(Part::new(side, "speaker"));
        }
    }
    if let Some(f) = frame {
        for m in actor_mentions(s).filter(|m| f.covers(m.from)) {
            if !parts.iter().any(|p| p.actor == m.target) {
                parts.push(Part::new(m.target, "subject"));
            }
        }
    }
    parts
}

/// A meeting, visit, decision, hand-over or deployment: those named in the sentence took part,
/// but those after the cue that it was handed to, or that a decision is about. Appositions and
/// lists ("the hand over ceremony of Qayyarah Airfield, Iraqi Security Forces, …") cross commas.
fn diplomacy_parts(s: &SentenceReading, e: &Trigger) -> Vec<Part> {
    let mut parts = Vec::new();
    for m in actor_mentions(s) {
        let spurred = m.from >= 3 && s.low[m.from - 3..m.from] == ["spurred", "on", "by"];
        let role = if spurred {
            "instigator"
        } else if m.from >= e.to && e.event_type == "handover" {
            "recipient"
        } else if m.from >= e.to && !matches!(e.event_type, "meeting" | "visit") {
            "subject"
        } else {
            "participant"
        };
        if !parts.iter().any(|p: &Part| p.actor == m.target) {
            parts.push(Part::new(m.target, role));
        }
    }
    parts
}

/// An act (strike, unrest, security or other): who did it, who was hit or killed, who reports
/// it, each as the clause establishes it.
fn act_parts(s: &SentenceReading, lexicon: &Lexicon, e: &Trigger, frames: &[Frame]) -> Vec<Part> {
    let head = head_of(s, e);
    // "The combined force came under mortar fire": its subject is hit, by someone unnamed.
    let undergone = matches!(s.low[e.from], "came" | "come" | "comes" | "coming")
        && s.low.get(e.from + 1) == Some(&"under");
    let (doers, patients) = match head {
        _ if undergone => (Vec::new(), subjects_before(s, e.from)),
        Head::Verb(h) if is_passive(s, h) => (
            by_agent(s, h)
                .map(|a| (a, Found::Stated))
                .into_iter()
                .collect(),
            subjects_before(s, h),
        ),
        // "Al-Shabab claimed to have attacked a military base": the subject of the claim did
        // it, by its own claim.
        Head::Verb(h) if claimed_to_have(s, h) => (
            subjects_before(s, h - 3)
                .into_iter()
                .map(|a| (a, Found::Claimed))
                .collect(),
            objects_after(s, h),
        ),
        Head::Verb(h) => (
            subject_of(s, h, e)
                .into_iter()
                .map(|a| (a, Found::Stated))
                .collect(),
            objects_after(s, h),
        ),
        Head::Noun(n) => (noun_doers(s, e, n), noun_patients(s, e, n)),
    };
    let killing = matches!(e.event_type, "killing")
        || (e.from..s.low.len().min(e.to + 6))
            .any(|k| matches!(s.low[k], "killed" | "killing" | "assassinated" | "murdered"));
    let mut parts: Vec<Part> = Vec::new();
    for t in patients {
        if doers.iter().any(|d| d.0 == t) {
            continue;
        }
        let role = if killing && s.is_person(lexicon, t) {
            "killed"
        } else {
            "target"
        };
        parts.push(Part::new(t, role));
    }
    // The doers first, in their order; one named twice ("Iran Iran") is one.
    let mut at = 0;
    for &(t, found) in &doers {
        if !parts.iter().any(|p| p.actor == t) {
            parts.insert(at, attributed(s, lexicon, e, frames, t, found));
            at += 1;
        }
    }
    blamed(s, lexicon, frames, e, &mut parts);
    held_responsible(s, e, &mut parts);
    blamed_on(s, e, &mut parts);
    // The speakers who report it.
    for f in frames.iter().filter(|f| f.covers(e.from) && !f.blame) {
        if let Some(a) = f.actor {
            if !parts.iter().any(|p| p.actor == a) {
                parts.push(Part::new(a, "reporter"));
            }
        }
    }
    parts
}

/// Whether the verb at `h` follows "claimed to have" ("claimed to have attacked").
fn claimed_to_have(s: &SentenceReading, h: usize) -> bool {
    h >= 3
        && matches!(s.low[h - 3], "claimed" | "claims" | "claim" | "claiming")
        && s.low[h - 2] == "to"
        && s.low[h - 1] == "have"
}

/// The doer `t` of event `e`, as stated, claimed, hedged or reported by a speaker.
fn attributed(
    s: &SentenceReading,
    lexicon: &Lexicon,
    e: &Trigger,
    frames: &[Frame],
    t: Target,
    found: Found,
) -> Part {
    if found == Found::Claimed {
        return Part {
            actor: t,
            role: "suspected",
            according_to: Some("its own claim".into()),
        };
    }
    if found == Found::Ordered {
        return Part::new(t, "instigator");
    }
    // The innermost attribution the act lies in.
    let frame = frames
        .iter()
        .filter(|f| f.covers(e.from) && !f.blame)
        .min_by_key(|f| f.content.1 - f.content.0);
    if let Some(f) = frame {
        let own = f.first_person || f.side.is_some_and(|a| lexicon.same_side(a, t));
        if !own {
            return Part {
                actor: t,
                role: "suspected",
                according_to: Some(f.words.clone()),
            };
        }
    }
    let window = e.from.saturating_sub(4)..(e.to + 2).min(s.low.len());
    if window.clone().any(|k| HEDGES.contains(&s.low[k])) {
        return Part::new(t, "suspected");
    }
    // "Gunmen believed to be Boko Haram militants shot dead …": the doer's own name is hedged.
    let hedged_name = s.mentions.iter().any(|m| {
        m.target == t
            && m.to <= e.from
            && m.from >= 3
            && s.low[m.from - 1] == "be"
            && s.low[m.from - 2] == "to"
            && matches!(
                s.low[m.from - 3],
                "believed" | "thought" | "presumed" | "said"
            )
    });
    if hedged_name {
        return Part::new(t, "suspected");
    }
    Part::new(t, "perpetrator")
}

/// "X blamed Y for the attack", "accused Y of", "Y is accused by X of": Y is suspected,
/// according to X.
fn blamed(
    s: &SentenceReading,
    lexicon: &Lexicon,
    frames: &[Frame],
    e: &Trigger,
    parts: &mut Vec<Part>,
) {
    // "the killing of … Khamis Abbakar on June 14 after he accused the RSF … of perpetrating
    // genocide": an accusation told after the act, behind "after", is of something else.
    let after_the_act = |f: &Frame| f.verb > e.to && (e.to..f.verb).any(|k| s.low[k] == "after");
    for f in frames.iter().filter(|f| f.blame && !after_the_act(f)) {
        let passive = is_passive(s, f.verb);
        let (who, says) = if passive {
            // "Turkey is being accused by Kurdish security forces of …"
            let says = by_agent(s, f.verb)
                .and_then(|a| lexicon.actor(a).map(|x| x.name.clone()))
                .or_else(|| by_words(s, f.verb));
            (subjects_before(s, f.verb).first().copied(), says)
        } else {
            (
                objects_after(s, f.verb).first().copied(),
                Some(f.words.clone()),
            )
        };
        let Some(who) = who else { continue };
        if parts
            .iter()
            .any(|p| p.actor == who && p.role != "mentioned")
        {
            parts.retain(|p| p.actor != who || p.role != "perpetrator");
        }
        if parts.iter().any(|p| p.actor == who) {
            continue;
        }
        parts.insert(
            0,
            Part {
                actor: who,
                role: "suspected",
                according_to: says,
            },
        );
    }
}

/// Who sentence `s` says did the happening it refers back to at word `at` ("the U.S. blamed X
/// for the attack", "X, which was responsible for these attacks", "X claimed responsibility for
/// the attack"): each suspected, with who says so where the sentence tells.
pub(super) fn doers_of_reference(
    s: &SentenceReading,
    lexicon: &Lexicon,
    frames: &[Frame],
    at: usize,
) -> Vec<Part> {
    let e = Trigger {
        from: at,
        to: at + 1,
        event_type: "attack",
        cue: String::new(),
    };
    let mut parts = Vec::new();
    blamed(s, lexicon, frames, &e, &mut parts);
    held_responsible(s, &e, &mut parts);
    if let Some((lv, true)) = carrying_verb(s, &e) {
        if let Some(&who) = subjects_before(s, lv).first() {
            parts.push(Part {
                actor: who,
                role: "suspected",
                according_to: Some("its own claim".into()),
            });
        }
    }
    // "officials said that attack was launched by Kataeb Hezbollah": the one after "by" did
    // the act pointed at, as the sentence tells it.
    if let Some(who) = done_by(s, at).filter(|who| !parts.iter().any(|p| p.actor == *who)) {
        parts.push(attributed(s, lexicon, &e, frames, who, Found::Stated));
    }
    // "Kataib Hezbollah said it targeted the base": the speaker, of its own act, by its claim.
    if s.low[at] == "targeted" && parts.is_empty() {
        if let Some(who) = said_it(s, at).or_else(|| subjects_before(s, at).first().copied()) {
            parts.push(Part {
                actor: who,
                role: "suspected",
                according_to: Some("its own claim".into()),
            });
        }
    }
    parts
}

/// Who did the act named at `at`, told by a passive light verb right after it: "that
/// attack was launched by Kataeb Hezbollah", "the bombing was carried out by al-Shabab". Only a
/// name right after "by" (or "by the") that ends its phrase: not "by its Afghan affiliate",
/// where the state's adjective qualifies what did it.
fn done_by(s: &SentenceReading, at: usize) -> Option<Target> {
    let n = s.low.len();
    let clause = s.words[at].clause;
    let v = (at + 2..(at + 5).min(n))
        .take_while(|&k| s.words[k].clause == clause)
        .find(|&k| DONE_BY.contains(&s.low[k]) && is_passive(s, k))?;
    let by = (v + 1..(v + 3).min(n)).find(|&k| s.low[k] == "by")?;
    let m = actor_mentions(s).find(|m| {
        m.from == by + 1 || m.from == by + 2 && matches!(s.low[by + 1], "the" | "a" | "an")
    })?;
    let ends = s.words.get(m.to).is_none_or(|w| {
        w.clause != s.words[m.from].clause
            || matches!(
                s.low[m.to],
                "in" | "on" | "at" | "near" | "and" | "against" | "from" | "during" | "with"
            )
    });
    ends.then_some(m.target)
}

/// "attacks blamed on Kataib Hezbollah", "an attack on their post blamed on jihadists": the
/// actor the act is blamed on, by no one named, is suspected of it, not its target.
fn blamed_on(s: &SentenceReading, e: &Trigger, parts: &mut Vec<Part>) {
    let clause = s.words[e.from].clause;
    let Some(k) = (e.to..(e.to + 8).min(s.low.len())).find(|&k| {
        s.low[k] == "blamed" && s.low.get(k + 1) == Some(&"on") && s.words[k].clause == clause
    }) else {
        return;
    };
    let Some(m) = actor_mentions(s).find(|m| m.from >= k + 2 && m.from <= k + 3) else {
        return;
    };
    parts.retain(|p| p.actor != m.target);
    parts.insert(0, Part::new(m.target, "suspected"));
}

/// "X (believed) responsible for the attack": X is suspected of the act told after it.
fn held_responsible(s: &SentenceReading, e: &Trigger, parts: &mut Vec<Part>) {
    let Some(k) = (0..e.from).rev().find(|&k| {
        s.low[k] == "responsible" && s.low.get(k + 1) == Some(&"for") && e.from - k <= 8
    }) else {
        return;
    };
    let mut j = k;
    while j > 0
        && matches!(
            s.low[j - 1],
            "believed"
                | "held"
                | "deemed"
                | "be"
                | "is"
                | "was"
                | "were"
                | "are"
                | "members"
                | "fighters"
        )
    {
        j -= 1;
    }
    let Some(m) = actor_mentions(s).find(|m| j <= m.to + 1 && m.to <= k) else {
        return;
    };
    parts.retain(|p| p.actor != m.target || p.role == "target");
    if !parts.iter().any(|p| p.actor == m.target) {
        parts.insert(0, Part::new(m.target, "suspected"));
    }
}

/// The words after "by" following word `v`, to the end of the clause: who says so in a
/// passive attribution.
fn by_words(s: &SentenceReading, v: usize) -> Option<String> {
    let by = (v + 1..(v + 4).min(s.low.len())).find(|&k| s.low[k] == "by")?;
    let clause = s.words[by].clause;
    let end = (by + 1..s.low.len())
        .take_while(|&k| s.words[k].clause == clause && !matches!(s.low[k], "of" | "for"))
        .last()?;
    Some(s.written(by + 1, end + 1))
}

/// With a sentence-initial pronoun (`pronoun`) and no doer or participant among `parts`, the
/// subject of the sentence before (`previous`) acts in an event of type `event_type`: it is
/// put first and returned.
pub(super) fn carry_subject(
    parts: &mut Vec<Part>,
    (event_type, ordered): (&str, bool),
    pronoun: bool,
    previous: Option<Target>,
) -> Option<Target> {
    let has_subject = parts.iter().any(|p| {
        matches!(
            p.role,
            "perpetrator" | "suspected" | "participant" | "speaker" | "instigator"
        )
    });
    if !pronoun || has_subject {
        return None;
    }
    let prev = previous?;
    if parts
        .iter()
        .any(|p| p.actor == prev && matches!(p.role, "target" | "killed"))
    {
        return None;
    }
    // "He had orchestrated attacks on coalition bases": who had them done.
    let role = match family(event_type) {
        Some(Family::Diplomacy) | Some(Family::Posture) => "participant",
        _ if event_type == "statement" => "speaker",
        _ if ordered => "instigator",
        _ => "perpetrator",
    };
    parts.retain(|p| p.actor != prev);
    parts.insert(0, Part::new(prev, role));
    Some(prev)
}

/// Whether the sentence starts with a pronoun subject ("they", "he", "she").
pub(super) fn starts_with_pronoun(s: &SentenceReading) -> bool {
    matches!(s.low.first().copied(), Some("they" | "he" | "she"))
}

/// The first actor not inside a prepositional phrase: the sentence's likely subject.
pub(super) fn first_subject(mentions: &[Mention], w: &[Word]) -> Option<Target> {
    mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)))
        .find(|m| {
            m.from == 0
                || !matches!(
                    w[m.from - 1].low.as_str(),
                    "from" | "by" | "against" | "on" | "with" | "to" | "of" | "for" | "that"
                )
        })
        .map(|m| m.target)
}
