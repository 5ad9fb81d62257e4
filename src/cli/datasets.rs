//! `dateline gazetteer`, `dateline lexicon` and `dateline synth`: the extractor's gazetteer
//! from GeoNames and the Factbook, its lexicon from a hand list and the world's states, and
//! synthetic ACLED-style datasets for the benchmarks.

use std::process::ExitCode;

use dateline::extract;
use dateline::model::text::{fold, plural};
use dateline::model::{Actor, Package};
use dateline::read;
use dateline::write;

use super::io::{emit, finish, read_file, usage};
use super::world;

pub fn gazetteer_command(args: &[String]) -> ExitCode {
    let (mut cities, mut countries, mut factbook, mut sites, mut output) =
        (None, None, None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--countries" => countries = rest.next(),
            "--factbook" => factbook = rest.next(),
            "--sites" => sites = rest.next(),
            "-o" | "--output" => output = rest.next(),
            _ if cities.is_none() => cities = Some(arg),
            _ => return usage(),
        }
    }
    let (Some(cities), Some(countries), Some(factbook), Some(sites)) =
        (cities, countries, factbook, sites)
    else {
        return usage();
    };
    let made = world::read_text(cities).and_then(|text| {
        let profiles = world::factbook(factbook)?;
        let (countries, _) = world::countries(&world::read_text(countries)?, &profiles)
            .map_err(|e| format!("{countries}: {e}"))?;
        let bytes = read_file(sites)?;
        let sites_text = String::from_utf8_lossy(&bytes).to_string();
        // The sites lie within towns of the gazetteer, not of the sites file: their
        // `within` links are read from the file as written, then checked as a whole.
        let sites = read::read_package(&bytes).package;
        extract::gazetteer::build(&text, countries, sites)
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

pub fn lexicon_command(args: &[String]) -> ExitCode {
    let (mut countries, mut factbook, mut actors, mut output) = (None, None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--countries" => countries = rest.next(),
            "--factbook" => factbook = rest.next(),
            "--actors" => actors = rest.next(),
            "-o" | "--output" => output = rest.next(),
            _ => return usage(),
        }
    }
    let (Some(countries), Some(factbook), Some(actors)) = (countries, factbook, actors) else {
        return usage();
    };
    let made = world::factbook(factbook).and_then(|profiles| {
        let (_, states) = world::countries(&world::read_text(countries)?, &profiles)
            .map_err(|e| format!("{countries}: {e}"))?;
        let hand = read::read_package(&read_file(actors)?).package;
        Ok(lexicon(hand, states))
    });
    match made {
        Ok(package) => emit(output, &write::package_json(&package), || {
            let n = package.actors.len();
            format!("{n} {}", plural(n, "actor", "actors"))
        }),
        Err(message) => finish(Err(message)),
    }
}

/// The lexicon: the hand-made actors of `hand`, then every state of `states`. A state the hand
/// list has already gains the names and adjectives it lacks.
fn lexicon(mut hand: Package, states: Vec<world::State>) -> Package {
    for state in states {
        let mut names = state.aliases;
        names.extend(state.adjectives);
        match hand.actors.iter_mut().find(|a| a.id == state.id) {
            Some(actor) => {
                for name in names {
                    let f = fold(&name);
                    let known = fold(&actor.name) == f || actor.aliases.iter().any(|a| fold(a) == f);
                    if !known {
                        actor.aliases.push(name);
                    }
                }
            }
            None => hand.actors.push(Actor {
                id: state.id,
                name: state.name,
                aliases: names,
                kind: Some("state".into()),
                note: Some(
                    "A state: names from GeoNames and the CIA World Factbook, adjectives from the Factbook.".into(),
                ),
                ..Actor::default()
            }),
        }
    }
    hand
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
