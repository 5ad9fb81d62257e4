//! The GeoJSON export: a FeatureCollection of the selected events that have coordinates.

use crate::engine::store::Store;
use crate::json::{number_text, quote};

/// GeoJSON: one Point feature per selected event with coordinates; events without them are
/// left out and counted in the collection's `dateline:unmapped` member.
pub fn geojson(store: &Store, rows: &[u32]) -> String {
    let package = store.package();
    let mut features = Vec::new();
    let mut unmapped = Vec::new();
    for &r in rows {
        let e = store.event_at(r as usize);
        let place = e
            .place
            .as_deref()
            .and_then(|id| package.places.iter().find(|p| p.id == id));
        let Some((lat, lon)) = place.and_then(|p| p.coordinates) else {
            unmapped.push(quote(&e.id));
            continue;
        };
        let span = e.date.as_ref().map(|d| d.edtf.span());
        let day = |d: i32| {
            if d == i32::MIN || d == i32::MAX {
                "null".to_string()
            } else {
                quote(&crate::model::calendar::format_day(i64::from(d)))
            }
        };
        let mut props = vec![
            format!("\"id\": {}", quote(&e.id)),
            format!("\"title\": {}", quote(&e.title)),
            format!("\"type\": {}", quote(&e.event_type)),
            format!(
                "\"date\": {}",
                e.date
                    .as_ref()
                    .map_or("null".into(), |d| quote(&d.edtf.to_string()))
            ),
            format!(
                "\"earliest\": {}",
                span.map_or("null".into(), |s| day(s.earliest))
            ),
            format!(
                "\"latest\": {}",
                span.map_or("null".into(), |s| day(s.latest))
            ),
            format!(
                "\"place\": {}",
                quote(&place.map_or(String::new(), |p| p.name.clone()))
            ),
            format!(
                "\"place_precision\": {}",
                place
                    .and_then(|p| p.precision)
                    .map_or("null".into(), |x| quote(x.as_str()))
            ),
            format!("\"sources\": {}", e.sources.len()),
        ];
        if let Some(s) = &e.summary {
            props.push(format!("\"summary\": {}", quote(s)));
        }
        features.push(format!(
            "    {{ \"type\": \"Feature\", \"geometry\": {{ \"type\": \"Point\", \"coordinates\": [{}, {}] }}, \"properties\": {{ {} }} }}",
            number_text(lon),
            number_text(lat),
            props.join(", ")
        ));
    }
    format!(
        "{{\n  \"type\": \"FeatureCollection\",\n  \"dateline:unmapped\": [{}],\n  \"features\": [\n{}\n  ]\n}}\n",
        unmapped.join(", "),
        features.join(",\n")
    )
}
