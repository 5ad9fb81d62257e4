//! The timeline's side of an answer: the visible range, the bins of the day spans the engine
//! counted, and the lanes of the page's marks, with the timeline's calendar, as the page's engine
//! makes them.

use dateline::engine::query::{self, EventSummary, QuerySpec};
use dateline::engine::timeline::{Bins, Step, TimeScale};
use dateline::model::edtf::DaySpan;

use super::failure::Failure;
use super::sql::{day, Filters};

/// The visible range: the spec's view, else the filter's range clipped to the data, else the
/// data's extent.
pub fn visible(
    spec: &QuerySpec,
    filters: &Filters,
    extent: Option<DaySpan>,
) -> Result<Option<DaySpan>, Failure> {
    let bound = |field: &str, b: &Option<query::DayBound>, end| {
        b.as_ref()
            .map(|b| day(field, b, end))
            .transpose()
            .map_err(Failure::bad)
    };
    let (from, to) = (
        bound("viewFrom", &spec.view_from, false)?,
        bound("viewTo", &spec.view_to, true)?,
    );
    let (range_from, range_to) = filters.range.unwrap_or((None, None));
    match (
        from.or(range_from).or(extent.map(|e| e.earliest)),
        to.or(range_to).or(extent.map(|e| e.latest)),
    ) {
        (Some(f), Some(t)) if f <= t => Ok(Some(DaySpan {
            earliest: f,
            latest: t,
        })),
        (Some(_), Some(_)) => Err(Failure::bad(
            "query 'viewTo': the visible range ends before it starts",
        )),
        _ => Ok(None),
    }
}

/// The bin width the spec asks for, as the page's engine reads it; `None` leaves it to the
/// visible range.
pub fn bin_unit(spec: &QuerySpec) -> Result<Option<Step>, Failure> {
    query::bin_unit(spec).map_err(|e| Failure::bad(e.to_string()))
}

/// The most bins a query may ask for with `binUnit`: a page draws a few hundred, and a day's
/// bins over every representable day would not fit in memory.
pub const MAX_BINS: i64 = 100_000;

/// Refuses a bin width that cuts the visible range into more than [`MAX_BINS`] bins.
pub fn check_bins(view: Option<DaySpan>, step: Option<Step>) -> Result<(), Failure> {
    let (Some(v), Some(step)) = (view, step) else {
        return Ok(());
    };
    // The shortest each unit can be, so the count is never underestimated.
    let days = match step {
        Step::Day(n) => i64::from(n.max(1)),
        Step::Week => 7,
        Step::Month(n) => 28 * i64::from(n.max(1)),
        Step::Year(n) => 365 * i64::from(n.max(1)),
        // The server's tables count days; a unit of a years scale is never shorter than one.
        Step::Units(n) => i64::from(n.max(1)),
    };
    let bins = (i64::from(v.latest) - i64::from(v.earliest) + 1) / days;
    if bins > MAX_BINS {
        return Err(Failure::bad(format!(
            "query 'binUnit': about {bins} bins of a {} over the visible range; the most is {MAX_BINS}",
            step.unit()
        )));
    }
    Ok(())
}

/// Bins `spans` (day span and count) over `view`: certain in the bin that holds a whole span,
/// possible in every bin a span reaches otherwise, as the page's engine bins.
pub fn bins(view: DaySpan, step: Option<Step>, spans: &[(i32, i32, u32)]) -> Bins {
    let mut binner = query::Binner::new(view, step, TimeScale::Days);
    for &(start, end, n) in spans {
        binner.add_many(start, end, n);
    }
    binner.finish()
}

/// Lanes for the marks of `page` on a timeline `width` pixels wide showing `view`, as the
/// page's engine lays them out.
pub fn lanes(page: &[EventSummary], view: DaySpan, width: f64) -> Vec<u32> {
    // An undated mark has start > end, as in the engine's columns.
    let spans = page.iter().map(|s| match (s.start, s.end) {
        (Some(start), Some(end)) => (start, end),
        _ => (1, 0),
    });
    query::mark_lanes(spans, view, width)
        .into_iter()
        .map(u32::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::model::calendar;

    #[test]
    fn spans_are_binned_as_the_page_bins_them() {
        // January 2020 in days: one event on the 2nd, one across the month's end.
        let jan = calendar::day_number(2020, 1, 1) as i32;
        let view = DaySpan {
            earliest: jan,
            latest: jan + 59,
        };
        let b = bins(
            view,
            Some(Step::Month(1)),
            &[(jan + 1, jan + 1, 2), (jan + 30, jan + 32, 1)],
        );
        assert_eq!(b.certain, vec![2, 0]);
        assert_eq!(b.possible, vec![1, 1]);
    }
}
