//! `dateline convert`: a file in any format Dateline reads, as CSV, GeoJSON, a package or a
//! citation list.

use std::process::ExitCode;

use dateline::model::text::plural;
use dateline::read::Options;
use dateline::write::{self, ExportFormat};

use super::io::{emit, load, usage};

pub fn convert(options: &Options, args: &[String]) -> ExitCode {
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
    let text = write::export(&store, &rows, target);
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
            eprintln!(
                "{input}: {n} {} no coordinates; {} listed in \"dateline:unmapped\", not as features",
                plural(n, "event has", "events have"),
                plural(n, "it is", "they are")
            );
        }
    }
    emit(output, &text, || {
        let n = rows.len();
        format!(
            "{n} {} as {}",
            plural(n, "event", "events"),
            target.as_str()
        )
    })
}
