//! Any bytes read as package: never a panic, and the store built from them answers a query and
//! every export.
#![no_main]

use dateline::export::{export, ExportFormat};
use dateline::ingest::{read, Format};
use dateline::query::{self, QuerySpec};
use dateline::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let store = Store::new(read(data, Some(Format::Package), "fuzz"));
    let spec = QuerySpec { text: "a".into(), with_rows: true, lane_width: Some(800.0), ..QuerySpec::default() };
    let result = query::run(&store, &spec).expect("a default query always answers");
    for id in result.page.iter().take(3).map(|s| s.id.clone()) {
        query::details(&store, &id).expect("listed events have cards");
    }
    for format in ExportFormat::ALL {
        export(&store, &result.rows, format);
    }
});
