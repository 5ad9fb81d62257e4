//! Dateline: the core of an explorer for news and conflict events.
//!
//! The core reads event packages ([`ingest`]), checks them and reports every problem with where it
//! is, keeps the events in a columnar [`store`] sorted by date, and answers the explorer's
//! questions through [`query`]. It is plain Rust with no I/O and no clock; `src/wasm.rs` is the
//! only file that knows about WebAssembly.

#![forbid(unsafe_code)]

pub mod basemap;
pub mod calendar;
pub mod cluster;
pub mod csv;
pub mod edtf;
pub mod error;
pub mod event_type;
pub mod export;
pub mod extract;
pub mod html;
mod ids;
pub mod ingest;
pub mod json;
pub mod link;
pub mod model;
pub mod problem;
pub mod query;
pub mod store;
#[cfg(feature = "importers")]
pub mod synth;
pub mod text;
pub mod timeline;
mod word_index;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind};

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
pub use problem::{Problem, Severity};
pub use store::Store;

/// Reads a package from the bytes of a JSON file and lays it out for queries.
pub fn load_package(bytes: &[u8]) -> Store {
    Store::new(ingest::read_package(bytes))
}
