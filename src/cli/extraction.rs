//! `dateline extract` and `dateline score`: draft events from articles, and the drafts scored
//! against gold annotations.

use std::process::ExitCode;

use dateline::extract::{self, Article, Lexicon};
use dateline::model::edtf::Edtf;
use dateline::read;
use dateline::write;
use dateline::Severity;

use super::io::{finish, read_file, usage};

/// The gazetteer and lexicon shipped in `www/data/`, built into the command.
pub const GAZETTEER: &[u8] = include_bytes!("../../www/data/gazetteer.json");
pub const LEXICON: &[u8] = include_bytes!("../../www/data/lexicon.json");

/// The extractor's lexicon, from files when given, else the shipped ones.
pub fn lexicon(gazetteer: Option<&String>, lexicon: Option<&String>) -> Result<Lexicon, String> {
    let load =
        |path: Option<&String>, built_in: &[u8]| -> Result<dateline::model::Package, String> {
            let bytes = match path {
                Some(p) => read_file(p)?,
                None => built_in.to_vec(),
            };
            Ok(read::read_package(&bytes).package)
        };
    let places = load(gazetteer, GAZETTEER)?.places;
    let actors = load(lexicon, LEXICON)?.actors;
    Ok(Lexicon::new(places, actors))
}

pub fn extract_command(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    let (mut published, mut title, mut publisher, mut url) = (None, None, None, None);
    let (mut into, mut gazetteer, mut lexicon_path) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let slot = match arg.as_str() {
            "--published" => &mut published,
            "--title" => &mut title,
            "--publisher" => &mut publisher,
            "--url" => &mut url,
            "--into" => &mut into,
            "--gazetteer" => &mut gazetteer,
            "--lexicon" => &mut lexicon_path,
            _ if arg.starts_with("--") => return usage(),
            _ => {
                files.push(arg);
                continue;
            }
        };
        match rest.next() {
            Some(v) => *slot = Some(v),
            None => return usage(),
        }
    }
    if files.is_empty() {
        return usage();
    }
    let run = || -> Result<String, String> {
        let lexicon = lexicon(gazetteer, lexicon_path)?;
        let published = match published {
            Some(p) => Some(Edtf::parse(p).map_err(|e| format!("--published {p}: {e}"))?),
            None => None,
        };
        let mut package = match into {
            Some(path) => {
                let loaded = read::read_package(&read_file(path)?);
                if loaded
                    .problems
                    .iter()
                    .any(|p| p.severity == Severity::Error)
                {
                    eprintln!("{path}: has errors; `dateline validate {path}` lists them");
                }
                loaded.package
            }
            None => extract::extract(&[], &lexicon),
        };
        for file in &files {
            let bytes = read_file(file)?;
            let text = String::from_utf8_lossy(&bytes);
            let mut article = Article::from_file_text(&text).map_err(|e| format!("{file}: {e}"))?;
            article.title = article.title.or_else(|| title.cloned());
            article.publisher = article.publisher.or_else(|| publisher.cloned());
            article.url = article.url.or_else(|| url.cloned());
            article.published = article.published.or_else(|| published.clone());
            if article.title.is_none() {
                article.title = std::path::Path::new(file.as_str())
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string());
            }
            extract::add_article(&mut package, &article, &lexicon);
        }
        eprintln!(
            "{} events drafted from {} {}",
            package.events.len(),
            files.len(),
            if files.len() == 1 {
                "article"
            } else {
                "articles"
            }
        );
        Ok(write::package_json(&package))
    };
    finish(run())
}

pub fn score_command(args: &[String]) -> ExitCode {
    let (mut gold, mut gazetteer, mut lexicon_path, mut show) = (None, None, None, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--gazetteer" => gazetteer = rest.next(),
            "--lexicon" => lexicon_path = rest.next(),
            "--show" => show = true,
            _ if gold.is_none() && !arg.starts_with("--") => gold = Some(arg),
            _ => return usage(),
        }
    }
    let Some(gold) = gold else { return usage() };
    let run = || -> Result<String, String> {
        let lexicon = lexicon(gazetteer, lexicon_path)?;
        let package = read::read_package(&read_file(gold)?).package;
        let (score, got) = extract::score::score(&package, &lexicon);
        let mut out = format!(
            "{gold}: {} gold events, {} extracted\n\n{}",
            score.gold,
            score.extracted,
            score.table()
        );
        if show {
            out.push_str("\nmatches (gold -> extracted):\n");
            let date = |e: Option<&dateline::model::Event>| {
                e.and_then(|e| e.date.as_ref())
                    .map_or("-".to_string(), |d| d.edtf.to_string())
            };
            let place = |e: Option<&dateline::model::Event>| {
                e.and_then(|e| e.place.clone())
                    .unwrap_or_else(|| "-".into())
            };
            for (g, x) in &score.pairs {
                let ge = package.events.iter().find(|e| &e.id == g);
                let xe = x
                    .as_ref()
                    .and_then(|x| got.events.iter().find(|e| &e.id == x));
                out.push_str(&format!(
                    "  {g} -> {}\n      date {} / {}, place {} / {}\n",
                    x.as_deref().unwrap_or("(missed)"),
                    date(ge),
                    date(xe),
                    place(ge),
                    place(xe)
                ));
            }
            out.push_str("\nextracted, matching no gold event:\n");
            for id in &score.unmatched {
                let e = got.events.iter().find(|e| &e.id == id);
                let quote = e
                    .and_then(|e| e.sources.first())
                    .map_or("", |s| s.quote.as_str());
                out.push_str(&format!(
                    "  {id}: {}\n",
                    dateline::model::text::shorten(quote, 100)
                ));
            }
        }
        Ok(out)
    };
    finish(run())
}
