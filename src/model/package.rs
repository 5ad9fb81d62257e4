//! The event package, version 1: documents, places, actors and events.
//!
//! These types hold a package after it was read and checked by [`crate::read`]: every reference
//! between items points at an item that exists, every date is valid EDTF, every coordinate is in
//! range. `docs/format.md` describes the JSON form field by field.

use crate::model::edtf::Edtf;

/// The package format version this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole package.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Package {
    /// The title of the dataset.
    pub title: String,
    /// What the dataset is, for the about line.
    pub description: Option<String>,
    /// The source articles.
    pub documents: Vec<Document>,
    /// The places events happen at.
    pub places: Vec<Place>,
    /// The people, groups and states that act in events.
    pub actors: Vec<Actor>,
    /// The events.
    pub events: Vec<Event>,
}

/// A source article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Unique among documents.
    pub id: String,
    /// The headline, or a description when the headline is unknown.
    pub title: String,
    /// Who published it.
    pub publisher: Option<String>,
    /// Where it can be read; only `http:` and `https:` URLs are kept.
    pub url: Option<String>,
    /// When it was published, as EDTF; may be inferred (see `published_note`).
    pub published: Option<Edtf>,
    /// How the publication date was found, when the document does not state it.
    pub published_note: Option<String>,
    /// Anything else a reader should know about the document.
    pub note: Option<String>,
    /// The full text; when present, every quote from this document is checked against it.
    pub text: Option<String>,
}

/// How precisely a place's coordinates locate what happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlacePrecision {
    /// The site itself: a base, an embassy, a building.
    Site,
    /// Near the coordinates, within a few kilometres.
    Near,
    /// Somewhere in a town or city; the coordinates are its centre.
    City,
    /// A district, zone or sea area; the coordinates are its centre.
    Area,
    /// A province or larger region.
    Region,
    /// Only the country is known.
    Country,
}

impl PlacePrecision {
    /// Every precision, finest first.
    pub const ALL: [PlacePrecision; 6] = [
        PlacePrecision::Site,
        PlacePrecision::Near,
        PlacePrecision::City,
        PlacePrecision::Area,
        PlacePrecision::Region,
        PlacePrecision::Country,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacePrecision::Site => "site",
            PlacePrecision::Near => "near",
            PlacePrecision::City => "city",
            PlacePrecision::Area => "area",
            PlacePrecision::Region => "region",
            PlacePrecision::Country => "country",
        }
    }

    /// A description for tooltips.
    pub fn label(self) -> &'static str {
        match self {
            PlacePrecision::Site => "exact site",
            PlacePrecision::Near => "near this point",
            PlacePrecision::City => "somewhere in this city",
            PlacePrecision::Area => "somewhere in this area",
            PlacePrecision::Region => "somewhere in this region",
            PlacePrecision::Country => "somewhere in this country",
        }
    }

    /// The precision named `name`.
    pub fn from_name(name: &str) -> Option<PlacePrecision> {
        PlacePrecision::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

/// A place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    /// Unique among places.
    pub id: String,
    /// The name shown on the map.
    pub name: String,
    /// Other names and spellings, found by search.
    pub aliases: Vec<String>,
    /// Latitude and longitude in degrees (WGS 84); `None` when unknown: listed, not mapped.
    pub coordinates: Option<(f64, f64)>,
    /// What it is: city, airbase, embassy, airport, zone, sea, country, ...
    pub kind: Option<String>,
    /// How precisely the coordinates locate it.
    pub precision: Option<PlacePrecision>,
    /// The id of a larger place that contains this one (the Green Zone is within Baghdad).
    pub within: Option<String>,
    /// Where the coordinates come from, or anything else a reader should know.
    pub note: Option<String>,
}

/// A person, group, organisation or state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Actor {
    /// Unique among actors.
    pub id: String,
    /// The name shown.
    pub name: String,
    /// Other names under which sources speak of the same actor.
    pub aliases: Vec<String>,
    /// person, armed-group, state, government, military, organisation, ...
    pub kind: Option<String>,
    /// Who the actor belongs to or answers to.
    pub affiliation: Option<String>,
    /// Anything a reader should know, such as why two names are one actor.
    pub note: Option<String>,
}

/// An event's date: the EDTF value, the words of the source, and how it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDate {
    /// The date as EDTF.
    pub edtf: Edtf,
    /// The date as the sources write it ("late December", "on Thursday").
    pub text: Option<String>,
    /// How the date was worked out when the sources do not state it whole; its presence marks
    /// the date as an inference.
    pub note: Option<String>,
}

/// How an actor took part in an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Participation {
    /// The actor's id.
    pub actor: String,
    /// The role: see [`ROLES`].
    pub role: String,
    /// Who says so, when the role is a claim or a suspicion the sources attribute rather than
    /// state ("U.S. officials" for a `suspected` actor).
    pub according_to: Option<String>,
}

/// Roles an actor can have in an event. Other roles are kept and warned about.
pub const ROLES: &[&str] = &[
    "perpetrator",
    "suspected",
    "target",
    "killed",
    "participant",
    "speaker",
    "subject",
    "recipient",
    "instigator",
    "reporter",
    "mentioned",
];

/// How a figure's number relates to the count it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// Exactly this many.
    Exact,
    /// About this many.
    About,
    /// Nearly this many: a little fewer.
    Nearly,
    /// This many or more.
    AtLeast,
    /// More than this many.
    MoreThan,
    /// This many or fewer.
    AtMost,
    /// Fewer than this many.
    FewerThan,
    /// Between `value` and `max`.
    Between,
}

impl Qualifier {
    /// Every qualifier.
    pub const ALL: [Qualifier; 8] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::AtMost,
        Qualifier::FewerThan,
        Qualifier::Between,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at-least",
            Qualifier::MoreThan => "more-than",
            Qualifier::AtMost => "at-most",
            Qualifier::FewerThan => "fewer-than",
            Qualifier::Between => "between",
        }
    }

    /// The qualifier named `name`.
    pub fn from_name(name: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.as_str() == name)
    }

    /// The words put before the number: "nearly", "more than", "" for exact.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact | Qualifier::Between => "",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at least",
            Qualifier::MoreThan => "more than",
            Qualifier::AtMost => "at most",
            Qualifier::FewerThan => "fewer than",
        }
    }
}

/// A count that a source reports, kept as the source gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What is counted: "killed", "injured", "arrested", "rockets", "sites struck".
    pub what: String,
    /// The number.
    pub value: f64,
    /// The upper number of a `between` figure.
    pub max: Option<f64>,
    /// How the number relates to the count.
    pub qualifier: Qualifier,
    /// The words of the source ("nearly 100 traumatic brain injuries").
    pub text: Option<String>,
    /// The id of the document that gives this figure.
    pub source: Option<String>,
    /// Who reports the number, in the source's words ("a U.S. official", "Iraq's military"),
    /// when the document attributes it to someone.
    pub according_to: Option<String>,
}

/// One document's account of an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The document's id.
    pub document: String,
    /// The passage, verbatim. Omissions are marked with `…` (or `[...]`).
    pub quote: String,
    /// True when the quote was found in the document's text; false when the text is absent.
    pub verified: bool,
    /// Where the quote starts in the document's text, in characters (Unicode scalar values).
    pub at: Option<usize>,
}

/// How one event relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelationKind {
    /// This event answered the other (the missile attack answered the killing).
    ResponseTo,
    /// This event is part of the other.
    PartOf,
    /// This event followed from, or came next after, the other.
    FollowUp,
}

impl RelationKind {
    /// Every kind.
    pub const ALL: [RelationKind; 3] = [
        RelationKind::ResponseTo,
        RelationKind::PartOf,
        RelationKind::FollowUp,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::ResponseTo => "response-to",
            RelationKind::PartOf => "part-of",
            RelationKind::FollowUp => "follow-up",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The link in words, from the side of the event that has it (`outgoing`) or of the event
    /// it points at: "In response to" / "Answered by".
    pub fn label(self, outgoing: bool) -> &'static str {
        match (self, outgoing) {
            (RelationKind::ResponseTo, true) => "In response to",
            (RelationKind::ResponseTo, false) => "Answered by",
            (RelationKind::PartOf, true) => "Part of",
            (RelationKind::PartOf, false) => "Includes",
            (RelationKind::FollowUp, true) => "Followed",
            (RelationKind::FollowUp, false) => "Followed by",
        }
    }
}

/// A link from one event to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The other event's id.
    pub event: String,
    /// How this event relates to it.
    pub kind: RelationKind,
    /// Why the link is drawn; its presence marks the link as an inference, not a statement of
    /// the sources.
    pub note: Option<String>,
}

/// One happening.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// Unique among events, stable across versions of the package.
    pub id: String,
    /// A one-line title.
    pub title: String,
    /// The event type: an id from [`crate::model::event_type::EVENT_TYPES`] or the package's own.
    pub event_type: String,
    /// When; `None` when the package gave no valid date (the event is listed, not on the timeline).
    pub date: Option<EventDate>,
    /// The place's id; `None` when the sources do not say where.
    pub place: Option<String>,
    /// How the place was worked out, when the sources do not name it outright.
    pub place_note: Option<String>,
    /// Who took part, and how.
    pub actors: Vec<Participation>,
    /// Counts the sources give.
    pub figures: Vec<Figure>,
    /// The sources' accounts, each with a verbatim quote.
    pub sources: Vec<Source>,
    /// Links to other events.
    pub relations: Vec<Relation>,
    /// A short summary in the package author's words.
    pub summary: Option<String>,
    /// Anything a reader should know, such as how accounts were merged.
    pub note: Option<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Links the data gives for the event (a TimelineJS slide's links, a CSV's source URL):
    /// further reading, not quoted sources. Only http(s) links are kept.
    pub links: Vec<Link>,
    /// Set on events drafted by the extractor and not yet reviewed. Boxed, as most events are
    /// not drafts: it keeps every event 48 bytes smaller.
    pub draft: Option<Box<Draft>>,
}

/// How the extractor drafted an event: how sure it is, and the rule behind each field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// From 0 (a guess) to 1 (every field stated plainly).
    pub confidence: f64,
    /// Field name ("type", "date", "place", "actors", "figures", "relations") and the rule that
    /// set it, in words.
    pub rules: Vec<(String, String)>,
    /// Why reports were merged into this event, one line per merge.
    pub merged: Vec<String>,
}

/// A link an event's data gives, with its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// An http(s) URL.
    pub url: String,
    /// The link's text, or the URL when it has none.
    pub title: String,
}
