//! Grouping map markers that would overlap at the current zoom.
//!
//! The page hands over its markers' screen positions and event counts; the busiest marker not yet
//! taken leads a new group and takes every free marker within `radius` of it, then the next
//! busiest free one leads, and so on. Cells of `radius` pixels find the neighbours, so it takes
//! time in proportion to the markers. Zooming in spreads the positions and the groups come apart.

use crate::Map;

/// One group of markers.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The marker that leads it: the busiest, first on ties.
    pub leader: u32,
    /// Its centre: the members' positions weighted by their counts (plain mean when all are 0).
    pub x: f64,
    pub y: f64,
    /// The members' counts added up.
    pub weight: u64,
    /// How many markers it holds.
    pub members: u32,
}

/// Groups the markers at (`xs[i]`, `ys[i]`) with counts `weights[i]`: the group of each marker,
/// and the groups, each numbered by its place in the list. A marker without a finite position,
/// or with a missing count (the lists differ in length), is a group on its own.
pub fn cluster(xs: &[f64], ys: &[f64], weights: &[u32], radius: f64) -> (Vec<u32>, Vec<Cluster>) {
    let n = xs.len();
    let weight = |i: usize| u64::from(weights.get(i).copied().unwrap_or(0));
    let y = |i: usize| ys.get(i).copied().unwrap_or(f64::NAN);
    let radius = if radius.is_finite() && radius > 0.0 {
        radius
    } else {
        0.0
    };
    let cell = |v: f64| (v / radius.max(f64::MIN_POSITIVE)).floor() as i64;
    let placed = |i: usize| xs[i].is_finite() && y(i).is_finite();
    let mut grid: Map<(i64, i64), Vec<u32>> = Map::default();
    if radius > 0.0 {
        for i in (0..n).filter(|&i| placed(i)) {
            grid.entry((cell(xs[i]), cell(y(i))))
                .or_insert_with(Vec::new)
                .push(i as u32);
        }
    }
    // Heaviest first, then in input order.
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight(i as usize)));
    let mut group = vec![u32::MAX; n];
    let mut clusters = Vec::new();
    for lead in order.into_iter().map(|i| i as usize) {
        if group[lead] != u32::MAX {
            continue;
        }
        let id = clusters.len() as u32;
        let mut members = vec![lead];
        group[lead] = id;
        if radius > 0.0 && placed(lead) {
            let (cx, cy) = (cell(xs[lead]), cell(y(lead)));
            for gx in cx.saturating_sub(1)..=cx.saturating_add(1) {
                for gy in cy.saturating_sub(1)..=cy.saturating_add(1) {
                    for &q in grid.get(&(gx, gy)).into_iter().flatten() {
                        let q = q as usize;
                        let near = (xs[q] - xs[lead]).hypot(y(q) - y(lead)) <= radius;
                        if group[q] == u32::MAX && near {
                            group[q] = id;
                            members.push(q);
                        }
                    }
                }
            }
        }
        let total: u64 = members.iter().map(|&m| weight(m)).sum();
        let share = |m: usize| {
            if total == 0 {
                1.0 / members.len() as f64
            } else {
                weight(m) as f64 / total as f64
            }
        };
        let (x, yy) = if placed(lead) {
            members.iter().fold((0.0, 0.0), |(sx, sy), &m| {
                (sx + xs[m] * share(m), sy + y(m) * share(m))
            })
        } else {
            (xs[lead], y(lead))
        };
        clusters.push(Cluster {
            leader: lead as u32,
            x,
            y: yy,
            weight: total,
            members: members.len() as u32,
        });
    }
    (group, clusters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_within_the_radius_of_the_busiest_join_it() {
        // Three close together (the middle one busiest), one far away.
        let xs = [0.0, 10.0, 18.0, 100.0];
        let ys = [0.0, 0.0, 0.0, 0.0];
        let (group, clusters) = cluster(&xs, &ys, &[1, 5, 2, 9], 10.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].leader, 3, "the busiest leads first");
        assert_eq!(clusters[0].members, 1);
        assert_eq!(clusters[1].leader, 1);
        assert_eq!(clusters[1].members, 3);
        assert_eq!(clusters[1].weight, 8);
        assert_eq!(group, [1, 1, 1, 0]);
        let expected_x = (0.0 * 1.0 + 10.0 * 5.0 + 18.0 * 2.0) / 8.0;
        assert!((clusters[1].x - expected_x).abs() < 1e-9);
    }

    #[test]
    fn a_marker_just_past_the_radius_stays_apart_and_zooming_in_splits_groups() {
        let xs = [0.0, 10.5];
        let (_, apart) = cluster(&xs, &[0.0, 0.0], &[1, 1], 10.0);
        assert_eq!(apart.len(), 2);
        let (_, together) = cluster(&xs, &[0.0, 0.0], &[1, 1], 11.0);
        assert_eq!(together.len(), 1);
        // Markers without events are grouped too, centred on their mean.
        let (_, empty) = cluster(&[0.0, 4.0], &[0.0, 2.0], &[0, 0], 10.0);
        assert_eq!((empty[0].x, empty[0].y, empty[0].weight), (2.0, 1.0, 0));
    }

    #[test]
    fn bad_positions_radii_and_lengths_never_panic() {
        let xs = [f64::NAN, 0.0, f64::INFINITY, 1.0, 1e300, -1e300];
        let ys = [0.0, f64::NAN, 0.0, 1.0, 1e300, -1e300];
        for radius in [f64::NAN, -1.0, 0.0, 5.0, f64::INFINITY, 1e-300] {
            let (group, clusters) = cluster(&xs, &ys, &[1, 2], radius);
            assert_eq!(group.len(), xs.len());
            assert!(group.iter().all(|&g| (g as usize) < clusters.len()));
            let members: u32 = clusters.iter().map(|c| c.members).sum();
            assert_eq!(members as usize, xs.len());
        }
        assert_eq!(cluster(&[], &[], &[], 5.0), (vec![], vec![]));
    }
}
