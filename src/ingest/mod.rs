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

use std::rc::Rc;

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
    pub(crate) ids: Option<crate::ids::IdIndex>,
    /// Set when the events stay in the file they were read from (`package.events` is then
    /// empty): the file's rows, and the store's facts about each event, gathered while reading.
    pub(crate) file: Option<Box<(FileRows, Facts)>>,
}

/// The events of an ACLED export kept as the file's rows: the file, where each event's record
/// starts, and an import that reads a record again into its event. An event is a few hundred
/// bytes of text where the same event made whole takes about a kilobyte and a half, so a large
/// export takes a third of the memory and loads without making a million events; a card, a list
/// or an export makes the events it shows, each in a few microseconds.
#[derive(Clone)]
pub struct FileRows {
    source: Rc<dyn Source>,
    delimiter: u8,
    starts: Vec<u32>,
    /// Each event's kind (its type columns and place), whose title is `titles[kind]`, or
    /// `acled::NO_KIND`.
    kinds: Vec<u32>,
    titles: Vec<Box<str>>,
    import: std::cell::RefCell<acled::Import>,
}

impl std::fmt::Debug for FileRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileRows")
            .field("bytes", &self.source.len())
            .field("events", &self.starts.len())
            .finish()
    }
}

impl FileRows {
    /// The rows of `source` that an import kept, with the store's facts about them.
    fn new(
        source: Rc<dyn Source>,
        delimiter: u8,
        kept: acled::Keeping,
        replay: acled::Import,
    ) -> (FileRows, Facts) {
        let acled::Keeping {
            starts,
            facts,
            kinds,
            titles,
            ..
        } = kept;
        let rows = FileRows {
            source,
            delimiter,
            starts,
            kinds,
            titles,
            import: std::cell::RefCell::new(replay),
        };
        (rows, facts)
    }

    /// How many events.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The event numbered `index`, made again from its record: the bytes from where its record
    /// starts to where the next event's does.
    pub fn event(&self, index: usize) -> Event {
        self.again(index, acled::Import::event_again)
    }

    /// The title of the event numbered `index` when a list can show it from the store's
    /// columns and this title alone: its kind's, for an event dated as ISO writes dates.
    pub fn kind_title(&self, index: usize) -> Option<&str> {
        let kind = *self.kinds.get(index)?;
        self.titles.get(kind as usize).map(|t| &**t)
    }

    /// What a list shows of the event numbered `index` (see [`acled::Import::brief_again`]):
    /// cheaper to make again than the whole event.
    pub fn brief(&self, index: usize) -> Event {
        self.again(index, acled::Import::brief_again)
    }

    fn again(
        &self,
        index: usize,
        make: impl FnOnce(&mut acled::Import, &crate::csv::Record<'_>) -> Option<Event>,
    ) -> Event {
        let start = self.starts[index] as usize;
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.source.len(), |&s| s as usize);
        let mut bytes = vec![0; end.saturating_sub(start)];
        // Bytes no longer there read as no record.
        let whole = self.source.read(start, &mut bytes);
        let text = if whole {
            std::str::from_utf8(&bytes).unwrap_or_default()
        } else {
            ""
        };
        let mut reader = crate::csv::Reader::starting_at(text, self.delimiter, 0);
        reader
            .next_record()
            .and_then(|record| make(&mut self.import.borrow_mut(), &record))
            // Every kept record was read once already, and its bytes were UTF-8; this guards
            // against a file changed since, as a page's copy could be.
            .unwrap_or_else(|| Event {
                title: "(this row could not be read again)".into(),
                event_type: "other".into(),
                ..Event::default()
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
/// the file at a time, and keeps its events as the file's rows (see [`FileRows`]); other formats
/// are read whole when the reading starts. The events, problems and summary are those
/// [`read_with`] gives.
pub struct Reading {
    /// The text being read: a window of the file from byte `base`, or all of it.
    text: String,
    base: usize,
    /// The file, when the text is a window of it.
    source: Option<Rc<dyn Source>>,
    /// The first byte of the file after the text, and the bytes read past the text (the start
    /// of a character the window cut).
    next: usize,
    cut_char: Vec<u8>,
    /// The bytes of the last window, as read.
    buffer: Vec<u8>,
    window: usize,
    name: String,
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

/// A window that ends in bytes that are not UTF-8: the file is then decoded whole.
struct NotUtf8;

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
        let mut reading = Reading {
            window: window.max(1),
            name: options.name.clone(),
            ..Reading::empty()
        };
        if format != Some(Format::Acled) {
            let mut bytes = vec![0; source.len()];
            let _ = source.read(0, &mut bytes);
            reading.stage = Some(Stage::Done(read_with(&bytes, options)));
            return reading;
        }
        // Rows are found by 32-bit offsets: a larger file makes its events whole.
        let keep = u32::try_from(source.len()).is_ok();
        let mut loaded = Loaded::default();
        reading.source = Some(source);
        // The first window holds the header whole: it ends before the window does (a quote
        // never closed in it runs to the end of the file).
        let table = loop {
            let table = table::Table::read(&reading.text);
            if table.offset() < reading.text.len() || reading.next == reading.len() {
                break table.suspend();
            }
            if reading.extend().is_err() {
                return reading.whole(options);
            }
        };
        let table = table::Table::resume(&reading.text, table);
        check_signature(
            Format::Acled,
            acled::SIGNATURE,
            &table::Columns::new(&table.header),
            &mut loaded,
        );
        let import = Box::new(acled::Import::new(&table.header, &options.name, keep));
        reading.stage = Some(Stage::Acled {
            table: table.suspend(),
            import,
            loaded,
        });
        reading
    }

    /// The file's length.
    fn len(&self) -> usize {
        self.source.as_ref().map_or(self.text.len(), |s| s.len())
    }

    /// Adds the next window's bytes to the text; `NotUtf8` when they are not UTF-8.
    fn extend(&mut self) -> Result<(), NotUtf8> {
        let Some(source) = &self.source else {
            return Ok(());
        };
        let to = self.next.saturating_add(self.window).min(source.len());
        // The buffer keeps its size from window to window: it is not cleared again each time.
        let (cut, fresh) = (self.cut_char.len(), to - self.next);
        if self.buffer.len() < cut + fresh {
            self.buffer.resize(cut + fresh, 0);
        }
        let bytes = &mut self.buffer[..cut + fresh];
        bytes[..cut].copy_from_slice(&self.cut_char);
        let _ = source.read(self.next, &mut bytes[cut..]);
        self.next = to;
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            // A character cut by the window's end waits for the next window.
            Err(e) if e.error_len().is_none() && to < source.len() => e.valid_up_to(),
            Err(_) => return Err(NotUtf8),
        };
        self.cut_char = bytes[valid..].to_vec();
        self.text
            .push_str(std::str::from_utf8(&bytes[..valid]).map_err(|_| NotUtf8)?);
        Ok(())
    }

    /// Starts again with the whole file, decoded with every byte that is not UTF-8 reported.
    fn whole(self, options: &Options) -> Reading {
        let mut bytes = Vec::new();
        if let Some(source) = &self.source {
            bytes.resize(source.len(), 0);
            let _ = source.read(0, &mut bytes);
        }
        let mut problems = Vec::new();
        let text = decode_utf8(&bytes, &mut problems).into_owned();
        drop(bytes);
        let mut reading = Reading::with_window(Rc::new(text.into_bytes()), options, usize::MAX);
        if let Some(Stage::Acled { loaded, .. }) = &mut reading.stage {
            loaded.problems.splice(0..0, problems);
        }
        reading
    }

    /// Reads up to `records` more records; true when the file is read.
    pub fn step(&mut self, records: usize) -> bool {
        let (mut table, mut import, mut loaded) = match self.stage.take() {
            Some(Stage::Acled {
                table,
                import,
                loaded,
            }) => (table, import, loaded),
            done => {
                self.stage = done;
                return true;
            }
        };
        let mut left = records.max(1);
        loop {
            let window = acled::Window {
                base: self.base,
                rest: self.len() - self.next + self.cut_char.len(),
            };
            let mut t = table::Table::resume(&self.text, table);
            let (read, cut) = import.records(&mut t, &mut loaded, left, window);
            left -= read;
            match cut {
                // A record may run past the window: the text from it on, and the next window.
                Some((at, line)) => {
                    table = t.suspend();
                    table.rebase(line);
                    self.text.drain(..at);
                    self.base += at;
                    if self.extend().is_err() {
                        let options = Options {
                            format: Some(Format::Acled),
                            name: self.name.clone(),
                            ..Options::default()
                        };
                        *self = std::mem::replace(self, Reading::empty()).whole(&options);
                        return false;
                    }
                    if left == 0 {
                        self.stage = Some(Stage::Acled {
                            table,
                            import,
                            loaded,
                        });
                        return false;
                    }
                }
                None if left == 0 => {
                    self.stage = Some(Stage::Acled {
                        table: t.suspend(),
                        import,
                        loaded,
                    });
                    return false;
                }
                None => {
                    let delimiter = t.delimiter();
                    let kept = import.finish(&mut loaded);
                    t.finish(&mut loaded);
                    in_file_order(&mut loaded);
                    if let (Some((kept, replay)), Some(source)) = (kept, self.source.take()) {
                        loaded.file =
                            Some(Box::new(FileRows::new(source, delimiter, *kept, replay)));
                    }
                    self.text = String::new();
                    self.stage = Some(Stage::Done(loaded));
                    return true;
                }
            }
        }
    }

    /// A reading of nothing, for a moment.
    fn empty() -> Reading {
        Reading {
            text: String::new(),
            base: 0,
            source: None,
            next: 0,
            cut_char: Vec::new(),
            buffer: Vec::new(),
            window: 1,
            name: String::new(),
            stage: None,
        }
    }

    /// How much of the file is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        match &self.stage {
            Some(Stage::Acled { table, .. }) if self.len() > 0 => {
                (self.base + table.offset()) as f64 / self.len() as f64
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
