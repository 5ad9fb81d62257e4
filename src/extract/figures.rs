//! Figures: a number, its qualifier and the noun it counts ("more than 100 people were
//! injured", "three dozen rocket attacks", "5,000-6,000 troops"), and which event of a sentence
//! each belongs to.

use std::collections::HashSet;

use super::cues::{self, Counted};
use super::dates::Found;
use super::report::Report;
use super::words::Word;
use crate::model::event_type::Family;
use crate::model::{Figure, Qualifier};

/// A number as written at a word: its value, the qualifier its word implies ("dozens"), the top
/// of a range, and the word after it.
struct Number {
    value: f64,
    implied: Option<Qualifier>,
    max: Option<f64>,
    end: usize,
}

/// Numbers with their qualifier and what they count: (word index, figure).
pub(super) fn find_figures(
    w: &[Word],
    text: &str,
    dates: &[Found],
    low: &[&str],
) -> Vec<(usize, Figure)> {
    let mut out = Vec::new();
    let in_date = |i: usize| {
        dates
            .iter()
            .any(|d| w[i].start >= d.start && w[i].end <= d.end)
    };
    let mut i = 0;
    while i < w.len() {
        if in_date(i) {
            i += 1;
            continue;
        }
        let Some(number) = number_at(w, text, low, i) else {
            i += 1;
            continue;
        };
        // "about 30 rockets, 18 of which hit the base": the part that hit.
        let of_which = low.get(number.end..number.end + 3) == Some(&["of", "which", "hit"][..])
            || low.get(number.end..number.end + 3) == Some(&["of", "them", "hit"][..]);
        let counted = if of_which {
            out.last()
                .and_then(|(_, f): &(usize, Figure)| hit_of(&f.what))
                .map(|what| (what, number.end + 3))
        } else {
            counted_noun(low, i, number.end).map(|(what, end)| {
                // "only ten rockets had hit Camp Taji": those that hit, against those fired.
                let hit = i > 0
                    && low[i - 1] == "only"
                    && (end..(end + 3).min(low.len())).any(|k| {
                        matches!(low[k], "hit" | "struck" | "landed" | "slammed" | "fell")
                    });
                (hit.then(|| hit_of(what)).flatten().unwrap_or(what), end)
            })
        };
        let counted = counted
            .or_else(|| done_to_unnamed(w, low, i, number.end))
            .or_else(|| done_to_named(w, low, i, number.end, number.implied.is_some()))
            .or_else(|| harmed_named(w, low, i, number.end))
            .map(|(what, end)| (what.to_string(), end));
        // "destroying 17 ISIS watercraft, an improvised explosive device …": things struck.
        let counted = struck_item(w, low, text, i, number.end, number.value).or(counted);
        let Some((what, noun_end)) = counted else {
            i = number.end;
            continue;
        };
        let (qualifier, first) = qualifier_before(low, i, number.implied);
        let qualifier = if number.max.is_some() {
            Qualifier::Between
        } else {
            qualifier
        };
        out.push((
            i,
            Figure {
                according_to: None,
                what,
                value: number.value,
                max: number.max,
                qualifier,
                text: Some(text[w[first].start..w[noun_end - 1].end].to_string()),
                source: None,
            },
        ));
        i = noun_end;
    }
    out
}

/// What a count with no noun counts when a casualty verb comes right before it ("killing two",
/// "wounding 28 others", "wounded 15 more"), and where its words end: only with nothing after
/// it in its clause but "others", "more" or a word that goes on to something else.
fn done_to_unnamed(
    w: &[Word],
    low: &[&str],
    i: usize,
    end: usize,
) -> Option<(&'static str, usize)> {
    let what = casualty_before(low, i)?;
    let next = low.get(end).copied();
    let goes_on = |k: usize| w[k].clause != w[i].clause;
    match next {
        None => Some((what, end)),
        Some("others" | "other" | "more") => Some((what, end + 1)),
        Some("and" | "in" | "on" | "at" | "when" | "while" | "during" | "near") => {
            Some((what, end))
        }
        Some(_) if goes_on(end) => Some((what, end)),
        Some(_) => None,
    }
}

/// What a count right after a casualty verb counts when its noun is none of the counted ones
/// ("killed three senior al-Qaida leaders", "killed two crewmen"): those it was done to, named
/// by a plural ("-s", "-men") within five words in its clause, before "and", "or" or a
/// preposition, past the "of" after a count such as "dozens" (`vague`: "killed dozens of
/// Afghans"); and where its words end.
fn done_to_named(
    w: &[Word],
    low: &[&str],
    i: usize,
    end: usize,
    vague: bool,
) -> Option<(&'static str, usize)> {
    let what = casualty_before(low, i)?;
    let end = end + usize::from(vague && low.get(end) == Some(&"of"));
    let stop = |k: usize| {
        w[k].clause != w[i].clause
            || matches!(
                low[k],
                "and" | "or" | "in" | "on" | "at" | "of" | "near" | "during" | "when" | "while"
            )
    };
    let k = (end..(end + 5).min(low.len()))
        .take_while(|&k| !stop(k))
        .find(|&k| plural(low[k]))?;
    let unit = matches!(
        low[k],
        "months" | "days" | "weeks" | "years" | "hours" | "minutes" | "times"
    );
    (!unit).then_some((what, k + 1))
}

/// What a count whose noun is none of the counted ones suffered when a passive casualty verb
/// follows the noun ("11 Afghan security forces were killed", "Two drivers were killed"): the
/// noun a plural within five words in the count's clause; and where its words end.
fn harmed_named(w: &[Word], low: &[&str], i: usize, end: usize) -> Option<(&'static str, usize)> {
    let k = (end..(end + 5).min(low.len()))
        .take_while(|&k| w[k].clause == w[i].clause && !matches!(low[k], "and" | "or" | "of"))
        .find(|&k| plural(low[k]))?;
    let mut v = k + 1;
    if matches!(low.get(v), Some(&("were" | "are" | "have" | "had"))) {
        v += 1;
    } else {
        return None;
    }
    if low.get(v) == Some(&"been") {
        v += 1;
    }
    cues::casualty(low.get(v)?).map(|what| (what, k + 1))
}

/// Whether `w` is a plural noun that may name people: "-s" (not "-ss"), "-men".
fn plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") || w.ends_with("men")
}

/// What happened to those the number at word `i` counts, when a casualty verb stands right
/// before it, past a qualifier ("killed at least 50", "wounding 28 others").
fn casualty_before(low: &[&str], i: usize) -> Option<&'static str> {
    let (_, first) = qualifier_before(low, i, None);
    harm_ending_at(low, first)
}

/// Whether the words ending right before word `k` harmed those counted from it: killed or
/// injured them, not arrested them.
fn harmed_from(low: &[&str], k: usize) -> bool {
    harm_ending_at(low, k).is_some_and(|c| c != "arrested")
}

/// What the words ending right before word `k` did to those counted from it: a casualty verb
/// ("killed"), or a noun of harm before "of" ("the deaths of six peacekeepers", "claimed the
/// lives of four Americans", "the injury of five other peacekeepers").
fn harm_ending_at(low: &[&str], k: usize) -> Option<&'static str> {
    let before = low[k.checked_sub(1)?];
    if before != "of" {
        return cues::casualty(before);
    }
    match low[k.checked_sub(2)?] {
        "death" | "deaths" | "life" | "lives" | "killing" | "killings" | "murder" | "murders" => {
            Some("killed")
        }
        "injury" | "injuries" | "wounding" => Some("injured"),
        _ => None,
    }
}

/// The count of those of `what` that hit their target: "rockets hit", "missiles hit".
fn hit_of(what: &str) -> Option<&'static str> {
    match what {
        "rockets" => Some("rockets hit"),
        "missiles" => Some("missiles hit"),
        "shells" => Some("shells hit"),
        "drones" => Some("drones hit"),
        _ => None,
    }
}

/// The number at word `i`: digits (with thousands commas, or a range "5,000-6,000"), or words
/// ("three dozen", "a dozen").
fn number_at(w: &[Word], text: &str, low: &[&str], i: usize) -> Option<Number> {
    let raw = &text[w[i].start..w[i].end];
    let mut value: Option<f64> = None;
    let mut implied: Option<Qualifier> = None;
    let mut end = i + 1;
    let mut max: Option<f64> = None;
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        let mut digits = raw.to_string();
        while end < w.len()
            && text[w[end - 1].end..w[end].start] == *","
            && w[end].low.len() == 3
            && w[end].low.bytes().all(|b| b.is_ascii_digit())
        {
            digits.push_str(&w[end].low);
            end += 1;
        }
        value = digits.parse().ok();
        // "5,000-6,000"
        if end < w.len() && text[w[end - 1].end..w[end].start].trim() == "-" {
            let mut d2 = w[end].low.clone();
            let mut e2 = end + 1;
            while e2 < w.len() && text[w[e2 - 1].end..w[e2].start] == *"," && w[e2].low.len() == 3 {
                d2.push_str(&w[e2].low);
                e2 += 1;
            }
            if let Ok(m) = d2.parse::<f64>() {
                max = Some(m);
                end = e2;
            }
        }
    } else if matches!(low[i], "a" | "an") {
        // "killed a U.S. contractor", "A U.S. service member was killed", "destroyed an ISIS
        // vehicle": one.
        value = (one_harmed(low, i) || struck_by(low, i).is_some() || one_strike(low, i))
            .then_some(1.0);
    } else if let Some((v, q)) = cues::number_word(low[i]) {
        value = Some(v);
        implied = q;
        // "three dozen", "a dozen"
        if end < w.len() && matches!(low[end], "dozen" | "hundred") {
            let times = if low[end] == "dozen" { 12.0 } else { 100.0 };
            value = Some(v * times);
            end += 1;
        } else if low[i] == "dozen" && i > 0 && low[i - 1] == "a" {
            value = Some(12.0);
        } else if matches!(low[i], "one")
            && !low.get(end).is_some_and(|x| singular(x))
            && !one_more_harmed(low, i)
        {
            // "one of them", "no one": no count, but "one terrorist" is one.
            value = None;
        }
    } else if low[i] == "another" && one_more_harmed(low, i) {
        // "killed one staff member and seriously wounded another": one.
        value = Some(1.0);
    }
    Some(Number {
        value: value?,
        implied,
        max,
        end,
    })
}

/// Whether the "a" or "an" at word `i` counts one strike conducted in a strike report's tally:
/// "conducted a strike consisting of one engagement", "conducted a strike against ISIS targets
/// near Abu Kamal, engaging an ISIS tactical unit and destroying …". A release on one airstrike
/// ("conducted an airstrike near Jilib") counts nothing by it.
fn one_strike(low: &[&str], i: usize) -> bool {
    let Some(k) = (i + 1..(i + 5).min(low.len())).find(|&k| low[k] == "strike") else {
        return false;
    };
    let tally = (k + 1..(k + 14).min(low.len())).any(|j| {
        matches!(
            low[j],
            "consisting" | "engaging" | "destroying" | "damaging" | "suppressing"
        )
    });
    i > 0 && matches!(low[i - 1], "conducted" | "out" | "launched") && tally
}

/// Whether the "a" or "an" at word `i` counts one person harmed: a casualty verb right before
/// it ("killed an AQAP operative") or right after the person ("A U.S. service member was
/// killed"), the person named within four words, in the singular.
fn one_harmed(low: &[&str], i: usize) -> bool {
    let Some(k) = (i + 1..(i + 5).min(low.len())).find(|&k| singular(low[k])) else {
        return false;
    };
    let harm = |w: &str| cues::casualty(w).is_some_and(|c| c != "arrested");
    let before = harmed_from(low, i);
    // "a U.S. service member was killed": the person's noun may take two words.
    let after = (k + 1..(k + 3).min(low.len()))
        .any(|j| matches!(low[j], "was" | "is") && low.get(j + 1).is_some_and(|w| harm(w)));
    let ordinal = low
        .get(i + 1)
        .is_some_and(|w| matches!(*w, "second" | "third" | "fourth"));
    (before || after) && !ordinal
}

/// The verb that things counted from word `i` were struck by, as a participle: "destroyed",
/// "damaged" or "engaged", the nearest such verb before them over a list of things struck
/// ("engaging eight ISIS tactical units and destroying 17 ISIS watercraft, an improvised
/// explosive device, …"), not past a verb of another kind.
fn struck_by(low: &[&str], i: usize) -> Option<&'static str> {
    for k in (i.saturating_sub(40)..i).rev() {
        match low[k] {
            "destroyed" | "destroying" => return Some("destroyed"),
            "damaged" | "damaging" => return Some("damaged"),
            "engaged" | "engaging" => return Some("engaged"),
            "suppressed" | "suppressing" => return Some("suppressed"),
            "conducted" | "consisting" | "killed" | "killing" | "wounded" | "wounding" | "said"
            | "were" | "was" | "against" | "targeted" | "struck" | "hit" | "by" | "when"
            | "after" | "including" | "as" => return None,
            _ => {}
        }
    }
    None
}

/// The kind of things struck counted at word `i` (the count ending before `end`, of `value`),
/// and where their words end: the words naming them, up to a comma, "and", "or" or a
/// preposition, without the group that holds them ("ISIS", "ISIL-held"), in the plural, then
/// the verb ("tactical units engaged", "lines of communication destroyed").
fn struck_item(
    w: &[Word],
    low: &[&str],
    text: &str,
    i: usize,
    end: usize,
    value: f64,
) -> Option<(String, usize)> {
    let verb = struck_by(low, i)?;
    let hyphen = |a: usize, b: usize| text.get(w[a].end..w[b].start) == Some("-");
    // "a command-and-control node": an "and" inside a hyphened word goes on.
    let inside = |k: usize| k > 0 && k + 1 < w.len() && hyphen(k - 1, k) && hyphen(k, k + 1);
    let stop = |k: usize| {
        w[k].clause != w[end.min(w.len() - 1)].clause
            || cues::number_word(low[k]).is_some()
            || low[k].bytes().all(|b| b.is_ascii_digit())
            || matches!(
                low[k],
                "and"
                    | "or"
                    | "but"
                    | "in"
                    | "near"
                    | "at"
                    | "on"
                    | "against"
                    | "with"
                    | "from"
                    | "during"
                    | "while"
                    | "that"
                    | "which"
                    | "belonging"
                    | "used"
            ) && !inside(k)
    };
    let last = (end..(end + 5).min(low.len()))
        .take_while(|&k| !stop(k))
        .last()?;
    // Whether word `k` names who held the thing ("ISIS", "ISIL-held", "al-Shabaab",
    // "Iranian-backed Houthi"): a capital, or joined by a hyphen to one.
    let holder = |k: usize| {
        w[k].capital
            || k > end && hyphen(k - 1, k) && w[k - 1].capital
            || k < last && hyphen(k, k + 1) && w[k + 1].capital
    };
    let mut kept: Vec<usize> = (end..=last).filter(|&k| !holder(k)).collect();
    // "areas of Yemen", "camps of the Islamic State": the words before the holder's name.
    while kept
        .last()
        .is_some_and(|&k| matches!(low[k], "of" | "the" | "a" | "an"))
    {
        kept.pop();
    }
    let (&first_kept, &last_kept) = (kept.first()?, kept.last()?);
    // "destroyed 11 fighting positions": positions struck are told by kind; people, tolls and
    // strikes are counted otherwise.
    let counted_otherwise = match cues::counted(low[last_kept]) {
        Some(cues::Counted::What(x)) => x != "sites struck" || low[last_kept] != "positions",
        Some(cues::Counted::People) => true,
        None => false,
    };
    if counted_otherwise || !(first_kept..=last_kept).all(|k| kept.contains(&k)) {
        return None;
    }
    // The words as written, hyphens kept ("front-end loaders").
    let mut words: Vec<String> = Vec::new();
    for (k, word) in low.iter().enumerate().take(last_kept + 1).skip(first_kept) {
        match words.last_mut() {
            Some(prev) if hyphen(k - 1, k) => {
                prev.push('-');
                prev.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    if value == 1.0 {
        let at = words.iter().position(|x| x == "of").unwrap_or(words.len()) - 1;
        words[at] = plural_of(&words[at]);
    }
    Some((format!("{} {verb}", words.join(" ")), last + 1))
}

/// The plural of a noun as news writes things struck: "factory" "factories", "cache"
/// "caches"; "headquarters", "watercraft" and nouns in "-s" as they are.
fn plural_of(noun: &str) -> String {
    if noun.ends_with('s') || noun.ends_with("craft") {
        noun.to_string()
    } else if let Some(stem) = noun
        .strip_suffix('y')
        .filter(|x| !x.ends_with(['a', 'e', 'o']))
    {
        format!("{stem}ies")
    } else if noun.ends_with("ch") || noun.ends_with("sh") || noun.ends_with('x') {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Whether the "one" or "another" at word `i` is one more harmed, with no noun: right after a
/// casualty verb ("killed nine and wounded one", "seriously wounded another"), not "one of".
fn one_more_harmed(low: &[&str], i: usize) -> bool {
    // "wounded another five peacekeepers": the count after it says how many.
    let counted_after = low
        .get(i + 1)
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) || cues::number_word(w).is_some());
    harmed_from(low, i) && low.get(i + 1) != Some(&"of") && !counted_after
}

/// Whether `w` names one person counted: "one terrorist", "one soldier".
fn singular(w: &str) -> bool {
    !w.ends_with('s') && matches!(cues::counted(w), Some(Counted::People))
}

/// What the number at word `i`, ending before word `end`, counts: the noun within four words
/// ("nearly 100 traumatic brain injuries"), not past "and" or "or" ("killed two terrorists and
/// wounded three": "and" opens what the next number counts), and the word after it.
fn counted_noun(low: &[&str], i: usize, end: usize) -> Option<(&'static str, usize)> {
    for k in end..(end + 5).min(low.len()) {
        if matches!(low[k], "and" | "or") {
            return None;
        }
        if matches!(
            low[k],
            "months" | "month" | "days" | "weeks" | "years" | "hours"
        ) && k == end
        {
            return None;
        }
        // "four of its fighters", "two of the rockets"
        if low[k] == "of"
            && k == end
            && !low
                .get(k + 1)
                .is_some_and(|x| matches!(*x, "its" | "their" | "the" | "his" | "her"))
        {
            return None;
        }
        if let Some(c) = cues::counted(low[k]) {
            // "three dozen rocket and mortar attacks" counts attacks, not rockets.
            let attacks_later = matches!(low[k], "rocket" | "missile" | "mortar" | "drone")
                && (k + 1..(k + 4).min(low.len())).any(|j| matches!(low[j], "attacks" | "strikes"));
            if attacks_later {
                let noun_end = (k + 1..(k + 4).min(low.len()))
                    .find(|&j| matches!(low[j], "attacks" | "strikes"))
                    .map_or(k + 1, |j| j + 1);
                return Some(("attacks", noun_end));
            }
            let what = match c {
                Counted::What(x) => Some(x),
                Counted::People => {
                    // "killed two terrorists and wounded three": the verb right before the
                    // count tells what happened to those counted.
                    let right_before = casualty_before(low, i);
                    let near = (i.saturating_sub(8)..(k + 8).min(low.len()))
                        .filter_map(|j| cues::casualty(low[j]).map(|c| (j.abs_diff(k), c)))
                        .min_by_key(|x| x.0);
                    right_before.or(near.map(|x| x.1))
                }
            };
            // "two U.S. service members", "one staff member": the noun takes both words.
            let two_words = matches!(low[k], "service" | "staff")
                && low
                    .get(k + 1)
                    .is_some_and(|x| matches!(*x, "member" | "members"));
            return what.map(|what| (what, k + 1 + usize::from(two_words)));
        }
    }
    None
}

/// The qualifier in the words before the number at word `i` ("more than", "nearly"), else the
/// one its word implies, else exact; and the figure's first word.
fn qualifier_before(low: &[&str], i: usize, implied: Option<Qualifier>) -> (Qualifier, usize) {
    let before: Vec<&str> = low[i.saturating_sub(3)..i]
        .iter()
        .copied()
        .filter(|x| *x != "a")
        .collect();
    let (qualifier, used) = match cues::qualifier(&before) {
        Some((q, n)) => (q, n),
        None => (implied.unwrap_or(Qualifier::Exact), 0),
    };
    let first = if used > 0 {
        // Back over the qualifier's words (and an "a" that was skipped).
        let mut f = i;
        let mut left = used;
        while f > 0 && left > 0 {
            f -= 1;
            if low[f] != "a" {
                left -= 1;
            }
        }
        f
    } else if i > 0 && low[i - 1] == "a" {
        i - 1
    } else {
        i
    };
    (qualifier, first)
}

/// Whether a figure of `what` fits an event of family `family` told in the same sentence.
pub(super) fn fits_event(what: &str, family: Option<Family>) -> bool {
    match what {
        "injured" | "killed" => matches!(family, Some(Family::Strikes) | Some(Family::Unrest)),
        "arrested" => family == Some(Family::Security),
        "rockets" | "missiles" | "shells" | "drones" | "sites struck" | "attacks"
        | "rockets hit" | "missiles hit" | "shells hit" | "drones hit" => {
            family == Some(Family::Strikes)
        }
        _ => true,
    }
}

/// Whether a figure of `what` fits a happening of family `family` that a later sentence refers
/// back to ("the attack killed four").
pub(super) fn fits_earlier(what: &str, family: Option<Family>) -> bool {
    match what {
        "arrested" => family == Some(Family::Security),
        // "forces in the raid killed 15 militants": a raid's toll.
        _ => {
            family == Some(Family::Strikes)
                || (matches!(family, Some(Family::Unrest) | Some(Family::Security))
                    && matches!(what, "injured" | "killed"))
        }
    }
}

/// Figures go to one event only: the first of the sentence that took it.
pub(super) fn keep_each_once(reports: &mut [Report]) {
    let mut seen: HashSet<(String, u64)> = HashSet::new();
    for d in reports.iter_mut() {
        d.figures
            .retain(|f| seen.insert((f.text.clone().unwrap_or_default(), f.value.to_bits())));
    }
}
