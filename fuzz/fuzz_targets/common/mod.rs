//! What every reader's fuzz target checks: reading never panics; reading and laying out in small
//! steps (as the page does), through small windows of the file, gives what reading at once gives
//! (an ACLED export keeps its events in the file and makes them again); and the store built from
//! the bytes answers a query as the other does, writes its page of summaries, opens the cards of
//! its first events and writes every export.

use std::rc::Rc;

use dateline::write::{export, ExportFormat};
use dateline::read::{read_with, Format, Options, Reading, Source};
use dateline::engine::query::{self, QuerySpec};
use dateline::engine::store::Layout;
use dateline::Store;

pub fn exercise(data: &[u8], format: Format) {
    let options = Options { format: Some(format), name: "fuzz".into(), ..Options::default() };
    let whole = read_with(data, &options);
    // The first byte picks a window of 1 to 64 bytes, so records are cut at every place.
    let window = data.first().map_or(1, |&b| usize::from(b % 64) + 1);
    let source: Rc<dyn Source> = Rc::new(data.to_vec());
    let mut reading = Reading::with_window(source, &options, window);
    while !reading.step(3) {}
    let stepped = reading.finish();
    assert_eq!(stepped.problems, whole.problems, "read in steps");
    assert_eq!(stepped.summary, whole.summary, "read in steps");
    let mut layout = Layout::new(stepped);
    while !layout.step(5) {}
    let store = layout.finish();
    let whole_store = Store::new(whole);
    assert_eq!(store.to_package(), whole_store.to_package(), "read in steps");
    let spec = QuerySpec { text: "a".into(), with_rows: true, lane_width: Some(800.0), ..QuerySpec::default() };
    let result = query::run(&store, &spec).expect("a default query always answers");
    assert_eq!(result, query::run(&whole_store, &spec).unwrap(), "the same answers");
    query::summaries_json(&store, &result.page);
    for summary in query::summaries(&store, &result.page).iter().take(3) {
        query::details(&store, &summary.id).expect("listed events have cards");
    }
    for format in ExportFormat::ALL {
        export(&store, &result.rows, format);
    }
}
