//! Date expressions in news text, and how each becomes an EDTF date with the span it implies.
//!
//! Found: "Jan. 8", "Feb. 1, 2020", "March 27, 2020", "in January", "late December", "2019",
//! weekdays ("on Thursday", "early Friday"), "last month", "this month", "earlier this month",
//! "last week", "this week", "yesterday", "today", and "two months later" / "a week later".
//! Resolving needs a reference: an explicit date nearby (in the same paragraph, as a photo
//! caption gives), the publication date, or the date of the event told just before. What cannot
//! be fixed is not guessed.

use super::words::Word;
use crate::model::calendar::{civil, day_number, days_in_month, weekday, MONTH_NAMES};
use crate::model::edtf::{DaySpan, Edtf};

/// What a date expression says, before it is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// A day; the year when written.
    Day {
        year: Option<i64>,
        month: u32,
        day: u32,
    },
    /// A month; the year when written.
    Month { year: Option<i64>, month: u32 },
    /// Early (1-10), mid (11-20) or late (21-end) in a month.
    MonthPart {
        year: Option<i64>,
        month: u32,
        part: u8,
    },
    /// A year.
    Year(i64),
    /// A day of the week, 1 = Monday.
    Weekday(u32),
    /// Months counted from the reference month: -1 last month, 0 this month.
    MonthsAgo(i64),
    /// From the start of the reference month to the reference day.
    EarlierThisMonth,
    /// Weeks counted from the reference week: -1 last week, 0 this week.
    WeeksAgo(i64),
    /// Days counted from the reference day: -1 yesterday, 0 today.
    DaysAgo(i64),
    /// Months, weeks or days after the event told just before ("two months later").
    Later { amount: i64, unit: Unit },
}

/// A unit of "later".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A date expression: where it is (byte offsets) and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub said: Said,
    /// Index of the first word, for clause lookups.
    pub word: usize,
}

impl Found {
    /// The expression is a full date or a year: it can anchor others.
    pub fn explicit_day(&self) -> Option<i64> {
        match self.said {
            Said::Day {
                year: Some(y),
                month,
                day,
            } => Some(day_number(y, month, day)),
            _ => None,
        }
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_of(word: &str) -> Option<u32> {
    let short = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if let Some(i) = MONTH_NAMES
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
    {
        return Some(i as u32 + 1);
    }
    if word == "sept" {
        return Some(9);
    }
    // "May" alone is too often the verb; the full names above already cover it.
    short
        .iter()
        .position(|m| *m == word && word != "may")
        .map(|i| i as u32 + 1)
}

fn number_word(word: &str) -> Option<i64> {
    const SMALL: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if word == "a" || word == "an" {
        return Some(1);
    }
    SMALL
        .iter()
        .position(|w| *w == word)
        .map(|i| i as i64)
        .or_else(|| word.parse::<i64>().ok().filter(|n| (1..=99).contains(n)))
}

fn year_of(w: &Word, text: &str) -> Option<i64> {
    let raw = &text[w.start..w.end];
    if raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let y: i64 = raw.parse().ok()?;
        if (1800..=2200).contains(&y) {
            return Some(y);
        }
    }
    None
}

/// Every date expression among `words` (one sentence's words), in order.
pub fn find(words: &[Word], text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match said_at(words, i, text) {
            Some((said, used)) => {
                let last = &words[(i + used - 1).min(words.len() - 1)];
                // Include "early"/"late" before a month in the words as written.
                let start = match said {
                    Said::MonthPart { .. } | Said::EarlierThisMonth => words[i - 1].start,
                    _ => words[i].start,
                };
                out.push(Found {
                    start,
                    end: last.end,
                    said,
                    word: i,
                });
                i += used;
            }
            None => i += 1,
        }
    }
    out
}

/// The folded word `i` of `words`, or "" past either end.
fn low_at(words: &[Word], i: usize) -> &str {
    words.get(i).map_or("", |w| w.low.as_str())
}

/// The date expression starting at word `i`: what it says and how many words it takes.
fn said_at(words: &[Word], i: usize, text: &str) -> Option<(Said, usize)> {
    let w = &words[i];
    if let Some(month) = month_of(&w.low).filter(|_| w.capital) {
        return Some(month_at(words, i, text, month));
    }
    if let Some(d) = WEEKDAYS
        .iter()
        .position(|d| *d == w.low)
        .filter(|_| w.capital)
    {
        // "Friday, March 27, 2020": the date that follows says it all.
        let dated = words
            .get(i + 1)
            .is_some_and(|n| n.capital && month_of(&n.low).is_some());
        return (!dated).then_some((Said::Weekday(d as u32 + 1), 1));
    }
    if let Some(y) = year_of(w, text) {
        let before = if i > 0 { low_at(words, i - 1) } else { "" };
        return matches!(
            before,
            "in" | "of" | "since" | "until" | "by" | "early" | "late" | "during"
        )
        .then_some((Said::Year(y), 1));
    }
    relative_at(words, i)
}

/// A date starting with the name of `month` at word `i`: Month [day] [, year] | [early, mid,
/// late] Month [year].
fn month_at(words: &[Word], i: usize, text: &str, month: u32) -> (Said, usize) {
    let day = words
        .get(i + 1)
        .and_then(|d| text[d.start..d.end].parse::<u32>().ok())
        .filter(|d| (1..=31).contains(d));
    if let Some(day) = day {
        let year = words.get(i + 2).and_then(|y| year_of(y, text));
        let used = if year.is_some() { 3 } else { 2 };
        return (Said::Day { year, month, day }, used);
    }
    let year = words.get(i + 1).and_then(|y| year_of(y, text));
    let part = match (i > 0).then(|| low_at(words, i - 1)) {
        Some("early") => Some(1),
        Some("mid") | Some("middle") => Some(2),
        Some("late") => Some(3),
        _ => None,
    };
    let used = if year.is_some() { 2 } else { 1 };
    (
        match part {
            Some(part) => Said::MonthPart { year, month, part },
            None => Said::Month { year, month },
        },
        used,
    )
}

/// A date relative to the reference or to the event told before, starting at word `i`:
/// "last month", "earlier this month", "this week", "yesterday", "two months later".
fn relative_at(words: &[Word], i: usize) -> Option<(Said, usize)> {
    let next = low_at(words, i + 1);
    let third = low_at(words, i + 2);
    match (low_at(words, i), next, third) {
        ("last", "month", _) => Some((Said::MonthsAgo(-1), 2)),
        ("this", "month", _) => {
            let earlier = i > 0 && low_at(words, i - 1) == "earlier";
            Some((
                if earlier {
                    Said::EarlierThisMonth
                } else {
                    Said::MonthsAgo(0)
                },
                2,
            ))
        }
        ("last", "week", _) => Some((Said::WeeksAgo(-1), 2)),
        ("hours", "later", _) | ("moments", "later", _) | ("minutes", "later", _) => Some((
            Said::Later {
                amount: 0,
                unit: Unit::Day,
            },
            2,
        )),
        ("this", "week", _) => Some((Said::WeeksAgo(0), 2)),
        ("yesterday", _, _) => Some((Said::DaysAgo(-1), 1)),
        ("today", _, _) => Some((Said::DaysAgo(0), 1)),
        (n, unit, "later") | (n, unit, "after") if number_word(n).is_some() => {
            let amount = number_word(n).unwrap_or(1);
            let unit = match unit.trim_end_matches('s') {
                "day" => Some(Unit::Day),
                "week" => Some(Unit::Week),
                "month" => Some(Unit::Month),
                "year" => Some(Unit::Year),
                _ => None,
            };
            // "Six months after <event>" counts from an event this clause names, not
            // from the one told before: only "later" is read.
            match unit {
                Some(unit) if third == "later" => Some((Said::Later { amount, unit }, 3)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A date worked out: its EDTF, and a note when anything was inferred.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub edtf: Edtf,
    pub note: Option<String>,
}

/// The context a date expression is resolved in.
pub struct Context<'a> {
    /// A full date stated nearby (same paragraph), as a day number and its words.
    pub nearby_day: Option<(i64, &'a str)>,
    /// The publication date.
    pub published: Option<&'a Edtf>,
    /// A year the text states (nearest first), for month-day dates written without one.
    pub text_year: Option<i64>,
    /// The span of the event told just before, for "two months later".
    pub previous: Option<DaySpan>,
    /// With no publication date, the latest full date the text states (approximate, as the
    /// text was written some time after it) and its words: the reference for "last month".
    pub stated: Option<(&'a Edtf, &'a str)>,
}

fn edtf(text: &str) -> Option<Edtf> {
    Edtf::parse(text).ok()
}

fn ymd(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn ym(year: i64, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

fn add_months(year: i64, month: u32, n: i64) -> (i64, u32) {
    let total = year * 12 + i64::from(month) - 1 + n;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// The publication date's day when it is known to the day (not approximate).
fn published_day(p: Option<&Edtf>) -> Option<i64> {
    let p = p?;
    let span = p.span();
    (span.earliest == span.latest && !p.is_approximate()).then_some(i64::from(span.earliest))
}

/// The reference month (year, month, approximate) from the publication date.
fn published_month(p: Option<&Edtf>) -> Option<(i64, u32, bool)> {
    let p = p?;
    let span = p.span();
    if span.earliest == DaySpan::OPEN_START || span.latest == DaySpan::OPEN_END {
        return None;
    }
    // The middle of the span names the month; a span wider than about a month is too loose.
    let width = i64::from(span.latest) - i64::from(span.earliest);
    if width > 100 {
        return None;
    }
    let mid = (i64::from(span.earliest) + i64::from(span.latest)) / 2;
    let (y, m, _) = civil(mid);
    Some((y, m, p.is_approximate() || width > 31))
}

/// Resolves `said` in `ctx`; `None` when the text does not fix it.
pub fn resolve(said: Said, words: &str, ctx: &Context) -> Option<Resolved> {
    let r = Resolver::new(words, ctx);
    match said {
        Said::Day {
            year: Some(y),
            month,
            day,
        } => {
            (day <= days_in_month(y, month)).then_some(())?;
            Some(Resolved {
                edtf: edtf(&ymd(day_number(y, month, day)))?,
                note: None,
            })
        }
        Said::Day {
            year: None,
            month,
            day,
        } => {
            let (y, why) = r.year_for(month)?;
            (day <= days_in_month(y, month)).then_some(())?;
            Some(Resolved {
                edtf: edtf(&ymd(day_number(y, month, day)))?,
                note: Some(format!("'{words}': {why}")),
            })
        }
        Said::Month { year, month } => match year {
            Some(y) => Some(Resolved {
                edtf: edtf(&ym(y, month))?,
                note: None,
            }),
            None => {
                let (y, why) = r.year_for(month)?;
                Some(Resolved {
                    edtf: edtf(&ym(y, month))?,
                    note: Some(format!("'{words}': {why}")),
                })
            }
        },
        Said::MonthPart { year, month, part } => r.month_part(year, month, part),
        Said::Year(y) => Some(Resolved {
            edtf: edtf(&format!("{y:04}"))?,
            note: None,
        }),
        Said::Weekday(wd) => r.weekday(wd),
        Said::MonthsAgo(n) => r.month_only(n, "counted from"),
        Said::EarlierThisMonth => r.earlier_this_month(),
        Said::WeeksAgo(n) => r.weeks_ago(n),
        Said::DaysAgo(n) => {
            let day = published_day(r.reference)? + n;
            Some(Resolved {
                edtf: edtf(&ymd(day))?,
                note: r.pub_note("counted from"),
            })
        }
        Said::Later { amount, unit } => later(words, ctx.previous?, amount, unit),
    }
}

/// A date expression's words in its context, with the reference that relative dates count
/// from.
struct Resolver<'a> {
    words: &'a str,
    ctx: &'a Context<'a>,
    /// What "last month" and "this week" count from: the publication date, else the latest
    /// date the text states.
    reference: Option<&'a Edtf>,
    /// The reference as notes name it.
    what: String,
}

impl<'a> Resolver<'a> {
    fn new(words: &'a str, ctx: &'a Context<'a>) -> Resolver<'a> {
        let (reference, what) = match (ctx.published, ctx.stated) {
            (Some(p), _) => (Some(p), format!("the publication date ({p})")),
            (None, Some((e, w))) => (
                Some(e),
                format!(
                    "'{w}', the latest date the text states (the publication date is not given)"
                ),
            ),
            (None, None) => (None, String::new()),
        };
        Resolver {
            words,
            ctx,
            reference,
            what,
        }
    }

    /// The note for a date counted from the reference, `how` saying in what way.
    fn pub_note(&self, how: &str) -> Option<String> {
        self.reference
            .map(|_| format!("'{}' {how} {}", self.words, self.what))
    }

    /// When only the reference's month is known: that month (moved by `months`), approximate
    /// when the reference is.
    fn month_only(&self, months: i64, how: &str) -> Option<Resolved> {
        let (y, m, approx) = published_month(self.reference)?;
        let (y, m) = add_months(y, m, months);
        Some(Resolved {
            edtf: edtf(&format!("{}{}", ym(y, m), if approx { "~" } else { "" }))?,
            note: self.pub_note(how),
        })
    }

    /// A year for dates written without one: the text's own, else the publication's.
    fn year_for(&self, month: u32) -> Option<(i64, String)> {
        let ctx = self.ctx;
        if let Some((day, w)) = ctx.nearby_day {
            let (y, _, _) = civil(day);
            return Some((y, format!("the year is that of '{w}' nearby")));
        }
        if let Some(y) = ctx.text_year {
            return Some((y, format!("the year is {y}, the one the text states")));
        }
        let (py, pm, _) = published_month(ctx.published)?;
        // A month after the publication month was last year's.
        let y = if month > pm { py - 1 } else { py };
        Some((
            y,
            format!(
                "the year is inferred from the publication date ({})",
                ctx.published?
            ),
        ))
    }

    /// Early (days 1-10), mid (11-20) or late (21 to the end) in a month.
    fn month_part(&self, year: Option<i64>, month: u32, part: u8) -> Option<Resolved> {
        let (y, why) = match year {
            Some(y) => (y, None),
            None => {
                let (y, why) = self.year_for(month)?;
                (y, Some(why))
            }
        };
        let last = days_in_month(y, month);
        let (a, b) = match part {
            1 => (1, 10),
            2 => (11, 20),
            _ => (21, last),
        };
        let text = format!(
            "{}/{}",
            ymd(day_number(y, month, a)),
            ymd(day_number(y, month, b))
        );
        let mut note = format!("'{}' is read as days {a} to {b} of the month", self.words);
        if let Some(why) = why {
            note.push_str("; ");
            note.push_str(&why);
        }
        Some(Resolved {
            edtf: edtf(&text)?,
            note: Some(note),
        })
    }

    /// Weekday `wd`: the last such day on or before a date nearby or the reference, as news
    /// tells what has happened; somewhere in the reference's month when only that is known.
    fn weekday(&self, wd: u32) -> Option<Resolved> {
        let (anchor, from) = match (self.ctx.nearby_day, published_day(self.reference)) {
            (Some((day, w)), _) => (day, format!("the date '{w}' nearby")),
            (None, Some(day)) => (day, self.what.clone()),
            // Only the month is known: the weekday is somewhere in it.
            (None, None) => return self.month_only(0, "is a weekday near"),
        };
        let back = (i64::from(weekday(anchor)) - i64::from(wd)).rem_euclid(7);
        Some(Resolved {
            edtf: edtf(&ymd(anchor - back))?,
            note: Some(format!(
                "'{}' is taken as the last {} on or before {from}",
                self.words,
                WEEKDAYS[wd as usize - 1]
            )),
        })
    }

    /// From the start of the reference's month to the reference day.
    fn earlier_this_month(&self) -> Option<Resolved> {
        match published_day(self.reference) {
            Some(day) => {
                let (y, m, _) = civil(day);
                Some(Resolved {
                    edtf: edtf(&format!("{}/{}", ymd(day_number(y, m, 1)), ymd(day)))?,
                    note: self.pub_note("runs from the start of the month to"),
                })
            }
            None => self.month_only(0, "counted from"),
        }
    }

    /// The calendar week `n` weeks from the reference's (Monday to Sunday).
    fn weeks_ago(&self, n: i64) -> Option<Resolved> {
        match published_day(self.reference) {
            Some(day) => {
                let monday = day - i64::from(weekday(day)) + 1 + 7 * n;
                Some(Resolved {
                    edtf: edtf(&format!("{}/{}", ymd(monday), ymd(monday + 6)))?,
                    note: self.pub_note("is the calendar week counted from"),
                })
            }
            None => self.month_only(0, "falls near"),
        }
    }
}

/// `amount` `unit`s after the start of `prev`, the span of the event told just before:
/// approximate.
fn later(words: &str, prev: DaySpan, amount: i64, unit: Unit) -> Option<Resolved> {
    if prev.earliest == DaySpan::OPEN_START || prev.latest == DaySpan::OPEN_END {
        return None;
    }
    let (y, m, _) = civil(i64::from(prev.earliest));
    let text = match unit {
        Unit::Day => format!("{}~", ymd(i64::from(prev.earliest) + amount)),
        Unit::Week => format!("{}~", ymd(i64::from(prev.earliest) + 7 * amount)),
        Unit::Month => {
            let (y, m) = add_months(y, m, amount);
            format!("{}~", ym(y, m))
        }
        Unit::Year => format!("{:04}~", y + amount),
    };
    Some(Resolved {
        edtf: edtf(&text)?,
        note: Some(format!(
            "'{words}' is counted from the event told just before ({}), so it is approximate",
            ymd(i64::from(prev.earliest))
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn first(text: &str, ctx: &Context) -> Option<(String, String)> {
        let w = words(text, 0, text.len());
        let f = find(&w, text).into_iter().next()?;
        let r = resolve(f.said, &text[f.start..f.end], ctx)?;
        Some((text[f.start..f.end].to_string(), r.edtf.to_string()))
    }

    fn ctx<'a>(published: Option<&'a Edtf>, nearby: Option<(i64, &'a str)>) -> Context<'a> {
        Context {
            nearby_day: nearby,
            published,
            text_year: None,
            previous: None,
            stated: None,
        }
    }

    #[test]
    fn explicit_dates_and_years_from_context() {
        let none = ctx(None, None);
        assert_eq!(first("on Feb. 1, 2020, he", &none).unwrap().1, "2020-02-01");
        assert_eq!(
            first("early Friday, March 27, 2020.", &none).unwrap().1,
            "2020-03-27"
        );
        assert_eq!(
            first("Iran on Jan. 8 launched", &none),
            None,
            "no year, nothing to infer it from"
        );
        let p = Edtf::parse("2020-08~").unwrap();
        assert_eq!(
            first("Iran on Jan. 8 launched", &ctx(Some(&p), None))
                .unwrap()
                .1,
            "2020-01-08"
        );
        let p = Edtf::parse("2020-02-10").unwrap();
        assert_eq!(
            first("attacks in late December killed", &ctx(Some(&p), None)).unwrap(),
            ("late December".into(), "2019-12-21/2019-12-31".into())
        );
    }

    #[test]
    fn weekdays_count_back_from_the_nearest_anchor() {
        let friday = day_number(2020, 3, 27);
        let c = ctx(None, Some((friday, "March 27, 2020")));
        assert_eq!(
            first("the military on Thursday said", &c).unwrap().1,
            "2020-03-26"
        );
        assert_eq!(first("early Friday", &c).unwrap().1, "2020-03-27");
        let p = Edtf::parse("2020-07~").unwrap();
        assert_eq!(
            first("was in Baghdad on Tuesday", &ctx(Some(&p), None))
                .unwrap()
                .1,
            "2020-07~"
        );
    }

    #[test]
    fn relative_months_weeks_and_later() {
        let p = Edtf::parse("2020-08-12").unwrap();
        let c = ctx(Some(&p), None);
        assert_eq!(first("Last month, the general", &c).unwrap().1, "2020-07");
        assert_eq!(first("as recently as this month", &c).unwrap().1, "2020-08");
        assert_eq!(
            first("after meeting last week", &c).unwrap().1,
            "2020-08-03/2020-08-09"
        );
        assert_eq!(
            first("lull from earlier this month", &c).unwrap().1,
            "2020-08-01/2020-08-12"
        );
        let later = Context {
            previous: Some(Edtf::parse("2020-01-08").unwrap().span()),
            ..ctx(None, None)
        };
        assert_eq!(
            first("Two months later, jets struck", &later).unwrap().1,
            "2020-03~"
        );
        assert_eq!(first("Six months after a strike", &later), None);
    }
}
