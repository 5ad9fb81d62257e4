//! ACLED exports open as they are: dates by precision, types mapped, places and actors
//! deduplicated, broken rows reported by line and column while the rest loads.

use dateline::engine::query::{self, QuerySpec};
use dateline::read::{read, Format};
use dateline::{Severity, Store};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/acled/{name}")).unwrap()
}

#[test]
fn the_format_is_detected_from_the_header() {
    assert_eq!(Format::detect(&fixture("events.csv")), Some(Format::Acled));
    assert_eq!(
        Format::detect(&fixture("broken.csv")),
        Some(Format::Acled),
        "BOM and ';' delimiter"
    );
    assert_eq!(
        Format::detect(b"  {\"dateline\": 1}"),
        Some(Format::Package)
    );
    assert_eq!(
        Format::detect(b"name,date\nx,2020"),
        Some(Format::Csv),
        "any other header is plain CSV"
    );
    assert_eq!(
        Format::detect(b"event_id_cnty;event_date;event_type;sub_event_type;actor1\rA1;x;y;z;w\r"),
        Some(Format::Acled),
        "lines that end in a bare carriage return"
    );
    assert_eq!(Format::detect(b"<!doctype html><p>Not found"), None);
    assert_eq!(Format::detect(b""), None);
    let unknown = read(b"<html><body>404</body></html>", None, "x.csv");
    assert!(unknown.problems[0]
        .message
        .contains("not a format Dateline reads"));
}

#[test]
fn rows_become_events_with_precise_dates_types_places_actors_and_figures() {
    let loaded = read(&fixture("events.csv"), None, "events.csv");
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.summary.as_deref(), Some("4 rows loaded"));
    let p = &loaded.package;
    let event = |id: &str| p.events.iter().find(|e| e.id == id).unwrap();
    let date = |id: &str| event(id).date.as_ref().unwrap().edtf.to_string();
    assert_eq!(date("TST1"), "2020-01-08", "time_precision 1: the day");
    assert_eq!(
        date("TST2"),
        "2020-03-12/2020-03-18",
        "time_precision 2: the week around the date"
    );
    assert_eq!(date("TST3"), "2020-03", "time_precision 3: the month");
    assert_eq!(
        event("TST2").date.as_ref().unwrap().text.as_deref(),
        Some("15 March 2020")
    );
    assert_eq!(event("TST1").event_type, "rocket-attack");
    assert_eq!(event("TST2").event_type, "airstrike");
    assert_eq!(event("TST4").event_type, "protest");
    assert!(event("TST2")
        .tags
        .contains(&"acled sub_event_type: Air/drone strike".to_string()));
    assert_eq!(event("TST2").title, "Air/drone strike in Jurf al-Sakhar");
    // The same location on two rows is one place; geo_precision 2 means "near".
    assert_eq!(p.places.len(), 3);
    assert_eq!(event("TST1").place, event("TST4").place);
    let jurf = p
        .places
        .iter()
        .find(|pl| pl.name == "Jurf al-Sakhar")
        .unwrap();
    assert_eq!(jurf.precision.unwrap().as_str(), "near");
    assert_eq!(jurf.coordinates, Some((32.87, 44.13)));
    // A place's note names its admin areas, innermost first, without the empty ones.
    assert_eq!(jurf.note.as_deref(), Some("Al-Musayab, Babil, Iraq"));
    // Actors by name, with roles; civilians are the target of violence against civilians.
    let roles = |id: &str| -> Vec<(String, String)> {
        event(id)
            .actors
            .iter()
            .map(|a| {
                (
                    p.actors
                        .iter()
                        .find(|x| x.id == a.actor)
                        .unwrap()
                        .name
                        .clone(),
                    a.role.clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        roles("TST3")[1],
        ("Civilians (Iraq)".to_string(), "target".to_string())
    );
    assert_eq!(
        roles("TST2")[2],
        (
            "Unidentified Armed Group (Iraq)".to_string(),
            "associated".to_string()
        )
    );
    assert_eq!(
        p.actors
            .iter()
            .filter(|a| a.name == "Military Forces of the United States")
            .count(),
        1
    );
    // Fatalities are a figure; notes are the quote, verbatim, with ACLED's sources named.
    assert_eq!(event("TST2").figures[0].value, 3.0);
    assert_eq!(
        event("TST2").figures[0].text.as_deref(),
        Some("fatalities: 3 (ACLED)")
    );
    assert_eq!(
        event("TST1").sources[0].quote,
        "Invented for tests: missiles struck the base; \"no deaths\" were reported."
    );
    assert_eq!(
        event("TST1").note.as_deref(),
        Some("ACLED's sources: Newspaper A; Agency B (National-International)")
    );
}

#[test]
fn broken_rows_are_reported_by_line_and_column_and_the_rest_loads() {
    let loaded = read(&fixture("broken.csv"), None, "broken.csv");
    let find = |needle: &str| {
        loaded
            .problems
            .iter()
            .find(|p| p.message.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {:#?}", loaded.problems))
    };
    let encoding = find("0xE9 is not valid UTF-8");
    assert_eq!(encoding.line, 2);
    let date = find("'2020-02-30' is not a date");
    assert_eq!(
        (date.path.as_str(), date.line, date.column),
        ("line 3, event_date", 3, 6)
    );
    assert!(
        find("'33,5' is not a usable coordinate (use a decimal point)")
            .path
            .ends_with("latitude")
    );
    assert_eq!(find("already used on line 4").severity, Severity::Error);
    assert_eq!(find("has 8 fields where the header has 31").line, 6);
    assert_eq!(find("never closed").line, 7);
    assert_eq!(
        loaded.summary.as_deref(),
        Some("5 rows loaded; 1 skipped: line 5, the id 'TST3' repeats line 4")
    );
    let ids: Vec<String> = loaded.package.events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, ["TST1", "TST2", "TST3", "TST5", "TST6"]);
    // The store takes the reader's index of ids: each id finds its own event, though a row was
    // skipped between them.
    let store = Store::new(loaded);
    for id in &ids {
        let row = store.row_of(id).expect(id);
        assert_eq!(&store.event_at(row).id, id);
    }
    assert_eq!(store.row_of("TST4"), None);
}

#[test]
fn an_acled_store_answers_queries() {
    let store = Store::new(read(
        &fixture("events.csv"),
        Some(Format::Acled),
        "events.csv",
    ));
    let r = query::run(
        &store,
        &QuerySpec {
            text: "jurf".into(),
            ..QuerySpec::default()
        },
    )
    .unwrap();
    assert_eq!(query::summary(&store, r.page[0] as usize).id, "TST2");
    let card = query::details(&store, "TST2").unwrap();
    assert_eq!(
        card.acled_event_type.as_deref(),
        Some("Explosions/Remote violence")
    );
}

/// Every answer the page asks for, the same from both stores.
fn assert_same_answers(kept: &Store, whole: &Store, what: &str) {
    assert_eq!(kept.len(), whole.len(), "{what}");
    assert_eq!(kept.types(), whole.types(), "{what}");
    assert_eq!(kept.extent(), whole.extent(), "{what}");
    let texts = ["", "strike", "military jurf", "acled", "tst91"].map(|text| QuerySpec {
        text: text.into(),
        ..QuerySpec::default()
    });
    let dates = QuerySpec {
        from: Some(query::DayBound::Text("2019-12-01".into())),
        to: Some(query::DayBound::Text("2020-03-31".into())),
        limit: Some(20),
        ..QuerySpec::default()
    };
    for spec in texts.iter().chain([&dates]) {
        assert_eq!(
            query::run(kept, spec).unwrap(),
            query::run(whole, spec).unwrap(),
            "{what}: {spec:?}"
        );
    }
    for row in 0..whole.len() {
        let summary = query::summary(whole, row);
        assert_eq!(query::summary(kept, row), summary, "{what}: row {row}");
        assert_eq!(
            query::details(kept, &summary.id).unwrap(),
            query::details(whole, &summary.id).unwrap(),
            "{what}: {}",
            summary.id
        );
    }
    let rows: Vec<u32> = (0..whole.len() as u32).collect();
    for format in [
        dateline::write::ExportFormat::Csv,
        dateline::write::ExportFormat::Package,
    ] {
        assert_eq!(
            dateline::write::export(kept, &rows, format),
            dateline::write::export(whole, &rows, format),
            "{what}"
        );
    }
}

#[test]
fn reading_in_steps_gives_what_reading_at_once_gives() {
    let mut synthetic = Vec::new();
    dateline::write::synth::write_acled(500, 4, &mut synthetic).unwrap();
    let mut windows = fixture("broken.csv");
    // Invalid UTF-8 as well: the text is decoded once, before the steps.
    windows.extend_from_slice(b"\xe9\n");
    // A Dateline CSV export has columns of its own: its events are made whole.
    let export = {
        let store = Store::new(read(&synthetic, Some(Format::Acled), "x.csv"));
        let rows: Vec<u32> = (0..store.len() as u32).step_by(3).collect();
        dateline::write::export(&store, &rows, dateline::write::ExportFormat::Csv).into_bytes()
    };
    // Rows whose titles are made of their ids, or of what of the type and place they have.
    let mut odd = fixture("events.csv");
    for (id, event_type, sub_type, location) in [
        ("TST90", "Riots", "", ""),
        ("TST91", "Riots", "", ""),
        ("TST92", "Protests", "", "Basra"),
        ("TST93", "Protests", "", "Basra"),
        ("TST94", "", "Armed clash", ""),
    ] {
        let mut fields = vec![""; 31];
        fields[0] = id;
        fields[1] = "2020-05-01";
        fields[5] = event_type;
        fields[6] = sub_type;
        fields[21] = location;
        // Characters of two, three and four bytes, which small windows cut.
        fields[27] =
            "Invented for tests: a row without a sub-event type or a location (Baṣra, ‘دمشق’ 𝔸).";
        odd.extend_from_slice(format!("{}\n", fields.join(",")).as_bytes());
    }
    // A header whose quote never closes; lines that end in a bare carriage return, with commas
    // past the header line.
    let unclosed =
        b"event_id_cnty,event_date,event_type,sub_event_type,actor1,\"notes\nTST1,2020-01-08\n"
            .to_vec();
    let mac = b"event_id_cnty;event_date;event_type;sub_event_type;actor1\rA1;2020-01-08;Battles;Armed clash;X, Y, Z\rA2;2020-01-09;Riots;Mob violence;Q\r".to_vec();
    for (bytes, in_file) in [
        (unclosed, true),
        (mac, true),
        (odd, true),
        (fixture("events.csv"), true),
        (fixture("broken.csv"), true),
        (windows, true),
        (synthetic, true),
        (export, false),
    ] {
        let options = dateline::read::Options {
            name: "steps.csv".into(),
            ..Default::default()
        };
        let whole = dateline::read::read_with(&bytes, &options);
        let whole_store = Store::new(dateline::read::read_with(&bytes, &options));
        // Windows so small that records are cut by their ends, and one that holds the file.
        for (records, window) in [(1, 7), (7, 300), (1000, 1 << 22)] {
            let source: std::rc::Rc<dyn dateline::read::Source> = std::rc::Rc::new(bytes.clone());
            let mut reading = dateline::read::Reading::with_window(source, &options, window);
            let mut steps = 0;
            let mut last = 0.0;
            while !reading.step(records) {
                steps += 1;
                assert!(reading.progress() >= last && reading.progress() <= 1.0);
                last = reading.progress();
            }
            assert_eq!(reading.progress(), 1.0);
            assert_eq!(reading.events(), whole.package.events.len());
            if records == 1 {
                assert!(steps + 1 >= whole.package.events.len(), "{steps} steps");
            }
            let stepped = reading.finish();
            assert_eq!(stepped.problems, whole.problems, "{records} per step");
            assert_eq!(stepped.summary, whole.summary, "{records} per step");
            let store = Store::new(stepped);
            assert_eq!(store.in_file(), in_file);
            assert_eq!(store.to_package(), whole.package, "{records} per step");
            assert_same_answers(&store, &whole_store, &format!("{records} per step"));
        }
    }
}

/// A file the page holds, which the page can give up (as a transferred buffer is).
struct Fading {
    bytes: Vec<u8>,
    gone: std::cell::Cell<bool>,
}

impl dateline::read::Source for Fading {
    fn len(&self) -> u64 {
        self.bytes.len() as u64
    }

    fn read(&self, from: u64, into: &mut [u8]) -> bool {
        if self.gone.get() {
            return false;
        }
        let from = from as usize;
        into.copy_from_slice(&self.bytes[from..from + into.len()]);
        true
    }
}

#[test]
fn events_whose_file_was_given_up_say_so_and_the_rest_still_works() {
    let file = std::rc::Rc::new(Fading {
        bytes: fixture("events.csv"),
        gone: std::cell::Cell::new(false),
    });
    let options = dateline::read::Options::default();
    let store = Store::new(dateline::read::Reading::from_source(file.clone(), &options).finish());
    assert!(store.in_file());
    assert_eq!(store.event(0).id, "TST1");
    file.gone.set(true);
    let lost = store.event(0);
    assert_eq!(lost.title, "(this row could not be read again)");
    assert!(lost.sources.is_empty(), "no quote is made up");
    // The columns still answer; lists, cards and exports carry on.
    let r = query::run(&store, &QuerySpec::default()).unwrap();
    assert_eq!(r.total, 4);
    // A list shows what the columns and the titles of kinds of event hold; an event whose date
    // is in other words than ISO's is read again for it, and is lost.
    let titles: Vec<String> = (0..store.len())
        .map(|row| query::summary(&store, row).title)
        .collect();
    assert!(titles.contains(&"Shelling/artillery/missile attack in Ain al-Asad Airbase".into()));
    assert!(
        titles.contains(&"(this row could not be read again)".into()),
        "{titles:?}"
    );
    let rows: Vec<u32> = (0..store.len() as u32).collect();
    let csv = dateline::write::export(&store, &rows, dateline::write::ExportFormat::Csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("event_id_cnty,event_date,"), "{csv}");
    assert_eq!(lines.len(), 5, "a header and the four rows: {csv}");
    assert!(
        lines[1..]
            .iter()
            .all(|line| line.contains("(this row could not be read again)")),
        "{csv}"
    );
}

/// A file on disk, as the page's `File` is: it records the byte ranges read from it.
struct Disk {
    bytes: Vec<u8>,
    reads: std::cell::RefCell<Vec<(usize, usize)>>,
}

impl dateline::read::Source for Disk {
    fn len(&self) -> u64 {
        self.bytes.len() as u64
    }

    fn read(&self, from: u64, into: &mut [u8]) -> bool {
        let from = from as usize;
        self.reads.borrow_mut().push((from, from + into.len()));
        into.copy_from_slice(&self.bytes[from..from + into.len()]);
        true
    }
}

#[test]
fn rows_are_read_again_from_the_file_on_disk_once_the_page_gives_up_its_copy() {
    let bytes = fixture("events.csv");
    let held = std::rc::Rc::new(Fading {
        bytes: bytes.clone(),
        gone: std::cell::Cell::new(false),
    });
    let options = dateline::read::Options::default();
    let mut store =
        Store::new(dateline::read::Reading::from_source(held.clone(), &options).finish());
    let before = store.to_package();
    let disk = std::rc::Rc::new(Disk {
        bytes: bytes.clone(),
        reads: Default::default(),
    });
    // A file of another length is not the one read: it is refused and nothing changes.
    let shorter = std::rc::Rc::new(bytes[..bytes.len() - 1].to_vec());
    assert!(!store.read_rows_from(shorter));
    assert!(store.read_rows_from(disk.clone()));
    held.gone.set(true);
    assert_eq!(
        store.to_package(),
        before,
        "every event made again from the disk"
    );
    // Each event is read from its own record's bytes: from where its row starts to where the
    // next one does, which is a whole line of the file.
    let reads = disk.reads.borrow().clone();
    assert_eq!(reads.len(), store.len());
    let text = std::str::from_utf8(&bytes).unwrap();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for (from, to) in reads {
        assert!(line_starts.contains(&from), "{from} starts no line");
        assert!(to == bytes.len() || line_starts.contains(&to), "{to}");
        assert!(
            text[from..to].starts_with("TST"),
            "one record: {:?}",
            &text[from..to]
        );
    }
}

#[test]
fn events_held_whole_have_no_file_to_read_again() {
    let mut store = Store::new(read(&fixture("events.csv"), None, "events.csv"));
    assert!(!store.in_file());
    assert!(!store.read_rows_from(std::rc::Rc::new(fixture("events.csv"))));
    assert_eq!(store.event(0).id, "TST1");
}
