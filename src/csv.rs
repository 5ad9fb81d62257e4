//! A CSV reader that knows where every field is, for importers that report problems by line and
//! column.
//!
//! It reads RFC 4180 CSV: fields separated by one delimiter (`,`, `;` or tab, detected from the
//! header line), optionally in double quotes, with `""` for a quote inside quotes and line breaks
//! allowed inside quotes. It is lenient where spreadsheets are sloppy: a quote inside an unquoted
//! field is kept as a character, text after a closing quote is kept and reported, and a quote
//! never closed runs to the end of the file and is reported where it opened.

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
        // Skip blank lines between records.
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
            let (line, before) = (self.place.line, self.before(self.place.at));
            let value = if bytes.get(self.place.at) == Some(&b'"') {
                self.quoted()
            } else {
                self.plain()
            };
            fields.push(Field {
                value,
                line,
                before,
            });
            match bytes.get(self.place.at) {
                Some(&d) if d == self.place.delimiter => self.place.at += 1,
                Some(b'\r') => {
                    self.place.at += 1;
                    if bytes.get(self.place.at) == Some(&b'\n') {
                        self.place.at += 1;
                    }
                    self.newline(self.place.at);
                    break;
                }
                Some(b'\n') => {
                    self.place.at += 1;
                    self.newline(self.place.at);
                    break;
                }
                _ => break,
            }
        }
        self.place.width = fields.len().min(MOST_ROOM);
        Some(Record {
            line: record_line,
            fields,
        })
    }

    fn plain(&mut self) -> Cow<'t, str> {
        let bytes = self.text.as_bytes();
        let start = self.place.at.min(bytes.len());
        self.place.at = memchr::memchr3(self.place.delimiter, b'\n', b'\r', &bytes[start..])
            .map_or(bytes.len(), |n| start + n);
        Cow::Borrowed(&self.text[start..self.place.at])
    }

    fn quoted(&mut self) -> Cow<'t, str> {
        let bytes = self.text.as_bytes();
        let (open_line, open_before) = (self.place.line, self.before(self.place.at));
        self.place.at += 1;
        // Borrowed while the field has no doubled quote; rebuilt from the first one on.
        let mut value: Cow<'t, str> = Cow::Borrowed("");
        let mut run = self.place.at;
        let text = self.text;
        let append = |value: &mut Cow<'t, str>, piece: &'t str| {
            if value.is_empty() {
                *value = Cow::Borrowed(piece);
            } else {
                value.to_mut().push_str(piece);
            }
        };
        loop {
            match bytes.get(self.place.at) {
                None => {
                    append(&mut value, &text[run..]);
                    self.problems.push(CsvProblem {
                        line: open_line,
                        column: column_after(open_before),
                        message: "this quoted field is never closed, so the rest of the file was read into it".into(),
                    });
                    return value;
                }
                Some(b'"') if bytes.get(self.place.at + 1) == Some(&b'"') => {
                    value.to_mut().push_str(&text[run..=self.place.at]);
                    self.place.at += 2;
                    run = self.place.at;
                }
                Some(b'"') => {
                    append(&mut value, &text[run..self.place.at]);
                    self.place.at += 1;
                    break;
                }
                Some(b'\n') => {
                    self.place.at += 1;
                    self.newline(self.place.at);
                }
                // On to the next quote or line break.
                Some(_) => {
                    let at = self.place.at;
                    self.place.at =
                        memchr::memchr2(b'"', b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
                }
            }
        }
        // Text between the closing quote and the next delimiter: kept, and reported.
        let rest_start = self.place.at;
        let rest = self.plain();
        if !rest.is_empty() {
            let column = column_after(self.before(rest_start));
            self.problems.push(CsvProblem {
                line: self.place.line,
                column,
                message: format!(
                    "text after a closing quote ('{rest}') is kept as part of the field"
                ),
            });
            value.to_mut().push_str(&rest);
        }
        value
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

    #[test]
    fn detects_the_delimiter_from_the_header() {
        assert_eq!(detect_delimiter("a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(detect_delimiter("a;b;\"c,d\"\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(""), b',');
    }
}
