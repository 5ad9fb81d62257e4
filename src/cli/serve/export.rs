//! Exports: every event a spec's filters select, read from the events table, made into events by
//! Dateline's own ACLED reader (as cards are) and written by the crate's writers, so that the
//! file holds the bytes the page's engine writes for the same events.
//!
//! The writers take a whole store, and GeoJSON and a package say things about every event before
//! the first one's own text, so an export is written whole in memory: at most [`MAX_EXPORT`]
//! events, and a 413 that names the bound past it.

use dateline::engine::query::QuerySpec;
use dateline::write::{self, ExportFormat};

use super::answer::{totals, Dictionaries};
use super::backend::Backend;
use super::entries::{as_named_store, event_columns};
use super::failure::{rows, Failure};
use super::sql::Filters;

/// The most events one export writes.
pub const MAX_EXPORT: u64 = 200_000;

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

/// The events `spec` selects, in date order, written as `format`; the file is named after
/// `name`, as the reader names a dataset after its file.
pub fn export(
    backend: &mut Backend,
    dict: &Dictionaries,
    spec: &QuerySpec,
    format: ExportFormat,
    name: &str,
) -> Result<ExportFile, Failure> {
    let filters = Filters::of(spec).map_err(Failure::bad)?;
    dict.check_ids(&filters)?;
    let dialect = backend.dialect();
    // The count first, from the span counts a query reads too: past the bound, no text is read.
    let spans = rows(backend, &filters.spans(dialect))?;
    let (_, total, _, _) = totals(&filters, &spans, None);
    if u64::from(total) > MAX_EXPORT {
        return Err(Failure {
            status: 413,
            message: format!(
                "export: more than {MAX_EXPORT} events match; the server writes at most {MAX_EXPORT} in one file: narrow the filters"
            ),
        });
    }
    let found = rows(
        backend,
        &filters.page(dialect, &event_columns(), (0, MAX_EXPORT), None, None),
    )?;
    let (store, seqs) = as_named_store(&found, name);
    let order: Vec<u32> = seqs
        .iter()
        .filter_map(|(id, _)| store.row_of(id).map(|r| r as u32))
        .collect();
    let title = dateline::model::text::slug(&store.package().title, "dateline");
    Ok(ExportFile {
        text: write::export(&store, &order, format),
        mime: format.mime(),
        file_name: format!("{title}.{}", format.extension()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
