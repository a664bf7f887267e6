//! Reading real files: formats, ids, and bad input reported per item.

use newsprism_ingest::{read_all, Problem};

fn write(dir: &std::path::Path, rel: &str, bytes: &[u8]) -> String {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn directory_walk_reads_articles_and_skips_label_files() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "en/articles/article42.txt",
        b"Headline\n\nFirst para.\n\nSecond para.\n",
    );
    write(d, "en/labels-subtask-3.txt", b"42\t3\tDoubt\n");
    write(d, "frames.txt", b"Economic\n");
    write(d, "notes.md", b"ignored");
    let res = read_all(&[d.display().to_string()]);
    assert_eq!(res.len(), 1, "{res:?}");
    let a = res[0].as_ref().unwrap();
    assert_eq!(a.id, "42");
    assert_eq!(a.title.as_deref(), Some("Headline"));
    assert!(a.title_is_line_1);
    assert_eq!(a.declared_lang.unwrap().as_str(), "en");
    assert_eq!(
        a.paragraphs().map(|p| p.0).collect::<Vec<_>>(),
        vec![1, 3, 5]
    );
}

#[test]
fn jsonl_bad_line_does_not_lose_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let f = write(
        tmp.path(),
        "batch.jsonl",
        b"{\"id\": 7, \"text\": \"One.\\nTwo.\", \"lang\": \"fr\", \"title\": \"T\"}\n{not json}\n\n{\"title\": \"no text\"}\n{\"id\": \"b\", \"text\": \"Three.\"}\n",
    );
    let res = read_all(std::slice::from_ref(&f));
    assert_eq!(res.len(), 4);
    let first = res[0].as_ref().unwrap();
    assert_eq!(first.id, "7");
    assert_eq!(first.lines, vec!["One.", "Two."]);
    assert_eq!(first.declared_lang.unwrap().as_str(), "fr");
    let e = res[1].as_ref().unwrap_err();
    assert_eq!(e.item, format!("{f}:2"));
    assert!(matches!(e.problem, Problem::Json(_)));
    assert!(matches!(
        res[2].as_ref().unwrap_err().problem,
        Problem::MissingField("text")
    ));
    assert_eq!(res[3].as_ref().unwrap().id, "b");
}

#[test]
fn bad_files_are_named_with_their_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let bin = write(d, "a.txt", b"\x00\x01\x02binary\x00");
    let latin = write(d, "b.txt", b"caf\xe9 cr\xe8me");
    let empty = write(d, "c.txt", b"  \n");
    let missing = d.join("nope.txt").display().to_string();
    let res = read_all(&[bin.clone(), latin.clone(), empty.clone(), missing.clone()]);
    // Legacy-encoded text is decoded, not rejected.
    let latin_article = res[2].as_ref().unwrap();
    assert_eq!(latin_article.path, latin);
    assert_eq!(latin_article.lines, vec!["café crème"]);
    let errs: Vec<_> = res.iter().filter_map(|r| r.as_ref().err()).collect();
    // Missing paths are found while expanding, so they come first.
    assert_eq!(errs[0].item, missing);
    assert!(matches!(errs[0].problem, Problem::NotFound));
    assert_eq!(errs[1].item, bin);
    assert!(matches!(errs[1].problem, Problem::Binary));
    assert!(matches!(errs[2].problem, Problem::Empty));
}

#[test]
fn plain_text_id_is_the_stem() {
    let tmp = tempfile::tempdir().unwrap();
    let f = write(
        tmp.path(),
        "my-story.txt",
        b"Just one paragraph without a title line.",
    );
    let res = read_all(&[f]);
    let a = res[0].as_ref().unwrap();
    assert_eq!(a.id, "my-story");
    assert!(!a.title_is_line_1);
    assert_eq!(a.title, None);
}

#[test]
fn walk_reads_pages_feeds_and_gzip_and_skips_other_xml() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let page = "<html lang=\"de\"><head><title>Wahl</title></head><body><article><p>Die Wahl in Bayern fand am Sonntag statt und brachte eine hohe Beteiligung.</p></article></body></html>";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page.as_bytes()).unwrap();
    write(d, "pages/wahl.html.gz", &gz.finish().unwrap());
    write(d, "pages/saved.htm", page.as_bytes());
    write(
        d,
        "feeds/news.xml",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><item><title>A</title><description>Item text.</description></item></channel></rss>",
    );
    write(
        d,
        "feeds/sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>",
    );
    // A page saved under .txt is read as HTML.
    write(d, "misnamed.txt", page.as_bytes());
    let res = read_all(&[d.display().to_string()]);
    let arts: Vec<_> = res
        .iter()
        .map(|r| r.as_ref().expect("all readable"))
        .collect();
    assert_eq!(arts.len(), 4, "{res:?}");
    let feed_item = arts
        .iter()
        .find(|a| a.path.ends_with("news.xml#1"))
        .unwrap();
    assert_eq!(feed_item.lines, vec!["Item text."]);
    for a in arts.iter().filter(|a| !a.path.contains("news.xml")) {
        assert_eq!(a.declared_lang.unwrap().as_str(), "de");
        assert!(
            a.lines.iter().any(|l| l.starts_with("Die Wahl in Bayern")),
            "{a:?}"
        );
        assert!(!a.lines.iter().any(|l| l.contains('<')));
    }
    assert!(arts.iter().any(|a| a.id == "wahl"));
}

#[test]
fn explicit_non_feed_xml_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let f = write(
        tmp.path(),
        "sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>",
    );
    let res = read_all(std::slice::from_ref(&f));
    let e = res[0].as_ref().unwrap_err();
    assert_eq!(e.item, f);
    assert!(
        e.to_string().contains("not a readable RSS/Atom feed"),
        "{e}"
    );
}
