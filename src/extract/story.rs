//! An article told sentence by sentence: each sentence read, its events found, and each event
//! taken through the stages (date, place, actors and roles, figures, response) into a report,
//! with what the sentences before it told: their reports, the people they introduced and the
//! subject a "they" or "he" carries on.

use super::arguments::{carrying_verb, ORDERS};
use super::dating::{
    around_publication, date_at, date_of, days_apart, refers_back, told_before_publication,
};
use super::families::family;
use super::figures::{fits_event, keep_each_once};
use super::grammar::{is_ordinal, opens_apart};
use super::lexicon::{Lexicon, Target};
use super::names::People;
use super::placing::{place_of, place_of_day, places_apart};
use super::reading::{Reading, SentenceReading};
use super::references::attach;
use super::report::{confidence, Dated, Part, Placed, Report, Trigger};
use super::responses::response_of;
use super::roles::{actors_of, carry_subject, first_subject, starts_with_pronoun};
use super::triggers::{told, Told};
use crate::model::Figure;

/// Whether word `at` opens the sentence: nothing before it but a date clause, a determiner or
/// an opening phrase set off by a comma.
fn opens_sentence(s: &SentenceReading, at: usize) -> bool {
    (0..at).all(|k| {
        let in_date = s
            .dates
            .iter()
            .any(|d| s.words[k].start >= d.start && s.words[k].end <= d.end);
        in_date
            || matches!(
                s.low[k],
                "the" | "a" | "an" | "on" | "in" | "at" | "late" | "early"
            )
            || s.words[k].clause < s.words[at].clause && k < 6
    })
}

/// Whether the words of event `e` tell it as one more of its kind: "again" just after it ("I
/// called him again"), "another", "a new", "a similar" or "a second" just before it, or a
/// sentence opening a scene of its own ("Meanwhile, officials in Herat confirmed a … raid",
/// "In a separate incident, …", "Earlier Friday, …").
fn anew(s: &SentenceReading, e: &Trigger) -> bool {
    if e.event_type != "statement" && opens_apart(&s.low) {
        return true;
    }
    // "Earlier Friday, a Taliban suicide bomber … blew himself up": another happening that
    // day, told after the one before it.
    if e.event_type != "statement"
        && matches!(s.low.first(), Some(&("earlier" | "later")))
        && s.dates.iter().any(|d| d.word <= 2)
    {
        return true;
    }
    let after = (e.to..(e.to + 3).min(s.low.len())).any(|k| s.low[k] == "again");
    // "another al-Shabab attack": a name may stand between.
    let before = (e.from.saturating_sub(4)..e.from).any(|k| {
        s.words[k].clause == s.words[e.from].clause && s.low[k] == "another"
            || k > 0
                && s.low[k - 1] == "a"
                && (matches!(s.low[k], "new" | "similar") || is_ordinal(s.low[k]))
    });
    after || before
}

/// What an article has told so far.
#[derive(Debug, Default)]
pub(super) struct Story {
    /// The reports, in the order they were told.
    pub(super) reports: Vec<Report>,
    /// The people introduced by their titles.
    pub(super) people: People,
    /// The subject of the latest sentence that had one.
    previous_subject: Option<Target>,
    /// The actor the article's publisher names, if the lexicon knows one: its own voice.
    pub(super) publisher: Option<Target>,
}

/// The story of the article `reading` reads.
pub(super) fn tell(reading: &Reading, lexicon: &Lexicon) -> Story {
    let mut story = Story {
        publisher: reading
            .publisher
            .and_then(|p| super::names::publisher_actor(p, lexicon)),
        ..Story::default()
    };
    for si in 0..reading.sentences.len() {
        story.add_sentence(reading, si, lexicon);
    }
    // "U.S.-Armenia-Azerbaijan Joint Statement": a text its headline calls a statement, telling
    // no saying in its sentences, is its publisher's statement.
    if let Some(said) = titled_statement(reading, &story) {
        story.reports.insert(0, said);
    }
    // What the article tells undated happened no later than its publication.
    for r in &mut story.reports {
        if r.date.is_none() && r.unfixed.is_none() && r.event_type != "statement" {
            r.date = told_before_publication(reading);
        }
    }
    story
}

impl Story {
    /// Tells sentence `si`: its reports, and what it adds to the reports before it.
    fn add_sentence(&mut self, reading: &Reading, si: usize, lexicon: &Lexicon) {
        let s = SentenceReading::new(reading, si, lexicon, &mut self.people);
        let told = told(reading, &s, lexicon, &self.reports, self.publisher);
        let pronoun = starts_with_pronoun(&s);
        // The sentence's subject, for a "they" or "he" in the next: its own, or the one it
        // carried on.
        // The subject a "they" or "he" may take up: an actor opening the sentence, not one
        // named later after some other subject ("On Friday, the rebels declared …").
        // Not a speaker ("An Israeli army spokeswoman confirmed …": a "they" after is someone
        // she spoke of).
        let mut subject = first_subject(&s.mentions, s.words).filter(|t| {
            s.mentions.iter().find(|m| m.target == *t).is_some_and(|m| {
                opens_sentence(&s, m.from)
                    && !told
                        .frames
                        .iter()
                        .any(|f| f.speaker.0 <= m.from && m.from < f.speaker.1)
            })
        });
        let mut emitted: Vec<Report> = Vec::new();
        for e in &told.events {
            let (report, carried) = self.report(reading, &s, lexicon, &told, e, pronoun);
            if carried.is_some() {
                subject = carried;
            }
            // Plural acts shared out, when they are the sentence's one act of their family:
            // "artillery attacks and Russian airstrikes … in western Aleppo and Idlib" would
            // share the places out otherwise.
            let plural = plural_act(s.low[e.to - 1]);
            // Or the last of its family, told apart after another in its clause: "attacks
            // … in Jeddah as well as attacks … in Jizan, Najran, and Dhahran".
            let onward = second_in_clause(&s, &told, e);
            let last = !told
                .events
                .iter()
                .any(|x| x.from > e.from && family(x.event_type) == family(e.event_type));
            let alone = told
                .events
                .iter()
                .filter(|x| family(x.event_type) == family(e.event_type))
                .count()
                == 1
                || onward && last;
            if !(plural && alone && e.event_type != "statement") {
                emitted.push(report);
                continue;
            }
            // "Air strikes May 25, two airstrikes June 23 and 30, …": one act on each day;
            // "the attacks yesterday in Damascus and Homs": one act in each place.
            if let Some(days) = days_apart(reading, &s, &self.reports, e.from) {
                // "in Ibb on 31 December and in Dhamar on 4 January": each day its place.
                let places: Vec<Option<Placed>> =
                    days.iter().map(|&(_, at)| place_of_day(&s, at)).collect();
                let paired = places.iter().all(Option::is_some);
                emitted.extend(
                    days.into_iter()
                        .zip(places)
                        .map(|((day, _), place)| Report {
                            date: Some(day),
                            date_own: true,
                            place: if paired { place } else { report.place.clone() },
                            ..report.clone()
                        }),
                );
            } else if let Some(places) = places_apart(&s, lexicon, e.from, &told.frames, onward) {
                emitted.extend(places.into_iter().map(|place| Report {
                    place: Some(place),
                    ..report.clone()
                }));
            } else {
                emitted.push(report);
            }
        }
        // "These strikes include the removal of … on Jan. 17; … on Jan. 12; and … on Jan. 6":
        // the happenings pointed back at, told again one by one, each on its day.
        let mut anaphors = told.anaphors.clone();
        anaphors.retain(|&(at, ty)| {
            let Some(days) = parts_listed(reading, &s, &self.reports, at) else {
                return true;
            };
            let e = Trigger {
                from: at,
                to: at + 1,
                event_type: ty,
                cue: s.low[at].to_string(),
            };
            let (report, _) = self.report(reading, &s, lexicon, &told, &e, pronoun);
            emitted.extend(days.into_iter().map(|(day, _)| Report {
                date: Some(day),
                date_own: true,
                back_reference: false,
                // Parts of the whole told before, not that whole again.
                anew: true,
                ..report.clone()
            }));
            false
        });
        keep_each_once(&mut emitted);
        let dates: Vec<Option<Dated>> = anaphors
            .iter()
            .map(|&(at, _)| date_at(reading, &s, &self.reports, at, &told.frames))
            .collect();
        attach(
            &mut self.reports,
            &anaphors,
            &dates,
            &s,
            &mut emitted,
            lexicon,
            &told.frames,
        );
        // A sentence whose subject is no actor ("the rebels declared …") leaves "they" in the
        // next without one.
        self.previous_subject = subject;
        self.reports.extend(emitted);
    }

    /// The report of event `e` of sentence `s`, and the subject it took on from the sentence
    /// before, if it did.
    fn report(
        &self,
        reading: &Reading,
        s: &SentenceReading,
        lexicon: &Lexicon,
        told: &Told,
        e: &Trigger,
        pronoun: bool,
    ) -> (Report, Option<Target>) {
        let back_reference = refers_back(s, e.from);
        let frame = (e.event_type == "statement")
            .then(|| told.frames.iter().find(|f| f.verb == e.from))
            .flatten();
        let said = frame.map(|f| f.content);
        // "I condemn the attempted attack against the consulate": what a saying looks back on
        // happened before it.
        let looked_back_on = e.event_type != "statement"
            && told
                .frames
                .iter()
                .any(|f| f.covers(e.from) && f.looks_back(s));
        // The saying that reports the happening, if any ("officials said Thursday that …").
        let reported = (e.event_type != "statement")
            .then(|| {
                told.frames
                    .iter()
                    .find(|f| f.covers(e.from))
                    .map(|f| (f.verb, f.content))
            })
            .flatten();
        let dating = date_of(
            reading,
            s,
            &self.reports,
            e,
            (back_reference, looked_back_on),
            said,
            reported,
        );
        // A statement is placed where it was said, which texts seldom tell: no place.
        let place = if e.event_type == "statement" {
            None
        } else {
            place_of(
                s,
                lexicon,
                e.from,
                &told.frames,
                second_in_clause(s, told, e),
            )
        };
        let mut actors = actors_of(s, lexicon, e, &told.frames);
        let ordered = carrying_verb(s, e).is_some_and(|(lv, _)| ORDERS.contains(&s.low[lv]));
        let carried = carry_subject(
            &mut actors,
            (e.event_type, ordered),
            pronoun,
            self.previous_subject,
        );
        // Figures in the sentence, for the event of their clause (or the only event).
        let clause = s.words[e.from].clause;
        let fam = family(e.event_type);
        let figures = s
            .figures
            .iter()
            .filter(|(word, f)| {
                fits_event(&f.what, fam)
                    && (s.words[*word].clause == clause
                        || told.cued <= 1
                        || last_act_before(s, told, *word, &f.what) == Some(e.from))
            })
            .map(|(word, f)| {
                // Who gives the number: the speaker whose words hold it.
                let frame = told
                    .frames
                    .iter()
                    .filter(|fr| fr.covers(*word))
                    .min_by_key(|fr| fr.content.1 - fr.content.0);
                Figure {
                    according_to: frame.map(|fr| fr.words.clone()),
                    ..f.clone()
                }
            })
            .collect();
        let confidence = confidence(e.event_type, dating.date.as_ref());
        let report = Report {
            event_type: e.event_type,
            cue: e.cue.clone(),
            sentence: s.index,
            word: e.from,
            date: dating.date,
            date_own: dating.own,
            place,
            actors,
            subject_from_pronoun: carried.is_some(),
            figures,
            response: response_of(s, e.from, &self.reports, told),
            confidence,
            back_reference,
            anew: anew(s, e),
            also: Vec::new(),
            unfixed: dating.unfixed,
            own_voice: frame.is_some_and(|f| f.first_person),
        };
        (report, carried)
    }
}

/// The days of the parts a plural happening pointed back at is said to include ("These
/// strikes include … on Jan. 17; … on Jan. 12; and … on Jan. 6"), when it lists two or more.
fn parts_listed(
    reading: &Reading,
    s: &SentenceReading,
    earlier: &[Report],
    at: usize,
) -> Option<Vec<(Dated, usize)>> {
    let plural = plural_act(s.low[at]);
    let includes = (at + 1..(at + 4).min(s.low.len()))
        .any(|k| matches!(s.low[k], "include" | "included" | "including"));
    (plural && includes)
        .then(|| days_apart(reading, s, earlier, at))
        .flatten()
}

/// The statement a text is, by its headline ("Statement by Pentagon Press Secretary Peter Cook
/// …"), when none of its sentences tells a saying: its publisher's, on the day it was
/// published, told by its first sentence.
fn titled_statement(reading: &Reading, story: &Story) -> Option<Report> {
    let title = reading.title?.to_lowercase();
    let titled = title
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "statement");
    if !titled
        || reading.words.first().is_none_or(|w| w.is_empty())
        || story.reports.iter().any(|r| r.event_type == "statement")
    {
        return None;
    }
    // Its words are the sentences that tell no happening of their own ("This bombardment … is
    // a terrible reminder of Vladimir Putin's efforts …", "… we cannot afford any further
    // delays"), else the first.
    let own: Vec<usize> = (0..reading.sentences.len())
        .filter(|&k| !story.reports.iter().any(|r| r.sentence == k))
        .collect();
    let (sentence, also) = match own.split_first() {
        Some((&first, rest)) => (first, rest.to_vec()),
        None => (0, Vec::new()),
    };
    Some(Report {
        event_type: "statement",
        cue: "statement".into(),
        sentence,
        word: 0,
        date: around_publication(reading),
        date_own: false,
        place: None,
        actors: story
            .publisher
            .map(|p| vec![Part::new(p, "speaker")])
            .unwrap_or_default(),
        subject_from_pronoun: false,
        figures: Vec::new(),
        response: None,
        confidence: confidence("statement", None),
        back_reference: false,
        anew: false,
        also,
        unfixed: None,
        own_voice: true,
    })
}

/// Whether `w` names acts in the plural, which a sentence may share out over days, places or
/// listed parts.
fn plural_act(w: &str) -> bool {
    matches!(
        w,
        "attacks" | "strikes" | "airstrikes" | "bombings" | "explosions" | "raids" | "operations"
    )
}

/// For a figure at word `word` counting `what` in a clause that tells no event of its own
/// ("…, destroyed a school and a residential building, killing at least three people and
/// wounding 28 others"), the word of the last event before it that such a figure fits: the act
/// the clause goes on about.
fn last_act_before(s: &SentenceReading, told: &Told, word: usize, what: &str) -> Option<usize> {
    let clause = s.words[word].clause;
    if told.events.iter().any(|t| s.words[t.from].clause == clause) {
        return None;
    }
    told.events
        .iter()
        .filter(|t| t.from < word && fits_event(what, family(t.event_type)))
        .map(|t| t.from)
        .max()
}

/// Whether event `e` follows another of its family in its clause that a place named between
/// them belongs to ("attacks … in Jeddah as well as attacks … in Jizan"; not "artillery attacks
/// and Russian airstrikes … in western Aleppo and Idlib"): told apart from it, it is placed by
/// what is named after it.
fn second_in_clause(s: &SentenceReading, told: &Told, e: &Trigger) -> bool {
    let clause = s.words[e.from].clause;
    told.events.iter().any(|x| {
        x.from < e.from
            && s.words[x.from].clause == clause
            && family(x.event_type) == family(e.event_type)
            && s.mentions
                .iter()
                .any(|m| matches!(m.target, Target::Place(_)) && x.to <= m.from && m.to <= e.from)
    })
}
