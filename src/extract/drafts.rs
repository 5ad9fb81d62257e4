//! From an article's reports to draft events of the package: the article as a document, the
//! actors and places the reports name copied in from the lexicon, a title built from what was
//! found, the rule behind each field, verbatim sources with their offsets, and `response-to`
//! links between the article's own events.

use std::collections::{HashMap, HashSet};

use super::article::Article;
use super::families::family;
use super::lexicon::{Lexicon, Target};
use super::reading::Reading;
use super::reconcile::Features;
use super::report::{Placed, Report};
use super::story::Story;
use crate::model::event_type::{self, Family};
use crate::model::text::slug;
use crate::model::{
    Actor, Document, Draft, Event, EventDate, Figure, Package, Participation, Place,
    PlacePrecision, Relation, RelationKind, Source,
};

/// Marks a relation whose target is still a report's index.
const DRAFT_REF: &str = "\u{0}draft:";

/// Adds `article` to the package's documents under an id of its own; the id.
pub(super) fn add_document(package: &mut Package, article: &Article) -> String {
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
    doc_id
}

/// The draft events of the reports `story` told of document `doc_id`, each with what it is
/// compared on for merging. The actors and places they name are copied into `package`.
pub(super) fn events(
    package: &mut Package,
    lexicon: &Lexicon,
    reading: &Reading,
    story: &Story,
    doc_id: &str,
) -> Vec<(Event, Features)> {
    let mut new_events: Vec<(Event, Features)> = Vec::new();
    let mut ids_by_report: Vec<String> = Vec::new();
    let mut ids = Ids {
        taken: package.events.iter().map(|e| e.id.clone()).collect(),
        next: HashMap::new(),
    };
    let publisher = story.publisher;
    for d in &story.reports {
        // Said by "we" or "I", or by a body on the publisher's side ("U.S. Africa Command
        // will continue …" in its release), on no day of its own: the article's own voice.
        let own_voice = !d.date_own
            && (d.own_voice
                || d.actors.iter().any(|p| {
                    p.role == "speaker"
                        && !lexicon.is_person(p.actor)
                        && publisher.is_some_and(|q| lexicon.same_side(q, p.actor))
                }));
        let event = event_of(package, lexicon, reading, story, doc_id, d, &mut ids);
        ids_by_report.push(event.id.clone());
        let features = Features::of(&event, package, Some(d.sentence), d.date_own)
            .with(d.subject_from_pronoun, d.back_reference, d.anew)
            .in_list(reading.in_list_item(d.sentence))
            .told_by(&d.cue)
            .in_own_voice(own_voice);
        new_events.push((event, features));
    }
    sole_speaker_is_own_voice(package, reading, story, &mut new_events);
    for (event, _) in &mut new_events {
        event.relations.retain_mut(|r| {
            match r
                .event
                .strip_prefix(DRAFT_REF)
                .and_then(|i| i.parse::<usize>().ok())
            {
                Some(i) => match ids_by_report.get(i) {
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
    new_events
}

/// An article that speaks in its own voice ("we", "I", or a body on its publisher's side) and
/// names one person speaking, on no day of their own but the publication's ("Foreign Secretary
/// Boris Johnson said: … I condemn …"; a general quoted in his command's release; "Statement by
/// Ambassador Jeffrey M. Hovenier, September 24, 2023" over "We … condemn"): that person's
/// words are the article's own voice.
fn sole_speaker_is_own_voice(
    package: &Package,
    reading: &Reading,
    story: &Story,
    new_events: &mut [(Event, Features)],
) {
    if !new_events.iter().any(|(_, f)| f.own_voice()) {
        return;
    }
    let person = |id: &str| {
        package
            .actors
            .iter()
            .any(|a| a.id == id && a.kind.as_deref() == Some("person"))
    };
    let speaker = |e: &Event| -> Option<String> {
        e.actors
            .iter()
            .find(|p| p.role == "speaker" && person(&p.actor))
            .map(|p| p.actor.clone())
    };
    let mut people: Vec<String> = new_events
        .iter()
        .filter(|(e, _)| e.event_type == "statement")
        .filter_map(|(e, _)| speaker(e))
        .collect();
    people.sort();
    people.dedup();
    if people.len() != 1 {
        return;
    }
    for ((e, f), d) in new_events.iter_mut().zip(&story.reports) {
        f.mark_own_voice(!dated_apart(reading, d) && speaker(e).is_some());
    }
}

/// Whether report `d` has a day of its own other than the article's publication.
fn dated_apart(reading: &Reading, d: &Report) -> bool {
    let published = reading.published.as_ref().map(|p| p.span());
    d.date_own
        && !d
            .date
            .as_ref()
            .is_some_and(|x| published.is_some_and(|p| x.edtf.span() == p))
}

/// The event ids taken, and for each id base the next number to try: a long text of many
/// alike reports gets its ids in time proportional to their number.
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3`, … whichever is free first; taken from now on.
    fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        if self.taken.contains(&id) {
            let k = self.next.entry(base.clone()).or_insert(2);
            loop {
                id = format!("{base}-{k}");
                *k += 1;
                if !self.taken.contains(&id) {
                    break;
                }
            }
        }
        self.taken.insert(id.clone());
        id
    }
}

/// The draft event of report `d`, with an id not taken by the package or by `new_events`.
fn event_of(
    package: &mut Package,
    lexicon: &Lexicon,
    reading: &Reading,
    story: &Story,
    doc_id: &str,
    d: &Report,
    ids: &mut Ids,
) -> Event {
    let mut actors: Vec<Participation> = Vec::new();
    for part in &d.actors {
        if let Target::Actor(i) = part.actor {
            let id = use_actor(package, lexicon, &story.people.actors, i);
            if !actors.iter().any(|p| p.actor == id) {
                actors.push(Participation {
                    actor: id,
                    role: part.role.into(),
                    according_to: part.according_to.clone(),
                });
            }
        }
    }
    let place = d.place.as_ref().map(|p| use_placed(package, lexicon, p));
    let label = event_type::find(d.event_type).map_or("Event", |t| t.label);
    let title = title_of(label, d, package, &actors, place.as_deref());
    let rules = rules_of(d, &actors);
    let id = ids.unique(slug(&title, "event"));
    Event {
        id,
        title,
        event_type: d.event_type.into(),
        date: d.date.as_ref().map(|x| EventDate {
            edtf: x.edtf.clone(),
            text: (!x.words.is_empty()).then(|| x.words.clone()),
            note: x.note.clone(),
        }),
        place,
        place_note: d
            .place
            .as_ref()
            .filter(|p| p.near)
            .map(|p| format!("The text says 'near {}'.", p.words)),
        actors,
        figures: d
            .figures
            .iter()
            .map(|f| Figure {
                source: Some(doc_id.to_string()),
                ..f.clone()
            })
            .collect(),
        sources: std::iter::once(d.sentence)
            .chain(d.also.iter().copied())
            .map(|si| {
                let (quote, at) = reading.quote(si);
                Source {
                    document: doc_id.to_string(),
                    quote,
                    verified: true,
                    at: Some(at),
                }
            })
            .collect(),
        relations: relations_of(d),
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
    }
}

/// The rule behind each field of report `d`'s event.
fn rules_of(d: &Report, actors: &[Participation]) -> Vec<(String, String)> {
    let mut rules = vec![("type".to_string(), format!("the cue '{}'", d.cue))];
    if let Some(date) = &d.date {
        rules.push((
            "date".into(),
            match &date.note {
                Some(n) => n.clone(),
                None => format!("'{}', as written", date.words),
            },
        ));
    }
    if let Some(p) = &d.place {
        let rule = match &p.region {
            Some(region) => format!(
                "the gazetteer's '{}', for the region '{} {region}' named after it",
                p.words, p.words
            ),
            None => format!("the gazetteer's '{}'", p.words),
        };
        rules.push(("place".into(), rule));
    }
    if !actors.is_empty() {
        rules.push((
            "actors".into(),
            if d.subject_from_pronoun {
                "names from the lexicon and titles; 'they'/'he' taken as the subject of the sentence before; roles from the clause (subject, object, 'by', who says so)".into()
            } else {
                "names from the lexicon and titles; roles from the clause (subject, object, 'by', who says so)".into()
            },
        ));
    }
    if !d.figures.is_empty() {
        rules.push((
            "figures".into(),
            "a number, its qualifier and the noun it counts".into(),
        ));
    }
    if let Some(r) = &d.response {
        if r.answers.is_some() {
            rules.push(("relations".into(), format!("the cue '{}'", r.cue)));
        }
    }
    rules
}

/// Report `d`'s links: what it answers, by the report's index for now (its id once every
/// report has one).
fn relations_of(d: &Report) -> Vec<Relation> {
    let Some(r) = &d.response else {
        return Vec::new();
    };
    let Some(answers) = r.answers else {
        return Vec::new();
    };
    vec![Relation {
        event: format!("{DRAFT_REF}{answers}"),
        kind: RelationKind::ResponseTo,
        note: Some(format!(
            "The text says '{}'; which event it answers is inferred.",
            r.cue
        )),
    }]
}

/// Copies actor `i` of the lexicon, or of the people the article introduced, into the package
/// once; its id.
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

/// The package's place for `p`: the gazetteer's place, or for a region named after a town
/// ("Katsina State", "Mopti region") a place of its own, put at the town and marked as
/// such, since the gazetteer holds no regions.
fn use_placed(package: &mut Package, lexicon: &Lexicon, p: &Placed) -> String {
    let town = &lexicon.places[p.place];
    let Some(region) = p
        .region
        .as_ref()
        .filter(|_| matches!(town.kind.as_deref(), Some("city" | "town")))
    else {
        return use_place(package, lexicon, p.place);
    };
    let name = format!("{} {region}", p.words);
    let id = slug(&name, "region");
    let within = lexicon
        .parent(p.place)
        .map(|up| use_place(package, lexicon, up));
    if !package.places.iter().any(|x| x.id == id) {
        package.places.push(Place {
            id: id.clone(),
            name,
            aliases: Vec::new(),
            coordinates: town.coordinates,
            kind: Some("region".into()),
            precision: Some(PlacePrecision::Region),
            within,
            note: Some(format!(
                "Put at {}, the town it is named after: the gazetteer holds no point for the \
                 region itself (an inference).",
                town.name
            )),
        });
    }
    id
}

/// Copies place `i` of the gazetteer, and the places it lies within, into the package once.
fn use_place(package: &mut Package, lexicon: &Lexicon, i: usize) -> String {
    let mut at = i;
    for _ in 0..16 {
        let place = &lexicon.places[at];
        if !package.places.iter().any(|p| p.id == place.id) {
            package.places.push(place.clone());
        }
        match lexicon.parent(at) {
            Some(up) => at = up,
            None => break,
        }
    }
    lexicon.places[i].id.clone()
}

/// The name of actor `id` in the package, else the id.
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
    d: &Report,
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
    match family(d.event_type) {
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
    let near = d.place.as_ref().is_some_and(|p| p.near);
    if let Some(p) = place_name {
        title = format!("{title} {} {p}", if near { "near" } else { "at" });
    }
    title
}
