//! UCDP GED exports and plain CSV files open as they are.

use dateline::read::{read, read_with, Format, Options};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/{name}")).unwrap()
}

#[test]
fn ucdp_rows_become_events_with_estimates_as_figures() {
    let bytes = fixture("ucdp/ged.csv");
    assert_eq!(Format::detect(&bytes), Some(Format::Ucdp));
    let loaded = read(&bytes, None, "ged.csv");
    let p = &loaded.package;
    assert_eq!(
        loaded.summary.as_deref(),
        Some("2 rows loaded; 1 skipped: line 4, the id '9002' repeats line 3")
    );
    let clash = &p.events[0];
    assert_eq!(clash.date.as_ref().unwrap().edtf.to_string(), "2020-01-10");
    assert_eq!(clash.event_type, "armed-clash");
    assert_eq!(clash.title, "Government of Iraq - IS: Town A");
    let words: Vec<(f64, Option<f64>, &str)> = clash
        .figures
        .iter()
        .map(|f| (f.value, f.max, f.qualifier.as_str()))
        .collect();
    assert_eq!(words, [(5.0, None, "about"), (4.0, Some(8.0), "between")]);
    let attack = &p.events[1];
    assert_eq!(
        attack.date.as_ref().unwrap().edtf.to_string(),
        "2020-01-27/2020-02-02"
    );
    assert_eq!(attack.event_type, "killing");
    assert_eq!(
        attack.figures.len(),
        1,
        "low = high = best gives one figure"
    );
    assert_eq!(attack.actors[1].role, "target");
    let province = p.places.iter().find(|pl| pl.name == "Province X").unwrap();
    assert_eq!(province.precision.unwrap().as_str(), "region");
    assert_eq!(
        attack.sources[0].quote,
        "Invented for tests: an attack on villagers"
    );
}

#[test]
fn plain_csv_columns_are_found_by_their_usual_names() {
    let bytes = fixture("csv/plain.csv");
    assert_eq!(Format::detect(&bytes), Some(Format::Csv));
    let loaded = read(&bytes, None, "plain.csv");
    let p = &loaded.package;
    assert_eq!(p.events.len(), 3);
    let asad = &p.events[0];
    assert_eq!(asad.event_type, "missile-attack");
    assert_eq!(asad.date.as_ref().unwrap().edtf.to_string(), "2020-01-08");
    assert_eq!(asad.links[0].url, "https://example.org/asad");
    assert_eq!(asad.sources[0].quote, "Iran fired missiles.");
    assert_eq!(
        p.events[1].date.as_ref().unwrap().edtf.to_string(),
        "2019-12-01/2020-01-07"
    );
    let bad = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("'999' is not a usable coordinate"))
        .unwrap();
    assert_eq!(
        (bad.path.as_str(), bad.line, bad.column),
        ("line 4, lat", 4, 29)
    );
    assert!(p
        .places
        .iter()
        .find(|pl| pl.name == "Nowhere")
        .unwrap()
        .coordinates
        .is_none());
}

#[test]
fn a_column_mapping_names_what_the_header_does_not() {
    let bytes = fixture("csv/mapped.csv");
    let guessed = read(&bytes, None, "mapped.csv");
    assert_eq!(guessed.package.events.len(), 3);
    assert!(
        guessed.package.events.iter().all(|e| e.date.is_none()),
        "German date headers are not guessed"
    );
    let columns = dateline::read::parse_columns("date=Datum, place=Ort, lat=Breite, lon=Länge, type=Kategorie, description=Beschreibung, source=Quelle, title=Headline").unwrap();
    let loaded = read_with(
        &bytes,
        &Options {
            format: Some(Format::Csv),
            name: "mapped.csv".into(),
            columns,
            ..Options::default()
        },
    );
    let p = &loaded.package;
    let green = &p.events[0];
    assert_eq!(green.date.as_ref().unwrap().edtf.to_string(), "2020-03-26");
    assert_eq!(green.event_type, "rocket-attack");
    assert_eq!(p.places[0].coordinates, Some((33.305, 44.385)));
    let vote = &p.events[1];
    assert_eq!(vote.date.as_ref().unwrap().edtf.to_string(), "2020-01");
    assert_eq!(vote.event_type, "resolution");
    assert_eq!(vote.note.as_deref(), Some("Source: Parliament record"));
    let messages: Vec<&str> = loaded.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("'1/8/2020' could be day/month or month/day")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("'javascript:alert(1)' is not an http(s) link")),
        "{messages:?}"
    );
    assert!(p.events[2].links.is_empty());
    assert!(dateline::read::parse_columns("date").is_err());
}

#[test]
fn empty_files_say_so_in_every_format() {
    for format in Format::ALL {
        let loaded = read(b"", Some(format), "empty");
        assert!(loaded.package.events.is_empty());
        if format != Format::Csv && format != Format::TimelineJsSheet {
            assert!(
                !loaded.problems.is_empty(),
                "{format:?} says nothing about an empty file"
            );
        }
    }
    assert_eq!(Format::detect(b""), None);
    let detected = read(b"   \n", None, "blank.csv");
    assert!(detected.problems[0]
        .message
        .contains("not a format Dateline reads"));
}
