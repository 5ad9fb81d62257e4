//! The `dateline` command, run as a publisher's pipeline would run it.

use std::process::Command;

fn dateline(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().expect("an exit code, not a signal"), text)
}

#[test]
fn validate_passes_the_seed_dataset() {
    let (code, out) = dateline(&["validate", "www/data/iraq-2019-2020.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("19 events, 9 places, 18 actors, 2 documents; 0 errors, 0 warnings"),
        "{out}"
    );
}

#[test]
fn validate_prints_every_problem_with_file_line_and_column_and_exits_1() {
    let (code, out) = dateline(&[
        "validate",
        "www/data/iraq-2019-2020.json",
        "tests/fixtures/packages/broken-event.json",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("tests/fixtures/packages/broken-event.json:9:73: error: events[1].date: '2020-02-30' is not a valid EDTF date"),
        "{out}"
    );
    assert!(out.contains("broken-event.json: 2 events"), "{out}");
}

#[test]
fn unreadable_files_and_bad_usage_fail_cleanly() {
    let (code, out) = dateline(&["validate", "no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("no/such/file.json: cannot read the file"),
        "{out}"
    );
    assert_eq!(dateline(&["frobnicate"]).0, 2);
    assert_eq!(dateline(&["--help"]).0, 0);
}

#[test]
fn stats_counts_by_type_place_actor_and_year() {
    let (code, out) = dateline(&["stats", "www/data/iraq-2019-2020.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("19 events (0 undated, 11 without a place)"),
        "{out}"
    );
    assert!(out.contains("      4  Statement"), "{out}");
    assert!(out.contains("      1  al-Asad Air Base"), "{out}");
    assert!(out.contains("      3  Gen. Kenneth McKenzie"), "{out}");
    assert!(out.contains("     15        3  2020"), "{out}");
}
