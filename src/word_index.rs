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
/// space, word `w` spans `words[starts[w]..starts[w + 1] - 1]`; its rows are `rows[w]`,
/// ascending and without repeats.
#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    words: String,
    starts: Vec<u32>,
    rows: Vec<Vec<u32>>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 words")
}

/// Builds a [`WordIndex`] one row at a time, in row order: each word's rows are listed as they
/// come, so nothing is left to do at the end.
pub(crate) struct WordIndexBuilder {
    ids: FastMap<Box<str>, u32>,
    index: WordIndex,
    row: u32,
    folded: String,
}

impl WordIndexBuilder {
    pub fn new() -> WordIndexBuilder {
        WordIndexBuilder {
            ids: FastMap::default(),
            index: WordIndex {
                words: String::new(),
                starts: vec![0],
                rows: Vec::new(),
            },
            row: 0,
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
        let index = &mut self.index;
        for word in self.folded.split(' ').filter(|w| !w.is_empty()) {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = to_u32(index.rows.len());
                    index.words.push_str(word);
                    index.words.push(' ');
                    index.starts.push(to_u32(index.words.len()));
                    index.rows.push(Vec::new());
                    self.ids.insert(word.into(), id);
                    id
                }
            };
            // A word twice in a row lists the row once.
            let rows = &mut index.rows[id as usize];
            if rows.last() != Some(&self.row) {
                rows.push(self.row);
            }
        }
        self.row += 1;
    }

    /// The index.
    pub fn finish(self) -> WordIndex {
        self.index
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
            for &row in &self.rows[w] {
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
        assert_eq!(idx.rows, vec![vec![0, 1]]);
    }
}
