//! Craft in the air that a cue tells of: one aircraft striking or intercepting another (an
//! intercept, not an airstrike), and missiles or drones brought down by those they were fired
//! at (an interception).

use super::cue_sense::QUALIFIED;
use super::cues::{self, cue, Cue, Cued};
use super::grammar;
use super::reading::SentenceReading;

/// One aircraft striking or intercepting another: no airstrike, but an unsafe intercept.
pub(super) static MIDAIR: Cue = cue("intercept", "other", true);

/// Words that name an aircraft that may have a crew.
const CREWED: &[&str] = &["aircraft", "jet", "jets", "plane", "planes"];

/// Words that name a drone, or a part of an aircraft.
const UNCREWED: &[&str] = &[
    "drone",
    "propeller",
    "mq-9",
    "mq-9s",
    "mq-1",
    "mc-12",
    "reaper",
];

/// Whether the air attack cue `c` tells one aircraft hitting another ("one of the Russian
/// Su-27 aircraft struck the propeller of the MQ-9", "it was intercepted and hit by a Russian
/// aircraft"): an aircraft named before it and one within a few words after it, that is not a
/// qualifier of a place ("a drone factory").
pub(super) fn midair(s: &SentenceReading, c: &Cued) -> bool {
    if c.cue.words == "intercepted" {
        return aircraft_intercepted(s, c);
    }
    if c.cue.event_type != "airstrike" {
        return false;
    }
    let is_aircraft = |k: usize| {
        (CREWED.contains(&s.low[k]) || UNCREWED.contains(&s.low[k]))
            && !s.low.get(k + 1).is_some_and(|n| {
                matches!(
                    *n,
                    "factory" | "plant" | "base" | "bases" | "depot" | "depots" | "facility"
                ) || QUALIFIED.contains(n)
            })
    };
    let after = (c.to..(c.to + 6).min(s.low.len())).any(is_aircraft);
    after && (0..c.to).any(is_aircraft)
}

/// Whether "intercepted" tells a crewed aircraft met by another ("two Russian Su-27 Flanker
/// pilots intercepted a U.S. Air Force B-52 bomber", "a U.S. P-8A Poseidon aircraft … was
/// intercepted by a Russian SU-35"): an aircraft named within a few words after the verb, in
/// its clause. Missiles and drones intercepted are brought down (an interception), not met.
fn aircraft_intercepted(s: &SentenceReading, c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    (c.to..(c.to + 7).min(s.low.len()))
        .take_while(|&k| s.words[k].clause == clause)
        .any(|k| {
            CREWED.contains(&s.low[k])
                || matches!(s.low[k], "bomber" | "bombers")
                || aircraft_designator(s, k)
        })
}

/// Whether word `k` opens a military aircraft's designator: a maker's or role's letters, a
/// hyphen and a number ("Su-27", "B-52", "P-8A", "MiG-29", "F-16s").
fn aircraft_designator(s: &SentenceReading, k: usize) -> bool {
    let letters = matches!(
        s.low[k],
        "su" | "mig" | "tu" | "b" | "p" | "f" | "c" | "kc" | "ec" | "rc" | "e" | "il"
    );
    let number = s.low.get(k + 1).is_some_and(|n| {
        let digits = n.trim_end_matches(['a', 'b', 'c', 'e', 'h', 'j', 's']);
        !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit())
    });
    letters && number && s.text.get(s.words[k].end..s.words[k + 1].start) == Some("-")
}

/// Missiles or drones brought down by those they were fired at: an interception.
pub(super) static INTERCEPTION: Cue = cue("shot down", "other", true);

/// Whether the interception cue `c` is told in the active voice of missiles or drones ("it
/// shot down an anti-ship cruise missile", "we helped Israel take down nearly all of the
/// incoming drones"): who brought them down did so. Passive ("six of the drones were shot
/// down") the count belongs to the attack.
pub(super) fn interception(s: &SentenceReading, c: &Cued) -> bool {
    let downing = matches!(
        c.cue.words,
        "shot down" | "intercepted" | "downed" | "take down" | "took down"
    );
    let passive = (c.from.saturating_sub(2)..c.from).any(|k| grammar::is_be(s.low[k]));
    // "One downed drone": a word of description, not a verb.
    let adjective = c.cue.words == "downed"
        && c.from > 0
        && (grammar::is_determiner(s.low[c.from - 1])
            || cues::number_word(s.low[c.from - 1]).is_some());
    let fired = (c.to..(c.to + 8).min(s.low.len())).any(|k| {
        matches!(
            s.low[k],
            "missile" | "missiles" | "drone" | "drones" | "rocket" | "rockets"
        )
    });
    downing && !passive && !adjective && fired
}
