//! The date of an event: the date words of its clause, else of its sentence, resolved against a
//! date nearby, the publication date or the event told before; else the date of the sentence
//! before (for an act, also the last of the paragraph before); else, for an act listed, the date
//! of the act the list is under; else, for what a response answered, "before the response";
//! else, for statements and meetings, around the publication date. A happening referred back
//! to ("six months after a deadly airstrike") takes none: it was dated where it was told.

use super::dates::{self, Found, Said};
use super::families::family;
use super::frames::Frame;
use super::grammar::{is_determiner, opens_scene};
use super::reading::{Reading, SentenceReading};
use super::report::{Dated, Report, Trigger};
use crate::model::calendar::format_day;
use crate::model::edtf::{DaySpan, Edtf, Precision};
use crate::model::event_type::Family;

/// What the text says of an event's date.
pub(super) struct EventDate {
    pub(super) date: Option<Dated>,
    /// The date is from the event's own sentence.
    pub(super) own: bool,
    /// With no date: date words the text gives but does not fix ("on Tuesday" with nothing to
    /// count from), kept for the reader, never guessed.
    pub(super) unfixed: Option<String>,
}

/// Whether the event at word `from` is a happening told before and counted from: "six months
/// after a deadly airstrike".
pub(super) fn refers_back(s: &SentenceReading, from: usize) -> bool {
    let low = &s.low;
    // "Today marks one year since the assassination": the day is counted back to, not from.
    let marked = s
        .dates
        .iter()
        .any(|d| matches!(d.said, Said::YearsSince(_)) && d.word < from && d.word + 6 >= from);
    !marked
        && (from.saturating_sub(5)..from).any(|k| {
            k > 0
                && matches!(low[k], "after" | "since")
                && matches!(
                    low[k - 1],
                    "months" | "weeks" | "days" | "years" | "month" | "week" | "year" | "day"
                )
        })
}

/// The date of event `e` of sentence `s`, after the `earlier` reports of the article. For a
/// statement, `said` is the range of words it says: their dates are of what it is about
/// ("condemns yesterday's attack"), not of the saying.
pub(super) fn date_of(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    e: &Trigger,
    (back_reference, looked_back_on): (bool, bool),
    said: Option<(usize, usize)>,
    reported: Option<(usize, (usize, usize))>,
) -> EventDate {
    if let Some(dated) = year_before(s, e.from) {
        return EventDate {
            date: Some(dated),
            own: true,
            unfixed: None,
        };
    }
    let answered = answers_something(s, e.from);
    let pick = if back_reference {
        None
    } else {
        date_words(s, e.from, answered, said, e.event_type == "statement")
    };
    let mut unfixed: Option<String> = None;
    let mut date = None;
    let mut own = pick.is_some();
    if pick.is_none() && !back_reference {
        date = from_sentence_before(reading, s, earlier, e.event_type)
            .or_else(|| from_list_lead(reading, s, earlier, e.event_type));
    }
    // "urged the public Saturday …, one day after an armed group carried out coordinated
    // attacks": the day the sentence gives first, counted back.
    let after = counted_after(s, e.from);
    let counted_back = after
        .filter(|&after| pick.is_some_and(|f| f.word + 2 < after))
        .and_then(|after| days_earlier(reading, s, earlier, after, e.from));
    if counted_back.is_some() {
        date = counted_back;
    } else if let Some(f) = pick {
        match resolved(reading, s, earlier, f, e.from) {
            Ok(dated) if opens_after(s, f.word, e.from) => {
                date = since_then(reading, dated).or(date);
            }
            // Only an inference: a date the text refers back with is the happening's own.
            Ok(dated) if said_on(s, reported, f.word) => {
                date = said_by(dated).or(date);
                own = false;
            }
            Ok(dated) => date = Some(dated),
            Err(words) => unfixed = Some(words),
        }
    }
    if date.is_none() && back_reference {
        date = after.and_then(|after| days_earlier(reading, s, earlier, after, e.from));
    }
    if date.is_none() && answered {
        date = before_response(reading, s);
    }
    if date.is_none() && looked_back_on {
        date = before_publication(reading);
    }
    if date.is_none() && matches!(e.event_type, "statement" | "meeting") {
        date = around_publication(reading);
    }
    if date.is_none() && pick.is_none() && !back_reference && just_happened(s, e.from) {
        date = lately(reading);
    }
    EventDate {
        own,
        unfixed: if date.is_none() { unfixed } else { None },
        date,
    }
}

/// Whether the date at word `at` is the day a happening was reported, not its own: right after
/// the verb of the saying that tells it ("Pakistan's military confirmed Thursday that a
/// militant raid … has killed at least 10 soldiers"), outside what is said. `reported` is that
/// saying's verb and the words it says.
fn said_on(s: &SentenceReading, reported: Option<(usize, (usize, usize))>, at: usize) -> bool {
    reported.is_some_and(|(verb, (from, to))| {
        matches!(
            s.low[verb],
            "confirmed" | "confirms" | "acknowledged" | "disclosed" | "revealed"
        ) && (at < from || at >= to)
            && at > verb
            && at <= verb + 2
    })
}

/// The date of a happening told in a saying dated `said`: on or before the day it was said, an
/// inference marked as one.
fn said_by(said: Dated) -> Option<Dated> {
    Some(Dated {
        edtf: up_to(&said.edtf)?,
        note: Some(format!(
            "'{}' is the day it was reported; it happened on or before that day",
            said.words
        )),
        ..said
    })
}

/// The open span up to the last day of `date` ("../2022-01-27"), if it has a last day.
fn up_to(date: &Edtf) -> Option<Edtf> {
    let end = date.span().latest;
    if end == DaySpan::OPEN_END {
        return None;
    }
    Edtf::parse(&format!("../{}", format_day(i64::from(end)))).ok()
}

/// Words that make a day one end of a span ("from May 25 to June 30", "since May 16").
const SPAN_WORDS: &[&str] = &[
    "from", "between", "since", "until", "till", "through", "to", "after", "before",
];

/// The days a plural act is told on, one by one ("air strikes May 25, two airstrikes June 23
/// and 30, two airstrikes July 22 and 24, and one Aug. 14"): two or more days of a month the
/// sentence writes, none of them an end of a span; a bare day after "and" is of the month
/// before it. Each day resolved as the event's own date, with the index of its first word;
/// `None` when the sentence lists fewer than two days.
pub(super) fn days_apart(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    from: usize,
) -> Option<Vec<(Dated, usize)>> {
    let first_word = |f: &Found| f.word;
    let after = |f: &Found| (f.word..s.words.len()).find(|&k| s.words[k].start >= f.end);
    let mut listed: Vec<Found> = Vec::new();
    // Days, or else months ("similar attacks on AU facilities in June and in September of
    // last year"), never the two mixed.
    let by_day = s.dates.iter().any(|f| matches!(f.said, Said::Day { .. }));
    for f in s.dates.iter().filter(|f| {
        if by_day {
            matches!(f.said, Said::Day { .. })
        } else {
            matches!(f.said, Said::Month { .. })
        }
    }) {
        let spans = f.since
            || first_word(f)
                .checked_sub(1)
                .is_some_and(|k| SPAN_WORDS.contains(&s.low[k]))
            || after(f).is_some_and(|k| SPAN_WORDS.contains(&s.low[k]));
        if spans {
            return None;
        }
        listed.push(f.clone());
        // "June 23 and 30": the thirtieth of June.
        let Said::Day { year, month, .. } = f.said else {
            continue;
        };
        let Some(and) = after(f).filter(|&k| s.low[k] == "and") else {
            continue;
        };
        let Some(day) = s
            .low
            .get(and + 1)
            .filter(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|w| w.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d))
        else {
            continue;
        };
        let ends = s
            .words
            .get(and + 2)
            .is_none_or(|w| w.clause != s.words[and + 1].clause);
        if ends {
            listed.push(Found {
                start: f.start,
                end: s.words[and + 1].end,
                said: Said::Day { year, month, day },
                word: f.word,
                since: false,
            });
        }
    }
    if listed.len() < 2 {
        return None;
    }
    let count = listed.len();
    let mut days: Vec<(Dated, usize)> = Vec::new();
    for f in &listed {
        let mut dated = resolved(reading, s, earlier, f, from).ok()?;
        if days.iter().any(|(d, _)| d.edtf == dated.edtf) {
            return None;
        }
        let unit = if by_day { "days" } else { "months" };
        let each = format!("one of {count} {unit} the sentence lists, an act in each");
        dated.note = Some(match dated.note {
            Some(n) => format!("{n}; {each}"),
            None => each,
        });
        days.push((dated, f.word));
    }
    Some(days)
}

/// A year written in the event's own noun phrase ("the 1983 Beirut bombing"): the happening
/// is of that year, whatever day the sentence speaks on ("today is the anniversary of …").
fn year_before(s: &SentenceReading, from: usize) -> Option<Dated> {
    let k = (from.saturating_sub(3)..from)
        .rev()
        .take_while(|&k| !matches!(s.low[k], "in" | "on" | "of" | "since" | "by" | "and"))
        .find(|&k| {
            let w = s.low[k];
            w.len() == 4
                && w.bytes().all(|b| b.is_ascii_digit())
                && (w.starts_with("19") || w.starts_with("20"))
        })?;
    let before = k.checked_sub(1).map(|j| s.low[j]);
    if !matches!(
        before,
        Some("the" | "a" | "an" | "its" | "his" | "her" | "their")
    ) {
        return None;
    }
    Some(Dated {
        edtf: Edtf::parse(s.low[k]).ok()?,
        words: s.low[k].to_string(),
        note: Some(format!(
            "the year '{}' is written before the words that tell the happening",
            s.low[k]
        )),
    })
}

/// Whether the words before `from` say what the event answers: "in response to recent rocket
/// attacks". What was answered came before: the event does not take those attacks' date.
fn answers_something(s: &SentenceReading, from: usize) -> bool {
    let low = &s.low;
    (0..from).any(|k| {
        matches!(low[k], "response" | "retaliation" | "reprisal" | "revenge")
            && low.get(k + 1).is_some_and(|x| matches!(*x, "to" | "for"))
    })
}

/// The date words for the event at word `from`: the nearest in its clause, else (unless it
/// answers something) the nearest in the sentence.
fn date_words<'s>(
    s: &'s SentenceReading,
    from: usize,
    answered: bool,
    said: Option<(usize, usize)>,
    statement: bool,
) -> Option<&'s Found> {
    let w = s.words;
    let clause = w[from].clause;
    // A saying's date is never one a happening it names wears as a possessive ("I am appalled
    // by yesterday's attack and condemn it").
    let outside = |d: &&Found| {
        said.is_none_or(|(a, b)| d.word < a || d.word >= b) && !(statement && possessive(s, d))
    };
    // "The findings of the investigation into the ambush … near Tongo Tongo, Niger in early
    // October 2017": a happening named after a preposition takes the date its own phrase gives
    // after it, within a few clauses, not the one of the clause's verb ("we are here this
    // afternoon").
    let mut k = from;
    while k > 0 && w[k - 1].clause == clause && is_determiner(s.low[k - 1]) {
        k -= 1;
    }
    // "… on January 14 and the murder of a Gendarme in Wum … on January 15": a noun phrase
    // after "and" takes its own date too.
    let in_phrase = k > 0
        && (matches!(
            s.low[k - 1],
            "into" | "of" | "on" | "about" | "after" | "following" | "over"
        ) || s.low[k - 1] == "and" && k < from);
    // "Today we remember the bombings that shattered the peace of Sri Lanka one year ago": a
    // relative clause after the cue dates the happening it tells.
    let relative =
        (from + 1..(from + 3).min(s.low.len())).any(|k| matches!(s.low[k], "that" | "which"));
    if in_phrase || relative {
        let after = s
            .dates
            .iter()
            .filter(outside)
            .filter(|d| d.word > from && d.word <= from + 20)
            .min_by_key(|d| d.word - from);
        if after.is_some() {
            return after;
        }
    }
    s.dates
        .iter()
        .filter(outside)
        .filter(|d| w[d.word].clause == clause)
        .min_by_key(|d| d.word.abs_diff(from))
        .or_else(|| {
            if answered {
                None
            } else {
                s.dates
                    .iter()
                    .filter(outside)
                    .min_by_key(|d| d.word.abs_diff(from))
            }
        })
}

/// Whether date `d` is written as a possessive: "yesterday's attack", "Friday’s strike".
fn possessive(s: &SentenceReading, d: &Found) -> bool {
    let rest = &s.text[d.end.min(s.text.len())..];
    rest.starts_with("'s") || rest.starts_with("’s")
}

/// No date in the sentence: the one before sets the time, in the same paragraph or, for an
/// act, across a paragraph's break. For a statement that follows one ("The United States is
/// concerned by reports of a bombing on June 22. We strongly condemn this act."), the time of
/// that saying, not of what it told.
fn from_sentence_before(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    kind: &str,
) -> Option<Dated> {
    let si = s.index;
    if si == 0 {
        return None;
    }
    // An act goes on into the next paragraph ("On Sept. 28, U.S. forces conducted a strike …"
    // then "During a Somali-led operation, fighters attacked …"), unless the paragraph opens a
    // scene of its own ("Separately, …", "Meanwhile …", "In another attack …") or is what a
    // line ending in a colon brings in ("James Duddridge said:"). What is said or met is
    // dated by its own paragraph.
    let brought_in = reading.ends_with_colon(si - 1);
    let goes_on = family(kind) != Some(Family::Diplomacy)
        && !brought_in
        && !s.low.first().is_some_and(|w| {
            opens_scene(w) || matches!(*w, "also" | "in" | "on" | "earlier" | "last")
        });
    if !goes_on && reading.sentences[si - 1].paragraph != reading.sentences[si].paragraph {
        return None;
    }
    // The sentence before that told something: the one right before, or, for an act, the one
    // before it when the sentence between, in the same paragraph, tells nothing and has no
    // date ("These forces first attempted to board the tanker via skiffs.").
    let last = earlier
        .iter()
        .map(|d| d.sentence)
        .filter(|&k| k < si)
        .max()?;
    let paragraph = reading.sentences[si].paragraph;
    let told = last + 1 == si
        || family(kind) != Some(Family::Diplomacy)
            && last + 2 == si
            && reading.dates[si - 1].is_empty()
            && reading.sentences[si - 1].paragraph == paragraph
            && reading.sentences[last].paragraph == paragraph;
    if !told {
        return None;
    }
    let before = || earlier.iter().rev().filter(|d| d.sentence == last);
    // A saying takes the time of a saying before it, never of a happening told there ("… by
    // yesterday's attack. I condemn it"): that is what it is about.
    let prev = if kind == "statement" {
        before().find(|d| d.event_type == "statement")?
    } else {
        before().next()?
    };
    // Only a date the sentence before words: one inferred for it (around the publication,
    // before a response) is no date of the time it tells.
    let date = worded(prev)?;
    Some(lent(
        date,
        format!(
            "no date in this sentence; '{}' is taken from the sentence before",
            date.words
        ),
    ))
}

/// The date of report `r` when words of the text gave it, not an inference.
fn worded(r: &Report) -> Option<&Dated> {
    r.date.as_ref().filter(|d| !d.words.is_empty())
}

/// `date` lent to a sentence that has none, with a note saying where it came from.
fn lent(date: &Dated, note: String) -> Dated {
    Dated {
        edtf: date.edtf.clone(),
        words: date.words.clone(),
        note: Some(note),
    }
}

/// The date of an undated act told in a list, or in the line that opens one ("Attack, bomber,
/// fighter and remotely piloted aircraft conducted 11 strikes in Syria:", "-- Near Raqqa, three
/// strikes destroyed …"): the worded date of the last act of its family told before the list
/// ("forces continued to attack ISIL terrorists … yesterday"), whose parts the list tells.
fn from_list_lead(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    kind: &str,
) -> Option<Dated> {
    let si = s.index;
    let opens_list = s.ends_with_colon() && reading.in_list_item(si + 1);
    if kind == "statement" || !(opens_list || reading.in_list_item(si)) {
        return None;
    }
    let date = earlier
        .iter()
        .rev()
        .filter(|r| !reading.in_list_item(r.sentence) && family(r.event_type) == family(kind))
        .find_map(worded)?;
    Some(lent(
        date,
        format!(
            "no date in this sentence; it is one of a list, dated by '{}' before it",
            date.words
        ),
    ))
}

/// The date a reference back at word `at` gives the happening it points at ("The airstrike
/// Wednesday hit a hotel"): date words in its clause, at most six words from it, resolved. Said
/// within a saying of `frames`, it takes no date of the saying's own ("The Pentagon announced
/// Friday that the strike was made July 26").
pub(super) fn date_at(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    at: usize,
    frames: &[Frame],
) -> Option<Dated> {
    let clause = s.words[at].clause;
    let f = s
        .dates
        .iter()
        .filter(|d| s.words[d.word].clause == clause && d.word.abs_diff(at) <= 6)
        .filter(|d| !frames.iter().any(|fr| fr.covers(at) && !fr.covers(d.word)))
        .min_by_key(|d| d.word.abs_diff(at))?;
    let dated = resolved(reading, s, earlier, f, at).ok()?;
    let note = format!(
        "the date '{}' is told where the text refers back to it{}",
        dated.words,
        dated
            .note
            .as_ref()
            .map(|n| format!("; {n}"))
            .unwrap_or_default()
    );
    Some(Dated {
        note: Some(note),
        ..dated
    })
}

/// Date words `f` resolved for the event at word `from`; the words as written when the text
/// does not fix them.
fn resolved(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    f: &Found,
    from: usize,
) -> Result<Dated, String> {
    let words_written = reading.text[f.start..f.end].to_string();
    let previous = earlier
        .iter()
        .rev()
        .find_map(|d| d.date.as_ref().map(|x| x.edtf.span()));
    let ctx = reading.date_context(s, s.text_year, previous);
    let Some(r) = dates::resolve(f, &words_written, &ctx) else {
        return Err(words_written);
    };
    let mut note = r.note;
    if s.words[f.word].clause != s.words[from].clause && !frames_sentence(s, f) {
        let extra = format!(
            "the date '{words_written}' is in another part of the sentence and is taken for this event too"
        );
        note = Some(match note {
            Some(n) => format!("{n}; {extra}"),
            None => extra,
        });
    }
    Ok(Dated {
        edtf: r.edtf,
        words: words_written,
        note,
    })
}

/// Whether date words `f` make a clause of their own that sets the time of the whole sentence:
/// "On Friday, the rebels declared …", "Over the past 48 hours, forces conducted …".
fn frames_sentence(s: &SentenceReading, f: &Found) -> bool {
    let clause = s.words[f.word].clause;
    s.words.iter().enumerate().all(|(k, w)| {
        w.clause != clause
            || (w.start >= f.start && w.end <= f.end)
            || matches!(
                s.low[k],
                "on" | "in" | "at" | "over" | "during" | "by" | "then" | "and" | "but" | "also"
            )
    })
}

/// What was answered happened before the answer's date: open-ended up to the last day of the
/// first date the sentence fixes.
fn before_response(reading: &Reading, s: &SentenceReading) -> Option<Dated> {
    let (r, words_written) = s.dates.iter().find_map(|f| {
        let words_written = reading.text[f.start..f.end].to_string();
        let ctx = reading.date_context(s, None, None);
        dates::resolve(f, &words_written, &ctx).map(|r| (r, words_written))
    })?;
    Some(Dated {
        edtf: up_to(&r.edtf)?,
        words: String::new(),
        note: Some(format!(
            "the text gives no date; it came before the response dated '{words_written}'"
        )),
    })
}

/// Whether the date at word `at` is in a clause of its own that opens with "after" or
/// "following", and the event at `from` is outside it ("After Taji was hit Wednesday, U.S.
/// retaliatory strikes hit five weapons depots"): the date is of what came before the event.
fn opens_after(s: &SentenceReading, at: usize, from: usize) -> bool {
    let clause = s.words[at].clause;
    let first = (0..s.words.len()).find(|&k| s.words[k].clause == clause);
    clause != s.words[from].clause
        && first.is_some_and(|k| matches!(s.low[k], "after" | "following"))
}

/// The days from the start of `before` (what came first) to the publication date: an event
/// told as coming after it. `None` without a publication date to the day.
fn since_then(reading: &Reading, before: Dated) -> Option<Dated> {
    let p = reading.published.as_ref()?;
    if p.precision() != Precision::Day {
        return None;
    }
    let start = before.edtf.span().earliest;
    let end = p.span().latest;
    if i64::from(start) > i64::from(end) {
        return None;
    }
    let edtf = Edtf::parse(&format!(
        "{}/{}",
        format_day(i64::from(start)),
        format_day(i64::from(end))
    ))
    .ok()?;
    Some(Dated {
        edtf,
        words: before.words.clone(),
        note: Some(format!(
            "the sentence tells it as coming after what '{}' dates; from that day to the \
             publication date",
            before.words
        )),
    })
}

/// A happening told as "two days after" it came something dated ("Tuesday's violence came two
/// days after another suicide bombing", "… killed three people today, a day after another
/// suicide bomber killed thirteen"): that many days before the day the sentence gives first,
/// or the day of a happening it told before. Counted, so written as a day of its own; `after`
/// is the "after" [`counted_after`] found before the cue at `from`.
fn days_earlier(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    after: usize,
    from: usize,
) -> Option<Dated> {
    let count = |w: &str| {
        w.parse::<i64>()
            .ok()
            .or_else(|| super::cues::number_word(w).map(|(n, _)| n as i64))
    };
    let days: i64 = match (s.low.get(after.checked_sub(2)?)?, s.low.get(after - 1)?) {
        (&("a" | "one"), &"day") => 1,
        (n, &"days") => count(n).filter(|d| (2..=31).contains(d))?,
        _ => return None,
    };
    let anchor = match s.dates.iter().find(|f| f.word < after - 2) {
        Some(f) => resolved(reading, s, earlier, f, from).ok()?,
        None => earlier
            .iter()
            .rev()
            .find(|r| r.sentence == s.index)?
            .date
            .clone()?,
    };
    let span = anchor.edtf.span();
    if anchor.edtf.precision() != Precision::Day || span.earliest != span.latest {
        return None;
    }
    let edtf = Edtf::parse(&format_day(i64::from(span.earliest) - days)).ok()?;
    Some(Dated {
        edtf,
        words: anchor.words.clone(),
        note: Some(format!(
            "told as {days} day(s) before what '{}' dates: counted back from that day",
            anchor.words
        )),
    })
}

/// The "after" of "a day after", "two days after" before cue `from`: right before it, or
/// opening its clause further back ("one day after an armed group carried out coordinated
/// attacks").
fn counted_after(s: &SentenceReading, from: usize) -> Option<usize> {
    let after = (from.saturating_sub(5)..from)
        .find(|&k| s.low[k] == "after")
        .or_else(|| {
            (from.saturating_sub(10)..from)
                .rfind(|&k| s.low[k] == "after" && s.words[k].clause == s.words[from].clause)
        })?;
    (after >= 2 && matches!(s.low[after - 1], "day" | "days")).then_some(after)
}

/// A happening a saying looks back on ("condemns the recent attacks") with no date of its own:
/// open-ended up to the publication day.
fn before_publication(reading: &Reading) -> Option<Dated> {
    bounded_by_publication(
        reading,
        "the text gives no date; a statement looks back on it, so it came before the publication",
    )
}

/// The date of a happening an article tells without dating it: on or before the day the
/// article was published, an inference marked as one.
pub(super) fn told_before_publication(reading: &Reading) -> Option<Dated> {
    bounded_by_publication(
        reading,
        "the text gives no date; an article tells what has happened, so it came no later than the publication",
    )
}

/// An open span ending on the publication day, with `why` as its note.
fn bounded_by_publication(reading: &Reading, why: &str) -> Option<Dated> {
    let p = reading.published.as_ref()?;
    if p.precision() != Precision::Day {
        return None;
    }
    let end = p.span().latest;
    let mark = if p.is_uncertain() { "?" } else { "" };
    let edtf = Edtf::parse(&format!("../{}{mark}", format_day(i64::from(end)))).ok()?;
    Some(Dated {
        edtf,
        words: String::new(),
        note: Some(format!("{why} ({p})")),
    })
}

/// Whether the act at word `from` is told in the article's first sentence in the present
/// perfect ("A suicide bomber has blown up his vehicle near a base"): news that just happened.
fn just_happened(s: &SentenceReading, from: usize) -> bool {
    s.index == 0
        && (from.saturating_sub(6)..(from + 4).min(s.low.len())).any(|k| {
            matches!(s.low[k], "has" | "have") && s.words[k].clause == s.words[from].clause
        })
}

/// The publication as the article gives it, its first and last day, and whether the day
/// counted from is uncertain; `None` unless it is known to the day or to a few days
/// ("2022-10-25/2022-10-29", whose inferences span all of them).
fn publication_days<'r>(reading: &'r Reading) -> Option<(&'r Edtf, i64, i64, bool)> {
    let published = reading.published.as_ref()?;
    if published.precision() != Precision::Day {
        return None;
    }
    let p = reading.publication.as_ref().unwrap_or(published);
    let span = p.span();
    Some((
        p,
        i64::from(span.earliest),
        i64::from(span.latest),
        published.is_uncertain(),
    ))
}

/// An act a report's first sentence tells as just happened, with no date: within the two days
/// before the publication date, as news leads tell it (an inference, noted).
fn lately(reading: &Reading) -> Option<Dated> {
    let (p, first, last, uncertain) = publication_days(reading)?;
    let mark = if uncertain { "?" } else { "" };
    let edtf = Edtf::parse(&format!(
        "{}{mark}/{}{mark}",
        format_day(first - 2),
        format_day(last)
    ))
    .ok()?;
    Some(Dated {
        edtf,
        words: String::new(),
        note: Some(format!(
            "no date in the text; its first sentence tells it as just happened (\"has …\"), so taken as within the two days before the publication ({p}): an inference"
        )),
    })
}

/// Said or met with no date: around the publication date, as news reports them, when it is
/// known to the day or within a few days, each end about (an uncertain one stays uncertain).
pub(super) fn around_publication(reading: &Reading) -> Option<Dated> {
    let (p, first, last, uncertain) = publication_days(reading)?;
    let mark = if uncertain { "%" } else { "~" };
    let text = if first == last {
        format!("{}{mark}", format_day(first))
    } else {
        format!("{}{mark}/{}{mark}", format_day(first), format_day(last))
    };
    let edtf = Edtf::parse(&text).ok()?;
    Some(Dated {
        edtf,
        words: String::new(),
        note: Some(format!(
            "no date in the text; taken as around the publication date ({p})"
        )),
    })
}
