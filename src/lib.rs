//! Dateline: the core of an explorer for news and conflict events.
//!
//! The core reads event packages ([`ingest`]), checks them and reports every problem with where it
//! is, keeps the events in a columnar [`store`] sorted by date, and answers the explorer's
//! questions through [`query`]. It is plain Rust with no I/O and no clock; `src/wasm.rs` is the
//! only file that knows about WebAssembly.

pub mod calendar;
pub mod edtf;
pub mod json;
