//! CSV files as tables: a header, records, and fields looked up by column name.

use crate::Map;

use super::loaded::Loaded;
use crate::model::problem::Severity;
use crate::model::text::plural;
use crate::read::csv::{self, Record};

/// A CSV file read as a header and then one record at a time, so a large file never holds all
/// its records at once. Problems wait in the table until [`Table::finish`] reports them.
pub(super) struct Table<'t> {
    /// Column names as written (trimmed).
    pub header: Vec<String>,
    reader: csv::Reader<'t>,
    problems: Vec<(u32, u32, String)>,
}

impl<'t> Table<'t> {
    /// Starts reading `text`: its header.
    pub fn read(text: &'t str) -> Table<'t> {
        let mut reader = csv::Reader::new(text, csv::detect_delimiter(text));
        let header: Vec<String> = reader
            .next()
            .map(|r| {
                r.fields
                    .into_iter()
                    .map(|f| f.value.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        Table {
            header,
            reader,
            problems: Vec::new(),
        }
    }

    /// Stops reading, keeping its place (see [`csv::Reader::suspend`]).
    pub fn suspend(self) -> TableState {
        TableState {
            header: self.header,
            reader: self.reader.suspend(),
            problems: self.problems,
        }
    }

    /// Goes on reading `text`, the text it was reading when it stopped.
    pub fn resume(text: &'t str, state: TableState) -> Table<'t> {
        Table {
            header: state.header,
            reader: csv::Reader::resume(text, state.reader),
            problems: state.problems,
        }
    }

    /// How many bytes of the text it has read.
    pub fn offset(&self) -> usize {
        self.reader.offset()
    }

    /// The delimiter between fields.
    pub fn delimiter(&self) -> u8 {
        self.reader.delimiter()
    }

    /// The line it is on.
    pub fn line(&self) -> u32 {
        self.reader.line()
    }

    /// How long the text is.
    pub fn len(&self) -> usize {
        self.reader.offset() + self.reader.remaining()
    }

    /// How many problems it has met so far: to take back those of a record read again.
    pub fn problem_count(&self) -> (usize, usize) {
        (self.problems.len(), self.reader.problems.len())
    }

    /// Forgets the problems met since `problem_count` gave `count`.
    pub fn forget_problems(&mut self, count: (usize, usize)) {
        self.problems.truncate(count.0);
        self.reader.problems.truncate(count.1);
    }

    /// How many bytes of the text are left to read.
    pub fn remaining(&self) -> usize {
        self.reader.remaining()
    }

    /// Reports the CSV problems, and rows whose field count differs from the header's.
    pub fn finish(self, loaded: &mut Loaded) {
        for (line, column, message) in self.problems {
            loaded.report(
                Severity::Warning,
                format!("line {line}"),
                line,
                column,
                message,
            );
        }
        for p in self.reader.problems {
            loaded.report(
                Severity::Error,
                format!("line {}", p.line),
                p.line,
                p.column,
                p.message,
            );
        }
    }
}

/// Where a [`Table`] stopped, without its text.
pub(super) struct TableState {
    pub header: Vec<String>,
    reader: csv::ReaderState,
    problems: Vec<(u32, u32, String)>,
}

impl TableState {
    /// How many bytes of the text it has read.
    pub fn offset(&self) -> usize {
        self.reader.offset()
    }

    /// Goes on over a new text that starts at a record on line `line` (see
    /// [`csv::ReaderState::rebase`]).
    pub fn rebase(&mut self, line: u32) {
        self.reader.rebase(line);
    }
}

impl<'t> Iterator for Table<'t> {
    type Item = Record<'t>;

    fn next(&mut self) -> Option<Record<'t>> {
        let record = self.reader.next()?;
        let header = self.header.len();
        if record.fields.len() != header
            && !(record.fields.len() == 1 && record.fields[0].value.trim().is_empty())
        {
            let (kind, last) = if record.fields.len() > header {
                ("more", header)
            } else {
                ("fewer", record.fields.len())
            };
            let at = record
                .fields
                .get(last.saturating_sub(1))
                .map_or(1, |f| f.column());
            self.problems.push((
                record.line,
                at,
                format!(
                    "this row has {} {} where the header has {header}: {kind} than expected; missing fields are read as empty, extra ones ignored",
                    record.fields.len(),
                    plural(record.fields.len(), "field", "fields")
                ),
            ));
        }
        Some(record)
    }
}

/// Column positions by name, matched case-insensitively.
#[derive(Clone)]
pub(super) struct Columns {
    index: Map<String, usize>,
}

impl Columns {
    pub fn new(header: &[String]) -> Columns {
        let mut index = Map::default();
        for (i, name) in header.iter().enumerate() {
            index.entry(name.to_ascii_lowercase()).or_insert_with(|| i);
        }
        Columns { index }
    }

    /// The position of the column of this name, if there is one: for reading many rows
    /// without looking the name up in each.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.index
            .get(name)
            .or_else(|| self.index.get(&name.to_ascii_lowercase()))
            .copied()
    }

    /// True when a column of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(name) || self.index.contains_key(&name.to_ascii_lowercase())
    }

    /// A view of one record through these columns.
    pub fn row<'r>(&'r self, record: &'r Record<'_>) -> Row<'r> {
        Row {
            columns: self,
            record,
        }
    }
}

/// One record, with fields looked up by column name.
pub(super) struct Row<'r> {
    columns: &'r Columns,
    record: &'r Record<'r>,
}

impl Row<'_> {
    fn field(&self, name: &str) -> Option<&csv::Field<'_>> {
        // Names in the code are lower case already: no allocation per lookup.
        let index = match self.columns.index.get(name) {
            Some(i) => Some(i),
            None if name.bytes().any(|b| b.is_ascii_uppercase()) => {
                self.columns.index.get(&name.to_ascii_lowercase())
            }
            None => None,
        };
        index.and_then(|&i| self.record.fields.get(i))
    }

    /// The field's value; empty when the column or the field is missing.
    pub fn get(&self, name: &str) -> &str {
        self.field(name).map_or("", |f| &f.value)
    }

    /// The value of the field at a column's position (see [`Columns::position`]); empty when
    /// there is no such column or field.
    pub fn at(&self, position: Option<usize>) -> &str {
        position
            .and_then(|i| self.record.fields.get(i))
            .map_or("", |f| &f.value)
    }

    /// The line the record starts on.
    pub fn line(&self) -> u32 {
        self.record.line
    }

    /// The field's line and column.
    pub fn position(&self, name: &str) -> Option<(u32, u32)> {
        self.field(name).map(|f| (f.line, f.column()))
    }

    /// Reports a problem with the field of column `name` (path `line N, name`), at the field
    /// or, when the row has no such field, at the row's start.
    pub fn report(&self, loaded: &mut Loaded, severity: Severity, name: &str, message: String) {
        let line = self.record.line;
        let (l, col) = self.position(name).unwrap_or((line, 0));
        loaded.report(severity, format!("line {line}, {name}"), l, col, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_read_by_position_is_the_field_read_by_name() {
        let text = "Event_ID_CNTY,notes,notes\nA1,first\nA2\n";
        let mut table = Table::read(text);
        let columns = Columns::new(&table.header);
        let (id, notes) = (columns.position("event_id_cnty"), columns.position("NOTES"));
        assert_eq!(
            (id, notes),
            (Some(0), Some(1)),
            "the first of a repeated name"
        );
        assert_eq!(columns.position("fatalities"), None);
        let first = table.next().unwrap();
        let row = columns.row(&first);
        assert_eq!((row.at(id), row.at(notes)), ("A1", "first"));
        assert_eq!(
            (row.get("event_id_cnty"), row.get("notes")),
            ("A1", "first")
        );
        assert_eq!(row.at(None), "");
        // A short row: the missing field reads as empty, as by name.
        let second = table.next().unwrap();
        let row = columns.row(&second);
        assert_eq!(
            (row.at(id), row.at(notes), row.get("notes")),
            ("A2", "", "")
        );
    }
}
