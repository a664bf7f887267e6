//! RSS/Atom feeds (any bytes) through the feed reader and content sniffing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = newsprism_ingest::feed::read_feed("fuzz.xml", data);
    let _ = newsprism_ingest::read_bytes_as("fuzz", "fuzz", data, None, None, None);
});
