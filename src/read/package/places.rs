//! Reading a package's places: coordinates, precision, and the larger places they lie within,
//! without loops.

use super::{join, Known, Reader};
use crate::json::{Kind, Value};
use crate::model::{Place, PlacePrecision};
use crate::{Map, Set};

const PLACE_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "lat",
    "lon",
    "kind",
    "precision",
    "within",
    "note",
];

impl Reader<'_> {
    /// A place of the package: its coordinates, precision and the larger place it lies within.
    pub(super) fn place(&mut self, v: &Value, path: &str, known: &Known) -> Place {
        let (id, name) = self.item_head(v, path, "a place", PLACE_FIELDS, "name");
        let lat = self.coordinate(v, path, "lat", 90.0);
        let lon = self.coordinate(v, path, "lon", 180.0);
        let coordinates = match (lat, lon) {
            (Some(Some(lat)), Some(Some(lon))) => Some((lat, lon)),
            (Some(Some(_)), None) | (None, Some(Some(_))) => {
                self.error(
                    path,
                    v.at,
                    "a place needs both 'lat' and 'lon'; it is listed but not mapped",
                );
                None
            }
            _ => None,
        };
        let precision = self.text(v, path, "precision").and_then(|p| {
            PlacePrecision::from_name(&p).or_else(|| {
                let names = crate::model::text::joined(
                    ", ",
                    PlacePrecision::ALL.iter().map(|p| p.as_str()),
                );
                let at = v.get("precision").map_or(v.at, |x| x.at);
                self.error(
                    &join(path, "precision"),
                    at,
                    format!("'{p}' is not a place precision; use one of: {names}"),
                );
                None
            })
        });
        let mut within = self.reference(
            v,
            path,
            "within",
            &known.places,
            "place",
            "the link to a larger place is dropped",
            false,
        );
        if within.as_deref() == Some(id.as_str()) {
            let at = v.get("within").map_or(v.at, |x| x.at);
            self.error(
                &join(path, "within"),
                at,
                "a place cannot be within itself; the link is dropped",
            );
            within = None;
        }
        Place {
            id,
            name,
            aliases: self.strings(v, path, "aliases"),
            coordinates,
            kind: self.text(v, path, "kind"),
            precision,
            within,
            note: self.text(v, path, "note"),
        }
    }

    /// `None`: absent. `Some(None)`: present but unusable (reported). `Some(Some(x))`: usable.
    pub(super) fn coordinate(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        limit: f64,
    ) -> Option<Option<f64>> {
        let v = obj.get(key)?;
        let field = join(path, key);
        match &v.kind {
            Kind::Null => None,
            Kind::Number(n) if n.abs() <= limit => Some(Some(*n)),
            Kind::Number(n) => {
                self.error(&field, v.at, format!("{} is out of range (-{limit} to {limit}); the place is listed but not mapped", crate::json::decimal(*n), limit = crate::json::decimal(limit)));
                Some(None)
            }
            Kind::String(s) => {
                let hint = if s.contains(',') {
                    " (use a decimal point, not a comma)"
                } else {
                    ""
                };
                self.error(&field, v.at, format!("'{key}' must be a number, not the string '{s}'{hint}; the place is listed but not mapped"));
                Some(None)
            }
            _ => {
                self.error(
                    &field,
                    v.at,
                    format!(
                        "'{key}' must be a number, not {}; the place is listed but not mapped",
                        v.kind_name()
                    ),
                );
                Some(None)
            }
        }
    }

    /// Drops `within` links that close a loop, so that every chain of larger places ends.
    pub(super) fn break_cycles(&mut self, places: &mut [Place], array: Option<&Value>) {
        // Of the same type as the store's indexes of ids: the download carries one.
        let index: Map<String, u32> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i as u32))
            .collect();
        for start in 0..places.len() {
            let mut seen = Set::default();
            seen.insert(start);
            let mut at = start;
            while let Some(next) = places[at]
                .within
                .as_ref()
                .and_then(|id| index.get(id))
                .map(|&i| i as usize)
            {
                if !seen.insert(next) {
                    let id = places[at].id.clone();
                    let pos = place_position(array, &id);
                    self.error(
                        &format!("place '{id}'.within"),
                        pos,
                        "the places' 'within' links form a loop; this link is dropped",
                    );
                    places[at].within = None;
                    break;
                }
                at = next;
            }
        }
    }
}

/// Where to report a loop of places: the `within` of the place `id`, or the list.
fn place_position(array: Option<&Value>, id: &str) -> usize {
    let Some(Value {
        kind: Kind::Array(list),
        at,
        ..
    }) = array
    else {
        return 0;
    };
    list.iter()
        .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
        .and_then(|p| p.get("within"))
        .map_or(*at, |w| w.at)
}
