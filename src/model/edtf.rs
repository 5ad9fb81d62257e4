//! Dates as EDTF (ISO 8601-2, Extended Date/Time Format): parsing, validation, day spans.
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

use std::fmt;

use crate::model::calendar::{self, civil, day_number, days_in_month, MONTH_NAMES};

/// The largest year magnitude accepted. Day numbers are `i32`, so spans of years beyond about
/// ±5.8 million saturate at the ends of the representable range.
pub const MAX_YEAR: i64 = 999_999_999;

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
    /// A `Y`-prefixed year of more than four digits; at most [`MAX_YEAR`] either way, so it fits
    /// in 32 bits (which keeps every date, and so every event, smaller).
    Long(i32),
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

    /// Parses and validates `text` as EDTF.
    pub fn parse(text: &str) -> Result<Edtf, DateError> {
        if text.is_empty() {
            return Err(DateError {
                message: "the date is empty; write an EDTF date such as 2020-01-08".into(),
            });
        }
        if text.trim() != text {
            return Err(DateError::new(text, "it has spaces around it"));
        }
        if text.starts_with(['[', '{']) {
            return Err(DateError::new(
                text,
                "sets of dates ([..] and {..}) are EDTF level 2, which Dateline does not read",
            ));
        }
        let mut parts = text.split('/');
        let first = parts.next().unwrap_or("");
        let Some(second) = parts.next() else {
            return Date::parse(text, text).map(Edtf::Date);
        };
        if parts.next().is_some() {
            return Err(DateError::new(text, "an interval has exactly one '/'"));
        }
        let endpoint = |part: &str| -> Result<Endpoint, DateError> {
            match part {
                "" => Ok(Endpoint::Unknown),
                ".." => Ok(Endpoint::Open),
                _ => Date::parse(text, part).map(Endpoint::Date),
            }
        };
        let (start, end) = (endpoint(first)?, endpoint(second)?);
        let (Endpoint::Date(a), Endpoint::Date(b)) = (&start, &end) else {
            if matches!(start, Endpoint::Date(_)) || matches!(end, Endpoint::Date(_)) {
                return Ok(Edtf::Interval(start, end));
            }
            return Err(DateError::new(
                text,
                "an interval needs a date at one end at least",
            ));
        };
        if a.raw_bounds().0 > b.raw_bounds().1 {
            return Err(DateError::new(text, "the interval ends before it starts"));
        }
        Ok(Edtf::Interval(start, end))
    }

    /// The inclusive days this date may refer to (see the module docs for the rules).
    pub fn span(&self) -> DaySpan {
        match self {
            Edtf::Date(d) => d.span(),
            Edtf::Interval(start, end) => {
                let known = match (start, end) {
                    (Endpoint::Date(d), _) | (_, Endpoint::Date(d)) => d.span(),
                    _ => unreachable!("parse rejects intervals without a date"),
                };
                let earliest = match start {
                    Endpoint::Date(d) => d.span().earliest,
                    Endpoint::Open => DaySpan::OPEN_START,
                    Endpoint::Unknown => known.earliest,
                };
                let latest = match end {
                    Endpoint::Date(d) => d.span().latest,
                    Endpoint::Open => DaySpan::OPEN_END,
                    Endpoint::Unknown => known.latest,
                };
                DaySpan { earliest, latest }
            }
        }
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

    fn dates(&self) -> impl Iterator<Item = &Date> {
        let (a, b) = match self {
            Edtf::Date(d) => (Some(d), None),
            Edtf::Interval(s, e) => (s.date(), e.date()),
        };
        a.into_iter().chain(b)
    }

    /// The date in words for readers: "8 January 2020", "about December 2019", "21–31 December 2019".
    pub fn describe(&self) -> String {
        match self {
            Edtf::Date(d) => d.describe(),
            Edtf::Interval(start, end) => {
                let side = |p: &Endpoint| match p {
                    Endpoint::Date(d) => d.describe(),
                    Endpoint::Open => String::new(),
                    Endpoint::Unknown => "?".to_string(),
                };
                match (start, end) {
                    (Endpoint::Open, _) => format!("until {}", side(end)),
                    (_, Endpoint::Open) => format!("from {}", side(start)),
                    (Endpoint::Date(a), Endpoint::Date(b))
                        if a.is_plain_day() && b.is_plain_day() =>
                    {
                        describe_day_range(a, b)
                    }
                    _ => format!("{} – {}", side(start), side(end)),
                }
            }
        }
    }
}

/// "21–31 December 2019" when both ends share month and year; else both in full.
fn describe_day_range(a: &Date, b: &Date) -> String {
    let (a_span, b_span) = (a.span(), b.span());
    let (ya, ma, da) = civil(i64::from(a_span.earliest));
    let (yb, mb, db) = civil(i64::from(b_span.latest));
    if ya == yb && ma == mb {
        format!(
            "{da}–{db} {} {}",
            MONTH_NAMES[mb as usize - 1],
            year_words(yb)
        )
    } else if ya == yb {
        format!(
            "{da} {} – {db} {} {}",
            MONTH_NAMES[ma as usize - 1],
            MONTH_NAMES[mb as usize - 1],
            year_words(yb)
        )
    } else {
        format!("{} – {}", a.describe(), b.describe())
    }
}

fn year_words(year: i64) -> String {
    if year <= 0 {
        format!("{} BCE", 1 - year)
    } else {
        year.to_string()
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edtf::Date(d) => d.fmt(f),
            Edtf::Interval(s, e) => {
                for (i, p) in [s, e].into_iter().enumerate() {
                    if i == 1 {
                        f.write_str("/")?;
                    }
                    match p {
                        Endpoint::Date(d) => d.fmt(f)?,
                        Endpoint::Open => f.write_str("..")?,
                        Endpoint::Unknown => {}
                    }
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Year::Long(y) => write!(f, "Y{y}")?,
            Year::Digits { negative, digits } => {
                if negative {
                    f.write_str("-")?;
                }
                f.write_str(std::str::from_utf8(&digits).map_err(|_| fmt::Error)?)?;
            }
        }
        for part in [self.month, self.day].into_iter().flatten() {
            write!(
                f,
                "-{}",
                std::str::from_utf8(&part).map_err(|_| fmt::Error)?
            )?;
        }
        if let Some(t) = &self.time {
            write!(f, "T{t}")?;
        }
        f.write_str(match (self.uncertain, self.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            (false, false) => "",
        })
    }
}

/// The number `text` writes in ASCII digits after an optional '-', as `str::parse::<i64>` reads
/// it (in a fraction of the download); `None` for any other text, and past `i64`.
fn whole_number(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    // Counted below zero, which reaches `i64::MIN`.
    let mut n: i64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_sub(i64::from(b - b'0'))?;
    }
    if negative {
        Some(n)
    } else {
        n.checked_neg()
    }
}

/// Values 1..=max that a two-character digit-or-X pattern allows.
fn pattern_values(p: [u8; 2], max: u32) -> impl DoubleEndedIterator<Item = u32> + Clone {
    (1..=max).filter(move |v| {
        let s = [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8];
        s.iter().zip(p).all(|(&c, q)| q == b'X' || q == c)
    })
}

fn has_x(p: &[u8]) -> bool {
    p.contains(&b'X')
}

fn two(text: &str, part: &str, what: &str) -> Result<[u8; 2], DateError> {
    let b = part.as_bytes();
    if b.len() != 2 || !b.iter().all(|&c| c.is_ascii_digit() || c == b'X') {
        return Err(DateError::new(
            text,
            format!("the {what} '{part}' must be two digits (X for an unspecified digit)"),
        ));
    }
    Ok([b[0], b[1]])
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

    /// Parses one date (no '/'); `whole` is the full text, for messages.
    fn parse(whole: &str, text: &str) -> Result<Date, DateError> {
        let (body, uncertain, approximate) = match text.as_bytes().last() {
            Some(b'?') => (&text[..text.len() - 1], true, false),
            Some(b'~') => (&text[..text.len() - 1], false, true),
            Some(b'%') => (&text[..text.len() - 1], true, true),
            _ => (text, false, false),
        };
        if body.contains(['?', '~', '%']) {
            return Err(DateError::new(
                whole,
                "a qualifier (?, ~, %) may only end a date; qualifying a single part is EDTF level 2, which Dateline does not read",
            ));
        }
        if body.contains(['S', 'E']) {
            return Err(DateError::new(whole, "significant digits (S) and exponents (E) are EDTF level 2, which Dateline does not read"));
        }
        if let Some(long) = body.strip_prefix('Y') {
            let digits = long.strip_prefix('-').unwrap_or(long);
            if digits.len() < 5 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(DateError::new(
                    whole,
                    "a year after 'Y' must have more than four digits, and nothing after them",
                ));
            }
            if digits.trim_start_matches('0').len() <= 4 {
                let plain = whole_number(long)
                    .map(calendar::format_year)
                    .unwrap_or_default();
                return Err(DateError::new(
                    whole,
                    format!("a year of four digits or fewer is written without Y ({plain})"),
                ));
            }
            let year = whole_number(long)
                .filter(|y| y.abs() <= MAX_YEAR)
                .and_then(|y| i32::try_from(y).ok())
                .ok_or_else(|| {
                    DateError::new(
                        whole,
                        format!("Dateline reads years from -{MAX_YEAR} to {MAX_YEAR}"),
                    )
                })?;
            return Ok(Date {
                year: Year::Long(year),
                month: None,
                day: None,
                time: None,
                uncertain,
                approximate,
            });
        }
        let (date_part, time) = match body.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (body, None),
        };
        let (negative, rest) = match date_part.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, date_part),
        };
        let mut fields = rest.split('-');
        let year_text = fields.next().unwrap_or("");
        let yb = year_text.as_bytes();
        if yb.len() != 4 || !yb.iter().all(|&c| c.is_ascii_digit() || c == b'X') {
            let why = if yb.len() > 4 && yb.iter().all(u8::is_ascii_digit) {
                format!("a year of more than four digits is written with a Y prefix (Y{year_text})")
            } else {
                format!("the year '{year_text}' must be four digits (X for an unspecified digit)")
            };
            return Err(DateError::new(whole, why));
        }
        let digits = [yb[0], yb[1], yb[2], yb[3]];
        if negative && digits == *b"0000" {
            return Err(DateError::new(whole, "-0000 is not a year; write 0000"));
        }
        let month = fields.next().map(|m| two(whole, m, "month")).transpose()?;
        let day = fields.next().map(|d| two(whole, d, "day")).transpose()?;
        if fields.next().is_some() {
            return Err(DateError::new(
                whole,
                "a date has at most a year, a month and a day",
            ));
        }
        let date = Date {
            year: Year::Digits { negative, digits },
            month,
            day,
            time: None,
            uncertain,
            approximate,
        };
        date.validate(whole)?;
        let time = match time {
            None => None,
            Some(t) => {
                if day.is_none()
                    || has_x(&digits)
                    || has_x(&month.unwrap_or(*b"01"))
                    || has_x(&day.unwrap_or(*b"01"))
                {
                    return Err(DateError::new(
                        whole,
                        "a time needs a fully specified day before it",
                    ));
                }
                validate_time(whole, t)?;
                Some(t.into())
            }
        };
        Ok(Date { time, ..date })
    }

    /// Years this date's year field allows: (smallest, largest).
    fn year_range(&self) -> (i64, i64) {
        match self.year {
            Year::Long(y) => (i64::from(y), i64::from(y)),
            Year::Digits { negative, digits } => {
                let fill = |with: u8| -> i64 {
                    digits.iter().fold(0, |n, &c| {
                        n * 10 + i64::from(if c == b'X' { with } else { c } - b'0')
                    })
                };
                let (lo, hi) = (fill(b'0'), fill(b'9'));
                if negative {
                    (-hi, -lo)
                } else {
                    (lo, hi)
                }
            }
        }
    }

    fn year_matches(&self, year: i64) -> bool {
        match self.year {
            Year::Long(y) => i64::from(y) == year,
            Year::Digits { negative, digits } => {
                if negative != (year < 0) || year.abs() > 9999 {
                    return false;
                }
                let mut rest = year.unsigned_abs();
                digits.iter().rev().all(|&p| {
                    let c = b'0' + (rest % 10) as u8;
                    rest /= 10;
                    p == b'X' || p == c
                })
            }
        }
    }

    fn grouping_code(&self) -> Option<u32> {
        let m = self.month?;
        if has_x(&m) {
            return None;
        }
        let code = u32::from(m[0] - b'0') * 10 + u32::from(m[1] - b'0');
        (code > 12).then_some(code)
    }

    fn validate(&self, whole: &str) -> Result<(), DateError> {
        let Some(month) = self.month else {
            return Ok(());
        };
        if let Some(code) = self.grouping_code() {
            if self.day.is_some() && grouping(code).is_none() {
                return Err(DateError::new(
                    whole,
                    format!("'{code}' is not a month (01-12)"),
                ));
            }
            if grouping(code).is_none() {
                return Err(DateError::new(
                    whole,
                    format!("{code} is not a month (01-12) or a season (21-24; 25-41 name other parts of a year)"),
                ));
            }
            if self.day.is_some() {
                return Err(DateError::new(
                    whole,
                    "a season or part of a year cannot have a day",
                ));
            }
            return Ok(());
        }
        if pattern_values(month, 12).next().is_none() {
            let shown = std::str::from_utf8(&month).unwrap_or("\u{fffd}");
            return Err(DateError::new(
                whole,
                format!("'{shown}' is not a month (01-12)"),
            ));
        }
        let Some(day) = self.day else { return Ok(()) };
        if pattern_values(day, 31).next().is_none() {
            let shown = std::str::from_utf8(&day).unwrap_or("\u{fffd}");
            return Err(DateError::new(
                whole,
                format!("'{shown}' is not a day of a month (01-31)"),
            ));
        }
        if self.first_valid_day(true).is_none() {
            let (lo, hi) = self.year_range();
            let why = if !has_x(&month) && !has_x(&day) && lo == hi {
                let m = u32::from(month[0] - b'0') * 10 + u32::from(month[1] - b'0');
                let y = lo;
                format!(
                    "{} {} has {} days",
                    MONTH_NAMES[m as usize - 1],
                    calendar::format_year(y),
                    days_in_month(y, m)
                )
            } else {
                "no day fits this pattern".to_string()
            };
            return Err(DateError::new(whole, why));
        }
        Ok(())
    }

    /// The earliest (or latest) real day that the year, month and day patterns allow.
    fn first_valid_day(&self, earliest: bool) -> Option<(i64, u32, u32)> {
        let (lo, hi) = self.year_range();
        let month = self.month.unwrap_or(*b"XX");
        // Most dates name their year, month and day outright: no pattern to search.
        if lo == hi && !has_x(&month) && self.day.is_none_or(|d| !has_x(&d)) {
            let m = u32::from(month[0] - b'0') * 10 + u32::from(month[1] - b'0');
            if !(1..=12).contains(&m) || !self.year_matches(lo) {
                return None;
            }
            let last = days_in_month(lo, m);
            let d = match self.day {
                Some(d) => u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'),
                None if earliest => 1,
                None => last,
            };
            return (1..=last).contains(&d).then_some((lo, m, d));
        }
        self.search_valid_day(earliest)
    }

    /// [`Date::first_valid_day`] by searching every year, month and day the patterns allow.
    fn search_valid_day(&self, earliest: bool) -> Option<(i64, u32, u32)> {
        let (lo, hi) = self.year_range();
        let month = self.month.unwrap_or(*b"XX");
        let day = self.day.unwrap_or(*b"XX");
        let months: Vec<u32> = pattern_values(month, 12).collect();
        let days: Vec<u32> = pattern_values(day, 31).collect();
        let try_year = |y: i64| -> Option<(i64, u32, u32)> {
            let pick = |m: u32| -> Option<(i64, u32, u32)> {
                let fits = |d: &&u32| **d <= days_in_month(y, m);
                let d = if earliest {
                    days.iter().find(fits)
                } else {
                    days.iter().rev().find(fits)
                };
                d.map(|&d| (y, m, d))
            };
            if earliest {
                months.iter().find_map(|&m| pick(m))
            } else {
                months.iter().rev().find_map(|&m| pick(m))
            }
        };
        // Only February 29 can fail in a whole year, so eight matching years decide it.
        let years: Box<dyn Iterator<Item = i64>> = if earliest {
            Box::new(lo..=hi)
        } else {
            Box::new((lo..=hi).rev())
        };
        years
            .filter(|&y| self.year_matches(y))
            .take(8)
            .find_map(try_year)
    }

    /// The span of the date as written, before `~` widens it.
    fn raw_bounds(&self) -> (i64, i64) {
        let (lo, hi) = self.year_range();
        if let Some(code) = self.grouping_code() {
            let (_, first, count) = grouping(code).expect("validated");
            let start = day_number(lo, first, 1);
            let (mut end_year, mut end_month) = (hi, first + count - 1);
            if end_month > 12 {
                end_month -= 12;
                end_year += 1;
            }
            return (
                start,
                day_number(end_year, end_month, days_in_month(end_year, end_month)),
            );
        }
        if self.month.is_none() {
            return (day_number(lo, 1, 1), day_number(hi, 12, 31));
        }
        let a = self.first_valid_day(true).expect("validated");
        let b = self.first_valid_day(false).expect("validated");
        let b_day = if self.day.is_some() {
            b.2
        } else {
            days_in_month(b.0, b.1)
        };
        (
            day_number(a.0, a.1, if self.day.is_some() { a.2 } else { 1 }),
            day_number(b.0, b.1, b_day),
        )
    }

    fn span(&self) -> DaySpan {
        let (mut lo, mut hi) = self.raw_bounds();
        if self.approximate {
            match self.precision() {
                Precision::Day => {
                    lo -= 3;
                    hi += 3;
                }
                Precision::Month | Precision::Season => {
                    let (y, m, _) = civil(lo);
                    lo = if m == 1 {
                        day_number(y - 1, 12, 1)
                    } else {
                        day_number(y, m - 1, 1)
                    };
                    let (y, m, _) = civil(hi);
                    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                    hi = day_number(y, m, days_in_month(y, m));
                }
                _ => {
                    let (y, m, d) = civil(lo);
                    lo = day_number(y - 1, m, d.min(days_in_month(y - 1, m)));
                    let (y, m, d) = civil(hi);
                    hi = day_number(y + 1, m, d.min(days_in_month(y + 1, m)));
                }
            }
        }
        let clamp = |d: i64| d.clamp(i64::from(i32::MIN + 1), i64::from(i32::MAX - 1)) as i32;
        DaySpan {
            earliest: clamp(lo),
            latest: clamp(hi),
        }
    }

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

    fn is_plain_day(&self) -> bool {
        self.precision() == Precision::Day && !self.uncertain && !self.approximate
    }

    fn describe(&self) -> String {
        let (lo, hi) = self.raw_bounds();
        let (y, m, d) = civil(lo);
        let plain = match self.precision() {
            Precision::Day => format!("{d} {} {}", MONTH_NAMES[m as usize - 1], year_words(y)),
            Precision::Month => format!("{} {}", MONTH_NAMES[m as usize - 1], year_words(y)),
            Precision::Season => {
                let code = self.grouping_code().expect("a season");
                format!("{} {}", grouping(code).expect("validated").0, year_words(y))
            }
            Precision::Year => year_words(y),
            _ => format!("{}–{}", year_words(y), year_words(civil(hi).0)),
        };
        let plain = match &self.time {
            Some(t) => format!("{plain}, {t}"),
            None => plain,
        };
        match (self.approximate, self.uncertain) {
            (true, true) => format!("about {plain} (uncertain)"),
            (true, false) => format!("about {plain}"),
            (false, true) => format!("{plain} (uncertain)"),
            (false, false) => plain,
        }
    }
}

fn validate_time(whole: &str, t: &str) -> Result<(), DateError> {
    let bad = || {
        DateError::new(
            whole,
            format!("the time '{t}' must be hh:mm:ss, then optionally Z or +hh:mm"),
        )
    };
    let b = t.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        t.get(r).and_then(whole_number).filter(|n| *n >= 0)
    };
    let (h, m, s) = (
        num(0..2).ok_or_else(bad)?,
        num(3..5).ok_or_else(bad)?,
        num(6..8).ok_or_else(bad)?,
    );
    if h > 23 || m > 59 || s > 60 {
        return Err(DateError::new(
            whole,
            format!("the time '{t}' is not a time of day"),
        ));
    }
    match &t[8..] {
        "" | "Z" => Ok(()),
        zone => {
            let zb = zone.as_bytes();
            let sign_ok = matches!(zb.first(), Some(b'+' | b'-'));
            let hours = zone
                .get(1..3)
                .and_then(whole_number)
                .filter(|h| (0..=14).contains(h));
            let minutes_ok = match zone.get(3..) {
                Some("") => true,
                Some(rest) => {
                    rest.len() == 3
                        && rest.starts_with(':')
                        && whole_number(&rest[1..]).is_some_and(|m| (0..60).contains(&m))
                }
                None => false,
            };
            if sign_ok && hours.is_some() && minutes_ok {
                Ok(())
            } else {
                Err(bad())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::{day_number, format_day};

    proptest::proptest! {
        /// `whole_number` reads digits as the standard library does, and nothing else.
        #[test]
        fn whole_numbers_read_as_the_standard_library_does(text in "[-+]?[0-9]{0,21}|[-0-9a ]{0,4}") {
            let std = text.parse::<i64>().ok().filter(|_| !text.starts_with('+'));
            proptest::prop_assert_eq!(whole_number(&text), std);
        }
    }

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
    fn plain_dates_find_their_day_as_the_pattern_search_does() {
        let two = |v: u32| [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8];
        let years = [
            Year::Digits {
                negative: false,
                digits: *b"2019",
            },
            Year::Digits {
                negative: false,
                digits: *b"2020",
            },
            Year::Digits {
                negative: false,
                digits: *b"1900",
            },
            Year::Digits {
                negative: false,
                digits: *b"0000",
            },
            Year::Digits {
                negative: true,
                digits: *b"0000",
            },
            Year::Digits {
                negative: true,
                digits: *b"0004",
            },
            Year::Long(-12000),
            Year::Long(20000),
        ];
        for year in years {
            for m in 0..=14 {
                for d in (0..=32).map(Some).chain([None]) {
                    let date = Date {
                        year: year.clone(),
                        month: Some(two(m)),
                        day: d.map(two),
                        time: None,
                        uncertain: false,
                        approximate: false,
                    };
                    for earliest in [true, false] {
                        assert_eq!(
                            date.first_valid_day(earliest),
                            date.search_valid_day(earliest),
                            "{year:?} {m} {d:?} {earliest}"
                        );
                    }
                }
            }
        }
    }

    fn span(text: &str) -> (String, String) {
        let s = Edtf::parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .span();
        let f = |d: i32| match d {
            DaySpan::OPEN_START => "..".to_string(),
            DaySpan::OPEN_END => "..".to_string(),
            d => format_day(i64::from(d)),
        };
        (f(s.earliest), f(s.latest))
    }

    fn err(text: &str) -> String {
        Edtf::parse(text).expect_err(text).to_string()
    }

    #[test]
    fn level_0_spans() {
        assert_eq!(
            span("2020-01-08"),
            ("2020-01-08".into(), "2020-01-08".into())
        );
        assert_eq!(span("2020-02"), ("2020-02-01".into(), "2020-02-29".into()));
        assert_eq!(span("2019"), ("2019-01-01".into(), "2019-12-31".into()));
        assert_eq!(
            span("2020-02-29"),
            ("2020-02-29".into(), "2020-02-29".into())
        );
        assert_eq!(
            span("2004-01-01T10:10:10Z"),
            ("2004-01-01".into(), "2004-01-01".into())
        );
        assert_eq!(span("2004-01-01T10:10:10+05:00").0, "2004-01-01");
        assert_eq!(
            span("2019-12-21/2019-12-31"),
            ("2019-12-21".into(), "2019-12-31".into())
        );
        assert_eq!(
            span("-0044-03-15"),
            ("-0044-03-15".into(), "-0044-03-15".into())
        );
    }

    #[test]
    fn level_1_spans() {
        assert_eq!(span("2019-12~"), ("2019-11-01".into(), "2020-01-31".into()));
        assert_eq!(span("2020-03?"), ("2020-03-01".into(), "2020-03-31".into()));
        assert_eq!(
            span("2020-01-08%"),
            ("2020-01-05".into(), "2020-01-11".into())
        );
        assert_eq!(span("2020~"), ("2019-01-01".into(), "2021-12-31".into()));
        assert_eq!(span("201X"), ("2010-01-01".into(), "2019-12-31".into()));
        assert_eq!(span("20XX"), ("2000-01-01".into(), "2099-12-31".into()));
        assert_eq!(
            span("2020-XX-XX"),
            ("2020-01-01".into(), "2020-12-31".into())
        );
        assert_eq!(span("2020-XX"), ("2020-01-01".into(), "2020-12-31".into()));
        assert_eq!(
            span("1985-04-XX"),
            ("1985-04-01".into(), "1985-04-30".into())
        );
        assert_eq!(span("2020-21"), ("2020-03-01".into(), "2020-05-31".into()));
        assert_eq!(span("2019-24"), ("2019-12-01".into(), "2020-02-29".into()));
        assert_eq!(span("2020-34"), ("2020-04-01".into(), "2020-06-30".into()));
        assert_eq!(span("2019-12-21/.."), ("2019-12-21".into(), "..".into()));
        assert_eq!(span("../2020"), ("..".into(), "2020-12-31".into()));
        assert_eq!(span("2019-12/"), ("2019-12-01".into(), "2019-12-31".into()));
        assert_eq!(
            span("/2020-01-08"),
            ("2020-01-08".into(), "2020-01-08".into())
        );
        assert_eq!(
            span("2004-06-01/2004-06-20~"),
            ("2004-06-01".into(), "2004-06-23".into())
        );
        let far = Edtf::parse("Y170000002").unwrap().span();
        assert!(far.earliest > day_number(9999, 12, 31) as i32 && far.latest >= far.earliest);
        assert_eq!(span("Y-17000").1, "-17000-12-31");
    }

    #[test]
    fn unspecified_days_respect_the_calendar() {
        assert_eq!(
            span("2019-02-XX"),
            ("2019-02-01".into(), "2019-02-28".into())
        );
        assert_eq!(
            span("2019-0X-31"),
            ("2019-01-31".into(), "2019-08-31".into())
        );
        assert_eq!(
            span("19XX-02-29"),
            ("1904-02-29".into(), "1996-02-29".into())
        );
        assert!(err("19X1-02-29").contains("no day fits"));
    }

    #[test]
    fn invalid_dates_say_why() {
        assert!(
            err("2020-02-30").contains("February 2020 has 29 days"),
            "{}",
            err("2020-02-30")
        );
        assert!(err("2019-02-29").contains("February 2019 has 28 days"));
        assert!(
            err("2019-13").contains("13 is not a month"),
            "{}",
            err("2019-13")
        );
        assert!(
            err("2020-13-01").contains("'13' is not a month"),
            "{}",
            err("2020-13-01")
        );
        assert!(err("2020-00").contains("not a month"));
        assert!(err("2020-01-32").contains("not a day"));
        assert!(err("10000").contains("Y prefix"));
        assert!(err("Y1000").contains("more than four digits"));
        assert!(
            err("Y-08500").contains("without Y (-8500)"),
            "{}",
            err("Y-08500")
        );
        assert!(err("Y99999999999").contains("999999999"));
        assert!(err("Y1000000000").contains("999999999"));
        // The ends of the range read and print back.
        for end in ["Y999999999", "Y-999999999"] {
            assert_eq!(Edtf::parse(end).unwrap().to_string(), end);
        }
        assert!(err("20").contains("four digits"));
        assert!(err("2020-1-8").contains("two digits"));
        assert!(err("2020-01-08T25:00:00").contains("not a time of day"));
        assert!(err("2020-01T10:00:00").contains("fully specified day"));
        assert!(err("2020-02/2020-01").contains("ends before it starts"));
        assert!(err("../..").contains("a date at one end"));
        assert!(err("2020/2021/2022").contains("one '/'"));
        assert!(err("?2020").contains("level 2"));
        assert!(err("[2020, 2021]").contains("level 2"));
        assert!(err("2020-21-01").contains("season"));
        assert!(err("").contains("empty"));
        assert!(err(" 2020").contains("spaces"));
        assert!(err("2020-01-08 ").contains("spaces"));
        assert!(err("-0000").contains("not a year"));
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

    #[test]
    fn descriptions_for_readers() {
        let d = |t: &str| Edtf::parse(t).unwrap().describe();
        assert_eq!(d("2020-01-08"), "8 January 2020");
        assert_eq!(d("2019-12~"), "about December 2019");
        assert_eq!(d("2020-03?"), "March 2020 (uncertain)");
        assert_eq!(d("2019-12-21/2019-12-31"), "21–31 December 2019");
        assert_eq!(
            d("2019-12-21/2020-01-07"),
            "21 December 2019 – 7 January 2020"
        );
        assert_eq!(d("2020-01-01/2020-01-07"), "1–7 January 2020");
        assert_eq!(d("../2020"), "until 2020");
        assert_eq!(d("2020-21"), "Spring 2020");
        assert_eq!(d("201X"), "2010–2019");
    }

    #[test]
    fn formatting_round_trips() {
        for text in [
            "2020-01-08",
            "2020-01",
            "2020",
            "-0044-03-15",
            "Y170000002",
            "Y-17000",
            "2020-21",
            "2019-12~",
            "2020-03?",
            "2020-01-08%",
            "201X",
            "2020-XX-XX",
            "2019-12-21/2019-12-31",
            "2019-12-21/..",
            "../2020",
            "2019-12/",
            "/2020-01-08",
            "2004-01-01T10:10:10Z",
            "2004-06-01/2004-06-20~",
        ] {
            assert_eq!(Edtf::parse(text).unwrap().to_string(), text);
        }
    }
}
