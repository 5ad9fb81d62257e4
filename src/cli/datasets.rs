//! `dateline gazetteer` and `dateline synth`: the extractor's gazetteer from GeoNames, and
//! synthetic ACLED-style datasets for the benchmarks.

use std::process::ExitCode;

use dateline::extract;
use dateline::model::text::plural;
use dateline::read;
use dateline::write;

use super::io::{emit, finish, read_file, usage};

pub fn gazetteer_command(args: &[String]) -> ExitCode {
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
    let made = read_file(cities)
        .and_then(|b| String::from_utf8(b).map_err(|_| format!("{cities}: not UTF-8 text")))
        .and_then(|text| {
            let bytes = read_file(sites)?;
            let sites_text = String::from_utf8_lossy(&bytes).to_string();
            // The sites lie within towns of the gazetteer, not of the sites file: their
            // `within` links are read from the file as written, then checked as a whole.
            let sites = read::read_package(&bytes).package;
            extract::gazetteer::build(&text, sites)
                .map(|g| extract::gazetteer::relink(g, &sites_text))
                .map_err(|e| format!("{cities}: {e}"))
        });
    match made {
        Ok(package) => emit(output, &write::package_json(&package), || {
            let n = package.places.len();
            format!("{n} {}", plural(n, "place", "places"))
        }),
        Err(message) => finish(Err(message)),
    }
}

pub fn synth_command(args: &[String]) -> ExitCode {
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
        if let Err(e) = write(path, &|w| dateline::write::synth::write_acled(n, seed, w)) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        done.push(path.as_str());
    }
    if let Some(path) = package {
        if let Err(e) = write(path, &|w| dateline::write::synth::write_package(n, seed, w)) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        done.push(path.as_str());
    }
    eprintln!(
        "{n} synthetic {} (seed {seed}) in {}",
        plural(n, "event", "events"),
        done.join(" and ")
    );
    ExitCode::SUCCESS
}
