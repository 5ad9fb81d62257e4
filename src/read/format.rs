//! The data formats Dateline reads, and how a file's first bytes tell which it is.

/// The data formats Dateline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Dateline package (JSON).
    Package,
    /// A TimelineJS timeline (JSON).
    TimelineJs,
    /// A TimelineJS sheet published as CSV.
    TimelineJsSheet,
    /// An ACLED export (CSV).
    Acled,
    /// A UCDP GED export (CSV).
    Ucdp,
    /// Any other CSV with a header.
    Csv,
}

impl Format {
    /// Every format, by name.
    pub const ALL: [Format; 6] = [
        Format::Package,
        Format::TimelineJs,
        Format::TimelineJsSheet,
        Format::Acled,
        Format::Ucdp,
        Format::Csv,
    ];

    /// The name used by the `format` option.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Package => "package",
            Format::TimelineJs => "timelinejs",
            Format::TimelineJsSheet => "timelinejs-sheet",
            Format::Acled => "acled",
            Format::Ucdp => "ucdp",
            Format::Csv => "csv",
        }
    }

    /// The format in words: "an ACLED export".
    pub fn description(self) -> &'static str {
        match self {
            Format::Package => "a Dateline package",
            Format::TimelineJs => "a TimelineJS timeline",
            Format::TimelineJsSheet => "a TimelineJS sheet",
            Format::Acled => "an ACLED export",
            Format::Ucdp => "a UCDP GED export",
            Format::Csv => "a CSV file",
        }
    }

    /// The format named `name`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// Guesses the format from the first bytes: JSON with a `dateline` key is a package, other
    /// JSON with TimelineJS's keys is a TimelineJS timeline; a CSV header with ACLED's, UCDP's or
    /// TimelineJS's columns is that, and any other text with a delimited header is plain CSV.
    /// `None` when nothing fits (an HTML page, binary data, an empty file).
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('{') || head.starts_with('[') {
            let has = |key: &str| memchr::memmem::find(head.as_bytes(), key.as_bytes()).is_some();
            let timeline = !has("\"dateline\"") && (has("\"start_date\"") || has("\"headline\""));
            return Some(if timeline {
                Format::TimelineJs
            } else {
                Format::Package
            });
        }
        if head.is_empty() || head.starts_with('<') || head.contains('\0') {
            return None;
        }
        // The first line ends at any line break, as a record does.
        let header = head
            .split(['\n', '\r'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let names: Vec<&str> = header
            .split([',', ';', '\t'])
            .map(|n| n.trim().trim_matches('"').trim())
            .collect();
        if ACLED_SIGNATURE.iter().all(|c| names.contains(c)) {
            Some(Format::Acled)
        } else if UCDP_SIGNATURE.iter().all(|c| names.contains(c)) {
            Some(Format::Ucdp)
        } else if SHEET_SIGNATURE.iter().all(|c| names.contains(c))
            && SHEET_DATES.iter().any(|c| names.contains(c))
        {
            Some(Format::TimelineJsSheet)
        } else if names.len() > 1 {
            Some(Format::Csv)
        } else {
            None
        }
    }

    /// True when this build of the engine reads the format: every format with the `importers`
    /// feature, else only packages.
    pub fn is_read(self) -> bool {
        cfg!(feature = "importers") || self == Format::Package
    }
}

/// The columns that mark a CSV file as an ACLED export.
pub const ACLED_SIGNATURE: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
];

/// The columns that mark a CSV file as a UCDP GED export.
pub const UCDP_SIGNATURE: &[&str] = &["id", "date_start", "date_end", "best", "side_a", "side_b"];

/// The columns that mark a CSV file as a TimelineJS sheet (current template, or older sheets
/// with Start Date).
pub const SHEET_SIGNATURE: &[&str] = &["headline", "text"];
const SHEET_DATES: &[&str] = &["year", "start date"];

#[cfg(feature = "importers")]
use super::loaded::Loaded;
#[cfg(feature = "importers")]
use super::table;
#[cfg(feature = "importers")]
use crate::model::problem::Severity;

/// Reports the columns of `signature` that a file read as `format` lacks.
#[cfg(feature = "importers")]
pub(super) fn check_signature(
    format: Format,
    signature: &[&str],
    columns: &table::Columns,
    loaded: &mut Loaded,
) {
    let missing: Vec<&str> = signature
        .iter()
        .copied()
        .filter(|c| !columns.has(c))
        .collect();
    if !missing.is_empty() {
        let what = format.description();
        loaded.report(
            Severity::Error,
            "header".into(),
            1,
            1,
            format!("{what} needs the columns {}", missing.join(", ")),
        );
    }
}
