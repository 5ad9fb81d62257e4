//! The core's own sorts, used instead of the standard library's wherever the page's engine sorts.
//!
//! The standard library's sorts are fast but large, and their code is made anew for every type
//! and comparison sorted: four of them were 16 KB of the page's engine before it was gzipped.
//! These two are small and made for few types:
//! - [`order_by_key`] gives the order of rows by a 64-bit key each, the shape of every large
//!   sort in the core (events by date, places by weight, problems by position), by a radix sort
//!   that reads each byte of the keys once per pass and skips the bytes all keys share;
//! - [`stable_by`] sorts small `Copy` values by any order, by a merge sort.

/// Below this length a slice is sorted by insertion: fewer steps than the general method.
const SHORT: usize = 16;

/// The rows `0..keys.len()` in order of their keys; rows with equal keys stay in row order.
///
/// A least-significant-byte radix sort of row numbers: one pass counts each of the 8 key bytes,
/// then one pass per byte that not every key shares moves the rows, through a second list of
/// rows. It needs 8 bytes a row beyond the keys, as few as sorting (key, row) pairs in place
/// would take. Dates and weights differ in a few low bytes, so most passes are skipped.
pub fn order_by_key(keys: &[u64]) -> Vec<u32> {
    let n = keys.len();
    let mut order: Vec<u32> = (0..n).map(|row| row as u32).collect();
    if n <= SHORT {
        insertion(&mut order, |&a, &b| keys[a as usize] < keys[b as usize]);
        return order;
    }
    let digit = |key: u64, byte: usize| usize::from((key >> (8 * byte)) as u8);
    let mut counts = [[0usize; 256]; 8];
    for &key in keys {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[digit(key, byte)] += 1;
        }
    }
    let mut other = vec![0u32; n];
    for (byte, count) in counts.iter_mut().enumerate() {
        if count.contains(&n) {
            continue;
        }
        // Each digit's count becomes where its first row goes.
        let mut at = 0;
        for slot in count.iter_mut() {
            let here = *slot;
            *slot = at;
            at += here;
        }
        for &row in &order {
            let d = digit(keys[row as usize], byte);
            other[count[d]] = row;
            count[d] += 1;
        }
        std::mem::swap(&mut order, &mut other);
    }
    order
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
        fn rows_come_in_key_order_as_the_standard_library_sorts_them(
            keys in prop::collection::vec(any::<u64>(), 0..300),
            narrow in any::<bool>(),
        ) {
            // Narrow keys share their high bytes and repeat, as dates do.
            let keys: Vec<u64> = keys.iter().map(|&k| if narrow { k % 700 } else { k }).collect();
            let mut expected: Vec<(u64, u32)> =
                keys.iter().enumerate().map(|(row, &key)| (key, row as u32)).collect();
            expected.sort_unstable();
            let expected: Vec<u32> = expected.into_iter().map(|(_, row)| row).collect();
            prop_assert_eq!(order_by_key(&keys), expected);
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
        let keys: Vec<u64> = (0..1_000_000u32)
            .map(|row| {
                let day = u64::from(0x8000_4000 + (row.wrapping_mul(2_654_435_761) % 3650));
                day << 32 | day
            })
            .collect();
        let order = order_by_key(&keys);
        assert!(order
            .windows(2)
            .all(|w| (keys[w[0] as usize], w[0]) < (keys[w[1] as usize], w[1])));
    }
}
