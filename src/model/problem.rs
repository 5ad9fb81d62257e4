//! Problems found while loading data: what is wrong, where, and how bad.
//!
//! Loading never stops at the first problem. Every problem names the JSON path of the value
//! (`events[12].date`) and its line and column in the file, so a person can go straight to it.

use std::fmt;

use serde::Serialize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Legal but suspicious, or a value Dateline reads in a documented way (an unknown type).
    Warning,
    /// Wrong: the value, or the item holding it, was dropped or cannot be checked.
    Error,
}

/// One problem in a loaded file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// How bad it is.
    pub severity: Severity,
    /// Where in the data: a JSON path such as `events[12].date`, or `line 17` for CSV.
    pub path: String,
    /// 1-based line in the file, 0 when unknown.
    pub line: u32,
    /// 1-based column (in characters) in the file, 0 when unknown.
    pub column: u32,
    /// What is wrong and, where it helps, what would fix it.
    pub message: String,
}

/// Puts problems in file order: by line and column, those with no line last, and otherwise in
/// the order they were found.
pub fn in_file_order(problems: &mut [Problem]) {
    // Line 0 wraps to the largest line, after every other.
    problems.sort_by_key(|p| (p.line.wrapping_sub(1), p.column));
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.line > 0 {
            write!(f, "{}:{}: ", self.line, self.column)?;
        }
        write!(f, "{severity}: ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// True when any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}
impl crate::json::ToJson for Severity {
    fn write_json(&self, out: &mut String) {
        out.push_str(match self {
            Severity::Warning => "\"warning\"",
            Severity::Error => "\"error\"",
        });
    }
}

crate::json_struct!(Problem {
    "severity" => severity,
    "path" => path,
    "line" => line,
    "column" => column,
    "message" => message,
});

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, column: u32, message: &str) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: String::new(),
            line,
            column,
            message: message.to_string(),
        }
    }

    #[test]
    fn problems_go_in_file_order_with_those_of_no_line_last() {
        let mut problems = vec![
            at(0, 0, "no line, first found"),
            at(12, 5, "12:5"),
            at(3, 9, "3:9"),
            at(u32::MAX, 1, "the last line there can be"),
            at(12, 5, "12:5 again, found later"),
            at(0, 0, "no line, found later"),
            at(3, 2, "3:2"),
        ];
        in_file_order(&mut problems);
        let order: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            order,
            [
                "3:2",
                "3:9",
                "12:5",
                "12:5 again, found later",
                "the last line there can be",
                "no line, first found",
                "no line, found later",
            ]
        );
    }
}
