//! Reading data files into a [`Package`] and a list of [`Problem`]s.
//!
//! Readers never stop at the first problem and never panic on input: a broken item is skipped
//! or repaired and reported, and everything else loads. [`read`] detects the format from the
//! content (see [`Format`]) unless told which it is.
//!
//! The readers of formats other than Dateline's own packages (the importers) are built with the
//! `importers` feature, on by default. The engine a page downloads first is built without it:
//! it reads packages, and the page fetches the engine with the importers for any other format.

#[cfg(feature = "importers")]
pub(crate) mod acled;
#[cfg(feature = "importers")]
mod builder;
pub mod csv;
mod gazetteer;
pub mod html;
mod package;
#[cfg(feature = "importers")]
mod plain_csv;
#[cfg(feature = "importers")]
mod table;
#[cfg(feature = "importers")]
mod timelinejs;
#[cfg(feature = "importers")]
mod ucdp;
#[cfg(feature = "importers")]
mod windowed;

pub use gazetteer::Gazetteer;
#[cfg(feature = "importers")]
pub use plain_csv::{parse_loose_date, ROLES as CSV_COLUMN_ROLES};
#[cfg(feature = "importers")]
pub use windowed::FileRows;

pub use package::read_package;

use std::rc::Rc;

use crate::columns::facts::Facts;
use crate::json::LineIndex;
use crate::model::problem::{Problem, Severity};
use crate::model::{Event, Package};

/// What a reader made of a file.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Everything that could be loaded.
    pub package: Package,
    /// Everything that was wrong, in file order.
    pub problems: Vec<Problem>,
    /// For imports: how many rows loaded ("1,203 rows loaded; 4 skipped: line 17, …").
    pub summary: Option<String>,
    /// Each event's index in `package.events` by id, when the reader kept one of every event
    /// while checking that ids are unique: the store takes it instead of building another.
    pub(crate) ids: Option<crate::columns::ids::IdIndex>,
    /// Set when the events stay in the file they were read from (`package.events` is then
    /// empty): the file's rows, and the store's facts about each event, gathered while reading.
    pub(crate) file: Option<Box<(Box<dyn KeptRows>, Facts)>>,
}

/// Events kept as the rows of the file they were read from, and made again when asked for (an
/// ACLED export's: see `FileRows`).
pub(crate) trait KeptRows: std::fmt::Debug {
    /// How many events.
    fn len(&self) -> usize;
    /// The event numbered `index`, made again from its row.
    fn event(&self, index: usize) -> Event;
    /// The title of the event numbered `index` when a list can show it from the store's
    /// columns and this title alone.
    fn kind_title(&self, index: usize) -> Option<&str>;
    /// What a list shows of the event numbered `index`: cheaper to make again than the event.
    fn brief(&self, index: usize) -> Event;
}

impl Loaded {
    /// How many events were loaded: kept in the file, or made whole.
    pub(crate) fn events(&self) -> usize {
        match &self.file {
            Some(file) => file.0.len(),
            None => self.package.events.len(),
        }
    }

    /// Records a problem.
    pub(crate) fn report(
        &mut self,
        severity: Severity,
        path: String,
        line: u32,
        column: u32,
        message: String,
    ) {
        self.problems.push(Problem {
            severity,
            path,
            line,
            column,
            message,
        });
    }
}

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

/// Reads a data file in `format`, or in the format [`Format::detect`] finds. `name` names the
/// file in titles and messages.
pub fn read(bytes: &[u8], format: Option<Format>, name: &str) -> Loaded {
    read_with(
        bytes,
        &Options {
            format,
            name: name.to_string(),
            ..Options::default()
        },
    )
}

/// Reads a data file as `options` say.
pub fn read_with(bytes: &[u8], options: &Options) -> Loaded {
    let Some(format) = options.format.or_else(|| Format::detect(bytes)) else {
        let mut loaded = Loaded::default();
        loaded.report(
            Severity::Error,
            String::new(),
            1,
            1,
            "this is not a format Dateline reads: a Dateline package or a TimelineJS timeline (JSON), or a CSV file with a header (ACLED, UCDP, a TimelineJS sheet, or any other)".into(),
        );
        return loaded;
    };
    if format == Format::Package {
        return read_package(bytes);
    }
    imported(bytes, format, options)
}

/// Reads a file in a format other than a package's.
#[cfg(feature = "importers")]
fn imported(bytes: &[u8], format: Format, options: &Options) -> Loaded {
    let name = options.name.as_str();
    let mut loaded = Loaded::default();
    let text = decode_utf8(bytes, &mut loaded.problems);
    if format == Format::TimelineJs {
        timelinejs::read_json(&text, &mut loaded, name, &options.gazetteer);
    } else {
        let mut table = table::Table::read(&text);
        let columns = table::Columns::new(&table.header);
        let signature = match format {
            Format::Acled => ACLED_SIGNATURE,
            Format::Ucdp => UCDP_SIGNATURE,
            _ => &[],
        };
        check_signature(format, signature, &columns, &mut loaded);
        match format {
            Format::Acled => acled::read(&mut table, &mut loaded, name),
            Format::Ucdp => ucdp::read(&mut table, &mut loaded, name),
            Format::TimelineJsSheet => {
                timelinejs::read_sheet(&mut table, &mut loaded, name, &options.gazetteer)
            }
            _ => plain_csv::read(&mut table, &mut loaded, name, &options.columns),
        }
        table.finish(&mut loaded);
    }
    crate::model::problem::in_file_order(&mut loaded.problems);
    loaded
}

/// Without the importers, a file in another format than a package's loads as nothing, with a
/// problem that says which engine reads it.
#[cfg(not(feature = "importers"))]
fn imported(_: &[u8], format: Format, _: &Options) -> Loaded {
    let mut loaded = Loaded::default();
    loaded.report(
        Severity::Error,
        String::new(),
        1,
        1,
        format!(
            "this looks like {}, which this engine does not read: it reads Dateline packages, and the engine with the importers (pkg/dateline_fast.js) reads every format",
            format.description()
        ),
    );
    loaded
}

/// Reports the columns of `signature` that a file read as `format` lacks.
#[cfg(feature = "importers")]
fn check_signature(
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

/// The bytes of a file, read a range at a time. A file kept outside the engine's memory (the
/// page's own copy of it) is read through this a window at a time while it loads, and then a
/// record at a time when an event kept in it is asked for, so it is never copied whole.
pub trait Source {
    /// The file's length in bytes.
    fn len(&self) -> usize;
    /// Fills `into` with the file's bytes from byte `from` on (within its length); false when
    /// some of them are no longer there (the page gave up a chunk), and `into` is not all read.
    fn read(&self, from: usize, into: &mut [u8]) -> bool;
    /// True when the file is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Source for Vec<u8> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn read(&self, from: usize, into: &mut [u8]) -> bool {
        match self.get(from..from + into.len()) {
            Some(bytes) => {
                into.copy_from_slice(bytes);
                true
            }
            None => false,
        }
    }
}

/// The bytes a window of a file being read adds at least each time it moves on.
pub const WINDOW: usize = 4 << 20;

/// A file being read in steps, so a page can stay responsive and show how far it got while a
/// long file is read. An ACLED export is read a given number of records per step, a window of
/// the file at a time, and keeps its events as the file's rows (see `FileRows`); other formats
/// are read whole when the reading starts. The events, problems and summary are those
/// [`read_with`] gives.
pub struct Reading(Stage);

enum Stage {
    Done(Box<Loaded>),
    #[cfg(feature = "importers")]
    Windowed(Box<windowed::Windowed>),
}

impl Reading {
    /// Starts reading `bytes` as `options` say.
    pub fn new(bytes: Vec<u8>, options: &Options) -> Reading {
        Reading::from_source(Rc::new(bytes), options)
    }

    /// Starts reading a file as `options` say, a window of [`WINDOW`] bytes at a time.
    pub fn from_source(source: Rc<dyn Source>, options: &Options) -> Reading {
        Reading::with_window(source, options, WINDOW)
    }

    /// [`Reading::from_source`] with windows of at least `window` bytes: small windows are for
    /// tests of records cut by a window's end.
    pub fn with_window(source: Rc<dyn Source>, options: &Options, window: usize) -> Reading {
        let mut head = vec![0; source.len().min(8192)];
        // A file given up while it is read reads as what could be had.
        let _ = source.read(0, &mut head);
        let format = options.format.or_else(|| Format::detect(&head));
        #[cfg(feature = "importers")]
        if format == Some(Format::Acled) {
            return Reading(Stage::Windowed(Box::new(windowed::Windowed::new(
                source, options, window,
            ))));
        }
        let _ = (format, window);
        let mut bytes = vec![0; source.len()];
        let _ = source.read(0, &mut bytes);
        Reading(Stage::Done(Box::new(read_with(&bytes, options))))
    }

    /// Reads up to `records` more records; true when the file is read.
    #[cfg_attr(not(feature = "importers"), allow(unused_variables))]
    pub fn step(&mut self, records: usize) -> bool {
        match &mut self.0 {
            Stage::Done(_) => true,
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.step(records),
        }
    }

    /// How much of the file is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        match &self.0 {
            Stage::Done(_) => 1.0,
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.progress(),
        }
    }

    /// How many events are read so far.
    pub fn events(&self) -> usize {
        match &self.0 {
            Stage::Done(loaded) => loaded.events(),
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.events(),
        }
    }

    /// What was read: the rest of the file is read first.
    pub fn finish(self) -> Loaded {
        match self.0 {
            Stage::Done(loaded) => *loaded,
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.finish(),
        }
    }
}

/// How many invalid UTF-8 sequences are reported one by one before the rest are counted.
const MAX_ENCODING_REPORTS: usize = 10;

/// Decodes `bytes` as UTF-8, replacing invalid sequences with U+FFFD and reporting each with its
/// line and column.
pub(crate) fn decode_utf8<'b>(
    bytes: &'b [u8],
    problems: &mut Vec<Problem>,
) -> std::borrow::Cow<'b, str> {
    // Valid text is read where it lies: a large file is not copied.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut bad: Vec<(usize, u8)> = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if let Some(&first) = chunk.invalid().first() {
            bad.push((text.len(), first));
            text.push('\u{fffd}');
        }
    }
    let lines = LineIndex::new(&text);
    for &(at, byte) in bad.iter().take(MAX_ENCODING_REPORTS) {
        let (line, column) = lines.position(at);
        let hint = if (0x80..=0x9f).contains(&byte) || byte >= 0xa0 {
            " (the file may be in Windows-1252 or Latin-1; save it as UTF-8)"
        } else {
            ""
        };
        problems.push(Problem {
            severity: Severity::Error,
            path: String::new(),
            line,
            column,
            message: format!("byte 0x{byte:02X} is not valid UTF-8{hint}; it is read as U+FFFD"),
        });
    }
    if bad.len() > MAX_ENCODING_REPORTS {
        problems.push(Problem {
            severity: Severity::Error,
            path: String::new(),
            line: 0,
            column: 0,
            message: format!(
                "{} more bytes are not valid UTF-8",
                bad.len() - MAX_ENCODING_REPORTS
            ),
        });
    }
    std::borrow::Cow::Owned(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACLED: &[u8] = b"event_id_cnty,event_date,event_type,sub_event_type,actor1\nIRQ1,2020-01-08,Battles,Armed clash,Someone\n";

    #[test]
    fn each_format_is_read_by_the_engine_built_with_its_reader() {
        let loaded = read(ACLED, None, "events.csv");
        assert!(Format::Package.is_read());
        if cfg!(feature = "importers") {
            assert!(Format::ALL.iter().all(|f| f.is_read()));
            assert_eq!(loaded.package.events.len(), 1);
        } else {
            assert!(!Format::Acled.is_read() && !Format::Csv.is_read());
            // Nothing is made up: no events, and one problem that says which engine reads it.
            assert!(loaded.package.events.is_empty());
            assert_eq!(loaded.problems.len(), 1);
            assert!(loaded.problems[0]
                .message
                .contains("an ACLED export, which this engine does not read"));
        }
        // Reading in steps gives the same either way.
        let stepped = Reading::new(ACLED.to_vec(), &Options::default()).finish();
        assert_eq!(stepped.problems, loaded.problems);
    }
}
