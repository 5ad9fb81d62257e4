//! What a date expression says, where it stands in the text, the context it is resolved in and
//! what it resolves to.

use crate::model::calendar::{day_number, days_in_month};
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
    /// A day in figures with slashes ("3/21/2020"): month and day in either order, read only
    /// when one order alone names a day.
    Numeric { first: u32, second: u32, year: i64 },
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
    /// "last December", "this past December": the last such month before the reference's.
    LastNamedMonth(u32),
    /// "December last year", "March this year": the month in the reference's year less `years`.
    MonthYearsAgo { month: u32, years: i64 },
    /// "on the 16th": the last such day of a month on or before the reference day.
    DayOfMonth(u32),
    /// A day of the week, 1 = Monday. `last`: strictly before the reference ("last Friday");
    /// `overnight`: the night into that day ("overnight into Sunday").
    Weekday {
        day: u32,
        last: bool,
        overnight: bool,
    },
    /// Two days of the week and the days between: "Thursday and Friday".
    Weekdays { first: u32, last: u32 },
    /// A calendar week, month or year counted from the reference's: "last week" (-1), "this
    /// month" (0), "last year" (-1).
    Period { unit: Unit, offset: i64 },
    /// From the start of the reference's week, month or year to the reference day: "earlier
    /// this month".
    EarlierThis(Unit),
    /// Days counted from the reference day: -1 yesterday, 0 today or tonight, -2 "two days
    /// ago".
    DaysAgo(i64),
    /// The night that ends on the reference day: "last night", "overnight".
    LastNight,
    /// Hours, weeks, months or years before the reference: "three weeks ago".
    Ago { amount: i64, unit: Unit },
    /// From so long before the reference to it: "over the past 48 hours", "in the last six
    /// months".
    Past { amount: i64, unit: Unit },
    /// Up to the reference, from a start the text does not give: "in recent days".
    Recent,
    /// The same day `years` years before the reference: "Today marks one year since the
    /// assassination", "the fifth anniversary of the attack".
    YearsSince(i64),
    /// From one calendar day or month to another: "between Sept. 23 and Dec. 13", "from
    /// January to March 2024". A day of 0 is the whole month.
    Between { first: Bound, last: Bound },
    /// From a written day to a day counted from the reference ("between Dec. 4 and
    /// yesterday"): `days` as in `DaysAgo`.
    Until { first: Bound, days: i64 },
    /// Counted from the event told just before: "two months later", "the following day",
    /// "hours later"; a negative amount is before it ("the day before"). Hours with amount 0
    /// are "hours", a count the text does not give.
    Later { amount: i64, unit: Unit },
}

/// One end of a span between two dates as written: the year when written, the month, the day
/// (0 for the whole month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub year: Option<i64>,
    pub month: u32,
    pub day: u32,
}

impl Bound {
    /// The end of a span a written day or month can be, if `said` is one.
    pub(super) fn of(said: &Said) -> Option<Bound> {
        match *said {
            Said::Day { year, month, day } => Some(Bound { year, month, day }),
            Said::Month { year, month } => Some(Bound {
                year,
                month,
                day: 0,
            }),
            _ => None,
        }
    }
}

/// A unit of time that expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Hour,
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
    /// The expression is where a time began, running on to the reference: "since October".
    pub since: bool,
}

impl Found {
    /// The day of a full date (day, month and year written): a date other dates can be
    /// anchored on.
    pub fn explicit_day(&self) -> Option<i64> {
        match self.said {
            Said::Day {
                year: Some(y),
                month,
                day,
            } if day <= days_in_month(y, month) => Some(day_number(y, month, day)),
            Said::Numeric {
                first,
                second,
                year,
            } => numeric_reading(first, second, year).map(|(m, d)| day_number(year, m, d)),
            _ => None,
        }
    }
}

/// The month and day of a date in figures (`first`/`second`/`year`), when only one order of
/// month and day names a real day: "3/21/2020" is March 21, "21/3/2020" too; "3/4/2020" is
/// not read.
pub(super) fn numeric_reading(first: u32, second: u32, year: i64) -> Option<(u32, u32)> {
    let names_day = |m: u32, d: u32| (1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m);
    match (names_day(first, second), names_day(second, first)) {
        (true, false) => Some((first, second)),
        (false, true) => Some((second, first)),
        (true, true) if first == second => Some((first, second)),
        _ => None,
    }
}

/// The context a date expression is resolved in.
#[derive(Default)]
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
    /// The day a statement quoted from here on was made, and the words that dated it
    /// ("Minister X yesterday said:"): what it says of "yesterday" counts from that day.
    pub spoken: Option<(&'a Edtf, &'a str)>,
}

/// A date worked out: its EDTF, and a note when anything was inferred.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub edtf: Edtf,
    pub note: Option<String>,
}
