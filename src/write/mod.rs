//! Writing what a reader filtered: a Dateline package, CSV (ACLED's columns plus Dateline's),
//! GeoJSON, a plain-text citation list, and a static HTML page (for the command only: the
//! page's engine does not carry it).
//!
//! Every export takes the store and a selection of rows (in date order), so the page exports
//! exactly what it shows. A package export keeps the documents, places (with the places they lie
//! within) and actors the selected events use, and the relations between selected events.

mod citations;
mod csv;
mod geojson;
mod html;
mod package;
#[cfg(feature = "importers")]
pub mod synth;

pub use citations::citations;
pub use csv::{csv, csv_header, csv_lines};
pub use geojson::geojson;
pub use html::{html, HtmlOptions};
pub use package::{package_json, selection};

use crate::engine::store::Store;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A Dateline package (JSON).
    Package,
    /// CSV with ACLED's 31 columns, then Dateline's own.
    Csv,
    /// A GeoJSON FeatureCollection of the events that have coordinates.
    GeoJson,
    /// Plain text: each event with its date and sources.
    Citations,
}

impl ExportFormat {
    /// Every export format.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Package,
        ExportFormat::Csv,
        ExportFormat::GeoJson,
        ExportFormat::Citations,
    ];

    /// The name used by options and the CLI's `--to`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Package => "package",
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Citations => "citations",
        }
    }

    /// The format named `name`.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Package => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Citations => "txt",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Package => "application/json",
            ExportFormat::Csv => "text/csv",
            ExportFormat::GeoJson => "application/geo+json",
            ExportFormat::Citations => "text/plain",
        }
    }
}

/// Writes the selected rows in `format`.
pub fn export(store: &Store, rows: &[u32], format: ExportFormat) -> String {
    match format {
        ExportFormat::Package => package_json(&selection(store, rows)),
        ExportFormat::Csv => csv(store, rows),
        ExportFormat::GeoJson => geojson(store, rows),
        ExportFormat::Citations => citations(store, rows),
    }
}
