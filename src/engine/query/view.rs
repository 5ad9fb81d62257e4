//! The timeline's side of a query: the visible range, the bins of the matching events over it,
//! and the lanes that keep the page's marks apart.

use crate::engine::store::Store;
use crate::engine::timeline::{self, Bins, Step, TimeScale};
use crate::model::edtf::DaySpan;
use crate::model::error::Error;

use super::spec::{resolve_day, QuerySpec};

/// The narrowest a timeline mark is drawn, in pixels: a day is a dot at least this wide.
pub const MIN_MARK_WIDTH: f64 = 14.0;

/// Pixels kept free between two marks in one lane.
pub const LANE_GAP: f64 = 4.0;

/// The bin width the spec's `binUnit` asks for; `None` leaves it to the visible range.
pub fn bin_unit(spec: &QuerySpec) -> Result<Option<Step>, Error> {
    Ok(match spec.bin_unit.as_deref() {
        None => None,
        Some("day") => Some(Step::Day(1)),
        Some("week") => Some(Step::Week),
        Some("month") => Some(Step::Month(1)),
        Some("year") => Some(Step::Year(1)),
        Some(other) => {
            return Err(Error::spec(
                "binUnit",
                format!("'{other}' is not a bin unit; use day, week, month or year"),
            ))
        }
    })
}

/// The bins of every event over `view`, from the store's cache when a query asked for them.
pub(super) fn all_bins(store: &Store, view: DaySpan, step: Option<Step>) -> Bins {
    let mut cache = store.bins_cache.borrow_mut();
    if let Some((_, _, bins)) = cache.iter().find(|(v, s, _)| *v == view && *s == step) {
        return bins.clone();
    }
    let mut binner = Binner::new(view, step, store.scale());
    for row in 0..store.len() {
        binner.add(store.start[row], store.end[row]);
    }
    let bins = binner.finish();
    if cache.len() >= 4 {
        cache.remove(0);
    }
    cache.push((view, step, bins.clone()));
    bins
}

/// Lanes for the page's marks on a timeline `width` pixels wide showing `view`.
pub(super) fn lanes_for(store: &Store, page: &[u32], view: DaySpan, width: f64) -> Vec<u16> {
    mark_lanes(
        page.iter()
            .map(|&row| (store.start[row as usize], store.end[row as usize])),
        view,
        width,
    )
}

/// Lanes for marks spanning days `start..=end` (an undated mark has start > end) on a timeline
/// `width` pixels wide showing `view`: each mark at least [`MIN_MARK_WIDTH`] wide, [`LANE_GAP`]
/// apart from the next in its lane.
pub fn mark_lanes(spans: impl Iterator<Item = (i32, i32)>, view: DaySpan, width: f64) -> Vec<u16> {
    let days = f64::from(view.latest) - f64::from(view.earliest) + 1.0;
    let x = |day: i32| (f64::from(day) - f64::from(view.earliest)) / days * width;
    let extents: Vec<(f64, f64)> = spans
        .map(|(start, end)| match (start, end) {
            // Undated marks have start > end, so they fail the test.
            (start, end) if start <= view.latest && end >= view.earliest => {
                let (left, right) = (
                    x(start.max(view.earliest)),
                    x(end.min(view.latest)) + width / days,
                );
                let middle = (left + right) / 2.0;
                let half = ((right - left).max(MIN_MARK_WIDTH)) / 2.0;
                (middle - half, middle + half)
            }
            _ => (f64::NEG_INFINITY, f64::NEG_INFINITY),
        })
        .collect();
    timeline::lanes(&extents, LANE_GAP)
}

/// The range the timeline shows: the spec's view, else the filter's range clipped to the data,
/// else the data's extent.
pub(super) fn visible_range(
    store: &Store,
    spec: &QuerySpec,
    range: Option<(i32, i32)>,
) -> Result<Option<DaySpan>, Error> {
    let from = spec
        .view_from
        .as_ref()
        .map(|b| resolve_day("viewFrom", b, false, store.scale()))
        .transpose()?;
    let to = spec
        .view_to
        .as_ref()
        .map(|b| resolve_day("viewTo", b, true, store.scale()))
        .transpose()?;
    let extent = store.extent();
    let fallback_from = range
        .map(|r| r.0)
        .filter(|&d| d != i32::MIN)
        .or(extent.map(|e| e.earliest));
    let fallback_to = range
        .map(|r| r.1)
        .filter(|&d| d != i32::MAX)
        .or(extent.map(|e| e.latest));
    match (from.or(fallback_from), to.or(fallback_to)) {
        (Some(f), Some(t)) if f <= t => Ok(Some(DaySpan {
            earliest: f,
            latest: t,
        })),
        (Some(_), Some(_)) => Err(Error::spec(
            "viewTo",
            "the visible range ends before it starts",
        )),
        _ => Ok(None),
    }
}

/// Counts spans into the bins of a visible range.
pub struct Binner {
    view: DaySpan,
    step: Step,
    edges: Vec<i32>,
    certain: Vec<u32>,
    /// Difference array of `possible`: +1 where a spanning event enters, -1 after it leaves.
    starts: Vec<i64>,
}

impl Binner {
    /// No events yet, in bins `step` wide or, by default, as wide as the visible range calls for
    /// on the store's `scale`.
    pub fn new(view: DaySpan, step: Option<Step>, scale: TimeScale) -> Binner {
        let step = step.unwrap_or_else(|| scale.bin_step(view.earliest, view.latest));
        let edges = timeline::bin_edges(step, view.earliest, view.latest);
        let bins = edges.len() - 1;
        Binner {
            view,
            step,
            edges,
            certain: vec![0; bins],
            starts: vec![0; bins + 1],
        }
    }

    /// The bin that holds `day`, a day of the visible range.
    fn bin_of(&self, day: i32) -> usize {
        self.edges
            .partition_point(|&e| e <= day)
            .saturating_sub(1)
            .min(self.certain.len() - 1)
    }

    /// Counts an event spanning days `start..=end`: certain in the bin that holds all of it,
    /// possible in every bin it reaches otherwise.
    pub fn add(&mut self, start: i32, end: i32) {
        self.add_many(start, end, 1);
    }

    /// Counts `n` events spanning days `start..=end`, as [`Binner::add`] counts one.
    pub fn add_many(&mut self, start: i32, end: i32, n: u32) {
        if start > self.view.latest || end < self.view.earliest {
            return;
        }
        let (a, b) = (
            self.bin_of(start.max(self.view.earliest)),
            self.bin_of(end.min(self.view.latest)),
        );
        let inside = start >= self.edges[a] && end < self.edges[a + 1];
        if inside {
            self.certain[a] += n;
        } else {
            self.starts[a] += i64::from(n);
            self.starts[b + 1] -= i64::from(n);
        }
    }

    /// The bins, with the possible counts summed from their differences.
    pub fn finish(self) -> Bins {
        let mut running = 0i64;
        let possible = self.starts[..self.certain.len()]
            .iter()
            .map(|&d| {
                running += d;
                running as u32
            })
            .collect();
        Bins {
            step: self.step,
            edges: self.edges,
            certain: self.certain,
            possible,
        }
    }
}
