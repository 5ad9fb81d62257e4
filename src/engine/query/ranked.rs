//! The options of each facet that a view draws: the most frequent few, the ticked ones, and how
//! many have a count at all. The facets of a large file have thousands of options (19,000
//! actors and places at a million ACLED rows); the page draws twenty of each until the reader
//! asks for all, so only those twenty cross to it.

use std::cmp::Ordering;

/// How many options of a facet a query returns when its spec does not say.
pub const DEFAULT_FACET_LIMIT: u32 = 20;

/// The options of one facet to draw.
///
/// Invariant: `options` and `counts` have one entry each per option returned, highest count
/// first; equal counts by label (compared character by character, so every engine orders them
/// alike whatever order its dictionary lists them in), equal labels by dictionary index. No
/// option appears twice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankedFacet {
    /// Dictionary indices of the options: the `limit` with the highest nonzero counts, and every
    /// ticked option, whatever its count.
    pub options: Vec<u32>,
    /// The count of each option of `options`.
    pub counts: Vec<u32>,
    /// How many options of the whole dictionary have a nonzero count: what "show all" would
    /// draw, ticked options with no count aside.
    pub total: u32,
}

crate::json_struct!(RankedFacet {
    "options" => options,
    "counts" => counts,
    "total" => total,
});

/// The options to draw of every facet of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankedFacets {
    /// Of [`Store::types`](crate::engine::store::Store).
    pub types: RankedFacet,
    /// Of the package's actors.
    pub actors: RankedFacet,
    /// Of the package's places; a place counts the events within it.
    pub places: RankedFacet,
    /// Of the package's documents.
    pub documents: RankedFacet,
    /// Of [`Precision::ALL`].
    pub precision: RankedFacet,
}

/// Ranks the options of a facet of `counts` (one per dictionary entry; `label(i)` is entry
/// `i`'s label): the `limit` with the highest nonzero counts, then the `ticked` ones among the
/// rest (indices out of range are left out), ordered as [`RankedFacet`] says. `label` is a
/// trait object so that the sorts are compiled once, not once per facet (5 KB of the page's
/// engine each).
pub fn rank<'a>(
    counts: &[u32],
    label: &dyn Fn(usize) -> &'a str,
    limit: usize,
    ticked: &[usize],
) -> RankedFacet {
    let above = |&a: &usize, &b: &usize| -> Ordering {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| label(a).cmp(label(b)))
            .then(a.cmp(&b))
    };
    let mut top: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
    let total = top.len() as u32;
    if top.len() > limit {
        if limit > 0 {
            top.select_nth_unstable_by(limit - 1, above);
        }
        top.truncate(limit);
    }
    for &i in ticked {
        // A filter lists a few ids: looking through the top for each costs less than a set.
        if i < counts.len() && !top.contains(&i) {
            top.push(i);
        }
    }
    top.sort_unstable_by(above);
    RankedFacet {
        counts: top.iter().map(|&i| counts[i]).collect(),
        options: top.into_iter().map(|i| i as u32).collect(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: [&str; 8] = ["b", "a", "d", "c", "e", "a", "f", "g"];

    fn ranked(counts: &[u32], limit: usize, ticked: &[usize]) -> (Vec<u32>, Vec<u32>, u32) {
        let r = rank(counts, &|i| LABELS[i], limit, ticked);
        (r.options, r.counts, r.total)
    }

    #[test]
    fn the_highest_counts_come_first() {
        let (options, counts, total) = ranked(&[5, 9, 0, 2, 7, 1, 3, 8], 3, &[]);
        assert_eq!(options, [1, 7, 4]);
        assert_eq!(counts, [9, 8, 7]);
        assert_eq!(total, 7);
    }

    #[test]
    fn equal_counts_go_by_label_then_by_index() {
        // Labels b, a, d, c, e, a: the two "a" (1 and 5) first, in index order, then b, c.
        let (options, _, _) = ranked(&[4, 4, 4, 4, 4, 4, 0, 0], 4, &[]);
        assert_eq!(options, [1, 5, 0, 3]);
        // The cut falls within the tie: the labels decide who is in.
        let (options, _, _) = ranked(&[9, 4, 4, 4, 4, 0, 0, 0], 3, &[]);
        assert_eq!(options, [0, 1, 3]);
    }

    #[test]
    fn ticked_options_outside_the_top_are_kept_at_their_place() {
        let counts = [5, 9, 0, 2, 7, 1, 3, 8];
        let (options, counts_out, total) = ranked(&counts, 2, &[5, 2, 1, 5]);
        // 1 and 7 are the top; 5 (count 1) and 2 (no count) are ticked, after them by count.
        assert_eq!(options, [1, 7, 5, 2]);
        assert_eq!(counts_out, [9, 8, 1, 0]);
        assert_eq!(total, 7, "a ticked option with no count is not counted");
    }

    #[test]
    fn options_without_a_count_are_left_out_unless_ticked() {
        let (options, _, total) = ranked(&[0, 3, 0, 0, 1, 0, 0, 0], 20, &[]);
        assert_eq!(options, [1, 4]);
        assert_eq!(total, 2);
        let (options, _, total) = ranked(&[0; 8], 20, &[6]);
        assert_eq!(options, [6]);
        assert_eq!(total, 0);
    }

    #[test]
    fn a_limit_of_zero_returns_the_ticked_and_the_total() {
        let (options, _, total) = ranked(&[5, 9, 0, 2, 7, 1, 3, 8], 0, &[3, 40]);
        assert_eq!(options, [3]);
        assert_eq!(total, 7);
    }

    #[test]
    fn the_top_is_that_of_a_full_sort() {
        let labels: Vec<String> = (0..500).map(|i| format!("{:03}", (i * 37) % 500)).collect();
        let counts: Vec<u32> = (0..500u32).map(|i| (i * 7919) % 13).collect();
        let r = rank(&counts, &|i| labels[i].as_str(), 20, &[]);
        let mut sorted: Vec<usize> = (0..500).filter(|&i| counts[i] > 0).collect();
        sorted.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(labels[a].cmp(&labels[b])));
        let want: Vec<u32> = sorted[..20].iter().map(|&i| i as u32).collect();
        assert_eq!(r.options, want);
        assert_eq!(r.total as usize, sorted.len());
    }
}
