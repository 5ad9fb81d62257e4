//! Reading EDTF text: an interval's ends, each date's year, month, day, time and qualifier,
//! and the checks that it names real days, with a message that says what is wrong.

use super::{grouping, has_x, pattern_values, Date, DateError, Edtf, Endpoint, Year, MAX_YEAR};
use crate::model::calendar::{self, days_in_month, MONTH_NAMES};

impl Edtf {
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
}

impl Date {
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

    /// Checks that the month and day fields name a real month and day (or grouping), saying
    /// why not; `whole` is the full text, for messages.
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

/// A two-character month or day field: digits or `X`; `text` is the full text, for messages.
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

/// Checks a time of day as written after `T`: `hh:mm:ss`, then `Z` or an offset.
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

    proptest::proptest! {
        /// `whole_number` reads digits as the standard library does, and nothing else.
        #[test]
        fn whole_numbers_read_as_the_standard_library_does(text in "[-+]?[0-9]{0,21}|[-0-9a ]{0,4}") {
            let std = text.parse::<i64>().ok().filter(|_| !text.starts_with('+'));
            proptest::prop_assert_eq!(whole_number(&text), std);
        }
    }

    fn err(text: &str) -> String {
        Edtf::parse(text).expect_err(text).to_string()
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
        assert!(err("Y999999999999").contains("99999999999"));
        assert!(err("Y100000000000").contains("99999999999"));
        assert!(err("Y-99999999999999999999999").contains("99999999999"));
        // The ends of the range read and print back, as do cosmological years.
        for end in [
            "Y99999999999",
            "Y-99999999999",
            "Y-13800000000",
            "Y170000002",
        ] {
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
}
