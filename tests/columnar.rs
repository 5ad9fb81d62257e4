//! Parquet and Arrow IPC files read by the command line: files that DuckDB and pyarrow wrote
//! from an ACLED export give the export's events, and bad files get an error that names the
//! file and the column or row group, never a panic.
//!
//! The fixtures in `tests/fixtures/columnar` were written by its `make.sh` from its
//! `events.csv` (twelve rows: ten synthetic, two made by hand with quotes, commas, a line break
//! and diacritics), so these tests need no engine. One test writes fresh files with the DuckDB
//! and pyarrow of `./build.sh tools` (found as `tests/serve.rs` finds them); it skips, saying
//! so, only when `DATELINE_TOOLS` is not set and the tools are not in `target/tools`.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/columnar");

/// The files the fixtures' writers made of `events.csv`, each read as it.
const WRITTEN: &[&str] = &[
    "duckdb.parquet",
    "duckdb-zstd.parquet",
    "pyarrow.parquet",
    "pyarrow-gzip.parquet",
    "pyarrow.feather",
    "pyarrow-zstd.arrow",
    "pyarrow.arrows",
];

/// Runs the command: whether it succeeded, its standard output and its standard error. A
/// panic (exit code 101, or a signal for a build that aborts) fails the test.
fn dateline(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        matches!(out.status.code(), Some(0..=2)) && !stderr.contains("panicked"),
        "dateline {args:?} did not end cleanly ({:?}): {stderr}",
        out.status
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

/// A fresh folder of its own for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("columnar-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// `file` converted to `to` (package or csv), its own name replaced by "FILE" (titles name
/// the file an export came from).
fn converted(file: &Path, to: &str) -> String {
    let path = file.to_string_lossy();
    let (ok, text, stderr) = dateline(&["convert", &path, "--to", to]);
    assert!(ok, "{path}: {stderr}");
    let name = file.file_name().expect("a name").to_string_lossy();
    text.replace(name.as_ref(), "FILE")
}

/// Each of `files` in `dir` gives the events `csv` gives: as a package, as CSV and in the
/// counts of `stats`.
fn same_events_as(csv: &Path, dir: &Path, files: &[&str]) {
    let (package, rows) = (converted(csv, "package"), converted(csv, "csv"));
    let stats = |file: &Path| {
        let (ok, text, stderr) = dateline(&["stats", &file.to_string_lossy()]);
        assert!(ok, "{stderr}");
        // The first line names the file.
        text.lines().skip(1).collect::<Vec<_>>().join("\n")
    };
    assert!(package.contains("\"events\""), "{package}");
    for file in files {
        let path = dir.join(file);
        assert_eq!(converted(&path, "package"), package, "{file} as a package");
        assert_eq!(converted(&path, "csv"), rows, "{file} as CSV");
        assert_eq!(stats(&path), stats(csv), "{file}'s counts");
    }
}

#[test]
fn files_written_by_duckdb_and_pyarrow_give_the_events_of_their_csv() {
    let dir = Path::new(FIXTURES);
    let csv = dir.join("events.csv");
    same_events_as(&csv, dir, WRITTEN);
    // The two rows made by hand came through: the quote, the line break, the diacritics.
    let rows = converted(&dir.join("pyarrow.parquet"), "csv");
    assert!(
        rows.contains("\"\"nearly 100\"\" injured;\nlater"),
        "{rows}"
    );
    assert!(rows.contains("Sūq al-Shuyūkh"));
    // Standard input too, where only the first bytes tell the format.
    let bytes = std::fs::read(dir.join("pyarrow.arrows")).expect("the fixture");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), &bytes).expect("sent");
    let out = child.wait_with_output().expect("an answer");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("-: 12 events"), "{text}");
}

#[test]
fn problems_in_a_columnar_file_name_its_rows() {
    let path = Path::new(FIXTURES).join("repeated-id.parquet");
    let (ok, text, _) = dateline(&["validate", &path.to_string_lossy()]);
    assert!(!ok);
    assert!(
        text.contains(
            "repeated-id.parquet:error: row 4, event_id_cnty: the id 'SYN0' was already used on row 1"
        ),
        "{text}"
    );
    assert!(
        text.contains("3 rows loaded; 1 skipped: row 4, the id 'SYN0' repeats row 1"),
        "{text}"
    );
}

/// The error `dateline validate` gives for `path`.
fn error_of(path: &Path) -> String {
    let (ok, _, stderr) = dateline(&["validate", &path.to_string_lossy()]);
    assert!(!ok, "{} was read", path.display());
    stderr.trim().to_string()
}

#[test]
fn bad_files_get_an_error_naming_the_file_and_what_is_wrong() {
    let fixtures = Path::new(FIXTURES);
    let dir = scratch("bad");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("written");
        path
    };
    let read = |name: &str| std::fs::read(fixtures.join(name)).expect("a fixture");
    let message = error_of(&fixtures.join("missing-column.parquet"));
    assert!(
        message.ends_with("missing-column.parquet: has no column 'event_type'; an ACLED export's columns are needed: event_id_cnty, event_date, event_type, sub_event_type, actor1, location, latitude, longitude"),
        "{message}"
    );
    let message = error_of(&fixtures.join("list-column.parquet"));
    assert!(
        message.contains("list-column.parquet: column 'location' holds List("),
        "{message}"
    );
    let parquet = read("duckdb.parquet");
    let cases = [
        ("truncated.parquet", &parquet[..parquet.len() / 2]),
        ("events-csv.parquet", &read("events.csv")[..]),
        ("empty.parquet", &[][..]),
    ];
    for (name, bytes) in cases {
        let message = error_of(&write(name, bytes));
        assert!(
            message.contains(&format!("{name}: cannot be read as Parquet: ")),
            "{message}"
        );
    }
    let arrow = read("pyarrow-zstd.arrow");
    let message = error_of(&write("cut.arrow", &arrow[..arrow.len() - 100]));
    assert!(
        message.contains("cut.arrow: cannot be read as an Arrow IPC file: "),
        "{message}"
    );
    let stream = read("pyarrow.arrows");
    let message = error_of(&write("cut.arrows", &stream[..stream.len() / 3]));
    assert!(
        message.contains("cut.arrows: record batch 1 cannot be read: "),
        "{message}"
    );
    let (ok, _, stderr) = dateline(&[
        "convert",
        "--format",
        "ucdp",
        &fixtures.join("duckdb.parquet").to_string_lossy(),
        "--to",
        "csv",
    ]);
    assert!(!ok && stderr.contains("Parquet is read with ACLED's columns, not as --format ucdp"));
}

#[test]
fn a_damaged_row_group_is_named_with_its_rows() {
    // pyarrow.parquet has row groups of 8 rows; the second holds rows 9 to 12.
    let path = Path::new(FIXTURES).join("pyarrow.parquet");
    let file = std::fs::File::open(&path).expect("the fixture");
    let reader = parquet::file::reader::SerializedFileReader::new(file).expect("Parquet");
    let metadata = parquet::file::reader::FileReader::metadata(&reader);
    assert_eq!(metadata.num_row_groups(), 2);
    let chunk = metadata.row_group(1).column(0);
    let start = chunk
        .dictionary_page_offset()
        .unwrap_or(chunk.data_page_offset()) as usize;
    let mut bytes = std::fs::read(&path).expect("the fixture");
    bytes[start..start + 16].fill(0xFF);
    let damaged = scratch("row-group").join("damaged.parquet");
    std::fs::write(&damaged, bytes).expect("written");
    let message = error_of(&damaged);
    assert!(
        message.contains("damaged.parquet: row group 2 of 2 (rows 9 to 12) cannot be read: "),
        "{message}"
    );
}

#[test]
fn no_damage_to_a_file_makes_the_reader_panic() {
    let dir = scratch("damage");
    for name in [
        "duckdb.parquet",
        "pyarrow.parquet",
        "pyarrow.feather",
        "pyarrow.arrows",
    ] {
        let good = std::fs::read(Path::new(FIXTURES).join(name)).expect("a fixture");
        let path = dir.join(name);
        let arg = path.to_string_lossy();
        // Bytes overwritten, then the file cut, at places spread through it.
        let step = good.len() / 24;
        for at in (0..good.len()).step_by(step) {
            for fill in [[0xFF; 4], [0; 4]] {
                let mut bytes = good.clone();
                let end = (at + 4).min(bytes.len());
                bytes[at..end].copy_from_slice(&fill[..end - at]);
                std::fs::write(&path, &bytes).expect("written");
                dateline(&["validate", &arg]);
            }
            std::fs::write(&path, &good[..at]).expect("written");
            dateline(&["validate", &arg]);
        }
    }
}

/// The folder with `duckdb` and a `python` that imports pyarrow, as `tests/serve.rs` finds
/// it; `None` (the test skips) only when `DATELINE_TOOLS` is not set and `./build.sh tools`
/// has not run.
fn tools() -> Option<PathBuf> {
    let named = std::env::var_os("DATELINE_TOOLS").map(PathBuf::from);
    let dir = named
        .clone()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/venv/bin"));
    let works = |program: &str, args: &[&str]| {
        Command::new(dir.join(program))
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let ready = works("duckdb", &["--version"]) && works("python", &["-c", "import pyarrow"]);
    if !ready && named.is_none() {
        eprintln!("skipped: no DuckDB and pyarrow in target/tools (./build.sh tools installs them; DATELINE_TOOLS names another folder)");
        return None;
    }
    assert!(
        ready,
        "DATELINE_TOOLS={} has no duckdb, or no python that imports pyarrow: run ./build.sh tools",
        dir.display()
    );
    Some(dir)
}

#[test]
fn files_written_now_by_duckdb_and_pyarrow_give_the_events_of_their_csv() {
    let Some(tools) = tools() else { return };
    let dir = scratch("written");
    let csv = dir.join("events.csv");
    let (ok, _, stderr) = dateline(&[
        "synth",
        "2000",
        "--seed",
        "3",
        "--acled",
        &csv.to_string_lossy(),
    ]);
    assert!(ok, "{stderr}");
    let made = Command::new(Path::new(FIXTURES).join("make.sh"))
        .arg(&csv)
        .arg(&dir)
        .env("DATELINE_TOOLS", &tools)
        .output()
        .expect("make.sh runs");
    assert!(
        made.status.success(),
        "make.sh: {}",
        String::from_utf8_lossy(&made.stderr)
    );
    same_events_as(&csv, &dir, WRITTEN);
    let message = error_of(&dir.join("missing-column.parquet"));
    assert!(message.contains("has no column 'event_type'"), "{message}");
}
