//! What a speaker says of its own conduct with no verb of saying ("U.S. forces will continue
//! to …", "We remain committed to …", "Our thoughts are with …"): a saying of its own.

use super::frames::{frame, Frame};
use super::grammar::is_preposition;
use super::lexicon::{Lexicon, Target};
use super::reading::SentenceReading;
use super::saying_words::is_manner;
use super::saying_words::CONDOLENCES;

/// What a speaker says of its own conduct, with no verb of saying: "U.S. forces will continue
/// to use all authorized measures", "We remain committed to …", "We extend our deepest
/// condolences", "Our thoughts are with …". The speaker is the sentence's subject, "we", "I"
/// or an actor on the side of the `publisher`, named before the words that pledge; a sentence
/// that is someone else's quoted words, or that names its speaker otherwise, is left to that
/// saying.
pub(super) fn pledged(
    s: &SentenceReading,
    lexicon: &Lexicon,
    publisher: Option<Target>,
) -> Option<Frame> {
    let n = s.low.len();
    let at = |k: usize| s.low.get(k).copied().unwrap_or("");
    let (v, subject_end) = (1..n).find_map(|v| {
        let end = if s.low[v] == "continue" { v - 1 } else { v };
        commits(s, v).then_some((v, end))
    })?;
    // The subject: from the sentence's start, or after a fronted phrase set off by a comma
    // ("Today, …"), up to the pledge.
    let start = (0..subject_end)
        .rev()
        .find(|&k| s.words[k].clause < s.words[subject_end.min(n - 1)].clause)
        .map_or(0, |k| k + 1);
    // "Our commitment to our allies, including Japan, remains ironclad": one subject, commas
    // and all.
    let start = if at(0) == "our" && matches!(s.low[v], "remain" | "remains") {
        0
    } else {
        start
    };
    // "I would like to extend", "we also offer": the subject before its modal and adverbs.
    let mut end = subject_end;
    while end > start
        && (is_manner(s.low[end - 1])
            || matches!(
                s.low[end - 1],
                "would" | "like" | "to" | "want" | "wish" | "also" | "again" | "once"
            ))
    {
        end -= 1;
    }
    // "… and in our campaign to defeat ISIL we will continue to do so": "we".
    let start = match s.low[start..end].last() {
        Some(&"we") | Some(&"i") => end - 1,
        _ => start,
    };
    let subject_end = end;
    let subject = &s.low[start..subject_end];
    if subject.first().is_some_and(|w| is_preposition(w)) {
        return None;
    }
    let own = match subject {
        ["we"] | ["i"] => true,
        [.., "and", "i"] | [.., "and", "we"] if subject.len() <= 4 => true,
        ["our", "thoughts"] | ["our", "thoughts", "and", "prayers"] => true,
        // "Our commitment to the defense of our allies … remains ironclad."
        ["our", ..] if matches!(s.low[v], "remain" | "remains") => true,
        _ => {
            // A body named speaks for itself only in its own side's release: "ISIL will
            // continue to resort to cowardly attacks" in a State Department statement says
            // what ISIL does, not what it said.
            subject.len() <= 8
                && s.mentions.iter().any(|m| {
                    matches!(m.target, Target::Actor(_))
                        && start <= m.from
                        && m.to <= subject_end
                        && publisher.is_some_and(|q| lexicon.same_side(q, m.target))
                })
                && !subject
                    .iter()
                    .any(|w| matches!(*w, "who" | "which" | "that"))
        }
    };
    if !own {
        return None;
    }
    let speaker = if subject.first() == Some(&"our") {
        (start, start + 1)
    } else {
        (start, subject_end)
    };
    let mut f = frame(s, lexicon, v, speaker, (v, n), true, false);
    f.first_person |= subject.first() == Some(&"our");
    Some(f)
}

/// Whether the word at `v` pledges: "will continue to", "remain committed", "stand with",
/// "extend our condolences", "our thoughts are", "join … in grieving", "we will hold", "is
/// fully committed to".
fn commits(s: &SentenceReading, v: usize) -> bool {
    let n = s.low.len();
    let at = |k: usize| s.low.get(k).copied().unwrap_or("");
    let w = s.low[v];
    match w {
        "continue" => at(v - 1) == "will" && at(v + 1) == "to",
        "remain" | "remains" => matches!(
            at(v + 1),
            "committed"
                | "vigilant"
                | "ready"
                | "prepared"
                | "steadfast"
                | "resolute"
                | "determined"
                | "unwavering"
                | "fully"
                | "ironclad"
                | "unshakable"
                | "unchanged"
        ),
        // "We stand in solidarity with the survivors".
        "stand" | "stands" => {
            matches!(at(v + 1), "ready" | "with" | "united" | "by")
                || at(v + 1) == "in" && at(v + 2) == "solidarity"
        }
        "extend" | "extends" | "send" | "sends" | "offer" | "offers" => {
            (v + 1..n.min(v + 5)).any(|k| CONDOLENCES.contains(&s.low[k]))
        }
        "are" if matches!(at(v - 1), "thoughts" | "prayers") => true,
        // "Jill and I join the families … in grieving": a first person's words.
        "join" | "joins" => (v + 1..n.min(v + 12)).any(|k| {
            matches!(
                s.low[k],
                "grieving" | "mourning" | "mourn" | "condemning" | "condolences" | "praying"
            )
        }),
        // "We will hold all those responsible to account": a first person's resolve.
        "will" => {
            matches!(at(v - 1), "we" | "i")
                && matches!(
                    at(v + 1),
                    "hold" | "keep" | "strive" | "carry" | "not" | "never" | "work" | "take"
                )
        }
        // "U.S. Pacific Command is fully committed to"
        "is" | "are" | "am" => {
            let k = (v + 1..n).find(|&k| !is_manner(s.low[k])).unwrap_or(n);
            matches!(at(k), "committed" | "determined" | "resolved") && at(k + 1) == "to"
        }
        _ => false,
    }
}
