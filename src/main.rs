//! The `dateline` command: checks and summarises event packages for publishers' pipelines.

use std::io::Read;
use std::process::ExitCode;

use dateline::basemap::{self, BoundingBox};
use dateline::calendar::format_day;
use dateline::export::{self, ExportFormat};
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
    read(path).map(|bytes| {
        Store::new(ingest::read_with(
            &bytes,
            &Options {
                name,
                ..options.clone()
            },
        ))
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
            package.events.len(),
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
    match output {
        Some(path) => match std::fs::write(path, json) {
            Ok(()) => {
                eprintln!("{path}: {} countries", map.countries.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{path}: cannot write: {e}");
                ExitCode::FAILURE
            }
        },
        None => {
            print!("{json}");
            ExitCode::SUCCESS
        }
    }
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
    match output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => {
                eprintln!("{path}: {} events as {}", rows.len(), target.as_str());
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
