//! Folding text for search: case- and diacritic-insensitive, punctuation-blind.
//!
//! `fold("Ḥashd al-Sha‘bī")` is `"hashd al shabi"`: letters are lower-cased and stripped of
//! diacritics, other characters that are not letters or digits separate words, and runs of
//! separators become one space. Searching folds both the query and the text, so "al-Asad",
//! "Al Asad" and "al‑Asad" all find each other.

/// Formats a count without a needless fraction, with thousands separators: "5,000", "2.5".
pub fn format_count(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return crate::json::decimal(value);
    }
    let digits = (value as i64).abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The form of a word for `count` things: `one` for exactly one, else `many`, so that a
/// message says "1 event" and "2 events" ("1 event has", "2 events have").
pub fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// Folds `text` for search (see the module docs).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_with(text, true, &mut out);
    out
}

/// Appends the fold of `text` to `out`, which may hold other text before it.
pub fn fold_into(text: &str, out: &mut String) {
    fold_with(text, true, out);
}

/// The fold, with or without its shortcut for ASCII (the tests check that both agree), appended
/// to `out`.
fn fold_with(text: &str, ascii_shortcut: bool, out: &mut String) {
    let begin = out.len();
    let mut gap = true;
    for c in text.chars() {
        // Most text is ASCII: letters and digits go in lower-cased, the rest separates words
        // (but the apostrophe and the backquote, which are silent).
        if ascii_shortcut && c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                gap = false;
            } else if c != '\'' && c != '`' && !gap {
                out.push(' ');
                gap = true;
            }
            continue;
        }
        if is_silent(c) {
            continue;
        }
        if c.is_alphanumeric() {
            for lower in to_lower(c).into_iter().flatten() {
                match base_letter(lower) {
                    Some(base) => out.push_str(base),
                    None if is_combining_mark(lower) => {}
                    None => out.push(lower),
                }
            }
            gap = false;
        } else if is_combining_mark(c) {
            continue;
        } else if !gap {
            out.push(' ');
            gap = true;
        }
    }
    if out.len() > begin && out.ends_with(' ') {
        out.pop();
    }
}

/// `items` with `between` between them: what `[&str]::join` gives, for the core's messages ("use
/// one of: a, b, c") and folded quotes, without the standard library's generic join in the
/// download.
pub fn joined<'a>(between: &str, items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(between);
        }
        out.push_str(item);
    }
    out
}

/// A stable, readable id or file name from text: folded words joined by hyphens, at most 60
/// bytes; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = fold(text).replace(' ', "-");
    if out.len() > 60 {
        let mut cut = 60;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out = out.trim_end_matches('-').to_string();
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `text` cut to at most `max` characters (never inside one), with `…` when cut: for titles in
/// lists, marks and labels, which must stay readable whatever the data holds.
pub fn shorten(text: &str, max: usize) -> String {
    match shortened(text, max) {
        None => text.to_string(),
        Some(head) => format!("{head}…"),
    }
}

/// `text.trim()`, with a shortcut for the usual field that starts and ends with a visible ASCII
/// character (and so has nothing to trim): a large import trims tens of millions of fields.
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// What [`shorten`] keeps of `text`, before its `…`; `None` when the text is short enough.
pub fn shortened(text: &str, max: usize) -> Option<&str> {
    if text.len() <= max {
        return None; // no more characters than bytes
    }
    text.char_indices()
        .nth(max)
        .map(|(cut, _)| text[..cut].trim_end())
}

/// The words of a folded query, each of which must occur in a matching text.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `c` in lower case, as `char::to_lowercase` gives it: one character, or for 'İ' two.
///
/// The standard library's own table is over 11 KB of the engine's download; [`LOWER`] holds the
/// same mappings as 185 runs. A test checks every character against the standard library.
fn to_lower(c: char) -> [Option<char>; 2] {
    if c == '\u{130}' {
        return [Some('i'), Some('\u{307}')];
    }
    let code = u32::from(c);
    let run = LOWER.partition_point(|&(start, ..)| start <= code);
    let lower = run.checked_sub(1).and_then(|i| {
        let (start, count, delta, step) = LOWER[i];
        let offset = code - start;
        (offset < u32::from(count) * u32::from(step) && offset % u32::from(step) == 0)
            .then(|| char::from_u32(code.wrapping_add_signed(delta)))
            .flatten()
    });
    [Some(lower.unwrap_or(c)), None]
}

/// The characters that change in lower case, in runs: (the first, how many, what lower case
/// adds to each, the step from one to the next). Written out by the test
/// `print_the_lower_case_runs` (`cargo test print_the_lower_case_runs -- --ignored --nocapture`).
#[rustfmt::skip]
const LOWER: [(u32, u8, i32, u8); 185] = [
    (0x41, 26, 32, 1), (0xc0, 23, 32, 1), (0xd8, 7, 32, 1), (0x100, 24, 1, 2), (0x132, 3, 1, 2),
    (0x139, 8, 1, 2), (0x14a, 23, 1, 2), (0x178, 1, -121, 1), (0x179, 3, 1, 2), (0x181, 1, 210, 1),
    (0x182, 2, 1, 2), (0x186, 1, 206, 1), (0x187, 1, 1, 1), (0x189, 2, 205, 1), (0x18b, 1, 1, 1),
    (0x18e, 1, 79, 1), (0x18f, 1, 202, 1), (0x190, 1, 203, 1), (0x191, 1, 1, 1),
    (0x193, 1, 205, 1), (0x194, 1, 207, 1), (0x196, 1, 211, 1), (0x197, 1, 209, 1),
    (0x198, 1, 1, 1), (0x19c, 1, 211, 1), (0x19d, 1, 213, 1), (0x19f, 1, 214, 1), (0x1a0, 3, 1, 2),
    (0x1a6, 1, 218, 1), (0x1a7, 1, 1, 1), (0x1a9, 1, 218, 1), (0x1ac, 1, 1, 1), (0x1ae, 1, 218, 1),
    (0x1af, 1, 1, 1), (0x1b1, 2, 217, 1), (0x1b3, 2, 1, 2), (0x1b7, 1, 219, 1), (0x1b8, 1, 1, 1),
    (0x1bc, 1, 1, 1), (0x1c4, 1, 2, 1), (0x1c5, 1, 1, 1), (0x1c7, 1, 2, 1), (0x1c8, 1, 1, 1),
    (0x1ca, 1, 2, 1), (0x1cb, 9, 1, 2), (0x1de, 9, 1, 2), (0x1f1, 1, 2, 1), (0x1f2, 2, 1, 2),
    (0x1f6, 1, -97, 1), (0x1f7, 1, -56, 1), (0x1f8, 20, 1, 2), (0x220, 1, -130, 1),
    (0x222, 9, 1, 2), (0x23a, 1, 10795, 1), (0x23b, 1, 1, 1), (0x23d, 1, -163, 1),
    (0x23e, 1, 10792, 1), (0x241, 1, 1, 1), (0x243, 1, -195, 1), (0x244, 1, 69, 1),
    (0x245, 1, 71, 1), (0x246, 5, 1, 2), (0x370, 2, 1, 2), (0x376, 1, 1, 1), (0x37f, 1, 116, 1),
    (0x386, 1, 38, 1), (0x388, 3, 37, 1), (0x38c, 1, 64, 1), (0x38e, 2, 63, 1), (0x391, 17, 32, 1),
    (0x3a3, 9, 32, 1), (0x3cf, 1, 8, 1), (0x3d8, 12, 1, 2), (0x3f4, 1, -60, 1), (0x3f7, 1, 1, 1),
    (0x3f9, 1, -7, 1), (0x3fa, 1, 1, 1), (0x3fd, 3, -130, 1), (0x400, 16, 80, 1),
    (0x410, 32, 32, 1), (0x460, 17, 1, 2), (0x48a, 27, 1, 2), (0x4c0, 1, 15, 1), (0x4c1, 7, 1, 2),
    (0x4d0, 48, 1, 2), (0x531, 38, 48, 1), (0x10a0, 38, 7264, 1), (0x10c7, 1, 7264, 1),
    (0x10cd, 1, 7264, 1), (0x13a0, 80, 38864, 1), (0x13f0, 6, 8, 1), (0x1c89, 1, 1, 1),
    (0x1c90, 43, -3008, 1), (0x1cbd, 3, -3008, 1), (0x1e00, 75, 1, 2), (0x1e9e, 1, -7615, 1),
    (0x1ea0, 48, 1, 2), (0x1f08, 8, -8, 1), (0x1f18, 6, -8, 1), (0x1f28, 8, -8, 1),
    (0x1f38, 8, -8, 1), (0x1f48, 6, -8, 1), (0x1f59, 4, -8, 2), (0x1f68, 8, -8, 1),
    (0x1f88, 8, -8, 1), (0x1f98, 8, -8, 1), (0x1fa8, 8, -8, 1), (0x1fb8, 2, -8, 1),
    (0x1fba, 2, -74, 1), (0x1fbc, 1, -9, 1), (0x1fc8, 4, -86, 1), (0x1fcc, 1, -9, 1),
    (0x1fd8, 2, -8, 1), (0x1fda, 2, -100, 1), (0x1fe8, 2, -8, 1), (0x1fea, 2, -112, 1),
    (0x1fec, 1, -7, 1), (0x1ff8, 2, -128, 1), (0x1ffa, 2, -126, 1), (0x1ffc, 1, -9, 1),
    (0x2126, 1, -7517, 1), (0x212a, 1, -8383, 1), (0x212b, 1, -8262, 1), (0x2132, 1, 28, 1),
    (0x2160, 16, 16, 1), (0x2183, 1, 1, 1), (0x24b6, 26, 26, 1), (0x2c00, 48, 48, 1),
    (0x2c60, 1, 1, 1), (0x2c62, 1, -10743, 1), (0x2c63, 1, -3814, 1), (0x2c64, 1, -10727, 1),
    (0x2c67, 3, 1, 2), (0x2c6d, 1, -10780, 1), (0x2c6e, 1, -10749, 1), (0x2c6f, 1, -10783, 1),
    (0x2c70, 1, -10782, 1), (0x2c72, 1, 1, 1), (0x2c75, 1, 1, 1), (0x2c7e, 2, -10815, 1),
    (0x2c80, 50, 1, 2), (0x2ceb, 2, 1, 2), (0x2cf2, 1, 1, 1), (0xa640, 23, 1, 2),
    (0xa680, 14, 1, 2), (0xa722, 7, 1, 2), (0xa732, 31, 1, 2), (0xa779, 2, 1, 2),
    (0xa77d, 1, -35332, 1), (0xa77e, 5, 1, 2), (0xa78b, 1, 1, 1), (0xa78d, 1, -42280, 1),
    (0xa790, 2, 1, 2), (0xa796, 10, 1, 2), (0xa7aa, 1, -42308, 1), (0xa7ab, 1, -42319, 1),
    (0xa7ac, 1, -42315, 1), (0xa7ad, 1, -42305, 1), (0xa7ae, 1, -42308, 1), (0xa7b0, 1, -42258, 1),
    (0xa7b1, 1, -42282, 1), (0xa7b2, 1, -42261, 1), (0xa7b3, 1, 928, 1), (0xa7b4, 8, 1, 2),
    (0xa7c4, 1, -48, 1), (0xa7c5, 1, -42307, 1), (0xa7c6, 1, -35384, 1), (0xa7c7, 2, 1, 2),
    (0xa7cb, 1, -42343, 1), (0xa7cc, 8, 1, 2), (0xa7dc, 1, -42561, 1), (0xa7f5, 1, 1, 1),
    (0xff21, 26, 32, 1), (0x10400, 40, 40, 1), (0x104b0, 36, 40, 1), (0x10570, 11, 39, 1),
    (0x1057c, 15, 39, 1), (0x1058c, 7, 39, 1), (0x10594, 2, 39, 1), (0x10c80, 51, 64, 1),
    (0x10d50, 22, 32, 1), (0x118a0, 32, 32, 1), (0x16e40, 32, 32, 1), (0x16ea0, 25, 27, 1),
    (0x1e900, 34, 34, 1),
];

/// A set of strings, sorted: what a `BTreeSet<&str>` does for the core's small sets, in a fraction
/// of the download (one sorted list and binary searches instead of a tree's code).
#[derive(Debug, Clone, Default)]
pub struct StrSet<'a>(Vec<&'a str>);

impl<'a> StrSet<'a> {
    /// True when `item` is in the set.
    pub fn contains(&self, item: &str) -> bool {
        self.0.binary_search(&item).is_ok()
    }

    /// Adds `item`; true when it was not there.
    pub fn insert(&mut self, item: &'a str) -> bool {
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// The strings, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.iter().copied()
    }
}

impl<'a> FromIterator<&'a str> for StrSet<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> Self {
        let mut items: Vec<&'a str> = items.into_iter().collect();
        items.sort_unstable();
        items.dedup();
        StrSet(items)
    }
}

/// Marks that transliterations put inside words (ayn, hamza, apostrophes): dropped, not spaces,
/// so "Sha‘bi" and "Shabi" match.
fn is_silent(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' | '\u{00B4}' | '`'
    )
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
        // Arabic harakat and tatweel: vowel marks do not change the word.
        || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The unaccented form of a lower-case Latin letter with a diacritic.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ḍ' | 'ḏ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
        | 'ễ' | 'ệ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => "g",
        'ĥ' | 'ħ' | 'ḥ' | 'ḫ' | 'ẖ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' | 'ỉ' => "i",
        'ĵ' | 'ǰ' => "j",
        'ķ' | 'ḳ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ṇ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ'
        | 'ỗ' | 'ộ' | 'ơ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'ṛ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ṣ' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ṭ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ụ' | 'ủ' | 'ư' | 'ứ'
        | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' | 'ẕ' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_agrees_with_its_count() {
        let events = |n: usize| format!("{n} {}", plural(n, "event", "events"));
        assert_eq!(events(0), "0 events");
        assert_eq!(events(1), "1 event");
        assert_eq!(events(2), "2 events");
        assert_eq!(events(21), "21 events");
        assert_eq!(plural(1, "has", "have"), "has");
        assert_eq!(plural(3, "has", "have"), "have");
    }

    proptest::proptest! {
        /// The shortcut trims as `str::trim` does.
        #[test]
        fn trim_is_str_trim(text in "[ \t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2003}a-c.\u{7f}é]{0,8}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }
    }

    /// The runs of characters that change in lower case, from the standard library's tables.
    fn lower_case_runs() -> Vec<(u32, u8, i32, u8)> {
        let changed: Vec<(u32, u32)> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l != c => Some((u32::from(c), u32::from(l))),
                    _ => None,
                }
            })
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < changed.len() {
            let (start, lower) = changed[i];
            let delta = lower as i32 - start as i32;
            let mut best = (1u32, 1u32);
            for step in [1, 2] {
                let n = 1 + changed[i + 1..]
                    .iter()
                    .zip(1..)
                    .take_while(|&(&(c, l), n)| {
                        c == start + n * step && l as i32 - c as i32 == delta
                    })
                    .count() as u32;
                if n > best.0 {
                    best = (n, step);
                }
            }
            runs.push((start, best.0 as u8, delta, best.1 as u8));
            i += best.0 as usize;
        }
        runs
    }

    #[test]
    fn lower_case_is_the_standard_librarys() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let ours: String = to_lower(c).into_iter().flatten().collect();
            let std: String = c.to_lowercase().collect();
            assert_eq!(
                ours, std,
                "{c:?}: the runs are out of date with this Rust's Unicode; write them again with \
                 `cargo test print_the_lower_case_runs -- --ignored --nocapture`"
            );
        }
        assert_eq!(lower_case_runs(), LOWER);
    }

    #[test]
    #[ignore = "writes the table of lower-case runs"]
    fn print_the_lower_case_runs() {
        let runs = lower_case_runs();
        println!("const LOWER: [(u32, u8, i32, u8); {}] = [", runs.len());
        let mut line = String::from("   ");
        for (start, count, delta, step) in runs {
            let item = format!(" ({start:#x}, {count}, {delta}, {step}),");
            if line.len() + item.len() > 99 {
                println!("{line}");
                line = String::from("   ");
            }
            line.push_str(&item);
        }
        println!("{line}\n];");
    }

    #[test]
    fn the_ascii_shortcut_folds_as_the_full_rules_do() {
        let pieces = [
            "A", "z", "9", " ", "-", "'", "`", "\u{2019}", "É", "ß", "\u{0301}", "Ḥ", "ك",
            "\u{064E}", "\t", "_", "!", "ǅ", "İ", "½", "\n", "—",
        ];
        let mut seed = 7u64;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let mut slow = String::from("kept ");
            fold_with(&text, false, &mut slow);
            assert_eq!(format!("kept {}", fold(&text)), slow, "{text:?}");
        }
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("Ḥashd al-Sha‘bī"), "hashd al shabi");
        assert_eq!(fold("  AL-ASAD  air—base! "), "al asad air base");
        assert_eq!(fold("Qāsem Soleimānī"), "qasem soleimani");
        assert_eq!(fold("Sole\u{0301}imani"), "soleimani");
        assert_eq!(fold("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(fold("كتائب حزب الله"), "كتائب حزب الله");
        assert_eq!(fold("كَتائِب"), "كتائب");
        assert_eq!(fold(""), "");
        assert_eq!(fold("--"), "");
    }

    #[test]
    fn shortening_never_cuts_a_character() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("ééééé", 3), "ééé…");
        assert_eq!(shorten("a b c d", 4), "a b…");
        assert_eq!(shorten(&"😀".repeat(1000), 2), "😀😀…");
    }

    #[test]
    fn a_string_set_is_sorted_and_has_each_string_once() {
        let mut set: StrSet = ["b", "a", "c", "a"].into_iter().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(set.contains("b") && !set.contains("d"));
        assert!(set.insert("d"));
        assert!(!set.insert("a"));
        assert_eq!(set.iter().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Rockets hit the Green Zone!", "event"),
            "rockets-hit-the-green-zone"
        );
        assert_eq!(slug("¡¡", "event"), "event");
        assert_eq!(slug(&"word ".repeat(30), "x").len(), 59);
    }

    #[test]
    fn query_words_split_on_folded_spaces() {
        assert_eq!(query_words(" Al-Asad  base "), vec!["al", "asad", "base"]);
        assert!(query_words(" - ").is_empty());
    }
}
