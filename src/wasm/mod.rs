//! The JavaScript API: the only module that knows about wasm-bindgen. It builds as one of two
//! WebAssembly modules: the explorer's (`explorer`, the default) or, with the `extractor`
//! feature, the extractor's (`drafts`), which only the "Add article" panel loads.
//!
//! The explorer's handle, `Dateline`, owns a `Store` and delegates every question to the core.
//! Bulk results (facet counts, per-place counts, bins, rows) cross as typed arrays; small
//! structured values cross as JSON text the core writes (see [`crate::json::ToJson`]), parsed
//! into plain objects by `JSON.parse`, and query specs come back the same way. The extractor's
//! module passes its values through serde-wasm-bindgen instead. Core errors become JS `Error`s
//! carrying the core's message. `docs/api.md` documents all of it.

#[cfg(feature = "extractor")]
use serde::Serialize;
#[cfg(feature = "extractor")]
use wasm_bindgen::prelude::*;

/// The extractor's engine, a module of its own (`pkg/dateline_extract.js`), loaded only by the
/// "Add article" panel.
#[cfg(feature = "extractor")]
mod drafts;
/// The explorer's engine: `pkg/dateline.js`.
#[cfg(not(feature = "extractor"))]
mod explorer;

/// Serialises small values as plain JSON-like objects (`null` for `None`, objects for maps).
/// The extractor's module uses it; the explorer's writes JSON text itself (see
/// [`crate::json::ToJson`]), which leaves serde out of the explorer's download.
#[cfg(feature = "extractor")]
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not pass a result to JavaScript: {e}")))
}

/// The module's allocator: talc, faster than the standard allocator of `wasm32-unknown-unknown`
/// (dlmalloc) on the many small blocks a large file's reading makes, and smaller.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
