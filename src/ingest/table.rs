//! CSV files as tables: a header, records, and fields looked up by column name.

use std::collections::HashMap;

use super::Loaded;
use crate::csv::{self, Record};
use crate::problem::Severity;

/// A CSV file split into its header and its records.
pub(super) struct Table<'t> {
    /// Column names as written (trimmed).
    pub header: Vec<String>,
    /// The records after the header.
    pub records: Vec<Record>,
    _text: std::marker::PhantomData<&'t str>,
}

impl<'t> Table<'t> {
    /// Reads `text`, reporting CSV problems and rows whose field count differs from the header's.
    pub fn read(text: &'t str, loaded: &mut Loaded) -> Table<'t> {
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
        let mut records = Vec::new();
        for record in reader.by_ref() {
            if record.fields.len() != header.len()
                && !(record.fields.len() == 1 && record.fields[0].value.trim().is_empty())
            {
                let (kind, last) = if record.fields.len() > header.len() {
                    ("more", header.len())
                } else {
                    ("fewer", record.fields.len())
                };
                let at = record
                    .fields
                    .get(last.saturating_sub(1))
                    .map_or(1, |f| f.column);
                loaded.report(
                    Severity::Warning,
                    format!("line {}", record.line),
                    record.line,
                    at,
                    format!("this row has {} fields where the header has {}: {kind} than expected; missing fields are read as empty, extra ones ignored", record.fields.len(), header.len()),
                );
            }
            records.push(record);
        }
        for p in reader.problems {
            loaded.report(
                Severity::Error,
                format!("line {}", p.line),
                p.line,
                p.column,
                p.message,
            );
        }
        Table {
            header,
            records,
            _text: std::marker::PhantomData,
        }
    }
}

/// Column positions by name, matched case-insensitively.
pub(super) struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    pub fn new(header: &[String]) -> Columns {
        let mut index = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            index.entry(name.to_ascii_lowercase()).or_insert(i);
        }
        Columns { index }
    }

    /// True when a column of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(&name.to_ascii_lowercase())
    }

    /// A view of one record through these columns.
    pub fn row<'r>(&'r self, record: &'r Record) -> Row<'r> {
        Row {
            columns: self,
            record,
        }
    }
}

/// One record, with fields looked up by column name.
pub(super) struct Row<'r> {
    columns: &'r Columns,
    record: &'r Record,
}

impl Row<'_> {
    fn field(&self, name: &str) -> Option<&csv::Field> {
        self.columns
            .index
            .get(&name.to_ascii_lowercase())
            .and_then(|&i| self.record.fields.get(i))
    }

    /// The field's value; empty when the column or the field is missing.
    pub fn get(&self, name: &str) -> &str {
        self.field(name).map_or("", |f| f.value.as_str())
    }

    /// The field's line and column.
    pub fn position(&self, name: &str) -> Option<(u32, u32)> {
        self.field(name).map(|f| (f.line, f.column))
    }
}
