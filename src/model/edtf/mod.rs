//! Dates as EDTF (ISO 8601-2, Extended Date/Time Format): the types, precision and qualifiers
//! here; parsing and validation in `parse.rs`, day spans in `span.rs`, text for machines and
//! readers in `format.rs`, and the parts a page writes in its reader's language in `parts.rs`.
//!
//! All of level 0 and level 1 is read: days, months, years, date-times, `Y`-prefixed long years,
//! seasons (`2020-21`), qualifiers (`?` uncertain, `~` approximate, `%` both), unspecified digits
//! (`201X`, `2020-XX-XX`) and intervals with open (`..`) or unknown (empty) ends. From level 2 the
//! sub-year groupings 25-41 (hemisphere seasons, quarters, quadrimesters, semesters) and `X` in any
//! digit are read too. Other level 2 forms are rejected with a message saying so.
//!
//! Every date yields an inclusive [`DaySpan`], the days it may refer to. The rules, also written in
//! `docs/format.md`:
//! - a day spans itself; a month, season or year spans all its days; unspecified digits span every
//!   day their completions cover (`201X` is 2010-01-01 to 2019-12-31);
//! - `~` (approximate, and `%`) widens the span by one unit of the date's precision on each side,
//!   except days, which widen by three days: `2019-12~` spans 2019-11-01 to 2020-01-31;
//! - `?` (uncertain) keeps the span and marks the date uncertain;
//! - an interval spans from its start's earliest day to its end's latest day; an open end (`..`)
//!   has no bound; an unknown end (empty) is not guessed: the span stops at the known endpoint.

mod format;
mod parse;
pub mod parts;
mod span;

use std::fmt;

use crate::model::calendar::civil;

/// The largest year magnitude accepted: a hundred billion years, past the age of the universe
/// (about 13.8 billion) either way. Day numbers are `i32`, so day spans of years beyond
/// [`DAY_YEARS`] saturate at the ends of the representable range; [`Edtf::years`] gives them
/// in years, and a store holding them lays its timeline out in years.
pub const MAX_YEAR: i64 = 99_999_999_999;

/// The largest year magnitude whose days an `i32` day number holds, with room to widen.
pub const DAY_YEARS: i64 = 5_000_000;

/// An inclusive range of day numbers (see [`crate::model::calendar`]). Open ends use `i32::MIN`/`MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DaySpan {
    /// The first day the date may refer to.
    pub earliest: i32,
    /// The last day the date may refer to.
    pub latest: i32,
}

impl DaySpan {
    /// The earliest bound of an interval with an open start.
    pub const OPEN_START: i32 = i32::MIN;
    /// The latest bound of an interval with an open end.
    pub const OPEN_END: i32 = i32::MAX;

    /// True when the two spans share at least one day.
    pub fn overlaps(&self, other: &DaySpan) -> bool {
        self.earliest <= other.latest && other.earliest <= self.latest
    }

    /// Number of days covered, saturating for open spans.
    pub fn days(&self) -> u64 {
        (i64::from(self.latest) - i64::from(self.earliest) + 1) as u64
    }
}

/// How finely a date is known, as the precision filter groups dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// One day (or a date-time).
    Day,
    /// A month.
    Month,
    /// A season, quarter or other part of a year.
    Season,
    /// A year.
    Year,
    /// More than a year: unspecified year digits (`201X`).
    MultiYear,
    /// An interval between two dates.
    Range,
}

impl Precision {
    /// Every precision, in order from finest.
    pub const ALL: [Precision; 6] = [
        Precision::Day,
        Precision::Month,
        Precision::Season,
        Precision::Year,
        Precision::MultiYear,
        Precision::Range,
    ];

    /// The name used in filter specs and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::MultiYear => "multi-year",
            Precision::Range => "range",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Precision::Day => "Exact day",
            Precision::Month => "Month",
            Precision::Season => "Season or quarter",
            Precision::Year => "Year",
            Precision::MultiYear => "Several years",
            Precision::Range => "Date range",
        }
    }

    /// The precision named `name`, as [`Precision::as_str`] writes it.
    pub fn from_name(name: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

/// A parsed EDTF value: one date or an interval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edtf {
    /// A single date, possibly qualified or with unspecified digits.
    Date(Date),
    /// An interval `start/end`.
    Interval(Endpoint, Endpoint),
}

/// One end of an interval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// A date.
    Date(Date),
    /// `..`: the interval runs on without bound.
    Open,
    /// Empty: this end exists but is not known.
    Unknown,
}

impl Endpoint {
    fn date(&self) -> Option<&Date> {
        match self {
            Endpoint::Date(d) => Some(d),
            _ => None,
        }
    }
}

/// A single EDTF date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    year: Year,
    /// Two ASCII characters, each a digit or `X`: a month (01-12) or a sub-year grouping (21-41).
    month: Option<[u8; 2]>,
    /// Two ASCII characters, each a digit or `X`.
    day: Option<[u8; 2]>,
    /// The time of day as written, `T` excluded (`10:10:10Z`); only on fully specified days.
    /// Boxed, as few dates have one: every event holds a date, and two in an interval.
    time: Option<Box<str>>,
    uncertain: bool,
    approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Year {
    /// Four characters, each a digit or `X`, and a sign.
    Digits { negative: bool, digits: [u8; 4] },
    /// A `Y`-prefixed year of more than four digits; at most [`MAX_YEAR`] either way.
    Long(i64),
}

/// Why a text is not a valid EDTF date; the message quotes the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    message: String,
}

impl DateError {
    fn new(text: &str, why: impl fmt::Display) -> DateError {
        DateError {
            message: format!("'{text}' is not a valid EDTF date: {why}"),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

/// A sub-year grouping code (21-41) and the months it covers: first month, number of months.
fn grouping(code: u32) -> Option<(&'static str, u32, u32)> {
    Some(match code {
        21 | 25 => ("Spring", 3, 3),
        22 | 26 => ("Summer", 6, 3),
        23 | 27 => ("Autumn", 9, 3),
        24 | 28 => ("Winter", 12, 3),
        29 => ("Southern spring", 9, 3),
        30 => ("Southern summer", 12, 3),
        31 => ("Southern autumn", 3, 3),
        32 => ("Southern winter", 6, 3),
        33..=36 => (
            ["Q1", "Q2", "Q3", "Q4"][(code - 33) as usize],
            1 + 3 * (code - 33),
            3,
        ),
        37..=39 => (
            ["First third", "Second third", "Last third"][(code - 37) as usize],
            1 + 4 * (code - 37),
            4,
        ),
        40 => ("First half", 1, 6),
        41 => ("Second half", 7, 6),
        _ => return None,
    })
}

impl std::str::FromStr for Edtf {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Edtf, DateError> {
        Edtf::parse(text)
    }
}

impl Edtf {
    /// The day `day` (a day number), as parsing its `YYYY-MM-DD` would give it; `None` beyond
    /// four-digit years.
    pub fn day(day: i64) -> Option<Edtf> {
        Date::of_day(day, true).map(Edtf::Date)
    }

    /// The month of day `day`, as parsing its `YYYY-MM` would give it.
    pub fn month_of(day: i64) -> Option<Edtf> {
        Date::of_day(day, false).map(Edtf::Date)
    }

    /// The days `first` to `last`, as parsing `first/last` would give them; `None` when `last`
    /// comes first.
    pub fn days(first: i64, last: i64) -> Option<Edtf> {
        (first <= last).then_some(())?;
        Some(Edtf::Interval(
            Endpoint::Date(Date::of_day(first, true)?),
            Endpoint::Date(Date::of_day(last, true)?),
        ))
    }

    /// How finely the date is known.
    pub fn precision(&self) -> Precision {
        match self {
            Edtf::Date(d) => d.precision(),
            Edtf::Interval(..) => Precision::Range,
        }
    }

    /// True when the date or an endpoint is marked approximate (`~` or `%`).
    pub fn is_approximate(&self) -> bool {
        self.dates().any(|d| d.approximate)
    }

    /// True when the date or an endpoint is marked uncertain (`?` or `%`).
    pub fn is_uncertain(&self) -> bool {
        self.dates().any(|d| d.uncertain)
    }

    /// True when a year lies beyond [`DAY_YEARS`]: the date's day span saturates, and only
    /// [`Edtf::years`] places it.
    pub fn is_beyond_days(&self) -> bool {
        self.dates()
            .any(|d| matches!(d.year, Year::Long(y) if y.abs() > DAY_YEARS))
    }

    /// The inclusive astronomical years (year 0 is 1 BCE) the date may refer to, by the rules of
    /// [`Edtf::span`]: an approximate year widens by one year each way, an open end is
    /// `i64::MIN` or `i64::MAX`, an unknown end stops at the known one.
    pub fn years(&self) -> (i64, i64) {
        match self {
            Edtf::Date(d) => d.years(),
            Edtf::Interval(start, end) => {
                let known = start.date().or(end.date()).map_or((0, 0), Date::years);
                let earliest = match start {
                    Endpoint::Date(d) => d.years().0,
                    Endpoint::Open => i64::MIN,
                    Endpoint::Unknown => known.0,
                };
                let latest = match end {
                    Endpoint::Date(d) => d.years().1,
                    Endpoint::Open => i64::MAX,
                    Endpoint::Unknown => known.1,
                };
                (earliest, latest)
            }
        }
    }

    /// The date, or the dates at an interval's ends.
    fn dates(&self) -> impl Iterator<Item = &Date> {
        let (a, b) = match self {
            Edtf::Date(d) => (Some(d), None),
            Edtf::Interval(s, e) => (s.date(), e.date()),
        };
        a.into_iter().chain(b)
    }
}

/// Values 1..=max that a two-character digit-or-X pattern allows.
fn pattern_values(p: [u8; 2], max: u32) -> impl DoubleEndedIterator<Item = u32> + Clone {
    (1..=max).filter(move |v| {
        let s = [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8];
        s.iter().zip(p).all(|(&c, q)| q == b'X' || q == c)
    })
}

/// True when a pattern has an unspecified digit (`X`).
fn has_x(p: &[u8]) -> bool {
    p.contains(&b'X')
}

impl Date {
    /// The plain day `day`, or its month without `with_day`; `None` beyond four-digit years.
    fn of_day(day: i64, with_day: bool) -> Option<Date> {
        let (y, m, d) = civil(day);
        if y.abs() > 9999 {
            return None;
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        // At most 9999: 32-bit arithmetic, which is cheaper in wasm.
        let a = y.unsigned_abs() as u32;
        let two = |n: u32| [digit(n / 10), digit(n)];
        Some(Date {
            year: Year::Digits {
                negative: y < 0,
                digits: [digit(a / 1000), digit(a / 100), digit(a / 10), digit(a)],
            },
            month: Some(two(m)),
            day: with_day.then(|| two(d)),
            time: None,
            uncertain: false,
            approximate: false,
        })
    }

    /// The sub-year grouping (21-41) the month field names, if it names one.
    fn grouping_code(&self) -> Option<u32> {
        let m = self.month?;
        if has_x(&m) {
            return None;
        }
        let code = u32::from(m[0] - b'0') * 10 + u32::from(m[1] - b'0');
        (code > 12).then_some(code)
    }

    /// How finely the date is known.
    fn precision(&self) -> Precision {
        let year_x = matches!(self.year, Year::Digits { digits, .. } if has_x(&digits));
        if year_x {
            return Precision::MultiYear;
        }
        if self.grouping_code().is_some() {
            return Precision::Season;
        }
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(m), _) if has_x(&m) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(d)) if has_x(&d) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The inclusive years this date may refer to (see [`Edtf::years`]).
    fn years(&self) -> (i64, i64) {
        match self.year {
            Year::Long(y) => {
                let wide = i64::from(self.approximate);
                (y - wide, y + wide)
            }
            Year::Digits { .. } => {
                let span = self.span();
                (
                    civil(i64::from(span.earliest)).0,
                    civil(i64::from(span.latest)).0,
                )
            }
        }
    }

    /// True for a day that is neither approximate nor uncertain.
    fn is_plain_day(&self) -> bool {
        self.precision() == Precision::Day && !self.uncertain && !self.approximate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::format_day;

    #[test]
    fn days_months_and_ranges_made_from_day_numbers_are_what_parsing_gives() {
        let days = (-3_700_000..-3_600_000)
            .step_by(997)
            .chain((-800..800).map(|d| d * 37))
            .chain((2_900_000..2_932_000).step_by(13));
        for day in days {
            let iso = format_day(day);
            assert_eq!(Edtf::day(day), Edtf::parse(&iso).ok(), "{iso}");
            assert_eq!(
                Edtf::month_of(day),
                Edtf::parse(&iso[..iso.len() - 3]).ok(),
                "{iso}"
            );
            let range = format!("{}/{}", format_day(day - 3), format_day(day + 3));
            assert_eq!(
                Edtf::days(day - 3, day + 3),
                Edtf::parse(&range).ok(),
                "{range}"
            );
        }
        assert_eq!(Edtf::days(5, 4), None);
    }

    #[test]
    fn precision_and_qualifiers() {
        let p = |t: &str| Edtf::parse(t).unwrap().precision();
        assert_eq!(p("2020-01-08"), Precision::Day);
        assert_eq!(p("2020-01-08T10:00:00"), Precision::Day);
        assert_eq!(p("2020-01"), Precision::Month);
        assert_eq!(p("2020-03-XX"), Precision::Month);
        assert_eq!(p("2020-XX-XX"), Precision::Year);
        assert_eq!(p("2020-22"), Precision::Season);
        assert_eq!(p("201X"), Precision::MultiYear);
        assert_eq!(p("2019-12-21/2019-12-31"), Precision::Range);
        let d = Edtf::parse("2020-03%").unwrap();
        assert!(d.is_approximate() && d.is_uncertain());
        assert!(!Edtf::parse("2020-03").unwrap().is_uncertain());
        assert!(Edtf::parse("2020/2021?").unwrap().is_uncertain());
    }
}
