//! Why a request failed, as the server answers it: an HTTP status and a message.

use dateline::json::Value;

use super::backend::Backend;

/// Why a request failed: an HTTP status and a message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// 400 for a request the server cannot answer, 404 for an unknown event, 500 when the
    /// engine failed.
    pub status: u16,
    /// What went wrong.
    pub message: String,
}

impl Failure {
    /// A request the server cannot answer as asked.
    pub fn bad(message: impl Into<String>) -> Failure {
        Failure {
            status: 400,
            message: message.into(),
        }
    }

    /// The engine's error.
    pub fn engine(message: String) -> Failure {
        Failure {
            status: 500,
            message,
        }
    }
}

/// Runs `sql`, turning the engine's error into a [`Failure`].
pub fn rows(backend: &mut Backend, sql: &str) -> Result<Vec<Value>, Failure> {
    backend.rows(sql).map_err(Failure::engine)
}
