//! Folding text for search: case- and diacritic-insensitive, punctuation-blind.
//!
//! `fold("Ḥashd al-Sha‘bī")` is `"hashd al shabi"`: letters are lower-cased and stripped of
//! diacritics, other characters that are not letters or digits separate words, and runs of
//! separators become one space. Searching folds both the query and the text, so "al-Asad",
//! "Al Asad" and "al‑Asad" all find each other.

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
            for lower in c.to_lowercase() {
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

    proptest::proptest! {
        /// The shortcut trims as `str::trim` does.
        #[test]
        fn trim_is_str_trim(text in "[ \t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2003}a-c.\u{7f}é]{0,8}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }
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
