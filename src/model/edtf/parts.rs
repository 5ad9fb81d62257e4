//! Dates in parts (years, months and days as numbers, the precision and the qualifiers), for a
//! page that writes them in its reader's language: it formats the parts and never reads EDTF.

use super::{grouping, Date, Edtf, Endpoint, Precision, Year};
use crate::json::{JsonFields, Object};

/// An EDTF value in parts: one date (`end` is `None`), or an interval's two ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParts {
    /// The date, or an interval's start.
    pub start: EndParts,
    /// An interval's end; `None` for a single date.
    pub end: Option<EndParts>,
}

/// One end of an interval in parts, or a single date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndParts {
    /// A date.
    Date(DayParts),
    /// `..`: the interval runs on without bound.
    Open,
    /// Empty: this end exists but is not known.
    Unknown,
}

/// One date in parts. Only what the date states is given: `2020-03-XX` has a month and no day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayParts {
    /// The (first) year, astronomical: year 0 is 1 BCE, -44 is 45 BCE.
    pub year: i64,
    /// The last year the year field allows: `201X` runs from 2010 to 2019; else `year`.
    pub last_year: i64,
    /// The month, 1 to 12, when stated.
    pub month: Option<u32>,
    /// The day of the month, when stated.
    pub day: Option<u32>,
    /// The part of the year a sub-year grouping names (`spring`, `q1`, `half-2`...).
    pub season: Option<&'static str>,
    /// How finely the date is known.
    pub precision: Precision,
    /// Marked uncertain (`?` or `%`).
    pub uncertain: bool,
    /// Marked approximate (`~` or `%`).
    pub approximate: bool,
    /// An unspecified digit (`X`) widens it.
    pub unspecified: bool,
    /// The time of day as written (`10:10:10Z`), on a day that has one.
    pub time: Option<String>,
}

impl Edtf {
    /// The date in parts, for a page that writes dates in its reader's language.
    pub fn parts(&self) -> DateParts {
        let end = |p: &Endpoint| match p {
            Endpoint::Date(d) => EndParts::Date(d.parts()),
            Endpoint::Open => EndParts::Open,
            Endpoint::Unknown => EndParts::Unknown,
        };
        match self {
            Edtf::Date(d) => DateParts {
                start: EndParts::Date(d.parts()),
                end: None,
            },
            Edtf::Interval(a, b) => DateParts {
                start: end(a),
                end: Some(end(b)),
            },
        }
    }
}

/// A two-character field's value, when it has no unspecified digit.
fn known(field: Option<[u8; 2]>) -> Option<u32> {
    let f = field?;
    f.iter()
        .all(u8::is_ascii_digit)
        .then(|| u32::from(f[0] - b'0') * 10 + u32::from(f[1] - b'0'))
}

/// The name of a sub-year grouping code (21-41), as the page's string tables key it.
fn season_name(code: u32) -> Option<&'static str> {
    const NAMES: [&str; 21] = [
        "spring",
        "summer",
        "autumn",
        "winter",
        "spring",
        "summer",
        "autumn",
        "winter",
        "southern-spring",
        "southern-summer",
        "southern-autumn",
        "southern-winter",
        "q1",
        "q2",
        "q3",
        "q4",
        "third-1",
        "third-2",
        "third-3",
        "half-1",
        "half-2",
    ];
    grouping(code).and(NAMES.get(code.checked_sub(21)? as usize).copied())
}

impl Date {
    /// The date in parts (see [`DayParts`]).
    fn parts(&self) -> DayParts {
        let (year, last_year) = self.year_range();
        let season = self.grouping_code().and_then(season_name);
        let month = known(self.month).filter(|_| season.is_none());
        let day = month.and(known(self.day));
        let year_x = matches!(self.year, Year::Digits { digits, .. } if digits.contains(&b'X'));
        let unspecified = year_x
            || self.month.is_some_and(|m| m.contains(&b'X'))
            || self.day.is_some_and(|d| d.contains(&b'X'));
        DayParts {
            year,
            last_year,
            month,
            day,
            season,
            precision: self.precision(),
            uncertain: self.uncertain,
            approximate: self.approximate,
            unspecified,
            time: self.time.as_deref().map(str::to_string),
        }
    }
}

impl JsonFields for DateParts {
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o> {
        o.field("start", &self.start).field("end", &self.end)
    }
}

impl JsonFields for EndParts {
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o> {
        let d = match self {
            EndParts::Open => return o.field("kind", "open"),
            EndParts::Unknown => return o.field("kind", "unknown"),
            EndParts::Date(d) => d,
        };
        // Years reach a hundred billion: JSON numbers (f64) hold them exactly.
        o.field("kind", "date")
            .field("year", &(d.year as f64))
            .field("lastYear", &(d.last_year as f64))
            .field("month", &d.month)
            .field("day", &d.day)
            .field("season", &d.season)
            .field("precision", d.precision.as_str())
            .field("uncertain", &d.uncertain)
            .field("approximate", &d.approximate)
            .field("unspecified", &d.unspecified)
            .field("time", &d.time)
    }
}

crate::json_objects!(DateParts, EndParts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::ToJson;

    fn parts(text: &str) -> DateParts {
        Edtf::parse(text).unwrap().parts()
    }

    fn date(text: &str) -> DayParts {
        match parts(text).start {
            EndParts::Date(d) => d,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_day_a_month_and_a_year_give_what_they_state() {
        let d = date("2020-01-08");
        assert_eq!((d.year, d.month, d.day), (2020, Some(1), Some(8)));
        assert_eq!(d.precision, Precision::Day);
        assert!(!d.uncertain && !d.approximate && !d.unspecified);
        let m = date("2019-12~");
        assert_eq!((m.year, m.month, m.day), (2019, Some(12), None));
        assert!(m.approximate && !m.uncertain);
        assert_eq!(m.precision, Precision::Month);
        let y = date("2020?");
        assert_eq!((y.year, y.last_year, y.month), (2020, 2020, None));
        assert!(y.uncertain);
        assert_eq!(date("-0044").year, -44);
        assert!(date("2020-03%").uncertain && date("2020-03%").approximate);
        assert_eq!(
            date("2004-01-01T10:10:10Z").time.as_deref(),
            Some("10:10:10Z")
        );
        assert_eq!(parts("2020-01-08").end, None);
    }

    #[test]
    fn unspecified_digits_keep_only_what_is_known() {
        let d = date("2019-12-2X");
        assert_eq!(
            (d.month, d.day, d.precision),
            (Some(12), None, Precision::Month)
        );
        assert!(d.unspecified);
        let y = date("2020-XX-XX");
        assert_eq!((y.month, y.day, y.precision), (None, None, Precision::Year));
        let decade = date("201X");
        assert_eq!((decade.year, decade.last_year), (2010, 2019));
        assert_eq!(decade.precision, Precision::MultiYear);
        assert!(decade.unspecified);
    }

    #[test]
    fn seasons_are_named_not_given_as_months() {
        let s = date("2020-21");
        assert_eq!(
            (s.season, s.month, s.precision),
            (Some("spring"), None, Precision::Season)
        );
        assert_eq!(date("2020-33").season, Some("q1"));
        assert_eq!(date("2020-32").season, Some("southern-winter"));
        assert_eq!(date("2020-41").season, Some("half-2"));
        assert_eq!(date("2020-39").season, Some("third-3"));
    }

    #[test]
    fn intervals_give_both_ends_open_and_unknown_ones_too() {
        let p = parts("2019-12-21/2020-01-07");
        let (EndParts::Date(a), Some(EndParts::Date(b))) = (&p.start, &p.end) else {
            panic!("{p:?}");
        };
        assert_eq!((a.year, a.month, a.day), (2019, Some(12), Some(21)));
        assert_eq!((b.year, b.month, b.day), (2020, Some(1), Some(7)));
        assert_eq!(parts("../2020").start, EndParts::Open);
        assert_eq!(parts("2019-12/").end, Some(EndParts::Unknown));
    }

    #[test]
    fn years_beyond_four_digits_are_whole_numbers() {
        let big = date("Y-13800000000~");
        assert_eq!(
            (big.year, big.last_year),
            (-13_800_000_000, -13_800_000_000)
        );
        assert!(big.approximate);
        assert_eq!(big.precision, Precision::Year);
        assert_eq!(date("Y170000002").year, 170_000_002);
    }

    #[test]
    fn parts_are_written_as_json_the_page_reads() {
        assert_eq!(
            parts("Y-13800000000~/..").to_json(),
            concat!(
                r#"{"start":{"kind":"date","year":-13800000000,"lastYear":-13800000000,"#,
                r#""month":null,"day":null,"season":null,"precision":"year","uncertain":false,"#,
                r#""approximate":true,"unspecified":false,"time":null},"end":{"kind":"open"}}"#
            )
        );
        assert_eq!(
            parts("2020-03-XX").to_json(),
            concat!(
                r#"{"start":{"kind":"date","year":2020,"lastYear":2020,"month":3,"day":null,"#,
                r#""season":null,"precision":"month","uncertain":false,"approximate":false,"#,
                r#""unspecified":true,"time":null},"end":null}"#
            )
        );
    }
}
