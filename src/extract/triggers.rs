//! Which events a sentence tells: the cues it holds (longest first, none inside a name, none
//! after "planning" or "would"), one event per family and clause (see `apart`), a toll ("four
//! were killed") given to the strike it belongs to, a statement when someone speaks, and the
//! words that point back at a happening already told ("the attack").

use super::apart::{
    drop_captures_in_fighting, drop_means_of_acts, drop_tolls_of_strikes, fold_into,
    held_in_the_raid, one_per_clause, phrases_joined, phrases_placed_apart,
};
use super::cue_craft::{interception, midair, INTERCEPTION, MIDAIR};
use super::cue_objects::{
    armed_assault, place_captured, taken_in_fighting, ARMED_ASSAULT, PLACE_CAPTURED,
    TAKEN_IN_FIGHTING,
};
use super::cue_sense::{
    armed_doer, by_instrument, by_means, cues_of, means_used, owners_attack, second_instrument,
};
use super::cues::{cue, Cue, Cued};
use super::dating::{date_of, EventDate};
use super::families::family;
use super::frames::{frames, named_by_noun, Frame};
use super::grammar;
use super::lexicon::{Lexicon, Target};
use super::pledges::pledged;
use super::pointing::{
    actor_possessive, be_before, dated_apart_by_year, dated_definite, dated_elsewhere,
    dated_possessive, definite, included, placed_elsewhere, told_again, told_when,
    victim_of_its_own,
};
use super::reading::{Reading, SentenceReading};
use super::report::{Report, Trigger};
use super::saying_words::joining;
use super::statements::{dated_sayings, statement};
use crate::model::event_type::Family;

/// A raid that kills or wounds: an attack.
static RAID_AS_ATTACK: Cue = cue("raided", "attack", true);

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
pub(super) fn told(
    reading: &Reading,
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    publisher: Option<Target>,
) -> Told {
    let frames = sayings(s, lexicon, publisher);
    let mut found = cues_of(s, lexicon);
    let cue_starts: Vec<usize> = found.iter().map(|c| c.from).collect();
    let mut anaphors = pointing_back(s, lexicon, earlier, &mut found, &cue_starts, &frames);
    // "Russia's assault on Ukraine is an unprovoked, premeditated attack": the act named
    // again by what it is said to be.
    found.retain(|c| !predicated(s, c, &cue_starts));
    let mut chosen = one_per_clause(s, lexicon, &found);
    raids_that_harm(s, &mut chosen);
    drop_tolls_of_strikes(s, &mut chosen, &anaphors);
    drop_means_of_acts(s, &mut chosen, &anaphors);
    // "these U.S. airstrikes destroyed the facilities", "a compound was destroyed in the
    // airstrike": what a strike told before did, not another attack.
    chosen.retain(|c| {
        !done_by_anaphor(s, &anaphors, c)
            && !told_again(s, c, &anaphors)
            && !told_when(s, c, &anaphors)
    });
    take_tolls(reading, s, lexicon, earlier, &mut chosen, &mut anaphors);
    taken_in_the_attack(s, earlier, &mut chosen, &mut anaphors);
    held_in_the_raid(s, earlier, &mut chosen, &mut anaphors);
    retype(s, lexicon, &mut chosen);
    drop_captures_in_fighting(&mut chosen);
    drop_manners(s, &mut chosen);
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
    // "Foreign Secretary Dominic Raab said:" and then what was said: the sentence after the
    // colon is the statement's, whatever else it tells.
    let after_colon = s.words.first().is_some_and(|w| {
        s.text[..w.start]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“'))
            .ends_with(':')
    });
    if after_colon
        && statement.is_none()
        && earlier
            .last()
            .is_some_and(|r| r.event_type == "statement" && r.sentence + 1 == s.index)
    {
        anaphors.push((0, "statement"));
    } else if statement.is_none()
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
        events.extend(statements_at(s, v, &frames));
    }
    // Statements of others named in passing with a date of their own.
    for k in dated_sayings(s, &frames) {
        if !events
            .iter()
            .any(|e| e.event_type == "statement" && e.from.abs_diff(k) <= 1)
        {
            events.push(Trigger {
                from: k,
                to: k + 1,
                event_type: "statement",
                cue: s.low[k].to_string(),
            });
        }
    }
    events.sort_by_key(|e| e.from);
    Told {
        events,
        cued: chosen.len(),
        anaphors,
        frames,
    }
}

/// The statement whose verb is word `v`, and the sayings it names of speakers of their own:
/// "The United States welcomes the Iraqi President's call for an immediate investigation" is
/// the United States' statement and the President's.
fn statements_at(s: &SentenceReading, v: usize, frames: &[Frame]) -> Vec<Trigger> {
    let said = |at: usize| Trigger {
        from: at,
        to: at + 1,
        event_type: "statement",
        cue: s.low[at].to_string(),
    };
    let main = frames.iter().find(|f| f.verb == v);
    let named = frames.iter().filter(|f| {
        f.verb != v
            && (named_by_noun(s, f) && main.is_some_and(|m| m.covers(f.verb)) || joined_by(s, f, v))
            && f.side.is_some()
            && main.is_some_and(|m| m.side != f.side)
    });
    std::iter::once(said(v))
        .chain(named.map(|f| said(f.verb)))
        .collect()
}

/// Whether frame `f` is the one joined in the stance of word `v` ("joins UNICEF in
/// condemning", "stands with Kenya in condemning"): its verb is the "join" or "stand" a few
/// words before.
fn joined_by(s: &SentenceReading, f: &Frame, v: usize) -> bool {
    let join = joining(s, f.verb).is_some_and(|reach| v <= f.verb + reach);
    f.verb < v && (join || f.joined) && f.content.0 <= v + 1
}

/// Takes out of `found` the cues that point back at a happening already told ("the attack",
/// "these strikes", "the deadliest attack"), and returns them as anaphors (word, type pointed
/// at): the sentence becomes another source of what they point at.
fn pointing_back(
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    found: &mut Vec<Cued>,
    cue_starts: &[usize],
    frames: &[Frame],
) -> Vec<(usize, &'static str)> {
    let mut anaphors = Vec::new();
    // The types of the cues pointing back so far.
    let mut named_again: Vec<&'static str> = Vec::new();
    found.retain(|c| {
        match points_back(s, lexicon, earlier, c, cue_starts)
            .or_else(|| reacted_to(s, lexicon, earlier, c, cue_starts, frames))
        {
            // "I condemn the widespread fighting in Juba and am shocked by the attacks on UN
            // bases": a second kind of the family with its target, of a type not told before,
            // names another happening.
            Some(points_at)
                if named_again
                    .iter()
                    .any(|&ty| family(ty) == family(points_at) && ty != c.cue.event_type)
                    && matches!(s.low.get(c.to), Some(&("on" | "against")))
                    && !earlier.iter().any(|d| d.event_type == points_at) =>
            {
                true
            }
            Some(points_at) => {
                anaphors.push((c.from, points_at));
                named_again.push(c.cue.event_type);
                false
            }
            None => true,
        }
    });
    anaphors
}

/// Drops from `chosen` a participle after a comma that tells how the act of the clause before
/// was done ("Fighters struck before dawn Monday on Nampala, storming the town"): one act.
fn drop_manners(s: &SentenceReading, chosen: &mut Vec<Cued>) {
    let manner: Vec<usize> = chosen
        .iter()
        .filter(|c| {
            s.low[c.from].ends_with("ing")
                && c.from > 0
                && s.words[c.from - 1].clause < s.words[c.from].clause
                && chosen.iter().any(|d| {
                    d.to <= c.from
                        && family(d.cue.event_type) == family(c.cue.event_type)
                        && d.cue.event_type != "statement"
                })
        })
        .map(|c| c.from)
        .collect();
    chosen.retain(|c| !manner.contains(&c.from));
}

/// The type of happening already told that a quoted reaction names with no date of its own
/// ("President Trump said, “Horrible and cowardly terrorist attack on innocent and defenseless
/// worshipers in Egypt”" after the attack on a mosque was told): a noun in what is said in
/// quotation marks, neither one more of its kind nor placed elsewhere.
fn reacted_to(
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    c: &Cued,
    cue_starts: &[usize],
    frames: &[Frame],
) -> Option<&'static str> {
    let clause = s.words[c.from].clause;
    let noun = !grammar::ends_as_verb(s.low[c.to - 1]);
    let before = &s.text[s.words[0].start..s.words[c.from].start];
    let count = |q: char| before.chars().filter(|&ch| ch == q).count();
    let open = count('“') > count('”') || count('"') % 2 == 1 || s.quoted && count('”') == 0;
    let quoted = open && frames.iter().any(|f| f.covers(c.from));
    let one_more = (c.from.saturating_sub(3)..c.from).any(|k| {
        matches!(
            s.low[k],
            "another" | "new" | "second" | "similar" | "more" | "such"
        )
    });
    let dated = s.dates.iter().any(|d| s.words[d.word].clause == clause);
    let told = earlier
        .iter()
        .rev()
        .find(|d| family(d.event_type) == family(c.cue.event_type))?;
    (noun
        && quoted
        && !one_more
        && !dated
        && !included(s, c.from)
        && !placed_elsewhere(s, lexicon, earlier, c, cue_starts))
    .then_some(told.event_type)
}

/// The type of happening already told that cue `c` points back to ("the attack", "these
/// strikes", "Monday's attack", "the raid" after an air strike), if it does.
fn points_back(
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    c: &Cued,
    cue_starts: &[usize],
) -> Option<&'static str> {
    let blast = matches!(s.low[c.to - 1], "explosion" | "explosions" | "blast");
    // "The raid" after an air strike is that strike, as a raid from the air.
    let raid = c.cue.event_type == "raid";
    let strike_before = |d: &Report| family(d.event_type) == Some(Family::Strikes);
    let before = earlier.iter().any(|d| {
        family(d.event_type) == family(c.cue.event_type) || (blast || raid) && strike_before(d)
    });
    // "Saraya Awliya al-Dam said it targeted the base": who aimed at what, of a strike told
    // before, when the clause gives no date of its own.
    let aimed = c.cue.words == "targeted"
        && !s
            .dates
            .iter()
            .any(|d| s.words[d.word].clause == s.words[c.from].clause);
    // "Precision airstrikes such as these": the kind of the ones told, no new one.
    let such_as_these = s
        .low
        .get(c.to..c.to + 3)
        .is_some_and(|w| matches!(w, ["such", "as", "these" | "this" | "those" | "that"]));
    let named = !included(s, c.from)
        && (definite(s, c.from)
            || such_as_these
            || dated_possessive(s, c.from)
            || dated_definite(s, earlier, c)
            || actor_possessive(s, c.from)
            || aimed);
    // "We will support Ukraine in the face of this assault" after "Russia's attack on
    // Ukraine": a demonstrative points at the act told last, whatever word names it.
    // "… who rescued hundreds of civilians and ended the assault": the armed attack told
    // before, when no crowd's assault was.
    let the_assault = c.cue.words == "assault" && definite(s, c.from);
    let shown = ((demonstrative(s, c.from) || the_assault) && acted(c.cue.event_type))
        .then(|| earlier.iter().rev().find(|d| acted(d.event_type)))
        .flatten();
    if let (false, Some(d)) = (before, shown) {
        return (!placed_elsewhere(s, lexicon, earlier, c, cue_starts)).then_some(d.event_type);
    }
    if !named
        || !before
        || placed_elsewhere(s, lexicon, earlier, c, cue_starts)
        || dated_apart_by_year(s, earlier, c)
        || dated_elsewhere(s, earlier, c, cue_starts)
        || victim_of_its_own(s, lexicon, earlier, c)
    {
        return None;
    }
    Some(if raid && !earlier.iter().any(|d| d.event_type == "raid") {
        "attack"
    } else {
        c.cue.event_type
    })
}

/// Who says what in sentence `s`: its attributions, or else, when it names no saying and
/// quotes no one, a pledge in its own voice.
fn sayings(s: &SentenceReading, lexicon: &Lexicon, publisher: Option<Target>) -> Vec<Frame> {
    let mut said = frames(s, lexicon);
    if said.is_empty() && !s.quoted {
        said.extend(pledged(s, lexicon, publisher));
    }
    said
}

/// Gives each cue the kind its clause tells (an interception, an attack by its means, one
/// aircraft hitting another, forces storming or arriving), then keeps one cue of a kind in a
/// clause: "reinforcements have arrived in" is one deployment. Kinds of "other" told by
/// different words stay apart.
fn retype(s: &SentenceReading, lexicon: &Lexicon, chosen: &mut Vec<Cued>) {
    // Cues of one type and clause kept apart already ("the murder of a Marine in Ekondo-Titi
    // on January 14 and the murder of a Gendarme in Wum on January 15"): two happenings.
    let key = |c: &Cued| (s.words[c.from].clause, c.cue.event_type);
    let kept_apart: Vec<usize> = chosen
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            chosen[..i].iter().any(|d| {
                key(d) == key(c)
                    && (phrases_joined(s, d, c) || phrases_placed_apart(s, lexicon, d, c))
            })
        })
        .map(|(_, c)| c.from)
        .collect();
    let mut more: Vec<Cued> = Vec::new();
    for c in chosen.iter_mut() {
        if let Some(attack) = owners_attack(s, c) {
            *c = attack;
        } else if interception(s, c) {
            c.cue = &INTERCEPTION;
        } else if armed_assault(s, lexicon, c) {
            c.cue = &ARMED_ASSAULT;
        } else if place_captured(s, c) {
            c.cue = &PLACE_CAPTURED;
        }
        if taken_in_fighting(s, c) {
            c.cue = &TAKEN_IN_FIGHTING;
        } else if let Some(typed) = by_instrument(s, c) {
            c.cue = typed;
            if let Some(second) = second_instrument(s, c) {
                more.push(Cued { cue: second, ..*c });
            }
        }
        if let Some(typed) = means_used(s, c) {
            c.cue = typed;
        }
        if midair(s, c) {
            c.cue = &MIDAIR;
        }
    }
    chosen.extend(more);
    let mut kept: Vec<(usize, &'static str)> = Vec::new();
    chosen.retain(|c| {
        let fresh =
            c.cue.event_type == "other" || !kept.contains(&key(c)) || kept_apart.contains(&c.from);
        kept.push(key(c));
        fresh
    });
}

/// Whether cue `c` tells what a strike pointed back at in its clause did: the strike as its
/// subject ("these U.S. airstrikes destroyed the facilities") or its means ("was destroyed in
/// the airstrike"), not one it came after ("after the strike, militants targeted a convoy").
fn done_by_anaphor(s: &SentenceReading, anaphors: &[(usize, &'static str)], c: &Cued) -> bool {
    if !matches!(
        c.cue.words,
        "destroyed" | "struck" | "hit" | "targeted" | "damaged"
    ) {
        return false;
    }
    let clause = s.words[c.from].clause;
    anaphors.iter().any(|&(at, ty)| {
        if family(ty) != Some(Family::Strikes) || s.words[at].clause != clause {
            return false;
        }
        let lead = &s.low[at.saturating_sub(4)..at];
        if at < c.from {
            !lead.iter().any(|w| {
                matches!(
                    *w,
                    "after" | "before" | "since" | "following" | "like" | "unlike" | "than"
                )
            })
        } else {
            at <= c.from + 6 && lead.iter().any(|w| matches!(*w, "in" | "by" | "during"))
        }
    })
}

/// Whether cue `c` is what a cue before it is said to be: "is" or "was", "a" or "an" and
/// only words of description between ("X's assault on Ukraine is an unprovoked, premeditated
/// attack"), or a second such naming after "but" ("This assassination was not just a brutal
/// assault on an individual, but a cowardly attack on the principles of democracy").
fn predicated(s: &SentenceReading, c: &Cued, cue_starts: &[usize]) -> bool {
    let described = |from: usize| {
        (from..c.from).all(|k| {
            !grammar::is_preposition(s.low[k])
                && !grammar::is_determiner(s.low[k])
                && !grammar::is_be(s.low[k])
        })
    };
    let Some(a) = (c.from.saturating_sub(5)..c.from)
        .rev()
        .find(|&k| matches!(s.low[k], "a" | "an") && described(k + 1))
    else {
        return false;
    };
    let be = be_before(s, a).or_else(|| {
        // "…, but a cowardly attack": named again after a naming before it.
        (a > 0 && s.low[a - 1] == "but")
            .then(|| {
                (0..a - 1)
                    .rev()
                    .find(|&k| matches!(s.low[k], "a" | "an") && be_before(s, k).is_some())
                    .and_then(|k| be_before(s, k))
            })
            .flatten()
    });
    be.is_some_and(|be| cue_starts.iter().any(|&d| d < be))
}

/// Whether the cue at word `i` follows "this" or "these", directly or past adjectives ("this
/// brutal assault").
fn demonstrative(s: &SentenceReading, i: usize) -> bool {
    (1..=3).any(|back| {
        i >= back
            && matches!(s.low[i - back], "this" | "these")
            && (i - back + 1..i).all(|k| {
                s.words[k].clause == s.words[i].clause
                    && !grammar::is_preposition(s.low[k])
                    && !grammar::is_be(s.low[k])
                    && !grammar::is_determiner(s.low[k])
            })
    })
}

/// Whether a report of type `ty` tells an act (a strike, an attack, unrest), not words or a
/// meeting.
fn acted(ty: &str) -> bool {
    matches!(
        family(ty),
        Some(Family::Strikes | Family::Unrest | Family::Security)
    )
}

/// "Killed" with no named person killed is a toll, not a killing: it belongs to the latest
/// strike or unrest told before ("four of its fighters were killed"), as an anaphor.
fn take_tolls(
    reading: &Reading,
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    chosen: &mut Vec<Cued>,
    anaphors: &mut Vec<(usize, &'static str)>,
) {
    // A person named right after "killed" in its clause, not one who says so after a comma
    // ("Two security guards were killed at an electricity substation, Governor Andriy
    // Raikovych said").
    let named_victim = |at: usize| {
        s.mentions.iter().any(|m| {
            m.from > at
                && m.from <= at + 5
                && s.words[m.from].clause == s.words[at].clause
                && s.is_person(lexicon, m.target)
        })
    };
    let mut tolls: Vec<Cued> = Vec::new();
    chosen.retain(|c| {
        let toll = c.cue.event_type == "killing" && !c.cue.specific && !named_victim(c.from);
        if toll {
            tolls.push(*c);
        }
        !toll
    });
    // Whether the sentence tells a happening besides its tolls, the one they would belong to.
    let others = !chosen.is_empty();
    for toll in tolls {
        // "At least 4,700 civilians have been killed since Russia invaded": a toll counted
        // over a span, of no one happening.
        let clause = s.words[toll.from].clause;
        if (0..s.low.len()).any(|k| s.low[k] == "since" && s.words[k].clause == clause) {
            continue;
        }
        // "forces in the raid killed 15 militants": a raid's toll too.
        let before = earlier.iter().rev().find(|d| {
            matches!(
                family(d.event_type),
                Some(Family::Strikes) | Some(Family::Unrest)
            ) || d.event_type == "raid"
        });
        match (before, by_means(s, &toll)) {
            // A toll dated apart from the happening told before ("In March, more than 30
            // people were killed …" after an attack on Friday) is a happening of its own.
            (Some(d), _) if dated_apart(reading, s, earlier, &toll, d) => chosen.push(toll),
            // "In a separate incident, two soldiers were killed Tuesday …": not the toll of
            // the happening before.
            (Some(_), _) if grammar::opens_apart(&s.low) => chosen.push(toll),
            (Some(d), _) => anaphors.push((toll.from, d.event_type)),
            // "Two SDF fighters were killed by a Turkish drone": the means tells the act.
            (None, Some(act)) => chosen.push(act),
            // With nothing told before it belongs to, a toll with a place of its own is a
            // happening: "Two Marines were killed in northern Iraq".
            (None, None) if placed_in_clause(s, toll.from) => chosen.push(toll),
            // "Sudanese security forces shot and killed five people": armed hands did it.
            (None, None) if armed_doer(s, &toll) => chosen.push(toll),
            // "one of the hostages killed by these vicious Hamas terrorists": killed by a
            // group or a state named after "by".
            (None, None) if killed_by_actor(s, lexicon, &toll) => chosen.push(toll),
            // "Over 170 Malians … were killed Saturday in the central Malian village of
            // Ogossagou": people said to have been killed on a date of their own are a
            // happening, wherever the gazetteer fails to place it, unless the sentence tells
            // what killed them ("In an unsuccessful coup attempt …, 265 people were killed").
            (None, None)
                if !others
                    && toll.from > 0
                    && (grammar::is_be(s.low[toll.from - 1]) || blast_before(s, &toll))
                    && toll_date(reading, s, earlier, &toll).own =>
            {
                chosen.push(toll)
            }
            (None, None) => {}
        }
    }
    chosen.sort_by_key(|c| c.from);
}

/// Whether toll `c` is followed by "by" and, within four words, a group or a state, not a
/// person ("killed by these vicious Hamas terrorists").
fn killed_by_actor(s: &SentenceReading, lexicon: &Lexicon, c: &Cued) -> bool {
    s.low.get(c.to) == Some(&"by")
        && s.mentions.iter().any(|m| {
            m.from > c.to
                && m.from <= c.to + 4
                && matches!(m.target, Target::Actor(_))
                && !lexicon.is_person(m.target)
        })
}

/// A raid that kills or wounds is an attack ("soldiers were killed when al-Shabab raided a
/// base"); a raid that detains is a raid, and so is one by a state's forces, whoever it kills
/// ("U.S. forces yesterday killed seven ... militants during a raid against a compound").
fn raids_that_harm(s: &SentenceReading, chosen: &mut [Cued]) {
    // Most sentences tell no raid: nothing to read then.
    if !chosen.iter().any(|c| c.cue.event_type == "raid") {
        return;
    }
    let casualties = s
        .low
        .iter()
        .any(|w| matches!(*w, "killed" | "wounded" | "injured" | "dead"));
    let by_forces = |c: &Cued| {
        (c.from.saturating_sub(14)..c.from).any(|k| {
            matches!(
                s.low[k],
                "forces" | "troops" | "commandos" | "police" | "policemen" | "soldiers"
            ) && !(k > 0 && matches!(s.low[k - 1], "on" | "against"))
                // "20 Somali government soldiers were killed … when al-Shabab raided": those
                // it hit.
                && !s.low.get(k + 1).is_some_and(|w| grammar::is_be(w))
        })
    };
    for c in chosen.iter_mut() {
        if c.cue.event_type == "raid" && casualties && !by_forces(c) {
            c.cue = &RAID_AS_ATTACK;
        }
    }
}

/// Whether a blast or explosion is the subject of the toll `toll` in its clause ("A blast at a
/// mosque in Khost killed 12 people on Sunday"): what killed them, wherever the gazetteer
/// fails to place it.
fn blast_before(s: &SentenceReading, toll: &Cued) -> bool {
    let clause = s.words[toll.from].clause;
    (0..toll.from).any(|k| {
        s.words[k].clause == clause
            && matches!(s.low[k], "blast" | "blasts" | "explosion" | "explosions")
    })
}

/// Nouns for a military post: "the base", "the camp", "the outpost".
const BASES: &[&str] = &[
    "base",
    "camp",
    "post",
    "outpost",
    "garrison",
    "barracks",
    "checkpoint",
    "center",
    "centre",
    "headquarters",
    "compound",
];

/// A place "the" text already named taken by force after an attack on it was told ("militants
/// attacked an army camp … Suspected jihadists briefly seized the base"): how that attack
/// went, pointed back to, not a happening of its own.
fn taken_in_the_attack(
    s: &SentenceReading,
    earlier: &[Report],
    chosen: &mut Vec<Cued>,
    anaphors: &mut Vec<(usize, &'static str)>,
) {
    let Some(attack) = earlier
        .iter()
        .rev()
        .find(|d| family(d.event_type) == Some(Family::Strikes))
    else {
        return;
    };
    fold_into(chosen, anaphors, attack.event_type, |c| {
        c.cue.event_type == "other"
            && matches!(
                c.cue.words,
                "seized" | "overran" | "captured" | "took control of"
            )
            && s.low.get(c.to) == Some(&"the")
            && s.low
                .iter()
                .skip(c.to + 1)
                .take(2)
                .any(|w| BASES.contains(w))
    });
}

/// Whether the toll `toll` has a date of its own that does not overlap the date of the
/// happening `before` told earlier.
fn dated_apart(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    toll: &Cued,
    before: &Report,
) -> bool {
    let own = toll_date(reading, s, earlier, toll);
    let plural = matches!(before.cue.as_str(), "attacks" | "strikes");
    match (own.own, own.date, &before.date) {
        // "ISK has perpetrated several deadly attacks … over the past few weeks. At least 50
        // people … were killed … in an explosion … on Friday": a day within the span of acts
        // told in the plural is one of them, a happening of its own.
        (true, Some(a), Some(b)) => {
            let (a, b) = (a.edtf.span(), b.edtf.span());
            !a.overlaps(&b) || plural && a.days() <= 2 && b.days() > 7
        }
        // "For months, … the reckless attacks being taken by the Houthis … Today, the Houthis
        // have killed innocent civilians": acts told undated, in the plural, are many; a toll
        // with a day of its own is one happening among them, or another.
        (true, Some(_), None) => plural,
        _ => false,
    }
}

/// The date the toll `toll` is given, and whether it is its own rather than one told before.
fn toll_date(reading: &Reading, s: &SentenceReading, earlier: &[Report], toll: &Cued) -> EventDate {
    let e = Trigger {
        from: toll.from,
        to: toll.to,
        event_type: toll.cue.event_type,
        cue: String::new(),
    };
    date_of(reading, s, earlier, &e, (false, false), None, None)
}

/// Whether the clause of word `at` names a place.
fn placed_in_clause(s: &SentenceReading, at: usize) -> bool {
    s.mentions.iter().any(|m| {
        matches!(m.target, Target::Place(_)) && s.words[m.from].clause == s.words[at].clause
    })
}
