//! What the extractor knows of the world: a gazetteer of places and a lexicon of actors, indexed
//! by their names' first words, with the event cues and the titles before people's names.

use std::collections::HashMap;

use super::cues::{self, Cue, CUES};
use super::words::{self, key};
use crate::model::text::fold;
use crate::model::{Actor, Place};

/// What the extractor knows of the world: places (a gazetteer) and actors (a lexicon).
#[derive(Clone)]
pub struct Lexicon {
    pub(super) places: Vec<Place>,
    pub(super) actors: Vec<Actor>,
    /// First word → entries starting with it, longest first.
    pub(super) index: HashMap<String, Vec<Entry>>,
    /// The skeleton of each place's names (see [`skeleton`]) → the first place of it.
    pub(super) skeletons: HashMap<String, usize>,
    /// How many places each place lies within.
    pub(super) depth: Vec<usize>,
    /// The cues with their words, longest first.
    pub(super) cues: Vec<(&'static Cue, Vec<String>)>,
    /// The titles' words.
    pub(super) titles: Vec<Vec<String>>,
}

/// One name of a place or an actor, as folded words.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) words: Vec<String>,
    pub(super) target: Target,
    /// Which of the name's words are capitalised: the text's must be too.
    pub(super) capitals: Vec<bool>,
}

/// What a name stands for: a place of the gazetteer or an actor. Actors past the lexicon's are
/// the people an article introduces by their titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Target {
    Place(usize),
    Actor(usize),
}

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
    "spokesperson",
    "press secretary",
    "capt",
    "captain",
    "maj",
    "major general",
    "lt col",
    "colonel",
    "admiral",
    "governor",
    "king",
    "crown prince",
    "chancellor",
];

impl Lexicon {
    /// Builds the lexicon from a gazetteer's places and a list of actors (each with aliases).
    pub fn new(places: Vec<Place>, actors: Vec<Actor>) -> Lexicon {
        let index = index(&places, &actors);
        let mut skeletons: HashMap<String, usize> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                let k = skeleton(name);
                let common = cues::COMMON_NAMES.contains(&fold(name).as_str());
                if k.len() >= MIN_SKELETON && !common {
                    skeletons.entry(k).or_insert(i);
                }
            }
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
        let mut cue_list: Vec<(&'static Cue, Vec<String>)> =
            CUES.iter().map(|c| (c, key(c.words))).collect();
        cue_list.sort_by_key(|c| std::cmp::Reverse(c.1.len()));
        Lexicon {
            places,
            actors,
            index,
            skeletons,
            depth,
            cues: cue_list,
            titles: TITLES.iter().map(|t| key(t)).collect(),
        }
    }

    /// The place that holds place `i`, as the gazetteer says, if it has one.
    pub(super) fn parent(&self, i: usize) -> Option<usize> {
        let up = self.places[i].within.as_deref()?;
        self.places.iter().position(|p| p.id == up)
    }

    /// The nearest place that holds both `a` and `b`, if the gazetteer has one.
    pub(super) fn common_ancestor(&self, a: usize, b: usize) -> Option<usize> {
        let mut at = a;
        for _ in 0..16 {
            at = self.parent(at)?;
            if b == at || self.within(b, at) {
                return Some(at);
            }
        }
        None
    }

    /// True when place `inner` lies within place `outer` (at any depth).
    pub(super) fn within(&self, inner: usize, outer: usize) -> bool {
        let mut at = inner;
        for _ in 0..16 {
            let Some(next) = self.parent(at) else {
                return false;
            };
            if next == outer {
                return true;
            }
            at = next;
        }
        false
    }

    /// True when places `a` and `b` are apart: neither the same nor one within the other.
    pub(super) fn apart(&self, a: usize, b: usize) -> bool {
        a != b && !self.within(a, b) && !self.within(b, a)
    }

    /// True when `t` is a person: an actor of that kind, or one found by a title.
    pub(super) fn is_person(&self, t: Target) -> bool {
        match t {
            // Past the lexicon are the people found by their titles.
            Target::Actor(i) => self
                .actors
                .get(i)
                .is_none_or(|a| a.kind.as_deref() == Some("person")),
            Target::Place(_) => false,
        }
    }

    /// Whether actors `a` and `b` speak for each other: one, or one belongs to the other, or
    /// both belong to one.
    pub(super) fn same_side(&self, a: Target, b: Target) -> bool {
        if a == b {
            return true;
        }
        let (Some(x), Some(y)) = (self.actor(a), self.actor(b)) else {
            return false;
        };
        let belongs = |p: &Actor, q: &Actor| {
            p.affiliation
                .as_deref()
                .is_some_and(|aff| aff == q.name || aff == q.id)
        };
        belongs(x, y) || belongs(y, x) || x.affiliation.is_some() && x.affiliation == y.affiliation
    }

    /// The lexicon's actor `t`; `None` for a place or a person found by a title.
    pub(super) fn actor(&self, t: Target) -> Option<&Actor> {
        match t {
            Target::Actor(i) => self.actors.get(i),
            Target::Place(_) => None,
        }
    }

    /// The gazetteer's size and the lexicon's, for reports.
    pub fn sizes(&self) -> (usize, usize) {
        (self.places.len(), self.actors.len())
    }
}

/// The fewest letters a skeleton must have to name a place: shorter ones are words.
pub(super) const MIN_SKELETON: usize = 6;

/// The letters of a name's words, folded, with each run of one letter written once, a closing
/// "h" after a vowel left out, and the apostrophes and hyphens within words left out: how news
/// writes one transliterated name many ways ("Ma’arat al-Nu’man", "Ma'arrat al-Nu'man" and
/// "Maarrat al-Nu'man" are all "marat alnuman"). Words stay apart: "Ali Abad" is no "Aliabad".
pub(super) fn skeleton(name: &str) -> String {
    let joined: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | '`' | '-'))
        .collect();
    let mut out = String::new();
    for word in fold(&joined).split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        // A closing "h" after a vowel is written or not ("Tikvah", "Tikva").
        let word = match word.strip_suffix('h') {
            Some(rest) if rest.len() > 2 && rest.ends_with(['a', 'e', 'i', 'o', 'u']) => rest,
            _ => word,
        };
        for c in word.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
    }
    out
}

/// Arabic articles that open transliterated place names ("Ar Raqqah", "Al-Hawijah").
const ARTICLES: &[&str] = &[
    "al", "ar", "as", "ad", "an", "at", "ash", "az", "ath", "adh", "el",
];

/// The spellings news uses for a transliterated place name that a gazetteer writes in full:
/// without its article ("Ar Raqqah" as "Raqqah") and without a closing "h" after "a" ("Raqqa",
/// "Hawija").
fn news_spellings(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some((first, rest)) = name.split_once([' ', '-']) {
        if ARTICLES.contains(&first.to_ascii_lowercase().as_str()) && rest.len() > 3 {
            out.push(rest.to_string());
        }
    }
    let with_h: Vec<String> = std::iter::once(name.to_string())
        .chain(out.iter().cloned())
        .filter(|n| n.len() > 5 && n.ends_with("ah"))
        .map(|n| n[..n.len() - 1].to_string())
        .collect();
    out.extend(with_h);
    out.retain(|n| n != name);
    out
}

/// Every name and alias of `places` and `actors`, by first word, longest first, then the
/// places from the gazetteer's last to its first, then the actors. A place named by one common
/// word ("Base") is left out.
fn index(places: &[Place], actors: &[Actor]) -> HashMap<String, Vec<Entry>> {
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
    // Among names of one length the last entry wins (`names::find_names`): places go in
    // backwards, so that the gazetteer's first place of a name (a country, a site, the largest
    // town) wins, and actors after them. The spellings news makes of a transliterated name go
    // in first, so that any place or actor of that very name wins over them.
    for (i, p) in places.iter().enumerate().rev() {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            for v in news_spellings(name) {
                add(&v, Target::Place(i), true);
            }
        }
    }
    for (i, p) in places.iter().enumerate().rev() {
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
    index
}

#[cfg(test)]
mod tests {
    use super::{news_spellings, skeleton};

    #[test]
    fn a_name_spelled_otherwise_has_the_same_skeleton() {
        let same = skeleton("Ma'arrat al-Nu'man");
        assert_eq!(same, "marat alnuman");
        assert_eq!(skeleton("Ma’arat al-Nu’man"), same);
        assert_eq!(skeleton("Maarrat al-Nu‘man"), same);
        assert_eq!(skeleton("Tal Hamis"), skeleton("Tall Hamis"));
        assert_eq!(skeleton("Petah Tikvah"), skeleton("Petah Tikva"));
        // Words stay apart, and letters differ.
        assert_ne!(skeleton("Ali Abad"), skeleton("Aliabad"));
        assert_ne!(skeleton("Mosul"), skeleton("Masul"));
    }

    #[test]
    fn a_transliterated_name_is_also_found_as_news_writes_it() {
        assert_eq!(news_spellings("Ar Raqqah"), ["Raqqah", "Ar Raqqa", "Raqqa"]);
        assert_eq!(
            news_spellings("Al-Hawijah"),
            ["Hawijah", "Al-Hawija", "Hawija"]
        );
        assert_eq!(news_spellings("Fallujah"), ["Falluja"]);
        // Short names and names with no article keep their one spelling.
        assert!(news_spellings("Utah").is_empty());
        assert!(news_spellings("Baghdad").is_empty());
        assert!(news_spellings("Al Qa").is_empty());
    }
}
