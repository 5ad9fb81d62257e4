//! What every reader's fuzz target checks: reading never panics; reading and laying out in small
//! steps (as the page does) gives what reading at once gives; and the store built from the bytes
//! answers a query, writes its page of summaries, opens the cards of its first events and writes
//! every export.

use dateline::export::{export, ExportFormat};
use dateline::ingest::{read_with, Format, Options, Reading};
use dateline::query::{self, QuerySpec};
use dateline::store::Layout;

pub fn exercise(data: &[u8], format: Format) {
    let options = Options { format: Some(format), name: "fuzz".into(), ..Options::default() };
    let whole = read_with(data, &options);
    let mut reading = Reading::new(data.to_vec(), &options);
    while !reading.step(3) {}
    let stepped = reading.finish();
    assert_eq!(stepped.package, whole.package, "read in steps");
    assert_eq!(stepped.problems, whole.problems, "read in steps");
    let mut layout = Layout::new(stepped);
    while !layout.step(5) {}
    let store = layout.finish();
    let spec = QuerySpec { text: "a".into(), with_rows: true, lane_width: Some(800.0), ..QuerySpec::default() };
    let result = query::run(&store, &spec).expect("a default query always answers");
    query::summaries_json(&store, &result.page);
    for summary in query::summaries(&store, &result.page).iter().take(3) {
        query::details(&store, &summary.id).expect("listed events have cards");
    }
    for format in ExportFormat::ALL {
        export(&store, &result.rows, format);
    }
}
