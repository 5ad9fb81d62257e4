//! The citation list: plain text, each selected event with its date and its sources' quotes.

use std::fmt::Write as _;

use crate::engine::store::Store;
use crate::model::text::{format_count, plural};

/// A plain-text citation list: each event with its date and every source's quote.
pub fn citations(store: &Store, rows: &[u32]) -> String {
    let package = store.package();
    let mut out = format!(
        "{}\n{} {}\n",
        package.title,
        format_count(rows.len() as f64),
        plural(rows.len(), "event", "events")
    );
    for &r in rows {
        let e = store.event_at(r as usize);
        let date = e
            .date
            .as_ref()
            .map_or_else(|| "date unknown".to_string(), |d| d.edtf.describe());
        let _ = write!(out, "\n{} ({date})\n", e.title);
        for s in &e.sources {
            let doc = package.documents.iter().find(|d| d.id == s.document);
            let title = doc.map_or(s.document.as_str(), |d| d.title.as_str());
            let publisher = doc
                .and_then(|d| d.publisher.as_deref())
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            let url = doc
                .and_then(|d| d.url.as_deref())
                .map(|u| format!(", {u}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - “{}” ({title}{publisher}{url})",
                s.quote.replace('\n', " ")
            );
        }
    }
    out
}
