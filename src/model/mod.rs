//! The event package and what it is made of: documents, places, actors and events
//! ([`package`]), EDTF dates and their day spans ([`edtf`]) on the [`calendar`], the
//! [`event_type`]s, the [`csv_columns`] of ACLED and Dateline exports, the [`problem`]s found in
//! data and the [`error`]s of the API, [`link`]s kept only when http(s), and [`text`] folded for
//! search.

pub mod calendar;
pub mod csv_columns;
pub mod edtf;
pub mod error;
pub mod event_type;
pub mod link;
pub mod package;
pub mod problem;
pub mod text;

pub use package::*;
