//! The tree of places as the page draws it: the places as its dictionaries list them, with how
//! deep each lies (the filter list indents by it), and which places a map draws as part of a
//! place that contains them.
//!
//! The tree is given as the parent of each place, by package index, with [`NONE`] for a place
//! within none; loading breaks every cycle, and these functions bound their walks anyway, so a
//! tree handed back by the page cannot make them loop.

use serde::Serialize;

use crate::engine::query::{place_info, PlaceInfo};
use crate::engine::store::{Store, NONE};
use crate::json::{JsonFields, Object};

/// A place as the page's dictionary lists it: what a card shows, and where it lies in the tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceEntry {
    /// The place as cards and tooltips show it.
    #[serde(flatten)]
    pub info: PlaceInfo,
    /// The package index of the place it lies within.
    pub parent: Option<u32>,
    /// How many places it lies within: 0 for a place within none.
    pub depth: u32,
}

impl JsonFields for PlaceEntry {
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o> {
        self.info
            .fields(o)
            .field("parent", &self.parent)
            .field("depth", &self.depth)
    }
}

crate::json_objects!(PlaceEntry);

/// Every place of the store, in package order, with its parent and depth.
pub fn entries(store: &Store) -> Vec<PlaceEntry> {
    let parents = &store.place_parent;
    depths(parents)
        .into_iter()
        .enumerate()
        .map(|(i, depth)| PlaceEntry {
            info: place_info(store, i),
            parent: Some(parents[i]).filter(|&p| p != NONE),
            depth,
        })
        .collect()
}

/// The places a place lies within, innermost first: at most as many as there are places, and
/// none past a parent that is not a place.
fn ancestors(parents: &[u32], place: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(place), |&p| {
        parents
            .get(p)
            .map(|&q| q as usize)
            .filter(|&q| q < parents.len())
    })
    .skip(1)
    .take(parents.len())
}

/// How many places each place lies within.
pub fn depths(parents: &[u32]) -> Vec<u32> {
    (0..parents.len())
        .map(|p| ancestors(parents, p).count() as u32)
        .collect()
}

/// Which places a map draws as part of a place containing them: a place whose marker would lie
/// within `radius` of the marker of a place it lies within is drawn in that marker, the
/// innermost such place that has a marker of its own. `xs` and `ys` are where each place's
/// marker would be (screen pixels); a place without a finite position is not drawn.
///
/// The answer lists the places drawn, outermost first (package order among equals), each with
/// the place whose marker it is drawn in (itself when it has its own): `[place, host, place,
/// host, ...]`. A host always comes before the places drawn in it.
pub fn merge(parents: &[u32], xs: &[f64], ys: &[f64], radius: f64) -> Vec<u32> {
    let position = |i: usize| {
        let (x, y) = (xs.get(i).copied()?, ys.get(i).copied()?);
        (x.is_finite() && y.is_finite()).then_some((x, y))
    };
    let mut own = vec![false; parents.len()];
    let mut out = Vec::new();
    for place in outermost_first(&depths(parents)) {
        let Some((x, y)) = position(place) else {
            continue;
        };
        // The square root of the sum, not `hypot`, whose code the page's engine would carry.
        let near = |(ax, ay): (f64, f64)| {
            let (dx, dy) = (ax - x, ay - y);
            (dx * dx + dy * dy).sqrt() < radius
        };
        let host = ancestors(parents, place)
            .find(|&a| own[a] && position(a).is_some_and(near))
            .unwrap_or_else(|| {
                own[place] = true;
                place
            });
        out.extend([place as u32, host as u32]);
    }
    out
}

/// The places by depth, outermost first and in package order among equals: a counting sort,
/// as depths are small numbers (and the standard library's stable sort is large code for the
/// page's engine to carry).
fn outermost_first(depth: &[u32]) -> Vec<usize> {
    let mut start = vec![0; depth.iter().max().map_or(0, |&d| d as usize + 1)];
    for &d in depth {
        start[d as usize] += 1;
    }
    let mut next = 0;
    for slot in &mut start {
        (*slot, next) = (next, next + *slot);
    }
    let mut order = vec![0; depth.len()];
    for (place, &d) in depth.iter().enumerate() {
        order[start[d as usize]] = place;
        start[d as usize] += 1;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Iraq; Baghdad within it; the Green Zone within Baghdad; the embassy within the Green
    /// Zone; Mosul within Iraq; the sea within none.
    const TREE: [u32; 6] = [NONE, 0, 1, 2, 0, NONE];

    #[test]
    fn depth_counts_the_places_around() {
        assert_eq!(depths(&TREE), [0, 1, 2, 3, 1, 0]);
        assert_eq!(depths(&[]), Vec::<u32>::new());
    }

    #[test]
    fn places_are_ordered_outermost_first_then_in_package_order() {
        assert_eq!(outermost_first(&[2, 0, 1, 0, 2, 1]), [1, 3, 2, 5, 0, 4]);
        assert_eq!(outermost_first(&[]), Vec::<usize>::new());
    }

    #[test]
    fn depth_ends_at_a_parent_that_is_not_a_place_or_a_cycle() {
        assert_eq!(depths(&[7, 0]), [0, 1]);
        // A cycle cannot come from loading; handed back by the page, it still ends.
        assert_eq!(depths(&[1, 0]), [2, 2]);
    }

    #[test]
    fn entries_give_parent_and_depth_in_package_order() {
        let loaded = crate::read::read_package(
            br#"{"dateline":1,"title":"t","places":[
                {"id":"iraq","name":"Iraq"},
                {"id":"baghdad","name":"Baghdad","within":"iraq"},
                {"id":"green-zone","name":"Green Zone","within":"baghdad"},
                {"id":"nowhere","name":"Nowhere","within":"atlantis"}],"events":[]}"#,
        );
        let found: Vec<_> = entries(&Store::new(loaded))
            .into_iter()
            .map(|e| (e.info.id, e.parent, e.depth))
            .collect();
        assert_eq!(
            found,
            [
                ("iraq".to_string(), None, 0),
                ("baghdad".to_string(), Some(0), 1),
                ("green-zone".to_string(), Some(1), 2),
                ("nowhere".to_string(), None, 0),
            ]
        );
    }

    #[test]
    fn places_near_the_marker_of_a_place_around_them_join_it() {
        let xs = [100.0, 105.0, 108.0, 109.0, 100.0, 300.0];
        let ys = [100.0, 100.0, 100.0, 100.0, 40.0, 300.0];
        // Baghdad, the Green Zone and the embassy are near Iraq's marker: all drawn in it.
        assert_eq!(
            merge(&TREE, &xs, &ys, 16.0),
            [0, 0, 5, 5, 1, 0, 4, 4, 2, 0, 3, 0]
        );
    }

    #[test]
    fn a_place_joins_the_innermost_host_within_reach() {
        // Baghdad is too far from Iraq to join it, so it has its own marker; the Green Zone is
        // near both and joins Baghdad, the innermost; the embassy, far from Iraq but near
        // Baghdad, joins Baghdad too, as the Green Zone has no marker of its own.
        let xs = [0.0, 20.0, 10.0, 30.0, 0.0, 0.0];
        let ys = [0.0; 6];
        let hosts = merge(&TREE, &xs, &ys, 16.0);
        assert_eq!(hosts, [0, 0, 5, 5, 1, 1, 4, 0, 2, 1, 3, 1]);
    }

    #[test]
    fn places_without_a_position_are_not_drawn_and_do_not_host() {
        let nan = f64::NAN;
        let xs = [nan, 100.0, 101.0, 300.0, 0.0];
        let ys = [0.0, 100.0, 100.0, 300.0, f64::INFINITY];
        // Iraq has no position, so Baghdad has its own marker, and the embassy, far from it,
        // too; Mosul (index 4) is not drawn; lists shorter than the tree leave the sea out.
        assert_eq!(merge(&TREE, &xs, &ys, 16.0), [1, 1, 2, 1, 3, 3]);
        assert_eq!(merge(&TREE, &[], &[], 16.0), Vec::<u32>::new());
    }

    #[test]
    fn a_radius_of_nothing_merges_nothing() {
        let xs = [1.0; 6];
        let ys = [1.0; 6];
        for radius in [0.0, -5.0, f64::NAN] {
            let pairs = merge(&TREE, &xs, &ys, radius);
            assert!(pairs.chunks(2).all(|p| p[0] == p[1]), "{radius}: {pairs:?}");
        }
    }
}
