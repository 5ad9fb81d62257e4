//! The place of an event: the most specific place of the gazetteer named in its clause, or
//! just after it behind a locative word ("…, in the city of Erbil"), nearest the cue among
//! equals; and a finer place from a later sentence that refers back to it.

use super::arguments::FORCE_NOUNS;
use super::cues::LOCATIVE;
use super::frames::Frame;
use super::lexicon::{Lexicon, Target};
use super::names::Mention;
use super::reading::SentenceReading;
use super::report::Placed;

/// The place of the event at word `from` of sentence `s`, none of those naming a speaker
/// ("the U.S. Embassy condemns"); a place that opens the sentence behind a locative word ("In
/// Baghdad, …") is the place of the clause after it. Two places of one rank named together
/// ("in Syria and Iraq") give the place that holds both, if the gazetteer has one, else none.
pub(super) fn place_of(
    s: &SentenceReading,
    lexicon: &Lexicon,
    from: usize,
    frames: &[Frame],
    onward: bool,
) -> Option<Placed> {
    let (p, m) = named_place(s, lexicon, from, frames, onward)?;
    match partner(s, lexicon, p, m) {
        None => Some(placed(s, p, m)),
        Some((q, _)) => Some(Placed {
            place: lexicon.common_ancestor(p, q)?,
            words: s.written(m.from, m.to),
            near: false,
            region: None,
        }),
    }
}

/// The place of the gazetteer, and the mention naming it, that [`place_of`] starts from; with
/// `onward`, only a place named after the cue (the second of two acts told apart in one clause:
/// "attacks … in Jeddah as well as attacks … in Jizan").
fn named_place<'s>(
    s: &'s SentenceReading,
    lexicon: &Lexicon,
    from: usize,
    frames: &[Frame],
    onward: bool,
) -> Option<(usize, &'s Mention)> {
    let w = s.words;
    let clause = w[from].clause;
    let speaking = |m: &Mention| {
        frames
            .iter()
            .any(|f| f.speaker.0 <= m.from && m.to <= f.speaker.1)
    };
    let mut best: Option<(usize, usize, usize, &Mention)> = None;
    for m in &s.mentions {
        let Target::Place(p) = m.target else { continue };
        // "Houthi rebels based in Yemen": where the doer is based, not where it acted.
        let home = m.from >= 2
            && s.low[m.from - 2] == "based"
            && matches!(s.low[m.from - 1], "in" | "at" | "near");
        if speaking(m) || home || onward && m.from < from || not_where(s, lexicon, p, m) {
            continue;
        }
        let in_clause = w[m.from].clause == clause;
        // A place right after the clause behind a locative word ("…, in the city of Erbil"),
        // or after an apposition ("… by a militia, Katib Hizbollah, on Camp Taji").
        let next_clause_start = (clause + 1..=clause + 2).any(|c| {
            w[m.from].clause == c
                && w.iter().position(|x| x.clause == c).is_some_and(|first| {
                    LOCATIVE.contains(&s.low[first])
                        && (m.from <= first + 4 || LOCATIVE.contains(&s.low[m.from - 1]))
                        && m.from <= from + 12
                        && (c == clause + 1 || set_off(s, clause + 1))
                })
        });
        // A place that opens the sentence behind a locative word, right before the clause
        // ("Near Raqqa, three strikes destroyed an oil tanker truck").
        let fronted = clause > 0
            && w[m.from].clause == clause - 1
            && w.first().is_some_and(|x| x.clause == clause - 1)
            && LOCATIVE.contains(&s.low[0])
            && m.from <= 4;
        // "near Libikus, Somalia": a town the gazetteer lacks, then its country.
        let town_unknown = w[m.from].clause == clause + 1
            && m.from >= 2
            && w[m.from - 1].clause == clause
            && w[m.from - 1].capital
            && !s
                .mentions
                .iter()
                .any(|x| x.from < m.from && m.from - 1 < x.to)
            && (m.from.saturating_sub(4)..m.from - 1).any(|k| LOCATIVE.contains(&s.low[k]))
            && lexicon.places[p].kind.as_deref() == Some("country");
        let kind_named = kind_named(s, m, clause);
        if !(in_clause || next_clause_start || fronted || town_unknown || kind_named) {
            continue;
        }
        // "fired … from Houthi-controlled areas of Yemen into the Gulf of Aden": where it was
        // fired from is taken only when no other place is named.
        let origin = (m.from.saturating_sub(6)..m.from)
            .rev()
            .find(|&k| {
                matches!(
                    s.low[k],
                    "from"
                        | "in"
                        | "at"
                        | "into"
                        | "on"
                        | "near"
                        | "to"
                        | "toward"
                        | "towards"
                        | "across"
                        | "over"
                )
            })
            .filter(|&k| s.low[k] == "from");
        // "a pair of missiles were fired from Houthi-controlled areas of Yemen at the vessel":
        // where a weapon came from tells where it was fired, not where the attack struck.
        if origin.is_some_and(|k| fired_before(s, k)) {
            continue;
        }
        let origin = origin.is_some();
        let score = (lexicon.depth[p] * 10 + if in_clause { 5 } else { 0 })
            .saturating_add(if origin { 0 } else { 1000 });
        let dist = m.from.abs_diff(from);
        if best.is_none_or(|(s, d, _, _)| score > s || (score == s && dist < d)) {
            best = Some((score, dist, p, m));
        }
    }
    best.map(|(_, _, p, m)| (p, m))
}

/// Whether the "from" at word `from` follows a verb of firing ("fired from", "launched from",
/// "originated from Houthi-controlled territory near Hudaydah").
fn fired_before(s: &SentenceReading, from: usize) -> bool {
    (from.saturating_sub(3)..from).any(|k| {
        matches!(
            s.low[k],
            "fired" | "launched" | "originated" | "shot" | "came" | "coming" | "launching"
        )
    })
}

/// Whether place `p`, named by `m`, is not where anything in its clause happened: a point of
/// reference, a place described, the state of a hyphened word ("U.S.-led forces"), a state
/// that owns or qualifies what follows, or a place in another country than the one named.
pub(super) fn not_where(s: &SentenceReading, lexicon: &Lexicon, p: usize, m: &Mention) -> bool {
    reference_point(s, m)
        || described(s, m)
        || hyphened(s, m)
        || state_owning(s, lexicon, p, m)
        || state_qualifying(s, lexicon, p, m)
        || institution_named(s, m)
        || accord_named(s, m)
        || in_another_country(s, lexicon, p, m)
}

/// Whether mention `m` names an accord or a round of talks after it ("the February Minsk
/// plan", "the Minsk agreements", "the Astana process"): the accord's name, not where.
fn accord_named(s: &SentenceReading, m: &Mention) -> bool {
    s.low.get(m.to).is_some_and(|w| super::words::is_accord(w))
}

/// Another place of the same rank as `p` (named by `m`) joined to it by "and"/"or".
fn partner<'s>(
    s: &'s SentenceReading,
    lexicon: &Lexicon,
    p: usize,
    m: &Mention,
) -> Option<(usize, &'s Mention)> {
    s.mentions.iter().find_map(|o| {
        let Target::Place(q) = o.target else {
            return None;
        };
        let joined = (o.to == m.from.saturating_sub(1) || m.to + 1 == o.from)
            && matches!(s.low[o.to.min(m.to)], "and" | "or");
        (q != p && joined && lexicon.depth[q] == lexicon.depth[p]).then_some((q, o))
    })
}

/// The places named together for plural acts, none within another ("the attacks yesterday in
/// Damascus and Homs", "today's attacks in Jaffa, Petah Tikvah, and Jerusalem", "attacks in
/// the West Bank and Tel Aviv"): an act in each.
pub(super) fn places_apart(
    s: &SentenceReading,
    lexicon: &Lexicon,
    from: usize,
    frames: &[Frame],
    onward: bool,
) -> Option<Vec<Placed>> {
    let (p, m) = named_place(s, lexicon, from, frames, onward)?;
    let list = listed(s, lexicon, p, m);
    // Two countries named together ("airstrikes … in Iraq and Syria") are where one
    // operation reached, as news tells it: one act, placed in neither. Three or more are
    // acts apart ("Terrorist attacks occurred in France, Kuwait, Somalia, and Tunisia").
    let countries = list
        .iter()
        .all(|(q, _)| lexicon.places[*q].kind.as_deref() == Some("country"));
    (list.len() >= 3 || list.len() == 2 && !countries)
        .then(|| list.into_iter().map(|(q, o)| placed(s, q, o)).collect())
}

/// The places listed with place `p` (named by `m`), in order, `p` among them: mentions joined
/// by commas, "and" or "or" (", and"), each apart from the others.
fn listed<'s>(
    s: &'s SentenceReading,
    lexicon: &Lexicon,
    p: usize,
    m: &'s Mention,
) -> Vec<(usize, &'s Mention)> {
    let place = |o: &'s Mention| match o.target {
        Target::Place(q) => Some((q, o)),
        Target::Actor(_) => None,
    };
    // Whether mention `b` follows mention `a` in a list.
    let next = |a: &Mention, b: &Mention| {
        let comma = || {
            s.text
                .get(s.words[a.to - 1].end..s.words[b.from].start)
                .is_some_and(|gap| gap.trim() == ",")
        };
        b.from == a.to && comma() || b.from == a.to + 1 && matches!(s.low[a.to], "and" | "or")
    };
    let mut list = vec![(p, m)];
    // Back to the list's first name, then on to its last; a place that holds one listed
    // ends the list ("in Damascus and Homs, Syria": Syria is where both are).
    let beside = |list: &[(usize, &'s Mention)], after: bool| {
        let (first, last) = (list[0].1, list[list.len() - 1].1);
        s.mentions
            .iter()
            .filter_map(place)
            .find(|(_, o)| if after { next(last, o) } else { next(o, first) })
            .filter(|&(q, _)| list.iter().all(|a| lexicon.apart(a.0, q)))
    };
    while let Some(before) = beside(&list, false) {
        list.insert(0, before);
    }
    while let Some(after) = beside(&list, true) {
        list.push(after);
    }
    list
}

/// Whether mention `m` is the subject of what a place is ("…, of which Mopti city is the
/// capital"): a description, not where the act was.
fn described(s: &SentenceReading, m: &Mention) -> bool {
    let next = if s.low.get(m.to) == Some(&"city") {
        m.to + 1
    } else {
        m.to
    };
    matches!(s.low.get(next), Some(&("is" | "was")))
        && m.from >= 2
        && s.low[m.from - 2] == "of"
        && s.low[m.from - 1] == "which"
}

/// Whether mention `m` only gives a bearing ("a base north of Baghdad", "350 kilometers
/// southwest of Mogadishu"): the happening was elsewhere, at a place the text does not name.
fn reference_point(s: &SentenceReading, m: &Mention) -> bool {
    m.from >= 2
        && s.low[m.from - 1] == "of"
        && matches!(
            s.low[m.from - 2],
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "north-east"
                | "north-west"
                | "south-east"
                | "south-west"
        )
}

/// Whether mention `m` of place `p` is a country in the possessive: the state that owns or does
/// what follows ("Russia's attacks on Ukrainian cities", "Russia's commitment"), not where it
/// happened. A part of the country after it ("Afghanistan's northeastern Badakhshan province",
/// "Syria's capital", "Iraq's Anbar") keeps the country a place.
fn state_owning(s: &SentenceReading, lexicon: &Lexicon, p: usize, m: &Mention) -> bool {
    let possessive = s.low.get(m.to) == Some(&"s") && {
        let between = s.text.get(s.words[m.to - 1].end..s.words[m.to].start);
        matches!(between, Some("'" | "’"))
    };
    let part = |k: usize| {
        s.low.get(k).is_some_and(|w| {
            PARTS.contains(w)
                || w.ends_with("ern")
                || s.mentions
                    .iter()
                    .any(|o| o.from == k && matches!(o.target, Target::Place(_)))
        })
    };
    lexicon.depth[p] == 0 && possessive && !part(m.to + 1)
}

/// Whether mention `m` of place `p` is a country that qualifies the people, forces or office
/// after it ("an attack on U.S. forces", "said U.S. Ambassador X"): theirs, not a place.
fn state_qualifying(s: &SentenceReading, lexicon: &Lexicon, p: usize, m: &Mention) -> bool {
    lexicon.depth[p] == 0
        && s.low
            .get(m.to)
            .is_some_and(|w| FORCE_NOUNS.contains(w) || PEOPLE.contains(w))
}

/// Whether mention `m` names the seat of an institution after it ("the headquarters of Hiran
/// regional administration in Beledweyne"): the institution's name, not where.
fn institution_named(s: &SentenceReading, m: &Mention) -> bool {
    let mut k = m.to;
    if s.low.get(k).is_some_and(|w| {
        matches!(
            *w,
            "regional" | "provincial" | "state" | "district" | "local" | "municipal"
        )
    }) {
        k += 1;
    }
    k > m.to
        && s.low.get(k).is_some_and(|w| {
            matches!(
                *w,
                "administration" | "government" | "council" | "authorities" | "assembly"
            )
        })
}

/// People and offices a country's name qualifies ("U.S. personnel", "Iraqi officials").
const PEOPLE: &[&str] = &[
    "personnel",
    "servicemembers",
    "servicemember",
    "service",
    "citizens",
    "citizen",
    "nationals",
    "contractors",
    "diplomats",
    "officials",
    "official",
    "ambassador",
    "envoy",
    "president",
    "secretary",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "officer",
    "officers",
    "navy",
    "marines",
    "warships",
    "vessels",
    "government",
    "authorities",
];

/// Words for a part of a country, after its name in the possessive.
const PARTS: &[&str] = &[
    "capital",
    "province",
    "provinces",
    "region",
    "regions",
    "city",
    "cities",
    "town",
    "border",
    "coast",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "territory",
    "territorial",
    "waters",
    "airspace",
    "state",
    "governorate",
    "district",
];

/// Whether mention `m` is the first part of a compound that qualifies a noun ("a U.S.-owned
/// ship", "a Saudi-led coalition"): who owns or leads, not where.
fn hyphened(s: &SentenceReading, m: &Mention) -> bool {
    let end = s.words[m.to - 1].end;
    let mut rest = s.text[end..].chars();
    rest.next() == Some('.') && rest.next() == Some('-') || s.text[end..].starts_with('-')
}

/// Whether clause `c` is set off between commas and tells nothing of where: an apposition
/// (see [`apposition`]), a year ("killed Dec. 4, 2016, in Sharqat"), or what a noun includes
/// ("an attack on civilians, including children, at a bus stop in Jerusalem").
fn set_off(s: &SentenceReading, c: usize) -> bool {
    let words = clause_words(s, c);
    let year = words.len() == 1
        && s.low[words[0]].len() == 4
        && s.low[words[0]].bytes().all(|b| b.is_ascii_digit());
    let including = words.first().is_some_and(|&k| s.low[k] == "including") && words.len() <= 4;
    year || including || apposition(s, c)
}

/// The words of clause `c` of sentence `s`.
fn clause_words(s: &SentenceReading, c: usize) -> Vec<usize> {
    (0..s.words.len())
        .filter(|&k| s.words[k].clause == c)
        .collect()
}

/// Whether clause `c` of sentence `s` is only a name in apposition ("…, Katib Hizbollah, …").
fn apposition(s: &SentenceReading, c: usize) -> bool {
    let words = clause_words(s, c);
    let (Some(&a), Some(&b)) = (words.first(), words.last()) else {
        return false;
    };
    s.mentions.iter().any(|m| m.from == a && m.to == b + 1)
}

/// A finer place for `placed` among the places sentence `s` names: one that lies within it.
/// The last such place named wins.
pub(super) fn refine(placed: &mut Placed, s: &SentenceReading, lexicon: &Lexicon) {
    let current = placed.place;
    for m in &s.mentions {
        let Target::Place(p) = m.target else { continue };
        if p != current && lexicon.within(p, current) && !described(s, m) {
            *placed = self::placed(s, p, m);
        }
    }
}

/// Whether mention `m`, in the clause after `clause`, is the name a kind of place behind a
/// locative word is named as, set off by a comma ("in the Somali capital, Mogadishu,").
fn kind_named(s: &SentenceReading, m: &Mention, clause: usize) -> bool {
    let w = s.words;
    w[m.from].clause == clause + 1
        && m.from >= 2
        && w[m.from - 1].clause == clause
        && matches!(
            s.low[m.from - 1],
            "capital" | "city" | "town" | "village" | "province" | "region" | "district" | "port"
        )
        && (m.from.saturating_sub(6)..m.from - 1).any(|k| LOCATIVE.contains(&s.low[k]))
}

/// The place named right before the date at word `at`, joined to it by "on" at most ("in
/// Dhamar on 4 January"): where the act of that day was.
pub(super) fn place_of_day(s: &SentenceReading, at: usize) -> Option<Placed> {
    s.mentions.iter().find_map(|m| match m.target {
        Target::Place(p)
            if m.to <= at
                && s.low[m.to..at].iter().all(|w| matches!(*w, "on" | "in"))
                && m.from > 0
                && matches!(s.low[m.from - 1], "in" | "at" | "near") =>
        {
            Some(placed(s, p, m))
        }
        _ => None,
    })
}

/// Whether the town of mention `m` lies outside the country the text sets off by a comma a
/// few words after it ("the Fatehpur Sharif Shrine in Balochistan, Pakistan": not India's
/// Fatehpur): another place of the same name.
fn in_another_country(s: &SentenceReading, lexicon: &Lexicon, p: usize, m: &Mention) -> bool {
    lexicon.places[p].kind.as_deref() != Some("country")
        && s.mentions.iter().any(|q| match q.target {
            Target::Place(c) => {
                lexicon.places[c].kind.as_deref() == Some("country")
                    && q.from >= m.to
                    && q.from <= m.to + 8
                    && s.text[s.words[q.from - 1].end..s.words[q.from].start].contains(',')
                    && !lexicon.within(p, c)
            }
            Target::Actor(_) => false,
        })
}

/// Words for a country's first-level region written after its name ("Katsina State").
const REGIONS: &[&str] = &[
    "state",
    "province",
    "region",
    "governorate",
    "oblast",
    "county",
    "prefecture",
];

/// Place `p` as mention `m` of sentence `s` names it.
fn placed(s: &SentenceReading, p: usize, m: &Mention) -> Placed {
    Placed {
        place: p,
        words: s.written(m.from, m.to),
        near: m.from > 0 && s.low[m.from - 1] == "near",
        region: s
            .low
            .get(m.to)
            .filter(|w| REGIONS.contains(w))
            .map(|_| s.written(m.to, m.to + 1)),
    }
}
