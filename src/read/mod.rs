//! Reading data files into a [`Package`](crate::model::Package) and a list of
//! [`Problem`](crate::Problem)s.
//!
//! Readers never stop at the first problem and never panic on input: a broken item is skipped
//! or repaired and reported, and everything else loads. [`read`] detects the format from the
//! content (see [`Format`]) unless told which it is.
//!
//! The readers of formats other than Dateline's own packages (the importers) are built with the
//! `importers` feature, on by default. The engine a page downloads first is built without it:
//! it reads packages, and the page fetches the engine with the importers for any other format.

#[cfg(feature = "importers")]
pub(crate) mod acled;
#[cfg(feature = "importers")]
mod builder;
pub mod csv;
mod file;
mod format;
mod gazetteer;
pub mod html;
mod loaded;
mod options;
mod package;
#[cfg(feature = "importers")]
mod plain_csv;
#[cfg(feature = "importers")]
mod row_starts;
mod source;
#[cfg(feature = "importers")]
mod table;
#[cfg(feature = "importers")]
mod timelinejs;
#[cfg(feature = "importers")]
mod ucdp;
#[cfg(feature = "importers")]
mod windowed;

pub use gazetteer::Gazetteer;
#[cfg(feature = "importers")]
pub use plain_csv::{parse_loose_date, ROLES as CSV_COLUMN_ROLES};
#[cfg(feature = "importers")]
pub use windowed::FileRows;

pub use package::read_package;

pub use file::{read, read_with, Reading};
pub use format::{Format, ACLED_SIGNATURE, SHEET_SIGNATURE, UCDP_SIGNATURE};
pub(crate) use loaded::KeptRows;
pub use loaded::Loaded;
pub use options::{parse_columns, Options};
pub use source::{Source, WINDOW};
