//! Checking that a source's quote occurs in its document's text: verbatim but for white space,
//! and in order across marked omissions.

/// Collapses every run of white space to one space, so line breaks do not break quotes.
pub(super) fn fold_space(text: &str) -> String {
    crate::model::text::joined(" ", text.split_whitespace())
}

/// True when `quote` occurs verbatim in `text` (already space-folded). A quote may leave words
/// out where it says so with `…`, `...` or `[...]`: its pieces must then occur in order.
pub(super) fn quote_occurs(text: &str, quote: &str) -> bool {
    let quote = fold_space(quote);
    let mut from = 0;
    for piece in between_omissions(&quote)
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match memchr::memmem::find(&text.as_bytes()[from..], piece.as_bytes()) {
            Some(i) => from += i + piece.len(),
            None => return false,
        }
    }
    true
}

/// The pieces of `quote` between its omission marks: `[...]`, `...` and `…`.
fn between_omissions(quote: &str) -> Vec<&str> {
    let bytes = quote.as_bytes();
    let mut pieces = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let rest = &bytes[at..];
        let mark = if rest.starts_with(b"[...]") {
            5
        } else if rest.starts_with(b"...") || rest.starts_with("…".as_bytes()) {
            3
        } else {
            0
        };
        if mark == 0 {
            at += 1;
        } else {
            // Every mark begins with an ASCII byte or a lead byte: `at` is a char boundary.
            pieces.push(&quote[start..at]);
            at += mark;
            start = at;
        }
    }
    pieces.push(&quote[start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_match_across_line_breaks_and_omissions() {
        let text =
            fold_space("The militias  responded\nwith assaults on the U.S. Embassy in Baghdad.");
        assert!(quote_occurs(&text, "responded with assaults"));
        assert!(quote_occurs(&text, "The militias … on the U.S. Embassy"));
        assert!(quote_occurs(&text, "The militias [...] Baghdad."));
        assert!(!quote_occurs(&text, "Baghdad … The militias"));
        assert!(!quote_occurs(&text, "responded with attacks"));
    }

    #[test]
    fn omission_marks_cut_a_quote_into_pieces() {
        assert_eq!(
            between_omissions("a [...] b ... c … d"),
            ["a ", " b ", " c ", " d"]
        );
        assert_eq!(between_omissions("a [... b"), ["a [", " b"]);
        assert_eq!(between_omissions("...."), ["", "."]);
        assert_eq!(between_omissions("no marks"), ["no marks"]);
    }
}
