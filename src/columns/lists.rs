//! Lists of dictionary codes, one list an event (its actors, its documents), and columns put in
//! another order where they are.
//!
//! Most events of an import have one document (an ACLED row's notes quote the export itself):
//! while no list has more than one code, the lists are one code an event, without where each
//! starts. At a million synthetic ACLED rows that took the documents from 8 to 4 MB, and the
//! layout puts them in date order where they are instead of making them again.

use crate::columns::facts::NONE;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 codes")
}

/// One list of codes an event, each sorted and without repeats. Invariants: while `starts` is
/// empty, list `e` is `codes[e]`, or empty when that is [`NONE`]; else it is
/// `codes[starts[e]..starts[e + 1]]`, and `starts` has one entry more than there are lists.
#[derive(Debug, Clone, Default)]
pub(crate) struct CodeLists {
    starts: Vec<u32>,
    codes: Vec<u32>,
}

impl CodeLists {
    #[cfg(feature = "importers")]
    /// Makes room for `lists` more lists of about `per_list` codes each.
    pub fn reserve(&mut self, lists: usize, per_list: usize) {
        if self.starts.is_empty() {
            self.codes.reserve(lists.saturating_mul(per_list.max(1)));
        } else {
            self.starts.reserve(lists);
            self.codes.reserve(lists.saturating_mul(per_list));
        }
    }

    /// Adds the next list: `list` sorted, its repeats left out.
    pub fn push(&mut self, list: &mut [u32]) {
        list.sort_unstable();
        let mut kept = 0;
        for i in 0..list.len() {
            if i == 0 || list[i] != list[kept - 1] {
                list[kept] = list[i];
                kept += 1;
            }
        }
        let list = &list[..kept];
        if self.starts.is_empty() && list.len() <= 1 {
            self.codes.push(list.first().copied().unwrap_or(NONE));
            return;
        }
        if self.starts.is_empty() {
            self.list_with_starts();
        }
        self.codes.extend_from_slice(list);
        self.starts.push(to_u32(self.codes.len()));
    }

    /// From one code a list to where each list starts, for a list of more than one code.
    #[cold]
    fn list_with_starts(&mut self) {
        let mut starts = Vec::with_capacity(self.codes.capacity() + 1);
        starts.push(0);
        self.codes.retain(|&code| {
            let kept = code != NONE;
            let last = *starts.last().unwrap_or(&0);
            starts.push(last + u32::from(kept));
            kept
        });
        self.starts = starts;
    }

    /// List `e`.
    #[inline]
    pub fn get(&self, e: usize) -> &[u32] {
        if self.starts.is_empty() {
            let code = &self.codes[e..e + 1];
            if code[0] == NONE {
                &[]
            } else {
                code
            }
        } else {
            &self.codes[self.starts[e] as usize..self.starts[e + 1] as usize]
        }
    }

    /// The lists in another order: list `r` of the result is list `order[r]`. One code a list
    /// is reordered where it is; lists with starts are made again, and these dropped.
    pub fn in_order(self, order: &[u32], seen: &mut Vec<u64>) -> CodeLists {
        if self.starts.is_empty() {
            return CodeLists {
                starts: Vec::new(),
                codes: in_row_order(self.codes, order, seen),
            };
        }
        let mut starts = Vec::with_capacity(order.len() + 1);
        let mut codes = Vec::with_capacity(self.codes.len());
        starts.push(0);
        for &e in order {
            codes.extend_from_slice(self.get(e as usize));
            starts.push(to_u32(codes.len()));
        }
        CodeLists { starts, codes }
    }

    /// The bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        super::heap_bytes(&self.starts) + super::heap_bytes(&self.codes)
    }
}

/// A column by event put in row order where it is (row `r` takes event `order[r]`'s value),
/// cut to its length: following each cycle of the order, with a bit a row in `seen` for the
/// rows done, so a column of a million events is not held twice.
pub(crate) fn in_row_order<T: Copy>(
    mut column: Vec<T>,
    order: &[u32],
    seen: &mut Vec<u64>,
) -> Vec<T> {
    seen.clear();
    seen.resize(order.len().div_ceil(64), 0);
    for first in 0..order.len() {
        if seen[first / 64] & 1 << (first % 64) != 0 {
            continue;
        }
        let held = column[first];
        let mut row = first;
        loop {
            seen[row / 64] |= 1 << (row % 64);
            let from = order[row] as usize;
            if from == first {
                column[row] = held;
                break;
            }
            column[row] = column[from];
            row = from;
        }
    }
    column.shrink_to_fit();
    column
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Put in row order where it is, a column is what gathering each row's event gives.
        #[test]
        fn a_column_in_row_order_is_each_rows_event(
            order in (0..300usize).prop_flat_map(|n| {
                Just((0..n as u32).collect::<Vec<_>>()).prop_shuffle()
            }),
        ) {
            let column: Vec<u64> = (0..order.len() as u64).map(|e| e * 7 + 1).collect();
            let gathered: Vec<u64> = order.iter().map(|&e| column[e as usize]).collect();
            let mut seen = vec![u64::MAX; 3];
            prop_assert_eq!(in_row_order(column, &order, &mut seen), gathered);
        }

        /// Lists read back as pushed (sorted, without repeats), one code a list or with
        /// starts, in their order and in another.
        #[test]
        fn lists_read_back_as_pushed_in_any_order(
            (lists, order) in proptest::collection::vec(
                proptest::collection::vec(0..5u32, 0..3), 0..40
            ).prop_flat_map(|lists| {
                let n = lists.len() as u32;
                (Just(lists), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
            }),
        ) {
            let mut pushed = CodeLists::default();
            let mut expected = Vec::new();
            for list in &lists {
                let mut list = list.clone();
                pushed.push(&mut list);
                let mut want = list.clone();
                want.sort_unstable();
                want.dedup();
                expected.push(want);
            }
            let one_each = expected.iter().all(|l| l.len() <= 1);
            prop_assert_eq!(pushed.starts.is_empty(), one_each);
            for (e, want) in expected.iter().enumerate() {
                prop_assert_eq!(pushed.get(e), want.as_slice());
            }
            let reordered = pushed.in_order(&order, &mut Vec::new());
            for (r, &e) in order.iter().enumerate() {
                prop_assert_eq!(reordered.get(r), expected[e as usize].as_slice());
            }
        }
    }

    #[test]
    fn one_code_a_list_takes_no_starts_until_a_list_has_two() {
        let mut lists = CodeLists::default();
        for list in [&mut [3][..], &mut [], &mut [1, 1]] {
            lists.push(list);
        }
        assert!(lists.starts.is_empty());
        assert_eq!(lists.codes, [3, NONE, 1]);
        lists.push(&mut [4, 2]);
        assert_eq!(
            (lists.starts.as_slice(), lists.codes.as_slice()),
            (&[0, 1, 1, 2, 4][..], &[3, 1, 2, 4][..])
        );
        assert_eq!(lists.get(3), [2, 4]);
    }
}
