//! Responses: a sentence with a response cue ("in retaliation", "in response to") makes its
//! events answer another: one done to an actor the sentence names before the event, else one
//! the sentence itself names after "for" or "to", else the latest act told before.

use super::cues::RESPONSE;
use super::families::family;
use super::lexicon::Target;
use super::reading::SentenceReading;
use super::report::{Report, Response};
use super::triggers::Told;
use crate::model::event_type::Family;

/// What the event at word `from` of sentence `s` answers, among the `earlier` reports of the
/// article and the events `told` in the sentence (which follow them).
pub(super) fn response_of(
    s: &SentenceReading,
    from: usize,
    earlier: &[Report],
    told: &Told,
) -> Option<Response> {
    let cue = RESPONSE
        .iter()
        .find(|c| s.joined.contains(&format!(" {c} ")))?;
    // Answering an event this sentence or an earlier one names.
    let named_actor: Vec<Target> = s
        .mentions
        .iter()
        .filter(|m| m.from < from)
        .map(|m| m.target)
        .collect();
    let answers = earlier
        .iter()
        .enumerate()
        .rev()
        .find(|(_, d)| {
            d.actors
                .iter()
                .any(|p| named_actor.contains(&p.actor) && matches!(p.role, "killed" | "target"))
        })
        .map(|(i, _)| i)
        .or_else(|| {
            // "… in retaliation, targeting those responsible for the January rocket attack",
            // "in response to recent rocket attacks": an event this sentence names after "for"
            // or "to".
            told.events
                .iter()
                .position(|e| {
                    let at = e.from;
                    at > from
                        && s.low[at.saturating_sub(4)..at]
                            .iter()
                            .any(|x| matches!(*x, "for" | "to"))
                })
                .map(|j| earlier.len() + j)
        })
        // Else the latest act told before (a statement is not what is answered).
        .or_else(|| {
            earlier
                .iter()
                .rposition(|d| family(d.event_type) != Some(Family::Diplomacy))
        });
    Some(Response {
        cue: cue.to_string(),
        answers,
    })
}
