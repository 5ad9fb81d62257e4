//! Plain text from the HTML that timelines put in their text fields.
//!
//! Tags are dropped (their text kept), `<script>` and `<style>` are dropped with their content,
//! block ends and `<br>` become line breaks, character references are decoded, and the
//! `href` of each `<a>` is kept with its text when it is an http(s) link. Nothing here is ever
//! turned back into HTML: the page shows the text with `textContent`.

use crate::model::link::checked_url;

/// Text and links found in an HTML fragment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The text, with runs of spaces folded and lines trimmed.
    pub text: String,
    /// `(url, text)` of each http(s) link, in order.
    pub links: Vec<(String, String)>,
}

/// Extracts text and links from `html`.
pub fn extract(html: &str) -> Extracted {
    let mut out = String::new();
    let mut links = Vec::new();
    let mut open_link: Option<(String, usize)> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        let after = &rest[lt + 1..];
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            out.push('<');
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else {
            push_text(&mut out, &rest[lt..]);
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        match name.as_str() {
            "script" | "style" if !closing => {
                let end = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = match lower.find(&end) {
                    Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                    None => "",
                };
            }
            "br" | "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr"
            | "blockquote"
                if !out.ends_with('\n') && !out.is_empty() =>
            {
                out.push('\n');
            }
            "a" if !closing => open_link = href(tag).map(|url| (url, out.len())),
            "a" => {
                if let Some((url, start)) = open_link.take() {
                    let text = out[start..].trim().to_string();
                    links.push((url.clone(), if text.is_empty() { url } else { text }));
                }
            }
            _ => {}
        }
    }
    push_text(&mut out, rest);
    let text = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Extracted { text, links }
}

fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&i| i <= 10);
        match end.and_then(|i| decode_reference(&after[..i]).map(|c| (c, i))) {
            Some((c, i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => return None,
    })
}

/// The http(s) `href` of an `<a ...>` tag's text.
fn href(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find("href")?;
    let rest = tag[at + 4..].trim_start().strip_prefix('=')?.trim_start();
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    let mut decoded = String::new();
    push_text(&mut decoded, value);
    checked_url(&decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_web_links_only() {
        let e = extract(
            "<p>Rockets hit <b>the base</b> &amp; nearby.</p><p>See <a href=\"https://example.org/a?x=1&amp;y=2\">the report</a> \
             and <a href='javascript:alert(1)'>this</a>.<br>Next&nbsp;line</p><script>alert(1)</script><style>p{}</style>",
        );
        assert_eq!(
            e.text,
            "Rockets hit the base & nearby.\nSee the report and this.\nNext line"
        );
        assert_eq!(
            e.links,
            vec![(
                "https://example.org/a?x=1&y=2".to_string(),
                "the report".to_string()
            )]
        );
    }

    #[test]
    fn survives_broken_markup() {
        assert_eq!(extract("a < b and <i>c").text, "a < b and c");
        assert_eq!(extract("&#65;&#x42;&bogus; &#0;").text, "AB&bogus; &#0;");
        assert_eq!(extract("<a href=>x</a>").links, vec![]);
        assert_eq!(
            extract("<img src=x onerror=alert(1)>caption").text,
            "caption"
        );
    }
}
