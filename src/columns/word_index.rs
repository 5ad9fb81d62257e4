//! The rows each folded word occurs in, for free-text search.
//!
//! A folded text is words joined by single spaces (see [`crate::model::text::fold`]) and a folded query
//! word has no space, so a query word occurs in a row's text exactly when it occurs inside one of
//! the row's words. The index keeps each distinct word once and, per word, the rows that have it:
//! a query searches the short list of distinct words, then marks the rows of those that match.
//! That gives the same answers as searching every row's text, in time that grows with the rows
//! found rather than with all the text.
//!
//! The store adds its events in the package's order, as an importer reads them, so the rows
//! here are events' numbers; a query maps them to the store's date-ordered rows.
//!
//! A word's rows are listed as distances, a byte each for a common word, or, for a word in more
//! than one row in eight, as a bitmap: a bit a row. Notes of 20 to 40 words from a small
//! vocabulary have many words in a third of the rows or more: at a million synthetic ACLED rows
//! the bitmaps took the index from 39.4 to about 18 MB.

use hashbrown::HashTable;

use crate::model::text::fold_into;
use crate::Map;

/// Distinct words and the rows of each. Invariants: `words` is every distinct word followed by a
/// space, word `w` spans `words[starts[w]..starts[w + 1] - 1]`; its rows are `rows[w]` (see
/// [`Rows`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct WordIndex {
    words: String,
    starts: Vec<u32>,
    rows: Vec<Rows>,
}

/// The rows of one word, ascending and without repeats.
#[derive(Debug, Clone)]
enum Rows {
    /// The first row, then each row's distance from the one before, each number in seven-bit
    /// groups, low first, the high bit set on all but the last group. A common word's rows are
    /// close together, so most take one byte instead of four.
    Gaps(Vec<u8>),
    /// Bit `r % 8` of byte `r / 8` set for row `r`: for a word in more than one row in eight,
    /// whose distances would take more than a bit a row. Bytes past the last are all clear.
    Bits(Vec<u8>),
}

impl Rows {
    fn heap_bytes(&self) -> usize {
        match self {
            Rows::Gaps(bytes) | Rows::Bits(bytes) => bytes.capacity(),
        }
    }

    /// Calls `f` with each row, in order.
    fn each(&self, mut f: impl FnMut(u32)) {
        match self {
            Rows::Gaps(bytes) => rows_in(bytes).for_each(f),
            Rows::Bits(bits) => {
                for (i, &byte) in bits.iter().enumerate() {
                    let mut b = byte;
                    while b != 0 {
                        f(i as u32 * 8 + b.trailing_zeros());
                        b &= b - 1;
                    }
                }
            }
        }
    }

    /// The bytes its rows take as distances, counted without making the list.
    fn gap_bytes(&self) -> usize {
        let mut bytes = 0;
        let mut last = None;
        self.each(|row| {
            let n = last.map_or(row, |l| row - l);
            bytes += (32 - n.leading_zeros()).max(1).div_ceil(7) as usize;
            last = Some(row);
        });
        bytes
    }
}

/// A word's distances become a bitmap once they take this many bytes more than a bitmap of the
/// rows so far would: dense words early, a word that is merely common never. Tests use a slack
/// of one, so that small indexes have bitmaps too.
const DENSE_SLACK: usize = if cfg!(test) { 1 } else { 64 };

/// Appends `n` in seven-bit groups.
fn push_number(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The rows listed in `bytes` (see [`WordIndex`]).
fn rows_in(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    let mut row = 0u32;
    let mut first = true;
    std::iter::from_fn(move || {
        let mut n = 0u32;
        let mut shift = 0;
        loop {
            let b = *bytes.get(at)?;
            at += 1;
            n |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        row = if first { n } else { row + n };
        first = false;
        Some(row)
    })
}

/// What an ASCII byte is to the fold: between words, silent within a word (the apostrophe and
/// the backquote), a capital, or a letter or digit that stays as it is. A byte's class is
/// looked up rather than worked out: the fold reads every byte of every text.
const GAP: u8 = 0;
const SILENT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 3;

/// Each ASCII byte's class, by its value; bytes from 128 are never looked up.
static ASCII: [u8; 128] = {
    let mut classes = [GAP; 128];
    let mut b = 0;
    while b < 128 {
        classes[b] = match b as u8 {
            b'a'..=b'z' | b'0'..=b'9' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'\'' | b'`' => SILENT,
            _ => GAP,
        };
        b += 1;
    }
    classes
};

/// How many of the eight ASCII bytes of `chunk`, low first, are lower-case letters or digits
/// before the first that is not: the bytes are compared eight at a time, each its own lane of
/// the number, where the sums below never carry from one byte into the next.
fn lower_run(chunk: u64) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // A byte's high bit set when the byte is at least `lo`, and when it is above `hi`.
    let within = |lo: u8, hi: u8| {
        (chunk + ONES * u64::from(0x80 - lo)) & !(chunk + ONES * u64::from(0x7f - hi)) & HIGH
    };
    let lower = within(b'a', b'z') | within(b'0', b'9');
    (!lower & HIGH).trailing_zeros() as usize / 8
}

/// The bytes `text[at..at + len.min(8)]`, low first, as a number whose other bytes are zero.
/// Most words are short and lie inside a longer text, so most take one load.
fn eight(text: &[u8], at: usize, len: usize) -> u64 {
    let n = len.min(8);
    match text.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(bytes) => {
            u64::from_le_bytes(*bytes) & u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0)
        }
        None => text[at..at + n]
            .iter()
            .rev()
            .fold(0, |word, &b| word << 8 | u64::from(b)),
    }
}

/// The hash of the word `text[at..at + len]`, eight bytes at a time, each mixed in by a
/// multiplication folded into 64 bits: its low bits place the word in the table and its high
/// bits tell words in one place apart, so both need every byte.
fn word_hash(text: &[u8], at: usize, len: usize) -> u64 {
    // The multiplier of rustc-hash's Fx hash.
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = len as u64;
    let mut i = 0;
    while i < len {
        let wide = u128::from(h ^ eight(text, at + i, len - i)) * u128::from(K);
        h = wide as u64 ^ (wide >> 64) as u64;
        i += 8;
    }
    h
}

/// Whether `a[a_at..a_at + len]` and `b[b_at..b_at + len]` hold the same bytes.
fn same_bytes(a: &[u8], a_at: usize, b: &[u8], b_at: usize, len: usize) -> bool {
    let mut i = 0;
    while i < len {
        if eight(a, a_at + i, len - i) != eight(b, b_at + i, len - i) {
            return false;
        }
        i += 8;
    }
    true
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 words")
}

/// Builds a [`WordIndex`] one row at a time, in row order: each word's rows are listed as they
/// come, so nothing is left to do at the end.
#[derive(Clone)]
pub(crate) struct WordIndexBuilder {
    /// The words' ids, placed by the hash of each word.
    table: HashTable<u32>,
    /// Short words found lately, placed by the top bits of their hash: most words of a text
    /// are common ones, found here without the table.
    recent: Vec<Recent>,
    index: WordIndex,
    row: u32,
    /// An ASCII word being folded.
    word: Vec<u8>,
    /// A part that is not all ASCII, folded.
    folded: String,
    /// The last row listed for each word, by id.
    last: Vec<u32>,
    /// How many rows the reader expects in all: a word's bitmap takes room for them at once.
    expected_rows: usize,
    /// Short parts seen so far, each with the span of `part_words` that holds its words' ids.
    parts: Map<Box<str>, (u32, u32)>,
    part_words: Vec<u32>,
}

/// A word of at most eight bytes found lately: its bytes (see [`eight`]), its length (zero
/// for none) and its id.
#[derive(Clone, Copy, Default)]
struct Recent {
    bytes: u64,
    len: u32,
    id: u32,
}

/// The builder remembers `2^RECENT_BITS` recent words (64 KB): at a million synthetic ACLED
/// rows, most of the notes' words are found among them. Tests remember four, so that words
/// often take each other's place.
const RECENT_BITS: u32 = if cfg!(test) { 2 } else { 12 };

/// Parts of at most this many bytes are remembered with their words.
const SHORT_PART: usize = 80;

/// The most parts remembered: enough for the titles and tags of a large import, which repeat;
/// a file whose short parts never repeat stops remembering them here.
const MOST_PARTS: usize = 1 << 16;

impl WordIndexBuilder {
    pub fn new() -> WordIndexBuilder {
        WordIndexBuilder {
            table: HashTable::with_capacity(512),
            recent: vec![Recent::default(); 1 << RECENT_BITS],
            index: WordIndex {
                words: String::new(),
                starts: vec![0],
                rows: Vec::new(),
            },
            row: 0,
            word: Vec::new(),
            folded: String::new(),
            last: Vec::new(),
            expected_rows: 0,
            parts: Map::default(),
            part_words: Vec::new(),
        }
    }

    /// Adds the next row, whose text is the fold of `parts`.
    pub fn add_row<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        for part in parts {
            if part.len() > SHORT_PART {
                self.add_part(part, false);
                continue;
            }
            // Short parts (titles, tags, dates in words) repeat from row to row: a part seen
            // before lists the row under the words it had then.
            if let Some(&(from, to)) = self.parts.get(part) {
                for k in from..to {
                    self.list(self.part_words[k as usize] as usize);
                }
                continue;
            }
            let from = to_u32(self.part_words.len());
            let remember = self.parts.len() < MOST_PARTS;
            self.add_part(part, remember);
            if remember {
                self.parts
                    .insert(part.into(), (from, to_u32(self.part_words.len())));
            }
        }
        self.row += 1;
    }

    /// Adds the next row: the words `known` (ids from [`WordIndexBuilder::words_of`]), and
    /// those of `parts`.
    pub fn add_row_with<'a>(&mut self, known: &[u32], parts: impl IntoIterator<Item = &'a str>) {
        for &id in known {
            self.list(id as usize);
        }
        self.add_row(parts);
    }

    #[cfg(feature = "importers")]
    /// Expects `rows` more rows: a word that turns out to be common takes room for its bitmap
    /// at once, not by doubling it as it grows.
    pub fn expect(&mut self, rows: usize) {
        self.expected_rows = (self.row as usize).saturating_add(rows);
    }

    #[cfg(feature = "importers")]
    /// Appends the ids of the words of `parts` to `out`, adding the new ones to the index
    /// without listing a row under them: for words an importer knows to repeat.
    pub fn words_of<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>, out: &mut Vec<u32>) {
        for part in parts {
            self.each_word(part, |_, id| out.push(to_u32(id)));
        }
    }

    /// Lists the row under every word of `part`, and with `remember` keeps their ids in
    /// `part_words`.
    fn add_part(&mut self, part: &str, remember: bool) {
        self.each_word(part, |b, id| {
            b.list(id);
            if remember {
                b.part_words.push(to_u32(id));
            }
        });
    }

    /// Calls `f` with the id of each word of `part`, in order; new words are added.
    fn each_word(&mut self, part: &str, mut f: impl FnMut(&mut WordIndexBuilder, usize)) {
        if !part.is_ascii() {
            let mut folded = std::mem::take(&mut self.folded);
            folded.clear();
            fold_into(part, &mut folded);
            let text = folded.as_bytes();
            let mut at = 0;
            for word in folded.split(' ') {
                if !word.is_empty() {
                    let id = self.id_of(text, at, word.len());
                    f(self, id);
                }
                at += word.len() + 1;
            }
            self.folded = folded;
            return;
        }
        // The fold of ASCII: letters and digits lower-cased, the apostrophe and the backquote
        // silent, anything else between words. A word already in lower case is taken where it
        // lies.
        let bytes = part.as_bytes();
        let mut i = 0;
        loop {
            while i < bytes.len() && ASCII[usize::from(bytes[i])] < UPPER {
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
            let start = i;
            // Letters in lower case and digits, eight at a time while eight are left, then
            // one at a time to the word's end.
            while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
                let run = lower_run(u64::from_le_bytes(*chunk));
                i += run;
                if run < 8 {
                    break;
                }
            }
            let mut plain = true;
            while let Some(&b) = bytes.get(i) {
                let class = ASCII[usize::from(b)];
                if class == GAP {
                    break;
                }
                plain &= class == LOWER;
                i += 1;
            }
            let id = if plain {
                self.id_of(bytes, start, i - start)
            } else {
                let mut folded = std::mem::take(&mut self.word);
                folded.clear();
                folded.extend(
                    bytes[start..i]
                        .iter()
                        .filter(|&&b| ASCII[usize::from(b)] != SILENT)
                        .map(u8::to_ascii_lowercase),
                );
                let id = self.id_of(&folded, 0, folded.len());
                self.word = folded;
                id
            };
            f(self, id);
        }
    }

    /// The id of the word `text[at..at + len]` (folded, not empty), added if new.
    #[inline]
    fn id_of(&mut self, text: &[u8], at: usize, len: usize) -> usize {
        let h = word_hash(text, at, len);
        if len <= 8 {
            let bytes = eight(text, at, len);
            let slot = (h >> (64 - RECENT_BITS)) as usize;
            let recent = self.recent[slot];
            if recent.bytes == bytes && recent.len as usize == len {
                return recent.id as usize;
            }
            let id = self.id_in_table(h, text, at, len);
            self.recent[slot] = Recent {
                bytes,
                len: len as u32,
                id: to_u32(id),
            };
            return id;
        }
        self.id_in_table(h, text, at, len)
    }

    /// The id of the word `text[at..at + len]`, of hash `h`, found in the table or added.
    fn id_in_table(&mut self, h: u64, text: &[u8], at: usize, len: usize) -> usize {
        let index = &self.index;
        let found = self.table.find(h, |&id| {
            let (start, end) = index.span(id as usize);
            end - start == len && same_bytes(index.words.as_bytes(), start, text, at, len)
        });
        match found {
            Some(&id) => id as usize,
            None => self.insert(h, &text[at..at + len]),
        }
    }

    /// Lists the row under word `id`, once however often the row has the word.
    #[inline]
    fn list(&mut self, id: usize) {
        let row = self.row;
        match &mut self.index.rows[id] {
            Rows::Bits(bits) => {
                let byte = row as usize / 8;
                if bits.len() <= byte {
                    // Clear all the room there is at once, rather than a byte every eight
                    // rows: [`WordIndexBuilder::finish`] cuts the clear bytes past the last.
                    bits.resize(bits.capacity().max(byte + 1), 0);
                }
                bits[byte] |= 1 << (row % 8);
            }
            Rows::Gaps(gaps) => {
                let last = &mut self.last[id];
                if gaps.is_empty() {
                    push_number(gaps, row);
                } else if *last != row {
                    push_number(gaps, row - *last);
                }
                *last = row;
                if gaps.len() > row as usize / 8 + DENSE_SLACK {
                    self.list_as_bits(id);
                }
            }
        }
    }

    /// Lists word `id`'s rows as a bitmap from now on, with room for the rows expected.
    #[cold]
    fn list_as_bits(&mut self, id: usize) {
        let rows = &mut self.index.rows[id];
        let mut bits = vec![0; self.expected_rows.max(self.row as usize + 1).div_ceil(8)];
        rows.each(|row| bits[row as usize / 8] |= 1 << (row % 8));
        *rows = Rows::Bits(bits);
    }

    /// Adds `word`, of hash `h`, which the table does not hold; its id.
    #[cold]
    fn insert(&mut self, h: u64, word: &[u8]) -> usize {
        let index = &mut self.index;
        let id = index.rows.len();
        // The folded word is ASCII, or came whole out of a `String`.
        index
            .words
            .push_str(std::str::from_utf8(word).unwrap_or_default());
        index.words.push(' ');
        index.starts.push(to_u32(index.words.len()));
        index.rows.push(Rows::Gaps(Vec::new()));
        self.last.push(0);
        let index = &self.index;
        self.table.insert_unique(h, to_u32(id), |&id| {
            let (start, end) = index.span(id as usize);
            word_hash(index.words.as_bytes(), start, end - start)
        });
        id
    }

    /// The index, each word's list cut to its length: a bitmap whose rows turned out to be
    /// fewer than its early ones promised is listed as distances again, where those are
    /// smaller.
    pub fn finish(mut self) -> WordIndex {
        for rows in &mut self.index.rows {
            if let Rows::Bits(bits) = rows {
                let listed_to = bits
                    .iter()
                    .rposition(|&b| b != 0)
                    .map_or(0, |last| last + 1);
                bits.truncate(listed_to);
                let bitmap = bits.len();
                // Distances take a byte a row at the least: a bitmap of no more bytes than
                // rows stays, counted without reading its rows.
                let listed: usize = bits.iter().map(|b| b.count_ones() as usize).sum();
                let gaps = if listed >= bitmap {
                    bitmap
                } else {
                    rows.gap_bytes()
                };
                if gaps < bitmap {
                    let mut listed = Vec::with_capacity(gaps);
                    let mut last = None;
                    rows.each(|row| {
                        push_number(&mut listed, last.map_or(row, |l| row - l));
                        last = Some(row);
                    });
                    *rows = Rows::Gaps(listed);
                }
            }
            match rows {
                Rows::Gaps(bytes) | Rows::Bits(bytes) => bytes.shrink_to_fit(),
            }
        }
        self.index
    }
}

impl WordIndex {
    /// The bytes it holds on the heap: the words, where each starts, and each word's rows.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity()
            + super::heap_bytes(&self.starts)
            + super::heap_bytes(&self.rows)
            + self.rows.iter().map(Rows::heap_bytes).sum::<usize>()
    }

    /// Where word `id` starts and ends in `words`, without its space.
    fn span(&self, id: usize) -> (usize, usize) {
        (self.starts[id] as usize, self.starts[id + 1] as usize - 1)
    }

    /// Marks in `hit` every row with a word that contains `word` (folded, without spaces).
    pub fn mark_rows(&self, word: &str, hit: &mut [bool]) {
        let text = self.words.as_bytes();
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let mut at = 0;
        while let Some(found) = finder.find(&text[at..]) {
            // The word that holds the hit, then on past its end: each word is marked once.
            let w = self.starts.partition_point(|&s| s as usize <= at + found) - 1;
            self.rows[w].each(|row| hit[row as usize] = true);
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

    /// Each word's rows.
    fn listed(index: &WordIndex) -> Vec<Vec<u32>> {
        index
            .rows
            .iter()
            .map(|r| {
                let mut rows = Vec::new();
                r.each(|row| rows.push(row));
                rows
            })
            .collect()
    }

    #[test]
    fn rows_take_one_byte_when_close_and_more_when_far() {
        let rows = [0, 1, 127, 128, 300, 16_684, 2_000_000, u32::MAX];
        let mut bytes = Vec::new();
        push_number(&mut bytes, rows[0]);
        for pair in rows.windows(2) {
            push_number(&mut bytes, pair[1] - pair[0]);
        }
        assert_eq!(rows_in(&bytes).collect::<Vec<_>>(), rows);
        // 0, 1, 126 and 1 take a byte each; 172 two; 16,384 and 1,983,316 three; the last
        // distance, near 2^32, five.
        assert_eq!(&bytes[..4], &[0, 1, 126, 1]);
        assert_eq!(bytes.len(), 4 + 2 + 3 + 3 + 5);
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
                proptest::collection::vec("[a-cA-C0-9Éé '`\\-.,]{0,12}", 0..3), 0..12),
            word in "[a-cé]{1,3}",
        ) {
            let parts: Vec<Vec<&str>> =
                rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
            let slices: Vec<&[&str]> = parts.iter().map(Vec::as_slice).collect();
            let idx = index(&slices);
            let word = crate::model::text::fold(&word);
            let expected: Vec<usize> = (0..rows.len())
                .filter(|&r| rows[r].iter().any(|p| crate::model::text::fold(p).contains(word.as_str())))
                .collect();
            proptest::prop_assert_eq!(rows_with(&idx, rows.len(), &word), expected);
        }
    }

    #[test]
    fn ascii_and_other_text_fold_to_the_same_words() {
        // The first row takes the byte-wise path for ASCII, the second the full fold.
        let idx = index(&[&["Cafe ROCKET don't"], &["Café rocket – dont"]]);
        assert_eq!(idx.words, "cafe rocket dont ");
        assert_eq!(listed(&idx), vec![vec![0, 1]; 3]);
    }

    #[test]
    fn many_words_stay_found_as_the_table_grows() {
        let text: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let rows: Vec<Vec<&str>> = text.iter().map(|t| vec![t.as_str(), "common"]).collect();
        let slices: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let idx = index(&slices);
        assert_eq!(idx.starts.len() - 1, 5001);
        assert_eq!(rows_with(&idx, 5000, "w4999"), vec![4999]);
        assert_eq!(rows_with(&idx, 5000, "common").len(), 5000);
    }

    #[test]
    fn a_part_seen_before_lists_the_row_under_the_same_words() {
        let idx = index(&[
            &["Airstrike in Baghdad", "acled tag: x"],
            &["Airstrike in Baghdad", "Airstrike in Baghdad"],
            &["other"],
            &["Airstrike in Baghdad"],
        ]);
        assert_eq!(rows_with(&idx, 4, "baghdad"), vec![0, 1, 3]);
        assert_eq!(rows_with(&idx, 4, "tag"), vec![0]);
        assert_eq!(listed(&idx)[0], vec![0, 1, 3], "row 1 listed once");
    }

    #[test]
    fn parts_past_the_remembered_ones_are_still_indexed() {
        let text: Vec<String> = (0..MOST_PARTS + 10)
            .map(|i| format!("p{i}x shared"))
            .collect();
        let rows: Vec<Vec<&str>> = text.iter().map(|t| vec![t.as_str()]).collect();
        let slices: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let mut b = WordIndexBuilder::new();
        for parts in &slices {
            b.add_row(parts.iter().copied());
        }
        // Repeated after the limit: read again, not remembered.
        b.add_row(["p3x shared"]);
        b.add_row([text.last().unwrap().as_str()]);
        assert_eq!(b.parts.len(), MOST_PARTS);
        let idx = b.finish();
        let n = slices.len() + 2;
        let last = format!("p{}x", MOST_PARTS + 9);
        assert_eq!(rows_with(&idx, n, &last), vec![n - 3, n - 1]);
        assert_eq!(rows_with(&idx, n, "p3x"), vec![3, n - 2]);
        assert_eq!(rows_with(&idx, n, "shared").len(), n);
    }

    #[test]
    fn a_word_in_many_rows_takes_a_bit_a_row_and_one_that_thinned_out_takes_distances() {
        // "every" is in each of 4,000 rows, "early" in each of the first 40 and the last,
        // "rare" in every 500th row.
        let mut b = WordIndexBuilder::new();
        for r in 0..4000 {
            let early = if r < 40 || r == 3999 { "early" } else { "" };
            let rare = if r % 500 == 0 { "rare" } else { "" };
            b.add_row(["every", early, rare]);
        }
        let idx = b.finish();
        let kinds: Vec<&str> = idx
            .rows
            .iter()
            .map(|r| match r {
                Rows::Gaps(_) => "gaps",
                Rows::Bits(_) => "bits",
            })
            .collect();
        assert_eq!(kinds, ["bits", "gaps", "gaps"]);
        assert_eq!(idx.rows[0].heap_bytes(), 500, "a bit a row");
        assert_eq!(rows_with(&idx, 4000, "every").len(), 4000);
        let early: Vec<usize> = (0..40).chain([3999]).collect();
        assert_eq!(rows_with(&idx, 4000, "early"), early);
        assert_eq!(
            rows_with(&idx, 4000, "rare"),
            (0..4000).step_by(500).collect::<Vec<_>>()
        );
    }

    #[test]
    fn runs_of_lower_case_letters_and_digits_end_at_any_other_byte() {
        let run = |text: &[u8; 8]| lower_run(u64::from_le_bytes(*text));
        assert_eq!(run(b"rockets "), 7);
        assert_eq!(run(b"az09zzzz"), 8);
        assert_eq!(run(b"Rockets "), 0);
        assert_eq!(run(b"don't go"), 3);
        for b in 0..128u8 {
            let lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            let mut text = *b"ab\x7f00000";
            text[1] = b;
            assert_eq!(run(&text), if lower { 2 } else { 1 }, "byte {b}");
            text[0] = b;
            assert_eq!(run(&text) > 0, lower, "byte {b} first");
        }
    }

    #[test]
    fn eight_bytes_read_alike_inside_a_text_and_at_its_end() {
        let text = b"rockets hit";
        assert_eq!(eight(text, 0, 7), u64::from_le_bytes(*b"rockets\0"));
        assert_eq!(eight(text, 8, 3), u64::from_le_bytes(*b"hit\0\0\0\0\0"));
        assert_eq!(eight(b"hit", 0, 3), eight(text, 8, 3));
        assert_eq!(eight(text, 0, 11), u64::from_le_bytes(*b"rockets "));
        assert_eq!(word_hash(text, 8, 3), word_hash(b"xhit", 1, 3));
        assert!(same_bytes(text, 1, b"ockets hi", 0, 9));
        assert!(!same_bytes(text, 1, b"ockets ha", 0, 9));
    }

    proptest::proptest! {
        /// Each word's rows are those of a map from every folded word to the rows that have
        /// it, whatever the words' lengths, cases and letters, and however often they take
        /// each other's place among the recent ones.
        #[test]
        fn lists_each_word_under_the_rows_a_map_of_words_gives(
            rows in proptest::collection::vec(
                proptest::collection::vec(
                    "([a-fA-F]{1,3}|[a-c]{7,10}|[a-c']{1,20}|é[a-b]{0,9}|[0-9]{1,9})([ ,.;-]{1,2}([a-fA-F]{1,3}|[a-c]{7,10}|é[a-b]{0,9}|[a-c]{9,17})){0,30}",
                    0..4),
                0..40),
        ) {
            let mut expected: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
            for (r, parts) in rows.iter().enumerate() {
                for part in parts {
                    for word in crate::model::text::fold(part).split(' ').filter(|w| !w.is_empty()) {
                        let listed = expected.entry(word.to_string()).or_default();
                        if listed.last() != Some(&(r as u32)) {
                            listed.push(r as u32);
                        }
                    }
                }
            }
            let parts: Vec<Vec<&str>> =
                rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
            let slices: Vec<&[&str]> = parts.iter().map(Vec::as_slice).collect();
            let idx = index(&slices);
            let words = idx.words.split(' ').filter(|w| !w.is_empty()).map(str::to_string);
            let found: std::collections::BTreeMap<String, Vec<u32>> =
                words.zip(listed(&idx)).collect();
            proptest::prop_assert_eq!(found.len(), idx.rows.len(), "each word once");
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn a_word_repeated_in_a_row_lists_the_row_once() {
        let idx = index(&[&["war war war"], &["war"]]);
        assert_eq!(listed(&idx), vec![vec![0, 1]]);
    }
}
