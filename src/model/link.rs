//! Links from data: only `http:` and `https:` URLs are ever kept.
//!
//! Browsers drop tabs and line breaks inside URLs and ignore leading control characters, so
//! `java\tscript:` runs as `javascript:`. The check below looks at the scheme the browser would
//! see, not at the text as written.

/// Returns the URL if it is an absolute `http:` or `https:` URL, else says why not.
pub fn checked_url(url: &str) -> Result<String, String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let seen: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_end = seen.find(':');
    let scheme = scheme_end.map(|i| seen[..i].to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https")
            if seen[scheme_end.unwrap_or(0)..].starts_with("://") && seen.len() > 8 =>
        {
            if trimmed.chars().any(char::is_control) {
                Err("the link contains control characters".into())
            } else {
                Ok(trimmed.to_string())
            }
        }
        Some(s)
            if !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) =>
        {
            Err(format!("only http and https links are allowed, not '{s}:'"))
        }
        _ => Err("a link must be an absolute http or https URL".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_http_and_https_only() {
        assert_eq!(
            checked_url(" https://example.org/a?b=\"c\" ").unwrap(),
            "https://example.org/a?b=\"c\""
        );
        assert!(checked_url("HTTP://example.org").is_ok());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//example.org/a",
            "/relative",
            "https:example.org",
            "",
        ] {
            assert!(checked_url(bad).is_err(), "{bad:?}");
        }
        assert!(checked_url("javascript:x")
            .unwrap_err()
            .contains("'javascript:'"));
    }
}
