//! Hostile input never panics or hangs: random bytes and random HTML/feed fragments through every
//! reader (the same functions as the fuzz targets in fuzz/), and pathological pages.

use newsprism_ingest::{feed::read_feed, html::html_to_lines, read_bytes_as, Format};
use proptest::prelude::*;

const TAGS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<h1>",
    "</h1>",
    "<li>",
    "<ul>",
    "</ul>",
    "<table><tr><td>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<meta charset=\"koi8-r\">",
    "<meta charset=\"utf-8\">",
    "<html lang=\"ru\">",
    "<article>",
    "</article>",
    "&amp;",
    "&#xFFFF;",
    "&#0;",
    "<rss version=\"2.0\"><channel>",
    "<item><title>",
    "</title>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "<description>",
    "</description>",
    "<?xml version=\"1.0\" encoding=\"windows-1251\"?>",
    "Текст новости ",
    "Le président a dit ",
    "\u{0}",
    "\u{feff}",
    "\u{ad}",
    " ",
    "\n",
];

fn fragment() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TAGS), 0..60).prop_map(|v| v.concat())
}

const FORMATS: [Option<Format>; 5] = [
    None,
    Some(Format::Html),
    Some(Format::Feed),
    Some(Format::Text),
    Some(Format::Jsonl),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for f in FORMATS {
            let res = read_bytes_as("fuzz", "fuzz", &bytes, f, None, None);
            prop_assert!(!res.is_empty());
        }
        let _ = read_feed("fuzz", &bytes);
    }

    #[test]
    fn random_markup_never_panics(s in fragment()) {
        for f in FORMATS {
            let res = read_bytes_as("fuzz", "fuzz", s.as_bytes(), f, None, None);
            for a in res.into_iter().flatten() {
                prop_assert!(a.lines.iter().all(|l| !l.contains('\n')));
            }
        }
        let _ = html_to_lines(&s);
        let _ = read_feed("fuzz", s.as_bytes());
    }
}

#[test]
fn deeply_nested_markup_does_not_overflow() {
    let html = format!(
        "{}deep text{}",
        "<div><span>".repeat(20_000),
        "</span></div>".repeat(20_000)
    );
    let lines = html_to_lines(&html);
    assert!(lines.iter().any(|l| l.contains("deep text")));
    let res = read_bytes_as(
        "deep.html",
        "deep",
        html.as_bytes(),
        Some(Format::Html),
        None,
        None,
    );
    assert_eq!(res.len(), 1);
    // Just under the depth limit the extractor runs: it must fit a worker thread's stack.
    for depth in [200, 500] {
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let res = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                read_bytes_as(
                    "d.html",
                    "d",
                    html.as_bytes(),
                    Some(Format::Html),
                    None,
                    None,
                )
                .len()
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(res, 1);
    }
}

#[test]
fn huge_page_is_read_in_bounded_time() {
    // ~50 MB: one article followed by a huge comment section of repeated blocks.
    let mut html = String::from("<html><head><title>Big</title></head><body><article><p>");
    html.push_str(
        "The council approved the new budget after a long debate about schools and roads. ",
    );
    html.push_str("</p></article>");
    let block =
        "<div class=\"c\"><p>Comment text that goes on and on without much to say.</p></div>\n";
    while html.len() < 50 * 1024 * 1024 {
        html.push_str(block);
    }
    let t = std::time::Instant::now();
    let res = read_bytes_as(
        "big.html",
        "big",
        html.as_bytes(),
        Some(Format::Html),
        None,
        None,
    );
    assert_eq!(res.len(), 1);
    assert!(t.elapsed().as_secs() < 120, "took {:?}", t.elapsed());
}

#[test]
fn gzip_bomb_and_bad_gzip_are_errors_or_text() {
    let res = read_bytes_as(
        "x.html.gz",
        "x",
        b"\x1f\x8b\x08\x00garbage",
        Some(Format::Html),
        None,
        None,
    );
    assert!(res[0]
        .as_ref()
        .is_err_and(|e| e.to_string().contains("gzip")));
}
