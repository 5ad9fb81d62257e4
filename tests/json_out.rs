//! The JSON the core writes for JavaScript (`ToJson`) has the names and shapes the types'
//! serde derives give, which `docs/api.md` documents; and query specs read from JSON as serde
//! would read them, with clear errors for what it would reject.

use dateline::engine::places;
use dateline::engine::query::{self, DayBound, QuerySpec, SPEC_FIELDS};
use dateline::json::ToJson;
use dateline::model::{Draft, Link};
use dateline::read::{self, Loaded};
use dateline::Store;
use serde::Serialize;
use serde_json::Value;

/// Numbers as `f64`, so that `3` written by hand equals serde's `3.0`.
fn normal(v: Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.into_iter().map(normal).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, normal(v))).collect()),
        other => other,
    }
}

fn same<T: ToJson + Serialize + ?Sized>(value: &T) {
    let written = value.to_json();
    let ours: Value = serde_json::from_str(&written).unwrap_or_else(|e| panic!("{e}: {written}"));
    let serde = serde_json::to_value(value).unwrap();
    assert_eq!(normal(ours), normal(serde), "{written}");
}

/// The seed dataset, its first event made a draft with links, and the events of a fixture with
/// broken parts (so that problems are reported).
fn stores() -> Vec<Store> {
    let mut seed = read::read_package(&std::fs::read("www/data/iraq-2019-2020.json").unwrap());
    let first = &mut seed.package.events[0];
    first.draft = Some(Box::new(Draft {
        confidence: 0.5,
        rules: vec![("date".into(), "the article's \"date\" line".into())],
        merged: vec!["two reports".into()],
    }));
    first.links = vec![Link {
        url: "https://example.org/a?b=1&c=\u{e9}".into(),
        title: "A link\twith a tab".into(),
    }];
    let broken =
        read::read_package(&std::fs::read("tests/fixtures/packages/broken-event.json").unwrap());
    assert!(!broken.problems.is_empty());
    let acled = read::read(
        &std::fs::read("tests/fixtures/acled/broken.csv").unwrap(),
        None,
        "broken.csv",
    );
    [seed, broken, acled, Loaded::default()]
        .into_iter()
        .map(Store::new)
        .collect()
}

#[test]
fn everything_the_explorer_hands_over_matches_serde() {
    let mut events = 0;
    for store in stores() {
        same(store.problems());
        same(store.types());
        for i in 0..store.package().places.len() {
            same(&query::place_info(&store, i));
        }
        same(&places::entries(&store));
        for i in 0..store.package().actors.len() {
            same(&query::actor_info(&store, i));
        }
        for i in 0..store.package().documents.len() {
            same(&query::document_info(&store, i));
        }
        for row in 0..store.len() {
            let id = store.event_at(row).id.clone();
            same(&query::details(&store, &id).unwrap());
            same(&query::summary(&store, row));
            events += 1;
        }
        let r = query::run(&store, &QuerySpec::default()).unwrap();
        same(&r.ticks);
        same(&r.selected);
    }
    assert!(events > 20, "{events} events checked");
}

#[test]
fn numbers_and_text_are_written_as_json() {
    assert_eq!(3.0f64.to_json(), "3");
    assert_eq!((-0.25f64).to_json(), "-0.25");
    assert_eq!(f64::NAN.to_json(), "null");
    assert_eq!(Some(i32::MIN).to_json(), "-2147483648");
    assert_eq!(
        vec!["a\"b".to_string(), "\u{2028}".into()].to_json(),
        r#"["a\"b","\u2028"]"#
    );
}

/// A query spec with every field set.
const EVERY_FIELD: &str = r#"{"from":"2020-01","to":18300,"types":["airstrike"],"actors":[],
    "places":["baghdad"],"documents":["a"],"text":"rocket base","precision":["day"],"viewFrom":-5,
    "viewTo":"2020","offset":3,"limit":0,"maxTicks":12,"binUnit":"week","withRows":true,
    "laneWidth":2.5,"selected":"e1","viewLimit":400,"facetLimits":{"types":3,"places":null,
    "actors":0,"documents":7,"precision":4294967295}}"#;

#[test]
fn specs_read_as_serde_reads_them() {
    for text in ["{}", "null", EVERY_FIELD] {
        let serde: QuerySpec = serde_json::from_str::<Option<QuerySpec>>(text)
            .unwrap()
            .unwrap_or_default();
        assert_eq!(QuerySpec::from_json(text).unwrap(), serde, "{text}");
    }
    // Left out and null are alike.
    assert_eq!(
        QuerySpec::from_json(r#"{"from":null,"types":null,"limit":null}"#).unwrap(),
        QuerySpec::default()
    );
    assert_eq!(
        QuerySpec::from_json(r#"{"from":1.5}"#).unwrap().from,
        Some(DayBound::Day(1.5))
    );
    // The list names every field, and every field named in it is read.
    let every: Value = serde_json::from_str(EVERY_FIELD).unwrap();
    let mut fields: Vec<&str> = every
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut named = SPEC_FIELDS.to_vec();
    fields.sort_unstable();
    named.sort_unstable();
    assert_eq!(named, fields);
    // A value of the wrong kind: an object, or for the one field that takes an object, a string.
    for field in SPEC_FIELDS {
        let (wrong, kind) = match *field {
            "facetLimits" => (r#""all""#, "a string"),
            _ => ("{}", "an object"),
        };
        let err = QuerySpec::from_json(&format!(r#"{{"{field}":{wrong}}}"#)).unwrap_err();
        assert!(
            err.starts_with(&format!("query '{field}': expected ")),
            "{err}"
        );
        assert!(err.ends_with(&format!("not {kind}")), "{err}");
    }
}

#[test]
fn a_bad_spec_is_an_error_naming_the_field() {
    let err = |text: &str| QuerySpec::from_json(text).unwrap_err();
    assert!(err(r#"{"form":"2020"}"#)
        .starts_with("the query spec has no field 'form'; the fields are: from, to, types"));
    assert_eq!(
        err(r#"{"limit":-1}"#),
        "query 'limit': expected a whole number from 0 to 4294967295, not a number"
    );
    assert_eq!(
        err(r#"{"offset":2.5}"#),
        "query 'offset': expected a whole number from 0 to 4294967295, not a number"
    );
    assert_eq!(
        err(r#"{"types":["a",1]}"#),
        "query 'types': expected a list of texts, not an array"
    );
    assert_eq!(
        err(r#"{"withRows":"yes"}"#),
        "query 'withRows': expected true or false, not a string"
    );
    assert_eq!(err("[1]"), "the query spec is not an object");
    assert!(err("{").starts_with("the query spec is not JSON: "));
}
