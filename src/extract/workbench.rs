//! The editor's desk: a package being built from articles. Articles are added (drafted and
//! merged), drafts are accepted, rejected or edited, and the reviewed package is written out.
//! The page's "Add article" panel drives one of these through the wasm bindings.

use serde::Serialize;

use super::{add_article, Article, Lexicon};
use crate::engine::query::figure_words;
use crate::model::edtf::Edtf;
use crate::model::event_type;
use crate::model::{Event, EventDate, Package};
use crate::write::package_json;

/// A package under review and the lexicon that drafts into it.
pub struct Workbench {
    lexicon: Lexicon,
    package: Package,
}

/// What adding an article did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    /// The new document's id.
    pub document: String,
    /// New draft events.
    pub drafted: usize,
    /// Events already there that the article's reports were merged into.
    pub merged: usize,
}

/// The counts of `e`, each with its readings side by side.
fn figure_lines(e: &Event) -> Vec<FigureLine> {
    let mut lines: Vec<FigureLine> = Vec::new();
    let mut values: Vec<Vec<(u64, Option<u64>, &str)>> = Vec::new();
    for f in &e.figures {
        let words = figure_words(f.value, f.max, f.qualifier);
        let reading = match &f.according_to {
            Some(who) => format!("{words} (according to {who})"),
            None => words,
        };
        let key = (
            f.value.to_bits(),
            f.max.map(f64::to_bits),
            f.qualifier.as_str(),
        );
        match lines.iter().position(|l| l.what == f.what) {
            Some(i) => {
                lines[i].readings.push(reading);
                values[i].push(key);
            }
            None => {
                lines.push(FigureLine {
                    what: f.what.clone(),
                    readings: vec![reading],
                    disagree: false,
                });
                values.push(vec![key]);
            }
        }
    }
    for (line, keys) in lines.iter_mut().zip(&values) {
        line.disagree = keys.iter().any(|k| *k != keys[0]);
    }
    lines
}

/// A piece of an article's text, and the events whose sentence covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub events: Vec<String>,
}

/// A draft as the review list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftRow {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub type_label: String,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub confidence: f64,
    /// How many sources; more than one when reports were merged.
    pub sources: usize,
    pub merged: Vec<String>,
    /// Who did it, or said it, in words, with who says so where the sources attribute it; and
    /// that the text does not say, when it does not: "Suspected: Kataib Hezbollah, according
    /// to U.S. officials", "Who did it: not stated in the text".
    pub who: String,
    /// Who or what was hit or killed, in words, if the text says.
    pub against: Option<String>,
    /// Each count, with every reading side by side and who gives it.
    pub figures: Vec<FigureLine>,
}

/// One count of a draft with its readings: "rockets hit: 18 (according to a U.S. official);
/// 10 (according to Iraqi military officials)".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureLine {
    pub what: String,
    pub readings: Vec<String>,
    /// The readings differ.
    pub disagree: bool,
}

impl Workbench {
    /// A workbench over `base` (an empty package to start afresh).
    pub fn new(lexicon: Lexicon, base: Package) -> Workbench {
        Workbench {
            lexicon,
            package: base,
        }
    }

    /// The package as it stands.
    pub fn package(&self) -> &Package {
        &self.package
    }

    /// Drafts `article` into the package.
    pub fn add(&mut self, article: &Article) -> Added {
        let before: Vec<(String, usize)> = self
            .package
            .events
            .iter()
            .map(|e| (e.id.clone(), e.sources.len()))
            .collect();
        add_article(&mut self.package, article, &self.lexicon);
        let document = self
            .package
            .documents
            .last()
            .map(|d| d.id.clone())
            .unwrap_or_default();
        let drafted = self.package.events.len().saturating_sub(before.len());
        let merged = self
            .package
            .events
            .iter()
            .filter(|e| {
                before
                    .iter()
                    .any(|(id, n)| *id == e.id && e.sources.len() > *n)
            })
            .count();
        Added {
            document,
            drafted,
            merged,
        }
    }

    /// The events still drafts, in package order.
    pub fn drafts(&self) -> Vec<DraftRow> {
        self.package
            .events
            .iter()
            .filter_map(|e| {
                let d = e.draft.as_ref()?;
                let place = e
                    .place
                    .as_ref()
                    .and_then(|id| self.package.places.iter().find(|p| &p.id == id));
                Some(DraftRow {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    event_type: e.event_type.clone(),
                    type_label: event_type::find(&e.event_type)
                        .map_or_else(|| e.event_type.clone(), |t| t.label.to_string()),
                    date: e.date.as_ref().map(|x| x.edtf.to_string()),
                    date_text: e.date.as_ref().and_then(|x| x.text.clone()),
                    place: e.place.clone(),
                    place_name: place.map(|p| p.name.clone()),
                    confidence: d.confidence,
                    sources: e.sources.len(),
                    merged: d.merged.clone(),
                    who: self.who(e),
                    against: self.against(e),
                    figures: figure_lines(e),
                })
            })
            .collect()
    }

    /// The name of actor `id`.
    fn name(&self, id: &str) -> String {
        self.package
            .actors
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    }

    /// The names of `e`'s actors with `role`, each with who says so.
    fn named(&self, e: &Event, role: &str) -> Vec<String> {
        e.actors
            .iter()
            .filter(|p| p.role == role)
            .map(|p| match &p.according_to {
                Some(who) => format!("{}, according to {who}", self.name(&p.actor)),
                None => self.name(&p.actor),
            })
            .collect()
    }

    /// Who did event `e` (or said it), in words.
    fn who(&self, e: &Event) -> String {
        if e.event_type == "statement" {
            let speakers = self.named(e, "speaker");
            return if speakers.is_empty() {
                "Said by: not named in the text".into()
            } else {
                format!("Said by: {}", speakers.join("; "))
            };
        }
        let doers = self.named(e, "perpetrator");
        let suspects = self.named(e, "suspected");
        let participants = self.named(e, "participant");
        match (doers.is_empty(), suspects.is_empty()) {
            (false, true) => format!("Done by: {}", doers.join("; ")),
            (true, false) => format!("Suspected: {}", suspects.join("; ")),
            (false, false) => format!(
                "Done by: {}. Suspected: {}",
                doers.join("; "),
                suspects.join("; ")
            ),
            (true, true) if !participants.is_empty() => {
                format!("Taking part: {}", participants.join("; "))
            }
            (true, true) => "Who did it: not stated in the text".into(),
        }
    }

    /// Who or what `e` hit or killed, in words.
    fn against(&self, e: &Event) -> Option<String> {
        let hit = [self.named(e, "target"), self.named(e, "killed")].concat();
        (!hit.is_empty()).then(|| hit.join("; "))
    }

    fn index(&self, id: &str) -> Result<usize, String> {
        self.package
            .events
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| format!("there is no event with the id '{id}'"))
    }

    /// Accepts draft `id`: it becomes a reviewed event.
    pub fn accept(&mut self, id: &str) -> Result<(), String> {
        let i = self.index(id)?;
        self.package.events[i].draft = None;
        Ok(())
    }

    /// Rejects draft `id`: it leaves the package, with the links to it.
    pub fn reject(&mut self, id: &str) -> Result<(), String> {
        let i = self.index(id)?;
        self.package.events.remove(i);
        for e in &mut self.package.events {
            e.relations.retain(|r| r.event != id);
        }
        Ok(())
    }

    /// Sets `field` of event `id` to `value`: `title`, `type` (a type id), `date` (EDTF; the
    /// words as written are dropped, as they no longer match) or `place` (a place id of the
    /// package, or empty for none). A value that does not fit is refused with the reason.
    pub fn edit(&mut self, id: &str, field: &str, value: &str) -> Result<(), String> {
        let i = self.index(id)?;
        let value = value.trim();
        match field {
            "title" if value.is_empty() => return Err("a title cannot be empty".into()),
            "title" => self.package.events[i].title = value.to_string(),
            "type" => {
                event_type::find(value)
                    .ok_or_else(|| format!("'{value}' is not one of Dateline's types"))?;
                self.package.events[i].event_type = value.to_string();
            }
            "date" if value.is_empty() => self.package.events[i].date = None,
            "date" => {
                let edtf = Edtf::parse(value).map_err(|e| format!("'{value}': {e}"))?;
                self.package.events[i].date = Some(EventDate {
                    edtf,
                    text: None,
                    note: None,
                });
            }
            "place" if value.is_empty() => {
                self.package.events[i].place = None;
                self.package.events[i].place_note = None;
            }
            "place" => {
                if !self.package.places.iter().any(|p| p.id == value) {
                    return Err(format!("there is no place with the id '{value}'"));
                }
                self.package.events[i].place = Some(value.to_string());
                self.package.events[i].place_note = None;
            }
            other => {
                return Err(format!(
                    "'{other}' cannot be edited here (title, type, date or place)"
                ))
            }
        }
        if let Some(d) = &mut self.package.events[i].draft {
            d.rules.retain(|(f, _)| f != field);
            d.rules
                .push((field.to_string(), "set by the reviewer".into()));
        }
        Ok(())
    }

    /// Document `document`'s text cut where events' sentences start and end.
    pub fn segments(&self, document: &str) -> Result<Vec<Segment>, String> {
        let doc = self
            .package
            .documents
            .iter()
            .find(|d| d.id == document)
            .ok_or_else(|| format!("there is no document with the id '{document}'"))?;
        let text = doc.text.as_deref().unwrap_or("");
        let bytes_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let chars = bytes_at.len() - 1;
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        for e in &self.package.events {
            for s in e.sources.iter().filter(|s| s.document == document) {
                if let Some(at) = s.at {
                    let end = at.saturating_add(s.quote.chars().count()).min(chars);
                    if at < end {
                        spans.push((at, end, e.id.as_str()));
                    }
                }
            }
        }
        let mut cuts: Vec<usize> = spans
            .iter()
            .flat_map(|(a, b, _)| [*a, *b])
            .chain([0, chars])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut out: Vec<Segment> = Vec::new();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let mut events: Vec<String> = spans
                .iter()
                .filter(|(s, e, _)| *s <= a && b <= *e)
                .map(|(_, _, id)| id.to_string())
                .collect();
            events.dedup();
            let piece = &text[bytes_at[a]..bytes_at[b]];
            match out.last_mut() {
                Some(last) if last.events == events => last.text.push_str(piece),
                _ => out.push(Segment {
                    text: piece.to_string(),
                    events,
                }),
            }
        }
        Ok(out)
    }

    /// The package as JSON.
    pub fn json(&self) -> String {
        package_json(&self.package)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bench() -> Workbench {
        let lexicon = Lexicon::new(Vec::new(), Vec::new());
        let mut w = Workbench::new(lexicon, Package::default());
        let added = w.add(&Article {
            text: "Rockets hit a base on Jan. 8, 2020. Nothing else.\nIran fired missiles at a base on Jan. 8, 2020.".into(),
            title: Some("One".into()),
            ..Article::default()
        });
        assert_eq!(added.document, "one");
        assert_eq!(added.drafted, 2);
        w
    }

    #[test]
    fn drafts_are_accepted_rejected_and_edited_with_reasons_for_refusals() {
        let mut w = bench();
        let ids: Vec<String> = w.drafts().iter().map(|d| d.id.clone()).collect();
        w.accept(&ids[0]).unwrap();
        assert_eq!(w.drafts().len(), 1);
        assert!(w.package().events[0].draft.is_none());
        let refused = w.edit(&ids[1], "date", "2020-02-30").unwrap_err();
        assert!(refused.starts_with("'2020-02-30': "), "{refused}");
        w.edit(&ids[1], "date", "2020-01-08").unwrap();
        w.edit(&ids[1], "type", "missile-attack").unwrap();
        assert!(w.edit(&ids[1], "type", "picnic").is_err());
        assert!(w.edit(&ids[1], "place", "nowhere").is_err());
        assert!(w.edit(&ids[1], "colour", "red").is_err());
        let rules = &w.drafts()[0];
        assert_eq!(rules.date.as_deref(), Some("2020-01-08"));
        w.reject(&ids[1]).unwrap();
        assert!(w.drafts().is_empty());
        assert!(w.reject(&ids[1]).is_err());
        let back = crate::read::read_package(w.json().as_bytes());
        assert_eq!(back.package.events.len(), 1);
    }

    #[test]
    fn segments_cover_the_text_and_mark_each_events_sentence() {
        let w = bench();
        let segments = w.segments("one").unwrap();
        let whole: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, w.package().documents[0].text.clone().unwrap());
        let marked: Vec<&Segment> = segments.iter().filter(|s| !s.events.is_empty()).collect();
        assert_eq!(marked.len(), 2);
        assert_eq!(marked[0].text, "Rockets hit a base on Jan. 8, 2020.");
        assert!(w.segments("nothing").is_err());
    }
}
