//! Parquet and Arrow IPC files with ACLED's columns, as `dateline convert`, `validate` and
//! `stats` read them. A file's rows are written out as the ACLED export they hold (a CSV file's
//! text, in memory) and read by Dateline's own ACLED reader, so a Parquet file made from an
//! export gives the events the export gives; its problems then name rows, not lines.
//!
//! The crates that read these formats (arrow-rs) are the command's alone, behind the
//! `columnar` feature: in a wasm module they would cost about 620 KB gzipped
//! (docs/architecture.md).

mod cells;

use std::fmt::Write;
use std::io::Cursor;
use std::path::Path;

use arrow_array::RecordBatch;
use arrow_ipc::reader::{FileReader, StreamReader};
use arrow_schema::Schema;
use bytes::Bytes;
use dateline::read::{self, Format, Loaded, Options};
use dateline::Store;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};

use cells::{readable, Cells};

/// The columns a file must have: an ACLED export's, as DuckDB writes them to Parquet.
pub const REQUIRED: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "latitude",
    "longitude",
];

/// ACLED's columns that are read when a file has them, and are empty when it does not.
pub const OPTIONAL: &[&str] = &[
    "time_precision",
    "disorder_type",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
];

/// The columnar formats the command reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columnar {
    /// Apache Parquet.
    Parquet,
    /// Arrow's IPC file format (also Feather version 2).
    ArrowFile,
    /// Arrow's IPC stream format.
    ArrowStream,
}

impl Columnar {
    /// The columnar format of the file `path`: from its first bytes, else from its name, so
    /// that a damaged file named `.parquet` is reported as one rather than read as CSV.
    pub fn of(path: &str, bytes: &[u8]) -> Option<Columnar> {
        if bytes.starts_with(b"PAR1") {
            return Some(Columnar::Parquet);
        }
        if bytes.starts_with(b"ARROW1") {
            return Some(Columnar::ArrowFile);
        }
        // A stream's first message starts with the continuation marker; no text starts so.
        if bytes.starts_with(&[0xFF; 4]) {
            return Some(Columnar::ArrowStream);
        }
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("parquet") => Some(Columnar::Parquet),
            Some("arrow" | "feather" | "ipc") => Some(Columnar::ArrowFile),
            Some("arrows") => Some(Columnar::ArrowStream),
            _ => None,
        }
    }

    /// The format's name in a sentence.
    fn name(self) -> &'static str {
        match self {
            Columnar::Parquet => "Parquet",
            Columnar::ArrowFile => "an Arrow IPC file",
            Columnar::ArrowStream => "an Arrow IPC stream",
        }
    }
}

/// A columnar file's rows as the text of a CSV file.
struct Csv {
    text: String,
    /// The line of the text each row starts on (the header is line 1): a cell may hold a line
    /// break, so rows and lines may not match one to one.
    starts: Vec<u32>,
    line: u32,
    cell: String,
}

impl Csv {
    /// Appends the record batches of an Arrow IPC file or stream; an error names the batch.
    fn batches(
        &mut self,
        path: &str,
        batches: impl Iterator<Item = Result<RecordBatch, arrow_schema::ArrowError>>,
    ) -> Result<(), String> {
        for (i, batch) in batches.enumerate() {
            let batch =
                batch.map_err(|e| format!("{path}: record batch {} cannot be read: {e}", i + 1))?;
            self.rows(&batch);
        }
        Ok(())
    }

    fn new() -> Csv {
        Csv {
            text: String::new(),
            starts: Vec::new(),
            line: 1,
            cell: String::new(),
        }
    }

    /// Appends the cell in `self.cell`, quoted when it holds a comma, a quote or a line break.
    fn push_cell(&mut self, first: bool) {
        if !first {
            self.text.push(',');
        }
        if self.cell.contains([',', '"', '\n', '\r']) {
            self.text.push('"');
            self.text.push_str(&self.cell.replace('"', "\"\""));
            self.text.push('"');
            self.line += self.cell.matches('\n').count() as u32;
        } else {
            self.text.push_str(&self.cell);
        }
    }

    fn end_line(&mut self) {
        self.text.push('\n');
        self.line += 1;
    }

    /// Checks `schema` (ACLED's columns there, each of a type read as text) and writes the
    /// header; the error names the file and the column.
    fn header(&mut self, path: &str, schema: &Schema) -> Result<(), String> {
        let fields = schema.fields();
        if let Some(missing) = REQUIRED
            .iter()
            .find(|c| !fields.iter().any(|f| f.name().eq_ignore_ascii_case(c)))
        {
            return Err(format!(
                "{path}: has no column '{missing}'; an ACLED export's columns are needed: {}",
                REQUIRED.join(", ")
            ));
        }
        if let Some(field) = fields.iter().find(|f| !readable(f.data_type())) {
            return Err(format!(
                "{path}: column '{}' holds {}, which is not read as text; a column may hold text, \
                 whole or decimal numbers, true/false, dates or timestamps",
                field.name(),
                field.data_type()
            ));
        }
        for (i, field) in fields.iter().enumerate() {
            self.cell.clear();
            self.cell.push_str(field.name());
            self.push_cell(i == 0);
        }
        self.end_line();
        Ok(())
    }

    /// Appends the rows of `batch`, whose schema [`Csv::header`] checked.
    fn rows(&mut self, batch: &RecordBatch) {
        let columns: Vec<Cells> = batch.columns().iter().map(|c| Cells::of(c)).collect();
        for row in 0..batch.num_rows() {
            self.starts.push(self.line);
            for (i, column) in columns.iter().enumerate() {
                self.cell.clear();
                column.write(row, &mut self.cell);
                self.push_cell(i == 0);
            }
            self.end_line();
        }
    }

    /// `text` with each "line N" of this CSV text named as the row of the file it is in
    /// ("row 1" is the first).
    fn rows_named(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("line ") {
            let word_starts = !rest[..at].ends_with(|c: char| c.is_alphanumeric());
            out.push_str(&rest[..at]);
            let after = &rest[at + 5..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let row = after[..digits]
                .parse::<u32>()
                .ok()
                .map(|line| self.starts.partition_point(|&s| s <= line))
                .filter(|&row| word_starts && row > 0);
            match row {
                Some(row) => {
                    let _ = write!(out, "row {row}");
                }
                None => out.push_str(&rest[at..at + 5 + digits]),
            }
            rest = &after[digits..];
        }
        out.push_str(rest);
        out
    }
}

/// The rows of `bytes`, the file `path` in `format`, as CSV text; an error names the file and
/// the column, row group or record batch.
fn as_csv(path: &str, bytes: Vec<u8>, format: Columnar) -> Result<Csv, String> {
    let unreadable = |e: String| format!("{path}: cannot be read as {}: {e}", format.name());
    let mut csv = Csv::new();
    match format {
        Columnar::Parquet => {
            let data = Bytes::from(bytes);
            let metadata = ArrowReaderMetadata::load(&data, ArrowReaderOptions::new())
                .map_err(|e| unreadable(e.to_string()))?;
            csv.header(path, metadata.schema())?;
            let groups = metadata.metadata().num_row_groups();
            let mut first = 1;
            for group in 0..groups {
                let rows = metadata.metadata().row_group(group).num_rows().max(0);
                let at = |e: String| {
                    format!(
                        "{path}: row group {} of {groups} (rows {first} to {}) cannot be read: {e}",
                        group + 1,
                        first + rows - 1
                    )
                };
                let reader = ParquetRecordBatchReaderBuilder::new_with_metadata(
                    data.clone(),
                    metadata.clone(),
                )
                .with_row_groups(vec![group])
                .build()
                .map_err(|e| at(e.to_string()))?;
                for batch in reader {
                    csv.rows(&batch.map_err(|e| at(e.to_string()))?);
                }
                first += rows;
            }
        }
        Columnar::ArrowFile => {
            let reader = FileReader::try_new(Cursor::new(bytes), None)
                .map_err(|e| unreadable(e.to_string()))?;
            csv.header(path, &reader.schema())?;
            csv.batches(path, reader)?;
        }
        Columnar::ArrowStream => {
            let reader = StreamReader::try_new(Cursor::new(bytes), None)
                .map_err(|e| unreadable(e.to_string()))?;
            csv.header(path, &reader.schema())?;
            csv.batches(path, reader)?;
        }
    }
    Ok(csv)
}

/// Reads `bytes`, the file `path` in `format`, as the ACLED export it holds.
pub fn load(
    path: &str,
    bytes: Vec<u8>,
    format: Columnar,
    options: &Options,
) -> Result<Store, String> {
    if let Some(other) = options.format.filter(|f| *f != Format::Acled) {
        return Err(format!(
            "{path}: {} is read with ACLED's columns, not as --format {}",
            format.name(),
            other.as_str()
        ));
    }
    let mut csv = as_csv(path, bytes, format)?;
    let options = Options {
        format: Some(Format::Acled),
        ..options.clone()
    };
    let text = std::mem::take(&mut csv.text).into_bytes();
    let mut loaded: Loaded = read::Reading::new(text, &options).finish();
    for problem in &mut loaded.problems {
        problem.path = csv.rows_named(&problem.path);
        problem.message = csv.rows_named(&problem.message);
        (problem.line, problem.column) = (0, 0);
    }
    loaded.summary = loaded.summary.map(|s| csv.rows_named(&s));
    Ok(Store::new(loaded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_is_known_by_its_first_bytes_then_its_name() {
        assert_eq!(Columnar::of("x.csv", b"PAR1\x15"), Some(Columnar::Parquet));
        assert_eq!(Columnar::of("-", b"ARROW1\0\0"), Some(Columnar::ArrowFile));
        assert_eq!(
            Columnar::of("x", &[0xFF, 0xFF, 0xFF, 0xFF, 8]),
            Some(Columnar::ArrowStream)
        );
        assert_eq!(Columnar::of("x.Parquet", b"a,b\n"), Some(Columnar::Parquet));
        assert_eq!(Columnar::of("x.csv", b"event_id_cnty,"), None);
    }

    #[test]
    fn lines_of_the_text_are_named_as_rows() {
        let mut csv = Csv::new();
        csv.starts = vec![2, 3, 5];
        assert_eq!(
            csv.rows_named("line 2, event_date; the id was used on line 6; line 4"),
            "row 1, event_date; the id was used on row 3; row 2"
        );
        assert_eq!(csv.rows_named("line 1, the header"), "line 1, the header");
        assert_eq!(
            csv.rows_named("deadline 3 or line x"),
            "deadline 3 or line x"
        );
    }
}
