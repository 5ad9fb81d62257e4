//! Dateline: the core of an explorer for news and conflict events.
//!
//! The crate is in layers, each of which uses only those below it (a test, `tests/layers.rs`,
//! holds it to that):
//!
//! - [`json`]: JSON read with the position of every value, and written;
//! - [`model`]: the event package, EDTF dates and day spans, the calendar, event types,
//!   problems, errors, links and text folding;
//! - [`columns`]: what the store keeps of each event, as readers gather it;
//! - [`read`]: every input format into a package and its problems;
//! - [`engine`]: the store, in columns sorted by date, and the explorer's questions;
//! - [`write`](mod@write): exports (CSV, GeoJSON, package, citations) and synthetic datasets;
//! - [`extract`]: draft events from the text of articles;
//! - `wasm` (built for WebAssembly only) and the `dateline` command (`src/cli/`) on top.
//!
//! It is plain Rust with no I/O and no clock; `src/wasm/` is the only code that knows about
//! WebAssembly.

#![forbid(unsafe_code)]

pub mod columns;
pub mod engine;
pub mod extract;
pub mod json;
pub mod model;
pub mod read;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod write;

pub use engine::store::Store;
pub use model::error::{Error, ErrorKind};
pub use model::problem::{Problem, Severity};

/// The core's maps and sets: hashbrown's tables with the Fx hash of `rustc-hash`, which is fast
/// on the short keys the core has (ids, names, words). The tables need no protection against
/// chosen collisions, and the same keys hash alike on every run.
pub(crate) type Map<K, V> = hashbrown::HashMap<K, V, rustc_hash::FxBuildHasher>;
/// See [`Map`].
pub(crate) type Set<T> = hashbrown::HashSet<T, rustc_hash::FxBuildHasher>;

/// The hash a [`Map`] gives `bytes`, for the tables that keep their keys apart (ids, words).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(bytes)
}

/// Reads a package from the bytes of a JSON file and lays it out for queries.
pub fn load_package(bytes: &[u8]) -> Store {
    Store::new(read::read_package(bytes))
}
