//! A static HTML page of the selected events, for print, hosts that allow no scripts and readers
//! without JavaScript: each event's title, date as the package states it (with its uncertainty),
//! place, actors, figures and the sources' quotes, linked to their documents.
//!
//! Every text from data is escaped, and only http(s) links become `href`s. The page carries its
//! own small style sheet and nothing else: no script, no external file.

use std::fmt::Write as _;

use crate::engine::query::figure_words;
use crate::engine::store::Store;
use crate::model::edtf::Precision;
use crate::model::link::checked_url;
use crate::model::package::{Event, Package};
use crate::model::text::{format_count, plural};

/// The page's style: readable on screen and on paper, with no colour carrying meaning alone.
const STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;\
padding:1rem;color:#1a1a1a;background:#fff}h1{font-size:1.6rem}h2{font-size:1.15rem;margin:0 0 .25rem}\
.dl-events{list-style:none;padding:0}.dl-event{border-top:1px solid #bbb;padding:.75rem 0}\
.dl-meta{margin:0;color:#444}blockquote{margin:.5rem 0 .5rem 1rem;padding-left:.75rem;\
border-left:3px solid #888}a{color:#0645ad}@media print{a{color:inherit}.dl-event{break-inside:avoid}}";

/// What the page says about itself.
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// The page's language, a BCP 47 tag (`en`, `ar`).
    pub lang: String,
    /// Only the list of events (`<ol>`), with headings one level lower, for a host page to
    /// place inside its own markup (such as an explorer's fallback); else a whole document.
    pub fragment: bool,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            lang: "en".into(),
            fragment: false,
        }
    }
}

/// The selected rows (in date order) as a static HTML page, or as its list alone.
pub fn html(store: &Store, rows: &[u32], options: &HtmlOptions) -> String {
    let package = store.package();
    let heading = if options.fragment { "h3" } else { "h2" };
    let mut list = String::from("<ol class=\"dl-events\">\n");
    for &row in rows {
        push_event(&mut list, package, &store.event_at(row as usize), heading);
    }
    list.push_str("</ol>\n");
    if options.fragment {
        return list;
    }
    let lang = if is_language_tag(&options.lang) {
        options.lang.as_str()
    } else {
        "en"
    };
    let mut out = String::with_capacity(list.len() + 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n",
        title = escape(&package.title)
    );
    if let Some(d) = &package.description {
        let _ = writeln!(out, "<p>{}</p>", escape(d));
    }
    let _ = writeln!(
        out,
        "<p>{} {}</p>",
        format_count(rows.len() as f64),
        plural(rows.len(), "event", "events")
    );
    out.push_str(&list);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One event as a list item: its heading, then what the package says of it.
fn push_event(out: &mut String, package: &Package, e: &Event, heading: &str) {
    let _ = write!(
        out,
        "<li class=\"dl-event\" id=\"event-{}\">\n<{heading}>{}</{heading}>\n",
        escape(&e.id),
        escape(&e.title)
    );
    let _ = writeln!(out, "<p class=\"dl-meta\">Date: {}</p>", when(e));
    if let Some(place) = e.place.as_deref() {
        let name = package
            .places
            .iter()
            .find(|p| p.id == place)
            .map_or(place, |p| p.name.as_str());
        let _ = writeln!(out, "<p class=\"dl-meta\">Place: {}</p>", escape(name));
    }
    if !e.actors.is_empty() {
        let who: Vec<String> = e
            .actors
            .iter()
            .map(|a| {
                let name = package
                    .actors
                    .iter()
                    .find(|x| x.id == a.actor)
                    .map_or(a.actor.as_str(), |x| x.name.as_str());
                format!("{} ({})", escape(name), escape(&a.role.replace('-', " ")))
            })
            .collect();
        let _ = writeln!(out, "<p class=\"dl-meta\">Actors: {}</p>", who.join(", "));
    }
    if let Some(s) = &e.summary {
        let _ = writeln!(out, "<p>{}</p>", escape(s));
    }
    if !e.figures.is_empty() {
        out.push_str("<ul>\n");
        for f in &e.figures {
            let _ = write!(
                out,
                "<li>{} {}",
                escape(&figure_words(f.value, f.max, f.qualifier)),
                escape(&f.what)
            );
            if let Some(doc) = f.source.as_deref() {
                let _ = write!(
                    out,
                    " (according to {})",
                    escape(document_title(package, doc))
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    for s in &e.sources {
        let _ = writeln!(
            out,
            "<blockquote><p>{}</p></blockquote>\n<p>— {}</p>",
            escape(&s.quote),
            cite(package, &s.document)
        );
    }
    for link in &e.links {
        if let Ok(url) = checked_url(&link.url) {
            let _ = writeln!(
                out,
                "<p><a href=\"{}\">{}</a></p>",
                escape(&url),
                escape(&link.title)
            );
        }
    }
    out.push_str("</li>\n");
}

/// The date as the package states it: in words with its uncertainty, the source's own words
/// beside it, and a machine-readable `<time>` where HTML can express the date.
fn when(e: &Event) -> String {
    let Some(date) = &e.date else {
        return "Date unknown".into();
    };
    let words = escape(&date.edtf.describe());
    let plain = !date.edtf.is_approximate() && !date.edtf.is_uncertain();
    let edtf = date.edtf.to_string();
    // HTML's `datetime` takes four-digit years, months and days only.
    let machine = matches!(
        date.edtf.precision(),
        Precision::Day | Precision::Month | Precision::Year
    ) && plain
        && edtf.len() >= 4
        && edtf.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && !edtf.contains(['X', 'T']);
    let mut out = if machine {
        format!("<time datetime=\"{}\">{words}</time>", escape(&edtf))
    } else {
        words
    };
    if let Some(text) = &date.text {
        let _ = write!(out, " (“{}”)", escape(text));
    }
    out
}

/// A source's document: its title linked to its URL when that is http(s), and its publisher.
fn cite(package: &Package, id: &str) -> String {
    let Some(doc) = package.documents.iter().find(|d| d.id == id) else {
        return escape(id);
    };
    let mut out = match doc.url.as_deref().map(checked_url) {
        Some(Ok(url)) => format!("<a href=\"{}\">{}</a>", escape(&url), escape(&doc.title)),
        _ => escape(&doc.title),
    };
    if let Some(p) = &doc.publisher {
        let _ = write!(out, ", {}", escape(p));
    }
    out
}

/// A document's title, or its id when the package does not list it.
fn document_title<'a>(package: &'a Package, id: &'a str) -> &'a str {
    package
        .documents
        .iter()
        .find(|d| d.id == id)
        .map_or(id, |d| d.title.as_str())
}

/// True for text shaped like a language tag: letters, digits and hyphens, nothing to escape.
fn is_language_tag(tag: &str) -> bool {
    (2..=35).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Text made safe for element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            escape("<a href='x'>\"&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
        );
        assert!(is_language_tag("en") && is_language_tag("ar-EG"));
        assert!(!is_language_tag("en\" onload=\"x") && !is_language_tag("e"));
    }
}
