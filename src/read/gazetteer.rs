//! Finding a place named in text, among the places of a gazetteer (any package's places).
//!
//! A place matches when one of its names or aliases occurs in the text as whole words (case,
//! diacritics and punctuation ignored). The longest matching name wins ("Baghdad International
//! Airport" over "Baghdad"); if two different places match with names of that length, none is
//! chosen: no place rather than a wrong one.

use crate::model::text::fold;
use crate::model::Place;

/// Places that can be found by name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// ` folded name ` (padded with spaces for whole-word search) and the place's index.
    names: Vec<(String, usize)>,
}

impl Gazetteer {
    /// A gazetteer of the places that have coordinates.
    pub fn new(places: Vec<Place>) -> Gazetteer {
        let places: Vec<Place> = places
            .into_iter()
            .filter(|p| p.coordinates.is_some())
            .collect();
        let mut names = Vec::new();
        for (i, p) in places.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                let folded = fold(name);
                if !folded.is_empty() {
                    names.push((format!(" {folded} "), i));
                }
            }
        }
        Gazetteer { places, names }
    }

    /// True when the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place `text` names, and the name it was found by.
    pub fn find(&self, text: &str) -> Option<(&Place, String)> {
        let haystack = format!(" {} ", fold(text));
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for (name, i) in &self.names {
            if !haystack.contains(name.as_str()) {
                continue;
            }
            match best {
                Some((len, j)) if name.len() < len || (name.len() == len && j == *i) => {}
                Some((len, _)) if name.len() == len => tie = true,
                _ => {
                    best = Some((name.len(), *i));
                    tie = false;
                }
            }
        }
        let (_, i) = best.filter(|_| !tie)?;
        let name = self
            .names
            .iter()
            .filter(|(_, j)| *j == i)
            .map(|(n, _)| n.trim())
            .find(|n| haystack.contains(&format!(" {n} ")))?;
        Some((&self.places[i], name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: &str, name: &str, aliases: &[&str]) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            coordinates: Some((1.0, 2.0)),
            ..Place::default()
        }
    }

    #[test]
    fn finds_the_longest_whole_word_name_and_refuses_ties() {
        let g = Gazetteer::new(vec![
            place("baghdad", "Baghdad", &[]),
            place(
                "biap",
                "Baghdad International Airport",
                &["Baghdad airport"],
            ),
            place("asad", "al-Asad Air Base", &["Ain al-Asad"]),
            place("hit", "Hit", &[]),
            place("hit2", "Hit", &[]),
        ]);
        assert_eq!(
            g.find("A strike near the Baghdad airport").unwrap().0.id,
            "biap"
        );
        assert_eq!(g.find("Rockets hit BAGHDAD.").unwrap().0.id, "baghdad");
        assert_eq!(g.find("Missiles on Ain al‑Asad").unwrap().1, "ain al asad");
        assert!(g.find("Baghdadi militias").is_none(), "whole words only");
        assert!(
            g.find("clashes in Hit").is_none(),
            "two places named Hit: none chosen"
        );
        assert!(Gazetteer::new(vec![Place {
            id: "x".into(),
            name: "X".into(),
            ..Place::default()
        }])
        .is_empty());
    }
}
