//! Exports: every event a spec's filters select, read from the events table, made into events by
//! Dateline's own ACLED reader (as cards are) and written by the crate's writers, so that the
//! file holds the bytes the page's engine writes for the same events.
//!
//! A CSV line says nothing of the other events, so a CSV export is streamed ([`CsvExport`]): the
//! events are read in date order a batch at a time, each batch made into events and written as
//! its lines, and the server holds one batch at once, whatever the export's size. GeoJSON lists
//! the unmapped events before the first feature, a package its places and actors before its
//! events, and a citation list starts with the count of its events: these are written whole in
//! memory ([`export`]), at most [`Sizes::whole`] events, with a 413 that names the bound past it.

use std::collections::BTreeMap;

use dateline::engine::query::QuerySpec;
use dateline::json::{Kind, Value};
use dateline::write::{self, ExportFormat};
use dateline::Store;

use super::answer::{totals, Dictionaries};
use super::backend::{self, Backend};
use super::entries::{as_named_store, event_columns};
use super::failure::{rows, Failure};
use super::sql::{Filters, OrderKey};

/// The most events an export written whole holds, unless `--export-limit` says otherwise.
pub const MAX_EXPORT: u64 = 200_000;

/// How many events a streamed export reads at a time, unless `--export-batch` says otherwise.
pub const EXPORT_BATCH: u64 = 10_000;

/// How large the server's exports may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// The most events an export written whole holds.
    pub whole: u64,
    /// How many events a streamed export reads at a time.
    pub batch: u64,
}

impl Default for Sizes {
    fn default() -> Sizes {
        Sizes {
            whole: MAX_EXPORT,
            batch: EXPORT_BATCH,
        }
    }
}

/// A written export: its text, MIME type and file name.
pub struct ExportFile {
    /// The file's text.
    pub text: String,
    /// Its MIME type.
    pub mime: &'static str,
    /// The name to save it under.
    pub file_name: String,
}

/// The format `name` names (a query string's `format=` value, decoded), checked.
pub fn format_of(name: Option<&str>) -> Result<ExportFormat, Failure> {
    let names = dateline::model::text::joined(", ", ExportFormat::ALL.iter().map(|f| f.as_str()));
    let name =
        name.ok_or_else(|| Failure::bad(format!("/export needs ?format=FORMAT, one of: {names}")))?;
    ExportFormat::from_name(name).ok_or_else(|| {
        Failure::bad(format!(
            "'{name}' is not an export format; use one of: {names}"
        ))
    })
}

/// The name an export of `store` is saved under, as the page's engine names it.
fn file_name(store: &Store, format: ExportFormat) -> String {
    let title = dateline::model::text::slug(&store.package().title, "dateline");
    format!("{title}.{}", format.extension())
}

/// The events `spec` selects, in date order, written whole as `format`; the file is named after
/// `name`, as the reader names a dataset after its file. More than `most` events get a 413. A
/// CSV export comes here only for a client of HTTP/1.0, which takes no chunks.
pub fn export(
    backend: &mut Backend,
    dict: &Dictionaries,
    spec: &QuerySpec,
    format: ExportFormat,
    name: &str,
    most: u64,
) -> Result<ExportFile, Failure> {
    let filters = Filters::of(spec).map_err(Failure::bad)?;
    dict.check_ids(&filters)?;
    let dialect = backend.dialect();
    // The count first, from the span counts a query reads too: past the bound, no text is read.
    let spans = rows(backend, &filters.spans(dialect))?;
    let (_, total, _, _) = totals(&filters, &spans, None);
    if u64::from(total) > most {
        let name = format.as_str();
        let message = if format == ExportFormat::Csv {
            format!(
                "export: more than {most} events match; over HTTP/1.0, which has no chunks, the server writes a CSV file whole, of at most {most} events: ask with HTTP/1.1, which gets it streamed whatever its size, or narrow the filters"
            )
        } else {
            format!(
                "export: more than {most} events match; a {name} file says something of every event before the first, so the server writes it whole, of at most {most} events: narrow the filters, or export CSV, which is streamed whatever its size"
            )
        };
        return Err(Failure {
            status: 413,
            message,
        });
    }
    let found = rows(
        backend,
        &filters.page(dialect, &event_columns(), (0, most), None, None),
    )?;
    let (store, order) = events_of(&found, name);
    Ok(ExportFile {
        text: write::export(&store, &order, format),
        mime: format.mime(),
        file_name: file_name(&store, format),
    })
}

/// The events of `found` (rows with [`event_columns`]) as a store titled after `name`, and
/// their rows in it, in `found`'s order.
fn events_of(found: &[Value], name: &str) -> (Store, Vec<u32>) {
    let (store, seqs) = as_named_store(found, name);
    let order = seqs
        .iter()
        .filter_map(|(id, _)| store.row_of(id).map(|r| r as u32))
        .collect();
    (store, order)
}

/// A CSV export being streamed: its first part (the header and the first batch's lines) read
/// before the answer starts, so that a failure up to then is answered as any other, then a
/// batch at a time.
pub struct CsvExport {
    filters: Filters,
    /// The dataset's name, which the events' document is named after.
    name: String,
    batch: u64,
    /// The first part, until it is sent.
    first: Option<String>,
    /// Where the next batch starts: after this event, or at the first when `None`.
    after: Option<OrderKey>,
    /// Set once the last batch was read.
    done: bool,
    /// The days the matches start on, in order, each with how many start on it: they bound a
    /// batch's days. Dropped if a batch finds fewer events than they promise, so that a count
    /// that is wrong costs time, never events.
    starts: Option<Vec<(i64, u64)>>,
    /// The name to save the file under.
    pub file_name: String,
}

impl CsvExport {
    /// Starts the CSV export of the events `spec` selects, in date order, `batch` at a time:
    /// the first batch is read now.
    pub fn start(
        backend: &mut Backend,
        dict: &Dictionaries,
        spec: &QuerySpec,
        name: &str,
        batch: u64,
    ) -> Result<CsvExport, Failure> {
        let filters = Filters::of(spec).map_err(Failure::bad)?;
        dict.check_ids(&filters)?;
        let spans = rows(backend, &filters.spans(backend.dialect()))?;
        let mut export = CsvExport {
            starts: Some(start_days(&filters, &spans)),
            filters,
            name: name.to_string(),
            batch: batch.max(1),
            first: None,
            after: None,
            done: false,
            file_name: String::new(),
        };
        let mut text = write::csv_header();
        let store = export.read(backend, &mut text)?;
        export.file_name = file_name(&store, ExportFormat::Csv);
        export.first = Some(text);
        Ok(export)
    }

    /// The next part of the file: the first part, then the lines of each batch; `None` once
    /// every event is written.
    pub fn next_part(&mut self, backend: &mut Backend) -> Result<Option<String>, Failure> {
        if let Some(first) = self.first.take() {
            return Ok(Some(first));
        }
        if self.done {
            return Ok(None);
        }
        let mut text = String::new();
        self.read(backend, &mut text)?;
        Ok(Some(text))
    }

    /// Reads the next batch and appends its lines to `text`; notes where the batch after it
    /// starts, or that there is none. The batch's events, as a store.
    fn read(&mut self, backend: &mut Backend, text: &mut String) -> Result<Store, Failure> {
        let from = self.after.map(|key| key.earliest);
        let days = self
            .starts
            .as_deref()
            .and_then(|starts| batch_days(starts, from, self.batch));
        let columns = format!("{}, earliest, latest", event_columns());
        let sql = self
            .filters
            .batch(backend.dialect(), &columns, self.after, days, self.batch);
        let found = rows(backend, &sql)?;
        if let Some(last) = found.last() {
            let day = |column: &str| match last.get(column) {
                None
                | Some(Value {
                    kind: Kind::Null, ..
                }) => Ok(None),
                value => backend::whole(value)
                    .map(Some)
                    .ok_or_else(|| unread(column)),
            };
            self.after = Some(OrderKey {
                earliest: day("earliest")?,
                latest: day("latest")?,
                seq: backend::whole(last.get("seq")).ok_or_else(|| unread("seq"))?,
            });
        }
        if (found.len() as u64) < self.batch {
            // Fewer than the counts promised: read on without them.
            if days.is_some() {
                self.starts = None;
            } else {
                self.done = true;
            }
        }
        let (store, order) = events_of(&found, &self.name);
        drop(found);
        write::csv_lines(&store, &order, text);
        Ok(store)
    }
}

/// The days the matches of `filters` start on, in order, each with how many start on it, from
/// the span counts (`spans`) of the events passing every filter but the date range.
fn start_days(filters: &Filters, spans: &[Value]) -> Vec<(i64, u64)> {
    let (dated, _, _, _) = totals(filters, spans, None);
    let (from, to) = filters.range.unwrap_or((None, None));
    let mut by_day: BTreeMap<i64, u64> = BTreeMap::new();
    for (a, _, n) in dated
        .into_iter()
        .filter(|&(a, b, _)| from.is_none_or(|f| b >= f) && to.is_none_or(|t| a <= t))
    {
        *by_day.entry(i64::from(a)).or_default() += u64::from(n);
    }
    by_day.into_iter().collect()
}

/// The first and last day the events of a batch of `batch` start on, when the batch starts
/// after an event that starts on `after` (`Some(None)`: an undated one), or at the first event
/// (`None`). The events of `after`'s day still to come come first, and those starting on the
/// days after it up to the last one fill a batch on their own. `None` when fewer dated events
/// are left, as undated ones may then be in the batch.
fn batch_days(starts: &[(i64, u64)], after: Option<Option<i64>>, batch: u64) -> Option<(i64, i64)> {
    let (first, later) = match after {
        None => (starts.first()?.0, 0),
        Some(day) => {
            let day = day?;
            (day, starts.partition_point(|&(d, _)| d <= day))
        }
    };
    let mut counted = 0u64;
    starts.get(later..)?.iter().find_map(|&(d, n)| {
        counted += n;
        (counted >= batch).then_some((first, d))
    })
}

/// The failure of an engine that gave an event's `column` as something other than a whole
/// number: the next batch would not know where to start.
fn unread(column: &str) -> Failure {
    Failure::engine(format!(
        "export: the engine gave an event's {column} as something other than a whole number"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_reads_the_days_its_events_start_on() {
        let starts = [(10, 3), (11, 1), (12, 4), (20, 2)];
        // From the first event: the first day on which the batch is full.
        assert_eq!(batch_days(&starts, None, 3), Some((10, 10)));
        assert_eq!(batch_days(&starts, None, 5), Some((10, 12)));
        // After an event of day 11: however many of day 11 are left, they come before those
        // of the later days, which fill the batch by themselves.
        assert_eq!(batch_days(&starts, Some(Some(11)), 4), Some((11, 12)));
        assert_eq!(batch_days(&starts, Some(Some(11)), 6), Some((11, 20)));
        assert_eq!(batch_days(&starts, Some(Some(11)), 7), None);
        // Fewer dated events left than a batch, or past the dated ones: the undated may follow.
        assert_eq!(batch_days(&starts, Some(Some(12)), 3), None);
        assert_eq!(batch_days(&starts, Some(None), 1), None);
        assert_eq!(batch_days(&starts, None, 11), None);
        assert_eq!(batch_days(&[], None, 1), None);
    }

    #[test]
    fn the_format_must_be_a_writers() {
        assert_eq!(format_of(Some("csv")).ok(), Some(ExportFormat::Csv));
        let wrong = format_of(Some("xlsx")).expect_err("a failure");
        assert_eq!(wrong.status, 400);
        assert!(wrong.message.contains("'xlsx'"), "{}", wrong.message);
        let missing = format_of(None).expect_err("a failure");
        assert!(missing.message.contains("?format="), "{}", missing.message);
    }
}
