//! Properties over generated input: reading never panics, and EDTF formatting round-trips.

use dateline::engine::query::{self, QuerySpec};
use dateline::model::edtf::Edtf;
use dateline::read::read_package;
use dateline::Store;
use proptest::prelude::*;

/// JSON-ish text built from the pieces a package is made of, so generated inputs get past the
/// first byte and exercise the reader's deeper paths.
fn packageish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"dateline\":1".to_string()),
        Just("\"events\":".to_string()),
        Just("\"places\":".to_string()),
        Just("\"id\":\"a\"".to_string()),
        Just("\"date\":".to_string()),
        Just("\"lat\":".to_string()),
        Just("\"place\":\"a\"".to_string()),
        Just("\"within\":\"a\"".to_string()),
        "\"[-0-9X~?%/.]{0,12}\"",
        "-?[0-9]{1,4}(\\.[0-9]{1,3})?",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn edtf_text() -> impl Strategy<Value = String> {
    let date = "-?[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?";
    prop_oneof![
        date.prop_map(|d| d.to_string()),
        (date, date).prop_map(|(a, b)| format!("{a}/{b}")),
        date.prop_map(|d| format!("{d}/..")),
        date.prop_map(|d| format!("../{d}")),
        "\\PC{0,16}",
    ]
}

/// CSV-ish text under an ACLED header: quotes, delimiters, line breaks, dates, numbers.
fn acledish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        "[0-9]{1,4}",
        "20[0-9]{2}-[0-9]{2}-[0-9]{2}",
        "-?[0-9]{1,3}\\.[0-9]{1,4}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| {
        let header = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,geo_precision,notes,fatalities";
        format!("{header}\n{}", pieces.concat())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let loaded = read_package(&bytes);
        let store = Store::new(loaded);
        query::run(&store, &QuerySpec::default()).unwrap();
    }

    #[test]
    fn reading_package_like_text_never_panics_and_queries_answer(text in packageish()) {
        let store = Store::new(read_package(text.as_bytes()));
        let result = query::run(&store, &QuerySpec { text: "a".into(), ..QuerySpec::default() }).unwrap();
        prop_assert!(result.total as usize <= store.len());
        for problem in store.problems() {
            prop_assert!(!problem.message.is_empty());
        }
    }

    #[test]
    fn reading_acled_like_csv_never_panics(text in acledish()) {
        let loaded = dateline::read::read(text.as_bytes(), None, "x.csv");
        let store = Store::new(loaded);
        query::run(&store, &QuerySpec::default()).unwrap();
    }

    #[test]
    fn reading_arbitrary_bytes_in_every_format_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for format in dateline::read::Format::ALL {
            let loaded = dateline::read::read(&bytes, Some(format), "x");
            let store = Store::new(loaded);
            let result = query::run(&store, &QuerySpec { with_rows: true, ..QuerySpec::default() }).unwrap();
            for format in dateline::write::ExportFormat::ALL {
                dateline::write::export(&store, &result.rows, format);
            }
        }
    }

    #[test]
    fn reading_csv_like_text_in_every_csv_format_never_panics(text in acledish()) {
        use dateline::read::Format;
        for format in [Format::Acled, Format::Ucdp, Format::TimelineJsSheet, Format::Csv] {
            let store = Store::new(dateline::read::read(text.as_bytes(), Some(format), "x.csv"));
            query::run(&store, &QuerySpec::default()).unwrap();
        }
    }

    #[test]
    fn reading_package_like_text_as_a_timeline_never_panics(text in packageish()) {
        let store = Store::new(dateline::read::read(text.as_bytes(), Some(dateline::read::Format::TimelineJs), "x.json"));
        query::run(&store, &QuerySpec::default()).unwrap();
    }

    #[test]
    fn edtf_parsing_never_panics_and_round_trips(text in edtf_text()) {
        if let Ok(date) = Edtf::parse(&text) {
            let printed = date.to_string();
            prop_assert_eq!(&printed, &text);
            let again = Edtf::parse(&printed).unwrap();
            prop_assert_eq!(&again, &date);
            let span = date.span();
            prop_assert!(span.earliest <= span.latest);
            prop_assert!(!date.describe().is_empty());
        }
    }
}

/// News-like text from the words the extractor reacts to, in any order, with punctuation.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("rockets hit ".to_string()),
        Just("the attack ".to_string()),
        Just("Iran ".to_string()),
        Just("al-Asad air base ".to_string()),
        Just("Gen. ".to_string()),
        Just("Kenneth McKenzie ".to_string()),
        Just("said ".to_string()),
        Just("on Thursday ".to_string()),
        Just("Jan. 8, 2020 ".to_string()),
        Just("late December ".to_string()),
        Just("Two months later ".to_string()),
        Just("more than a dozen ".to_string()),
        Just("killed ".to_string()),
        Just("in response to ".to_string()),
        Just("They ".to_string()),
        Just("5,000-6,000 troops ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("“".to_string()),
        Just("” ".to_string()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extraction_never_panics_and_quotes_its_sentences_verbatim(
        text in newsish(),
        other in newsish(),
        published in prop::option::of("20[0-9]{2}-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?~?"),
    ) {
        use dateline::extract::{extract, Article, Lexicon};
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        let lexicon = LEXICON.get_or_init(|| {
            let load = |path: &str| read_package(&std::fs::read(path).unwrap()).package;
            Lexicon::new(load("www/data/gazetteer.json").places, load("www/data/lexicon.json").actors)
        });
        let published = published.and_then(|p| Edtf::parse(&p).ok());
        let articles = [
            Article { text: text.clone(), published: published.clone(), ..Article::default() },
            Article { text: other, published, ..Article::default() },
        ];
        let p = extract(&articles, lexicon);
        for e in &p.events {
            for s in &e.sources {
                let doc = p.documents.iter().find(|d| d.id == s.document).unwrap();
                let t = doc.text.as_deref().unwrap();
                let start = t.char_indices().nth(s.at.unwrap()).map_or(t.len(), |(b, _)| b);
                prop_assert!(t[start..].starts_with(&s.quote));
            }
        }
        let json = dateline::write::package_json(&p);
        let back = read_package(json.as_bytes());
        prop_assert_eq!(back.package.events.len(), p.events.len());
    }
}
