//! Event types as the extractor groups them: by family (strikes, unrest, diplomacy, …), and
//! within a family by slot, so that a meeting, a statement and a decision stay apart.

use crate::model::event_type::{self, Family};

/// The family of event type `ty`, when the taxonomy knows it.
pub(super) fn family(ty: &str) -> Option<Family> {
    event_type::find(ty).map(|t| t.family)
}

/// The slot of event type `ty`: events of one slot in one clause collapse into one, and
/// reports of different slots are never merged.
pub(super) fn slot(ty: &str) -> &'static str {
    match ty {
        "statement" => "statement",
        "resolution" | "agreement" => "decision",
        "meeting" | "visit" => "meeting",
        _ => "event",
    }
}
