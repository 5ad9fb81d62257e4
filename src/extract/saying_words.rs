//! The words of saying: reporting verbs that take no stance and those that do, words of
//! feeling a speaker says of itself, verbs that name someone else as the doer, and nouns for a
//! speaker by office; phrases that take a stance with no verb of saying, and nouns that name a
//! saying and, in the possessive before them, its speaker; where a saying's words end and a
//! date sits beside them. Who says what with them is read in [`super::frames`].

use super::grammar::is_adverb;
use super::reading::SentenceReading;

/// Reporting verbs that take no stance: with [`STANCE`], the verbs that attribute what follows
/// or precedes them to a speaker ([`reporting`]).
pub(super) const NEUTRAL: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "stated",
    "states",
    "added",
    "adding",
    "confirmed",
    "confirms",
    "wrote",
    "noted",
    "explained",
    "acknowledged",
    "alleged",
    "alleges",
    "assessed",
    "assess",
    "assesses",
    "believe",
    "believes",
    "believed",
    "insisted",
    "described",
    "describes",
    "indicated",
    "indicates",
    "showed",
    "shows",
    "suggested",
    "estimated",
    "estimates",
    "blamed",
    "blames",
    "stressed",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "underscored",
    "underscores",
    "admitted",
    "admits",
];

/// Whether `w` attributes what follows or precedes it to a speaker.
pub(super) fn reporting(w: &str) -> bool {
    NEUTRAL.contains(&w) || is_stance(w)
}

/// Whether `w` takes a stance: a reporting verb of [`STANCE`] or a word of [`FEELING`].
pub(super) fn is_stance(w: &str) -> bool {
    STANCE.contains(&w) || FEELING.contains(&w)
}

/// Whether `w` is the "-ing" form of a verb of [`STANCE`]: "condemning", "demanding",
/// "denying", "welcoming".
pub(super) fn stance_ing(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ing").filter(|stem| stem.len() >= 3) else {
        return false;
    };
    // The past tense the list holds, read off without building it: "condemn" + "ed", "urg" +
    // "ed" (urged), "den" + "ied" for "deny" (denied).
    let root = stem.strip_suffix('y');
    STANCE.iter().any(|past| {
        past.strip_prefix(stem)
            .is_some_and(|rest| matches!(rest, "ed" | "d"))
            || root.is_some_and(|r| past.strip_prefix(r) == Some("ied"))
    })
}

/// The word before `v`, back over adverbs of manner ("is strongly condemning").
fn before_manner(s: &SentenceReading, v: usize) -> Option<usize> {
    (0..v).rev().find(|&k| !is_manner(s.low[k]))
}

/// Whether the word at `v` takes a stance in the progressive: "is demanding", "are denying".
pub(super) fn progressive_stance(s: &SentenceReading, v: usize) -> bool {
    stance_ing(s.low[v])
        && before_manner(s, v).is_some_and(|k| matches!(s.low[k], "is" | "are" | "was" | "were"))
}

/// For a stance in "-ing" after "in" ("joins UNICEF in condemning"), the word "join" a few
/// words before it, in its clause: the subject and the one joined both take the stance.
/// So too a statement joined in ("the UK joined 11 countries in a statement warning against
/// further attacks"): the word "statement" after "in a" or "in a joint".
pub(super) fn joins_in(s: &SentenceReading, v: usize) -> Option<usize> {
    // "We join other friends of Lebanon … who have already condemned this horrific murder":
    // joining those who took the stance takes it too.
    let joined_who = STANCE.contains(&s.low[v])
        && (v.saturating_sub(4)..v)
            .rev()
            .find(|&k| s.low[k] == "who")
            .is_some_and(|k| {
                (k + 1..v).all(|j| matches!(s.low[j], "have" | "has" | "had" | "already" | "also"))
            });
    let stance =
        stance_ing(s.low[v]) && before_manner(s, v).is_some_and(|k| s.low[k] == "in") || joined_who;
    let after = |words: &[&str]| v >= words.len() && s.low[v - words.len()..v] == *words;
    let statement =
        s.low[v] == "statement" && (after(&["in", "a"]) || after(&["in", "a", "joint"]));
    // "joins the African Union … in their calls to end …": a call joined in.
    let calls = matches!(s.low[v], "calls" | "call")
        && (after(&["in", "their"]) || after(&["in", "its"]))
        && s.low.get(v + 1).is_some_and(|w| matches!(*w, "to" | "for"));
    if !stance && !statement && !calls {
        return None;
    }
    // The ones joined may be told in a clause of their own ("… leaders who have condemned"),
    // or listed with commas between ("joins ECOWAS, the African Union and other partners in").
    // To stand with them in a stance is to join them in it ("stands with Prime Minister
    // Kadhimi and the leaders of the Kurdistan Region … in condemning").
    let clause = s.words[v].clause;
    (v.saturating_sub(24)..v).rev().find(|&k| {
        joining(s, k).is_some_and(|reach| k + reach >= v)
            && (s.words[k].clause == clause || joined_who || listed_between(s, k, v))
    })
}

/// Whether word `k` joins others in a stance ("joins UNICEF in condemning", "stands with
/// Prime Minister Kadhimi … in condemning"): how many words on the stance may come.
pub(super) fn joining(s: &SentenceReading, k: usize) -> Option<usize> {
    if matches!(s.low[k], "join" | "joins" | "joined" | "joining") {
        Some(16)
    } else if matches!(s.low[k], "stand" | "stands" | "standing")
        && s.low.get(k + 1) == Some(&"with")
    {
        Some(24)
    } else {
        None
    }
}

/// Whether the words after the "join" at `k`, up to the "in" before the stance at `v`, are a
/// list of those joined: names, "and", "the", "other partners".
fn listed_between(s: &SentenceReading, k: usize, v: usize) -> bool {
    let Some(at) = (k + 1..v).rfind(|&i| s.low[i] == "in") else {
        return false;
    };
    at > k + 1
        && (k + 1..at).all(|i| {
            in_name(s, i)
                || s.words[i].capital
                || matches!(
                    s.low[i],
                    "and"
                        | "the"
                        | "with"
                        | "of"
                        | "other"
                        | "partners"
                        | "allies"
                        | "countries"
                        | "members"
                        | "leaders"
                )
        })
}

/// Adverbs of manner before a reporting verb ("strongly condemn", "also said").
pub(super) fn is_manner(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly")) || is_adverb(w)
}

/// Reporting verbs that take a stance: a statement that is news in itself.
pub(super) const STANCE: &[&str] = &[
    "warned",
    "warns",
    "warn",
    "cautioned",
    "cautions",
    "condemned",
    "condemns",
    "condemn",
    "urged",
    "urges",
    "urge",
    "appealed",
    "appeals",
    "called",
    "calls",
    "call",
    "demanded",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "denied",
    "denies",
    "declared",
    "declares",
    "praised",
    "hailed",
    "hails",
    "lauded",
    "lauds",
    "praise",
    "praises",
    "congratulated",
    "congratulates",
    "congratulate",
    "commended",
    "commend",
    "commends",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "criticize",
    "criticise",
    "reiterated",
    "reiterates",
    "reiterate",
    "affirmed",
    "reaffirmed",
    "reaffirms",
    "reaffirm",
    "rejected",
    "rejects",
    "reject",
    "welcomed",
    "welcomes",
    "applauded",
    "applauds",
    "applaud",
    "mourned",
    "mourns",
    "mourn",
    "announced",
    "announces",
    "tweeted",
    "thanked",
    "thanks",
    "thank",
    "expressed",
    "expresses",
    "regret",
    "regrets",
    "regretted",
    "notified",
    "deplores",
    "deplored",
    "deplore",
    "denounced",
    "denounces",
    "denounce",
    "decried",
    "decries",
    "decry",
    "lamented",
    "laments",
    "lament",
    "accused",
    "accuses",
];

/// Words of feeling that are a stance when a speaker says so of itself: "the United States is
/// deeply concerned by …", "we are outraged by …"; not "the parties concerned".
pub(super) const FEELING: &[&str] = &[
    "concerned",
    "outraged",
    "saddened",
    "alarmed",
    "appalled",
    "dismayed",
    "shocked",
    "horrified",
    "grateful",
    "thankful",
];

/// Words for sympathy offered: "extended his condolences", "we send our sympathies".
pub(super) const CONDOLENCES: &[&str] = &["condolences", "sympathies", "sympathy"];

/// Reporting verbs by which a speaker names someone else as the doer ("blamed X", "accused X").
pub(super) const BLAME: &[&str] = &["blamed", "blames", "accused", "accuses"];

/// Nouns for a person or unit by office: a speaker so named is not the body that qualifies it.
pub(super) const OFFICES: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "commander",
    "minister",
    "ambassador",
    "governor",
    "chief",
    "head",
    "leader",
    "adviser",
    "advisor",
    "envoy",
    "secretary",
    "officer",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "lawmaker",
    "lawmakers",
    "analyst",
    "analysts",
    "statement",
];

/// Whether the word at `v` opens a phrase that takes a stance with no verb of saying: "he
/// extended his condolences to the victims", "the U.N. raised alarm again last week that …",
/// "the Foreign Secretary has issued a statement following the attack", "we will continue to
/// make clear to the Houthis that …".
pub(super) fn stance_phrase(s: &SentenceReading, v: usize) -> bool {
    let n = s.low.len();
    let within =
        |words: usize, of: &[&str]| (v + 1..(v + words).min(n)).any(|k| of.contains(&s.low[k]));
    match s.low[v] {
        "extended" | "extends" | "offered" | "offers" | "sent" | "sends" | "conveyed" => {
            within(4, CONDOLENCES)
        }
        "raised" | "raises" | "sounded" | "sounds" => within(3, &["alarm"]),
        "issued" | "issues" | "released" | "releases" => within(3, &["statement"]),
        "make" | "made" | "makes" => s.low.get(v + 1) == Some(&"clear"),
        _ => false,
    }
}

/// The press, as who is told or spoken to: "told VOA", "told reporters", "spoke to journalists".
pub(super) const PRESS: &[&str] = &[
    "reporters",
    "journalists",
    "press",
    "media",
    "voa",
    "voa's",
    "reuters",
    "afp",
];

/// Nouns of a saying that name who said it: "the Iraqi President's call for an immediate
/// investigation", "the announcements by the Sudanese Armed Forces and the Rapid Support
/// Forces that …".
pub(super) const NOUN_SAYINGS: &[&str] = &["announcement", "announcements", "call", "appeal"];

/// Nouns for a statement another made, which "by" or "of" after them names as a saying of its
/// own ("the statement of Ethiopian Prime Minister Abiy"; see [`saying_by`]).
pub(super) const STATEMENT_NOUNS: &[&str] = &["statement", "statements"];

/// Nouns for a saying whose speaker only "of" introduces: "the commitment of President Hadi to
/// a pause", "the assurances of the Houthis".
pub(super) const OF_SAYINGS: &[&str] = &["assurances", "commitment"];

/// The word the noun at `v` begins from, back over a date right before it: "July" in "the ICC
/// Prosecutor's July 13 announcement".
pub(super) fn past_date(s: &SentenceReading, v: usize) -> usize {
    s.dates
        .iter()
        .find(|d| d.word < v && d.end <= s.words[v].start && d.end >= s.words[v - 1].end)
        .map_or(v, |d| d.word)
}

/// The "by" or "of" that brings in the speaker of the saying named by the noun at `v`: right
/// after it ("announcements by the Sudanese Armed Forces", "the statement of Ethiopian Prime
/// Minister Abiy"), or after what was done with it ("the strong statements and steps taken by
/// the Economic Community of West African States").
pub(super) fn saying_by(s: &SentenceReading, v: usize) -> Option<usize> {
    match s.low.get(v + 1..(v + 5).min(s.low.len()))? {
        ["by" | "of", ..] => Some(v + 1),
        ["and", _, "taken" | "made" | "issued", "by"] => Some(v + 4),
        _ => None,
    }
}

/// Whether the noun at `v` is what a saying came in ("in a statement by …", "said in his
/// written statement", "according to a statement by SDF's internal security"), not a saying
/// of its own.
pub(super) fn vehicle(s: &SentenceReading, v: usize) -> bool {
    (v.saturating_sub(3)..v).any(|j| s.low[j] == "in" && s.low.get(j + 1) != Some(&"the"))
        || v >= 2 && s.low[v - 2] == "to" && matches!(s.low[v - 1], "a" | "an")
}

/// Whether a possessive comes right before the noun at `v`, or before its date.
pub(super) fn possessive_before(s: &SentenceReading, v: usize) -> bool {
    let at = past_date(s, v);
    at >= 2 && s.low[at - 1] == "s"
}

/// Whether the sentence ends within a few words after the verb at `v` (an attribution placed
/// after what was said).
pub(super) fn ends_soon(s: &SentenceReading, v: usize) -> bool {
    let rest = s.low.len() - v - 1;
    // "…, the U.S. military said, as talks between the U.S. and the Taliban were set to
    // resume": a clause of circumstance after the comma is the reporter's, not the speaker's,
    // and so is a participle's.
    let circumstance = v + 1 < s.low.len()
        && s.text[s.words[v].end..s.words[v + 1].start].contains(',')
        && (matches!(
            s.low[v + 1],
            "as" | "while" | "after" | "when" | "amid" | "before" | "days" | "hours" | "despite"
        )
            // "Some homes were set on fire, Nhial said, forcing villagers to flee": what the
            // act told before the verb did; not a saying going on ("noting the incident is
            // under investigation").
            || s.low[v + 1].len() > 5
                && s.low[v + 1].ends_with("ing")
                && !stance_ing(s.low[v + 1])
                && !SAYING_ON.contains(&s.low[v + 1]));
    rest <= 4
        || circumstance
        || (v + 1..s.low.len()).all(|k| {
            is_date_word(s, k)
                || matches!(
                    s.low[k],
                    "in" | "on"
                        | "a"
                        | "the"
                        | "statement"
                        | "twitter"
                        | "telegram"
                        | "during"
                        | "briefing"
                        | "press"
                        | "by"
                        | "phone"
                        | "to"
                        | "reporters"
                        | "voa"
                )
        })
}

/// Participles by which a speaker goes on saying ("…, Manning said, noting the incident is
/// under investigation").
const SAYING_ON: &[&str] = &[
    "noting",
    "adding",
    "saying",
    "explaining",
    "citing",
    "telling",
    "describing",
    "insisting",
    "claiming",
    "according",
    "stressing",
    "emphasizing",
    "emphasising",
];

/// Whether word `k` belongs to a date expression.
pub(super) fn is_date_word(s: &SentenceReading, k: usize) -> bool {
    s.dates
        .iter()
        .any(|d| s.words[k].start >= d.start && s.words[k].end <= d.end)
        || matches!(
            s.low[k],
            "today" | "yesterday" | "tonight" | "also" | "later" | "then"
        )
}

/// What one denies when one gainsays words: "denied the reports", "denied the claim".
pub(super) const GAINSAID: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "attack",
    "attacks",
    "involvement",
    "responsibility",
    "existence",
];

/// Whether word `k` is part of a name ("the United States").
pub(super) fn in_name(s: &SentenceReading, k: usize) -> bool {
    s.mentions.iter().any(|m| m.from <= k && k < m.to)
        // "the Federal Government of Somalia and its Member States"
        || s.low[k] == "states" && k > 0 && s.words[k].capital && s.words[k - 1].capital
}

/// "said" used as "the said …", "called" naming ("a group called Saraya Awliya al-Dam"),
/// "calls" as a noun ("phone calls"), or "believed" in "believed
/// responsible", "believed to be": not a reporting verb.
pub(super) fn is_noun_use(s: &SentenceReading, v: usize) -> bool {
    // "the Prime Minister's call for calm": a possessive before the word makes it a noun.
    let names = matches!(s.low[v], "called" | "calls" | "call")
        && !s.low.get(v + 1).is_some_and(|w| {
            matches!(
                *w,
                "on" | "for" | "upon" | "it" | "them" | "the" | "a" | "this"
            )
        });
    // "is aware of reports of rockets landing": reports read, not made.
    let read = matches!(s.low[v], "reports" | "report")
        && v > 0
        && matches!(s.low[v - 1], "of" | "about" | "on" | "by");
    names
        || read
        || (v > 0
            && matches!(
                s.low[v - 1],
                "the" | "a" | "phone" | "these" | "his" | "her" | "their" | "its"
            ))
        || (v > 1
            && s.low[v - 1] == "s"
            && s.text
                .get(s.words[v - 2].end..s.words[v - 1].start)
                .is_some_and(|gap| gap == "'" || gap == "\u{2019}"))
        || (s.low[v] == "believed"
            && s.low
                .get(v + 1)
                .is_some_and(|w| matches!(*w, "responsible" | "to")))
        // "to have a greater say in the life of their country", "a final say": a noun.
        || (s.low[v] == "say"
            && v > 1
            && matches!(s.low[v - 2], "a" | "the" | "no" | "any" | "more"))
        // "the Burmese military denied the will of the people": a thing withheld, not words
        // gainsaid ("denied the reports", "denied involvement").
        || (matches!(s.low[v], "denied" | "denies" | "deny")
            && s.low.get(v + 1).is_some_and(|w| matches!(*w, "the" | "a" | "an" | "them"))
            && !s.low.get(v + 2).is_some_and(|w| GAINSAID.contains(w)))
        // "Media reports said": a noun, the verb after it says.
        || (matches!(s.low[v], "reports" | "says" | "states")
            && s.low.get(v + 1).is_some_and(|w| reporting(w)))
        // "the fourth such massacre reported this week": a participle of the happening named
        // before it, not someone saying.
        || (matches!(s.low[v], "reported" | "confirmed" | "claimed")
            && v > 0
            && HAPPENINGS.contains(&s.low[v - 1]))
}

/// Nouns of happenings a participle of reporting may follow ("the attack reported Monday").
const HAPPENINGS: &[&str] = &[
    "massacre",
    "massacres",
    "attack",
    "attacks",
    "killing",
    "killings",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "bombing",
    "bombings",
    "explosion",
    "explosions",
    "incident",
    "incidents",
    "clashes",
    "deaths",
    "casualties",
];
