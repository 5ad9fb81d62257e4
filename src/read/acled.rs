//! Reading an ACLED export (CSV, its 31 columns) into a package.
//!
//! Each row becomes an event. What each column becomes, and what is lost, is in `docs/formats.md`;
//! in short: `event_date` + `time_precision` give the EDTF date (a day, the week around the date,
//! or the month), `event_type`/`sub_event_type` map to Dateline's types (the originals are kept
//! as tags), actors and places are deduplicated by name, `fatalities` becomes a figure, and
//! `notes` becomes the event's summary and its quote from the ACLED file itself, with ACLED's
//! own sources named in the event's note.

mod own_columns;

use super::builder::{quote_from_file, Builder};
use super::loaded::Loaded;
use super::row_starts::RowStarts;
use super::table::{Columns, Row, Table};
use crate::columns::facts::Facts;
use crate::model::calendar::{self, day_number, MONTH_NAMES};
use crate::model::csv_columns::OWN_COLUMNS;
use crate::model::edtf::Edtf;
use crate::model::problem::Severity;
use crate::model::text::trim;
use crate::model::{
    Document, Event, EventDate, Figure, Package, Participation, PlacePrecision, Qualifier,
};
use crate::read::csv::Record;
use crate::Map;

/// The id of the one document that stands for the ACLED file.
const DOCUMENT: &str = "acled";

/// Dateline's type for an ACLED (event type, sub-event type) pair.
pub(crate) fn dateline_type(event_type: &str, sub_event_type: &str) -> Option<&'static str> {
    Some(match (event_type, sub_event_type) {
        ("Battles", _) => "armed-clash",
        (_, "Air/drone strike") => "airstrike",
        (_, "Shelling/artillery/missile attack") => "rocket-attack",
        (_, "Remote explosive/landmine/IED" | "Suicide bomb" | "Grenade") => "bombing",
        ("Explosions/Remote violence", _) => "attack",
        ("Violence against civilians", _) => "attack",
        ("Protests", _) => "protest",
        ("Riots", _) => "assault",
        (_, "Agreement") => "agreement",
        (_, "Arrests") => "arrest",
        (_, "Non-violent transfer of territory") => "handover",
        (_, "Headquarters or base established") => "deployment",
        ("Strategic developments", _) => "other",
        _ => return None,
    })
}

/// Reads an ACLED export already split into a table.
pub(super) fn read(table: &mut Table<'_>, loaded: &mut Loaded, source_name: &str) {
    let mut import = Import::new(&table.header, source_name, false);
    // A first batch, to know how long a row is, then the rest.
    import.records(table, loaded, 1000, Window::WHOLE);
    import.records(table, loaded, usize::MAX, Window::WHOLE);
    import.finish(loaded);
}

/// Where a table's text lies in its file: from byte `base`, with `rest` bytes after it.
#[derive(Clone, Copy)]
pub(super) struct Window {
    pub base: u64,
    pub rest: u64,
}

impl Window {
    /// The whole file.
    pub const WHOLE: Window = Window { base: 0, rest: 0 };
}

/// The positions of the columns every row is read from, found once per file.
#[derive(Clone)]
struct At {
    id: Option<usize>,
    date: Option<usize>,
    time_precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    disorder_type: Option<usize>,
    /// admin3, admin2, admin1, country: the place's note, innermost first.
    admin: [Option<usize>; 4],
    geo_precision: Option<usize>,
    location: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    /// actor1, assoc_actor_1, actor2, assoc_actor_2.
    actors: [Option<usize>; 4],
    fatalities: Option<usize>,
    notes: Option<usize>,
    source: Option<usize>,
    source_scale: Option<usize>,
    tags: Option<usize>,
}

impl At {
    fn new(c: &Columns) -> At {
        let at = |name| c.position(name);
        At {
            id: at("event_id_cnty"),
            date: at("event_date"),
            time_precision: at("time_precision"),
            event_type: at("event_type"),
            sub_event_type: at("sub_event_type"),
            disorder_type: at("disorder_type"),
            admin: ["admin3", "admin2", "admin1", "country"].map(at),
            geo_precision: at("geo_precision"),
            location: at("location"),
            latitude: at("latitude"),
            longitude: at("longitude"),
            actors: ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"].map(at),
            fatalities: at("fatalities"),
            notes: at("notes"),
            source: at("source"),
            source_scale: at("source_scale"),
            tags: at("tags"),
        }
    }
}

/// An ACLED export being read, a record at a time, so that a long file can be read in steps.
#[derive(Clone)]
pub(super) struct Import {
    c: Columns,
    at: At,
    b: Builder,
    /// True when the file is a Dateline CSV export: it has Dateline's type column.
    dateline_csv: bool,
    /// True when the file has any of Dateline's own columns ([`OWN_COLUMNS`]).
    own_columns: bool,
    /// Set when the events stay in the file (see [`FileRows`]).
    kept: Option<Box<Keeping>>,
    scratch: Scratch,
}

/// What an import reuses from row to row.
#[derive(Clone, Default)]
struct Scratch {
    /// A row's actors (package index, role), and their codes for the store's facts.
    participants: Vec<(usize, &'static str)>,
    actor_codes: Vec<u32>,
    /// A title and type tags being made, and the key of a row's kind of event.
    title: String,
    tag_text: [String; 3],
    key: String,
}

/// What an import that keeps its events in the file gathers instead of events: where each
/// event's record starts, the store's facts about each, and each event's kind (its type
/// columns and location) with each kind's title, or [`NO_KIND`]. The words of a kind's title
/// and type tags are found once: `known[from..to]`, by the kind's key.
#[derive(Clone)]
pub(super) struct Keeping {
    pub starts: RowStarts,
    pub facts: Facts,
    pub kinds: Vec<u32>,
    pub titles: Vec<Box<str>>,
    typed_words: Map<Box<str>, (usize, usize, u32)>,
    known: Vec<u32>,
}

/// The most kinds of event whose words are remembered.
const MOST_KINDS: usize = 1 << 16;

/// An event of no remembered kind: its title is its own, or there were too many kinds.
pub(super) const NO_KIND: u32 = u32::MAX;

/// What ACLED's own columns say about a row, read and checked: what an event and the store's
/// facts about it are both made from.
struct Plain<'r> {
    id: &'r str,
    date: Option<EventDate>,
    event_type_text: &'r str,
    sub_type: &'r str,
    event_type: &'static str,
    location: &'r str,
    /// The place's index in the package.
    place: Option<usize>,
    fatalities: Option<u32>,
    notes: &'r str,
}

impl Import {
    /// Starts an import of a file with this header. With `keep`, a file with only ACLED's
    /// columns keeps its events as rows: [`Import::finish`] hands back what [`FileRows`]
    /// needs, and no events are made.
    pub fn new(header: &[String], source_name: &str, keep: bool) -> Import {
        let b = Builder::new(Package {
        title: format!("ACLED events from {source_name}"),
        description: Some("Events imported from an ACLED export. Titles are made from the event type and location; each event quotes ACLED's notes.".into()),
        documents: vec![Document {
            id: DOCUMENT.into(),
            title: format!("ACLED export ({source_name})"),
            publisher: Some("Armed Conflict Location & Event Data (ACLED)".into()),
            note: Some("Each event's quote is ACLED's notes for it; ACLED's own sources are named in the event's note.".into()),
            ..Document::default()
        }],
        ..Package::default()
        });
        let c = Columns::new(header);
        let own_columns = OWN_COLUMNS.iter().any(|col| c.has(col));
        Import {
            at: At::new(&c),
            dateline_csv: c.has("dateline_type"),
            own_columns,
            kept: (keep && !own_columns).then(|| {
                Box::new(Keeping {
                    starts: RowStarts::default(),
                    facts: Facts::new(),
                    kinds: Vec::new(),
                    titles: Vec::new(),
                    typed_words: Map::default(),
                    known: Vec::new(),
                })
            }),
            scratch: Scratch::default(),
            b,
            c,
        }
    }

    /// Reads up to `most` records of `table`; how many it read. After the first records, it
    /// makes room for as many more events as the rest of the file holds at their bytes per
    /// event (taken as at least 128, a short ACLED row), so the events are not moved as they
    /// grow.
    ///
    /// The table's text may be a window of a file (see [`super::file::Reading`]): it starts at byte
    /// `window.base` of the file, and `window.rest` more bytes follow it. Then a record that
    /// reaches the end of the text may be cut short: it is not read, and the batch ends with
    /// where it starts and on which line, to be read again with more text.
    pub fn records(
        &mut self,
        table: &mut Table<'_>,
        loaded: &mut Loaded,
        most: usize,
        window: Window,
    ) -> (usize, Option<(usize, u32)>) {
        let (before, from) = (self.events(), table.offset());
        let mut read = 0;
        let mut cut = None;
        while read < most {
            let (start, line, count) = (table.offset(), table.line(), table.problem_count());
            let record = table.next();
            if window.rest > 0 && (record.is_none() || table.offset() >= table.len()) {
                table.forget_problems(count);
                cut = Some((start, line));
                break;
            }
            let Some(record) = record else { break };
            self.record(&record, window.base + start as u64, loaded);
            read += 1;
        }
        if before == 0 && self.events() > 0 {
            let per_event = (table.offset() - from) / self.events();
            let rest = table.remaining() as u64 + window.rest;
            // More than the memory's addresses count is more than it holds: grown as read then.
            let more = usize::try_from(rest / per_event.max(128) as u64).unwrap_or(0);
            match &mut self.kept {
                Some(kept) => {
                    self.b.reserve_ids(more);
                    kept.starts.reserve(more);
                    kept.kinds.reserve(more);
                    kept.facts.reserve(more);
                }
                None => self.b.reserve(more),
            }
        }
        (read, cut)
    }

    /// How many events it has made (or kept as rows).
    pub fn events(&self) -> usize {
        match &self.kept {
            Some(kept) => kept.starts.len(),
            None => self.b.package.events.len(),
        }
    }

    /// Hands what it made to `loaded`. When it kept the events as rows: what it gathered, and
    /// an import that makes an event again from its record ([`Import::event_again`]).
    pub fn finish(self, loaded: &mut Loaded) -> Option<(Box<Keeping>, Import)> {
        let replay = Import {
            b: self.b.for_replay(),
            kept: None,
            scratch: Scratch::default(),
            c: self.c,
            at: self.at,
            ..self
        };
        self.b.finish(loaded);
        Some((self.kept?, replay))
    }

    /// Reads one record (starting at byte `start`) into an event, reporting what is wrong
    /// with it; or, when the events stay in the file, into the store's facts about it.
    pub fn record(&mut self, record: &Record<'_>, start: u64, loaded: &mut Loaded) {
        let row = self.c.row(record);
        let mut report = |severity: Severity, column: &str, message: String| {
            row.report(loaded, severity, column, message)
        };
        let scratch = &mut self.scratch;
        let claimed = plain(
            &mut self.b,
            &self.at,
            &row,
            &mut report,
            true,
            &mut scratch.participants,
        );
        if let Some(p) = claimed {
            match &mut self.kept {
                Some(kept) => {
                    kept.keep(&p, &row, &self.at, scratch, start);
                    self.b.kept();
                }
                None => {
                    let flags = (self.own_columns, self.dateline_csv);
                    let event = event(
                        &mut self.b,
                        &self.at,
                        flags,
                        p,
                        &row,
                        &scratch.participants,
                        &mut report,
                    );
                    self.b.push(event);
                }
            }
        }
        self.scratch.participants.clear();
    }

    /// The event of a record read before by an import that kept its events as rows: made the
    /// same way, without checking its id again or reporting anything.
    pub fn event_again(&mut self, record: &Record<'_>) -> Option<Event> {
        let row = self.c.row(record);
        let mut report = |_: Severity, _: &str, _: String| {};
        let participants = &mut self.scratch.participants;
        let flags = (self.own_columns, self.dateline_csv);
        let event = plain(
            &mut self.b,
            &self.at,
            &row,
            &mut report,
            false,
            participants,
        )
        .map(|p| {
            event(
                &mut self.b,
                &self.at,
                flags,
                p,
                &row,
                participants,
                &mut report,
            )
        });
        participants.clear();
        event
    }

    /// What a list of events shows of a record read before by an import that kept its events as
    /// rows: the event's id, title, type, date, place and sources, as [`Import::event_again`]
    /// makes them, and nothing else.
    pub fn brief_again(&mut self, record: &Record<'_>) -> Option<Event> {
        let row = self.c.row(record);
        let mut report = |_: Severity, _: &str, _: String| {};
        let participants = &mut self.scratch.participants;
        let b = &mut self.b;
        let brief = plain(b, &self.at, &row, &mut report, false, participants).map(|p| {
            let mut title = String::new();
            title_into(&p, &mut title);
            Event {
                id: p.id.to_string(),
                title,
                event_type: p.event_type.to_string(),
                place: p.place.map(|i| b.package.places[i].id.clone()),
                sources: quote_from_file(DOCUMENT, p.notes),
                date: p.date,
                ..Event::default()
            }
        });
        participants.clear();
        brief
    }
}

impl Keeping {
    /// Gathers the store's facts about a checked row whose record starts at byte `start`.
    fn keep(&mut self, p: &Plain<'_>, row: &Row<'_>, at: &At, scratch: &mut Scratch, start: u64) {
        // The words of the title and the type tags, found once for each kind of event at each
        // place; a title made of the id is its own.
        let key = &mut scratch.key;
        key.clear();
        let disorder = trim(row.at(at.disorder_type));
        for part in [p.event_type_text, p.sub_type, disorder, p.location] {
            key.push_str(part);
            key.push('\n');
        }
        let shared = !(p.sub_type.is_empty() && p.location.is_empty());
        let (from, to, remembered, kind) = match self.typed_words.get(key.as_str()) {
            Some(&(from, to, kind)) if shared => (from, to, true, kind),
            _ => {
                title_into(p, &mut scratch.title);
                type_tags(p, row, at, &mut scratch.tag_text);
                let from = self.known.len();
                let texts = std::iter::once(&scratch.title).chain(&scratch.tag_text);
                self.facts
                    .words_of(texts.map(String::as_str), &mut self.known);
                let to = self.known.len();
                let remembered = shared && self.typed_words.len() < MOST_KINDS;
                let mut kind = NO_KIND;
                if remembered {
                    kind = self.titles.len() as u32;
                    self.titles.push(scratch.title.as_str().into());
                    self.typed_words
                        .insert(key.as_str().into(), (from, to, kind));
                }
                (from, to, remembered, kind)
            }
        };
        let actors = &mut scratch.actor_codes;
        actors.clear();
        actors.extend(scratch.participants.iter().map(|&(a, _)| a as u32));
        // The ACLED file is the package's first document.
        let quoted = !trim(p.notes).is_empty();
        let mut documents = [0u32];
        let documents = &mut documents[..usize::from(quoted)];
        let date_text = p.date.as_ref().and_then(|d| d.text.as_deref());
        self.facts.push(
            p.date.as_ref().map(|d| &d.edtf),
            p.event_type,
            p.place.map_or(crate::columns::facts::NONE, |i| i as u32),
            actors,
            documents,
            &self.known[from..to],
            date_text
                .into_iter()
                .chain(Some(p.notes).filter(|_| quoted))
                .chain(own_tags(row, at)),
        );
        if !remembered {
            self.known.truncate(from);
        }
        self.starts.push(start);
        // A list can show the event from the store's columns and its kind's title, unless its
        // date was written otherwise than as ISO (its words are shown).
        self.kinds
            .push(if date_text.is_some() { NO_KIND } else { kind });
    }
}

/// The event of a checked row, with what Dateline's own columns carry when the file has them
/// (`own_columns`; `dateline_csv` when it is a Dateline CSV export).
fn event(
    b: &mut Builder,
    at: &At,
    (own_columns, dateline_csv): (bool, bool),
    p: Plain<'_>,
    row: &Row<'_>,
    participants: &[(usize, &'static str)],
    report: &mut dyn FnMut(Severity, &str, String),
) -> Event {
    let mut participants: Vec<Participation> = participants
        .iter()
        .map(|&(a, role)| Participation {
            according_to: None,
            actor: b.package.actors[a].id.clone(),
            role: role.to_string(),
        })
        .collect();
    let mut figures = Vec::with_capacity(1);
    if let Some(n) = p.fatalities {
        figures.push(fatalities_figure(n));
    }
    let notes = p.notes.to_string();
    let outlets = trim(row.at(at.source));
    let mut title = String::new();
    title_into(&p, &mut title);
    let tags = tags(&p, row, at);
    let scale = trim(row.at(at.source_scale));
    let place = p.place.map(|i| b.package.places[i].id.clone());
    let mut date = p.date;
    // Dateline's own columns, when the file is a Dateline CSV export: they carry what ACLED's
    // columns cannot, and win over the values derived above.
    // Only a file with Dateline's own columns is asked for them, row after row.
    let any_own = own_columns;
    let own = |column: &str| {
        let value = if any_own { row.get(column).trim() } else { "" };
        Some(value).filter(|v| !v.is_empty())
    };
    if let Some(own_title) = own("title") {
        title = own_title.to_string();
    }
    let event_type = own("dateline_type").unwrap_or(p.event_type);
    if let Some(text) = own("dateline_date") {
        match Edtf::parse(text) {
            Ok(edtf) => {
                date = Some(EventDate {
                    edtf,
                    text: own("date_text").map(str::to_string),
                    note: own("date_note").map(str::to_string),
                })
            }
            Err(e) => report(
                Severity::Error,
                "dateline_date",
                format!("{e}; the date from event_date is used"),
            ),
        }
    }
    if let (Some(precision), Some(i)) = (
        own("place_precision").and_then(PlacePrecision::from_name),
        p.place,
    ) {
        b.package.places[i].precision = Some(precision);
    }
    if let Some(list) = own("dateline_actors") {
        participants = own_columns::actors(b, list);
    }
    if let Some(list) = own("figures") {
        figures = own_columns::figures(list);
    }
    let sources = own("quotes").map_or_else(Vec::new, |list| own_columns::sources(b, list));
    let links = own("links").map_or_else(Vec::new, own_columns::links);
    let relations = own("relations").map_or_else(Vec::new, own_columns::relations);
    Event {
        id: p.id.to_string(),
        title,
        event_type: event_type.to_string(),
        date,
        place,
        place_note: None,
        actors: participants,
        figures,
        // The notes are the event's quote; a summary would only repeat them (and double
        // the memory a large export takes).
        summary: (dateline_csv && !notes.is_empty()).then(|| notes.clone()),
        sources: if dateline_csv {
            sources
        } else {
            quote_from_file(DOCUMENT, notes)
        },
        relations,
        note: (!outlets.is_empty()).then(|| match scale {
            "" => ["ACLED's sources: ", outlets].concat(),
            scale => ["ACLED's sources: ", outlets, " (", scale, ")"].concat(),
        }),
        tags,
        links,
        draft: None,
    }
}

/// The figure of ACLED's `fatalities`: `n` killed, as the file says.
fn fatalities_figure(n: u32) -> Figure {
    Figure {
        according_to: None,
        what: "killed".into(),
        value: f64::from(n),
        max: None,
        qualifier: Qualifier::Exact,
        text: Some({
            // As written, but as a number: "007" is "7".
            let mut text = String::with_capacity(32);
            text.push_str("fatalities: ");
            crate::json::push_int(&mut text, i64::from(n));
            text.push_str(" (ACLED)");
            text
        }),
        source: Some(DOCUMENT.into()),
    }
}

/// Reads and checks ACLED's own columns of a row: its id (claimed with `claim`, so a repeated
/// or empty one skips the row: `None`), date, type, place, actors (into `participants`),
/// fatalities and notes. Problems go to `report`.
fn plain<'r>(
    b: &mut Builder,
    at: &At,
    row: &'r Row<'_>,
    report: &mut dyn FnMut(Severity, &str, String),
    claim: bool,
    participants: &mut Vec<(usize, &'static str)>,
) -> Option<Plain<'r>> {
    let id = trim(row.at(at.id));
    if claim && !b.claim_id(id, row.line(), "event_id_cnty", report) {
        return None;
    }
    let date = date_of(row, at, report);
    let (event_type_text, sub_type) =
        (trim(row.at(at.event_type)), trim(row.at(at.sub_event_type)));
    let event_type = dateline_type(event_type_text, sub_type).unwrap_or_else(|| {
        if !row.get("dateline_type").trim().is_empty() {
            return "other";
        }
        report(Severity::Warning, "event_type", format!("'{event_type_text}' / '{sub_type}' is not an ACLED type Dateline knows; the event's type is 'other'"));
        "other"
    });
    let precision = match trim(row.at(at.geo_precision)) {
        "1" => Some(PlacePrecision::City),
        "2" => Some(PlacePrecision::Near),
        "3" => Some(PlacePrecision::Region),
        _ => None,
    };
    let location = trim(row.at(at.location));
    let place = b.place_index(
        location,
        (row.at(at.latitude), row.at(at.longitude)),
        ("latitude", "longitude"),
        precision,
        // The place's note, only when the place is new: its admin areas, innermost first.
        || {
            let admin: Vec<&str> = at
                .admin
                .iter()
                .map(|&c| trim(row.at(c)))
                .filter(|v| !v.is_empty())
                .collect();
            (!admin.is_empty()).then(|| admin.join(", "))
        },
        report,
    );
    participants_of(b, at, row, event_type_text, participants);
    let fatalities = fatalities_of(row, at, report);
    Some(Plain {
        id,
        date,
        event_type_text,
        sub_type,
        event_type,
        location,
        place,
        fatalities,
        notes: trim(row.at(at.notes)),
    })
}

/// The date of a row: `event_date` read at `time_precision` (a day, the week around it, or its
/// month), with the words as written when they are not the ISO date.
fn date_of(
    row: &Row<'_>,
    at: &At,
    report: &mut dyn FnMut(Severity, &str, String),
) -> Option<EventDate> {
    let raw_date = trim(row.at(at.date));
    match parse_acled_date(raw_date) {
        Some(day) => {
            let edtf = match trim(row.at(at.time_precision)) {
                "1" | "" => Edtf::day(day),
                "2" => Edtf::days(day - 3, day + 3),
                "3" => Edtf::month_of(day),
                other => {
                    report(
                        Severity::Warning,
                        "time_precision",
                        format!("'{other}' is not 1, 2 or 3; the date is read as an exact day"),
                    );
                    Edtf::day(day)
                }
            };
            // The words as written, when they are not already the ISO date.
            let text = (calendar::parse_day(raw_date) != Some(day)).then(|| raw_date.to_string());
            edtf.map(|edtf| EventDate {
                edtf,
                text,
                note: None,
            })
        }
        // A Dateline export gives open or undated dates in its own column instead.
        None if !row.get("dateline_date").trim().is_empty() => None,
        None => {
            report(Severity::Error, "event_date", format!("'{raw_date}' is not a date (2020-01-08 or 8 January 2020); the event is listed but not on the timeline"));
            None
        }
    }
}

/// The actors of a row's four actor columns, each once, into `participants` with their roles:
/// a target in an event of violence against civilians, else a participant or an associate.
fn participants_of(
    b: &mut Builder,
    at: &At,
    row: &Row<'_>,
    event_type_text: &str,
    participants: &mut Vec<(usize, &'static str)>,
) {
    let against_civilians = event_type_text == "Violence against civilians";
    let roles = [
        "participant",
        "associated",
        if against_civilians {
            "target"
        } else {
            "participant"
        },
        "associated",
    ];
    for (&column, role) in at.actors.iter().zip(roles) {
        for name in row
            .at(column)
            .split(';')
            .map(trim)
            .filter(|n| !n.is_empty())
        {
            let actor = b.actor_index(name);
            if !participants.iter().any(|&(a, _)| a == actor) {
                participants.push((actor, role));
            }
        }
    }
}

/// ACLED's `fatalities` of a row, when it is given as a whole number.
fn fatalities_of(
    row: &Row<'_>,
    at: &At,
    report: &mut dyn FnMut(Severity, &str, String),
) -> Option<u32> {
    let fatalities = trim(row.at(at.fatalities));
    match fatalities.parse::<u32>() {
        _ if fatalities.is_empty() => None,
        Ok(n) => Some(n),
        Err(_) => {
            report(
                Severity::Error,
                "fatalities",
                format!("'{fatalities}' is not a whole number; the figure is dropped"),
            );
            None
        }
    }
}

/// Writes an event's title into `out`: "sub-event type in location", or what of it the row has.
fn title_into(p: &Plain<'_>, out: &mut String) {
    out.clear();
    let parts: &[&str] = match (p.sub_type.is_empty(), p.location.is_empty()) {
        (false, false) => &[p.sub_type, " in ", p.location],
        (false, true) => &[p.sub_type],
        (true, false) => &[p.event_type_text, " in ", p.location],
        (true, true) => &["ACLED event ", p.id],
    };
    parts.iter().for_each(|part| out.push_str(part));
}

/// ACLED's type columns as tags (`acled event_type: …`), written into `out`: empty where the
/// row has no value.
fn type_tags(p: &Plain<'_>, row: &Row<'_>, at: &At, out: &mut [String; 3]) {
    let values = [
        ("event_type", p.event_type_text),
        ("sub_event_type", p.sub_type),
        ("disorder_type", trim(row.at(at.disorder_type))),
    ];
    for ((key, value), out) in values.into_iter().zip(out) {
        out.clear();
        if !value.is_empty() {
            for part in ["acled ", key, ": ", value] {
                out.push_str(part);
            }
        }
    }
}

/// ACLED's own tags of a row.
fn own_tags<'a>(row: &'a Row<'_>, at: &At) -> impl Iterator<Item = &'a str> {
    row.at(at.tags)
        .split(';')
        .map(trim)
        .filter(|t| !t.is_empty())
}

/// An event's tags: ACLED's type columns, then ACLED's own tags.
fn tags(p: &Plain<'_>, row: &Row<'_>, at: &At) -> Vec<String> {
    let mut typed = <[String; 3]>::default();
    type_tags(p, row, at, &mut typed);
    typed
        .into_iter()
        .filter(|t| !t.is_empty())
        .chain(own_tags(row, at).map(str::to_string))
        .collect()
}

/// Reads ACLED's `event_date`: ISO `2020-01-08`, or `08 January 2020` as older exports write it.
pub(super) fn parse_acled_date(text: &str) -> Option<i64> {
    let text = trim(text);
    if let Some(day) = calendar::parse_day(text) {
        return Some(day);
    }
    let mut parts = text.split_whitespace();
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let day: u32 = d.parse().ok()?;
    let month = MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(m) || name[..3].eq_ignore_ascii_case(m))?
        as u32
        + 1;
    let year: i64 = y.parse().ok().filter(|y| (1..=9999).contains(y))?;
    (1..=calendar::days_in_month(year, month))
        .contains(&day)
        .then(|| day_number(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_date_styles() {
        assert_eq!(parse_acled_date("2020-01-08"), Some(day_number(2020, 1, 8)));
        assert_eq!(
            parse_acled_date("08 January 2020"),
            Some(day_number(2020, 1, 8))
        );
        assert_eq!(parse_acled_date("8 Jan 2020"), Some(day_number(2020, 1, 8)));
        assert_eq!(parse_acled_date("30 February 2020"), None);
        assert_eq!(parse_acled_date("2020"), None);
    }

    #[test]
    fn maps_acled_types() {
        assert_eq!(
            dateline_type("Explosions/Remote violence", "Air/drone strike"),
            Some("airstrike")
        );
        assert_eq!(
            dateline_type(
                "Strategic developments",
                "Non-violent transfer of territory"
            ),
            Some("handover")
        );
        assert_eq!(dateline_type("Riots", "Mob violence"), Some("assault"));
        assert_eq!(dateline_type("Parades", "Big"), None);
    }
}
