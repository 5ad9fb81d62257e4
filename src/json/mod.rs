//! JSON as Dateline reads it, with the position of every value ([`mod@parse`]), and as it
//! writes it ([`mod@write`]); and decimal numbers in both directions (`number.rs`:
//! [`parse_decimal`], [`push_decimal`]).

mod number;
pub mod parse;
pub mod write;

pub use number::{decimal, parse_decimal, push_decimal};
pub use parse::{parse, Kind, LineIndex, Member, Parsed, SyntaxProblem, Value, MAX_DEPTH};
pub use write::{
    number_text, push_int, push_number, push_quoted, quote, JsonFields, Object, ToJson,
};
