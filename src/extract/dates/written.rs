//! Dates as the calendar writes them: "Jan. 8", "Feb. 1, 2020", "16 July 2023", "March 11th",
//! "2020-03-11", "3/21/2020", "in January", "late December", "in 2019", "last December",
//! "December last year", "on the 16th"; days of the week ("on Thursday", "early Friday", "last
//! Friday", "Friday night", "Thursday and Friday"); and the time of day written beside a date
//! ("at 11:57 a.m. (Hawaii time) Sept. 14").

use super::said::{numeric_reading, Said};
use super::vocabulary::{day_at, gap_after, low_at, month_at, weekday_at, year_at};
use crate::extract::words::Word;

/// The calendar date starting at word `i`: what it says and how many words it takes.
pub(super) fn written_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    iso_at(words, i, text)
        .or_else(|| numeric_at(words, i, text))
        .or_else(|| month_first_at(words, i, text))
        .or_else(|| day_first_at(words, i, text))
        .or_else(|| month_part_at(words, i, text))
        .or_else(|| named_month_at(words, i))
        .or_else(|| weekday_phrase_at(words, i))
        .or_else(|| year_after_preposition_at(words, i, text))
        .or_else(|| day_of_month_at(words, i))
}

/// Word `i` is all figures, `len` of them at most (exactly, with `exact`).
fn figures(words: &[Word], i: usize, len: usize, exact: bool) -> Option<u32> {
    let w = words.get(i)?;
    let ok = w.low.bytes().all(|b| b.is_ascii_digit())
        && (if exact {
            w.low.len() == len
        } else {
            w.low.len() <= len
        });
    ok.then(|| w.low.parse().ok()).flatten()
}

/// "2020-03-11": ISO 8601, as some releases write dates.
fn iso_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let year = year_at(words, i, text)?;
    let month = figures(words, i + 1, 2, true).filter(|m| (1..=12).contains(m))?;
    let day = figures(words, i + 2, 2, true).filter(|d| (1..=31).contains(d))?;
    (gap_after(words, i, text) == "-" && gap_after(words, i + 1, text) == "-").then_some((
        Said::Day {
            year: Some(year),
            month,
            day,
        },
        3,
    ))
}

/// "3/21/2020" or "21/3/2020": read only when one order of month and day alone names a day.
fn numeric_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let first = figures(words, i, 2, false)?;
    let second = figures(words, i + 1, 2, false)?;
    let year = year_at(words, i + 2, text)?;
    let slashes = gap_after(words, i, text) == "/" && gap_after(words, i + 1, text) == "/";
    (slashes && numeric_reading(first, second, year).is_some()).then_some((
        Said::Numeric {
            first,
            second,
            year,
        },
        3,
    ))
}

/// A date starting with a month's name: Month [day] [, year] | Month [of] year | Month last
/// year | Month.
fn month_first_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let month = month_at(words, i)?;
    if let Some(day) = day_at(words, i + 1) {
        let year = year_at(words, i + 2, text);
        let used = if year.is_some() { 3 } else { 2 };
        return Some((Said::Day { year, month, day }, used));
    }
    let of = usize::from(low_at(words, i + 1) == "of");
    if let Some(year) = year_at(words, i + 1 + of, text) {
        return Some((
            Said::Month {
                year: Some(year),
                month,
            },
            2 + of,
        ));
    }
    if low_at(words, i + 2) == "year" {
        let years = match low_at(words, i + 1) {
            "last" => Some(1),
            "this" => Some(0),
            _ => None,
        };
        if let Some(years) = years {
            return Some((Said::MonthYearsAgo { month, years }, 3));
        }
    }
    // "Theresa May", "Mohammad Jan Rasulyar": a month's name right after a capitalised word
    // that does not open the sentence is part of a person's name.
    if i > 1 && words[i - 1].capital && words[i].capital {
        return None;
    }
    Some((Said::Month { year: None, month }, 1))
}

/// A date starting with the day: "16 July", "14th September 2020", "the 16th of July".
fn day_first_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let day = day_at(words, i)?;
    let of = usize::from(low_at(words, i + 1) == "of");
    let month = month_at(words, i + 1 + of)?;
    let year = year_at(words, i + 2 + of, text);
    Some((
        Said::Day { year, month, day },
        2 + of + usize::from(year.is_some()),
    ))
}

/// Early (days 1-10), mid (11-20) or late (21 to the end) in a month: "late December",
/// "mid-March 2020".
fn month_part_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let part = match low_at(words, i) {
        "early" => 1,
        "mid" | "middle" => 2,
        "late" => 3,
        _ => return None,
    };
    let month = month_at(words, i + 1)?;
    // "The attack began early August 7": early in the day, told by the date after.
    if day_at(words, i + 2).is_some() {
        return None;
    }
    let year = year_at(words, i + 2, text);
    Some((
        Said::MonthPart { year, month, part },
        2 + usize::from(year.is_some()),
    ))
}

/// "last December", "this past December": the last such month before the reference's.
fn named_month_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let the_before = i > 0 && low_at(words, i - 1) == "the";
    let after = match (low_at(words, i), low_at(words, i + 1)) {
        ("last", _) if !the_before => 1,
        ("this", "past") => 2,
        _ => return None,
    };
    let month = month_at(words, i + after)?;
    Some((Said::LastNamedMonth(month), after + 1))
}

/// Word `j` is a weekday followed by the date it names ("Friday, March 27", "Thursday 16
/// November"): the date says it all.
fn weekday_dated(words: &[Word], j: usize) -> bool {
    month_at(words, j + 1).is_some()
        || (day_at(words, j + 1).is_some() && month_at(words, j + 2).is_some())
}

/// A day of the week with what qualifies it: "Friday", "early Sunday", "last Friday", "Friday
/// night", "overnight into Sunday", "late Thursday and early Friday". Not "next Friday" or
/// "this coming Friday", which have not happened.
fn weekday_phrase_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let (last, overnight, skip) = match (low_at(words, i), low_at(words, i + 1)) {
        ("early" | "late", _) => (false, false, 1),
        ("last", _) if i == 0 || low_at(words, i - 1) != "the" => (true, false, 1),
        ("overnight", "into" | "on" | "to") => (false, true, 2),
        ("overnight", _) => (false, false, 1),
        _ => (false, false, 0),
    };
    let j = i + skip;
    let day = weekday_at(words, j)?;
    let future = j > 0 && matches!(low_at(words, j - 1), "next" | "coming");
    if future || weekday_dated(words, j) {
        return None;
    }
    let mut used = skip + 1;
    if matches!(
        low_at(words, j + 1),
        "morning" | "afternoon" | "evening" | "night"
    ) {
        used += 1;
    }
    // "Thursday and Friday", "late Thursday and early Friday", "Saturday into Sunday".
    let k = i + used;
    if !last && matches!(low_at(words, k), "and" | "to" | "through" | "into") {
        let part = usize::from(matches!(low_at(words, k + 1), "early" | "late"));
        if let Some(second) = weekday_at(words, k + 1 + part) {
            if !weekday_dated(words, k + 1 + part) && second != day {
                return Some((
                    Said::Weekdays {
                        first: day,
                        last: second,
                    },
                    used + 2 + part,
                ));
            }
        }
    }
    Some((
        Said::Weekday {
            day,
            last,
            overnight,
        },
        used,
    ))
}

/// A year after a word that makes it a time: "in 2019", "since 2014", "late 2019".
fn year_after_preposition_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let y = year_at(words, i, text)?;
    let before = if i > 0 { low_at(words, i - 1) } else { "" };
    matches!(
        before,
        "in" | "of" | "since" | "until" | "by" | "early" | "late" | "during"
    )
    .then_some((Said::Year(y), 1))
}

/// "on the 16th": an ordinal after "on the", with no noun after it ("on the 14th Army Corps").
fn day_of_month_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    if low_at(words, i) != "the" || i == 0 || low_at(words, i - 1) != "on" {
        return None;
    }
    let w = words.get(i + 1)?;
    let ordinal = w.low.ends_with(|c: char| c.is_ascii_alphabetic());
    let day = day_at(words, i + 1).filter(|_| ordinal)?;
    let free = match words.get(i + 2) {
        None => true,
        Some(n) if n.clause != w.clause => true,
        Some(n) => matches!(
            n.low.as_str(),
            "at" | "and"
                | "when"
                | "in"
                | "after"
                | "before"
                | "as"
                | "that"
                | "while"
                | "but"
                | "or"
                | "during"
                | "following"
        ),
    };
    free.then_some((Said::DayOfMonth(day), 2))
}

/// The time of day at word `i`, as news writes it beside a date: "at 11:57 a.m. (Hawaii
/// time)", "8:23 pm local time", "at 11:45 am Eastern Standard Time", "at 14:30 GMT". How many
/// words it takes.
pub(super) fn time_at(words: &[Word], i: usize, text: &str) -> Option<usize> {
    let at = usize::from(low_at(words, i) == "at");
    let h = i + at;
    let hour = figures(words, h, 2, false).filter(|h| *h <= 24)?;
    let mut k = h + 1;
    let minutes = gap_after(words, h, text) == ":" && figures(words, k, 2, true).is_some();
    if minutes {
        k += 1;
    }
    let meridiem = match (low_at(words, k), low_at(words, k + 1)) {
        ("am" | "pm", _) => 1,
        ("a" | "p", "m") if gap_after(words, k, text) == "." => 2,
        _ => 0,
    };
    let clock = if meridiem > 0 {
        (1..=12).contains(&hour)
    } else {
        minutes
    };
    if !clock {
        return None;
    }
    k += meridiem;
    Some(k - i + zone_at(words, k))
}

/// Words naming a time zone at word `k`: "local time", "(Hawaii time)", "Eastern Standard
/// Time", "GMT".
fn zone_at(words: &[Word], k: usize) -> usize {
    if matches!(
        low_at(words, k),
        "gmt" | "utc" | "est" | "edt" | "et" | "cet" | "cest" | "bst" | "zulu"
    ) {
        return 1;
    }
    (0..3)
        .find(|&n| low_at(words, k + n) == "time")
        .filter(|&n| {
            (k..k + n).all(|j| words.get(j).is_some_and(|w| w.capital || w.low == "local"))
        })
        .map_or(0, |n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::words;

    /// What the first words of `text` say as a calendar date, and how many words it takes.
    fn said(text: &str) -> Option<(Said, usize)> {
        written_at(&words(text, 0, text.len()), 0, text)
    }

    #[test]
    fn calendar_dates_in_each_order() {
        let day = |year, month, day| Said::Day { year, month, day };
        assert_eq!(said("Feb. 1, 2020"), Some((day(Some(2020), 2, 1), 3)));
        assert_eq!(said("March 11th that"), Some((day(None, 3, 11), 2)));
        assert_eq!(said("16 July 2023"), Some((day(Some(2023), 7, 16), 3)));
        assert_eq!(said("14th of September"), Some((day(None, 9, 14), 3)));
        assert_eq!(said("2020-03-11 at"), Some((day(Some(2020), 3, 11), 3)));
        assert_eq!(said("2019-2020"), None);
        assert_eq!(
            said("21/3/2020"),
            Some((
                Said::Numeric {
                    first: 21,
                    second: 3,
                    year: 2020
                },
                3
            ))
        );
        assert_eq!(said("3/4/2020"), None, "either order names a day");
        assert_eq!(
            said("March of 2019"),
            Some((
                Said::Month {
                    year: Some(2019),
                    month: 3
                },
                3
            ))
        );
        assert_eq!(
            said("December last year"),
            Some((
                Said::MonthYearsAgo {
                    month: 12,
                    years: 1
                },
                3
            ))
        );
        assert_eq!(
            said("mid-March"),
            Some((
                Said::MonthPart {
                    year: None,
                    month: 3,
                    part: 2
                },
                2
            ))
        );
        assert_eq!(
            said("this past December"),
            Some((Said::LastNamedMonth(12), 3))
        );
        assert_eq!(
            said("march on"),
            None,
            "months are names, written with a capital"
        );
    }

    #[test]
    fn weekdays_with_what_qualifies_them() {
        let wd = |day, last, overnight| Said::Weekday {
            day,
            last,
            overnight,
        };
        assert_eq!(said("early Sunday"), Some((wd(7, false, false), 2)));
        assert_eq!(said("last Friday"), Some((wd(5, true, false), 2)));
        assert_eq!(said("Friday night"), Some((wd(5, false, false), 2)));
        assert_eq!(said("overnight into Sunday"), Some((wd(7, false, true), 3)));
        assert_eq!(
            said("late Thursday and early Friday hit"),
            Some((Said::Weekdays { first: 4, last: 5 }, 5))
        );
        assert_eq!(said("Friday, March 27"), None, "the date says it all");
        assert_eq!(said("Saturday 18 November"), None);
        let w = words("talks next Friday", 0, 17);
        assert_eq!(written_at(&w, 2, "talks next Friday"), None);
    }

    #[test]
    fn the_nth_needs_on_the_and_no_noun_after_it() {
        let text = "arrived on the 16th and left";
        let w = words(text, 0, text.len());
        assert_eq!(written_at(&w, 2, text), Some((Said::DayOfMonth(16), 2)));
        let text = "served on the 14th Army Corps";
        let w = words(text, 0, text.len());
        assert_eq!(written_at(&w, 2, text), None);
        let text = "came on the 16 buses";
        let w = words(text, 0, text.len());
        assert_eq!(written_at(&w, 2, text), None, "an ordinal, not a count");
    }

    #[test]
    fn times_of_day_and_their_zones() {
        let time = |text: &str| time_at(&words(text, 0, text.len()), 0, text);
        assert_eq!(time("at 11:57 a.m. (Hawaii time) Sept. 14"), Some(7));
        assert_eq!(time("8:23 pm local time in Syria"), Some(5));
        assert_eq!(time("at 11:45 am Eastern Standard Time,"), Some(7));
        assert_eq!(time("at 14:30 GMT"), Some(4));
        assert_eq!(time("at 11 of them"), None);
        assert_eq!(time("13 pm"), None);
    }
}
