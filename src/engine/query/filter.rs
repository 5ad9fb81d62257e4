//! A query spec resolved against a store, and the test of one row against it: which filters
//! the row fails, as bits of a mask.

use crate::engine::store::{Store, NONE};
use crate::model::edtf::Precision;
use crate::model::error::Error;
use crate::model::text::query_words;

use super::spec::{resolve_day, QuerySpec};

// The bit of each filter in the mask `Filter::failed` gives a row.
pub(super) const DATE: u8 = 1;
pub(super) const TYPE: u8 = 2;
pub(super) const ACTOR: u8 = 4;
pub(super) const PLACE: u8 = 8;
pub(super) const DOCUMENT: u8 = 16;
pub(super) const TEXT: u8 = 32;
pub(super) const PRECISION: u8 = 64;

/// A query spec resolved against a store: ids turned into dictionary flags.
pub(super) struct Filter {
    /// The date range, both days included; an open end is `i32::MIN` or `i32::MAX`.
    pub(super) range: Option<(i32, i32)>,
    types: Option<Vec<bool>>,
    actors: Option<Vec<bool>>,
    places: Option<Vec<bool>>,
    documents: Option<Vec<bool>>,
    text: Option<Vec<bool>>,
    precision: Option<[bool; 6]>,
    /// The places the spec names, before the places within them are added to `places`.
    named_places: Vec<usize>,
}

/// A flag per dictionary entry, set for the entries `ids` name; `None` when `ids` is empty,
/// as the field then filters nothing.
fn flags(
    field: &str,
    ids: &[String],
    len: usize,
    lookup: impl Fn(&str) -> Option<u32>,
    what: &str,
) -> Result<Option<Vec<bool>>, Error> {
    if ids.is_empty() {
        return Ok(None);
    }
    let mut on = vec![false; len];
    for id in ids {
        let code = lookup(id)
            .ok_or_else(|| Error::spec(field, format!("there is no {what} with the id '{id}'")))?;
        on[code as usize] = true;
    }
    Ok(Some(on))
}

/// The indices of the flags that are set.
fn set(flags: &[bool]) -> Vec<usize> {
    (0..flags.len()).filter(|&i| flags[i]).collect()
}

impl Filter {
    /// Resolves `spec` against `store`; an id the store does not know is an error that names its
    /// field.
    pub(super) fn resolve(store: &Store, spec: &QuerySpec) -> Result<Filter, Error> {
        let from = spec
            .from
            .as_ref()
            .map(|b| resolve_day("from", b, false, store.scale()))
            .transpose()?;
        let to = spec
            .to
            .as_ref()
            .map(|b| resolve_day("to", b, true, store.scale()))
            .transpose()?;
        let range = match (from, to) {
            (None, None) => None,
            (f, t) => {
                let (f, t) = (f.unwrap_or(i32::MIN), t.unwrap_or(i32::MAX));
                if f > t {
                    return Err(Error::spec("to", "the date range ends before it starts"));
                }
                Some((f, t))
            }
        };
        let types = flags(
            "types",
            &spec.types,
            store.types.len(),
            |id| {
                store
                    .types
                    .iter()
                    .position(|t| t.id == id)
                    .map(|i| i as u32)
            },
            "type in this data",
        )?;
        let actors = flags(
            "actors",
            &spec.actors,
            store.package.actors.len(),
            |id| store.actor_index.get(id).copied(),
            "actor",
        )?;
        let documents = flags(
            "documents",
            &spec.documents,
            store.package.documents.len(),
            |id| store.document_index.get(id).copied(),
            "document",
        )?;
        let named = flags(
            "places",
            &spec.places,
            store.package.places.len(),
            |id| store.place_index.get(id).copied(),
            "place",
        )?;
        let named_places = named.as_deref().map(set).unwrap_or_default();
        let places = named.map(|selected| {
            (0..selected.len() as u32)
                .map(|p| store.place_and_ancestors(p).any(|a| selected[a as usize]))
                .collect()
        });
        let precision = if spec.precision.is_empty() {
            None
        } else {
            let mut on = [false; 6];
            for name in &spec.precision {
                let p = Precision::from_name(name).ok_or_else(|| {
                    let names =
                        crate::model::text::joined(", ", Precision::ALL.iter().map(|p| p.as_str()));
                    Error::spec(
                        "precision",
                        format!("'{name}' is not a precision; use one of: {names}"),
                    )
                })?;
                on[p as usize] = true;
            }
            Some(on)
        };
        let words = query_words(&spec.text);
        let text = (!words.is_empty()).then(|| text_matches(store, &words));
        Ok(Filter {
            range,
            types,
            actors,
            places,
            documents,
            text,
            precision,
            named_places,
        })
    }

    /// The options each facet's filter ticks, as dictionary indices: the places as named, not
    /// the places within them.
    pub(super) fn ticked(&self) -> [Vec<usize>; 5] {
        let of = |flags: &Option<Vec<bool>>| flags.as_deref().map(set).unwrap_or_default();
        [
            of(&self.types),
            of(&self.actors),
            self.named_places.clone(),
            of(&self.documents),
            self.precision
                .as_ref()
                .map(|on| set(on))
                .unwrap_or_default(),
        ]
    }

    /// True when the date range is the only filter.
    pub(super) fn date_only(&self) -> bool {
        self.types.is_none()
            && self.actors.is_none()
            && self.places.is_none()
            && self.documents.is_none()
            && self.text.is_none()
            && self.precision.is_none()
    }

    /// The filters row `row` fails, as bits.
    pub(super) fn failed(&self, store: &Store, row: usize) -> u8 {
        let mut mask = 0;
        if let Some((from, to)) = self.range {
            if store.start[row] > to || store.end[row] < from {
                mask |= DATE;
            }
        }
        if let Some(on) = &self.types {
            if !on[store.type_code[row] as usize] {
                mask |= TYPE;
            }
        }
        if let Some(on) = &self.actors {
            if !store.actors_of(row).iter().any(|&a| on[a as usize]) {
                mask |= ACTOR;
            }
        }
        if let Some(on) = &self.places {
            let p = store.place_code[row];
            if p == NONE || !on[p as usize] {
                mask |= PLACE;
            }
        }
        if let Some(on) = &self.documents {
            if !store.documents_of(row).iter().any(|&d| on[d as usize]) {
                mask |= DOCUMENT;
            }
        }
        if let Some(on) = &self.text {
            if !on[row] {
                mask |= TEXT;
            }
        }
        if let Some(on) = &self.precision {
            let p = store.precision[row];
            if p == u8::MAX || !on[p as usize] {
                mask |= PRECISION;
            }
        }
        mask
    }
}

/// Per row: whether every word occurs in the row's text or in its actors', place's or type's names.
/// The names are few, so each is checked once; the rows' texts are looked up in the word index.
fn text_matches(store: &Store, words: &[String]) -> Vec<bool> {
    let mut pass = vec![true; store.len()];
    let mut found = vec![false; store.len()];
    for word in words {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let names_hit = |names: &[String]| -> Vec<bool> {
            names
                .iter()
                .map(|n| finder.find(n.as_bytes()).is_some())
                .collect()
        };
        let actor_hit = names_hit(&store.actor_names);
        let type_hit = names_hit(&store.type_names);
        let own_place_hit = names_hit(&store.place_names);
        let place_hit: Vec<bool> = (0..own_place_hit.len() as u32)
            .map(|p| {
                store
                    .place_and_ancestors(p)
                    .any(|a| own_place_hit[a as usize])
            })
            .collect();
        found.fill(false);
        store.words.mark_rows(word, &mut found);
        for (row, ok) in pass.iter_mut().enumerate() {
            // The word index lists events by number, not by row.
            if *ok && !found[store.order[row] as usize] {
                let place = store.place_code[row];
                *ok = type_hit[store.type_code[row] as usize]
                    || (place != NONE && place_hit[place as usize])
                    || store.actors_of(row).iter().any(|&a| actor_hit[a as usize]);
            }
        }
    }
    pass
}
