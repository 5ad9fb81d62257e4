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
//! A request the server cannot answer gets a 4xx or 5xx status and `{ "error": message }`.
//!
//! A CSV export is streamed, whatever its size: the events are read a batch at a time
//! (`--export-batch`, [`export::EXPORT_BATCH`] by default) and each batch's lines are sent as a
//! chunk of chunked transfer coding, so the server holds one batch at once. The other formats
//! describe the whole selection before the first event, so they are written whole in memory,
//! and more than `--export-limit` events ([`export::MAX_EXPORT`] by default) get a 413; so does
//! a CSV export that large asked for over HTTP/1.0, which has no chunks. A failure before the
//! first byte is sent is an error as above; one after it breaks the answer off (see
//! [`write_stream`]), so that no client takes a part for the whole file.
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
use dateline::write::ExportFormat;

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
    /// How large exports may be.
    export: export::Sizes,
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
        export: export::Sizes::default(),
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
            "--export-batch" => {
                s.export.batch = count(&value("--export-batch")?, "--export-batch")?
            }
            "--export-limit" => {
                s.export.whole = count(&value("--export-limit")?, "--export-limit")?
            }
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

/// A count an option gives: a whole number of at least 1.
fn count(text: &str, option: &str) -> Result<u64, String> {
    text.replace('_', "")
        .parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{option} needs a whole number of events, at least 1"))
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
    let serving = Serving {
        dict: &dict,
        name: &name,
        sizes: s.export,
    };
    for mut request in server.incoming_requests() {
        let (status, answer) = match respond(&mut backend, &serving, &mut cache, &mut request) {
            Ok(answer) => (200, answer),
            Err(f) => {
                let mut text = String::new();
                Object::new(&mut text).field("error", &f.message).end();
                (f.status, Answer::Json(text))
            }
        };
        let out = &mut request.into_writer();
        // A client that went away is no reason to stop serving the others.
        let _ = match answer {
            Answer::Json(text) => write_answer(out, status, "application/json", None, &text),
            Answer::File(f) => write_answer(out, status, f.mime, Some(&f.file_name), &f.text),
            Answer::Stream(mut export) => {
                let file_name = export.file_name.clone();
                write_stream(out, &file_name, || export.next_part(&mut backend))
            }
        };
    }
    Ok(())
}

/// What every request is answered from: the dictionaries, the dataset's name, and how large
/// exports may be.
struct Serving<'a> {
    dict: &'a Dictionaries,
    name: &'a str,
    sizes: export::Sizes,
}

/// What a request is answered with: JSON, an export's file, or a CSV export to stream.
enum Answer {
    Json(String),
    File(export::ExportFile),
    Stream(Box<export::CsvExport>),
}

/// Writes an answer of `status` whose body is `body` (of type `mime`, a file to be saved as
/// `file_name`), and asks the client to close the connection after it.
///
/// tiny_http 0.12 gives each connection a thread of its pool for as long as the connection stays
/// open, and takes a new thread only when it counts none idle. A thread woken for one connection
/// still counts as idle until it runs, so when several connections arrive at once the later ones
/// can be queued behind connections that a client keeps alive, and their requests wait unread
/// until one of those closes (tests/serve.rs has the burst). Closing each connection once answered
/// frees its thread as soon as its request is answered, at the cost of a connection per request;
/// the answer is written here whole because tiny_http drops a `Connection` header set on its
/// responses.
fn write_answer(
    out: &mut dyn Write,
    status: u16,
    mime: &str,
    file_name: Option<&str>,
    body: &str,
) -> std::io::Result<()> {
    out.write_all(head(status, mime, file_name, Some(body.len())).as_bytes())?;
    out.write_all(body.as_bytes())?;
    out.flush()
}

/// The head of an answer of `status`: a body of `length` bytes, or in chunks when `None`; a
/// file to be saved as `file_name`. The connection closes after it (see [`write_answer`]).
fn head(status: u16, mime: &str, file_name: Option<&str>, length: Option<usize>) -> String {
    let reason = tiny_http::StatusCode(status).default_reason_phrase();
    // The name is a slug (letters, digits, dashes and a dot), safe inside the quotes.
    let saved = file_name.map_or_else(String::new, |name| {
        format!(
            "Content-Disposition: attachment; filename=\"{name}\"\r\n\
             Access-Control-Expose-Headers: Content-Disposition\r\n"
        )
    });
    let framing = length.map_or_else(
        || "Transfer-Encoding: chunked".to_string(),
        |n| format!("Content-Length: {n}"),
    );
    format!(
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: {mime}; charset=utf-8\r\n\
         {saved}{framing}\r\n\
         Access-Control-Allow-Origin: *\r\n\
         Access-Control-Allow-Headers: Content-Type\r\n\
         Connection: close\r\n\r\n"
    )
}

/// What a streamed answer that fails midway sends where the next chunk's size would be. A size
/// is hexadecimal digits, and this line starts with none, so every client reports the answer as
/// broken and closes the connection. The server cannot close it itself: tiny_http holds the
/// socket, and keeps it open to read the client's next request.
const BROKEN_OFF: &[u8] = b"!export stopped: the server failed; see its log\r\n";

/// Writes a streamed CSV export, to be saved as `file_name`, with chunked transfer coding: the
/// head, each part `next` gives as a chunk, then the last chunk, which tells the client the file
/// is whole. When `next` fails, the answer is broken off ([`BROKEN_OFF`]) and the failure goes
/// to standard error: the status is sent, and a client must not take the part for the file.
fn write_stream(
    out: &mut dyn Write,
    file_name: &str,
    mut next: impl FnMut() -> Result<Option<String>, Failure>,
) -> std::io::Result<()> {
    let mime = ExportFormat::Csv.mime();
    out.write_all(head(200, mime, Some(file_name), None).as_bytes())?;
    let mut sent = 0;
    loop {
        match next() {
            // An empty chunk would end the file.
            Ok(Some(part)) if part.is_empty() => {}
            Ok(Some(part)) => {
                write!(out, "{:x}\r\n", part.len())?;
                out.write_all(part.as_bytes())?;
                out.write_all(b"\r\n")?;
                out.flush()?;
                sent += part.len();
            }
            Ok(None) => {
                out.write_all(b"0\r\n\r\n")?;
                return out.flush();
            }
            Err(f) => {
                eprintln!(
                    "dateline serve: {file_name} broken off after {sent} bytes: {}",
                    f.message
                );
                out.write_all(BROKEN_OFF)?;
                return out.flush();
            }
        }
    }
}

/// The answer to one request.
fn respond(
    backend: &mut Backend,
    serving: &Serving<'_>,
    cache: &mut SpanCache,
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
        let (dict, name) = (serving.dict, serving.name);
        // HTTP/1.0 has no chunks, and an answer that ends when the connection closes could
        // not tell a client that a file was cut short.
        if format == ExportFormat::Csv && *request.http_version() >= (1, 1) {
            return export::CsvExport::start(backend, dict, &spec, name, serving.sizes.batch)
                .map(|export| Answer::Stream(Box::new(export)));
        }
        return export::export(backend, dict, &spec, format, name, serving.sizes.whole)
            .map(Answer::File);
    }
    json_answer(backend, serving.dict, cache, request).map(Answer::Json)
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

    #[test]
    fn export_sizes_are_counts_of_events() {
        let args = |more: &[&str]| {
            let mut all = vec!["data".to_string()];
            all.extend(more.iter().map(|a| a.to_string()));
            settings(&all)
        };
        assert_eq!(
            args(&[]).expect("settings").export,
            export::Sizes::default()
        );
        let s = args(&["--export-batch", "1_000", "--export-limit", "50"]).expect("settings");
        assert_eq!((s.export.batch, s.export.whole), (1_000, 50));
        let zero = args(&["--export-batch", "0"]).err().unwrap_or_default();
        assert!(zero.contains("--export-batch"), "{zero}");
        assert!(args(&["--export-limit", "many"]).is_err());
    }

    #[test]
    fn a_streamed_answer_ends_with_the_last_chunk_or_breaks_off() {
        let streamed = |parts: Vec<Result<Option<String>, Failure>>| {
            let mut parts = parts.into_iter();
            let mut out = Vec::new();
            write_stream(&mut out, "data.csv", || parts.next().unwrap_or(Ok(None)))
                .expect("written");
            let text = String::from_utf8(out).expect("text");
            let (head, body) = text.split_once("\r\n\r\n").expect("a head");
            assert!(
                head.contains("\r\nTransfer-Encoding: chunked\r\n"),
                "{head}"
            );
            assert!(!head.contains("Content-Length"), "{head}");
            assert!(head.contains("filename=\"data.csv\""), "{head}");
            body.to_string()
        };
        let part = |text: &str| Ok(Some(text.to_string()));
        // An empty part is no chunk: an empty chunk would end the file.
        let whole = streamed(vec![part("a,b\n"), part(""), part("1,22\n"), Ok(None)]);
        assert_eq!(whole, "4\r\na,b\n\r\n5\r\n1,22\n\r\n0\r\n\r\n");
        let gone = Failure::engine("DuckDB's shell has stopped".into());
        let broken = streamed(vec![part("a,b\n"), Err(gone), part("1,2\n")]);
        let cut = String::from_utf8_lossy(BROKEN_OFF);
        assert_eq!(broken, format!("4\r\na,b\n\r\n{cut}"));
        assert!(!cut.starts_with(|c: char| c.is_ascii_hexdigit()));
    }
}
