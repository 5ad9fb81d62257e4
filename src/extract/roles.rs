//! The actors of an event and their roles, from word order: who acted (before the cue), who was
//! hit or killed (after it), who spoke, who reported it, who was only mentioned; and the subject
//! a sentence-initial "they" or "he" carries on from the sentence before.

use super::families::family;
use super::lexicon::{Lexicon, Target};
use super::names::{nearest_actor, Mention};
use super::reading::SentenceReading;
use super::triggers::Trigger;
use super::words::Word;
use crate::model::event_type::Family;

/// The actors of event `e` of sentence `s`, each once with its strongest role.
pub(super) fn actors_of(
    s: &SentenceReading,
    lexicon: &Lexicon,
    e: &Trigger,
) -> Vec<(Target, &'static str)> {
    let mut actors: Vec<(Target, &'static str)> = Vec::new();
    for m in &s.mentions {
        if !matches!(m.target, Target::Actor(_)) {
            continue;
        }
        let role = role_of(s, lexicon, e, m);
        match actors.iter_mut().find(|(t, _)| *t == m.target) {
            Some(had) if strength(role) > strength(had.1) => had.1 = role,
            Some(_) => {}
            None => actors.push((m.target, role)),
        }
    }
    actors
}

/// The role of actor `m` in event `e`.
fn role_of(s: &SentenceReading, lexicon: &Lexicon, e: &Trigger, m: &Mention) -> &'static str {
    let (from, to) = (e.from, e.to);
    let fam = family(e.event_type);
    let clause = s.words[from].clause;
    // "Iraq's military on Thursday said …": the actor right before a speech verb.
    let speech_between = s
        .speech
        .iter()
        .any(|&v| m.to <= v && v < from && v - m.to <= 3);
    let strike_like = matches!(
        fam,
        Some(Family::Strikes) | Some(Family::Unrest) | Some(Family::Security)
    );
    if e.event_type == "statement" {
        if Some(m.target) == nearest_actor(&s.mentions, from, lexicon) {
            "speaker"
        } else {
            "mentioned"
        }
    } else if speech_between && m.to <= from && strike_like {
        "reporter"
    } else if strike_like && m.from > to && s.words[m.from].clause != clause {
        "mentioned"
    } else if strike_like {
        role_in_act(s, lexicon, e, m)
    } else {
        role_in_diplomacy(s, e, m)
    }
}

/// The role of actor `m` in a strike, unrest or security event `e`: the nearest actor before
/// the cue did it, a person after "killed" was killed, others after the cue were targeted.
fn role_in_act(s: &SentenceReading, lexicon: &Lexicon, e: &Trigger, m: &Mention) -> &'static str {
    let from = e.from;
    let low = &s.low;
    if m.from < from {
        let nearest_before = s
            .mentions
            .iter()
            .filter(|x| matches!(x.target, Target::Actor(_)) && x.to <= from)
            .max_by_key(|x| x.to)
            .map(|x| x.from);
        let by_prep = m.from > 0
            && matches!(
                low[m.from - 1],
                "against" | "on" | "targeting" | "at" | "with" | "from" | "of"
            );
        if by_prep {
            "mentioned"
        } else if Some(m.from) == nearest_before {
            "perpetrator"
        } else {
            "mentioned"
        }
    } else if (e.event_type == "killing"
        || low
            .get(from..m.from)
            .unwrap_or(&[])
            .iter()
            .any(|x| *x == "killed" || *x == "killing"))
        && lexicon.is_person(m.target)
    {
        "killed"
    } else {
        "target"
    }
}

/// The role of actor `m` in a meeting, visit, decision or other non-violent event `e`.
fn role_in_diplomacy(s: &SentenceReading, e: &Trigger, m: &Mention) -> &'static str {
    let spurred = m.from >= 3 && s.low[m.from - 3..m.from].join(" ") == "spurred on by";
    if spurred {
        "instigator"
    } else if m.from > e.to && matches!(e.event_type, "handover") {
        "recipient"
    } else if m.from > e.to && !matches!(e.event_type, "meeting" | "visit") {
        // What a resolution or agreement is about.
        "subject"
    } else {
        "participant"
    }
}

/// How much a role says: who acted beats who was mentioned.
fn strength(role: &str) -> u8 {
    match role {
        "mentioned" => 0,
        "reporter" => 1,
        "subject" | "instigator" | "recipient" => 2,
        _ => 3,
    }
}

/// With a sentence-initial pronoun (`pronoun`) and no subject among `actors`, the subject of
/// the sentence before (`previous`) acts in an event of type `event_type`: it is put first
/// and returned.
pub(super) fn carry_subject(
    actors: &mut Vec<(Target, &'static str)>,
    event_type: &str,
    pronoun: bool,
    previous: Option<Target>,
) -> Option<Target> {
    let has_subject = actors
        .iter()
        .any(|(_, r)| matches!(*r, "perpetrator" | "participant" | "speaker"));
    if !pronoun || has_subject {
        return None;
    }
    let prev = previous?;
    let role = match family(event_type) {
        Some(Family::Diplomacy) | Some(Family::Posture) => "participant",
        _ => "perpetrator",
    };
    actors.retain(|(t, _)| *t != prev);
    actors.insert(0, (prev, role));
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
