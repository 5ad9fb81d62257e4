//! Errors of the core's API: a question it cannot answer, and why.
//!
//! Problems in *data* are not errors: loading reports them as [`crate::model::problem::Problem`]s and
//! goes on. An [`Error`] is a request the core refuses, such as a filter naming a place the data
//! does not have.

use std::fmt;

/// An error of the core's API. See [`ErrorKind`] for what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A field of a query spec is wrong.
    Spec {
        /// The field, as the spec names it (`from`, `places`).
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// No event has this id.
    UnknownEvent {
        /// The id asked for.
        id: String,
    },
}

impl Error {
    /// An error in the spec field `field`.
    pub fn spec(field: &str, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorKind::Spec {
            field: field.to_string(),
            message: message.into(),
        }))
    }

    /// No event has the id `id`.
    pub fn unknown_event(id: &str) -> Error {
        Error(Box::new(ErrorKind::UnknownEvent { id: id.to_string() }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Spec { field, message } => write!(f, "query '{field}': {message}"),
            ErrorKind::UnknownEvent { id } => write!(f, "there is no event with the id '{id}'"),
        }
    }
}

impl std::error::Error for Error {}
