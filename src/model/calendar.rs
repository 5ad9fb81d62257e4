//! Proleptic Gregorian calendar arithmetic on day numbers.
//!
//! A *day number* counts days from 1970-01-01 (day 0); earlier days are negative. Every date in
//! the store is a day number, so comparing and binning dates is integer work.

/// True for leap years of the proleptic Gregorian calendar.
pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1-12) of `year`.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

/// English month names, for messages and labels.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Short month names for axis labels.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The day number of a valid `(year, month, day)`.
///
/// Uses Howard Hinnant's `days_from_civil`; exact for every year that fits an `i64` day count.
pub fn day_number(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The `(year, month, day)` of a day number; the inverse of [`day_number`].
pub fn civil(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// ISO 8601 weekday of a day number: 1 is Monday, 7 is Sunday.
pub fn weekday(day: i64) -> u32 {
    // 1970-01-01 was a Thursday.
    ((day + 3).rem_euclid(7) + 1) as u32
}

/// Formats a day number as `YYYY-MM-DD` (with a sign and more digits outside 0000-9999).
pub fn format_day(day: i64) -> String {
    let mut out = String::with_capacity(10);
    push_day(&mut out, day);
    out
}

/// Appends [`format_day`]'s text to `out`.
pub fn push_day(out: &mut String, day: i64) {
    let (y, m, d) = civil(day);
    if y < 0 {
        out.push('-');
    }
    let year = y.unsigned_abs();
    for place in [1000, 100, 10] {
        if year < place {
            out.push('0');
        }
    }
    crate::json::push_int(out, year as i64);
    for part in [m, d] {
        out.push('-');
        out.push(char::from(b'0' + (part / 10) as u8));
        out.push(char::from(b'0' + (part % 10) as u8));
    }
}

/// Formats a year as EDTF writes it: four digits, a leading `-` for years before year 0.
pub fn format_year(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

/// Formats a year alone as EDTF writes it: four digits with a sign (`1969`, `-0044`), and
/// beyond four digits after a `Y` (`Y-13800000000`), as links on a scale of years name them.
pub fn edtf_year(year: i64) -> String {
    if year.unsigned_abs() > 9999 {
        format!("Y{year}")
    } else {
        format_year(year)
    }
}

/// A year for readers: `2020`, `45 BCE` for -0044 (year 0 is 1 BCE), and from a million years
/// either way with the amount in words: "13.8 billion years ago" for -13800000000 (at that
/// distance the two thousand years since year 0 are below the figure's precision),
/// "170 million CE".
pub fn year_words(year: i64) -> String {
    let far = year.unsigned_abs() >= 1_000_000;
    match (year <= 0, far) {
        (true, true) => format!("{} years ago", amount_words(year.unsigned_abs())),
        (true, false) => format!(
            "{} BCE",
            crate::model::text::format_count((1 - year) as f64)
        ),
        (false, true) => format!("{} CE", amount_words(year.unsigned_abs())),
        (false, false) => year.to_string(),
    }
}

/// A large whole amount: "13.8 billion" and "170 million" when that is exact, else with
/// thousands separators.
fn amount_words(n: u64) -> String {
    let unit = [(1_000_000_000, "billion"), (1_000_000, "million")]
        .into_iter()
        .find(|&(unit, _)| n >= unit);
    if let Some((unit, name)) = unit {
        // Up to two decimals, and only where they say the whole amount.
        if n.is_multiple_of(unit / 100) {
            let hundredths = n / (unit / 100);
            let (whole, part) = (hundredths / 100, hundredths % 100);
            return match part {
                0 => format!("{whole} {name}"),
                p if p % 10 == 0 => format!("{whole}.{} {name}", p / 10),
                p => format!("{whole}.{p:02} {name}"),
            };
        }
    }
    crate::model::text::format_count(n as f64)
}

/// Parses a plain `YYYY-MM-DD` day, as date inputs send it.
pub fn parse_day(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let y = i64::from(y);
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| day_number(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_words_from_year_zero_to_the_big_bang() {
        assert_eq!(year_words(2020), "2020");
        assert_eq!(year_words(0), "1 BCE");
        assert_eq!(year_words(-44), "45 BCE");
        assert_eq!(year_words(-11_999), "12,000 BCE");
        assert_eq!(year_words(-13_800_000_000), "13.8 billion years ago");
        assert_eq!(year_words(-13_787_000_000), "13,787,000,000 years ago");
        assert_eq!(year_words(-66_000_000), "66 million years ago");
        assert_eq!(year_words(-2_500_000), "2.5 million years ago");
        assert_eq!(year_words(170_000_002), "170,000,002 CE");
        assert_eq!(year_words(4_050_000_000), "4.05 billion CE");
    }

    #[test]
    fn days_are_written_as_edtf_writes_them() {
        let days = (-800_000..-700_000)
            .step_by(97)
            .chain(-1000..1000)
            .chain((2_900_000..3_000_000).step_by(89))
            .chain([
                day_number(-1, 1, 1),
                day_number(0, 12, 31),
                day_number(9999, 12, 31),
            ]);
        for day in days {
            let (y, m, d) = civil(day);
            assert_eq!(format_day(day), format!("{}-{m:02}-{d:02}", format_year(y)));
        }
        assert_eq!(format_day(day_number(-44, 3, 15)), "-0044-03-15");
        assert_eq!(format_day(day_number(12345, 1, 2)), "12345-01-02");
    }

    #[test]
    fn years_alone_are_written_as_edtf_reads_them() {
        for (year, text) in [
            (1969, "1969"),
            (0, "0000"),
            (-44, "-0044"),
            (9999, "9999"),
            (-10_000, "Y-10000"),
            (170_000_002, "Y170000002"),
            (-13_800_000_000, "Y-13800000000"),
        ] {
            assert_eq!(edtf_year(year), text);
            let date = crate::model::edtf::Edtf::parse(text).expect("EDTF");
            assert_eq!(date.years(), (year, year), "{text}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2020, 1, 8), 18_269);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
        assert_eq!(day_number(1900, 3, 1) - day_number(1900, 2, 28), 1);
        for day in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(y, m, d), day);
        }
        assert_eq!(civil(day_number(-44, 3, 15)), (-44, 3, 15));
    }

    #[test]
    fn weekdays_and_formatting() {
        assert_eq!(weekday(day_number(2020, 3, 27)), 5, "Friday");
        assert_eq!(weekday(day_number(2020, 3, 26)), 4, "Thursday");
        assert_eq!(format_day(day_number(2020, 1, 8)), "2020-01-08");
        assert_eq!(format_day(day_number(-5, 1, 1)), "-0005-01-01");
    }

    #[test]
    fn plain_days_parse_only_when_real() {
        assert_eq!(parse_day("2020-02-29"), Some(day_number(2020, 2, 29)));
        assert_eq!(parse_day("2019-02-29"), None);
        assert_eq!(parse_day("2020-13-01"), None);
        assert_eq!(parse_day("2020-1-01"), None);
        assert_eq!(parse_day("２020-01-01"), None);
        for not_digits in ["2020-0a-01", "+020-01-01", "2020-01-0 ", "-020-01-01"] {
            assert_eq!(parse_day(not_digits), None, "{not_digits}");
        }
    }
}
