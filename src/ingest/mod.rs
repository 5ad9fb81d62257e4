//! Reading data files into a [`Package`] and a list of [`Problem`]s.
//!
//! Readers never stop at the first problem and never panic on input: a broken item is skipped
//! or repaired and reported, and everything else loads.

mod package;

pub use package::read_package;

use crate::json::LineIndex;
use crate::model::Package;
use crate::problem::{Problem, Severity};

/// What a reader made of a file.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Everything that could be loaded.
    pub package: Package,
    /// Everything that was wrong, in file order.
    pub problems: Vec<Problem>,
}

/// How many invalid UTF-8 sequences are reported one by one before the rest are counted.
const MAX_ENCODING_REPORTS: usize = 10;

/// Decodes `bytes` as UTF-8, replacing invalid sequences with U+FFFD and reporting each with its
/// line and column.
pub(crate) fn decode_utf8(bytes: &[u8], problems: &mut Vec<Problem>) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
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
    text
}
