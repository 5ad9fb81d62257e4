//! Synthetic ACLED-style datasets for benchmarks: deterministic from a seed, in ACLED's CSV
//! layout (its 31 columns) and as the same events in a Dateline package.
//!
//! Each event is drawn from the seed and its own index alone, so any slice of a dataset is the
//! same in every file and every run. Dates fall between 2015 and 2024; six ACLED event types with
//! their sub-types; about 500 actors and 2,000 locations in Iraq and Syria with Zipf-like
//! popularity (a few are in most events); fatalities mostly 0 with a long tail; notes of 20 to 40
//! words. None of it is real: names are made up ("Armed Group 17", "Location 1234").

use std::io::{self, Write};

use crate::json::quote;
use crate::model::calendar::{day_number, format_day};
use crate::model::csv_columns::ACLED_COLUMNS;

/// Actors drawn from.
pub const ACTORS: usize = 500;
/// Locations drawn from.
pub const LOCATIONS: usize = 2000;

const TYPES: &[(&str, &str, &[&str])] = &[
    (
        "Political violence",
        "Battles",
        &[
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ],
    ),
    (
        "Political violence",
        "Explosions/Remote violence",
        &[
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Suicide bomb",
            "Grenade",
        ],
    ),
    (
        "Political violence",
        "Violence against civilians",
        &["Attack", "Abduction/forced disappearance"],
    ),
    (
        "Demonstrations",
        "Protests",
        &["Peaceful protest", "Protest with intervention"],
    ),
    (
        "Demonstrations",
        "Riots",
        &["Violent demonstration", "Mob violence"],
    ),
    (
        "Strategic developments",
        "Strategic developments",
        &[
            "Arrests",
            "Agreement",
            "Headquarters or base established",
            "Non-violent transfer of territory",
        ],
    ),
];

const WORDS: &[&str] = &[
    "on",
    "the",
    "a",
    "in",
    "of",
    "near",
    "village",
    "town",
    "district",
    "reported",
    "forces",
    "members",
    "group",
    "fighters",
    "attacked",
    "position",
    "checkpoint",
    "patrol",
    "vehicle",
    "convoy",
    "road",
    "market",
    "house",
    "killed",
    "wounded",
    "injured",
    "civilians",
    "police",
    "army",
    "militia",
    "clashes",
    "erupted",
    "between",
    "after",
    "during",
    "night",
    "morning",
    "shelling",
    "rockets",
    "drone",
    "strike",
    "targeted",
    "base",
    "camp",
    "airport",
    "bridge",
    "protesters",
    "gathered",
    "demanding",
    "salaries",
    "services",
    "electricity",
    "water",
    "arrested",
    "suspects",
    "raid",
    "operation",
    "security",
    "sources",
    "said",
    "local",
    "officials",
    "according",
    "to",
    "media",
    "no",
    "casualties",
    "were",
    "unknown",
    "number",
    "explosive",
    "device",
    "detonated",
    "passing",
    "oil",
    "field",
    "pipeline",
    "farm",
    "crops",
    "burned",
    "displaced",
    "families",
    "returned",
    "agreement",
    "signed",
    "leaders",
    "tribal",
    "council",
    "handed",
    "over",
    "control",
    "withdrew",
    "from",
    "area",
    "headquarters",
];

const REGIONS: &[(&str, &str, f64, f64, f64, f64)] = &[
    // country, iso, south, north, west, east
    ("Iraq", "368", 29.5, 37.0, 39.5, 47.5),
    ("Syria", "760", 32.5, 37.2, 35.8, 42.2),
];

/// SplitMix64: small, fast, and good enough to draw benchmark data.
struct Rng(u64);

impl Rng {
    fn for_event(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
}

/// Cumulative Zipf weights (exponent 1) over `n` ranks.
fn zipf(n: usize) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out: Vec<f64> = (1..=n)
        .map(|k| {
            acc += 1.0 / k as f64;
            acc
        })
        .collect();
    for w in &mut out {
        *w /= acc;
    }
    out
}

fn draw(cdf: &[f64], r: &mut Rng) -> usize {
    let u = r.unit();
    cdf.partition_point(|w| *w < u).min(cdf.len() - 1)
}

/// One synthetic event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub day: i64,
    pub precision: u8,
    pub kind: usize,
    pub sub: usize,
    pub actor1: usize,
    pub actor2: Option<usize>,
    pub location: usize,
    pub fatalities: u32,
    pub notes: String,
}

/// A location: its name, country, province and coordinates, drawn from its index alone.
pub fn location(index: usize) -> (String, &'static str, &'static str, String, f64, f64) {
    let mut r = Rng::for_event(0xD47E_11E5, index as u64);
    let (country, iso, s, n, w, e) = REGIONS[usize::from(index.is_multiple_of(3))];
    let lat = s + (n - s) * r.unit();
    let lon = w + (e - w) * r.unit();
    let province = format!("Province {}", index % 18 + 1);
    (
        format!("Location {index}"),
        country,
        iso,
        province,
        (lat * 1e4).round() / 1e4,
        (lon * 1e4).round() / 1e4,
    )
}

/// An actor's name, from its index.
pub fn actor(index: usize) -> String {
    const KINDS: [&str; 5] = [
        "Armed Group",
        "Militia",
        "Military Forces",
        "Police Forces",
        "Protesters",
    ];
    format!("{} {}", KINDS[index % KINDS.len()], index)
}

/// Event `index` of the dataset drawn from `seed`.
pub fn event(seed: u64, index: usize, actors: &[f64], locations: &[f64]) -> Event {
    let mut r = Rng::for_event(seed, index as u64);
    let first = day_number(2015, 1, 1);
    let last = day_number(2024, 12, 31);
    let day = first + r.below((last - first + 1) as usize) as i64;
    let precision = match r.below(20) {
        0 => 3,
        1 | 2 => 2,
        _ => 1,
    };
    let kind = r.below(TYPES.len());
    let sub = r.below(TYPES[kind].2.len());
    let actor1 = draw(actors, &mut r);
    let actor2 = (r.unit() < 0.6).then(|| draw(actors, &mut r));
    let location = draw(locations, &mut r);
    let fatalities = if r.unit() < 0.7 {
        0
    } else {
        (r.unit().powi(4) * 200.0) as u32 + 1
    };
    let words = 20 + r.below(21);
    let notes: Vec<&str> = (0..words).map(|_| WORDS[r.below(WORDS.len())]).collect();
    let mut notes = notes.join(" ");
    if let Some(first) = notes.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    notes.push('.');
    Event {
        id: format!("SYN{index}"),
        day,
        precision,
        kind,
        sub,
        actor1,
        actor2,
        location,
        fatalities,
        notes,
    }
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes `n` events in ACLED's 31 columns.
pub fn write_acled(n: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let (actors, locations) = (zipf(ACTORS), zipf(LOCATIONS));
    writeln!(out, "{}", ACLED_COLUMNS.join(","))?;
    for i in 0..n {
        let e = event(seed, i, &actors, &locations);
        let (disorder, kind, subs) = TYPES[e.kind];
        let (name, country, iso, province, lat, lon) = location(e.location);
        let year = crate::model::calendar::civil(e.day).0;
        let cells: [String; 31] = [
            e.id.clone(),
            format_day(e.day),
            year.to_string(),
            e.precision.to_string(),
            disorder.into(),
            kind.into(),
            subs[e.sub].into(),
            actor(e.actor1),
            String::new(),
            "3".into(),
            e.actor2.map(actor).unwrap_or_default(),
            String::new(),
            if e.actor2.is_some() {
                "1".into()
            } else {
                String::new()
            },
            "13".into(),
            String::new(),
            iso.into(),
            "Middle East".into(),
            country.into(),
            province,
            String::new(),
            String::new(),
            name,
            lat.to_string(),
            lon.to_string(),
            "1".into(),
            "Synthetic Source".into(),
            "Other".into(),
            e.notes,
            e.fatalities.to_string(),
            String::new(),
            "1700000000".into(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

/// Writes the same `n` events as a Dateline package.
pub fn write_package(n: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let (actors, locations) = (zipf(ACTORS), zipf(LOCATIONS));
    writeln!(
        out,
        "{{\"dateline\": 1, \"title\": \"Synthetic events ({n})\", \"description\": \"Made up by dateline synth for benchmarks; none of it is real.\","
    )?;
    writeln!(
        out,
        "\"documents\": [{{\"id\": \"synth\", \"title\": \"Synthetic notes\"}}],"
    )?;
    write!(out, "\"places\": [")?;
    for i in 0..LOCATIONS {
        let (name, _, _, _, lat, lon) = location(i);
        let sep = if i == 0 { "" } else { "," };
        write!(
            out,
            "{sep}\n{{\"id\": \"l{i}\", \"name\": {}, \"lat\": {lat}, \"lon\": {lon}}}",
            quote(&name)
        )?;
    }
    write!(out, "],\n\"actors\": [")?;
    for i in 0..ACTORS {
        let sep = if i == 0 { "" } else { "," };
        write!(
            out,
            "{sep}\n{{\"id\": \"a{i}\", \"name\": {}}}",
            quote(&actor(i))
        )?;
    }
    write!(out, "],\n\"events\": [")?;
    for i in 0..n {
        let e = event(seed, i, &actors, &locations);
        // The type the ACLED columns of the same event are read as.
        let ty = crate::read::acled::dateline_type(TYPES[e.kind].1, TYPES[e.kind].2[e.sub])
            .unwrap_or("other");
        let date = match e.precision {
            1 => format_day(e.day),
            2 => format!("{}/{}", format_day(e.day - 3), format_day(e.day + 3)),
            _ => format_day(e.day)[..7].to_string(),
        };
        let mut actors_json = format!(
            "{{\"actor\": \"a{}\", \"role\": \"perpetrator\"}}",
            e.actor1
        );
        if let Some(a) = e.actor2.filter(|a| *a != e.actor1) {
            actors_json.push_str(&format!(", {{\"actor\": \"a{a}\", \"role\": \"target\"}}"));
        }
        let figures = if e.fatalities > 0 {
            format!(
                ", \"figures\": [{{\"what\": \"killed\", \"value\": {}, \"source\": \"synth\"}}]",
                e.fatalities
            )
        } else {
            String::new()
        };
        let sep = if i == 0 { "" } else { "," };
        write!(
            out,
            "{sep}\n{{\"id\": \"{}\", \"title\": {}, \"type\": \"{ty}\", \"date\": \"{date}\", \"place\": \"l{}\", \"actors\": [{actors_json}]{figures}, \"sources\": [{{\"document\": \"synth\", \"quote\": {}}}]}}",
            e.id,
            quote(&format!("{} in Location {}", TYPES[e.kind].2[e.sub], e.location)),
            e.location,
            quote(&e.notes),
        )?;
    }
    writeln!(out, "\n]}}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_index_give_the_same_event_and_popularity_is_skewed() {
        let (a, l) = (zipf(ACTORS), zipf(LOCATIONS));
        assert_eq!(event(7, 123, &a, &l), event(7, 123, &a, &l));
        assert_ne!(event(7, 123, &a, &l), event(8, 123, &a, &l));
        let top = (0..10_000)
            .filter(|i| event(1, *i, &a, &l).location < 20)
            .count();
        assert!(
            top > 2_000,
            "the 20 most popular of 2,000 locations hold over a fifth: {top}"
        );
        let dead = (0..10_000)
            .filter(|i| event(1, *i, &a, &l).fatalities == 0)
            .count();
        assert!((6_500..7_500).contains(&dead), "{dead}");
    }

    #[test]
    fn both_files_read_back_as_the_same_events() {
        let mut csv = Vec::new();
        write_acled(300, 5, &mut csv).unwrap();
        let mut json = Vec::new();
        write_package(300, 5, &mut json).unwrap();
        let from_csv = crate::read::read(&csv, None, "synth.csv");
        let from_json = crate::read::read_package(&json);
        assert!(
            from_csv.problems.is_empty(),
            "{:?}",
            &from_csv.problems[..from_csv.problems.len().min(3)]
        );
        assert!(from_json
            .problems
            .iter()
            .all(|p| p.severity != crate::Severity::Error));
        assert_eq!(from_csv.package.events.len(), 300);
        assert_eq!(from_json.package.events.len(), 300);
        for (a, b) in from_csv
            .package
            .events
            .iter()
            .zip(&from_json.package.events)
        {
            assert_eq!(a.id, b.id);
            assert_eq!(
                a.date.as_ref().map(|d| d.edtf.to_string()),
                b.date.as_ref().map(|d| d.edtf.to_string())
            );
            assert_eq!(a.event_type, b.event_type);
        }
    }
}
