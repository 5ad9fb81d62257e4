//! Who says so: the attributions of a sentence ("…, a U.S. official said", "according to Iraq's
//! military, …", "X told VOA …"), each with the speaker's words as written, the actor they name
//! if any, and the words said. What lies inside an attribution is the speaker's account, not
//! the text's own: an act's doer found there is recorded as suspected, according to the
//! speaker, unless the speaker speaks for the doer; a figure there is the speaker's figure.

use super::arguments::actor_mentions;
use super::grammar::{
    is_be, is_determiner, is_have, is_passive, is_preposition, is_subject_pronoun,
};
use super::lexicon::{Lexicon, Target};
use super::names::Mention;
use super::reading::SentenceReading;
use super::saying_words::{
    ends_soon, in_name, is_date_word, is_manner, is_noun_use, is_stance, joins_in, past_date,
    possessive_before, progressive_stance, reporting, saying_by, stance_phrase, vehicle, BLAME,
    FEELING, NOUN_SAYINGS, OFFICES, OF_SAYINGS, STATEMENT_NOUNS,
};
use super::speaker_words::{appositive_head, can_be_speaker, trim_speaker};

/// Whether the word of feeling at `v` is said of its subject: after a form of "be" or
/// "remain", an adverb or two between ("is gravely concerned", "remain deeply alarmed").
fn felt(s: &SentenceReading, v: usize) -> bool {
    let mut k = v;
    while k > 0 && is_manner(s.low[k - 1]) {
        k -= 1;
    }
    k > 0 && (is_be(s.low[k - 1]) || matches!(s.low[k - 1], "remain" | "remains" | "remained"))
}

/// One attribution in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    /// The reporting verb's word (for "according to", the word "according").
    pub(super) verb: usize,
    /// The words naming the speaker.
    pub(super) speaker: (usize, usize),
    /// The speaker as written ("a U.S. official", "Iraq's military").
    pub(super) words: String,
    /// The actor who speaks, if the lexicon or a title knows it: a person named, or a body
    /// that is the speaker itself ("Iraq's military said"), not one that only qualifies an
    /// office ("a U.S. official said").
    pub(super) actor: Option<Target>,
    /// The actor the speaker speaks for: the speaker, or the body its office belongs to ("a
    /// U.S. Central Command official").
    pub(super) side: Option<Target>,
    /// The words said (a half-open range of word indexes).
    pub(super) content: (usize, usize),
    /// The verb takes a stance: the saying is news in itself.
    pub(super) stance: bool,
    /// The verb names someone else as the doer ("blamed", "accused").
    pub(super) blame: bool,
    /// The speaker is "we" or "I": the document's own voice.
    pub(super) first_person: bool,
    /// One of several joined in another's stance, its saying told at its name ("joins ECOWAS,
    /// the African Union … in condemning").
    pub(super) joined: bool,
}

impl Frame {
    /// Whether word `i` lies in what is said.
    pub(super) fn covers(&self, i: usize) -> bool {
        self.content.0 <= i && i < self.content.1
    }

    /// Whether the saying looks back on what it names ("condemns the attack", "is saddened by
    /// the attacks"): a stance verb that takes what it is about as its object.
    pub(super) fn looks_back(&self, s: &SentenceReading) -> bool {
        self.stance
            && OBJECT_STANCE
                .iter()
                .any(|stem| s.low[self.verb].starts_with(stem))
    }
}

/// Whether the reporting verb at `v` ends a byline: "… reports from Kabul." closing the
/// sentence, a place's name after "from" and nothing else.
fn byline(s: &SentenceReading, v: usize) -> bool {
    matches!(s.low[v], "reports" | "reported" | "reporting")
        && s.low.get(v + 1) == Some(&"from")
        && v + 2 < s.low.len()
        && s.low.len() <= v + 5
        && (v + 2..s.low.len()).all(|k| s.words[k].capital)
}

/// The attributions of sentence `s`.
pub(super) fn frames(s: &SentenceReading, lexicon: &Lexicon) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    // A release's own lines: "Statement from Commander, U.S. Forces Japan, Lt. Gen. X:",
    // "- Attributed to Lt Gen X, Commander, 9th AF": X speaks.
    if let Some(f) = release_line(s, lexicon) {
        return vec![f];
    }
    let n = s.low.len();
    for v in 0..n {
        let w = s.low[v];
        if w == "according" && s.low.get(v + 1) == Some(&"to") {
            out.extend(according_to(s, lexicon, v));
        } else if matches!(w, "vow" | "pledge" | "promise")
            && v > 0
            && matches!(s.low[v - 1], "his" | "her" | "their")
        {
            out.extend(possessed_word(s, lexicon, v));
        } else if NOUN_SAYINGS.contains(&w)
            && (possessive_before(s, v) || s.low.get(v + 1) == Some(&"by"))
            || OF_SAYINGS.contains(&w) && s.low.get(v + 1) == Some(&"of")
            || STATEMENT_NOUNS.contains(&w) && saying_by(s, v).is_some() && !vehicle(s, v)
        {
            out.extend(named_saying(s, lexicon, v));
        } else if PARTICIPLES.contains(&w) && v > 0 && s.words[v - 1].clause < s.words[v].clause {
            out.extend(participle(s, lexicon, v));
        } else if stance_phrase(s, v) {
            out.extend(reported(s, lexicon, v).map(|f| Frame { stance: true, ..f }));
        } else if w == "blamed"
            && s.low.get(v + 1) == Some(&"on")
            && v > 0
            && !is_be(s.low[v - 1])
            && !(is_have(s.low[v - 1]) || s.low[v - 1] == "been")
        {
            // "an attack on their post blamed on jihadists": blamed by no one named; the
            // words before are the act, not a speaker, and no one speaks.
            continue;
        } else if let Some(j) = joins_in(s, v) {
            // "The U.S. Embassy joins UNICEF in strongly condemning the attack": the subject
            // takes the stance, and so does the one it joins; "the UK joined 11 countries in a
            // statement warning …": the subject speaks in the statement.
            let said = (v + 1, n);
            out.extend(reported(s, lexicon, j).map(|f| Frame {
                verb: v,
                content: said,
                stance: true,
                ..f
            }));
            // One statement made together is one saying: "joined 11 countries in a statement".
            if s.low[v] != "statement" {
                let at = (j + 1..v).find(|&k| s.low[k] == "in").unwrap_or(v);
                // "stands with Kenya in condemning": those stood with are after "with".
                let first = if s.low.get(j + 1) == Some(&"with") {
                    j + 2
                } else {
                    j + 1
                };
                out.extend(joined(s, lexicon, j, (first, at), said));
            }
        } else if progressive_stance(s, v) {
            // "Hadi is demanding Houthi rebels withdraw", "officials are denying that …".
            out.extend(reported(s, lexicon, v).map(|f| Frame { stance: true, ..f }));
        } else if reporting(w)
            && !is_noun_use(s, v)
            && !in_name(s, v)
            // "Pentagon leaders were notified": who is told is no speaker.
            && (w != "notified" || v == 0 || !is_be(s.low[v - 1]))
            // "VOA correspondent Steve Herman reports from Kabul.": a byline, nothing said.
            && !byline(s, v)
            // "… and has so far not reported any injuries": nothing said.
            && !(v.saturating_sub(3)..v).any(|k| matches!(s.low[k], "not" | "never" | "n't"))
            && (!FEELING.contains(&w) || felt(s, v))
        {
            let found = passive_by(s, lexicon, v).or_else(|| reported(s, lexicon, v));
            // "The State Department says it is aware of reports …, and called on the Iraqi
            // government to …": a second verb joined by "and" has the first one's speaker.
            let joined = || {
                let before = out
                    .iter()
                    .rfind(|f| f.actor.is_some())
                    .filter(|_| v > 0 && s.low[v - 1] == "and")?;
                let f = frame(s, lexicon, v, before.speaker, (v + 1, n), false, false);
                Some(Frame {
                    stance: is_stance(w),
                    blame: BLAME.contains(&w),
                    ..f
                })
            };
            let found = found.or_else(joined);
            // "The United States, the UK, the European Union, France … condemned the
            // seizure": each body of a list of three or more takes the stance.
            let listed = found
                .as_ref()
                .filter(|f| f.stance && is_stance(w))
                .map(|f| listed_speakers(s, lexicon, f));
            out.extend(found);
            out.extend(listed.into_iter().flatten());
        }
    }
    out.retain(|f| can_be_speaker(s, f.speaker.0, f.speaker.1));
    // "“As President Biden has made clear, we will …,” said Secretary Austin": what another
    // said before is an aside; the sentence's speaker is the one who says it.
    let aside = |f: &Frame| {
        let at = if s.low.get(f.speaker.0) == Some(&"as") {
            f.speaker.0
        } else if f.speaker.0 > 0 && s.low[f.speaker.0 - 1] == "as" {
            f.speaker.0 - 1
        } else {
            return false;
        };
        // Inside the quotation: "“As …".
        s.text[..s.words[at].start].trim_end().ends_with(['"', '“'])
    };
    if out.iter().any(|f| !aside(f)) {
        out.retain(|f| !aside(f));
    }
    out
}

/// The frames of those joined in a stance, named by words `within` after the "join" at `j`:
/// one, or each of a list of bodies ("joins ECOWAS, the African Union, the United Nations and
/// other partners in condemning"), each its own saying, told at its name.
fn joined(
    s: &SentenceReading,
    lexicon: &Lexicon,
    j: usize,
    within: (usize, usize),
    said: (usize, usize),
) -> Vec<Frame> {
    let listed: Vec<_> = actor_mentions(s)
        .filter(|m| within.0 <= m.from && m.to <= within.1)
        .collect();
    if listed.len() < 2 || listed.iter().any(|m| s.is_person(lexicon, m.target)) {
        return vec![frame(s, lexicon, j, within, said, true, false)];
    }
    listed
        .iter()
        .map(|m| said_at_name(s, lexicon, m, said))
        .collect()
}

/// The stance of the body named by `m`, joined in another's: its saying, with the words
/// `content`, told at its name.
fn said_at_name(
    s: &SentenceReading,
    lexicon: &Lexicon,
    m: &Mention,
    content: (usize, usize),
) -> Frame {
    Frame {
        joined: true,
        ..frame(s, lexicon, m.from, (m.from, m.to), content, true, false)
    }
}

/// The frames of the bodies after the first in a list of three or more that speaks in frame
/// `f` ("The United States, the UK, the European Union, and France condemned"): each its
/// own saying, told at its name. The list runs back from the verb over names, "and", "the"
/// and capitalised words, and is the sentence's opening. None when the speaker is no such list.
fn listed_speakers(s: &SentenceReading, lexicon: &Lexicon, f: &Frame) -> Vec<Frame> {
    let in_list =
        |i: usize| in_name(s, i) || matches!(s.low[i], "and" | "the") || s.words[i].capital;
    let mut from = f.verb;
    while from > 0 && (in_list(from - 1) || is_manner(s.low[from - 1])) {
        from -= 1;
    }
    let listed: Vec<_> = actor_mentions(s)
        .filter(|m| from <= m.from && m.to <= f.verb)
        .collect();
    let commas = s.words[from..f.verb]
        .windows(2)
        .filter(|w| s.text[w[0].end..w[1].start].trim() == ",")
        .count();
    // Bodies listed with commas; or "President Barack Obama, Secretary of State John F. Kerry
    // and Defense Secretary Chuck Hagel condemned …": people, each named with a title, joined
    // by commas and one "and". Never bodies and people mixed.
    let people = listed
        .iter()
        .filter(|m| s.is_person(lexicon, m.target))
        .count();
    let ands = (from..f.verb).filter(|&k| s.low[k] == "and").count();
    let joined = match people {
        0 => commas >= 2,
        n if n == listed.len() => ands == 1 && commas + ands + 1 >= listed.len(),
        _ => false,
    };
    if from > 0 || !joined || listed.len() < 3 {
        return Vec::new();
    }
    listed
        .iter()
        .filter(|m| Some(m.target) != f.actor)
        .map(|m| said_at_name(s, lexicon, m, f.content))
        .collect()
}

/// A line of a press release naming who speaks: "Statement from X:", "Statement by X",
/// "Attributed to X", "Attributable to X".
fn release_line(s: &SentenceReading, lexicon: &Lexicon) -> Option<Frame> {
    let opens = |words: &[&str]| s.low.len() > words.len() && s.low[..words.len()] == *words;
    let header = opens(&["statement", "from"]) || opens(&["statement", "by"]);
    let attribution = opens(&["attributed", "to"]) || opens(&["attributable", "to"]);
    if !header && !attribution {
        return None;
    }
    let to = s.low.len().min(18);
    // A header opens a statement; an attribution line only says whose the words above are.
    Some(frame(
        s,
        lexicon,
        0,
        (2, to),
        (s.low.len(), s.low.len()),
        header,
        false,
    ))
}

/// Whether frame `f` is a saying named by its noun ("the Iraqi President's call", "the
/// announcements by the Sudanese Armed Forces"), which another saying may name in turn.
pub(super) fn named_by_noun(s: &SentenceReading, f: &Frame) -> bool {
    let w = s.low[f.verb];
    NOUN_SAYINGS.contains(&w) || OF_SAYINGS.contains(&w) || STATEMENT_NOUNS.contains(&w)
}

/// A saying named by its noun at `v`, with its speaker: the one in the possessive before it
/// ("the Prime Minister's call for calm") or after "by" ("announcements by the Sudanese Armed
/// Forces"); what is said follows.
fn named_saying(s: &SentenceReading, lexicon: &Lexicon, v: usize) -> Option<Frame> {
    let clause = s.words[v].clause;
    let end = (v + 1..s.low.len())
        .take_while(|&k| s.words[k].clause == clause)
        .last()
        .map_or(v + 1, |k| k + 1);
    let speaker = if possessive_before(s, v) {
        // Back over the capitalised words of the one who speaks, to "the".
        let to = past_date(s, v) - 1;
        let from = (0..to)
            .rev()
            .take_while(|&k| s.words[k].capital && s.words[k].clause == clause)
            .last()?;
        (from, to)
    } else if let Some(by) = saying_by(s, v) {
        let m = s
            .mentions
            .iter()
            .find(|m| m.from > by && m.from <= by + 2)
            .filter(|m| matches!(m.target, Target::Actor(_)))?;
        (m.from, m.to)
    } else {
        return None;
    };
    // "the announcement by the UN Secretary General on 9 July of an unconditional pause": the
    // date right after the speaker is the saying's, not part of what was said.
    let said_from = s
        .dates
        .iter()
        .find(|d| {
            d.word >= speaker.1
                && d.word <= speaker.1 + 4
                && (speaker.1..d.word).all(|k| s.words[k].capital || s.low[k] == "on")
        })
        .and_then(|d| (d.word..end).find(|&k| s.words[k].start >= d.end))
        .unwrap_or(v + 1);
    let f = frame(s, lexicon, v, speaker, (said_from, end), true, false);
    f.side.is_some().then_some(f)
}

/// "his vow to better protect American lives": a pledge the person named before it made.
fn possessed_word(s: &SentenceReading, lexicon: &Lexicon, v: usize) -> Option<Frame> {
    let owner = s
        .mentions
        .iter()
        .filter(|m| m.to <= v && matches!(m.target, Target::Actor(_)))
        .rfind(|m| s.is_person(lexicon, m.target))?;
    Some(frame(
        s,
        lexicon,
        v,
        (owner.from, owner.to),
        (v + 1, s.low.len()),
        true,
        false,
    ))
}

/// Reporting verbs in "-ing" that hang on their sentence's subject: "officials were the first
/// to share word of the attack, tweeting that …".
const PARTICIPLES: &[&str] = &[
    "tweeting",
    "saying",
    "adding",
    "noting",
    "insisting",
    "warning",
    "claiming",
    "writing",
];

/// A reporting participle at `v`: the speaker is the sentence's subject, its words from the
/// start up to its first verb; what is said follows.
fn participle(s: &SentenceReading, lexicon: &Lexicon, v: usize) -> Option<Frame> {
    let end = (0..v).find(|&k| verb_of_its_own(s.low[k]))?;
    let (from, to) = trim_speaker(s, 0, end);
    (to > from).then(|| {
        frame(
            s,
            lexicon,
            v,
            (from, to),
            (said_from(s, v), s.low.len()),
            false,
            false,
        )
    })
}

/// "according to X": X up to the end of its clause, and the rest of the sentence said.
fn according_to(s: &SentenceReading, lexicon: &Lexicon, v: usize) -> Option<Frame> {
    let start = v + 2;
    let clause = s.words.get(start)?.clause;
    let mut end = start;
    while end < s.low.len() && s.words[end].clause == clause && end - start < 12 {
        end += 1;
    }
    // "according to a statement by SDF's internal security forces": the one behind the
    // statement speaks.
    let (from, to) = trim_speaker(s, start, end);
    let content = if v <= 1 { (end, s.low.len()) } else { (0, v) };
    Some(frame(s, lexicon, v, (from, to), content, false, false))
}

/// A reporting verb at `v`: its speaker before it ("X said …", "…, X said") or after it
/// ("…, said X"), and what is said.
fn reported(s: &SentenceReading, lexicon: &Lexicon, v: usize) -> Option<Frame> {
    // "Multiple casualties have been reported": a passive names no one who says so (with "by",
    // see `passive_by`).
    if matches!(s.low[v], "reported" | "said" | "announced" | "confirmed")
        && v > 0
        && is_be(s.low[v - 1])
    {
        return None;
    }
    let clause = s.words[v].clause;
    // A speaker's words start after any reporting verb before this one ("X said he believes").
    let earlier_verb = (0..v)
        .rev()
        .find(|&k| reporting(s.low[k]) && !in_name(s, k) && !is_noun_use(s, k));
    let clause_start = (0..v)
        .rev()
        .take_while(|&k| s.words[k].clause == clause && Some(k) != earlier_verb)
        .last();
    let stance = is_stance(s.low[v]);
    let blame = BLAME.contains(&s.low[v]);
    match clause_start {
        Some(first) => {
            // Speaker before the verb, in its clause; dates and adverbs next to the verb are not
            // the speaker ("Iraq's military on Thursday said").
            let mut end = v;
            while end > first && is_date_word(s, end - 1) {
                end -= 1;
            }
            let (from, to) = trim_speaker(s, first, end);
            if to <= from {
                return None;
            }
            // "Gen. Frank McKenzie, commander of U.S. Central Command, said": the speaker is
            // the person the description hangs on.
            // Said at the end ("…, local media reported"), the clause is the speaker.
            let inverted = first > 0 && ends_soon(s, v);
            let from = if inverted {
                from
            } else {
                appositive_head(s, from).unwrap_or(from)
            };
            let content = if inverted {
                (0, first)
            } else {
                (said_from(s, v), s.low.len())
            };
            Some(frame(s, lexicon, v, (from, to), content, stance, blame))
        }
        None if v > 0 && !speaker_follows(s, v) && !plain_speaker_after(s, v) => {
            // "X, commander of Y, said he …": the subject before the apposition.
            let before = s.words[v - 1].clause;
            let first = (0..v)
                .rev()
                .take_while(|&k| s.words[k].clause == before)
                .last()?;
            let from = appositive_head(s, first).unwrap_or(first);
            let (from, to) = trim_speaker(s, from, v);
            (to > from && earlier_verb.is_none_or(|e| e < from)).then(|| {
                frame(
                    s,
                    lexicon,
                    v,
                    (from, to),
                    (v + 1, s.low.len()),
                    stance,
                    blame,
                )
            })
        }
        None if v > 0 => {
            // "…, said X": the speaker after the verb, to the end of its clause.
            let mut end = v + 1;
            while end < s.low.len() && s.words[end].clause == clause {
                end += 1;
            }
            let (from, to) = trim_speaker(s, v + 1, end);
            (to > from).then(|| frame(s, lexicon, v, (from, to), (0, v), stance, blame))
        }
        None => None,
    }
}

/// A reporting verb in the passive with its speaker after "by" ("Turkey is being accused by
/// Kurdish security forces of carrying out a drone attack", "the attack was condemned by the
/// United Nations"): the speaker is the one after "by", not the subject, and what is said is
/// the whole sentence.
fn passive_by(s: &SentenceReading, lexicon: &Lexicon, v: usize) -> Option<Frame> {
    // "We are outraged by the attack": a feeling's "by" names its cause.
    if s.low.get(v + 1) != Some(&"by") || FEELING.contains(&s.low[v]) || !is_passive(s, v) {
        return None;
    }
    let clause = s.words[v + 1].clause;
    let end = (v + 2..s.low.len())
        .take_while(|&k| {
            s.words[k].clause == clause
                && !matches!(
                    s.low[k],
                    "of" | "for" | "as" | "that" | "in" | "on" | "after"
                )
        })
        .last()?
        + 1;
    // A name running past "of" ("the Government of National Accord") is the speaker whole.
    let end = s
        .mentions
        .iter()
        .filter(|m| v + 2 <= m.from && m.from < end)
        .map(|m| m.to)
        .fold(end, usize::max);
    let (from, to) = trim_speaker(s, v + 2, end);
    let (stance, blame) = (is_stance(s.low[v]), BLAME.contains(&s.low[v]));
    (to > from).then(|| frame(s, lexicon, v, (from, to), (0, s.low.len()), stance, blame))
}

/// The words `from..to` as written, with the full stop of a closing initial ("the U.S.").
fn written_with_initials(s: &SentenceReading, from: usize, to: usize) -> String {
    let mut text = s.written(from, to);
    let last = &s.words[to - 1];
    let initial = last.end - last.start == 1
        && s.text[..last.start].ends_with('.')
        && s.text[last.end..].starts_with('.');
    if initial {
        text.push('.');
    }
    // "A U.S. official told VOA …" is "a U.S. official" inside another sentence.
    if from == 0 && is_determiner(s.low[0]) {
        let mut chars = text.chars();
        if let Some(first) = chars.next() {
            text = first.to_lowercase().chain(chars).collect();
        }
    }
    text
}

/// Whether the "that" at `k` opens what is said: a subject follows ("that the investigation",
/// "that it", "that Iran"), not a verb ("a base that hosts troops": a relative clause), and it
/// is not a second saying joined on ("… for the attack and that the investigation …").
fn opens_what_is_said(s: &SentenceReading, k: usize) -> bool {
    let Some(next) = s.words.get(k + 1) else {
        return false;
    };
    let subject = next.capital
        || is_determiner(s.low[k + 1])
        || matches!(
            s.low[k + 1],
            "it" | "they" | "he" | "she" | "we" | "i" | "there" | "this" | "these" | "its"
        )
        || s.low[k + 1].starts_with(|c: char| c.is_ascii_digit());
    subject && !matches!(s.low[k - 1], "and" | "or")
}

/// The first word of what the reporting verb at `v` says, past the date and manner of saying
/// ("said Tuesday", "said as recently as this month that", "told VOA that").
fn said_from(s: &SentenceReading, v: usize) -> usize {
    // "said after meeting last week with X that …": all before "that" tells of the saying.
    // A verb whose object is what it is about ("condemns the attack on Friday that led to
    // …") has no "that" of saying: such a "that" is the object's.
    let clause = s.words[v].clause;
    let takes_object = OBJECT_STANCE.iter().any(|stem| s.low[v].starts_with(stem));
    if let Some(that) = (v + 1..(v + 14).min(s.low.len()))
        .filter(|_| !takes_object)
        .take_while(|&k| s.words[k].clause == clause)
        .find(|&k| s.low[k] == "that")
        .filter(|&k| opens_what_is_said(s, k))
    {
        return that + 1;
    }
    let mut k = v + 1;
    // "condemn yesterday's attack": a day in the possessive belongs to what is said.
    let possessive = |k: usize| s.low.get(k + 1) == Some(&"s");
    while k < s.low.len()
        && (is_date_word(s, k) && !possessive(k)
            || matches!(
                s.low[k],
                "as" | "recently" | "on" | "in" | "late" | "early" | "earlier"
            ))
    {
        k += 1;
    }
    if s.low.get(k) == Some(&"that") {
        k += 1;
    }
    k
}

/// Stems of stance verbs that take what they are about as their object, never a clause of
/// saying: "condemned the attack that killed …".
const OBJECT_STANCE: &[&str] = &[
    "condemn",
    "prais",
    "congratulat",
    "commend",
    "critici",
    "thank",
    "welcom",
    "deplor",
    "denounc",
    "mourn",
    "concern",
    "outrag",
    "sadden",
    "alarm",
    "appall",
    "dismay",
    "shock",
    "horrif",
];

/// Whether the words after the reporting verb at `v` name its speaker ("…, said Gen. X"), not
/// what is said ("…, said he believes …", "…, said that …").
fn speaker_follows(s: &SentenceReading, v: usize) -> bool {
    let Some(next) = s.low.get(v + 1) else {
        return false;
    };
    let rest = s.low.len() - v - 1;
    // The speaker runs to the end of the sentence: a name, and at most two descriptions of it
    // set off by commas ("said Gen. Michael Kurilla, commander of U.S. Central Command", "said
    // Maj. Gen. William Gayler, director of operations, U.S. Africa Command"), with no
    // quotation in it; the quotation marks of a nickname (Michael “Erik” Kurilla), with no
    // punctuation inside them, are no quotation.
    let last = s.words[s.low.len() - 1].clause;
    let described = last - s.words[v + 1].clause <= 2
        && !(v + 2..s.low.len()).any(|j| reporting(s.low[j]) || s.low[j] == "that");
    let quotation = (v..s.low.len() - 1).any(|k| {
        let gap = &s.text[s.words[k].end..s.words[k + 1].start];
        gap.contains(['"', '“', '”']) && gap.contains([',', '.', '?', '!'])
    });
    // "…, said a Russian strike hit a residential building": a verb of its own after the
    // speaker's words makes them what is said ("said an unnamed official" has none).
    let first = s.words[v + 1].clause;
    let verb_after = (v + 2..s.low.len())
        .take_while(|&k| s.words[k].clause == first)
        .any(|k| {
            let w = s.low[k];
            !s.words[k].capital
                && (matches!(
                    w,
                    "hit"
                        | "struck"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "fell"
                        | "came"
                        | "began"
                ) || w.len() > 4 && w.ends_with("ed") && !is_determiner(s.low[k - 1]))
        });
    !pronoun_or_that(next)
        && rest <= 16
        && described
        && !quotation
        && !verb_after
        && (s.words[v + 1].capital || is_determiner(next))
}

/// Whether a few plain words after the reporting verb at `v`, with no verb of their own,
/// name its speaker though they open with no capital or article ("…, said witnesses who hid in
/// the bush"): not a pronoun, a day, a preposition or an adverb of time.
fn plain_speaker_after(s: &SentenceReading, v: usize) -> bool {
    let rest = &s.low[v + 1..];
    !rest.is_empty()
        && rest.len() <= 8
        && !is_date_word(s, v + 1)
        && !is_preposition(rest[0])
        && !pronoun_or_that(rest[0])
        && !matches!(rest[0], "today" | "yesterday" | "tonight")
        && !rest.iter().any(|w| verb_of_its_own(w))
}

/// Whether word `w` is a verb that ends a speaker's words: a form of "be" or "have", or a verb
/// of saying.
fn verb_of_its_own(w: &str) -> bool {
    is_be(w) || is_have(w) || reporting(w)
}

/// Whether word `w` is a subject pronoun or "that": right after a reporting verb, the start of
/// what is said ("said he …", "said that …"), not its speaker.
fn pronoun_or_that(w: &str) -> bool {
    is_subject_pronoun(w) || w == "that"
}

pub(super) fn frame(
    s: &SentenceReading,
    lexicon: &Lexicon,
    verb: usize,
    speaker: (usize, usize),
    content: (usize, usize),
    stance: bool,
    blame: bool,
) -> Frame {
    // The speaker's actor: a person first ("Gen. Frank McKenzie, head of U.S. Central Command,
    // said"), else the first actor named.
    let named: Vec<_> = s
        .mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)))
        .filter(|m| speaker.0 <= m.from && m.to <= speaker.1)
        .collect();
    let person = named.iter().find(|m| s.is_person(lexicon, m.target));
    let side = person.or(named.first()).map(|m| m.target);
    let head = (speaker.0..speaker.1)
        .take_while(|&k| !is_preposition(s.low[k]))
        .last();
    let office = head.is_some_and(|h| {
        OFFICES.contains(&s.low[h]) && !named.iter().any(|m| m.from <= h && h < m.to)
    });
    // "We remain in close contact with our Israeli and Palestinian counterparts and call on
    // all …": the text's own voice, whoever its words go on to name.
    let first_person = speaker.1 > speaker.0 && matches!(s.low[speaker.0], "we" | "i");
    let (actor, side) = match person {
        _ if first_person => (None, None),
        Some(p) => (Some(p.target), side),
        None if office => (None, side),
        None => (side, side),
    };
    Frame {
        verb,
        speaker,
        words: written_with_initials(s, speaker.0, speaker.1),
        actor,
        side,
        content,
        stance,
        blame,
        first_person,
        joined: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::article::Article;
    use crate::extract::names::People;
    use crate::extract::reading::Reading;

    fn lexicon() -> Lexicon {
        let load = |path: &str| crate::read::read_package(&std::fs::read(path).unwrap()).package;
        Lexicon::new(
            load("www/data/gazetteer.json").places,
            load("www/data/lexicon.json").actors,
        )
    }

    fn frames_of(text: &str) -> Vec<(String, String, Option<String>)> {
        let lexicon = lexicon();
        let article = Article {
            text: text.into(),
            ..Article::default()
        };
        let reading = Reading::new(&article);
        let mut people = People::default();
        let s = SentenceReading::new(&reading, 0, &lexicon, &mut people);
        frames(&s, &lexicon)
            .iter()
            .map(|f| {
                let actor = f.actor.and_then(|a| lexicon.actor(a)).map(|a| a.id.clone());
                (s.low[f.verb].to_string(), f.words.clone(), actor)
            })
            .collect()
    }

    #[test]
    fn speakers_are_found_before_after_and_around_what_they_say() {
        let mckenzie = frames_of("Marine Gen. Frank McKenzie, commander of U.S. Central Command, said he believes the Iraqis welcome U.S. and coalition troops.");
        assert_eq!(mckenzie[0].0, "said");
        assert_eq!(mckenzie[0].2.as_deref(), Some("kenneth-mckenzie"));
        let military = frames_of("Iraq's military on Thursday said at least two rockets hit inside Baghdad's Green Zone.");
        assert_eq!(military[0].1, "Iraq's military");
        assert_eq!(military[0].2.as_deref(), Some("iraqi-military"));
        let after = frames_of("A rocket attack killed one contractor, the U.S. coalition and officials in the Kurdistan Region said.");
        assert_eq!(
            after[0].1,
            "the U.S. coalition and officials in the Kurdistan Region"
        );
        let according = frames_of("The three victims were from the same family, according to a statement by SDF's internal security forces.");
        assert_eq!(according[0].1, "SDF's internal security forces");
        // An official of a body is not the body, but speaks for it.
        let official =
            frames_of("A U.S. official told VOA the truck managed to fire about 30 rockets.");
        assert_eq!(
            (official[0].1.as_str(), official[0].2.as_deref()),
            ("a U.S. official", None)
        );
        let condemns = frames_of("The United States condemns last night’s attacks in Ouagadougou.");
        assert_eq!(condemns[0].2.as_deref(), Some("united-states"));
        let barzani = frames_of("Masrour Barzani, prime minister of the autonomous Kurdish region, condemned the attack \"in the strongest terms,\" AFP reported.");
        assert_eq!(
            barzani[0].1,
            "Masrour Barzani, prime minister of the autonomous Kurdish region"
        );
        // After the quotation, the speaker with a nickname and a description.
        let kurilla = frames_of("“We remain committed to the defeat of ISIS throughout the region,” said Gen. Michael “Erik” Kurilla, commander of U.S. Central Command.");
        assert_eq!(kurilla[0].1, "Gen. Michael “Erik” Kurilla");
        let we = frames_of("We strongly condemn yesterday’s deadly attack in Kabul.");
        assert_eq!(we[0].1, "We");
        // "States" in a name, "believed responsible": no attribution.
        assert!(
            frames_of("The United States struck members believed responsible for the attack.")
                .is_empty()
        );
    }
}
