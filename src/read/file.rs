//! Reading a file in any format, at once ([`read_with`]) or in steps ([`Reading`]).

use std::rc::Rc;

use super::format::Format;
#[cfg(feature = "importers")]
use super::format::{check_signature, ACLED_SIGNATURE, UCDP_SIGNATURE};
#[cfg(feature = "importers")]
use super::loaded::decode_utf8;
use super::loaded::Loaded;
use super::options::Options;
use super::package::read_package;
use super::source::{Source, WINDOW};
#[cfg(feature = "importers")]
use super::{acled, plain_csv, table, timelinejs, ucdp, windowed};
use crate::model::problem::Severity;

/// Reads a data file in `format`, or in the format [`Format::detect`] finds. `name` names the
/// file in titles and messages.
pub fn read(bytes: &[u8], format: Option<Format>, name: &str) -> Loaded {
    read_with(
        bytes,
        &Options {
            format,
            name: name.to_string(),
            ..Options::default()
        },
    )
}

/// Reads a data file as `options` say.
pub fn read_with(bytes: &[u8], options: &Options) -> Loaded {
    let Some(format) = options.format.or_else(|| Format::detect(bytes)) else {
        let mut loaded = Loaded::default();
        loaded.report(
            Severity::Error,
            String::new(),
            1,
            1,
            "this is not a format Dateline reads: a Dateline package or a TimelineJS timeline (JSON), or a CSV file with a header (ACLED, UCDP, a TimelineJS sheet, or any other)".into(),
        );
        return loaded;
    };
    if format == Format::Package {
        return read_package(bytes);
    }
    imported(bytes, format, options)
}

/// Reads a file in a format other than a package's.
#[cfg(feature = "importers")]
fn imported(bytes: &[u8], format: Format, options: &Options) -> Loaded {
    let name = options.name.as_str();
    let mut loaded = Loaded::default();
    let text = decode_utf8(bytes, &mut loaded.problems);
    if format == Format::TimelineJs {
        timelinejs::read_json(&text, &mut loaded, name, &options.gazetteer);
    } else {
        let mut table = table::Table::read(&text);
        let columns = table::Columns::new(&table.header);
        let signature = match format {
            Format::Acled => ACLED_SIGNATURE,
            Format::Ucdp => UCDP_SIGNATURE,
            _ => &[],
        };
        check_signature(format, signature, &columns, &mut loaded);
        match format {
            Format::Acled => acled::read(&mut table, &mut loaded, name),
            Format::Ucdp => ucdp::read(&mut table, &mut loaded, name),
            Format::TimelineJsSheet => {
                timelinejs::read_sheet(&mut table, &mut loaded, name, &options.gazetteer)
            }
            _ => plain_csv::read(&mut table, &mut loaded, name, &options.columns),
        }
        table.finish(&mut loaded);
    }
    crate::model::problem::in_file_order(&mut loaded.problems);
    loaded
}

/// Without the importers, a file in another format than a package's loads as nothing, with a
/// problem that says which engine reads it.
#[cfg(not(feature = "importers"))]
fn imported(_: &[u8], format: Format, _: &Options) -> Loaded {
    let mut loaded = Loaded::default();
    loaded.report(
        Severity::Error,
        String::new(),
        1,
        1,
        format!(
            "this looks like {}, which this engine does not read: it reads Dateline packages, and the engine with the importers (pkg/dateline_fast.js) reads every format",
            format.description()
        ),
    );
    loaded
}

/// A file being read in steps, so a page can stay responsive and show how far it got while a
/// long file is read. An ACLED export is read a given number of records per step, a window of
/// the file at a time, and keeps its events as the file's rows (see `FileRows`); other formats
/// are read whole when the reading starts. The events, problems and summary are those
/// [`read_with`] gives.
pub struct Reading(Stage);

enum Stage {
    Done(Box<Loaded>),
    #[cfg(feature = "importers")]
    Windowed(Box<windowed::Windowed>),
}

impl Reading {
    /// Starts reading `bytes` as `options` say.
    pub fn new(bytes: Vec<u8>, options: &Options) -> Reading {
        Reading::from_source(Rc::new(bytes), options)
    }

    /// Starts reading a file as `options` say, a window of [`WINDOW`] bytes at a time.
    pub fn from_source(source: Rc<dyn Source>, options: &Options) -> Reading {
        Reading::with_window(source, options, WINDOW)
    }

    /// [`Reading::from_source`] with windows of at least `window` bytes: small windows are for
    /// tests of records cut by a window's end.
    pub fn with_window(source: Rc<dyn Source>, options: &Options, window: usize) -> Reading {
        let mut head = vec![0; source.len().min(8192) as usize];
        // A file given up while it is read reads as what could be had.
        let _ = source.read(0, &mut head);
        let format = options.format.or_else(|| Format::detect(&head));
        #[cfg(feature = "importers")]
        if format == Some(Format::Acled) {
            return Reading(Stage::Windowed(Box::new(windowed::Windowed::new(
                source, options, window,
            ))));
        }
        let _ = (format, window);
        let loaded = match super::source::whole(&*source) {
            Ok(bytes) => read_with(&bytes, options),
            Err(problem) => Loaded {
                problems: vec![problem],
                ..Loaded::default()
            },
        };
        Reading(Stage::Done(Box::new(loaded)))
    }

    /// Reads up to `records` more records; true when the file is read.
    #[cfg_attr(not(feature = "importers"), allow(unused_variables))]
    pub fn step(&mut self, records: usize) -> bool {
        match &mut self.0 {
            Stage::Done(_) => true,
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.step(records),
        }
    }

    /// How much of the file is read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        match &self.0 {
            Stage::Done(_) => 1.0,
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.progress(),
        }
    }

    /// How many events are read so far.
    pub fn events(&self) -> usize {
        match &self.0 {
            Stage::Done(loaded) => loaded.events(),
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.events(),
        }
    }

    /// What was read: the rest of the file is read first.
    pub fn finish(self) -> Loaded {
        match self.0 {
            Stage::Done(loaded) => *loaded,
            #[cfg(feature = "importers")]
            Stage::Windowed(reading) => reading.finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACLED: &[u8] = b"event_id_cnty,event_date,event_type,sub_event_type,actor1\nIRQ1,2020-01-08,Battles,Armed clash,Someone\n";

    #[test]
    fn each_format_is_read_by_the_engine_built_with_its_reader() {
        let loaded = read(ACLED, None, "events.csv");
        assert!(Format::Package.is_read());
        if cfg!(feature = "importers") {
            assert!(Format::ALL.iter().all(|f| f.is_read()));
            assert_eq!(loaded.package.events.len(), 1);
        } else {
            assert!(!Format::Acled.is_read() && !Format::Csv.is_read());
            // Nothing is made up: no events, and one problem that says which engine reads it.
            assert!(loaded.package.events.is_empty());
            assert_eq!(loaded.problems.len(), 1);
            assert!(loaded.problems[0]
                .message
                .contains("an ACLED export, which this engine does not read"));
        }
        // Reading in steps gives the same either way.
        let stepped = Reading::new(ACLED.to_vec(), &Options::default()).finish();
        assert_eq!(stepped.problems, loaded.problems);
    }
}
