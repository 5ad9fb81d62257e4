//! The query spec: everything one view of the explorer asks, as JavaScript's `JSON.stringify`
//! writes it, read field by field with errors that name the field.

use serde::Deserialize;

use crate::engine::timeline::TimeScale;
use crate::json::{Kind, Member};
use crate::model::edtf::Edtf;
use crate::model::error::Error;

/// The default number of events in one page of results.
pub const DEFAULT_LIMIT: u32 = 100;

/// A day given as a day number or as EDTF text (`"2020-01"` means its first day in `from`,
/// its last day in `to`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum DayBound {
    /// A day number (days since 1970-01-01).
    Day(f64),
    /// EDTF text.
    Text(String),
}

/// The fields of [`QuerySpec`] as JavaScript names them.
pub const SPEC_FIELDS: &[&str] = &[
    "from",
    "to",
    "types",
    "actors",
    "places",
    "documents",
    "text",
    "precision",
    "viewFrom",
    "viewTo",
    "offset",
    "limit",
    "maxTicks",
    "binUnit",
    "withRows",
    "laneWidth",
    "selected",
    "viewLimit",
    "facetLimits",
];

/// The facets of [`FacetLimits`] as JavaScript names them.
const FACET_FIELDS: &[&str] = &["types", "actors", "places", "documents", "precision"];

/// How many options of each facet a query returns (see
/// [`RankedFacet`](super::RankedFacet)); a facet left out gets
/// [`DEFAULT_FACET_LIMIT`](super::DEFAULT_FACET_LIMIT).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FacetLimits {
    /// Of the types.
    pub types: Option<u32>,
    /// Of the actors.
    pub actors: Option<u32>,
    /// Of the places.
    pub places: Option<u32>,
    /// Of the documents.
    pub documents: Option<u32>,
    /// Of the date precisions.
    pub precision: Option<u32>,
}

/// Everything one view of the explorer asks: the filters, the visible time range, and the page
/// of events to list. Every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct QuerySpec {
    /// Events whose span ends before this day are left out.
    pub from: Option<DayBound>,
    /// Events whose span starts after this day are left out.
    pub to: Option<DayBound>,
    /// Type ids; empty means all.
    pub types: Vec<String>,
    /// Actor ids; an event passes when any of its actors is listed.
    pub actors: Vec<String>,
    /// Place ids; an event passes when its place is listed or lies within a listed place.
    pub places: Vec<String>,
    /// Document ids; an event passes when any of its sources is from a listed document.
    pub documents: Vec<String>,
    /// Words that must all occur (case- and diacritic-insensitive) in the event's title, summary,
    /// quotes, date words, tags, type, or in the names and aliases of its actors or place.
    pub text: String,
    /// Date precisions (`day`, `month`, `season`, `year`, `multi-year`, `range`).
    pub precision: Vec<String>,
    /// First day of the visible time range, for timeline bins and ticks (default: the data's).
    pub view_from: Option<DayBound>,
    /// Last day of the visible time range.
    pub view_to: Option<DayBound>,
    /// How many matching events to skip before the page starts.
    pub offset: u32,
    /// How many events the page holds (default [`DEFAULT_LIMIT`]).
    pub limit: Option<u32>,
    /// The most axis ticks wanted (default 10).
    pub max_ticks: Option<u32>,
    /// The bin width (`day`, `week`, `month`, `year`); by default it follows the visible range.
    pub bin_unit: Option<String>,
    /// Also return the rows of every matching event.
    pub with_rows: bool,
    /// The timeline's width in pixels: when given, the page's events get lanes (see
    /// [`QueryResult::lanes`](super::QueryResult::lanes)).
    pub lane_width: Option<f64>,
    /// The id of the selected event, whose card comes back with the result.
    pub selected: Option<String>,
    /// For the timeline: also return, apart from the page, the first this many matching events
    /// whose span reaches into the visible range (see [`QueryResult::view_page`](super::QueryResult::view_page)).
    pub view_limit: Option<u32>,
    /// How many options of each facet to return: those with the highest counts (the ticked
    /// ones come back besides).
    pub facet_limits: FacetLimits,
}

impl QuerySpec {
    /// Reads a spec from JSON text, as JavaScript's `JSON.stringify` writes the spec object.
    /// Fields left out or `null` take their defaults; an unknown field or a value of the wrong
    /// kind is an error that names the field.
    pub fn from_json(text: &str) -> Result<QuerySpec, String> {
        let parsed = crate::json::parse(text);
        if let Some(problem) = parsed.problems.first() {
            return Err(format!("the query spec is not JSON: {}", problem.message));
        }
        let mut spec = QuerySpec::default();
        let members = match parsed.root.map(|r| r.kind) {
            Some(Kind::Object(members)) => members,
            Some(Kind::Null) | None => return Ok(spec),
            Some(_) => return Err("the query spec is not an object".into()),
        };
        for Member { key, value } in &members {
            if value.is_null() {
                continue;
            }
            let wrong = |expected: &str| {
                format!(
                    "query '{key}': expected {expected}, not {}",
                    value.kind_name()
                )
            };
            let text = || {
                value
                    .as_str()
                    .map(str::to_string)
                    .ok_or_else(|| wrong("text"))
            };
            let texts = || match &value.kind {
                Kind::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<String>>>()
                    .ok_or_else(|| wrong("a list of texts")),
                _ => Err(wrong("a list of texts")),
            };
            let whole = || whole_number(value).ok_or_else(|| wrong(WHOLE));
            let day = || match &value.kind {
                Kind::Number(n) => Ok(DayBound::Day(*n)),
                Kind::String(t) => Ok(DayBound::Text(t.clone())),
                _ => Err(wrong("a day number or EDTF text")),
            };
            match key.as_str() {
                "from" => spec.from = Some(day()?),
                "to" => spec.to = Some(day()?),
                "types" => spec.types = texts()?,
                "actors" => spec.actors = texts()?,
                "places" => spec.places = texts()?,
                "documents" => spec.documents = texts()?,
                "text" => spec.text = text()?,
                "precision" => spec.precision = texts()?,
                "viewFrom" => spec.view_from = Some(day()?),
                "viewTo" => spec.view_to = Some(day()?),
                "offset" => spec.offset = whole()?,
                "limit" => spec.limit = Some(whole()?),
                "maxTicks" => spec.max_ticks = Some(whole()?),
                "binUnit" => spec.bin_unit = Some(text()?),
                "withRows" => {
                    spec.with_rows = match value.kind {
                        Kind::Bool(b) => b,
                        _ => return Err(wrong("true or false")),
                    }
                }
                "laneWidth" => {
                    spec.lane_width = Some(value.as_f64().ok_or_else(|| wrong("a number"))?)
                }
                "selected" => spec.selected = Some(text()?),
                "viewLimit" => spec.view_limit = Some(whole()?),
                "facetLimits" => spec.facet_limits = facet_limits(value)?,
                _ => {
                    return Err(format!(
                        "the query spec has no field '{key}'; the fields are: {}",
                        crate::model::text::joined(", ", SPEC_FIELDS.iter().copied())
                    ))
                }
            }
        }
        Ok(spec)
    }
}

/// What a whole number of the spec is.
const WHOLE: &str = "a whole number from 0 to 4294967295";

/// `value` as a whole number that fits a `u32`.
fn whole_number(value: &crate::json::Value) -> Option<u32> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
        .map(|n| n as u32)
}

/// The spec's `facetLimits`: an object of whole numbers, by facet.
fn facet_limits(value: &crate::json::Value) -> Result<FacetLimits, String> {
    let Kind::Object(members) = &value.kind else {
        return Err(format!(
            "query 'facetLimits': expected an object, not {}",
            value.kind_name()
        ));
    };
    let mut limits = FacetLimits::default();
    for Member { key, value } in members {
        if value.is_null() {
            continue;
        }
        let n = whole_number(value).ok_or_else(|| {
            format!(
                "query 'facetLimits.{key}': expected {WHOLE}, not {}",
                value.kind_name()
            )
        })?;
        *match key.as_str() {
            "types" => &mut limits.types,
            "actors" => &mut limits.actors,
            "places" => &mut limits.places,
            "documents" => &mut limits.documents,
            "precision" => &mut limits.precision,
            _ => {
                return Err(format!(
                    "query 'facetLimits' has no facet '{key}'; the facets are: {}",
                    crate::model::text::joined(", ", FACET_FIELDS.iter().copied())
                ))
            }
        } = Some(n);
    }
    Ok(limits)
}

/// The day `bound` names in the spec's field `field`: for EDTF text, its first day, or its last
/// when `end` is set. On a years scale, numbers count the scale's years and text gives the
/// number of its first (or last) year.
pub(super) fn resolve_day(
    field: &str,
    bound: &DayBound,
    end: bool,
    scale: TimeScale,
) -> Result<i32, Error> {
    match bound {
        DayBound::Day(d) if d.is_finite() && d.fract() == 0.0 => {
            Ok(d.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32)
        }
        DayBound::Day(d) => Err(Error::spec(
            field,
            format!("{} is not a whole day number", crate::json::decimal(*d)),
        )),
        DayBound::Text(t) => {
            let date = Edtf::parse(t).map_err(|e| Error::spec(field, e.to_string()))?;
            if scale != TimeScale::Days {
                let (first, last) = date.years();
                return Ok(scale.of_year(if end { last } else { first }));
            }
            let span = date.span();
            Ok(if end { span.latest } else { span.earliest })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field names serde's derive gives `QuerySpec`, as a deserializer that only learns them.
    fn derived_spec_fields() -> &'static [&'static str] {
        use serde::de::{self, Visitor};
        struct FieldNames;
        #[derive(Debug)]
        struct Found(&'static [&'static str]);
        impl std::fmt::Display for Found {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("field names")
            }
        }
        impl std::error::Error for Found {}
        impl de::Error for Found {
            fn custom<T: std::fmt::Display>(_: T) -> Self {
                Found(&[])
            }
        }
        impl<'de> de::Deserializer<'de> for FieldNames {
            type Error = Found;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
                Err(Found(&[]))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Found> {
                Err(Found(fields))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
                identifier ignored_any
            }
        }
        match QuerySpec::deserialize(FieldNames) {
            Err(Found(fields)) => fields,
            Ok(_) => &[],
        }
    }

    #[test]
    fn spec_fields_are_the_javascript_names_of_every_field() {
        assert_eq!(SPEC_FIELDS, derived_spec_fields());
        assert_eq!(SPEC_FIELDS.len(), 19);
    }

    #[test]
    fn facet_limits_are_read_by_facet() {
        let spec = QuerySpec::from_json(r#"{"facetLimits": {"places": 1900, "types": null}}"#)
            .expect("a spec");
        assert_eq!(spec.facet_limits.places, Some(1900));
        assert_eq!(spec.facet_limits.types, None);
        let error = |json: &str| QuerySpec::from_json(json).unwrap_err();
        assert!(error(r#"{"facetLimits": {"place": 3}}"#).contains("no facet 'place'"));
        assert!(error(r#"{"facetLimits": {"actors": -1}}"#).contains("'facetLimits.actors'"));
        assert!(error(r#"{"facetLimits": 20}"#).contains("expected an object"));
    }
}
