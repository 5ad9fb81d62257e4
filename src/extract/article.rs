//! An article to extract from: its text and what is known about it, read from a plain text
//! file with an optional header block.

use crate::model::edtf::Edtf;

/// One article to extract from, with what is known about it.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The text, as plain text; paragraphs end at line breaks.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The publication date, the reference for "last month" and weekdays.
    pub published: Option<Edtf>,
}

impl Article {
    /// An article from a text file, with its metadata from an optional header block: lines
    /// `Title:`, `Publisher:`, `URL:` and `Published:` (EDTF) at the top, ended by a line `---`.
    /// A header line that cannot be read is an error naming its line.
    pub fn from_file_text(text: &str) -> Result<Article, String> {
        let mut article = Article::default();
        let first = text.lines().next().unwrap_or("");
        let is_key = |line: &str| {
            line.split_once(':').is_some_and(|(k, _)| {
                matches!(
                    k.trim().to_ascii_lowercase().as_str(),
                    "title" | "publisher" | "url" | "published"
                )
            })
        };
        if !is_key(first) {
            article.text = text.to_string();
            return Ok(article);
        }
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            offset += line.len();
            let line = line.trim_end_matches(['\n', '\r']);
            if line.trim() == "---" {
                article.text = text[offset..].to_string();
                return Ok(article);
            }
            let Some((k, v)) = line.split_once(':') else {
                return Err(format!(
                    "line {}: a header line is 'Key: value'; the header ends with a line '---'",
                    n + 1
                ));
            };
            let v = v.trim().to_string();
            match k.trim().to_ascii_lowercase().as_str() {
                "title" => article.title = Some(v),
                "publisher" => article.publisher = Some(v),
                "url" => article.url = Some(v),
                "published" => {
                    article.published = Some(
                        Edtf::parse(&v).map_err(|e| format!("line {}: Published: {e}", n + 1))?,
                    )
                }
                other => {
                    return Err(format!(
                        "line {}: '{other}' is not a header key (Title, Publisher, URL, Published)",
                        n + 1
                    ))
                }
            }
        }
        Err("the header block has no closing '---' line".into())
    }
}
