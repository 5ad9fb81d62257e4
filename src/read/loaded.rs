//! What a reader made of a file: the package, its problems, and the events a reader kept in
//! the file; and text decoded with every byte that is not UTF-8 reported.

use crate::columns::facts::Facts;
use crate::columns::ids::IdIndex;
use crate::json::LineIndex;
use crate::model::problem::{Problem, Severity};
use crate::model::text::plural;
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
    pub(crate) ids: Option<IdIndex>,
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
    /// Reads the rows from `source` from now on, in place of the file they were read from:
    /// the same bytes held elsewhere (the file on disk, where the page held them in memory).
    /// False, and nothing changed, when `source` is not as long as the file.
    fn read_from(&mut self, source: std::rc::Rc<dyn super::source::Source>) -> bool;
    /// The bytes it holds on the heap, the file's own bytes left out (they are where the page
    /// holds them, or on disk).
    fn heap_bytes(&self) -> usize;
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
            message: {
                let more = bad.len() - MAX_ENCODING_REPORTS;
                format!(
                    "{more} more {} not valid UTF-8",
                    plural(more, "byte is", "bytes are")
                )
            },
        });
    }
    std::borrow::Cow::Owned(text)
}
