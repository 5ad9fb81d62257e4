//! `dateline extract` and `dateline score`: draft events from articles, and the drafts scored
//! against gold annotations.

use std::process::ExitCode;

use dateline::extract::score::Score;
use dateline::extract::{self, Article, Lexicon};
use dateline::model::edtf::Edtf;
use dateline::model::text::plural;
use dateline::model::{Event, Package};
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
        let (events, articles) = (package.events.len(), files.len());
        eprintln!(
            "{events} {} drafted from {articles} {}",
            plural(events, "event", "events"),
            plural(articles, "article", "articles")
        );
        Ok(write::package_json(&package))
    };
    finish(run())
}

pub fn score_command(args: &[String]) -> ExitCode {
    let (mut golds, mut gazetteer, mut lexicon_path, mut show) = (Vec::new(), None, None, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--gazetteer" => gazetteer = rest.next(),
            "--lexicon" => lexicon_path = rest.next(),
            "--show" => show = true,
            _ if !arg.starts_with("--") => golds.push(arg.clone()),
            _ => return usage(),
        }
    }
    if golds.is_empty() {
        return usage();
    }
    let run = || -> Result<String, String> {
        let lexicon = lexicon(gazetteer, lexicon_path)?;
        let files = gold_files(&golds)?;
        let mut total = Score::default();
        let mut out = String::new();
        if files.len() > 1 {
            out.push_str("| gold | core | drafts | core recall | precision | wrong perpetrator | dates |\n|---|---|---|---|---|---|---|\n");
        }
        let mut details = String::new();
        for file in &files {
            let package = read::read_package(&read_file(file)?).package;
            let (score, got) = extract::score::score(&package, &lexicon);
            if files.len() > 1 {
                out.push_str(&format!(
                    "| {file} | {} | {} | {:.2} | {:.2} | {} | {}/{} |\n",
                    score.core,
                    score.extracted,
                    score.recall(),
                    score.precision(),
                    score.wrong_perpetrator,
                    score.dates.0,
                    score.dates.1
                ));
            }
            if show {
                details.push_str(&format!("\n{file}\n"));
                details.push_str(&show_pairs(&score, &package, &got));
            }
            total.add(&score);
        }
        out.push_str(&format!(
            "\n{}: {} gold events ({} core), {} drafts\n\n{}",
            if files.len() == 1 {
                files[0].as_str()
            } else {
                "all"
            },
            total.gold,
            total.core,
            total.extracted,
            total.table()
        ));
        out.push_str(&format!(
            "\nconfidence against the share of drafts that are right:\n\n{}",
            total.calibration_table()
        ));
        out.push_str(&details);
        Ok(out)
    };
    finish(run())
}

/// The gold files named: files as they are, directories as the `.json` files in them, sorted.
fn gold_files(paths: &[String]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for path in paths {
        if std::path::Path::new(path).is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| format!("{path}: {e}"))?;
            let mut found: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Each gold event with its draft, then the drafts that match nothing and the wrong
/// perpetrators.
fn show_pairs(score: &Score, package: &Package, got: &Package) -> String {
    let date = |e: Option<&Event>| {
        e.and_then(|e| e.date.as_ref())
            .map_or("-".to_string(), |d| d.edtf.to_string())
    };
    let place = |e: Option<&Event>| {
        e.and_then(|e| e.place.clone())
            .unwrap_or_else(|| "-".into())
    };
    let mut out = String::from("matches (gold -> draft):\n");
    for (g, x) in &score.pairs {
        let ge = package.events.iter().find(|e| &e.id == g);
        let xe = x
            .as_ref()
            .and_then(|x| got.events.iter().find(|e| &e.id == x));
        let background = ge.is_some_and(|e| e.tags.iter().any(|t| t == "background"));
        out.push_str(&format!(
            "  {g}{} -> {}\n      date {} / {}, place {} / {}\n",
            if background { " (background)" } else { "" },
            x.as_deref().unwrap_or("(missed)"),
            date(ge),
            date(xe),
            place(ge),
            place(xe)
        ));
    }
    out.push_str("drafts matching no gold event:\n");
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
    for (id, actor) in &score.wrong {
        out.push_str(&format!("  wrong perpetrator: {id} names {actor}\n"));
    }
    out
}
