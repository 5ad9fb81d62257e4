//! What a cue falls on, and so whether it tells a happening and of what kind: arms taken,
//! supplied or people seized, means of attack deployed, protesters attacked, a place or a ship
//! seized, a country or people assaulted by armed hands, a ship one is on board; and what
//! weapons did: one missile fired or striking, car bombs that did harm.

use super::cues::{self, cue, Cue, Cued};
use super::grammar;
use super::lexicon::{Lexicon, Target};
use super::reading::SentenceReading;

/// An assault by armed hands, or on a country or on people: an attack.
pub(super) static ARMED_ASSAULT: Cue = cue("assault", "attack", true);

/// Whether the assault of cue `c` is an armed attack ("Russia's assault on Ukraine", "this
/// assault against Israel by Hamas terrorists", "the terrorists' continued assaults against the
/// residents", "al-Shabab fighters stormed Garissa University College", an assault that left
/// soldiers wounded), not a crowd storming
/// a compound ("assaults on the U.S. Embassy", "protesters tried to storm the offices").
pub(super) fn armed_assault(s: &SentenceReading, lexicon: &Lexicon, c: &Cued) -> bool {
    if c.cue.event_type != "assault" || matches!(c.cue.words, "riot" | "rioters") {
        return false;
    }
    let clause = s.words[c.from].clause;
    let in_clause = |k: usize| s.words[k].clause == clause;
    let armed = |w: &str| {
        matches!(
            w,
            "terrorists"
                | "terrorist"
                | "militants"
                | "fighters"
                | "gunmen"
                | "insurgents"
                | "military"
                | "troops"
                | "army"
                | "attackers"
                | "assailants"
                | "separatists"
                | "rebels"
                | "jihadists"
                | "extremists"
        )
    };
    let by_arms = (0..s.low.len()).any(|k| in_clause(k) && armed(s.low[k]));
    // "The Houthi assaults", "Russia's assault on the industrial heartland of Donbas": an
    // armed group, an armed force or a state qualifies it.
    // A crowd that storms ("supporters of an Iran-backed militia stormed") is no qualifier.
    // "The Taliban has assaulted two districts": an armed side the subject of the verb.
    let noun = matches!(c.cue.words, "assault" | "assaults");
    let verb = c.cue.words == "assaulted";
    let by_armed_side = (noun || verb)
        && s.mentions.iter().any(|m| {
            let before = if noun {
                m.to == c.from || m.to + 1 == c.from && s.low[m.to] == "s"
            } else {
                m.to <= c.from && (m.to..c.from).all(|k| grammar::is_have(s.low[k]))
            };
            // "the latest assault by the Rapid Support Forces": the armed side after "by".
            let by = noun && m.from > c.to && m.from <= c.to + 3 && s.low[c.to] == "by";
            // "The RSF launched an assault on El Fasher": the armed side launched it.
            let launched = noun
                && m.to < c.from
                && (m.to..c.from).any(|k| matches!(s.low[k], "launched" | "launches" | "began"))
                && c.from - m.to <= 4;
            (before || by || launched)
                && matches!(m.target, Target::Actor(a)
                if matches!(
                    lexicon.actors.get(a).and_then(|x| x.kind.as_deref()),
                    Some("armed group" | "armed groups" | "armed force" | "state")
                ))
        });
    // What is assaulted: the words after "on" or "against" right after the cue.
    let object = (c.to..(c.to + 2).min(s.low.len()))
        .find(|&k| matches!(s.low[k], "on" | "against"))
        .map(|k| k + 1);
    let on_people_or_country = object.is_some_and(|o| {
        let head = (o..(o + 4).min(s.low.len())).any(|k| {
            matches!(
                s.low[k],
                "residents" | "civilians" | "people" | "members" | "positions" | "villages"
            )
        });
        let country = s.mentions.iter().any(|m| {
            m.from >= o
                && m.from <= o + 1
                && matches!(m.target, Target::Place(p)
                    if lexicon.places[p].kind.as_deref() == Some("country"))
        });
        head || country
    });
    // "The assault on Friday … left more than 20 soldiers wounded": soldiers killed or
    // wounded in it; "killing almost 150 people in an assault on Garissa University College":
    // people killed in it.
    let soldiers_hit = s.low.iter().any(|w| {
        matches!(
            *w,
            "soldiers" | "troops" | "servicemen" | "policemen" | "officers" | "personnel"
        )
    }) && s
        .low
        .iter()
        .any(|w| matches!(*w, "killed" | "wounded" | "injured" | "dead"));
    let people_killed = matches!(c.cue.words, "assault" | "assaults")
        && s.figures.iter().any(|(_, f)| f.what == "killed");
    by_arms || by_armed_side || on_people_or_country || soldiers_hit || people_killed
}

/// Whether a bare weapon cue names arms destroyed, seized or found ("destroyed over 130
/// mortars and rockets", "rockets … were also seized"), or "destroyed" counts them ("destroyed
/// more than 600 IEDs"): things taken in an operation, not an attack.
pub(super) fn arms_taken(s: &SentenceReading, c: &Cued) -> bool {
    // "Destroyed over 130 mortars and rockets": a tally of arms, not a strike. What is
    // engaged, or counted as craft and launchers ("engaged and destroyed four unmanned aerial
    // systems", "destroyed three uncrewed aerial vehicles"), was struck.
    let engaged = (c.from.saturating_sub(3)..c.from).any(|k| s.low[k] == "engaged")
        || (c.to..(c.to + 6).min(s.low.len())).any(|k| {
            matches!(
                s.low[k],
                "unmanned"
                    | "uncrewed"
                    | "uav"
                    | "uavs"
                    | "drone"
                    | "drones"
                    | "boats"
                    | "vessels"
                    | "launchers"
                    | "radars"
            )
        });
    // "destroyed more than 600 IEDs": a number, counted noun or not; not one thing ("destroyed
    // an Iranian-backed Houthi missile system").
    let tally = c.cue.words == "destroyed"
        && !engaged
        && (c.to..(c.to + 3).min(s.low.len())).any(|k| {
            s.figures
                .iter()
                .any(|(w, _)| *w == k && !matches!(s.low[k], "a" | "an"))
                || cues::number_word(s.low[k]).is_some()
                || s.low[k].bytes().all(|b| b.is_ascii_digit())
        });
    let taking = |w: &str| {
        matches!(
            w,
            "destroyed" | "seized" | "captured" | "confiscated" | "recovered" | "found"
        )
    };
    // "Dozens of firearms, rockets and improvised explosive devices … were also seized".
    let taken_there = |k: usize| {
        taking(s.low[k])
            && (k >= 1 && grammar::is_be(s.low[k - 1])
                || k >= 2 && grammar::is_adverb(s.low[k - 1]) && grammar::is_be(s.low[k - 2]))
    };
    let taken_after = (c.to..(c.to + 12).min(s.low.len())).any(taken_there);
    tally
        || !c.cue.specific
            && matches!(c.cue.words, "rockets" | "missiles")
            && ((c.from.saturating_sub(6)..c.from).any(|k| {
                taking(s.low[k])
                    || matches!(s.low[k], "cache" | "caches" | "stockpile" | "stockpiles")
            }) || taken_after)
}

/// Whether "deployed" falls on means of attack rather than forces ("It has deployed bomb
/// attacks against government, military and civilian targets"): acts used, not a deployment.
pub(super) fn means_deployed(s: &SentenceReading, c: &Cued) -> bool {
    c.cue.words == "deployed"
        && (c.to..(c.to + 3).min(s.low.len())).any(|k| {
            matches!(
                s.low[k],
                "attacks" | "bombs" | "bombings" | "ieds" | "explosives" | "tactics" | "weapons"
            )
        })
}

/// Whether "deployed" tells a standing state in the present ("USS Mason is deployed as part
/// of the Eisenhower Carrier Strike Group"): where forces are, not forces sent.
pub(super) fn deployed_standing(s: &SentenceReading, c: &Cued) -> bool {
    c.cue.words == "deployed" && c.from > 0 && matches!(s.low[c.from - 1], "is" | "are")
}

/// Whether a weapon named bare ("ballistic missiles", "rockets") is supplied rather than fired
/// ("Iran has provided the Houthis with ballistic missiles", "the provision of ballistic
/// missiles", "smuggling rockets into Gaza"): arms passed on, not an attack.
pub(super) fn arms_supplied(s: &SentenceReading, c: &Cued) -> bool {
    if !matches!(
        c.cue.words,
        "missiles" | "rockets" | "ballistic missiles" | "cruise missiles"
    ) {
        return false;
    }
    let clause = s.words[c.from].clause;
    (c.from.saturating_sub(6)..c.from).any(|k| {
        s.words[k].clause == clause
            && matches!(
                s.low[k],
                "provided"
                    | "providing"
                    | "provision"
                    | "supplied"
                    | "supplying"
                    | "supply"
                    | "supplies"
                    | "shipment"
                    | "shipments"
                    | "shipped"
                    | "smuggled"
                    | "smuggling"
                    | "transfer"
                    | "transfers"
                    | "transferred"
                    | "delivered"
                    | "delivery"
                    | "deliveries"
                    | "sold"
                    | "sale"
                    | "sales"
                    | "arming"
            )
    })
}

/// Whether a protest cue names the victims of violence ("attacking protesters", "it targeted
/// a peaceful demonstration") or a right ("the right to peaceful protest"): the protest is
/// not what the sentence tells.
pub(super) fn protesters_hit(s: &SentenceReading, c: &Cued) -> bool {
    if c.cue.event_type != "protest" {
        return false;
    }
    let before = c.from.saturating_sub(3)..c.from;
    if before
        .clone()
        .any(|k| s.low[k] == "right" && s.low.get(k + 1) == Some(&"to"))
    {
        return true;
    }
    if matches!(c.cue.words, "protesters" | "demonstrators") {
        return (c.from.saturating_sub(2)..c.from).any(|k| {
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
        });
    }
    // "it targeted a peaceful demonstration": a determiner and a word of description between;
    // not "killed during a protest", a protest where people were killed.
    before.into_iter().any(|k| {
        matches!(
            s.low[k],
            "attacking" | "attacked" | "targeting" | "targeted"
        )
    })
}

/// "Captured" taking a place, not people ("the Taliban captured the city of Kunduz"): territory
/// taken, a happening of its own kind, not an arrest.
pub(super) static PLACE_CAPTURED: Cue = cue("captured", "other", true);

/// Whether the arrest cue `c` is "captured" with a place after it: see [`PLACE_CAPTURED`].
pub(super) fn place_captured(s: &SentenceReading, c: &Cued) -> bool {
    c.cue.words == "captured" && (place_after(s, c, true) || name_after(s, c) || place_before(s, c))
}

/// A place taken "following days of intense fighting" or "after heavy fighting": the fight
/// the taking ended, one armed clash with its outcome (territory taken is among the battles,
/// as ACLED counts them).
pub(super) static TAKEN_IN_FIGHTING: Cue = cue("taken in fighting", "armed-clash", true);

/// Whether the taking cue `c` ("seized control of", "regained full control of", "captured",
/// "overran") is followed in its sentence by "following" or "after" and, within a few words,
/// the fighting it ended ("after heavy fighting with Afghan forces", "following days of deadly
/// fighting with the Taliban").
pub(super) fn taken_in_fighting(s: &SentenceReading, c: &Cued) -> bool {
    let taking = c.cue.event_type == "other"
        && (matches!(
            c.cue.words,
            "captured" | "seized" | "recaptured" | "overran"
        ) || c.cue.words.ends_with("control of"));
    let end = (c.to + 14).min(s.low.len());
    taking
        && (c.to..end).any(|k| {
            matches!(s.low[k], "following" | "after")
                && (k + 1..(k + 6).min(end)).any(|j| {
                    matches!(
                        s.low[j],
                        "fighting" | "clashes" | "battle" | "battles" | "firefight" | "gunfight"
                    )
                })
        })
}

/// Whether a place told by its kind comes before cue `c` as what a relative clause took ("a
/// military camp they reportedly captured from Hadi's forces").
fn place_before(s: &SentenceReading, c: &Cued) -> bool {
    (c.from.saturating_sub(4)..c.from).any(|k| {
        place_kind(s.low[k])
            && matches!(
                s.low.get(k + 1),
                Some(&("they" | "it" | "which" | "that" | "he" | "she"))
            )
    })
}

/// Words for a place by its kind ("base", "town", "territory", "control").
fn place_kind(w: &str) -> bool {
    matches!(
        w,
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
}

/// Whether a name the gazetteer lacks and no actor's follows cue `c` ("recaptured Awdhegle
/// from al-Shabab", "captured Barire"): a place.
fn name_after(s: &SentenceReading, c: &Cued) -> bool {
    // "U.S. forces captured Umm Sayyaf, who …", "captured Abu Sayyaf": a person.
    let mut end = c.to;
    while s.words.get(end).is_some_and(|w| w.capital) {
        end += 1;
    }
    let person = s.low.get(end) == Some(&"who")
        || s.low
            .get(c.to)
            .is_some_and(|w| matches!(*w, "abu" | "umm" | "sheikh" | "mullah"));
    s.words.get(c.to).is_some_and(|w| w.capital)
        && !s.mentions.iter().any(|m| m.from == c.to)
        && !person
}

/// Whether a place, named or told by its kind ("base", "town", "territory", "control"),
/// follows cue `c` within a few words; with `taken`, only as what it takes, before any
/// preposition but "of" ("the city of Kunduz"): "captured three suspects in Kabul" took
/// people, in a place.
fn place_after(s: &SentenceReading, c: &Cued, taken: bool) -> bool {
    let object = (c.to..(c.to + 5).min(s.low.len()))
        .take_while(|&k| !taken || s.low[k] == "of" || !grammar::is_preposition(s.low[k]));
    object.into_iter().any(|k| {
        s.mentions
            .iter()
            .any(|m| m.from == k && matches!(m.target, Target::Place(_)))
            || place_kind(s.low[k])
    })
}

/// Whether a seizure cue takes a thing rather than a place ("seized a number of rocket
/// launchers"): seizing a base, town or territory is a happening, seizing arms is part of a raid.
pub(super) fn seized_thing(s: &SentenceReading, c: &Cued) -> bool {
    if !matches!(c.cue.words, "seized" | "seizing" | "recaptured") {
        return false;
    }
    let place_after = place_after(s, c, false);
    let name_after = name_after(s, c);
    // People seized ("soldiers who were seized by militants", "gunmen seized 20 workers"):
    // taken captive.
    let people = |k: usize| {
        matches!(
            s.low[k],
            "soldiers"
                | "troops"
                | "people"
                | "civilians"
                | "hostages"
                | "workers"
                | "crew"
                | "sailors"
                | "policemen"
                | "students"
                | "tourists"
                | "journalists"
        )
    };
    let passive = (c.from.saturating_sub(2)..c.from).any(|k| grammar::is_be(s.low[k]));
    let around = if passive {
        c.from.saturating_sub(8)..c.from
    } else {
        c.to..(c.to + 4).min(s.low.len())
    };
    // "a vessel … and a 12-man crew was seized": the ship, told as a raid.
    let craft = (c.from.saturating_sub(14)..(c.to + 4).min(s.low.len())).any(|k| {
        matches!(
            s.low[k],
            "vessel" | "vessels" | "ship" | "ships" | "tanker" | "tankers" | "boat" | "boats"
        )
    });
    let people_seized =
        matches!(c.cue.words, "seized" | "seizing") && !craft && around.into_iter().any(people);
    // "seizing two commercial tankers": a ship taken, a raid (see `by_instrument`).
    let ship_after = c.cue.words == "seizing" && craft;
    !place_after && !name_after && !people_seized && !ship_after
}

/// Whether "sank" or "sunk" tells a ship sunk by someone: "sank the MV Rubymar", "was sunk by
/// a missile", not a ship that sank ("which sunk earlier this week").
pub(super) fn sunk_by_someone(s: &SentenceReading, c: &Cued) -> bool {
    match c.cue.words {
        "sank" => s.words.get(c.to).is_some_and(|w| {
            w.capital || matches!(s.low[c.to], "the" | "a" | "an" | "two" | "three" | "its")
        }),
        _ => c.from > 0 && grammar::is_be(s.low[c.from - 1]),
    }
}

/// Whether "aboard" or "on board" is a visit to a ship: a name or a word for a ship after
/// it ("on board the USS Harry S. Truman"), not riding a vehicle ("the insurgents were
/// aboard two Afghan army vehicles"), nor saying where those it follows were ("killed three
/// seafarers aboard the MV True Confidence").
pub(super) fn aboard_a_ship(s: &SentenceReading, c: &Cued) -> bool {
    let crew = c.from > 0
        && matches!(
            s.low[c.from - 1],
            "seafarers"
                | "sailors"
                | "mariners"
                | "crew"
                | "crewmembers"
                | "members"
                | "passengers"
                | "people"
                | "persons"
                | "hostages"
        );
    !crew
        && (c.to..(c.to + 4).min(s.low.len())).any(|k| {
            matches!(
                s.low[k],
                "uss" | "hms" | "ship" | "carrier" | "vessel" | "destroyer" | "frigate" | "cruiser"
            ) || s.words[k].capital && !matches!(s.low[k], "afghan" | "iraqi" | "u.s" | "u.s.")
        })
        && !(c.to..(c.to + 5).min(s.low.len())).any(|k| {
            matches!(
                s.low[k],
                "vehicle" | "vehicles" | "truck" | "trucks" | "bus"
            )
        })
}

/// Whether the bombs of cue `c` are told doing harm right after it ("car bombs wounded 27
/// people", "two car bombs exploded"), not named in passing ("used two car bombs to blast
/// their way in").
pub(super) fn bombs_did_harm(s: &SentenceReading, c: &Cued) -> bool {
    s.low.get(c.to).is_some_and(|w| {
        matches!(
            *w,
            "killed"
                | "wounded"
                | "injured"
                | "exploded"
                | "struck"
                | "hit"
                | "ripped"
                | "tore"
                | "targeted"
        )
    }) || s.low.get(c.to..c.to + 2) == Some(&["went", "off"][..])
}

/// Whether the car bomb of cue `c` is a thing struck or found, not a bombing: named among what
/// strikes destroyed ("destroyed seven fighting positions, three vehicles, a car bomb"), a
/// place where they are made ("a car bomb factory"), or found and made safe.
pub(super) fn bomb_as_a_thing(s: &SentenceReading, c: &Cued) -> bool {
    let made_there = s
        .low
        .get(c.to)
        .is_some_and(|w| matches!(*w, "factory" | "factories" | "facility" | "workshop"));
    let handled = (c.from.saturating_sub(12)..c.from).any(|k| {
        matches!(
            s.low[k],
            "destroyed" | "damaged" | "seized" | "found" | "discovered" | "defused" | "dismantled"
        )
    });
    made_there || handled
}

/// Whether the missile or rocket of cue `c` is said, right after it, to have been fired: "an
/// anti-ship ballistic missile (ASBM) was launched from … toward M/V True Confidence".
fn fired_after(s: &SentenceReading, c: &Cued) -> bool {
    // Over a name in parentheses, not over a comma.
    let end = s.words[c.to - 1].end;
    (c.to..(c.to + 3).min(s.low.len())).any(|k| {
        s.text
            .get(end..s.words[k].start)
            .is_some_and(|gap| !gap.contains(','))
            && matches!(s.low[k], "was" | "were")
            && (matches!(s.low.get(k + 1), Some(&("fired" | "launched")))
                // "a fifth ballistic missile was detected as fired toward M/V Huang Pu"
                || s.low.get(k + 1) == Some(&"detected")
                    && s.low.get(k + 2) == Some(&"as")
                    && matches!(s.low.get(k + 3), Some(&("fired" | "launched"))))
    })
}

/// Whether one missile or rocket (cue `c`) is told as fired or striking: a verb of firing a few
/// words before it in its clause ("fired one anti-ship ballistic missile", "launched a rocket"),
/// or a verb of hitting right after it ("a rocket struck the base"). `Some(Some(verb))` when
/// fired (the verb's word), `Some(None)` when striking, else `None`.
pub(super) fn fired_one(s: &SentenceReading, c: &Cued) -> Option<Option<usize>> {
    let clause = s.words[c.from].clause;
    let fired = (c.from.saturating_sub(5)..c.from).find(|&k| {
        s.words[k].clause == clause
            && matches!(
                s.low[k],
                "fired" | "fires" | "launched" | "launches" | "detected"
            )
    });
    let struck = s.low.get(c.to).is_some_and(|w| {
        matches!(
            *w,
            "struck" | "hit" | "hits" | "slammed" | "landed" | "exploded" | "fell"
        )
    }) || fired_after(s, c);
    match (fired, struck) {
        (Some(verb), _) => Some(Some(verb)),
        (None, true) => Some(None),
        (None, false) => None,
    }
}
