//! HTML pages (any bytes, any declared charset) through decoding, extraction and cleaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsprism_ingest::{read_bytes_as, Format};

fuzz_target!(|data: &[u8]| {
    for r in read_bytes_as("fuzz.html", "fuzz", data, Some(Format::Html), None, None) {
        if let Ok(mut a) = r {
            newsprism_clean::clean_article(&mut a, &newsprism_clean::CleanOptions::default());
        }
    }
    let _ = newsprism_ingest::html::html_to_lines(&String::from_utf8_lossy(data));
});
