//! `dateline serve` over DuckDB and chDB: the same queries on both engines give the page's
//! engine's answers on the same synthetic data, through HTTP; bad files and bad requests get
//! errors that say where.
//!
//! The engines come from the package registries: `./build.sh tools` installs them in
//! `target/tools/venv` (`./build.sh test` does it first). `DATELINE_TOOLS` names another folder
//! holding `duckdb` and a `python` that imports `chdb`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use dateline::engine::query::{self, QuerySpec, RankedFacet};
use dateline::model::edtf::Precision;
use dateline::read::{self, Format, Options};
use dateline::write::{self, ExportFormat};
use dateline::Store;
use serde_json::Value;

/// The folder with `duckdb` and `python`, checked: a missing engine fails the test with what to
/// run, never skips it.
fn tools() -> PathBuf {
    let dir = std::env::var_os("DATELINE_TOOLS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/venv/bin"),
        PathBuf::from,
    );
    let duckdb = Command::new(dir.join("duckdb")).arg("--version").output();
    assert!(
        duckdb.is_ok_and(|o| o.status.success()),
        "DuckDB's shell is not in {}: run ./build.sh tools (it installs duckdb-cli and chdb from PyPI into target/tools)",
        dir.display()
    );
    let chdb = Command::new(dir.join("python"))
        .args(["-c", "import chdb"])
        .output();
    assert!(
        chdb.is_ok_and(|o| o.status.success()),
        "chDB does not import with {}: run ./build.sh tools (it installs duckdb-cli and chdb from PyPI into target/tools)",
        dir.join("python").display()
    );
    dir
}

/// A fresh folder of its own for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("serve-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .expect("the program runs");
    let text = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        out.status.success(),
        "{} {args:?}: {text}",
        program.display()
    );
    text
}

/// `n` synthetic ACLED rows as CSV in `dir`, and as Parquet (written by DuckDB) in `dir/data`.
fn synthetic(dir: &Path, n: usize) -> PathBuf {
    let csv = dir.join("events.csv");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("a data folder");
    let dateline = Path::new(env!("CARGO_BIN_EXE_dateline"));
    run(
        dateline,
        &["synth", &n.to_string(), "--acled", &csv.to_string_lossy()],
    );
    let copy = format!(
        "COPY (SELECT * FROM read_csv('{}')) TO '{}'",
        csv.display(),
        data.join("events.parquet").display()
    );
    run(&tools().join("duckdb"), &["-c", &copy]);
    csv
}

/// `n` synthetic rows in a scratch folder `name`: the page's engine on their CSV, read as a file
/// called `file` would be, and servers on their Parquet through DuckDB and through chDB.
fn on_both_engines(name: &str, n: usize, file: &str) -> (Store, Server, Server) {
    let dir = scratch(name);
    let csv = synthetic(&dir, n);
    let options = Options {
        format: Some(Format::Acled),
        name: file.into(),
        ..Options::default()
    };
    let bytes = std::fs::read(&csv).expect("the CSV");
    let store = Store::new(read::Reading::new(bytes, &options).finish());
    let duckdb = Server::start(&dir.join("data"), "duckdb").expect("DuckDB serves");
    let chdb = Server::start(&dir.join("data"), "chdb").expect("chDB serves");
    (store, duckdb, chdb)
}

/// A `dateline serve` process, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Starts the server on `data` with `engine`; its error message when it does not start.
    fn start(data: &Path, engine: &str) -> Result<Server, String> {
        Server::start_with(data, engine, &[])
    }

    /// [`Server::start`], with more `options`.
    fn start_with(data: &Path, engine: &str, options: &[&str]) -> Result<Server, String> {
        let tools = tools();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args([
                "serve",
                &data.to_string_lossy(),
                "--port",
                "0",
                "--engine",
                engine,
            ])
            .arg("--duckdb")
            .arg(tools.join("duckdb"))
            .arg("--python")
            .arg(tools.join("python"))
            .args(options)
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut first = String::new();
        let mut err = BufReader::new(child.stderr.take().expect("stderr"));
        err.read_line(&mut first).expect("a line");
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok());
        match port {
            Some(port) => Ok(Server { child, port }),
            None => {
                let mut rest = String::new();
                let _ = err.read_to_string(&mut rest);
                let _ = child.wait();
                Err(first + &rest)
            }
        }
    }

    /// One HTTP request: the status and the body.
    fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        let (status, _, text) = self.exchange(method, path, body);
        (status, text)
    }

    /// One HTTP request: the status, the headers lower-cased, and the body.
    fn exchange(&self, method: &str, path: &str, body: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("the server listens");
        write!(
            stream,
            "{method} {path} HTTP/1.0\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .expect("a request");
        let mut reply = String::new();
        stream.read_to_string(&mut reply).expect("a reply");
        let (head, text) = reply.split_once("\r\n\r\n").expect("headers");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        (status, head.to_ascii_lowercase(), text.to_string())
    }

    /// One HTTP/1.1 request: the status, the headers lower-cased, the body (its chunks joined
    /// when it came in chunks), and how many chunks came before the last one, `None` when the
    /// body came whole or broke off before the last chunk.
    fn chunked(
        &self,
        method: &str,
        path: &str,
        body: &str,
    ) -> (u16, String, String, Option<usize>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("the server listens");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .expect("a request");
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).expect("a reply");
        let at = reply
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("headers");
        let head = String::from_utf8_lossy(&reply[..at]).to_ascii_lowercase();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let mut rest = &reply[at + 4..];
        if !head.contains("transfer-encoding: chunked") {
            return (status, head, String::from_utf8_lossy(rest).into(), None);
        }
        let (mut text, mut chunks) = (Vec::new(), 0);
        loop {
            let Some(end) = rest.windows(2).position(|w| w == b"\r\n") else {
                break (status, head, String::from_utf8_lossy(&text).into(), None);
            };
            let size = std::str::from_utf8(&rest[..end])
                .ok()
                .and_then(|s| usize::from_str_radix(s, 16).ok());
            match size {
                Some(0) if &rest[end..] == b"\r\n\r\n" => {
                    break (
                        status,
                        head,
                        String::from_utf8_lossy(&text).into(),
                        Some(chunks),
                    )
                }
                Some(n) if n > 0 && rest.len() >= end + 2 + n + 2 => {
                    text.extend_from_slice(&rest[end + 2..end + 2 + n]);
                    rest = &rest[end + 2 + n + 2..];
                    chunks += 1;
                }
                _ => break (status, head, String::from_utf8_lossy(&text).into(), None),
            }
        }
    }

    fn json(&self, method: &str, path: &str, body: &str) -> Value {
        let (status, text) = self.request(method, path, body);
        assert_eq!(status, 200, "{path} {body}: {text}");
        serde_json::from_str(&text).expect("JSON")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn numbers(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|n| n.as_i64().expect("a number"))
        .collect()
}

/// Non-zero counts by name: the server's ids are names, the page's engine numbers its own.
fn by_name(names: impl Iterator<Item = String>, counts: &[i64]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for (name, &n) in names.zip(counts) {
        if n > 0 {
            *out.entry(name).or_insert(0) += n;
        }
    }
    out
}

/// A facet's ranked options as `[name, count]` pairs in their order, and its total; `name(i)`
/// names dictionary entry `i`.
fn ranked(facet: &RankedFacet, name: &dyn Fn(usize) -> String) -> Value {
    let options: Vec<Value> = facet
        .options
        .iter()
        .zip(&facet.counts)
        .map(|(&i, &n)| serde_json::json!([name(i as usize), n]))
        .collect();
    serde_json::json!({ "options": options, "total": facet.total })
}

/// The server's ranked facet `{ options, counts, total }` as [`ranked`] gives the page's,
/// with `names` its dictionary.
fn served_ranked(facet: &Value, names: &[String]) -> Value {
    let options: Vec<Value> = numbers(&facet["options"])
        .into_iter()
        .zip(numbers(&facet["counts"]))
        .map(|(i, n)| serde_json::json!([names[i as usize], n]))
        .collect();
    serde_json::json!({ "options": options, "total": facet["total"] })
}

/// What the page's engine answers, in the server's JSON and with names for ids.
fn page_engine(store: &Store, spec: &str) -> Value {
    let mut spec: Value = serde_json::from_str(spec).expect("a spec");
    // The spec names actors and places by name, as the server's ids are.
    let p = store.package();
    for (field, ids) in [
        (
            "actors",
            p.actors
                .iter()
                .map(|a| (a.name.clone(), a.id.clone()))
                .collect::<Vec<_>>(),
        ),
        (
            "places",
            p.places
                .iter()
                .map(|a| (a.name.clone(), a.id.clone()))
                .collect(),
        ),
    ] {
        if let Some(list) = spec.get_mut(field).and_then(Value::as_array_mut) {
            for v in list.iter_mut() {
                let name = v.as_str().expect("a name").to_string();
                let id = ids
                    .iter()
                    .find(|(n, _)| *n == name)
                    .expect("known")
                    .1
                    .clone();
                *v = Value::String(id);
            }
        }
    }
    let spec = QuerySpec::from_json(&spec.to_string()).expect("a spec");
    let r = query::run(store, &spec).expect("an answer");
    let ids = |rows: &[u32]| -> Vec<Value> {
        query::summaries(store, rows)
            .into_iter()
            .map(|s| serde_json::json!({ "id": s.id, "title": s.title, "dateLabel": s.date_label }))
            .collect()
    };
    let to_i64 = |v: &[u32]| v.iter().map(|&n| i64::from(n)).collect::<Vec<_>>();
    serde_json::json!({
        "total": r.total,
        "undated": r.undated,
        "unplaced": r.unplaced,
        "types": ranked(&r.facets.types, &|i| store.types()[i].id.clone()),
        "actors": ranked(&r.facets.actors, &|i| p.actors[i].name.clone()),
        "places": ranked(&r.facets.places, &|i| p.places[i].name.clone()),
        "placeSelected": by_name(p.places.iter().map(|a| a.name.clone()), &to_i64(&r.place_selected)),
        "precision": ranked(&r.facets.precision, &|i| Precision::ALL[i].as_str().to_string()),
        "bins": r.bins.as_ref().map(|b| serde_json::json!([b.step.unit(), b.edges, b.certain, b.possible])),
        "ticks": r.ticks.iter().map(|t| t.label.clone()).collect::<Vec<_>>(),
        "page": ids(&r.page),
        "viewPage": if r.view_total as usize > r.view_page.len() { Vec::new() } else { ids(&r.view_page) },
        "viewTotal": r.view_total,
        "lanes": r.lanes,
        "rows": r.rows.len(),
        "selected": r.selected.map(|d| serde_json::json!([d.summary.title, d.summary.date_label, d.figures.len(), d.actors.len()])),
    })
}

/// The server's answer in the same terms as [`page_engine`].
fn served(server: &Server, spec: &str) -> Value {
    let names = |path: &str| -> Vec<String> {
        server
            .json("GET", path, "")
            .as_array()
            .expect("a list")
            .iter()
            .map(|e| e["id"].as_str().expect("an id").to_string())
            .collect()
    };
    let precisions: Vec<String> = Precision::ALL
        .iter()
        .map(|p| p.as_str().to_string())
        .collect();
    let r = server.json("POST", "/query", spec);
    let list = |v: &Value| -> Vec<Value> {
        v.as_array().expect("a list").iter()
            .map(|s| serde_json::json!({ "id": s["id"], "title": s["title"], "dateLabel": s["dateLabel"] }))
            .collect()
    };
    serde_json::json!({
        "total": r["total"],
        "undated": r["undated"],
        "unplaced": r["unplaced"],
        "types": served_ranked(&r["facets"]["types"], &names("/types")),
        "actors": served_ranked(&r["facets"]["actors"], &names("/actors")),
        "places": served_ranked(&r["facets"]["places"], &names("/places")),
        "placeSelected": by_name(names("/places").into_iter(), &numbers(&r["placeSelected"])),
        "precision": served_ranked(&r["facets"]["precision"], &precisions),
        "bins": if r["bins"].is_null() { Value::Null } else {
            serde_json::json!([r["bins"]["unit"], r["bins"]["edges"], r["bins"]["certain"], r["bins"]["possible"]])
        },
        "ticks": r["ticks"].as_array().expect("ticks").iter().map(|t| t["label"].clone()).collect::<Vec<_>>(),
        "page": list(&r["page"]),
        "viewPage": list(&r["viewPage"]),
        "viewTotal": r["viewTotal"],
        "lanes": r["lanes"],
        "rows": r["rows"].as_array().expect("rows").len(),
        "selected": if r["selected"].is_null() { Value::Null } else {
            let d = &r["selected"];
            serde_json::json!([d["title"], d["dateLabel"], d["figures"].as_array().map_or(0, Vec::len), d["actors"].as_array().map_or(0, Vec::len)])
        },
    })
}

/// The fields where two answers differ, each with a short account of how.
fn differences(got: &Value, want: &Value) -> Vec<String> {
    let short = |v: &Value| v.to_string().chars().take(300).collect::<String>();
    let mut out = Vec::new();
    for (key, w) in want.as_object().expect("an answer") {
        let g = &got[key];
        if g == w {
            continue;
        }
        match (g.as_object(), w.as_object()) {
            (Some(go), Some(wo)) => {
                let keys: std::collections::BTreeSet<&String> =
                    go.keys().chain(wo.keys()).collect();
                let diff: Vec<String> = keys
                    .into_iter()
                    .filter(|k| go.get(*k) != wo.get(*k))
                    .take(5)
                    .map(|k| format!("{k}: {:?} not {:?}", go.get(k), wo.get(k)))
                    .collect();
                out.push(format!("{key}: {}", diff.join("; ")));
            }
            _ => out.push(format!("{key}: {} not {}", short(g), short(w))),
        }
    }
    out
}

#[test]
fn duckdb_and_chdb_answer_as_the_page_engine_does() {
    let (store, duckdb, chdb) = on_both_engines("answers", 20_000, "events.csv");
    // The most and least frequent actor and place, and an event to select.
    let every = r#"{"facetLimits": {"actors": 100000, "places": 100000}}"#;
    let all = served(&duckdb, every);
    let option = |field: &str, last: bool| -> String {
        let options = all[field]["options"].as_array().expect("options");
        let pick = if last {
            options.last()
        } else {
            options.first()
        };
        pick.expect("one")[0].as_str().expect("a name").to_string()
    };
    let (actor, place) = (option("actors", false), option("places", false));
    let (rare_actor, rare_place) = (option("actors", true), option("places", true));
    let first = served(&duckdb, "{}");
    let selected = first["page"][3]["id"].as_str().expect("an id").to_string();
    let specs = [
        "{}".to_string(),
        r#"{"from": "2020-01", "to": "2020-06"}"#.into(),
        r#"{"from": "2019-03-05", "to": "2019-03-20", "binUnit": "day", "viewFrom": "2019-02-20", "viewTo": "2019-04-10"}"#.into(),
        r#"{"types": ["protest", "attack"], "from": "2018"}"#.into(),
        format!(r#"{{"actors": ["{actor}"], "places": ["{place}"]}}"#),
        format!(r#"{{"actors": ["{actor}"], "from": "2021-02", "to": "2021-05", "precision": ["day", "month"]}}"#),
        r#"{"text": "camp", "to": "2019-12-31"}"#.into(),
        r#"{"text": "Protesters mortar"}"#.into(),
        r#"{"precision": ["range"], "offset": 40, "limit": 25}"#.into(),
        r#"{"from": "2022-03-01", "to": "2022-03-31", "viewLimit": 400, "laneWidth": 900, "withRows": true}"#.into(),
        r#"{"from": "2016-06", "to": "2016-06", "laneWidth": 600, "limit": 30, "maxTicks": 6}"#.into(),
        format!(r#"{{"selected": "{selected}", "limit": 0}}"#),
        every.into(),
        // Ticked options outside the top few, and a cut within runs of equal counts.
        format!(r#"{{"actors": ["{rare_actor}"], "from": "2019", "facetLimits": {{"actors": 7, "types": 2, "precision": 1}}}}"#),
        format!(r#"{{"places": ["{rare_place}"], "facetLimits": {{"places": 3}}}}"#),
        r#"{"facetLimits": {"actors": 0, "places": 0, "types": 0}, "text": "camp"}"#.into(),
    ];
    for spec in &specs {
        let want = page_engine(&store, spec);
        for (engine, server) in [("DuckDB", &duckdb), ("chDB", &chdb)] {
            let wrong = differences(&served(server, spec), &want);
            assert!(wrong.is_empty(), "{engine}, {spec}:\n{}", wrong.join("\n"));
        }
    }
    // The rarest actor and place, ticked, come back after the few most frequent.
    for (spec, field, cut, rare) in [
        (&specs[13], "actors", 7, &rare_actor),
        (&specs[14], "places", 3, &rare_place),
    ] {
        let ticked = page_engine(&store, spec);
        let options = ticked[field]["options"].as_array().expect("options");
        assert_eq!(options.len(), cut + 1, "{field}");
        assert_eq!(options[cut][0].as_str(), Some(rare.as_str()), "{field}");
        assert!(
            ticked[field]["total"].as_u64() > Some(cut as u64 + 1),
            "{field}"
        );
    }
    // The specs above find something: the comparisons are not of empty answers.
    for spec in &specs[..8] {
        assert!(
            page_engine(&store, spec)["total"].as_u64() > Some(0),
            "{spec}"
        );
    }
}

#[test]
fn cards_and_list_entries_are_the_page_engines() {
    let dir = scratch("cards");
    synthetic(&dir, 500);
    let server = Server::start(&dir.join("data"), "duckdb").expect("DuckDB serves");
    let answer = server.json("POST", "/query", r#"{"limit": 5, "withRows": true}"#);
    let page = answer["page"].as_array().expect("a page");
    let rows: Vec<i64> = page
        .iter()
        .map(|s| s["row"].as_i64().expect("a row"))
        .collect();
    let entries = server.json("POST", "/summaries", &format!("{rows:?}"));
    assert_eq!(&entries, &answer["page"]);
    assert_eq!(numbers(&answer["rows"])[..5], rows[..]);
    let id = page[0]["id"].as_str().expect("an id");
    let card = server.json("GET", &format!("/event?id={id}"), "");
    assert_eq!(card["id"], page[0]["id"]);
    assert_eq!(card["figures"][0]["what"], "killed");
    // Actors and places are named by the ids the dictionaries give.
    let actors = server.json("GET", "/actors", "");
    let names: Vec<&Value> = actors
        .as_array()
        .expect("actors")
        .iter()
        .map(|a| &a["id"])
        .collect();
    assert!(card["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .all(|a| names.contains(&&a["id"])));
    assert_eq!(card["placeDetails"]["id"], card["place"]);
}

#[test]
fn requests_the_server_cannot_answer_get_json_errors() {
    let dir = scratch("requests");
    synthetic(&dir, 300);
    let server = Server::start(&dir.join("data"), "chdb").expect("chDB serves");
    let error = |method: &str, path: &str, body: &str| -> (u16, String) {
        let (status, text) = server.request(method, path, body);
        let v: Value = serde_json::from_str(&text).expect("a JSON error");
        (status, v["error"].as_str().expect("a message").to_string())
    };
    let (status, message) = error("POST", "/query", r#"{"form": "2020"}"#);
    assert_eq!(status, 400);
    assert!(message.contains("no field 'form'"), "{message}");
    let (status, message) = error("POST", "/query", r#"{"types": ["parade"]}"#);
    assert_eq!(
        (status, message.as_str()),
        (
            400,
            "query 'types': there is no type in this data with the id 'parade'"
        )
    );
    let (status, message) = error("POST", "/query", r#"{"from": "2020-02-30"}"#);
    assert!(status == 400 && message.contains("'from'"), "{message}");
    let (status, message) = error(
        "POST",
        "/query",
        r#"{"viewFrom": -2147483648, "viewTo": 2147483647, "binUnit": "day"}"#,
    );
    assert!(status == 400 && message.contains("'binUnit'"), "{message}");
    assert_eq!(error("POST", "/query", "not json").0, 400);
    assert_eq!(
        error("POST", "/query", r#"{"documents": ["acled"]}"#).0,
        400
    );
    assert_eq!(error("GET", "/event?id=nope", "").0, 404);
    assert_eq!(error("GET", "/nowhere", "").0, 404);
    assert_eq!(error("GET", "/query", "").0, 405);
    assert_eq!(error("POST", "/summaries", "[\"x\"]").0, 400);
    // A quote in an id reaches the engine as text, not as SQL.
    let (status, message) = error("POST", "/query", r#"{"actors": ["x' OR '1'='1"]}"#);
    assert_eq!(status, 400, "{message}");
    assert_eq!(server.json("POST", "/query", "{}")["total"], 300);
}

#[test]
fn exports_are_the_page_engines_bytes() {
    let (store, duckdb, chdb) = on_both_engines("exports", 3_000, "data");
    let specs = [
        r#"{"types": ["protest", "attack"], "from": "2018", "to": "2021-06"}"#,
        r#"{"text": "camp", "precision": ["day", "month"], "limit": 5, "offset": 3}"#,
    ];
    for spec in specs {
        // As the page's engine exports: every match, whatever the page shows.
        let mut parsed = QuerySpec::from_json(spec).expect("a spec");
        parsed.with_rows = true;
        parsed.limit = Some(0);
        let rows = query::run(&store, &parsed).expect("an answer").rows;
        assert!(rows.len() > 10, "{spec} finds some events");
        for (format, mime) in [
            (ExportFormat::Csv, "text/csv"),
            (ExportFormat::GeoJson, "application/geo+json"),
            (ExportFormat::Citations, "text/plain"),
        ] {
            let want = write::export(&store, &rows, format);
            for (engine, server) in [("DuckDB", &duckdb), ("chDB", &chdb)] {
                let path = format!("/export?format={}", format.as_str());
                let (status, head, got) = server.exchange("POST", &path, spec);
                assert_eq!(status, 200, "{engine} {path} {spec}: {got}");
                assert!(
                    got == want,
                    "{engine} {path} {spec}:\n{got:.600}\nnot\n{want:.600}"
                );
                assert!(head.contains(&format!("content-type: {mime}")), "{head}");
                let name = format!(
                    "content-disposition: attachment; filename=\"acled-events-from-data.{}\"",
                    format.extension()
                );
                assert!(head.contains(&name), "{head}");
            }
        }
    }
    let (status, _, text) = duckdb.exchange("POST", "/export?format=xlsx", "{}");
    let v: Value = serde_json::from_str(&text).expect("a JSON error");
    assert_eq!(status, 400);
    assert!(
        v["error"]
            .as_str()
            .is_some_and(|m| m.contains("'xlsx'") && m.contains("csv")),
        "{text}"
    );
    let (status, _, text) = chdb.exchange("POST", "/export?format=csv", r#"{"types": ["parade"]}"#);
    assert_eq!(status, 400, "{text}");
}

#[test]
fn csv_exports_stream_in_batches_with_the_page_engines_bytes() {
    let dir = scratch("streamed");
    let events = synthetic(&dir, 3_000);
    // One event in about forty undated, so that batches also pass from the dated events to the
    // undated ones, which come last.
    let (csv, data) = (dir.join("mixed.csv"), dir.join("mixed"));
    std::fs::create_dir_all(&data).expect("a data folder");
    let select = format!(
        "SELECT * REPLACE (CASE WHEN hash(event_id_cnty) % 40 = 0 THEN 'not known' \
         ELSE event_date END AS event_date) FROM read_csv('{}', all_varchar = true)",
        events.display()
    );
    for file in [csv.clone(), data.join("events.parquet")] {
        let copy = format!("COPY ({select}) TO '{}'", file.display());
        run(&tools().join("duckdb"), &["-c", &copy]);
    }
    let options = Options {
        format: Some(Format::Acled),
        name: "mixed".into(),
        ..Options::default()
    };
    let bytes = std::fs::read(&csv).expect("the CSV");
    let store = Store::new(read::Reading::new(bytes, &options).finish());
    let small = ["--export-batch", "250", "--export-limit", "1000"];
    let duckdb = Server::start_with(&data, "duckdb", &small).expect("DuckDB serves");
    let chdb = Server::start_with(&data, "chdb", &small).expect("chDB serves");
    let specs = [
        ("{}", 3_000),
        (r#"{"types": ["protest", "attack"]}"#, 600),
        (r#"{"text": "xylophone"}"#, 0),
    ];
    for (spec, least) in specs {
        let mut parsed = QuerySpec::from_json(spec).expect("a spec");
        parsed.with_rows = true;
        parsed.limit = Some(0);
        let rows = query::run(&store, &parsed).expect("an answer").rows;
        assert!(rows.len() >= least, "{spec} finds {} events", rows.len());
        let want = write::export(&store, &rows, ExportFormat::Csv);
        if rows.is_empty() {
            assert_eq!(want, write::csv_header());
        } else {
            let undated = rows
                .iter()
                .filter(|&&r| store.event_at(r as usize).date.is_none());
            assert!(undated.count() > 0, "{spec} finds undated events");
        }
        for (engine, server) in [("DuckDB", &duckdb), ("chDB", &chdb)] {
            let (status, head, got, chunks) = server.chunked("POST", "/export?format=csv", spec);
            assert_eq!(status, 200, "{engine} {spec}: {got}");
            assert!(
                got == want,
                "{engine} {spec}:\n{got:.600}\nnot\n{want:.600}"
            );
            let name = "content-disposition: attachment; filename=\"acled-events-from-mixed.csv\"";
            assert!(head.contains(name), "{head}");
            // The header with the first batch, then a chunk for each further batch.
            let batches = rows.len().div_ceil(250).max(1);
            assert_eq!(chunks, Some(batches), "{engine} {spec}");
        }
    }
    // The formats that describe the whole selection first keep the bound; so does CSV over
    // HTTP/1.0, which has no chunks.
    for (engine, server) in [("DuckDB", &duckdb), ("chDB", &chdb)] {
        for format in ["package", "geojson", "citations"] {
            let path = format!("/export?format={format}");
            let (status, _, text, _) = server.chunked("POST", &path, "{}");
            assert_eq!(status, 413, "{engine} {format}: {text}");
            let v: Value = serde_json::from_str(&text).expect("a JSON error");
            let said = v["error"].as_str().unwrap_or_default();
            assert!(
                said.contains("more than 1000 events") && said.contains(format),
                "{engine}: {said}"
            );
        }
        let (status, text) = server.request("POST", "/export?format=csv", "{}");
        assert_eq!(status, 413, "{engine}: {text}");
        assert!(text.contains("HTTP/1.1"), "{engine}: {text}");
    }
}

#[test]
fn bad_files_are_named_with_what_is_wrong() {
    let dir = scratch("files");
    synthetic(&dir, 200);
    let good = std::fs::read(dir.join("data/events.parquet")).expect("the Parquet file");
    let truncated = dir.join("truncated");
    std::fs::create_dir_all(&truncated).expect("a folder");
    std::fs::write(truncated.join("part.parquet"), &good[..good.len() / 2]).expect("written");
    let missing = dir.join("missing");
    std::fs::create_dir_all(&missing).expect("a folder");
    let copy = format!(
        "COPY (SELECT * EXCLUDE (event_type) FROM read_parquet('{}')) TO '{}'",
        dir.join("data/events.parquet").display(),
        missing.join("part.parquet").display()
    );
    run(&tools().join("duckdb"), &["-c", &copy]);
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("a folder");
    for engine in ["duckdb", "chdb"] {
        let message = Server::start(&truncated, engine).err().expect("an error");
        assert!(
            message.contains("truncated/part.parquet: cannot be read as Parquet"),
            "{engine}: {message}"
        );
        let message = Server::start(&missing, engine).err().expect("an error");
        assert!(
            message.contains("missing/part.parquet: has no column 'event_type'"),
            "{engine}: {message}"
        );
        let message = Server::start(&empty, engine).err().expect("an error");
        assert!(message.contains("no .parquet files"), "{engine}: {message}");
    }
}

#[test]
fn files_of_one_directory_are_read_as_one_dataset() {
    let dir = scratch("parts");
    synthetic(&dir, 1_000);
    let parts = dir.join("parts");
    std::fs::create_dir_all(&parts).expect("a folder");
    let whole = dir.join("data/events.parquet");
    for (name, rows) in [("a", "< 400"), ("b", ">= 400")] {
        let copy = format!(
            "COPY (SELECT * EXCLUDE (file_row_number) FROM read_parquet('{}', file_row_number = true) WHERE file_row_number {rows}) TO '{}'",
            whole.display(),
            parts.join(format!("{name}.parquet")).display()
        );
        run(&tools().join("duckdb"), &["-c", &copy]);
    }
    let one = Server::start(&dir.join("data"), "duckdb").expect("serves");
    let two = Server::start(&parts, "chdb").expect("serves");
    let spec = r#"{"from": "2019", "to": "2020", "limit": 50}"#;
    assert_eq!(served(&one, spec), served(&two, spec));
}

/// One HTTP/1.1 request on `stream`, kept alive: the status, and whether the server asked to
/// close the connection after it. `None` when no whole answer came within the stream's timeout.
fn exchange(stream: &mut TcpStream, method: &str, path: &str, body: &str) -> Option<(u16, bool)> {
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut reader = BufReader::new(stream);
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        if reader.read_until(b'\n', &mut head).ok()? == 0 {
            return None;
        }
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
    };
    let length: usize = header("content-length:")?.parse().ok()?;
    let mut answer = vec![0; length];
    reader.read_exact(&mut answer).ok()?;
    Some((status, header("connection:").is_some_and(|v| v == "close")))
}

#[test]
fn a_burst_of_new_connections_beside_kept_alive_ones_is_answered() {
    use std::sync::{Arc, Barrier};
    use std::time::Duration;
    let dir = scratch("burst");
    synthetic(&dir, 200);
    let server = Server::start(&dir.join("data"), "duckdb").expect("DuckDB serves");
    let port = server.port;
    // A generous bound: an unanswered request waits for it, an answered one takes milliseconds.
    let patience = Some(Duration::from_secs(30));
    let connect = move || {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("the server listens");
        stream.set_read_timeout(patience).expect("a timeout");
        stream
    };
    // Connections a browser keeps open, for as long as the server lets it.
    let mut kept = Vec::new();
    for _ in 0..3 {
        let mut stream = connect();
        let (status, close) = exchange(&mut stream, "GET", "/extent", "").expect("an answer");
        assert_eq!(status, 200);
        if !close {
            kept.push(stream);
        }
    }
    // Then many new ones at once, as parallel fetches open them; each stays open until all are
    // answered, unless the server closes it, as a browser's would.
    let burst = 12;
    let start = Arc::new(Barrier::new(burst));
    let asked: Vec<_> = (0..burst)
        .map(|i| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                let mut stream = connect();
                let path = if i % 2 == 0 { "/query" } else { "/summaries" };
                let body = if i % 2 == 0 {
                    r#"{"limit": 5}"#
                } else {
                    "[0, 1]"
                };
                let answer = exchange(&mut stream, "POST", path, body);
                let open = answer.is_some_and(|(_, close)| !close).then_some(stream);
                (answer, open)
            })
        })
        .collect();
    let answers: Vec<_> = asked
        .into_iter()
        .map(|t| t.join().expect("a client thread"))
        .collect();
    let unanswered = answers.iter().filter(|(a, _)| a.is_none()).count();
    assert_eq!(
        unanswered, 0,
        "{unanswered} of {burst} requests were not answered"
    );
    assert!(answers.iter().all(|(a, _)| matches!(a, Some((200, _)))));
    drop(kept);
}
