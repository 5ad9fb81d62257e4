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

use super::families::family;
use super::frames::Frame;
use super::grammar::{
    boundary_between, is_adverb, is_be, is_determiner, is_passive, is_preposition,
    is_subject_pronoun,
};
use super::lexicon::{Lexicon, Target};
use super::names::{nearest_actor, Mention};
use super::reading::SentenceReading;
use super::report::Part;
use super::triggers::Trigger;
use super::words::Word;
use crate::model::event_type::Family;

/// Verb forms that tell an act.
const ACT_VERBS: &[&str] = &[
    "attacked",
    "attacks",
    "struck",
    "strikes",
    "hit",
    "hits",
    "fired",
    "fires",
    "launched",
    "launches",
    "stormed",
    "raided",
    "bombed",
    "shelled",
    "targeted",
    "clashed",
    "killed",
    "kills",
    "assassinated",
    "detonated",
    "arrested",
    "detained",
    "captured",
    "seized",
    "slammed",
    "landed",
    "fell",
    "exploded",
    "ambushed",
    "shot",
    "downed",
    "intercepted",
    "destroyed",
    "wounded",
    "injured",
    "rammed",
    "murdered",
    "recaptured",
    "retook",
    "executed",
    "abducted",
    "kidnapped",
];

/// Verbs that carry an act told by a noun: "X conducted strikes", "X launched an attack".
const LIGHT_VERBS: &[&str] = &[
    "conducted",
    "conducts",
    "conduct",
    "conducting",
    "carried",
    "carry",
    "carries",
    "carrying",
    "launched",
    "launches",
    "launch",
    "launching",
    "staged",
    "mounted",
    "executed",
    "undertook",
    "unleashed",
    "waged",
    "made",
    "used",
    "ordered",
    "claimed",
    "claims",
    "took",
    "began",
    "continued",
    "performed",
    "flew",
    "responded",
    "retaliated",
];

/// Light verbs by which the doer claims the act for itself.
const CLAIMS: &[&str] = &["claimed", "claims", "took"];

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

/// Words for forces that take their actor after "of": "the militaries of the United States".
const FORCE_NOUNS: &[&str] = &[
    "militaries",
    "military",
    "forces",
    "troops",
    "members",
    "elements",
    "fighters",
    "militants",
    "jets",
    "aircraft",
    "warplanes",
    "drones",
    "army",
    "units",
    "soldiers",
    "militia",
    "militias",
    "affiliate",
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

fn actor_mentions<'s>(s: &'s SentenceReading) -> impl Iterator<Item = &'s Mention> {
    s.mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)))
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
    // The body a speaker speaks for speaks too ("Pentagon Press Secretary Pat Ryder").
    if let Some(side) = frame.and_then(|f| f.side) {
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

/// How an act's doer was found.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Found {
    /// The text states it (subject, "by", a qualifier, a carrying verb).
    Stated,
    /// The doer claims it ("claimed responsibility", "took credit").
    Claimed,
}

/// An act (strike, unrest, security or other): who did it, who was hit or killed, who reports
/// it, each as the clause establishes it.
fn act_parts(s: &SentenceReading, lexicon: &Lexicon, e: &Trigger, frames: &[Frame]) -> Vec<Part> {
    let head = head_of(s, e);
    let (doer, patients) = match head {
        Head::Verb(h) if is_passive(s, h) => (
            by_agent(s, h).map(|a| (a, Found::Stated)),
            subjects_before(s, h),
        ),
        Head::Verb(h) => (
            subject_of(s, h, e).map(|a| (a, Found::Stated)),
            objects_after(s, h),
        ),
        Head::Noun(n) => (noun_doer(s, e, n), noun_patients(s, e, n)),
    };
    let killing = matches!(e.event_type, "killing")
        || (e.from..s.low.len().min(e.to + 6))
            .any(|k| matches!(s.low[k], "killed" | "killing" | "assassinated" | "murdered"));
    let mut parts: Vec<Part> = Vec::new();
    for t in patients {
        if Some(t) == doer.map(|d| d.0) {
            continue;
        }
        let role = if killing && s.is_person(lexicon, t) {
            "killed"
        } else {
            "target"
        };
        parts.push(Part::new(t, role));
    }
    if let Some((t, found)) = doer {
        if !parts.iter().any(|p| p.actor == t) {
            parts.insert(0, attributed(s, lexicon, e, frames, t, found));
        }
    }
    blamed(s, lexicon, frames, &mut parts);
    held_responsible(s, e, &mut parts);
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
    // The innermost attribution the act lies in.
    let frame = frames
        .iter()
        .filter(|f| f.covers(e.from) && !f.blame)
        .min_by_key(|f| f.content.1 - f.content.0);
    if let Some(f) = frame {
        let own = f.first_person || f.side.is_some_and(|a| same_side(lexicon, a, t));
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
    Part::new(t, "perpetrator")
}

/// Whether actors `a` and `b` speak for each other: one, or one belongs to the other, or both
/// belong to one.
fn same_side(lexicon: &Lexicon, a: Target, b: Target) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (lexicon.actor(a), lexicon.actor(b)) else {
        return false;
    };
    let belongs = |p: &crate::model::Actor, q: &crate::model::Actor| {
        p.affiliation
            .as_deref()
            .is_some_and(|aff| aff == q.name || aff == q.id)
    };
    belongs(x, y) || belongs(y, x) || x.affiliation.is_some() && x.affiliation == y.affiliation
}

/// "X blamed Y for the attack", "accused Y of", "Y is accused by X of": Y is suspected,
/// according to X.
fn blamed(s: &SentenceReading, lexicon: &Lexicon, frames: &[Frame], parts: &mut Vec<Part>) {
    for f in frames.iter().filter(|f| f.blame) {
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
    blamed(s, lexicon, frames, &mut parts);
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
    parts
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

/// The word that makes a cue an act: a verb, or else a noun.
#[derive(Debug, Clone, Copy)]
enum Head {
    Verb(usize),
    Noun(usize),
}

fn head_of(s: &SentenceReading, e: &Trigger) -> Head {
    for k in (e.from..e.to).rev() {
        let w = s.low[k];
        if ACT_VERBS.contains(&w) && !noun_use(s, k) {
            return Head::Verb(k);
        }
    }
    Head::Noun(e.to - 1)
}

/// Whether a verb-like word is used as a noun: after a determiner or a possessive, or "strikes"
/// and "attacks" not after a subject.
fn noun_use(s: &SentenceReading, k: usize) -> bool {
    if k > 0 && (is_determiner(s.low[k - 1]) || s.low[k - 1] == "s") {
        return true;
    }
    if matches!(s.low[k], "strikes" | "attacks" | "hits" | "fires" | "kills") {
        // A verb only right after a name or pronoun: "Russia attacks", "it strikes".
        let before = k.checked_sub(1);
        return !before.is_some_and(|b| {
            is_subject_pronoun(s.low[b]) || s.mentions.iter().any(|m| m.to == k && m.from <= b)
        });
    }
    false
}

/// The actor after "by" following word `v`, in its clause: "was carried out by X".
fn by_agent(s: &SentenceReading, v: usize) -> Option<Target> {
    let by = (v + 1..(v + 5).min(s.low.len())).find(|&k| s.low[k] == "by")?;
    let first = actor_mentions(s)
        .find(|m| m.from > by && m.from <= by + 5 && !boundary_between(s, by, m.from))?;
    // "by an Iranian-backed militia, Katib Hizbollah, on Camp Taji": the name in apposition
    // says which.
    let apposed = actor_mentions(s).find(|m| {
        m.from >= first.to
            && s.words[m.from].clause == s.words[first.to - 1].clause + 1
            && (first.to..m.from).all(|k| s.words[k].clause == s.words[m.from].clause)
            && s.words
                .get(m.to)
                .is_none_or(|w| w.clause != s.words[m.from].clause)
    });
    Some(apposed.unwrap_or(first).target)
}

/// The subject of the verb at `h`: the nearest actor before it in its clause, not inside a
/// prepositional phrase (except "the forces of X"), nor across another clause; through "who"
/// or "which", the noun the clause hangs on. A cue that opens with an instrument ("rockets
/// struck") has no doer as its subject, only one that qualifies the instrument ("Houthi
/// missiles struck").
fn subject_of(s: &SentenceReading, h: usize, e: &Trigger) -> Option<Target> {
    if e.from < h {
        // The instrument is the subject: only an actor naming it ("U.S. fighter jets") or
        // qualifying it ("Houthi missiles") did it.
        let naming = actor_mentions(s).find(|m| m.from < h && m.to > e.from);
        return naming
            .map(|m| m.target)
            .or_else(|| qualifier_before(s, e.from));
    }
    subjects_before(s, h).first().copied()
}

/// Actors that are the subject of the verb at `h`: the nearest before it with nothing but its
/// noun phrase between ("the militaries of the United States and the United Kingdom …
/// conducted"), in its clause.
fn subjects_before(s: &SentenceReading, h: usize) -> Vec<Target> {
    // A relative clause: "militants who attacked", "the group, which launched", "militias who
    // have conducted".
    let mut k = h;
    while k > 0
        && (is_adverb(s.low[k - 1])
            || is_be(s.low[k - 1])
            || matches!(s.low[k - 1], "had" | "has" | "have"))
    {
        k -= 1;
    }
    if k > 0 && matches!(s.low[k - 1], "who" | "which" | "that") {
        return actor_mentions(s)
            .filter(|m| m.to + 2 >= k && m.to < k)
            .last()
            .map(|m| vec![m.target])
            .unwrap_or_default();
    }
    let mut out = Vec::new();
    for m in actor_mentions(s).filter(|m| m.to <= h) {
        if boundary_between(s, m.to - 1, h) {
            continue;
        }
        let after_preposition = m.from > 0
            && is_preposition(s.low[m.from - 1])
            && !(s.low[m.from - 1] == "of"
                && m.from >= 2
                && FORCE_NOUNS.contains(&s.low[m.from - 2]));
        let after_article_of = m.from >= 2
            && is_determiner(s.low[m.from - 1])
            && s.low[m.from - 2] == "of"
            && m.from >= 3
            && FORCE_NOUNS.contains(&s.low[m.from - 3]);
        if after_preposition && !after_article_of {
            continue;
        }
        if (m.to..h).any(|k| is_preposition(s.low[k]) && !in_mention(s, k))
            && !verb_near(s, m.to, h)
        {
            // Something else heads the phrase: "images provided by CENTCOM showed …".
            continue;
        }
        out.push(m.target);
    }
    // The subject is the last such phrase before the verb; names joined by "and" share it.
    if let Some(&last) = out.last() {
        let keep: Vec<Target> = out
            .iter()
            .rev()
            .take_while(|t| **t == last || joined_to_last(s, **t, last))
            .copied()
            .collect();
        return keep;
    }
    out
}

/// Whether `t` is joined to `last` by "and" in the sentence ("the United States and Britain").
fn joined_to_last(s: &SentenceReading, t: Target, last: Target) -> bool {
    let a = actor_mentions(s).find(|m| m.target == t);
    let b = actor_mentions(s).find(|m| m.target == last);
    match (a, b) {
        (Some(a), Some(b)) if a.to <= b.from => (a.to..b.from)
            .all(|k| matches!(s.low[k], "and" | "the" | "its" | "of") || is_force(s, k)),
        _ => false,
    }
}

fn is_force(s: &SentenceReading, k: usize) -> bool {
    FORCE_NOUNS.contains(&s.low[k])
}

fn in_mention(s: &SentenceReading, k: usize) -> bool {
    s.mentions.iter().any(|m| m.from <= k && k < m.to)
}

/// Whether the words `from..h` are only the verb group: auxiliaries, adverbs, a date.
fn verb_near(s: &SentenceReading, from: usize, h: usize) -> bool {
    let in_date = |k: usize| {
        s.dates
            .iter()
            .any(|d| s.words[k].start >= d.start && s.words[k].end <= d.end)
    };
    (from..h).all(|k| {
        is_adverb(s.low[k])
            || (matches!(s.low[k], "on" | "in" | "late" | "early") && k + 1 < h && in_date(k + 1))
            || is_be(s.low[k])
            || matches!(s.low[k], "had" | "has" | "have")
            || s.dates
                .iter()
                .any(|d| s.words[k].start >= d.start && s.words[k].end <= d.end)
    })
}

/// Actors that are the object of the verb at `h`: named after it, in its clause, not after
/// "by", "with" or "from" (what it was done with or by).
fn objects_after(s: &SentenceReading, h: usize) -> Vec<Target> {
    actor_mentions(s)
        .filter(|m| m.from > h && !boundary_between(s, h, m.from))
        .filter(|m| {
            !(h + 1..m.from).any(|k| {
                matches!(
                    s.low[k],
                    "by" | "with" | "from" | "according" | "said" | "told"
                )
            })
        })
        .map(|m| m.target)
        .take(3)
        .collect()
}

/// An actor qualifying the noun phrase that ends at `from` ("Russian airstrikes", "U.S.
/// retaliatory strikes", "Kataib Hezbollah's attack", "IS Khorasan-claimed attacks").
fn qualifier_before(s: &SentenceReading, from: usize) -> Option<Target> {
    let m = actor_mentions(s)
        .filter(|m| m.to <= from && from - m.to <= 3)
        .last()?;
    let between_ok = (m.to..from).all(|k| {
        let w = s.low[k];
        (!is_preposition(w) && !is_be(w) && !ACT_VERBS.contains(&w) && w != "and" && w != "said")
            || w == "s"
    }) && s.words[m.to.saturating_sub(1)].clause == s.words[from].clause;
    // "on U.S. forces attacks" is not a doer; nor is an actor after a preposition.
    let after_preposition = m.from > 0 && is_preposition(s.low[m.from - 1]);
    (between_ok && !after_preposition).then_some(m.target)
}

/// Whether the noun at `n` was claimed by the one qualifying it ("IS Khorasan-claimed").
fn claimed_by_qualifier(s: &SentenceReading, e: &Trigger) -> bool {
    (e.from.saturating_sub(2)..e.from).any(|k| s.low[k] == "claimed")
}

/// The doer of an act told by the noun at `n`.
fn noun_doer(s: &SentenceReading, e: &Trigger, n: usize) -> Option<(Target, Found)> {
    if let Some(a) = by_agent(s, n) {
        return Some((a, Found::Stated));
    }
    if let Some(a) = qualifier_before(s, e.from) {
        let found = if claimed_by_qualifier(s, e) {
            Found::Claimed
        } else {
            Found::Stated
        };
        return Some((a, found));
    }
    carrying_verb(s, e).and_then(|(lv, claims)| {
        let found = if claims {
            Found::Claimed
        } else {
            Found::Stated
        };
        if is_passive(s, lv) {
            by_agent(s, lv).map(|a| (a, found))
        } else {
            subjects_before(s, lv).first().map(|a| (*a, found))
        }
    })
}

/// The verb that carries the noun cue `e` as its object ("conducted precision airstrikes",
/// "claimed responsibility for the attack", "took credit for killing"), with whether it is a
/// claim.
fn carrying_verb(s: &SentenceReading, e: &Trigger) -> Option<(usize, bool)> {
    let mut k = e.from;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        k -= 1;
        steps += 1;
        let w = s.low[k];
        if LIGHT_VERBS.contains(&w) {
            return Some((k, CLAIMS.contains(&w)));
        }
        let np_word = is_determiner(w)
            || super::cues::qualifier(&[w]).is_some()
            || matches!(w, "more" | "than" | "least" | "up" | "nearly")
            || matches!(
                w,
                "out"
                    | "responsibility"
                    | "credit"
                    | "for"
                    | "with"
                    | "new"
                    | "precision"
                    | "defensive"
                    | "retaliatory"
                    | "deadly"
                    | "coordinated"
                    | "multiple"
                    | "several"
            )
            || w.parse::<f64>().is_ok()
            || super::cues::number_word(w).is_some()
            || !is_preposition(w) && !is_be(w) && !in_mention(s, k) && !ACT_VERBS.contains(&w);
        if !np_word || s.words[k].clause != s.words[e.from].clause {
            return None;
        }
    }
    // "for which a group called X claimed responsibility": the claim comes after the cue.
    let claim = (e.to..s.low.len()).find(|&k| {
        s.low[k] == "claimed"
            && s.low
                .get(k + 1)
                .is_some_and(|x| matches!(*x, "responsibility" | "credit"))
    })?;
    Some((claim, true))
}

/// Who an act told by the noun at `n` hit: after "on", "against" or "targeting", or the
/// object of the verb the noun is the subject of ("the strikes hit five depots of X").
fn noun_patients(s: &SentenceReading, e: &Trigger, n: usize) -> Vec<Target> {
    let mut out: Vec<Target> = actor_mentions(s)
        .filter(|m| {
            m.from > n
                && m.from <= n + 10
                && (!boundary_between(s, n, m.from) || listed_on(s, n, m.from))
        })
        .filter(|m| {
            (n + 1..m.from).any(|k| matches!(s.low[k], "on" | "against" | "targeting" | "at"))
                && !(n + 1..m.from).any(|k| matches!(s.low[k], "by" | "from" | "with"))
        })
        .map(|m| m.target)
        .collect();
    if out.is_empty() {
        // The noun is the subject of a verb of impact.
        let verb = (e.to..(e.to + 6).min(s.low.len())).find(|&k| {
            matches!(
                s.low[k],
                "hit" | "struck" | "targeted" | "killed" | "destroyed" | "damaged" | "wounded"
            ) && !boundary_between(s, n, k)
        });
        if let Some(v) = verb {
            out = objects_after(s, v);
        }
    }
    out
}

/// Whether the actor at word `m` continues the list of what the act at `n` hit across a comma:
/// "against X, most notably against Y", "on X, including Y".
fn listed_on(s: &SentenceReading, n: usize, m: usize) -> bool {
    let clause = s.words[m].clause;
    let Some(first) = (n..m).find(|&k| s.words[k].clause == clause) else {
        return false;
    };
    s.words[n].clause + 1 == clause
        && (first..m).all(|k| {
            matches!(
                s.low[k],
                "most"
                    | "notably"
                    | "including"
                    | "especially"
                    | "particularly"
                    | "mainly"
                    | "chiefly"
                    | "against"
                    | "on"
                    | "and"
                    | "the"
                    | "targeting"
            )
        })
}

/// With a sentence-initial pronoun (`pronoun`) and no doer or participant among `parts`, the
/// subject of the sentence before (`previous`) acts in an event of type `event_type`: it is
/// put first and returned.
pub(super) fn carry_subject(
    parts: &mut Vec<Part>,
    event_type: &str,
    pronoun: bool,
    previous: Option<Target>,
) -> Option<Target> {
    let has_subject = parts.iter().any(|p| {
        matches!(
            p.role,
            "perpetrator" | "suspected" | "participant" | "speaker"
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
    let role = match family(event_type) {
        Some(Family::Diplomacy) | Some(Family::Posture) => "participant",
        _ if event_type == "statement" => "speaker",
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
