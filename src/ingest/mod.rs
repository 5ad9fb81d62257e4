//! Reading data files into a [`Package`] and a list of [`Problem`]s.
//!
//! Readers never stop at the first problem and never panic on input: a broken item is skipped
//! or repaired and reported, and everything else loads. [`read`] detects the format from the
//! content (see [`Format`]) unless told which it is.

pub(crate) mod acled;
mod builder;
mod gazetteer;
mod package;
mod plain_csv;
mod table;
mod timelinejs;
mod ucdp;

pub use gazetteer::Gazetteer;
pub use plain_csv::{parse_loose_date, ROLES as CSV_COLUMN_ROLES};

pub use package::read_package;

use crate::hash::FastMap;
use crate::json::LineIndex;
use crate::model::{Event, Package};
use crate::problem::{Problem, Severity};
use crate::store::Facts;

/// What a reader made of a file.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Everything that could be loaded.
    pub package: Package,
    /// Everything that was wrong, in file order.
    pub problems: Vec<Problem>,
    /// For imports: how many rows loaded ("1,203 rows loaded; 4 skipped: line 17, …").
    pub summary: Option<String>,
    /// Each event's index in `package.events` by id, when the reader kept one of every event
    /// while checking that ids are unique: the store takes it instead of building another.
    pub(crate) ids: Option<FastMap<String, u32>>,
    /// Set when the events stay in the file they were read from (`package.events` is then
    /// empty): the file's rows, and the store's facts about each event, gathered while reading.
    pub(crate) file: Option<Box<(FileRows, Facts)>>,
}

/// The events of an ACLED export kept as the file's rows: the text, where each event's record
/// starts, and an import that reads a record again into its event. An event is a few hundred
/// bytes of text where the same event made whole takes about a kilobyte and a half, so a large
/// export takes a third of the memory and loads without making a million events; a card, a list
/// or an export makes the events it shows, each in a few microseconds.
#[derive(Clone)]
pub struct FileRows {
    text: String,
    delimiter: u8,
    starts: Vec<u32>,
    import: std::cell::RefCell<acled::Import>,
}

impl std::fmt::Debug for FileRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileRows")
            .field("bytes", &self.text.len())
            .field("events", &self.starts.len())
            .finish()
    }
}

impl FileRows {
    /// How many events.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The event numbered `index`, made again from its record.
    pub fn event(&self, index: usize) -> Event {
        let start = self.starts[index] as usize;
        let mut reader = crate::csv::Reader::starting_at(&self.text, self.delimiter, start);
        reader
            .next_record()
            .and_then(|record| self.import.borrow_mut().event_again(&record))
            // Every kept record was read once already; this is only a guard.
            .unwrap_or_else(|| Event {
                id: String::new(),
                title: "(this row could not be read again)".into(),
                event_type: "other".into(),
                date: None,
                place: None,
                place_note: None,
                actors: Vec::new(),
                figures: Vec::new(),
                sources: Vec::new(),
                relations: Vec::new(),
                summary: None,
                note: None,
                tags: Vec::new(),
                links: Vec::new(),
                draft: None,
            })
    }
}

impl Loaded {
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
            let timeline = !head.contains("\"dateline\"")
                && (head.contains("\"start_date\"") || head.contains("\"headline\""));
            return Some(if timeline {
                Format::TimelineJs
            } else {
                Format::Package
            });
        }
        if head.is_empty() || head.starts_with('<') || head.contains('\0') {
            return None;
        }
        let header = head.lines().next().unwrap_or("").to_ascii_lowercase();
        let names: Vec<&str> = header
            .split([',', ';', '\t'])
            .map(|n| n.trim().trim_matches('"').trim())
            .collect();
        if acled::SIGNATURE.iter().all(|c| names.contains(c)) {
            Some(Format::Acled)
        } else if ucdp::SIGNATURE.iter().all(|c| names.contains(c)) {
            Some(Format::Ucdp)
        } else if timelinejs::is_sheet(&names) {
            Some(Format::TimelineJsSheet)
        } else if names.len() > 1 {
            Some(Format::Csv)
        } else {
            None
        }
    }
}

/// How to read a file: its format (detected when `None`), its name (for titles), and for plain
/// CSV, which column plays which role (`("date", "Datum")`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The format, or `None` to detect it.
    pub format: Option<Format>,
    /// The file's name.
    pub name: String,
    /// Column roles for plain CSV; see [`CSV_COLUMN_ROLES`].
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
    let name = options.name.as_str();
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
    let mut loaded = Loaded::default();
    let text = decode_utf8(bytes, &mut loaded.problems);
    if format == Format::TimelineJs {
        timelinejs::read_json(&text, &mut loaded, name, &options.gazetteer);
    } else {
        let mut table = table::Table::read(&text);
        let columns = table::Columns::new(&table.header);
        let signature = match format {
            Format::Acled => acled::SIGNATURE,
            Format::Ucdp => ucdp::SIGNATURE,
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
    in_file_order(&mut loaded);
    loaded
}

/// Reports the columns of `signature` that a file read as `format` lacks.
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
        let what = if format == Format::Acled {
            "an ACLED export"
        } else {
            "a UCDP GED export"
        };
        loaded.report(
            Severity::Error,
            "header".into(),
            1,
            1,
            format!("{what} needs the columns {}", missing.join(", ")),
        );
    }
}

/// Puts the problems in file order.
fn in_file_order(loaded: &mut Loaded) {
    loaded
        .problems
        .sort_by_key(|p| (p.line == 0, p.line, p.column));
}

/// A file being read in steps, so a page can stay responsive and show how far it got while a
/// long file is read. An ACLED export is read a given number of records per step; other formats
/// are read whole when the reading starts. The result is the same as [`read_with`]'s.
pub struct Reading {
    text: String,
    stage: Option<Stage>,
}

enum Stage {
    Acled {
        table: table::TableState,
        import: Box<acled::Import>,
        loaded: Loaded,
    },
    Done(Loaded),
}

impl Reading {
    /// Starts reading `bytes` as `options` say.
    pub fn new(bytes: Vec<u8>, options: &Options) -> Reading {
        let format = options.format.or_else(|| Format::detect(&bytes));
        if format != Some(Format::Acled) {
            return Reading {
                text: String::new(),
                stage: Some(Stage::Done(read_with(&bytes, options))),
            };
        }
        let mut loaded = Loaded::default();
        // Valid UTF-8 becomes the text without a copy.
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => decode_utf8(e.as_bytes(), &mut loaded.problems).into_owned(),
        };
        let table = table::Table::read(&text);
        check_signature(
            Format::Acled,
            acled::SIGNATURE,
            &table::Columns::new(&table.header),
            &mut loaded,
        );
        // Rows are found by 32-bit offsets: a larger file makes its events whole.
        let keep = u32::try_from(text.len()).is_ok();
        let import = Box::new(acled::Import::new(&table.header, &options.name, keep));
        let table = table.suspend();
        Reading {
            stage: Some(Stage::Acled {
                table,
                import,
                loaded,
            }),
            text,
        }
    }

    /// Reads up to `records` more records; true when the file is read.
    pub fn step(&mut self, records: usize) -> bool {
        match self.stage.take() {
            Some(Stage::Acled {
                table,
                mut import,
                mut loaded,
            }) => {
                let mut table = table::Table::resume(&self.text, table);
                let read = import.records(&mut table, &mut loaded, records.max(1));
                if read < records.max(1) {
                    let delimiter = table.delimiter();
                    let kept = import.finish(&mut loaded);
                    table.finish(&mut loaded);
                    in_file_order(&mut loaded);
                    let text = std::mem::take(&mut self.text);
                    if let Some((starts, facts, import)) = kept {
                        let rows = FileRows {
                            text,
                            delimiter,
                            starts,
                            import: std::cell::RefCell::new(import),
                        };
                        loaded.file = Some(Box::new((rows, facts)));
                    }
                    self.stage = Some(Stage::Done(loaded));
                    return true;
                }
                self.stage = Some(Stage::Acled {
                    table: table.suspend(),
                    import,
                    loaded,
                });
                false
            }
            done => {
                self.stage = done;
                true
            }
        }
    }

    /// How much of the file is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        match &self.stage {
            Some(Stage::Acled { table, .. }) if !self.text.is_empty() => {
                table.offset() as f64 / self.text.len() as f64
            }
            Some(Stage::Acled { .. }) => 0.0,
            _ => 1.0,
        }
    }

    /// How many events are read so far.
    pub fn events(&self) -> usize {
        match &self.stage {
            Some(Stage::Acled { import, .. }) => import.events(),
            Some(Stage::Done(loaded)) => match &loaded.file {
                Some(file) => file.0.len(),
                None => loaded.package.events.len(),
            },
            None => 0,
        }
    }

    /// What was read: the rest of the file is read first.
    pub fn finish(mut self) -> Loaded {
        // A first batch, so the reader can make room for the rest at once.
        if !self.step(1000) {
            while !self.step(usize::MAX) {}
        }
        match self.stage {
            Some(Stage::Done(loaded)) => loaded,
            _ => Loaded::default(),
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
