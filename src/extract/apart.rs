//! Which cues of one family in a sentence tell happenings of their own: one event per family
//! and clause, unless the words set two apart (a date or place of each, "and" between two
//! kinds, an ordinal, a relative clause, an answer to an earlier act); and which tell part of
//! another act beside them or just before (a toll, a bomb as its means, a place taken in the
//! fighting, people held in a raid), dropped or folded into it.

use super::cues::Cued;
use super::dates::Found;
use super::families::{family, slot};
use super::grammar;
use super::lexicon::{Lexicon, Target};
use super::pointing::{definite, included};
use super::reading::SentenceReading;
use super::report::Report;
use crate::model::event_type::Family;

/// One event per family and clause; a specific cue wins over a generic one. A generic strike in
/// another clause stands only with a date of its own.
pub(super) fn one_per_clause(s: &SentenceReading, lexicon: &Lexicon, found: &[Cued]) -> Vec<Cued> {
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
            // "On August 9, gunmen killed …, and on August 10, three soldiers were killed
            // when their vehicle hit a landmine": each clause on a day of its own.
            let day = |c: usize| s.dates.iter().find(|d| dates_clause(s, d) == c);
            let days_apart = || {
                day(clause)
                    .zip(day(other_clause))
                    .is_some_and(|(a, b)| a.said != b.said)
            };
            // Two clauses, one with a date of its own, neither cue pointing back ("the
            // attack"): two happenings ("After attacks in late December …, the U.S.
            // conducted airstrikes").
            let points_back = |c: &Cued| !c.cue.specific && definite(s, c.from);
            let separate = clause != other_clause
                && (dated(clause) || dated(other_clause) || days_apart())
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
                    .find(|&k| grammar::is_ordinal(s.low[k]) || s.low[k] == "another")
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
            let two_others = fam == Some(Family::Other) && two_kinds_of_other(t, &other);
            let relative = t.from > other.from && in_relative_clause(s, t);
            // "car bomb attacks": a cue right after one chosen is the same phrase's head.
            let compound = chosen.iter().any(|c| c.to == t.from);
            let one_of_many = t.from > other.to && clause != other_clause && included(s, t.from);
            // "conducted an airstrike against al-Shabaab terrorists after they attacked
            // partner forces": a clause of its own, with its own subject, told after "after".
            let after_clause = t.from > other.to
                && (t.from.saturating_sub(4)..t.from).any(|k| {
                    s.low[k] == "after"
                        && (k + 1..t.from).any(|j| {
                            matches!(s.low[j], "they" | "he" | "she" | "militants" | "fighters")
                                || s.mentions.iter().any(|m| m.from == j)
                        })
                });
            let separate = separate
                || dated_each(s, &other, t)
                || one_of_many
                || phrases_joined(s, &other, t) && !compound
                || placed_apart(s, lexicon, clause, other_clause)
                || phrases_placed_apart(s, lexicon, &other, t)
                || answered(s, t)
                || answered(s, &other)
                || coordinated
                || counted_apart
                || two_introduced
                || two_others
                || relative
                || after_clause;
            // "Two soldiers were killed when a militia launched an attack", "… were killed when
            // al-Shabab attacked two bases", "… killed in another al-Shabab attack": the
            // attack is the happening, the killing its toll.
            let toll_before = other.cue.event_type == "killing"
                && !other.cue.specific
                && t.cue.event_type != "killing"
                && (t.cue.specific
                    || (t.from.saturating_sub(3)..t.from)
                        .any(|k| matches!(s.low[k], "a" | "an" | "another"))
                    || (other.to..t.from).any(|k| matches!(s.low[k], "when" | "after"))
                    // "were killed in Israeli strikes", "killed during an attack".
                    || t.from <= other.to + 3
                        && matches!(s.low.get(other.to), Some(&("in" | "by" | "during"))));
            // "He traveled to Nigeria for a meeting": the meeting is what the trip was for.
            let purpose = other.cue.event_type == "visit"
                && t.cue.event_type == "meeting"
                && (t.from.saturating_sub(3)..t.from).any(|k| s.low[k] == "for");
            if separate {
                chosen.push(*t);
            } else if t.cue.specific && !other.cue.specific || toll_before || purpose {
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

/// Whether two cues of the family "other" tell two happenings: it gathers kinds that have
/// nothing in common ("while drones were conducting a mission, jets began harassing them"),
/// but "overthrew the democratically elected Government, and seized power in a coup" is one.
fn two_kinds_of_other(t: &Cued, other: &Cued) -> bool {
    let coup = |c: &Cued| matches!(c.cue.words, "overthrew" | "coup" | "coup attempt");
    (t.cue.specific || other.cue.specific)
        && t.cue.words != other.cue.words
        && !(coup(t) && coup(other))
}

/// Whether two acts joined by "and" each bring in a date of their own, told right after each
/// ("the shooting of a pastor and his pregnant wife on June 1 and the killing of an imam … on
/// June 5"): two happenings, even in one clause. Each is a phrase of its own, opened by "the",
/// "a" or "an"; not a list of strikes counted by day ("air strikes May 25, two airstrikes June
/// 23 and 30").
fn dated_each(s: &SentenceReading, first: &Cued, then: &Cued) -> bool {
    let Some(and) = (first.to..then.from).find(|&k| s.low[k] == "and") else {
        return false;
    };
    let opened = |c: &Cued| {
        (c.from.saturating_sub(2)..c.from).any(|k| matches!(s.low[k], "the" | "a" | "an"))
    };
    let phrases = opened(first) && opened(then);
    let date_in = |from: usize, to: usize| s.dates.iter().find(|d| from <= d.word && d.word < to);
    phrases
        && date_in(first.to, and)
            .zip(date_in(then.to, then.to + 12))
            .is_some_and(|(a, b)| a.said != b.said)
}

/// People captured, detained or arrested within two sentences after a raid, the latest act
/// told, with no date of their own ("… conducted a helicopter raid early Thursday near …
/// Qamishli. … Two other associates were captured."): taken in the raid, pointed back to, not
/// an arrest of its own.
pub(super) fn held_in_the_raid(
    s: &SentenceReading,
    earlier: &[Report],
    chosen: &mut Vec<Cued>,
    anaphors: &mut Vec<(usize, &'static str)>,
) {
    let Some(raid) = earlier
        .last()
        .filter(|d| d.event_type == "raid" && d.sentence + 2 >= s.index)
    else {
        return;
    };
    fold_into(chosen, anaphors, raid.event_type, |c| {
        let clause = s.words[c.from].clause;
        c.cue.event_type == "arrest" && !s.dates.iter().any(|d| dates_clause(s, d) == clause)
    });
}

/// Moves the cues of `chosen` that `tells_it` accepts to `anaphors`, as more of the happening
/// of type `ty` told before.
pub(super) fn fold_into(
    chosen: &mut Vec<Cued>,
    anaphors: &mut Vec<(usize, &'static str)>,
    ty: &'static str,
    tells_it: impl Fn(&Cued) -> bool,
) {
    chosen.retain(|c| {
        let it = tells_it(c);
        if it {
            anaphors.push((c.from, ty));
        }
        !it
    });
}

/// Drops a bomb that is how an act told before it in the sentence was done ("Gunmen attacked
/// the base at Janaale … with a car bomb", "the militants used a suicide car bomb in the
/// assault", "Friday's early morning attack …, started with a suicide bombing"): the means,
/// not a happening of its own.
pub(super) fn drop_means_of_acts(
    s: &SentenceReading,
    chosen: &mut Vec<Cued>,
    anaphors: &[(usize, &'static str)],
) {
    let acts: Vec<usize> = chosen
        .iter()
        .filter(|c| {
            family(c.cue.event_type) == Some(Family::Strikes) && c.cue.event_type != "bombing"
        })
        .map(|c| c.from)
        .chain(
            anaphors
                .iter()
                .filter(|(_, ty)| family(ty) == Some(Family::Strikes))
                .map(|(at, _)| *at),
        )
        .collect();
    chosen.retain(|c| {
        if c.cue.event_type != "bombing" {
            return true;
        }
        let before =
            |words: &[&str]| (c.from.saturating_sub(3)..c.from).any(|k| words.contains(&s.low[k]));
        // A bomb used with any act of the sentence ("used a suicide car bomb in the assault"),
        // or one an act told before it was done with.
        let means = before(&["used", "using"]) && !acts.is_empty()
            || before(&["with"]) && acts.iter().any(|&a| a < c.from);
        !means
    });
}

/// Drops a place taken beside fighting told in the same sentence ("fierce clashes were
/// continuing in … Badghis where the Taliban fighters have taken control of … Bala Murghab
/// district during overnight fighting"): the taking is how the fighting went, one happening.
pub(super) fn drop_captures_in_fighting(chosen: &mut Vec<Cued>) {
    if !chosen.iter().any(|c| c.cue.event_type == "armed-clash") {
        return;
    }
    chosen.retain(|c| {
        !(c.cue.event_type == "other"
            && matches!(
                c.cue.words,
                "captured" | "took control of" | "taken control of" | "seized control of"
            ))
    });
}

/// "Killed" beside a strike or a raid, in the sentence or pointed back to, is what the strike
/// or raid did, unless dated apart from every strike beside it ("On August 9, gunmen killed
/// 10 civilians …, and on August 10, three Malian soldiers were killed … when their patrol
/// vehicle hit a landmine").
pub(super) fn drop_tolls_of_strikes(
    s: &SentenceReading,
    chosen: &mut Vec<Cued>,
    anaphors: &[(usize, &'static str)],
) {
    let toll_of_another = chosen.iter().any(|c| {
        family(c.cue.event_type) == Some(Family::Strikes) && c.cue.event_type != "killing"
            || c.cue.event_type == "raid"
    }) || anaphors
        .iter()
        .any(|a| family(a.1) == Some(Family::Strikes));
    if !toll_of_another {
        return;
    }
    let day_of = |c: &Cued| {
        let clause = s.words[c.from].clause;
        s.dates.iter().find(|d| dates_clause(s, d) == clause)
    };
    let strikes: Vec<Cued> = chosen
        .iter()
        .filter(|c| c.cue.event_type != "killing")
        .copied()
        .collect();
    let apart = |c: &Cued| {
        day_of(c).is_some_and(|d| {
            !strikes.is_empty()
                && strikes
                    .iter()
                    .all(|t| day_of(t).is_some_and(|e| e.said != d.said))
        })
    };
    chosen.retain(|c| c.cue.event_type != "killing" || apart(c));
}

/// The clause a date tells the time of: its own, or the next one when the date is set off
/// before it by a comma with nothing else ("…, and on August 10, three Malian soldiers were
/// killed").
fn dates_clause(s: &SentenceReading, d: &Found) -> usize {
    let clause = s.words[d.word].clause;
    let alone = s.date_fills_clause(d, |w| matches!(w, "and" | "on" | "then"));
    let next = s.words.iter().any(|x| x.clause == clause + 1);
    if alone && next {
        clause + 1
    } else {
        clause
    }
}

/// Whether clauses `a` and `b` each name a place, in places apart ("Today's bombing of the
/// election rally in Parwan province killed …, while the suicide attack in Kabul …").
fn placed_apart(s: &SentenceReading, lexicon: &Lexicon, a: usize, b: usize) -> bool {
    let place_in = |c: usize| {
        s.mentions.iter().find_map(|m| match m.target {
            Target::Place(p) if s.words[m.from].clause == c => Some(p),
            _ => None,
        })
    };
    a != b
        && match (place_in(a), place_in(b)) {
            (Some(p), Some(q)) => lexicon.apart(p, q),
            _ => false,
        }
}

/// Whether cues `a` and `b`, joined by "and" or "as well as", each name a place of their own
/// after them, neither within the other ("attacks against oil facilities in Jeddah as well as
/// attacks against civil facilities in Jizan", "a suicide bombing at a mall in Baghdad … and
/// two separate suicide attacks in Muqdadiyah"): two happenings, even in one clause.
pub(super) fn phrases_placed_apart(
    s: &SentenceReading,
    lexicon: &Lexicon,
    a: &Cued,
    b: &Cued,
) -> bool {
    let place_in = |from: usize, to: usize| {
        s.mentions.iter().find_map(|m| match m.target {
            Target::Place(p) if from <= m.from && m.from < to => Some((m.from, p)),
            _ => None,
        })
    };
    let Some((at, p)) = place_in(a.to, b.from) else {
        return false;
    };
    // The joiner opens the second phrase: "and two separate suicide attacks", not "in Gaza
    // and near Damascus after a barrage of rocket fire".
    let joined = (at..b.from).any(|k| {
        joiner_end(s, k).is_some_and(|after| {
            b.from >= after
                && b.from - after <= 3
                && (after..b.from).all(|j| !grammar::is_preposition(s.low[j]))
        })
    });
    joined && place_in(b.to, b.to + 8).is_some_and(|(_, q)| lexicon.apart(p, q))
}

/// The word after the joiner of two phrases at word `k`: "and", or "as well as".
fn joiner_end(s: &SentenceReading, k: usize) -> Option<usize> {
    if s.low[k] == "and" {
        Some(k + 1)
    } else {
        (s.low[k] == "as" && s.low.get(k + 1) == Some(&"well") && s.low.get(k + 2) == Some(&"as"))
            .then_some(k + 3)
    }
}

/// Whether the generic cue `c` is the verb of a relative clause ("an airstrike against
/// al-Shabaab terrorists who were attacking Somali forces"): an act of its own.
fn in_relative_clause(s: &SentenceReading, c: &Cued) -> bool {
    let who = (c.from.saturating_sub(3)..c.from)
        .rev()
        .find(|&k| matches!(s.low[k], "who" | "which"));
    // "Two suicide bombers who attacked a market": the bombers' act is the bombing itself.
    !c.cue.specific
        && who.is_some_and(|k| {
            !(k > 0 && matches!(s.low[k - 1], "bomber" | "bombers"))
                && (k + 1..c.from)
                    .all(|j| matches!(s.low[j], "were" | "was" | "had" | "have" | "been"))
        })
}

/// Whether cue `c` is what a response answers, dated by its own words ("airstrikes … in
/// response to the August 15 attacks against American forces"): a happening apart from the
/// answer.
fn answered(s: &SentenceReading, c: &Cued) -> bool {
    let opener = (c.from.saturating_sub(7)..c.from).find(|&k| {
        matches!(s.low[k], "response" | "retaliation" | "reprisal")
            && s.low.get(k + 1).is_some_and(|x| matches!(*x, "to" | "for"))
    });
    // "The rocket fire began in response to an Israeli airstrike that killed …": an act
    // brought in anew, dated or not.
    opener.is_some_and(|k| {
        s.dates.iter().any(|d| d.word > k && d.word < c.from)
            || (k + 2..c.from).any(|j| matches!(s.low[j], "a" | "an"))
    })
}

/// Whether cues `a` and `b` head two noun phrases joined by "and" or "as well as", each
/// with its determiner and the first with words of its own between ("both the ISIL attack
/// this morning at a crowded market place in Baghdad, and the car bomb attacks in Diyala
/// Province on Monday"): two happenings named side by side.
pub(super) fn phrases_joined(s: &SentenceReading, a: &Cued, b: &Cued) -> bool {
    let determiner = |w: &str| matches!(w, "the" | "a" | "an");
    // "yesterday's bombing of …": a possessive opens a phrase as a determiner does.
    let opens = |c: &Cued| {
        (c.from.saturating_sub(4)..c.from).any(|k| determiner(s.low[k]) || s.low[k] == "s")
            && (c.from.saturating_sub(4)..c.from).all(|k| !grammar::is_be(s.low[k]))
    };
    // The last joiner before the second phrase: "the shooting of a pastor and his wife on
    // June 1 and the killing of an imam on June 5".
    let Some(k) = (a.to..b.from).rfind(|&k| joiner_end(s, k).is_some()) else {
        return false;
    };
    let after = joiner_end(s, k).unwrap_or(k + 1);
    // Words of the first phrase's own: a date, a place or a preposition's object; no clause
    // ("attacks in West Africa that have occurred …, including the kidnapping … and the
    // murders": the second phrase is one of a list inside the first).
    let own_words = (a.to..k).any(|j| grammar::is_preposition(s.low[j]))
        || s.dates.iter().any(|d| d.word >= a.to && d.word < k);
    let clause_between = (a.to..k).any(|j| {
        matches!(
            s.low[j],
            "that" | "which" | "who" | "including" | "when" | "where"
        )
    });
    b.from > after
        && determiner(s.low[after])
        && b.from - after <= 4
        && (after + 1..b.from)
            .all(|j| !grammar::is_preposition(s.low[j]) && !grammar::is_be(s.low[j]))
        && opens(a)
        && own_words
        && !clause_between
        && a.to + 1 < k
}
