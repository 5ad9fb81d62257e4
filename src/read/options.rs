//! How to read a file: its format, its name, a plain CSV's columns, and a gazetteer.

use super::format::Format;
use super::gazetteer::Gazetteer;

/// How to read a file: its format (detected when `None`), its name (for titles), and for plain
/// CSV, which column plays which role (`("date", "Datum")`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The format, or `None` to detect it.
    pub format: Option<Format>,
    /// The file's name.
    pub name: String,
    /// Column roles for plain CSV; see `CSV_COLUMN_ROLES` (with the importers).
    pub columns: Vec<(String, String)>,
    /// Places to find by name in the text of events that come without one (TimelineJS).
    pub gazetteer: Gazetteer,
}

/// Parses a column mapping written `date=Datum,lat=Breite`.
pub fn parse_columns(text: &str) -> Result<Vec<(String, String)>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((role, column)) if !role.trim().is_empty() && !column.trim().is_empty() => {
                Ok((role.trim().to_ascii_lowercase(), column.trim().to_string()))
            }
            _ => Err(format!("'{pair}' is not role=column")),
        })
        .collect()
}
