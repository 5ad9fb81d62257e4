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
    assert!(
        out.contains(
            "broken-event.json: 2 events, 1 place, 0 actors, 0 documents; 1 error, 2 warnings"
        ),
        "a count of one takes the singular: {out}"
    );
}

#[test]
fn a_count_of_one_takes_the_singular() {
    let file = "tests/fixtures/packages/broken-event.json";
    let (_, text) = dateline(&["convert", file, "--to", "geojson"]);
    assert!(
        text.contains("1 event has no coordinates; it is listed in"),
        "{text}"
    );
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

#[test]
fn convert_writes_every_export_format_and_reads_every_input_format() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for to in ["package", "csv", "geojson", "citations"] {
        let out = dir.join(format!("seed.{to}"));
        let (code, text) = dateline(&[
            "convert",
            "www/data/iraq-2019-2020.json",
            "--to",
            to,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{text}");
        assert!(std::fs::metadata(&out).unwrap().len() > 100);
    }
    let (code, text) = dateline(&["convert", "www/data/iraq-2019-2020.json", "--to", "geojson"]);
    assert_eq!(code, 0);
    assert!(
        text.contains("11 events have no coordinates"),
        "the CLI says what GeoJSON leaves out"
    );
    let csv = dir.join("seed.csv");
    let (code, text) = dateline(&["validate", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "the CSV export reads back without errors: {text}");
    assert!(text.contains("19 rows loaded"), "{text}");
    for (file, n) in [
        ("tests/fixtures/timelinejs/timeline.json", 4),
        ("tests/fixtures/timelinejs/sheet.csv", 3),
        ("tests/fixtures/acled/events.csv", 4),
        ("tests/fixtures/ucdp/ged.csv", 2),
        ("tests/fixtures/csv/plain.csv", 3),
    ] {
        let (_, text) = dateline(&["convert", file, "--to", "package"]);
        let events = text.matches("\n      \"type\": ").count(); // only events have a type
        assert_eq!(events, n, "{file}");
    }
    let (code, text) = dateline(&[
        "convert",
        "--gazetteer",
        "www/data/iraq-2019-2020.json",
        "tests/fixtures/timelinejs/sheet.csv",
        "--to",
        "geojson",
    ]);
    assert_eq!(code, 0);
    assert!(
        text.contains("\"id\": \"rockets-hit-the-green-zone\""),
        "{text}"
    );
    assert_eq!(dateline(&["convert", "x.json", "--to", "pdf"]).0, 2);
    let (code, text) = dateline(&["validate", "--columns", "date", "x.csv"]);
    assert_eq!(code, 2);
    assert!(text.contains("'date' is not role=column"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn extract_drafts_a_package_from_articles_with_header_blocks_and_flags() {
    let dir = std::env::temp_dir().join(format!("dateline-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let with_header = dir.join("green-zone.txt");
    std::fs::write(
        &with_header,
        "Title: Rockets hit the Green Zone\nPublished: 2020-03-28\n---\nAt least two rockets hit Baghdad's Green Zone on Thursday, Iraq's military said.\n",
    )
    .unwrap();
    let plain = dir.join("plain.txt");
    std::fs::write(
        &plain,
        "Iran on Jan. 8 launched a ballistic missile attack on al-Asad air base.\n",
    )
    .unwrap();
    let (code, out) = dateline(&[
        "extract",
        with_header.to_str().unwrap(),
        plain.to_str().unwrap(),
        "--published",
        "2020-02-01",
        "--publisher",
        "A wire",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 events drafted from 2 articles"), "{out}");
    let json = out.split("2 events drafted").next().unwrap();
    let loaded = dateline::read::read_package(json.as_bytes());
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity != dateline::Severity::Error),
        "{:?}",
        loaded.problems
    );
    let p = loaded.package;
    assert_eq!(p.documents[0].title, "Rockets hit the Green Zone");
    assert_eq!(
        p.documents[0].published.as_ref().unwrap().to_string(),
        "2020-03-28",
        "the header wins over the flag"
    );
    assert_eq!(
        p.documents[1].published.as_ref().unwrap().to_string(),
        "2020-02-01"
    );
    assert_eq!(p.documents[1].publisher.as_deref(), Some("A wire"));
    let dates: Vec<String> = p
        .events
        .iter()
        .map(|e| e.date.as_ref().unwrap().edtf.to_string())
        .collect();
    assert_eq!(dates, ["2020-03-26", "2020-01-08"]);
    let (code, out) = dateline(&[
        "extract",
        "--published",
        "2020-13-01",
        plain.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("--published 2020-13-01"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn score_compares_the_shipped_dataset_with_the_extractors_output() {
    let (code, out) = dateline(&["score", "www/data/iraq-2019-2020.json", "--show"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("| core recall |"), "{out}");
    assert!(out.contains("| wrong perpetrator |"), "{out}");
    assert!(
        out.contains("al-asad-missile-attack -> missile-attack"),
        "{out}"
    );
}

#[test]
fn convert_to_html_writes_a_page_and_the_example_articles_fallback() {
    let (code, page) = dateline(&[
        "convert",
        "www/data/iraq-2019-2020.json",
        "--to",
        "html",
        "--lang",
        "en-GB",
    ]);
    assert_eq!(code, 0, "{page}");
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en-GB\">"));
    assert_eq!(page.matches("<li class=\"dl-event\"").count(), 19);
    let (code, fragment) = dateline(&[
        "convert",
        "www/data/iraq-2019-2020.json",
        "--to",
        "html",
        "--fragment",
    ]);
    assert_eq!(code, 0);
    // The article's explorer holds the list readers without scripts see; it must not go stale.
    let article = std::fs::read_to_string("www/examples/article.html").unwrap();
    assert!(
        article.contains(&fragment),
        "www/examples/article.html's fallback list is what `dateline convert \
         www/data/iraq-2019-2020.json --to html --fragment` writes now"
    );
    let (code, text) = dateline(&["convert", "www/data/iraq-2019-2020.json", "--to", "pdf"]);
    assert_eq!(code, 2);
    assert!(text.contains("citations, html"), "{text}");
}

/// The shipped lexicon is made by `dateline lexicon` from the hand-made actors and the world's
/// states; a name added to `lexicon.json` by hand would be lost when it is made again.
#[test]
fn the_shipped_lexicon_holds_the_hand_made_actors_as_written() {
    use dateline::read::read_package;
    let load = |path: &str| read_package(&std::fs::read(path).unwrap()).package.actors;
    let hand = load("www/data/lexicon-actors.json");
    let shipped = load("www/data/lexicon.json");
    for a in &hand {
        let s = shipped
            .iter()
            .find(|s| s.id == a.id)
            .unwrap_or_else(|| panic!("{} is not in the shipped lexicon", a.id));
        if a.kind.as_deref() == Some("state") {
            // A state's names are joined with those the sources give.
            for alias in &a.aliases {
                assert!(s.aliases.contains(alias), "{}: {alias}", a.id);
            }
        } else {
            assert_eq!(s, a, "{} differs from its hand-made entry", a.id);
        }
    }
    for s in &shipped {
        assert!(
            s.kind.as_deref() == Some("state") || hand.iter().any(|a| a.id == s.id),
            "{} is in the shipped lexicon but neither a state nor hand-made",
            s.id
        );
    }
}
