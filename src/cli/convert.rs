//! `dateline convert`: a file in any format Dateline reads, as CSV, GeoJSON, a package, a
//! citation list or a static HTML page.

use std::process::ExitCode;

use dateline::model::text::plural;
use dateline::read::Options;
use dateline::write::{self, ExportFormat, HtmlOptions};
use dateline::Store;

use super::io::{emit, load, usage};

/// What `--to` asks for: one of the page's exports, or the static page only the command writes.
enum Target {
    Export(ExportFormat),
    Html(HtmlOptions),
}

pub fn convert(options: &Options, args: &[String]) -> ExitCode {
    let (mut input, mut to, mut output) = (None, None, None);
    let mut html = HtmlOptions::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--to" => to = rest.next(),
            "-o" | "--output" => output = rest.next(),
            "--lang" => match rest.next() {
                Some(lang) => html.lang.clone_from(lang),
                None => return usage(),
            },
            "--fragment" => html.fragment = true,
            _ if input.is_none() => input = Some(arg),
            _ => return usage(),
        }
    }
    let (Some(input), Some(to)) = (input, to) else {
        return usage();
    };
    let target = match (to.as_str(), ExportFormat::from_name(to)) {
        ("html", _) => Target::Html(html),
        (_, Some(format)) => Target::Export(format),
        _ => {
            let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
            eprintln!("--to {to}: use one of {}, html", names.join(", "));
            return ExitCode::from(2);
        }
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
    let text = match &target {
        Target::Html(html) => write::html(&store, &rows, html),
        Target::Export(format) => {
            if *format == ExportFormat::GeoJson {
                warn_unmapped(input, &store, &rows);
            }
            write::export(&store, &rows, *format)
        }
    };
    emit(output, &text, || {
        let n = rows.len();
        let name = match &target {
            Target::Html(_) => "html",
            Target::Export(format) => format.as_str(),
        };
        format!("{n} {} as {name}", plural(n, "event", "events"))
    })
}

/// Says how many events GeoJSON cannot carry as features, for want of coordinates.
fn warn_unmapped(input: &str, store: &Store, rows: &[u32]) {
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
