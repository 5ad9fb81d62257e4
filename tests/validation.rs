//! Loading reports every problem with where it is, and loses nothing else.

use dateline::model::problem::{Problem, Severity};
use dateline::read::read_package;

fn problems(json: &str) -> (dateline::model::Package, Vec<Problem>) {
    let loaded = read_package(json.as_bytes());
    (loaded.package, loaded.problems)
}

fn find<'p>(problems: &'p [Problem], path: &str) -> &'p Problem {
    problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}: {problems:#?}"))
}

const HEAD: &str = r#"{ "dateline": 1, "title": "t",
  "documents": [{ "id": "d", "title": "D", "text": "Rockets hit the base on Thursday." }],
  "places": [{ "id": "p", "name": "P", "lat": 33.1, "lon": 44.2 }],
  "actors": [{ "id": "a", "name": "A" }],
"#;

fn with_events(events: &str) -> String {
    format!("{HEAD}  \"events\": [\n{events}\n  ]\n}}")
}

#[test]
fn an_impossible_date_is_named_with_path_line_and_column_and_the_event_stays_undated() {
    let json = with_events(
        r#"    { "id": "e1", "title": "ok", "type": "rocket-attack", "date": "2020-01-08" },
    { "id": "e2", "title": "bad", "type": "rocket-attack", "date": "2020-02-30" }"#,
    );
    let (package, problems) = problems(&json);
    let p = find(&problems, "events[1].date");
    assert_eq!(p.severity, Severity::Error);
    assert_eq!((p.line, p.column), (7, 68));
    assert!(
        p.message.contains("February 2020 has 29 days"),
        "{}",
        p.message
    );
    assert!(p.message.contains("listed but not on the timeline"));
    assert_eq!(package.events.len(), 2);
    assert!(package.events[1].date.is_none());
    assert_eq!(
        p.to_string(),
        format!("7:68: error: events[1].date: {}", p.message)
    );
}

#[test]
fn month_thirteen_and_year_ten_thousand_are_errors() {
    let json = with_events(
        r#"    { "id": "e1", "title": "x", "type": "other", "date": "2019-13" },
    { "id": "e2", "title": "y", "type": "other", "date": "10000-01-01" }"#,
    );
    let (_, problems) = problems(&json);
    assert!(find(&problems, "events[0].date")
        .message
        .contains("13 is not a month"));
    assert!(find(&problems, "events[1].date")
        .message
        .contains("Y prefix"));
}

#[test]
fn dangling_references_are_reported_and_dropped() {
    let json = with_events(
        r#"    { "id": "e1", "title": "x", "type": "other", "date": "2020", "place": "nowhere",
      "actors": [{ "actor": "ghost", "role": "perpetrator" }],
      "sources": [{ "document": "missing", "quote": "q" }],
      "relations": [{ "event": "e9", "kind": "response-to" }] }"#,
    );
    let (package, problems) = problems(&json);
    assert!(find(&problems, "events[0].place")
        .message
        .contains("no place with the id 'nowhere'"));
    assert!(find(&problems, "events[0].actors[0].actor")
        .message
        .contains("no actor with the id 'ghost'"));
    assert!(find(&problems, "events[0].sources[0].document")
        .message
        .contains("no document"));
    assert!(find(&problems, "events[0].relations[0].event")
        .message
        .contains("no event with the id 'e9'"));
    let e = &package.events[0];
    assert!(
        e.place.is_none() && e.actors.is_empty() && e.sources.is_empty() && e.relations.is_empty()
    );
}

#[test]
fn duplicate_ids_skip_the_later_item() {
    let json = with_events(
        r#"    { "id": "e1", "title": "first", "type": "other", "date": "2020" },
    { "id": "e1", "title": "second", "type": "other", "date": "2020" }"#,
    );
    let (package, problems) = problems(&json);
    assert!(find(&problems, "events[1].id")
        .message
        .contains("already used"));
    assert_eq!(package.events.len(), 1);
    assert_eq!(package.events[0].title, "first");
}

#[test]
fn coordinates_out_of_range_or_as_text_leave_the_place_listed_but_unmapped() {
    let json = r#"{ "dateline": 1, "title": "t", "places": [
      { "id": "a", "name": "A", "lat": 999, "lon": 44 },
      { "id": "b", "name": "B", "lat": 33, "lon": 181 },
      { "id": "c", "name": "C", "lat": "51,5", "lon": 0 },
      { "id": "d", "name": "D", "lat": 33 }
    ], "events": [] }"#;
    let (package, problems) = problems(json);
    assert!(find(&problems, "places[0].lat")
        .message
        .contains("999 is out of range"));
    assert!(find(&problems, "places[1].lon")
        .message
        .contains("181 is out of range"));
    assert!(find(&problems, "places[2].lat")
        .message
        .contains("decimal point"));
    assert!(find(&problems, "places[3]")
        .message
        .contains("both 'lat' and 'lon'"));
    assert_eq!(package.places.len(), 4);
    assert!(package.places.iter().all(|p| p.coordinates.is_none()));
}

#[test]
fn quotes_must_be_verbatim_and_not_empty() {
    let json = with_events(
        r#"    { "id": "e1", "title": "x", "type": "other", "date": "2020",
      "sources": [{ "document": "d", "quote": "Rockets hit the base" },
                  { "document": "d", "quote": "Missiles hit the base" },
                  { "document": "d", "quote": "  " }] }"#,
    );
    let (package, problems) = problems(&json);
    assert!(find(&problems, "events[0].sources[1].quote")
        .message
        .contains("does not occur in the text of document 'd'"));
    assert!(find(&problems, "events[0].sources[2].quote")
        .message
        .contains("missing or empty"));
    let sources = &package.events[0].sources;
    assert_eq!(sources.len(), 2);
    assert!(sources[0].verified && !sources[1].verified);
}

#[test]
fn only_http_links_are_kept() {
    let json = r#"{ "dateline": 1, "title": "t", "documents": [
      { "id": "a", "title": "A", "url": "java\tscript:alert(1)" },
      { "id": "b", "title": "B", "url": "https://example.org/story" }
    ], "events": [] }"#;
    let (package, problems) = problems(json);
    assert!(find(&problems, "documents[0].url")
        .message
        .contains("only http and https"));
    assert_eq!(package.documents[0].url, None);
    assert_eq!(
        package.documents[1].url.as_deref(),
        Some("https://example.org/story")
    );
}

#[test]
fn figures_keep_their_qualifiers_and_reject_unknown_ones() {
    let json = with_events(
        r#"    { "id": "e1", "title": "x", "type": "other", "date": "2020", "figures": [
      { "what": "injured", "value": 100, "qualifier": "nearly", "source": "d" },
      { "what": "injured", "value": 100, "qualifier": "roughly" },
      { "what": "troops", "value": 5000, "max": 6000, "qualifier": "between" },
      { "what": "killed", "value": -1 } ] }"#,
    );
    let (package, problems) = problems(&json);
    assert!(find(&problems, "events[0].figures[1].qualifier")
        .message
        .contains("'roughly' is not a qualifier"));
    assert!(find(&problems, "events[0].figures[3].value")
        .message
        .contains("negative"));
    let figures = &package.events[0].figures;
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[1].max, Some(6000.0));
}

#[test]
fn unknown_fields_and_types_are_warnings() {
    let json = with_events(
        r#"    { "id": "e1", "title": "x", "type": "parade", "date": "2020", "palce": "p" }"#,
    );
    let (package, problems) = problems(&json);
    let typo = find(&problems, "events[0].palce");
    assert_eq!(typo.severity, Severity::Warning);
    assert!(typo.message.contains("'palce' is not a field"));
    assert_eq!(
        find(&problems, "events[0].type").severity,
        Severity::Warning
    );
    assert_eq!(package.events[0].event_type, "parade");
}

#[test]
fn a_truncated_file_keeps_the_events_before_the_break() {
    let json = with_events(
        r#"    { "id": "e1", "title": "x", "type": "other", "date": "2020" },
    { "id": "e2", "title": "y", "type": "other", "date": "2020" },
    { "id": "e3", "title": "cut"#,
    );
    let cut = &json[..json.find("\"cut").unwrap() + 4];
    let (package, problems) = problems(cut);
    assert!(problems
        .iter()
        .any(|p| p.message.contains("not closed before the end of the file")));
    assert!(find(&problems, "events[2]")
        .message
        .contains("breaks off inside this item"));
    let ids: Vec<&str> = package.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e1", "e2"]);
}

#[test]
fn files_that_are_not_packages_say_so() {
    let (_, p) = problems("[1, 2]");
    assert!(p[0].message.contains("a Dateline package is a JSON object"));
    let (_, p) = problems(r#"{"title": "x", "events": []}"#);
    assert!(find(&p, "dateline").message.contains("\"dateline\": 1"));
    let (_, p) = problems(r#"{"dateline": 2, "events": []}"#);
    assert!(find(&p, "dateline").message.contains("format version 2"));
    let (_, p) = problems("<html>");
    assert_eq!((p[0].line, p[0].column), (1, 1));
}

#[test]
fn invalid_utf8_is_reported_with_its_position_and_the_rest_loads() {
    let mut bytes =
        with_events(r#"    { "id": "e1", "title": "caf_", "type": "other", "date": "2020" }"#)
            .into_bytes();
    let at = bytes.iter().position(|&b| b == b'_').unwrap();
    bytes[at] = 0xE9; // 'é' in Windows-1252
    let loaded = read_package(&bytes);
    let p = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("UTF-8"))
        .expect("an encoding problem");
    assert_eq!((p.line, p.column), (6, 32));
    assert!(p.message.contains("0xE9 is not valid UTF-8") && p.message.contains("Windows-1252"));
    assert_eq!(loaded.package.events[0].title, "caf\u{fffd}");
}

#[test]
fn within_loops_are_broken() {
    let json = r#"{ "dateline": 1, "title": "t", "places": [
      { "id": "a", "name": "A", "within": "b" }, { "id": "b", "name": "B", "within": "a" }
    ], "events": [] }"#;
    let (package, problems) = problems(json);
    assert!(problems.iter().any(|p| p.message.contains("form a loop")));
    assert!(package.places.iter().any(|p| p.within.is_none()));
}
