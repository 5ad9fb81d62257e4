//! Any text as news articles: the extractor never panics, every source is its article's text at
//! its offset, the package reads back, and the review desk's calls hold up.
#![no_main]

use std::sync::OnceLock;

use dateline::model::edtf::Edtf;
use dateline::extract::workbench::Workbench;
use dateline::extract::{Article, Lexicon};
use dateline::read::read_package;
use libfuzzer_sys::fuzz_target;

fn lexicon() -> Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(load).clone()
}

fn load() -> Lexicon {
    let gazetteer = read_package(include_bytes!("../../www/data/gazetteer.json")).package;
    let lexicon = read_package(include_bytes!("../../www/data/lexicon.json")).package;
    Lexicon::new(gazetteer.places, lexicon.actors)
}

fuzz_target!(|data: &[u8]| {
    static PUBLISHED: OnceLock<Vec<Edtf>> = OnceLock::new();
    let published = PUBLISHED.get_or_init(|| {
        ["2020-03-28", "2020-08~", "2019-12", "2021-02-17"]
            .iter()
            .map(|d| Edtf::parse(d).unwrap())
            .collect()
    });
    let (head, rest) = data.split_first().map_or((0, data), |(h, r)| (*h, r));
    let text = String::from_utf8_lossy(rest);
    // The first byte chooses a publication date (or none); a NUL splits two articles.
    let date = published.get(usize::from(head) % 5).cloned();
    let mut bench = Workbench::new(lexicon(), Default::default());
    for part in text.splitn(2, '\0') {
        bench.add(&Article {
            text: part.to_string(),
            published: date.clone(),
            ..Article::default()
        });
    }
    let p = bench.package();
    for e in &p.events {
        for s in &e.sources {
            let doc = p.documents.iter().find(|d| d.id == s.document).unwrap();
            let t = doc.text.as_deref().unwrap();
            let start = t.char_indices().nth(s.at.unwrap()).map_or(t.len(), |(b, _)| b);
            assert!(t[start..].starts_with(&s.quote));
        }
    }
    for d in &p.documents {
        let whole: String = bench.segments(&d.id).unwrap().into_iter().map(|s| s.text).collect();
        assert_eq!(Some(whole.as_str()), d.text.as_deref());
    }
    let back = read_package(bench.json().as_bytes());
    assert_eq!(back.package.events.len(), p.events.len());
    let ids: Vec<String> = bench.drafts().into_iter().map(|d| d.id).collect();
    for (i, id) in ids.iter().enumerate() {
        let _ = match i % 3 {
            0 => bench.accept(id),
            1 => bench.edit(id, "date", &String::from_utf8_lossy(&data[..data.len().min(12)])),
            _ => bench.reject(id),
        };
    }
});
