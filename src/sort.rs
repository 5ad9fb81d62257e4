//! The core's own sorts, used instead of the standard library's wherever the page's engine sorts.
//!
//! The standard library's sorts are fast but large, and their code is made anew for every type
//! and comparison sorted: four of them were 16 KB of the page's engine before it was gzipped.
//! These two are small and made for few types:
//! - [`by_key`] sorts pairs of a 64-bit key and a row number, the shape of every large sort in
//!   the core (events by date, places by weight, problems by position), by a radix sort that
//!   reads each byte of the keys once per pass and skips the bytes all keys share;
//! - [`stable_by`] sorts small `Copy` values by any order, by a merge sort.

/// Below this length a slice is sorted by insertion: fewer steps than the general method.
const SHORT: usize = 16;

/// Sorts `pairs` by key; pairs with equal keys keep their order. Callers that list rows in
/// order (`(key, row)` for row 0, 1, 2 ...) thus get them by key, then by row.
///
/// A least-significant-byte radix sort: one pass counts each of the 8 key bytes, then one pass
/// per byte that not every key shares moves the pairs, through a second list as long as the
/// first. Dates and weights differ in a few low bytes, so most passes are skipped.
pub fn by_key(pairs: &mut Vec<(u64, u32)>) {
    let n = pairs.len();
    if n <= SHORT {
        insertion(pairs, |a, b| a.0 < b.0);
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &(key, _) in pairs.iter() {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[usize::from((key >> (8 * byte)) as u8)] += 1;
        }
    }
    let mut other = vec![(0u64, 0u32); n];
    for (byte, count) in counts.iter_mut().enumerate() {
        if count.contains(&n) {
            continue;
        }
        // Each digit's count becomes where its first pair goes.
        let mut at = 0;
        for slot in count.iter_mut() {
            let here = *slot;
            *slot = at;
            at += here;
        }
        for &pair in pairs.iter() {
            let digit = usize::from((pair.0 >> (8 * byte)) as u8);
            other[count[digit]] = pair;
            count[digit] += 1;
        }
        std::mem::swap(pairs, &mut other);
    }
}

/// Sorts `items` so that no item comes after one it is `less` than; equal items keep their
/// order. A merge sort: runs of [`SHORT`] sorted by insertion, then merged in passes between
/// `items` and a copy, so it takes O(n log n) steps and, above [`SHORT`] items, one copy's memory.
pub fn stable_by<T: Copy>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let n = items.len();
    for run in items.chunks_mut(SHORT) {
        insertion(run, &less);
    }
    if n <= SHORT {
        return;
    }
    let mut copy = items.to_vec();
    let mut width = SHORT;
    // Where the sorted runs are now: in `items` after an even number of passes.
    let mut in_items = true;
    while width < n {
        if in_items {
            merge_pass(items, &mut copy, width, &less);
        } else {
            merge_pass(&copy, items, width, &less);
        }
        in_items = !in_items;
        width *= 2;
    }
    if !in_items {
        items.copy_from_slice(&copy);
    }
}

/// Merges each two neighbouring sorted runs of `width` in `from` into one in `to`.
fn merge_pass<T: Copy>(from: &[T], to: &mut [T], width: usize, less: &impl Fn(&T, &T) -> bool) {
    let n = from.len();
    let mut start = 0;
    while start < n {
        let middle = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut left, mut right) = (start, middle);
        for slot in &mut to[start..end] {
            // The left run's item goes first unless the right one is less: equal items keep
            // their order.
            let take_right = left == middle || (right < end && less(&from[right], &from[left]));
            if take_right {
                *slot = from[right];
                right += 1;
            } else {
                *slot = from[left];
                left += 1;
            }
        }
        start = end;
    }
}

/// Sorts a short slice by moving each item back past those it is less than.
fn insertion<T: Copy>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let item = items[i];
        let mut j = i;
        while j > 0 && less(&item, &items[j - 1]) {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = item;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn pairs_sort_as_the_standard_library_sorts_them(
            keys in prop::collection::vec(any::<u64>(), 0..300),
            narrow in any::<bool>(),
        ) {
            // Narrow keys share their high bytes and repeat, as dates do.
            let mut pairs: Vec<(u64, u32)> = keys
                .iter()
                .enumerate()
                .map(|(row, &key)| (if narrow { key % 700 } else { key }, row as u32))
                .collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            by_key(&mut pairs);
            prop_assert_eq!(pairs, expected);
        }

        #[test]
        fn stable_by_sorts_and_keeps_equal_items_in_order(
            keys in prop::collection::vec(0u8..20, 0..300),
        ) {
            let mut items: Vec<(u8, usize)> =
                keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            stable_by(&mut items, |a, b| a.0 < b.0);
            prop_assert_eq!(items, expected);
        }
    }

    #[test]
    fn a_million_packed_dates_come_out_in_order() {
        // Spans packed as the store packs them: only the low bytes of each half differ.
        let mut pairs: Vec<(u64, u32)> = (0..1_000_000u32)
            .map(|row| {
                let day = u64::from(0x8000_4000 + (row.wrapping_mul(2_654_435_761) % 3650));
                (day << 32 | day, row)
            })
            .collect();
        by_key(&mut pairs);
        assert!(pairs.windows(2).all(|w| w[0] < w[1]));
    }
}
