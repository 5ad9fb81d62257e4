//! Where each row of a file starts, in four bytes a row for a file of any length.

/// Where each row of a file starts, in file order, so the starts never decrease: the low 32
/// bits of each start, and for each 4 GiB of the file, the first row that starts past it. A
/// row costs four bytes, as a `Vec<u32>` of starts did when files had to be under 4 GiB, and
/// each 4 GiB of the file four bytes more (ten million synthetic ACLED rows, 4.4 GB, have one
/// such entry), where 64-bit starts would cost four bytes more a row.
#[derive(Clone, Debug, Default)]
pub(crate) struct RowStarts {
    low: Vec<u32>,
    /// `passes[k]` is the first row that starts at or after byte `(k + 1) << 32`: increasing
    /// or equal, as the starts are. A row's start is `(high << 32) | low`, where `high` counts
    /// the entries at or before the row.
    passes: Vec<u32>,
}

impl RowStarts {
    /// Adds where the next row starts: at or after where the last one did.
    pub fn push(&mut self, start: u64) {
        debug_assert!(self.last().is_none_or(|last| last <= start));
        // A row may be the first past several marks (a long row), and each then names it.
        let high = usize::try_from(start >> 32).unwrap_or(usize::MAX);
        let row = u32::try_from(self.low.len()).unwrap_or(u32::MAX);
        while self.passes.len() < high {
            self.passes.push(row);
        }
        // The low 32 bits: the high ones are counted in `passes`.
        self.low.push(start as u32);
    }

    /// Where row `row` starts, if there is such a row.
    pub fn get(&self, row: usize) -> Option<u64> {
        let low = *self.low.get(row)?;
        let high = self.passes.partition_point(|&first| first as usize <= row);
        Some(((high as u64) << 32) | u64::from(low))
    }

    /// Where the last row starts.
    fn last(&self) -> Option<u64> {
        self.get(self.low.len().checked_sub(1)?)
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.low.len()
    }

    /// Makes room for `more` rows.
    pub fn reserve(&mut self, more: usize) {
        self.low.reserve(more);
    }

    /// The bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        use crate::columns::heap_bytes;
        heap_bytes(&self.low) + heap_bytes(&self.passes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GIB_4: u64 = 1 << 32;

    fn starts(all: &[u64]) -> RowStarts {
        let mut starts = RowStarts::default();
        for &s in all {
            starts.push(s);
        }
        starts
    }

    #[test]
    fn rows_on_either_side_of_each_4_gib_mark_start_where_they_did() {
        let all = [
            0,
            GIB_4 - 1,
            GIB_4,
            GIB_4 + 1,
            2 * GIB_4 - 7,
            // A row that passes two marks at once, and two rows at one byte.
            4 * GIB_4 + 3,
            4 * GIB_4 + 3,
            9 * GIB_4 + 5,
        ];
        let starts = starts(&all);
        assert_eq!(starts.len(), all.len());
        for (row, &start) in all.iter().enumerate() {
            assert_eq!(starts.get(row), Some(start), "row {row}");
        }
        assert_eq!(starts.get(all.len()), None);
        // One entry per mark passed, not per row.
        assert_eq!(starts.passes, [2, 5, 5, 5, 7, 7, 7, 7, 7]);
    }

    proptest! {
        /// The starts of rows of any lengths, some longer than 4 GiB, and some files that start
        /// past a mark, read back as a plain list of 64-bit starts holds them.
        #[test]
        fn every_row_starts_where_a_list_of_64_bit_starts_says(
            first in 0u64..3 * GIB_4,
            lengths in prop::collection::vec(
                prop_oneof![0u64..1000, 0u64..GIB_4, GIB_4..3 * GIB_4],
                0..60,
            ),
        ) {
            let reference: Vec<u64> = std::iter::once(first)
                .chain(lengths.iter().scan(first, |at, length| {
                    *at += length;
                    Some(*at)
                }))
                .collect();
            let starts = starts(&reference);
            prop_assert_eq!(starts.len(), reference.len());
            for (row, &start) in reference.iter().enumerate() {
                prop_assert_eq!(starts.get(row), Some(start));
            }
            prop_assert_eq!(starts.get(reference.len()), None);
            prop_assert_eq!(starts.passes.len() as u64, reference.last().unwrap() >> 32);
        }
    }
}
