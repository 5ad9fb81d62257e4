//! A JSON reader that remembers where every value stands in the text.
//!
//! Problems in a package must name their place as `line:column`, which a plain JSON parser forgets.
//! This reader builds a small tree of [`Value`]s that carry their byte offset, and turns offsets
//! into lines and columns with a [`LineIndex`] only when a problem is reported.
//!
//! It never recurses: containers live on an explicit stack whose depth is capped at
//! [`MAX_DEPTH`], so hostile nesting is an error, not a stack overflow. A syntax error stops the
//! reading but keeps what was read before it: open containers are closed and marked incomplete,
//! so the caller can still load the items that were finished.

/// The deepest nesting of arrays and objects accepted. A Dateline package needs six levels.
pub const MAX_DEPTH: usize = 128;

/// One JSON value and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// What the value is.
    pub kind: Kind,
    /// Byte offset of the value's first character in the text.
    pub at: usize,
    /// False for an array or object that a syntax error cut off before its end.
    pub complete: bool,
}

/// The kinds of JSON value. Objects keep their members in the order written.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number; JSON numbers that overflow `f64` are reported, not stored.
    Number(f64),
    /// A string with its escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object; keys are unique (a repeated key is reported and the later value kept).
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The key with its escapes resolved.
    pub key: String,
    /// The value.
    pub value: Value,
}

/// Something wrong in the JSON text, at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxProblem {
    /// Byte offset in the text.
    pub at: usize,
    /// What is wrong, for a person.
    pub message: String,
}

/// What [`parse`] found: the value (possibly partial) and every problem, in text order.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The top-level value, `None` when not even its start could be read.
    pub root: Option<Value>,
    /// Problems; the last one stopped the reading if [`Parsed::stopped`] is true.
    pub problems: Vec<SyntaxProblem>,
    /// True when a syntax error ended the reading early.
    pub stopped: bool,
}

impl Value {
    /// A short name of the value's kind, for messages ("a string", "an object").
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "an array",
            Kind::Object(_) => "an object",
        }
    }

    /// The member `key` of an object, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.kind {
            Kind::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }
}

/// Turns byte offsets of one text into 1-based line and column numbers.
///
/// Columns count characters (Unicode scalar values), as editors show them.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the first character of each line; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, line_starts }
    }

    /// The 1-based `(line, column)` of a byte offset; offsets past the end give the end.
    pub fn position(&self, at: usize) -> (u32, u32) {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= at) - 1;
        let start = self.line_starts[line];
        let mut end = at;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (to_u32(line + 1), to_u32(column))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An open container on the parse stack.
enum Frame {
    Array {
        at: usize,
        items: Vec<Value>,
    },
    Object {
        at: usize,
        members: Vec<Member>,
        key: String,
        seen: Option<crate::Set<String>>,
    },
}

/// Objects with more members than this track their keys in a set to find repeats quickly.
const LINEAR_KEY_SCAN: usize = 16;

/// Reads `text` as JSON. Never panics and never recurses; see the module docs.
pub fn parse(text: &str) -> Parsed {
    let mut p = Parser {
        b: text.as_bytes(),
        text,
        i: 0,
        problems: Vec::new(),
    };
    let mut stack: Vec<Frame> = Vec::new();
    let outcome = p.run(&mut stack);
    let stopped = outcome.is_err();
    let root = match outcome {
        Ok(root) => Some(root),
        Err(()) => close_partial(stack),
    };
    Parsed {
        root,
        problems: p.problems,
        stopped,
    }
}

/// After a syntax error: closes the open containers from the innermost out, marking each
/// incomplete, and returns the outermost.
fn close_partial(mut stack: Vec<Frame>) -> Option<Value> {
    let mut carried: Option<Value> = None;
    while let Some(frame) = stack.pop() {
        let value = match frame {
            Frame::Array { at, mut items } => {
                items.extend(carried.take());
                Value {
                    kind: Kind::Array(items),
                    at,
                    complete: false,
                }
            }
            Frame::Object {
                at,
                mut members,
                key,
                ..
            } => {
                if let Some(value) = carried.take() {
                    members.push(Member { key, value });
                }
                Value {
                    kind: Kind::Object(members),
                    at,
                    complete: false,
                }
            }
        };
        carried = Some(value);
    }
    carried
}

struct Parser<'t> {
    b: &'t [u8],
    text: &'t str,
    i: usize,
    problems: Vec<SyntaxProblem>,
}

type Step<T> = Result<T, ()>;

/// What the reader does after an item or member.
enum After {
    /// Reads the next item or member's value.
    Read,
    /// Hands on the array or object that ended with it, finished.
    Closed(Value),
}

impl Parser<'_> {
    /// Records a problem that stops the reading.
    fn fail<T>(&mut self, at: usize, message: impl Into<String>) -> Step<T> {
        self.problems.push(SyntaxProblem {
            at,
            message: message.into(),
        });
        Err(())
    }

    fn skip_ws(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn describe_here(&self) -> String {
        match self.text.get(self.i..).and_then(|rest| rest.chars().next()) {
            None => "the end of the file".to_string(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
            Some(c) => format!("'{c}'"),
        }
    }

    /// Reads the text's one JSON value, without recursion: each array or object being read
    /// waits on `stack` while its items are read.
    fn run(&mut self, stack: &mut Vec<Frame>) -> Step<Value> {
        if self.text.starts_with('\u{feff}') {
            self.i = 3;
        }
        loop {
            self.skip_ws();
            let Some(mut value) = self.begin(stack)? else {
                continue;
            };
            // Hand the finished value to its container; close containers that end here.
            loop {
                let after = match stack.last_mut() {
                    None => return self.end(value),
                    Some(Frame::Array { items, .. }) => {
                        items.push(value);
                        self.after_item(stack)?
                    }
                    Some(Frame::Object {
                        members, key, seen, ..
                    }) => {
                        let key = std::mem::take(key);
                        add_member(members, seen, key, value, &mut self.problems);
                        self.after_member(stack)?
                    }
                };
                match after {
                    After::Read => break,
                    After::Closed(container) => value = container,
                }
            }
        }
    }

    /// Begins a value: a scalar or an empty array or object is read whole; otherwise the
    /// array or object is opened on `stack` (with its first key), and `None` says so.
    fn begin(&mut self, stack: &mut Vec<Frame>) -> Step<Option<Value>> {
        let at = self.i;
        match self.peek() {
            Some(b'{') => {
                self.i += 1;
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Some(Value {
                        kind: Kind::Object(Vec::new()),
                        at,
                        complete: true,
                    }));
                }
                self.check_depth(stack.len(), at)?;
                let key = self.key()?;
                stack.push(Frame::Object {
                    at,
                    members: Vec::new(),
                    key,
                    seen: None,
                });
                Ok(None)
            }
            Some(b'[') => {
                self.i += 1;
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Some(Value {
                        kind: Kind::Array(Vec::new()),
                        at,
                        complete: true,
                    }));
                }
                self.check_depth(stack.len(), at)?;
                stack.push(Frame::Array {
                    at,
                    items: Vec::new(),
                });
                Ok(None)
            }
            _ => self.scalar().map(Some),
        }
    }

    /// After the top-level value: only white space may follow it.
    fn end(&mut self, value: Value) -> Step<Value> {
        self.skip_ws();
        if self.i < self.b.len() {
            let what = self.describe_here();
            return self.fail(
                self.i,
                format!("unexpected {what} after the end of the JSON value"),
            );
        }
        Ok(value)
    }

    /// After an item of the array on top of `stack`: a comma, or the array's end.
    fn after_item(&mut self, stack: &mut Vec<Frame>) -> Step<After> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                Ok(After::Read)
            }
            Some(b']') => {
                self.i += 1;
                let Some(Frame::Array { at, items }) = stack.pop() else {
                    unreachable!()
                };
                Ok(After::Closed(Value {
                    kind: Kind::Array(items),
                    at,
                    complete: true,
                }))
            }
            _ => {
                let what = self.describe_here();
                self.fail(
                    self.i,
                    format!("expected ',' or ']' in an array, found {what}"),
                )
            }
        }
    }

    /// After a member of the object on top of `stack`: a comma and the next key, or the
    /// object's end.
    fn after_member(&mut self, stack: &mut Vec<Frame>) -> Step<After> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                self.skip_ws();
                let next = self.key()?;
                if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                    *key = next;
                }
                Ok(After::Read)
            }
            Some(b'}') => {
                self.i += 1;
                let Some(Frame::Object { at, members, .. }) = stack.pop() else {
                    unreachable!()
                };
                Ok(After::Closed(Value {
                    kind: Kind::Object(members),
                    at,
                    complete: true,
                }))
            }
            _ => {
                let what = self.describe_here();
                self.fail(
                    self.i,
                    format!("expected ',' or '}}' in an object, found {what}"),
                )
            }
        }
    }

    fn check_depth(&mut self, depth: usize, at: usize) -> Step<()> {
        if depth >= MAX_DEPTH {
            return self.fail(
                at,
                format!("arrays and objects are nested more than {MAX_DEPTH} levels deep"),
            );
        }
        Ok(())
    }

    /// Reads `"key"` and the `:` after it.
    fn key(&mut self) -> Step<String> {
        if self.peek() != Some(b'"') {
            let what = self.describe_here();
            return self.fail(
                self.i,
                format!("expected a key in double quotes, found {what}"),
            );
        }
        let key = self.string()?;
        self.skip_ws();
        if self.peek() != Some(b':') {
            let what = self.describe_here();
            return self.fail(
                self.i,
                format!("expected ':' after the key \"{key}\", found {what}"),
            );
        }
        self.i += 1;
        Ok(key)
    }

    fn scalar(&mut self) -> Step<Value> {
        let at = self.i;
        let kind = match self.peek() {
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(b'N') if self.b[at..].starts_with(b"NaN") => {
                return self.fail(
                    at,
                    "NaN is not a JSON value; write null or leave the field out",
                );
            }
            Some(b'I') if self.b[at..].starts_with(b"Infinity") => {
                return self.fail(
                    at,
                    "Infinity is not a JSON value; write null or leave the field out",
                );
            }
            _ => {
                let what = self.describe_here();
                return self.fail(at, format!("expected a JSON value, found {what}"));
            }
        };
        Ok(Value {
            kind,
            at,
            complete: true,
        })
    }

    fn literal(&mut self, word: &str, kind: Kind) -> Step<Kind> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(kind)
        } else {
            let what = self.describe_here();
            self.fail(self.i, format!("expected a JSON value, found {what}"))
        }
    }

    fn number(&mut self) -> Step<f64> {
        let start = self.i;
        let b = self.b;
        let mut i = self.i;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |mut i: usize| {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return self.fail(start, "a number needs a digit after its '-'"),
        }
        if b.get(i) == Some(&b'.') {
            let after = digits(i + 1);
            if after == i + 1 {
                return self.fail(i, "a number needs digits after its decimal point");
            }
            i = after;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let after = digits(j);
            if after == j {
                return self.fail(i, "a number needs digits in its exponent");
            }
            i = after;
        }
        if b.get(i).is_some_and(|c| c.is_ascii_digit()) {
            return self.fail(start, "a number may not start with a 0 followed by digits");
        }
        self.i = i;
        match super::number::parse_decimal(&self.text[start..i]) {
            Some(n) if n.is_finite() => Ok(n),
            _ => self.fail(
                start,
                format!("the number {} is too large", &self.text[start..i]),
            ),
        }
    }

    /// Reads a string starting at the opening quote.
    fn string(&mut self) -> Step<String> {
        let open = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let run_start = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[run_start..self.i]);
            match self.peek() {
                None => {
                    return self.fail(open, "this string is not closed before the end of the file")
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(c) => {
                    let message = if c == b'\n' {
                        "a string may not contain a line break; write \\n".to_string()
                    } else {
                        format!(
                            "a string may not contain the control character U+{c:04X}; escape it"
                        )
                    };
                    return self.fail(self.i, message);
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Step<()> {
        let at = self.i;
        let c = self.b.get(self.i + 1).copied();
        self.i += 2;
        let plain = match c {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let high = self.hex4(at)?;
                let ch = if (0xD800..0xDC00).contains(&high) {
                    if self.b[self.i..].starts_with(b"\\u") {
                        self.i += 2;
                        let low = self.hex4(at)?;
                        if (0xDC00..0xE000).contains(&low) {
                            char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                } else {
                    char::from_u32(high)
                };
                match ch {
                    Some(ch) => ch,
                    None => {
                        self.problems.push(SyntaxProblem {
                            at,
                            message:
                                "a \\u escape names half of a surrogate pair; it is read as U+FFFD"
                                    .into(),
                        });
                        '\u{fffd}'
                    }
                }
            }
            _ => {
                self.i = at;
                let what = match self.text.get(at + 1..).and_then(|r| r.chars().next()) {
                    Some(ch) => format!("'\\{ch}'"),
                    None => "a lone '\\' at the end of the file".into(),
                };
                return self.fail(at, format!("{what} is not a JSON escape"));
            }
        };
        out.push(plain);
        Ok(())
    }

    fn hex4(&mut self, escape_at: usize) -> Step<u32> {
        let digits = self
            .b
            .get(self.i..self.i + 4)
            .and_then(|d| std::str::from_utf8(d).ok());
        match digits.and_then(|d| {
            u32::from_str_radix(d, 16)
                .ok()
                .filter(|_| d.bytes().all(|c| c.is_ascii_hexdigit()))
        }) {
            Some(n) => {
                self.i += 4;
                Ok(n)
            }
            None => self.fail(escape_at, "a \\u escape needs four hexadecimal digits"),
        }
    }
}

fn add_member(
    members: &mut Vec<Member>,
    seen: &mut Option<crate::Set<String>>,
    key: String,
    value: Value,
    problems: &mut Vec<SyntaxProblem>,
) {
    let repeated = match seen {
        Some(set) => !set.insert(key.clone()),
        None => members.iter().any(|m| m.key == key),
    };
    if repeated {
        problems.push(SyntaxProblem {
            at: value.at,
            message: format!(
                "the key \"{key}\" appears twice in one object; the later value is used"
            ),
        });
        if let Some(m) = members.iter_mut().find(|m| m.key == key) {
            m.value = value;
        }
        return;
    }
    if seen.is_none() && members.len() >= LINEAR_KEY_SCAN {
        *seen = Some(
            members
                .iter()
                .map(|m| m.key.clone())
                .chain([key.clone()])
                .collect(),
        );
    }
    members.push(Member { key, value });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::write::{push_int, quote};

    #[test]
    fn integers_are_written_as_format_writes_them() {
        for n in [
            0,
            7,
            -7,
            10,
            99,
            100,
            -2_147_483_648,
            2_147_483_647,
            i64::MIN,
            i64::MAX,
        ] {
            let mut out = String::from("x");
            push_int(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    fn ok(text: &str) -> Value {
        let parsed = parse(text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.root.expect("a value")
    }

    fn first_problem(text: &str) -> (u32, u32, String) {
        let parsed = parse(text);
        let p = parsed.problems.first().expect("a problem");
        let (line, col) = LineIndex::new(text).position(p.at);
        (line, col, p.message.clone())
    }

    #[test]
    fn reads_nested_values_with_offsets() {
        let v = ok(r#" {"a": [1, -2.5e1, true, null], "b": "x\u00e9\ud83d\ude00\n"} "#);
        assert_eq!(v.at, 1);
        let a = v.get("a").unwrap();
        assert_eq!(a.at, 7);
        let Kind::Array(items) = &a.kind else {
            panic!()
        };
        assert_eq!(items[1].as_f64(), Some(-25.0));
        assert_eq!(v.get("b").unwrap().as_str(), Some("xé😀\n"));
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "{\n  \"é\": 1,\n  \"b\": x\n}";
        let (line, col, message) = first_problem(text);
        assert_eq!((line, col), (3, 8));
        assert!(
            message.contains("expected a JSON value, found 'x'"),
            "{message}"
        );
    }

    #[test]
    fn truncated_text_keeps_what_was_read() {
        let parsed = parse(r#"{"events": [{"id": "a"}, {"id": "b""#);
        assert!(parsed.stopped);
        let root = parsed.root.unwrap();
        assert!(!root.complete);
        let Kind::Array(events) = &root.get("events").unwrap().kind else {
            panic!()
        };
        assert_eq!(events.len(), 2);
        assert!(events[0].complete);
        assert!(!events[1].complete);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let (line, col, message) = first_problem(&text);
        assert_eq!(line, 1);
        assert_eq!(col as usize, MAX_DEPTH + 1);
        assert!(message.contains("nested more than"));
    }

    #[test]
    fn duplicate_keys_are_reported_and_the_later_kept() {
        let parsed = parse(r#"{"a": 1, "a": 2}"#);
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].message.contains("appears twice"));
        assert_eq!(parsed.root.unwrap().get("a").unwrap().as_f64(), Some(2.0));
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k3\": 0}}", many.join(","));
        assert_eq!(parse(&text).problems.len(), 1);
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for (text, needle) in [
            ("NaN", "NaN is not a JSON value"),
            ("[1,]", "expected a JSON value"),
            ("01", "may not start with a 0"),
            ("\"a\nb\"", "line break"),
            ("\"\\x\"", "not a JSON escape"),
            ("1e999", "too large"),
            ("{\"a\" 1}", "expected ':'"),
            ("[1] [2]", "after the end"),
            ("", "found the end of the file"),
            ("\"abc", "not closed"),
        ] {
            let (_, _, message) = first_problem(text);
            assert!(message.contains(needle), "{text:?}: {message}");
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let parsed = parse(r#""a\ud800b""#);
        assert_eq!(parsed.root.unwrap().as_str(), Some("a\u{fffd}b"));
        assert_eq!(parsed.problems.len(), 1);
        assert!(!parsed.stopped);
    }

    #[test]
    fn quoted_strings_read_back_unchanged() {
        for text in [
            "plain",
            "a \"quote\" and \\ back",
            "line\nbreak\ttab\u{1}\u{2028}",
            "é 😀",
        ] {
            assert_eq!(parse(&quote(text)).root.unwrap().as_str(), Some(text));
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(ok("\u{feff}[]").kind, Kind::Array(vec![]));
    }
}
