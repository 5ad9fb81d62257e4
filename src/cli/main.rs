//! The `dateline` command: checks, converts and summarises event packages and other formats
//! for publishers' pipelines, drafts events from articles, and makes the shipped gazetteer and
//! benchmark datasets.

mod basemap;
mod check;
mod columnar;
mod convert;
mod datasets;
mod extraction;
mod io;
mod serve;
mod world;

use std::process::ExitCode;

use io::{format_option, usage, USAGE};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => match format_option(&args[1..]) {
            Ok((options, paths)) if !paths.is_empty() => check::validate(&paths, &options),
            Ok(_) => usage(),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(2)
            }
        },
        Some("stats") if args.len() == 2 => check::stats(&args[1]),
        Some("convert") => match format_option(&args[1..]) {
            Ok((options, rest)) => convert::convert(&options, &rest),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(2)
            }
        },
        Some("basemap") => basemap::command(&args[1..]),
        Some("extract") => extraction::extract_command(&args[1..]),
        Some("score") => extraction::score_command(&args[1..]),
        Some("gazetteer") => datasets::gazetteer_command(&args[1..]),
        Some("lexicon") => datasets::lexicon_command(&args[1..]),
        Some("synth") => datasets::synth_command(&args[1..]),
        Some("serve") => serve::command(&args[1..]),
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
