//! Names in a sentence: places and actors of the lexicon, longest first, and people introduced
//! by a title ("Gen. Frank McKenzie"), who become actors of the article and are known by their
//! full name and surname from then on.

use super::dates::{month_of, WEEKDAYS};
use super::lexicon::{skeleton, Entry, Lexicon, Target, MIN_SKELETON};
use super::name_words::{NOT_NAMES, OFFICES_AFTER};
use super::words::{key, Word};
use crate::model::text::slug;
use crate::model::Actor;

/// Arabic articles in names, written "al-" or "Al-" alike.
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "at", "an", "ash", "az", "abu", "bin", "ibn",
];

/// A name found in a sentence: words `from..to`.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) target: Target,
}

/// The people an article introduces by their titles: actors numbered after the lexicon's, and
/// the names they go by.
#[derive(Debug, Clone, Default)]
pub(super) struct People {
    /// The people, in the order they were found.
    pub(super) actors: Vec<Actor>,
    /// Their full names and surnames.
    names: Vec<Entry>,
    /// The coalition the article last named by its own name ("the Saudi-led coalition"), whom
    /// a bare "the coalition" after it means.
    coalition: Option<Target>,
    /// The short names of the bases the article has named ("al-Assad" after "the al-Assad Air
    /// Base"): the base from then on, not an actor of that name.
    sites: Vec<Entry>,
}

impl People {
    /// The names of the lexicon and of the people found so far that start with `word`.
    fn starting<'a>(
        &'a self,
        lexicon: &'a Lexicon,
        word: &'a str,
    ) -> impl Iterator<Item = &'a Entry> {
        lexicon
            .index
            .get(word)
            .into_iter()
            .flatten()
            .chain(self.names.iter().filter(move |e| e.words[0] == word))
            .chain(self.sites.iter().filter(move |e| e.words[0] == word))
    }

    /// Whether `e` is the short name of a base the article named.
    fn is_site(&self, e: &Entry) -> bool {
        self.sites
            .iter()
            .any(|x| x.words == e.words && x.target == e.target)
    }

    /// Keeps the short name of the base the words `from..to` name ("al-Assad" of "al-Assad Air
    /// Base"), if they end in a word for a base.
    fn note_site(&mut self, w: &[Word], from: usize, to: usize, target: Target) {
        let low: Vec<&str> = w[from..to].iter().map(|x| x.low.as_str()).collect();
        let cut = match low.as_slice() {
            [.., "air", "base"] | [.., "air", "field"] => 2,
            [.., "base" | "airbase" | "airfield"] => 1,
            _ => return,
        };
        let start = from + usize::from(low[0] == "the");
        let end = to - cut;
        if end <= start || self.sites.iter().any(|x| x.target == target) {
            return;
        }
        self.sites.push(Entry {
            words: w[start..end].iter().map(|x| x.low.clone()).collect(),
            target,
            capitals: w[start..end].iter().map(|x| x.capital).collect(),
        });
    }

    /// A new person named without a title (the words `start..end` of a sentence): its target.
    fn add_named(
        &mut self,
        lexicon: &Lexicon,
        w: &[Word],
        text: &str,
        start: usize,
        end: usize,
    ) -> Target {
        let name = text[w[start].start..w[end - 1].end].to_string();
        let note = format!("Found as the speaker or subject '{name}'.");
        self.add_actor(lexicon, name, "person", Some(w[end - 1].low.clone()), note)
    }

    /// What a name of `target` stands for here (`capital`: the name has a capital): a coalition's name written in lower case alone
    /// ("the coalition", "coalition forces") means the coalition the article last named by its
    /// own name, which may not be the lexicon's (a "Saudi-led coalition" before it).
    fn coalition_meant(&mut self, lexicon: &Lexicon, target: Target, capital: bool) -> Target {
        if lexicon.actor(target).and_then(|a| a.kind.as_deref()) != Some("coalition") {
            return target;
        }
        if capital {
            self.coalition = Some(target);
            return target;
        }
        self.coalition.unwrap_or(target)
    }

    /// The targets of the groups found so far.
    pub(super) fn groups(&self, lexicon: &Lexicon) -> Vec<Target> {
        self.actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind.as_deref() != Some("person"))
            .map(|(i, _)| Target::Actor(lexicon.actors.len() + i))
            .collect()
    }

    /// A new armed group named by the words `start..end` of a sentence: its target.
    fn add_group(
        &mut self,
        lexicon: &Lexicon,
        w: &[Word],
        text: &str,
        start: usize,
        end: usize,
    ) -> Target {
        let name = text[w[start].start..w[end - 1].end].to_string();
        let note = format!("Found as the name of a group, '{name}'.");
        self.add_actor(lexicon, name, "armed group", None, note)
    }

    /// A new person `name` (the words `start..end` of a sentence): its target.
    fn add(
        &mut self,
        lexicon: &Lexicon,
        w: &[Word],
        text: &str,
        start: usize,
        end: usize,
    ) -> Target {
        let name = text[w[start].start..w[end - 1].end].to_string();
        let note = format!("Found by the title before '{name}'.");
        self.add_actor(lexicon, name, "person", Some(w[end - 1].low.clone()), note)
    }

    /// A new actor `name` of `kind`, found as `note` says: its target, known from now on by its
    /// full name and, for a person, the `surname`.
    fn add_actor(
        &mut self,
        lexicon: &Lexicon,
        name: String,
        kind: &str,
        surname: Option<String>,
        note: String,
    ) -> Target {
        let id = slug(&name, kind);
        let index = lexicon.actors.len() + self.actors.len();
        let words_of_name = key(&name);
        self.actors.push(Actor {
            id,
            name,
            kind: Some(kind.into()),
            note: Some(note),
            ..Actor::default()
        });
        let target = Target::Actor(index);
        for words in std::iter::once(words_of_name).chain(surname.map(|s| vec![s])) {
            self.names.push(Entry {
                capitals: vec![true; words.len()],
                words,
                target,
            });
        }
        target
    }
}

/// Verbs of saying after which a capitalised name is a speaker: "Mowlid Ahmed Hassan said".
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "tweeted",
    "added",
    "condemned",
    "warned",
    "wrote",
    "stated",
    "announced",
    "insisted",
];

/// A person named without a title, two or three capitalised words at word `i` that speak
/// ("Mowlid Ahmed Hassan said") or are described after a comma ("Masrour Barzani, prime
/// minister of …"): the end of the name.
fn speaking_name(w: &[Word], text: &str, i: usize) -> Option<usize> {
    // A person's name opens its phrase: not after "the" or a preposition ("the top general for
    // the Middle East said").
    if i > 0
        && matches!(
            w[i - 1].low.as_str(),
            "the" | "a" | "an" | "of" | "for" | "in" | "on" | "at" | "from" | "to" | "by" | "with"
        )
    {
        return None;
    }
    let mut end = i;
    while end < w.len()
        && end - i < 3
        && w[end].capital
        && !NOT_NAMES.contains(&w[end].low.as_str())
        && w[end].low.chars().any(|c| c.is_lowercase())
        && text[w[end].start..w[end].end]
            .chars()
            .any(|c| c.is_lowercase())
        && (end == i || w[end].clause == w[i].clause)
    {
        end += 1;
    }
    if end - i < 2 {
        return None;
    }
    let next = w.get(end)?;
    // "Minister for Africa, James Duddridge, said:": a name set off by commas speaks too.
    let set_off = next.clause == w[end - 1].clause + 1
        && text[w[end - 1].end..next.start].trim() == ","
        && i > 0
        && w[i - 1].clause < w[i].clause;
    let speaks =
        SAYING.contains(&next.low.as_str()) && (next.clause == w[end - 1].clause || set_off);
    // An office after the comma, capitalised or not ("James Duddridge, Minister for Africa,").
    let office = OFFICES_AFTER.contains(&next.low.as_str());
    let described = next.clause != w[end - 1].clause
        && (office || !next.capital && matches!(next.low.as_str(), "the" | "a" | "an"));
    (speaks || described).then_some(end)
}

/// Nouns for armed groups and movements, after which a name says which one.
const GROUPS: &[&str] = &[
    "group",
    "militia",
    "faction",
    "organization",
    "organisation",
    "movement",
    "brigade",
    "brigades",
    "network",
    "affiliate",
    "outfit",
    "front",
];

/// An armed group named after a noun that says what it is: "a group called Saraya Awliya
/// al-Dam", "a group calling itself X", "an Iranian-backed militia, Katib Hizbollah, …": the
/// end of the name, which is capitalised words (Arabic articles between them) ending its
/// clause or the phrase.
fn group_name(w: &[Word], i: usize) -> Option<usize> {
    let low = |k: usize| w[k].low.as_str();
    let called = i >= 2
        && (matches!(low(i - 1), "called" | "named") && GROUPS.contains(&low(i - 2))
            || low(i - 1) == "itself" && low(i - 2) == "calling");
    let apposed = i >= 1
        && w[i - 1].clause + 1 == w[i].clause
        && (i.saturating_sub(3)..i).any(|k| GROUPS.contains(&low(k)));
    if !(called || apposed) || !w[i].capital {
        return None;
    }
    let mut end = i;
    while end < w.len()
        && end - i < 5
        && w[end].clause == w[i].clause
        && (w[end].capital
            || ARTICLES.contains(&low(end)) && w.get(end + 1).is_some_and(|x| x.capital))
    {
        end += 1;
    }
    let whole_clause = w.get(end).is_none_or(|x| x.clause != w[i].clause);
    (end > i && (called || whole_clause)).then_some(end)
}

/// Whether name `e` is written at word `i` of `w`, capitalised as the name is.
fn written_at(e: &Entry, w: &[Word], i: usize) -> bool {
    i + e.words.len() <= w.len()
        && e.words.iter().enumerate().all(|(k, x)| w[i + k].low == *x)
        && e.capitals
            .iter()
            .zip(&w[i..i + e.words.len()])
            .all(|(cap, x)| !cap || x.capital || ARTICLES.contains(&x.low.as_str()))
}

/// Whether the name `e` at word `i` is only part of a longer name the lexicon lacks: another
/// name of a place (not the one it goes by: "Baghdad al-Jadida" lies in Baghdad) after a
/// capitalised word ("Hafiz Sayed Khan" is no "Khan", a name of Khirbat Tin Nur), or followed,
/// in its clause, by an article joined to the next word ("Bab al-Sharqi" is no "Bab", a name
/// of the town of al-Bab); or by a point of the compass and a county ("Tonj North County").
fn starts_longer_name(e: &Entry, w: &[Word], text: &str, i: usize, lexicon: &Lexicon) -> bool {
    let end = i + e.words.len();
    let Target::Place(p) = e.target else {
        return false;
    };
    if compass_county(w, end) {
        return true;
    }
    let own_name = lexicon.places[p]
        .name
        .to_lowercase()
        .split_whitespace()
        .eq(e.words.iter().map(String::as_str));
    // "Hafiz Sayed Khan": the last of a person's names, not Khirbat Tin Nur, also called "Khan".
    let after_a_name = i > 1
        && w[i - 1].capital
        && w[i - 1].clause == w[i].clause
        && text.get(w[i - 1].end..w[i].start) == Some(" ")
        && !ARTICLES.contains(&w[i - 1].low.as_str());
    // "al-Sharqi" is read as "al", a hyphen, "sharqi".
    !own_name
        && (after_a_name
            || w.get(end).is_some_and(|next| {
                next.clause == w[end - 1].clause
                    && matches!(
                        next.low.as_str(),
                        "al" | "el" | "ad" | "ash" | "as" | "an" | "ar" | "az" | "at"
                    )
                    && w.get(end + 1)
                        .is_some_and(|after| text.get(next.end..after.start) == Some("-"))
            }))
}

/// Whether the word at `end` is a point of the compass that, with a county or district named
/// within four words, makes the place before it a county of its own ("Tonj North County",
/// "Tonj South and Tonj East counties"), not the town it is named after.
fn compass_county(w: &[Word], end: usize) -> bool {
    let Some(next) = w.get(end) else {
        return false;
    };
    let compass = matches!(
        next.low.as_str(),
        "north" | "south" | "east" | "west" | "central"
    );
    next.capital
        && compass
        && next.clause == w[end - 1].clause
        && w[end + 1..(end + 5).min(w.len())].iter().any(|x| {
            x.clause == next.clause
                && matches!(
                    x.low.as_str(),
                    "county" | "counties" | "district" | "districts"
                )
        })
}

/// Prepositions after which a country's name is the place, not the state.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "into",
    "within",
    "around",
    "over",
    "at",
    "on",
    "against",
    "toward",
    "towards",
    "of",
];

/// Words between such a preposition and the name: "in the north of"… is not among them, but
/// "in northern", "across the eastern" are.
const PLACE_QUALIFIERS: &[&str] = &[
    "the",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Participles that make an actor's name describe another actor or a thing ("Iranian-backed
/// militias", "Saudi-led coalition", "Russian-controlled territory", "Iranian-made drones").
const QUALIFYING: &[&str] = &[
    "backed",
    "led",
    "aligned",
    "allied",
    "sponsored",
    "supported",
    "funded",
    "affiliated",
    "linked",
    "trained",
    "armed",
    "based",
    "controlled",
    "held",
    "run",
    "occupied",
    "made",
    "designed",
    "built",
    "supplied",
    "produced",
    "manufactured",
    "owned",
    "flagged",
    "operated",
];

/// Nouns of place after which a state's name or adjective says where, not who: "the Iraqi
/// base", "Syrian territory", "the Turkish border".
const PLACE_NOUNS: &[&str] = &[
    "capital",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "border",
    "borders",
    "territory",
    "soil",
    "airspace",
    "waters",
    "coast",
    "port",
    "province",
    "provinces",
    "region",
    "regions",
    "side",
];

/// True when name `e` at word `i` is an abbreviation before a word in lower case: "against U.S.
/// personnel" names the state's people, not the country.
fn adjectival(e: &Entry, w: &[Word], text: &str, i: usize) -> bool {
    let end = i + e.words.len();
    end < w.len()
        && !w[end].capital
        && !text[w[i].start..w[end - 1].end]
            .chars()
            .any(char::is_lowercase)
}

/// True when word `i` follows a preposition of place, past "the" and compass words.
fn place_before(w: &[Word], i: usize) -> bool {
    // A date's month or weekday before a comma is no town: "On 27 March, Russia struck".
    let dated = |x: &str| month_of(x).is_some() || WEEKDAYS.contains(&x);
    // "near Libikus, Somalia": a town the gazetteer lacks, behind a preposition of place, and
    // its country after a comma.
    if i >= 2
        && w[i - 1].capital
        && !dated(&w[i - 1].low)
        && w[i - 1].clause < w[i].clause
        && (i.saturating_sub(4)..i - 1).any(|k| PLACE_PREPOSITIONS.contains(&w[k].low.as_str()))
    {
        return true;
    }
    let mut at = i;
    while at > 0 && i - at < 4 {
        at -= 1;
        let word = w[at].low.as_str();
        if PLACE_PREPOSITIONS.contains(&word) {
            return true;
        }
        if !PLACE_QUALIFIERS.contains(&word) {
            return false;
        }
    }
    false
}

/// People a state's name or adjective gives the nationality of ("a British medic", "Ukrainian
/// civilians", "the Russian ambassador"): they are not the state acting.
const NATIONALS: &[&str] = &[
    "citizen",
    "citizens",
    "national",
    "nationals",
    "civilian",
    "civilians",
    "medic",
    "medics",
    "journalist",
    "journalists",
    "tourist",
    "tourists",
    "worker",
    "workers",
    "hostage",
    "hostages",
    "contractor",
    "contractors",
    "ambassador",
    "envoy",
    "diplomat",
    "diplomats",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "family",
    "families",
    "student",
    "students",
];

/// True when actor name `e` at word `i` is joined by a hyphen to a participle that makes it
/// describe someone else: "Iranian-backed" names the militias, not Iran.
/// A state's name before a noun of place ("the Iraqi base") says where, not who, and before
/// people ("a British medic") whose they are.
fn qualifies_another(e: &Entry, w: &[Word], text: &str, i: usize, lexicon: &Lexicon) -> bool {
    let end = i + e.words.len();
    let Target::Actor(a) = e.target else {
        return false;
    };
    if end >= w.len() {
        return false;
    }
    let next = w[end].low.as_str();
    let hyphenated = text[w[end - 1].end..w[end].start].ends_with('-');
    let state = lexicon
        .actors
        .get(a)
        .is_some_and(|x| x.kind.as_deref() == Some("state"));
    (hyphenated && QUALIFYING.contains(&next))
        || (state && (PLACE_NOUNS.contains(&next) || NATIONALS.contains(&next)))
}

/// True when name `e` at word `i` is a country or a state after "from" ("a medic from the
/// United Kingdom", "troops from Britain"): where someone comes from, neither where the event
/// happened nor who did it.
fn origin(e: &Entry, w: &[Word], i: usize, lexicon: &Lexicon) -> bool {
    let before = match i {
        0 => return false,
        1 => 0,
        _ if w[i - 1].low == "the" => i - 2,
        _ => i - 1,
    };
    let country = match e.target {
        Target::Place(p) => {
            lexicon.places.get(p).and_then(|x| x.kind.as_deref()) == Some("country")
        }
        Target::Actor(a) => lexicon.actors.get(a).and_then(|x| x.kind.as_deref()) == Some("state"),
    };
    country && w[before].low == "from"
}

/// A title at word `i` followed by a capitalised name in its clause: the name's words.
fn titled_name(w: &[Word], i: usize, lexicon: &Lexicon) -> Option<(usize, usize)> {
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
                return Some((start, end));
            }
        }
    }
    None
}

/// The actor an article's publisher names first ("U.S. Embassy Kinshasa (U.S. Department of
/// State)"), if the lexicon knows one.
pub(super) fn publisher_actor(publisher: &str, lexicon: &Lexicon) -> Option<Target> {
    let words = super::words::words(publisher, 0, publisher.len());
    find_names(&words, publisher, lexicon, &mut People::default())
        .into_iter()
        .map(|m| m.target)
        .find(|t| matches!(t, Target::Actor(_)))
}

/// Names of places and actors among `w`, longest first; titles make new person actors.
pub(super) fn find_names(
    w: &[Word],
    text: &str,
    lexicon: &Lexicon,
    people: &mut People,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        // A title and a capitalised name: a person.
        if let Some((start, end)) = titled_name(w, i, lexicon) {
            // A known person after the title ("Gen. Frank McKenzie") is that person.
            let known = (start..end).find_map(|s| {
                people
                    .starting(lexicon, &w[s].low)
                    .filter(|e| {
                        matches!(e.target, Target::Actor(_))
                            && written_at(e, w, s)
                            && s + e.words.len() <= end
                    })
                    .max_by_key(|e| e.words.len())
                    .map(|e| e.target)
            });
            let target = match known {
                Some(target) => target,
                None => people.add(lexicon, w, text, start, end),
            };
            out.push(Mention {
                from: i,
                to: end,
                target,
            });
            i = end;
            continue;
        }
        // A name that is both a place and an actor ("Syria") is the place after a preposition
        // of place ("in eastern Syria"), else the actor ("Syria said").
        // So is one coordinated with a place just named ("in Syria and Iraq").
        let listed = i >= 2
            && matches!(w[i - 1].low.as_str(), "and" | "or")
            && out
                .last()
                .is_some_and(|m: &Mention| m.to == i - 1 && matches!(m.target, Target::Place(_)));
        let place_here = listed || place_before(w, i);
        let best = people
            .starting(lexicon, &w[i].low)
            .filter(|e| {
                written_at(e, w, i)
                    && !qualifies_another(e, w, text, i, lexicon)
                    && !origin(e, w, i, lexicon)
                    && !starts_longer_name(e, w, text, i, lexicon)
            })
            .max_by_key(|e| {
                let place = matches!(e.target, Target::Place(_));
                (
                    e.words.len(),
                    people.is_site(e),
                    place == (place_here && !adjectival(e, w, text, i)),
                )
            })
            .map(|e| (e.words.len(), e.target, e.capitals.contains(&true)))
            .map(|(len, target, capital)| (len, people.coalition_meant(lexicon, target, capital)))
            .or_else(|| {
                speaking_name(w, text, i)
                    .map(|end| (end - i, people.add_named(lexicon, w, text, i, end)))
            })
            .or_else(|| {
                group_name(w, i).map(|end| (end - i, people.add_group(lexicon, w, text, i, end)))
            })
            .or_else(|| {
                // Only where no name is written as the lexicon spells it, which its own tests
                // kept or left out ("a medic from the United Kingdom").
                let spelled = people
                    .starting(lexicon, &w[i].low)
                    .any(|e| written_at(e, w, i));
                (!spelled)
                    .then(|| spelled_otherwise(w, text, i, lexicon))
                    .flatten()
            });
        // "The Gulf of Oman": a longer name that starts inside this one ("the Gulf") is the
        // name.
        let overlapped = best.is_some_and(|(len, _)| {
            (i + 1..i + len).any(|k| {
                people
                    .starting(lexicon, &w[k].low)
                    .any(|e| written_at(e, w, k) && k + e.words.len() > i + len)
            })
        });
        match best.filter(|_| !overlapped) {
            Some((len, target)) => {
                if matches!(target, Target::Place(_)) {
                    people.note_site(w, i, i + len, target);
                }
                out.push(Mention {
                    from: i,
                    to: i + len,
                    target,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// A place of the gazetteer that the capitalised words from `i` name in another spelling, its
/// letters the same once each run of one letter is written once ("Ma’arat al-Nu’man" for
/// Ma'arrat al-Nu'man): the longest such name, as (words, place). The words run on through
/// apostrophes and hyphens, and over spaces to capitalised words or an article joined to the
/// next word by a hyphen ("al-").
fn spelled_otherwise(
    w: &[Word],
    text: &str,
    i: usize,
    lexicon: &Lexicon,
) -> Option<(usize, Target)> {
    if !w[i].capital {
        return None;
    }
    let mut end = i + 1;
    let mut ends = Vec::new();
    while end <= w.len() && end - i <= 6 {
        let last = &w[end - 1];
        if last.capital || end > i + 1 && joined(text, &w[end - 2], last) {
            ends.push(end);
        }
        let Some(next) = w.get(end) else { break };
        let gap = &text[last.end..next.start];
        let article = gap == " " && text[next.end..].starts_with('-');
        if !(joined(text, last, next) || gap == " " && (next.capital || article)) {
            break;
        }
        end += 1;
    }
    ends.into_iter().rev().find_map(|end| {
        let k = skeleton(&text[w[i].start..w[end - 1].end]);
        (k.len() >= MIN_SKELETON)
            .then(|| lexicon.skeletons.get(&k))
            .flatten()
            .map(|&p| (end - i, Target::Place(p)))
    })
}

/// Whether words `a` and `b` are written joined by an apostrophe or a hyphen ("Nu’man",
/// "al-Nu").
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    matches!(&text[a.end..b.start], "'" | "’" | "‘" | "`" | "-")
}

/// The actor named nearest before word `at`, a person first ("Gen. Frank McKenzie, commander
/// of U.S. Central Command, said"), or right after it ("…, Pompeo said").
pub(super) fn nearest_actor(mentions: &[Mention], at: usize, lexicon: &Lexicon) -> Option<Target> {
    let near = |m: &&Mention| matches!(m.target, Target::Actor(_)) && m.to <= at && at - m.to <= 12;
    let person = mentions
        .iter()
        .filter(near)
        .filter(|m| lexicon.is_person(m.target))
        .min_by_key(|m| at - m.to);
    let before = person.or_else(|| mentions.iter().filter(near).min_by_key(|m| at - m.to));
    let after = mentions
        .iter()
        .filter(|m| matches!(m.target, Target::Actor(_)) && m.from > at && m.from - at <= 2);
    before.or(after.min_by_key(|m| m.from)).map(|m| m.target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::words;
    use crate::model::Place;

    fn lexicon() -> Lexicon {
        let place = |id: &str, name: &str, kind: &str| Place {
            id: id.into(),
            name: name.into(),
            kind: Some(kind.into()),
            ..Place::default()
        };
        let actor = |id: &str, name: &str, aliases: &[&str]| Actor {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: Some("state".into()),
            ..Actor::default()
        };
        Lexicon::new(
            vec![
                place("syria", "Syria", "country"),
                place("iraq", "Iraq", "country"),
                place("united-kingdom", "United Kingdom", "country"),
                place("tripoli-libya", "Tripoli", "city"),
                place("tripoli", "Tripoli", "city"),
            ],
            vec![
                actor("syria", "Syria", &[]),
                actor("iraq", "Iraq", &["Iraqi"]),
                actor("iran", "Iran", &["Iranian"]),
                actor("united-kingdom", "United Kingdom", &["British"]),
            ],
        )
    }

    /// What each name found in `text` stands for: "place:ID" or "actor:ID".
    fn found(text: &str) -> Vec<String> {
        let lexicon = lexicon();
        let w = words(text, 0, text.len());
        find_names(&w, text, &lexicon, &mut People::default())
            .iter()
            .map(|m| match m.target {
                Target::Place(p) => format!("place:{}", lexicon.places[p].id),
                Target::Actor(a) => format!("actor:{}", lexicon.actors[a].id),
            })
            .collect()
    }

    #[test]
    fn a_country_is_the_place_after_a_preposition_of_place_and_the_state_elsewhere() {
        assert_eq!(found("Syria said"), ["actor:syria"]);
        assert_eq!(found("strikes in eastern Syria"), ["place:syria"]);
        assert_eq!(
            found("groups in Syria and Iraq"),
            ["place:syria", "place:iraq"]
        );
        assert_eq!(
            found("a medic from the United Kingdom"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_country_after_a_dated_opening_is_the_state() {
        assert_eq!(found("On 27 March, Syria struck"), ["actor:syria"]);
        assert_eq!(found("On Sunday, Syria said"), ["actor:syria"]);
        // A town the gazetteer lacks, then its country: the place.
        assert_eq!(found("strikes near Abu Kamal, Syria"), ["place:syria"]);
    }

    #[test]
    fn qualifying_adjectives_are_no_actors() {
        assert_eq!(found("Iranian-backed militias"), Vec::<String>::new());
        assert_eq!(found("the Iraqi capital"), Vec::<String>::new());
        assert_eq!(found("a British medic"), Vec::<String>::new());
        assert_eq!(found("Iranian drones struck"), ["actor:iran"]);
    }

    #[test]
    fn the_first_place_of_a_name_wins() {
        assert_eq!(found("Tripoli"), ["place:tripoli-libya"]);
    }
}
