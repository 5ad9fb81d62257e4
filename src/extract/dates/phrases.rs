//! Dates told relative to the reference or to the event told before: "yesterday", "today",
//! "tonight", "last night", "overnight", "last week", "this month", "earlier this year", "two
//! days ago", "three weeks ago", "over the past 48 hours", "in recent days", "two months
//! later", "the following day", "hours later".

use super::said::{Said, Unit};
use super::vocabulary::{low_at, number_word, unit_of, weekday_at};
use crate::extract::words::Word;

/// The relative date starting at word `i`: what it says and how many words it takes.
pub(super) fn phrase_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    day_word_at(words, i)
        .or_else(|| period_at(words, i))
        .or_else(|| ago_at(words, i))
        .or_else(|| later_at(words, i))
        .or_else(|| past_at(words, i))
        .or_else(|| anniversary_at(words, i))
}

/// A day so many years before the reference that the text marks: "one year since the
/// assassination", "two years since the attack", "the fifth anniversary of the bombing".
fn anniversary_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    const ORDINALS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match (low_at(words, i), low_at(words, i + 1), low_at(words, i + 2)) {
        (n, "year" | "years", "since") if low_at(words, i + 3) == "the" => {
            number_word(n).map(|years| (Said::YearsSince(years), 3))
        }
        ("the", n, "anniversary") if low_at(words, i + 3) == "of" => ORDINALS
            .iter()
            .position(|o| *o == n)
            .map(|k| (Said::YearsSince(k as i64 + 1), 3)),
        _ => None,
    }
}

/// A day or night named from the reference day: "yesterday", "today", "tonight", "this
/// morning", "earlier today", "the day before yesterday", "last night", "overnight", "the
/// weekend".
fn day_word_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let the_before = i > 0 && low_at(words, i - 1) == "the";
    match (low_at(words, i), low_at(words, i + 1)) {
        ("yesterday", _) => Some((Said::DaysAgo(-1), 1)),
        ("today" | "tonight", _) => Some((Said::DaysAgo(0), 1)),
        ("earlier" | "early", "today") => Some((Said::DaysAgo(0), 2)),
        ("this", "morning" | "afternoon" | "evening") => Some((Said::DaysAgo(0), 2)),
        ("the", "day")
            if low_at(words, i + 2) == "before" && low_at(words, i + 3) == "yesterday" =>
        {
            Some((Said::DaysAgo(-2), 4))
        }
        ("last", "night") if !the_before && low_at(words, i + 2) != "of" => {
            Some((Said::LastNight, 2))
        }
        // "over the weekend", "last weekend", "weekend offensives": the last Saturday and
        // Sunday.
        ("the" | "this" | "last" | "past", "weekend") => {
            Some((Said::Weekdays { first: 6, last: 7 }, 2))
        }
        ("weekend", _) => Some((Said::Weekdays { first: 6, last: 7 }, 1)),
        // "Overnight into Sunday" names the day: the weekday reads it.
        ("overnight", next) => {
            let named = weekday_at(words, i + 1).is_some()
                || (matches!(next, "into" | "on" | "to") && weekday_at(words, i + 2).is_some());
            (!named).then_some((Said::LastNight, 1))
        }
        _ => None,
    }
}

/// A calendar week, month or year from the reference's: "last week", "this month", "last
/// year", "earlier this week", "earlier in the month". Not "the last week of March".
fn period_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let calendar = |w: &str| match w {
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    };
    let the_before = i > 0 && low_at(words, i - 1) == "the";
    match (low_at(words, i), low_at(words, i + 1), low_at(words, i + 2)) {
        ("earlier", "this", w) => calendar(w).map(|u| (Said::EarlierThis(u), 3)),
        ("earlier", "in", "the") => {
            calendar(low_at(words, i + 3)).map(|u| (Said::EarlierThis(u), 4))
        }
        ("last" | "this", w, after) if !the_before && after != "of" => {
            let offset = if low_at(words, i) == "last" { -1 } else { 0 };
            calendar(w).map(|unit| (Said::Period { unit, offset }, 2))
        }
        _ => None,
    }
}

/// So long before the reference: "two days ago", "three weeks ago", "a year ago".
fn ago_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let amount = number_word(low_at(words, i))?;
    let unit = unit_of(low_at(words, i + 1))?;
    if low_at(words, i + 2) != "ago" {
        return None;
    }
    Some((
        match unit {
            Unit::Day => Said::DaysAgo(-amount),
            _ => Said::Ago { amount, unit },
        },
        3,
    ))
}

/// Counted from the event told just before: "two months later", "a day earlier", "the
/// following day", "the next morning", "the day before", "the same day", "hours later".
/// "Six months after <event>" counts from an event the clause names, not from the one told
/// before, so only "later" and "earlier" are read after a count.
fn later_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let later = |amount, unit, used| Some((Said::Later { amount, unit }, used));
    let clause_ends = |k: usize| words.get(k).is_none_or(|w| w.clause != words[k - 1].clause);
    match (low_at(words, i), low_at(words, i + 1), low_at(words, i + 2)) {
        ("hours", "later", _) => later(0, Unit::Hour, 2),
        ("moments" | "minutes", "later", _) => later(0, Unit::Day, 2),
        ("later", "that", "day" | "night" | "evening") => later(0, Unit::Day, 3),
        ("the" | "that", "same", "day") => later(0, Unit::Day, 3),
        ("the", "following" | "next", w) => match w {
            "day" | "morning" | "afternoon" | "evening" | "night" => later(1, Unit::Day, 3),
            "week" => later(1, Unit::Week, 3),
            "month" => later(1, Unit::Month, 3),
            "year" => later(1, Unit::Year, 3),
            _ => None,
        },
        ("the", "previous" | "preceding", "day") => later(-1, Unit::Day, 3),
        ("the", "day", "before") if clause_ends(i + 3) => later(-1, Unit::Day, 3),
        (n, unit, direction @ ("later" | "earlier")) => {
            let amount = number_word(n)?;
            let unit = unit_of(unit)?;
            let sign = if direction == "later" { 1 } else { -1 };
            later(sign * amount, unit, 3)
        }
        _ => None,
    }
}

/// A span up to the reference: "over the past 48 hours", "in the last six months", "the past
/// week", "in recent days", "the past few days" (the last two from a start not given).
fn past_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let the = usize::from(low_at(words, i) == "the");
    let j = i + the;
    match (low_at(words, j), low_at(words, j + 1), low_at(words, j + 2)) {
        ("recent", w, _) if the == 0 && matches!(w, "days" | "weeks" | "months") => {
            Some((Said::Recent, 2))
        }
        ("past" | "last", "few" | "several", w) if unit_of(w).is_some() => {
            Some((Said::Recent, the + 3))
        }
        ("past" | "last", w, after)
            if after != "of" && !w.ends_with('s') && unit_of(w).is_some() =>
        {
            // "last week" alone is the calendar week; "the last week", "the past week" are
            // the seven days up to the reference.
            let unit = unit_of(w)?;
            let calendar = low_at(words, j) == "last" && the == 0;
            (!calendar).then_some((Said::Past { amount: 1, unit }, the + 2))
        }
        ("past" | "last", n, w) if low_at(words, j + 3) != "of" => {
            let amount = number_word(n).filter(|_| n != "a" && n != "an")?;
            let unit = unit_of(w)?;
            Some((Said::Past { amount, unit }, the + 3))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::words;

    /// What the words of `text` from word `i` say as a relative date, and how many words.
    fn said_at(text: &str, i: usize) -> Option<(Said, usize)> {
        phrase_at(&words(text, 0, text.len()), i)
    }

    fn said(text: &str) -> Option<(Said, usize)> {
        said_at(text, 0)
    }

    #[test]
    fn days_and_nights() {
        assert_eq!(said("yesterday’s attack"), Some((Said::DaysAgo(-1), 1)));
        assert_eq!(said("Tonight, I"), Some((Said::DaysAgo(0), 1)));
        assert_eq!(said("this morning"), Some((Said::DaysAgo(0), 2)));
        assert_eq!(
            said("the day before yesterday"),
            Some((Said::DaysAgo(-2), 4))
        );
        assert_eq!(said("last night’s strikes"), Some((Said::LastNight, 2)));
        assert_eq!(said("overnight which"), Some((Said::LastNight, 1)));
        assert_eq!(said("overnight into Sunday"), None, "the weekday reads it");
        assert_eq!(said_at("the last night of the festival", 1), None);
    }

    #[test]
    fn calendar_periods() {
        let period = |unit, offset| Said::Period { unit, offset };
        assert_eq!(said("last week"), Some((period(Unit::Week, -1), 2)));
        assert_eq!(said("this month"), Some((period(Unit::Month, 0), 2)));
        assert_eq!(said("last year"), Some((period(Unit::Year, -1), 2)));
        assert_eq!(
            said("earlier this week"),
            Some((Said::EarlierThis(Unit::Week), 3))
        );
        assert_eq!(
            said("earlier in the month"),
            Some((Said::EarlierThis(Unit::Month), 4))
        );
        assert_eq!(said_at("in the last week of July", 2), None);
        assert_eq!(said("last week of July"), None);
    }

    #[test]
    fn counts_before_the_reference_and_spans_up_to_it() {
        assert_eq!(said("two days ago"), Some((Said::DaysAgo(-2), 3)));
        assert_eq!(
            said("three weeks ago"),
            Some((
                Said::Ago {
                    amount: 3,
                    unit: Unit::Week
                },
                3
            ))
        );
        let past = |amount, unit| Said::Past { amount, unit };
        assert_eq!(said("the past 48 hours"), Some((past(48, Unit::Hour), 4)));
        assert_eq!(said("the last six months"), Some((past(6, Unit::Month), 4)));
        assert_eq!(said("the past week"), Some((past(1, Unit::Week), 3)));
        assert_eq!(said("past 24 hours"), Some((past(24, Unit::Hour), 3)));
        assert_eq!(said("recent weeks"), Some((Said::Recent, 2)));
        assert_eq!(said("the past few days"), Some((Said::Recent, 4)));
        assert_eq!(said("the last two attacks"), None);
        assert_eq!(said("recent attacks"), None);
    }

    #[test]
    fn counts_from_the_event_told_before() {
        let later = |amount, unit| Said::Later { amount, unit };
        assert_eq!(said("Two months later"), Some((later(2, Unit::Month), 3)));
        assert_eq!(said("a day earlier"), Some((later(-1, Unit::Day), 3)));
        assert_eq!(said("the following day"), Some((later(1, Unit::Day), 3)));
        assert_eq!(said("the next morning"), Some((later(1, Unit::Day), 3)));
        assert_eq!(said("hours later"), Some((later(0, Unit::Hour), 2)));
        assert_eq!(said("later that day"), Some((later(0, Unit::Day), 3)));
        assert_eq!(said("the day before."), Some((later(-1, Unit::Day), 3)));
        assert_eq!(said("the day before the vote"), None);
        assert_eq!(said("six months after a strike"), None);
    }
}
