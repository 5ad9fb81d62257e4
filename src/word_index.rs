//! The rows each folded word occurs in, for free-text search.
//!
//! A folded text is words joined by single spaces (see [`crate::text::fold`]) and a folded query
//! word has no space, so a query word occurs in a row's text exactly when it occurs inside one of
//! the row's words. The index keeps each distinct word once and, per word, the rows that have it:
//! a query searches the short list of distinct words, then marks the rows of those that match.
//! That gives the same answers as searching every row's text, in time that grows with the rows
//! found rather than with all the text.

use crate::hash::FastMap;

use crate::text::fold_into;

/// Distinct words and the rows of each. Invariants: `words` is every distinct word followed by a
/// space, word `w` spans `words[starts[w]..starts[w + 1] - 1]`; its rows are
/// `rows[row_starts[w]..row_starts[w + 1]]`, ascending and without repeats.
#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    words: String,
    starts: Vec<u32>,
    row_starts: Vec<u32>,
    rows: Vec<u32>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 words")
}

/// Builds a [`WordIndex`] one row at a time.
pub(crate) struct WordIndexBuilder {
    ids: FastMap<Box<str>, u32>,
    words: String,
    starts: Vec<u32>,
    /// The words of every row in turn, and where each row's run ends.
    row_words: Vec<u32>,
    row_ends: Vec<u32>,
    folded: String,
}

impl WordIndexBuilder {
    pub fn new() -> WordIndexBuilder {
        WordIndexBuilder {
            ids: FastMap::default(),
            words: String::new(),
            starts: vec![0],
            row_words: Vec::new(),
            row_ends: Vec::new(),
            folded: String::new(),
        }
    }

    /// Adds the next row, whose text is the fold of `parts`.
    pub fn add_row<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        self.folded.clear();
        for part in parts {
            fold_into(part, &mut self.folded);
            self.folded.push(' ');
        }
        for word in self.folded.split(' ').filter(|w| !w.is_empty()) {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = to_u32(self.starts.len() - 1);
                    self.words.push_str(word);
                    self.words.push(' ');
                    self.starts.push(to_u32(self.words.len()));
                    self.ids.insert(word.into(), id);
                    id
                }
            };
            self.row_words.push(id);
        }
        self.row_ends.push(to_u32(self.row_words.len()));
    }

    /// The index: each word's rows, counted, then filled in row order.
    pub fn finish(self) -> WordIndex {
        let count = self.starts.len() - 1;
        let (row_words, row_ends) = (&self.row_words, &self.row_ends);
        let runs = || {
            row_ends.iter().enumerate().map(|(row, &end)| {
                let begin = if row == 0 { 0 } else { row_ends[row - 1] };
                (to_u32(row), &row_words[begin as usize..end as usize])
            })
        };
        // A word twice in a row is listed once: `last` holds the last row each word was seen in.
        let mut last = vec![u32::MAX; count];
        let mut row_starts = vec![0u32; count + 1];
        for (row, run) in runs() {
            for &w in run {
                if last[w as usize] != row {
                    last[w as usize] = row;
                    row_starts[w as usize + 1] += 1;
                }
            }
        }
        for w in 0..count {
            row_starts[w + 1] += row_starts[w];
        }
        let mut fill: Vec<u32> = row_starts[..count].to_vec();
        let mut rows = vec![0u32; row_starts[count] as usize];
        last.fill(u32::MAX);
        for (row, run) in runs() {
            for &w in run {
                if last[w as usize] != row {
                    last[w as usize] = row;
                    rows[fill[w as usize] as usize] = row;
                    fill[w as usize] += 1;
                }
            }
        }
        WordIndex {
            words: self.words,
            starts: self.starts,
            row_starts,
            rows,
        }
    }
}

impl WordIndex {
    /// Marks in `hit` every row with a word that contains `word` (folded, without spaces).
    pub fn mark_rows(&self, word: &str, hit: &mut [bool]) {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let text = self.words.as_bytes();
        let mut at = 0;
        while let Some(found) = finder.find(&text[at..]) {
            // The word that holds the hit, then on past its end: each word is marked once.
            let w = self.starts.partition_point(|&s| s as usize <= at + found) - 1;
            let rows = &self.rows[self.row_starts[w] as usize..self.row_starts[w + 1] as usize];
            for &row in rows {
                hit[row as usize] = true;
            }
            at = self.starts[w + 1] as usize;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(rows: &[&[&str]]) -> WordIndex {
        let mut b = WordIndexBuilder::new();
        for parts in rows {
            b.add_row(parts.iter().copied());
        }
        b.finish()
    }

    fn rows_with(index: &WordIndex, n: usize, word: &str) -> Vec<usize> {
        let mut hit = vec![false; n];
        index.mark_rows(word, &mut hit);
        (0..n).filter(|&r| hit[r]).collect()
    }

    #[test]
    fn finds_words_and_parts_of_words_in_every_row_that_has_them() {
        let idx = index(&[
            &["Rocket attack on al-Asad", "Rockets hit the base"],
            &["Protest in Baghdad"],
            &[],
            &["Rocket, rocket, ROCKET!"],
        ]);
        assert_eq!(idx.starts.len() - 1, 12, "distinct words");
        assert_eq!(rows_with(&idx, 4, "rocket"), vec![0, 3]);
        assert_eq!(rows_with(&idx, 4, "ocke"), vec![0, 3]);
        assert_eq!(rows_with(&idx, 4, "asad"), vec![0]);
        assert_eq!(rows_with(&idx, 4, "a"), vec![0, 1]);
        assert_eq!(rows_with(&idx, 4, "baghdadi"), Vec::<usize>::new());
        // A word never spans two words, nor two parts of a row.
        assert_eq!(rows_with(&idx, 4, "asadrockets"), Vec::<usize>::new());
    }

    proptest::proptest! {
        /// The index answers as a search through each row's folded text would.
        #[test]
        fn answers_as_searching_each_rows_text(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-cA-CÉé '\\-]{0,12}", 0..3), 0..12),
            word in "[a-cé]{1,3}",
        ) {
            let parts: Vec<Vec<&str>> =
                rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
            let slices: Vec<&[&str]> = parts.iter().map(Vec::as_slice).collect();
            let idx = index(&slices);
            let word = crate::text::fold(&word);
            let expected: Vec<usize> = (0..rows.len())
                .filter(|&r| rows[r].iter().any(|p| crate::text::fold(p).contains(word.as_str())))
                .collect();
            proptest::prop_assert_eq!(rows_with(&idx, rows.len(), &word), expected);
        }
    }

    #[test]
    fn a_word_repeated_in_a_row_lists_the_row_once() {
        let idx = index(&[&["war war war"], &["war"]]);
        assert_eq!(idx.rows, vec![0, 1]);
        assert_eq!(idx.row_starts, vec![0, 2]);
    }
}
