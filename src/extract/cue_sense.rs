//! What a cue found in a sentence tells: whether it tells an act at all (not one planned,
//! named in general, qualifying a noun, a title's word, arms taken or victims named), and
//! the kind its clause gives it (an attack with drones is a drone strike; aircraft meeting
//! aircraft and missiles brought down are in `cue_craft`).

use super::cue_objects::{
    aboard_a_ship, arms_supplied, arms_taken, bomb_as_a_thing, bombs_did_harm, deployed_standing,
    fired_one, means_deployed, protesters_hit, seized_thing, sunk_by_someone,
};
use super::cue_scope::{ahead_in_clause, generic, hypothetical, irrealis, settlement};
use super::cues::{cue, Cue, Cued};
use super::grammar;
use super::lexicon::{Lexicon, Target};
use super::reading::SentenceReading;
use super::saying_words::PRESS;

/// An attack whose means the clause names: drones, missiles, rockets, aircraft or bombs.
static BY_DRONES: Cue = cue("drones", "drone-strike", true);
static BY_MISSILES: Cue = cue("missiles", "missile-attack", true);
static BY_ROCKETS: Cue = cue("rockets", "rocket-attack", true);
static BY_AIRCRAFT: Cue = cue("aircraft", "airstrike", true);

/// Armed forces storming a place: an attack, not a riot.
static STORMED_BY_FORCES: Cue = cue("stormed", "attack", true);

/// A call told with its day between the verb and "with": a meeting.
static SPOKE_DAY_WITH: Cue = cue("spoke with", "meeting", true);

/// A ship boarded or seized: a raid.
static SHIP_SEIZED: Cue = cue("seized", "raid", true);

/// Forces that arrived somewhere: a deployment, not a visit.
static FORCES_ARRIVED: Cue = cue("arrived in", "deployment", true);

/// The type a generic attack cue takes from the means its clause names within a few words
/// ("attacked the country overnight with 23 drones", "shot down 18 of the 23 drones"); and
/// the type a cue takes from armed forces right before it ("Taliban fighters stormed the
/// district" is an attack, "reinforcements have arrived in the district" a deployment).
pub(super) fn by_instrument(s: &SentenceReading, c: &Cued) -> Option<&'static Cue> {
    // "Fighters struck before dawn Monday on Nampala, storming the town": a participle after a
    // comma has the sentence's subject.
    let reach = if c.cue.words == "storming" && c.from > 0 && s.low[c.from - 1] != "by" {
        12
    } else {
        3
    };
    let forces_before = (c.from.saturating_sub(reach)..c.from).any(|k| {
        ARMED.contains(&s.low[k])
            || matches!(
                s.low[k],
                "reinforcements" | "soldiers" | "units" | "battalion"
            )
    });
    if forces_before && matches!(c.cue.words, "stormed" | "storming" | "storm") {
        return Some(&STORMED_BY_FORCES);
    }
    if forces_before && c.cue.words == "arrived in" {
        return Some(&FORCES_ARRIVED);
    }
    // "Revolutionary Guards seized a tanker in the Persian Gulf": a ship boarded and taken.
    let ship_after = || {
        (c.to..(c.to + 7).min(s.low.len())).any(|k| {
            s.words[k].clause == s.words[c.from].clause
                && matches!(
                    s.low[k],
                    "tanker"
                        | "tankers"
                        | "ship"
                        | "ships"
                        | "vessel"
                        | "vessels"
                        | "boat"
                        | "boats"
                )
        })
    };
    // "a U.S. naval ship captured a number of small boats": boats taken, a raid, no arrest.
    if matches!(c.cue.words, "seized" | "seizing" | "captured") && ship_after() {
        return Some(&SHIP_SEIZED);
    }
    if c.cue.event_type != "attack" || c.cue.specific {
        return None;
    }
    let clause = s.words[c.from].clause;
    // "Two suicide bombers who attacked a market": people, not aircraft.
    (c.from.saturating_sub(4)..(c.to + 8).min(s.low.len()))
        .filter(|&k| s.words[k].clause == clause)
        .filter(|&k| {
            !(matches!(s.low[k], "bombers" | "bomber") && k > 0 && s.low[k - 1] == "suicide")
        })
        .find_map(|k| instrument(s.low[k]))
}

/// Craft brought down whose owner the text names ("Russia said it destroyed 19 Ukrainian
/// drones over the annexed Crimean Peninsula", "air defenses shot down 18 Russian drones",
/// "shot down 15 of 20 Shahed drones launched by Russia"): the owner's attack, told by the
/// craft's word, whose qualifier did it. Destroyed craft count only when airborne ("over"
/// after them, or after "both" or "all"); a ground strike on craft ("destroyed three uncrewed
/// aerial vehicles") is the destroyer's.
pub(super) fn owners_attack(s: &SentenceReading, c: &Cued) -> Option<Cued> {
    let downing = matches!(
        c.cue.words,
        "shot down" | "intercepted" | "downed" | "destroyed" | "take down" | "took down"
    );
    if !downing {
        return None;
    }
    let clause = s.words[c.from].clause;
    // "Four unmanned aerial systems": drones by another name.
    let craft = |k: usize| {
        instrument(s.low[k]).or_else(|| {
            (matches!(s.low[k], "systems" | "vehicles") && k > 0 && s.low[k - 1] == "aerial")
                .then_some(&BY_DRONES)
        })
    };
    let mut k = ahead_in_clause(s, c, 5).find(|&k| craft(k).is_some())?;
    // "Shahed drones": the last word of the craft's name.
    let first = k;
    while k + 1 < s.low.len() && craft(k + 1).is_some() {
        k += 1;
    }
    let actor = |m: &&super::names::Mention| matches!(m.target, Target::Actor(_));
    // "19 Ukrainian drones", "56 Ukrainian unmanned aerial vehicles (UAVs)": the owner's word
    // before the craft's name.
    let craft_word = |j: usize| {
        craft(j).is_some()
            || matches!(
                s.low[j],
                "unmanned" | "uncrewed" | "aerial" | "attack" | "kamikaze" | "one-way" | "combat"
            )
    };
    // "20 Shahed drones launched by Russia", "42 drones and one of four missiles used by
    // Russia": the owner after "by", in the clause.
    let launched_by = (k + 1..(k + 9).min(s.low.len()))
        .take_while(|&j| s.words[j].clause == clause)
        .find(|&j| {
            matches!(s.low[j], "launched" | "fired" | "used" | "sent")
                && s.low.get(j + 1) == Some(&"by")
        });
    let owned = s.mentions.iter().filter(actor).any(|m| {
        m.from >= c.to && m.to <= k && (m.to..k).all(craft_word)
            || launched_by.is_some_and(|j| m.from >= j + 2 && m.from <= j + 5)
    });
    // Destroyed in the air ("over the Crimean Peninsula"), or on their way ("four Houthi drones
    // fired at a U.S. warship", "launched by Houthi terrorists"), not on the ground.
    // Air defences destroy what flies ("the air defense systems on duty destroyed 56
    // Ukrainian unmanned aerial vehicles").
    let air_defense = (c.from.saturating_sub(6)..c.from)
        .any(|j| s.low[j] == "air" && s.low.get(j + 1).is_some_and(|w| w.starts_with("defen")));
    // "two Ukrainian aerial drones, both over the Belgorod region": over a place, past "both".
    let over_past_both = s
        .low
        .get(k + 1)
        .is_some_and(|w| matches!(*w, "both" | "all"))
        && s.low.get(k + 2) == Some(&"over");
    let airborne = air_defense
        || over_past_both
        || matches!(
            s.low.get(k + 1),
            Some(&("over" | "fired" | "launched" | "aimed" | "heading" | "flying" | "used"))
        );
    if !owned || c.cue.words == "destroyed" && !airborne {
        return None;
    }
    Some(Cued {
        from: first,
        to: k + 1,
        cue: craft(k)?,
    })
}

/// The act a toll was dealt by, told after "by" ("were killed by a Turkish drone", "wounded by
/// Russian missiles"): the means' word as the cue, whose qualifier did it.
pub(super) fn by_means(s: &SentenceReading, c: &Cued) -> Option<Cued> {
    let by = c.to;
    if s.low.get(by) != Some(&"by") {
        return None;
    }
    let k = (by + 1..(by + 4).min(s.low.len()))
        .take_while(|&k| s.words[k].clause == s.words[c.from].clause)
        .find(|&k| instrument(s.low[k]).is_some())?;
    Some(Cued {
        from: k,
        to: k + 1,
        cue: instrument(s.low[k])?,
    })
}

/// The kind of attack a word names as its means, if any.
fn instrument(w: &str) -> Option<&'static Cue> {
    match w {
        "drone" | "drones" | "uav" | "uavs" | "shahed" | "shaheds" => Some(&BY_DRONES),
        "missile" | "missiles" | "asbm" | "asbms" | "ascm" | "ascms" => Some(&BY_MISSILES),
        "rocket" | "rockets" | "mortar" | "mortars" | "artillery" => Some(&BY_ROCKETS),
        "jets" | "warplanes" | "aircraft" | "bombers" | "helicopters" => Some(&BY_AIRCRAFT),
        _ => None,
    }
}

/// The type an attack takes from the means the sentence says it used, however far after it
/// ("today's horrific assault by Russia-backed separatists on civilian neighborhoods in
/// Mariupol, a peaceful city …, using Grad rocket systems").
pub(super) fn means_used(s: &SentenceReading, c: &Cued) -> Option<&'static Cue> {
    if c.cue.event_type != "attack" {
        return None;
    }
    let using = (c.to..(c.to + 30).min(s.low.len())).find(|&k| s.low[k] == "using")?;
    (using + 1..(using + 4).min(s.low.len())).find_map(|k| instrument(s.low[k]))
}

/// A second means joined to the one an attack cue `c` was typed by ("attacked the country
/// overnight with three guided missiles and four Shahed drones"): the attack of that kind too.
pub(super) fn second_instrument(s: &SentenceReading, c: &Cued) -> Option<&'static Cue> {
    let means: Vec<(usize, &'static Cue)> = ahead_in_clause(s, c, 12)
        .filter_map(|k| instrument(s.low[k]).map(|i| (k, i)))
        .collect();
    let (first, kind) = *means.first()?;
    if !std::ptr::eq(kind, c.cue) {
        return None;
    }
    means.iter().find_map(|&(k, other)| {
        (!std::ptr::eq(other, kind) && k - first <= 6 && (first..k).any(|j| s.low[j] == "and"))
            .then_some(other)
    })
}

/// The cues of `s`, longest first and not overlapping, in word order; none that is part of a
/// name, and none of what is not done ("planning more attacks", "would strike").
pub(super) fn cues_of(s: &SentenceReading, lexicon: &Lexicon) -> Vec<Cued> {
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
    // "Blinken spoke today with Kuleba", "spoke Tuesday with": the day between the verb and
    // "with" keeps the call a call.
    for i in 0..w.len() {
        if taken[i] || !matches!(low[i], "spoke" | "spoken" | "talked") {
            continue;
        }
        let Some(d) = s.dates.iter().find(|d| d.word == i + 1) else {
            continue;
        };
        let after = (i + 1..w.len()).find(|&k| w[k].start >= d.end);
        if let Some(k) = after.filter(|&k| low[k] == "with") {
            found.push(Cued {
                from: i,
                to: k + 1,
                cue: &SPOKE_DAY_WITH,
            });
        }
    }
    found.sort_by_key(|c| c.from);
    if heading(s) {
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
            && !arms_supplied(s, c)
            && !means_deployed(s, c)
            && !deployed_standing(s, c)
            // "Gunmen used two car bombs to blast their way into the compound": a means.
            && !(c.cue.words == "blast"
                && matches!(s.low.get(c.to), Some(&("their" | "its" | "his")))
                && s.low.get(c.to + 1) == Some(&"way"))
            && !protesters_hit(s, c)
            // "the African Union force that has battled al-Shabab in Somalia since 2007": a
            // campaign counted from its start, no one happening.
            && (!matches!(c.cue.words, "battled" | "fought") || fight_told(s, c))
            && (c.cue.words != "engaged" || forces_engaged(s, c))
            && (c.cue.words != "operation" || operation_to_take(s, c))
            && (!matches!(c.cue.words, "landmine" | "land mine") || mine_went_off(s, c))
            && !settlement(s, c)
            && !without_doer(s, c)
            && !hypothetical(s, c)
            && (!matches!(c.cue.words, "called" | "met") || called_someone(s, lexicon, c))
            // "The convoy was met with heavy gunfire": a reception, not a meeting.
            && !(c.cue.words == "met with" && c.from > 0 && grammar::is_be(s.low[c.from - 1]))
            && (c.cue.words != "attacking" || in_progress(s, c.from) || done_by(s, c.from))
            && (!matches!(c.cue.words, "response" | "responded") || security_response(s, c))
            && (c.cue.words != "violence" || violence_told(s, c))
            && (!matches!(
                c.cue.words,
                "fighting" | "battle" | "battles" | "gun battle" | "gunbattle"
            ) || fighting_told(s, c))
            && (!matches!(c.cue.words, "aboard" | "on board") || aboard_a_ship(s, c))
            && (!matches!(c.cue.words, "sank" | "sunk") || sunk_by_someone(s, c))
            // "Car bombs wounded 27 people": bombs that did harm, not bombs in general.
            && (!matches!(c.cue.words, "car bombs" | "bomb" | "bombs") || bombs_did_harm(s, c))
            && (!matches!(c.cue.words, "car bomb" | "bomb" | "bombs") || !bomb_as_a_thing(s, c))
    });
    // One missile or rocket is an act only when fired or striking; fired ("Houthi terrorists
    // fired one anti-ship ballistic missile"), the act is told from its verb.
    found.retain_mut(|c| {
        // "Houthi rebels fired two missiles at the vessel": missiles told from the verb too,
        // so that its subject fired them; missiles need no verb to be an act.
        if matches!(
            c.cue.words,
            "missiles" | "rockets" | "ballistic missiles" | "cruise missiles"
        ) {
            if let Some(Some(verb)) = fired_one(s, c) {
                c.from = verb;
            }
            return true;
        }
        if !matches!(c.cue.words, "missile" | "rocket") {
            return true;
        }
        match fired_one(s, c) {
            Some(verb) => {
                c.from = verb.unwrap_or(c.from);
                true
            }
            None => false,
        }
    });
    found
}

/// Whether "violence" (cue `c`) is a happening the text places, dates or ascribes: a place
/// behind "in", "around", "near" or "at", a date, or "perpetrated by" within a few words of it
/// in its clause ("the violence in and around El Fasher", "the violence perpetrated by armed
/// groups in Tripoli on Saturday 27 August"), and not violence called on to end ("reject
/// violence", "cease the horrific violence") nor its level ("a brief lull in violence").
fn violence_told(s: &SentenceReading, c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    let span = c.to..(c.to + 8).min(s.low.len());
    let in_span = |k: usize| span.contains(&k) && s.words[k].clause == clause;
    let placed = s.mentions.iter().any(|m| {
        matches!(m.target, Target::Place(_))
            && in_span(m.from)
            && (c.to..m.from).any(|k| matches!(s.low[k], "in" | "around" | "near" | "at"))
    });
    // "the overnight violence", "Sunday's violence": a date right before it.
    let dated = s.dates.iter().any(|d| {
        in_span(d.word)
            || d.word < c.from
                && d.end <= s.words[c.from].start
                && (d.word + 1..c.from).all(|k| s.words[k].start < d.end || s.low[k] == "s")
    });
    let ascribed = s.low.get(c.to) == Some(&"perpetrated");
    // "the violence that left at least two student demonstrators dead": it did harm.
    let harmed = (c.to..(c.to + 3).min(s.low.len())).any(|k| {
        matches!(
            s.low[k],
            "left" | "killed" | "leaving" | "killing" | "claimed"
        )
    });
    // "A brief lull in violence", "the rise in violence": its level, not a happening.
    let measured = c.from >= 2
        && matches!(s.low[c.from - 1], "in" | "of")
        && matches!(
            s.low[c.from - 2],
            "lull"
                | "rise"
                | "surge"
                | "increase"
                | "decline"
                | "spike"
                | "upsurge"
                | "escalation"
                | "cycle"
                | "wave"
                | "level"
                | "levels"
                | "reduction"
                | "drop"
                | "end"
        );
    let ended = (c.from.saturating_sub(4)..c.from).any(|k| {
        matches!(
            s.low[k],
            "end" | "reject" | "cease" | "stop" | "renounce" | "escalate" | "halt" | "against"
        )
    });
    (placed || dated || ascribed || harmed) && !ended && !measured
}

/// Whether "fighting" (cue `c`) is fighting the text places or dates ("a significant increase
/// in fighting in the Donbas, particularly focused around the town of Avdiivka"), not a side's
/// fight against another ("fighting Islamic State militants", "the fight against"), its kind
/// ("fighting positions") nor fighting called on to end.
fn fighting_told(s: &SentenceReading, c: &Cued) -> bool {
    let next = s.low.get(c.to).copied().unwrap_or("");
    let verb = c.from > 0
        && (grammar::is_be(s.low[c.from - 1])
            || matches!(
                s.low[c.from - 1],
                "been" | "continued" | "kept" | "began" | "started"
            ));
    let noun = !verb
        && !matches!(
            next,
            "against" | "positions" | "position" | "season" | "age" | "men" | "force" | "forces"
        )
        && !s.mentions.iter().any(|m| m.from == c.to);
    noun && violence_told(s, c)
}

/// Words for the forces that answer an attack on the spot.
const RESPONDERS: &[&str] = &[
    "forces",
    "services",
    "personnel",
    "troops",
    "police",
    "army",
    "military",
    "soldiers",
];

/// Whether "response" or "responded" (cue `c`) is security forces answering an attack on the
/// spot ("the response of the Somali security forces that quickly ended the attack", "security
/// personnel who responded to the situation"), not a reply in words or a response "to" in
/// general.
fn security_response(s: &SentenceReading, c: &Cued) -> bool {
    if c.cue.words == "response" {
        matches!(s.low.get(c.to), Some(&("of" | "by")))
            && (c.to + 1..(c.to + 6).min(s.low.len())).any(|k| RESPONDERS.contains(&s.low[k]))
    } else {
        c.from >= 2
            && s.low[c.from - 1] == "who"
            && (c.from.saturating_sub(5)..c.from - 1).any(|k| RESPONDERS.contains(&s.low[k]))
    }
}

/// Whether the "-ing" form at `at` is a verb in progress in the past ("were attacking"), not a
/// gerund ("accused of attacking", "capable of attacking") nor what a side is said to do now
/// ("the militias are attacking protesters").
fn in_progress(s: &SentenceReading, at: usize) -> bool {
    at > 0 && matches!(s.low[at - 1], "was" | "were" | "been")
}

/// Whether the "-ing" form at `at` tells how something was done, to a thing it brings in:
/// "this time by attacking a commercial vessel"; not "by attacking the historic port", which
/// names again a happening already told.
fn done_by(s: &SentenceReading, at: usize) -> bool {
    at > 0
        && s.low[at - 1] == "by"
        && s.words
            .get(at + 1)
            .is_some_and(|w| w.capital || matches!(s.low[at + 1], "a" | "an" | "two" | "three"))
}

/// Whether "called" is a call to someone, or "met" a meeting with someone: a person named
/// right after it, "him" or "her", or one by office ("called Prime Minister Mikati", "met
/// Prime Minister Tammam Salam", "called his counterpart", "met today with the Ethiopian Deputy
/// Prime Minister"); not "called on", "called for",
/// "called the attack a crime", "a group called X" or "were met by".
fn called_someone(s: &SentenceReading, lexicon: &Lexicon, c: &Cued) -> bool {
    // "I met today with the Ethiopian Deputy Prime Minister": past a date, and "with" after
    // "met".
    let mut at = c.to;
    if let Some(d) = s.dates.iter().find(|d| d.word == at) {
        while at < s.low.len() && s.words[at].start < d.end {
            at += 1;
        }
    }
    if c.cue.words == "met" && s.low.get(at) == Some(&"with") {
        at += 1;
        while s.low.get(at).is_some_and(|w| grammar::is_determiner(w)) {
            at += 1;
        }
    }
    let Some(next) = s.low.get(at) else {
        return false;
    };
    let person = s
        .mentions
        .iter()
        .any(|m| m.from == at && s.is_person(lexicon, m.target));
    // "the Ethiopian Deputy Prime Minister": an office, capitalised, in the words after.
    let office = (at..(at + 4).min(s.low.len())).all(|k| s.words[k].capital)
        && (at..(at + 4).min(s.low.len())).any(|k| {
            lexicon
                .titles
                .iter()
                .any(|t| t.last().map(String::as_str) == Some(s.low[k]))
        });
    let subject = c.from > 0 && !grammar::is_determiner(s.low[c.from - 1]);
    subject
        && (person
            || office
            || matches!(
                *next,
                "him"
                    | "her"
                    | "president"
                    | "prime"
                    | "foreign"
                    | "secretary"
                    | "chancellor"
                    | "king"
                    | "emir"
                    | "counterpart"
            )
            || *next == "his" && s.low.get(at + 1) == Some(&"counterpart")
            // "met with top security commanders", "met with tribal leaders": people met by
            // their office, as a body.
            || c.cue.words == "met" && (at..(at + 4).min(s.low.len())).any(|k| {
                s.words[k].clause == s.words[at].clause
                    && matches!(
                        s.low[k],
                        "commanders"
                            | "officials"
                            | "leaders"
                            | "ministers"
                            | "delegation"
                            | "delegations"
                            | "envoys"
                            | "counterparts"
                            | "elders"
                            | "representatives"
                    )
            }))
}

/// Words for armed forces that can be the doer of "struck" or "bombed".
const ARMED: &[&str] = &[
    "forces",
    "troops",
    "military",
    "militaries",
    "army",
    "aircraft",
    "jets",
    "warplanes",
    "bombers",
    "drones",
    "militants",
    "fighters",
    "gunmen",
    "insurgents",
    "rebels",
    "coalition",
    "navy",
    "force",
];

/// Whether "struck", "bombed", "targeted" or "rescued" lacks an armed doer as its subject: an
/// earthquake struck, a deal was struck, a chord struck, "the services who rescued civilians".
/// Active, an actor or armed forces right before it (past adverbs); passive, an actor after
/// "by".
fn without_doer(s: &SentenceReading, c: &Cued) -> bool {
    matches!(c.cue.words, "struck" | "bombed" | "targeted" | "rescued") && !armed_doer(s, c)
}

/// Whether cue `c` has an armed doer: active, an actor, armed forces or a weapon right before
/// it (past adverbs, and a verb joined by "and": "security forces shot and killed"); passive,
/// an actor after "by".
pub(super) fn armed_doer(s: &SentenceReading, c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    let mut k = c.from;
    while k > 0 && s.words[k - 1].clause == clause && grammar::is_adverb(s.low[k - 1]) {
        k -= 1;
    }
    if k >= 2
        && s.low[k - 1] == "and"
        && s.words[k - 2].clause == clause
        && (s.low[k - 2].ends_with("ed") || s.low[k - 2] == "shot")
    {
        k -= 2;
    }
    // "Sudan's Rapid Support Forces (RSF) targeted": a name in parentheses is its clause's.
    let closing = |b: usize| {
        s.words[b].clause + 1 == clause
            && s.text
                .get(s.words[b].end..s.words[b + 1].start)
                .is_some_and(|gap| gap.contains(')'))
    };
    let Some(before) = k
        .checked_sub(1)
        .filter(|&b| s.words[b].clause == clause || closing(b))
    else {
        return false;
    };
    if grammar::is_be(s.low[before]) {
        if s.low.get(c.to) == Some(&"by") {
            return s.mentions.iter().any(|m| {
                m.from > c.to && m.from <= c.to + 3 && matches!(m.target, Target::Actor(_))
            });
        }
        // "was struck for a second time in 24 hours, by one ASBM launched from …": a weapon
        // after a later "by".
        let end = (c.to + 10).min(s.low.len());
        return (c.to + 1..end).any(|k| {
            s.low[k] == "by"
                && (k + 1..(k + 4).min(s.low.len())).any(|j| instrument(s.low[j]).is_some())
        });
    }
    let actor = s
        .mentions
        .iter()
        .any(|m| m.to == before + 1 && matches!(m.target, Target::Actor(_)));
    // "The Israel Defense Forces said it struck Hezbollah targets": the speaker, again.
    let speaker_again = matches!(s.low[before], "it" | "they")
        && before > 0
        && matches!(s.low[before - 1], "said" | "says" | "announced" | "stated")
        && s.mentions
            .iter()
            .any(|m| m.to < before && matches!(m.target, Target::Actor(_)));
    // "A Russian missile then struck the café": the means, fired by someone.
    let weapon = instrument(s.low[before]).is_some()
        || matches!(
            s.low[before],
            "shell" | "shells" | "projectile" | "projectiles"
        );
    actor || speaker_again || weapon || ARMED.contains(&s.low[before])
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

/// Whether a meeting cue is speaking to the press ("spoke with reporters"), or the press
/// speaking with its sources ("VOA's Kawa Omar spoke with some of the Peshmerga fighters"): a
/// briefing or a reporter's work, told by what is said, not a meeting.
fn to_the_press(s: &SentenceReading, c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    let by_the_press = matches!(c.cue.words, "spoke with" | "spoke to" | "met" | "met with")
        && (0..c.from)
            .filter(|&k| s.words[k].clause == clause)
            .any(|k| PRESS.contains(&s.low[k]) || matches!(s.low[k], "reporter" | "correspondent"));
    // "spoke with South Sudan in Focus reporters": past a programme's name to the press.
    let mut k = c.to;
    while k < s.low.len()
        && k < c.to + 6
        && s.words[k].clause == clause
        && (s.words[k].capital || matches!(s.low[k], "in" | "of" | "the" | "s"))
    {
        k += 1;
    }
    let named_press = k > c.to && s.low.get(k).is_some_and(|w| PRESS.contains(w));
    c.cue.event_type == "meeting"
        && (by_the_press
            || named_press
            || s.low[c.to..(c.to + 2).min(s.low.len())]
                .iter()
                .any(|w| PRESS.contains(w) || matches!(*w, "you" | "us")))
}

/// Whether a generic cue is a capitalised word of a title mid-sentence ("the 2008 Strategic
/// Framework Agreement", "Resolution 2254"): it names a document, not an act. A summit so
/// named ("the NATO Warsaw Summit") is still a meeting held.
fn titled(s: &SentenceReading, c: &Cued) -> bool {
    !c.cue.specific
        && c.cue.words != "summit"
        && c.from > 0
        && (c.from..c.to).all(|k| s.words[k].capital)
}

/// Whether "battled" or "fought" (cue `c`) tells a fight: with an opponent after it ("battled
/// with Kurdish security forces", "fought al-Shabab", "fought off the attackers"), not counted
/// "since" a start ("the African Union force that has battled al-Shabab in Somalia since
/// 2007": a campaign) and not a tribute ("their loved ones fought and died bravely").
fn fight_told(s: &SentenceReading, c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    let since = (c.to..s.low.len()).any(|k| s.low[k] == "since" && s.words[k].clause == clause);
    let opponent = matches!(
        s.low.get(c.to),
        Some(&("with" | "against" | "off" | "back" | "the" | "a" | "an"))
    ) || s.words.get(c.to).is_some_and(|w| w.capital)
        || s.mentions.iter().any(|m| m.from == c.to);
    opponent && !since
}

/// Whether "engaged" is a fight with armed people, named next ("terrorists who engaged Somali
/// National Army partner forces on patrol"): not "engaged in talks", "engaged with partners",
/// nor craft engaged and shot down ("engaged six unmanned aerial vehicles").
fn forces_engaged(s: &SentenceReading, c: &Cued) -> bool {
    ahead_in_clause(s, c, 6).any(|k| {
        matches!(
            s.low[k],
            "forces" | "troops" | "soldiers" | "army" | "unit" | "patrol" | "police"
        )
    })
}

/// Whether an operation is one to seize or free people ("conducted an operation in Syria to
/// capture a senior leader", "an operation to rescue about 70 hostages"): a raid. An
/// operation of any other purpose tells no happening of its own kind.
fn operation_to_take(s: &SentenceReading, c: &Cued) -> bool {
    ahead_in_clause(s, c, 8).any(|k| {
        s.low[k] == "to"
            && s.low
                .get(k + 1)
                .is_some_and(|w| matches!(*w, "capture" | "rescue" | "free" | "arrest" | "detain"))
    })
}

/// Whether a landmine went off: hit, struck or stepped on ("their patrol vehicle hit a
/// landmine"), or its blast told ("a landmine explosion"); not mines laid, found or cleared.
fn mine_went_off(s: &SentenceReading, c: &Cued) -> bool {
    let before = (c.from.saturating_sub(3)..c.from).any(|k| {
        matches!(
            s.low[k],
            "hit" | "hits" | "struck" | "strikes" | "stepped" | "detonated" | "triggered"
        )
    });
    let blast = matches!(
        s.low.get(c.to),
        Some(&("explosion" | "explosions" | "blast" | "exploded" | "attack"))
    );
    before || blast
}

/// Whether sentence `s` is a heading, which tells nothing of its own: three words at most with
/// no verb in the past ("Patriot missiles"), or a subheading, a paragraph of its own of six
/// words at most, opening with a capital and closing without a full stop ("Indian engineers
/// kidnapped" above the paragraphs that tell of it, which tell what it names).
fn heading(s: &SentenceReading) -> bool {
    if s.words.len() <= 3 && !s.words.iter().any(|x| x.low.ends_with("ed")) {
        return true;
    }
    let (Some(first), Some(last)) = (s.words.first(), s.words.last()) else {
        return false;
    };
    let before = s.text[..first.start].trim_end_matches([' ', '\t']);
    let after = s.text[last.end..].split('\n').next().unwrap_or("");
    s.words.len() <= 6
        && first.capital
        && (before.is_empty() || before.ends_with('\n'))
        && after.trim().is_empty()
}

/// Nouns that a cue only qualifies ("strike locations", "attack helicopters", "missile defense
/// systems", "assault rifles", "assault guns"): no act is told.
pub(super) const QUALIFIED: &[&str] = &[
    "rifle",
    "rifles",
    "gun",
    "guns",
    "weapon",
    "weapons",
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
    "plotter",
    "plotters",
    "leader",
    "leaders",
];

/// Whether the cue `c` only qualifies the noun after it, or is the second half of a word made
/// with a prefix of time or opposition ("post-strike analysis", "anti-missile").
fn modifier(s: &SentenceReading, c: &Cued) -> bool {
    let prefixed = c.from > 0
        && matches!(s.low[c.from - 1], "post" | "pre" | "anti")
        && s.text.get(s.words[c.from - 1].end..s.words[c.from].start) == Some("-");
    // "Attack, bomber, fighter and remotely piloted aircraft conducted 11 strikes": kinds of
    // aircraft listed.
    let aircraft_listed = s.low[c.from] == "attack"
        && s.low
            .get(c.to)
            .is_some_and(|next| matches!(*next, "bomber" | "fighter" | "helicopter"));
    prefixed
        || aircraft_listed
        || s.low.get(c.to).is_some_and(|next| {
            QUALIFIED.contains(next) && s.words[c.to].clause == s.words[c.from].clause
        })
}
