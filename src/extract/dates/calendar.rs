//! Calendar dates resolved: a year left out is the one of a full date nearby, else the text's
//! own nearest year, else the publication's (a month after the publication month was last
//! year's); "last December" is the last December before the reference month; "on the 16th" is
//! the last 16th on or before the reference day.

use super::reference::{add_months, edtf, month_named, ym, ymd, Reference};
use super::said::{numeric_reading, Bound, Resolved};
use crate::model::calendar::{civil, day_number, days_in_month};

/// The note for a year inferred, `why`, after the expression's words.
fn inferred(words: &str, why: &str) -> Option<String> {
    Some(format!("'{words}': {why}"))
}

/// A year for a date written without one, and why: the year of a full date nearby, else the
/// text's own, else the publication's, where a month after the publication month was last
/// year's.
fn year_for(r: &Reference, month: u32) -> Option<(i64, String)> {
    let ctx = r.ctx;
    if let Some((day, w)) = ctx.nearby_day {
        let (y, _, _) = civil(day);
        return Some((y, format!("the year is that of '{w}' nearby")));
    }
    if let Some(y) = ctx.text_year {
        return Some((y, format!("the year is {y}, the one the text states")));
    }
    let (py, pm, _) = month_named(ctx.published?)?;
    let y = if month > pm { py - 1 } else { py };
    let why = if month > pm {
        format!(
            "the year is inferred from {}: {y}, as the month comes after the publication month",
            r.what
        )
    } else {
        format!("the year is inferred from {}", r.what)
    };
    Some((y, why))
}

/// A day: as written when the year is, else with the year inferred.
pub(super) fn day(r: &Reference, year: Option<i64>, month: u32, day: u32) -> Option<Resolved> {
    let (y, note) = match year {
        Some(y) => (y, None),
        None => {
            let (y, why) = year_for(r, month)?;
            (y, inferred(r.words, &why))
        }
    };
    (day <= days_in_month(y, month)).then_some(())?;
    Some(Resolved {
        edtf: edtf(&ymd(day_number(y, month, day)))?,
        note,
    })
}

/// A day in figures, when only one order of month and day names a day.
pub(super) fn numeric(first: u32, second: u32, year: i64) -> Option<Resolved> {
    let (m, d) = numeric_reading(first, second, year)?;
    Some(Resolved {
        edtf: edtf(&ymd(day_number(year, m, d)))?,
        note: None,
    })
}

/// The days from one written day or month to another ("between Sept. 23 and Dec. 13"), each
/// end resolved as it would be alone; `None` when the first comes after the last.
pub(super) fn between(r: &Reference, first: Bound, last: Bound) -> Option<Resolved> {
    let end = |b: Bound| {
        if b.day == 0 {
            month(r, b.year, b.month)
        } else {
            day(r, b.year, b.month, b.day)
        }
    };
    let b = end(last)?;
    // The first end, written without a year, comes in the months before the last.
    let first = match first.year {
        Some(_) => first,
        None => {
            let (y, _, _) = civil(i64::from(b.edtf.span().earliest));
            Bound {
                year: Some(if first.month > last.month { y - 1 } else { y }),
                ..first
            }
        }
    };
    let a = end(first)?;
    (a.edtf.span().earliest <= b.edtf.span().earliest).then_some(())?;
    Some(Resolved {
        edtf: edtf(&format!("{}/{}", a.edtf, b.edtf))?,
        note: a.note.or(b.note),
    })
}

/// The days from a written day to one counted from the reference ("between Dec. 4 and
/// yesterday"); `None` when the first comes after the last.
pub(super) fn until(r: &Reference, first: Bound, days: i64) -> Option<Resolved> {
    let last = r.day? + days;
    let a = day(r, first.year, first.month, first.day)?;
    let start = i64::from(a.edtf.span().earliest);
    (start < last).then_some(())?;
    Some(Resolved {
        edtf: edtf(&format!("{}/{}", a.edtf, ymd(last)))?,
        note: a.note,
    })
}

/// A month: as written when the year is, else with the year inferred.
pub(super) fn month(r: &Reference, year: Option<i64>, month: u32) -> Option<Resolved> {
    let (y, note) = match year {
        Some(y) => (y, None),
        None => {
            let (y, why) = year_for(r, month)?;
            (y, inferred(r.words, &why))
        }
    };
    Some(Resolved {
        edtf: edtf(&ym(y, month))?,
        note,
    })
}

/// Early (days 1-10), mid (11-20) or late (21 to the end) in a month.
pub(super) fn month_part(
    r: &Reference,
    year: Option<i64>,
    month: u32,
    part: u8,
) -> Option<Resolved> {
    let (y, why) = match year {
        Some(y) => (y, None),
        None => {
            let (y, why) = year_for(r, month)?;
            (y, Some(why))
        }
    };
    let (a, b) = match part {
        1 => (1, 10),
        2 => (11, 20),
        _ => (21, days_in_month(y, month)),
    };
    let text = format!(
        "{}/{}",
        ymd(day_number(y, month, a)),
        ymd(day_number(y, month, b))
    );
    let mut note = format!("'{}' is read as days {a} to {b} of the month", r.words);
    if let Some(why) = why {
        note.push_str("; ");
        note.push_str(&why);
    }
    Some(Resolved {
        edtf: edtf(&text)?,
        note: Some(note),
    })
}

/// A year as written.
pub(super) fn year(y: i64) -> Option<Resolved> {
    Some(Resolved {
        edtf: edtf(&format!("{y:04}"))?,
        note: None,
    })
}

/// "last December": the last December before the reference's month (in a December, the one
/// a year before).
pub(super) fn last_named_month(r: &Reference, month: u32) -> Option<Resolved> {
    let (ry, rm, approx) = r.month()?;
    let y = if month < rm { ry } else { ry - 1 };
    Some(Resolved {
        edtf: edtf(&format!(
            "{}{}",
            ym(y, month),
            if approx { "~" } else { "" }
        ))?,
        note: r.note("is the last such month before"),
    })
}

/// "December last year", "March this year": the month in the reference's year less `years`.
pub(super) fn month_years_ago(r: &Reference, month: u32, years: i64) -> Option<Resolved> {
    let (ry, approx) = r.year()?;
    Some(Resolved {
        edtf: edtf(&format!(
            "{}{}",
            ym(ry - years, month),
            if approx { "~" } else { "" }
        ))?,
        note: r.note("has its year counted from"),
    })
}

/// "on the 16th": the last 16th on or before a full date nearby or the reference day.
pub(super) fn day_of_month(r: &Reference, n: u32) -> Option<Resolved> {
    let (anchor, from, mark) = match (r.ctx.nearby_day, r.day) {
        (Some((day, w)), _) => (day, format!("the date '{w}' nearby"), ""),
        (None, Some(day)) => (day, r.what.clone(), r.mark),
        (None, None) => return None,
    };
    let (mut y, mut m, d) = civil(anchor);
    if n > d {
        (y, m) = add_months(y, m, -1);
    }
    // Back to the last month that has such a day ("the 31st" in a month of 30 days).
    while n > days_in_month(y, m) {
        (y, m) = add_months(y, m, -1);
    }
    Some(Resolved {
        edtf: edtf(&format!("{}{mark}", ymd(day_number(y, m, n))))?,
        note: Some(format!(
            "'{}' is taken as the last such day of a month on or before {from}",
            r.words
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::super::said::Context;
    use super::*;
    use crate::model::edtf::Edtf;

    fn ctx<'a>(published: Option<&'a Edtf>, text_year: Option<i64>) -> Context<'a> {
        Context {
            published,
            text_year,
            ..Context::default()
        }
    }

    fn text(r: Option<Resolved>) -> String {
        r.map_or("-".into(), |r| r.edtf.to_string())
    }

    #[test]
    fn a_month_after_the_publication_month_is_last_years() {
        let p = Edtf::parse("2020-03-13").unwrap();
        let c = ctx(Some(&p), None);
        let r = Reference::new("December", &c);
        let got = month(&r, None, 12).unwrap();
        assert_eq!(got.edtf.to_string(), "2019-12");
        assert!(got
            .note
            .unwrap()
            .contains("inferred from the publication date"));
        assert_eq!(text(month(&r, None, 3)), "2020-03");
        assert_eq!(text(month_part(&r, None, 12, 3)), "2019-12-21/2019-12-31");
        assert_eq!(text(day(&r, None, 9, 14)), "2019-09-14");
        assert_eq!(text(day(&r, Some(2017), 9, 14)), "2017-09-14");
        // The text's own year wins over the publication's.
        let c = ctx(Some(&p), Some(2018));
        assert_eq!(
            text(month(&Reference::new("December", &c), None, 12)),
            "2018-12"
        );
    }

    #[test]
    fn leap_days_are_checked_against_their_year() {
        let p = Edtf::parse("2020-03-01").unwrap();
        let c = ctx(Some(&p), None);
        let r = Reference::new("Feb. 29", &c);
        assert_eq!(text(day(&r, None, 2, 29)), "2020-02-29");
        let p = Edtf::parse("2021-03-01").unwrap();
        let c = ctx(Some(&p), None);
        assert_eq!(text(day(&Reference::new("Feb. 29", &c), None, 2, 29)), "-");
        assert_eq!(
            text(month_part(&r, Some(2020), 2, 3)),
            "2020-02-21/2020-02-29"
        );
        assert_eq!(text(numeric(2, 29, 2020)), "2020-02-29");
        assert_eq!(text(numeric(29, 2, 2021)), "-");
    }

    #[test]
    fn figures_are_read_only_in_the_order_that_names_a_day() {
        assert_eq!(text(numeric(3, 21, 2020)), "2020-03-21");
        assert_eq!(text(numeric(21, 3, 2020)), "2020-03-21");
        assert_eq!(text(numeric(3, 4, 2020)), "-");
        assert_eq!(text(numeric(5, 5, 2020)), "2020-05-05");
    }

    #[test]
    fn last_december_is_counted_back_from_the_reference_month() {
        for (published, want) in [
            ("2020-03-13", "2019-12"),
            ("2020-01-02", "2019-12"),
            ("2019-12-31", "2018-12"),
        ] {
            let p = Edtf::parse(published).unwrap();
            let c = ctx(Some(&p), Some(2015));
            let r = Reference::new("last December", &c);
            assert_eq!(text(last_named_month(&r, 12)), want, "{published}");
        }
        let p = Edtf::parse("2020-08~").unwrap();
        let c = ctx(Some(&p), None);
        let r = Reference::new("last December", &c);
        assert_eq!(text(last_named_month(&r, 12)), "2019-12~");
        let p = Edtf::parse("2020-01-15").unwrap();
        let c = ctx(Some(&p), None);
        let r = Reference::new("December last year", &c);
        assert_eq!(text(month_years_ago(&r, 12, 1)), "2019-12");
        assert_eq!(text(month_years_ago(&r, 1, 0)), "2020-01");
    }

    #[test]
    fn the_nth_is_the_last_such_day_on_or_before_the_reference() {
        let p = Edtf::parse("2020-03-20").unwrap();
        let c = ctx(Some(&p), None);
        let r = Reference::new("the 16th", &c);
        assert_eq!(text(day_of_month(&r, 16)), "2020-03-16");
        assert_eq!(text(day_of_month(&r, 20)), "2020-03-20");
        assert_eq!(text(day_of_month(&r, 29)), "2020-02-29", "a leap year");
        assert_eq!(text(day_of_month(&r, 30)), "2020-01-30");
        let p = Edtf::parse("2021-01-05").unwrap();
        let c = ctx(Some(&p), None);
        assert_eq!(
            text(day_of_month(&Reference::new("the 28th", &c), 28)),
            "2020-12-28"
        );
        let p = Edtf::parse("2021-01-05?").unwrap();
        let c = ctx(Some(&p), None);
        assert_eq!(
            text(day_of_month(&Reference::new("the 2nd", &c), 2)),
            "2021-01-02?"
        );
        let p = Edtf::parse("2021-01").unwrap();
        let c = ctx(Some(&p), None);
        assert_eq!(text(day_of_month(&Reference::new("the 2nd", &c), 2)), "-");
    }
}
