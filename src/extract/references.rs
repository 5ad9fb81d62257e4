//! References back: a sentence that names a happening already told ("the attack", "these
//! strikes", a toll such as "four were killed") becomes another source of it, may make its
//! place finer, and gives it the figures no event of the sentence took.

use super::families::family;
use super::figures::fits_earlier;
use super::frames::Frame;
use super::lexicon::Lexicon;
use super::placing::refine;
use super::reading::SentenceReading;
use super::report::{Dated, Report};
use super::roles::doers_of_reference;
use crate::model::Figure;

/// Adds sentence `s` to the `earlier` reports its `anaphors` (word, type pointed at) refer to:
/// the latest of the type, else of the family; "the strikes" to the latest strike. A report
/// with no date takes the date each anaphor's words give it (`dates`, one per anaphor). `emitted`
/// are the sentence's own reports, whose figures stay theirs.
pub(super) fn attach(
    earlier: &mut [Report],
    anaphors: &[(usize, &'static str)],
    dates: &[Option<Dated>],
    s: &SentenceReading,
    emitted: &mut [Report],
    lexicon: &Lexicon,
    frames: &[Frame],
) {
    let si = s.index;
    let taken: Vec<Option<String>> = emitted
        .iter()
        .flat_map(|d| d.figures.iter().map(|f| f.text.clone()))
        .collect();
    for (i, &(at, ty)) in anaphors.iter().enumerate() {
        // "…after several attacks in late December …, against X which was responsible for these
        // attacks": a happening this sentence told before the words pointing at it.
        let here = emitted
            .iter()
            .rposition(|d| d.word < at && family(d.event_type) == family(ty));
        if let Some(i) = here {
            add_doers(&mut emitted[i], s, lexicon, frames, at);
            continue;
        }
        let Some(target) = s.low.get(at).and_then(|w| referent(earlier, w, ty)) else {
            continue;
        };
        // "today's attacks in Jaffa, Petah Tikvah, and Jerusalem", then "these senseless
        // attacks": the plural names them all, not the last one told.
        if s.low[at].ends_with('s') && told_with_others(earlier, target) {
            continue;
        }
        // The only happening of its family told so far, or the only strike that "the strike"
        // can name (not the attack the strike answered): a date told where the text refers
        // back to it can only be its own.
        let strike = says_strike(s.low[at]);
        let alone = earlier
            .iter()
            .filter(|d| family(d.event_type) == family(earlier[target].event_type))
            .filter(|d| !strike || d.event_type.contains("strike"))
            .count()
            == 1;
        let report = &mut earlier[target];
        if report.also.contains(&si) || report.sentence == si {
            continue;
        }
        report.also.push(si);
        add_doers(report, s, lexicon, frames, at);
        // "The airstrike Wednesday hit a hotel": the day the happening told undated took place,
        // or an act dated only by inference ("have died in an airstrike" in a lead); a
        // statement keeps the time of its saying.
        let inferred = !report.date_own && report.event_type != "statement";
        if (report.date.is_none() || inferred) && alone {
            if let Some(day) = dates.get(i).cloned().flatten() {
                report.date_own |= inferred;
                report.date = Some(day);
            }
        }
        // A place named here that lies within the happening's place makes it finer.
        if let Some(placed) = &mut report.place {
            refine(placed, s, lexicon);
        }
        let fam = family(ty);
        for (word, f) in s.figures.iter().cloned() {
            // Who gives the number: the speaker whose words hold it.
            let said_by = frames
                .iter()
                .filter(|fr| fr.covers(word))
                .min_by_key(|fr| fr.content.1 - fr.content.0)
                .map(|fr| fr.words.clone());
            let f = Figure {
                according_to: said_by,
                ..f
            };
            if fits_earlier(&f.what, fam)
                && !taken.contains(&f.text)
                && !report.figures.contains(&f)
            {
                report.figures.push(f);
            }
        }
    }
}

/// Whether the report `target` was told in one sentence with others of its family: acts set
/// apart by their places or dates.
fn told_with_others(earlier: &[Report], target: usize) -> bool {
    let t = &earlier[target];
    earlier.iter().enumerate().any(|(i, d)| {
        i != target && d.sentence == t.sentence && family(d.event_type) == family(t.event_type)
    })
}

/// Who sentence `s` blames for the happening `report` it points at from word `at`, or who
/// claims it, joins the report's actors.
fn add_doers(
    report: &mut Report,
    s: &SentenceReading,
    lexicon: &Lexicon,
    frames: &[Frame],
    at: usize,
) {
    for part in doers_of_reference(s, lexicon, frames, at) {
        match report.actors.iter_mut().find(|p| p.actor == part.actor) {
            Some(had) if had.role == "mentioned" => *had = part,
            Some(_) => {}
            None => report.actors.insert(0, part),
        }
    }
}

/// The report that `word`, a cue of type `ty` pointing back, refers to: "the strikes" to the
/// latest strike, "the attack" to the latest of its own type, else of its family.
fn referent(earlier: &[Report], word: &str, ty: &str) -> Option<usize> {
    let says_strike = says_strike(word);
    // "the explosion", "the blast": what blew up was the bombing or strike told before.
    let says_blast = matches!(word, "explosion" | "explosions" | "blast");
    // "… had suffered a similar attack in January 2018": one more of its kind, told with a date
    // of its own before a happening of its family told in the article, is not what a later
    // "the attack" means.
    let earlier_one_more = |d: &Report| {
        let Some(span) = d.date.as_ref().filter(|_| d.anew && d.date_own) else {
            return false;
        };
        let span = span.edtf.span();
        earlier.iter().any(|o| {
            family(o.event_type) == family(d.event_type)
                && o.date
                    .as_ref()
                    .is_some_and(|x| x.edtf.span().earliest > span.latest)
        })
    };
    let find = |skip: &dyn Fn(&Report) -> bool| {
        earlier
            .iter()
            .rposition(|d| !skip(d) && says_strike && d.event_type.contains("strike"))
            .or_else(|| {
                earlier.iter().rposition(|d| {
                    !skip(d)
                        && says_blast
                        && family(d.event_type) == Some(crate::model::event_type::Family::Strikes)
                })
            })
            .or_else(|| earlier.iter().rposition(|d| !skip(d) && d.event_type == ty))
            .or_else(|| {
                earlier
                    .iter()
                    .rposition(|d| !skip(d) && family(d.event_type) == family(ty))
            })
    };
    find(&earlier_one_more).or_else(|| find(&|_| false))
}

/// Whether `word` names a strike ("strike", "strikes", "airstrike").
fn says_strike(word: &str) -> bool {
    word.starts_with("strike") || word.contains("airstrike")
}
