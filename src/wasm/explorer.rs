//! The explorer's bindings: the [`Dateline`] handle over a [`Store`], and date helpers.

use std::rc::Rc;

use js_sys::{Int32Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::engine::places;
use crate::engine::query::{self, QuerySpec};
use crate::engine::store::Layout;
use crate::engine::store::Store;
use crate::engine::timeline::TimeScale;
use crate::json::{JsonFields, Object as JsonObject, ToJson};
use crate::model::calendar;
use crate::model::edtf::DaySpan;
use crate::model::edtf::{Edtf, Precision};
use crate::model::event_type::Family;
use crate::read::{self, Format, Options};
#[cfg(feature = "importers")]
use crate::write::{self, ExportFormat};

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new(&format!("could not set '{key}' on a result object")))
}

fn u32s(values: &[u32]) -> JsValue {
    Uint32Array::from(values).into()
}

/// A loaded dataset and the questions it answers.
#[wasm_bindgen]
pub struct Dateline {
    store: Store,
}

struct Named {
    id: &'static str,
    label: &'static str,
}

crate::json_struct!(Named {
    "id" => id,
    "label" => label,
});

/// A span of time numbers as JavaScript gets it: `{ from, to, fromDay, toDay, unit, perUnit }`,
/// the texts the first and last day they cover on their scale, and what the numbers count:
/// `unit` `"day"` (`perUnit` 1) or `"year"` (`perUnit` years a number).
struct Span(DaySpan, TimeScale);

impl JsonFields for Span {
    fn fields<'o>(&self, o: JsonObject<'o>) -> JsonObject<'o> {
        let (unit, per_unit) = match self.1 {
            TimeScale::Days => ("day", 1),
            TimeScale::Years { per_unit } => ("year", per_unit),
        };
        o.field(
            "from",
            &calendar::format_day(self.1.day_of(self.0.earliest, false)),
        )
        .field(
            "to",
            &calendar::format_day(self.1.day_of(self.0.latest, true)),
        )
        .field("fromDay", &self.0.earliest)
        .field("toDay", &self.0.latest)
        .field("unit", unit)
        .field("perUnit", &(per_unit as f64))
    }
}

crate::json_objects!(Span);

/// A value into JavaScript, through JSON.
fn json_to_js(value: &(impl ToJson + ?Sized)) -> Result<JsValue, JsError> {
    parse_json(&value.to_json())
}

/// JSON text into a JavaScript value.
fn parse_json(text: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(text).map_err(|_| JsError::new("could not pass a result to JavaScript"))
}

#[wasm_bindgen]
impl Dateline {
    /// Loads a data file from its bytes. The format (`"package"`, `"timelinejs"`,
    /// `"timelinejs-sheet"`, `"acled"`, `"ucdp"`, `"csv"`) is detected from the content unless
    /// given (an engine built without the importers reads packages only: see `reads`); `name`
    /// names the file in titles; `columns` maps roles to a plain CSV's columns
    /// (`"date=Datum,lat=Breite"`); `gazetteer` is the bytes of a package whose places are
    /// found by name in TimelineJS slides. Never throws for bad data: problems are listed by
    /// `problems()`, and whatever could be loaded is there. Throws only for bytes that are not a
    /// `Uint8Array` or an `ArrayBuffer`, an unknown format name or a malformed mapping.
    ///
    /// The bytes are read where they are, a window at a time, and an ACLED export's events are
    /// read again from them when asked for: they must not change afterwards.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        bytes: JsValue,
        format: Option<String>,
        name: Option<String>,
        columns: Option<String>,
        gazetteer: Option<Vec<u8>>,
    ) -> Result<Dateline, JsError> {
        let options = options(format, name, columns, gazetteer)?;
        let chunks = Chunks {
            parts: vec![(0, byte_array(bytes)?)],
        };
        Ok(Dateline {
            store: Store::new(read::Reading::from_source(Rc::new(chunks), &options).finish()),
        })
    }

    /// Loads a data file from text; see `fromBytes`.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(
        text: String,
        format: Option<String>,
        name: Option<String>,
        columns: Option<String>,
    ) -> Result<Dateline, JsError> {
        let options = options(format, name, columns, None)?;
        let source = Rc::new(text.into_bytes());
        Ok(Dateline {
            store: Store::new(read::Reading::from_source(source, &options).finish()),
        })
    }

    /// For imports, how many rows loaded ("1,203 rows loaded; 4 skipped: line 17, …"), else
    /// `undefined`.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> Option<String> {
        self.store.summary().map(str::to_string)
    }

    /// Every problem found while loading: `{ severity, path, line, column, message }`.
    pub fn problems(&self) -> Result<JsValue, JsError> {
        json_to_js(self.store.problems())
    }

    /// The number of events loaded.
    #[wasm_bindgen(getter, js_name = eventCount)]
    pub fn event_count(&self) -> u32 {
        self.store.len() as u32
    }

    /// The dataset's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.store.package().title.clone()
    }

    /// The dataset's description, or `undefined`.
    #[wasm_bindgen(getter)]
    pub fn description(&self) -> Option<String> {
        self.store.package().description.clone()
    }

    /// The types the events use, in legend order: `{ id, label, family, acledEventType, acledSubEventType }`.
    /// `query()`'s `facets.types` number them in this order.
    pub fn types(&self) -> Result<JsValue, JsError> {
        json_to_js(self.store.types())
    }

    /// The format of a file from its first bytes (its first line at least; 8 KB is plenty), as
    /// `fromBytes` detects it: `"package"`, `"acled"`, … or `undefined` when none fits.
    #[wasm_bindgen(js_name = detectFormat)]
    pub fn detect_format(head: &[u8]) -> Option<String> {
        Format::detect(head).map(|f| f.as_str().to_string())
    }

    /// True when this engine reads the format named: the engine built with the importers
    /// (`pkg/dateline_fast.js`) reads every format, the page's (`pkg/dateline.js`) packages.
    pub fn reads(format: &str) -> bool {
        Format::from_name(format).is_some_and(Format::is_read)
    }

    /// The legend families: `{ id, label }`, in legend order.
    pub fn families() -> Result<JsValue, JsError> {
        let all: Vec<Named> = Family::ALL
            .iter()
            .map(|f| Named {
                id: f.as_str(),
                label: f.label(),
            })
            .collect();
        json_to_js(&all)
    }

    /// The date precisions: `{ id, label }`. `query()`'s `facets.precision` numbers them in this
    /// order.
    pub fn precisions() -> Result<JsValue, JsError> {
        let all: Vec<Named> = Precision::ALL
            .iter()
            .map(|p| Named {
                id: p.as_str(),
                label: p.label(),
            })
            .collect();
        json_to_js(&all)
    }

    /// The places, in package order: `{ id, name, aliases, kind, lat, lon, precision, precisionLabel, within, note, parent, depth }`.
    pub fn places(&self) -> Result<JsValue, JsError> {
        json_to_js(&places::entries(&self.store))
    }

    /// The actors, in package order: `{ id, name, aliases, kind, affiliation, note }`.
    pub fn actors(&self) -> Result<JsValue, JsError> {
        let all: Vec<_> = (0..self.store.package().actors.len())
            .map(|i| query::actor_info(&self.store, i))
            .collect();
        json_to_js(&all)
    }

    /// The source documents, in package order: `{ id, title, publisher, url, published, ... }`.
    pub fn documents(&self) -> Result<JsValue, JsError> {
        let all: Vec<_> = (0..self.store.package().documents.len())
            .map(|i| query::document_info(&self.store, i))
            .collect();
        json_to_js(&all)
    }

    /// The first and last day of the dated events, `{ from, to, fromDay, toDay }`, or `null`.
    pub fn extent(&self) -> Result<JsValue, JsError> {
        json_to_js(&self.store.extent().map(|s| Span(s, self.store.scale())))
    }

    /// Reads events kept in their file from now on through `read(from, length)`, which gives
    /// the file's bytes from `from` on as a `Uint8Array` of `length` bytes (or anything else
    /// when they cannot be had), in place of the bytes the store was read from, which the page
    /// can then give up. `length` is the file's: a file of another length is refused. False,
    /// and nothing changed, when it is refused or the events are held whole.
    #[wasm_bindgen(js_name = readRowsFrom)]
    pub fn read_rows_from(&mut self, read: js_sys::Function, length: f64) -> bool {
        self.store.read_rows_from(Rc::new(Reader {
            read,
            len: length as u64,
        }))
    }

    /// Answers one view's questions; see `docs/api.md` for the spec and the result.
    pub fn query(&self, spec: JsValue) -> Result<JsValue, JsError> {
        let spec = self.spec(spec)?;
        let r = query::run(&self.store, &spec).map_err(|e| JsError::new(&e.to_string()))?;
        let out = Object::new();
        set(&out, "total", &JsValue::from(r.total))?;
        set(&out, "undated", &JsValue::from(r.undated))?;
        set(&out, "unplaced", &JsValue::from(r.unplaced))?;
        let facets = Object::new();
        for (key, facet) in [
            ("types", &r.facets.types),
            ("actors", &r.facets.actors),
            ("places", &r.facets.places),
            ("documents", &r.facets.documents),
            ("precision", &r.facets.precision),
        ] {
            let ranked = Object::new();
            set(&ranked, "options", &u32s(&facet.options))?;
            set(&ranked, "counts", &u32s(&facet.counts))?;
            set(&ranked, "total", &JsValue::from(facet.total))?;
            set(&facets, key, &ranked)?;
        }
        set(&out, "facets", &facets)?;
        // Without a place filter or nested places the two marker arrays are equal: one copy
        // crosses, shared (the page only reads them).
        let place_selected = u32s(&r.place_selected);
        let within = if r.place_selected_within == r.place_selected {
            place_selected.clone()
        } else {
            u32s(&r.place_selected_within)
        };
        set(&out, "placeSelected", &place_selected)?;
        set(&out, "placeSelectedWithin", &within)?;
        set(
            &out,
            "lanes",
            &js_sys::Uint16Array::from(&r.lanes[..]).into(),
        )?;
        let selected = match &r.selected {
            Some(card) => card_to_js(&self.store, card)?,
            None => JsValue::NULL,
        };
        set(&out, "selected", &selected)?;
        set(&out, "rows", &u32s(&r.rows))?;
        let scale = self.store.scale();
        set(&out, "view", &json_to_js(&r.view.map(|s| Span(s, scale)))?)?;
        match &r.bins {
            Some(b) => {
                let bins = Object::new();
                set(&bins, "unit", &JsValue::from(b.step.unit()))?;
                set(&bins, "edges", &Int32Array::from(&b.edges[..]).into())?;
                set(&bins, "certain", &u32s(&b.certain))?;
                set(&bins, "possible", &u32s(&b.possible))?;
                set(&out, "bins", &bins)?;
            }
            None => set(&out, "bins", &JsValue::NULL)?,
        }
        set(&out, "ticks", &json_to_js(&r.ticks)?)?;
        set(&out, "page", &summaries(&self.store, &r.page)?)?;
        // More in view than the limit: the page draws a histogram, so no marks are written.
        let crowded = r.view_total as usize > r.view_page.len();
        let marks: &[u32] = if crowded { &[] } else { &r.view_page };
        set(&out, "viewPage", &summaries(&self.store, marks)?)?;
        set(&out, "viewTotal", &JsValue::from(r.view_total))?;
        Ok(out.into())
    }

    /// The bytes each part of the store holds in the engine's memory, largest first:
    /// `{ part: bytes, … }` (see `Store::memory`), for the benchmark's account of where a
    /// large file's memory goes. Only in the engine with the importers, which reads such files.
    #[cfg(feature = "importers")]
    #[wasm_bindgen(js_name = memoryReport)]
    pub fn memory_report(&self) -> Result<JsValue, JsError> {
        let out = Object::new();
        for (part, bytes) in self.store.memory() {
            set(&out, part, &JsValue::from(bytes as f64))?;
        }
        Ok(out.into())
    }

    /// The events a query spec selects, written as `format` (`"package"`, `"csv"`, `"geojson"`,
    /// `"citations"`): `{ text, mime, fileName }`, for a download of what the reader sees. Only
    /// the engine with the importers writes files: the page's engine, downloaded by every reader,
    /// leaves the writers out (about a tenth of its size).
    #[cfg(feature = "importers")]
    #[wasm_bindgen(js_name = exportView)]
    pub fn export_view(&self, spec: JsValue, format: &str) -> Result<JsValue, JsError> {
        let target = ExportFormat::from_name(format).ok_or_else(|| {
            let names =
                crate::model::text::joined(", ", ExportFormat::ALL.iter().map(|f| f.as_str()));
            JsError::new(&format!(
                "'{format}' is not an export format; use one of: {names}"
            ))
        })?;
        let mut spec = self.spec(spec)?;
        spec.with_rows = true;
        spec.limit = Some(0);
        spec.selected = None;
        let rows = query::run(&self.store, &spec)
            .map_err(|e| JsError::new(&e.to_string()))?
            .rows;
        let out = Object::new();
        set(
            &out,
            "text",
            &JsValue::from(write::export(&self.store, &rows, target)),
        )?;
        set(&out, "mime", &JsValue::from(target.mime()))?;
        let name = crate::model::text::slug(&self.store.package().title, "dateline");
        set(
            &out,
            "fileName",
            &JsValue::from(format!("{name}.{}", target.extension())),
        )?;
        Ok(out.into())
    }

    /// The list fields of the events at `rows` (as a query's `rows` gives them), for the part of
    /// a long list in view; rows past the end are skipped.
    pub fn summaries(&self, rows: &[u32]) -> Result<JsValue, JsError> {
        summaries(&self.store, rows)
    }

    /// One event in full, for its card; throws if no event has this id.
    pub fn event(&self, id: &str) -> Result<JsValue, JsError> {
        let details = query::details(&self.store, id).map_err(|e| JsError::new(&e.to_string()))?;
        card_to_js(&self.store, &details)
    }
}

impl Dateline {
    /// Reads a query spec from JavaScript, rejecting fields it does not have.
    fn spec(&self, spec: JsValue) -> Result<QuerySpec, JsError> {
        if spec.is_undefined() || spec.is_null() {
            return Ok(QuerySpec::default());
        }
        let text = js_sys::JSON::stringify(&spec)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| JsError::new("the query spec cannot be written as JSON"))?;
        QuerySpec::from_json(&text).map_err(|e| JsError::new(&e))
    }
}

/// Groups map markers that would overlap (see [`crate::engine::cluster`]): screen positions `xs`, `ys`,
/// counts `weights`, and the distance in pixels within which markers join. Returns
/// `{ group, clusters }`: the group of each marker (`Uint32Array`), and per group five numbers in
/// a `Float64Array`: leader, x, y, weight, members.
#[wasm_bindgen(js_name = clusterPoints)]
pub fn cluster_points(
    xs: &[f64],
    ys: &[f64],
    weights: &[u32],
    radius: f64,
) -> Result<JsValue, JsError> {
    let (group, clusters) = crate::engine::cluster::cluster(xs, ys, weights, radius);
    let flat: Vec<f64> = clusters
        .iter()
        .flat_map(|c| {
            [
                f64::from(c.leader),
                c.x,
                c.y,
                c.weight as f64,
                f64::from(c.members),
            ]
        })
        .collect();
    let out = Object::new();
    set(&out, "group", &u32s(&group))?;
    set(
        &out,
        "clusters",
        &js_sys::Float64Array::from(&flat[..]).into(),
    )?;
    Ok(out.into())
}

/// Which places a map draws inside the marker of a place containing them (see
/// [`crate::engine::places::merge`]): each place's `parent` as `places()` gives it (4294967295
/// for none), where its marker would be on screen (`NaN` for a place not drawn), and the
/// distance in pixels within which a place joins. Returns `[place, host, ...]` for the places
/// drawn, outermost first, as a `Uint32Array`.
#[wasm_bindgen(js_name = mergePlaces)]
pub fn merge_places(parents: &[u32], xs: &[f64], ys: &[f64], radius: f64) -> Vec<u32> {
    places::merge(parents, xs, ys, radius)
}

/// Formats a day number as `YYYY-MM-DD`.
#[wasm_bindgen(js_name = formatDay)]
pub fn format_day(day: i32) -> String {
    calendar::format_day(i64::from(day))
}

/// The inclusive day span of an EDTF date, `{ from, to, fromDay, toDay, unit, perUnit, label }`;
/// throws with the reason when the text is not valid EDTF. Date inputs use it to check what a
/// reader typed. With `per_unit`, for a store on a scale of years (its `extent()` says how many
/// years a number counts), the span is in that scale's numbers, and a whole number such as
/// `-13800000000` is read as a year.
#[wasm_bindgen(js_name = dateSpan)]
pub fn date_span(text: &str, per_unit: Option<f64>) -> Result<JsValue, JsError> {
    let scale = per_unit.map_or(TimeScale::Days, years_scale);
    let year = (scale != TimeScale::Days)
        .then(|| text.trim().parse::<i64>().ok())
        .flatten();
    let date = match year {
        Some(y) => Edtf::parse(&calendar::edtf_year(y)),
        None => Edtf::parse(text),
    }
    .map_err(|e| JsError::new(&e.to_string()))?;
    let mut out = String::new();
    Span(scale.span_of(&date), scale)
        .fields(JsonObject::new(&mut out))
        .field("label", &date.describe())
        .end();
    parse_json(&out)
}

/// The first year (or with `last` the last) that time number `n` covers on a scale of
/// `per_unit` years a number: what a years scale's date fields show.
#[wasm_bindgen(js_name = yearOf)]
pub fn year_of(n: i32, per_unit: f64, last: bool) -> f64 {
    let scale = years_scale(per_unit);
    (if last {
        scale.last_year_of(n)
    } else {
        scale.year_of(n)
    }) as f64
}

/// A year as EDTF writes it alone (`1969`, `-0044`, `Y-13800000000`): what a link on a scale of
/// years names, as [`year_of`] gives it.
#[wasm_bindgen(js_name = formatYear)]
pub fn format_year(year: f64) -> String {
    let max = crate::model::edtf::MAX_YEAR as f64;
    calendar::edtf_year(if year.is_finite() {
        year.clamp(-max, max) as i64
    } else {
        0
    })
}

/// The scale of `per_unit` years a number, as JavaScript gave it (a whole number, at least 1).
fn years_scale(per_unit: f64) -> TimeScale {
    TimeScale::Years {
        per_unit: if per_unit.is_finite() {
            per_unit.clamp(1.0, 1e12) as i64
        } else {
            1
        },
    }
}

/// An EDTF date in parts, `{ start, end }`, for a page that writes it in its reader's
/// language: each end `{ kind: "date", year, lastYear, month, day, season, precision,
/// uncertain, approximate, unspecified, time }`, or `{ kind: "open" }` (`..`) or
/// `{ kind: "unknown" }` (empty); `end` is `null` for a single date. Throws with the reason when
/// the text is not valid EDTF.
#[wasm_bindgen(js_name = dateParts)]
pub fn date_parts(text: &str) -> Result<JsValue, JsError> {
    let date = Edtf::parse(text).map_err(|e| JsError::new(&e.to_string()))?;
    json_to_js(&date.parts())
}

/// Bytes as a `Uint8Array`: the array itself, or a view of an `ArrayBuffer`.
fn byte_array(bytes: JsValue) -> Result<Uint8Array, JsError> {
    if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(&bytes));
    }
    bytes
        .dyn_into::<Uint8Array>()
        .map_err(|_| JsError::new("the bytes must be a Uint8Array or an ArrayBuffer"))
}

/// A file the page holds, as the chunks it gave (each with where it starts in the file, which
/// may be past 4 GB: they are outside the core's memory): read a range at a time into the
/// core's memory, never whole. A chunk given up since (its buffer moved away) reads as nothing.
#[derive(Default)]
struct Chunks {
    parts: Vec<(u64, Uint8Array)>,
}

impl Chunks {
    fn end(&self) -> u64 {
        self.parts
            .last()
            .map_or(0, |(start, chunk)| start + u64::from(chunk.length()))
    }
}

impl read::Source for Chunks {
    fn len(&self) -> u64 {
        self.end()
    }

    fn read(&self, from: u64, into: &mut [u8]) -> bool {
        let to = from + into.len() as u64;
        let mut got = 0;
        let first = self.parts.partition_point(|(start, _)| *start <= from);
        for (start, chunk) in &self.parts[first.saturating_sub(1)..] {
            if *start >= to {
                break;
            }
            // Within a chunk, so within its 32-bit length.
            let (a, b) = (
                from.saturating_sub(*start) as u32,
                (to - start).min(u64::from(chunk.length())) as u32,
            );
            if a < b {
                // Within `into`, whose length is a `usize`.
                let at = (start + u64::from(a) - from) as usize;
                let n = (b - a) as usize;
                chunk.subarray(a, b).copy_to(&mut into[at..at + n]);
                got += n;
            }
        }
        got == into.len()
    }
}

/// A file the page reads a range at a time through a function (a worker reading a `File` on
/// disk with `FileReaderSync`): a range it cannot give, or gives short, reads as nothing.
struct Reader {
    read: js_sys::Function,
    len: u64,
}

impl read::Source for Reader {
    fn len(&self) -> u64 {
        self.len
    }

    /// `from` crosses as a number, which holds a position exactly up to 2^53.
    fn read(&self, from: u64, into: &mut [u8]) -> bool {
        let got = self.read.call2(
            &JsValue::NULL,
            &JsValue::from(from as f64),
            &JsValue::from(into.len() as f64),
        );
        match got.map(|v| v.dyn_into::<Uint8Array>()) {
            Ok(Ok(bytes)) if bytes.length() as usize == into.len() => {
                bytes.copy_to(into);
                true
            }
            _ => false,
        }
    }
}

/// A data file arriving in chunks (a fetch's stream, a file's). The chunks stay where the page
/// has them, so they must not change afterwards: the core reads them a window at a time, and
/// an ACLED export's events are read again from them when asked for.
#[wasm_bindgen]
pub struct Loader {
    chunks: Chunks,
    stage: Stage,
}

/// Where a loader is: receiving bytes, reading them, laying out the store.
enum Stage {
    Receiving,
    Reading(Box<read::Reading>),
    Laying(Box<Layout>),
}

#[wasm_bindgen]
impl Loader {
    /// An empty loader.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Loader {
        Loader {
            chunks: Chunks::default(),
            stage: Stage::Receiving,
        }
    }

    /// Appends a chunk, a `Uint8Array` or an `ArrayBuffer` (kept, not copied).
    pub fn push(&mut self, chunk: JsValue) -> Result<(), JsError> {
        let chunk = byte_array(chunk)?;
        if chunk.length() > 0 {
            let start = self.chunks.end();
            self.chunks.parts.push((start, chunk));
        }
        Ok(())
    }

    /// Bytes received so far (a number: a file may be larger than 4 GB).
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> f64 {
        self.chunks.end() as f64
    }

    /// The first byte that is not white space, if any: for telling a web page from data early.
    #[wasm_bindgen(js_name = firstByte)]
    pub fn first_byte(&self) -> Option<u8> {
        let source: &dyn read::Source = &self.chunks;
        let mut head = vec![0; source.len().min(4096) as usize];
        let _ = source.read(0, &mut head);
        head.into_iter().find(|b| *b > b' ')
    }

    /// Reads what arrived as a dataset; see `Dateline.fromBytes` for the arguments. The loader
    /// is used up.
    pub fn finish(
        mut self,
        format: Option<String>,
        name: Option<String>,
        columns: Option<String>,
        gazetteer: Option<Vec<u8>>,
    ) -> Result<Dateline, JsError> {
        self.start(format, name, columns, gazetteer)?;
        self.take()
    }

    /// Starts reading what arrived, to go on with `step` (the arguments are `fromBytes`'s):
    /// a long file read in steps leaves the page free between them. No more bytes can come.
    pub fn start(
        &mut self,
        format: Option<String>,
        name: Option<String>,
        columns: Option<String>,
        gazetteer: Option<Vec<u8>>,
    ) -> Result<(), JsError> {
        if !matches!(self.stage, Stage::Receiving) {
            return Err(JsError::new("this loader has started reading already"));
        }
        let options = options(format, name, columns, gazetteer)?;
        let chunks = std::mem::take(&mut self.chunks);
        self.stage = Stage::Reading(Box::new(read::Reading::from_source(
            Rc::new(chunks),
            &options,
        )));
        Ok(())
    }

    /// Goes on with about `rows` rows of work (records read, or events laid out); true when the
    /// dataset is ready to `take`.
    pub fn step(&mut self, rows: u32) -> bool {
        let rows = rows.max(1) as usize;
        match std::mem::replace(&mut self.stage, Stage::Receiving) {
            Stage::Receiving => false,
            Stage::Reading(mut reading) => {
                self.stage = if reading.step(rows) {
                    Stage::Laying(Box::new(Layout::new(reading.finish())))
                } else {
                    Stage::Reading(reading)
                };
                false
            }
            Stage::Laying(mut layout) => {
                let done = layout.step(rows);
                self.stage = Stage::Laying(layout);
                done
            }
        }
    }

    /// What it is doing: `"receiving"`, `"reading"` or `"indexing"`.
    #[wasm_bindgen(getter)]
    pub fn phase(&self) -> String {
        match self.stage {
            Stage::Receiving => "receiving",
            Stage::Reading(_) => "reading",
            Stage::Laying(_) => "indexing",
        }
        .into()
    }

    /// How far the current phase is, from 0 to 1.
    #[wasm_bindgen(getter)]
    pub fn progress(&self) -> f64 {
        match &self.stage {
            Stage::Receiving => 0.0,
            Stage::Reading(reading) => reading.progress(),
            Stage::Laying(layout) => layout.progress(),
        }
    }

    /// Events read so far.
    #[wasm_bindgen(getter)]
    pub fn events(&self) -> usize {
        match &self.stage {
            Stage::Receiving => 0,
            Stage::Reading(reading) => reading.events(),
            Stage::Laying(layout) => layout.events(),
        }
    }

    /// The dataset, once started: whatever is left is done first. The loader is used up.
    pub fn take(self) -> Result<Dateline, JsError> {
        let store = match self.stage {
            Stage::Receiving => return Err(JsError::new("this loader has not started reading")),
            Stage::Reading(reading) => Store::new(reading.finish()),
            Stage::Laying(layout) => layout.finish(),
        };
        Ok(Dateline { store })
    }
}

/// A card into JavaScript, each related event with its EDTF date as well as its date in words
/// (`date`, `null` when undated), so that the page writes it in its reader's language.
fn card_to_js(store: &Store, card: &query::EventDetails) -> Result<JsValue, JsError> {
    let out = json_to_js(card)?;
    let relations = Reflect::get(&out, &JsValue::from_str("relations"))
        .map_err(|_| JsError::new("a card without relations"))?;
    for (i, relation) in card.relations.iter().enumerate() {
        let date = store.row_of(&relation.event).and_then(|row| {
            let event = store.event_at(row);
            event.date.as_ref().map(|d| d.edtf.to_string())
        });
        let target = Reflect::get_u32(&relations, i as u32)
            .map_err(|_| JsError::new("a card's relation is missing"))?;
        set(
            &target.into(),
            "date",
            &date.map_or(JsValue::NULL, |d| JsValue::from_str(&d)),
        )?;
    }
    Ok(out)
}

/// Summaries into JavaScript as one JSON string, parsed there.
fn summaries(store: &Store, rows: &[u32]) -> Result<JsValue, JsError> {
    parse_json(&query::summaries_json(store, rows))
}

/// Reading options from `fromBytes`'s arguments; throws for an unknown format name or a malformed
/// mapping.
fn options(
    format: Option<String>,
    name: Option<String>,
    columns: Option<String>,
    gazetteer: Option<Vec<u8>>,
) -> Result<Options, JsError> {
    let format = match format.as_deref() {
        None | Some("") => None,
        Some(f) => Some(Format::from_name(f).ok_or_else(|| {
            let names = crate::model::text::joined(", ", Format::ALL.iter().map(|f| f.as_str()));
            JsError::new(&format!(
                "'{f}' is not a format Dateline reads; use one of: {names}"
            ))
        })?),
    };
    #[cfg(feature = "importers")]
    let (columns, gazetteer) = (
        read::parse_columns(columns.as_deref().unwrap_or(""))
            .map_err(|e| JsError::new(&format!("the column mapping is not valid: {e}")))?,
        read::Gazetteer::new(
            gazetteer
                .map(|g| read::read_package(&g).package.places)
                .unwrap_or_default(),
        ),
    );
    // The page's engine reads packages only, which have neither CSV columns nor slides whose
    // places a gazetteer finds.
    #[cfg(not(feature = "importers"))]
    let (columns, gazetteer) = {
        let _ = (columns, gazetteer);
        (Vec::new(), read::Gazetteer::default())
    };
    Ok(Options {
        format,
        name: name.unwrap_or_else(|| "the file".into()),
        columns,
        gazetteer,
    })
}
