//! `dateline validate` and `dateline stats`: every problem of a file, and its counts.

use std::process::ExitCode;

use dateline::engine::query::{self, QuerySpec};
use dateline::model::calendar::format_day;
use dateline::model::text::plural;
use dateline::read::Options;
use dateline::Severity;

use super::io::load;

pub fn validate(paths: &[String], options: &Options) -> ExitCode {
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
        let (events, places) = (store.len(), package.places.len());
        let (actors, documents) = (package.actors.len(), package.documents.len());
        println!(
            "{path}: {events} {}, {places} {}, {actors} {}, {documents} {}; {errors} {}, {warnings} {}",
            plural(events, "event", "events"),
            plural(places, "place", "places"),
            plural(actors, "actor", "actors"),
            plural(documents, "document", "documents"),
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

pub fn stats(path: &str) -> ExitCode {
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
        "{} {} ({} undated, {} without a place)",
        result.total,
        plural(result.total as usize, "event", "events"),
        result.undated,
        result.unplaced
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
                let year = dateline::model::calendar::format_year(
                    dateline::model::calendar::civil(i64::from(bins.edges[i])).0,
                );
                println!("  {certain:>7}  {possible:>7}  {year}");
            }
        }
    }
    ExitCode::SUCCESS
}
