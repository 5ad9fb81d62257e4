//! Any bytes read as ucdp: see common/mod.rs for what is checked.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::exercise(data, dateline::read::Format::Ucdp));
