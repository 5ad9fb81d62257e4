//! Query semantics through the public API: span overlap, crossfilter facets, text search,
//! place hierarchy, timeline bins, pages and cards.

use dateline::engine::query::{self, DayBound, QueryResult, QuerySpec};
use dateline::{load_package, Store};

fn store() -> Store {
    load_package(&std::fs::read("tests/fixtures/packages/facets.json").unwrap())
}

/// A query's result with its page's summaries.
struct Ran {
    result: QueryResult,
    page: Vec<query::EventSummary>,
}

impl std::ops::Deref for Ran {
    type Target = QueryResult;
    fn deref(&self) -> &QueryResult {
        &self.result
    }
}

fn run(store: &Store, spec: QuerySpec) -> Ran {
    let result = query::run(store, &spec).unwrap();
    let page = query::summaries(store, &result.page);
    Ran { result, page }
}

fn ids(ran: &Ran) -> Vec<&str> {
    ran.page.iter().map(|s| s.id.as_str()).collect()
}

fn range(from: &str, to: &str) -> QuerySpec {
    QuerySpec {
        from: Some(DayBound::Text(from.into())),
        to: Some(DayBound::Text(to.into())),
        ..QuerySpec::default()
    }
}

#[test]
fn the_fixture_loads_with_only_the_missing_date_reported() {
    let store = store();
    let paths: Vec<&str> = store.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["events[4].date"]);
}

#[test]
fn pages_list_events_in_date_order_with_undated_last() {
    let store = store();
    let all = run(&store, QuerySpec::default());
    assert_eq!(ids(&all), ["e2", "e3", "e1", "e4", "e6", "e5"]);
    assert_eq!((all.total, all.undated, all.unplaced), (6, 1, 2));
    let page = run(
        &store,
        QuerySpec {
            offset: 2,
            limit: Some(2),
            ..QuerySpec::default()
        },
    );
    assert_eq!(ids(&page), ["e1", "e4"]);
    assert_eq!(page.total, 6);
}

#[test]
fn events_with_the_same_span_stay_in_file_order() {
    // Three dates, interleaved through the file; enough events that the sort is not a simple
    // insertion sort.
    let dates = ["2020-01-02", "2020-01", "2020-01-01"];
    let events: Vec<String> = (0..300)
        .map(|i| {
            let date = dates[(i * 7 + i / 3) % 3];
            format!(r#"{{ "id": "e{i}", "title": "t", "type": "other", "date": "{date}" }}"#)
        })
        .collect();
    let store = load_package(
        format!(
            r#"{{ "dateline": 1, "title": "t", "events": [{}] }}"#,
            events.join(",")
        )
        .as_bytes(),
    );
    let rows: Vec<(String, usize)> = (0..store.len())
        .map(|row| {
            let e = store.event_at(row);
            let date = e.date.as_ref().unwrap().edtf.to_string();
            (date, e.id[1..].parse().unwrap())
        })
        .collect();
    // By span: the first of January, then all of January, then the second.
    let mut expected = rows.clone();
    expected.sort_by_key(|(date, i)| {
        let rank = ["2020-01-01", "2020-01", "2020-01-02"]
            .iter()
            .position(|d| d == date);
        (rank, *i)
    });
    assert_eq!(rows, expected);
}

#[test]
fn uncertain_dates_match_every_range_their_span_overlaps() {
    let store = store();
    // 2019-12~ spans November 2019 to January 2020, so January finds it.
    assert_eq!(
        ids(&run(&store, range("2020-01-01", "2020-01-31"))),
        ["e2", "e1"]
    );
    // Any day of "late December" finds that event; an undated event is never in a range.
    assert_eq!(
        ids(&run(&store, range("2019-12-25", "2019-12-25"))),
        ["e2", "e3"]
    );
    assert_eq!(ids(&run(&store, range("2019-11", "2019-11"))), ["e2"]);
    // EDTF bounds: "2020-03" as `to` means its last day.
    assert_eq!(ids(&run(&store, range("2020-02", "2020-03"))), ["e4", "e6"]);
    let open_start = QuerySpec {
        to: Some(DayBound::Text("2019-12-20".into())),
        ..QuerySpec::default()
    };
    assert_eq!(ids(&run(&store, open_start)), ["e2"]);
}

#[test]
fn facets_count_what_every_other_filter_lets_through() {
    let store = store();
    let types: Vec<&str> = store.types().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        types,
        ["rocket-attack", "airstrike", "meeting", "statement"]
    );
    let r = run(
        &store,
        QuerySpec {
            types: vec!["rocket-attack".into()],
            ..QuerySpec::default()
        },
    );
    assert_eq!(ids(&r), ["e2", "e3"]);
    // The type facet ignores the type filter: it shows what clicking another type would add.
    assert_eq!(r.type_counts, [2, 2, 1, 1]);
    // The actor facet respects it: only the rocket attacks' actors count.
    assert_eq!(r.actor_counts, [0, 2, 1, 0]);
    let both = run(
        &store,
        QuerySpec {
            types: vec!["airstrike".into()],
            actors: vec!["us".into()],
            ..range("2020-01", "2020-12")
        },
    );
    assert_eq!(ids(&both), ["e1", "e6"]);
    assert_eq!(
        both.type_counts,
        [0, 2, 1, 0],
        "types under the actor and date filters"
    );
    assert_eq!(
        both.actor_counts,
        [2, 0, 0, 0],
        "actors under the type and date filters"
    );
    assert_eq!(both.precision_counts, [2, 0, 0, 0, 0, 0]);
}

#[test]
fn each_facet_returns_its_most_frequent_options_and_the_ticked_ones() {
    let store = store();
    let limits = r#""facetLimits": {"types": 1, "actors": 1, "places": 0}"#;
    let spec = |filters: &str| QuerySpec::from_json(&format!("{{{filters}, {limits}}}")).unwrap();
    let r = run(&store, spec(r#""types": ["rocket-attack"]"#));
    let labels: Vec<&str> = store.types().iter().map(|t| t.label.as_str()).collect();
    assert!(labels[1] < labels[0], "{labels:?}");
    // Rocket attacks and airstrikes both count 2: the label decides the top one, and the
    // ticked rocket attacks come back besides, after it.
    assert_eq!(r.type_counts, [2, 2, 1, 1]);
    assert_eq!(r.facets.types.options, [1, 0]);
    assert_eq!(r.facets.types.counts, [2, 2]);
    assert_eq!(r.facets.types.total, 4);
    assert_eq!(r.actor_counts, [0, 2, 1, 0]);
    assert_eq!(r.facets.actors.options, [1]);
    assert_eq!(r.facets.actors.total, 2);
    assert!(r.facets.places.options.is_empty());
    let placed = r.place_counts.iter().filter(|&&n| n > 0).count();
    assert_eq!((r.facets.places.total as usize, placed), (2, 2));
    // The Government of Iraq (3) has no rocket attack to its name, and no rocket attack is
    // the Government of Iraq's: ticked, both come back at zero, not counted in the totals.
    let r = run(
        &store,
        spec(r#""types": ["rocket-attack"], "actors": ["iraq"]"#),
    );
    assert_eq!(r.actor_counts, [0, 2, 1, 0]);
    assert_eq!(r.facets.actors.options, [1, 3]);
    assert_eq!(r.facets.actors.counts, [2, 0]);
    assert_eq!(r.facets.actors.total, 2);
    assert_eq!(r.type_counts, [0, 0, 1, 0]);
    assert_eq!(r.facets.types.options, [2, 0]);
    assert_eq!(r.facets.types.counts, [1, 0]);
    assert_eq!(r.facets.types.total, 1);
    // A facet the spec leaves out returns up to twenty: here every option with a count.
    let all = run(&store, QuerySpec::default());
    assert_eq!(all.facets.actors.options.len(), 4);
    assert_eq!(
        all.facets.actors.counts[0],
        *all.actor_counts.iter().max().unwrap()
    );
}

#[test]
fn a_place_includes_the_places_within_it() {
    let store = store();
    let r = run(
        &store,
        QuerySpec {
            places: vec!["baghdad".into()],
            ..QuerySpec::default()
        },
    );
    assert_eq!(ids(&r), ["e3", "e1"]);
    // Places: baghdad, green-zone, asad. Baghdad's facet counts the Green Zone's event too,
    // while map markers count each place's own events.
    assert_eq!(r.place_counts, [2, 1, 2]);
    assert_eq!(r.place_selected, [1, 1, 0]);
}

#[test]
fn text_search_ignores_case_and_diacritics_and_knows_aliases() {
    let store = store();
    let text = |t: &str| {
        let r = run(
            &store,
            QuerySpec {
                text: t.into(),
                ..QuerySpec::default()
            },
        );
        ids(&r).into_iter().map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(text("QASIM"), ["e1"]);
    assert_eq!(text("qāsim's"), ["e1"]);
    assert_eq!(text("Khataib"), ["e3"]);
    assert_eq!(text("washington"), ["e1", "e4", "e6"]);
    assert_eq!(text("ain al-asad"), ["e2", "e6"]);
    assert_eq!(
        text("baghdad"),
        ["e3", "e1"],
        "the Green Zone lies within Baghdad"
    );
    assert_eq!(text("late december"), ["e3"]);
    assert_eq!(text("rocket"), ["e2", "e3"], "type labels are searched");
    assert_eq!(
        text("rockets strike"),
        Vec::<String>::new(),
        "every word must match"
    );
}

#[test]
fn precision_filters_by_how_finely_a_date_is_known() {
    let store = store();
    let r = run(
        &store,
        QuerySpec {
            precision: vec!["day".into()],
            ..QuerySpec::default()
        },
    );
    assert_eq!(ids(&r), ["e1", "e6"]);
    assert_eq!(r.precision_counts, [2, 2, 0, 0, 0, 1]);
}

#[test]
fn bins_separate_certain_from_possible_dates() {
    let store = store();
    let spec = QuerySpec {
        view_from: Some(DayBound::Text("2019-12".into())),
        view_to: Some(DayBound::Text("2020-03".into())),
        bin_unit: Some("month".into()),
        types: vec!["rocket-attack".into(), "airstrike".into(), "meeting".into()],
        ..range("2020-03-01", "2020-03-31")
    };
    let r = run(&store, spec);
    let bins = r.bins.clone().unwrap();
    assert_eq!(bins.step.unit(), "month");
    assert_eq!(bins.certain.len(), 4);
    // Bins ignore the date filter (the brush), so the whole visible range stays drawn.
    assert_eq!(
        bins.certain,
        [1, 1, 0, 2],
        "late December; Jan 8; -; March and March 26"
    );
    assert_eq!(
        bins.possible,
        [1, 1, 0, 0],
        "2019-12~ may fall in December or January"
    );
    assert_eq!(ids(&r), ["e4", "e6"]);
    let labels: Vec<&str> = r.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Dec 2019", "Jan 2020", "Feb", "Mar"]);
}

#[test]
fn the_bin_width_follows_the_visible_range() {
    let store = store();
    let days = run(&store, range("2020-01-01", "2020-01-31"));
    assert_eq!(days.bins.as_ref().unwrap().step.unit(), "day");
    let whole = run(&store, QuerySpec::default());
    assert_eq!(
        whole.view.unwrap().days(),
        152,
        "the data's extent: November 2019 to March 2020"
    );
    assert_eq!(
        whole.bins.as_ref().unwrap().step.unit(),
        "day",
        "152 days fit under the bin limit"
    );
    let years = QuerySpec {
        view_from: Some(DayBound::Text("2019".into())),
        view_to: Some(DayBound::Text("2020".into())),
        ..QuerySpec::default()
    };
    assert_eq!(
        run(&store, years).bins.as_ref().unwrap().step.unit(),
        "week"
    );
}

#[test]
fn cards_show_relations_in_both_directions() {
    let store = store();
    let e1 = query::details(&store, "e1").unwrap();
    assert_eq!(
        (
            e1.relations[0].direction,
            e1.relations[0].label,
            e1.relations[0].event.as_str()
        ),
        ("out", "In response to", "e3")
    );
    let e3 = query::details(&store, "e3").unwrap();
    assert_eq!(
        (
            e3.relations[0].direction,
            e3.relations[0].label,
            e3.relations[0].event.as_str()
        ),
        ("in", "Answered by", "e1")
    );
    assert_eq!(e3.summary.date_label, "21–31 December 2019");
    assert_eq!(e3.summary.date_text.as_deref(), Some("late December"));
    assert_eq!(e1.place_details.unwrap().within.as_deref(), Some("baghdad"));
    assert!(query::details(&store, "nope")
        .unwrap_err()
        .to_string()
        .contains("no event with the id 'nope'"));
}

#[test]
fn bad_specs_are_errors_that_name_the_field() {
    let store = store();
    let err = |spec: QuerySpec| query::run(&store, &spec).unwrap_err().to_string();
    assert!(err(QuerySpec {
        places: vec!["paris".into()],
        ..QuerySpec::default()
    })
    .contains("'places': there is no place with the id 'paris'"));
    assert!(err(range("2020-02-30", "2020-03"))
        .contains("'from': '2020-02-30' is not a valid EDTF date"));
    assert!(err(range("2020-03", "2020-02")).contains("ends before it starts"));
    assert!(err(QuerySpec {
        precision: vec!["hour".into()],
        ..QuerySpec::default()
    })
    .contains("'hour' is not a precision"));
    assert!(err(QuerySpec {
        bin_unit: Some("decade".into()),
        ..QuerySpec::default()
    })
    .contains("not a bin unit"));
}

#[test]
fn one_query_also_lays_out_lanes_and_returns_the_selected_card() {
    let store = store();
    let spec = QuerySpec {
        lane_width: Some(1000.0),
        selected: Some("e3".into()),
        view_from: Some(DayBound::Text("2019-12".into())),
        view_to: Some(DayBound::Text("2019-12".into())),
        ..QuerySpec::default()
    };
    let r = run(&store, spec);
    assert_eq!(ids(&r)[..2], ["e2", "e3"]);
    // e2 (around December) and e3 (late December) overlap in December: different lanes.
    assert_eq!(r.lanes.len(), r.page.len());
    assert_ne!(r.lanes[0], r.lanes[1]);
    assert_eq!(r.selected.as_ref().unwrap().summary.id, "e3");
    let r = run(
        &store,
        QuerySpec {
            selected: Some("gone".into()),
            ..QuerySpec::default()
        },
    );
    assert!(r.selected.is_none() && r.lanes.is_empty());
    // Markers that stand for their sub-places count them: Baghdad holds the Green Zone's event.
    assert_eq!(
        run(&store, QuerySpec::default()).place_selected_within,
        [2, 1, 2]
    );
}

#[test]
fn hostile_text_is_kept_whole_in_cards_and_shortened_on_a_character_boundary_in_lists() {
    let long = "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}".repeat(300);
    let titles = [
        "A".repeat(1_000_000),
        format!("{} end", "W".repeat(10_000)),
        format!("Reversed \u{202E}text, NUL\u{0}here, family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} {long}"),
    ];
    let events: Vec<String> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                r#"{{ "id": "e{i}", "title": {}, "type": "other", "date": "2020-01-0{}" }}"#,
                dateline::json::quote(t),
                i + 1
            )
        })
        .collect();
    let json = format!(
        r#"{{ "dateline": 1, "title": "t", "events": [{}] }}"#,
        events.join(",")
    );
    let store = load_package(json.as_bytes());
    let errors = store
        .problems()
        .iter()
        .filter(|p| p.severity == dateline::model::problem::Severity::Error);
    assert_eq!(errors.count(), 0);
    let result = run(&store, QuerySpec::default());
    assert_eq!(result.total, 3);
    for (summary, title) in result.page.iter().zip(&titles) {
        assert!(summary.title.chars().count() <= query::TITLE_CHARS + 1);
        let kept = summary.title.trim_end_matches('…');
        assert!(
            title.starts_with(kept),
            "a shortened title is a prefix of the title"
        );
        let card = query::details(&store, &summary.id).unwrap();
        assert_eq!(&card.summary.title, title, "the card keeps the whole title");
    }
    assert!(result.page[2].title.contains("NUL\u{0}here"));
}

#[test]
fn a_date_range_alone_answers_as_the_full_scan_does() {
    let mut csv = Vec::new();
    // Enough rows for whole blocks of precomputed counts (1,024 rows each).
    dateline::write::synth::write_acled(20_000, 9, &mut csv).unwrap();
    let stores = [
        dateline::Store::new(dateline::read::read(&csv, None, "synth.csv")),
        load_package(&std::fs::read("www/data/iraq-2019-2020.json").unwrap()),
        store(),
    ];
    // The precision filter with every precision lets every dated row through, and forces the
    // full scan; a date range matches no undated row either way.
    let every: Vec<String> = dateline::model::edtf::Precision::ALL
        .iter()
        .map(|p| p.as_str().to_string())
        .collect();
    let mut seed = 11u64;
    for store in &stores {
        let (first, last) = {
            let e = store.extent().unwrap();
            (e.earliest.max(-30_000), e.latest.min(30_000))
        };
        for _ in 0..60 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let a = first + (seed >> 33) as i32 % (last - first + 1);
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let b = a + (seed >> 40) as i32 % 3000;
            // As the page asks: every matching row, marks for a timeline whose view holds the
            // range (or, one time in three, cuts it), lanes.
            let page = (seed >> 41).is_multiple_of(2);
            let view = if (seed >> 45).is_multiple_of(3) {
                (a + 10, b + 400)
            } else {
                (first - 5, last + 5)
            };
            let spec = QuerySpec {
                from: Some(DayBound::Day(f64::from(a))),
                to: Some(DayBound::Day(f64::from(b))),
                limit: Some(50),
                with_rows: page,
                view_limit: page.then_some(120),
                view_from: page.then_some(DayBound::Day(f64::from(view.0))),
                view_to: page.then_some(DayBound::Day(f64::from(view.1))),
                lane_width: page.then_some(900.0),
                ..QuerySpec::default()
            };
            let fast = run(store, spec.clone());
            let full = run(
                store,
                QuerySpec {
                    precision: every.clone(),
                    ..spec
                },
            );
            assert_eq!(fast.total, full.total, "{a}..{b}");
            assert_eq!(ids(&fast), ids(&full), "{a}..{b}");
            assert_eq!(fast.type_counts, full.type_counts);
            assert_eq!(fast.actor_counts, full.actor_counts);
            assert_eq!(fast.place_counts, full.place_counts);
            assert_eq!(fast.place_selected, full.place_selected);
            assert_eq!(fast.document_counts, full.document_counts);
            assert_eq!(fast.precision_counts, full.precision_counts);
            assert_eq!(fast.unplaced, full.unplaced, "{a}..{b}");
            assert_eq!(fast.undated, full.undated, "{a}..{b}");
            assert_eq!(fast.bins, full.bins, "{a}..{b}");
            assert_eq!(fast.rows, full.rows, "{a}..{b}");
            assert_eq!(fast.view_page, full.view_page, "{a}..{b}");
            assert_eq!(fast.view_total, full.view_total, "{a}..{b}");
            assert_eq!(fast.lanes, full.lanes, "{a}..{b}");
        }
    }
}

#[test]
fn summaries_cross_into_javascript_as_json_with_every_field() {
    // The seed dataset, and the fixture with an undated event, open spans and a long title.
    let stores = [
        load_package(&std::fs::read("www/data/iraq-2019-2020.json").unwrap()),
        store(),
    ];
    for store in &stores {
        let result = run(store, QuerySpec::default());
        let mut rows = result.result.page.clone();
        rows.push(u32::MAX); // past the end: skipped
        let json = query::summaries_json(store, &rows);
        let parsed = dateline::json::parse(&json);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let root = parsed.root.unwrap();
        let dateline::json::Kind::Array(items) = &root.kind else {
            panic!("an array")
        };
        assert_eq!(items.len(), result.page.len());
        for (item, s) in items.iter().zip(&result.page) {
            let dateline::json::Kind::Object(members) = &item.kind else {
                panic!("objects")
            };
            let keys: Vec<&str> = members.iter().map(|m| m.key.as_str()).collect();
            assert_eq!(
                keys,
                [
                    "row",
                    "id",
                    "title",
                    "type",
                    "typeLabel",
                    "family",
                    "date",
                    "dateText",
                    "dateLabel",
                    "dateInferred",
                    "earliest",
                    "latest",
                    "start",
                    "end",
                    "precision",
                    "approximate",
                    "uncertain",
                    "place",
                    "placeName",
                    "sourceCount",
                    "responseTo",
                    "draft"
                ]
            );
            // Every field as the summary has it.
            let text = |key: &str| item.get(key).unwrap().as_str().map(str::to_string);
            let number = |key: &str| item.get(key).unwrap().as_f64();
            let flag = |key: &str| match item.get(key).unwrap().kind {
                dateline::json::Kind::Bool(b) => b,
                _ => panic!("{key} is a boolean"),
            };
            assert_eq!(number("row"), Some(f64::from(s.row)));
            assert_eq!(text("id"), Some(s.id.clone()));
            assert_eq!(text("title"), Some(s.title.clone()));
            assert_eq!(text("type"), Some(s.event_type.clone()));
            assert_eq!(text("typeLabel"), Some(s.type_label.clone()));
            assert_eq!(text("family").as_deref(), Some(s.family));
            assert_eq!(text("date"), s.date);
            assert_eq!(text("dateText"), s.date_text);
            assert_eq!(text("dateLabel"), Some(s.date_label.clone()));
            assert_eq!(flag("dateInferred"), s.date_inferred);
            assert_eq!(text("earliest"), s.earliest, "{}", s.id);
            assert_eq!(text("latest"), s.latest, "{}", s.id);
            assert_eq!(number("start"), s.start.map(f64::from));
            assert_eq!(number("end"), s.end.map(f64::from));
            assert_eq!(text("precision").as_deref(), s.precision);
            assert_eq!(flag("approximate"), s.approximate);
            assert_eq!(flag("uncertain"), s.uncertain);
            assert_eq!(text("place"), s.place);
            assert_eq!(text("placeName"), s.place_name);
            assert_eq!(number("sourceCount"), Some(f64::from(s.source_count)));
            assert_eq!(flag("draft"), s.draft);
            let responses = match &item.get("responseTo").unwrap().kind {
                dateline::json::Kind::Array(a) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect::<Vec<_>>(),
                _ => panic!("an array"),
            };
            assert_eq!(responses, s.response_to);
        }
    }
}

#[test]
fn a_store_laid_out_in_steps_answers_as_one_laid_out_at_once() {
    let mut csv = Vec::new();
    dateline::write::synth::write_acled(3_000, 5, &mut csv).unwrap();
    let loaded = || dateline::read::read(&csv, None, "steps.csv");
    let whole = Store::new(loaded());
    let mut layout = dateline::engine::store::Layout::new(loaded());
    let mut last = layout.progress();
    while !layout.step(7) {
        assert!(layout.progress() > last);
        last = layout.progress();
    }
    assert_eq!(layout.progress(), 1.0);
    let stepped = layout.finish();
    let specs = [
        QuerySpec::default(),
        range("2019-01-01", "2020-06-30"),
        QuerySpec {
            text: "convoy".into(),
            ..QuerySpec::default()
        },
        QuerySpec {
            types: vec!["protest".into()],
            ..range("2016", "2022")
        },
    ];
    for spec in specs {
        let (a, b) = (run(&whole, spec.clone()), run(&stepped, spec));
        assert_eq!(a.total, b.total);
        assert_eq!(ids(&a), ids(&b));
        assert_eq!(a.type_counts, b.type_counts);
        assert_eq!(a.actor_counts, b.actor_counts);
        assert_eq!(a.place_counts, b.place_counts);
        assert_eq!(a.bins, b.bins);
    }
}

#[test]
fn cosmological_dates_are_ordered_binned_and_ticked_in_years() {
    let store = load_package(&std::fs::read("tests/fixtures/packages/cosmic.json").unwrap());
    let dates: Vec<&str> = store
        .problems()
        .iter()
        .filter(|p| p.path.ends_with(".date"))
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(dates, [] as [&str; 0], "every big year reads");
    let all = run(
        &store,
        QuerySpec {
            limit: Some(100),
            ..QuerySpec::default()
        },
    );
    assert_eq!(
        ids(&all),
        [
            "big-bang",
            "first-stars",
            "earth-forms",
            "dinosaurs-end",
            "moon-landing",
            "far-future"
        ],
        "in date order, 13.8 billion years ago first"
    );
    // Positions are years: the Big Bang lies 13.8 billion years before year 0, the Moon landing
    // at year 1969, and so on, as the page draws them.
    let dateline::engine::timeline::TimeScale::Years { per_unit } = store.scale() else {
        panic!("a store with dates beyond days counts years");
    };
    let year = |s: &query::EventSummary| s.start.map(|n| i64::from(n) * per_unit);
    let unit_of = |y: i64| y.div_euclid(per_unit) * per_unit;
    assert_eq!(year(&all.page[0]), Some(unit_of(-13_800_000_001)));
    assert_eq!(year(&all.page[4]), Some(unit_of(1969)));
    let bins = all.bins.as_ref().expect("bins over the data's years");
    assert!(
        bins.edges.len() <= 161 && bins.edges.len() > 10,
        "{}",
        bins.edges.len()
    );
    let (first, last) = (bins.edges[0], *bins.edges.last().unwrap());
    for s in all.page.iter().filter(|s| s.start.is_some()) {
        let (a, b) = (s.start.unwrap(), s.end.unwrap());
        assert!(first <= a && b < last, "{} lies within the bins", s.id);
    }
    // Four fit a bin each; the Big Bang's approximate year straddles an edge (as 13.8 billion
    // years ago is a round number) and the first stars span 400 million years: both possible.
    assert_eq!(bins.certain.iter().sum::<u32>(), 4, "{bins:?}");
    assert_eq!(bins.possible[..8], [1, 1, 0, 1, 1, 1, 1, 1]);
    assert!(
        all.ticks
            .iter()
            .any(|t| t.label.ends_with("billion years ago")),
        "{:?}",
        all.ticks
    );
    assert_eq!(
        all.page[0].earliest.as_deref(),
        Some("-13800000010-01-01"),
        "the first day of the ten years holding the approximate year's first"
    );
    assert_eq!(all.page[0].date_label, "about 13.8 billion years ago");
    // A date range and a visible range in EDTF text work on the years scale.
    let recent = run(&store, range("Y-5000000000", "2020"));
    assert_eq!(
        ids(&recent),
        ["earth-forms", "dinosaurs-end", "moon-landing"]
    );
    let zoomed = run(
        &store,
        QuerySpec {
            view_from: Some(DayBound::Text("Y-14000000000".into())),
            view_to: Some(DayBound::Text("Y-13000000000".into())),
            ..QuerySpec::default()
        },
    );
    let bins = zoomed.bins.as_ref().unwrap();
    // Zoomed to a billion years, the first stars' 400 million years cover many bins.
    let covered = bins.possible.iter().filter(|&&p| p > 0).count();
    assert!(
        covered * 10 >= bins.possible.len() * 3,
        "{covered} of {}",
        bins.possible.len()
    );
    let big_bang = bins
        .edges
        .windows(2)
        .position(|w| w[0] <= zoomed.page[0].start.unwrap() && zoomed.page[0].start.unwrap() < w[1])
        .unwrap();
    assert!(bins.certain[big_bang] + bins.possible[big_bang] >= 1);
    assert!(zoomed.ticks.len() >= 2, "{:?}", zoomed.ticks);
}

#[test]
fn a_package_within_days_keeps_the_days_scale() {
    assert_eq!(store().scale(), dateline::engine::timeline::TimeScale::Days);
}
