//! Date expressions in news text, and how each becomes an EDTF date with the span it implies.
//!
//! Found ([`find`]): calendar dates as written ("Jan. 8", "Feb. 1, 2020", "16 July 2023",
//! "March 11th", "2020-03-11", "in January", "late December", "last December", "on the 16th",
//! with a time of day beside them), weekdays ("on Thursday", "early Friday", "last Friday",
//! "Friday night", "Thursday and Friday"), days and nights ("yesterday", "today", "tonight",
//! "last night", "overnight", "the weekend"), calendar periods ("last week", "earlier this
//! month", "last year"), counts ("two days ago", "over the past 48 hours", "in recent days",
//! "two months later", "the following day"), "since October", spans between two written dates
//! ("between Sept. 23 and Dec. 13", "from January to March", "Dec. 15-17") or from one to a
//! day counted back ("between Dec. 4 and yesterday"), and anniversaries ("one year since the
//! assassination", "the fifth anniversary of").
//!
//! Resolving ([`resolve`]) needs a reference: an explicit date nearby (in the same paragraph,
//! as a photo caption gives), the publication date (approximate or uncertain ones pass their
//! qualifier on), or the date of the event told just before. What cannot be fixed is not
//! guessed: a weekday with only the publication month known stays undated.

mod calendar;
mod counted;
mod phrases;
mod reference;
mod said;
mod vocabulary;
pub(super) use vocabulary::{month_of, WEEKDAYS};
mod written;

pub use said::{Bound, Context, Found, Resolved, Said, Unit};

use super::words::Word;
use phrases::phrase_at;
use reference::Reference;
use vocabulary::{day_at, gap_after, low_at, month_at, year_at};
use written::{time_at, written_at};

/// Every date expression among `words` (one sentence's words), in order.
pub fn find(words: &[Word], text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match found_at(words, i, text) {
            Some((found, used)) => {
                out.push(found);
                i += used;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `said` names one day or a few, which a time of day can stand beside.
fn names_days(said: &Said) -> bool {
    matches!(
        said,
        Said::Day { .. }
            | Said::Numeric { .. }
            | Said::DayOfMonth(_)
            | Said::Weekday { .. }
            | Said::Weekdays { .. }
    )
}

/// Whether `said` can be where a time began ("since October", "since last week"), not a span
/// counted from elsewhere.
fn can_begin(said: &Said) -> bool {
    !matches!(
        said,
        Said::Later { .. } | Said::Past { .. } | Said::Recent | Said::EarlierThis(_)
    )
}

/// The date expression starting at word `i`, and how many words it takes: "since" before it,
/// a time of day before or after a day ("at 11:57 a.m. (Hawaii time) Sept. 14").
fn found_at(words: &[Word], i: usize, text: &str) -> Option<(Found, usize)> {
    let at = i + usize::from(low_at(words, i) == "since");
    let said_at = |k: usize| written_at(words, k, text).or_else(|| phrase_at(words, k));
    let timed = time_at(words, at, text).and_then(|lead| {
        written_at(words, at + lead, text)
            .filter(|(s, _)| names_days(s))
            .map(|(s, used)| (s, lead + used))
    });
    let (mut said, mut used) = timed.or_else(|| said_at(at))?;
    if names_days(&said) {
        used += time_at(words, at + used, text).unwrap_or(0);
    }
    // "between Sept. 23 and Dec. 13", "from January to March": a span between two dates.
    if let Some((last, more)) = span_end(words, at, used, &said, text) {
        said = last;
        used += more;
    }
    let since = at > i && can_begin(&said);
    let first = if since { i } else { at };
    let start = words[first].start;
    let mut end = words[at + used - 1].end;
    // "(Hawaii time)": the bracket the expression opened closes with it.
    let opened = text[start..end].matches('(').count() > text[start..end].matches(')').count();
    if opened && text[end..].starts_with(')') {
        end += 1;
    }
    Some((
        Found {
            start,
            end,
            said,
            word: first,
            since,
        },
        at + used - i,
    ))
}

/// The span that the date `said`, taking `used` words from word `at`, opens when "between" or
/// "from" comes before it and "and", "to", "through" or "until" and another day or month after
/// it: the span, and the words it takes beyond `said`'s.
fn span_end(
    words: &[Word],
    at: usize,
    used: usize,
    said: &Said,
    text: &str,
) -> Option<(Said, usize)> {
    let first = Bound::of(said)?;
    // "Dec. 15-17", "Dec. 15-17, 2017": days of one month, a dash between them.
    if let Some((last, more)) = dashed_days(words, at + used, &first, text) {
        return Some((Said::Between { first, last }, more));
    }
    let opens = at > 0 && matches!(low_at(words, at - 1), "between" | "from");
    let joins = matches!(low_at(words, at + used), "and" | "to" | "through" | "until");
    if !(opens && joins) {
        return None;
    }
    let k = at + used + 1;
    // "between Dec. 4 and yesterday": to a day counted from the reference.
    if let (true, Some((Said::DaysAgo(days), 1))) = (first.day > 0, phrase_at(words, k)) {
        return Some((Said::Until { first, days }, 2));
    }
    // "from Dec. 4 to 7": the last day in the first's month.
    let bare_day = day_at(words, k)
        .filter(|&d| first.day > 0 && d > first.day && month_at(words, k + 1).is_none());
    let (next, more) = match bare_day {
        Some(day) => (
            Said::Day {
                year: first.year,
                month: first.month,
                day,
            },
            1,
        ),
        None => written_at(words, k, text)?,
    };
    let last = Bound::of(&next)?;
    // "between Sept. 23 and Dec. 13, 2016": the year written once, at the end, is both ends'.
    let first = match (first.year, last.year) {
        (None, Some(y)) => Bound {
            year: Some(if first.month > last.month { y - 1 } else { y }),
            ..first
        },
        _ => first,
    };
    Some((Said::Between { first, last }, 1 + more))
}

/// The last day of a range written with a dash after the day `first`, at word `k` ("Dec.
/// 15-17"), with a year after it when written ("Dec. 15-17, 2017"), and the words it takes.
fn dashed_days(words: &[Word], k: usize, first: &Bound, text: &str) -> Option<(Bound, usize)> {
    let dash = matches!(gap_after(words, k.checked_sub(1)?, text), "-" | "–");
    let day = day_at(words, k).filter(|&d| dash && first.day > 0 && d > first.day)?;
    let year = year_at(words, k + 1, text);
    let year_first = first.year.or(year);
    Some((
        Bound {
            year: year_first,
            month: first.month,
            day,
        },
        1 + usize::from(year.is_some()),
    ))
}

/// Resolves `found`, whose words are `words`, in `ctx`; `None` when the text does not fix it.
pub fn resolve(found: &Found, words: &str, ctx: &Context) -> Option<Resolved> {
    let r = Reference::new(words, ctx);
    let point = match found.said {
        Said::Day { year, month, day } => calendar::day(&r, year, month, day),
        Said::Numeric {
            first,
            second,
            year,
        } => calendar::numeric(first, second, year),
        Said::Month { year, month } => calendar::month(&r, year, month),
        Said::MonthPart { year, month, part } => calendar::month_part(&r, year, month, part),
        Said::Year(y) => calendar::year(y),
        Said::LastNamedMonth(month) => calendar::last_named_month(&r, month),
        Said::MonthYearsAgo { month, years } => calendar::month_years_ago(&r, month, years),
        Said::DayOfMonth(n) => calendar::day_of_month(&r, n),
        Said::Weekday {
            day,
            last,
            overnight,
        } => counted::weekday_date(&r, day, last, overnight),
        Said::Weekdays { first, last } => counted::weekdays(&r, first, last),
        Said::Period { unit, offset } => counted::period(&r, unit, offset),
        Said::EarlierThis(unit) => counted::earlier_this(&r, unit),
        Said::DaysAgo(n) => counted::days_ago(&r, n),
        Said::LastNight => counted::last_night(&r),
        Said::Ago { amount, unit } => counted::ago(&r, amount, unit),
        Said::Past { amount, unit } => counted::past(&r, amount, unit),
        Said::Recent => counted::recent(&r),
        Said::Later { amount, unit } => counted::later(words, ctx.previous?, amount, unit),
        Said::Between { first, last } => calendar::between(&r, first, last),
        Said::Until { first, days } => calendar::until(&r, first, days),
        Said::YearsSince(years) => counted::years_since(&r, years),
    }?;
    if found.since {
        counted::since(&r, point)
    } else {
        Some(point)
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use crate::model::calendar::day_number;
    use crate::model::edtf::Edtf;

    /// The first date expression of `text`: its words and its EDTF ("-" when not fixed).
    fn first(text: &str, ctx: &Context) -> Option<(String, String)> {
        let w = words(text, 0, text.len());
        let f = find(&w, text).into_iter().next()?;
        let written = &text[f.start..f.end];
        let r = resolve(&f, written, ctx);
        Some((
            written.to_string(),
            r.map_or("-".into(), |r| r.edtf.to_string()),
        ))
    }

    /// The first date of `text` resolved against publication date `published`.
    fn on(published: &str, text: &str) -> String {
        let p = Edtf::parse(published).unwrap();
        first(text, &ctx(Some(&p), None)).map_or("none".into(), |x| x.1)
    }

    /// The words of the first date expression of `text`.
    fn words_of(text: &str) -> String {
        first(text, &ctx(None, None)).map_or("none".into(), |x| x.0)
    }

    fn ctx<'a>(published: Option<&'a Edtf>, nearby: Option<(i64, &'a str)>) -> Context<'a> {
        Context {
            nearby_day: nearby,
            published,
            ..Context::default()
        }
    }

    #[test]
    fn explicit_dates_and_years_from_context() {
        let none = ctx(None, None);
        assert_eq!(first("on Feb. 1, 2020, he", &none).unwrap().1, "2020-02-01");
        assert_eq!(
            first("early Friday, March 27, 2020.", &none).unwrap().1,
            "2020-03-27"
        );
        assert_eq!(
            first("Iran on Jan. 8 launched", &none).unwrap().1,
            "-",
            "no year, nothing to infer it from"
        );
        assert_eq!(on("2020-08~", "Iran on Jan. 8 launched"), "2020-01-08");
        assert_eq!(
            on("2020-02-10", "attacks in late December killed"),
            "2019-12-21/2019-12-31"
        );
        assert_eq!(words_of("attacks in late December killed"), "late December");
    }

    #[test]
    fn days_written_every_way_news_writes_them() {
        assert_eq!(
            on("2020-03-13", "attacks on Camp Taji on March 11th that"),
            "2020-03-11"
        );
        assert_eq!(
            on(
                "2023-07-16?",
                "On 16 July at 11:45 am Eastern Standard Time, jets"
            ),
            "2023-07-16"
        );
        assert_eq!(
            on("2017-11-28", "On Saturday 18 November, Tornados"),
            "2017-11-18"
        );
        assert_eq!(on("2017-11-28", "on Thursday 16 November."), "2017-11-16");
        assert_eq!(on("2020-03-13", "on the 16th of February"), "2020-02-16");
        assert_eq!(
            on("2020-03-13", "the report dated 2020-03-11 said"),
            "2020-03-11"
        );
        assert_eq!(
            on("2020-03-13", "the report dated 3/11/2020 said"),
            "none",
            "either order names a day"
        );
        assert_eq!(
            on("2020-03-13", "the report dated 3/21/2020 said"),
            "2020-03-21"
        );
        assert_eq!(
            on("2020-03-13", "troops arrived on the 2nd and"),
            "2020-03-02"
        );
        assert_eq!(on("2020-03-13", "on the 14th Army Corps"), "none");
        assert_eq!(on("2020-03-13", "in March 2019, the"), "2019-03");
        assert_eq!(on("2020-03-13", "in December last year"), "2019-12");
        assert_eq!(on("2020-03-13", "since 2014"), "2014/2020-03-13");
    }

    #[test]
    fn spans_between_two_written_dates() {
        assert_eq!(
            on(
                "2016-12-22",
                "nine strikes between Sept. 23 and Dec. 13, CENTCOM said"
            ),
            "2016-09-23/2016-12-13"
        );
        assert_eq!(
            words_of("nine strikes between Sept. 23 and Dec. 13, CENTCOM said"),
            "Sept. 23 and Dec. 13"
        );
        // The first end comes before the last: the year before it when its month is later.
        assert_eq!(
            on("2017-02-22", "strikes between Dec. 20 and Jan. 3 hit"),
            "2016-12-20/2017-01-03"
        );
        assert_eq!(
            on("2017-02-22", "from January to March 2016"),
            "2016-01/2016-03"
        );
        // Days of one month with a dash between them, or the last day alone after "to".
        assert_eq!(
            on("2017-12-18", "19 strikes between Dec. 15-17, officials"),
            "2017-12-15/2017-12-17"
        );
        assert_eq!(
            words_of("19 strikes Dec. 4–7, 2016, officials"),
            "Dec. 4–7, 2016"
        );
        assert_eq!(
            on("2017-12-18", "19 strikes Dec. 4–7, 2016, officials"),
            "2016-12-04/2016-12-07"
        );
        assert_eq!(
            on("2017-12-18", "strikes from Dec. 4 to 7 hit"),
            "2017-12-04/2017-12-07"
        );
        // "and 7 December" is a day of its own; a smaller number is no end of the span.
        assert_eq!(on("2017-12-18", "strikes on Dec. 4-2 hit"), "2017-12-04");
        // To a day counted from the publication.
        assert_eq!(
            on(
                "2017-12-08",
                "18 strikes between Dec. 4 and yesterday, officials"
            ),
            "2017-12-04/2017-12-07"
        );
        assert_eq!(
            words_of("18 strikes between Dec. 4 and yesterday, officials"),
            "Dec. 4 and yesterday"
        );
        assert_eq!(
            on("2017-12-08", "between Dec. 4 and today"),
            "2017-12-04/2017-12-08"
        );
        // One date alone, or two with no word of a span, stay what they are.
        assert_eq!(on("2016-12-22", "between Sept. 23 and"), "2016-09-23");
        assert_eq!(on("2016-12-22", "on Sept. 23 and Dec. 13"), "2016-09-23");
    }

    #[test]
    fn anniversaries_count_back_to_the_day() {
        assert_eq!(
            on("2022-07-07", "Today marks one year since the assassination"),
            "2022-07-07"
        );
        let text = "It marks two years since the attack on the mosque";
        assert_eq!(on("2022-07-07", text), "2020-07-07");
        assert_eq!(words_of(text), "two years since");
        assert_eq!(
            on("2020-03-01", "the fifth anniversary of the bombing"),
            "2015-03-01"
        );
        // February 29 falls on the 28th in a year without it.
        assert_eq!(
            on("2024-02-29", "the first anniversary of the raid"),
            "2023-02-28"
        );
        // Years since a time, not a happening, are no anniversary; nor is one not counted.
        assert_eq!(on("2022-07-07", "two years since then"), "none");
        assert_eq!(on("2022-07-07", "on the anniversary of the attack"), "none");
    }

    #[test]
    fn times_of_day_stay_with_their_date() {
        let text = "a missile launch at 11:57 a.m. (Hawaii time) Sept. 14. Later";
        assert_eq!(words_of(text), "at 11:57 a.m. (Hawaii time) Sept. 14");
        assert_eq!(on("2017-09-14", text), "2017-09-14");
        assert_eq!(
            words_of("On March 13, at 8:23 pm local time in Syria"),
            "March 13, at 8:23 pm local time"
        );
        assert_eq!(words_of("a vote at 11 on Friday"), "Friday");
    }

    #[test]
    fn last_and_this_past_months_are_before_the_publication_month() {
        assert_eq!(on("2020-03-13", "this past December"), "2019-12");
        assert_eq!(
            on("2020-03-13", "A car bombing last December killed"),
            "2019-12"
        );
        assert_eq!(on("2020-03-13", "in November, the"), "2019-11");
        assert_eq!(
            on("2020-03-13", "in late December"),
            "2019-12-21/2019-12-31"
        );
        assert_eq!(on("2023-06-08", "In March, a suicide bomber"), "2023-03");
        assert_eq!(on("2020-12-02", "last December"), "2019-12");
        assert_eq!(on("2021-01-02", "attacks in December"), "2020-12");
        assert_eq!(on("2021-01-01", "attacks yesterday"), "2020-12-31");
        assert_eq!(
            on("2020-03-01", "over the past 48 hours"),
            "2020-02-28/2020-03-01"
        );
    }

    #[test]
    fn weekdays_count_back_from_the_nearest_anchor() {
        let friday = day_number(2020, 3, 27);
        let c = ctx(None, Some((friday, "March 27, 2020")));
        assert_eq!(
            first("the military on Thursday said", &c).unwrap().1,
            "2020-03-26"
        );
        assert_eq!(first("early Friday", &c).unwrap().1, "2020-03-27");
        assert_eq!(words_of("a rocket attack late Monday near"), "late Monday");
        assert_eq!(
            on("2021-02-15", "a rocket attack late Monday near"),
            "2021-02-15"
        );
        assert_eq!(on("2021-02-15", "last Monday"), "2021-02-08");
        assert_eq!(on("2016-07-18", "On Friday, the rebels"), "2016-07-15");
        assert_eq!(on("2021-02-17", "on Monday night, killing"), "2021-02-15");
        assert_eq!(
            on("2020-03-13", "strikes late Thursday and early Friday hit"),
            "2020-03-12/2020-03-13"
        );
        assert_eq!(on("2020-03-13", "talks next Tuesday"), "none");
        assert_eq!(
            on("2020-07~", "was in Baghdad on Tuesday"),
            "-",
            "only the month is known"
        );
        assert_eq!(on("2020-05-05~", "on Sunday"), "2020-05-03~");
    }

    #[test]
    fn days_and_nights_from_the_publication_date() {
        assert_eq!(
            on("2017-06-11", "in Somalia today, approximately"),
            "2017-06-11"
        );
        assert_eq!(
            on("2016-09-06", "We condemn yesterday’s attack"),
            "2016-09-05"
        );
        assert_eq!(on("2017-04-06", "Tonight, I ordered"), "2017-04-06");
        assert_eq!(
            on("2020-03-13", "on last night’s strikes"),
            "2020-03-12/2020-03-13"
        );
        assert_eq!(
            on("2025-08-28", "strikes on Kyiv overnight which"),
            "2025-08-27/2025-08-28"
        );
        assert_eq!(on("2020-03-01", "the day before yesterday"), "2020-02-28");
        assert_eq!(on("2020-03-01", "two days ago"), "2020-02-28");
        assert_eq!(on("2020-03-13", "the last night of the festival"), "none");
    }

    #[test]
    fn relative_months_weeks_and_spans() {
        let p = Edtf::parse("2020-08-12").unwrap();
        let c = ctx(Some(&p), None);
        assert_eq!(first("Last month, the general", &c).unwrap().1, "2020-07");
        assert_eq!(first("as recently as this month", &c).unwrap().1, "2020-08");
        assert_eq!(
            first("after meeting last week", &c).unwrap().1,
            "2020-08-03/2020-08-09"
        );
        assert_eq!(
            first("lull from earlier this month", &c).unwrap().1,
            "2020-08-01/2020-08-12"
        );
        assert_eq!(on("2020-08-12", "in the last week of July"), "2020-07");
        assert_eq!(
            on("2020-08-12", "in the last week"),
            "2020-08-05/2020-08-12"
        );
        assert_eq!(
            on("2022-12-20", "Over the past 48 hours, forces"),
            "2022-12-18/2022-12-20"
        );
        assert_eq!(
            words_of("Over the past 48 hours, forces"),
            "the past 48 hours"
        );
        assert_eq!(on("2021-11-09", "in recent weeks."), "../2021-11-09");
        assert_eq!(on("2021-11-09", "over the past few days"), "../2021-11-09");
        assert_eq!(
            on("2020-03-13", "in the last six months"),
            "2019-09-13/2020-03-13"
        );
        assert_eq!(on("2020-03-13", "three weeks ago"), "2020-02-21~");
        assert_eq!(on("2020-03-13", "since October"), "2019-10/2020-03-13");
        assert_eq!(
            words_of("in control since October 2019."),
            "since October 2019"
        );
        assert_eq!(
            on("2020-03-13", "earlier this week"),
            "2020-03-09/2020-03-13"
        );
        assert_eq!(on("2020-03-13", "last year"), "2019");
    }

    #[test]
    fn later_counts_from_the_event_told_before() {
        let later = Context {
            previous: Some(Edtf::parse("2020-01-08").unwrap().span()),
            ..ctx(None, None)
        };
        assert_eq!(
            first("Two months later, jets struck", &later).unwrap().1,
            "2020-03~"
        );
        assert_eq!(first("Six months after a strike", &later), None);
        assert_eq!(
            first("The following day, jets", &later).unwrap().1,
            "2020-01-09"
        );
        assert_eq!(first("A day later, jets", &later).unwrap().1, "2020-01-09");
        assert_eq!(
            first("Hours later, jets", &later).unwrap().1,
            "2020-01-08/2020-01-09"
        );
        assert_eq!(first("a day earlier", &later).unwrap().1, "2020-01-07");
        assert_eq!(
            first("had met the day before.", &later).unwrap().1,
            "2020-01-07"
        );
        assert_eq!(first("the day before the vote", &later), None);
    }

    #[test]
    fn a_dateline_is_no_date() {
        assert_eq!(words_of("WASHINGTON - The Pentagon said"), "none");
        assert_eq!(words_of("TAMPA, Fla. – Forces said"), "none");
    }
}
