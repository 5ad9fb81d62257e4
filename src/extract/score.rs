//! Scoring the extractor against a gold package: a Dateline package whose documents carry their
//! text (and what is known of them) and whose events are the right answer, each with its quotes.
//!
//! The extractor reads every gold document with its metadata. An extracted event matches a gold
//! event when they share a family of types (and, among meetings and statements, the same kind)
//! and one of the extracted event's sentences overlaps one of the gold event's quotes; each is
//! matched at most once, best overlap first. Then:
//! - precision: matched extracted events / extracted events;
//! - recall: matched gold events / gold events;
//! - dates: of matched gold events with a date, those whose extracted span overlaps the gold
//!   span and is at most twice as wide plus a week;
//! - places: of matched gold events with a place, those given the same place;
//! - figures: of gold figures in matched events, those found with the same kind, number and
//!   qualifier.

use super::{extract, Article, Lexicon};
use crate::model::event_type::{self, Family};
use crate::model::{Event, Package};

/// The scores and the pairs behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub extracted: usize,
    pub matched: usize,
    pub dates: (usize, usize),
    pub places: (usize, usize),
    pub figures: (usize, usize),
    /// Gold id and the extracted id matched to it, if any.
    pub pairs: Vec<(String, Option<String>)>,
    /// Extracted events that match nothing.
    pub unmatched: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// The table, as Markdown.
    pub fn table(&self) -> String {
        let row = |name: &str, (a, b): (usize, usize)| {
            format!("| {name} | {a} / {b} | {:.2} |\n", ratio(a, b))
        };
        let mut out = String::from("| measure | count | score |\n|---|---|---|\n");
        out.push_str(&row("event precision", (self.matched, self.extracted)));
        out.push_str(&row("event recall", (self.matched, self.gold)));
        out.push_str(&row("date-span accuracy", self.dates));
        out.push_str(&row("place accuracy", self.places));
        out.push_str(&row("figure accuracy", self.figures));
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

/// Byte ranges of an event's quotes in each document's text.
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

/// Extracts the gold package's documents and scores the result; also returns what was
/// extracted.
pub fn score(gold: &Package, lexicon: &Lexicon) -> (Score, Package) {
    let articles: Vec<Article> = gold
        .documents
        .iter()
        .filter(|d| d.text.is_some())
        .map(|d| Article {
            text: d.text.clone().unwrap_or_default(),
            title: Some(d.title.clone()),
            publisher: d.publisher.clone(),
            url: d.url.clone(),
            published: d.published.clone(),
        })
        .collect();
    let got = extract(&articles, lexicon);
    let gold_docs: Vec<(String, &str)> = gold
        .documents
        .iter()
        .filter_map(|d| d.text.as_deref().map(|t| (d.id.clone(), t)))
        .collect();
    let got_docs: Vec<(String, &str)> = got
        .documents
        .iter()
        .filter_map(|d| d.text.as_deref().map(|t| (d.id.clone(), t)))
        .collect();
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.events.iter().enumerate() {
        let gr = ranges(g, &gold_docs);
        for (xi, x) in got.events.iter().enumerate() {
            if kind(&g.event_type) != kind(&x.event_type) {
                continue;
            }
            let xr = ranges(x, &got_docs);
            let overlap = gr
                .iter()
                .flat_map(|a| xr.iter().map(move |b| (a, b)))
                .filter(|(a, b)| a.0 == b.0 && a.1 < b.2 && b.1 < a.2)
                .count();
            if overlap > 0 {
                let same = usize::from(g.event_type == x.event_type);
                candidates.push((overlap * 2 + same, gi, xi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_to: Vec<Option<usize>> = vec![None; gold.events.len()];
    let mut taken = vec![false; got.events.len()];
    for (_, gi, xi) in candidates {
        if gold_to[gi].is_none() && !taken[xi] {
            gold_to[gi] = Some(xi);
            taken[xi] = true;
        }
    }
    let mut s = Score {
        gold: gold.events.len(),
        extracted: got.events.len(),
        matched: 0,
        dates: (0, 0),
        places: (0, 0),
        figures: (0, 0),
        pairs: Vec::new(),
        unmatched: got
            .events
            .iter()
            .zip(&taken)
            .filter(|(_, t)| !**t)
            .map(|(e, _)| e.id.clone())
            .collect(),
    };
    for (g, to) in gold.events.iter().zip(&gold_to) {
        s.pairs
            .push((g.id.clone(), to.map(|i| got.events[i].id.clone())));
        let Some(xi) = to else { continue };
        let x = &got.events[*xi];
        s.matched += 1;
        if let Some(gd) = &g.date {
            s.dates.1 += 1;
            let gs = gd.edtf.span();
            if let Some(xd) = &x.date {
                let xs = xd.edtf.span();
                if xs.overlaps(&gs) && xs.days() <= 2 * gs.days() + 7 {
                    s.dates.0 += 1;
                }
            }
        }
        if let Some(gp) = &g.place {
            s.places.1 += 1;
            if x.place.as_ref() == Some(gp) {
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
    (s, got)
}
