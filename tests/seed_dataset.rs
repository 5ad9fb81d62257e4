//! The shipped dataset holds what the two seed articles say, and nothing they do not.

use dateline::engine::query::{self, QuerySpec};
use dateline::model::edtf::{DaySpan, Precision};
use dateline::{load_package, Store};

const DATASET: &str = "www/data/iraq-2019-2020.json";

fn seed() -> Store {
    load_package(&std::fs::read(DATASET).expect("the dataset"))
}

fn date_of(store: &Store, id: &str) -> String {
    let row = store.row_of(id).unwrap_or_else(|| panic!("no event {id}"));
    store
        .event_at(row)
        .date
        .as_ref()
        .expect("a date")
        .edtf
        .to_string()
}

#[test]
fn validates_without_problems() {
    let store = seed();
    assert!(store.problems().is_empty(), "{:#?}", store.problems());
    assert_eq!(store.len(), 19);
    assert!(store
        .to_package()
        .events
        .iter()
        .all(|e| !e.sources.is_empty() && e.sources.iter().all(|s| s.verified)));
}

#[test]
fn documents_carry_the_articles_verbatim() {
    let store = seed();
    let docs = &store.package().documents;
    assert_eq!(docs.len(), 2);
    for (doc, file) in docs
        .iter()
        .zip(["000_46ab3b00e36b5e83.txt", "001_a07254a8fc25ea70.txt"])
    {
        let text = std::fs::read_to_string(format!("tests/fixtures/seeds/{file}")).unwrap();
        assert_eq!(doc.text.as_deref(), Some(text.as_str()), "{}", doc.id);
        assert!(
            doc.url.is_none() && doc.publisher.is_none(),
            "the articles came without publisher or link"
        );
    }
}

#[test]
fn the_al_asad_attack_is_one_event_with_both_accounts_and_both_figures() {
    let store = seed();
    let package = store.to_package();
    let matching: Vec<_> = package
        .events
        .iter()
        .filter(|e| e.place.as_deref() == Some("al-asad-air-base"))
        .collect();
    assert_eq!(matching.len(), 1);
    assert_eq!(date_of(&store, "al-asad-missile-attack"), "2020-01-08");
    let card = query::details(&store, "al-asad-missile-attack").unwrap();
    let documents: Vec<&str> = card
        .sources
        .iter()
        .map(|s| s.document.id.as_str())
        .collect();
    assert_eq!(documents, ["mckenzie-analysis", "us-presence-wire"]);
    assert_eq!(card.figures.len(), 1);
    let injured = &card.figures[0];
    assert_eq!(injured.what, "injured");
    assert!(injured.disagree);
    let words: Vec<(&str, Option<&str>)> = injured
        .readings
        .iter()
        .map(|r| (r.words.as_str(), r.source.as_deref()))
        .collect();
    assert_eq!(
        words,
        [
            ("nearly 100", Some("mckenzie-analysis")),
            ("more than 100", Some("us-presence-wire"))
        ]
    );
    assert!(card.relations.iter().any(|r| r.direction == "out"
        && r.kind == "response-to"
        && r.event == "soleimani-killing"));
}

#[test]
fn caption_events_have_their_days_and_places() {
    let store = seed();
    assert_eq!(date_of(&store, "green-zone-rocket-attack"), "2020-03-26");
    assert_eq!(date_of(&store, "qayyarah-handover"), "2020-03-27");
    assert_eq!(date_of(&store, "mckenzie-aboard-truman"), "2020-02-01");
    let place = |id: &str| store.event_at(store.row_of(id).unwrap()).place.clone();
    assert_eq!(
        place("green-zone-rocket-attack").as_deref(),
        Some("green-zone")
    );
    assert_eq!(
        place("qayyarah-handover").as_deref(),
        Some("qayyarah-airfield")
    );
    assert_eq!(
        place("mckenzie-aboard-truman").as_deref(),
        Some("north-arabian-sea")
    );
    assert_eq!(
        place("soleimani-killing").as_deref(),
        Some("baghdad-airport")
    );
    assert_eq!(
        place("us-embassy-assault").as_deref(),
        Some("us-embassy-baghdad")
    );
}

#[test]
fn the_killing_of_soleimani_is_one_event_told_by_both_articles() {
    let store = seed();
    let package = store.to_package();
    let with_soleimani: Vec<_> = package
        .events
        .iter()
        .filter(|e| e.actors.iter().any(|a| a.actor == "qassem-soleimani"))
        .collect();
    assert_eq!(with_soleimani.len(), 1);
    let docs: std::collections::BTreeSet<&str> = with_soleimani[0]
        .sources
        .iter()
        .map(|s| s.document.as_str())
        .collect();
    assert_eq!(docs.len(), 2);
}

#[test]
fn late_december_is_an_interval_and_inferred_years_are_marked() {
    let store = seed();
    let late = store.event_at(store.row_of("late-december-attacks").unwrap());
    let date = late.date.as_ref().unwrap();
    assert_eq!(date.edtf.to_string(), "2019-12-21/2019-12-31");
    assert_eq!(date.text.as_deref(), Some("late December"));
    // Neither article states a year for any event except in the two captions' dates: every
    // event whose quotes do not contain the year of its date must say how the year was found.
    for event in &store.to_package().events {
        let Some(date) = &event.date else { continue };
        let span = date.edtf.span();
        let day = if span.latest == DaySpan::OPEN_END {
            span.earliest
        } else {
            span.latest
        };
        let year = dateline::model::calendar::civil(i64::from(day)).0;
        let stated = event
            .sources
            .iter()
            .any(|s| s.quote.contains(&year.to_string()));
        assert!(
            stated || date.note.is_some(),
            "{}: the year of {} is inferred but not marked",
            event.id,
            date.edtf
        );
    }
}

#[test]
fn the_tit_for_tat_chain_is_linked() {
    let store = seed();
    let response_to = |id: &str| -> Vec<String> {
        let e = store.event_at(store.row_of(id).unwrap());
        e.relations
            .iter()
            .filter(|r| r.kind.as_str() == "response-to")
            .map(|r| r.event.clone())
            .collect()
    };
    assert_eq!(
        response_to("us-airstrikes-on-militias"),
        ["late-december-attacks"]
    );
    assert_eq!(
        response_to("us-embassy-assault"),
        ["us-airstrikes-on-militias"]
    );
    assert_eq!(response_to("al-asad-missile-attack"), ["soleimani-killing"]);
    assert_eq!(
        response_to("us-strikes-on-five-sites"),
        ["january-rocket-attack"]
    );
    // A link the articles imply without saying so carries a note marking it as an inference.
    let airstrikes = store.event_at(store.row_of("us-airstrikes-on-militias").unwrap());
    assert!(airstrikes.relations[0]
        .note
        .as_deref()
        .unwrap()
        .starts_with("Inferred"));
}

#[test]
fn one_person_or_group_under_several_names_is_one_actor() {
    let store = seed();
    let spec = |text: &str| QuerySpec {
        text: text.into(),
        ..QuerySpec::default()
    };
    let ids = |text: &str| -> Vec<String> {
        let page = query::run(&store, &spec(text)).unwrap().page;
        query::summaries(&store, &page)
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(ids("Frank McKenzie"), ids("Kenneth McKenzie"));
    assert!(ids("Kenneth McKenzie").contains(&"mckenzie-aboard-truman".to_string()));
    // The quotes say "Kataib" of two events and "Khataib" of a third: either name finds all three.
    assert_eq!(ids("Khataib").len(), 3);
    assert_eq!(ids("Khataib"), ids("Kataib"));
    // "Daesh (ISIS)" in a quote is the Islamic State, which no quote names.
    assert_eq!(ids("Islamic State"), ["mckenzie-enduring-presence"]);
    let actors = &store.package().actors;
    for names in [&["McKenzie"][..], &["Daesh", "ISIS", "Islamic State"]] {
        let holding = actors
            .iter()
            .filter(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| names.iter().any(|name| n.contains(name)))
            })
            .count();
        assert_eq!(holding, 1, "{names:?}");
    }
}

#[test]
fn every_named_site_is_mapped() {
    let store = seed();
    for name in [
        "Baghdad",
        "al-Asad Air Base",
        "Qayyarah Airfield",
        "Baghdad International Airport",
        "Green Zone",
        "U.S. Embassy, Baghdad",
        "North Arabian Sea",
        "Mosul",
    ] {
        let place = store
            .package()
            .places
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(
            place.coordinates.is_some() && place.precision.is_some(),
            "{name}"
        );
    }
}

#[test]
fn dates_are_no_more_precise_than_the_text() {
    let store = seed();
    for (id, expected) in [
        ("us-strikes-on-five-sites", "2020-03~"),
        ("january-rocket-attack", "2020-01"),
        ("kataib-hezbollah-raid", "2020?"),
        ("pompeo-meets-iraqi-foreign-minister", "2020-08~"),
        ("militia-attacks-on-coalition-bases", "../2020"),
    ] {
        assert_eq!(date_of(&store, id), expected, "{id}");
    }
    // A date known to the day has the words that give the day, and a source quotes them.
    let package = store.to_package();
    let mut to_the_day = Vec::new();
    for event in &package.events {
        let Some(date) = &event.date else { continue };
        if date.edtf.precision() != Precision::Day {
            continue;
        }
        let words = date
            .text
            .as_deref()
            .unwrap_or_else(|| panic!("{}: dated to the day without words", event.id));
        assert!(
            event.sources.iter().any(|s| s.quote.contains(words)),
            "{}: no quote says '{words}'",
            event.id
        );
        to_the_day.push(event.id.as_str());
    }
    to_the_day.sort_unstable();
    assert_eq!(
        to_the_day,
        [
            "al-asad-missile-attack",
            "green-zone-rocket-attack",
            "mckenzie-aboard-truman",
            "qayyarah-handover"
        ]
    );
}
