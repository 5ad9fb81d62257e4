//! The SQL engines `dateline serve` runs its queries on: DuckDB's command-line shell, kept
//! running, and ClickHouse's HTTP interface (a server or cluster, or chDB, ClickHouse's
//! embedded engine, behind a small Python server that speaks the same interface).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dateline::json::{self, Kind, Value};

/// The chDB server: a POST's body is one SQL statement, the answer is chDB's output or, with
/// status 500, its error, as ClickHouse's HTTP interface answers. It prints its port first.
const CHDB_SERVER: &str = include_str!("chdb_server.py");

/// The SQL text the engines differ in; everything else `dateline serve` sends is SQL both run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// DuckDB.
    DuckDb,
    /// ClickHouse and chDB.
    ClickHouse,
}

impl Dialect {
    /// A string literal: DuckDB doubles quotes; ClickHouse also reads backslashes as escapes.
    /// Line breaks are written as escapes (ClickHouse) or `chr()` (DuckDB), so that a statement
    /// is one line and DuckDB's shell never reads part of a value as one of its own commands.
    pub fn quote(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('\'');
        for c in text.chars() {
            match (c, self) {
                ('\'', _) => out.push_str("''"),
                ('\\', Dialect::ClickHouse) => out.push_str("\\\\"),
                ('\n', Dialect::ClickHouse) => out.push_str("\\n"),
                ('\r', Dialect::ClickHouse) => out.push_str("\\r"),
                ('\n' | '\r', Dialect::DuckDb) => {
                    out.push_str(&format!("' || chr({}) || '", u32::from(c)))
                }
                (c, _) => out.push(c),
            }
        }
        out.push('\'');
        if out.contains("' || chr(") {
            // One value, whatever operator stands next to it.
            out = format!("({out})");
        }
        out
    }
}

/// A running engine that answers SQL with rows.
pub enum Backend {
    /// DuckDB's shell in JSON mode, reading statements from a pipe.
    DuckDb(DuckDb),
    /// ClickHouse's HTTP interface.
    ClickHouse(ClickHouse),
}

impl Backend {
    /// The dialect of SQL this engine reads.
    pub fn dialect(&self) -> Dialect {
        match self {
            Backend::DuckDb(_) => Dialect::DuckDb,
            Backend::ClickHouse(_) => Dialect::ClickHouse,
        }
    }

    /// Runs one statement; its rows as JSON objects (none for a statement without a result),
    /// or the engine's error message.
    pub fn rows(&mut self, sql: &str) -> Result<Vec<Value>, String> {
        match self {
            Backend::DuckDb(d) => d.rows(sql),
            Backend::ClickHouse(c) => c.rows(sql),
        }
    }
}

/// DuckDB's shell, started once: a query costs a write to its pipe, not a new process that
/// would open the database again.
pub struct DuckDb {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    errors: Arc<Mutex<String>>,
}

/// The statement sent after each statement, so that the end of its output is known (a failed
/// statement prints nothing on standard output), and the line DuckDB prints for it.
const END: &str = "SELECT 1 AS dateline_end_of_answer";
const END_LINE: &str = r#"[{"dateline_end_of_answer":1}]"#;

impl DuckDb {
    /// Starts `program` (DuckDB's shell) on the database file `file`, or in memory.
    pub fn start(program: &str, file: Option<&str>) -> Result<DuckDb, String> {
        let mut child = Command::new(program)
            .arg("-json")
            .args(file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{program}: cannot start DuckDB's shell: {e}"))?;
        let (Some(input), Some(output), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(format!("{program}: no pipes to DuckDB's shell"));
        };
        let errors = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&errors);
        // Errors come on standard error, which is read on its own so that neither pipe fills.
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                if let Ok(mut text) = sink.lock() {
                    text.push_str(&String::from_utf8_lossy(&buffer[..n]));
                }
            }
        });
        let mut duckdb = DuckDb {
            child,
            input,
            output: BufReader::new(output),
            errors,
        };
        duckdb.rows("SET enable_progress_bar = false")?;
        Ok(duckdb)
    }

    /// Runs one statement (see [`Backend::rows`]).
    pub fn rows(&mut self, sql: &str) -> Result<Vec<Value>, String> {
        let statement = sql.trim().trim_end_matches(';');
        if let Ok(mut e) = self.errors.lock() {
            e.clear();
        }
        write!(self.input, "{statement};\n{END};\n")
            .and_then(|()| self.input.flush())
            .map_err(|e| format!("DuckDB's shell has stopped: {e}"))?;
        let mut answer = String::new();
        let mut line = String::new();
        loop {
            line.clear();
            match self.output.read_line(&mut line) {
                Ok(0) | Err(_) => return Err(self.stopped()),
                // Only the whole line: a value in the data may hold the name.
                Ok(_) if line.trim_end() == END_LINE => break,
                Ok(_) => answer.push_str(&line),
            }
        }
        if answer.trim().is_empty() {
            return match self.error_text() {
                Some(message) => Err(message),
                None => Ok(Vec::new()),
            };
        }
        parse_rows(&answer, |root| match root.kind {
            Kind::Array(rows) => Some(rows),
            _ => None,
        })
    }

    /// DuckDB's message about the statement that printed nothing, if it gave one: it is written
    /// before the next statement's answer, so it is there or arrives within moments.
    fn error_text(&self) -> Option<String> {
        let deadline = Instant::now() + Duration::from_millis(200);
        loop {
            let text = self.errors.lock().map(|e| e.trim().to_string()).ok()?;
            if !text.is_empty() {
                return Some(text);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn stopped(&self) -> String {
        let text = self.errors.lock().map(|e| e.clone()).unwrap_or_default();
        format!("DuckDB's shell has stopped: {}", text.trim())
    }
}

impl Drop for DuckDb {
    fn drop(&mut self) {
        // Closing its input ends the shell; kill covers one stuck in a long query.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// ClickHouse's HTTP interface at one URL (`http://host:8123/`, with `?user=…&password=…` or a
/// `database` as ClickHouse reads them from the query string).
pub struct ClickHouse {
    host: String,
    path: String,
    /// The chDB server when this process started one.
    child: Option<Child>,
}

impl ClickHouse {
    /// The interface at `url` (plain `http://` only).
    pub fn at(url: &str) -> Result<ClickHouse, String> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| format!("--clickhouse {url}: give an http:// URL"))?;
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() {
            return Err(format!("--clickhouse {url}: the URL names no host"));
        }
        let host = if host.contains(':') {
            host.to_string()
        } else {
            format!("{host}:8123")
        };
        Ok(ClickHouse {
            host,
            path: path.to_string(),
            child: None,
        })
    }

    /// Starts chDB behind its HTTP server with `python` (which must import `chdb`).
    pub fn start_chdb(python: &str) -> Result<ClickHouse, String> {
        let mut child = Command::new(python)
            .args(["-c", CHDB_SERVER])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{python}: cannot start Python for chDB: {e}"))?;
        let mut first = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut first);
        }
        let Ok(port) = first.trim().parse::<u16>() else {
            let mut why = String::new();
            if let Some(mut err) = child.stderr.take() {
                let _ = err.read_to_string(&mut why);
            }
            let _ = child.kill();
            let _ = child.wait();
            let last = why.trim().lines().last().unwrap_or("no output").to_string();
            return Err(format!(
                "{python}: chDB did not start ({last}); ./build.sh installs it in target/tools"
            ));
        };
        let mut clickhouse = ClickHouse::at(&format!("http://127.0.0.1:{port}/"))?;
        clickhouse.child = Some(child);
        Ok(clickhouse)
    }

    fn rows(&mut self, sql: &str) -> Result<Vec<Value>, String> {
        let statement = sql.trim().trim_end_matches(';');
        let wants_rows = {
            let head = statement.trim_start().to_ascii_uppercase();
            head.starts_with("SELECT") || head.starts_with("DESCRIBE") || head.starts_with("WITH")
        };
        let body = if wants_rows {
            format!("{statement} FORMAT JSON")
        } else {
            statement.to_string()
        };
        let (status, text) = self.post(&body)?;
        if status != 200 {
            return Err(text.trim().to_string());
        }
        if !wants_rows {
            return Ok(Vec::new());
        }
        parse_rows(&text, |root| match root.kind {
            Kind::Object(members) => {
                members
                    .into_iter()
                    .find(|m| m.key == "data")
                    .and_then(|m| match m.value.kind {
                        Kind::Array(rows) => Some(rows),
                        _ => None,
                    })
            }
            _ => None,
        })
    }

    /// One POST in HTTP/1.0, which ClickHouse answers whole and then closes: no chunks, no
    /// connection to keep.
    fn post(&self, body: &str) -> Result<(u16, String), String> {
        let failed = |e: std::io::Error| format!("ClickHouse at {}: {e}", self.host);
        let mut stream = TcpStream::connect(&self.host).map_err(failed)?;
        write!(
            stream,
            "POST {} HTTP/1.0\r\nHost: {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
            self.path,
            self.host,
            body.len()
        )
        .map_err(failed)?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).map_err(failed)?;
        let reply = String::from_utf8_lossy(&reply);
        let (head, text) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("ClickHouse at {}: not an HTTP answer", self.host))?;
        Ok((status, text.to_string()))
    }
}

impl Drop for ClickHouse {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The rows of an engine's JSON answer, found in the parsed text by `rows_of`.
fn parse_rows(
    text: &str,
    rows_of: impl FnOnce(Value) -> Option<Vec<Value>>,
) -> Result<Vec<Value>, String> {
    let parsed = json::parse(text);
    if let Some(problem) = parsed.problems.first() {
        return Err(format!(
            "the engine's answer is not JSON: {}",
            problem.message
        ));
    }
    parsed
        .root
        .and_then(rows_of)
        .ok_or_else(|| "the engine's answer holds no rows".to_string())
}

/// A whole number from an engine's JSON: ClickHouse may write 64-bit numbers as text.
pub fn whole(value: Option<&Value>) -> Option<i64> {
    let value = value?;
    match &value.kind {
        Kind::Number(n) if n.fract() == 0.0 => Some(*n as i64),
        Kind::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// A decimal from an engine's JSON.
pub fn decimal(value: Option<&Value>) -> Option<f64> {
    let value = value?;
    match &value.kind {
        Kind::Number(n) => Some(*n),
        Kind::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Text from an engine's JSON; numbers as they would be written.
pub fn text(value: Option<&Value>) -> Option<String> {
    let value = value?;
    match &value.kind {
        Kind::String(s) => Some(s.clone()),
        Kind::Number(n) => Some(json::decimal(*n)),
        Kind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_quoted_for_each_dialect() {
        assert_eq!(Dialect::DuckDb.quote("it's a\\b"), "'it''s a\\b'");
        assert_eq!(Dialect::ClickHouse.quote("it's a\\b"), "'it''s a\\\\b'");
        assert_eq!(Dialect::DuckDb.quote("a\nb"), "('a' || chr(10) || 'b')");
        assert_eq!(Dialect::ClickHouse.quote("a\nb"), "'a\\nb'");
    }

    #[test]
    fn a_url_without_a_port_gets_clickhouses() {
        let c = ClickHouse::at("http://db.example/?user=me").expect("a URL");
        assert_eq!(
            (c.host.as_str(), c.path.as_str()),
            ("db.example:8123", "/?user=me")
        );
        assert!(ClickHouse::at("https://db.example/").is_err());
        assert!(ClickHouse::at("http:///").is_err());
    }

    #[test]
    fn numbers_written_as_text_are_read() {
        let parsed = json::parse(r#"{"a": "12", "b": 3, "c": "x"}"#);
        let root = parsed.root.expect("JSON");
        assert_eq!(whole(root.get("a")), Some(12));
        assert_eq!(whole(root.get("b")), Some(3));
        assert_eq!(whole(root.get("c")), None);
        assert_eq!(text(root.get("b")).as_deref(), Some("3"));
    }
}
