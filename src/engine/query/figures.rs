//! An event's figures as its card shows them: grouped by what they count, each reading in
//! words, and the disagreement of two sources kept in view, never averaged away.

use serde::Serialize;

use crate::engine::store::Store;
use crate::model::text::format_count;
use crate::model::{Figure, Qualifier};

/// The readings of one count ("injured") across sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FigureGroup {
    /// What is counted.
    pub what: String,
    /// The readings, in package order.
    pub readings: Vec<FigureReading>,
    /// True when the readings differ.
    pub disagree: bool,
}

/// One source's figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FigureReading {
    /// The number.
    pub value: f64,
    /// The upper number of a range.
    pub max: Option<f64>,
    /// The qualifier name.
    pub qualifier: &'static str,
    /// The figure in words: "nearly 100", "between 5,000 and 6,000".
    pub words: String,
    /// The source's own words.
    pub text: Option<String>,
    /// The document's id.
    pub source: Option<String>,
    /// The document's title.
    pub source_title: Option<String>,
    /// Who the document says reports the number.
    pub according_to: Option<String>,
}

crate::json_struct!(FigureGroup {
    "what" => what,
    "readings" => readings,
    "disagree" => disagree,
});

crate::json_struct!(FigureReading {
    "value" => value,
    "max" => max,
    "qualifier" => qualifier,
    "words" => words,
    "text" => text,
    "source" => source,
    "sourceTitle" => source_title,
    "accordingTo" => according_to,
});

/// `figures` grouped by what they count, in the order each is first met; a group disagrees
/// when its readings differ in value, upper number or qualifier.
pub(super) fn figure_groups(store: &Store, figures: &[Figure]) -> Vec<FigureGroup> {
    let document_title = |doc: &str| {
        store
            .document_index
            .get(doc)
            .map(|&d| store.package.documents[d as usize].title.clone())
    };
    let mut groups: Vec<FigureGroup> = Vec::new();
    for f in figures {
        let reading = FigureReading {
            value: f.value,
            max: f.max,
            qualifier: f.qualifier.as_str(),
            words: figure_words(f.value, f.max, f.qualifier),
            text: f.text.clone(),
            source: f.source.clone(),
            source_title: f.source.as_deref().and_then(document_title),
            according_to: f.according_to.clone(),
        };
        match groups.iter_mut().find(|g| g.what == f.what) {
            Some(group) => group.readings.push(reading),
            None => groups.push(FigureGroup {
                what: f.what.clone(),
                readings: vec![reading],
                disagree: false,
            }),
        }
    }
    for group in &mut groups {
        let first = &group.readings[0];
        group.disagree = group.readings.iter().any(|r| {
            r.value != first.value || r.max != first.max || r.qualifier != first.qualifier
        });
    }
    groups
}

/// A figure in words: "nearly 100", "more than 36", "between 5,000 and 6,000".
pub fn figure_words(value: f64, max: Option<f64>, qualifier: Qualifier) -> String {
    match (qualifier, max) {
        (Qualifier::Between, Some(m)) => {
            format!("between {} and {}", format_count(value), format_count(m))
        }
        (Qualifier::Exact, _) | (Qualifier::Between, None) => format_count(value),
        (q, _) => format!("{} {}", q.words(), format_count(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_like_prose() {
        assert_eq!(format_count(100.0), "100");
        assert_eq!(format_count(5000.0), "5,000");
        assert_eq!(format_count(1_234_567.0), "1,234,567");
        assert_eq!(format_count(2.5), "2.5");
        assert_eq!(figure_words(100.0, None, Qualifier::Nearly), "nearly 100");
        assert_eq!(
            figure_words(5000.0, Some(6000.0), Qualifier::Between),
            "between 5,000 and 6,000"
        );
        assert_eq!(
            figure_words(36.0, None, Qualifier::MoreThan),
            "more than 36"
        );
    }
}
