//! What relative dates count from, and how notes name it: the publication date (known to the
//! day, perhaps only approximately or uncertainly, or only to the month), else the latest full
//! date the text states. A day counted from an approximate or uncertain publication date is
//! marked so too, and the note says why.

use super::said::{Context, Resolved};
use crate::model::calendar::{civil, format_day};
use crate::model::edtf::{DaySpan, Edtf, Precision};

/// The EDTF of `text`, which the resolvers write themselves.
pub(super) fn edtf(text: &str) -> Option<Edtf> {
    Edtf::parse(text).ok()
}

/// `YYYY-MM-DD` of a day number.
pub(super) fn ymd(day: i64) -> String {
    format_day(day)
}

/// `YYYY-MM`.
pub(super) fn ym(year: i64, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// The month `n` months from `month` of `year`.
pub(super) fn add_months(year: i64, month: u32, n: i64) -> (i64, u32) {
    let total = year * 12 + i64::from(month) - 1 + n;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// The bounded span of `e`, when it is no wider than about a season: wider says too little of
/// when the text was written.
fn bounded(e: &Edtf) -> Option<DaySpan> {
    let span = e.span();
    let open = span.earliest == DaySpan::OPEN_START || span.latest == DaySpan::OPEN_END;
    (!open && i64::from(span.latest) - i64::from(span.earliest) <= 100).then_some(span)
}

/// The middle day of `span`.
fn middle(span: DaySpan) -> i64 {
    (i64::from(span.earliest) + i64::from(span.latest)) / 2
}

/// The month (year, month) in the middle of `span`, and whether the span runs into another.
fn month_of_span(span: DaySpan) -> (i64, u32, bool) {
    let (y, m, _) = civil(middle(span));
    let (ya, ma, _) = civil(i64::from(span.earliest));
    let (yb, mb, _) = civil(i64::from(span.latest));
    (y, m, (ya, ma) != (yb, mb))
}

/// The month (year, month) a publication date names, and whether only approximately.
pub(super) fn month_named(p: &Edtf) -> Option<(i64, u32, bool)> {
    bounded(p).map(month_of_span)
}

/// A date expression's words in their context, with the reference relative dates count from.
pub(super) struct Reference<'a> {
    /// The expression's words as written.
    pub(super) words: &'a str,
    pub(super) ctx: &'a Context<'a>,
    /// The reference's day, when it names one: the publication date's, even when approximate
    /// or uncertain. A date the text states is only the earliest the text can have been
    /// written, so it gives no day.
    pub(super) day: Option<i64>,
    /// The reference's span, when bounded.
    span: Option<DaySpan>,
    /// The reference is a date the text states, not the publication date.
    stated: bool,
    /// The qualifier a day counted from the reference carries: `~`, `?`, `%` or none.
    pub(super) mark: &'static str,
    /// The reference as notes name it.
    pub(super) what: String,
}

impl<'a> Reference<'a> {
    /// The reference for `words` in `ctx`.
    pub(super) fn new(words: &'a str, ctx: &'a Context<'a>) -> Reference<'a> {
        let mut r = Reference {
            words,
            ctx,
            day: None,
            span: None,
            stated: false,
            mark: "",
            what: String::new(),
        };
        if let Some((d, w)) = ctx.spoken {
            r.span = bounded(d);
            r.day = r.span.map(middle);
            r.mark = if d.is_approximate() { "~" } else { "" };
            r.what = format!("the day the statement quoted was made ({d}, from '{w} said')");
            return r;
        }
        match (ctx.published, ctx.stated) {
            (Some(p), _) => {
                r.span = bounded(p);
                if p.precision() == Precision::Day {
                    r.day = r.span.map(middle);
                    r.mark = match (p.is_approximate(), p.is_uncertain()) {
                        (true, true) => "%",
                        (true, false) => "~",
                        (false, true) => "?",
                        (false, false) => "",
                    };
                }
                r.what = match r.mark {
                    "" => format!("the publication date ({p})"),
                    "?" => format!("the publication date ({p}, itself uncertain)"),
                    _ => format!("the publication date ({p}, itself approximate)"),
                };
            }
            (None, Some((e, w))) => {
                r.span = bounded(e);
                r.stated = true;
                r.what = format!(
                    "'{w}', the latest date the text states (the publication date is not given)"
                );
            }
            (None, None) => {}
        }
        r
    }

    /// The note for a date counted from the reference, `how` saying in what way.
    pub(super) fn note(&self, how: &str) -> Option<String> {
        Some(format!("'{}' {how} {}", self.words, self.what))
    }

    /// The reference's month (year, month), and whether only approximately: a date the text
    /// states is only the earliest the text can have been written.
    pub(super) fn month(&self) -> Option<(i64, u32, bool)> {
        let (y, m, approx) = month_of_span(self.span?);
        Some((y, m, approx || self.stated))
    }

    /// The reference's year, and whether only approximately.
    pub(super) fn year(&self) -> Option<(i64, bool)> {
        let span = self.span?;
        let (ya, _, _) = civil(i64::from(span.earliest));
        let (yb, _, _) = civil(i64::from(span.latest));
        let (y, _, _) = civil(middle(span));
        Some((y, ya != yb || self.stated))
    }

    /// Day `day` counted from the reference day, with the reference's qualifier.
    pub(super) fn day_edtf(&self, day: i64) -> Option<Edtf> {
        edtf(&format!("{}{}", ymd(day), self.mark))
    }

    /// The days `first` to `last` counted from the reference day, with its qualifier.
    pub(super) fn days_edtf(&self, first: i64, last: i64) -> Option<Edtf> {
        if first == last {
            return self.day_edtf(first);
        }
        let m = self.mark;
        edtf(&format!("{}{m}/{}{m}", ymd(first), ymd(last)))
    }

    /// The day counted from the reference, roughly: approximate, and uncertain when the
    /// reference is.
    pub(super) fn about_day(&self, day: i64) -> Option<Edtf> {
        let mark = if matches!(self.mark, "?" | "%") {
            "%"
        } else {
            "~"
        };
        edtf(&format!("{}{mark}", ymd(day)))
    }

    /// The reference's month moved by `months`, approximate when the reference's month is.
    pub(super) fn month_only(&self, months: i64, how: &str) -> Option<Resolved> {
        let (y, m, approx) = self.month()?;
        let (y, m) = add_months(y, m, months);
        Some(Resolved {
            edtf: edtf(&format!("{}{}", ym(y, m), if approx { "~" } else { "" }))?,
            note: self.note(how),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(published: Option<&Edtf>) -> Context<'_> {
        Context {
            published,
            ..Context::default()
        }
    }

    #[test]
    fn publication_dates_give_a_day_a_month_and_a_qualifier() {
        let exact = Edtf::parse("2020-03-13").unwrap();
        let c = ctx(Some(&exact));
        let r = Reference::new("today", &c);
        assert_eq!(
            r.day_edtf(r.day.unwrap()).unwrap().to_string(),
            "2020-03-13"
        );
        assert_eq!(r.month(), Some((2020, 3, false)));
        let about = Edtf::parse("2020-05-05~").unwrap();
        let c = ctx(Some(&about));
        let r = Reference::new("yesterday", &c);
        assert_eq!(
            r.day_edtf(r.day.unwrap() - 1).unwrap().to_string(),
            "2020-05-04~"
        );
        assert!(r.what.contains("itself approximate"));
        assert_eq!(r.month(), Some((2020, 5, false)), "May 2-8 is all May");
        let unsure = Edtf::parse("2023-07-16?").unwrap();
        let c = ctx(Some(&unsure));
        let r = Reference::new("today", &c);
        assert_eq!(
            r.days_edtf(r.day.unwrap() - 1, r.day.unwrap())
                .unwrap()
                .to_string(),
            "2023-07-15?/2023-07-16?"
        );
        assert_eq!(
            r.about_day(r.day.unwrap()).unwrap().to_string(),
            "2023-07-16%"
        );
        let month = Edtf::parse("2020-08~").unwrap();
        let c = ctx(Some(&month));
        let r = Reference::new("Tuesday", &c);
        assert_eq!(r.day, None, "only the month is known");
        assert_eq!(r.month(), Some((2020, 8, true)));
        let year_end = Edtf::parse("2019-12-31~").unwrap();
        let c = ctx(Some(&year_end));
        assert_eq!(Reference::new("this year", &c).year(), Some((2019, true)));
    }
}
