//! Whether a cue's words point back at a happening told before ("the attack", "this
//! despicable and wholly unjust attack") or name one of many ("including the attack").

use super::cues::Cued;
use super::dates::Said;
use super::families::family;
use super::grammar;
use super::lexicon::{Lexicon, Target};
use super::placing::not_where;
use super::reading::SentenceReading;
use super::report::{Dated, Report};
use crate::model::calendar::{day_number, days_in_month};

/// The "is", "was" or "were" right before the article at `a`, past words that only weigh
/// what follows ("was not just a", "is also an"), if there is one; "it’s" and "that’s" are
/// read as "it is" and "that is" (the words part at the apostrophe).
pub(super) fn be_before(s: &SentenceReading, a: usize) -> Option<usize> {
    let mut k = a;
    while k > 0
        && matches!(
            s.low[k - 1],
            "not" | "just" | "only" | "merely" | "also" | "simply" | "clearly"
        )
    {
        k -= 1;
    }
    let contracted = k > 1
        && s.low[k - 1] == "s"
        && matches!(s.low[k - 2], "it" | "that")
        && s.words[k - 2].end < s.words[k - 1].start;
    (k > 0 && (matches!(s.low[k - 1], "is" | "was" | "were") || contracted)).then(|| k - 1)
}

/// Whether the cue at word `i` follows "the", "this", "these"… with no date or name between:
/// it names a happening rather than telling one.
pub(super) fn definite(s: &SentenceReading, i: usize) -> bool {
    // "this was a Russian strike", "it was a drone attack", "It is also an attack on Lebanon
    // itself": the happening identified.
    let identified = (1..=5).any(|back| {
        i > back
            && matches!(s.low[i - back], "a" | "an")
            && be_before(s, i - back)
                .is_some_and(|be| be > 0 && matches!(s.low[be - 1], "this" | "it" | "that"))
    });
    if identified {
        return true;
    }
    // "this despicable and wholly unjust attack": a demonstrative reaches further.
    (1..=5).any(|back| {
        i >= back
            && (matches!(
                s.low[i - back],
                "the" | "this" | "these" | "that" | "those" | "such"
            ) && back <= 3
                || matches!(s.low[i - back], "this" | "these") && adjectives_joined(s, i - back, i)
                // "the early morning U.S. raid": the article reaches past a time of day.
                || s.low[i - back] == "the" && back <= 5 && time_of_day_between(s, i - back, i))
            // "The governor said that Russian shelling …": "that" joins what is said; but
            // "officials said that attack was launched by …" points at one, a singular noun
            // standing with no article of its own.
            && !(s.low[i - back] == "that"
                && says_that(s, i - back)
                && !(back == 1 && singular_act(s.low[i])))
            // "a battalion that was deployed in January 2013": "that" opens a relative clause.
            && !(s.low[i - back] == "that"
                && (i - back + 1..i).any(|k| grammar::is_be(s.low[k]) || s.low[k] == "had"))
            // "One such attack … this past December": one more of the kind, told anew.
            && !(s.low[i - back] == "such"
                && i > back
                && matches!(s.low[i - back - 1], "one" | "another"))
            // "The first attack …, a second attack": parts, not the whole told before.
            && !(counts_parts(s)
                && (i - back + 1..i).any(|k| grammar::is_ordinal(s.low[k])))
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

/// Words that name one act and cannot stand without an article ("attack", not "shelling").
fn singular_act(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "strike"
            | "airstrike"
            | "raid"
            | "ambush"
            | "assault"
            | "blast"
            | "explosion"
            | "rocket"
            | "missile"
            | "drone"
    )
}

/// Whether the words between `from` and `to` hold a time of day ("the early morning U.S.
/// raid", "the overnight attack").
fn time_of_day_between(s: &SentenceReading, from: usize, to: usize) -> bool {
    (from + 1..to).any(|k| {
        matches!(
            s.low[k],
            "morning" | "afternoon" | "evening" | "night" | "overnight" | "dawn" | "midday"
        )
    }) && (from + 1..to).all(|k| s.words[k].clause == s.words[to].clause)
}

/// Whether the cue at word `at` follows "including" within three words ("ISIS attacks
/// throughout Iraq, including the attack yesterday in Makhmour district"): one of the many,
/// told for itself, not the many named again.
pub(super) fn included(s: &SentenceReading, at: usize) -> bool {
    (at.saturating_sub(3)..at).any(|k| s.low[k] == "including")
}

/// Whether the sentence counts the parts of a happening: "the first … a second …".
fn counts_parts(s: &SentenceReading) -> bool {
    s.low.contains(&"first") && s.low.iter().any(|w| matches!(*w, "second" | "third"))
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

/// Whether the words between `from` and `to` are adjectives joined by "and" ("despicable and
/// wholly unjust"), not a phrase of their own ("follows reports of").
fn adjectives_joined(s: &SentenceReading, from: usize, to: usize) -> bool {
    let between = &s.low[from + 1..to];
    between.contains(&"and")
        && !between
            .iter()
            .any(|w| grammar::is_preposition(w) || grammar::is_be(w) || w.ends_with("ed"))
}

/// Whether cue `c` tells again, in what a claimant says of it, the act the sentence names as
/// told before ("The Taliban took responsibility for the bombing …, saying a suicide bomber
/// detonated his explosives-packed car near the foreign military convoy"), or in what caused
/// it ("The explosion was caused by a suicide bomber"): after a participle of saying or
/// "caused by" that follows the act pointed back to, with no date of its own.
pub(super) fn told_again(
    s: &SentenceReading,
    c: &Cued,
    anaphors: &[(usize, &'static str)],
) -> bool {
    let clause = s.words[c.from].clause;
    let dated = s.dates.iter().any(|d| s.words[d.word].clause == clause);
    let saying = (0..c.from).rev().find(|&k| {
        matches!(s.low[k], "saying" | "adding" | "claiming")
            // "The explosion was caused by a suicide bomber wearing an explosive vest".
            || s.low[k] == "caused" && s.low.get(k + 1) == Some(&"by")
    });
    // "The explosion": a blast of no kind, which the bomber tells.
    let blast = |at: usize| matches!(s.low[at], "explosion" | "blast");
    !dated && saying.is_some_and(|v| pointed_back_before(anaphors, v, c, blast))
}

/// Whether an act of the family of cue `c`, or one `also` accepts by its word, was pointed back
/// to before word `v`.
fn pointed_back_before(
    anaphors: &[(usize, &'static str)],
    v: usize,
    c: &Cued,
    also: impl Fn(usize) -> bool,
) -> bool {
    anaphors
        .iter()
        .any(|&(at, ty)| at < v && (family(ty) == family(c.cue.event_type) || also(at)))
}

/// Whether cue `c` tells, in a clause opened by "when", how the act pointed back to just before
/// went ("The ambush occurred on Sunday, when heavily armed men opened fire on a two-car
/// convoy"): the same act.
pub(super) fn told_when(s: &SentenceReading, c: &Cued, anaphors: &[(usize, &'static str)]) -> bool {
    let Some(when) = (0..c.from).rev().find(|&k| s.low[k] == "when") else {
        return false;
    };
    let happened = (0..when).any(|k| {
        matches!(
            s.low[k],
            "occurred" | "happened" | "began" | "started" | "unfolded"
        ) || s.low[k] == "took" && s.low.get(k + 1) == Some(&"place")
    });
    happened
        && s.words[when].clause == s.words[c.from].clause
        && pointed_back_before(anaphors, when, c, |_| false)
}

/// Whether cue `c` is followed in its clause by a day of its own ("the attack on the
/// Abundant Life Christian Church in Maradi on June 15") that no happening of its family told
/// before, each dated by its own words, may fall on: another happening, not the one told.
pub(super) fn dated_elsewhere(
    s: &SentenceReading,
    earlier: &[Report],
    c: &Cued,
    cue_starts: &[usize],
) -> bool {
    let clause = s.words[c.from].clause;
    let Some((year, month, day)) = s.dates.iter().find_map(|d| match d.said {
        Said::Day { year, month, day }
            if d.word >= c.to
                && d.word <= c.to + 10
                && s.words[d.word].clause == clause
                && !cue_starts.iter().any(|&k| c.to <= k && k < d.word) =>
        {
            Some((year, month, day))
        }
        _ => None,
    }) else {
        return false;
    };
    every_told(earlier, c, |d| {
        // A date of its own: one inferred ("no later than the publication") may be the one
        // this day tells.
        d.date_own
            && d.date
                .as_ref()
                .is_some_and(|dated| !may_fall_on(dated, year, month, Some(day)))
    })
}

/// Whether cue `c` follows "the" and a day or a month ("the Wednesday attack", "the March 11
/// rocket attack") that a happening of its kind told before, with a date of its own, may fall
/// on: it names that happening rather than telling one.
pub(super) fn dated_definite(s: &SentenceReading, earlier: &[Report], c: &Cued) -> bool {
    let i = c.from;
    let day = (2..=5)
        .filter(|&back| i >= back && s.low[i - back] == "the")
        .find_map(|back| {
            s.dates
                .iter()
                .find(|d| d.start == s.words[i - back + 1].start && s.words[i - 1].end <= d.end)
        });
    let Some(day) = day else {
        return false;
    };
    // One kind told again, or an attack of no named means: "the January rocket attack" is
    // not the missile attack of January 8.
    let generic = |t: &str| t == "attack";
    earlier.iter().any(|r| {
        family(r.event_type) == family(c.cue.event_type)
            && (r.event_type == c.cue.event_type
                || generic(r.event_type)
                || generic(c.cue.event_type))
            && r.date_own
            && r.date.as_ref().is_some_and(|dated| match day.said {
                Said::Day { year, month, day } => may_fall_on(dated, year, month, Some(day)),
                Said::Month { year, month } => may_fall_on(dated, year, month, None),
                // A weekday: as a day in the possessive.
                _ => true,
            })
    })
}

/// Whether a happening dated `dated` may fall on the day `month`/`day` of `year`, or in that
/// month when no day is given (when the year is not written: of the years its date reaches).
fn may_fall_on(dated: &Dated, year: Option<i64>, month: u32, day: Option<u32>) -> bool {
    let span = dated.edtf.span();
    let (first, last) = dated.edtf.years();
    let years = match year {
        Some(y) => y..=y,
        None => first.max(last - 1)..=last,
    };
    years.into_iter().any(|y| {
        let (from, to) = match day {
            Some(d) => (d, d),
            None => (1, days_in_month(y, month)),
        };
        i64::from(span.earliest) <= day_number(y, month, to)
            && day_number(y, month, from) <= i64::from(span.latest)
    })
}

/// Whether killing cue `c` names its victim, a person no happening told before names, and a
/// day of its own in its clause ("the killing of West Darfur Governor Khamis Abbakar on June
/// 14" after "killings based on ethnicity in West Darfur"): a happening of its own.
pub(super) fn victim_of_its_own(
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    c: &Cued,
) -> bool {
    let clause = s.words[c.from].clause;
    let in_clause = |k: usize| k >= c.to && k <= c.to + 10 && s.words[k].clause == clause;
    let victim = s
        .mentions
        .iter()
        .find(|m| in_clause(m.from) && m.from <= c.to + 5 && s.is_person(lexicon, m.target));
    let dated = s
        .dates
        .iter()
        .any(|d| in_clause(d.word) && matches!(d.said, Said::Day { .. }));
    c.cue.event_type == "killing"
        && dated
        && victim.is_some_and(|v| {
            !earlier
                .iter()
                .any(|d| d.actors.iter().any(|a| a.actor == v.target))
        })
}

/// Whether the clause of cue `c` gives a year ("the assassination of … Monferrier Dorval in
/// 2020") that the latest happening of its family told before, dated, does not fall in: not
/// the one it names again.
pub(super) fn dated_apart_by_year(s: &SentenceReading, earlier: &[Report], c: &Cued) -> bool {
    let clause = s.words[c.from].clause;
    let Some(year) = s.dates.iter().find_map(|d| match d.said {
        Said::Year(y) if s.words[d.word].clause == clause => Some(y),
        _ => None,
    }) else {
        return false;
    };
    let Some((first, last)) = earlier
        .iter()
        .rev()
        .find(|d| family(d.event_type) == family(c.cue.event_type))
        .and_then(|d| d.date.as_ref())
        .map(|d| d.edtf.years())
    else {
        return false;
    };
    year < first || year > last
}

/// Whether the cue at word `i` follows a day in the possessive ("Monday's attack",
/// "yesterday's strikes"), which names a happening rather than telling it when one of its kind
/// was told before.
pub(super) fn dated_possessive(s: &SentenceReading, i: usize) -> bool {
    (1..=3).any(|back| {
        i > back
            && s.low[i - back] == "s"
            && s.dates.iter().any(|d| {
                s.words[i - back - 1].end <= d.end && d.start <= s.words[i - back - 1].start
            })
    })
}

/// Whether the cue at word `i` follows an actor in the possessive ("Iran's brazen attacks"),
/// which names a happening of that actor rather than telling one when one of its kind was
/// told before.
pub(super) fn actor_possessive(s: &SentenceReading, i: usize) -> bool {
    (1..=3).any(|back| {
        i > back
            && s.low[i - back] == "s"
            && s.mentions
                .iter()
                .any(|m| m.to == i - back && matches!(m.target, Target::Actor(_)))
    })
}

/// Whether the phrase of cue `c` names a place of its own ("the attempted attack against the
/// Indian consulate in Mazar-e-Sharif") where every happening of its family told before lies
/// elsewhere: a happening of its own, not one told before. A place after another cue is that
/// cue's ("this attack follows recent bomb attacks in Ibb").
pub(super) fn placed_elsewhere(
    s: &SentenceReading,
    lexicon: &Lexicon,
    earlier: &[Report],
    c: &Cued,
    cue_starts: &[usize],
) -> bool {
    let clause = s.words[c.from].clause;
    let Some(own) = s.mentions.iter().find_map(|m| match m.target {
        // "the most deadly against U.S.-led forces in Iraq": no place where it happened.
        Target::Place(p)
            if m.from >= c.to
                && m.from <= c.to + 10
                && s.words[m.from].clause == clause
                && !cue_starts.iter().any(|&k| c.to <= k && k < m.from)
                && !not_where(s, lexicon, p, m) =>
        {
            Some(p)
        }
        _ => None,
    }) else {
        return false;
    };
    every_told(earlier, c, |d| {
        d.place
            .as_ref()
            .is_some_and(|p| lexicon.apart(own, p.place))
    })
}

/// Whether a happening of the family of cue `c` was told before, and every one told holds
/// `test`.
fn every_told(earlier: &[Report], c: &Cued, test: impl Fn(&Report) -> bool) -> bool {
    let mut told = earlier
        .iter()
        .filter(|d| family(d.event_type) == family(c.cue.event_type))
        .peekable();
    told.peek().is_some() && told.all(test)
}
