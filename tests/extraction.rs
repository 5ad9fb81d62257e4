//! The extractor, measured against the team's gold annotations (tests/extraction/), and the
//! behaviours the rules promise: dates as EDTF with their words, places from the gazetteer,
//! actors with aliases resolved, figures with qualifiers, verbatim sources with offsets,
//! response links, and reports of one happening merged with their figures side by side.

mod common;

use common::{drafted, first_of, lexicon, place_of, role};
use dateline::extract::score::score;
use dateline::extract::{add_article, extract, Article};
use dateline::model::{Event, Figure, Package, Qualifier};
use dateline::read::read_package;
use dateline::Severity;

fn gold(path: &str) -> Package {
    let loaded = read_package(&std::fs::read(path).unwrap());
    let errors: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:?}");
    loaded.package
}

fn seeds() -> Vec<Article> {
    let read =
        |name: &str| std::fs::read_to_string(format!("tests/fixtures/seeds/{name}")).unwrap();
    vec![
        Article {
            text: read("000_46ab3b00e36b5e83.txt"),
            title: Some("Analysis".into()),
            ..Article::default()
        },
        Article {
            text: read("001_a07254a8fc25ea70.txt"),
            title: Some("Wire".into()),
            published: Some(dateline::model::edtf::Edtf::parse("2020-08~").unwrap()),
            ..Article::default()
        },
    ]
}

fn find<'p>(p: &'p Package, quote_part: &str, ty: &str) -> &'p Event {
    p.events
        .iter()
        .find(|e| e.event_type == ty && e.sources.iter().any(|s| s.quote.contains(quote_part)))
        .unwrap_or_else(|| panic!("no {ty} event quoting '{quote_part}'"))
}

/// Whether `figures` hold a count of `what` of `value`.
fn has_count(figures: &[&Figure], what: &str, value: f64) -> bool {
    figures.iter().any(|f| f.what == what && f.value == value)
}

/// Every figure of the package's events, in order.
fn figures_of(p: &Package) -> Vec<&Figure> {
    p.events.iter().flat_map(|e| e.figures.iter()).collect()
}

/// What each figure of the package's events counts, and how many, in order ([`counts`] of
/// each event).
fn counts_of(p: &Package) -> Vec<(&str, f64)> {
    p.events.iter().flat_map(counts).collect()
}
#[test]
fn the_seed_articles_meet_the_targets() {
    let (s, _) = score(&gold("tests/extraction/seeds.gold.json"), lexicon());
    println!("{}", s.table());
    assert!(s.recall() >= 0.9, "recall {}", s.recall());
    assert!(s.precision() >= 0.85, "precision {}", s.precision());
}

#[test]
fn the_teams_own_articles_meet_the_targets() {
    let (s, _) = score(&gold("tests/extraction/own.gold.json"), lexicon());
    println!("{}", s.table());
    assert!(s.recall() >= 0.9, "recall {}", s.recall());
    assert!(s.precision() >= 0.85, "precision {}", s.precision());
}

#[test]
fn held_out_articles_stay_above_a_floor() {
    // Written after the rules were set; the first run scored 0.67 / 0.67 (docs/extract.md).
    let (s, _) = score(&gold("tests/extraction/held-out.gold.json"), lexicon());
    println!("{}", s.table());
    assert!(s.recall() >= 0.75, "recall {}", s.recall());
    assert!(s.precision() >= 0.75, "precision {}", s.precision());
}

#[test]
fn dates_are_anchored_as_the_text_says_and_inferences_are_marked() {
    let p = extract(&seeds(), lexicon());
    // "on Thursday" beside a caption dated Friday, March 27, 2020.
    let green = find(&p, "at least two rockets", "rocket-attack");
    let d = green.date.as_ref().unwrap();
    assert_eq!(d.edtf.to_string(), "2020-03-26");
    assert_eq!(d.text.as_deref(), Some("Thursday"));
    assert!(d.note.as_deref().unwrap().contains("March 27, 2020"));
    // "Two months later", counted from the Jan. 8 attack just told.
    let later = find(&p, "Two months later", "airstrike");
    assert_eq!(later.date.as_ref().unwrap().edtf.to_string(), "2020-03~");
    // "Jan. 8": the year inferred, and said so.
    let asad = find(&p, "Jan. 8", "missile-attack");
    let d = asad.date.as_ref().unwrap();
    assert_eq!(d.edtf.to_string(), "2020-01-08");
    assert!(d.note.is_some(), "an inferred year is marked");
    // "Last month", from the publication date (2020-08~).
    let said = find(&p, "Last month", "statement");
    assert_eq!(said.date.as_ref().unwrap().edtf.to_string(), "2020-07~");
    // Without a publication date or a stated year, "late December" stays undated.
    let december = find(&p, "in late December", "attack");
    assert!(december.date.is_none());
    let with_date = extract(
        &[Article {
            text: "Several attacks in late December killed coalition troops.".into(),
            published: Some(dateline::model::edtf::Edtf::parse("2020-02-10").unwrap()),
            ..Article::default()
        }],
        lexicon(),
    );
    let d = with_date.events[0].date.as_ref().unwrap();
    assert_eq!(d.edtf.to_string(), "2019-12-21/2019-12-31");
    assert_eq!(d.text.as_deref(), Some("late December"));
}

#[test]
fn places_actors_figures_and_links_come_out_resolved() {
    let p = extract(&seeds(), lexicon());
    let asad = find(&p, "Jan. 8", "missile-attack");
    assert_eq!(asad.place.as_deref(), Some("al-asad-air-base"));
    // Both reports of the attack are one event, with both injury figures side by side.
    assert_eq!(asad.sources.len(), 2, "{:?}", asad.sources);
    let readings: Vec<(f64, Qualifier)> = asad
        .figures
        .iter()
        .filter(|f| f.what == "injured")
        .map(|f| (f.value, f.qualifier))
        .collect();
    assert!(
        readings.contains(&(100.0, Qualifier::Nearly)),
        "{readings:?}"
    );
    assert!(
        readings.contains(&(100.0, Qualifier::MoreThan)),
        "{readings:?}"
    );
    assert!(asad.draft.as_ref().unwrap().merged[0].contains("the same type"));
    // It answers the killing of Soleimani, which merged the U.S. drone strike of the other report.
    let killing = p
        .events
        .iter()
        .find(|e| e.id == asad.relations[0].event)
        .unwrap();
    assert!(killing
        .actors
        .iter()
        .any(|a| a.actor == "qassem-soleimani" && a.role == "killed"));
    assert_eq!(killing.event_type, "drone-strike");
    assert_eq!(killing.place.as_deref(), Some("baghdad-airport"));
    // McKenzie under both names is one actor.
    let mckenzie: Vec<&Event> = p
        .events
        .iter()
        .filter(|e| e.actors.iter().any(|a| a.actor == "kenneth-mckenzie"))
        .collect();
    assert!(mckenzie.len() >= 3);
    assert!(
        p.actors
            .iter()
            .filter(|a| a.name.contains("McKenzie"))
            .count()
            == 1
    );
    // Kataib / Khataib Hezbollah is one actor, whichever spelling its names use.
    let kataib: Vec<&str> = p
        .actors
        .iter()
        .filter(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .any(|n| n.contains("ataib Hezbollah"))
        })
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(kataib, ["kataib-hezbollah"]);
    // Figures keep their qualifiers.
    let raid = find(&p, "They raided the base", "raid");
    let arrested = raid.figures.iter().find(|f| f.what == "arrested").unwrap();
    assert_eq!(
        (arrested.value, arrested.qualifier),
        (12.0, Qualifier::MoreThan)
    );
    assert_eq!(arrested.text.as_deref(), Some("more than a dozen members"));
    let bases = find(&p, "over three dozen", "rocket-attack");
    let attacks = bases.figures.iter().find(|f| f.what == "attacks").unwrap();
    assert_eq!(
        (attacks.value, attacks.qualifier),
        (36.0, Qualifier::MoreThan)
    );
    let five = find(&p, "Two months later", "airstrike");
    assert!(five
        .figures
        .iter()
        .any(|f| f.what == "sites struck" && f.value == 5.0));
    // Qayyarah: the hand-over, on Friday, March 27, 2020.
    let handover = find(&p, "hand over ceremony", "handover");
    assert_eq!(handover.place.as_deref(), Some("qayyarah-airfield"));
    assert_eq!(
        handover.date.as_ref().unwrap().edtf.to_string(),
        "2020-03-27"
    );
}

#[test]
fn every_source_is_a_verbatim_sentence_at_its_offset_and_every_draft_says_why() {
    let p = extract(&seeds(), lexicon());
    for e in &p.events {
        let draft = e.draft.as_ref().expect("extracted events are drafts");
        assert!(draft.confidence > 0.0 && draft.confidence <= 1.0);
        assert!(draft.rules.iter().any(|(f, _)| f == "type"), "{}", e.id);
        assert!(!e.sources.is_empty(), "{}", e.id);
        for s in &e.sources {
            let doc = p.documents.iter().find(|d| d.id == s.document).unwrap();
            let text = doc.text.as_deref().unwrap();
            let at = s.at.unwrap();
            let start: usize = text.char_indices().nth(at).map(|(b, _)| b).unwrap();
            assert!(text[start..].starts_with(&s.quote), "{}: {}", e.id, s.quote);
        }
    }
    // The output is a valid package: it reads back with no errors.
    let json = dateline::write::package_json(&p);
    let back = read_package(json.as_bytes());
    let errors: Vec<_> = back
        .problems
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back.package.events.len(), p.events.len());
    assert_eq!(back.package.events[0].draft, p.events[0].draft);
}

#[test]
fn an_article_added_to_a_reviewed_package_merges_into_its_events() {
    let mut seed = read_package(&std::fs::read("www/data/iraq-2019-2020.json").unwrap()).package;
    let before = seed.events.len();
    let article = Article {
        text: "Iran fired more than a dozen ballistic missiles at Ain al-Asad air base on Jan. 8, 2020, injuring at least 110 U.S. service members.".into(),
        title: Some("Another report".into()),
        published: Some(dateline::model::edtf::Edtf::parse("2020-02-20").unwrap()),
        ..Article::default()
    };
    add_article(&mut seed, &article, lexicon());
    assert_eq!(
        seed.events.len(),
        before,
        "no new event: the report is merged"
    );
    let asad = seed
        .events
        .iter()
        .find(|e| e.id == "al-asad-missile-attack")
        .unwrap();
    assert_eq!(asad.sources.len(), 3);
    assert!(asad
        .figures
        .iter()
        .any(|f| f.value == 110.0 && f.qualifier == Qualifier::AtLeast));
    let draft = asad
        .draft
        .as_ref()
        .expect("a reviewed event that gains a report is up for review");
    assert!(
        draft.merged[0].contains("Another report") || draft.merged[0].contains("another-report")
    );
    // The other reviewed events are left alone, and none merged into another.
    assert!(seed.events.iter().filter(|e| e.draft.is_some()).count() == 1);
}

#[test]
fn header_blocks_carry_metadata_and_bad_headers_name_their_line() {
    let a = Article::from_file_text(
        "Title: A report\nPublisher: Someone\nURL: https://example.org/a\nPublished: 2020-03-28\n---\nRockets hit the Green Zone on Thursday.\n",
    )
    .unwrap();
    assert_eq!(a.title.as_deref(), Some("A report"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.text, "Rockets hit the Green Zone on Thursday.\n");
    let p = extract(&[a], lexicon());
    assert_eq!(
        p.events[0].date.as_ref().unwrap().edtf.to_string(),
        "2020-03-26"
    );
    assert_eq!(p.events[0].place.as_deref(), Some("green-zone"));
    let bad = Article::from_file_text("Title: x\nPublished: 2020-13-01\n---\ntext").unwrap_err();
    assert!(bad.starts_with("line 2: Published:"), "{bad}");
    let plain = Article::from_file_text("Title of a story without a header\nmore").unwrap();
    assert!(plain.title.is_none() && plain.text.starts_with("Title of"));
}

#[test]
fn without_a_publication_date_the_texts_own_latest_date_is_the_reference_and_says_so() {
    let mut wire = seeds().remove(1);
    wire.published = None;
    let p = extract(&[wire], lexicon());
    let said = find(&p, "Last month", "statement");
    let d = said.date.as_ref().unwrap();
    assert_eq!(d.edtf.to_string(), "2020-02~");
    assert!(d
        .note
        .as_deref()
        .unwrap()
        .contains("'March 27, 2020', the latest date the text states"));
}

/// The roles of the drafts of one sentence, as (type, actor, role, according to).
fn roles_in(text: &str) -> Vec<(String, String, String, Option<String>)> {
    let p = extract(
        &[Article {
            text: text.into(),
            published: Some(dateline::model::edtf::Edtf::parse("2020-03-13").unwrap()),
            ..Article::default()
        }],
        lexicon(),
    );
    p.events
        .iter()
        .flat_map(|e| {
            e.actors.iter().map(move |a| {
                (
                    e.event_type.clone(),
                    a.actor.clone(),
                    a.role.clone(),
                    a.according_to.clone(),
                )
            })
        })
        .collect()
}

fn role_of(roles: &[(String, String, String, Option<String>)], actor: &str) -> Option<String> {
    roles.iter().find(|r| r.1 == actor).map(|r| r.2.clone())
}

#[test]
fn who_did_what_to_whom_comes_from_the_clause() {
    // The victims of a passive are not its doers.
    let r =
        roles_in("Two American troops were killed on Wednesday by a rocket attack on Camp Taji.");
    assert!(
        !r.iter().any(|x| x.2 == "perpetrator" || x.2 == "suspected"),
        "{r:?}"
    );
    // "carried out by X": X did it; within what officials say, X is suspected, according to them.
    let r =
        roles_in("According to U.S. officials, the attack was carried out by Kataib Hezbollah.");
    let kh = r.iter().find(|x| x.1 == "kataib-hezbollah").unwrap();
    assert_eq!(
        (kh.2.as_str(), kh.3.as_deref()),
        ("suspected", Some("U.S. officials")),
        "{r:?}"
    );
    // The one killed by a drone strike is killed, not its doer.
    let r = roles_in("A U.S. drone strike near the Baghdad airport killed Abu Mahdi al-Muhandis.");
    assert_eq!(
        role_of(&r, "abu-mahdi-al-muhandis").as_deref(),
        Some("killed"),
        "{r:?}"
    );
    assert_eq!(
        role_of(&r, "united-states").as_deref(),
        Some("perpetrator"),
        "{r:?}"
    );
    // A base housing the coalition was the target.
    let r = roles_in("Rockets struck a base housing the U.S.-led coalition on Wednesday.");
    assert_eq!(
        role_of(&r, "us-led-coalition").as_deref(),
        Some("target"),
        "{r:?}"
    );
    // Blame is an attribution: suspected, according to who blames.
    let r = roles_in("Iraq's military said on Wednesday rockets hit Camp Taji. The U.S. blamed Kataib Hezbollah for the rocket attack on Wednesday.");
    let kh = r.iter().find(|x| x.1 == "kataib-hezbollah").unwrap();
    assert_eq!(
        (kh.2.as_str(), kh.3.as_deref()),
        ("suspected", Some("the U.S.")),
        "{r:?}"
    );
    // A speaker who speaks for the doer states it: U.S. officials on U.S. strikes.
    let r = roles_in(
        "U.S. forces conducted airstrikes against Kataib Hezbollah on Thursday, the Pentagon said.",
    );
    assert_eq!(
        role_of(&r, "us-military").as_deref(),
        Some("perpetrator"),
        "{r:?}"
    );
    assert_eq!(
        role_of(&r, "kataib-hezbollah").as_deref(),
        Some("target"),
        "{r:?}"
    );
}

/// The EDTF, words and note of the date of the event of type `ty` quoting `quote_part`.
fn date_of(p: &Package, quote_part: &str, ty: &str) -> (String, String, String) {
    let d = find(p, quote_part, ty)
        .date
        .as_ref()
        .unwrap_or_else(|| panic!("the {ty} event quoting '{quote_part}' has no date"));
    (
        d.edtf.to_string(),
        d.text.clone().unwrap_or_default(),
        d.note.clone().unwrap_or_default(),
    )
}

#[test]
fn relative_dates_count_from_the_publication_date_as_the_corpus_rules_say() {
    // "On Sunday" in an article published Monday 2021-06-28 is 2021-06-27; "last week" is that
    // week's seven days.
    let p = drafted(
        "Militants fired rockets at a base in Baghdad on Sunday, officials said.\n\nProtesters stormed the embassy in Baghdad last week.\n",
        "2021-06-28",
    );
    let (edtf, words, note) = date_of(&p, "on Sunday", "rocket-attack");
    assert_eq!((edtf.as_str(), words.as_str()), ("2021-06-27", "Sunday"));
    assert!(note.contains("publication date (2021-06-28)"), "{note}");
    let (edtf, _, _) = date_of(&p, "last week", "protest");
    assert_eq!(edtf, "2021-06-21/2021-06-27");
    // "in December" in an article of March 2020 is 2019-12, and the year is said to be inferred;
    // "last March" is the March before the publication month.
    let p = drafted(
        "A car bombing in December killed a police chief in Mosul.\n\nA car bombing last March killed a police chief in Basra.\n",
        "2020-03-10",
    );
    let (edtf, words, note) = date_of(&p, "in December", "bombing");
    assert_eq!((edtf.as_str(), words.as_str()), ("2019-12", "December"));
    assert!(note.contains("the year is inferred"), "{note}");
    assert_eq!(date_of(&p, "last March", "bombing").0, "2019-03");
}

#[test]
fn nights_spans_to_the_publication_and_the_day_after_the_event_before_are_dated() {
    let p = drafted(
        "WASHINGTON - Rockets hit Camp Taji overnight, officials said.\n\nOver the past 48 hours, U.S. forces raided three sites in eastern Syria.\n\nA drone struck Erbil airport at 8:23 pm local time June 20. The following day, rockets hit the Green Zone.\n",
        "2025-08-28",
    );
    // The dateline "WASHINGTON -" is no date; "overnight" is the night before publication.
    assert_eq!(
        date_of(&p, "overnight", "rocket-attack").0,
        "2025-08-27/2025-08-28"
    );
    let (edtf, words, _) = date_of(&p, "past 48 hours", "raid");
    assert_eq!(
        (edtf.as_str(), words.as_str()),
        ("2025-08-26/2025-08-28", "the past 48 hours")
    );
    let (edtf, words, _) = date_of(&p, "8:23 pm", "drone-strike");
    assert_eq!(
        (edtf.as_str(), words.as_str()),
        ("2025-06-20", "at 8:23 pm local time June 20")
    );
    let (edtf, _, note) = date_of(&p, "The following day", "rocket-attack");
    assert_eq!(edtf, "2025-06-21");
    assert!(
        note.contains("the event told just before (2025-06-20)"),
        "{note}"
    );
}

#[test]
fn an_uncertain_publication_date_is_used_and_a_month_alone_fixes_no_weekday() {
    let text = "Militants fired rockets at a base in Baghdad yesterday.\n";
    let (edtf, _, note) = date_of(&drafted(text, "2023-07-16?"), "yesterday", "rocket-attack");
    assert_eq!(edtf, "2023-07-15?");
    assert!(note.contains("itself uncertain"), "{note}");
    let (edtf, _, note) = date_of(&drafted(text, "2020-05-05~"), "yesterday", "rocket-attack");
    assert_eq!(edtf, "2020-05-04~");
    assert!(note.contains("itself approximate"), "{note}");
    // Only the month is known: "on Tuesday" stays undated, its words kept in the event's note.
    let p = drafted("Rockets hit Camp Taji on Tuesday.\n", "2020-07~");
    let e = find(&p, "on Tuesday", "rocket-attack");
    assert!(e.date.is_none());
    assert!(e.note.as_deref().unwrap().contains("'Tuesday'"));
}

#[test]
fn two_readings_of_one_count_stay_two_figures_each_with_who_gives_it() {
    let p = extract(
        &[Article {
            text: "Rockets slammed into Camp Taji north of Baghdad, killing two Americans. A U.S. official told VOA the truck managed to fire about 30 rockets, 18 of which hit the base.\n\nIraqi military officials were the first to share word of the rocket attack, tweeting that only ten rockets had hit Camp Taji.".into(),
            published: Some(dateline::model::edtf::Edtf::parse("2020-03-11").unwrap()),
            ..Article::default()
        }],
        lexicon(),
    );
    let taji = find(&p, "Rockets slammed", "rocket-attack");
    let figure = |what: &str, value: f64| {
        taji.figures
            .iter()
            .find(|f| f.what == what && f.value == value)
            .unwrap_or_else(|| panic!("no {what} {value}: {:?}", taji.figures))
    };
    assert_eq!(figure("rockets", 30.0).qualifier, Qualifier::About);
    assert_eq!(
        figure("rockets hit", 18.0).according_to.as_deref(),
        Some("a U.S. official")
    );
    assert_eq!(
        figure("rockets hit", 10.0).according_to.as_deref(),
        Some("Iraqi military officials")
    );
}

/// What the figures of `e` count, and how many.
fn counts(e: &Event) -> Vec<(&str, f64)> {
    e.figures
        .iter()
        .map(|f| (f.what.as_str(), f.value))
        .collect()
}

#[test]
fn each_count_of_people_takes_the_verb_before_it() {
    let p = drafted(
        "U.S. Africa Command conducted an airstrike near Jilib, Somalia, on July 29. The \
         command's initial assessment concluded this airstrike killed one terrorist and \
         wounded three terrorists.",
        "2020-07-29",
    );
    let strike = find(&p, "Jilib", "airstrike");
    assert_eq!(
        counts(strike),
        [("killed", 1.0), ("injured", 3.0)],
        "{:?}",
        strike.figures
    );
    // A count with no noun, right after the verb: "killing two, wounding 28 others".
    let p = drafted(
        "A Russian rocket attack hit Kharkiv on Monday, killing two and wounding 28 others.",
        "2022-07-11",
    );
    let attack = find(&p, "Kharkiv", "rocket-attack");
    assert_eq!(
        counts(attack),
        [("killed", 2.0), ("injured", 28.0)],
        "{:?}",
        attack.figures
    );
    let p = drafted(
        "Rescuers recovered at least 15 bodies after a bombing at a mosque in Faizabad on \
         Thursday.",
        "2023-06-08",
    );
    let bombing = find(&p, "Faizabad", "bombing");
    assert!(
        bombing
            .figures
            .iter()
            .any(|f| f.what == "killed" && f.value == 15.0),
        "{:?}",
        bombing.figures
    );
    // "One of them" counts no one.
    let p = drafted(
        "Militants attacked a base in Baidoa on Sunday. One of them was killed.",
        "2019-01-01",
    );
    assert!(find(&p, "Baidoa", "attack").figures.is_empty());
}

#[test]
fn a_negated_bound_is_the_opposite_bound() {
    let p = drafted(
        "The army says no less than 10 soldiers were killed in an attack on a military base \
         in Djibo on Monday. Officials said no more than 40 militants took part.",
        "2022-10-03",
    );
    let attack = find(&p, "no less than", "attack");
    let killed = attack
        .figures
        .iter()
        .find(|f| f.what == "killed")
        .unwrap_or_else(|| panic!("{:?}", attack.figures));
    assert_eq!((killed.value, killed.qualifier), (10.0, Qualifier::AtLeast));
    let bound = |words: &[&str]| dateline::extract::cues::qualifier(words).map(|(q, _)| q);
    assert_eq!(bound(&["no", "more", "than"]), Some(Qualifier::AtMost));
    assert_eq!(bound(&["not", "fewer", "than"]), Some(Qualifier::AtLeast));
    assert_eq!(bound(&["less", "than"]), Some(Qualifier::FewerThan));
}

#[test]
fn as_many_as_is_at_most_and_keeps_the_verb_before_it() {
    let p = drafted(
        "The bombing at a security training center in Zliten reportedly killed as many as 65 \
         people and injured many more.",
        "2016-01-08",
    );
    let bombing = find(&p, "as many as", "bombing");
    // The count is of those killed, the verb right before it, not of those injured after it.
    assert_eq!(
        bombing
            .figures
            .iter()
            .map(|f| (f.what.as_str(), f.value, f.qualifier))
            .collect::<Vec<_>>(),
        [("killed", 65.0, Qualifier::AtMost)]
    );
}

#[test]
fn bad_input_is_drafted_without_panics_and_sources_stay_verbatim() {
    let huge = "Rockets hit Camp Taji on Monday, Iraq's military said. ".repeat(5_000);
    let binary: String = (0u32..4096)
        .map(|i| char::from_u32((i * 7919) % 0x2FFF).unwrap_or('\u{fffd}'))
        .collect();
    let markup = "<html><script>alert('x')</script><p>Rockets <b>hit</b> Camp Taji on Monday.</p><p>\"Unclosed quote, said</p></html>";
    for text in [
        "",
        " \n\n ",
        &huge,
        &binary,
        markup,
        "said said said. According to. , ,",
        // A quotation mark alone after a statement: a sentence without words.
        "Iran said \u{201c}. \u{201c}",
        // One doer named twice before the act.
        "Kenneth McKenzie Iran Iran killed on Thursday the attack ",
    ] {
        let p = extract(
            &[Article {
                text: text.to_string(),
                published: Some(dateline::model::edtf::Edtf::parse("2020-03-16").unwrap()),
                ..Article::default()
            }],
            lexicon(),
        );
        for e in &p.events {
            for s in &e.sources {
                assert!(text.contains(&s.quote), "{:?} not in the text", s.quote);
            }
        }
    }
}

#[test]
fn towns_of_the_countries_the_news_tells_of_are_placed_and_common_words_are_not() {
    let p = drafted(
        "U.S. Africa Command conducted an airstrike targeting al-Shabaab terrorists in the \
         vicinity of Jilib, Somalia, July 29.",
        "2020-07-29",
    );
    let strike = find(&p, "Jilib", "airstrike");
    let place = place_of(&p, strike);
    assert_eq!(place.name, "Jilib");
    // Tank is a town of Pakistan, and a word.
    let p = drafted(
        "Tank fire and explosions were reported at the parliament in Ankara on Friday night.",
        "2016-07-16",
    );
    assert!(!p.places.iter().any(|x| x.name == "Tank"), "{:?}", p.places);
}

#[test]
fn a_place_opening_the_sentence_is_no_person_described_after_it() {
    let p = drafted(
        "-- Near Mosul, a strike destroyed an ISIL-held building.",
        "2016-12-24",
    );
    let strike = find(&p, "Mosul", "attack");
    let place = place_of(&p, strike);
    assert_eq!(place.name, "Mosul");
    assert!(
        p.actors.iter().all(|a| !a.name.contains("Near")),
        "{:?}",
        p.actors
    );
}

#[test]
fn kataib_hezbollah_is_known_as_news_spells_it() {
    for name in ["Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah"] {
        let p = drafted(
            &format!("U.S. officials said the rocket attack on Camp Taji was launched by {name}."),
            "2020-03-14",
        );
        let attack = first_of(&p, "rocket-attack");
        assert_eq!(
            role(attack, "kataib-hezbollah").as_deref(),
            Some("suspected"),
            "{name}: {:?}",
            attack.actors
        );
    }
}

#[test]
fn groups_of_a_kind_named_before_one_group_describe_it() {
    let p = drafted(
        "U.S. officials said the rocket attack on Camp Taji was launched by Iranian-backed \
         militia Kataeb Hezbollah.",
        "2020-03-14",
    );
    let attack = first_of(&p, "rocket-attack");
    assert_eq!(
        role(attack, "kataib-hezbollah").as_deref(),
        Some("suspected"),
        "{:?}",
        attack.actors
    );
    assert_eq!(
        role(attack, "iran-backed-militias"),
        None,
        "{:?}",
        attack.actors
    );
    // The groups at large, named alone, are still who is said to have done it.
    let p = drafted(
        "U.S. officials said the rocket attack on Camp Taji was launched by Iranian-backed \
         militias.",
        "2020-03-14",
    );
    let attack = first_of(&p, "rocket-attack");
    assert_eq!(
        role(attack, "iran-backed-militias").as_deref(),
        Some("suspected"),
        "{:?}",
        attack.actors
    );
}

#[test]
fn the_doer_of_an_act_pointed_back_at_is_told_by_a_passive_after_it() {
    let p = drafted(
        "Rockets hit Camp Taji on March 11, killing three.\n\nU.S. Central Command officials \
         said the attack was launched by Kataeb Hezbollah.",
        "2020-03-14",
    );
    let attack = first_of(&p, "rocket-attack");
    let kh = attack
        .actors
        .iter()
        .find(|a| a.actor == "kataib-hezbollah")
        .expect("the doer named");
    assert_eq!(kh.role, "suspected");
    assert!(
        kh.according_to
            .as_deref()
            .is_some_and(|a| a.contains("officials")),
        "{kh:?}"
    );
    // Told in the text's own voice, it did it.
    let p = drafted(
        "A car bomb exploded at a checkpoint in Mogadishu on Monday.\n\nThe bombing was carried \
         out by al-Shabab.",
        "2020-03-14",
    );
    assert_eq!(
        role(first_of(&p, "bombing"), "al-shabaab").as_deref(),
        Some("perpetrator"),
        "{:?}",
        p.events
    );
    // A state's adjective before what did it names no doer.
    let p = drafted(
        "A car bomb exploded at a checkpoint in Mogadishu on Monday.\n\nThe bombing was carried \
         out by its Afghan affiliate, Islamic State Khorasan.",
        "2020-03-14",
    );
    assert_eq!(
        role(first_of(&p, "bombing"), "afghanistan"),
        None,
        "{:?}",
        p.events
    );
}

#[test]
fn a_dateline_names_no_actor_or_place_of_the_story() {
    let p = drafted(
        "WASHINGTON — Somali security forces have ended a more than 7-hour-long siege of \
         al-Shabab militants at a residential building in Mogadishu, the Somali government said.",
        "2023-02-22",
    );
    assert!(!p.events.is_empty());
    assert!(
        p.events
            .iter()
            .all(|e| e.actors.iter().all(|a| a.actor != "united-states")),
        "{:?}",
        p.events
    );
    // Words before a dash that are no dateline still name who speaks.
    let p = drafted(
        "UNICEF - the UN children's agency - condemned the attack on a convoy in Yei on Monday.",
        "2023-02-22",
    );
    assert!(
        p.events
            .iter()
            .any(|e| e.actors.iter().any(|a| a.actor == "unicef")),
        "{:?}",
        p.events
    );
}

#[test]
fn one_person_harmed_told_with_a_or_an_is_counted_one() {
    for (text, what) in [
        (
            "The strike killed an AQAP operative in Yemen on Monday.",
            "killed",
        ),
        (
            "A U.S. service member was killed in an attack in Somalia on Friday.",
            "killed",
        ),
        (
            "The attack on the base killed a U.S. contractor on Monday.",
            "killed",
        ),
    ] {
        let p = drafted(text, "2016-01-08");
        let figures = figures_of(&p);
        assert!(
            figures.iter().any(|f| f.what == what && f.value == 1.0),
            "{text}: {figures:?}"
        );
    }
    // The figure's words name the person in full.
    let p = drafted(
        "A U.S. service member was killed in an attack in Somalia on Friday.",
        "2016-01-08",
    );
    assert_eq!(
        p.events[0].figures[0].text.as_deref(),
        Some("A U.S. service member")
    );
    // An ordinal, an arrest, or no harm told: no count of one.
    for text in [
        "A third Marine was killed in the attack on Monday.",
        "A soldier was arrested in Kabul on Monday.",
        "A soldier guarded the gate when the attack began on Monday.",
    ] {
        let p = drafted(text, "2016-01-08");
        let ones: Vec<_> = figures_of(&p)
            .into_iter()
            .filter(|f| f.value == 1.0)
            .collect();
        assert!(ones.is_empty(), "{text}: {ones:?}");
    }
}

#[test]
fn a_count_after_a_casualty_verb_counts_those_it_names() {
    for (text, value) in [
        (
            "The strike killed three senior al-Qaida leaders in Kunar on Monday.",
            3.0,
        ),
        (
            "Militants attacked the oil tanker near Derna on Monday, killing two crewmen.",
            2.0,
        ),
    ] {
        let p = drafted(text, "2016-01-08");
        let figures = figures_of(&p);
        assert!(
            figures
                .iter()
                .any(|f| f.what == "killed" && f.value == value),
            "{text}: {figures:?}"
        );
    }
    // "dozens of": the count goes on past its "of".
    let p = drafted(
        "The suicide attack killed dozens of Afghans in Kabul on Saturday.",
        "2016-07-25",
    );
    let figures = figures_of(&p);
    assert!(
        figures
            .iter()
            .any(|f| f.what == "killed" && f.value == 24.0 && f.qualifier == Qualifier::AtLeast),
        "{figures:?}"
    );
    // A span of time after the verb is no one harmed.
    let p = drafted(
        "The attack killed 12 hours of talks when it hit the hall on Monday.",
        "2016-01-08",
    );
    let figures = figures_of(&p);
    assert!(figures.is_empty(), "{figures:?}");
}

#[test]
fn a_noun_of_harm_before_of_tells_what_the_count_after_it_suffered() {
    for (text, what, value) in [
        (
            "We condemn the attack on the convoy in Timbuktu on Thursday that caused the deaths \
             of six peacekeepers.",
            "killed",
            6.0,
        ),
        (
            "The attack in Gossi on Friday led to the death of a French soldier.",
            "killed",
            1.0,
        ),
        (
            "The bombing claimed the lives of four Americans in Niger on Wednesday.",
            "killed",
            4.0,
        ),
        (
            "The attack on the convoy in Timbuktu on Thursday led to the injury of five other \
             peacekeepers.",
            "injured",
            5.0,
        ),
    ] {
        let p = drafted(text, "2016-01-08");
        let figures = figures_of(&p);
        assert!(
            figures.iter().any(|f| f.what == what && f.value == value),
            "{text}: {figures:?}"
        );
    }
}

#[test]
fn scores_counts_forty_at_least() {
    let p = drafted(
        "The suicide bombing in the park killed 70 people and left scores injured on Sunday.",
        "2016-03-28",
    );
    let figures = figures_of(&p);
    assert!(
        figures
            .iter()
            .any(|f| f.what == "injured" && f.value == 40.0 && f.qualifier == Qualifier::AtLeast),
        "{figures:?}"
    );
}

#[test]
fn staff_are_people_counted() {
    for (text, what, value, words) in [
        (
            "The attack killed one staff member on Monday.",
            "killed",
            1.0,
            "one staff member",
        ),
        (
            "The attack on the hospital injured more than a dozen medical staff on Monday.",
            "injured",
            12.0,
            "more than a dozen medical staff",
        ),
    ] {
        let p = drafted(text, "2016-03-28");
        let figures = figures_of(&p);
        assert!(
            figures
                .iter()
                .any(|f| f.what == what && f.value == value && f.text.as_deref() == Some(words)),
            "{text}: {figures:?}"
        );
    }
}

#[test]
fn one_or_another_right_after_a_casualty_verb_is_one_harmed() {
    for text in [
        "The attack killed one staff member and seriously wounded another on Monday.",
        "Boko Haram gunmen killed nine villagers and wounded one in Fotokol on Monday.",
    ] {
        let p = drafted(text, "2016-03-28");
        let figures = figures_of(&p);
        assert!(has_count(&figures, "injured", 1.0), "{text}: {figures:?}");
    }
    // "another five": five.
    let p = drafted(
        "The attack killed three peacekeepers and wounded another five peacekeepers in Gao on \
         Monday.",
        "2017-09-25",
    );
    let figures = figures_of(&p);
    assert!(
        has_count(&figures, "injured", 5.0) && !has_count(&figures, "injured", 1.0),
        "{figures:?}"
    );
    // "one of": no count of its own.
    let p = drafted(
        "The strike killed one of the leaders in Jilib on Monday.",
        "2016-03-28",
    );
    let figures = figures_of(&p);
    assert!(figures.is_empty(), "{figures:?}");
}

#[test]
fn a_toll_in_a_clause_of_no_event_goes_to_the_act_before_it() {
    let p = drafted(
        "Ukrainian officials said Russian airstrikes on the country's second-largest city, \
         Kharkiv, early Monday destroyed a school and a residential building, killing at least \
         three people and wounding 28 others.",
        "2022-07-11",
    );
    let figures = figures_of(&p);
    assert!(
        has_count(&figures, "killed", 3.0) && has_count(&figures, "injured", 28.0),
        "{:?}",
        p.events
            .iter()
            .map(|e| (&e.event_type, &e.figures))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_count_of_any_plural_a_passive_casualty_verb_follows_is_a_toll() {
    let p = drafted(
        "Officials said 11 Afghan security forces were killed in the attack on the district \
         center in Kohistan on Friday.",
        "2018-05-04",
    );
    let figures = figures_of(&p);
    assert!(has_count(&figures, "killed", 11.0), "{figures:?}");
    // Things counted, then a verb of another kind: no toll.
    let p = drafted(
        "Officials said 11 Afghan security posts were attacked in Kohistan on Friday.",
        "2018-05-04",
    );
    let figures = figures_of(&p);
    assert!(
        !figures
            .iter()
            .any(|f| f.what == "killed" || f.what == "injured"),
        "{figures:?}"
    );
}

#[test]
fn strikes_and_engagements_counted_are_figures() {
    let p = drafted(
        "On Dec. 15, coalition military forces conducted five strikes consisting of seven \
         engagements against ISIS targets near Abu Kamal.",
        "2017-12-18",
    );
    let figures = counts_of(&p);
    assert_eq!(figures, [("strikes", 5.0), ("engagements", 7.0)]);
}

#[test]
fn things_a_strike_destroyed_damaged_or_engaged_are_counted_by_kind() {
    let p = drafted(
        "On Dec. 5, coalition military forces conducted eight strikes against ISIS targets \
         near Abu Kamal, engaging eight ISIS tactical units and destroying 17 ISIS watercraft, \
         an improvised explosive device, an ISIS line of communication, an ISIS headquarters \
         and a car bomb factory.",
        "2017-12-08",
    );
    let figures = counts_of(&p);
    assert_eq!(
        figures,
        [
            ("strikes", 8.0),
            ("tactical units engaged", 8.0),
            ("watercraft destroyed", 17.0),
            ("improvised explosive devices destroyed", 1.0),
            ("lines of communication destroyed", 1.0),
            ("headquarters destroyed", 1.0),
            ("car bomb factories destroyed", 1.0),
        ]
    );
    // Hyphens kept, holders left out, positions counted by kind, a missing comma no join.
    let p = drafted(
        "Near Raqqa, eight strikes destroyed 13 fighting positions, three front-end loaders, \
         two Houthi patrol boats, an al-Shabaab compound and two ISIS vehicles two logistics \
         centers.",
        "2017-02-14",
    );
    let figures = counts_of(&p);
    assert_eq!(
        figures,
        [
            ("strikes", 8.0),
            ("fighting positions destroyed", 13.0),
            ("front-end loaders destroyed", 3.0),
            ("patrol boats destroyed", 2.0),
            ("compounds destroyed", 1.0),
            ("vehicles destroyed", 2.0),
            ("logistics centers destroyed", 2.0),
        ]
    );
    // A hyphened "and" inside a name, a holder's name after "of".
    let p = drafted(
        "Near Raqqa, three strikes destroyed a command-and-control node and two storage areas \
         of ISIS.",
        "2017-04-18",
    );
    let figures = counts_of(&p);
    assert_eq!(
        figures,
        [
            ("strikes", 3.0),
            ("command-and-control nodes destroyed", 1.0),
            ("storage areas destroyed", 2.0),
        ]
    );
    // One strike conducted, in a strike report's tally.
    let p = drafted(
        "On Dec. 4, coalition military forces conducted a strike against ISIS targets near Abu \
         Kamal, engaging an ISIS tactical unit and destroying an ISIS fighting position.",
        "2017-12-08",
    );
    assert!(
        figures_of(&p)
            .iter()
            .any(|f| f.what == "strikes" && f.value == 1.0),
        "{:?}",
        figures_of(&p)
    );
    // Things suppressed.
    let p = drafted(
        "Near Tabqah, three strikes suppressed three ISIL tactical units.",
        "2017-04-18",
    );
    assert!(
        figures_of(&p)
            .iter()
            .any(|f| f.what == "tactical units suppressed" && f.value == 3.0),
        "{:?}",
        figures_of(&p)
    );
    // "causing damage to a hangar but no casualties": a noun of damage counts nothing.
    let p = drafted(
        "An explosives-laden drone struck Ain al-Asad air base on Saturday, causing damage to a \
         hangar but no casualties.",
        "2021-05-08",
    );
    assert!(figures_of(&p).is_empty(), "{:?}", figures_of(&p));
    // One weapon destroyed is still the strike that destroyed it.
    let p = drafted(
        "In the past 24 hours, U.S. Central Command forces successfully destroyed an \
         Iranian-backed Houthi missile system in Yemen.",
        "2024-09-03",
    );
    assert_eq!(p.events.len(), 1, "{:?}", p.events);
}
