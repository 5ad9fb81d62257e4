//! Which events a sentence tells: the cues it holds (longest first, none inside a name, none
//! after "planning" or "would"), one event per family and clause, a toll ("four were killed")
//! given to the strike it belongs to, a statement when someone speaks, and the words that
//! point back at a happening already told ("the attack").

use super::cues::{self, Cue, IRREALIS};
use super::families::{family, slot};
use super::frames::{frames, Frame};
use super::grammar;
use super::lexicon::{Lexicon, Target};
use super::reading::SentenceReading;
use super::report::Report;
use crate::model::event_type::Family;

/// An attack whose means the clause names: drones, missiles, rockets, aircraft or bombs.
static BY_DRONES: Cue = Cue {
    words: "drones",
    event_type: "drone-strike",
    specific: true,
};
static BY_MISSILES: Cue = Cue {
    words: "missiles",
    event_type: "missile-attack",
    specific: true,
};
static BY_ROCKETS: Cue = Cue {
    words: "rockets",
    event_type: "rocket-attack",
    specific: true,
};
static BY_AIRCRAFT: Cue = Cue {
    words: "aircraft",
    event_type: "airstrike",
    specific: true,
};

/// The type a generic attack cue takes from the means its clause names within a few words
/// ("attacked the country overnight with 23 drones", "shot down 18 of the 23 drones").
fn by_instrument(s: &SentenceReading, c: &Cued) -> Option<&'static Cue> {
    if c.cue.event_type != "attack" || c.cue.specific {
        return None;
    }
    let clause = s.words[c.from].clause;
    let near = (c.from.saturating_sub(4)..(c.to + 8).min(s.low.len()))
        .filter(|&k| s.words[k].clause == clause)
        .map(|k| s.low[k]);
    let mut found = None;
    for w in near {
        found = found.or(match w {
            "drone" | "drones" | "uav" | "uavs" | "shahed" | "shaheds" => Some(&BY_DRONES),
            "missile" | "missiles" => Some(&BY_MISSILES),
            "rocket" | "rockets" | "mortar" | "mortars" | "artillery" => Some(&BY_ROCKETS),
            "jets" | "warplanes" | "aircraft" | "bombers" | "helicopters" => Some(&BY_AIRCRAFT),
            _ => None,
        });
    }
    found
}

/// One aircraft striking or intercepting another: no airstrike, but an unsafe intercept.
static MIDAIR: Cue = Cue {
    words: "intercept",
    event_type: "other",
    specific: true,
};

/// Words that name an aircraft, or a part of one.
const AIRCRAFT: &[&str] = &[
    "aircraft",
    "jet",
    "jets",
    "plane",
    "planes",
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
fn midair(s: &SentenceReading, c: &Cued) -> bool {
    if c.cue.event_type != "airstrike" {
        return false;
    }
    let is_aircraft = |k: usize| {
        AIRCRAFT.contains(&s.low[k])
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

/// Missiles or drones brought down by those they were fired at: an interception.
static INTERCEPTION: Cue = Cue {
    words: "shot down",
    event_type: "other",
    specific: true,
};

/// Whether the interception cue `c` is told in the active voice of missiles or drones ("it
/// shot down an anti-ship cruise missile", "we helped Israel take down nearly all of the
/// incoming drones"): who brought them down did so. Passive ("six of the drones were shot
/// down") the count belongs to the attack.
fn interception(s: &SentenceReading, c: &Cued) -> bool {
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

/// A raid that kills or wounds: an attack.
static RAID_AS_ATTACK: Cue = Cue {
    words: "raided",
    event_type: "attack",
    specific: true,
};

/// A cue found in a sentence: words `from..to`.
#[derive(Clone, Copy)]
struct Cued {
    from: usize,
    to: usize,
    cue: &'static Cue,
}

/// One event a sentence tells: words `from..to`, its type, and the words as written (a
/// statement's speech verb folded).
#[derive(Debug, Clone)]
pub(super) struct Trigger {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) event_type: &'static str,
    pub(super) cue: String,
}

/// What a sentence tells.
#[derive(Debug, Clone)]
pub(super) struct Told {
    /// Its events, in word order.
    pub(super) events: Vec<Trigger>,
    /// How many of them come from cues (a statement aside).
    pub(super) cued: usize,
    /// Words that point back at a happening already told, with the type they point at.
    pub(super) anaphors: Vec<(usize, &'static str)>,
    /// Who says what in the sentence.
    pub(super) frames: Vec<Frame>,
}

/// What sentence `s` tells, after the `earlier` reports of its article.
pub(super) fn told(s: &SentenceReading, lexicon: &Lexicon, earlier: &[Report]) -> Told {
    let frames = frames(s, lexicon);
    let mut anaphors: Vec<(usize, &'static str)> = Vec::new();
    let mut found = cues_of(s, lexicon);
    // "The attack", "these strikes", "the deadliest attack": a happening already told, when
    // one of its family was. The sentence becomes another source of it.
    found.retain(|c| {
        let blast = matches!(s.low[c.to - 1], "explosion" | "explosions" | "blast");
        // "The raid" after an air strike is that strike, as a raid from the air.
        let raid = c.cue.event_type == "raid";
        let strike_before = |d: &Report| family(d.event_type) == Some(Family::Strikes);
        let before = earlier.iter().any(|d| {
            family(d.event_type) == family(c.cue.event_type) || (blast || raid) && strike_before(d)
        });
        let named =
            definite(s, c.from) || dated_possessive(s, c.from) || actor_possessive(s, c.from);
        if named && before {
            let points_at = if raid && !earlier.iter().any(|d| d.event_type == "raid") {
                "attack"
            } else {
                c.cue.event_type
            };
            anaphors.push((c.from, points_at));
            false
        } else {
            true
        }
    });
    let mut chosen = one_per_clause(s, &found);
    // A raid that kills or wounds is an attack ("soldiers were killed when al-Shabab raided a
    // base"); a raid that detains is a raid.
    let casualties = s
        .low
        .iter()
        .any(|w| matches!(*w, "killed" | "wounded" | "injured" | "dead"));
    for c in &mut chosen {
        if c.cue.event_type == "raid" && casualties {
            c.cue = &RAID_AS_ATTACK;
        }
    }
    // "killed" beside a strike is what the strike did.
    let has_strike = chosen.iter().any(|c| {
        family(c.cue.event_type) == Some(Family::Strikes) && c.cue.event_type != "killing"
    }) || anaphors
        .iter()
        .any(|a| family(a.1) == Some(Family::Strikes));
    if has_strike {
        chosen.retain(|c| c.cue.event_type != "killing");
    }
    take_tolls(s, lexicon, earlier, &mut chosen, &mut anaphors);
    for c in &mut chosen {
        if interception(s, c) {
            c.cue = &INTERCEPTION;
        } else if let Some(typed) = by_instrument(s, c) {
            c.cue = typed;
        }
        if midair(s, c) {
            c.cue = &MIDAIR;
        }
    }
    let statement = statement(s, &chosen, &anaphors, &frames);
    // A sentence that goes on with a quotation, saying nothing else, is more of the statement
    // it continues.
    let acts = chosen
        .iter()
        .any(|c| family(c.cue.event_type) != Some(Family::Diplomacy));
    let opens_quote = s.words.first().is_some_and(|w| {
        s.text[..w.start]
            .chars()
            .rev()
            .take_while(|c| !c.is_alphanumeric() && *c != '.')
            .any(|c| matches!(c, '"' | '“'))
    });
    if statement.is_none()
        && !s.words.is_empty()
        && frames.is_empty()
        && !acts
        && (s.quoted || opens_quote)
        && !earlier.is_empty()
    {
        let last = earlier.iter().rposition(|r| r.sentence + 2 >= s.index);
        if last.is_some_and(|i| earlier[i].event_type == "statement") {
            anaphors.push((0, "statement"));
        }
    }
    let mut events: Vec<Trigger> = chosen
        .iter()
        .map(|c| Trigger {
            from: c.from,
            to: c.to,
            event_type: c.cue.event_type,
            cue: s.written(c.from, c.to),
        })
        .collect();
    if let Some(v) = statement {
        events.push(Trigger {
            from: v,
            to: v + 1,
            event_type: "statement",
            cue: s.low[v].to_string(),
        });
    }
    events.sort_by_key(|e| e.from);
    Told {
        events,
        cued: chosen.len(),
        anaphors,
        frames,
    }
}

/// The cues of `s`, longest first and not overlapping, in word order; none that is part of a
/// name, and none of what is not done ("planning more attacks", "would strike").
fn cues_of(s: &SentenceReading, lexicon: &Lexicon) -> Vec<Cued> {
    let (w, low) = (s.words, &s.low);
    let mut taken = vec![false; w.len()];
    let mut found: Vec<Cued> = Vec::new();
    for (c, k) in &lexicon.cues {
        for i in 0..w.len() {
            if i + k.len() > w.len() || taken[i..i + k.len()].iter().any(|t| *t) {
                continue;
            }
            if low[i..i + k.len()]
                .iter()
                .zip(k.iter())
                .all(|(a, b)| a == b)
            {
                // Names are not cues ("Rocket" in a ship's name is capitalised mid-sentence).
                if w[i].capital && i > 0 && s.mentions.iter().any(|m| m.from <= i && i < m.to) {
                    continue;
                }
                taken[i..i + k.len()].iter_mut().for_each(|t| *t = true);
                found.push(Cued {
                    from: i,
                    to: i + k.len(),
                    cue: c,
                });
            }
        }
    }
    found.sort_by_key(|c| c.from);
    // A heading ("Patriot missiles") tells nothing.
    if w.len() <= 3 && !w.iter().any(|x| x.low.ends_with("ed")) {
        return Vec::new();
    }
    found.retain(|c| {
        !irrealis(s, c.from)
            && !generic(s, c)
            && !modifier(s, c)
            && !seized_thing(s, c)
            && !to_the_press(s, c)
            && !titled(s, c)
            && !conducting_other_than_a_mission(s, c)
            && !arms_taken(s, c)
            && !protesters_hit(s, c)
    });
    found
}

/// Whether a bare weapon cue names arms destroyed, seized or found ("destroyed over 130
/// mortars and rockets"): things taken in an operation, not an attack.
fn arms_taken(s: &SentenceReading, c: &Cued) -> bool {
    !c.cue.specific
        && matches!(c.cue.words, "rockets" | "missiles")
        && (c.from.saturating_sub(6)..c.from).any(|k| {
            matches!(
                s.low[k],
                "destroyed"
                    | "seized"
                    | "captured"
                    | "confiscated"
                    | "recovered"
                    | "found"
                    | "cache"
                    | "caches"
                    | "stockpile"
                    | "stockpiles"
            )
        })
}

/// Whether a protest cue names the victims of violence ("attacking protesters"): the protest
/// is not what the sentence tells.
fn protesters_hit(s: &SentenceReading, c: &Cued) -> bool {
    c.cue.event_type == "protest"
        && matches!(c.cue.words, "protesters" | "demonstrators")
        && (c.from.saturating_sub(2)..c.from).any(|k| {
            matches!(
                s.low[k],
                "attacking"
                    | "attacked"
                    | "killing"
                    | "killed"
                    | "shooting"
                    | "shot"
                    | "targeting"
                    | "targeted"
                    | "against"
            )
        })
}

/// Whether "was conducting" / "were conducting" goes on with something other than a mission
/// or an operation under way ("were conducting a mission against ISIS targets"): a strike
/// conducted is told by its own cue.
fn conducting_other_than_a_mission(s: &SentenceReading, c: &Cued) -> bool {
    if !matches!(c.cue.words, "was conducting" | "were conducting") {
        return false;
    }
    let next = &s.low[c.to..(c.to + 5).min(s.low.len())];
    // Routine flights are what was going on, not a happening.
    if next.contains(&"routine") {
        return true;
    }
    let mission = next
        .iter()
        .position(|w| matches!(*w, "mission" | "missions" | "operation" | "operations"));
    match mission {
        Some(m) => next[..m].iter().any(|w| {
            matches!(
                *w,
                "strike" | "strikes" | "raid" | "raids" | "airstrike" | "airstrikes" | "combat"
            )
        }),
        None => true,
    }
}

/// Whether a meeting cue is speaking to the press ("spoke with reporters"): a briefing, told
/// by what is said, not a meeting.
fn to_the_press(s: &SentenceReading, c: &Cued) -> bool {
    c.cue.event_type == "meeting"
        && s.low[c.to..(c.to + 2).min(s.low.len())].iter().any(|w| {
            matches!(
                *w,
                "reporters" | "journalists" | "press" | "media" | "voa" | "you" | "us"
            )
        })
}

/// Whether a generic cue is a capitalised word of a title mid-sentence ("the 2008 Strategic
/// Framework Agreement", "Resolution 2254"): it names a document, not an act.
fn titled(s: &SentenceReading, c: &Cued) -> bool {
    !c.cue.specific && c.from > 0 && (c.from..c.to).all(|k| s.words[k].capital)
}

/// Nouns that a cue only qualifies ("strike locations", "attack helicopters", "missile defense
/// systems"): no act is told.
const QUALIFIED: &[&str] = &[
    "locations",
    "location",
    "sites",
    "site",
    "helicopter",
    "helicopters",
    "aircraft",
    "system",
    "systems",
    "capability",
    "capabilities",
    "defense",
    "defence",
    "defenses",
    "group",
    "groups",
    "force",
    "mission",
    "missions",
    "package",
    "planners",
    "planning",
    "launcher",
    "launchers",
    "debris",
    "survivors",
    "victims",
    "warning",
    "warnings",
    "threat",
    "threats",
    "range",
    "test",
    "tests",
    "program",
    "programme",
    "cell",
    "cells",
];

/// Whether a seizure cue takes a thing rather than a place ("seized a number of rocket
/// launchers"): seizing a base, town or territory is a happening, seizing arms is part of a raid.
fn seized_thing(s: &SentenceReading, c: &Cued) -> bool {
    if !matches!(c.cue.words, "seized" | "recaptured") {
        return false;
    }
    let place_after = (c.to..(c.to + 5).min(s.low.len())).any(|k| {
        s.mentions
            .iter()
            .any(|m| m.from == k && matches!(m.target, Target::Place(_)))
            || matches!(
                s.low[k],
                "base"
                    | "bases"
                    | "town"
                    | "city"
                    | "village"
                    | "airport"
                    | "camp"
                    | "territory"
                    | "control"
                    | "area"
                    | "district"
                    | "province"
            )
    });
    !place_after
}

/// Whether the cue `c` only qualifies the noun after it.
fn modifier(s: &SentenceReading, c: &Cued) -> bool {
    s.low.get(c.to).is_some_and(|next| {
        QUALIFIED.contains(next) && s.words[c.to].clause == s.words[c.from].clause
    })
}

/// Whether the cue at word `at` tells what is not (yet) done: a word of planning, threat,
/// ability or negation shortly before it in its clause ("would strike", "the ability to
/// conduct future strikes", "from any attack"), or an infinitive of purpose ("to further plot
/// and carry out attacks").
fn irrealis(s: &SentenceReading, at: usize) -> bool {
    let clause = s.words[at].clause;
    let window = (at.saturating_sub(8)..at).filter(|&k| s.words[k].clause == clause);
    let mut near = window.clone().filter(|&k| at - k <= 3);
    if near.any(|k| IRREALIS.contains(&s.low[k])) {
        return true;
    }
    // "It's condemnable to attack civilians": a verb in the infinitive tells no act.
    if at > 0
        && s.low[at - 1] == "to"
        && matches!(
            s.low[at],
            "attack" | "strike" | "storm" | "raid" | "bomb" | "shell"
        )
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
        )
    }) || window.clone().any(|k| {
        s.low[k] == "to"
            && s.low.get(k + 1).is_some_and(|w| {
                matches!(
                    *w,
                    "further"
                        | "carry"
                        | "conduct"
                        | "launch"
                        | "plot"
                        | "stage"
                        | "prevent"
                        | "deter"
                        | "stop"
                        | "avoid"
                        | "protect"
                        | "defend"
                )
            })
    })
}

/// Whether a cue names acts in general rather than telling one: a bare plural after a
/// preposition, with no date, number or doer in its clause ("the planning and facilitation of
/// ISIS attacks", "the fight against attacks").
fn generic(s: &SentenceReading, c: &Cued) -> bool {
    // "Rocket attacks of this kind", "attacks like these": acts of a kind, none in particular.
    let after: Vec<&str> = s.low[c.to..(c.to + 3).min(s.low.len())].to_vec();
    let of_a_kind = matches!(
        after.as_slice(),
        ["of", "this" | "that" | "such", "kind" | "type" | "sort"]
    ) || matches!(after.as_slice(), ["like", "these" | "this" | "those", ..]);
    let last = s.low[c.to - 1];
    if of_a_kind || !last.ends_with('s') || c.cue.specific && c.to - c.from > 1 {
        return of_a_kind;
    }
    let clause = s.words[c.from].clause;
    let dated = s.dates.iter().any(|d| s.words[d.word].clause == clause);
    let counted = s
        .figures
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
    after_preposition && !dated && !counted
}

/// Whether the sentence counts the parts of a happening: "the first … a second …".
fn counts_parts(s: &SentenceReading) -> bool {
    s.low.contains(&"first") && s.low.iter().any(|w| matches!(*w, "second" | "third"))
}

/// Whether the cue at word `i` follows a day in the possessive ("Monday's attack",
/// "yesterday's strikes"), which names a happening rather than telling it when one of its kind
/// was told before.
fn dated_possessive(s: &SentenceReading, i: usize) -> bool {
    (1..=3).any(|back| {
        i > back
            && s.low[i - back] == "s"
            && s.dates.iter().any(|d| {
                s.words[i - back - 1].end <= d.end && d.start <= s.words[i - back - 1].start
            })
    })
}

/// Whether the "that" at word `k` opens what a verb before it says or knows ("said that",
/// "reported early Monday that"), rather than pointing at something.
fn says_that(s: &SentenceReading, k: usize) -> bool {
    let saying = |w: &str| {
        matches!(
            w,
            "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "reported"
                | "announced"
                | "added"
                | "confirmed"
                | "stated"
                | "know"
                | "knows"
                | "believe"
                | "believes"
                | "think"
                | "thinks"
                | "shows"
                | "show"
                | "showed"
        )
    };
    (k >= 1 && (s.low[k - 1].ends_with("ed") || s.low[k - 1] == "so"))
        || (k.saturating_sub(4)..k).any(|j| saying(s.low[j]))
}

/// Whether the cue at word `i` follows an actor in the possessive ("Iran's brazen attacks"),
/// which names a happening of that actor rather than telling one when one of its kind was
/// told before.
fn actor_possessive(s: &SentenceReading, i: usize) -> bool {
    (1..=3).any(|back| {
        i > back
            && s.low[i - back] == "s"
            && s.mentions
                .iter()
                .any(|m| m.to == i - back && matches!(m.target, Target::Actor(_)))
    })
}

/// Whether the cue at word `i` follows "the", "this", "these"… with no date or name between:
/// it names a happening rather than telling one.
fn definite(s: &SentenceReading, i: usize) -> bool {
    // "this was a Russian strike", "it was a drone attack": the happening identified.
    let identified = (2..=5).any(|back| {
        i > back
            && matches!(s.low[i - back], "a" | "an")
            && matches!(s.low[i - back - 1], "was" | "is" | "were")
            && i - back >= 2
            && matches!(s.low[i - back - 2], "this" | "it" | "that")
    });
    if identified {
        return true;
    }
    (1..=3).any(|back| {
        i >= back
            && matches!(
                s.low[i - back],
                "the" | "this" | "these" | "that" | "those" | "such"
            )
            // "The governor said that Russian shelling …": "that" joins what is said.
            && !(s.low[i - back] == "that" && says_that(s, i - back))
            // "One such attack … this past December": one more of the kind, told anew.
            && !(s.low[i - back] == "such"
                && i > back
                && matches!(s.low[i - back - 1], "one" | "another"))
            // "The first attack …, a second attack": parts, not the whole told before.
            && !(counts_parts(s)
                && (i - back + 1..i).any(|k| {
                    matches!(s.low[k], "first" | "second" | "third" | "fourth")
                }))
            && (i - back + 1..i).all(|k| {
                !s.dates
                    .iter()
                    .any(|d| d.word <= k && s.words[k].end <= d.end)
                    && !s
                        .mentions
                        .iter()
                        .any(|m| m.from <= k && k < m.to && matches!(m.target, Target::Place(_)))
            })
    })
}

/// One event per family and clause; a specific cue wins over a generic one. A generic strike in
/// another clause stands only with a date of its own.
fn one_per_clause(s: &SentenceReading, found: &[Cued]) -> Vec<Cued> {
    let w = s.words;
    let mut chosen: Vec<Cued> = Vec::new();
    for t in found {
        let fam = family(t.cue.event_type);
        let clause = w[t.from].clause;
        if let Some(k) = chosen.iter().position(|c| {
            family(c.cue.event_type) == fam && slot(c.cue.event_type) == slot(t.cue.event_type)
        }) {
            let other = chosen[k];
            let other_clause = w[other.from].clause;
            let dated = |c: usize| s.dates.iter().any(|d| w[d.word].clause == c);
            // Two clauses, one with a date of its own, neither cue pointing back ("the
            // attack"): two happenings ("After attacks in late December …, the U.S.
            // conducted airstrikes").
            let points_back = |c: &Cued| !c.cue.specific && definite(s, c.from);
            let separate = clause != other_clause
                && (dated(clause) || dated(other_clause))
                && !points_back(t)
                && !points_back(&other)
                && t.cue.event_type != other.cue.event_type;
            // "artillery attacks and Russian airstrikes": two acts of their own kinds.
            let coordinated = t.cue.specific
                && other.cue.specific
                && t.cue.event_type != other.cue.event_type
                && (other.to..t.from).any(|k| s.low[k] == "and")
                && t.from - other.to <= 4;
            // "The first attack targeted …, with a second attack targeting …".
            let ordinal = |c: &Cued| {
                (c.from.saturating_sub(3)..c.from)
                    .find(|&k| {
                        matches!(
                            s.low[k],
                            "first" | "second" | "third" | "fourth" | "another"
                        )
                    })
                    .map(|k| s.low[k])
            };
            let counted_apart =
                ordinal(t).is_some() && ordinal(&other).is_some() && ordinal(t) != ordinal(&other);
            // "A late June attack killed 19 …, and an attack on an apartment building …":
            // each clause brings in a happening of its own.
            let introduced = |c: &Cued| {
                (c.from.saturating_sub(4)..c.from).any(|k| matches!(s.low[k], "a" | "an"))
            };
            let two_introduced = clause != other_clause && introduced(t) && introduced(&other);
            // "Other" gathers kinds that have nothing in common: "while drones were
            // conducting a mission, jets began harassing them" tells two.
            let two_others = fam == Some(Family::Other)
                && (t.cue.specific || other.cue.specific)
                && t.cue.words != other.cue.words;
            let separate = separate || coordinated || counted_apart || two_introduced || two_others;
            if separate {
                chosen.push(*t);
            } else if t.cue.specific && !other.cue.specific {
                chosen[k] = *t;
            }
            continue;
        }
        chosen.push(*t);
    }
    // An explosion beside a strike in its clause is what the strike did.
    let strikes: Vec<usize> = chosen
        .iter()
        .filter(|c| family(c.cue.event_type) == Some(Family::Strikes))
        .map(|c| w[c.from].clause)
        .collect();
    chosen.retain(|c| {
        !matches!(c.cue.words, "explosion" | "explosions" | "blast")
            || !strikes.contains(&w[c.from].clause)
    });
    chosen
}

/// "Killed" with no named person killed is a toll, not a killing: it belongs to the latest
/// strike or unrest told before ("four of its fighters were killed"), as an anaphor.
fn take_tolls(
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    chosen: &mut Vec<Cued>,
    anaphors: &mut Vec<(usize, &'static str)>,
) {
    let named_victim = |at: usize| {
        s.mentions
            .iter()
            .any(|m| m.from > at && m.from <= at + 5 && s.is_person(lexicon, m.target))
    };
    let mut tolls: Vec<Cued> = Vec::new();
    chosen.retain(|c| {
        let toll = c.cue.event_type == "killing" && !c.cue.specific && !named_victim(c.from);
        if toll {
            tolls.push(*c);
        }
        !toll
    });
    for toll in tolls {
        let before = earlier.iter().rev().find(|d| {
            matches!(
                family(d.event_type),
                Some(Family::Strikes) | Some(Family::Unrest)
            )
        });
        match before {
            Some(d) => anaphors.push((toll.from, d.event_type)),
            // With nothing told before it belongs to, a toll with a place of its own is a
            // happening: "Two Marines were killed in northern Iraq".
            None if placed_in_clause(s, toll.from) => chosen.push(toll),
            None => {}
        }
    }
    chosen.sort_by_key(|c| c.from);
}

/// Whether the clause of word `at` names a place.
fn placed_in_clause(s: &SentenceReading, at: usize) -> bool {
    s.mentions.iter().any(|m| {
        matches!(m.target, Target::Place(_)) && s.words[m.from].clause == s.words[at].clause
    })
}

/// The reporting verb that makes the sentence a statement, if any: a speaker who takes a stance
/// ("condemned", "warned", "called on"), or who says something that is not an act the sentence
/// tells ("Ryder said the strikes sent a clear message"). A speaker who only reports an act
/// ("Iraq's military said two rockets struck a base") makes no statement: it is the act's
/// reporter. The speaker must be someone: a named actor, the text's "we", or words that name a
/// person or body ("a spokesman", "the ministry"), not "sources" or "witnesses".
fn statement(
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
        }) || anaphors
            .iter()
            .any(|(at, ty)| f.covers(*at) && family(ty) != Some(Family::Diplomacy))
    };
    // What a speaker reports of violence (a toll, "shot down", "the fighting lasted") is the
    // act's account, not a statement.
    let violence_in = |f: &Frame| {
        s.figures.iter().any(|(k, _)| f.covers(*k))
            || (f.content.0..f.content.1).any(|k| VIOLENCE.contains(&s.low[k]))
    };
    frames
        .iter()
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
            )
        })
        .find(|f| (f.stance || !acts_in(f) && !violence_in(f)) && names_someone(s, f))
        .map(|f| f.verb)
}

/// Words of violence and its toll: what a speaker says with them reports an act.
const VIOLENCE: &[&str] = &[
    "killed",
    "dead",
    "died",
    "wounded",
    "injured",
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
/// attack", "after the strikes"): back over its noun phrase, a preposition.
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
    k > 0
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

/// Whether the speaker of `f` is someone: an actor, "we", a capitalised name, or a person or
/// body by its office.
fn names_someone(s: &SentenceReading, f: &Frame) -> bool {
    if f.actor.is_some() || f.first_person {
        return true;
    }
    let (from, to) = f.speaker;
    if to <= from
        || ANONYMOUS.contains(&s.low[from])
        || (from..to).any(|k| ANONYMOUS.contains(&s.low[k])) && to - from <= 3
        || from > 0 && s.low[from - 1] == "as"
    {
        return false;
    }
    (from..to).any(|k| {
        (s.words[k].capital && k > 0)
            || matches!(
                s.low[k],
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "minister"
                    | "ministry"
                    | "governor"
                    | "president"
                    | "commander"
                    | "official"
                    | "officials"
                    | "embassy"
                    | "government"
                    | "military"
                    | "army"
                    | "police"
                    | "secretary"
                    | "ambassador"
                    | "command"
                    | "department"
                    | "office"
                    | "council"
                    | "group"
                    | "rebels"
                    | "insurgents"
            )
    })
}
