//! Any text read as EDTF: never a panic; what parses prints back to itself and has a span.
#![no_main]

use dateline::model::edtf::Edtf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(date) = Edtf::parse(text) {
        let printed = date.to_string();
        assert_eq!(Edtf::parse(&printed).as_ref(), Ok(&date), "{text:?} printed as {printed:?}");
        let span = date.span();
        assert!(span.earliest <= span.latest);
        let _ = date.describe();
    }
});
