//! From article to draft events: rules, a gazetteer and a lexicon, no model and no network.
//!
//! Each sentence is searched for event cues ([`cues::CUES`]). A cue makes a draft event with:
//! its type; its date from the date words of its clause or sentence ([`dates`]), resolved against
//! a date nearby, the publication date or the event told before; its place from the gazetteer
//! (the most specific place named where it happened); its actors from the lexicon and from titles
//! ("Gen.", "Prime Minister") with roles from word order; figures with their qualifiers; the
//! sentence as its verbatim source with its offset; `response-to` links from cue words; and the
//! rule behind each field, with a confidence. Reports of one happening, within an article and
//! across articles, are then merged ([`reconcile`]), keeping each source's figures.

pub mod cues;
pub mod dates;
pub mod gazetteer;
pub mod reconcile;
pub mod score;
pub mod words;
pub mod workbench;

use std::collections::{HashMap, HashSet};

use crate::model::edtf::{DaySpan, Edtf};
use crate::model::event_type::{self, Family};
use crate::model::text::slug;
use crate::model::{
    Actor, Document, Draft, Event, EventDate, Figure, Package, Participation, Place, Qualifier,
    Relation, RelationKind, Source,
};
use cues::{Counted, CUES, IRREALIS, LOCATIVE, RESPONSE, SPEECH};
use words::{key, Sentence, Word};

/// One article to extract from, with what is known about it.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The text, as plain text; paragraphs end at line breaks.
    pub text: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// The publication date, the reference for "last month" and weekdays.
    pub published: Option<Edtf>,
}

/// What the extractor knows of the world: places (a gazetteer) and actors (a lexicon).
#[derive(Clone)]
pub struct Lexicon {
    places: Vec<Place>,
    actors: Vec<Actor>,
    /// First word → entries starting with it.
    index: HashMap<String, Vec<Entry>>,
    depth: Vec<usize>,
    /// The cues with their words, longest first.
    cues: Vec<(&'static cues::Cue, Vec<String>)>,
    /// The titles' words.
    titles: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
struct Entry {
    words: Vec<String>,
    target: Target,
    /// Which of the name's words are capitalised: the text's must be too.
    capitals: Vec<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Place(usize),
    Actor(usize),
}

/// Arabic articles in names, written "al-" or "Al-" alike.
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "at", "an", "ash", "az", "abu", "bin", "ibn",
];

/// Titles before a person's name.
const TITLES: &[&str] = &[
    "gen",
    "general",
    "lt gen",
    "maj gen",
    "brig gen",
    "col",
    "adm",
    "president",
    "prime minister",
    "secretary of state",
    "defense secretary",
    "defence secretary",
    "foreign minister",
    "defense minister",
    "interior minister",
    "minister",
    "ayatollah",
    "sheikh",
    "sen",
    "senator",
    "ambassador",
    "commander",
    "spokesman",
    "spokeswoman",
];

impl Lexicon {
    /// Builds the lexicon from a gazetteer's places and a list of actors (each with aliases).
    pub fn new(places: Vec<Place>, actors: Vec<Actor>) -> Lexicon {
        let mut index: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |name: &str, target: Target, gazetteer: bool| {
            let cut = words::words(name, 0, name.len());
            let capitals: Vec<bool> = cut.iter().map(|w| w.capital).collect();
            let words: Vec<String> = cut.into_iter().map(|w| w.low).collect();
            if words.is_empty() {
                return;
            }
            if gazetteer && words.len() == 1 && cues::COMMON_NAMES.contains(&words[0].as_str()) {
                return;
            }
            index.entry(words[0].clone()).or_default().push(Entry {
                words,
                target,
                capitals,
            });
        };
        for (i, p) in places.iter().enumerate() {
            add(&p.name, Target::Place(i), true);
            for a in &p.aliases {
                add(a, Target::Place(i), true);
            }
        }
        for (i, a) in actors.iter().enumerate() {
            add(&a.name, Target::Actor(i), false);
            for alias in &a.aliases {
                add(alias, Target::Actor(i), false);
            }
        }
        for entries in index.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        let ids: HashMap<&str, usize> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let depth = (0..places.len())
            .map(|i| {
                let mut d = 0;
                let mut at = i;
                while let Some(up) = places[at].within.as_deref().and_then(|w| ids.get(w)) {
                    d += 1;
                    at = *up;
                    if d > 16 {
                        break;
                    }
                }
                d
            })
            .collect();
        let mut cue_list: Vec<(&'static cues::Cue, Vec<String>)> =
            CUES.iter().map(|c| (c, key(c.words))).collect();
        cue_list.sort_by_key(|c| std::cmp::Reverse(c.1.len()));
        Lexicon {
            places,
            actors,
            index,
            depth,
            cues: cue_list,
            titles: TITLES.iter().map(|t| key(t)).collect(),
        }
    }

    /// True when place `inner` lies within place `outer` (at any depth).
    fn within(&self, inner: usize, outer: usize) -> bool {
        let mut at = inner;
        for _ in 0..16 {
            let Some(up) = self.places[at].within.as_deref() else {
                return false;
            };
            let Some(next) = self.places.iter().position(|p| p.id == up) else {
                return false;
            };
            if next == outer {
                return true;
            }
            at = next;
        }
        false
    }

    /// The gazetteer's size and the lexicon's, for reports.
    pub fn sizes(&self) -> (usize, usize) {
        (self.places.len(), self.actors.len())
    }
}

/// A name found in a sentence: words `from..to`.
#[derive(Debug, Clone)]
struct Mention {
    from: usize,
    to: usize,
    target: Target,
}

/// A draft before it becomes an event.
#[derive(Debug, Clone)]
struct Draft0 {
    event_type: &'static str,
    cue: String,
    sentence: usize,
    date: Option<(Edtf, String, Option<String>, bool)>,
    date_own: bool,
    place: Option<usize>,
    place_words: String,
    near: bool,
    actors: Vec<(Target, &'static str)>,
    subject_from_pronoun: bool,
    figures: Vec<Figure>,
    respond: Option<(String, Option<usize>)>,
    confidence: f64,
    back_reference: bool,
    /// Later sentences that refer back to this happening ("the attack").
    also: Vec<usize>,
    /// Date words the text does not fix.
    unfixed: Option<String>,
}

/// Extracts every article and merges what they report into one package.
pub fn extract(articles: &[Article], lexicon: &Lexicon) -> Package {
    let mut package = Package {
        title: "Draft events".into(),
        description: Some(
            "Drafted by Dateline's extractor from the articles below; to be reviewed.".into(),
        ),
        ..Package::default()
    };
    for article in articles {
        add_article(&mut package, article, lexicon);
    }
    package
}

/// Extracts `article` into `package`: a new document, and its drafts merged with the events
/// already there when they report the same happening.
pub fn add_article(package: &mut Package, article: &Article, lexicon: &Lexicon) {
    let n = package.documents.len() + 1;
    let base = article
        .title
        .as_deref()
        .map(|t| slug(t, "article"))
        .unwrap_or_else(|| format!("article-{n}"));
    let mut doc_id = base.clone();
    let mut k = 2;
    while package.documents.iter().any(|d| d.id == doc_id) {
        doc_id = format!("{base}-{k}");
        k += 1;
    }
    package.documents.push(Document {
        id: doc_id.clone(),
        title: article
            .title
            .clone()
            .unwrap_or_else(|| format!("Article {n}")),
        publisher: article.publisher.clone(),
        url: article.url.clone(),
        published: article.published.clone(),
        text: Some(article.text.clone()),
        ..Document::default()
    });
    let (drafts, found_people) = article_drafts(article, lexicon);
    let text = &article.text;
    let sentences = words::sentences(text);
    let mut new_events: Vec<(Event, reconcile::Features)> = Vec::new();
    let mut ids_by_draft: Vec<String> = Vec::new();
    for d in &drafts {
        let s = sentences[d.sentence];
        let quote = text[s.start..s.end].to_string();
        let at = text[..s.start].chars().count();
        let mut actors: Vec<Participation> = Vec::new();
        for (t, role) in &d.actors {
            if let Target::Actor(i) = t {
                let id = use_actor(package, lexicon, &found_people, *i);
                if !actors.iter().any(|p| p.actor == id) {
                    actors.push(Participation {
                        actor: id,
                        role: (*role).into(),
                    });
                }
            }
        }
        let place = d.place.map(|i| use_place(package, lexicon, i));
        let label = event_type::find(d.event_type).map_or("Event", |t| t.label);
        let title = title_of(label, d, package, &actors, place.as_deref());
        let mut rules = vec![("type".to_string(), format!("the cue '{}'", d.cue))];
        if let Some((_, words, note, _)) = &d.date {
            rules.push((
                "date".into(),
                match note {
                    Some(n) => n.clone(),
                    None => format!("'{words}', as written"),
                },
            ));
        }
        if d.place.is_some() {
            rules.push((
                "place".into(),
                format!("the gazetteer's '{}'", d.place_words),
            ));
        }
        if !actors.is_empty() {
            rules.push((
                "actors".into(),
                if d.subject_from_pronoun {
                    "names from the lexicon and titles; 'they'/'he' taken as the subject of the sentence before; roles from word order".into()
                } else {
                    "names from the lexicon and titles; roles from word order".into()
                },
            ));
        }
        if !d.figures.is_empty() {
            rules.push((
                "figures".into(),
                "a number, its qualifier and the noun it counts".into(),
            ));
        }
        let mut relations = Vec::new();
        if let Some((cue, target)) = &d.respond {
            // The draft's index for now; its id once every draft has one.
            if let Some(other) = target.map(|t| format!("{DRAFT_REF}{t}")) {
                relations.push(Relation {
                    event: other,
                    kind: RelationKind::ResponseTo,
                    note: Some(format!(
                        "The text says '{cue}'; which event it answers is inferred."
                    )),
                });
                rules.push(("relations".into(), format!("the cue '{cue}'")));
            }
        }
        let base_id = slug(&title, "event");
        let mut id = base_id.clone();
        let mut k = 2;
        while package.events.iter().any(|e| e.id == id)
            || new_events.iter().any(|(e, _)| e.id == id)
        {
            id = format!("{base_id}-{k}");
            k += 1;
        }
        ids_by_draft.push(id.clone());
        let event = Event {
            id,
            title,
            event_type: d.event_type.into(),
            date: d.date.as_ref().map(|(edtf, words, note, _)| EventDate {
                edtf: edtf.clone(),
                text: (!words.is_empty()).then(|| words.clone()),
                note: note.clone(),
            }),
            place,
            place_note: if d.near {
                Some(format!("The text says 'near {}'.", d.place_words))
            } else {
                None
            },
            actors,
            figures: d
                .figures
                .iter()
                .map(|f| Figure {
                    source: Some(doc_id.clone()),
                    ..f.clone()
                })
                .collect(),
            sources: std::iter::once(Source {
                document: doc_id.clone(),
                quote,
                verified: true,
                at: Some(at),
            })
            .chain(d.also.iter().map(|&i| {
                let s = sentences[i];
                Source {
                    document: doc_id.clone(),
                    quote: text[s.start..s.end].to_string(),
                    verified: true,
                    at: Some(text[..s.start].chars().count()),
                }
            }))
            .collect(),
            relations,
            summary: None,
            note: d.unfixed.as_ref().map(|words| {
                format!("The text says '{words}', which it does not fix (no publication date or full date nearby to count from); the event has no date until a reviewer sets one.")
            }),
            tags: Vec::new(),
            links: Vec::new(),
            draft: Some(Box::new(Draft {
                confidence: (d.confidence * 100.0).round() / 100.0,
                rules,
                merged: Vec::new(),
            })),
        };
        let features = reconcile::Features::of(&event, package, Some(d.sentence), d.date_own)
            .with(d.subject_from_pronoun, d.back_reference);
        new_events.push((event, features));
    }
    for (event, _) in &mut new_events {
        event.relations.retain_mut(|r| {
            match r
                .event
                .strip_prefix(DRAFT_REF)
                .and_then(|i| i.parse::<usize>().ok())
            {
                Some(i) => match ids_by_draft.get(i) {
                    Some(id) => {
                        r.event = id.clone();
                        true
                    }
                    None => false,
                },
                None => true,
            }
        });
    }
    reconcile::merge_into(package, new_events);
}

/// Marks a relation whose target is still a draft's index.
const DRAFT_REF: &str = "\u{0}draft:";

/// Copies actor `i` of the lexicon into the package once; its id.
fn use_actor(package: &mut Package, lexicon: &Lexicon, found: &[Actor], i: usize) -> String {
    let actor = match lexicon.actors.get(i) {
        Some(a) => a,
        None => &found[i - lexicon.actors.len()],
    };
    if !package.actors.iter().any(|a| a.id == actor.id) {
        package.actors.push(actor.clone());
    }
    actor.id.clone()
}

/// Copies place `i` of the gazetteer, and the places it lies within, into the package once.
fn use_place(package: &mut Package, lexicon: &Lexicon, i: usize) -> String {
    let mut at = i;
    for _ in 0..16 {
        let place = &lexicon.places[at];
        if !package.places.iter().any(|p| p.id == place.id) {
            package.places.push(place.clone());
        }
        match place
            .within
            .as_deref()
            .and_then(|w| lexicon.places.iter().position(|p| p.id == w))
        {
            Some(up) => at = up,
            None => break,
        }
    }
    lexicon.places[i].id.clone()
}

fn name_of(package: &Package, id: &str) -> String {
    package
        .actors
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// A title built from what was found: "Missile attack by Iran on Al Asad Air Base".
fn title_of(
    label: &str,
    d: &Draft0,
    package: &Package,
    actors: &[Participation],
    place: Option<&str>,
) -> String {
    let with = |role: &str| -> Vec<String> {
        actors
            .iter()
            .filter(|p| p.role == role)
            .map(|p| name_of(package, &p.actor))
            .collect()
    };
    let place_name = place.and_then(|id| {
        package
            .places
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
    });
    let mut title = label.split(" (").next().unwrap_or(label).to_string();
    let family = event_type::find(d.event_type).map(|t| t.family);
    match family {
        Some(Family::Diplomacy) => {
            let who: Vec<String> = [with("speaker"), with("participant")].concat();
            if !who.is_empty() {
                title = format!("{title}: {}", who.join(", "));
            }
        }
        _ => {
            if let Some(p) = with("perpetrator").first() {
                title = format!("{title} by {p}");
            }
            let targets = [with("killed"), with("target")].concat();
            if let Some(t) = targets.first() {
                title = format!("{title} on {t}");
            }
        }
    }
    if let Some(p) = place_name {
        title = format!("{title} {} {p}", if d.near { "near" } else { "at" });
    }
    title
}

/// The drafts of one article, before merging.
fn article_drafts(article: &Article, lexicon: &Lexicon) -> (Vec<Draft0>, Vec<Actor>) {
    let text = &article.text;
    let sentences = words::sentences(text);
    let all_words: Vec<Vec<Word>> = sentences
        .iter()
        .map(|s| words::words(text, s.start, s.end))
        .collect();
    let all_dates: Vec<Vec<dates::Found>> =
        all_words.iter().map(|w| dates::find(w, text)).collect();
    // Years the text states, by sentence, for dates written without one.
    let stated_years: Vec<(usize, i64)> = all_dates
        .iter()
        .enumerate()
        .flat_map(|(i, ds)| {
            ds.iter().filter_map(move |d| match d.said {
                dates::Said::Day { year: Some(y), .. }
                | dates::Said::Month { year: Some(y), .. }
                | dates::Said::MonthPart { year: Some(y), .. }
                | dates::Said::Year(y) => Some((i, y)),
                _ => None,
            })
        })
        .collect();
    // Without a publication date, the latest full date the text states is its "now".
    let stated: Option<(Edtf, String)> = all_dates
        .iter()
        .flatten()
        .filter_map(|d| {
            d.explicit_day()
                .map(|day| (day, text[d.start..d.end].to_string()))
        })
        .max_by_key(|x| x.0)
        .and_then(|(day, w)| {
            Edtf::parse(&format!("{}~", crate::model::calendar::format_day(day)))
                .ok()
                .map(|e| (e, w))
        });
    let mut dynamic: Vec<Entry> = Vec::new();
    let mut new_actors: Vec<Actor> = Vec::new();
    let mut drafts: Vec<Draft0> = Vec::new();
    let mut previous_subject: Option<Target> = None;
    for si in 0..sentences.len() {
        let w = &all_words[si];
        let mentions = find_names(w, text, lexicon, &mut dynamic, &mut new_actors);
        let found_dates = &all_dates[si];
        let low: Vec<&str> = w.iter().map(|x| x.low.as_str()).collect();
        // What every event of the sentence draws on, found once.
        let figures_here = find_figures(w, text, found_dates, &low);
        let nearby = nearby_day(&all_dates, &sentences, si, text);
        let text_year = stated_years
            .iter()
            .min_by_key(|(i, _)| (i.abs_diff(si), *i > si))
            .map(|(_, y)| *y);
        let joined = format!(" {} ", low.join(" "));
        // Cues, longest first, not overlapping.
        let mut taken = vec![false; w.len()];
        let mut triggers: Vec<(usize, usize, &'static cues::Cue)> = Vec::new();
        for (c, k) in &lexicon.cues {
            for i in 0..w.len() {
                if i + k.len() > w.len() || taken[i..i + k.len()].iter().any(|t| *t) {
                    continue;
                }
                if low[i..i + k.len()]
                    .iter()
                    .zip(k.iter())
                    .all(|(a, b)| a == b)
                {
                    // Names are not cues ("Rocket" in a ship's name is capitalised mid-sentence).
                    if w[i].capital && i > 0 && mentions.iter().any(|m| m.from <= i && i < m.to) {
                        continue;
                    }
                    taken[i..i + k.len()].iter_mut().for_each(|t| *t = true);
                    triggers.push((i, i + k.len(), c));
                }
            }
        }
        triggers.sort_by_key(|t| t.0);
        // Not done: "planning more attacks", "would strike".
        triggers.retain(|(i, _, _)| {
            let from = i.saturating_sub(3);
            !low[from..*i].iter().any(|x| IRREALIS.contains(x))
        });
        // "The attack", "these strikes", "the deadliest attack": a happening already told, when
        // one of its family was. The sentence becomes another source of it.
        let definite = |i: usize| {
            (1..=3).any(|back| {
                i >= back
                    && matches!(low[i - back], "the" | "this" | "these" | "that" | "those")
                    && (i - back + 1..i).all(|k| {
                        !found_dates.iter().any(|d| d.word <= k && w[k].end <= d.end)
                            && !mentions.iter().any(|m| m.from <= k && k < m.to)
                    })
            })
        };
        let mut anaphors: Vec<(usize, &'static str)> = Vec::new();
        triggers.retain(|(i, _, c)| {
            let earlier = drafts
                .iter()
                .any(|d| family(d.event_type) == family(c.event_type));
            if definite(*i) && earlier {
                anaphors.push((*i, c.event_type));
                false
            } else {
                true
            }
        });
        let speech: Vec<usize> = (0..w.len()).filter(|&i| SPEECH.contains(&low[i])).collect();
        // One event per family and clause; a specific cue wins over a generic one. A generic
        // strike in another clause stands only with a date of its own.
        let mut chosen: Vec<(usize, usize, &'static cues::Cue)> = Vec::new();
        for t in &triggers {
            let fam = family(t.2.event_type);
            let clause = w[t.0].clause;
            if let Some(k) = chosen.iter().position(|c| {
                family(c.2.event_type) == fam && slot(c.2.event_type) == slot(t.2.event_type)
            }) {
                let other = chosen[k];
                let other_clause = w[other.0].clause;
                let dated = |c: usize| found_dates.iter().any(|d| w[d.word].clause == c);
                // Two clauses, one with a date of its own, neither cue pointing back ("the
                // attack"): two happenings ("After attacks in late December …, the U.S.
                // conducted airstrikes").
                let points_back = |c: &(usize, usize, &cues::Cue)| !c.2.specific && definite(c.0);
                let separate = clause != other_clause
                    && (dated(clause) || dated(other_clause))
                    && !points_back(t)
                    && !points_back(&other)
                    && t.2.event_type != other.2.event_type;
                if separate {
                    chosen.push(*t);
                } else if t.2.specific && !other.2.specific {
                    chosen[k] = *t;
                }
                continue;
            }
            chosen.push(*t);
        }
        // "killed" beside a strike is what the strike did.
        let has_strike = chosen.iter().any(|c| {
            family(c.2.event_type) == Some(Family::Strikes) && c.2.event_type != "killing"
        }) || anaphors
            .iter()
            .any(|a| family(a.1) == Some(Family::Strikes));
        if has_strike {
            chosen.retain(|c| c.2.event_type != "killing");
        }
        // "Killed" with no named person killed is a toll, not a killing: it belongs to the
        // latest strike or unrest told before ("four of its fighters were killed").
        let named_victim = |at: usize| {
            mentions
                .iter()
                .any(|m| m.from > at && m.from <= at + 5 && is_person(lexicon, m.target))
        };
        let mut tolls: Vec<usize> = Vec::new();
        chosen.retain(|c| {
            let toll = c.2.event_type == "killing" && !c.2.specific && !named_victim(c.0);
            if toll {
                tolls.push(c.0);
            }
            !toll
        });
        for at in tolls {
            let earlier = drafts.iter().rev().find(|d| {
                matches!(
                    family(d.event_type),
                    Some(Family::Strikes) | Some(Family::Unrest)
                )
            });
            if let Some(d) = earlier {
                anaphors.push((at, d.event_type));
            }
        }
        // Speech alone is a statement; speech beside an event reports it.
        let diplomacy_or_none = chosen.iter().all(|c| {
            matches!(
                family(c.2.event_type),
                Some(Family::Diplomacy) | Some(Family::Posture)
            ) && c.2.event_type != "visit"
        }) && anaphors
            .iter()
            .all(|a| family(a.1) == Some(Family::Diplomacy));
        let mut statement: Option<usize> = None;
        if diplomacy_or_none {
            if let Some(&v) = speech.first() {
                let speaker = nearest_actor(&mentions, v, lexicon);
                if speaker.is_some() || chosen.is_empty() {
                    statement = Some(v);
                }
            }
        }
        // A stance on a happening already told ("condemned the attack") is a statement too;
        // "said" beside it only reports.
        let no_new_act = chosen
            .iter()
            .all(|c| family(c.2.event_type) == Some(Family::Diplomacy));
        if statement.is_none() && no_new_act {
            if let Some(&v) = speech.iter().find(|&&v| cues::STANCE.contains(&low[v])) {
                if nearest_actor(&mentions, v, lexicon).is_some() {
                    statement = Some(v);
                }
            }
        }
        // A sentence-initial pronoun subject is the subject of the sentence before.
        let pronoun = matches!(low.first().copied(), Some("they" | "he" | "she"));
        let subject = first_subject(&mentions, w);
        let mut this_subject = subject;
        let mut emitted: Vec<Draft0> = Vec::new();
        let mut events: Vec<(usize, usize, &'static str, String, bool)> = chosen
            .iter()
            .map(|(a, b, c)| {
                (
                    *a,
                    *b,
                    c.event_type,
                    text[w[*a].start..w[*b - 1].end].to_string(),
                    c.specific,
                )
            })
            .collect();
        if let Some(v) = statement {
            events.push((v, v + 1, "statement", low[v].to_string(), false));
        }
        events.sort_by_key(|e| e.0);
        let sentence_events: Vec<usize> = events.iter().map(|e| e.0).collect();
        let base_index = drafts.len();
        for (from, to, ty, cue_text, specific) in events {
            let clause = w[from].clause;
            // "Six months after a deadly airstrike": a happening told before, counted from.
            let back_reference = (from.saturating_sub(5)..from).any(|k| {
                k > 0
                    && matches!(low[k], "after" | "since")
                    && matches!(
                        low[k - 1],
                        "months" | "weeks" | "days" | "years" | "month" | "week" | "year"
                    )
            });
            // The date: of the clause, else of the sentence; a happening referred back to
            // ("six months after …") takes neither: it was dated where it was told.
            let own: Vec<&dates::Found> = found_dates
                .iter()
                .filter(|d| w[d.word].clause == clause)
                .collect();
            // What an event answers came before it: "in response to recent rocket attacks"
            // does not take the date of the strikes that answered them.
            let answered = (0..from).any(|k| {
                matches!(low[k], "response" | "retaliation" | "reprisal" | "revenge")
                    && low.get(k + 1).is_some_and(|x| matches!(*x, "to" | "for"))
            });
            let pick = if back_reference {
                None
            } else {
                own.iter()
                    .min_by_key(|d| d.word.abs_diff(from))
                    .copied()
                    .or_else(|| {
                        if answered {
                            None
                        } else {
                            found_dates.iter().min_by_key(|d| d.word.abs_diff(from))
                        }
                    })
            };
            let date_own = pick.is_some();
            // Date words the text gives but does not fix ("on Tuesday" with nothing to count
            // from): kept for the reader, never guessed.
            let mut unfixed: Option<String> = None;
            let mut date = None;
            if pick.is_none()
                && !back_reference
                && si > 0
                && sentences[si - 1].paragraph == sentences[si].paragraph
            {
                // No date in the sentence: the one before, in the same paragraph, sets the time.
                if let Some(prev) = drafts.iter().rev().find(|d| d.sentence == si - 1) {
                    if let Some((edtf, words_written, _, _)) = &prev.date {
                        date = Some((
                            edtf.clone(),
                            words_written.clone(),
                            Some(format!("no date in this sentence; '{words_written}' is taken from the sentence before")),
                            true,
                        ));
                    }
                }
            }
            if let Some(f) = pick {
                let words_written = text[f.start..f.end].to_string();
                let previous = drafts
                    .iter()
                    .rev()
                    .find_map(|d| d.date.as_ref().map(|x| x.0.span()));
                let ctx = dates::Context {
                    nearby_day: nearby.as_ref().map(|(d, w)| (*d, w.as_str())),
                    published: article.published.as_ref(),
                    text_year,
                    previous,
                    stated: stated.as_ref().map(|(e, w)| (e, w.as_str())),
                };
                if let Some(r) = dates::resolve(f.said, &words_written, &ctx) {
                    let mut note = r.note;
                    if w[f.word].clause != clause {
                        let extra = format!(
                            "the date '{words_written}' is in another part of the sentence and is taken for this event too"
                        );
                        note = Some(match note {
                            Some(n) => format!("{n}; {extra}"),
                            None => extra,
                        });
                    }
                    let inferred = note.is_some();
                    date = Some((r.edtf, words_written, note, inferred));
                } else {
                    unfixed = Some(words_written);
                }
            }
            // What was answered happened before the answer's date.
            if date.is_none() && answered {
                let later = found_dates.iter().find_map(|f| {
                    let words_written = text[f.start..f.end].to_string();
                    let ctx = dates::Context {
                        nearby_day: nearby.as_ref().map(|(d, w)| (*d, w.as_str())),
                        published: article.published.as_ref(),
                        text_year: None,
                        previous: None,
                        stated: stated.as_ref().map(|(e, w)| (e, w.as_str())),
                    };
                    dates::resolve(f.said, &words_written, &ctx).map(|r| (r, words_written))
                });
                if let Some((r, words_written)) = later {
                    let end = r.edtf.span().latest;
                    if end != DaySpan::OPEN_END {
                        let (y, m, d) = crate::model::calendar::civil(i64::from(end));
                        if let Ok(edtf) = Edtf::parse(&format!("../{y:04}-{m:02}-{d:02}")) {
                            date = Some((
                                edtf,
                                String::new(),
                                Some(format!("the text gives no date; it came before the response dated '{words_written}'")),
                                true,
                            ));
                        }
                    }
                }
            }
            // Said or met with no date: around the publication date, as news reports them.
            if date.is_none() && matches!(ty, "statement" | "meeting") {
                if let Some(p) = &article.published {
                    let span = p.span();
                    if span.earliest == span.latest {
                        let text_of = format!("{p}~");
                        if let Ok(edtf) = Edtf::parse(&text_of) {
                            date = Some((
                                edtf,
                                String::new(),
                                Some(format!("no date in the text; taken as around the publication date ({p})")),
                                true,
                            ));
                        }
                    }
                }
            }
            // The place: the most specific one named in the clause, or after a locative word.
            let mut best: Option<(usize, usize, &Mention)> = None;
            for m in &mentions {
                let Target::Place(p) = m.target else { continue };
                let in_clause = w[m.from].clause == clause;
                let next_clause_start = w[m.from].clause == clause + 1
                    && w.iter()
                        .position(|x| x.clause == clause + 1)
                        .is_some_and(|first| LOCATIVE.contains(&low[first]) && m.from <= first + 4);
                if !(in_clause || next_clause_start) {
                    continue;
                }
                let score = lexicon.depth[p] * 10 + if in_clause { 5 } else { 0 };
                let dist = m.from.abs_diff(from);
                if best.is_none_or(|(s, d, _)| score > s || (score == s && dist < d)) {
                    best = Some((score, dist, m));
                }
            }
            let (place, place_words, near) = match best {
                Some((_, _, m)) => {
                    let Target::Place(p) = m.target else {
                        unreachable!()
                    };
                    let near = m.from > 0 && low[m.from - 1] == "near";
                    (
                        Some(p),
                        text[w[m.from].start..w[m.to - 1].end].to_string(),
                        near,
                    )
                }
                None => (None, String::new(), false),
            };
            // Actors and roles, from word order.
            let fam = family(ty);
            let mut actors: Vec<(Target, &'static str)> = Vec::new();
            for m in &mentions {
                if !matches!(m.target, Target::Actor(_)) {
                    continue;
                }
                // "Iraq's military on Thursday said …": the actor right before a speech verb.
                let speech_between = speech
                    .iter()
                    .any(|&v| m.to <= v && v < from && v - m.to <= 3);
                let strike_like = matches!(
                    fam,
                    Some(Family::Strikes) | Some(Family::Unrest) | Some(Family::Security)
                );
                let nearest_before = mentions
                    .iter()
                    .filter(|x| matches!(x.target, Target::Actor(_)) && x.to <= from)
                    .max_by_key(|x| x.to)
                    .map(|x| x.from);
                let role: &'static str = if ty == "statement" {
                    if Some(m.target) == nearest_actor(&mentions, from, lexicon) {
                        "speaker"
                    } else {
                        "mentioned"
                    }
                } else if speech_between && m.to <= from && strike_like {
                    "reporter"
                } else if strike_like && m.from > to && w[m.from].clause != clause {
                    "mentioned"
                } else {
                    match fam {
                        Some(Family::Strikes) | Some(Family::Unrest) | Some(Family::Security) => {
                            if m.from < from {
                                let by_prep = m.from > 0
                                    && matches!(
                                        low[m.from - 1],
                                        "against"
                                            | "on"
                                            | "targeting"
                                            | "at"
                                            | "with"
                                            | "from"
                                            | "of"
                                    );
                                if by_prep {
                                    "mentioned"
                                } else if Some(m.from) == nearest_before {
                                    "perpetrator"
                                } else {
                                    "mentioned"
                                }
                            } else if (ty == "killing"
                                || low
                                    .get(from..m.from)
                                    .unwrap_or(&[])
                                    .iter()
                                    .any(|x| *x == "killed" || *x == "killing"))
                                && is_person(lexicon, m.target)
                            {
                                "killed"
                            } else {
                                "target"
                            }
                        }
                        _ => {
                            let spurred =
                                m.from >= 3 && low[m.from - 3..m.from].join(" ") == "spurred on by";
                            if spurred {
                                "instigator"
                            } else if m.from > to && matches!(ty, "handover") {
                                "recipient"
                            } else if m.from > to && !matches!(ty, "meeting" | "visit") {
                                // What a resolution or agreement is about.
                                "subject"
                            } else {
                                "participant"
                            }
                        }
                    }
                };
                match actors.iter_mut().find(|(t, _)| *t == m.target) {
                    Some(had) if strength(role) > strength(had.1) => had.1 = role,
                    Some(_) => {}
                    None => actors.push((m.target, role)),
                }
            }
            let mut from_pronoun = false;
            let has_subject = actors
                .iter()
                .any(|(_, r)| matches!(*r, "perpetrator" | "participant" | "speaker"));
            if pronoun && !has_subject {
                if let Some(prev) = previous_subject {
                    let role = match fam {
                        Some(Family::Diplomacy) | Some(Family::Posture) => "participant",
                        _ => "perpetrator",
                    };
                    actors.retain(|(t, _)| *t != prev);
                    actors.insert(0, (prev, role));
                    from_pronoun = true;
                    this_subject = Some(prev);
                }
            }
            // Figures in the sentence, for the event of their clause (or the only event).
            let figures = figures_here.clone();
            // Response cues.
            let respond = RESPONSE
                .iter()
                .find(|c| joined.contains(&format!(" {c} ")))
                .map(|c| {
                    // Answering an event this sentence or an earlier one names.
                    let named_actor: Vec<Target> = mentions
                        .iter()
                        .filter(|m| m.from < from)
                        .map(|m| m.target)
                        .collect();
                    let target = drafts
                        .iter()
                        .enumerate()
                        .rev()
                        .find(|(_, d)| {
                            d.actors.iter().any(|(t, r)| {
                                named_actor.contains(t) && matches!(*r, "killed" | "target")
                            })
                        })
                        .map(|(i, _)| i)
                        .or_else(|| {
                            // "… in retaliation, targeting those responsible for the January
                            // rocket attack", "in response to recent rocket attacks": an event
                            // this sentence names after "for" or "to".
                            sentence_events
                                .iter()
                                .position(|&at| {
                                    at > from
                                        && low[at.saturating_sub(4)..at]
                                            .iter()
                                            .any(|x| matches!(*x, "for" | "to"))
                                })
                                .map(|j| base_index + j)
                        })
                        // Else the latest act told before (a statement is not what is answered).
                        .or_else(|| {
                            drafts
                                .iter()
                                .rposition(|d| family(d.event_type) != Some(Family::Diplomacy))
                        });
                    (c.to_string(), target)
                });
            let mut confidence: f64 = if specific { 0.8 } else { 0.6 };
            if date.is_none() {
                confidence -= 0.15;
            } else if date.as_ref().is_some_and(|d| d.3) {
                confidence -= 0.05;
            }
            if place.is_none() {
                confidence -= 0.05;
            }
            if actors.is_empty() {
                confidence -= 0.1;
            }
            let unfixed = if date.is_none() { unfixed } else { None };
            emitted.push(Draft0 {
                event_type: ty,
                cue: cue_text,
                sentence: si,
                date,
                date_own,
                place,
                place_words,
                near,
                actors,
                subject_from_pronoun: from_pronoun,
                figures: figures
                    .into_iter()
                    .filter(|(word, f)| {
                        let same_clause = w[*word].clause == clause;
                        let fits = match f.what.as_str() {
                            "injured" | "killed" => {
                                matches!(fam, Some(Family::Strikes) | Some(Family::Unrest))
                            }
                            "arrested" => fam == Some(Family::Security),
                            "rockets" | "missiles" | "shells" | "drones" | "sites struck"
                            | "attacks" => fam == Some(Family::Strikes),
                            _ => true,
                        };
                        fits && (same_clause || chosen.len() <= 1)
                    })
                    .map(|(_, f)| f)
                    .collect(),
                respond,
                confidence: confidence.clamp(0.1, 1.0),
                back_reference,
                also: Vec::new(),
                unfixed,
            });
        }
        // Figures go to one event only: the nearest that fits.
        dedupe_figures(&mut emitted);
        // Each back-reference adds this sentence, and its figures no event here took, to the
        // happening it points at: the latest of its type, else of its family.
        for (at, ty) in &anaphors {
            // "the strikes" points at strikes; "the attack" at its own type, else its family.
            let says_strike = low[*at].starts_with("strike") || low[*at].contains("airstrike");
            let target = drafts
                .iter()
                .rposition(|d| says_strike && d.event_type.contains("strike"))
                .or_else(|| drafts.iter().rposition(|d| d.event_type == *ty))
                .or_else(|| {
                    drafts
                        .iter()
                        .rposition(|d| family(d.event_type) == family(ty))
                });
            let Some(target) = target else { continue };
            if drafts[target].also.contains(&si) || drafts[target].sentence == si {
                continue;
            }
            drafts[target].also.push(si);
            // A place named here that lies within the happening's place makes it finer.
            if let Some(current) = drafts[target].place {
                for m in &mentions {
                    let Target::Place(p) = m.target else { continue };
                    if p != current && lexicon.within(p, current) {
                        drafts[target].place = Some(p);
                        drafts[target].place_words =
                            text[w[m.from].start..w[m.to - 1].end].to_string();
                        drafts[target].near = m.from > 0 && low[m.from - 1] == "near";
                    }
                }
            }
            let taken: Vec<Option<String>> = emitted
                .iter()
                .flat_map(|d| d.figures.iter().map(|f| f.text.clone()))
                .collect();
            let fam = family(ty);
            for (_, f) in figures_here.iter().cloned() {
                let fits = match f.what.as_str() {
                    "arrested" => fam == Some(Family::Security),
                    _ => {
                        fam == Some(Family::Strikes)
                            || (fam == Some(Family::Unrest)
                                && matches!(f.what.as_str(), "injured" | "killed"))
                    }
                };
                if fits && !taken.contains(&f.text) && !drafts[target].figures.contains(&f) {
                    drafts[target].figures.push(f);
                }
            }
        }
        if let Some(s) = this_subject.or(subject) {
            previous_subject = Some(s);
        }
        drafts.extend(emitted);
    }
    (drafts, new_actors)
}

/// How much a role says: who acted beats who was mentioned.
fn strength(role: &str) -> u8 {
    match role {
        "mentioned" => 0,
        "reporter" => 1,
        "subject" | "instigator" | "recipient" => 2,
        _ => 3,
    }
}

fn dedupe_figures(emitted: &mut [Draft0]) {
    let mut seen: HashSet<(String, u64)> = HashSet::new();
    for d in emitted.iter_mut() {
        d.figures
            .retain(|f| seen.insert((f.text.clone().unwrap_or_default(), f.value.to_bits())));
    }
}

fn family(ty: &str) -> Option<Family> {
    event_type::find(ty).map(|t| t.family)
}

/// Events of one slot in one clause collapse into one.
fn slot(ty: &str) -> &'static str {
    match ty {
        "statement" => "statement",
        "resolution" | "agreement" => "decision",
        "meeting" | "visit" => "meeting",
        _ => "event",
    }
}

fn is_person(lexicon: &Lexicon, t: Target) -> bool {
    match t {
        // Past the lexicon are the people found by their titles.
        Target::Actor(i) => lexicon
            .actors
            .get(i)
            .is_none_or(|a| a.kind.as_deref() == Some("person")),
        Target::Place(_) => false,
    }
}

/// The actor named nearest before word `at`, a person first ("Gen. Frank McKenzie, commander
/// of U.S. Central Command, said"), or right after it ("…, Pompeo said").
fn nearest_actor(mentions: &[Mention], at: usize, lexicon: &Lexicon) -> Option<Target> {
    let near = |m: &&Mention| matches!(m.target, Target::Actor(_)) && m.to <= at && at - m.to <= 12;
    let person = mentions
        .iter()
        .filter(near)
        .filter(|m| is_person(lexicon, m.target))
        .min_by_key(|m| at - m.to);
    let before = person.or_else(|| mentions.iter().filter(near).min_by_key(|m| at - m.to));
    let after = mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)) && m.from > at && m.from - at <= 2);
    before.or(after.min_by_key(|m| m.from)).map(|m| m.target)
}

/// The first actor not inside a prepositional phrase: the sentence's likely subject.
fn first_subject(mentions: &[Mention], w: &[Word]) -> Option<Target> {
    mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)))
        .find(|m| {
            m.from == 0
                || !matches!(
                    w[m.from - 1].low.as_str(),
                    "from" | "by" | "against" | "on" | "with" | "to" | "of" | "for" | "that"
                )
        })
        .map(|m| m.target)
}

/// The nearest explicit full date in the paragraph of sentence `si`, closest sentence first.
fn nearby_day(
    all: &[Vec<dates::Found>],
    sentences: &[Sentence],
    si: usize,
    text: &str,
) -> Option<(i64, String)> {
    let paragraph = sentences[si].paragraph;
    let mut best: Option<(usize, i64, String)> = None;
    for (i, ds) in all.iter().enumerate() {
        if sentences[i].paragraph != paragraph {
            continue;
        }
        for d in ds {
            if let Some(day) = d.explicit_day() {
                let dist = i.abs_diff(si);
                if best.as_ref().is_none_or(|b| dist < b.0) {
                    best = Some((dist, day, text[d.start..d.end].to_string()));
                }
            }
        }
    }
    best.map(|(_, d, w)| (d, w))
}

/// Names of places and actors among `w`, longest first; titles make new person actors.
fn find_names(
    w: &[Word],
    text: &str,
    lexicon: &Lexicon,
    dynamic: &mut Vec<Entry>,
    new_actors: &mut Vec<Actor>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    let matches = |e: &Entry, i: usize| -> bool {
        i + e.words.len() <= w.len()
            && e.words.iter().enumerate().all(|(k, x)| w[i + k].low == *x)
            && e.capitals
                .iter()
                .zip(&w[i..i + e.words.len()])
                .all(|(cap, x)| !cap || x.capital || ARTICLES.contains(&x.low.as_str()))
    };
    while i < w.len() {
        // A title and a capitalised name: a person.
        let mut titled: Option<(usize, usize)> = None;
        for k in &lexicon.titles {
            if i + k.len() < w.len()
                && k.iter().enumerate().all(|(j, x)| w[i + j].low == *x)
                && w[i].capital
            {
                let start = i + k.len();
                let mut end = start;
                while end < w.len()
                    && end - start < 4
                    && w[end].clause == w[start].clause
                    && (w[end].capital
                        || (matches!(w[end].low.as_str(), "al" | "el" | "bin" | "ibn" | "abu")
                            && w.get(end + 1).is_some_and(|x| x.capital)))
                {
                    end += 1;
                }
                if end > start {
                    titled = Some((start, end));
                    break;
                }
            }
        }
        let statics = lexicon.index.get(&w[i].low).into_iter().flatten();
        let dynamics = dynamic.iter().filter(|e| e.words[0] == w[i].low);
        let best = statics
            .chain(dynamics)
            .filter(|e| matches(e, i))
            .max_by_key(|e| e.words.len())
            .cloned();
        if let Some((start, end)) = titled {
            // A known person after the title ("Gen. Frank McKenzie") is that person.
            let known = (start..end).find_map(|s| {
                lexicon
                    .index
                    .get(&w[s].low)
                    .into_iter()
                    .flatten()
                    .chain(dynamic.iter().filter(|e| e.words[0] == w[s].low))
                    .filter(|e| {
                        matches!(e.target, Target::Actor(_))
                            && matches(e, s)
                            && s + e.words.len() <= end
                    })
                    .max_by_key(|e| e.words.len())
                    .cloned()
            });
            let target = match known {
                Some(e) => e.target,
                None => {
                    let name = text[w[start].start..w[end - 1].end].to_string();
                    let id = slug(&name, "person");
                    let index = lexicon.actors.len() + new_actors.len();
                    let surname = w[end - 1].low.clone();
                    new_actors.push(Actor {
                        id,
                        name: name.clone(),
                        kind: Some("person".into()),
                        note: Some(format!("Found by the title before '{name}'.")),
                        ..Actor::default()
                    });
                    let target = Target::Actor(index);
                    for words in [key(&name), vec![surname]] {
                        dynamic.push(Entry {
                            capitals: vec![true; words.len()],
                            words,
                            target,
                        });
                    }
                    target
                }
            };
            out.push(Mention {
                from: i,
                to: end,
                target,
            });
            i = end;
            continue;
        }
        match best {
            Some(e) => {
                out.push(Mention {
                    from: i,
                    to: i + e.words.len(),
                    target: e.target,
                });
                i += e.words.len();
            }
            None => i += 1,
        }
    }
    out
}

/// Numbers with their qualifier and what they count: (word index, figure).
fn find_figures(
    w: &[Word],
    text: &str,
    dates: &[dates::Found],
    low: &[&str],
) -> Vec<(usize, Figure)> {
    let mut out = Vec::new();
    let in_date = |i: usize| {
        dates
            .iter()
            .any(|d| w[i].start >= d.start && w[i].end <= d.end)
    };
    let mut i = 0;
    while i < w.len() {
        if in_date(i) {
            i += 1;
            continue;
        }
        // The number: digits (with thousands commas), or words ("three dozen").
        let raw = &text[w[i].start..w[i].end];
        let mut value: Option<f64> = None;
        let mut implied: Option<Qualifier> = None;
        let mut end = i + 1;
        let mut max: Option<f64> = None;
        if raw.bytes().all(|b| b.is_ascii_digit()) {
            let mut digits = raw.to_string();
            while end < w.len()
                && text[w[end - 1].end..w[end].start] == *","
                && w[end].low.len() == 3
                && w[end].low.bytes().all(|b| b.is_ascii_digit())
            {
                digits.push_str(&w[end].low);
                end += 1;
            }
            value = digits.parse().ok();
            // "5,000-6,000"
            if end < w.len() && text[w[end - 1].end..w[end].start].trim() == "-" {
                let mut d2 = w[end].low.clone();
                let mut e2 = end + 1;
                while e2 < w.len()
                    && text[w[e2 - 1].end..w[e2].start] == *","
                    && w[e2].low.len() == 3
                {
                    d2.push_str(&w[e2].low);
                    e2 += 1;
                }
                if let Ok(m) = d2.parse::<f64>() {
                    max = Some(m);
                    end = e2;
                }
            }
        } else if let Some((v, q)) = cues::number_word(low[i]) {
            value = Some(v);
            implied = q;
            // "three dozen", "a dozen"
            if end < w.len() && matches!(low[end], "dozen" | "hundred") {
                let times = if low[end] == "dozen" { 12.0 } else { 100.0 };
                value = Some(v * times);
                end += 1;
            } else if low[i] == "dozen" && i > 0 && low[i - 1] == "a" {
                value = Some(12.0);
            } else if matches!(low[i], "one") {
                value = None;
            }
        }
        let Some(value) = value else {
            i += 1;
            continue;
        };
        // The noun it counts, within four words ("nearly 100 traumatic brain injuries").
        let mut what: Option<&'static str> = None;
        let mut noun_end = end;
        for k in end..(end + 5).min(w.len()) {
            if matches!(
                low[k],
                "months" | "month" | "days" | "weeks" | "years" | "hours"
            ) && k == end
            {
                break;
            }
            // "four of its fighters", "two of the rockets"
            if low[k] == "of"
                && k == end
                && !low
                    .get(k + 1)
                    .is_some_and(|x| matches!(*x, "its" | "their" | "the" | "his" | "her"))
            {
                break;
            }
            if let Some(c) = cues::counted(low[k]) {
                // "three dozen rocket and mortar attacks" counts attacks, not rockets.
                let attacks_later = matches!(low[k], "rocket" | "missile" | "mortar" | "drone")
                    && (k + 1..(k + 4).min(w.len()))
                        .any(|j| matches!(low[j], "attacks" | "strikes"));
                if attacks_later {
                    what = Some("attacks");
                    noun_end = (k + 1..(k + 4).min(w.len()))
                        .find(|&j| matches!(low[j], "attacks" | "strikes"))
                        .map_or(k + 1, |j| j + 1);
                    break;
                }
                what = match c {
                    Counted::What(x) => Some(x),
                    Counted::People => {
                        let near = (i.saturating_sub(8)..(k + 8).min(w.len()))
                            .filter_map(|j| cues::casualty(low[j]).map(|c| (j.abs_diff(k), c)))
                            .min_by_key(|x| x.0);
                        near.map(|x| x.1)
                    }
                };
                noun_end = k + 1;
                break;
            }
        }
        let Some(what) = what else {
            i = end;
            continue;
        };
        let before: Vec<&str> = low[i.saturating_sub(3)..i]
            .iter()
            .copied()
            .filter(|x| *x != "a")
            .collect();
        let (qualifier, used) = match cues::qualifier(&before) {
            Some((q, n)) => (q, n),
            None => (implied.unwrap_or(Qualifier::Exact), 0),
        };
        let qualifier = if max.is_some() {
            Qualifier::Between
        } else {
            qualifier
        };
        let first = if used > 0 {
            // Back over the qualifier's words (and an "a" that was skipped).
            let mut f = i;
            let mut left = used;
            while f > 0 && left > 0 {
                f -= 1;
                if low[f] != "a" {
                    left -= 1;
                }
            }
            f
        } else if i > 0 && low[i - 1] == "a" {
            i - 1
        } else {
            i
        };
        let words_text = text[w[first].start..w[noun_end - 1].end].to_string();
        out.push((
            i,
            Figure {
                what: what.into(),
                value,
                max,
                qualifier,
                text: Some(words_text),
                source: None,
            },
        ));
        i = noun_end;
    }
    out
}

impl Article {
    /// An article from a text file, with its metadata from an optional header block: lines
    /// `Title:`, `Publisher:`, `URL:` and `Published:` (EDTF) at the top, ended by a line `---`.
    /// A header line that cannot be read is an error naming its line.
    pub fn from_file_text(text: &str) -> Result<Article, String> {
        let mut article = Article::default();
        let first = text.lines().next().unwrap_or("");
        let is_key = |line: &str| {
            line.split_once(':').is_some_and(|(k, _)| {
                matches!(
                    k.trim().to_ascii_lowercase().as_str(),
                    "title" | "publisher" | "url" | "published"
                )
            })
        };
        if !is_key(first) {
            article.text = text.to_string();
            return Ok(article);
        }
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            offset += line.len();
            let line = line.trim_end_matches(['\n', '\r']);
            if line.trim() == "---" {
                article.text = text[offset..].to_string();
                return Ok(article);
            }
            let Some((k, v)) = line.split_once(':') else {
                return Err(format!(
                    "line {}: a header line is 'Key: value'; the header ends with a line '---'",
                    n + 1
                ));
            };
            let v = v.trim().to_string();
            match k.trim().to_ascii_lowercase().as_str() {
                "title" => article.title = Some(v),
                "publisher" => article.publisher = Some(v),
                "url" => article.url = Some(v),
                "published" => {
                    article.published = Some(
                        Edtf::parse(&v).map_err(|e| format!("line {}: Published: {e}", n + 1))?,
                    )
                }
                other => {
                    return Err(format!(
                        "line {}: '{other}' is not a header key (Title, Publisher, URL, Published)",
                        n + 1
                    ))
                }
            }
        }
        Err("the header block has no closing '---' line".into())
    }
}
