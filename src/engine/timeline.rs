//! The timeline's calendar: bin widths that follow the visible range, bin edges, axis ticks.
//!
//! Bins and ticks are calendar units (days, ISO weeks from Monday, months, years, runs of years),
//! so a bin never straddles a month boundary when months are shown. All arithmetic is on day
//! numbers (see [`crate::model::calendar`]), except in a store whose dates reach beyond the days
//! an `i32` holds (cosmological and geological dates): there every number counts years (see
//! [`TimeScale`]), and bins and ticks are round runs of years.

use serde::Serialize;

use crate::json::{JsonFields, Object};
use crate::model::calendar::{civil, day_number, format_year, year_words, MONTH_ABBREVIATIONS};
use crate::model::edtf::{DaySpan, Edtf, DAY_YEARS};

/// What a store's time numbers (its spans, a query's range, bins and ticks) count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeScale {
    /// Days (see [`crate::model::calendar`]): every date lies within [`DAY_YEARS`] of year 0.
    Days,
    /// Years, `per_unit` to a number, counted from year 0 (number `u` holds the years from
    /// `u * per_unit`): for a store with a date beyond [`DAY_YEARS`]. `per_unit` is the smallest
    /// power of ten that fits the store's years into an `i32`.
    Years {
        /// Years per number: 1, 10, 100...
        per_unit: i64,
    },
}

/// The largest magnitude a finite time number takes; the ends of `i32` mean an open end.
const FINITE: i64 = i32::MAX as i64 - 2;

impl TimeScale {
    /// The scale for a store whose finite years reach `farthest` (a magnitude) and that holds a
    /// date beyond [`DAY_YEARS`] or not (`beyond`).
    pub fn for_years(farthest: i64, beyond: bool) -> TimeScale {
        if !beyond {
            return TimeScale::Days;
        }
        let mut per_unit = 1;
        while farthest / per_unit > FINITE {
            per_unit *= 10;
        }
        TimeScale::Years { per_unit }
    }

    /// The number holding year `year`, or an open end for `i64::MIN` and `i64::MAX`.
    pub fn of_year(self, year: i64) -> i32 {
        let per_unit = match self {
            TimeScale::Days => return day_number(year.clamp(-DAY_YEARS, DAY_YEARS), 1, 1) as i32,
            TimeScale::Years { per_unit } => per_unit,
        };
        match year {
            i64::MIN => i32::MIN,
            i64::MAX => i32::MAX,
            y => y.div_euclid(per_unit).clamp(-FINITE, FINITE) as i32,
        }
    }

    /// The first year of number `n` (on the days scale, the year of day `n`).
    pub fn year_of(self, n: i32) -> i64 {
        match self {
            TimeScale::Days => civil(i64::from(n)).0,
            TimeScale::Years { per_unit } => i64::from(n) * per_unit,
        }
    }

    /// The last year of number `n` (on the days scale, the year of day `n`).
    pub fn last_year_of(self, n: i32) -> i64 {
        match self {
            TimeScale::Days => civil(i64::from(n)).0,
            TimeScale::Years { per_unit } => i64::from(n) * per_unit + per_unit - 1,
        }
    }

    /// The numbers of the first and last time `date` may refer to, on this scale.
    pub fn span_of(self, date: &Edtf) -> DaySpan {
        if self == TimeScale::Days {
            return date.span();
        }
        let (first, last) = date.years();
        DaySpan {
            earliest: self.of_year(first),
            latest: self.of_year(last),
        }
    }

    /// The day number of number `n`: the first day it covers, or with `end` its last.
    pub fn day_of(self, n: i32, end: bool) -> i64 {
        match (self, end) {
            (TimeScale::Days, _) => i64::from(n),
            (TimeScale::Years { .. }, false) => day_number(self.year_of(n), 1, 1),
            (TimeScale::Years { per_unit }, true) => {
                day_number(self.year_of(n) + per_unit - 1, 12, 31)
            }
        }
    }

    /// The finest bin step that keeps the range `[from, to]` under [`MAX_BINS`] bins.
    pub fn bin_step(self, from: i32, to: i32) -> Step {
        match self {
            TimeScale::Days => bin_step(from, to),
            TimeScale::Years { .. } => Step::Units(round_step(from, to, MAX_BINS - 1)),
        }
    }

    /// Ticks for the visible range `[from, to]`, at most `max_ticks` of them (at least 2).
    pub fn ticks(self, from: i32, to: i32, max_ticks: usize) -> Vec<Tick> {
        if self == TimeScale::Days {
            return ticks(from, to, max_ticks);
        }
        let step = Step::Units(round_step(from, to, max_ticks.max(2)));
        let mut out = Vec::new();
        let mut at = step.floor(i64::from(from));
        if at < i64::from(from) {
            at = step.next(at);
        }
        while at <= i64::from(to) {
            let year = self.year_of(at as i32);
            out.push(Tick {
                label: year_words(year),
                ..Tick::year(at, year)
            });
            at = step.next(at);
        }
        out
    }
}

/// The smallest round step (1, 2 or 5 times a power of ten) that cuts `[from, to]` into at most
/// `most` steps.
fn round_step(from: i32, to: i32, most: usize) -> u32 {
    let width = (i64::from(to) - i64::from(from) + 1).max(1) as u64;
    let mut power = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * power;
            if width.div_ceil(step) <= most as u64 || step >= u64::from(u32::MAX / 10) {
                return step as u32;
            }
        }
        power *= 10;
    }
}

/// The timeline's bins over the visible range.
#[derive(Debug, Clone, PartialEq)]
pub struct Bins {
    /// The bin width.
    pub step: Step,
    /// `edges.len() == certain.len() + 1`; bin `i` is days `edges[i]..edges[i + 1]`.
    pub edges: Vec<i32>,
    /// Per bin: matching events whose whole span lies in the bin.
    pub certain: Vec<u32>,
    /// Per bin: matching events whose span reaches into the bin but is not contained in it
    /// (they may have happened there). One event can count in several bins.
    pub possible: Vec<u32>,
}

/// The width of one timeline bin or tick step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "unit", content = "step")]
pub enum Step {
    /// `n` days.
    Day(u32),
    /// One ISO week, Monday to Sunday.
    Week,
    /// `n` months.
    Month(u32),
    /// `n` years.
    Year(u32),
    /// `n` numbers of a years scale ([`TimeScale::Years`]).
    Units(u32),
}

impl Step {
    /// The unit's name: day, week, month or year.
    pub fn unit(self) -> &'static str {
        match self {
            Step::Day(_) => "day",
            Step::Week => "week",
            Step::Month(_) => "month",
            Step::Year(_) | Step::Units(_) => "year",
        }
    }

    /// Rough length in days, to compare steps.
    fn approx_days(self) -> f64 {
        match self {
            Step::Day(n) => f64::from(n),
            Step::Week => 7.0,
            Step::Month(n) => 30.44 * f64::from(n),
            Step::Year(n) => 365.25 * f64::from(n),
            Step::Units(n) => f64::from(n),
        }
    }

    /// The last boundary of this step at or before `day`.
    pub fn floor(self, day: i64) -> i64 {
        match self {
            Step::Day(n) | Step::Units(n) => day - day.rem_euclid(i64::from(n)),
            Step::Week => day - (day + 3).rem_euclid(7),
            Step::Month(n) => {
                let (y, m, _) = civil(day);
                let index = y * 12 + i64::from(m) - 1;
                let index = index - index.rem_euclid(i64::from(n));
                day_number(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32, 1)
            }
            Step::Year(n) => {
                let (y, _, _) = civil(day);
                day_number(y - y.rem_euclid(i64::from(n)), 1, 1)
            }
        }
    }

    /// The boundary after the boundary `day`.
    pub fn next(self, day: i64) -> i64 {
        match self {
            Step::Day(n) | Step::Units(n) => day + i64::from(n),
            Step::Week => day + 7,
            Step::Month(n) => {
                let (y, m, _) = civil(day);
                let index = y * 12 + i64::from(m) - 1 + i64::from(n);
                day_number(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32, 1)
            }
            Step::Year(n) => {
                let (y, _, _) = civil(day);
                day_number(y + i64::from(n), 1, 1)
            }
        }
    }
}

/// The most bins a timeline gets; the bin width grows to stay under it.
pub const MAX_BINS: usize = 160;

const BIN_STEPS: &[Step] = &[
    Step::Day(1),
    Step::Week,
    Step::Month(1),
    Step::Year(1),
    Step::Year(5),
    Step::Year(10),
    Step::Year(50),
    Step::Year(100),
    Step::Year(500),
    Step::Year(1000),
    Step::Year(10_000),
    Step::Year(100_000),
];

const TICK_STEPS: &[Step] = &[
    Step::Day(1),
    Step::Day(2),
    Step::Week,
    Step::Month(1),
    Step::Month(3),
    Step::Month(6),
    Step::Year(1),
    Step::Year(2),
    Step::Year(5),
    Step::Year(10),
    Step::Year(20),
    Step::Year(50),
    Step::Year(100),
    Step::Year(200),
    Step::Year(500),
    Step::Year(1000),
    Step::Year(2000),
    Step::Year(5000),
    Step::Year(10_000),
    Step::Year(20_000),
    Step::Year(50_000),
    Step::Year(100_000),
];

/// The finest bin step that keeps the range `[from, to]` under [`MAX_BINS`] bins.
pub fn bin_step(from: i32, to: i32) -> Step {
    let days = (i64::from(to) - i64::from(from) + 1).max(1) as f64;
    *BIN_STEPS
        .iter()
        .find(|s| days / s.approx_days() + 1.0 <= MAX_BINS as f64)
        .unwrap_or(&Step::Year(1_000_000))
}

/// Bin edges covering `[from, to]`: the first edge is at or before `from`, the last after `to`.
/// Bin `i` holds days `edges[i] .. edges[i + 1]` (end exclusive).
pub fn bin_edges(step: Step, from: i32, to: i32) -> Vec<i32> {
    let mut edges = vec![step.floor(i64::from(from))];
    let mut at = edges[0];
    while at <= i64::from(to) {
        at = step.next(at);
        edges.push(at);
    }
    edges
        .into_iter()
        .map(|d| d.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
        .collect()
}

/// One labelled tick of the time axis. Its date is given in parts too (`unit`, `year`, `month`,
/// `day_of_month`, `with_year`), so that a page writes it in its reader's language; `label` is
/// the same in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tick {
    /// The day number where the tick stands (on a years scale, its number).
    pub day: i32,
    /// Its label: "8 Jan", "Mar", "2020".
    pub label: String,
    /// True where a larger unit begins (a new month or year); drawn more strongly.
    pub major: bool,
    /// What the label names: `day` (a day of a month), `month` or `year`.
    pub unit: &'static str,
    /// The tick's year, astronomical (year 0 is 1 BCE).
    pub year: i64,
    /// The month, 1 to 12, for a tick of a day or a month.
    pub month: Option<u32>,
    /// The day of the month, for a tick of a day.
    pub day_of_month: Option<u32>,
    /// True when the label names the year as well (the first tick, or a new year).
    pub with_year: bool,
}

impl JsonFields for Tick {
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o> {
        o.field("day", &self.day)
            .field("label", &self.label)
            .field("major", &self.major)
            .field("unit", self.unit)
            // Years reach a hundred billion: JSON numbers (f64) hold them exactly.
            .field("year", &(self.year as f64))
            .field("month", &self.month)
            .field("dayOfMonth", &self.day_of_month)
            .field("withYear", &self.with_year)
    }
}

crate::json_objects!(Tick);

impl Tick {
    /// The tick of year `year` at day `day`.
    fn year(day: i64, year: i64) -> Tick {
        Tick {
            day: day as i32,
            label: format_year(year),
            major: true,
            unit: "year",
            year,
            month: None,
            day_of_month: None,
            with_year: true,
        }
    }
}

/// Ticks for the visible range `[from, to]`, at most `max_ticks` of them (at least 2).
pub fn ticks(from: i32, to: i32, max_ticks: usize) -> Vec<Tick> {
    let max_ticks = max_ticks.max(2) as f64;
    let days = (i64::from(to) - i64::from(from) + 1).max(1) as f64;
    let step = *TICK_STEPS
        .iter()
        .find(|s| days / s.approx_days() <= max_ticks)
        .unwrap_or(&Step::Year(1_000_000));
    let mut out = Vec::new();
    let mut at = step.floor(i64::from(from));
    if at < i64::from(from) {
        at = step.next(at);
    }
    let mut first = true;
    while at <= i64::from(to) {
        let (y, m, d) = civil(at);
        let month = MONTH_ABBREVIATIONS[m as usize - 1];
        let tick = match step {
            Step::Day(_) | Step::Week => {
                let with_year = first || (m == 1 && d == 1);
                Tick {
                    label: if with_year {
                        format!("{d} {month} {}", format_year(y))
                    } else {
                        format!("{d} {month}")
                    },
                    major: d == 1 || first,
                    unit: "day",
                    month: Some(m),
                    day_of_month: Some(d),
                    with_year,
                    ..Tick::year(at, y)
                }
            }
            Step::Month(_) => {
                let major = m == 1 || first;
                Tick {
                    label: if major {
                        format!("{month} {}", format_year(y))
                    } else {
                        month.to_string()
                    },
                    major,
                    unit: "month",
                    month: Some(m),
                    with_year: major,
                    ..Tick::year(at, y)
                }
            }
            Step::Year(_) | Step::Units(_) => Tick::year(at, y),
        };
        out.push(tick);
        first = false;
        at = step.next(at);
    }
    out
}

/// Lays out marks on a timeline in lanes so that none overlaps another.
///
/// `extents` are the marks' left and right edges in pixels, in date order; a mark goes to the
/// first lane whose last mark ends at least `gap` pixels before it starts. Returns each mark's
/// lane (0 is the top).
pub fn lanes(extents: &[(f64, f64)], gap: f64) -> Vec<u16> {
    let mut lane_ends: Vec<f64> = Vec::new();
    extents
        .iter()
        .map(|&(left, right)| {
            let lane = match lane_ends.iter().position(|&end| end + gap <= left) {
                Some(lane) => lane,
                None => {
                    lane_ends.push(f64::NEG_INFINITY);
                    lane_ends.len() - 1
                }
            };
            lane_ends[lane] = right.max(left);
            lane.min(usize::from(u16::MAX)) as u16
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::ToJson;

    #[test]
    fn a_years_scale_fits_the_farthest_year_and_ticks_round_years() {
        assert_eq!(TimeScale::for_years(13_800_000_001, false), TimeScale::Days);
        let scale = TimeScale::for_years(13_800_000_001, true);
        assert_eq!(scale, TimeScale::Years { per_unit: 10 });
        assert_eq!(
            TimeScale::for_years(6_000_000, true),
            TimeScale::Years { per_unit: 1 }
        );
        assert_eq!(scale.of_year(-13_800_000_001), -1_380_000_001);
        assert_eq!(scale.of_year(1969), 196);
        assert_eq!(
            (scale.of_year(i64::MIN), scale.of_year(i64::MAX)),
            (i32::MIN, i32::MAX)
        );
        assert_eq!(scale.year_of(196), 1960);
        assert_eq!(scale.last_year_of(196), 1969);
        assert_eq!(scale.last_year_of(-1_380_000_000), -13_799_999_991);
        let big_bang = Edtf::parse("Y-13800000000~").unwrap();
        assert_eq!(
            scale.span_of(&big_bang),
            DaySpan {
                earliest: -1_380_000_001,
                latest: -1_380_000_000
            }
        );
        let day = Edtf::parse("1970-01-02").unwrap();
        assert_eq!(TimeScale::Days.span_of(&day), day.span());
        assert_eq!(scale.day_of(0, false), 0 - 719_528);
        let ticks = scale.ticks(-1_400_000_000, 2_000, 8);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "14 billion years ago",
                "12 billion years ago",
                "10 billion years ago",
                "8 billion years ago",
                "6 billion years ago",
                "4 billion years ago",
                "2 billion years ago",
                "1 BCE"
            ]
        );
        assert_eq!(
            scale.bin_step(-1_400_000_000, 2_000),
            Step::Units(10_000_000)
        );
        assert_eq!(round_step(0, 0, 10), 1);
    }
    use crate::model::calendar::{format_day, parse_day};

    fn day(s: &str) -> i32 {
        parse_day(s).unwrap() as i32
    }

    #[test]
    fn bin_width_follows_the_range() {
        assert_eq!(bin_step(day("2020-01-01"), day("2020-01-31")), Step::Day(1));
        assert_eq!(bin_step(day("2019-12-01"), day("2020-03-31")), Step::Day(1));
        assert_eq!(bin_step(day("2019-01-01"), day("2020-12-31")), Step::Week);
        assert_eq!(
            bin_step(day("2015-01-01"), day("2024-12-31")),
            Step::Month(1)
        );
        assert_eq!(
            bin_step(day("1900-01-01"), day("2024-12-31")),
            Step::Year(1)
        );
        assert_eq!(bin_step(-3_000_000, 3_000_000), Step::Year(500));
        assert_eq!(bin_step(5, 5), Step::Day(1));
    }

    #[test]
    fn edges_are_calendar_aligned_and_cover_the_range() {
        let edges = bin_edges(Step::Week, day("2020-01-01"), day("2020-01-20"));
        let shown: Vec<String> = edges.iter().map(|&d| format_day(i64::from(d))).collect();
        assert_eq!(
            shown,
            [
                "2019-12-30",
                "2020-01-06",
                "2020-01-13",
                "2020-01-20",
                "2020-01-27"
            ]
        );
        let edges = bin_edges(Step::Month(1), day("2019-12-15"), day("2020-02-01"));
        let shown: Vec<String> = edges.iter().map(|&d| format_day(i64::from(d))).collect();
        assert_eq!(
            shown,
            ["2019-12-01", "2020-01-01", "2020-02-01", "2020-03-01"]
        );
        assert_eq!(bin_edges(Step::Day(1), 7, 7), vec![7, 8]);
    }

    #[test]
    fn lanes_keep_marks_apart() {
        assert_eq!(
            lanes(
                &[
                    (0.0, 10.0),
                    (5.0, 20.0),
                    (12.0, 14.0),
                    (30.0, 40.0),
                    (13.0, 50.0)
                ],
                2.0
            ),
            [0, 1, 0, 0, 2]
        );
        assert!(lanes(&[], 2.0).is_empty());
    }

    #[test]
    fn ticks_give_their_dates_in_parts() {
        let parts = |t: &Tick| (t.unit, t.year, t.month, t.day_of_month, t.with_year);
        let t = ticks(day("2019-12-01"), day("2020-02-29"), 10);
        assert_eq!(parts(&t[0]), ("month", 2019, Some(12), None, true));
        assert_eq!(parts(&t[1]), ("month", 2020, Some(1), None, true));
        assert_eq!(parts(&t[2]), ("month", 2020, Some(2), None, false));
        let t = ticks(day("2020-01-01"), day("2020-01-10"), 10);
        assert_eq!(parts(&t[0]), ("day", 2020, Some(1), Some(1), true));
        assert_eq!(parts(&t[1]), ("day", 2020, Some(1), Some(2), false));
        let t = ticks(day("2015-01-01"), day("2024-12-31"), 12);
        assert_eq!(parts(&t[0]), ("year", 2015, None, None, true));
        let scale = TimeScale::for_years(13_800_000_001, true);
        let t = scale.ticks(-1_400_000_000, 2_000, 8);
        assert_eq!(parts(&t[0]), ("year", -14_000_000_000, None, None, true));
        assert!(t.to_json().contains(r#""year":-14000000000,"month":null"#));
    }

    #[test]
    fn ticks_are_readable_at_every_zoom() {
        let t = ticks(day("2019-12-01"), day("2020-08-31"), 10);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Dec 2019", "Jan 2020", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
        );
        let t = ticks(day("2020-01-01"), day("2020-01-10"), 10);
        assert_eq!(t[0].label, "1 Jan 2020");
        assert_eq!(t[1].label, "2 Jan");
        let t = ticks(day("2015-01-01"), day("2024-12-31"), 12);
        assert_eq!(t.first().unwrap().label, "2015");
        assert!(t.len() <= 12);
        assert_eq!(ticks(day("2020-01-08"), day("2020-01-08"), 10).len(), 1);
        assert!(ticks(-3_000_000, 3_000_000, 8).len() <= 8);
        let (a, b) = (
            crate::model::calendar::day_number(-4999, 1, 1) as i32,
            crate::model::calendar::day_number(4999, 12, 31) as i32,
        );
        let ages = ticks(a - 73_000, b + 73_000, 10);
        assert!(
            ages.len() >= 4,
            "a 10,000-year axis has several ticks: {ages:?}"
        );
    }
}
