//! An article cut into paragraphs, sentences, clauses and words, each with its byte offsets in
//! the article's text, so every draft can quote its sentence verbatim and say where it is.

use crate::model::text::fold;

/// One sentence: `text[start..end]`, in paragraph `paragraph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// One word: a run of letters and digits, folded (lower case, no diacritics) in `low`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub low: String,
    /// The word starts with an upper-case letter.
    pub capital: bool,
    /// Index of the clause within the sentence (clauses end at `,` `;` `:` `—` `(` `)`).
    pub clause: usize,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "cpl", "pvt", "mr", "mrs", "ms", "dr",
    "brig", "gens", "cdr", "cpt", "spc", "pfc", "st", "sen", "rep", "gov", "pres", "prof", "rev",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "jr", "sr", "inc", "corp", "co", "ltd", "mt", "ft", "approx", "est",
];

/// Words that attribute speech, for keeping a quotation with its "X said".
const SPEECH: &[&str] = &["said", "says", "told", "added", "asked", "wrote", "stated"];

/// The article's sentences, in order. Paragraphs end at line breaks.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let offset = line_start;
        line_start += line.len();
        if body.trim().is_empty() {
            continue;
        }
        let mut start = offset + (body.len() - body.trim_start().len());
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (at, c) = chars[i];
            if matches!(c, '.' | '!' | '?') {
                // Closing quotes and brackets stay with the sentence.
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']')
                {
                    j += 1;
                }
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    body.len()
                };
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                if k > j && k < chars.len() && ends_sentence(body, &chars, i, j, k) {
                    out.push(Sentence {
                        start,
                        end: offset + end,
                        paragraph,
                    });
                    start = offset + chars[k].0;
                    i = k;
                    continue;
                }
                let _ = at;
            }
            i += 1;
        }
        let end = offset + body.trim_end().len();
        if end > start {
            out.push(Sentence {
                start,
                end,
                paragraph,
            });
        }
        paragraph += 1;
    }
    out
}

/// Whether the stop at `chars[stop]` ends a sentence, the next one starting at `chars[next]`.
fn ends_sentence(
    body: &str,
    chars: &[(usize, char)],
    stop: usize,
    after: usize,
    next: usize,
) -> bool {
    let first = chars[next].1;
    // A quotation opened with two apostrophes, as some texts write it: "''In response to …".
    let apostrophes = first == '\''
        && chars.get(next + 1).is_some_and(|c| c.1 == '\'')
        && chars.get(next + 2).is_some_and(|c| c.1.is_uppercase());
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '(')
        || apostrophes)
    {
        return false;
    }
    if chars[stop].1 == '.' {
        // The word before the stop: an abbreviation or an initial ("U.S.") does not end it.
        let mut w = stop;
        while w > 0 && chars[w - 1].1.is_alphanumeric() {
            w -= 1;
        }
        let word: String = chars[w..stop].iter().map(|(_, c)| *c).collect();
        let low = word.to_lowercase();
        if ABBREVIATIONS.contains(&low.as_str()) {
            return false;
        }
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return false;
        }
        // "5:30 a.m. EST": a time and its zone, no end.
        let meridiem = low == "m"
            && w >= 2
            && chars[w - 1].1 == '.'
            && matches!(chars[w - 2].1, 'a' | 'p' | 'A' | 'P');
        let rest: String = chars[next..].iter().take(40).map(|(_, c)| *c).collect();
        let mut ahead = rest.split_whitespace();
        let zone: String = ahead
            .next()
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        // "1:30 p.m. Sanaa time", "5:30 a.m. EST"
        let zoned = (2..=4).contains(&zone.len()) && zone.chars().all(char::is_uppercase)
            || ahead
                .next()
                .is_some_and(|w| w.trim_end_matches([',', ')']) == "time");
        if meridiem && zoned {
            return false;
        }
    }
    // A quotation followed by its attribution ("… of that.” McKenzie said …) stays one sentence.
    let closed_quote = chars[stop + 1..after]
        .iter()
        .any(|(_, c)| matches!(c, '"' | '”'));
    if closed_quote {
        let rest = &body[chars[next].0..];
        let head: Vec<String> = rest.split_whitespace().take(5).map(fold).collect();
        if head.iter().any(|w| SPEECH.contains(&w.as_str())) {
            return false;
        }
    }
    true
}

/// The words of `text[start..end]`, with clause numbers. Apostrophes split words, so "Iraq's"
/// is "iraq" and "s".
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut clause = 0;
    let mut current: Option<usize> = None;
    let slice = &text[start..end];
    let push = |out: &mut Vec<Word>, from: usize, to: usize, clause: usize| {
        let raw = &text[from..to];
        let low = fold(raw);
        if !low.is_empty() {
            out.push(Word {
                start: from,
                end: to,
                capital: raw.chars().next().is_some_and(char::is_uppercase),
                low,
                clause,
            });
        }
    };
    // "two (2) self-defense strikes": a number in figures echoing the word before it is no
    // word of its own, and its parentheses part no clause. The offset past its ")".
    let echo_end = |i: usize| {
        let rest = &slice[i + 1..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let before = slice[..i].trim_end();
        (digits > 0
            && rest[digits..].starts_with(')')
            && before.len() < i
            && before.chars().last().is_some_and(char::is_alphabetic))
        .then_some(i + digits + 2)
    };
    let mut skip_to = 0;
    for (i, c) in slice.char_indices() {
        let at = start + i;
        if i < skip_to {
            continue;
        }
        if let Some(end) = (c == '(').then(|| echo_end(i)).flatten() {
            if let Some(from) = current.take() {
                push(&mut out, from, at, clause);
            }
            skip_to = end;
            continue;
        }
        if c.is_alphanumeric() {
            if current.is_none() {
                current = Some(at);
            }
            continue;
        }
        if let Some(from) = current.take() {
            push(&mut out, from, at, clause);
        }
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')') {
            clause += 1;
        }
    }
    if let Some(from) = current {
        push(&mut out, from, end, clause);
    }
    out
}

/// The folded words of a name or cue, as `words` cuts text.
pub fn key(text: &str) -> Vec<String> {
    words(text, 0, text.len())
        .into_iter()
        .map(|w| w.low)
        .collect()
}

/// Nouns naming an accord or a round of talks ("the Minsk agreements", "the February Minsk
/// plan", "the Astana process").
pub(super) fn is_accord(w: &str) -> bool {
    matches!(
        w,
        "agreement"
            | "agreements"
            | "accord"
            | "accords"
            | "plan"
            | "protocol"
            | "protocols"
            | "commitments"
            | "process"
            | "format"
            | "memorandum"
            | "declaration"
    )
}

/// The nouns of [`is_accord`] that may name a happening of their own: an agreement reached.
pub(super) fn is_agreement(w: &str) -> bool {
    matches!(w, "agreement" | "agreements" | "accord" | "accords")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_attributed_quotes_do_not_end_sentences() {
        let text = "Gen. Kenneth McKenzie met U.S. officials on Jan. 8. They left.\n“We stay.” McKenzie said. Next one.";
        assert_eq!(
            cut(text),
            [
                "Gen. Kenneth McKenzie met U.S. officials on Jan. 8.",
                "They left.",
                "“We stay.” McKenzie said.",
                "Next one."
            ]
        );
        let s = sentences(text);
        assert_eq!((s[1].paragraph, s[2].paragraph), (0, 1));
        let text =
            "Houthi military spokesman Brig. Gen. Yahya Saree claimed the attack. It was late.";
        assert_eq!(
            cut(text),
            [
                "Houthi military spokesman Brig. Gen. Yahya Saree claimed the attack.",
                "It was late."
            ]
        );
    }

    #[test]
    fn a_quotation_opened_with_two_apostrophes_starts_a_sentence() {
        let text = "Iraqi forces were wounded. ''In response, we struck back,'' he said. It's \
                    late. 'tis not.";
        assert_eq!(
            cut(text),
            [
                "Iraqi forces were wounded.",
                "''In response, we struck back,'' he said.",
                "It's late. 'tis not."
            ]
        );
    }

    #[test]
    fn a_time_and_its_zone_do_not_end_a_sentence() {
        let text = "At 1:30 p.m. Sanaa time (5:30 a.m. EST), militants fired a missile. It fell \
                    at 6 p.m. The crew was safe.";
        assert_eq!(
            cut(text),
            [
                "At 1:30 p.m. Sanaa time (5:30 a.m. EST), militants fired a missile.",
                "It fell at 6 p.m.",
                "The crew was safe."
            ]
        );
    }

    #[test]
    fn words_split_at_apostrophes_and_count_clauses() {
        let text = "Iraq’s military, on Thursday, said";
        let w = words(text, 0, text.len());
        let low: Vec<&str> = w.iter().map(|w| w.low.as_str()).collect();
        assert_eq!(low, ["iraq", "s", "military", "on", "thursday", "said"]);
        assert_eq!(
            w.iter().map(|w| w.clause).collect::<Vec<_>>(),
            [0, 0, 0, 1, 1, 2]
        );
        assert!(w[0].capital && !w[2].capital);
        assert_eq!(key("al-Asad Air Base"), ["al", "asad", "air", "base"]);
    }

    #[test]
    fn a_number_echoed_in_figures_is_no_word_and_no_clause() {
        let text = "U.S. forces conducted two (2) strikes, killing four (4) militants (AQAP).";
        let w = words(text, 0, text.len());
        let low: Vec<&str> = w.iter().map(|w| w.low.as_str()).collect();
        assert_eq!(
            low,
            [
                "u",
                "s",
                "forces",
                "conducted",
                "two",
                "strikes",
                "killing",
                "four",
                "militants",
                "aqap"
            ]
        );
        // One comma parts the clause; the echoes part nothing; a name in parentheses does.
        assert_eq!(
            w.iter().map(|w| w.clause).collect::<Vec<_>>(),
            [0, 0, 0, 0, 0, 0, 1, 1, 1, 2]
        );
        // A number in parentheses after a number in figures, or first, is kept.
        let text = "(2) strikes in 2016 (3)";
        let low: Vec<String> = words(text, 0, text.len())
            .into_iter()
            .map(|w| w.low)
            .collect();
        assert_eq!(low, ["2", "strikes", "in", "2016", "3"]);
    }
}
