//! Scoring the extractor against a gold package: a Dateline package whose documents carry their
//! text (and what is known of them) and whose events are the right answer, each with its quotes.
//!
//! The extractor reads every gold document with its metadata; then each gold happening is
//! matched to at most one draft, and each draft to at most one happening, best first. A draft
//! matches a happening only when all of these hold (strict matching):
//! - one of the draft's sentences overlaps one of the happening's quotes (they tell of it);
//! - their types are of one family (and, among meetings, statements and decisions, one kind);
//! - their date spans overlap, where both have a date;
//! - their places lie within [`PLACE_KM`] km of each other, where both have one with
//!   coordinates (or are one place by name), or one lies within the other as the packages say
//!   (a draft placed in "Iraq" for a happening at al-Qaim is coarse, not in conflict: it still
//!   does not count as the right place);
//! - no actor the draft names as the one who did it (perpetrator or suspected) is the
//!   happening's target or one killed in it.
//!
//! Gold events tagged `background` (a series, a vague mention) may be matched, and a draft that
//! matches one is right, but recall counts only the others (tagged `core`, or untagged). Then:
//! - precision: drafts matched to any gold event / drafts;
//! - recall: matched core events / core events;
//! - wrong perpetrator: drafts that name as perpetrator or suspect an actor the matched
//!   happening does not (or that a happening told in the same sentence names as its target);
//! - attributions stated as fact: matched drafts naming as perpetrator an actor the gold only
//!   reports as suspected;
//! - dates: of matched core events with a date, those whose drafted span overlaps the gold span
//!   and is at most twice as wide plus a week;
//! - places: of matched core events with a place, those given a place within [`PLACE_KM`] km;
//! - figures: of gold figures in matched core events, those found with the same kind, number
//!   and qualifier.

use super::{extract, Article, Lexicon};
use crate::model::edtf::DaySpan;
use crate::model::event_type::{self, Family};
use crate::model::text::fold;
use crate::model::{Actor, Event, Package, Place};

/// How far apart two places may be and still be where one happening took place.
pub const PLACE_KM: f64 = 30.0;

/// The scores and the pairs behind them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Score {
    /// Gold events, core and background.
    pub gold: usize,
    /// Gold events recall is measured on (core).
    pub core: usize,
    /// Drafts.
    pub extracted: usize,
    /// Drafts matched to a gold event, core or background.
    pub matched: usize,
    /// Core gold events matched to a draft.
    pub core_matched: usize,
    /// Drafts naming a perpetrator or suspect the gold does not.
    pub wrong_perpetrator: usize,
    /// Matched drafts stating as fact who did it where the gold reports only a suspicion.
    pub attribution_as_fact: usize,
    /// (right, of) for dates, places and figures of matched core events.
    pub dates: (usize, usize),
    pub places: (usize, usize),
    pub figures: (usize, usize),
    /// Gold id and the id of the draft matched to it, if any.
    pub pairs: Vec<(String, Option<String>)>,
    /// Drafts that match nothing.
    pub unmatched: Vec<String>,
    /// Drafts with a wrong perpetrator, with the actor's name.
    pub wrong: Vec<(String, String)>,
    /// Per band of the drafts' confidence ([`CONFIDENCE_BANDS`]): (drafts, drafts matched).
    pub calibration: [(usize, usize); 4],
}

/// The lower ends of the bands of confidence the calibration counts drafts in.
pub const CONFIDENCE_BANDS: [f64; 4] = [0.0, 0.70, 0.75, 0.95];

/// The band of confidence `c`.
fn band(c: f64) -> usize {
    CONFIDENCE_BANDS
        .iter()
        .rposition(|&low| c >= low)
        .unwrap_or(0)
}

impl Score {
    /// Drafts matched to a gold event, of all drafts.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted)
    }

    /// Core gold events matched, of all core gold events.
    pub fn recall(&self) -> f64 {
        ratio(self.core_matched, self.core)
    }

    /// The share of drafts naming a wrong perpetrator.
    pub fn wrong_perpetrator_share(&self) -> f64 {
        if self.extracted == 0 {
            0.0
        } else {
            self.wrong_perpetrator as f64 / self.extracted as f64
        }
    }

    /// Adds another article's score to this one (the pairs and lists too).
    pub fn add(&mut self, other: &Score) {
        self.gold += other.gold;
        self.core += other.core;
        self.extracted += other.extracted;
        self.matched += other.matched;
        self.core_matched += other.core_matched;
        self.wrong_perpetrator += other.wrong_perpetrator;
        self.attribution_as_fact += other.attribution_as_fact;
        for (a, b) in [
            (&mut self.dates, other.dates),
            (&mut self.places, other.places),
            (&mut self.figures, other.figures),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (a, b) in self.calibration.iter_mut().zip(other.calibration) {
            a.0 += b.0;
            a.1 += b.1;
        }
        self.pairs.extend(other.pairs.iter().cloned());
        self.unmatched.extend(other.unmatched.iter().cloned());
        self.wrong.extend(other.wrong.iter().cloned());
    }

    /// The table, as Markdown.
    pub fn table(&self) -> String {
        let row = |name: &str, (a, b): (usize, usize)| {
            format!("| {name} | {a} / {b} | {:.2} |\n", ratio(a, b))
        };
        let mut out = String::from("| measure | count | score |\n|---|---|---|\n");
        out.push_str(&row("core recall", (self.core_matched, self.core)));
        out.push_str(&row("precision", (self.matched, self.extracted)));
        out.push_str(&format!(
            "| wrong perpetrator | {} / {} | {:.2} |\n",
            self.wrong_perpetrator,
            self.extracted,
            self.wrong_perpetrator_share()
        ));
        out.push_str(&format!(
            "| attribution stated as fact | {} / {} | {:.2} |\n",
            self.attribution_as_fact,
            self.matched,
            if self.matched == 0 {
                0.0
            } else {
                self.attribution_as_fact as f64 / self.matched as f64
            }
        ));
        out.push_str(&row("dates right", self.dates));
        out.push_str(&row("places right", self.places));
        out.push_str(&row("figures right", self.figures));
        out
    }

    /// The calibration of the drafts' confidence, as Markdown: per band, how many drafts and
    /// the share of them that match a gold event.
    pub fn calibration_table(&self) -> String {
        let mut out = String::from("| confidence | drafts | right |\n|---|---|---|\n");
        for (i, (n, right)) in self.calibration.iter().enumerate() {
            let high = CONFIDENCE_BANDS.get(i + 1).copied().unwrap_or(1.0);
            out.push_str(&format!(
                "| {:.2}–{:.2} | {n} | {:.2} |\n",
                CONFIDENCE_BANDS[i],
                high,
                ratio(*right, *n)
            ));
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The family of a type, and among meetings, statements and decisions the kind.
fn kind(ty: &str) -> (Option<Family>, u8) {
    let family = event_type::find(ty).map(|t| t.family);
    let sub = match ty {
        "statement" => 1,
        "meeting" | "visit" => 2,
        "resolution" | "agreement" => 3,
        _ => 0,
    };
    (family, sub)
}

/// Byte ranges of an event's quotes in each document's text: (document, start, end).
fn ranges(e: &Event, docs: &[(String, &str)]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for s in &e.sources {
        let Some(d) = docs.iter().position(|(id, _)| *id == s.document) else {
            continue;
        };
        let text = docs[d].1;
        // A quote with an omission is located by its first part.
        let head = s.quote.split(['…']).next().unwrap_or("").trim();
        if head.is_empty() {
            continue;
        }
        if let Some(at) = text.find(head) {
            out.push((d, at, at + head.len()));
        }
    }
    out
}

fn overlap(a: &[(usize, usize, usize)], b: &[(usize, usize, usize)]) -> usize {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| (x, y)))
        .filter(|(x, y)| x.0 == y.0 && x.1 < y.2 && y.1 < x.2)
        .count()
}

/// Every folded name an actor goes by.
fn names(actor: &Actor) -> Vec<String> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|n| {
            let f = fold(n);
            f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// One package's events, places and actors, looked up by id.
struct Side<'p> {
    package: &'p Package,
    docs: Vec<(String, &'p str)>,
}

impl<'p> Side<'p> {
    fn new(package: &'p Package) -> Side<'p> {
        Side {
            package,
            docs: package
                .documents
                .iter()
                .filter_map(|d| d.text.as_deref().map(|t| (d.id.clone(), t)))
                .collect(),
        }
    }

    fn place(&self, id: Option<&str>) -> Option<&'p Place> {
        id.and_then(|id| self.package.places.iter().find(|p| p.id == id))
    }

    fn actor(&self, id: &str) -> Option<&'p Actor> {
        self.package.actors.iter().find(|a| a.id == id)
    }

    /// The actors of `e` with one of `roles`.
    fn with_roles(&self, e: &'p Event, roles: &[&str]) -> Vec<&'p Actor> {
        e.actors
            .iter()
            .filter(|p| roles.contains(&p.role.as_str()))
            .filter_map(|p| self.actor(&p.actor))
            .collect()
    }
}

/// True when the two actors are one (a name or alias in common), or one belongs to the other
/// ("U.S. military", affiliated with "United States"): naming the state for its forces is
/// coarse, not wrong.
fn same_actor(a: &Actor, b: &Actor) -> bool {
    let (ours, theirs) = (names(a), names(b));
    let belongs = |x: &Actor, names: &[String]| {
        x.affiliation
            .as_deref()
            .is_some_and(|aff| names.contains(&fold(aff)))
    };
    ours.iter().any(|n| theirs.contains(n)) || belongs(a, &theirs) || belongs(b, &ours)
}

/// Great-circle distance in km between two (lat, lon) points.
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// True when two places can be where one happening took place; `None` when either lacks what
/// it takes to tell.
fn same_place(a: Option<&Place>, b: Option<&Place>) -> Option<bool> {
    let (a, b) = (a?, b?);
    if fold(&a.name) == fold(&b.name) {
        return Some(true);
    }
    Some(distance_km(a.coordinates?, b.coordinates?) <= PLACE_KM)
}

/// Whether one place lies within the other as their packages say ("al-Qaim" within "Iraq"),
/// matched by name: a coarser place is no conflict, though not the right place.
fn contains(a: &Side, pa: Option<&str>, b: &Side, pb: Option<&str>) -> bool {
    let (Some(x), Some(y)) = (a.place(pa), b.place(pb)) else {
        return false;
    };
    fn chain<'p>(side: &Side<'p>, mut place: &'p Place) -> Vec<String> {
        let mut names = vec![fold(&place.name)];
        for _ in 0..16 {
            match side.place(place.within.as_deref()) {
                Some(up) => {
                    names.push(fold(&up.name));
                    place = up;
                }
                None => break,
            }
        }
        names
    }
    // "Kherson" and "Kherson region": a region named after its city holds it.
    let region_of = |outer: &str, inner: &str| {
        outer.strip_prefix(inner).is_some_and(|rest| {
            matches!(
                rest.trim(),
                "region" | "province" | "oblast" | "governorate"
            )
        })
    };
    let (fx, fy) = (fold(&x.name), fold(&y.name));
    chain(a, x).contains(&fy)
        || chain(b, y).contains(&fx)
        || region_of(&fx, &fy)
        || region_of(&fy, &fx)
}

fn span(e: &Event) -> Option<DaySpan> {
    e.date.as_ref().map(|d| d.edtf.span())
}

/// Why a draft cannot be a gold happening's match, or `None` when it can.
fn conflict(gold: &Side, g: &Event, got: &Side, x: &Event) -> Option<&'static str> {
    if kind(&g.event_type) != kind(&x.event_type) {
        return Some("type");
    }
    if let (Some(a), Some(b)) = (span(g), span(x)) {
        if !a.overlaps(&b) {
            return Some("date");
        }
    }
    let places = same_place(
        gold.place(g.place.as_deref()),
        got.place(x.place.as_deref()),
    );
    let nested = contains(gold, g.place.as_deref(), got, x.place.as_deref());
    if places == Some(false) && !nested {
        return Some("place");
    }
    let victims = gold.with_roles(g, &["target", "killed"]);
    let doers = got.with_roles(x, &["perpetrator", "suspected"]);
    if doers
        .iter()
        .any(|d| victims.iter().any(|v| same_actor(d, v)))
    {
        return Some("perpetrator");
    }
    None
}

/// The perpetrator or suspect a draft names that its happening does not, if any.
fn wrong_doer<'a>(gold: &Side, g: &Event, got: &'a Side, x: &'a Event) -> Option<&'a Actor> {
    let right = gold.with_roles(g, &["perpetrator", "suspected"]);
    got.with_roles(x, &["perpetrator", "suspected"])
        .into_iter()
        .find(|d| !right.iter().any(|r| same_actor(d, r)))
}

/// Scores drafts (`got`) against the gold package, both already made.
pub fn score_drafts(gold: &Package, got: &Package) -> Score {
    let (gs, xs) = (Side::new(gold), Side::new(got));
    let gold_ranges: Vec<_> = gold.events.iter().map(|g| ranges(g, &gs.docs)).collect();
    let got_ranges: Vec<_> = got.events.iter().map(|x| ranges(x, &xs.docs)).collect();
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.events.iter().enumerate() {
        for (xi, x) in got.events.iter().enumerate() {
            let shared = overlap(&gold_ranges[gi], &got_ranges[xi]);
            if shared > 0 && conflict(&gs, g, &xs, x).is_none() {
                let same = usize::from(g.event_type == x.event_type);
                candidates.push((shared * 2 + same, gi, xi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_to: Vec<Option<usize>> = vec![None; gold.events.len()];
    let mut got_to: Vec<Option<usize>> = vec![None; got.events.len()];
    for (_, gi, xi) in candidates {
        if gold_to[gi].is_none() && got_to[xi].is_none() {
            gold_to[gi] = Some(xi);
            got_to[xi] = Some(gi);
        }
    }
    let is_core = |g: &Event| !g.tags.iter().any(|t| t == "background");
    let mut s = Score {
        gold: gold.events.len(),
        core: gold.events.iter().filter(|g| is_core(g)).count(),
        extracted: got.events.len(),
        ..Score::default()
    };
    for (xi, x) in got.events.iter().enumerate() {
        let wrong = match got_to[xi] {
            Some(gi) => wrong_doer(&gs, &gold.events[gi], &xs, x),
            // Unmatched: wrong when a happening told in its sentence had that actor as target.
            None => gold
                .events
                .iter()
                .enumerate()
                .filter(|(gi, _)| overlap(&gold_ranges[*gi], &got_ranges[xi]) > 0)
                .find_map(|(_, g)| {
                    let victims = gs.with_roles(g, &["target", "killed"]);
                    xs.with_roles(x, &["perpetrator", "suspected"])
                        .into_iter()
                        .find(|d| victims.iter().any(|v| same_actor(d, v)))
                }),
        };
        if let Some(actor) = wrong {
            s.wrong_perpetrator += 1;
            s.wrong.push((x.id.clone(), actor.name.clone()));
        }
        let confidence = x.draft.as_ref().map_or(1.0, |d| d.confidence);
        let bucket = &mut s.calibration[band(confidence)];
        bucket.0 += 1;
        match got_to[xi] {
            Some(_) => {
                s.matched += 1;
                bucket.1 += 1;
            }
            None => s.unmatched.push(x.id.clone()),
        }
    }
    for (gi, g) in gold.events.iter().enumerate() {
        let to = gold_to[gi];
        s.pairs
            .push((g.id.clone(), to.map(|i| got.events[i].id.clone())));
        let Some(xi) = to else { continue };
        let x = &got.events[xi];
        let suspected = gs.with_roles(g, &["suspected"]);
        let stated = gs.with_roles(g, &["perpetrator"]);
        if xs.with_roles(x, &["perpetrator"]).iter().any(|d| {
            suspected.iter().any(|v| same_actor(d, v)) && !stated.iter().any(|v| same_actor(d, v))
        }) {
            s.attribution_as_fact += 1;
        }
        if !is_core(g) {
            continue;
        }
        s.core_matched += 1;
        tally(&mut s, &gs, g, &xs, x);
    }
    s
}

/// Adds a matched core event's date, place and figures to the score.
fn tally(s: &mut Score, gs: &Side, g: &Event, xs: &Side, x: &Event) {
    if let Some(gd) = span(g) {
        s.dates.1 += 1;
        if span(x).is_some_and(|xd| xd.overlaps(&gd) && xd.days() <= 2 * gd.days() + 7) {
            s.dates.0 += 1;
        }
    }
    if let Some(gp) = gs.place(g.place.as_deref()) {
        s.places.1 += 1;
        if same_place(Some(gp), xs.place(x.place.as_deref())) == Some(true) {
            s.places.0 += 1;
        }
    }
    for f in &g.figures {
        s.figures.1 += 1;
        if x.figures
            .iter()
            .any(|y| y.what == f.what && y.value == f.value && y.qualifier == f.qualifier)
        {
            s.figures.0 += 1;
        }
    }
}

/// The articles of a gold package: its documents that carry a text, with their metadata.
pub fn articles_of(gold: &Package) -> Vec<Article> {
    gold.documents
        .iter()
        .filter(|d| d.text.is_some())
        .map(|d| Article {
            text: d.text.clone().unwrap_or_default(),
            title: Some(d.title.clone()),
            publisher: d.publisher.clone(),
            url: d.url.clone(),
            published: d.published.clone(),
        })
        .collect()
}

/// Extracts the gold package's documents and scores the result; also returns what was
/// extracted.
pub fn score(gold: &Package, lexicon: &Lexicon) -> (Score, Package) {
    let got = extract(&articles_of(gold), lexicon);
    (score_drafts(gold, &got), got)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edtf::Edtf;
    use crate::model::{Document, EventDate, Participation, Source};

    const TEXT: &str = "Rockets hit Camp Taji on March 11. Kataib Hezbollah was blamed.";

    fn package(events: Vec<Event>, places: Vec<Place>, actors: Vec<Actor>) -> Package {
        Package {
            documents: vec![Document {
                id: "a".into(),
                text: Some(TEXT.into()),
                ..Document::default()
            }],
            events,
            places,
            actors,
            ..Package::default()
        }
    }

    fn event(id: &str, ty: &str, date: &str, place: &str, actors: &[(&str, &str)]) -> Event {
        Event {
            id: id.into(),
            event_type: ty.into(),
            date: (!date.is_empty()).then(|| EventDate {
                edtf: Edtf::parse(date).unwrap(),
                text: None,
                note: None,
            }),
            place: (!place.is_empty()).then(|| place.to_string()),
            actors: actors
                .iter()
                .map(|(a, r)| Participation {
                    actor: a.to_string(),
                    role: r.to_string(),
                    according_to: None,
                })
                .collect(),
            sources: vec![Source {
                document: "a".into(),
                quote: "Rockets hit Camp Taji on March 11.".into(),
                verified: true,
                at: Some(0),
            }],
            ..Event::default()
        }
    }

    fn place(id: &str, name: &str, at: (f64, f64)) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            coordinates: Some(at),
            ..Place::default()
        }
    }

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..Actor::default()
        }
    }

    fn gold() -> Package {
        package(
            vec![event(
                "g",
                "rocket-attack",
                "2020-03-11",
                "taji",
                &[("kh", "suspected"), ("coalition", "target")],
            )],
            vec![place("taji", "Camp Taji", (33.52, 44.25))],
            vec![
                actor("kh", "Kataib Hezbollah", &["KH"]),
                actor("coalition", "U.S.-led coalition", &["the coalition"]),
            ],
        )
    }

    fn drafts(ty: &str, date: &str, at: (f64, f64), actors: &[(&str, &str)]) -> Package {
        package(
            vec![event("x", ty, date, "p", actors)],
            vec![place("p", "Somewhere", at)],
            vec![
                actor("kataib-hezbollah", "Kataib Hezbollah", &[]),
                actor("us-led-coalition", "U.S.-led coalition", &["coalition"]),
            ],
        )
    }

    #[test]
    fn a_draft_that_agrees_matches_and_scores_every_field() {
        let s = score_drafts(
            &gold(),
            &drafts("rocket-attack", "2020-03-11", (33.6, 44.3), &[]),
        );
        assert_eq!((s.core_matched, s.matched), (1, 1));
        assert_eq!((s.dates, s.places), ((1, 1), (1, 1)));
        assert_eq!(s.wrong_perpetrator, 0);
    }

    #[test]
    fn strict_matching_refuses_other_families_dates_and_places() {
        let miss = |p: Package| score_drafts(&gold(), &p).matched;
        assert_eq!(miss(drafts("meeting", "2020-03-11", (33.6, 44.3), &[])), 0);
        assert_eq!(
            miss(drafts("rocket-attack", "2020-03-26", (33.6, 44.3), &[])),
            0
        );
        // Balad Air Base is some 48 km from Camp Taji.
        assert_eq!(
            miss(drafts("rocket-attack", "2020-03-11", (33.94, 44.36), &[])),
            0
        );
        // No date on the draft: nothing conflicts, but the date is not right.
        let s = score_drafts(&gold(), &drafts("rocket-attack", "", (33.6, 44.3), &[]));
        assert_eq!((s.matched, s.dates), (1, (0, 1)));
    }

    #[test]
    fn the_victim_named_as_perpetrator_is_no_match_and_is_counted_wrong() {
        let s = score_drafts(
            &gold(),
            &drafts(
                "rocket-attack",
                "2020-03-11",
                (33.6, 44.3),
                &[("us-led-coalition", "perpetrator")],
            ),
        );
        assert_eq!((s.matched, s.wrong_perpetrator), (0, 1));
        assert_eq!(s.wrong[0].1, "U.S.-led coalition");
    }

    #[test]
    fn a_suspect_stated_as_perpetrator_is_counted_as_attribution_not_as_wrong() {
        let s = score_drafts(
            &gold(),
            &drafts(
                "rocket-attack",
                "2020-03-11",
                (33.6, 44.3),
                &[("kataib-hezbollah", "perpetrator")],
            ),
        );
        assert_eq!(
            (s.matched, s.wrong_perpetrator, s.attribution_as_fact),
            (1, 0, 1)
        );
        let s = score_drafts(
            &gold(),
            &drafts(
                "rocket-attack",
                "2020-03-11",
                (33.6, 44.3),
                &[("kataib-hezbollah", "suspected")],
            ),
        );
        assert_eq!((s.wrong_perpetrator, s.attribution_as_fact), (0, 0));
    }

    #[test]
    fn background_events_count_for_precision_not_recall() {
        let mut g = gold();
        g.events[0].tags = vec!["background".into()];
        let s = score_drafts(&g, &drafts("rocket-attack", "2020-03", (33.6, 44.3), &[]));
        assert_eq!((s.core, s.matched, s.core_matched), (0, 1, 0));
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
    }

    #[test]
    fn a_coarser_place_that_contains_the_gold_one_matches_but_is_not_right() {
        let mut drafts = drafts("rocket-attack", "2020-03-11", (33.0, 43.7), &[]);
        drafts.places[0].name = "Iraq".into();
        let mut g = gold();
        g.places.push(place("iraq", "Iraq", (33.0, 43.7)));
        g.places[0].within = Some("iraq".into());
        let s = score_drafts(&g, &drafts);
        assert_eq!((s.matched, s.places), (1, (0, 1)));
    }

    #[test]
    fn a_state_for_its_forces_is_coarse_not_wrong() {
        let mut g = gold();
        g.events[0].actors[0].role = "perpetrator".into();
        g.actors[0] = Actor {
            affiliation: Some("Kataib Hezbollah network".into()),
            ..actor("kh", "Kataib Hezbollah brigade", &[])
        };
        let mut d = drafts(
            "rocket-attack",
            "2020-03-11",
            (33.6, 44.3),
            &[("kataib-hezbollah", "perpetrator")],
        );
        d.actors[0] = actor("kataib-hezbollah", "Kataib Hezbollah network", &[]);
        let s = score_drafts(&g, &d);
        assert_eq!((s.matched, s.wrong_perpetrator), (1, 0));
    }

    #[test]
    fn distances_are_great_circle_km() {
        // Baghdad to Erbil is about 320 km.
        let d = distance_km((33.3152, 44.3661), (36.1911, 44.0092));
        assert!((315.0..330.0).contains(&d), "{d}");
    }
}
