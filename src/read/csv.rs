//! CSV records with where every field is, for importers that report problems by line and
//! column.
//!
//! `csv-core` reads the fields: RFC 4180 CSV, fields separated by one delimiter (`,`, `;` or tab,
//! detected from the header line), optionally in double quotes, with `""` for a quote inside
//! quotes and line breaks allowed inside quotes. It is lenient where spreadsheets are sloppy: a
//! quote inside an unquoted field is kept as a character, text after a closing quote is kept,
//! and a quote never closed runs to the end of the text. This module adds what `csv-core` does
//! not track: the line and column of each field, and a problem for each of the last two cases,
//! named where it is. Each record is read from a fresh parser state, so reading may stop between
//! records and go on later, over the same text or over the next window of a file.

use std::borrow::Cow;

/// One field and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'t> {
    /// The value, quotes removed and `""` resolved: borrowed from the text unless it had to be
    /// rebuilt.
    pub value: Cow<'t, str>,
    /// 1-based line of the field's first character.
    pub line: u32,
    /// The text of its line before the field: its column is counted only when asked for.
    before: &'t str,
}

impl Field<'_> {
    /// 1-based column (in characters) of the field's first character.
    pub fn column(&self) -> u32 {
        column_after(self.before)
    }
}

/// The 1-based column that follows `before`, the start of a line.
fn column_after(before: &str) -> u32 {
    u32::try_from(before.chars().count())
        .ok()
        .and_then(|n| n.checked_add(1))
        .unwrap_or(u32::MAX)
}

/// One record (row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'t> {
    /// 1-based line where the record starts.
    pub line: u32,
    /// The fields, in order.
    pub fields: Vec<Field<'t>>,
}

/// Something wrong in the CSV text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

/// The delimiter a header line uses: whichever of `,` `;` tab occurs most outside quotes. The
/// line ends at the first line break, `\n` or `\r` (as a record does), so a window of a file
/// that holds the header finds what the whole file finds.
pub fn detect_delimiter(text: &str) -> u8 {
    let header = text
        .trim_start_matches('\u{feff}')
        .split(['\n', '\r'])
        .next()
        .unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads records one at a time. Problems found on the way collect in [`Reader::problems`].
pub struct Reader<'t> {
    text: &'t str,
    place: Place,
    parser: csv_core::Reader,
    /// Where a quoted field's value is written (an unquoted one is borrowed from the text).
    unquoted: Vec<u8>,
    /// Problems met so far.
    pub problems: Vec<CsvProblem>,
}

/// Where a reader is in its text.
#[derive(Debug, Clone, Copy)]
struct Place {
    delimiter: u8,
    at: usize,
    line: u32,
    line_start: usize,
    /// Fields in the last record (at most [`MOST_ROOM`]): room made for the next one's, so its
    /// list is not grown field by field.
    width: usize,
}

/// The most fields a record's list is made room for ahead: a freak record of a million
/// fields does not make every later record take room for a million.
const MOST_ROOM: usize = 256;

/// Where a [`Reader`] stopped, without its text: to go on later over the same text.
#[derive(Debug)]
pub struct ReaderState {
    place: Place,
    problems: Vec<CsvProblem>,
}

impl ReaderState {
    /// How many bytes of the text it has read.
    pub fn offset(&self) -> usize {
        self.place.at
    }

    /// Goes on over a new text that starts where this one's line `line` started, at a record:
    /// for a file read a window at a time.
    pub fn rebase(&mut self, line: u32) {
        self.place.at = 0;
        self.place.line = line;
        self.place.line_start = 0;
    }
}

/// What ended a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldEnd {
    Delimiter,
    LineBreak,
    TextEnd,
}

/// A parser of CSV fields separated by `delimiter`.
fn parser(delimiter: u8) -> csv_core::Reader {
    csv_core::ReaderBuilder::new().delimiter(delimiter).build()
}

impl<'t> Reader<'t> {
    /// Stops reading, keeping its place.
    pub fn suspend(self) -> ReaderState {
        ReaderState {
            place: self.place,
            problems: self.problems,
        }
    }

    /// Goes on reading `text`, which must be the text it was reading when it stopped.
    pub fn resume(text: &'t str, state: ReaderState) -> Reader<'t> {
        Reader {
            text,
            place: Place {
                at: state.place.at.min(text.len()),
                ..state.place
            },
            parser: parser(state.place.delimiter),
            unquoted: Vec::new(),
            problems: state.problems,
        }
    }

    /// How many bytes of the text it has read.
    pub fn offset(&self) -> usize {
        self.place.at
    }

    /// The delimiter between fields.
    pub fn delimiter(&self) -> u8 {
        self.place.delimiter
    }

    /// The line it is on.
    pub fn line(&self) -> u32 {
        self.place.line
    }

    /// A reader over `text` from byte `at` (the start of a record, counted as line 1), with
    /// `delimiter`.
    pub fn starting_at(text: &'t str, delimiter: u8, at: usize) -> Reader<'t> {
        let at = if text.is_char_boundary(at) {
            at
        } else {
            text.len()
        };
        Reader {
            text,
            place: Place {
                delimiter,
                at,
                line: 1,
                line_start: at,
                width: 0,
            },
            parser: parser(delimiter),
            unquoted: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// How many bytes of the text are left.
    pub fn remaining(&self) -> usize {
        self.text.len().saturating_sub(self.place.at)
    }

    /// A reader over `text` (a leading byte order mark is skipped) with `delimiter`.
    pub fn new(text: &'t str, delimiter: u8) -> Reader<'t> {
        let at = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Reader::starting_at(text, delimiter, at)
    }

    /// The text of the current line before byte `at`.
    fn before(&self, at: usize) -> &'t str {
        self.text
            .get(self.place.line_start.min(at)..at)
            .unwrap_or("")
    }

    fn newline(&mut self, next_line_start: usize) {
        self.place.line = self.place.line.saturating_add(1);
        self.place.line_start = next_line_start;
    }

    /// The next record, or `None` at the end of the text. Blank lines are skipped.
    pub fn next_record(&mut self) -> Option<Record<'t>> {
        let bytes = self.text.as_bytes();
        // Blank lines between records: `csv-core` would skip them too, but they count as lines.
        while self.place.at < bytes.len() && matches!(bytes[self.place.at], b'\n' | b'\r') {
            if bytes[self.place.at] == b'\n' {
                self.newline(self.place.at + 1);
            }
            self.place.at += 1;
        }
        if self.place.at >= bytes.len() {
            return None;
        }
        let record_line = self.place.line;
        let mut fields = Vec::with_capacity(self.place.width);
        loop {
            let (start, line, before) =
                (self.place.at, self.place.line, self.before(self.place.at));
            let (value, ended) = if bytes[start..].starts_with(b"\"") {
                self.quoted(line, before)
            } else {
                self.plain()
            };
            fields.push(Field {
                value,
                line,
                before,
            });
            match ended {
                FieldEnd::Delimiter => {}
                FieldEnd::LineBreak => {
                    // A \r\n is one line break.
                    let end = self.place.at;
                    if bytes[end - 1] == b'\r' && bytes.get(end) == Some(&b'\n') {
                        self.place.at += 1;
                    }
                    self.newline(self.place.at);
                    break;
                }
                FieldEnd::TextEnd => break,
            }
        }
        self.place.width = fields.len().min(MOST_ROOM);
        Some(Record {
            line: record_line,
            fields,
        })
    }

    /// An unquoted field: up to the next delimiter or line break, as written. A quote inside it
    /// is a character, as `csv-core` reads it; the tests check that both read alike.
    fn plain(&mut self) -> (Cow<'t, str>, FieldEnd) {
        let bytes = self.text.as_bytes();
        let start = self.place.at;
        let (end, ended) =
            match memchr::memchr3(self.place.delimiter, b'\n', b'\r', &bytes[start..]) {
                Some(n) if bytes[start + n] == self.place.delimiter => {
                    (start + n, FieldEnd::Delimiter)
                }
                Some(n) => (start + n, FieldEnd::LineBreak),
                None => (bytes.len(), FieldEnd::TextEnd),
            };
        self.place.at = if ended == FieldEnd::TextEnd {
            end
        } else {
            end + 1
        };
        (Cow::Borrowed(&self.text[start..end]), ended)
    }

    /// A quoted field, read by `csv-core` into `unquoted`, the text's end ending it; a quote
    /// never closed, or text after the closing quote, is reported.
    fn quoted(&mut self, line: u32, before: &'t str) -> (Cow<'t, str>, FieldEnd) {
        let bytes = self.text.as_bytes();
        let start = self.place.at;
        self.parser.reset();
        let mut written = 0;
        let mut text_ended = false;
        let ended = loop {
            if self.unquoted.len() <= written {
                self.unquoted.resize((2 * written).max(256), 0);
            }
            let input = if text_ended {
                &[][..]
            } else {
                &bytes[self.place.at..]
            };
            let (result, read, wrote) =
                self.parser.read_field(input, &mut self.unquoted[written..]);
            self.place.at += read;
            written += wrote;
            match result {
                csv_core::ReadFieldResult::OutputFull => {}
                csv_core::ReadFieldResult::InputEmpty if !text_ended => text_ended = true,
                csv_core::ReadFieldResult::Field { record_end: false } if !text_ended => {
                    break FieldEnd::Delimiter
                }
                csv_core::ReadFieldResult::Field { record_end: true } if !text_ended => {
                    break FieldEnd::LineBreak
                }
                _ => break FieldEnd::TextEnd,
            }
        };
        // The field as written, without the delimiter or line break that ended it.
        let end = match ended {
            FieldEnd::TextEnd => self.place.at,
            _ => self.place.at - 1,
        };
        let raw = &self.text[start..end];
        self.check_quotes(raw, line, before);
        if let Some(last) = memchr::memrchr(b'\n', raw.as_bytes()) {
            let breaks = memchr::memchr_iter(b'\n', raw.as_bytes()).count();
            self.place.line = self
                .place
                .line
                .saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
            self.place.line_start = start + last + 1;
        }
        // A field with no doubled quote and nothing after its closing quote is its text.
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
        let value = if written == inner.len()
            && raw.len() >= 2
            && raw.ends_with('"')
            && memchr::memchr(b'"', inner.as_bytes()).is_none()
        {
            Cow::Borrowed(inner)
        } else {
            Cow::Owned(String::from_utf8_lossy(&self.unquoted[..written]).into_owned())
        };
        (value, ended)
    }

    /// Reports a quoted field `raw` (as written, from its opening quote) whose quote is never
    /// closed, or that has text after its closing quote; `csv-core` keeps both as they are.
    fn check_quotes(&mut self, raw: &str, line: u32, before: &str) {
        let b = raw.as_bytes();
        let mut i = 1;
        let close = loop {
            match memchr::memchr(b'"', &b[i.min(b.len())..]) {
                None => break None,
                Some(n) if b.get(i + n + 1) == Some(&b'"') => i += n + 2,
                Some(n) => break Some(i + n),
            }
        };
        match close {
            None => self.problems.push(CsvProblem {
                line,
                column: column_after(before),
                message:
                    "this quoted field is never closed, so the rest of the file was read into it"
                        .into(),
            }),
            Some(close) if close + 1 < raw.len() => {
                let rest = &raw[close + 1..];
                // The rest is on the line the closing quote is on.
                let line_start = memchr::memrchr(b'\n', &b[..close]).map_or(0, |n| n + 1);
                let (rest_line, rest_before) = if line_start == 0 {
                    (line, format!("{before}{}", &raw[..close + 1]))
                } else {
                    let breaks = memchr::memchr_iter(b'\n', &b[..close]).count();
                    (
                        line.saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX)),
                        raw[line_start..close + 1].to_string(),
                    )
                };
                self.problems.push(CsvProblem {
                    line: rest_line,
                    column: column_after(&rest_before),
                    message: format!(
                        "text after a closing quote ('{rest}') is kept as part of the field"
                    ),
                });
            }
            Some(_) => {}
        }
    }
}

impl<'t> Iterator for Reader<'t> {
    type Item = Record<'t>;

    fn next(&mut self) -> Option<Record<'t>> {
        self.next_record()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        Reader::new(text, delimiter)
            .map(|r| r.fields.into_iter().map(|f| f.value.into_owned()).collect())
            .collect()
    }

    #[test]
    fn a_record_has_room_for_as_many_fields_as_the_last_up_to_a_bound() {
        let wide = vec!["x"; 1000].join(",");
        let text = format!("a,b,c\n1,2,3\n{wide}\n1,2\n1,2,3,4\n");
        let records: Vec<Record> = Reader::new(&text, b',').collect();
        let widths: Vec<usize> = records.iter().map(|r| r.fields.len()).collect();
        assert_eq!(widths, [3, 3, 1000, 2, 4]);
        assert!(records[1].fields.capacity() >= 3);
        // After the wide record, room for at most MOST_ROOM.
        assert_eq!(records[3].fields.capacity(), MOST_ROOM);
        assert_eq!(records[4].fields[3].value, "4");
    }

    #[test]
    fn reads_quotes_escapes_and_line_breaks() {
        let text = "a,b,c\r\n1,\"two, too\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",x,\n";
        assert_eq!(
            values(text, b','),
            vec![
                vec!["a", "b", "c"],
                vec!["1", "two, too", "say \"hi\""],
                vec!["multi\nline", "x", ""],
            ]
        );
    }

    #[test]
    fn the_delimiter_is_the_header_lines_up_to_any_line_break() {
        assert_eq!(detect_delimiter("a;b;c\r1,2,3,4,5\r"), b';');
        assert_eq!(detect_delimiter("\u{feff}a\tb\n1,2,3"), b'\t');
        assert_eq!(
            detect_delimiter("\"x,y\";z"),
            b';',
            "commas in quotes do not count"
        );
    }

    #[test]
    fn knows_lines_and_columns() {
        let mut r = Reader::new("\u{feff}h1;h2\nx;\"é\nz\";w\nlast;row", b';');
        assert_eq!(r.next().unwrap().fields[0].column(), 1);
        let second = r.next().unwrap();
        assert_eq!(
            (
                second.line,
                second.fields[1].line,
                second.fields[1].column()
            ),
            (2, 2, 3)
        );
        assert_eq!((second.fields[2].line, second.fields[2].column()), (3, 4));
        assert_eq!(r.next().unwrap().line, 4);
        assert!(r.next().is_none());
    }

    #[test]
    fn sloppy_quoting_is_kept_and_reported() {
        let mut r = Reader::new("a,b\n\"x\"y,2\n3,\"open\n4,5\n", b',');
        let rows: Vec<Record> = r.by_ref().collect();
        assert_eq!(rows[1].fields[0].value, "xy");
        assert_eq!(rows[2].fields[1].value, "open\n4,5\n");
        assert_eq!(r.problems.len(), 2);
        assert_eq!((r.problems[1].line, r.problems[1].column), (3, 3));
        assert!(r.problems[1].message.contains("never closed"));
    }

    #[test]
    fn a_suspended_reader_goes_on_where_it_stopped() {
        let text = "a,b\n1,\"x\ny\"\n\"2\"z,3\n4,5\n";
        let whole: Vec<Record> = Reader::new(text, b',').collect();
        for stop in 0..whole.len() {
            let mut reader = Reader::new(text, b',');
            let mut records: Vec<Record> = reader.by_ref().take(stop).collect();
            let state = reader.suspend();
            let mut reader = Reader::resume(text, state);
            records.extend(reader.by_ref());
            assert_eq!(records, whole, "stopped after {stop}");
            assert_eq!(reader.offset(), text.len());
            assert_eq!(reader.problems.len(), 1, "the text after a quote, once");
        }
    }

    /// Every record as `csv-core` alone reads the text, record by record: the reference.
    fn records_by_csv_core(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut parser = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        let mut input = text.as_bytes();
        let (mut out, mut ends) = (vec![0; text.len() + 1], vec![0; text.len() + 1]);
        let (mut written, mut fields) = (0, 0);
        let mut records = Vec::new();
        loop {
            let (result, read, wrote, ended) =
                parser.read_record(input, &mut out[written..], &mut ends[fields..]);
            input = &input[read..];
            written += wrote;
            fields += ended;
            match result {
                csv_core::ReadRecordResult::Record => {
                    let mut from = 0;
                    // Field ends count from the record's start.
                    let record = ends[..fields].iter().map(|&to| {
                        let field = String::from_utf8_lossy(&out[from..to]).into_owned();
                        from = to;
                        field
                    });
                    records.push(record.collect());
                    (written, fields) = (0, 0);
                }
                csv_core::ReadRecordResult::End => return records,
                _ => {}
            }
        }
    }

    proptest::proptest! {
        /// The reader reads every record as `csv-core` does: quotes, doubled quotes, quotes in
        /// unquoted fields, text after a closing quote, line breaks of every kind, blank lines.
        #[test]
        fn reads_as_csv_core_reads(text in "[a\",;\r\n]{0,40}", delimiter in proptest::sample::select(vec![b',', b';'])) {
            proptest::prop_assert_eq!(values(&text, delimiter), records_by_csv_core(&text, delimiter));
        }
    }

    #[test]
    fn detects_the_delimiter_from_the_header() {
        assert_eq!(detect_delimiter("a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(detect_delimiter("a;b;\"c,d\"\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(""), b',');
    }
}
