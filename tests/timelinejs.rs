//! TimelineJS timelines open as they are: JSON and both sheet templates.

use dateline::read::{read, Format};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/timelinejs/{name}")).unwrap()
}

#[test]
fn the_formats_are_detected() {
    assert_eq!(
        Format::detect(&fixture("timeline.json")),
        Some(Format::TimelineJs)
    );
    assert_eq!(
        Format::detect(&fixture("sheet.csv")),
        Some(Format::TimelineJsSheet)
    );
    assert_eq!(
        Format::detect(&fixture("old-sheet.csv")),
        Some(Format::TimelineJsSheet)
    );
    assert_eq!(
        Format::detect(&std::fs::read("www/data/iraq-2019-2020.json").unwrap()),
        Some(Format::Package)
    );
}

#[test]
fn json_slides_become_events() {
    let loaded = read(&fixture("timeline.json"), None, "timeline.json");
    let p = &loaded.package;
    assert_eq!(p.title, "Tit for tat in Iraq");
    assert_eq!(
        p.description.as_deref(),
        Some("An invented timeline for tests. Eras: Escalation (December 2019 – March 2020).")
    );
    let ids: Vec<&str> = p.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "asad",
            "weeks-of-protests",
            "an-impossible-day",
            "weeks-of-protests-2"
        ]
    );
    let asad = &p.events[0];
    let date = asad.date.as_ref().unwrap();
    assert_eq!(
        (date.edtf.to_string().as_str(), date.text.as_deref()),
        ("2020-01-08", Some("Jan. 8"))
    );
    assert_eq!(asad.event_type, "missile-attack");
    assert_eq!(
        asad.sources[0].quote,
        "Iran fired missiles & more. See the report and this."
    );
    let links: Vec<(&str, &str)> = asad
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("https://example.org/asad", "the report"),
            ("https://example.org/photo.jpg", "Media: The base — Agency")
        ]
    );
    let protests = &p.events[1];
    assert_eq!(
        protests.date.as_ref().unwrap().edtf.to_string(),
        "2019-12/2020-01-07"
    );
    assert_eq!(protests.event_type, "Protests");
    assert_eq!(p.events[3].date.as_ref().unwrap().edtf.to_string(), "2020");
    // Problems: the impossible day (kept, undated) and the data: link (dropped).
    let messages: Vec<(&str, &str)> = loaded
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert!(messages.iter().any(|(path, m)| *path == "events[2].start_date" && m.contains("2020-02 has no day 30")), "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|(path, m)| *path == "events[3].media.url" && m.contains("only http and https")),
        "{messages:?}"
    );
    assert!(p.events[2].date.is_none());
    assert_eq!(loaded.summary.as_deref(), Some("4 rows loaded"));
}

#[test]
fn sheets_of_both_templates_become_events() {
    let loaded = read(&fixture("sheet.csv"), None, "sheet.csv");
    let p = &loaded.package;
    assert_eq!(p.title, "A sheet timeline");
    assert!(p
        .description
        .as_deref()
        .unwrap()
        .contains("Eras: Escalation"));
    let green = p
        .events
        .iter()
        .find(|e| e.title == "Rockets hit the Green Zone")
        .unwrap();
    assert_eq!(
        green.date.as_ref().unwrap().edtf.to_string(),
        "2020-03-26T21:30:00"
    );
    assert_eq!(green.event_type, "rocket-attack");
    let asad = &p.events[0];
    assert_eq!(asad.sources[0].quote, "Iran fired missiles, many.");
    let bad = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("month 13"))
        .unwrap();
    assert_eq!((bad.path.as_str(), bad.line), ("line 6.start_date", 6));
    let old = read(&fixture("old-sheet.csv"), None, "old-sheet.csv");
    let dates: Vec<String> = old
        .package
        .events
        .iter()
        .map(|e| e.date.as_ref().unwrap().edtf.to_string())
        .collect();
    assert_eq!(dates, ["2020-01-08", "2020-03-27"]);
    assert_eq!(
        old.package.events[0].event_type, "missile-attack",
        "an old sheet's Tag is its group"
    );
}

#[test]
fn places_named_in_slides_are_found_in_a_gazetteer() {
    use dateline::read::{read_package, read_with, Gazetteer, Options};
    let places = read_package(&std::fs::read("www/data/iraq-2019-2020.json").unwrap())
        .package
        .places;
    let options = Options {
        gazetteer: Gazetteer::new(places),
        name: "sheet.csv".into(),
        ..Options::default()
    };
    let loaded = read_with(&fixture("sheet.csv"), &options);
    let green = loaded
        .package
        .events
        .iter()
        .find(|e| e.title == "Rockets hit the Green Zone")
        .unwrap();
    assert_eq!(green.place.as_deref(), Some("green-zone"));
    assert_eq!(
        green.place_note.as_deref(),
        Some("Inferred: the slide's headline names 'green zone', matched to this place by name.")
    );
    let place = loaded
        .package
        .places
        .iter()
        .find(|p| p.id == "green-zone")
        .unwrap();
    assert!(place.coordinates.is_some() && place.within.is_none());
    let asad = loaded
        .package
        .events
        .iter()
        .find(|e| e.title == "Missiles hit al-Asad")
        .unwrap();
    assert!(
        asad.place.is_none(),
        "'al-Asad' alone is none of the gazetteer's names"
    );
    let without = read(&fixture("sheet.csv"), None, "sheet.csv");
    assert_eq!(without.package.events.len(), loaded.package.events.len());
    assert!(without.package.events.iter().all(|e| e.place.is_none()));
}

#[test]
fn big_years_read_and_take_their_place_on_a_scale_of_years() {
    let loaded = read(&fixture("cosmic.json"), None, "cosmic.json");
    let dates: Vec<String> = loaded
        .package
        .events
        .iter()
        .map(|e| e.date.as_ref().unwrap().edtf.to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "Y-13800000000",
            "Y-4540000000",
            "Y-66000000/Y-65990000",
            "1969-07-20"
        ]
    );
    assert!(
        !loaded.problems.iter().any(|p| p.path.ends_with("date")),
        "{:?}",
        loaded.problems
    );
    let store = dateline::Store::new(loaded);
    assert!(matches!(
        store.scale(),
        dateline::engine::timeline::TimeScale::Years { .. }
    ));
    let result = dateline::engine::query::run(&store, &Default::default()).unwrap();
    let page = dateline::engine::query::summaries(&store, &result.page);
    let starts: Vec<i32> = page.iter().map(|s| s.start.unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert_eq!(page[0].date_label, "13.8 billion years ago");
}
