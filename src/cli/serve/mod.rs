//! `dateline serve`: the explorer's questions answered over HTTP from data too large for a
//! browser tab, by translating each query spec into SQL that an existing engine runs: DuckDB on
//! one machine, ClickHouse (or chDB, its embedded engine) for a cluster. See docs/scale.md.
//!
//! The answers are the JSON the page's engine gives for the same calls, so a page can ask the
//! server instead:
//!
//! | request | answer |
//! |---|---|
//! | `POST /query` (a spec) | `query(spec)`'s result, typed arrays as arrays |
//! | `POST /summaries` (`[row, …]`) | `summaries(rows)` |
//! | `GET /event?id=ID` | `event(id)` |
//! | `POST /export?format=F` (a spec) | the file `exportView(spec, F)` writes: `csv`, `geojson`, `package`, `citations` |
//! | `GET /types`, `/places`, `/actors`, `/documents`, `/extent` | the dictionaries |
//!
//! A request the server cannot answer gets a 4xx or 5xx status and `{ "error": message }`; an
//! export of more than [`export::MAX_EXPORT`] events gets a 413.
//!
//! The files: the tables built from the Parquet files (`tables.rs`), a spec as SQL (`sql.rs`),
//! the engines (`backend.rs`, with `chdb_server.py`), errors (`failure.rs`), the answer (`answer.rs`), its timeline
//! (`view.rs`), its list entries and cards (`entries.rs`) and exports (`export.rs`).

mod answer;
mod backend;
mod entries;
mod export;
mod failure;
mod sql;
mod tables;
mod view;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dateline::engine::query::QuerySpec;
use dateline::json::{self, Kind, Object, ToJson};

use answer::{Dictionaries, SpanCache};
use backend::{Backend, ClickHouse, DuckDb};
use failure::Failure;

/// The largest request body read: a spec or a list of rows.
const MAX_BODY: u64 = 8 << 20;

/// How `dateline serve` was asked to run.
struct Settings {
    dir: Option<PathBuf>,
    port: u16,
    host: String,
    engine: String,
    duckdb: String,
    python: String,
    clickhouse: Option<String>,
    /// DuckDB's database file, for tables larger than memory or built once.
    db: Option<String>,
    /// DuckDB's `memory_limit` (`4GB`): past it, DuckDB spills to disk.
    memory: Option<String>,
    prepared: bool,
}

fn settings(args: &[String]) -> Result<Settings, String> {
    let mut s = Settings {
        dir: None,
        port: 8080,
        host: "127.0.0.1".into(),
        engine: "duckdb".into(),
        duckdb: "duckdb".into(),
        python: "python3".into(),
        clickhouse: None,
        db: None,
        memory: None,
        prepared: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--port" => {
                s.port = value("--port")?
                    .parse()
                    .map_err(|_| "--port needs a port number".to_string())?
            }
            "--host" => s.host = value("--host")?,
            "--engine" => s.engine = value("--engine")?,
            "--duckdb" => s.duckdb = value("--duckdb")?,
            "--python" => s.python = value("--python")?,
            "--clickhouse" => s.clickhouse = Some(value("--clickhouse")?),
            "--db" => s.db = Some(value("--db")?),
            "--memory" => s.memory = Some(value("--memory")?),
            "--prepared" => s.prepared = true,
            _ if s.dir.is_none() && !arg.starts_with("--") => s.dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("dateline serve: '{arg}' is not an option")),
        }
    }
    if s.dir.is_none() && !s.prepared {
        return Err(
            "dateline serve needs a directory of Parquet files (or --prepared with --clickhouse)"
                .into(),
        );
    }
    Ok(s)
}

/// The engine the settings name, started.
fn start(s: &Settings) -> Result<Backend, String> {
    if let Some(url) = &s.clickhouse {
        return ClickHouse::at(url).map(Backend::ClickHouse);
    }
    match s.engine.as_str() {
        "duckdb" => {
            let mut duckdb = DuckDb::start(&s.duckdb, s.db.as_deref())?;
            if let Some(limit) = &s.memory {
                let limit = backend::Dialect::DuckDb.quote(limit);
                duckdb
                    .rows(&format!("SET memory_limit = {limit}"))
                    .map_err(|e| format!("--memory: {e}"))?;
            }
            Ok(Backend::DuckDb(duckdb))
        }
        "chdb" => ClickHouse::start_chdb(&s.python).map(Backend::ClickHouse),
        other => Err(format!(
            "--engine {other}: use duckdb or chdb (or --clickhouse URL)"
        )),
    }
}

/// Runs `dateline serve`.
pub fn command(args: &[String]) -> ExitCode {
    match serve(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &[String]) -> Result<(), String> {
    let s = settings(args)?;
    let mut backend = start(&s)?;
    let began = Instant::now();
    if let Some(dir) = s.dir.as_ref().filter(|_| !s.prepared) {
        let files = tables::check_files(&mut backend, dir)?;
        tables::build(&mut backend, &files)
            .map_err(|e| format!("{}: cannot build the tables: {e}", dir.display()))?;
    }
    let dict = Dictionaries::read(&mut backend).map_err(|f| {
        let first = f.message.lines().next().unwrap_or_default().to_string();
        if s.prepared {
            format!("dateline serve --prepared: the tables are not there ({first}); build them without --prepared")
        } else {
            first
        }
    })?;
    let server = tiny_http::Server::http((s.host.as_str(), s.port)).map_err(|e| {
        format!(
            "dateline serve: cannot listen on {}:{}: {e}",
            s.host, s.port
        )
    })?;
    let port = server.server_addr().to_ip().map_or(s.port, |a| a.port());
    eprintln!(
        "dateline serve: listening on http://{}:{port}/ ({} places, {} actors; tables ready in {:.1} s)",
        s.host,
        dict.places.len(),
        dict.actors.len(),
        began.elapsed().as_secs_f64()
    );
    let name = s.dir.as_ref().and_then(|d| d.file_name()).map_or_else(
        || "dateline serve".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut cache = SpanCache::default();
    for mut request in server.incoming_requests() {
        let (status, body) = match respond(&mut backend, &dict, &mut cache, &name, &mut request) {
            Ok(body) => (200, body),
            Err(f) => {
                let mut out = String::new();
                Object::new(&mut out).field("error", &f.message).end();
                (f.status, Answer::Json(out))
            }
        };
        // A client that went away is no reason to stop serving the others.
        let _ = write_answer(&mut request.into_writer(), status, &body);
    }
    Ok(())
}

/// What a request is answered with: JSON, or an export's file.
enum Answer {
    Json(String),
    File(export::ExportFile),
}

/// Writes an answer of `status` with the JSON `body`, and asks the client to close the
/// connection after it.
///
/// tiny_http 0.12 gives each connection a thread of its pool for as long as the connection stays
/// open, and takes a new thread only when it counts none idle. A thread woken for one connection
/// still counts as idle until it runs, so when several connections arrive at once the later ones
/// can be queued behind connections that a client keeps alive, and their requests wait unread
/// until one of those closes (tests/serve.rs has the burst). Closing each connection once answered
/// frees its thread as soon as its request is answered, at the cost of a connection per request;
/// the answer is written here whole because tiny_http drops a `Connection` header set on its
/// responses.
fn write_answer(out: &mut dyn Write, status: u16, answer: &Answer) -> std::io::Result<()> {
    let reason = tiny_http::StatusCode(status).default_reason_phrase();
    let (mime, saved, body) = match answer {
        Answer::Json(text) => ("application/json", String::new(), text),
        // The name is a slug (letters, digits, dashes and a dot), safe inside the quotes.
        Answer::File(file) => (
            file.mime,
            format!(
                "Content-Disposition: attachment; filename=\"{}\"\r\n\
                 Access-Control-Expose-Headers: Content-Disposition\r\n",
                file.file_name
            ),
            &file.text,
        ),
    };
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: {mime}; charset=utf-8\r\n\
         {saved}Content-Length: {}\r\n\
         Access-Control-Allow-Origin: *\r\n\
         Access-Control-Allow-Headers: Content-Type\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )?;
    out.flush()
}

/// The answer to one request.
fn respond(
    backend: &mut Backend,
    dict: &Dictionaries,
    cache: &mut SpanCache,
    name: &str,
    request: &mut tiny_http::Request,
) -> Result<Answer, Failure> {
    if request.url().split('?').next() == Some("/export")
        && request.method().as_str().eq_ignore_ascii_case("POST")
    {
        let query = request
            .url()
            .split_once('?')
            .map_or("", |q| q.1)
            .to_string();
        let asked = query
            .split('&')
            .find_map(|p| p.strip_prefix("format="))
            .map(percent_decoded);
        let format = export::format_of(asked.as_deref())?;
        let spec = QuerySpec::from_json(&body(request)?).map_err(Failure::bad)?;
        return export::export(backend, dict, &spec, format, name).map(Answer::File);
    }
    json_answer(backend, dict, cache, request).map(Answer::Json)
}

/// The JSON answer to a request for anything but an export.
fn json_answer(
    backend: &mut Backend,
    dict: &Dictionaries,
    cache: &mut SpanCache,
    request: &mut tiny_http::Request,
) -> Result<String, Failure> {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let method = request.method().as_str().to_ascii_uppercase();
    match (method.as_str(), path) {
        ("OPTIONS", _) => Ok(String::new()),
        ("GET", "/types") => Ok(dict.types.to_json()),
        ("GET", "/places") => Ok(dict.places_json()),
        ("GET", "/actors") => Ok(dict.actors_json()),
        ("GET", "/documents") => Ok("[]".into()),
        ("GET", "/extent") => Ok(Dictionaries::span_json(dict.extent)),
        ("GET", "/event") => {
            let id = query
                .split('&')
                .find_map(|p| p.strip_prefix("id="))
                .map(percent_decoded)
                .ok_or_else(|| Failure::bad("/event needs ?id=EVENT_ID"))?;
            entries::card(backend, &id)
        }
        ("POST", "/query") => {
            let spec = QuerySpec::from_json(&body(request)?).map_err(Failure::bad)?;
            answer::answer(backend, dict, cache, &spec)
        }
        ("POST", "/summaries") => entries::summaries(backend, &rows_of(&body(request)?)?),
        (_, "/query" | "/summaries" | "/export" | "/event" | "/types" | "/places" | "/actors" | "/documents" | "/extent") => {
            Err(Failure {
                status: 405,
                message: format!("{method} {path}: use GET for dictionaries and /event, POST for /query, /summaries and /export"),
            })
        }
        _ => Err(Failure {
            status: 404,
            message: format!("{path}: no such resource; see docs/scale.md"),
        }),
    }
}

/// A request's body as text, at most [`MAX_BODY`] bytes.
fn body(request: &mut tiny_http::Request) -> Result<String, Failure> {
    let mut text = String::new();
    request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_string(&mut text)
        .map_err(|_| Failure::bad("the request's body is not UTF-8 text"))?;
    if text.len() as u64 > MAX_BODY {
        return Err(Failure {
            status: 413,
            message: format!("the request's body is over {MAX_BODY} bytes"),
        });
    }
    Ok(text)
}

/// The rows of a `/summaries` body: a JSON array of whole numbers.
fn rows_of(text: &str) -> Result<Vec<u32>, Failure> {
    let wrong = || Failure::bad("/summaries needs a JSON array of rows (whole numbers)");
    let parsed = json::parse(text);
    if !parsed.problems.is_empty() {
        return Err(wrong());
    }
    match parsed.root.map(|r| r.kind) {
        Some(Kind::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_f64()
                    .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                    .map(|n| n as u32)
            })
            .collect::<Option<Vec<u32>>>()
            .ok_or_else(wrong),
        _ => Err(wrong()),
    }
}

/// A query string's value with `%XX` and `+` decoded; a broken escape stays as written.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| {
            bytes
                .get(at)
                .and_then(|&b| (b as char).to_digit(16))
                .map(|d| d as u8)
        };
        match bytes[i] {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_string_values_are_decoded() {
        assert_eq!(percent_decoded("SYN%201+a%2"), "SYN 1 a%2");
        assert_eq!(percent_decoded("%C3%A9"), "é");
    }

    #[test]
    fn rows_must_be_whole_numbers() {
        assert_eq!(rows_of("[1, 2]").expect("rows"), vec![1, 2]);
        assert_eq!(rows_of("[1.5]").unwrap_err().status, 400);
        assert_eq!(rows_of("{}").unwrap_err().status, 400);
        assert_eq!(rows_of("[-1]").unwrap_err().status, 400);
    }

    #[test]
    fn a_directory_is_needed_unless_the_tables_are_ready() {
        assert!(settings(&[]).is_err());
        let s = settings(&[
            "--clickhouse".into(),
            "http://db:8123/".into(),
            "--prepared".into(),
        ])
        .expect("settings");
        assert!(s.dir.is_none() && s.prepared);
        assert!(settings(&["data".into(), "--port".into(), "x".into()]).is_err());
    }
}
