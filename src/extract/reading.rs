//! An article read once, and each of its sentences: words, date expressions, names, figures and
//! speech verbs, found before any event is drafted, for every stage to look up.

use super::article::Article;
use super::dates::{self, Found, Said};
use super::figures::find_figures;
use super::lexicon::{Lexicon, Target};
use super::names::{find_names, Mention, People};
use super::words::{self, Sentence, Word};
use crate::model::calendar::format_day;
use crate::model::edtf::{DaySpan, Edtf};
use crate::model::Figure;

/// An article cut into sentences and words, with the dates each sentence states.
pub(super) struct Reading<'a> {
    pub(super) text: &'a str,
    /// The publication date: a day, or for a span of a few days ("2020-03-01/2020-03-02") its
    /// last day marked uncertain, counted from as such.
    pub(super) published: Option<Edtf>,
    /// The publication date as the article gives it, a span of days kept whole.
    pub(super) publication: Option<Edtf>,
    /// Who published it, as the article names them.
    pub(super) publisher: Option<&'a str>,
    /// The headline.
    pub(super) title: Option<&'a str>,
    pub(super) sentences: Vec<Sentence>,
    /// The words of each sentence.
    pub(super) words: Vec<Vec<Word>>,
    /// The date expressions of each sentence.
    pub(super) dates: Vec<Vec<Found>>,
    /// Years the text states, by sentence and word, for dates written without one.
    stated_years: Vec<(usize, usize, i64)>,
    /// Whether each sentence starts inside a quotation opened before it in its paragraph.
    pub(super) quoted: Vec<bool>,
    /// Without a publication date, the latest full date the text states is its "now":
    /// approximate, with the words it was read from.
    pub(super) stated: Option<(Edtf, String)>,
    /// A statement quoted after a line that dates it ("Minister X yesterday said:"): the first
    /// sentence of the quotation, the day it was made and the words that date it.
    spoken: Option<(usize, Edtf, String)>,
}

impl<'a> Reading<'a> {
    /// Reads `article`.
    pub(super) fn new(article: &'a Article) -> Reading<'a> {
        let text = article.text.as_str();
        let sentences = words::sentences(text);
        let words: Vec<Vec<Word>> = sentences
            .iter()
            .map(|s| words::words(text, s.start, s.end))
            .collect();
        let dates: Vec<Vec<Found>> = words
            .iter()
            .map(|w| {
                let mut found = dates::find(w, text);
                found.retain(|d| !names_accord(w, d));
                found
            })
            .collect();
        // "battled al-Shabab since 2007" opens a span: it says nothing of the year of what the
        // text tells later ("In April, …").
        let stated_years = dates
            .iter()
            .enumerate()
            .flat_map(|(i, ds)| {
                ds.iter()
                    .filter(|d| !d.since)
                    .filter_map(move |d| match d.said {
                        Said::Day { year: Some(y), .. }
                        | Said::Month { year: Some(y), .. }
                        | Said::MonthPart { year: Some(y), .. }
                        | Said::Year(y) => Some((i, d.word, y)),
                        _ => None,
                    })
            })
            .collect();
        let stated = dates
            .iter()
            .flatten()
            .filter_map(|d| {
                d.explicit_day()
                    .map(|day| (day, text[d.start..d.end].to_string()))
            })
            .max_by_key(|x| x.0)
            .and_then(|(day, w)| {
                Edtf::parse(&format!("{}~", format_day(day)))
                    .ok()
                    .map(|e| (e, w))
            });
        let quoted = inside_quotes(text, &sentences);
        let published = article.published.as_ref().map(reference_day);
        let spoken = spoken_on(text, &sentences, &words, &dates, published.as_ref());
        Reading {
            spoken,
            quoted,
            text,
            published,
            publication: article.published.clone(),
            publisher: article.publisher.as_deref(),
            title: article.title.as_deref(),
            sentences,
            words,
            dates,
            stated_years,
            stated,
        }
    }

    /// The sentence's text, verbatim, and its offset in characters.
    pub(super) fn quote(&self, si: usize) -> (String, usize) {
        let s = self.sentences[si];
        (
            self.text[s.start..s.end].to_string(),
            self.text[..s.start].chars().count(),
        )
    }

    /// The year the text states nearest before sentence `si` or in it before its first date
    /// written without a year, in its paragraph, not in a sentence that says "today" or "now" (a
    /// year an earlier paragraph states is of what that paragraph tells). A year stated only
    /// later ("… on April 10. … the crisis following the February 2021 coup") is of what that
    /// later sentence tells.
    fn text_year(&self, si: usize) -> Option<i64> {
        let paragraph = self.sentences[si].paragraph;
        // In the sentence itself, a year after its first date written without one is of
        // something else ("a truck bombing in July … the deadliest since the invasion in 2003").
        let first_yearless = self.dates[si]
            .iter()
            .filter(|d| {
                matches!(
                    d.said,
                    Said::Day { year: None, .. }
                        | Said::Month { year: None, .. }
                        | Said::MonthPart { year: None, .. }
                )
            })
            .map(|d| d.word)
            .min()
            .unwrap_or(usize::MAX);
        self.stated_years
            .iter()
            .filter(|(i, word, _)| {
                (*i < si || *i == si && *word < first_yearless)
                    && self.sentences[*i].paragraph == paragraph
                    && (*i == si || !self.tells_the_present(*i))
            })
            .min_by_key(|(i, _, _)| si - i)
            .map(|(_, _, y)| *y)
    }

    /// Whether sentence `si` says "today" or "now": told in the present, it does not move the
    /// story to a year it recalls ("The atrocities occurring today … led the United States to
    /// determine in 2004 that …").
    fn tells_the_present(&self, si: usize) -> bool {
        self.words[si]
            .iter()
            .any(|w| matches!(w.low.as_str(), "today" | "now"))
    }

    /// Whether sentence `si` ends with a colon (see [`ends_with_colon`]).
    pub(super) fn ends_with_colon(&self, si: usize) -> bool {
        ends_with_colon(&self.words[si], self.text)
    }

    /// Whether sentence `si` is in an item of a list: its paragraph opens with a dash or a
    /// bullet ("-- Near Raqqa, three strikes destroyed …", "• …").
    pub(super) fn in_list_item(&self, si: usize) -> bool {
        let Some(para) = self.sentences.get(si).map(|s| s.paragraph) else {
            return false;
        };
        // The paragraph's first sentence, found back from this one.
        let Some(first) = self.sentences[..=si]
            .iter()
            .rev()
            .take_while(|s| s.paragraph == para)
            .last()
        else {
            return false;
        };
        let opening = self.text[first.start..].trim_start();
        opening.starts_with("--")
            || ["- ", "– ", "— ", "• ", "* ", "· "]
                .iter()
                .any(|mark| opening.starts_with(mark))
    }

    /// The nearest explicit full date in the paragraph of sentence `si`, closest sentence first.
    fn nearby_day(&self, si: usize) -> Option<(i64, String)> {
        let paragraph = self.sentences[si].paragraph;
        let mut best: Option<(usize, i64, String)> = None;
        for (i, ds) in self.dates.iter().enumerate() {
            if self.sentences[i].paragraph != paragraph {
                continue;
            }
            for d in ds {
                if let Some(day) = d.explicit_day() {
                    let dist = i.abs_diff(si);
                    if best.as_ref().is_none_or(|b| dist < b.0) {
                        best = Some((dist, day, self.text[d.start..d.end].to_string()));
                    }
                }
            }
        }
        best.map(|(_, d, w)| (d, w))
    }

    /// The context the date expressions of `sentence` are resolved in, with `text_year` and
    /// `previous` as the caller knows them.
    pub(super) fn date_context<'c>(
        &'c self,
        sentence: &'c SentenceReading,
        text_year: Option<i64>,
        previous: Option<DaySpan>,
    ) -> dates::Context<'c> {
        dates::Context {
            nearby_day: sentence.nearby.as_ref().map(|(d, w)| (*d, w.as_str())),
            published: self.published.as_ref(),
            text_year,
            previous,
            stated: self.stated.as_ref().map(|(e, w)| (e, w.as_str())),
            spoken: self
                .spoken
                .as_ref()
                .filter(|(from, _, _)| sentence.index >= *from)
                .map(|(_, e, w)| (e, w.as_str())),
        }
    }
}

/// The statement a line introduces with the day it was made ("The UK's Minister for Africa
/// James Duddridge yesterday said:"): the sentence after that line, the day, counted from
/// `published`, and the words that dated it. Only a line that ends with a colon after "said"
/// and a date counted from the publication to one day.
fn spoken_on(
    text: &str,
    sentences: &[Sentence],
    words: &[Vec<Word>],
    dates: &[Vec<Found>],
    published: Option<&Edtf>,
) -> Option<(usize, Edtf, String)> {
    let (i, found) = sentences.iter().enumerate().find_map(|(i, s)| {
        let line = text[s.start..s.end].trim_end();
        let ws = &words[i];
        let said = ws
            .last()
            .is_some_and(|w| matches!(w.low.as_str(), "said" | "says"));
        let found = match dates[i].as_slice() {
            [d] => d,
            _ => return None,
        };
        (line.ends_with(':') && said && i + 1 < sentences.len()).then_some((i, found))
    })?;
    let ctx = dates::Context {
        published,
        ..Default::default()
    };
    let w = &text[found.start..found.end];
    let day = dates::resolve(found, w, &ctx)?.edtf;
    (day.span().days() == 1).then(|| (i + 1, day, w.to_string()))
}

/// The day relative dates are counted from for publication date `p`: the day itself, or the
/// last day of a span of at most a week ("published 2020-03-01/2020-03-02": "Sunday" is
/// 2020-03-01), marked uncertain; any other date as it is.
fn reference_day(p: &Edtf) -> Edtf {
    let span = p.span();
    let short = matches!(p, Edtf::Interval(..))
        && span.latest >= span.earliest
        && span.latest - span.earliest < 7;
    if !short {
        return p.clone();
    }
    Edtf::parse(&format!("{}?", format_day(i64::from(span.latest)))).unwrap_or_else(|_| p.clone())
}

/// For each sentence, whether it starts inside a quotation that an earlier sentence of its
/// paragraph opened and did not close (curly quotes by their side, straight ones by count).
fn inside_quotes(text: &str, sentences: &[Sentence]) -> Vec<bool> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut open = false;
    let mut paragraph = usize::MAX;
    for s in sentences {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            open = false;
        }
        out.push(open);
        for c in text[s.start..s.end].chars() {
            match c {
                '“' => open = true,
                '”' => open = false,
                '"' => open = !open,
                _ => {}
            }
        }
    }
    out
}

/// Whether the sentence of `words` ends with a colon: a line that opens what follows ("Foreign
/// Secretary Dominic Raab said:", "… conducted 11 strikes in Syria:").
fn ends_with_colon(words: &[Word], text: &str) -> bool {
    words
        .last()
        .is_some_and(|w| text[w.end..].trim_start().starts_with(':'))
}

/// One sentence of a [`Reading`], with what every event of it draws on, found once.
pub(super) struct SentenceReading<'a> {
    /// The sentence's index in the article.
    pub(super) index: usize,
    pub(super) text: &'a str,
    pub(super) words: &'a [Word],
    /// The words, folded.
    pub(super) low: Vec<&'a str>,
    pub(super) dates: &'a [Found],
    pub(super) mentions: Vec<Mention>,
    /// Figures with the index of their number's word.
    pub(super) figures: Vec<(usize, Figure)>,
    /// The sentence starts inside a quotation opened before it.
    pub(super) quoted: bool,
    /// The actors the article found that are groups, not people (by their targets).
    groups: Vec<Target>,
    /// The nearest full date in the paragraph, as a day number and its words.
    pub(super) nearby: Option<(i64, String)>,
    /// The year the text states nearest the sentence.
    pub(super) text_year: Option<i64>,
    /// The folded words between spaces, for finding phrases.
    pub(super) joined: String,
}

/// The end of the dateline that opens the words `w`, if they open with one: a place in
/// capitals, perhaps a region after a comma, then a dash and a capital ("WASHINGTON — Somali
/// …", "MAROUA, CAMEROON —", "TAMPA, Fla. –"); not "UNICEF - the UN children's agency -".
fn dateline_end(w: &[Word], text: &str) -> Option<usize> {
    let start = w.first()?.start;
    let head = text.get(start..(start + 48).min(text.len()))?;
    let (dash, len) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, d.len())))
        .min()?;
    let place = &head[..dash];
    // The story's first sentence begins after it.
    let opens = head[dash + len..]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_uppercase);
    let first = place.split(',').next()?;
    let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    (capitals && opens).then_some(start + dash)
}

/// Drops a mention of groups of a kind named right before one group of theirs ("Iranian-backed
/// militia Kataeb Hezbollah"): the words describe the group named, not the groups at large.
fn described_by_kind(mentions: &mut Vec<Mention>, lexicon: &Lexicon) {
    let kind = |m: &Mention| lexicon.actor(m.target).and_then(|a| a.kind.as_deref());
    let described: Vec<usize> = mentions
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| {
            pair[0].to == pair[1].from
                && kind(&pair[0]) == Some("armed groups")
                && kind(&pair[1]) == Some("armed group")
        })
        .map(|(i, _)| i)
        .collect();
    for i in described.into_iter().rev() {
        mentions.remove(i);
    }
}

/// Whether word `at` lies in a name given in quotation marks after "calling itself", "called",
/// "known as" or "named" ("a militant group calling itself \"The brigades to avenge
/// al-Muhandis\""): a word of that name, not whom it names.
fn in_quoted_name(w: &[Word], text: &str, at: usize) -> bool {
    // A quotation mark between word k-1 and word k. None before the first word is looked for:
    // a name is named by the words before its quotation mark, and the text back to its start
    // made a long text's reading quadratic.
    let opens = |k: usize| text[w[k - 1].end..w[k].start].contains(['"', '“']);
    let closes = |k: usize| {
        let after = w.get(k + 1).map_or(text.len(), |x| x.start);
        text[w[k].end..after].contains(['"', '”'])
    };
    let Some(open) = (1..=at).rev().find(|&k| opens(k)) else {
        return false;
    };
    if (open..at).any(closes) {
        return false;
    }
    let low = |k: usize| w[k].low.as_str();
    (matches!(low(open - 1), "called" | "named")
        || open >= 2
            && matches!(
                (low(open - 2), low(open - 1)),
                ("calling", "itself") | ("calls", "itself") | ("known", "as")
            ))
}

impl<'a> SentenceReading<'a> {
    /// Sentence `si` of `reading`; the people its titles introduce join `people`.
    pub(super) fn new(
        reading: &'a Reading,
        si: usize,
        lexicon: &Lexicon,
        people: &mut People,
    ) -> SentenceReading<'a> {
        let text = reading.text;
        let w = reading.words[si].as_slice();
        let mut mentions = find_names(w, text, lexicon, people);
        mentions.retain(|m| !in_quoted_name(w, text, m.from));
        described_by_kind(&mut mentions, lexicon);
        // "WASHINGTON — Somali security forces have ended …": where the story was filed, no
        // actor or place of what it tells.
        if let Some(end) = (si == 0).then(|| dateline_end(w, text)).flatten() {
            mentions.retain(|m| w[m.to - 1].end > end);
        }
        let dates = reading.dates[si].as_slice();
        let low: Vec<&str> = w.iter().map(|x| x.low.as_str()).collect();
        let figures = find_figures(w, text, dates, &low);
        let joined = format!(" {} ", low.join(" "));
        SentenceReading {
            index: si,
            text,
            words: w,
            mentions,
            dates,
            figures,
            nearby: reading.nearby_day(si),
            quoted: reading.quoted[si],
            groups: people.groups(lexicon),
            text_year: reading.text_year(si),
            joined,
            low,
        }
    }

    /// Whether the sentence ends with a colon (see [`ends_with_colon`]).
    pub(super) fn ends_with_colon(&self) -> bool {
        ends_with_colon(self.words, self.text)
    }

    /// Whether date `d` fills its clause: every word of the clause is the date's, or one of
    /// the words `also` accepts ("On 27 July," opening a sentence, "…, Dec. 2, Cook said").
    pub(super) fn date_fills_clause(&self, d: &Found, also: impl Fn(&str) -> bool) -> bool {
        let clause = self.words[d.word].clause;
        self.words
            .iter()
            .filter(|x| x.clause == clause)
            .all(|x| d.start <= x.start && x.end <= d.end || also(&x.low))
    }

    /// Whether `t` is a person: a person of the lexicon, or one the article found by title or
    /// as a speaker (not a group it found by name).
    pub(super) fn is_person(&self, lexicon: &Lexicon, t: Target) -> bool {
        lexicon.is_person(t) && !self.groups.contains(&t)
    }

    /// The text of words `from..to`, as written.
    pub(super) fn written(&self, from: usize, to: usize) -> String {
        self.text[self.words[from].start..self.words[to - 1].end].to_string()
    }
}

/// Whether date `d` is part of the name of a plan or of commitments ("withdrawn under the
/// February Minsk plan"): it dates them, not what the sentence tells. Not an agreement or an
/// accord, which may be a happening of the date ("the June 15 National Dialogue agreement").
fn names_accord(sentence: &[Word], d: &Found) -> bool {
    let plan = |w: &str| words::is_accord(w) && !words::is_agreement(w);
    let Some(last) = sentence.iter().rposition(|w| w.start < d.end) else {
        return false;
    };
    let opened = d.word > 0
        && matches!(
            sentence[d.word - 1].low.as_str(),
            "the" | "a" | "an" | "its" | "their"
        );
    opened
        && (last + 1..(last + 4).min(sentence.len()))
            .take_while(|&k| sentence[k].capital || plan(&sentence[k].low) || k == last + 1)
            .any(|k| plan(&sentence[k].low))
}
