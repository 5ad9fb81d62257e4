//! What every reader's fuzz target checks: reading never panics, and the store built from the
//! bytes answers a query, opens the cards of its first events and writes every export.

use dateline::export::{export, ExportFormat};
use dateline::ingest::{read, Format};
use dateline::query::{self, QuerySpec};
use dateline::Store;

pub fn exercise(data: &[u8], format: Format) {
    let store = Store::new(read(data, Some(format), "fuzz"));
    let spec = QuerySpec { text: "a".into(), with_rows: true, lane_width: Some(800.0), ..QuerySpec::default() };
    let result = query::run(&store, &spec).expect("a default query always answers");
    for id in result.page.iter().take(3).map(|s| s.id.clone()) {
        query::details(&store, &id).expect("listed events have cards");
    }
    for format in ExportFormat::ALL {
        export(&store, &result.rows, format);
    }
}
