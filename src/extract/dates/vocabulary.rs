//! The words date expressions are made of: month and weekday names, numbers, ordinals, years
//! and units of time.

use super::said::Unit;
use crate::extract::words::Word;
use crate::model::calendar::MONTH_NAMES;

/// Weekday names, Monday first (ISO 8601 numbers them 1 to 7).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The folded word `i` of `words`, or "" past either end.
pub(super) fn low_at(words: &[Word], i: usize) -> &str {
    words.get(i).map_or("", |w| w.low.as_str())
}

/// The month a (folded) word names: a full name or a news abbreviation ("Jan", "Sept").
pub(crate) fn month_of(word: &str) -> Option<u32> {
    const SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if let Some(i) = MONTH_NAMES
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
    {
        return Some(i as u32 + 1);
    }
    if word == "sept" {
        return Some(9);
    }
    // "May" alone is too often the verb; the full names above already cover it.
    SHORT
        .iter()
        .position(|m| *m == word && word != "may")
        .map(|i| i as u32 + 1)
}

/// The month word `i` names, written with a capital as names are; not "May" right after a
/// name, a surname ("Theresa May spoke to President Hollande").
pub(super) fn month_at(words: &[Word], i: usize) -> Option<u32> {
    let surname = i > 0 && words.get(i).is_some_and(|w| w.low == "may") && {
        let before = &words[i - 1];
        before.capital
            && !WEEKDAYS.contains(&before.low.as_str())
            && month_of(&before.low).is_none()
            && !matches!(
                before.low.as_str(),
                "in" | "on"
                    | "by"
                    | "since"
                    | "until"
                    | "during"
                    | "from"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "that"
                    | "of"
                    | "to"
                    | "before"
                    | "after"
                    | "between"
            )
    };
    words
        .get(i)
        .filter(|w| w.capital && !surname)
        .and_then(|w| month_of(&w.low))
}

/// The weekday (1 = Monday) word `i` names, written with a capital.
pub(super) fn weekday_at(words: &[Word], i: usize) -> Option<u32> {
    let w = words.get(i).filter(|w| w.capital)?;
    WEEKDAYS
        .iter()
        .position(|d| *d == w.low)
        .map(|d| d as u32 + 1)
}

/// A count written as a word ("a", "two", "twelve") or in figures (1 to 999).
pub(super) fn number_word(word: &str) -> Option<i64> {
    const SMALL: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if word == "a" || word == "an" {
        return Some(1);
    }
    SMALL
        .iter()
        .position(|w| *w == word)
        .map(|i| i as i64)
        .or_else(|| {
            (word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
                .then(|| word.parse::<i64>().ok())
                .flatten()
                .filter(|n| *n >= 1)
        })
}

/// A year written in four figures, 1800 to 2200.
pub(super) fn year_of(w: &Word, text: &str) -> Option<i64> {
    let raw = &text[w.start..w.end];
    if raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let y: i64 = raw.parse().ok()?;
        if (1800..=2200).contains(&y) {
            return Some(y);
        }
    }
    None
}

/// The year word `i` of `words` writes.
pub(super) fn year_at(words: &[Word], i: usize, text: &str) -> Option<i64> {
    words.get(i).and_then(|w| year_of(w, text))
}

/// A day of the month in figures, plain or ordinal ("14", "14th", "1st"): 1 to 31.
pub(super) fn day_of(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A day of the month at word `i`.
pub(super) fn day_at(words: &[Word], i: usize) -> Option<u32> {
    words.get(i).and_then(|w| day_of(&w.low))
}

/// The unit a word names, singular or plural.
pub(super) fn unit_of(word: &str) -> Option<Unit> {
    match word.strip_suffix('s').unwrap_or(word) {
        "hour" => Some(Unit::Hour),
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

/// The text between words `a` and `a + 1`, as written.
pub(super) fn gap_after<'t>(words: &[Word], a: usize, text: &'t str) -> &'t str {
    match (words.get(a), words.get(a + 1)) {
        (Some(x), Some(y)) => &text[x.end..y.start],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_ordinals_and_units() {
        assert_eq!(month_of("sept"), Some(9));
        assert_eq!(month_of("may"), Some(5), "the full name");
        assert_eq!(month_of("mar"), Some(3));
        assert_eq!(month_of("monday"), None);
        assert_eq!(number_word("a"), Some(1));
        assert_eq!(number_word("twelve"), Some(12));
        assert_eq!(number_word("48"), Some(48));
        assert_eq!(number_word("1000"), None);
        assert_eq!(number_word("0"), None);
        assert_eq!(day_of("11th"), Some(11));
        assert_eq!(day_of("1st"), Some(1));
        assert_eq!(day_of("32nd"), None);
        assert_eq!(day_of("th"), None);
        assert_eq!(day_of("2020"), None);
        assert_eq!(unit_of("hours"), Some(Unit::Hour));
        assert_eq!(unit_of("month"), Some(Unit::Month));
        assert_eq!(unit_of("decades"), None);
    }
}
