//! Dates as text: EDTF as it reads back (`Display`), and in words for readers (`describe`).

use std::fmt;

use super::{grouping, Date, Edtf, Endpoint, Precision, Year};
use crate::model::calendar::{civil, year_words, MONTH_NAMES};

impl Edtf {
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

impl Date {
    /// The date in words for readers (see [`Edtf::describe`]).
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(d("-0044"), "45 BCE");
        assert_eq!(d("Y-13800000000"), "13.8 billion years ago");
        assert_eq!(d("Y-4540000000~"), "about 4.54 billion years ago");
        assert_eq!(d("Y170000002"), "170,000,002 CE");
        assert_eq!(
            d("Y-66000000/Y-65000000"),
            "66 million years ago – 65 million years ago"
        );
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
