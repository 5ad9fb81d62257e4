//! Exports: what a reader filtered leaves in the formats other tools read, and comes back.

use dateline::engine::query::{self, QuerySpec};
use dateline::json;
use dateline::read::read;
use dateline::write::{export, ExportFormat};
use dateline::{load_package, Store};

fn seed() -> Store {
    load_package(&std::fs::read("www/data/iraq-2019-2020.json").unwrap())
}

fn all_rows(store: &Store) -> Vec<u32> {
    (0..store.len() as u32).collect()
}

#[test]
fn package_export_of_a_selection_is_a_valid_package_with_what_it_uses() {
    let store = seed();
    let spec = QuerySpec {
        places: vec!["baghdad".into()],
        with_rows: true,
        ..QuerySpec::default()
    };
    let rows = query::run(&store, &spec).unwrap().rows;
    assert_eq!(rows.len(), 5);
    let text = export(&store, &rows, ExportFormat::Package);
    let again = load_package(text.as_bytes());
    assert!(again.problems().is_empty(), "{:#?}", again.problems());
    let p = again.to_package();
    assert_eq!(p.events.len(), 5);
    let places: Vec<&str> = p.places.iter().map(|p| p.id.as_str()).collect();
    assert!(
        places.contains(&"baghdad") && places.contains(&"iraq"),
        "containing places are kept: {places:?}"
    );
    assert!(!places.contains(&"al-asad-air-base"));
    // The killing's link to the embassy assault survives (both selected); quotes stay verified.
    let killing = p
        .events
        .iter()
        .find(|e| e.id == "soleimani-killing")
        .unwrap();
    assert_eq!(killing.relations.len(), 1);
    assert!(killing.sources.iter().all(|s| s.verified));
}

#[test]
fn the_whole_package_round_trips_through_its_own_json() {
    let store = seed();
    let text = export(&store, &all_rows(&store), ExportFormat::Package);
    let again = load_package(text.as_bytes());
    assert!(again.problems().is_empty());
    let mut before = store.to_package();
    before.places.retain(|p| p.id != "mosul"); // no event is at Mosul, so a selection leaves it out
                                               // Exports list events in date order; compare them by id.
    let mut after = again.to_package().events;
    after.sort_by(|a, b| a.id.cmp(&b.id));
    before.events.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(after, before.events);
    assert_eq!(again.package().places, before.places);
    assert_eq!(again.package().documents, before.documents);
}

#[test]
fn csv_carries_acled_columns_and_comes_back_with_dates_types_figures_and_quotes() {
    let store = seed();
    let text = export(&store, &all_rows(&store), ExportFormat::Csv);
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"));
    let back = Store::new(read(text.as_bytes(), None, "export.csv"));
    assert!(back.problems().is_empty(), "{:#?}", back.problems());
    let before = &store.to_package();
    let after = &back.to_package();
    assert_eq!(after.events.len(), before.events.len());
    for e in &before.events {
        let a = after.events.iter().find(|x| x.id == e.id).unwrap();
        assert_eq!((&a.title, &a.event_type), (&e.title, &e.event_type));
        assert_eq!(
            a.date.as_ref().map(|d| d.edtf.to_string()),
            e.date.as_ref().map(|d| d.edtf.to_string()),
            "{}",
            e.id
        );
        assert_eq!(
            a.date.as_ref().and_then(|d| d.note.clone()),
            e.date.as_ref().and_then(|d| d.note.clone())
        );
        assert_eq!(
            a.figures
                .iter()
                .map(|f| (f.value, f.qualifier))
                .collect::<Vec<_>>(),
            e.figures
                .iter()
                .map(|f| (f.value, f.qualifier))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            a.sources
                .iter()
                .map(|s| s.quote.replace('\n', " "))
                .collect::<Vec<_>>(),
            e.sources
                .iter()
                .map(|s| s.quote.replace('\n', " "))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            a.relations
                .iter()
                .map(|r| (&r.event, r.kind))
                .collect::<Vec<_>>(),
            e.relations
                .iter()
                .map(|r| (&r.event, r.kind))
                .collect::<Vec<_>>()
        );
        let roles =
            |ev: &dateline::model::Event, p: &dateline::model::Package| -> Vec<(String, String)> {
                ev.actors
                    .iter()
                    .map(|x| {
                        (
                            p.actors
                                .iter()
                                .find(|a| a.id == x.actor)
                                .unwrap()
                                .name
                                .clone(),
                            x.role.clone(),
                        )
                    })
                    .collect()
            };
        assert_eq!(roles(a, after), roles(e, before), "{}", e.id);
    }
    let asad = after
        .events
        .iter()
        .find(|e| e.id == "al-asad-missile-attack")
        .unwrap();
    let place = after
        .places
        .iter()
        .find(|p| Some(&p.id) == asad.place.as_ref())
        .unwrap();
    assert_eq!(
        (place.name.as_str(), place.coordinates),
        ("al-Asad Air Base", Some((33.7856, 42.4411)))
    );
}

#[test]
fn csv_cells_are_quoted_and_never_formulas() {
    let json = r#"{"dateline":1,"title":"t","events":[
      {"id":"a","title":"=HYPERLINK(\"http://x\")","type":"other","date":"2020","summary":"line one\nline, two"},
      {"id":"b","title":"-5 degrees","type":"other","date":"-0044-03-15"}]}"#;
    let store = load_package(json.as_bytes());
    let text = export(&store, &all_rows(&store), ExportFormat::Csv);
    assert!(text.contains(r#""'=HYPERLINK(""http://x"")""#), "{text}");
    assert!(text.contains("\"line one\nline, two\""));
    assert!(
        text.contains(",-0044-03-15,"),
        "negative years are not formulas"
    );
}

#[test]
fn geojson_has_one_feature_per_mapped_event() {
    let store = seed();
    let text = export(&store, &all_rows(&store), ExportFormat::GeoJson);
    let parsed = json::parse(&text);
    assert!(parsed.problems.is_empty());
    let root = parsed.root.unwrap();
    let json::Kind::Array(features) = &root.get("features").unwrap().kind else {
        panic!()
    };
    assert_eq!(features.len(), 8);
    let json::Kind::Array(unmapped) = &root.get("dateline:unmapped").unwrap().kind else {
        panic!()
    };
    assert_eq!(unmapped.len(), 11);
    let asad = features
        .iter()
        .find(|f| {
            f.get("properties").unwrap().get("id").unwrap().as_str()
                == Some("al-asad-missile-attack")
        })
        .unwrap();
    let json::Kind::Array(xy) = &asad
        .get("geometry")
        .unwrap()
        .get("coordinates")
        .unwrap()
        .kind
    else {
        panic!()
    };
    assert_eq!(
        (xy[0].as_f64(), xy[1].as_f64()),
        (Some(42.4411), Some(33.7856)),
        "GeoJSON is [lon, lat]"
    );
    assert_eq!(
        asad.get("properties")
            .unwrap()
            .get("earliest")
            .unwrap()
            .as_str(),
        Some("2020-01-08")
    );
}

#[test]
fn citations_list_each_event_with_its_quotes() {
    let store = seed();
    let text = export(&store, &all_rows(&store), ExportFormat::Citations);
    assert!(text.starts_with("U.S.–Iraq tensions, 2019–2020\n19 events\n"));
    assert!(text.contains("Iran's ballistic missile attack on al-Asad air base (8 January 2020)\n  - “In a tit-for-tat response"));
}

#[test]
fn who_says_so_is_kept_on_roles_and_figures_and_shown_on_the_card() {
    let text = r#"{"dateline": 1, "title": "t",
      "documents": [{"id": "d", "title": "Wire", "text": "A U.S. official said about 30 rockets were fired; Iraq's military said ten hit. Officials blamed Kataib Hezbollah."}],
      "actors": [{"id": "kh", "name": "Kataib Hezbollah"}],
      "events": [{"id": "e", "title": "Rockets", "type": "rocket-attack", "date": "2020-03-11",
        "actors": [{"actor": "kh", "role": "suspected", "according_to": "officials"}],
        "figures": [
          {"what": "rockets", "value": 30, "qualifier": "about", "source": "d", "according_to": "a U.S. official"},
          {"what": "rockets", "value": 10, "source": "d", "according_to": "Iraq's military"}],
        "sources": [{"document": "d", "quote": "Officials blamed Kataib Hezbollah."}]}]}"#;
    let store = load_package(text.as_bytes());
    assert!(store.problems().is_empty(), "{:#?}", store.problems());
    let card = query::details(&store, "e").unwrap();
    assert_eq!(card.actors[0].according_to.as_deref(), Some("officials"));
    let readings = &card.figures[0].readings;
    assert_eq!(readings[0].according_to.as_deref(), Some("a U.S. official"));
    assert_eq!(readings[1].according_to.as_deref(), Some("Iraq's military"));
    assert!(card.figures[0].disagree);
    let json = json::ToJson::to_json(&card);
    assert!(
        json.contains(r#""accordingTo":"a U.S. official""#),
        "{json}"
    );
    // And back through the package export.
    let again = load_package(export(&store, &[0], ExportFormat::Package).as_bytes());
    assert_eq!(again.to_package().events, store.to_package().events);
}

#[test]
fn the_static_page_lists_every_event_with_dates_places_and_linked_quotes() {
    use dateline::write::{html, HtmlOptions};
    let store = seed();
    let page = html(&store, &all_rows(&store), &HtmlOptions::default());
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(!page.contains("<script"), "the page runs no script");
    for e in store.to_package().events {
        assert!(
            page.contains(&format!("id=\"event-{}\"", e.id)),
            "{} is on the page",
            e.id
        );
    }
    assert_eq!(page.matches("<li class=\"dl-event\"").count(), store.len());
    // Dates as the package states them, machine-readable where HTML can say so.
    assert!(
        page.contains("<time datetime=\"2020-01-08\">8 January 2020</time>"),
        "{page}"
    );
    assert!(page.contains("Place: al-Asad Air Base"));
    assert!(page.contains("<blockquote><p>"));
    let fragment = html(
        &store,
        &all_rows(&store),
        &HtmlOptions {
            lang: "en".into(),
            fragment: true,
        },
    );
    assert!(fragment.starts_with("<ol class=\"dl-events\">") && fragment.contains("<h3>"));
    assert!(!fragment.contains("<html"));
}

#[test]
fn the_static_page_escapes_hostile_text_and_drops_other_links() {
    use dateline::write::{html, HtmlOptions};
    let hostile = r#"{
      "dateline": 1,
      "title": "</title><script>alert(1)</script>",
      "documents": [
        { "id": "d1", "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)" },
        { "id": "d2", "title": "Fine", "url": "https://example.org/a?b=1&c=\"2\"" }
      ],
      "places": [{ "id": "p1", "name": "\"><svg onload=alert(1)>" }],
      "actors": [],
      "events": [
        { "id": "e1", "title": "<b>bold</b> & 'quoted'", "type": "attack",
          "date": "2020-01-08?", "date_text": "<i>on Tuesday</i>", "place": "p1",
          "sources": [{ "document": "d1", "quote": "<script>x()</script>" }] },
        { "id": "e2", "title": "Second", "type": "attack", "date": "2019-12~",
          "sources": [{ "document": "d2", "quote": "q" }] }
      ]
    }"#;
    let store = load_package(hostile.as_bytes());
    let page = html(
        &store,
        &all_rows(&store),
        &HtmlOptions {
            lang: "ar\" onload=\"x".into(),
            fragment: false,
        },
    );
    for bad in [
        "<script",
        "<img",
        "<svg",
        "<b>",
        "<i>",
        "javascript:",
        "onload=\"",
    ] {
        assert!(!page.contains(bad), "{bad} is escaped or dropped: {page}");
    }
    assert!(
        page.contains("<html lang=\"en\">"),
        "a bad language tag falls back"
    );
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;"));
    assert!(
        page.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the title stays, unlinked"
    );
    assert!(page.contains("href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\""));
    assert!(page.contains("8 January 2020 (uncertain)"), "{page}");
    assert!(page.contains("about December 2019"));
    assert_eq!(page.matches("<li class=\"dl-event\"").count(), 2);
}
