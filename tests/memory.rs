//! What a large import holds in memory, part by part (`Store::memory`), against a budget per
//! event: the figure the benchmark reports at a million rows comes from these parts.

use dateline::Store;

/// A store of `n` synthetic ACLED rows, read as the explorer's worker reads a large file.
fn synthetic(n: usize) -> Store {
    let mut csv = Vec::new();
    dateline::write::synth::write_acled(n, 3, &mut csv).unwrap();
    let options = dateline::read::Options::default();
    let store =
        Store::new(dateline::read::Reading::from_source(std::rc::Rc::new(csv), &options).finish());
    assert!(store.in_file());
    assert_eq!(store.len(), n);
    store
}

#[test]
fn an_import_lists_each_part_largest_first_within_its_budget() {
    let n = 30_000;
    let store = synthetic(n);
    let parts = store.memory();
    let names: Vec<&str> = parts.iter().map(|&(name, _)| name).collect();
    for part in ["words", "ids", "events", "spans", "actors", "block counts"] {
        assert!(names.contains(&part), "{part} in {names:?}");
    }
    assert!(
        parts.windows(2).all(|w| w[0].1 >= w[1].1),
        "largest first: {parts:?}"
    );
    let total: usize = parts.iter().map(|&(_, bytes)| bytes).sum();
    let per_event = total / n;
    assert!(per_event <= 112, "{per_event} bytes an event: {parts:?}");
}
