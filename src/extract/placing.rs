//! The place of an event: the most specific place of the gazetteer named in its clause, or
//! just after it behind a locative word ("…, in the city of Erbil"), nearest the cue among
//! equals; and a finer place from a later sentence that refers back to it.

use super::cues::LOCATIVE;
use super::lexicon::{Lexicon, Target};
use super::names::Mention;
use super::reading::SentenceReading;
use super::report::Placed;

/// The place of the event at word `from` of sentence `s`.
pub(super) fn place_of(s: &SentenceReading, lexicon: &Lexicon, from: usize) -> Option<Placed> {
    let w = s.words;
    let clause = w[from].clause;
    let mut best: Option<(usize, usize, usize, &Mention)> = None;
    for m in &s.mentions {
        let Target::Place(p) = m.target else { continue };
        let in_clause = w[m.from].clause == clause;
        let next_clause_start = w[m.from].clause == clause + 1
            && w.iter()
                .position(|x| x.clause == clause + 1)
                .is_some_and(|first| LOCATIVE.contains(&s.low[first]) && m.from <= first + 4);
        if !(in_clause || next_clause_start) {
            continue;
        }
        let score = lexicon.depth[p] * 10 + if in_clause { 5 } else { 0 };
        let dist = m.from.abs_diff(from);
        if best.is_none_or(|(s, d, _, _)| score > s || (score == s && dist < d)) {
            best = Some((score, dist, p, m));
        }
    }
    best.map(|(_, _, p, m)| placed(s, p, m))
}

/// A finer place for `placed` among the places sentence `s` names: one that lies within it.
/// The last such place named wins.
pub(super) fn refine(placed: &mut Placed, s: &SentenceReading, lexicon: &Lexicon) {
    let current = placed.place;
    for m in &s.mentions {
        let Target::Place(p) = m.target else { continue };
        if p != current && lexicon.within(p, current) {
            *placed = self::placed(s, p, m);
        }
    }
}

/// Place `p` as mention `m` of sentence `s` names it.
fn placed(s: &SentenceReading, p: usize, m: &Mention) -> Placed {
    Placed {
        place: p,
        words: s.written(m.from, m.to),
        near: m.from > 0 && s.low[m.from - 1] == "near",
    }
}
