//! Where an act's arguments stand in its clause: the word that makes the cue an act (a verb or a
//! noun), the subject and object of a verb, the actor after "by", the actor qualifying a noun
//! ("Russian airstrikes"), the verb that carries a noun ("X conducted strikes"), and who an act
//! told by a noun hit. Each finder returns nothing when the words do not fit its pattern.

use super::grammar::{
    boundary_between, is_adverb, is_be, is_determiner, is_have, is_passive, is_preposition,
    is_subject_pronoun,
};
use super::lexicon::Target;
use super::names::Mention;
use super::reading::SentenceReading;
use super::report::Trigger;
use super::saying_words::reporting;

/// Verb forms that tell an act.
pub(super) const ACT_VERBS: &[&str] = &[
    "attacked",
    "attacks",
    "attacking",
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
    "engaged",
    "killed",
    "kills",
    "killing",
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
    "overran",
    "seizing",
    "regained",
    "executed",
    "abducted",
    "kidnapped",
];

/// Verbs that carry an act told by a noun: "X conducted strikes", "X launched an attack".
pub(super) const LIGHT_VERBS: &[&str] = &[
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
    "claimed",
    "claims",
    "claiming",
    "took",
    "began",
    "continued",
    "performed",
    "flew",
    "responded",
    "retaliated",
    "perpetrated",
    "inflicted",
    "committed",
];

/// Light verbs whose passive names the act's doer after "by" ("carried out by", "inflicted
/// by"): not "used by", "claimed by".
pub(super) const DONE_BY: &[&str] = &[
    "carried",
    "conducted",
    "launched",
    "staged",
    "mounted",
    "executed",
    "waged",
    "unleashed",
    "perpetrated",
    "inflicted",
    "committed",
];

/// Whether `w` carries an act as its object: a light verb or a verb of having it done.
fn light_verb(w: &str) -> bool {
    LIGHT_VERBS.contains(&w) || ORDERS.contains(&w)
}

/// Light verbs by which the doer claims the act for itself.
pub(super) const CLAIMS: &[&str] = &["claimed", "claims", "claiming", "took"];

/// Words for forces that take their actor after "of": "the militaries of the United States".
pub(super) const FORCE_NOUNS: &[&str] = &[
    "militaries",
    "military",
    "forces",
    "troops",
    "members",
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

/// Verbs of saying that part who says so from the act told after them ("Pakistani authorities
/// said militants attacked …", "Iraqi authorities say suicide bombers …").
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "reported",
    "stated",
    "announced",
];

pub(super) fn actor_mentions<'s>(s: &'s SentenceReading) -> impl Iterator<Item = &'s Mention> {
    s.mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)))
}

/// How an act's doer was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Found {
    /// The text states it (subject, "by", a qualifier, a carrying verb).
    Stated,
    /// The doer claims it ("claimed responsibility", "took credit").
    Claimed,
    /// Someone ordered, orchestrated or approved it: its instigator, not its hand.
    Ordered,
}

/// Light verbs by which someone has others do the act ("ordered the strike", "had
/// orchestrated attacks on coalition bases", "approved the attacks").
pub(super) const ORDERS: &[&str] = &[
    "ordered",
    "orchestrated",
    "approved",
    "directed",
    "masterminded",
    "authorized",
    "authorised",
];

/// The word that makes a cue an act: a verb, or else a noun.
#[derive(Debug, Clone, Copy)]
pub(super) enum Head {
    Verb(usize),
    Noun(usize),
}

pub(super) fn head_of(s: &SentenceReading, e: &Trigger) -> Head {
    for k in (e.from..e.to).rev() {
        let w = s.low[k];
        if ACT_VERBS.contains(&w) && !noun_use(s, k) {
            return Head::Verb(k);
        }
        // "forces continued to attack ISIL terrorists": the infinitive is the clause's verb.
        if continued_to(s, k) {
            return Head::Verb(k);
        }
    }
    Head::Noun(e.to - 1)
}

/// Whether a verb-like word is used as a noun: after a determiner or a possessive (or a word or
/// two after a determiner, with "of" after it), or "strikes" and "attacks" not after a subject.
pub(super) fn noun_use(s: &SentenceReading, k: usize) -> bool {
    if k > 0 && (is_determiner(s.low[k - 1]) || s.low[k - 1] == "s") {
        return true;
    }
    // "the overnight killing of 19 Afghan civilians": a determiner a word or two before, and
    // "of" after.
    let of_after = s.low.get(k + 1) == Some(&"of");
    if of_after
        && (k.saturating_sub(3)..k.saturating_sub(1)).any(|d| {
            is_determiner(s.low[d])
                && (d + 1..k).all(|j| !is_preposition(s.low[j]) && !is_be(s.low[j]))
        })
    {
        return true;
    }
    if matches!(s.low[k], "strikes" | "attacks" | "hits" | "fires" | "kills") {
        // A verb only right after a name or pronoun: "Russia attacks", "it strikes"; not after
        // a people's word ("Israeli strikes", "Houthi attacks") nor a name behind a
        // preposition ("killed in U.S. strikes").
        let before = k.checked_sub(1);
        return !before.is_some_and(|b| {
            is_subject_pronoun(s.low[b])
                || s.mentions.iter().any(|m| {
                    m.to == k
                        && m.from <= b
                        && !["i", "ian", "ese", "ish"]
                            .iter()
                            .any(|end| s.low[b].ends_with(end))
                        && !(m.from > 0
                            && (is_preposition(s.low[m.from - 1])
                                || is_determiner(s.low[m.from - 1])))
                })
        });
    }
    false
}

/// The actor after "by" following word `v`, in its clause: "was carried out by X".
pub(super) fn by_agent(s: &SentenceReading, v: usize) -> Option<Target> {
    let by = (v + 1..(v + 5).min(s.low.len())).find(|&k| s.low[k] == "by")?;
    // "by elements of the armed forces": a part, not the whole; "by forces of X" is X.
    let first = actor_mentions(s).find(|m| {
        m.from > by
            && m.from <= by + 5
            && !boundary_between(s, by, m.from)
            && !(by + 1..m.from)
                .any(|k| s.low[k] == "of" && !(k > 0 && FORCE_NOUNS.contains(&s.low[k - 1])))
            // "an attempt by terrorists to weaken Somalia": the one after "to" is no agent;
            // nor is the one that "militias loyal to" serve.
            && !(by + 1..m.from).any(|k| s.low[k] == "to")
    })?;
    // "by Sudan's paramilitary Rapid Support Forces": the state in the possessive only says
    // whose forces they are.
    let owned = actor_mentions(s).find(|m| {
        s.low.get(first.to) == Some(&"s")
            && m.from > first.to
            && m.from <= first.to + 3
            && (first.to..m.from).all(|k| s.words[k].clause == s.words[first.from].clause)
    });
    let first = owned.unwrap_or(first);
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

/// The subjects of the verb at `h`: the nearest actor before it, with those joined to it by
/// "and" ("the United States and Britain carried out") in its clause, not inside a
/// prepositional phrase (except "the forces of X"), nor across another clause; through "who"
/// or "which", the noun the clause hangs on. A cue that opens with an instrument ("rockets
/// struck") has no doer as its subject, only one that qualifies the instrument ("Houthi
/// missiles struck").
pub(super) fn subject_of(s: &SentenceReading, h: usize, e: &Trigger) -> Vec<Target> {
    if e.from < h {
        // The instrument is the subject: only an actor naming it ("U.S. fighter jets") or
        // qualifying it ("Houthi missiles") did it.
        let naming = actor_mentions(s).find(|m| m.from < h && m.to > e.from);
        return naming
            .map(|m| m.target)
            .or_else(|| qualifier_before(s, e.from))
            .or_else(|| speakers_own(s, e.from))
            .into_iter()
            .collect();
    }
    // "forces continued to attack": the subject of "continued".
    if continued_to(s, h) {
        return subjects_before(s, h - 2);
    }
    subjects_before(s, h)
}

/// Whether the verb at `h` is an infinitive after "continued", "began" or "started" ("forces
/// continued to attack ISIL terrorists yesterday"): an act told, going on.
pub(super) fn continued_to(s: &SentenceReading, h: usize) -> bool {
    h >= 2
        && s.low[h - 1] == "to"
        && matches!(s.low[h - 2], "continued" | "began" | "started")
        && matches!(
            s.low[h],
            "attack" | "strike" | "storm" | "raid" | "bomb" | "shell"
        )
}

/// The speaker whose forces the noun at `n` names right after "said its" ("The Sudanese army
/// said its aircraft struck RSF positions"): the actor named last before the saying.
fn speakers_own(s: &SentenceReading, n: usize) -> Option<Target> {
    (n >= 2
        && FORCE_NOUNS.contains(&s.low[n])
        && matches!(s.low[n - 1], "its" | "their")
        && SAYING.contains(&s.low[n - 2]))
    .then(|| last_actor_before(s, n - 2))
    .flatten()
}

/// The speaker of "X said it <verb>" for the verb at `at` ("Kataib Hezbollah, however, said
/// it targeted the base"): the actor named last before the saying.
pub(super) fn said_it(s: &SentenceReading, at: usize) -> Option<Target> {
    (at >= 2 && matches!(s.low[at - 1], "it" | "they") && SAYING.contains(&s.low[at - 2]))
        .then(|| last_actor_before(s, at - 2))
        .flatten()
}

/// The actor named last before word `at`.
fn last_actor_before(s: &SentenceReading, at: usize) -> Option<Target> {
    actor_mentions(s)
        .filter(|m| m.to <= at)
        .last()
        .map(|m| m.target)
}

/// Actors that are the subject of the verb at `h`: the nearest before it with nothing but its
/// noun phrase between ("the militaries of the United States and the United Kingdom …
/// conducted"), in its clause.
pub(super) fn subjects_before(s: &SentenceReading, h: usize) -> Vec<Target> {
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
    if let Some(a) = k.checked_sub(1).and_then(|n| speakers_own(s, n)) {
        return vec![a];
    }
    // "… against al-Shabaab terrorists after they attacked partner forces": "they" after a
    // word that opens a clause is the actor named last before it.
    if k >= 2
        && matches!(s.low[k - 1], "they" | "he" | "she")
        && matches!(
            s.low[k - 2],
            "after" | "when" | "because" | "before" | "until" | "since"
        )
    {
        return last_actor_before(s, k - 2).into_iter().collect();
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
        // "Pakistani authorities said militants attacked …": who says so is no subject of the
        // act told after the saying, unless the act's subject is a pronoun for the speaker
        // ("the U.S. military said Sunday it shot down …").
        let saying = (m.to..h).find(|&k| SAYING.contains(&s.low[k]) && !in_mention(s, k));
        let speaker_again =
            saying.is_some_and(|r| (r + 1..h).any(|k| is_subject_pronoun(s.low[k])));
        if boundary_between(s, m.to - 1, h) && !with_others(s, m.to, h)
            || saying.is_some() && !speaker_again
        {
            continue;
        }
        // "after the United States and Britain carried out airstrikes": a word that can be a
        // preposition opens a clause here, whose subject the actor is.
        let opens_clause = m.from > 0
            && matches!(
                s.low[m.from - 1],
                "after" | "before" | "since" | "until" | "as"
            );
        let after_preposition = m.from > 0
            && !opens_clause
            && is_preposition(s.low[m.from - 1])
            && !(s.low[m.from - 1] == "of"
                && m.from >= 2
                && FORCE_NOUNS.contains(&s.low[m.from - 2]));
        let after_article_of = m.from >= 2
            && is_determiner(s.low[m.from - 1])
            && s.low[m.from - 2] == "of"
            && m.from >= 3
            && FORCE_NOUNS.contains(&s.low[m.from - 3]);
        if after_preposition && !after_article_of || participle_object(s, m) {
            continue;
        }
        if (m.to..h).any(|k| is_preposition(s.low[k]) && !in_mention(s, k))
            && !verb_near(s, m.to, h)
            && !based_in(s, m.to, h)
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

/// Whether the words `from..h` only say where the actor before them is based ("Houthi rebels
/// based in Yemen launched …"): a place named after "based in", "at" or "near".
pub(super) fn based_in(s: &SentenceReading, from: usize, h: usize) -> bool {
    from + 2 < h
        && s.low[from] == "based"
        && matches!(s.low[from + 1], "in" | "at" | "near")
        && s.mentions
            .iter()
            .any(|m| m.from == from + 2 && matches!(m.target, Target::Place(_)) && m.to == h)
}

/// Whether the actor of `m` is the object of a participle that qualifies an actor before it,
/// not a subject: "the Saudi-led coalition backing Yemen's government carried out …".
fn participle_object(s: &SentenceReading, m: &Mention) -> bool {
    actor_mentions(s).any(|p| {
        p.to < m.from
            && s.low[p.to].ends_with("ing")
            && !matches!(s.low[p.to], "including" | "during" | "according")
            && !in_mention(s, p.to)
            && (p.to + 1..m.from).all(|k| is_determiner(s.low[k]))
            && (p.from..m.to).all(|k| s.words[k].clause == s.words[m.from].clause)
    })
}

/// Whether the words `from..h` only add others to the actor before them as the subject of
/// the verb at `h`: "Kataib Hezbollah terrorists and affiliated groups attacked".
fn with_others(s: &SentenceReading, from: usize, h: usize) -> bool {
    let Some(and) = (from..h).find(|&k| s.low[k] == "and") else {
        return false;
    };
    h > and + 1
        && (from..h).all(|k| s.words[k].clause == s.words[h].clause)
        && (from..and).all(|k| FORCE_NOUNS.contains(&s.low[k]) || GROUP_NOUNS.contains(&s.low[k]))
        && (and + 1..h - 1).all(|k| {
            is_determiner(s.low[k]) || matches!(s.low[k], "affiliated" | "allied" | "other")
        })
        && (FORCE_NOUNS.contains(&s.low[h - 1]) || GROUP_NOUNS.contains(&s.low[h - 1]))
}

/// Nouns for groups of people who act together, beside [`FORCE_NOUNS`].
const GROUP_NOUNS: &[&str] = &[
    "groups",
    "terrorists",
    "allies",
    "partners",
    "proxies",
    "affiliates",
    "insurgents",
    "rebels",
];

/// Whether `t` is joined to `last` by "and" in the sentence ("the United States and Britain").
pub(super) fn joined_to_last(s: &SentenceReading, t: Target, last: Target) -> bool {
    let a = actor_mentions(s).find(|m| m.target == t);
    let b = actor_mentions(s).find(|m| m.target == last);
    match (a, b) {
        (Some(a), Some(b)) if a.to <= b.from => (a.to..b.from)
            .all(|k| matches!(s.low[k], "and" | "the" | "its" | "of") || is_force(s, k)),
        _ => false,
    }
}

pub(super) fn is_force(s: &SentenceReading, k: usize) -> bool {
    FORCE_NOUNS.contains(&s.low[k])
}

pub(super) fn in_mention(s: &SentenceReading, k: usize) -> bool {
    s.mentions.iter().any(|m| m.from <= k && k < m.to)
}

/// Whether the words `from..h` are only the verb group: auxiliaries, adverbs, a date.
pub(super) fn verb_near(s: &SentenceReading, from: usize, h: usize) -> bool {
    let in_date = |k: usize| {
        s.dates
            .iter()
            .any(|d| s.words[k].start >= d.start && s.words[k].end <= d.end)
    };
    (from..h).all(|k| {
        is_adverb(s.low[k])
            // "have since launched"
            || s.low[k] == "since" && k > 0 && is_have(s.low[k - 1])
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
pub(super) fn objects_after(s: &SentenceReading, h: usize) -> Vec<Target> {
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
pub(super) fn qualifier_before(s: &SentenceReading, from: usize) -> Option<Target> {
    let m = actor_mentions(s)
        .filter(|m| m.to <= from && from - m.to <= 3)
        .last()?;
    let between_ok = (m.to..from).all(|k| {
        let w = s.low[k];
        (!is_preposition(w)
            && !is_be(w)
            && !ACT_VERBS.contains(&w)
            && !light_verb(w)
            // "Grant Shapps condemns attacks in Burkina Faso": the speaker, not a qualifier.
            && !reporting(w)
            // A determiner opens another noun phrase: "the United States condemns this attack".
            && !is_determiner(w)
            && w != "and")
            || w == "s"
    }) && s.words[m.to.saturating_sub(1)].clause == s.words[from].clause;
    // "on U.S. forces attacks" is not a doer; nor is an actor after a preposition, but one
    // qualifying the means something was done in ("were killed in Israeli strikes") is.
    let after_preposition = m.from > 0
        && is_preposition(s.low[m.from - 1])
        && !(matches!(s.low[m.from - 1], "in" | "by" | "during" | "of") && m.to == from);
    (between_ok && !after_preposition).then_some(m.target)
}

/// The verb an act told by a noun after "in" was done in ("it likely killed a senior Islamic
/// State leader in a helicopter raid"): a past tense before "in" in the noun's clause, whose
/// subject did the act; never a passive ("were killed in an attack": its subject was hit).
fn done_in(s: &SentenceReading, e: &Trigger) -> Option<(usize, bool)> {
    let clause = s.words[e.from].clause;
    let at = (e.from.saturating_sub(5)..e.from).rev().find(|&k| {
        s.low[k] == "in"
            && (k + 1..e.from)
                .all(|j| is_determiner(s.low[j]) || !is_preposition(s.low[j]) && !in_mention(s, j))
    })?;
    let verb = (at.saturating_sub(10)..at)
        .rev()
        .take_while(|&k| s.words[k].clause == clause)
        .find(|&k| ACT_VERBS.contains(&s.low[k]))
        .or_else(|| {
            // "U.S. forces killed Abu Sayed, the head of ISIS-Khorasan, in a strike on …": a
            // clause opened by "in" after an apposition; the verb before the apposition.
            let opens = at > 0 && s.words[at - 1].clause < clause;
            let verb = (at.saturating_sub(16)..at)
                .rev()
                .find(|&k| ACT_VERBS.contains(&s.low[k]))?;
            let apposed = (verb + 1..at)
                .all(|k| !light_verb(s.low[k]) && !SAYING.contains(&s.low[k]) && !is_be(s.low[k]))
                && s.words[verb].clause + 2 >= clause;
            (opens && apposed).then_some(verb)
        })?;
    (!is_passive(s, verb)).then_some((verb, false))
}

/// Whether the noun at `n` was claimed by the one qualifying it ("IS Khorasan-claimed").
pub(super) fn claimed_by_qualifier(s: &SentenceReading, e: &Trigger) -> bool {
    (e.from.saturating_sub(2)..e.from).any(|k| s.low[k] == "claimed")
}

/// The doers of an act told by the noun at `n`: those joined by "and" as the subject of the
/// verb that carries it all did it.
pub(super) fn noun_doers(s: &SentenceReading, e: &Trigger, n: usize) -> Vec<(Target, Found)> {
    // "the rockets were intercepted by X": the agent of another verb after the noun is not the
    // act's ("the attack was carried out by X" is).
    let other_verb = || {
        (n + 1..(n + 5).min(s.low.len()))
            .take_while(|&k| s.low[k] != "by")
            .any(|k| s.low[k].ends_with("ed") && !light_verb(s.low[k]))
    };
    // "the recent attacks in northeastern Nigeria inflicted by Boko Haram": the verb that
    // carries the act, past a place, names its doer after "by".
    let carried_by = (n + 1..(n + 8).min(s.low.len()))
        .take_while(|&k| s.words[k].clause == s.words[n].clause)
        .find(|&k| s.low[k] == "by")
        .filter(|&by| {
            let done = |w: &str| DONE_BY.contains(&w);
            done(s.low[by - 1]) || s.low[by - 1] == "out" && done(s.low[by - 2])
        });
    let agent = by_agent(s, n)
        .filter(|_| !other_verb())
        .or_else(|| carried_by.and_then(|by| by_agent(s, by - 1)));
    if let Some(a) = agent {
        // "A suicide bombing claimed by IS": by its own claim.
        let claimed = (n + 1..(n + 5).min(s.low.len()))
            .find(|&k| s.low[k] == "by")
            .is_some_and(|by| by > 0 && s.low[by - 1] == "claimed");
        let found = if claimed {
            Found::Claimed
        } else {
            Found::Stated
        };
        return vec![(a, found)];
    }
    if let Some(a) = qualifier_before(s, e.from) {
        let found = if claimed_by_qualifier(s, e) {
            Found::Claimed
        } else {
            Found::Stated
        };
        // "Russian and Assad regime airstrikes": qualifiers joined by "and" all did it.
        let mut doers = vec![(a, found)];
        let mut next = actor_mentions(s).filter(|m| m.to <= e.from).last();
        while let Some(q) = next {
            next = actor_mentions(s)
                .find(|m| m.to + 1 == q.from && s.low[m.to] == "and" && m.target != q.target);
            if let Some(m) = next {
                doers.insert(0, (m.target, found));
            }
        }
        return doers;
    }
    let Some((lv, claims)) = carrying_verb(s, e).or_else(|| done_in(s, e)) else {
        return Vec::new();
    };
    let found = if claims {
        Found::Claimed
    } else if ORDERS.contains(&s.low[lv]) {
        Found::Ordered
    } else {
        Found::Stated
    };
    if is_passive(s, lv) {
        by_agent(s, lv).map(|a| (a, found)).into_iter().collect()
    } else {
        subjects_before(s, lv)
            .into_iter()
            .map(|a| (a, found))
            .collect()
    }
}

/// The verb that carries the noun cue `e` as its object ("conducted precision airstrikes",
/// "claimed responsibility for the attack", "took credit for killing"), with whether it is a
/// claim.
pub(super) fn carrying_verb(s: &SentenceReading, e: &Trigger) -> Option<(usize, bool)> {
    let mut k = e.from;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        k -= 1;
        steps += 1;
        let w = s.low[k];
        // "claimed responsibility for the attack" carries it; "… claimed responsibility and
        // two separate suicide attacks in Muqdadiyah" does not.
        if matches!(w, "responsibility" | "credit") && s.low.get(k + 1) != Some(&"for") {
            return None;
        }
        // "the orchestrated, violent attacks": after a determiner, an adjective.
        let adjective = k > 0 && is_determiner(s.low[k - 1]);
        if light_verb(w) && !adjective {
            return Some((k, CLAIMS.contains(&w)));
        }
        let np_word = is_determiner(w)
            || adjective
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
            // "launched a series of rockets".
            || super::cues::QUANTITIES.contains(&w)
            || w == "of" && k > 0 && super::cues::QUANTITIES.contains(&s.low[k - 1])
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
pub(super) fn noun_patients(s: &SentenceReading, e: &Trigger, n: usize) -> Vec<Target> {
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
pub(super) fn listed_on(s: &SentenceReading, n: usize, m: usize) -> bool {
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
