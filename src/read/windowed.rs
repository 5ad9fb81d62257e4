//! Reading an ACLED export a window at a time, keeping its events as the rows of the file.
//!
//! A large export is read in steps (so a page stays responsive and shows how far it got), and
//! never copied whole: each window of the file is read where the page holds it, a record that a
//! window cuts is read again with the next, and what the store needs of each event is gathered
//! while reading (see [`acled::Keeping`]). The events stay in the file ([`FileRows`]) and are
//! made again when a card, a list or an export asks for them.

use std::rc::Rc;

use super::format::{check_signature, Format, ACLED_SIGNATURE};
use super::loaded::{decode_utf8, KeptRows, Loaded};
use super::options::Options;
use super::row_starts::RowStarts;
use super::source::Source;
use super::{acled, table};
use crate::columns::facts::Facts;
use crate::model::Event;

/// The events of an ACLED export kept as the file's rows: the file, where each event's record
/// starts, and an import that reads a record again into its event. An event is a few hundred
/// bytes of text where the same event made whole takes about a kilobyte and a half, so a large
/// export takes a third of the memory and loads without making a million events; a card, a list
/// or an export makes the events it shows, each in a few microseconds.
#[derive(Clone)]
pub struct FileRows {
    source: Rc<dyn Source>,
    delimiter: u8,
    starts: RowStarts,
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

    fn again(
        &self,
        index: usize,
        make: impl FnOnce(&mut acled::Import, &crate::read::csv::Record<'_>) -> Option<Event>,
    ) -> Event {
        let start = self.starts.get(index).unwrap_or(u64::MAX);
        let end = self
            .starts
            .get(index + 1)
            .unwrap_or_else(|| self.source.len());
        // Each record was read into memory whole once, so its length is a `usize`; an empty
        // one reads as no record.
        let mut bytes = vec![0; usize::try_from(end.saturating_sub(start)).unwrap_or(0)];
        // Bytes no longer there read as no record.
        let whole = self.source.read(start, &mut bytes);
        let text = if whole {
            std::str::from_utf8(&bytes).unwrap_or_default()
        } else {
            ""
        };
        let mut reader = crate::read::csv::Reader::starting_at(text, self.delimiter, 0);
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

impl KeptRows for FileRows {
    /// How many events.
    fn len(&self) -> usize {
        self.starts.len()
    }

    /// The event numbered `index`, made again from its record: the bytes from where its record
    /// starts to where the next event's does.
    fn event(&self, index: usize) -> Event {
        self.again(index, acled::Import::event_again)
    }

    /// The title of the event numbered `index` when a list can show it from the store's
    /// columns and this title alone: its kind's, for an event dated as ISO writes dates.
    fn kind_title(&self, index: usize) -> Option<&str> {
        let kind = *self.kinds.get(index)?;
        self.titles.get(kind as usize).map(|t| &**t)
    }

    /// What a list shows of the event numbered `index` (see [`acled::Import::brief_again`]):
    /// cheaper to make again than the whole event.
    fn brief(&self, index: usize) -> Event {
        self.again(index, acled::Import::brief_again)
    }

    fn read_from(&mut self, source: Rc<dyn Source>) -> bool {
        let same = source.len() == self.source.len();
        if same {
            self.source = source;
        }
        same
    }

    fn heap_bytes(&self) -> usize {
        use crate::columns::heap_bytes;
        self.starts.heap_bytes()
            + heap_bytes(&self.kinds)
            + heap_bytes(&self.titles)
            + self.titles.iter().map(|t| t.len()).sum::<usize>()
    }
}

/// An ACLED export being read a given number of records per step, a window of the file at a
/// time, keeping its events as the file's rows (see [`FileRows`]).
pub(super) struct Windowed {
    /// The text being read: a window of the file from byte `base`, or all of it.
    text: String,
    base: u64,
    /// The file, when the text is a window of it.
    source: Option<Rc<dyn Source>>,
    /// The first byte of the file after the text, and the bytes read past the text (the start
    /// of a character the window cut).
    next: u64,
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

impl Windowed {
    /// Starts reading an ACLED export, a window of at least `window` bytes at a time.
    pub(super) fn new(source: Rc<dyn Source>, options: &Options, window: usize) -> Windowed {
        let mut reading = Windowed {
            window: window.max(1),
            name: options.name.clone(),
            ..Windowed::empty()
        };
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
            ACLED_SIGNATURE,
            &table::Columns::new(&table.header),
            &mut loaded,
        );
        let import = Box::new(acled::Import::new(&table.header, &options.name, true));
        reading.stage = Some(Stage::Acled {
            table: table.suspend(),
            import,
            loaded,
        });
        reading
    }

    /// The file's length.
    fn len(&self) -> u64 {
        self.source
            .as_ref()
            .map_or(self.text.len() as u64, |s| s.len())
    }

    /// Adds the next window's bytes to the text; `NotUtf8` when they are not UTF-8.
    fn extend(&mut self) -> Result<(), NotUtf8> {
        let Some(source) = &self.source else {
            return Ok(());
        };
        let to = self
            .next
            .saturating_add(self.window as u64)
            .min(source.len());
        // The buffer keeps its size from window to window: it is not cleared again each time.
        // A window is at most `self.window` bytes, so its length is a `usize`.
        let (cut, fresh) = (self.cut_char.len(), (to - self.next) as usize);
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
        // Exactly: a text grown by doubling would hold twice the window.
        self.text.reserve_exact(valid);
        self.text
            .push_str(std::str::from_utf8(&bytes[..valid]).map_err(|_| NotUtf8)?);
        Ok(())
    }

    /// Starts again with the whole file, decoded with every byte that is not UTF-8 reported.
    fn whole(self, options: &Options) -> Windowed {
        let bytes = match &self.source {
            Some(source) => super::source::whole(&**source),
            None => Ok(Vec::new()),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(problem) => {
                let loaded = Loaded {
                    problems: vec![problem],
                    ..Loaded::default()
                };
                return Windowed {
                    stage: Some(Stage::Done(loaded)),
                    ..Windowed::empty()
                };
            }
        };
        let mut problems = Vec::new();
        let text = decode_utf8(&bytes, &mut problems).into_owned();
        drop(bytes);
        let mut reading = Windowed::new(Rc::new(text.into_bytes()), options, usize::MAX);
        if let Some(Stage::Acled { loaded, .. }) = &mut reading.stage {
            loaded.problems.splice(0..0, problems);
        }
        reading
    }

    /// Reads up to `records` more records; true when the file is read.
    pub(super) fn step(&mut self, records: usize) -> bool {
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
                rest: self.len() - self.next + self.cut_char.len() as u64,
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
                    self.base += at as u64;
                    if self.extend().is_err() {
                        let options = Options {
                            format: Some(Format::Acled),
                            name: self.name.clone(),
                            ..Options::default()
                        };
                        *self = std::mem::replace(self, Windowed::empty()).whole(&options);
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
                    crate::model::problem::in_file_order(&mut loaded.problems);
                    if let (Some((kept, replay)), Some(source)) = (kept, self.source.take()) {
                        let (rows, facts) = FileRows::new(source, delimiter, *kept, replay);
                        loaded.file = Some(Box::new((Box::new(rows), facts)));
                    }
                    self.text = String::new();
                    self.stage = Some(Stage::Done(loaded));
                    return true;
                }
            }
        }
    }

    /// A reading of nothing, for a moment.
    fn empty() -> Windowed {
        Windowed {
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
    pub(super) fn progress(&self) -> f64 {
        match &self.stage {
            Some(Stage::Acled { table, .. }) if self.len() > 0 => {
                (self.base + table.offset() as u64) as f64 / self.len() as f64
            }
            Some(Stage::Acled { .. }) => 0.0,
            _ => 1.0,
        }
    }

    /// How many events are read so far.
    pub(super) fn events(&self) -> usize {
        match &self.stage {
            Some(Stage::Acled { import, .. }) => import.events(),
            Some(Stage::Done(loaded)) => loaded.events(),
            None => 0,
        }
    }

    /// What was read: the rest of the file is read first.
    pub(super) fn finish(mut self) -> Loaded {
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
