//! Reading TimelineJS timelines: its JSON, and its Google Sheets template published as CSV.
//!
//! Both become a list of slides (title, eras, events) and then one package. Dates come as
//! `{year, month, day, hour, ...}` parts, numbers possibly written as strings; the finest part
//! present sets the precision. Headlines and texts are HTML: the text is kept, the markup
//! dropped, and http(s) links kept as the event's links. The timeline itself is the events'
//! document, so each event quotes its own text from it.

use std::collections::HashSet;

use super::builder::{quote_from_file, Builder};
use super::gazetteer::Gazetteer;
use super::loaded::Loaded;
use super::table::{Columns, Table};
use crate::json::{self, Kind, LineIndex, Value};
use crate::model::calendar::days_in_month;
use crate::model::edtf::{Edtf, MAX_YEAR};
use crate::model::link::checked_url;
use crate::model::problem::Severity;
use crate::model::{Document, Event, EventDate, Link, Package, Place};
use crate::read::html::{self, Extracted};

const DOCUMENT: &str = "timeline";

/// A date as TimelineJS splits it.
#[derive(Debug, Default, Clone)]
struct Parts {
    year: Option<String>,
    month: Option<String>,
    day: Option<String>,
    time: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum SlideKind {
    Title,
    Era,
    Event,
}

/// One slide, wherever it came from, with where to point problems at.
struct Slide {
    kind: SlideKind,
    start: Parts,
    end: Option<Parts>,
    display_date: Option<String>,
    headline: String,
    text: String,
    media_url: Option<String>,
    media_caption: Option<String>,
    media_credit: Option<String>,
    group: Option<String>,
    id: Option<String>,
    /// Path prefix for problems: `events[3]` or `line 5`.
    path: String,
    line: u32,
    column: u32,
}

/// Turns date parts into EDTF, or says what is wrong with them.
fn edtf_of(parts: &Parts) -> Result<Option<String>, String> {
    let num = |v: &Option<String>, what: &str| -> Result<Option<i64>, String> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => t
                .parse::<i64>()
                .map(Some)
                .map_err(|_| format!("the {what} '{t}' is not a whole number")),
        }
    };
    let Some(year) = num(&parts.year, "year")? else {
        return if parts.month.is_some() || parts.day.is_some() {
            Err("the date has no year".into())
        } else {
            Ok(None)
        };
    };
    if year.abs() > MAX_YEAR {
        return Err(format!(
            "the year {year} is beyond what Dateline reads (-{MAX_YEAR} to {MAX_YEAR})"
        ));
    }
    if year.abs() > 9999 {
        // EDTF gives years beyond four digits no month or day: at such distances TimelineJS's
        // cosmological timelines give none either.
        return Ok(Some(format!("Y{year}")));
    }
    let y = if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    };
    let Some(month) = num(&parts.month, "month")? else {
        return Ok(Some(y));
    };
    if !(1..=12).contains(&month) {
        return Err(format!("the month {month} is not 1-12"));
    }
    let Some(day) = num(&parts.day, "day")? else {
        return Ok(Some(format!("{y}-{month:02}")));
    };
    let days = i64::from(days_in_month(year, month as u32));
    if !(1..=days).contains(&day) {
        return Err(format!("{year}-{month:02} has no day {day}"));
    }
    let date = format!("{y}-{month:02}-{day:02}");
    match parts
        .time
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => Ok(Some(date)),
        Some(t) => {
            let mut hms: Vec<&str> = t.split(':').collect();
            hms.resize(3, "00");
            let ok = hms
                .iter()
                .all(|p| p.len() <= 2 && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(format!("the time '{t}' is not hh:mm or hh:mm:ss"));
            }
            Ok(Some(format!(
                "{date}T{:0>2}:{:0>2}:{:0>2}",
                hms[0], hms[1], hms[2]
            )))
        }
    }
}

/// A stable id from a headline.
fn slug(text: &str) -> String {
    crate::model::text::slug(text, "event")
}

/// The type of a slide's group: a built-in type when it names one, else the group itself.
fn type_of(group: Option<&str>) -> String {
    crate::model::event_type::for_name(group.unwrap_or(""))
}

/// The date of a slide: its start, or the range from its start to its end; an end that cannot
/// be read is dropped.
fn slide_date(slide: &Slide, report: &mut dyn FnMut(Severity, &str, String)) -> Option<Edtf> {
    let start = edtf_of(&slide.start).unwrap_or_else(|why| {
        report(
            Severity::Error,
            "start_date",
            format!("{why}; the event is listed but not on the timeline"),
        );
        None
    });
    let end = slide.end.as_ref().and_then(|e| {
        edtf_of(e).unwrap_or_else(|why| {
            report(
                Severity::Error,
                "end_date",
                format!("{why}; the end date is dropped"),
            );
            None
        })
    });
    match (start, end) {
        (Some(s), Some(e)) => Edtf::parse(&format!("{s}/{e}"))
            .or_else(|why| {
                report(
                    Severity::Error,
                    "end_date",
                    format!("{why}; the end date is dropped"),
                );
                Edtf::parse(&s)
            })
            .ok(),
        (Some(s), None) => Edtf::parse(&s).ok(),
        (None, _) => None,
    }
}

/// A slide's id: its own, else a slug of its headline (or text), made unique among `used` with
/// a number, and added to them.
fn slide_id(
    slide: &Slide,
    headline: &Extracted,
    body: &Extracted,
    used: &mut HashSet<String>,
) -> String {
    let mut id = match slide.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
        Some(id) => id.to_string(),
        None => slug(if headline.text.is_empty() {
            &body.text
        } else {
            &headline.text
        }),
    };
    if used.contains(&id) {
        let base = id.clone();
        id = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !used.contains(c))
            .unwrap_or(base);
    }
    used.insert(id.clone());
    id
}

/// A slide's links: those in its headline and text, then its media, when it is an http(s) link.
fn slide_links(
    slide: &Slide,
    headline: &Extracted,
    body: &Extracted,
    report: &mut dyn FnMut(Severity, &str, String),
) -> Vec<Link> {
    let mut links: Vec<Link> = headline
        .links
        .iter()
        .chain(&body.links)
        .map(|(url, title)| Link {
            url: url.clone(),
            title: title.clone(),
        })
        .collect();
    if let Some(url) = slide
        .media_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        match checked_url(url) {
            Ok(url) => {
                let words: Vec<&str> = [
                    slide.media_caption.as_deref(),
                    slide.media_credit.as_deref(),
                ]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
                let title = if words.is_empty() {
                    "Media".to_string()
                } else {
                    format!("Media: {}", html::extract(&words.join(" — ")).text)
                };
                links.push(Link { url, title });
            }
            Err(why) => report(
                Severity::Error,
                "media.url",
                format!("{why}; the media link is dropped"),
            ),
        }
    }
    links
}

/// A place named in the headline (or else the text), when a gazetteer is given, added to the
/// package; with a note of how it was found.
fn place_of(
    b: &mut Builder,
    gazetteer: &Gazetteer,
    headline: &Extracted,
    body: &Extracted,
) -> (Option<String>, Option<String>) {
    let found = gazetteer
        .find(&headline.text)
        .map(|f| (f, "headline"))
        .or_else(|| gazetteer.find(&body.text).map(|f| (f, "text")));
    match found {
        Some(((p, by), field)) => {
            if !b.package.places.iter().any(|q| q.id == p.id) {
                b.package.places.push(Place {
                    within: None,
                    ..p.clone()
                });
            }
            (
                Some(p.id.clone()),
                Some(format!(
                    "Inferred: the slide's {field} names '{by}', matched to this place by name."
                )),
            )
        }
        None => (None, None),
    }
}

/// Makes one package of the slides of a timeline: the title slide names it, eras are listed in
/// its description, and each event slide is an event.
fn slides_to_package(slides: Vec<Slide>, loaded: &mut Loaded, name: &str, gazetteer: &Gazetteer) {
    let mut b = Builder::new(Package {
        title: format!("Timeline from {name}"),
        documents: vec![Document {
            id: DOCUMENT.into(),
            title: format!("TimelineJS timeline ({name})"),
            note: Some("Each event quotes its own text from the timeline.".into()),
            ..Document::default()
        }],
        ..Package::default()
    });
    let mut eras = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for slide in slides {
        let mut report = |severity: Severity, field: &str, message: String| {
            loaded.report(
                severity,
                format!("{}.{field}", slide.path),
                slide.line,
                slide.column,
                message,
            );
        };
        let headline = html::extract(&slide.headline);
        let body = html::extract(&slide.text);
        let edtf = slide_date(&slide, &mut report);
        match slide.kind {
            SlideKind::Title => {
                if !headline.text.is_empty() {
                    b.package.title = headline.text.clone();
                    b.package.documents[0].title =
                        format!("{} (TimelineJS timeline)", headline.text);
                }
                b.package.description = Some(body.text.clone()).filter(|t| !t.is_empty());
                continue;
            }
            SlideKind::Era => {
                let when = edtf
                    .as_ref()
                    .map_or_else(String::new, |d| format!(" ({})", d.describe()));
                eras.push(format!("{}{when}", headline.text));
                continue;
            }
            SlideKind::Event => {}
        }
        if edtf.is_none() && slide.start.year.is_none() {
            report(
                Severity::Error,
                "start_date",
                "the event has no start date; it is listed but not on the timeline".into(),
            );
        }
        let id = slide_id(&slide, &headline, &body, &mut used);
        let links = slide_links(&slide, &headline, &body, &mut report);
        let quote = if body.text.is_empty() {
            headline.text.clone()
        } else {
            body.text.clone()
        };
        let (place, place_note) = place_of(&mut b, gazetteer, &headline, &body);
        let group = slide
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty());
        b.push(Event {
            id,
            title: if headline.text.is_empty() {
                quote.chars().take(80).collect()
            } else {
                headline.text.clone()
            },
            event_type: type_of(group),
            date: edtf.map(|edtf| EventDate {
                edtf,
                text: slide.display_date.clone().filter(|d| !d.trim().is_empty()),
                note: None,
            }),
            place,
            place_note,
            actors: Vec::new(),
            figures: Vec::new(),
            sources: quote_from_file(DOCUMENT, &quote),
            relations: Vec::new(),
            summary: None,
            note: None,
            tags: group
                .map(|g| vec![format!("group: {g}")])
                .unwrap_or_default(),
            links,
            draft: None,
        });
    }
    if !eras.is_empty() {
        let listed = format!("Eras: {}.", eras.join("; "));
        b.package.description = Some(match b.package.description.take() {
            Some(d) => format!("{d} {listed}"),
            None => listed,
        });
    }
    b.finish(loaded);
}

/// Reads a TimelineJS JSON timeline.
pub(super) fn read_json(text: &str, loaded: &mut Loaded, name: &str, gazetteer: &Gazetteer) {
    let parsed = json::parse(text);
    let lines = LineIndex::new(text);
    for p in &parsed.problems {
        let (line, column) = lines.position(p.at);
        loaded.report(
            Severity::Error,
            String::new(),
            line,
            column,
            p.message.clone(),
        );
    }
    let Some(root) = parsed.root else {
        return slides_to_package(Vec::new(), loaded, name, gazetteer);
    };
    let string = |v: Option<&Value>| -> Option<String> {
        v.and_then(|v| match &v.kind {
            Kind::String(s) => Some(s.clone()),
            Kind::Number(n) => Some(if n.fract() == 0.0 {
                format!("{}", *n as i64)
            } else {
                crate::json::decimal(*n)
            }),
            _ => None,
        })
    };
    let parts = |v: Option<&Value>| -> Option<Parts> {
        let v = v.filter(|v| matches!(v.kind, Kind::Object(_)))?;
        let hour = string(v.get("hour"));
        let time = hour.map(|h| {
            let m = string(v.get("minute")).unwrap_or_else(|| "0".into());
            let s = string(v.get("second")).unwrap_or_else(|| "0".into());
            format!("{h}:{m}:{s}")
        });
        Some(Parts {
            year: string(v.get("year")),
            month: string(v.get("month")),
            day: string(v.get("day")),
            time,
        })
    };
    let slide = |v: &Value, kind: SlideKind, path: String| -> Slide {
        let text = v.get("text");
        let media = v.get("media");
        let start = parts(v.get("start_date")).unwrap_or_default();
        let display_date = string(v.get("display_date"))
            .or_else(|| string(v.get("start_date").and_then(|s| s.get("display_date"))));
        let (line, column) = lines.position(v.at);
        Slide {
            kind,
            start,
            end: parts(v.get("end_date")),
            display_date,
            headline: string(text.and_then(|t| t.get("headline"))).unwrap_or_default(),
            text: string(text.and_then(|t| t.get("text"))).unwrap_or_default(),
            media_url: string(media.and_then(|m| m.get("url"))),
            media_caption: string(media.and_then(|m| m.get("caption"))),
            media_credit: string(media.and_then(|m| m.get("credit"))),
            group: string(v.get("group")),
            id: string(v.get("unique_id")),
            path,
            line,
            column,
        }
    };
    let mut slides = Vec::new();
    if let Some(title) = root.get("title") {
        slides.push(slide(title, SlideKind::Title, "title".into()));
    }
    for (key, kind) in [("events", SlideKind::Event), ("eras", SlideKind::Era)] {
        match root.get(key).map(|v| &v.kind) {
            Some(Kind::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if item.complete && matches!(item.kind, Kind::Object(_)) {
                        slides.push(slide(item, kind, format!("{key}[{i}]")));
                    } else {
                        let (line, column) = lines.position(item.at);
                        loaded.report(
                            Severity::Error,
                            format!("{key}[{i}]"),
                            line,
                            column,
                            "this slide is cut off or not an object; it is skipped".into(),
                        );
                    }
                }
            }
            None if kind == SlideKind::Event => {
                loaded.report(
                    Severity::Error,
                    "events".into(),
                    1,
                    1,
                    "a TimelineJS timeline has an 'events' list; this one has none".into(),
                );
            }
            _ => {}
        }
    }
    slides_to_package(slides, loaded, name, gazetteer);
}

/// Reads a TimelineJS sheet published as CSV: the current template (Year, Month, Day, Time, End
/// Year, ..., Headline, Text, Media, Media Credit, Media Caption, Type, Group) or an older one
/// with Start Date and End Date (`2020-01-08`, `2020,01,08` or `1/8/2020`, month first).
pub(super) fn read_sheet(
    table: &mut Table<'_>,
    loaded: &mut Loaded,
    name: &str,
    gazetteer: &Gazetteer,
) {
    let c = Columns::new(&table.header);
    let mut slides = Vec::new();
    for record in table.by_ref() {
        let row = c.row(&record);
        let cell =
            |column: &str| Some(row.get(column).trim().to_string()).filter(|v| !v.is_empty());
        let kind = match row.get("type").trim().to_ascii_lowercase().as_str() {
            "title" => SlideKind::Title,
            "era" => SlideKind::Era,
            _ => SlideKind::Event,
        };
        let (start, end) = if c.has("year") {
            let start = Parts {
                year: cell("year"),
                month: cell("month"),
                day: cell("day"),
                time: cell("time"),
            };
            let end = Parts {
                year: cell("end year"),
                month: cell("end month"),
                day: cell("end day"),
                time: cell("end time"),
            };
            (start, end.year.is_some().then_some(end))
        } else {
            (
                old_date(row.get("start date")),
                cell("end date").map(|d| old_date(&d)),
            )
        };
        let (line, column) = row.position("headline").unwrap_or((record.line, 1));
        slides.push(Slide {
            kind,
            start,
            end,
            display_date: cell("display date"),
            headline: row.get("headline").to_string(),
            text: row.get("text").to_string(),
            media_url: cell("media"),
            media_caption: cell("media caption"),
            media_credit: cell("media credit"),
            group: cell("group").or_else(|| cell("tag")),
            id: None,
            path: format!("line {}", record.line),
            line,
            column,
        });
    }
    slides_to_package(slides, loaded, name, gazetteer);
}

/// Splits an older sheet's Start Date into parts.
fn old_date(text: &str) -> Parts {
    let text = text.trim();
    let pieces: Vec<String> = if text.contains('/') {
        let p: Vec<&str> = text.split('/').collect();
        match p[..] {
            [m, d, y] => vec![y.into(), m.into(), d.into()],
            [m, y] => vec![y.into(), m.into()],
            _ => vec![text.into()],
        }
    } else {
        text.split([',', '-'])
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    };
    let mut it = pieces.into_iter();
    Parts {
        year: it.next(),
        month: it.next(),
        day: it.next(),
        time: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(y: &str, m: &str, d: &str, t: &str) -> Parts {
        let o = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        Parts {
            year: o(y),
            month: o(m),
            day: o(d),
            time: o(t),
        }
    }

    #[test]
    fn the_finest_part_sets_the_precision() {
        assert_eq!(
            edtf_of(&parts("2020", "", "", "")).unwrap().as_deref(),
            Some("2020")
        );
        assert_eq!(
            edtf_of(&parts("2020", "1", "", "")).unwrap().as_deref(),
            Some("2020-01")
        );
        assert_eq!(
            edtf_of(&parts("2020", "01", "8", "")).unwrap().as_deref(),
            Some("2020-01-08")
        );
        assert_eq!(
            edtf_of(&parts("2020", "1", "8", "9:30"))
                .unwrap()
                .as_deref(),
            Some("2020-01-08T09:30:00")
        );
        assert_eq!(
            edtf_of(&parts("-44", "3", "15", "")).unwrap().as_deref(),
            Some("-0044-03-15")
        );
        assert!(edtf_of(&parts("2020", "2", "30", ""))
            .unwrap_err()
            .contains("no day 30"));
        assert!(edtf_of(&parts("2020", "13", "", ""))
            .unwrap_err()
            .contains("not 1-12"));
        assert!(edtf_of(&parts("", "3", "", ""))
            .unwrap_err()
            .contains("no year"));
        assert_eq!(
            edtf_of(&parts("-13800000000", "", "", ""))
                .unwrap()
                .as_deref(),
            Some("Y-13800000000")
        );
        assert_eq!(
            edtf_of(&parts("170000002", "6", "1", ""))
                .unwrap()
                .as_deref(),
            Some("Y170000002")
        );
        assert!(edtf_of(&parts("-200000000000", "", "", ""))
            .unwrap_err()
            .contains("beyond what Dateline reads"));
        assert!(edtf_of(&parts("twenty", "", "", ""))
            .unwrap_err()
            .contains("not a whole number"));
    }

    #[test]
    fn old_sheet_dates_and_slugs() {
        let p = old_date("1/8/2020");
        assert_eq!(
            (p.year.as_deref(), p.month.as_deref(), p.day.as_deref()),
            (Some("2020"), Some("1"), Some("8"))
        );
        assert_eq!(old_date("2020,01,08").day.as_deref(), Some("08"));
        assert_eq!(
            slug("Rockets hit the Green Zone!"),
            "rockets-hit-the-green-zone"
        );
        assert_eq!(slug("¡¡"), "event");
        assert_eq!(type_of(Some("Airstrike")), "airstrike");
        assert_eq!(
            type_of(Some("Protests")),
            "Protests",
            "a group that names no built-in type is its own type"
        );
        assert_eq!(type_of(None), "other");
    }
}
