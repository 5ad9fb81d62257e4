//! The days a date may refer to: the first and last real day its fields allow, widened when
//! it is approximate (the rules are in the module docs of [`super`]).

use super::{grouping, has_x, pattern_values, Date, DaySpan, Edtf, Endpoint, Precision, Year};
use crate::model::calendar::{civil, day_number, days_in_month};

impl Edtf {
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
}

impl Date {
    /// Years this date's year field allows: (smallest, largest).
    pub(super) fn year_range(&self) -> (i64, i64) {
        match self.year {
            Year::Long(y) => (y, y),
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

    /// True when the year field allows `year`.
    fn year_matches(&self, year: i64) -> bool {
        match self.year {
            Year::Long(y) => y == year,
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

    /// The earliest (or latest) real day that the year, month and day patterns allow.
    pub(super) fn first_valid_day(&self, earliest: bool) -> Option<(i64, u32, u32)> {
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
    pub(super) fn raw_bounds(&self) -> (i64, i64) {
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

    /// The days the date may refer to: as written, widened when approximate.
    pub(super) fn span(&self) -> DaySpan {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::format_day;

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
        let none_fits = Edtf::parse("19X1-02-29").expect_err("no 29 February in 19X1");
        assert!(none_fits.to_string().contains("no day fits"));
    }
}
