//! Relative dates resolved: weekdays and nights, calendar weeks, months and years, days, weeks
//! and months ago, spans up to the reference ("over the past 48 hours", "in recent days"),
//! "since October", and "later" counted from the event told just before.

use super::reference::{add_months, edtf, ym, ymd, Reference};
use super::said::{Resolved, Unit};
use super::vocabulary::WEEKDAYS;
use crate::model::calendar::{civil, day_number, days_in_month, weekday};
use crate::model::edtf::{DaySpan, Precision};

/// The day a weekday is counted back from, how notes name it and the qualifier it passes on:
/// a full date nearby, else the reference day.
fn weekday_anchor(r: &Reference) -> Option<(i64, String, &'static str)> {
    match (r.ctx.nearby_day, r.day) {
        (Some((day, w)), _) => Some((day, format!("the date '{w}' nearby"), "")),
        (None, Some(day)) => Some((day, r.what.clone(), r.mark)),
        // Only the month is known: which of its weeks is not.
        (None, None) => None,
    }
}

/// Weekday `wd`'s name, as notes write it ("Friday").
fn weekday_name(wd: u32) -> String {
    let low = WEEKDAYS[(wd as usize + 6) % 7];
    low[..1].to_uppercase() + &low[1..]
}

/// The last weekday `wd` on or before `anchor`; strictly before with `last`.
fn last_weekday(anchor: i64, wd: u32, last: bool) -> i64 {
    let back = (i64::from(weekday(anchor)) - i64::from(wd)).rem_euclid(7);
    anchor - if last && back == 0 { 7 } else { back }
}

/// Weekday `wd`: the last such day on or before a date nearby or the reference day (news tells
/// what has happened); "last Friday" strictly before it; "overnight into Sunday" the night
/// into that day.
pub(super) fn weekday_date(
    r: &Reference,
    wd: u32,
    last: bool,
    overnight: bool,
) -> Option<Resolved> {
    let (anchor, from, mark) = weekday_anchor(r)?;
    let day = last_weekday(anchor, wd, last);
    let name = weekday_name(wd);
    let (text, how) = if overnight {
        (
            format!("{}{mark}/{}{mark}", ymd(day - 1), ymd(day)),
            format!("the night into the last {name} on or before"),
        )
    } else if last {
        (
            format!("{}{mark}", ymd(day)),
            format!("the last {name} before"),
        )
    } else {
        (
            format!("{}{mark}", ymd(day)),
            format!("the last {name} on or before"),
        )
    };
    Some(Resolved {
        edtf: edtf(&text)?,
        note: Some(format!("'{}' is taken as {how} {from}", r.words)),
    })
}

/// "Thursday and Friday": the last `last` on or before the anchor, and the days back to the
/// `first` before it.
pub(super) fn weekdays(r: &Reference, first: u32, last: u32) -> Option<Resolved> {
    let (anchor, from, mark) = weekday_anchor(r)?;
    let end = last_weekday(anchor, last, false);
    let start = last_weekday(end, first, false);
    Some(Resolved {
        edtf: edtf(&format!("{}{mark}/{}{mark}", ymd(start), ymd(end)))?,
        note: Some(format!(
            "'{}' is taken as the last {} on or before {from}, and the {} before it",
            r.words,
            weekday_name(last),
            weekday_name(first)
        )),
    })
}

/// Days counted from the reference day: "yesterday", "today", "two days ago".
pub(super) fn days_ago(r: &Reference, n: i64) -> Option<Resolved> {
    Some(Resolved {
        edtf: r.day_edtf(r.day? + n)?,
        note: r.note("is counted from"),
    })
}

/// "last night", "overnight": the night that ends on the reference day, its evening the day
/// before.
pub(super) fn last_night(r: &Reference) -> Option<Resolved> {
    let day = r.day?;
    Some(Resolved {
        edtf: r.days_edtf(day - 1, day)?,
        note: r.note("is the night, from the evening before, that ends on the day of"),
    })
}

/// A calendar week, month or year `offset` from the reference's. Last week is Monday to
/// Sunday; this week runs up to the reference day, as news tells what has happened.
pub(super) fn period(r: &Reference, unit: Unit, offset: i64) -> Option<Resolved> {
    match unit {
        Unit::Week => {
            let Some(day) = r.day else {
                return r.month_only(0, "falls near");
            };
            let monday = day - i64::from(weekday(day)) + 1 + 7 * offset;
            let (last, how) = if offset < 0 {
                (
                    monday + 6,
                    "is the calendar week (Monday to Sunday) counted from",
                )
            } else {
                (day, "runs from the Monday of the week to")
            };
            Some(Resolved {
                edtf: r.days_edtf(monday, last)?,
                note: r.note(how),
            })
        }
        Unit::Year => {
            let (y, approx) = r.year()?;
            Some(Resolved {
                edtf: edtf(&format!(
                    "{:04}{}",
                    y + offset,
                    if approx { "~" } else { "" }
                ))?,
                note: r.note("is counted from"),
            })
        }
        _ => r.month_only(offset, "is counted from"),
    }
}

/// "earlier this week/month/year": from the start of the reference's week, month or year to
/// the reference day.
pub(super) fn earlier_this(r: &Reference, unit: Unit) -> Option<Resolved> {
    let Some(day) = r.day else {
        return match unit {
            Unit::Year => period(r, Unit::Year, 0),
            _ => r.month_only(0, "is counted from"),
        };
    };
    let (y, m, _) = civil(day);
    let start = match unit {
        Unit::Week => day - i64::from(weekday(day)) + 1,
        Unit::Year => day_number(y, 1, 1),
        _ => day_number(y, m, 1),
    };
    Some(Resolved {
        edtf: r.days_edtf(start, day)?,
        note: r.note("runs from the start of the period to"),
    })
}

/// The day `amount` `unit`s before `day`, the day of the month kept where the month has it.
fn back(day: i64, amount: i64, unit: Unit) -> i64 {
    let (y, m, d) = civil(day);
    let months = match unit {
        Unit::Hour => return day - (amount + 23) / 24,
        Unit::Day => return day - amount,
        Unit::Week => return day - 7 * amount,
        Unit::Month => amount,
        Unit::Year => 12 * amount,
    };
    let (y, m) = add_months(y, m, -months);
    day_number(y, m, d.min(days_in_month(y, m)))
}

/// "three weeks ago", "two months ago", "two years ago": about then (weeks to the day, months
/// and years to the month); "hours ago" up to the reference day.
pub(super) fn ago(r: &Reference, amount: i64, unit: Unit) -> Option<Resolved> {
    let edtf = match unit {
        Unit::Hour => {
            let day = r.day?;
            r.days_edtf(back(day, amount, unit), day - amount / 24)?
        }
        Unit::Day => r.day_edtf(r.day? - amount)?,
        Unit::Week => r.about_day(r.day? - 7 * amount)?,
        Unit::Month | Unit::Year => {
            let (y, m, _) = r.month()?;
            let months = if unit == Unit::Year {
                12 * amount
            } else {
                amount
            };
            let (y, m) = add_months(y, m, -months);
            edtf(&format!("{}~", ym(y, m)))?
        }
    };
    Some(Resolved {
        edtf,
        note: r.note("is counted back, roughly, from"),
    })
}

/// The reference day `years` years back ("one year since the assassination"): its day when
/// the reference gives one (February 29 falls on the 28th), else its month, roughly, as
/// "years ago" is.
pub(super) fn years_since(r: &Reference, years: i64) -> Option<Resolved> {
    let Some(day) = r.day else {
        return ago(r, years, Unit::Year);
    };
    let (y, m, d) = civil(day);
    let y = y - years;
    Some(Resolved {
        edtf: r.day_edtf(day_number(y, m, d.min(days_in_month(y, m))))?,
        note: r.note("is counted back, to the day, from"),
    })
}

/// "over the past 48 hours", "in the last six months": from so long before the reference day
/// to it.
pub(super) fn past(r: &Reference, amount: i64, unit: Unit) -> Option<Resolved> {
    let Some(day) = r.day else {
        let (y, m, approx) = r.month()?;
        let months = match unit {
            Unit::Month => amount,
            Unit::Year => 12 * amount,
            _ => 0,
        };
        let (ya, ma) = add_months(y, m, -months);
        let q = if approx { "~" } else { "" };
        let text = if months == 0 {
            format!("{}{q}", ym(y, m))
        } else {
            format!("{}{q}/{}{q}", ym(ya, ma), ym(y, m))
        };
        return Some(Resolved {
            edtf: edtf(&text)?,
            note: r.note("runs up to"),
        });
    };
    Some(Resolved {
        edtf: r.days_edtf(back(day, amount, unit), day)?,
        note: r.note("runs up to"),
    })
}

/// "in recent days", "the past few weeks": up to the reference, from a start the text does
/// not give.
pub(super) fn recent(r: &Reference) -> Option<Resolved> {
    let end = match r.day {
        Some(day) => format!("{}{}", ymd(day), r.mark),
        None => {
            let (y, m, approx) = r.month()?;
            format!("{}{}", ym(y, m), if approx { "~" } else { "" })
        }
    };
    Some(Resolved {
        edtf: edtf(&format!("../{end}"))?,
        note: Some(format!(
            "'{}' runs up to {}; the text does not give its start",
            r.words, r.what
        )),
    })
}

/// "since October": from the start of `point` (the date after "since") to the reference day.
pub(super) fn since(r: &Reference, point: Resolved) -> Option<Resolved> {
    let start = match point.edtf.precision() {
        Precision::Range => ymd(i64::from(point.edtf.span().earliest)),
        _ => point.edtf.to_string(),
    };
    let end = match (r.day, r.month()) {
        (Some(day), _) => format!("{}{}", ymd(day), r.mark),
        (None, Some((y, m, approx))) => format!("{}{}", ym(y, m), if approx { "~" } else { "" }),
        (None, None) => "..".into(),
    };
    let edtf = edtf(&format!("{start}/{end}"))?;
    let mut note = point.note.map_or(String::new(), |n| format!("{n}; "));
    note.push_str(&format!("'{}' runs from then to", r.words));
    if end != ".." {
        note.push(' ');
        note.push_str(&r.what);
    } else {
        note.push_str(" a day the text does not give");
    }
    Some(Resolved {
        edtf,
        note: Some(note),
    })
}

/// `amount` `unit`s from `prev`, the span of the event told just before: days and hours to the
/// day, weeks, months and years approximately.
pub(super) fn later(words: &str, prev: DaySpan, amount: i64, unit: Unit) -> Option<Resolved> {
    if prev.earliest == DaySpan::OPEN_START || prev.latest == DaySpan::OPEN_END {
        return None;
    }
    let (first, last) = (i64::from(prev.earliest), i64::from(prev.latest));
    let (y, m, _) = civil(first);
    let text = match unit {
        // "hours later": the same day or the next; "30 hours later": the next or the one after.
        Unit::Hour if amount == 0 => span_text(first, last + 1),
        Unit::Hour => span_text(first + amount / 24, last + (amount + 23) / 24),
        Unit::Day => span_text(first + amount, last + amount),
        Unit::Week => format!("{}~", ymd(first + 7 * amount)),
        Unit::Month => {
            let (y, m) = add_months(y, m, amount);
            format!("{}~", ym(y, m))
        }
        Unit::Year => format!("{:04}~", y + amount),
    };
    let told = span_text(first, last);
    Some(Resolved {
        edtf: edtf(&text)?,
        note: Some(format!(
            "'{words}' is counted from the event told just before ({told})"
        )),
    })
}

/// A day, or the days `first` to `last`.
fn span_text(first: i64, last: i64) -> String {
    if first == last {
        ymd(first)
    } else {
        format!("{}/{}", ymd(first), ymd(last))
    }
}

#[cfg(test)]
mod tests {
    use super::super::said::Context;
    use super::*;
    use crate::model::edtf::Edtf;

    fn ctx(published: Option<&Edtf>) -> Context<'_> {
        Context {
            published,
            ..Context::default()
        }
    }

    fn text(r: Option<Resolved>) -> String {
        r.map_or("-".into(), |r| r.edtf.to_string())
    }

    fn with<T>(published: &str, words: &str, f: impl Fn(&Reference) -> T) -> T {
        let p = Edtf::parse(published).unwrap();
        let c = ctx(Some(&p));
        f(&Reference::new(words, &c))
    }

    #[test]
    fn weekdays_are_the_last_on_or_before_the_reference() {
        // Monday 18 July 2016.
        let got = |wd, last| {
            with("2016-07-18", "Friday", |r| {
                text(weekday_date(r, wd, last, false))
            })
        };
        assert_eq!(got(5, false), "2016-07-15");
        assert_eq!(got(1, false), "2016-07-18", "the publication's own weekday");
        assert_eq!(got(1, true), "2016-07-11", "'last Monday' is before it");
        assert_eq!(got(6, true), "2016-07-16");
        // Across a year's end, and a leap day.
        assert_eq!(
            with("2020-01-02", "Tuesday", |r| text(weekday_date(
                r, 2, false, false
            ))),
            "2019-12-31"
        );
        assert_eq!(
            with("2020-03-01", "Saturday", |r| text(weekday_date(
                r, 6, false, false
            ))),
            "2020-02-29"
        );
        assert_eq!(
            with("2023-12-04", "overnight into Sunday", |r| text(
                weekday_date(r, 7, false, true)
            )),
            "2023-12-02/2023-12-03"
        );
        // An approximate publication date passes its qualifier on; a month alone fixes none.
        assert_eq!(
            with("2020-05-05~", "Tuesday", |r| text(weekday_date(
                r, 2, false, false
            ))),
            "2020-05-05~"
        );
        assert_eq!(
            with("2020-07~", "Tuesday", |r| text(weekday_date(
                r, 2, false, false
            ))),
            "-"
        );
        assert_eq!(
            with("2020-03-17", "Thursday and Friday", |r| text(weekdays(
                r, 4, 5
            ))),
            "2020-03-12/2020-03-13"
        );
    }

    #[test]
    fn days_and_nights_count_from_the_publication_day() {
        assert_eq!(
            with("2020-03-01", "yesterday", |r| text(days_ago(r, -1))),
            "2020-02-29"
        );
        assert_eq!(
            with("2021-03-01", "yesterday", |r| text(days_ago(r, -1))),
            "2021-02-28"
        );
        assert_eq!(
            with("2020-01-01", "two days ago", |r| text(days_ago(r, -2))),
            "2019-12-30"
        );
        assert_eq!(
            with("2023-07-16?", "today", |r| text(days_ago(r, 0))),
            "2023-07-16?"
        );
        assert_eq!(
            with("2020-08~", "yesterday", |r| text(days_ago(r, -1))),
            "-"
        );
        assert_eq!(
            with("2025-08-28", "overnight", |r| text(last_night(r))),
            "2025-08-27/2025-08-28"
        );
        assert_eq!(
            with("2020-01-01", "last night", |r| text(last_night(r))),
            "2019-12-31/2020-01-01"
        );
    }

    #[test]
    fn calendar_weeks_months_and_years() {
        // Tuesday 17 March 2020: last week is 9-15 March.
        assert_eq!(
            with("2020-03-17", "last week", |r| text(period(
                r,
                Unit::Week,
                -1
            ))),
            "2020-03-09/2020-03-15"
        );
        assert_eq!(
            with("2020-03-17", "this week", |r| text(period(
                r,
                Unit::Week,
                0
            ))),
            "2020-03-16/2020-03-17"
        );
        assert_eq!(
            with("2020-01-02", "last week", |r| text(period(
                r,
                Unit::Week,
                -1
            ))),
            "2019-12-23/2019-12-29"
        );
        assert_eq!(
            with("2020-01-15", "last month", |r| text(period(
                r,
                Unit::Month,
                -1
            ))),
            "2019-12"
        );
        assert_eq!(
            with("2020-08~", "last month", |r| text(period(
                r,
                Unit::Month,
                -1
            ))),
            "2020-07~"
        );
        assert_eq!(
            with("2020-01-15", "last year", |r| text(period(
                r,
                Unit::Year,
                -1
            ))),
            "2019"
        );
        assert_eq!(
            with("2020-03-17", "earlier this week", |r| text(earlier_this(
                r,
                Unit::Week
            ))),
            "2020-03-16/2020-03-17"
        );
        assert_eq!(
            with("2020-03-17", "earlier this month", |r| text(earlier_this(
                r,
                Unit::Month
            ))),
            "2020-03-01/2020-03-17"
        );
        assert_eq!(
            with("2020-03-17", "earlier this year", |r| text(earlier_this(
                r,
                Unit::Year
            ))),
            "2020-01-01/2020-03-17"
        );
    }

    #[test]
    fn ago_and_spans_up_to_the_reference() {
        assert_eq!(
            with("2020-03-01", "two days ago", |r| text(ago(r, 2, Unit::Day))),
            "2020-02-28"
        );
        assert_eq!(
            with("2020-03-17", "three weeks ago", |r| text(ago(
                r,
                3,
                Unit::Week
            ))),
            "2020-02-25~"
        );
        assert_eq!(
            with("2020-01-17", "two months ago", |r| text(ago(
                r,
                2,
                Unit::Month
            ))),
            "2019-11~"
        );
        assert_eq!(
            with("2023-06-08", "two years ago", |r| text(ago(
                r,
                2,
                Unit::Year
            ))),
            "2021-06~"
        );
        assert_eq!(
            with("2020-03-17", "hours ago", |r| text(ago(r, 5, Unit::Hour))),
            "2020-03-16/2020-03-17"
        );
        assert_eq!(
            with("2022-12-20", "the past 48 hours", |r| text(past(
                r,
                48,
                Unit::Hour
            ))),
            "2022-12-18/2022-12-20"
        );
        assert_eq!(
            with("2023-12-04", "the past 24 hours", |r| text(past(
                r,
                24,
                Unit::Hour
            ))),
            "2023-12-03/2023-12-04"
        );
        assert_eq!(
            with("2020-03-13", "the last six months", |r| text(past(
                r,
                6,
                Unit::Month
            ))),
            "2019-09-13/2020-03-13"
        );
        assert_eq!(
            with("2020-08-31", "the past six months", |r| text(past(
                r,
                6,
                Unit::Month
            ))),
            "2020-02-29/2020-08-31"
        );
        assert_eq!(
            with("2021-02-28", "the past year", |r| text(past(
                r,
                1,
                Unit::Year
            ))),
            "2020-02-28/2021-02-28"
        );
        assert_eq!(
            with("2020-08~", "the past week", |r| text(past(
                r,
                1,
                Unit::Week
            ))),
            "2020-08~"
        );
        assert_eq!(
            with("2021-11-09", "in recent months", |r| text(recent(r))),
            "../2021-11-09"
        );
    }

    #[test]
    fn since_runs_from_its_date_to_the_reference() {
        let got = |published: &str, point: &str| {
            with(published, "since October", |r| {
                let point = Resolved {
                    edtf: Edtf::parse(point).unwrap(),
                    note: None,
                };
                text(since(r, point))
            })
        };
        assert_eq!(got("2020-03-13", "2019-10"), "2019-10/2020-03-13");
        assert_eq!(got("2020-03-13", "2020-01-08"), "2020-01-08/2020-03-13");
        assert_eq!(got("2020-08~", "2019"), "2019/2020-08~");
        assert_eq!(
            got("2020-03-13", "2019-12-21/2019-12-31"),
            "2019-12-21/2020-03-13"
        );
    }

    #[test]
    fn later_counts_from_the_event_told_before() {
        let day = |t: &str| Edtf::parse(t).unwrap().span();
        let got = |prev: &str, amount, unit| text(later("later", day(prev), amount, unit));
        assert_eq!(got("2020-01-08", 2, Unit::Month), "2020-03~");
        assert_eq!(got("2020-02-28", 1, Unit::Day), "2020-02-29");
        assert_eq!(got("2019-12-31", 1, Unit::Day), "2020-01-01");
        assert_eq!(got("2020-03-11", -1, Unit::Day), "2020-03-10");
        assert_eq!(got("2020-03-11", 0, Unit::Hour), "2020-03-11/2020-03-12");
        assert_eq!(got("2020-03-11", 30, Unit::Hour), "2020-03-12/2020-03-13");
        assert_eq!(got("2020-03-11", 0, Unit::Day), "2020-03-11");
        assert_eq!(got("2020-03-11", 1, Unit::Week), "2020-03-18~");
        assert_eq!(
            text(later(
                "later",
                DaySpan {
                    earliest: DaySpan::OPEN_START,
                    latest: 0
                },
                1,
                Unit::Day
            )),
            "-"
        );
    }
}
