//! The package reader's JSON parser against JSONTestSuite's parsing tests
//! (tests/fixtures/jsontestsuite, MIT, see its LICENSE), with serde_json as the reference.
//!
//! Every `y_` file must parse without a problem to the value serde_json reads; every `n_` file
//! must be rejected (a file that is not UTF-8 is rejected before parsing, as a package is); an
//! `i_` file may go either way but must not panic, and when both parsers accept it they agree.

use dateline::json::{self, Kind, Value};
use std::fs;
use std::path::PathBuf;

/// Files the suite accepts that the package reader reports on purpose: a repeated key is an
/// error in a package (docs/format.md), though the parsed value keeps the later one.
const REPEATED_KEYS: [&str; 2] = [
    "y_object_duplicated_key.json",
    "y_object_duplicated_key_and_value.json",
];

fn suite() -> Vec<(String, Vec<u8>)> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jsontestsuite/test_parsing");
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .expect("the suite's folder")
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).expect("a suite file"))
        })
        .collect();
    files.sort();
    files
}

/// Our value as serde_json's, numbers compared as the f64 both read.
fn to_serde(value: &Value) -> serde_json::Value {
    match &value.kind {
        Kind::Null => serde_json::Value::Null,
        Kind::Bool(b) => serde_json::Value::Bool(*b),
        Kind::Number(n) => serde_json::Value::from(*n),
        Kind::String(s) => serde_json::Value::String(s.clone()),
        Kind::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Kind::Object(members) => {
            let mut map = serde_json::Map::new();
            for m in members {
                map.insert(m.key.clone(), to_serde(&m.value));
            }
            serde_json::Value::Object(map)
        }
    }
}

/// serde_json's value with every number turned into the f64 it stands for.
fn numbers_as_f64(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Number(n) => {
            serde_json::Value::from(n.as_f64().expect("a finite number"))
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(numbers_as_f64).collect())
        }
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, numbers_as_f64(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Some(value) when the reader accepts the bytes as a package's JSON, None when it rejects them.
fn ours(bytes: &[u8]) -> Option<serde_json::Value> {
    let text = std::str::from_utf8(bytes).ok()?;
    let parsed = json::parse(text);
    if !parsed.problems.is_empty() || parsed.stopped {
        return None;
    }
    parsed.root.as_ref().map(to_serde)
}

#[test]
fn the_suite_is_all_there() {
    let files = suite();
    let count = |prefix: &str| files.iter().filter(|(n, _)| n.starts_with(prefix)).count();
    assert_eq!((count("y_"), count("n_"), count("i_")), (95, 188, 35));
}

#[test]
fn every_accepted_file_reads_as_serde_reads_it() {
    let mut wrong = Vec::new();
    for (name, bytes) in suite().iter().filter(|(n, _)| n.starts_with("y_")) {
        let reference =
            numbers_as_f64(serde_json::from_slice(bytes).expect("serde_json reads a y_ file"));
        if REPEATED_KEYS.contains(&name.as_str()) {
            let parsed = json::parse(std::str::from_utf8(bytes).unwrap());
            let value = parsed.root.as_ref().map(to_serde);
            if parsed.problems.len() != 1
                || !parsed.problems[0].message.contains("appears twice")
                || value != Some(reference)
            {
                wrong.push(format!("{name}: {:?}", parsed.problems));
            }
            continue;
        }
        match ours(bytes) {
            Some(value) if value == reference => {}
            Some(value) => wrong.push(format!("{name}: read {value}, serde_json {reference}")),
            None => wrong.push(format!("{name}: rejected")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_rejected_file_is_rejected() {
    let accepted: Vec<String> = suite()
        .into_iter()
        .filter(|(n, bytes)| n.starts_with("n_") && ours(bytes).is_some())
        .map(|(n, _)| n)
        .collect();
    assert!(accepted.is_empty(), "{accepted:#?}");
}

#[test]
fn files_left_to_the_implementation_do_not_panic_and_agree_when_read() {
    let mut disagree = Vec::new();
    for (name, bytes) in suite().iter().filter(|(n, _)| n.starts_with("i_")) {
        let Some(value) = ours(bytes) else { continue };
        if let Ok(reference) = serde_json::from_slice::<serde_json::Value>(bytes) {
            if value != numbers_as_f64(reference) {
                disagree.push(name.clone());
            }
        }
    }
    assert!(disagree.is_empty(), "{disagree:#?}");
}
