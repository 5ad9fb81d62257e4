//! Merging reports of one happening into one event with several sources.
//!
//! Two reports merge when they agree enough and conflict nowhere. Conflicts: different type
//! families, date spans that do not overlap, places that are neither the same nor one within the
//! other; within one article, two different date phrases (unless the article's first sentence
//! gives a period, "earlier this month", not written end to end like "Dec. 15-17", and a later
//! one a day within it), or the same
//! sentence. Agreement scores
//! points: the same type (2) or family (1); the same place (2) or one within the other below
//! the country (2); both dates known within two months and overlapping (1); each shared person
//! (2) and other actor (1, two at most); within an article, doers of one side named two ways
//! ("U.S. forces", "the U.S.", 1); shared wording across articles (1 or 2); a figure of
//! the same kind (1); within an article, adjacent sentences (1), "they"/"he" carrying the
//! subject on (2), and a back-reference such as "after a deadly airstrike" to an earlier event
//! (2). Four points merge, and the reasons are kept in the event's draft notes for the card.

use std::collections::{HashMap, HashSet};

use super::cues;
use super::families::{family, slot};
use crate::model::edtf::{DaySpan, Edtf, Endpoint};
use crate::model::event_type::Family;
use crate::model::text::fold;
use crate::model::{Draft, Event, Package};

/// What two reports are compared on.
#[derive(Debug, Clone)]
pub struct Features {
    family: Option<Family>,
    event_type: String,
    span: Option<DaySpan>,
    date_words: Option<String>,
    date_own: bool,
    place_chain: Vec<String>,
    actors: HashSet<String>,
    perpetrators: HashSet<String>,
    /// The sides the perpetrators act for: each one's affiliation ("United States" for U.S.
    /// Central Command), else its own name, folded.
    perpetrator_sides: HashSet<String>,
    speakers: HashSet<String>,
    place_depth: usize,
    persons: HashSet<String>,
    words: HashSet<String>,
    figures: HashSet<String>,
    /// The sentences the reports come from: (document, sentence index), when known.
    at: Vec<(String, usize)>,
    document: String,
    pronoun: bool,
    back_reference: bool,
    /// Told as one more of its kind ("again", "another"): apart from what its article told
    /// before.
    anew: bool,
    /// For an event of type "other" drafted from an article, the words that told it: within
    /// the article, kinds told by different words are different happenings.
    other_kind: Option<String>,
    /// A sentence it comes from is in an item of a list: an item tells a happening apart from
    /// the other items and from the sentence that opens the list.
    listed: bool,
    /// A statement in the article's own voice: said by "we" or "I", or by its publisher.
    own_voice: bool,
    /// The days the report's article may have been published on, when it says.
    published: Option<DaySpan>,
}

impl Features {
    /// The features of `event` as `package` describes its places and actors.
    pub fn of(
        event: &Event,
        package: &Package,
        sentence: Option<usize>,
        date_own: bool,
    ) -> Features {
        let mut place_chain = Vec::new();
        let mut at = event.place.clone();
        while let Some(id) = at {
            if place_chain.contains(&id) || place_chain.len() > 16 {
                break;
            }
            at = package
                .places
                .iter()
                .find(|p| p.id == id)
                .and_then(|p| p.within.clone());
            place_chain.push(id);
        }
        // Only who acted, spoke, met or was hit counts; a name merely mentioned does not.
        let principal = |role: &str| !matches!(role, "mentioned" | "reporter");
        let persons = event
            .actors
            .iter()
            .filter(|p| principal(&p.role))
            .filter(|p| {
                package
                    .actors
                    .iter()
                    .any(|a| a.id == p.actor && a.kind.as_deref() == Some("person"))
            })
            .map(|p| p.actor.clone())
            .collect();
        let quotes: Vec<&str> = event.sources.iter().map(|s| s.quote.as_str()).collect();
        let document = event
            .sources
            .first()
            .map(|s| s.document.clone())
            .unwrap_or_default();
        let published = package
            .documents
            .iter()
            .find(|d| d.id == document)
            .and_then(|d| d.published.as_ref())
            .map(|p| p.span());
        Features {
            family: family(&event.event_type),
            event_type: event.event_type.clone(),
            span: span_of(event),
            date_words: event.date.as_ref().and_then(|d| d.text.clone()),
            date_own,
            place_chain: place_chain.clone(),
            actors: event
                .actors
                .iter()
                .filter(|p| principal(&p.role))
                .map(|p| p.actor.clone())
                .collect(),
            perpetrators: event
                .actors
                .iter()
                .filter(|p| matches!(p.role.as_str(), "perpetrator" | "suspected"))
                .map(|p| p.actor.clone())
                .collect(),
            perpetrator_sides: event
                .actors
                .iter()
                .filter(|p| matches!(p.role.as_str(), "perpetrator" | "suspected"))
                .filter_map(|p| package.actors.iter().find(|a| a.id == p.actor))
                .map(|a| fold(a.affiliation.as_deref().unwrap_or(&a.name)))
                .collect(),
            speakers: event
                .actors
                .iter()
                .filter(|p| p.role == "speaker")
                .map(|p| p.actor.clone())
                .collect(),
            place_depth: place_chain.len(),
            persons,
            words: content_words(&quotes.join(" ")),
            figures: event.figures.iter().map(|f| f.what.clone()).collect(),
            at: sentence
                .map(|i| vec![(document.clone(), i)])
                .unwrap_or_default(),
            document,
            pronoun: false,
            back_reference: false,
            anew: false,
            other_kind: None,
            listed: false,
            own_voice: false,
            published,
        }
    }

    /// With whether a statement is said in its article's own voice.
    pub fn in_own_voice(mut self, own: bool) -> Features {
        self.mark_own_voice(own);
        self
    }

    /// Marks a statement as said in its article's own voice, when `own`.
    /// Whether the report is a statement in its article's own voice.
    pub fn own_voice(&self) -> bool {
        self.own_voice
    }

    pub fn mark_own_voice(&mut self, own: bool) {
        self.own_voice |= own && self.event_type == "statement";
    }

    /// With whether its sentence is in an item of a list.
    pub fn in_list(mut self, listed: bool) -> Features {
        self.listed = listed;
        self
    }

    /// With the words that told an event of type "other" ("blocked", "stopped broadcasting").
    /// The words of one aircraft meeting another ("harassing", "closely approached", "in an
    /// unsafe and unprofessional manner", "struck the propeller") tell one kind.
    pub fn told_by(mut self, cue: &str) -> Features {
        if self.event_type == "other" {
            let cue = fold(cue);
            let encounter = [
                "harass",
                "unprofessional",
                "approached",
                "struck",
                "hit",
                "intercept",
            ]
            .iter()
            .any(|w| cue.contains(w));
            self.other_kind = Some(if encounter { "intercept".into() } else { cue });
        }
        self
    }

    /// With the within-article cues set.
    pub fn with(mut self, pronoun: bool, back_reference: bool, anew: bool) -> Features {
        self.pronoun = pronoun;
        self.back_reference = back_reference;
        self.anew = anew;
        self
    }

    fn absorb(&mut self, other: &Features) {
        self.listed |= other.listed;
        self.own_voice |= other.own_voice;
        self.actors.extend(other.actors.iter().cloned());
        self.perpetrators.extend(other.perpetrators.iter().cloned());
        self.perpetrator_sides
            .extend(other.perpetrator_sides.iter().cloned());
        self.speakers.extend(other.speakers.iter().cloned());
        self.persons.extend(other.persons.iter().cloned());
        self.words.extend(other.words.iter().cloned());
        self.figures.extend(other.figures.iter().cloned());
        if other.place_chain.len() > self.place_chain.len() {
            self.place_chain = other.place_chain.clone();
            self.place_depth = other.place_depth;
        }
        match (self.span, other.span) {
            (None, s) => self.span = s,
            (Some(a), Some(b)) if b.days() < a.days() => self.span = Some(b),
            _ => {}
        }
        self.at.extend(other.at.iter().cloned());
        self.at.sort();
        if self.document == other.document {
            self.date_own |= other.date_own;
        }
    }
}

/// Why `b` is the same happening as `a`, with its score; `None` on any conflict.
pub fn agreement(a: &Features, b: &Features) -> Option<(u32, Vec<String>)> {
    if a.family != b.family || a.family.is_none() || slot(&a.event_type) != slot(&b.event_type) {
        return None;
    }
    // Done by different hands, or with different people: two happenings. Forces of one side
    // (U.S. Central Command, the U.S. military) are one hand.
    if !a.perpetrators.is_empty()
        && !b.perpetrators.is_empty()
        && a.perpetrators.is_disjoint(&b.perpetrators)
        && a.perpetrator_sides.is_disjoint(&b.perpetrator_sides)
    {
        return None;
    }
    // What an article says in its own voice is one statement, whoever it names.
    let own_words = a.own_voice && b.own_voice && a.document == b.document;
    if !own_words
        && !a.persons.is_empty()
        && !b.persons.is_empty()
        && a.persons.is_disjoint(&b.persons)
    {
        return None;
    }
    if a.document == b.document
        && (long_past_beside_undated(a, b) || long_past_beside_undated(b, a))
    {
        return None;
    }
    // "I called him again": one more, not the call told before.
    if a.document == b.document && b.anew {
        return None;
    }
    // Within one article, two kinds named apart ("a killing", "a rocket attack") are two
    // happenings; only a generic "attack", or a sentence going on with "they" ("They raided
    // the base. They arrested …"), may be one of a kind told elsewhere.
    if a.document == b.document
        && a.event_type != b.event_type
        && a.event_type != "attack"
        && b.event_type != "attack"
        && !a.pronoun
        && !b.pronoun
    {
        return None;
    }
    // "Other" gathers kinds with nothing in common: told by different words in one
    // article ("shut down the airport", "websites were blocked"), two happenings.
    if a.document == b.document {
        if let (Some(x), Some(y)) = (&a.other_kind, &b.other_kind) {
            if x != y {
                return None;
            }
        }
    }
    // A statement is its speaker's: two speakers, or a speaker against none across articles,
    // are two statements.
    // The words an article says in its own voice ("we condemn", "U.S. Africa Command will
    // continue" in its release) are one statement, whatever else names the speaker.
    let own_voice = a.own_voice && b.own_voice && a.document == b.document;
    if a.event_type == "statement" && b.event_type == "statement" && !own_voice {
        let apart = match (a.speakers.is_empty(), b.speakers.is_empty()) {
            (false, false) => a.speakers.is_disjoint(&b.speakers),
            (true, true) => false,
            // A speaker not named may be the one named in its neighbour of the same article.
            _ => !shares_article(a, b),
        };
        if apart {
            return None;
        }
    }
    let mut points = Points::default();
    if a.event_type == b.event_type {
        points.add(2, format!("the same type ({})", a.event_type));
    } else {
        points.add(1, "the same family of types".to_string());
    }
    // One speaker's words in one article, on one day, are one statement: a release that
    // condemns, then calls on, then vows is one saying; so are the words of its own voice
    // ("we", "I"), whose speaker is not named.
    if a.event_type == "statement"
        && b.event_type == "statement"
        && a.document == b.document
        && (a.speakers == b.speakers || own_voice)
    {
        points.add(2, "one speaker in one article".into());
    }
    points.dates(a, b)?;
    points.places(a, b)?;
    let shared_people = points.actors(a, b);
    points.wording(a, b);
    if a.figures.intersection(&b.figures).next().is_some() {
        points.add(1, "figures of the same kind".into());
    }
    points.sentences(a, b)?;
    // Across articles, reports merge only when their dates and places agree, not when either
    // is unknown, unless a shared person, similar wording, or one doer of one type with counts
    // of the same kind tells the same happening: shared organisations alone recur in too many
    // happenings.
    if !shares_article(a, b) {
        let dates_agree = a.span.is_some() && b.span.is_some();
        let places_agree = points.why.iter().any(|w| w.contains("place"));
        let shared_doer = a.event_type == b.event_type
            && !a.perpetrators.is_disjoint(&b.perpetrators)
            && points.why.iter().any(|w| w.contains("figures"));
        let wording = points.why.iter().any(|w| w.contains("wording"));
        if !(dates_agree && places_agree
            || shared_people
            || shared_doer
            || wording && (dates_agree || places_agree))
        {
            return None;
        }
    }
    Some((points.score, points.why))
}

/// Whether `x` has a date of its own that ended more than 30 days before its article was
/// published, and `y` has none: in one article, a happening long past and one the text does
/// not date ("… deployed in January 2013" and "The army said it had sent reinforcements").
fn long_past_beside_undated(x: &Features, y: &Features) -> bool {
    y.span.is_none()
        && x.date_own
        && match (x.span, x.published) {
            (Some(d), Some(p)) => d.latest + 30 < p.earliest,
            _ => false,
        }
}

/// Whether date words name the two ends of a span: "Dec. 4 and yesterday", "Dec. 15-17",
/// "Sept. 23 to Dec. 13".
fn names_two_ends(words: &str) -> bool {
    let dashed = words
        .split(['-', '–'])
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0].ends_with(|c: char| c.is_ascii_digit())
                && w[1].starts_with(|c: char| c.is_ascii_digit())
        });
    dashed
        || words
            .split(' ')
            .any(|w| matches!(w, "and" | "to" | "through" | "until"))
}

/// Whether the report is told in its article's first sentence, the lead.
fn told_first(x: &Features) -> bool {
    x.at.iter().any(|(d, k)| *k == 0 && *d == x.document)
}

/// Whether two reports come, in part, from one article.
fn shares_article(a: &Features, b: &Features) -> bool {
    a.document == b.document || a.at.iter().any(|(d, _)| b.at.iter().any(|(e, _)| d == e))
}

/// The points two reports agree on, and why, as they are added up.
#[derive(Default)]
struct Points {
    score: u32,
    why: Vec<String>,
}

impl Points {
    fn add(&mut self, points: u32, why: String) {
        self.score += points;
        self.why.push(why);
    }

    /// Dates known within two months and overlapping agree; dates that do not overlap
    /// conflict.
    fn dates(&mut self, a: &Features, b: &Features) -> Option<()> {
        if let (Some(x), Some(y)) = (a.span, b.span) {
            if !x.overlaps(&y) {
                return None;
            }
            if x.days() <= 62 && y.days() <= 62 {
                self.add(1, "overlapping dates".into());
            }
        }
        Some(())
    }

    /// The same place, or one within the other below the country, agrees; places apart
    /// conflict.
    fn places(&mut self, a: &Features, b: &Features) -> Option<()> {
        if let (Some(x), Some(y)) = (a.place_chain.first(), b.place_chain.first()) {
            if x == y {
                self.add(2, "the same place".into());
            } else if a.place_chain.contains(y) || b.place_chain.contains(x) {
                // Both in one country says little; both in one city or site says more.
                if a.place_chain.len().min(b.place_chain.len()) > 1 {
                    self.add(2, "one place within the other".into());
                }
            } else {
                return None;
            }
        }
        Some(())
    }

    /// Each shared person agrees by two, other shared actors by one (two at most); whether a
    /// person is shared.
    fn actors(&mut self, a: &Features, b: &Features) -> bool {
        let shared_people = a.persons.intersection(&b.persons).count() as u32;
        let shared_other = a
            .actors
            .intersection(&b.actors)
            .filter(|x| !a.persons.contains(*x))
            .count() as u32;
        self.score += 2 * shared_people + shared_other.min(2);
        // Doers of one side named two ways ("U.S. forces", "the U.S."), in one article.
        let same_side = a.document == b.document
            && a.perpetrators.is_disjoint(&b.perpetrators)
            && !a.perpetrator_sides.is_disjoint(&b.perpetrator_sides);
        if same_side {
            self.add(1, "doers of one side".into());
        }
        if shared_people > 0 || shared_other > 0 {
            let mut names: Vec<&String> = a.actors.intersection(&b.actors).collect();
            names.sort();
            self.why.push(format!(
                "shared actors ({})",
                names
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        shared_people > 0
    }

    /// Shared wording across articles agrees. Within one article, neighbouring sentences share
    /// their topic's words: only wording across articles counts.
    fn wording(&mut self, a: &Features, b: &Features) {
        let common = if a.document == b.document {
            0.0
        } else {
            a.words.intersection(&b.words).count() as f64
        };
        let union = a.words.union(&b.words).count().max(1) as f64;
        let jaccard = common / union;
        if jaccard >= 0.3 {
            self.add(2, "much the same wording".into());
        } else if jaccard >= 0.18 {
            self.add(1, "similar wording".into());
        }
    }

    /// Within one article, by the closest pair of sentences the two come from: adjacent ones,
    /// a pronoun carrying the subject on, a sentence without a date of its own or referring
    /// back agree; the same sentence, or two dates of their own told differently, conflict.
    fn sentences(&mut self, a: &Features, b: &Features) -> Option<()> {
        // Both lists are sorted: each sentence of the shorter is looked up in the longer.
        let (short, long) = if a.at.len() <= b.at.len() {
            (&a.at, &b.at)
        } else {
            (&b.at, &a.at)
        };
        let closest = short
            .iter()
            .filter_map(|(d, x)| {
                let at = long.partition_point(|(e, y)| (e.as_str(), *y) < (d.as_str(), *x));
                [at.checked_sub(1), Some(at)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| long.get(k))
                    .filter(|(e, _)| e == d)
                    .map(|(_, y)| x.abs_diff(*y))
                    .min()
            })
            .min();
        let Some(gap) = closest else {
            return Some(());
        };
        // "conducted 11 strikes in Syria:", "-- Near Raqqa, three strikes …", "-- Near Ayn Isa,
        // five strikes …": the list's opening and each item, happenings apart.
        if gap > 0 && (a.listed || b.listed) && a.document == b.document {
            return None;
        }
        match gap {
            0 => return None,
            1 => {
                if a.event_type == b.event_type || b.pronoun {
                    self.add(1, "adjacent sentences".into());
                }
                if b.pronoun {
                    self.add(2, "'they'/'he' carries the subject on".into());
                }
            }
            _ => {}
        }
        // Two dates of their own, told differently, unless they come to the same one day
        // ("late Monday" and "on Monday").
        let same_day = a.span == b.span && a.span.is_some_and(|s| s.days() == 1);
        // "… was killed earlier this month by a U.S. airstrike" in the first sentence, then
        // "… killed by a U.S. airstrike … on July 11": the lead's span, the later day within it.
        // Not a span written from one day to another ("between Dec. 4 and yesterday",
        // "Dec. 15-17"): the lead then sums up days the article goes on to tell one by one.
        let lead_holds_day = |x: &Features, y: &Features| {
            told_first(x)
                && !x.date_words.as_deref().is_some_and(names_two_ends)
                && x.event_type == y.event_type
                && x.event_type != "statement"
                && !y.anew
                && match (x.span, y.span) {
                    (Some(wide), Some(day)) => {
                        day.days() == 1
                            && wide.days() > 2
                            && wide.earliest <= day.earliest
                            && day.latest <= wide.latest
                    }
                    _ => false,
                }
        };
        if a.document == b.document
            && a.date_own
            && b.date_own
            && a.date_words != b.date_words
            && !same_day
            && !lead_holds_day(a, b)
            && !lead_holds_day(b, a)
        {
            return None;
        }
        if a.document == b.document
            && a.event_type == b.event_type
            && a.date_own
            && b.date_own
            && a.span.is_some_and(|s| s.days() == 1)
            && a.span == b.span
        {
            self.add(1, "the same day".into());
        }
        // A report's first sentence tells its happening undated, a later one gives the day
        // ("A dozen soldiers were killed when gunmen attacked a military post" … "attacked the
        // base on Friday morning"): one happening, when nothing sets them apart.
        let lead_then_day =
            |x: &Features, y: &Features| told_first(x) && x.span.is_none() && y.date_own && !y.anew;
        if a.document == b.document
            && a.event_type == b.event_type
            && a.event_type != "statement"
            && (lead_then_day(a, b) || lead_then_day(b, a))
        {
            self.add(
                2,
                "the report's first sentence tells it, a later one its day".into(),
            );
        }
        if a.event_type == b.event_type && !(a.date_own && b.date_own) && gap == 1 {
            self.add(
                1,
                "the later sentence goes on without a date of its own".into(),
            );
        }
        if b.back_reference {
            self.add(
                2,
                "the later sentence refers back to it ('months after …')".into(),
            );
        }
        Some(())
    }
}

/// A folded word set of a text, for comparing reports.
fn content_words(text: &str) -> HashSet<String> {
    fold(text)
        .split(' ')
        .filter(|w| w.len() >= 3 && !cues::STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// The days of `e`'s date, if the text gives one: a bound with no words of the text ("on or
/// before the publication") says nothing of which happening it is.
fn span_of(e: &Event) -> Option<DaySpan> {
    e.date
        .as_ref()
        .filter(|d| d.text.is_some() || !matches!(d.edtf, Edtf::Interval(Endpoint::Open, _)))
        .map(|d| d.edtf.span())
}

/// Points needed to merge.
pub const THRESHOLD: u32 = 4;

/// Adds `new` events to `package`, each merged into the best-agreeing event already there
/// (from this article or earlier ones) when it agrees enough.
pub fn merge_into(package: &mut Package, new: Vec<(Event, Features)>) {
    let mut features: Vec<Features> = package
        .events
        .iter()
        .map(|e| Features::of(e, package, None, e.date.is_some()))
        .collect();
    // Events already in the package are never merged with each other, only with new ones.
    let mut is_new = vec![false; features.len()];
    let mut redirect: HashMap<String, String> = HashMap::new();
    for (mut event, f) in new {
        for r in &mut event.relations {
            if let Some(to) = redirect.get(&r.event) {
                r.event = to.clone();
            }
        }
        let best = features
            .iter()
            .enumerate()
            .filter_map(|(i, g)| agreement(g, &f).map(|(s, why)| (i, s, why)))
            .filter(|(_, s, _)| *s >= THRESHOLD)
            // The best score; among equals, the event told first.
            .min_by_key(|(i, s, _)| (std::cmp::Reverse(*s), *i));
        match best {
            Some((i, score, why)) => {
                let target = &mut package.events[i];
                redirect.insert(event.id.clone(), target.id.clone());
                let deeper = f.place_depth > features[i].place_depth;
                merge(target, event, &why, score, deeper);
                let target_id = target.id.clone();
                target.relations.retain(|r| r.event != target_id);
                features[i].absorb(&f);
                is_new[i] = true;
            }
            None => {
                event.relations.retain(|r| r.event != event.id);
                package.events.push(event);
                features.push(f);
                is_new.push(true);
            }
        }
    }
    // Reports merged separately may be one happening too: merge until nothing agrees. Each
    // event is looked at again only when a merge changed it, so a long text takes time in
    // proportion to the square of its reports, not the cube.
    let n = package.events.len();
    let mut alive = vec![true; n];
    let mut queue: std::collections::VecDeque<usize> = (0..n).filter(|&i| is_new[i]).collect();
    while let Some(i) = queue.pop_front() {
        if !alive[i] {
            continue;
        }
        let partner = (0..n)
            .filter(|&k| k != i && alive[k] && (is_new[i] || is_new[k]))
            .find_map(|k| {
                let (a, b) = (k.min(i), k.max(i));
                agreement(&features[a], &features[b])
                    .filter(|(score, _)| *score >= THRESHOLD)
                    .map(|(score, why)| (a, b, score, why))
            });
        let Some((a, b, score, why)) = partner else {
            continue;
        };
        let event = std::mem::take(&mut package.events[b]);
        let f = features[b].clone();
        alive[b] = false;
        is_new[a] = true;
        redirect.insert(event.id.clone(), package.events[a].id.clone());
        let deeper = f.place_depth > features[a].place_depth;
        merge(&mut package.events[a], event, &why, score, deeper);
        features[a].absorb(&f);
        queue.push_back(a);
    }
    let mut keep = alive.into_iter();
    package.events.retain(|_| keep.next().unwrap_or(true));
    // Links to events merged away point at what they were merged into.
    for e in &mut package.events {
        for r in &mut e.relations {
            let mut hops = 0;
            while let Some(to) = redirect.get(&r.event) {
                r.event = to.clone();
                hops += 1;
                if hops > 64 {
                    break;
                }
            }
        }
        let id = e.id.clone();
        let mut seen = HashSet::new();
        e.relations
            .retain(|r| r.event != id && seen.insert(r.event.clone()));
    }
}

/// Folds report `b` into event `a`.
fn merge(a: &mut Event, b: Event, why: &[String], score: u32, deeper: bool) {
    let doc = b
        .sources
        .first()
        .map(|s| s.document.clone())
        .unwrap_or_default();
    let generic = |t: &str| matches!(t, "attack" | "killing");
    if generic(&a.event_type) && !generic(&b.event_type) {
        a.event_type = b.event_type.clone();
        a.title = b.title.clone();
    }
    match (&a.date, &b.date) {
        (None, Some(_)) => a.date = b.date.clone(),
        (Some(x), Some(y)) if y.edtf.span().days() < x.edtf.span().days() => {
            a.date = b.date.clone()
        }
        _ => {}
    }
    if deeper {
        a.place = b.place.clone();
        a.place_note = b.place_note.clone();
        if !generic(&b.event_type) {
            a.title = b.title.clone();
        }
    }
    for s in b.sources {
        if !a
            .sources
            .iter()
            .any(|x| x.document == s.document && x.quote == s.quote)
        {
            a.sources.push(s);
        }
    }
    for f in b.figures {
        if !a.figures.contains(&f) {
            a.figures.push(f);
        }
    }
    for p in b.actors {
        match a.actors.iter_mut().find(|x| x.actor == p.actor) {
            Some(x) if x.role == "mentioned" => x.role = p.role,
            Some(_) => {}
            None => a.actors.push(p),
        }
    }
    for r in b.relations {
        if r.event != a.id && !a.relations.iter().any(|x| x.event == r.event) {
            a.relations.push(r);
        }
    }
    // A reviewed event that gains a report goes back to review, with the reason.
    let d = a.draft.get_or_insert_with(|| {
        Box::new(Draft {
            confidence: 1.0,
            ..Draft::default()
        })
    });
    d.merged.push(format!(
        "A report from '{doc}' is merged in ({score} points): {}.",
        why.join(", ")
    ));
    let other = b.draft.map_or(0.0, |x| x.confidence);
    d.confidence = (d.confidence.max(other) * 100.0).round() / 100.0;
}
