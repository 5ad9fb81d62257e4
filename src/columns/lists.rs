//! Lists of dictionary codes, one list an event (its actors, its documents), and columns put in
//! another order where they are.
//!
//! Most events of an import have one document (an ACLED row's notes quote the export itself):
//! while every list is empty or one and the same code, the lists are a bit an event; while no
//! list has more than one code, they are one code an event, without where each starts. At a
//! million synthetic ACLED rows that took the documents from 8 MB to 4 and then to 125 KB, and
//! the layout puts them in date order where they are instead of making them again.

/// A dictionary code meaning "none" (an event without a place, an empty list).
pub const NONE: u32 = u32::MAX;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 codes")
}

/// A bit a row, in words of 64.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: usize,
    held: bool,
}

impl Bits {
    /// `len` bits, all clear.
    fn zeros(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
            held: false,
        }
    }

    fn push(&mut self, bit: bool) {
        if self.len.is_multiple_of(64) {
            self.words.push(0);
        }
        self.set(self.len, bit);
        self.len += 1;
    }

    #[inline]
    fn get(&self, i: usize) -> bool {
        self.words[i / 64] & 1 << (i % 64) != 0
    }

    fn set(&mut self, i: usize, bit: bool) {
        let mask = 1 << (i % 64);
        if bit {
            self.words[i / 64] |= mask;
        } else {
            self.words[i / 64] &= !mask;
        }
    }
}

impl Reordered for Bits {
    fn hold(&mut self, row: usize) {
        self.held = self.get(row);
    }

    fn take(&mut self, to: usize, from: usize) {
        self.set(to, self.get(from));
    }

    fn put_held(&mut self, row: usize) {
        self.set(row, self.held);
    }
}

/// How the lists are held, from the least to the most general; a push that the present form
/// cannot hold moves them on to the next.
#[derive(Debug, Clone)]
enum Form {
    /// List `e` is `[code]` when bit `e` is set, else empty. `reserved`: the lists room was
    /// asked for, kept for the next form.
    Same {
        code: u32,
        has: Bits,
        reserved: usize,
    },
    /// List `e` is `codes[e]`, or empty when that is [`NONE`].
    One(Vec<u32>),
    /// List `e` is `codes[starts[e]..starts[e + 1]]`; `starts` has one entry more than there
    /// are lists.
    Starts { starts: Vec<u32>, codes: Vec<u32> },
}

/// One list of codes an event, each sorted and without repeats.
#[derive(Debug, Clone)]
pub(crate) struct CodeLists {
    form: Form,
}

impl Default for CodeLists {
    fn default() -> Self {
        CodeLists {
            form: Form::Same {
                code: NONE,
                has: Bits::default(),
                reserved: 0,
            },
        }
    }
}

impl CodeLists {
    #[cfg(feature = "importers")]
    /// Makes room for `lists` more lists of about `per_list` codes each.
    pub fn reserve(&mut self, lists: usize, per_list: usize) {
        match &mut self.form {
            Form::Same { has, reserved, .. } => {
                *reserved += lists;
                has.words.reserve(lists.div_ceil(64));
            }
            Form::One(codes) => codes.reserve(lists),
            Form::Starts { starts, codes } => {
                starts.reserve(lists);
                codes.reserve(lists.saturating_mul(per_list));
            }
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
        if let Form::Same { code, has, .. } = &mut self.form {
            match list {
                [] => return has.push(false),
                [c] if *code == NONE || c == code => {
                    *code = *c;
                    return has.push(true);
                }
                _ => self.one_code_each(),
            }
        }
        if let Form::One(codes) = &mut self.form {
            if list.len() <= 1 {
                codes.push(list.first().copied().unwrap_or(NONE));
                return;
            }
            self.list_with_starts();
        }
        if let Form::Starts { starts, codes } = &mut self.form {
            codes.extend_from_slice(list);
            starts.push(to_u32(codes.len()));
        }
    }

    /// From a bit a list to one code a list, for a list of another code or of two.
    #[cold]
    fn one_code_each(&mut self) {
        if let Form::Same {
            code,
            has,
            reserved,
        } = &self.form
        {
            let mut codes = Vec::with_capacity(has.len.max(*reserved) + 1);
            codes.extend((0..has.len).map(|e| if has.get(e) { *code } else { NONE }));
            self.form = Form::One(codes);
        }
    }

    /// From one code a list to where each list starts, for a list of more than one code.
    #[cold]
    fn list_with_starts(&mut self) {
        if let Form::One(codes) = &mut self.form {
            let mut codes = std::mem::take(codes);
            let mut starts = Vec::with_capacity(codes.capacity() + 1);
            starts.push(0);
            codes.retain(|&code| {
                let kept = code != NONE;
                let last = *starts.last().unwrap_or(&0);
                starts.push(last + u32::from(kept));
                kept
            });
            self.form = Form::Starts { starts, codes };
        }
    }

    /// List `e`.
    #[inline]
    pub fn get(&self, e: usize) -> &[u32] {
        match &self.form {
            Form::Same { code, has, .. } if has.get(e) => std::slice::from_ref(code),
            Form::Same { .. } => &[],
            Form::One(codes) => {
                let code = &codes[e..e + 1];
                if code[0] == NONE {
                    &[]
                } else {
                    code
                }
            }
            Form::Starts { starts, codes } => &codes[starts[e] as usize..starts[e + 1] as usize],
        }
    }

    /// The lists in another order: list `r` of the result is list `order[r]`. A bit or one
    /// code a list is reordered where it is; lists with starts are made again, and these
    /// dropped.
    pub fn in_order(self, order: &[u32]) -> CodeLists {
        let form = match self.form {
            Form::Same { code, mut has, .. } => {
                in_row_order(order, &mut [&mut has]);
                has.words.shrink_to_fit();
                Form::Same {
                    code,
                    has,
                    reserved: 0,
                }
            }
            Form::One(codes) => {
                let mut codes = (codes, None);
                in_row_order(order, &mut [&mut codes]);
                codes.0.shrink_to_fit();
                Form::One(codes.0)
            }
            Form::Starts { ref codes, .. } => {
                let mut starts = Vec::with_capacity(order.len() + 1);
                let mut codes = Vec::with_capacity(codes.len());
                starts.push(0);
                for &e in order {
                    codes.extend_from_slice(self.get(e as usize));
                    starts.push(to_u32(codes.len()));
                }
                Form::Starts { starts, codes }
            }
        };
        CodeLists { form }
    }

    /// The bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        match &self.form {
            Form::Same { has, .. } => super::heap_bytes(&has.words),
            Form::One(codes) => super::heap_bytes(codes),
            Form::Starts { starts, codes } => super::heap_bytes(starts) + super::heap_bytes(codes),
        }
    }
}

/// A column being put in row order where it is, with the value it holds while a cycle of
/// the order goes round (see [`in_row_order`]).
pub(crate) trait Reordered {
    /// Holds the value of row `row`.
    fn hold(&mut self, row: usize);
    /// Moves the value of row `from` to row `to`.
    fn take(&mut self, to: usize, from: usize);
    /// Puts the value held at row `row`.
    fn put_held(&mut self, row: usize);
}

impl<T: Copy> Reordered for (Vec<T>, Option<T>) {
    fn hold(&mut self, row: usize) {
        self.1 = Some(self.0[row]);
    }

    fn take(&mut self, to: usize, from: usize) {
        self.0[to] = self.0[from];
    }

    fn put_held(&mut self, row: usize) {
        if let Some(held) = self.1 {
            self.0[row] = held;
        }
    }
}

/// Columns by event put in row order where they are (row `r` takes event `order[r]`'s value):
/// following each cycle of the order, with a bit a row for the rows done, so a column of a
/// million events is not held twice. The columns go round each cycle together: a cycle's
/// steps depend on each other, and the columns' moves at one step do not.
pub(crate) fn in_row_order(order: &[u32], columns: &mut [&mut dyn Reordered]) {
    let mut seen = Bits::zeros(order.len());
    for first in 0..order.len() {
        if seen.get(first) {
            continue;
        }
        columns.iter_mut().for_each(|c| c.hold(first));
        let mut row = first;
        loop {
            seen.set(row, true);
            let from = order[row] as usize;
            if from == first {
                columns.iter_mut().for_each(|c| c.put_held(row));
                break;
            }
            columns.iter_mut().for_each(|c| c.take(row, from));
            row = from;
        }
    }
}

/// The most distinct first days [`date_order`] counts its way: a span of days beyond this many
/// times the events is sorted by comparing instead.
const COUNTED_DAYS: usize = 4;

/// The events in date order: by first day, then last day, then number. Events whose first days
/// lie within a few days an event of each other (besides open starts and undated events, which
/// sort first and last) are put in order of their first day by counting, which reads each
/// first day once, in order; a sort by comparing read two days at random for every comparison
/// and took a quarter of a million-row layout. Only the events of one first day are then sorted
/// by their last.
pub(crate) fn date_order(earliest: &[i32], latest: &[i32]) -> Vec<u32> {
    let n = earliest.len();
    let inner = || {
        earliest
            .iter()
            .copied()
            .filter(|&d| d != i32::MIN && d != i32::MAX)
    };
    let lo = inner().min().unwrap_or(0);
    let width = inner()
        .max()
        .map_or(0, |hi| (i64::from(hi) - i64::from(lo)) as usize + 1);
    let flip = |day: i32| u64::from(day as u32 ^ 0x8000_0000);
    if width > COUNTED_DAYS.saturating_mul(n).max(1024) {
        let mut order: Vec<u32> = (0..to_u32(n)).collect();
        order.sort_by_key(|&e| flip(earliest[e as usize]) << 32 | flip(latest[e as usize]));
        return order;
    }
    // Slot 0 holds open starts, slots 1..=width the days from `lo`, the last slot the undated.
    let slot = |d: i32| match d {
        i32::MIN => 0,
        i32::MAX => width + 1,
        d => (i64::from(d) - i64::from(lo)) as usize + 1,
    };
    let mut at = vec![0u32; width + 3];
    for &d in earliest {
        at[slot(d) + 1] += 1;
    }
    for s in 1..at.len() {
        at[s] += at[s - 1];
    }
    let mut order = vec![0u32; n];
    for (e, &d) in earliest.iter().enumerate() {
        let s = slot(d);
        order[at[s] as usize] = to_u32(e);
        at[s] += 1;
    }
    // Each slot's events, in file order, by their last day (a stable sort).
    let mut from = 0;
    for &to in &at[..width + 2] {
        let run = &mut order[from..to as usize];
        if run.len() > 1 {
            run.sort_by_key(|&e| flip(latest[e as usize]));
        }
        from = to as usize;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Counted or compared, the date order is that of (first day, last day, number).
        #[test]
        fn the_date_order_is_by_first_day_last_day_and_number(
            spans in proptest::collection::vec(
                (prop_oneof![Just(i32::MIN), Just(i32::MAX), 0..20i32, any::<i32>()], 0..5i32),
                0..200,
            ),
        ) {
            let earliest: Vec<i32> = spans.iter().map(|s| s.0).collect();
            let latest: Vec<i32> = spans.iter().map(|&(e, w)| match e {
                i32::MAX => i32::MIN,
                e => e.saturating_add(w),
            }).collect();
            let mut expected: Vec<u32> = (0..spans.len() as u32).collect();
            expected.sort_by_key(|&e| (earliest[e as usize], latest[e as usize], e));
            prop_assert_eq!(date_order(&earliest, &latest), expected);
        }

        /// Put in row order where they are, columns are what gathering each row's event gives.
        #[test]
        fn a_column_in_row_order_is_each_rows_event(
            order in (0..300usize).prop_flat_map(|n| {
                Just((0..n as u32).collect::<Vec<_>>()).prop_shuffle()
            }),
        ) {
            let wide: Vec<u64> = (0..order.len() as u64).map(|e| e * 7 + 1).collect();
            let narrow: Vec<u8> = (0..order.len()).map(|e| e as u8).collect();
            let gathered: Vec<u64> = order.iter().map(|&e| wide[e as usize]).collect();
            let (mut a, mut b) = ((wide, None), (narrow, None));
            in_row_order(&order, &mut [&mut a, &mut b]);
            prop_assert_eq!(a.0, gathered);
            prop_assert!(b.0.iter().zip(&order).all(|(&v, &e)| v == e as u8));
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
            let mut codes: Vec<u32> = expected.iter().flatten().copied().collect();
            codes.dedup();
            let form = match pushed.form {
                Form::Same { .. } => 0,
                Form::One(_) => 1,
                Form::Starts { .. } => 2,
            };
            prop_assert_eq!(form, if !one_each { 2 } else if codes.len() > 1 { 1 } else { 0 });
            for (e, want) in expected.iter().enumerate() {
                prop_assert_eq!(pushed.get(e), want.as_slice());
            }
            let reordered = pushed.in_order(&order);
            for (r, &e) in order.iter().enumerate() {
                prop_assert_eq!(reordered.get(r), expected[e as usize].as_slice());
            }
        }
    }

    #[test]
    fn lists_take_bits_then_codes_then_starts_as_they_need() {
        let mut lists = CodeLists::default();
        for list in [&mut [3][..], &mut [], &mut [3, 3]] {
            lists.push(list);
        }
        assert!(matches!(&lists.form, Form::Same { code: 3, has, .. } if has.words == [0b101]));
        lists.push(&mut [1]);
        assert!(matches!(&lists.form, Form::One(codes) if codes == &[3, NONE, 3, 1]));
        lists.push(&mut [4, 2]);
        assert!(matches!(&lists.form, Form::Starts { starts, codes }
            if starts == &[0, 1, 1, 2, 3, 5] && codes == &[3, 3, 1, 2, 4]));
        assert_eq!(lists.get(4), [2, 4]);
        assert_eq!(lists.get(1), [] as [u32; 0]);
    }
}
