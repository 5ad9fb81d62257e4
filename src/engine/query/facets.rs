//! The passes over the store's rows that count a query's matches: into the facets, with
//! crossfilter semantics, and into the totals, the page, the rows and the marks in view.

use crate::engine::store::{Blocks, Store, NONE};
use crate::engine::timeline::Step;

use super::filter::{Filter, ACTOR, DATE, DOCUMENT, PLACE, PRECISION, TYPE};
use super::result::QueryResult;
use super::spec::QuerySpec;
use super::view::{all_bins, Binner};

impl QueryResult {
    /// Counts the matches of a query whose only filter is the date range `from..=to`. The rows
    /// it can reach lie between two binary searches (plus the few long or open spans), and the
    /// bins, which leave the range out, are those of every event.
    pub(super) fn count_date_range(
        &mut self,
        store: &Store,
        spec: &QuerySpec,
        (from, to): (i32, i32),
        step: Option<Step>,
        (offset, limit): (usize, usize),
    ) {
        let lower = i64::from(from) - i64::from(store.short_width);
        let lo = store.start.partition_point(|&s| i64::from(s) < lower);
        let hi = store.start.partition_point(|&s| s <= to);
        let long = store
            .long_rows
            .iter()
            .map(|&r| r as usize)
            .take_while(|&r| r < lo);
        // Rows starting within the range all match; before them, a row matches if it reaches in.
        let inside = store
            .start
            .partition_point(|&s| s < from)
            .clamp(lo, hi.max(lo));
        for row in long.chain(lo..inside) {
            if store.start[row] > to || store.end[row] < from {
                continue;
            }
            self.count_match(store, row, spec, (offset, limit), true);
        }
        // With the range inside the visible one, every match reaches into view: the matches in
        // view are all the matches, and the first of them make the marks.
        let in_view = self
            .view
            .is_some_and(|v| v.earliest <= from && to <= v.latest);
        match &store.blocks {
            // The page (and the marks) from the first rows, the rest a block at a time.
            Some(blocks) if spec.view_limit.is_none() || in_view => {
                let first = offset + limit.max(spec.view_limit.unwrap_or(0) as usize);
                let mut row = inside;
                while row < hi && (self.total as usize) < first {
                    self.count_match(store, row, spec, (offset, limit), true);
                    row += 1;
                }
                self.count_range(store, blocks, row, hi);
                if spec.with_rows {
                    self.rows.extend(row as u32..hi as u32);
                }
                if spec.view_limit.is_some() {
                    self.view_total = self.total;
                }
            }
            _ => {
                for row in inside..hi {
                    self.count_match(store, row, spec, (offset, limit), true);
                }
            }
        }
        if let Some(v) = self.view {
            self.bins = Some(all_bins(store, v, step));
        }
    }

    /// Counts every row into the facets of the filters it passes, all but at most one, and the
    /// rows that pass them all as matches; the bins count the rows that pass all but the date
    /// range.
    pub(super) fn count_crossfilter(
        &mut self,
        store: &Store,
        spec: &QuerySpec,
        filter: &Filter,
        step: Option<Step>,
        (offset, limit): (usize, usize),
    ) {
        let mut binner = self.view.map(|v| Binner::new(v, step, store.scale()));
        for row in 0..store.len() {
            let mask = filter.failed(store, row);
            if mask & !DATE == 0 {
                if let Some(b) = binner.as_mut() {
                    b.add(store.start[row], store.end[row]);
                }
            }
            if mask & !TYPE == 0 {
                self.type_counts[store.type_code[row] as usize] += 1;
            }
            if mask & !ACTOR == 0 {
                for &a in store.actors_of(row) {
                    self.actor_counts[a as usize] += 1;
                }
            }
            if mask & !PLACE == 0 && store.place_code[row] != NONE {
                self.place_counts[store.place_code[row] as usize] += 1;
            }
            if mask & !DOCUMENT == 0 {
                for &d in store.documents_of(row) {
                    self.document_counts[d as usize] += 1;
                }
            }
            if mask & !PRECISION == 0 && store.precision[row] != u8::MAX {
                self.precision_counts[store.precision[row] as usize] += 1;
            }
            if mask != 0 {
                continue;
            }
            self.count_match(store, row, spec, (offset, limit), false);
        }
        if let Some(b) = binner {
            self.bins = Some(b.finish());
        }
    }

    /// Counts rows `from..to`, which all match, in every facet: the whole blocks among them by
    /// the difference of two running counts, the ends row by row. Each end goes to its nearer
    /// block boundary, counting the rows up to it or taking away those of its block beyond it,
    /// so an end costs at most half a block of rows. No page entries.
    fn count_range(&mut self, store: &Store, blocks: &Blocks, from: usize, to: usize) {
        let none = QuerySpec::default();
        let size = blocks.rows;
        let nearest = |row: usize| (row + size / 2) / size;
        let (first, last) = (nearest(from), nearest(to));
        if first >= last {
            for row in from..to {
                self.count_match(store, row, &none, (0, 0), true);
            }
            return;
        }
        // The store's last block may be short: its boundary counts the rows up to the end.
        let (lo, hi) = (first * size, (last * size).min(store.len()));
        let add = |into: &mut [u32], running: &[u32]| {
            let n = into.len();
            let (a, b) = (&running[first * n..][..n], &running[last * n..][..n]);
            for ((x, lo), hi) in into.iter_mut().zip(a).zip(b) {
                *x += hi - lo;
            }
        };
        add(&mut self.type_counts, &blocks.types);
        add(&mut self.actor_counts, &blocks.actors);
        add(&mut self.place_counts, &blocks.places);
        add(&mut self.place_selected, &blocks.places);
        add(&mut self.document_counts, &blocks.documents);
        add(&mut self.precision_counts, &blocks.precisions);
        self.unplaced += blocks.unplaced[last] - blocks.unplaced[first];
        self.total += (hi - lo) as u32;
        for row in (from..lo).chain(hi..to) {
            self.count_match(store, row, &none, (0, 0), true);
        }
        for row in (lo..from).chain(to..hi) {
            self.take_away(store, row);
        }
    }

    /// Takes away row `row`, counted in every facet with a block it is in but outside the
    /// range: what [`Self::count_match`] counts of it on the date-only path, but the undated,
    /// which blocks do not count.
    fn take_away(&mut self, store: &Store, row: usize) {
        self.type_counts[store.type_code[row] as usize] -= 1;
        for &a in store.actors_of(row) {
            self.actor_counts[a as usize] -= 1;
        }
        for &d in store.documents_of(row) {
            self.document_counts[d as usize] -= 1;
        }
        if store.precision[row] != u8::MAX {
            self.precision_counts[store.precision[row] as usize] -= 1;
        }
        self.total -= 1;
        match store.place_code[row] {
            NONE => self.unplaced -= 1,
            p => {
                self.place_counts[p as usize] -= 1;
                self.place_selected[p as usize] -= 1;
            }
        }
    }

    /// Counts row `row`, which passes every filter; `facets` also counts it in every facet (the
    /// date-only path, where passing the range is all there is to pass).
    fn count_match(
        &mut self,
        store: &Store,
        row: usize,
        spec: &QuerySpec,
        (offset, limit): (usize, usize),
        facets: bool,
    ) {
        if facets {
            self.type_counts[store.type_code[row] as usize] += 1;
            for &a in store.actors_of(row) {
                self.actor_counts[a as usize] += 1;
            }
            if store.place_code[row] != NONE {
                self.place_counts[store.place_code[row] as usize] += 1;
            }
            for &d in store.documents_of(row) {
                self.document_counts[d as usize] += 1;
            }
            if store.precision[row] != u8::MAX {
                self.precision_counts[store.precision[row] as usize] += 1;
            }
        }
        let index = self.total as usize;
        self.total += 1;
        if store.precision[row] == u8::MAX {
            self.undated += 1;
        }
        match store.place_code[row] {
            NONE => self.unplaced += 1,
            p => self.place_selected[p as usize] += 1,
        }
        if spec.with_rows {
            self.rows.push(row as u32);
        }
        if index >= offset && index - offset < limit {
            self.page.push(row as u32);
        }
        if let (Some(most), Some(v)) = (spec.view_limit, self.view) {
            if store.start[row] <= v.latest && store.end[row] >= v.earliest {
                self.view_total += 1;
                if self.view_page.len() < most as usize {
                    self.view_page.push(row as u32);
                }
            }
        }
    }
}

/// Adds each place's count to every place it lies within.
pub(super) fn roll_up(store: &Store, own: &[u32]) -> Vec<u32> {
    let mut total = own.to_vec();
    for &p in &store.nested_places {
        let count = own[p as usize];
        if count > 0 {
            for ancestor in store.place_and_ancestors(p).skip(1) {
                total[ancestor as usize] += count;
            }
        }
    }
    total
}
