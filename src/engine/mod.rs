//! The store, which keeps a package's events in columns sorted by date, and the questions the
//! explorer asks of it: one filter spec in, everything a view draws out.

pub mod cluster;
pub mod places;
pub mod query;
pub mod store;
pub mod timeline;
